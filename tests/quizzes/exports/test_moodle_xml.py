from html import unescape
from xml.etree import ElementTree

from quizzes.exports import bank_export
from tests.quizzes.factories import QuestionFactory


def _quiz(lesson) -> ElementTree.Element:
    return ElementTree.fromstring(bank_export(lessons=[lesson], format_name="moodle-xml"))


def _by_name(quiz) -> dict[str, ElementTree.Element]:
    return {
        q.findtext("questiontext/text"): q
        for q in quiz.findall("question")
        if q.get("type") != "category"
    }


def test_moodle_xml_opens_with_a_category_for_the_lesson(lesson, bank):
    quiz = _quiz(lesson)

    first = quiz.find("question")
    assert first.get("type") == "category"
    assert first.findtext("category/text") == "$course$/top/History Quiz/The Congress of Vienna"


def test_moodle_xml_gives_each_kind_its_moodle_type(lesson, bank):
    types = [q.get("type") for q in _quiz(lesson).findall("question")][1:]

    assert types == [
        "multichoice",
        "truefalse",
        "shortanswer",
        "shortanswer",
        "matching",
        "ordering",
        "multichoice",
    ]


def test_moodle_xml_leaves_out_rejected_questions(lesson, bank):
    texts = [q.findtext("questiontext/text") for q in _quiz(lesson).findall("question")]

    assert "A rejected question?" not in texts


def test_moodle_xml_multiple_choice_has_one_right_answer(lesson, bank):
    question = [q for q in _quiz(lesson).findall("question") if q.get("type") == "multichoice"][0]

    fractions = {a.findtext("text"): a.get("fraction") for a in question.findall("answer")}
    assert question.findtext("single") == "true"
    assert fractions == {
        "Metternich": "100",
        "Talleyrand": "0",
        "Castlereagh": "0",
        "Hardenberg": "0",
    }


def test_moodle_xml_multiple_response_weights_sum_to_100_and_minus_100(lesson, bank):
    question = [q for q in _quiz(lesson).findall("question") if q.get("type") == "multichoice"][1]

    fractions = [float(a.get("fraction")) for a in question.findall("answer")]
    assert question.findtext("single") == "false"
    assert sum(f for f in fractions if f > 0) == 100
    assert sum(f for f in fractions if f < 0) == -100


def test_moodle_xml_matching_and_ordering_keep_their_answers(lesson, bank):
    quiz = _quiz(lesson)

    matching = quiz.find("question[@type='matching']")
    pairs = [
        (s.findtext("text"), s.findtext("answer/text")) for s in matching.findall("subquestion")
    ]
    assert pairs == [
        ("Metternich", "Austria"),
        ("Castlereagh", "Britain"),
        ("Talleyrand", "France"),
    ]
    ordering = quiz.find("question[@type='ordering']")
    assert [a.findtext("text") for a in ordering.findall("answer")] == [
        "Napoleon exiled to Elba",
        "Congress opens",
        "Final Act signed",
        "Waterloo",
    ]
    assert [a.get("fraction") for a in ordering.findall("answer")] == [
        "1.0000000",
        "2.0000000",
        "3.0000000",
        "4.0000000",
    ]


def test_moodle_xml_short_answers_list_every_accepted_variant(lesson, bank):
    short = [q for q in _quiz(lesson).findall("question") if q.get("type") == "shortanswer"][1]

    assert [a.findtext("text") for a in short.findall("answer")] == [
        "Talleyrand",
        "Charles-Maurice de Talleyrand",
    ]


def test_moodle_xml_escapes_markup_in_lesson_text(lesson):
    QuestionFactory(lesson=lesson, prompt="Was <b>Tom & Jerry</b> at Vienna?")

    question = _quiz(lesson).findall("question")[1]

    assert question.get("type") == "multichoice"
    assert (
        question.findtext("questiontext/text")
        == "Was &lt;b&gt;Tom &amp; Jerry&lt;/b&gt; at Vienna?"
    )
    assert unescape(question.findtext("questiontext/text")) == "Was <b>Tom & Jerry</b> at Vienna?"
