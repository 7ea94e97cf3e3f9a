from quizzes.generation.items import fingerprint, seeded_shuffle, tidy


def test_fingerprint_depends_only_on_its_parts():
    assert fingerprint("a", "b") == fingerprint("a", "b")
    assert fingerprint("a", "b") != fingerprint("a", "c")


def test_seeded_shuffle_is_repeatable():
    items = list(range(10))

    assert seeded_shuffle(items, 7) == seeded_shuffle(items, 7)
    assert sorted(seeded_shuffle(items, 7)) == items


def test_tidy_repairs_spacing_left_by_removed_words():
    assert tidy("Who  led the army , ?") == "Who led the army?"
