"""The grading table for people's names (issue 10, point 4): a person the lesson names in full
is marked right by surname alone, or first and last name without the middle ones, unless
another person or thing of the lesson shares that short form. Each row generates the answer's
accepted variants from a small lesson, then marks what a student typed."""

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from quizzes.generation.answers import variants
from quizzes.generation.names import person_short_forms
from quizzes.generation.pipeline import generate_bank
from quizzes.models import QuestionKind
from quizzes.scoring import score_answer

NAVIGATOR = [
    "In April 1500 the Portuguese navigator Pedro Álvares Cabral, sailing for India, reached "
    "the coast of South America east of the line and claimed it for Portugal.",
]
SISTERS = [
    "Elizabeth Cady Stanton wrote the declaration with the help of her friends in the town.",
    "Her cousin Gerrit Stanton gave money to the cause of the abolition of slavery.",
]
ARCHAEOLOGIST = [
    "In the late 1940s the Mexican archaeologist Alberto Ruz Lhuillier noticed that one floor "
    "slab in the temple had holes fitted with stone plugs.",
]
SHOGUN = [
    "In 1600 the forces of Tokugawa Ieyasu defeated a coalition of lords in central Japan.",
]
COMPANY = [
    "The engineer George Stephenson built the locomotive for the railway company in 1829.",
    "The Stephenson Locomotive Company sold engines to railways in France and Prussia in 1835.",
]


@dataclass
class Typed:
    answer: str
    accepted: list[str] = field(default_factory=list)
    kind: str = QuestionKind.FILL_BLANK


RIGHT = {
    "surname alone": (NAVIGATOR, "Pedro Álvares Cabral", "Cabral"),
    "first and last name": (NAVIGATOR, "Pedro Álvares Cabral", "Pedro Cabral"),
    "surname without diacritics": (NAVIGATOR, "Pedro Álvares Cabral", "cabral"),
    "whole name without diacritics": (NAVIGATOR, "Pedro Álvares Cabral", "Pedro Alvares Cabral"),
    "first and last of a middle-named woman": (
        SISTERS,
        "Elizabeth Cady Stanton",
        "Elizabeth Stanton",
    ),
    # F9: a Spanish double surname, written whole without the given name.
    "double surname": (ARCHAEOLOGIST, "Alberto Ruz Lhuillier", "Ruz Lhuillier"),
    # F9: a Japanese name in Western order; the lesson never fixes the order.
    "two-word name in the other order": (SHOGUN, "Tokugawa Ieyasu", "Ieyasu Tokugawa"),
}
WRONG = {
    "first name alone": (NAVIGATOR, "Pedro Álvares Cabral", "Pedro"),
    "middle name alone": (NAVIGATOR, "Pedro Álvares Cabral", "Álvares"),
    "a surname two people share": (SISTERS, "Elizabeth Cady Stanton", "Stanton"),
    "the other person of that surname": (SISTERS, "Elizabeth Cady Stanton", "Gerrit Stanton"),
    "a surname a company shares": (COMPANY, "George Stephenson", "Stephenson"),
    "given and middle name": (ARCHAEOLOGIST, "Alberto Ruz Lhuillier", "Ruz Alberto"),
}


def marked(parse, sentences, key, typed):
    answer = parse(sentences).answer(0, key)
    return score_answer(Typed(answer.text, variants(answer)[1:]), typed)


@pytest.mark.parametrize("sentences, key, typed", RIGHT.values(), ids=RIGHT.keys())
def test_a_short_form_of_a_named_person_is_right(parse, sentences, key, typed):
    assert marked(parse, sentences, key, typed) == 1.0


@pytest.mark.parametrize("sentences, key, typed", WRONG.values(), ids=WRONG.keys())
def test_a_short_form_another_name_shares_is_wrong(parse, sentences, key, typed):
    assert marked(parse, sentences, key, typed) == 0.0


@pytest.mark.parametrize(
    "name, forms",
    [
        ("Charles de Gaulle", ["de Gaulle", "Gaulle"]),
        ("de Gaulle", []),  # a particle first: the lesson wrote the short form already
        ("Judar Pasha", []),  # a title of another language, no surname
        ("Victor Verster Prison", []),  # a thing's name the tagger took for a person
        ("Mao Zedong", ["Zedong Mao"]),  # family name first: no surname, the Western order
        ("Louis XVI", []),
        ("Queen Mary Tudor", ["Tudor"]),  # the title left out: "Mary Tudor" is the whole name
    ],
)
def test_short_forms_come_only_from_a_surname(name, forms):
    assert [form for form, _ in person_short_forms(name)] == forms


def test_short_forms_come_from_the_name_the_blank_hides(lesson_file):
    # Seen after the surname rule: a boy's name joined to the memorial named after him
    # accepted "Memorial" for the boy.
    path = (
        Path(__file__).parents[1] / "data" / "released-f4" / "the-soweto-uprising-16-june-1976.txt"
    )
    bank = generate_bank(lesson_file(path))

    accepted = [a for q in bank.questions if q.kind == "fill_blank" for a in q.accepted]

    assert "Memorial" not in accepted and "Hector Memorial" not in accepted
