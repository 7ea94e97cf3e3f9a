from django.core.management import call_command

from quizzes.models import Flashcard, Question, QuestionStatus
from quizzes.services.bank import bank_generate


def test_import_generates_the_bank(given_lesson):
    assert Question.objects.filter(lesson=given_lesson).count() >= 20
    assert Flashcard.objects.filter(lesson=given_lesson).count() >= 10


def test_stale_generated_questions_are_retired_not_deleted(given_lesson):
    stale = Question.objects.filter(lesson=given_lesson).first()
    stale.fingerprint = "no-longer-generated"
    stale.save()

    result = bank_generate(lesson=given_lesson)

    stale.refresh_from_db()
    assert stale.retired_at is not None
    assert not Question.objects.in_bank().filter(pk=stale.pk).exists()
    assert result.removed == 1


def test_reviewed_question_no_longer_generated_is_kept(given_lesson):
    kept = Question.objects.filter(lesson=given_lesson).first()
    kept.fingerprint, kept.status = "reviewed-old", QuestionStatus.APPROVED
    kept.save()

    bank_generate(lesson=given_lesson)

    assert Question.objects.filter(pk=kept.pk).exists()


def test_command_prints_counts_per_lesson(given_lesson, capsys):
    call_command("generate_questions", "--lesson", given_lesson.slug)

    assert f"{given_lesson.slug}: " in capsys.readouterr().out


def test_command_all_covers_every_lesson(given_lesson, capsys):
    call_command("generate_questions", "--all")

    assert given_lesson.slug in capsys.readouterr().out


def test_items_record_key_points_where_they_match(given_lesson):
    assert Question.objects.filter(lesson=given_lesson, key_point__isnull=False).exists()
    assert Flashcard.objects.filter(lesson=given_lesson, rule="card.keypoint").count() == (
        given_lesson.key_points.count()
    )
