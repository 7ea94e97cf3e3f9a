"""Helpers that parse small texts the way the pipeline does (the model loads once)."""

from dataclasses import dataclass
from pathlib import Path

import pytest

from lessons.parsing import parse_lesson
from lessons.sentences import split_sentences
from quizzes.generation.answers import Answer, entity_answers
from quizzes.generation.distractors import DistractorPool, choose_distractors
from quizzes.generation.entities import Entity, build_entities, mentions_in, related_places
from quizzes.generation.events import dated_event
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import LessonText
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

    def options(self, index: int, text: str, seeds: str = "abcde") -> list[list[str]]:
        """The wrong options offered for this answer of sentence `index`, one list a seed."""
        answer = self.answer(index, text)
        return [
            choose_distractors(answer, self.sentences[index], self.pool, seed) for seed in seeds
        ]


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


def event_in(sentence: str, date: str, year_before: int | None = None) -> tuple[int, str] | None:
    """(year, text) of the event a one-sentence lesson dates by `date` (a day and month
    taking `year_before`), or None."""
    parsed = parse_lesson_texts([sentence])
    entity_of = {(m.sentence, m.start): e for e in parsed.entities for m in e.mentions}
    (lesson_sentence,) = parsed.sentences
    answers = entity_answers(lesson_sentence, mentions_in(lesson_sentence.doc, 0), entity_of)
    answer = next(a for a in answers if a.text == date)
    found = dated_event(lesson_sentence, answer, set(), year_before)
    return found and (found.year, found.text)


@pytest.fixture(scope="module")
def event():
    return event_in


def lesson_text_of_file(path: Path) -> LessonText:
    """A lesson file as the generator gets it: summary sentences first, then sections."""
    parsed = parse_lesson(path.read_text())
    summary = split_sentences(parsed.summary)
    sentences = summary + [
        s for section in parsed.sections for p in section.paragraphs for s in split_sentences(p)
    ]
    return LessonText(
        parsed.title,
        parsed.key_points,
        list(enumerate(sentences, start=1)),
        frozenset(range(1, len(summary) + 1)),
    )


@pytest.fixture(scope="module")
def lesson_file():
    return lesson_text_of_file
