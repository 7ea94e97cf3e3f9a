import pytest

from quizzes.generation.answers import entity_answers
from quizzes.generation.entities import build_entities, mentions_in
from quizzes.generation.nlp import parse_all
from quizzes.generation.questions import wh_question
from quizzes.generation.selection import select_sentences


def _question_for(text: str, answer_text: str):
    docs = parse_all([text])
    sentence = select_sentences([1], [text], docs, [])[0]
    entities = build_entities(docs)
    entity_of = {(m.sentence, m.start): e for e in entities for m in e.mentions}
    answers = entity_answers(sentence, mentions_in(docs[0], 0), entity_of)
    answer = next(a for a in answers if a.text == answer_text)
    return wh_question(docs[0], answer)


@pytest.mark.parametrize(
    ("text", "answer", "question"),
    [
        (
            "Joseph Stalin ordered the arrest of his rivals in 1936.",
            "Joseph Stalin",
            "Who ordered the arrest of his rivals in 1936?",
        ),
        (
            "In 1896 the Italian army was defeated by Ethiopian forces at Adwa.",
            "1896",
            "When was the Italian army defeated by Ethiopian forces at Adwa?",
        ),
    ],
)
def test_wh_questions_from_the_parse(text, answer, question):
    assert _question_for(text, answer)[0] == question


def test_did_support_uses_the_base_form():
    question = _question_for("In 1969 the astronauts landed their module on the Moon.", "1969")

    assert question[0] == "When did the astronauts land their module on the Moon?"
