from quizzes.generation.sets import DatedEvent, Pair, matching, ordering


def _sentence(parse):
    return parse(
        ["Joseph Stalin ordered the arrest of his old rivals in the party in 1936."]
    ).sentences[0]


def test_matching_needs_four_pairs(parse):
    sentence = _sentence(parse)
    pairs = [Pair(f"Name {i}", f"Description number {i}", sentence) for i in range(3)]

    assert matching(pairs) is None
    assert matching([*pairs, Pair("Name 9", "Description number 9", sentence)]) is not None


def test_matching_choices_are_the_descriptions_shuffled(parse):
    sentence = _sentence(parse)
    pairs = [Pair(f"Name {i}", f"Description number {i}", sentence) for i in range(5)]

    item = matching(pairs)

    assert sorted(item.choices) == sorted(right for _, right in item.answer)


def test_matching_drops_a_description_naming_another_term(parse):
    sentence = _sentence(parse)
    pairs = [Pair(f"Name {i}", f"Description number {i}", sentence) for i in range(4)]
    pairs.append(Pair("Herodotus", "The historian who wrote about Name 1", sentence))

    item = matching(pairs)

    assert "Herodotus" not in [left for left, _ in item.answer]


def test_ordering_puts_events_by_year_and_shuffles_the_choices(parse):
    sentence = _sentence(parse)
    events = [
        DatedEvent(1917, "1917", "The revolution began", sentence),
        DatedEvent(1905, "1905", "A first revolution failed", sentence),
        DatedEvent(1936, "1936", "The first trial opened", sentence),
    ]

    item = ordering(events)

    assert item.answer == [
        "A first revolution failed",
        "The revolution began",
        "The first trial opened",
    ]
    assert item.choices != item.answer and sorted(item.choices) == sorted(item.answer)


def test_ordering_needs_three_different_years(parse):
    sentence = _sentence(parse)
    events = [
        DatedEvent(1917, "1917", "The revolution began", sentence),
        DatedEvent(1917, "1917", "The tsar abdicated", sentence),
        DatedEvent(1936, "1936", "The first trial opened", sentence),
    ]

    assert ordering(events) is None
