"""Reads for the bank review page and the exports: a lesson's questions and flashcards,
as much of them as the viewer may see (BankItemQuerySet.visible_to)."""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from lessons.models import Lesson
from quizzes.models import Answer, Flashcard, Question, QuestionKind, QuestionStatus, QuizQuestion


@dataclass(frozen=True)
class BankPage:
    lesson: Lesson
    questions: list[Question]
    flashcards: list[Flashcard]
    question_counts: dict[str, int] = field(default_factory=dict)
    flashcard_counts: dict[str, int] = field(default_factory=dict)
    kind_counts: dict[str, int] = field(default_factory=dict)
    usage: dict[int, "QuestionUsage"] = field(default_factory=dict)

    def usage_of(self, question: Question) -> "QuestionUsage":
        return self.usage.get(question.family_id or question.pk, QuestionUsage())

    @property
    def question_total(self) -> int:
        return sum(self.question_counts.values())

    @property
    def flashcard_total(self) -> int:
        return sum(self.flashcard_counts.values())


@dataclass(frozen=True)
class QuestionUsage:
    """What uses a question, all its versions together."""

    quizzes: int = 0
    attempts: int = 0


def bank_questions(*, lessons: QuerySet[Lesson] | list[Lesson], viewer=None) -> QuerySet[Question]:
    """The lessons' questions in the bank (latest versions, not retired) in bank order,
    with what a page or an export shows of them; with a viewer, what they may see."""
    questions = Question.objects.in_bank().filter(lesson__in=lessons)
    if viewer is not None:
        questions = questions.visible_to(viewer)
    return questions.select_related(
        "source_sentence__lesson", "key_point", "created_by", "updated_by"
    )


def bank_flashcards(
    *, lessons: QuerySet[Lesson] | list[Lesson], viewer=None
) -> QuerySet[Flashcard]:
    """The lessons' flashcards in the bank in bank order, with their source sentences."""
    flashcards = Flashcard.objects.in_bank().filter(lesson__in=lessons)
    if viewer is not None:
        flashcards = flashcards.visible_to(viewer)
    return flashcards.select_related(
        "source_sentence__lesson", "key_point", "created_by", "updated_by"
    )


def question_usage(*, lesson: Lesson) -> dict[int, QuestionUsage]:
    """For each question of the lesson (by its first version's id), how many quizzes list
    it and how many attempts answered any version of it: two queries at any size."""
    family = Coalesce("question__family_id", "question_id")
    attempts = (
        Answer.objects.filter(question__lesson=lesson)
        .annotate(family=family)
        .values("family")
        .annotate(attempts=Count("attempt", distinct=True))
        .order_by()
    )
    quizzes = (
        QuizQuestion.objects.filter(question__lesson=lesson)
        .annotate(family=family)
        .values("family")
        .annotate(quizzes=Count("quiz", distinct=True))
        .order_by()
    )
    found: dict[int, dict[str, int]] = {}
    for row in attempts:
        found.setdefault(row["family"], {})["attempts"] = row["attempts"]
    for row in quizzes:
        found.setdefault(row["family"], {})["quizzes"] = row["quizzes"]
    return {family_id: QuestionUsage(**counts) for family_id, counts in found.items()}


def question_versions(*, question: Question) -> QuerySet[Question]:
    """Every version of the question, newest first, with who made each."""
    return (
        Question.objects.of_families([question])
        .select_related("created_by", "updated_by")
        .order_by("-version")
        .annotate(
            answered=Count("answers", distinct=True),
            listed=Coalesce(
                Subquery(
                    QuizQuestion.objects.filter(question=OuterRef("pk"))
                    .values("question")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            ),
        )
    )


def _counts(queryset: QuerySet, field_name: str, values: list[str]) -> dict[str, int]:
    found = dict(queryset.values_list(field_name).annotate(n=Count("pk")).order_by())
    return {value: found.get(value, 0) for value in values}


def bank_status_counts(
    *, lesson: Lesson, model: type[Question] | type[Flashcard], viewer=None
) -> dict:
    """How many of the lesson's questions (or flashcards) have each status, in one query."""
    items = model.objects.in_bank().filter(lesson=lesson)
    if viewer is not None:
        items = items.visible_to(viewer)
    return _counts(items, "status", QuestionStatus.values)


def bank_page(*, lesson: Lesson, viewer=None, kind: str = "", status: str = "") -> BankPage:
    """A lesson's bank as the viewer may see it, filtered by kind and status, with counts
    and what uses each question; seven queries at any size."""
    questions = Question.objects.in_bank().filter(lesson=lesson)
    flashcards = Flashcard.objects.in_bank().filter(lesson=lesson)
    if viewer is not None:
        questions, flashcards = questions.visible_to(viewer), flashcards.visible_to(viewer)
    shown_questions = bank_questions(lessons=[lesson], viewer=viewer)
    shown_flashcards = bank_flashcards(lessons=[lesson], viewer=viewer)
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
        usage=question_usage(lesson=lesson),
    )
