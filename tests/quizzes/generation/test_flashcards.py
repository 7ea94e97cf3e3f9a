from quizzes.generation.flashcards import key_point_cards, term_cards


def test_appositive_explains_a_name(parse):
    lesson = parse(
        ["Herodotus, the Greek historian of the Persian wars, described the battle in detail."]
    )

    cards, _ = term_cards(lesson.sentences, lesson.entities)

    assert [(c.front, c.back) for c in cards] == [
        ("Who was Herodotus?", "Herodotus was the Greek historian of the Persian wars.")
    ]


def test_card_front_never_holds_what_its_back_says(parse):
    lesson = parse(["Stalin, the leader who succeeded Lenin, was feared by Stalin's own party."])

    cards, _ = term_cards(lesson.sentences, lesson.entities)

    for card in cards:
        said = card.back.removeprefix(card.term).split(" ", 2)[-1].rstrip(".")
        assert said not in card.front


def test_key_point_card_blanks_its_date_and_backs_it_with_the_whole_point(parse):
    key_point = "King John sealed Magna Carta on 15 June 1215."
    lesson = parse(
        ["In June 1215 King John of England sealed Magna Carta at Runnymede."], [key_point]
    )

    cards = key_point_cards([key_point], lesson.pool.extra_docs, lesson.sentences, lesson.entities)

    assert [(c.front, c.back) for c in cards] == [
        ("King John sealed Magna Carta on _____.", key_point)
    ]


def test_every_key_point_gets_a_card_backed_by_the_lesson(parse):
    texts = [
        "Joseph Stalin ordered the arrest of his old rivals in the party in 1936.",
        "The defendants were tortured and coerced into confessing to crimes they did not commit.",
    ]
    lesson = parse(texts, key_points=["Defendants were coerced into confessing."])
    docs = [lesson.pool.extra_docs[0]]

    cards = key_point_cards(
        ["Defendants were coerced into confessing."], docs, lesson.sentences, lesson.entities
    )

    assert [(c.front, c.back) for c in cards] == [
        ("What does the lesson say about defendants?", "Defendants were coerced into confessing.")
    ]
