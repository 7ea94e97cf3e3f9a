"""The bank as Moodle XML, the question format Moodle imports with every option it knows.

One category question per lesson ($course$/top/History Quiz/<title>), then the lesson's
questions: multichoice (single for multiple choice; several right answers with weights
for multiple response), truefalse, shortanswer (fill in the blank keeps its _____ in the
text), matching, and ordering as Moodle's Ordering question type (qtype_ordering). Texts
are HTML-escaped in html format; the source sentence goes to the general feedback.

A text holding "<", ">" or "&" is written as one CDATA section, as Moodle's own export does:
Moodle's XML reader trims each run of text between entities, so "$5 &amp; &lt;10&gt;"
would come back as "$5 &<10>" and a right answer would score 0. Matching's right-hand
side is shown as HTML, so it is HTML-escaped like the left.
"""

from html import escape

from lxml import etree as ElementTree

from quizzes.exports import LessonBank, source_of
from quizzes.exports.gift import CATEGORY_ROOT, weight
from quizzes.models import Question, QuestionKind

MOODLE_TYPES = {
    QuestionKind.MULTIPLE_CHOICE: "multichoice",
    QuestionKind.MULTIPLE_RESPONSE: "multichoice",
    QuestionKind.TRUE_FALSE: "truefalse",
    QuestionKind.SHORT_ANSWER: "shortanswer",
    QuestionKind.FILL_BLANK: "shortanswer",
    QuestionKind.MATCHING: "matching",
    QuestionKind.ORDERING: "ordering",
}


def _text(parent, tag: str, text: str, **attrs):
    element = ElementTree.SubElement(parent, tag, attrs)
    holder = ElementTree.SubElement(element, "text")
    holder.text = ElementTree.CDATA(text) if any(c in text for c in "<>&") else text
    return element


def _html(text: str) -> str:
    return escape(text, quote=False)


def _answer(parent, text: str, fraction: float | str, *, html: bool = True) -> None:
    fraction_text = fraction if isinstance(fraction, str) else weight(fraction)
    attrs = {"fraction": fraction_text, "format": "html" if html else "plain_text"}
    answer = _text(parent, "answer", _html(text) if html else text, **attrs)
    _text(answer, "feedback", "", format="html")


def _general_feedback(question: Question) -> str:
    parts = [_html(question.explanation)] if question.explanation else []
    source = source_of(question)
    if source:
        parts.append(f"Source: {_html(source)}")
    return "<br>".join(parts)


def _question(quiz, question: Question, *, title: str) -> None:
    kind = question.kind
    element = ElementTree.SubElement(quiz, "question", {"type": MOODLE_TYPES[kind]})
    _text(element, "name", title)
    _text(element, "questiontext", _html(question.prompt), format="html")
    _text(element, "generalfeedback", _general_feedback(question), format="html")
    ElementTree.SubElement(element, "defaultgrade").text = "1.0000000"
    ElementTree.SubElement(element, "penalty").text = "0.3333333"
    ElementTree.SubElement(element, "hidden").text = "0"
    if kind in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.MULTIPLE_RESPONSE):
        single = kind == QuestionKind.MULTIPLE_CHOICE
        ElementTree.SubElement(element, "single").text = "true" if single else "false"
        ElementTree.SubElement(element, "shuffleanswers").text = "true"
        ElementTree.SubElement(element, "answernumbering").text = "abc"
        rights = {question.answer} if single else set(question.answer)
        wrong_count = len(question.choices) - len(rights)
        for choice in question.choices:
            if choice in rights:
                fraction = 100 / len(rights)
            else:
                fraction = 0 if single else -100 / wrong_count
            _answer(element, choice, fraction)
    elif kind == QuestionKind.TRUE_FALSE:
        right = question.answer == "true"
        _answer(element, "true", 100 if right else 0, html=False)
        _answer(element, "false", 0 if right else 100, html=False)
    elif kind in (QuestionKind.SHORT_ANSWER, QuestionKind.FILL_BLANK):
        ElementTree.SubElement(element, "usecase").text = "0"
        for variant in [question.answer, *question.accepted]:
            _answer(element, str(variant), 100, html=False)
    elif kind == QuestionKind.MATCHING:
        ElementTree.SubElement(element, "shuffleanswers").text = "true"
        for left, right in question.answer:
            subquestion = _text(element, "subquestion", _html(left), format="html")
            _text(subquestion, "answer", _html(right))
    elif kind == QuestionKind.ORDERING:
        for tag, value in [
            ("layouttype", "VERTICAL"),
            ("selecttype", "ALL"),
            ("selectcount", "0"),
            ("gradingtype", "ABSOLUTE_POSITION"),
            ("showgrading", "SHOW"),
            ("numberingstyle", "none"),
            ("shownumcorrect", "1"),
        ]:
            ElementTree.SubElement(element, tag).text = value
        # The Ordering type takes the right order from the answers' fractions: 1, 2, 3...
        for position, item in enumerate(question.answer, start=1):
            _answer(element, item, f"{position}.0000000")


def export(banks: list[LessonBank]) -> str:
    """The banks' questions as a Moodle XML <quiz>; rejected ones left out."""
    quiz = ElementTree.Element("quiz")
    for bank in banks:
        category = ElementTree.SubElement(quiz, "question", {"type": "category"})
        _text(category, "category", f"{CATEGORY_ROOT}/{bank.lesson.title.replace('/', '//')}")
        _text(category, "info", "", format="html")
        for number, question in enumerate(bank.questions, start=1):
            _question(quiz, question, title=f"{bank.lesson.slug} {number:03d}")
    ElementTree.indent(quiz)
    body = ElementTree.tostring(quiz, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
