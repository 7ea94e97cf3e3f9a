from quizzes.generation.checks import BLANK
from quizzes.generation.cloze import cloze_prompt, fill_blank, multiple_choice


def test_cloze_blanks_the_answer_once(parse):
    lesson = parse(["The Persian king Darius I sent the expedition to punish Athens for its help."])
    answer = lesson.answer(0, "Athens")

    prompt = cloze_prompt(lesson.sentences[0], answer)

    assert (
        prompt == f"The Persian king Darius I sent the expedition to punish {BLANK} for its help."
    )


def test_cloze_refused_when_the_answer_appears_twice(parse):
    lesson = parse(
        ["Athens asked Sparta for help, but Sparta sent its army only after the battle."]
    )
    answer = lesson.answer(0, "Sparta")

    assert cloze_prompt(lesson.sentences[0], answer) is None


def test_fill_blank_records_rule_source_and_variants(parse):
    lesson = parse(["Joseph Stalin ordered the arrest of his old rivals in the party in 1936."])
    answer = lesson.answer(0, "Joseph Stalin")

    item = fill_blank(lesson.sentences[0], answer, cloze_prompt(lesson.sentences[0], answer))

    assert item.rule == "cloze.person"
    assert item.source_text == lesson.sentences[0].text
    assert item.accepted == ["Stalin"]  # his surname: no other name of the lesson shares it


def test_multiple_choice_holds_the_answer_and_three_wrong_options(parse):
    lesson = parse(["Joseph Stalin ordered the arrest of his old rivals in the party in 1936."])
    answer = lesson.answer(0, "Joseph Stalin")

    item = multiple_choice(lesson.sentences[0], answer, "Who?", ["A B", "C D", "E F"], "mc")

    assert item.choices[0] == "Joseph Stalin" and len(item.choices) == 4
    assert item.rule == "mc.person"
