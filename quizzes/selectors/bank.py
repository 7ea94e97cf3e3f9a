"""Reads for the bank review page and the exports: a lesson's questions and flashcards."""

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from lessons.models import Lesson
from quizzes.models import Flashcard, Question, QuestionKind, QuestionStatus


@dataclass(frozen=True)
class BankPage:
    lesson: Lesson
    questions: list[Question]
    flashcards: list[Flashcard]
    question_counts: dict[str, int] = field(default_factory=dict)
    flashcard_counts: dict[str, int] = field(default_factory=dict)
    kind_counts: dict[str, int] = field(default_factory=dict)

    @property
    def question_total(self) -> int:
        return sum(self.question_counts.values())

    @property
    def flashcard_total(self) -> int:
        return sum(self.flashcard_counts.values())


def bank_questions(*, lessons: QuerySet[Lesson] | list[Lesson]) -> QuerySet[Question]:
    """The lessons' questions in bank order, with what a page or an export shows of them."""
    return Question.objects.filter(lesson__in=lessons).select_related(
        "source_sentence__lesson", "key_point"
    )


def bank_flashcards(*, lessons: QuerySet[Lesson] | list[Lesson]) -> QuerySet[Flashcard]:
    """The lessons' flashcards in bank order, with their source sentences."""
    return Flashcard.objects.filter(lesson__in=lessons).select_related(
        "source_sentence__lesson", "key_point"
    )


def _counts(queryset: QuerySet, field_name: str, values: list[str]) -> dict[str, int]:
    found = dict(queryset.values_list(field_name).annotate(n=Count("pk")).order_by())
    return {value: found.get(value, 0) for value in values}


def bank_status_counts(*, lesson: Lesson, model: type[Question] | type[Flashcard]) -> dict:
    """How many of the lesson's questions (or flashcards) have each status, in one query."""
    return _counts(model.objects.filter(lesson=lesson), "status", QuestionStatus.values)


def bank_page(*, lesson: Lesson, kind: str = "", status: str = "") -> BankPage:
    """A lesson's bank filtered by kind and status, with counts; five queries at any size."""
    questions = Question.objects.filter(lesson=lesson)
    flashcards = Flashcard.objects.filter(lesson=lesson)
    shown_questions = bank_questions(lessons=[lesson])
    shown_flashcards = bank_flashcards(lessons=[lesson])
    if kind:
        shown_questions = shown_questions.filter(kind=kind)
    if status:
        shown_questions = shown_questions.filter(status=status)
        shown_flashcards = shown_flashcards.filter(status=status)
    return BankPage(
        lesson=lesson,
        # Ready items first, the most trusted at the top; then what needs review.
        questions=list(shown_questions.order_by("-ready", "-confidence", "pk")),
        # Flashcards have no kind, so a kind filter shows questions only.
        flashcards=[] if kind else list(shown_flashcards),
        question_counts=_counts(questions, "status", QuestionStatus.values),
        flashcard_counts=_counts(flashcards, "status", QuestionStatus.values),
        kind_counts={
            kind: n for kind, n in _counts(questions, "kind", QuestionKind.values).items() if n
        },
    )
