"""Read GIFT (Moodle's plain-text question format) into a lesson's bank.

Reads what a teacher writes by hand and what quizzes/exports/gift.py writes: multiple
choice (also in the "missing word" form), multiple response (~%weight% answers, no "="),
true/false, short answer, fill in the blank (a short answer written inline), matching,
and ordering (Moodle's Ordering syntax {>N ... one item per line}, or, from older exports,
matching "1st", "2nd", ... to the items). Text marked [html] is HTML-unescaped, except
typed answers, which Moodle compares as written. Numerical and essay
questions have no kind in the bank and are reported as errors. Every question is
reported by the line it starts on.
"""

import html
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from lessons.models import Lesson
from quizzes.exports.gift import BLANK, ordinal
from quizzes.forms.bank import PROMPT_MAX_LENGTH
from quizzes.forms.question_parts import LINE_MAX_LENGTH, MATCH_SEPARATOR, build_question_parts
from quizzes.models import Question, QuestionKind, QuestionStatus

GIFT_RULE = "gift-import"
# A hand-written multiple-choice question may have fewer or more than the four options
# the generator makes.
GIFT_OPTION_COUNTS = (2, 10)
KIND_COMMENT = re.compile(r"^//\s*kind:\s*(?P<kind>[a-z_]+)\s*$")
WEIGHT = re.compile(r"^%(?P<weight>-?\d+(?:\.\d+)?)%")
FORMAT_TAG = re.compile(r"^\[(?:html|moodle|plain|markdown)\]")
ESCAPED = "~=#{}:\\"


class GiftError(ValueError):
    """A question that cannot be read; the message says why."""


@dataclass(frozen=True)
class GiftQuestion:
    line: int
    kind: str
    prompt: str
    choices: list
    answer: str | list
    accepted: list[str]
    title: str = ""


@dataclass(frozen=True)
class GiftProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class GiftParseResult:
    questions: list[GiftQuestion] = field(default_factory=list)
    problems: list[GiftProblem] = field(default_factory=list)


@dataclass
class GiftImportReport:
    imported: list[Question] = field(default_factory=list)
    readable: list[GiftQuestion] = field(default_factory=list)
    duplicates: list[GiftQuestion] = field(default_factory=list)
    problems: list[GiftProblem] = field(default_factory=list)


@dataclass
class _Block:
    line: int
    lines: list[str]
    kind_hint: str = ""


def _blocks(text: str) -> list[_Block]:
    """Questions are separated by blank lines; comments and categories are set aside."""
    blocks: list[_Block] = []
    current: _Block | None = None
    hint = ""
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.strip()
        if line.startswith("//"):
            match = KIND_COMMENT.match(line)
            if match:
                hint = match["kind"]
            continue
        if not line or line.startswith("$CATEGORY:"):
            if current is not None:
                blocks.append(current)
                current = None
            continue
        if current is None:
            current = _Block(line=number, lines=[], kind_hint=hint)
            hint = ""
        current.lines.append(raw.rstrip())
    if current is not None:
        blocks.append(current)
    return blocks


def _unescape(text: str) -> str:
    out: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append("\n" if following == "n" else following)
        else:
            out.append(char)
    return "".join(out)


def _split_unescaped(text: str, separators: str) -> list[tuple[str, str]]:
    """Split at unescaped separator characters: [(separator, raw piece), ...]."""
    pieces: list[tuple[str, str]] = []
    current: list[str] = []
    leading = ""
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index : index + 2])
            index += 2
            continue
        if char in separators:
            if current or leading:
                pieces.append((leading, "".join(current)))
            leading, current = char, []
        else:
            current.append(char)
        index += 1
    if current or leading:
        pieces.append((leading, "".join(current)))
    return pieces


def _find_unescaped(text: str, wanted: str, start: int = 0) -> int:
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text.startswith(wanted, index):
            return index
        index += 1
    return -1


def _without_feedback(raw: str) -> str:
    cut = _find_unescaped(raw, "#")
    return raw if cut == -1 else raw[:cut]


def parse_question(block: _Block) -> GiftQuestion:
    """One block of GIFT as a question; GiftError says what is wrong with it."""
    text = "\n".join(block.lines).strip()
    if "\x00" in text:
        raise GiftError("a NUL character (byte 0) in the question: remove it and import again")
    title = ""
    if text.startswith("::"):
        end = _find_unescaped(text, "::", 2)
        if end == -1:
            raise GiftError("the title has no closing ::")
        title, text = _unescape(text[2:end]).strip(), text[end + 2 :].lstrip()
    is_html = text.startswith("[html]")
    text = FORMAT_TAG.sub("", text, count=1)
    opening = _find_unescaped(text, "{")
    if opening == -1:
        raise GiftError("no answers: write them between { and }")
    closing = _find_unescaped(text, "}", opening)
    if closing == -1:
        raise GiftError("the answers have no closing }")
    before, inside, after = text[:opening], text[opening + 1 : closing].strip(), text[closing + 1 :]
    if _find_unescaped(after, "{") != -1:
        raise GiftError("one question has one block of answers in { }")
    shown = html.unescape if is_html else (lambda value: value)
    before_text, after_text = shown(_unescape(before)), shown(_unescape(after))
    # Answers with text after them stand where the blank goes (Moodle's "missing word").
    inline = bool(after_text.strip())
    if inside.startswith(">"):
        kind, options, accepted = QuestionKind.ORDERING, [], []
        answer_lines = [shown(line.strip()) for line in inside.splitlines()[1:] if line.strip()]
    else:
        kind, options, answer_lines, accepted = _read_answers(
            inside, block.kind_hint, inline=inline
        )
        if kind not in (QuestionKind.SHORT_ANSWER, QuestionKind.FILL_BLANK):
            options = [shown(option) for option in options]
            answer_lines = [shown(line) for line in answer_lines]
    if inline or kind == QuestionKind.FILL_BLANK:
        prompt = f"{before_text}{BLANK}{after_text}"
    else:
        prompt = before_text.strip()
    _check_lengths(kind, prompt, [*options, *answer_lines, *accepted])
    try:
        prompt, choices, answer, accepted = build_question_parts(
            kind=kind,
            prompt=prompt,
            options=options,
            answer_lines=answer_lines,
            accepted=accepted,
            option_counts=GIFT_OPTION_COUNTS,
            strict=False,
        )
    except ValidationError as error:
        raise GiftError("; ".join(error.messages)) from None
    return GiftQuestion(block.line, kind, prompt, choices, answer, accepted, title)


def _check_lengths(kind: str, prompt: str, answers: list[str]) -> None:
    """The bank form's limits: a question of a few paragraphs, answers of a line each."""
    if len(prompt.strip()) > PROMPT_MAX_LENGTH:
        raise GiftError(
            f"the question is {len(prompt.strip()):,} characters; "
            f"the bank allows {PROMPT_MAX_LENGTH:,}"
        )
    for answer in answers:
        parts = answer.split(MATCH_SEPARATOR) if kind == QuestionKind.MATCHING else [answer]
        longest = max(len(part.strip()) for part in parts)
        if longest > LINE_MAX_LENGTH:
            raise GiftError(
                f"an answer is {longest:,} characters; the bank allows {LINE_MAX_LENGTH:,}"
            )


def _read_answers(
    inside: str, hint: str, *, inline: bool
) -> tuple[str, list[str], list[str], list[str]]:
    """(kind, options, answer lines, accepted) from the text between the braces."""
    if not inside:
        raise GiftError("essay questions (empty { }) have no answer to mark")
    if inside.startswith("#"):
        raise GiftError("numerical questions are not supported; write the number as {=1815}")
    if re.fullmatch(r"(?i)(t|true|f|false)", _without_feedback(inside).strip()):
        value = "true" if _without_feedback(inside).strip().lower().startswith("t") else "false"
        return QuestionKind.TRUE_FALSE, [], [value], []

    answers: list[tuple[str, float | None, str]] = []
    for mark, raw in _split_unescaped(inside, "=~"):
        if not mark:
            if raw.strip():
                raise GiftError("every answer starts with = (right) or ~ (wrong)")
            continue
        raw = _without_feedback(raw).strip()
        weight_match = WEIGHT.match(raw)
        weight = float(weight_match["weight"]) if weight_match else None
        if weight_match:
            raw = raw[weight_match.end() :]
        answers.append((mark, weight, raw))
    if not answers:
        raise GiftError("no answers between { and }")

    if all(mark == "=" and "->" in raw for mark, _, raw in answers):
        pairs = [[_unescape(part).strip() for part in raw.split("->", 1)] for _, _, raw in answers]
        lefts = [left for left, _ in pairs]
        if hint == QuestionKind.ORDERING or (
            hint != QuestionKind.MATCHING
            and lefts == [ordinal(n) for n in range(1, len(lefts) + 1)]
        ):
            return QuestionKind.ORDERING, [], [right for _, right in pairs], []
        return QuestionKind.MATCHING, [], [f"{left} | {right}" for left, right in pairs], []

    texts = [_unescape(raw).strip() for _, _, raw in answers]
    if any(mark == "~" for mark, _, _ in answers):
        rights = [text for (mark, _, _), text in zip(answers, texts, strict=True) if mark == "="]
        if rights:
            return QuestionKind.MULTIPLE_CHOICE, texts, rights, []
        weighted = [
            text
            for (_, weight, _), text in zip(answers, texts, strict=True)
            if weight is not None and weight > 0
        ]
        if not weighted:
            raise GiftError("no right answer: mark it with = or give right answers a %weight%")
        return QuestionKind.MULTIPLE_RESPONSE, texts, weighted, []

    kind = QuestionKind.FILL_BLANK if inline or hint == QuestionKind.FILL_BLANK else None
    return kind or QuestionKind.SHORT_ANSWER, [], texts[:1], texts[1:]


def gift_question_count(text: str) -> int:
    """How many questions a GIFT file holds, counted without reading them."""
    return len(_blocks(text))


def parse_gift(text: str) -> GiftParseResult:
    """Every question of a GIFT file, and a problem for each question that cannot be read."""
    result = GiftParseResult()
    for block in _blocks(text):
        try:
            result.questions.append(parse_question(block))
        except GiftError as error:
            result.problems.append(GiftProblem(block.line, str(error)))
    return result


@transaction.atomic
def gift_import(*, lesson: Lesson, text: str, dry_run: bool = False, by=None) -> GiftImportReport:
    """Add a GIFT file's questions to the lesson's bank as approved, skipping bad ones.

    A question already in the bank (same kind and prompt) is not added twice, so a file
    can be imported again after fixing the questions it reported.
    """
    parsed = parse_gift(text)
    report = GiftImportReport(problems=parsed.problems)
    existing = set(Question.objects.in_bank().for_lesson(lesson).values_list("kind", "prompt"))
    for item in parsed.questions:
        if (item.kind, item.prompt) in existing:
            report.duplicates.append(item)
            continue
        existing.add((item.kind, item.prompt))
        report.readable.append(item)
        if dry_run:
            continue
        report.imported.append(
            Question.objects.create(
                lesson=lesson,
                kind=item.kind,
                prompt=item.prompt,
                choices=item.choices,
                answer=item.answer,
                accepted=item.accepted,
                rule=GIFT_RULE,
                status=QuestionStatus.APPROVED,
                created_by=by,
                updated_by=by,
            )
        )
    return report
