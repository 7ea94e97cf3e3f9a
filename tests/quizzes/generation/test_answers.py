from quizzes.generation.answers import term_answers, variants


def test_person_answer_accepts_the_surname_alone(parse):
    lesson = parse(["Joseph Stalin ordered the arrest of his old rivals in the party in 1936."])

    accepted = variants(lesson.answer(0, "Joseph Stalin"))

    assert "Stalin" in accepted


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
