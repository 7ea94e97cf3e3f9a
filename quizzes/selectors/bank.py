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
    retired_questions: list[Question] = field(default_factory=list)
    retired_flashcards: list[Flashcard] = field(default_factory=list)

    @property
    def open_questions(self) -> list[Question]:
        """The questions shown in full: all but the rejected, ready ones first."""
        return [q for q in self.questions if q.status != QuestionStatus.REJECTED]

    @property
    def rejected_questions(self) -> list[Question]:
        return [q for q in self.questions if q.status == QuestionStatus.REJECTED]

    @property
    def open_flashcards(self) -> list[Flashcard]:
        return [c for c in self.flashcards if c.status != QuestionStatus.REJECTED]

    @property
    def rejected_flashcards(self) -> list[Flashcard]:
        return [c for c in self.flashcards if c.status == QuestionStatus.REJECTED]

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


def _matches(words: str, *texts) -> bool:
    return words in " ".join(str(text) for text in texts).casefold()


def bank_page(
    *,
    lesson: Lesson,
    viewer=None,
    kind: str = "",
    status: str = "",
    tier: str = "",
    search: str = "",
) -> BankPage:
    """A lesson's bank as the viewer may see it, filtered by kind, status, tier and words
    (in the prompt, options, answers, source or reason), with counts, what uses each
    question and the retired items; nine queries at any size."""
    questions = Question.objects.in_bank().filter(lesson=lesson)
    flashcards = Flashcard.objects.in_bank().filter(lesson=lesson)
    retired_questions = Question.objects.filter(
        lesson=lesson, is_current=True, retired_at__isnull=False
    )
    retired_flashcards = Flashcard.objects.filter(lesson=lesson, retired_at__isnull=False)
    if viewer is not None:
        questions, flashcards = questions.visible_to(viewer), flashcards.visible_to(viewer)
        retired_questions = retired_questions.visible_to(viewer)
        retired_flashcards = retired_flashcards.visible_to(viewer)
    shown_questions = bank_questions(lessons=[lesson], viewer=viewer)
    shown_flashcards = bank_flashcards(lessons=[lesson], viewer=viewer)
    if kind:
        shown_questions = shown_questions.filter(kind=kind)
    if status:
        shown_questions = shown_questions.filter(status=status)
        shown_flashcards = shown_flashcards.filter(status=status)
    # Ready items first, the most trusted at the top; then what needs review.
    listed = list(shown_questions.order_by("-ready", "-confidence", "pk"))
    cards = list(shown_flashcards)
    if tier:
        listed = [question for question in listed if question.tier == tier]
    words = search.strip().casefold()
    if words:
        # The page holds the whole bank anyway; matching here keeps its queries fixed.
        listed = [
            q
            for q in listed
            if _matches(words, q.prompt, q.choices, q.answer, q.accepted, q.source_text, q.reason)
        ]
        cards = [c for c in cards if _matches(words, c.front, c.back, c.source_text)]
    return BankPage(
        lesson=lesson,
        questions=listed,
        # Flashcards have no kind or tier, so those filters show questions only.
        flashcards=[] if kind or tier else cards,
        question_counts=_counts(questions, "status", QuestionStatus.values),
        flashcard_counts=_counts(flashcards, "status", QuestionStatus.values),
        kind_counts={
            kind: n for kind, n in _counts(questions, "kind", QuestionKind.values).items() if n
        },
        usage=question_usage(lesson=lesson),
        retired_questions=list(retired_questions.order_by("-retired_at", "pk")),
        retired_flashcards=list(retired_flashcards.order_by("-retired_at", "pk")),
    )
