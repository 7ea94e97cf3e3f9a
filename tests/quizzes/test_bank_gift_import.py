from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from quizzes.imports.gift import GIFT_RULE, gift_import, parse_gift
from quizzes.models import Question, QuestionKind, QuestionStatus
from tests.lessons.factories import LessonFactory

HAND_WRITTEN = """// A teacher's own questions
$CATEGORY: $course$/top/Vienna

::Host::Which city hosted the congress? {~Paris =Vienna ~Berlin}

Metternich chaired the congress.{T}

Talleyrand spoke for {=France =the French} at Vienna.

Who chaired the congress?{=Metternich =Klemens von Metternich}

Match the envoys.{
  =Metternich -> Austria
  =Castlereagh -> Britain
}

Which powers sent delegates?{
  ~%50%Austria
  ~%50%Prussia
  ~%-100%Brazil
}
"""


@pytest.fixture
def lesson(db):
    return LessonFactory(slug="vienna")


def test_import_reads_each_kind_of_hand_written_question(lesson):
    report = gift_import(lesson=lesson, text=HAND_WRITTEN)

    assert report.problems == []
    kinds = [q.kind for q in Question.objects.filter(lesson=lesson).order_by("pk")]
    assert kinds == [
        QuestionKind.MULTIPLE_CHOICE,
        QuestionKind.TRUE_FALSE,
        QuestionKind.FILL_BLANK,
        QuestionKind.SHORT_ANSWER,
        QuestionKind.MATCHING,
        QuestionKind.MULTIPLE_RESPONSE,
    ]


def test_imported_questions_are_approved_and_marked_as_imported(lesson):
    gift_import(lesson=lesson, text=HAND_WRITTEN)

    question = Question.objects.filter(lesson=lesson).first()
    assert question.status == QuestionStatus.APPROVED
    assert question.rule == GIFT_RULE
    assert question.created_by is None


def test_missing_word_answers_become_a_blank(lesson):
    gift_import(lesson=lesson, text=HAND_WRITTEN)

    question = Question.objects.get(lesson=lesson, kind=QuestionKind.FILL_BLANK)
    assert question.prompt == "Talleyrand spoke for _____ at Vienna."
    assert (question.answer, question.accepted) == ("France", ["the French"])


def test_multiple_response_keeps_the_positively_weighted_answers(lesson):
    gift_import(lesson=lesson, text=HAND_WRITTEN)

    question = Question.objects.get(lesson=lesson, kind=QuestionKind.MULTIPLE_RESPONSE)
    assert question.answer == ["Austria", "Prussia"]
    assert question.choices == ["Austria", "Prussia", "Brazil"]


def test_multiple_choice_may_have_three_options_when_hand_written(lesson):
    gift_import(lesson=lesson, text=HAND_WRITTEN)

    question = Question.objects.get(lesson=lesson, kind=QuestionKind.MULTIPLE_CHOICE)
    assert (question.choices, question.answer) == (["Paris", "Vienna", "Berlin"], "Vienna")


def test_problems_name_the_line_each_bad_question_starts_on():
    text = "Good? {=yes}\n\nWhen was he born?{#1822:5}\n\nNo answers here.\n\nEssay time.{}\n"

    parsed = parse_gift(text)

    assert [q.prompt for q in parsed.questions] == ["Good?"]
    assert [(p.line, p.message.split(";")[0]) for p in parsed.problems] == [
        (3, "numerical questions are not supported"),
        (5, "no answers: write them between { and }"),
        (7, "essay questions (empty { }) have no answer to mark"),
    ]


def test_a_question_that_breaks_a_kind_rule_is_reported():
    parsed = parse_gift("Which?{=A ~A ~B}")

    assert parsed.questions == []
    assert "must be different from each other" in str(parsed.problems[0])


def test_feedback_is_dropped_from_answers(lesson):
    gift_import(lesson=lesson, text="Who won?{=Wellington#Yes! ~Napoleon#No. ~Blücher ~Ney}")

    question = Question.objects.get(lesson=lesson)
    assert question.choices == ["Wellington", "Napoleon", "Blücher", "Ney"]


def test_importing_the_same_file_twice_adds_nothing_the_second_time(lesson):
    gift_import(lesson=lesson, text=HAND_WRITTEN)

    again = gift_import(lesson=lesson, text=HAND_WRITTEN)

    assert again.imported == []
    assert len(again.duplicates) == 6
    assert Question.objects.filter(lesson=lesson).count() == 6


def _command(tmp_path, text: str, *args) -> tuple[str, str]:
    path = tmp_path / "questions.gift"
    path.write_text(text, encoding="utf-8")
    out, err = StringIO(), StringIO()
    call_command("import_gift", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_gift_command_adds_the_questions(lesson, tmp_path):
    out, _ = _command(tmp_path, HAND_WRITTEN, "--lesson", "vienna")

    assert "Added 6 question(s)" in out
    assert Question.objects.filter(lesson=lesson).count() == 6


def test_import_gift_command_saves_good_questions_reports_bad_ones_and_fails(lesson, tmp_path):
    text = "Good? {=yes}\n\nBad?{#12}\n"
    err = StringIO()
    path = tmp_path / "questions.gift"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(CommandError) as raised:
        call_command("import_gift", str(path), "--lesson", "vienna", stdout=StringIO(), stderr=err)

    assert raised.value.returncode == 1
    assert "line 3: numerical questions are not supported" in err.getvalue()
    assert list(Question.objects.filter(lesson=lesson).values_list("prompt", flat=True)) == [
        "Good?"
    ]


def test_import_gift_dry_run_saves_nothing(lesson, tmp_path):
    out, _ = _command(tmp_path, HAND_WRITTEN, "--lesson", "vienna", "--dry-run")

    assert "Would add 6 question(s)" in out
    assert not Question.objects.filter(lesson=lesson).exists()


def test_import_gift_refuses_an_unknown_lesson(db, tmp_path):
    with pytest.raises(CommandError, match="no lesson has the slug"):
        _command(tmp_path, HAND_WRITTEN, "--lesson", "nope")


def test_import_gift_refuses_a_file_that_is_not_utf8(lesson, tmp_path):
    path = tmp_path / "latin.gift"
    path.write_bytes("Café?{=oui}".encode("latin-1"))

    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_gift", str(path), "--lesson", "vienna", stdout=StringIO())


def test_a_question_holding_a_nul_character_is_reported_not_imported():
    # Found by the fuzz test: a NUL went into the prompt as it was (PostgreSQL refuses
    # to store one, and no teacher means it).
    result = parse_gift(
        "Magna Carta was sealed in 1215.\x00 {TRUE}\n\nThe Pope annulled it. {TRUE}"
    )

    assert [q.prompt for q in result.questions] == ["The Pope annulled it."]
    assert [(p.line, p.message) for p in result.problems] == [
        (1, "a NUL character (byte 0) in the question: remove it and import again")
    ]
