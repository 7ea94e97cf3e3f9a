"""Writing a lesson's generated question bank, keeping whatever a person has reviewed."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from lessons.models import Lesson
from quizzes.generation.checks import contains_phrase
from quizzes.generation.entities import NAMED_KINDS
from quizzes.generation.items import GeneratedBank, GeneratedCard, GeneratedQuestion
from quizzes.generation.pipeline import LessonText, generate_bank
from quizzes.models import Flashcard, Question, QuestionKind
from quizzes.models.bank import QUESTION_KEY_FIELDS, REVIEWED_STATUSES
from quizzes.services.versions import question_revise, questions_in_use

# Names two lessons must share to lend each other wrong options.
RELATED_NAMES = 2


@dataclass(frozen=True)
class BankGenerationResult:
    """What one generation run did to a lesson's bank (questions and flashcards together)."""

    created: int = 0
    updated: int = 0
    unchanged_reviewed: int = 0
    removed: int = 0  # retired: out of the bank, kept for what uses them
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
        Question.objects.in_bank()
        .exclude(lesson=lesson)
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
        "confidence": item.confidence,
        "ready": item.ready,
        "reason": item.reason,
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


def _source_left(row, lesson_texts: set[str]) -> bool:
    """A generated item whose source sentence is no longer in the lesson's text."""
    return bool(row.rule and row.source_text) and row.source_text not in lesson_texts


def _sync(model, lesson: Lesson, items: list, fields_of, lesson_texts: set[str]):
    """Create, refresh or retire one model's generated rows; returns (created, updated,
    kept, retired).

    Nothing is deleted: a row the generator no longer makes, or one whose sentence left
    the lesson (reviewed or not), is retired, so the quizzes and attempts that use it keep
    it. A reviewed row stays as a person left it. A used question whose key the generator
    now writes differently gets a new version (question_revise); others change in place.
    """
    rows = model.objects.filter(lesson=lesson)
    if model is Question:
        rows = rows.filter(is_current=True)
    existing = {row.fingerprint: row for row in rows if row.fingerprint}
    wanted: set[str] = set()
    to_create, to_update, to_revise, to_retire, to_restore = [], [], [], [], []
    kept = 0
    for item in items:
        fingerprint = item.fingerprint
        if fingerprint in wanted:
            continue
        wanted.add(fingerprint)
        fields = fields_of(item)
        row = existing.get(fingerprint)
        if row is None:
            to_create.append(model(lesson=lesson, fingerprint=fingerprint, **fields))
            continue
        if row.retired_at is not None:
            # The generator makes it again (its sentence came back): back in the bank.
            to_restore.append(row.pk)
            row.retired_at = None
        if row.status in REVIEWED_STATUSES:
            kept += 1
            continue
        changed = {name: value for name, value in fields.items() if getattr(row, name) != value}
        if not changed:
            continue
        if model is Question and set(changed) & set(QUESTION_KEY_FIELDS):
            to_revise.append((row, changed))
        else:
            for name, value in changed.items():
                setattr(row, name, value)
            to_update.append(row)
    for fingerprint, row in existing.items():
        if fingerprint in wanted or row.retired_at is not None:
            continue
        generated = row.status not in REVIEWED_STATUSES and row.rule
        if generated or _source_left(row, lesson_texts):
            to_retire.append(row.pk)
        else:
            kept += 1
    model.objects.filter(pk__in=to_restore).update(retired_at=None)
    model.objects.bulk_create(to_create)
    if to_update:
        model.objects.bulk_update(to_update, list(fields_of(items[0]).keys()))
    used = questions_in_use(row.pk for row, _ in to_revise) if to_revise else set()
    for row, changed in to_revise:
        if row.pk in used:
            question_revise(question=row, by=None, status=row.status, **changed)
        else:
            for name, value in changed.items():
                setattr(row, name, value)
            row.save()
    model.objects.filter(pk__in=to_retire).update(retired_at=timezone.now())
    return len(to_create), len(to_update) + len(to_revise), kept, len(to_retire)


def bank_generate(*, lesson: Lesson) -> BankGenerationResult:
    """Generate the lesson's questions and flashcards and save them in one transaction.

    Items are matched across runs by fingerprint: a new one is created, a generated one
    refreshed (a used question as a new version), a stale generated one retired; an item
    a person approved, edited or rejected is never changed, only retired once the sentence
    it came from has left the lesson. Nothing a quiz or an attempt uses is ever deleted.
    """
    text = lesson_text(lesson)
    # Generating takes seconds; only the writing holds a transaction (on SQLite, the one
    # write lock every student's autosave also needs).
    bank: GeneratedBank = generate_bank(text, course_entities(lesson=lesson, text=text))
    return _bank_write(lesson=lesson, bank=bank)


@transaction.atomic
def _bank_write(*, lesson: Lesson, bank: GeneratedBank) -> BankGenerationResult:
    sentences = {s.position: s for s in lesson.sentences.all()}
    lesson_texts = {sentence.text for sentence in sentences.values()}
    key_points = dict(enumerate(lesson.key_points.order_by("position")))
    question_counts = _sync(
        Question,
        lesson,
        bank.questions,
        lambda item: _question_fields(item, sentences, key_points),
        lesson_texts,
    )
    card_counts = _sync(
        Flashcard,
        lesson,
        bank.flashcards,
        lambda item: _card_fields(item, sentences, key_points),
        lesson_texts,
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
