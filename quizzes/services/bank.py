"""Writing a lesson's generated question bank, keeping whatever a person has reviewed."""

from dataclasses import dataclass

from django.db import transaction

from lessons.models import Lesson
from quizzes.generation.checks import contains_phrase
from quizzes.generation.entities import NAMED_KINDS
from quizzes.generation.items import GeneratedBank, GeneratedCard, GeneratedQuestion
from quizzes.generation.pipeline import LessonText, generate_bank
from quizzes.models import Flashcard, Question, QuestionKind
from quizzes.models.bank import REVIEWED_STATUSES

# Names two lessons must share to lend each other wrong options.
RELATED_NAMES = 2


@dataclass(frozen=True)
class BankGenerationResult:
    """What one generation run did to a lesson's bank (questions and flashcards together)."""

    created: int = 0
    updated: int = 0
    unchanged_reviewed: int = 0
    removed: int = 0
    questions: int = 0
    flashcards: int = 0


def lesson_text(lesson: Lesson) -> LessonText:
    """The lesson as plain text for the generator: title, key points, numbered sentences."""
    sentences = list(lesson.sentences.order_by("position").values_list("position", "text"))
    summary = frozenset(
        lesson.sentences.filter(section__isnull=True).values_list("position", flat=True)
    )
    key_points = list(lesson.key_points.order_by("position").values_list("text", flat=True))
    return LessonText(lesson.title, key_points, sentences, summary)


def course_entities(*, lesson: Lesson, text: LessonText) -> dict[str, list[tuple[str, bool]]]:
    """Names that related lessons' multiple-choice questions ask about, by kind.

    A lesson is related when this one names two things its bank asks about (two lessons
    on the Cold War share "the Soviet Union" and "Moscow"); an unrelated lesson's names
    would make wrong options from another time and place. Only multiple-choice answers
    count: those names were typed with certainty. A generated question's rule ends with
    its answer's kind ("mc.cloze.person"), so the pool needs no second parse.
    """
    body = " ".join([text.title, *text.key_points, *(t for _, t in text.sentences)])
    rows = (
        Question.objects.exclude(lesson=lesson)
        .filter(kind=QuestionKind.MULTIPLE_CHOICE)
        .exclude(rule="")
        .values_list("lesson_id", "rule", "answer", "prompt")
        .order_by("lesson_id", "pk")
    )
    by_lesson: dict[int, dict[str, dict[str, bool]]] = {}
    for lesson_id, rule, answer, prompt in rows:
        kind = rule.rsplit(".", 1)[-1]
        if kind in NAMED_KINDS and isinstance(answer, str) and answer:
            takes_the = "the _____" in prompt.lower()
            by_lesson.setdefault(lesson_id, {}).setdefault(kind, {}).setdefault(answer, takes_the)
    pool: dict[str, dict[str, bool]] = {}
    for kinds in by_lesson.values():
        names = [name for names in kinds.values() for name in names]
        if sum(contains_phrase(body, name) for name in names) < RELATED_NAMES:
            continue
        for kind, found in kinds.items():
            for name, takes_the in found.items():
                pool.setdefault(kind, {}).setdefault(name, takes_the)
    return {kind: sorted(names.items()) for kind, names in pool.items()}


def _pk(row) -> int | None:
    return row.pk if row is not None else None


def _question_fields(item: GeneratedQuestion, sentences: dict, key_points: dict) -> dict:
    return {
        "kind": item.kind,
        "prompt": item.prompt,
        "choices": item.choices,
        "answer": item.answer,
        "accepted": item.accepted,
        "explanation": item.explanation,
        "rule": item.rule,
        "source_sentence_id": _pk(sentences.get(item.sentence.position) if item.sentence else None),
        "source_text": item.source_text,
        "key_point_id": _pk(key_points.get(item.key_point)),
    }


def _card_fields(item: GeneratedCard, sentences: dict, key_points: dict) -> dict:
    return {
        "front": item.front,
        "back": item.back,
        "rule": item.rule,
        "source_sentence_id": _pk(sentences.get(item.sentence.position) if item.sentence else None),
        "source_text": item.source_text,
        "key_point_id": _pk(key_points.get(item.key_point)),
    }


def _sync(model, lesson: Lesson, items: list, fields_of) -> tuple[int, int, int, int]:
    """Create, update or remove one model's generated rows; reviewed rows stay as they are."""
    existing = {row.fingerprint: row for row in model.objects.filter(lesson=lesson)}
    created = updated = kept = 0
    wanted = set()
    to_create, to_update = [], []
    for item in items:
        fingerprint = item.fingerprint
        if fingerprint in wanted:
            continue
        wanted.add(fingerprint)
        fields = fields_of(item)
        row = existing.get(fingerprint)
        if row is None:
            to_create.append(model(lesson=lesson, fingerprint=fingerprint, **fields))
        elif row.status in REVIEWED_STATUSES:
            kept += 1
        elif any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            to_update.append(row)
    model.objects.bulk_create(to_create)
    created = len(to_create)
    if to_update:
        model.objects.bulk_update(to_update, list(fields_of(items[0]).keys()))
    updated = len(to_update)
    stale = [
        row.pk
        for fingerprint, row in existing.items()
        if fingerprint not in wanted and row.status not in REVIEWED_STATUSES and row.rule
    ]
    kept += sum(
        1
        for fingerprint, row in existing.items()
        if fingerprint not in wanted and row.status in REVIEWED_STATUSES
    )
    model.objects.filter(pk__in=stale).delete()
    return created, updated, kept, len(stale)


def bank_generate(*, lesson: Lesson) -> BankGenerationResult:
    """Generate the lesson's questions and flashcards and save them in one transaction.

    Items are matched across runs by fingerprint: a new one is created, a generated one
    refreshed, a stale generated one removed; an item a person approved, edited or
    rejected is never touched.
    """
    text = lesson_text(lesson)
    # Generating takes seconds; only the writing holds a transaction (on SQLite, the one
    # write lock every student's autosave also needs).
    bank: GeneratedBank = generate_bank(text, course_entities(lesson=lesson, text=text))
    return _bank_write(lesson=lesson, bank=bank)


@transaction.atomic
def _bank_write(*, lesson: Lesson, bank: GeneratedBank) -> BankGenerationResult:
    sentences = {s.position: s for s in lesson.sentences.all()}
    key_points = dict(enumerate(lesson.key_points.order_by("position")))
    question_counts = _sync(
        Question,
        lesson,
        bank.questions,
        lambda item: _question_fields(item, sentences, key_points),
    )
    card_counts = _sync(
        Flashcard,
        lesson,
        bank.flashcards,
        lambda item: _card_fields(item, sentences, key_points),
    )
    created, updated, kept, removed = (
        a + b for a, b in zip(question_counts, card_counts, strict=True)
    )
    return BankGenerationResult(
        created=created,
        updated=updated,
        unchanged_reviewed=kept,
        removed=removed,
        questions=len(bank.questions),
        flashcards=len(bank.flashcards),
    )
