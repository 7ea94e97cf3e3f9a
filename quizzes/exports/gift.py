"""The bank as GIFT, Moodle's plain-text question format, which import_gift reads back.

Each lesson is a category ($CATEGORY: $course$/top/History Quiz/<title>) and each question
is titled ::<slug> <number>::. How each kind is written:

- multiple choice: {=right ~wrong ~wrong ~wrong}
- multiple response: {~%50%right ~%50%right ~%-50%wrong ~%-50%wrong}, right weights summing
  to 100 and wrong ones to -100 (Moodle accepts only its own grade steps: 100/n qualifies)
- true/false: {TRUE} or {FALSE}
- short answer: {=answer =variant ...}
- fill in the blank: the same short answer written inline where the blank was
  (Moodle's "missing word" form): "signed on {=1815 =in 1815} by ..."
- matching: {=left -> right ...}
- ordering: GIFT has no ordering question, so it is written as matching the positions
  "1st", "2nd", ... to the items; Moodle shows it as matching, import_gift reads it back
  as ordering.

A comment line "// kind: <kind>" before each question keeps the kind exact on re-import
(Moodle ignores comments).
"""

from quizzes.exports import LessonBank
from quizzes.models import Question, QuestionKind

GIFT_SPECIAL = "~=#{}:"
CATEGORY_ROOT = "$course$/top/History Quiz"
BLANK = "_____"


def escape(text: str) -> str:
    """Escape GIFT's special characters (and the backslash itself); newlines become \\n."""
    text = text.replace("\\", "\\\\")
    for char in GIFT_SPECIAL:
        text = text.replace(char, f"\\{char}")
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, 21st."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def weight(fraction: float) -> str:
    """A Moodle grade percentage: 50, 33.33333, -25."""
    text = f"{fraction:.5f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _answers_block(lines: list[str]) -> str:
    return "{\n" + "\n".join(f"\t{line}" for line in lines) + "\n}"


def question_gift(question: Question, *, title: str) -> str:
    """One question in GIFT, with its kind comment and title."""
    kind = question.kind
    head = f"// kind: {kind}\n::{escape(title)}::"
    prompt = escape(question.prompt)
    if kind == QuestionKind.MULTIPLE_CHOICE:
        lines = [
            f"{'=' if choice == question.answer else '~'}{escape(choice)}"
            for choice in question.choices
        ]
        return f"{head}{prompt} {_answers_block(lines)}"
    if kind == QuestionKind.MULTIPLE_RESPONSE:
        rights = set(question.answer)
        wrong_count = len(question.choices) - len(rights)
        lines = []
        for choice in question.choices:
            if choice in rights:
                lines.append(f"~%{weight(100 / len(rights))}%{escape(choice)}")
            else:
                lines.append(f"~%{weight(-100 / wrong_count)}%{escape(choice)}")
        return f"{head}{prompt} {_answers_block(lines)}"
    if kind == QuestionKind.TRUE_FALSE:
        return f"{head}{prompt} {{{'TRUE' if question.answer == 'true' else 'FALSE'}}}"
    if kind in (QuestionKind.SHORT_ANSWER, QuestionKind.FILL_BLANK):
        variants = [question.answer, *question.accepted]
        block = "{" + " ".join(f"={escape(str(variant))}" for variant in variants) + "}"
        if kind == QuestionKind.FILL_BLANK and BLANK in question.prompt:
            before, after = question.prompt.split(BLANK, 1)
            return f"{head}{escape(before)}{block}{escape(after)}"
        return f"{head}{prompt} {block}"
    if kind == QuestionKind.MATCHING:
        lines = [f"={escape(left)} -> {escape(right)}" for left, right in question.answer]
        return f"{head}{prompt} {_answers_block(lines)}"
    if kind == QuestionKind.ORDERING:
        lines = [
            f"={ordinal(position)} -> {escape(item)}"
            for position, item in enumerate(question.answer, start=1)
        ]
        return f"{head}{prompt} {_answers_block(lines)}"
    raise ValueError(f"GIFT has no form for {kind!r} questions")


def category_line(title: str) -> str:
    # Moodle reads "/" as a category separator; a doubled slash is a literal one.
    return f"$CATEGORY: {CATEGORY_ROOT}/{title.replace('/', '//')}"


def export(banks: list[LessonBank]) -> str:
    """The banks' questions in GIFT, one category per lesson; rejected ones left out."""
    parts: list[str] = []
    for bank in banks:
        parts.append(f"// {bank.lesson.title}\n{category_line(bank.lesson.title)}")
        for number, question in enumerate(bank.questions, start=1):
            parts.append(question_gift(question, title=f"{bank.lesson.slug} {number:03d}"))
    return "\n\n".join(parts) + "\n"
