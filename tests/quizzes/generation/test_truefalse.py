from quizzes.generation.checks import differs_by_one_span
from quizzes.generation.truefalse import false_statement, true_statement


def test_true_statement_is_the_sentence_as_written(parse):
    lesson = parse(["Joseph Stalin ordered the arrest of his old rivals in the party in 1936."])

    item = true_statement(lesson.sentences[0])

    assert (item.prompt, item.answer) == (lesson.sentences[0].text, "true")


def test_false_statement_swaps_exactly_one_span(parse):
    lesson = parse(["Joseph Stalin ordered the arrest of his old rivals in the party in 1936."])

    item = false_statement(lesson.sentences[0], lesson.answer(0, "1936"), "1941")

    assert item.answer == "false" and "1941" in item.prompt
    assert differs_by_one_span(lesson.sentences[0].text, item.prompt)
