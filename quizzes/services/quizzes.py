"""Building quizzes from lessons' question banks: by hand or "N at random"."""

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from lessons.models import Lesson
from quizzes.drawing import draw_item, giveaway_pairs
from quizzes.models import AnswerVisibility, Question, Quiz, QuizQuestion, SelectionMode

# Quiz settings a teacher may set directly; everything else goes through the arguments.
SETTING_FIELDS = (
    "title",
    "selection_mode",
    "random_count",
    "time_limit_minutes",
    "attempts_allowed",
    "grading_method",
    "shuffle_questions",
    "shuffle_options",
    "one_question_per_page",
    "answers_visible",
    "opens_at",
    "closes_at",
)


def quiz_question_pool(*, owner, lessons) -> QuerySet[Question]:
    """The questions a teacher's quiz may ask from these lessons: the usable ones of the
    bank that the teacher may see (of a library lesson, its ready and approved ones)."""
    return Question.objects.usable().filter(lesson__in=lessons).visible_to(owner)


def quiz_check_settings(
    *,
    owner,
    lessons: Sequence[Lesson],
    selection_mode: str,
    questions: Sequence[Question],
    random_count: int | None,
    opens_at: datetime | None,
    closes_at: datetime | None,
) -> None:
    """Refuse a quiz that could not be taken, with a message per problem."""
    errors: dict[str, str] = {}
    lesson_ids = {lesson.pk for lesson in lessons}
    if not lesson_ids:
        errors["lessons"] = "Choose at least one lesson."
    elif Lesson.objects.filter(pk__in=lesson_ids).bank_visible_to(owner).count() < len(lesson_ids):
        errors["lessons"] = "Choose your own lessons or lessons of the site library."
    pool = quiz_question_pool(owner=owner, lessons=lesson_ids)
    if selection_mode == SelectionMode.HAND_PICKED:
        picked = {q.pk for q in questions}
        if not questions:
            errors["questions"] = "Pick at least one question."
        elif pool.filter(pk__in=picked).count() < len(picked):
            errors["questions"] = "Pick questions from the chosen lessons that are not rejected."
    elif selection_mode == SelectionMode.RANDOM:
        available = pool.ready_or_approved().count()
        if not random_count:
            errors["random_count"] = "Say how many questions each student draws."
        elif random_count > available:
            errors["random_count"] = (
                f"The chosen lessons have only {available} ready or approved question"
                f"{'s' if available != 1 else ''} to draw from: draw fewer, or approve more "
                "questions in the lessons' banks."
            )
    else:
        errors["selection_mode"] = "Choose how questions are picked."
    if opens_at and closes_at and closes_at <= opens_at:
        errors["closes_at"] = "The quiz must close after it opens."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def _quiz_apply(
    *,
    quiz: Quiz,
    lessons: Sequence[Lesson],
    questions: Iterable[Question],
    settings: dict[str, Any],
) -> Quiz:
    questions = list(questions)
    if settings.get("selection_mode") == SelectionMode.RANDOM:
        questions = []
    else:
        settings = {**settings, "random_count": None}
    quiz_check_settings(
        owner=quiz.owner,
        lessons=lessons,
        selection_mode=settings.get("selection_mode", quiz.selection_mode),
        questions=questions,
        random_count=settings.get("random_count"),
        opens_at=settings.get("opens_at"),
        closes_at=settings.get("closes_at"),
    )
    undated = quiz.pk and quiz.assignments.filter(due_at__isnull=True).exists()
    if settings.get("answers_visible") == AnswerVisibility.AFTER_DUE and undated:
        raise ValidationError(
            {"answers_visible": "A class has this quiz with no due date: give it one first."}
        )
    for field in SETTING_FIELDS:
        if field in settings:
            setattr(quiz, field, settings[field])
    quiz.full_clean(exclude=["owner"])
    quiz.save()
    quiz.lessons.set(lessons)
    # Attempts keep their own copy of question ids, so rebuilding the list is safe.
    quiz.quiz_questions.all().delete()
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=quiz, question=question, position=position)
        for position, question in enumerate(questions, start=1)
    )
    return quiz


def _check_setting_names(settings: dict[str, Any]) -> None:
    unknown = set(settings) - set(SETTING_FIELDS)
    if unknown:
        raise TypeError(f"unknown quiz settings: {sorted(unknown)}")


def quiz_create(
    *,
    owner,
    lessons: Sequence[Lesson],
    questions: Iterable[Question] = (),
    **settings: Any,
) -> Quiz:
    """Make a quiz from the lessons' banks with the teacher's settings."""
    _check_setting_names(settings)
    return _quiz_apply(
        quiz=Quiz(owner=owner), lessons=lessons, questions=questions, settings=settings
    )


def quiz_update(
    *,
    quiz: Quiz,
    lessons: Sequence[Lesson],
    questions: Iterable[Question] = (),
    **settings: Any,
) -> Quiz:
    """Change a quiz's lessons, questions or settings; attempts already started keep theirs."""
    _check_setting_names(settings)
    return _quiz_apply(quiz=quiz, lessons=lessons, questions=questions, settings=settings)


def quiz_giveaway_pairs(*, quiz: Quiz) -> list[tuple[Question, Question, str]]:
    """Pairs of the quiz's hand-picked questions that give each other away (one sentence,
    or one shows the other's answer), for the builder to warn about."""
    questions = [qq.question for qq in quiz.quiz_questions.select_related("question")]
    by_id = {question.pk: question for question in questions}
    pairs = giveaway_pairs([draw_item(question) for question in questions])
    return [(by_id[first], by_id[second], reason) for first, second, reason in pairs]
