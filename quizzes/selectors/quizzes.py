"""Teachers' quizzes and the questions a quiz can draw on."""

import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from lessons.models import KeyPoint, Lesson
from quizzes.drawing import draw_item, giveaway_pairs
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


@dataclass(frozen=True)
class PickRow:
    """One question the builder offers, with the questions it would give away."""

    question: Question
    giveaways: tuple[tuple[int, str], ...] = ()

    @property
    def giveaways_data(self) -> str:
        """The pairs as JSON for the builder's script: [[other id, reason], ...]."""
        return json.dumps([list(pair) for pair in self.giveaways])


@dataclass(frozen=True)
class PickGroup:
    """A lesson's questions in the builder, with the key points they test."""

    lesson: Lesson
    rows: list[PickRow]

    @property
    def ready_count(self) -> int:
        return sum(row.question.tier in READY_TIERS for row in self.rows)

    @property
    def key_points(self) -> list[KeyPoint]:
        found = {row.question.key_point_id: row.question.key_point for row in self.rows}
        return sorted((p for p in found.values() if p is not None), key=lambda p: p.position)


@dataclass(frozen=True)
class QuestionPicker:
    """The builder's question list, grouped by lesson in the order given."""

    groups: list[PickGroup]

    @property
    def total(self) -> int:
        return sum(len(group.rows) for group in self.groups)

    def giveaways_among(self, picked: set[int]) -> list[tuple[Question, Question, str]]:
        """The pairs of picked questions that give each other away, with the reason."""
        by_id = {row.question.pk: row for group in self.groups for row in group.rows}
        return [
            (by_id[first].question, by_id[second].question, reason)
            for first in sorted(picked & set(by_id))
            for second, reason in by_id[first].giveaways
            if second in picked and first < second
        ]


# What "select all ready" picks: ranked ready by the generator, or approved by a person.
READY_TIERS = ("ready", "approved")


def quiz_question_picker(*, questions: Iterable[Question]) -> QuestionPicker:
    """The questions (of quiz_question_pool, in the order the quiz would ask them) grouped
    by lesson, each with the others it gives away (quizzes.drawing.giveaway_pairs)."""
    questions = list(questions)
    partners: dict[int, list[tuple[int, str]]] = {}
    for first, second, reason in giveaway_pairs([draw_item(q) for q in questions]):
        partners.setdefault(first, []).append((second, reason))
        partners.setdefault(second, []).append((first, reason))
    groups: dict[int, PickGroup] = {}
    for question in questions:
        group = groups.setdefault(question.lesson_id, PickGroup(question.lesson, []))
        group.rows.append(PickRow(question, tuple(partners.get(question.pk, ()))))
    return QuestionPicker(list(groups.values()))
