from quizzes.generation.flashcards import key_point_cards, term_cards


def test_appositive_explains_a_name(parse):
    lesson = parse(
        ["Herodotus, the Greek historian of the Persian wars, described the battle in detail."]
    )

    cards, _ = term_cards(lesson.sentences, lesson.entities)

    assert [(c.front, c.back) for c in cards] == [
        ("Herodotus", "The Greek historian of the Persian wars.")
    ]


def test_card_definition_never_holds_its_term(parse):
    lesson = parse(["Stalin, the leader who succeeded Lenin, was feared by Stalin's own party."])

    cards, _ = term_cards(lesson.sentences, lesson.entities)

    assert all(card.front not in card.back for card in cards)


def test_every_key_point_gets_a_card_backed_by_the_lesson(parse):
    texts = [
        "Joseph Stalin ordered the arrest of his old rivals in the party in 1936.",
        "The defendants were tortured and coerced into confessing to crimes they did not commit.",
    ]
    lesson = parse(texts, key_points=["Defendants were coerced into confessing."])
    docs = [lesson.pool.extra_docs[0]]

    cards = key_point_cards(["Defendants were coerced into confessing."], docs, lesson.sentences)

    assert [(c.front, c.back) for c in cards] == [
        ("Defendants were coerced into confessing.", texts[1])
    ]
