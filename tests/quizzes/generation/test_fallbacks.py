from quizzes.generation.fallbacks import ACTIVE_YEAR, FALLBACKS


def test_every_kind_has_enough_fallbacks():
    assert all(len(entries) >= 10 for entries in FALLBACKS.values())


def test_fallback_names_are_unique_within_a_kind():
    for entries in FALLBACKS.values():
        names = [name for name, _ in entries]
        assert len(names) == len(set(names))


def test_every_dated_fallback_is_a_fallback():
    names = {name for entries in FALLBACKS.values() for name, _ in entries}

    assert set(ACTIVE_YEAR) <= names
