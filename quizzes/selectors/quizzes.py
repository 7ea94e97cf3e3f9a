"""Teachers' quizzes and the questions a quiz can draw on."""

from collections.abc import Iterable

from django.db.models import Count, QuerySet

from quizzes.models import Question, Quiz, SelectionMode


def quiz_list_for_teacher(*, user) -> QuerySet[Quiz]:
    """The teacher's quizzes (every quiz for admins), with counts for the list page."""
    return (
        Quiz.objects.for_teacher(user)
        .without_live_records()
        .select_related("owner")
        .annotate(
            picked_count=Count("quiz_questions", distinct=True),
            assignment_count=Count("assignments", distinct=True),
        )
        .prefetch_related("lessons")
    )


def questions_for_lessons(*, lesson_ids: Iterable[int]) -> QuerySet[Question]:
    """Usable (not rejected) questions of the lessons, grouped by lesson."""
    return (
        Question.objects.usable()
        .filter(lesson__in=list(lesson_ids))
        .select_related("lesson")
        .order_by("lesson__title", "pk")
    )


def quiz_preview_questions(*, quiz: Quiz) -> list[Question]:
    """What students are asked: the picked questions, or the pool random draws come from."""
    if quiz.selection_mode == SelectionMode.RANDOM:
        pool = questions_for_lessons(lesson_ids=quiz.lessons.values_list("pk", flat=True))
        return list(pool.ready_or_approved().select_related("source_sentence__lesson"))
    return [
        quiz_question.question
        for quiz_question in quiz.quiz_questions.select_related(
            "question__lesson", "question__source_sentence__lesson"
        ).order_by("position")
    ]
