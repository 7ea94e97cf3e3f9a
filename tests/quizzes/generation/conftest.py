"""Helpers that parse small texts the way the pipeline does (the model loads once)."""

from dataclasses import dataclass

import pytest

from quizzes.generation.answers import Answer, entity_answers
from quizzes.generation.distractors import DistractorPool
from quizzes.generation.entities import Entity, build_entities, mentions_in, related_places
from quizzes.generation.nlp import parse_all
from quizzes.generation.selection import LessonSentence, select_sentences


@dataclass
class Parsed:
    sentences: list[LessonSentence]
    entities: list[Entity]
    pool: DistractorPool

    def answer(self, index: int, text: str) -> Answer:
        """The answer with this text in sentence `index`."""
        entity_of = {(m.sentence, m.start): e for e in self.entities for m in e.mentions}
        sentence = self.sentences[index]
        answers = entity_answers(sentence, mentions_in(sentence.doc, index), entity_of)
        return next(a for a in answers if a.text == text)


def parse_lesson_texts(texts: list[str], key_points: list[str] = ()) -> Parsed:
    docs = parse_all([*texts, *key_points])
    sentence_docs, key_docs = docs[: len(texts)], docs[len(texts) :]
    sentences = select_sentences(list(range(1, len(texts) + 1)), texts, sentence_docs, key_docs)
    entities = build_entities(sentence_docs)
    pool = DistractorPool(
        entities, sentences, key_docs, {}, set(), related_places(entities, sentence_docs)
    )
    return Parsed(sentences, entities, pool)


@pytest.fixture(scope="module")
def parse():
    return parse_lesson_texts
