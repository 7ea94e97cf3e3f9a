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
- ordering: the syntax of Moodle's own Ordering question type (qtype_ordering, standard
  since Moodle 4.4), read by its import_from_gift: {>N ALL VERTICAL ABSOLUTE_POSITION SHOW
  none, then one item per line in the right order}.

Every question text starts with [html]: Moodle reads GIFT text as HTML anyway, so the text
is HTML-escaped ("<Baby Bells>" would otherwise vanish as a tag). Options and matching
pairs are shown as HTML too and are escaped the same way; typed answers (short answer,
fill in the blank) are compared with what a student types, so they stay as written.

A comment line "// kind: <kind>" before each question keeps the kind exact on re-import
(Moodle ignores comments).
"""

from html import escape as html_escape

from quizzes.exports import LessonBank
from quizzes.models import Question, QuestionKind

GIFT_SPECIAL = "~=#{}:"
CATEGORY_ROOT = "$course$/top/History Quiz"
BLANK = "_____"


HTML_TAG = "[html]"
ORDERING_HEAD = ">{count} ALL VERTICAL ABSOLUTE_POSITION SHOW none"


def shown(text: str) -> str:
    """Text Moodle shows as HTML: HTML-escaped, then GIFT-escaped."""
    return escape(html_escape(text, quote=False))


def _ordering_item(text: str) -> str:
    # An item is one line of the answer block, which ends at the first brace.
    item = html_escape(" ".join(text.split()), quote=False)
    return item.replace("{", "&#123;").replace("}", "&#125;")


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
    head = f"// kind: {kind}\n::{escape(title)}::{HTML_TAG}"
    prompt = shown(question.prompt)
    if kind == QuestionKind.MULTIPLE_CHOICE:
        lines = [
            f"{'=' if choice == question.answer else '~'}{shown(choice)}"
            for choice in question.choices
        ]
        return f"{head}{prompt} {_answers_block(lines)}"
    if kind == QuestionKind.MULTIPLE_RESPONSE:
        rights = set(question.answer)
        wrong_count = len(question.choices) - len(rights)
        lines = []
        for choice in question.choices:
            if choice in rights:
                lines.append(f"~%{weight(100 / len(rights))}%{shown(choice)}")
            else:
                lines.append(f"~%{weight(-100 / wrong_count)}%{shown(choice)}")
        return f"{head}{prompt} {_answers_block(lines)}"
    if kind == QuestionKind.TRUE_FALSE:
        return f"{head}{prompt} {{{'TRUE' if question.answer == 'true' else 'FALSE'}}}"
    if kind in (QuestionKind.SHORT_ANSWER, QuestionKind.FILL_BLANK):
        variants = [question.answer, *question.accepted]
        block = "{" + " ".join(f"={escape(str(variant))}" for variant in variants) + "}"
        if kind == QuestionKind.FILL_BLANK and BLANK in question.prompt:
            before, after = question.prompt.split(BLANK, 1)
            return f"{head}{shown(before)}{block}{shown(after)}"
        return f"{head}{prompt} {block}"
    if kind == QuestionKind.MATCHING:
        lines = [f"={shown(left)} -> {shown(right)}" for left, right in question.answer]
        return f"{head}{prompt} {_answers_block(lines)}"
    if kind == QuestionKind.ORDERING:
        items = [_ordering_item(item) for item in question.answer]
        block = "\n".join([ORDERING_HEAD.format(count=len(items)), *items])
        return f"{head}{prompt} {{{block}\n}}"
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
