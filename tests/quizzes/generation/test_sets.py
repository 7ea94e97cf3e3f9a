from quizzes.generation.sets import DatedEvent, Pair, matching, ordering, people_pairs


def _sentence(parse):
    return parse(
        ["Joseph Stalin ordered the arrest of his old rivals in the party in 1936."]
    ).sentences[0]


def test_matching_needs_four_pairs(parse):
    sentence = _sentence(parse)
    pairs = [Pair(f"Name {i}", f"Description of number {i}", sentence) for i in range(3)]

    assert matching(pairs) is None
    assert matching([*pairs, Pair("Name 9", "Description of number 9", sentence)]) is not None


def test_matching_choices_are_the_descriptions_shuffled(parse):
    sentence = _sentence(parse)
    pairs = [Pair(f"Name {i}", f"Description of number {i}", sentence) for i in range(5)]

    item = matching(pairs)

    assert sorted(item.choices) == sorted(right for _, right in item.answer)


def test_matching_drops_a_description_naming_another_term(parse):
    sentence = _sentence(parse)
    pairs = [Pair(f"Name {i}", f"Description of number {i}", sentence) for i in range(4)]
    pairs.append(Pair("Herodotus", "The historian who wrote about Name 1", sentence))

    item = matching(pairs)

    assert "Herodotus" not in [left for left, _ in item.answer]


def test_ordering_puts_events_by_year_and_shuffles_the_choices(parse):
    sentence = _sentence(parse)
    events = [
        DatedEvent(1917, "1917", "The revolution began", sentence),
        DatedEvent(1905, "1905", "A revolt failed", sentence),
        DatedEvent(1936, "1936", "The show trial opened", sentence),
        DatedEvent(1939, "1939", "The war began", sentence),
    ]

    item = ordering(events)

    assert item.answer == [
        "A revolt failed",
        "The revolution began",
        "The show trial opened",
        "The war began",
    ]
    assert item.choices != item.answer and sorted(item.choices) == sorted(item.answer)


def test_ordering_needs_four_clearly_ordered_events(parse):
    sentence = _sentence(parse)
    events = [
        DatedEvent(1917, "1917", "The revolution began", sentence),
        DatedEvent(1917, "1917", "The tsar abdicated", sentence),
        DatedEvent(1936, "1936", "The first trial opened", sentence),
        DatedEvent(1939, "1939", "The war began", sentence),
    ]

    assert ordering(events) is None


def test_ordering_uses_months_within_one_year(parse):
    sentence = _sentence(parse)
    events = [
        DatedEvent(1962, "28 October 1962", "The missiles were withdrawn", sentence),
        DatedEvent(1962, "April 1962", "The deployment was planned", sentence),
        DatedEvent(1961, "April 1961", "The invasion failed", sentence),
        DatedEvent(1962, "1962", "Something happened that year", sentence),
        DatedEvent(1963, "August 1963", "The hotline opened", sentence),
    ]

    item = ordering(events)

    assert item.answer == [
        "The invasion failed",
        "The deployment was planned",
        "The missiles were withdrawn",
        "The hotline opened",
    ]


def test_a_long_deed_is_matched_by_its_first_whole_clause(parse):
    # F1: no lesson had four people to match; a main actor's deed ran on past 16 words.
    lesson = parse(
        [
            "On 12 March 1930, Arjun Rao set out on foot from his village near the river to the"
            " coastal town of Surat, about 385 kilometres away, to break the law that taxed salt.",
        ]
    )

    pairs = people_pairs(lesson.sentences, lesson.entities, [])

    assert [(p.term, p.description) for p in pairs] == [
        (
            "Arjun Rao",
            "Set out on foot from his village near the river to the coastal town of Surat",
        )
    ]
