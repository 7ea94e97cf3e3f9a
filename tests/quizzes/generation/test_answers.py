from quizzes.generation.answers import term_answers, variants


def test_person_answer_accepts_the_surname_the_lesson_uses_alone(parse):
    lesson = parse(
        [
            "Joseph Stalin ordered the arrest of his old rivals in the party in 1936.",
            "Stalin signed the lists of names that the secret police had prepared.",
        ]
    )

    accepted = variants(lesson.answer(0, "Joseph Stalin"))

    assert "Stalin" in accepted


def test_person_answer_never_accepts_a_last_word_that_is_no_surname(parse):
    lesson = parse(
        [
            "Martin Luther King Jr led the boycott of the city buses in Montgomery.",
            "Zeng Guofan raised a new regional army in Hunan to fight the rebels.",
        ]
    )

    assert "Jr" not in variants(lesson.answer(0, "Martin Luther King Jr"))
    assert "Guofan" not in variants(lesson.answer(1, "Zeng Guofan"))


def test_answer_after_the_accepts_the_article(parse):
    lesson = parse(
        ["The rebels were defeated by the Ottoman Empire after a long siege of the city."]
    )

    accepted = variants(lesson.answer(0, "Ottoman Empire"))

    assert "the Ottoman Empire" in accepted


def test_number_answer_accepts_digits_with_and_without_commas(parse):
    lesson = parse(["The Persian army of about 25,000 soldiers landed on the beach near the town."])

    accepted = variants(lesson.answer(0, "25,000"))

    assert "25000" in accepted


def test_key_noun_phrases_on_the_topic_are_answers(parse):
    lesson = parse(["The regime used forced confessions to justify the execution of its rivals."])

    terms = [a.text for a in term_answers(lesson.sentences[0], {"confession"})]

    assert terms == ["forced confessions"]
