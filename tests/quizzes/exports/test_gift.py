import pytest

from quizzes.exports import bank_export
from quizzes.exports.gift import escape, ordinal
from quizzes.imports.gift import gift_import, parse_gift
from quizzes.models import Question, QuestionKind
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import FillBlankQuestionFactory, QuestionFactory


def _gift(lesson) -> str:
    return bank_export(lessons=[lesson], format_name="gift")


def test_gift_opens_the_lessons_category(lesson, bank):
    text = _gift(lesson)

    assert "$CATEGORY: $course$/top/History Quiz/The Congress of Vienna\n" in text


def test_gift_titles_every_question(lesson, bank):
    text = _gift(lesson)

    for number in range(1, len(bank["questions"]) + 1):
        assert f"::congress-of-vienna {number:03d}::" in text


def test_gift_leaves_out_rejected_questions(lesson, bank):
    assert "A rejected question" not in _gift(lesson)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a ~ b", "a \\~ b"),
        ("1 = 2", "1 \\= 2"),
        ("#1", "\\#1"),
        ("{x}", "\\{x\\}"),
        ("Note: it", "Note\\: it"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
    ],
)
def test_gift_escapes_its_special_characters(text, escaped):
    assert escape(text) == escaped


def test_gift_writes_multiple_response_weights_summing_to_100(lesson, bank):
    text = _gift(lesson)

    assert "~%50%Austria" in text
    assert "~%50%Prussia" in text
    assert "~%-50%Spain" in text
    assert "~%-50%Portugal" in text


def test_gift_reads_back_ordering_written_as_matching_positions_by_older_exports(lesson):
    old = "::old::Put these in order. {\n=1st -> Elba\n=2nd -> Waterloo\n=3rd -> Paris\n}\n"

    (question,) = parse_gift(old).questions

    assert question.kind == "ordering" and question.answer == ["Elba", "Waterloo", "Paris"]


def test_gift_writes_fill_blank_answers_where_the_blank_is(lesson, bank):
    assert "The Final Act was signed on 9 June {=1815}. (" in _gift(lesson)


def test_ordinals_read_as_english():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "101st",
    ]


def _shape(question) -> tuple:
    return (question.kind, question.prompt, question.answer, question.accepted)


def test_gift_export_reimports_every_kind_without_loss(lesson, bank):
    exported = bank["questions"]
    target = LessonFactory()

    report = gift_import(lesson=target, text=_gift(lesson))

    assert report.problems == []
    imported = list(Question.objects.filter(lesson=target).order_by("pk"))
    assert [_shape(q) for q in imported] == [_shape(q) for q in exported]
    assert {q.kind for q in imported} == set(QuestionKind.values)


def test_gift_round_trip_keeps_options_in_order(lesson, bank):
    target = LessonFactory()

    gift_import(lesson=target, text=_gift(lesson))

    original = bank["questions"][0]
    copy = Question.objects.get(lesson=target, kind=QuestionKind.MULTIPLE_CHOICE)
    assert copy.choices == original.choices


def test_gift_round_trip_keeps_special_characters(lesson):
    QuestionFactory(
        lesson=lesson,
        prompt="Which {treaty} said: 1 = 1 ~ #2? \\ ok",
        choices=["A: one", "B = two", "C ~ three", "D #four"],
        answer="B = two",
    )
    FillBlankQuestionFactory(
        lesson=lesson, prompt="The treaty was signed in _____", answer="1815", accepted=["in 1815"]
    )
    target = LessonFactory()

    report = gift_import(lesson=target, text=_gift(lesson))

    assert report.problems == []
    copies = {q.kind: q for q in Question.objects.filter(lesson=target)}
    assert copies["multiple_choice"].prompt == "Which {treaty} said: 1 = 1 ~ #2? \\ ok"
    assert copies["multiple_choice"].choices == ["A: one", "B = two", "C ~ three", "D #four"]
    assert copies["multiple_choice"].answer == "B = two"
    assert copies["fill_blank"].prompt == "The treaty was signed in _____"
    assert copies["fill_blank"].accepted == ["in 1815"]


def test_gift_export_parses_back_without_problems_for_the_given_lesson(given_lesson):
    pytest.importorskip("quizzes.services.bank")
    from quizzes.services.bank import bank_generate

    bank_generate(lesson=given_lesson)

    parsed = parse_gift(_gift(given_lesson))

    assert parsed.problems == []
    assert len(parsed.questions) == given_lesson.questions.usable().count()


def test_gift_round_trip_keeps_case_variants_of_the_answer(lesson):
    FillBlankQuestionFactory(
        lesson=lesson,
        prompt="_____ was tried in 1936.",
        answer="Grigory Zinoviev",
        accepted=["Zinoviev", "zinoviev", "grigory zinoviev"],
    )
    target = LessonFactory()

    gift_import(lesson=target, text=_gift(lesson))

    copy = Question.objects.get(lesson=target)
    assert (copy.prompt, copy.answer, copy.accepted) == (
        "_____ was tried in 1936.",
        "Grigory Zinoviev",
        ["Zinoviev", "zinoviev", "grigory zinoviev"],
    )
