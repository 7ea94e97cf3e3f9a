"""What the generator hands back: questions and flashcards, not yet saved."""

import hashlib
import random
import re
from dataclasses import dataclass, field
from typing import Any

from quizzes.generation.selection import LessonSentence


@dataclass
class GeneratedQuestion:
    kind: str
    prompt: str
    answer: str | list
    rule: str
    sentence: LessonSentence | None
    target: str  # what is asked about: the answer span, or the set's items
    choices: list = field(default_factory=list)
    distractors: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    key_point: int | None = None
    answer_kind: str = ""
    note: str = ""  # an explanation other than the source sentence
    hidden: Any = None  # the Answer span the item hides or swaps; None for sets
    replacement: str = ""  # what a false statement put in the hidden span's place
    distractor_sources: list[str] = field(default_factory=list)  # "lesson", "course", ...
    cue: str = ""  # a title or place noun right before the blank ("Pope", "city of")
    # The ranker's verdict (ranking.py): chance of being usable as written, and why.
    confidence: float = 0.0
    ready: bool = False
    reason: str = ""
    worth: str = ""  # "key", "detail" or "trivia"
    topical: float = 0.0  # share of the sentence's content words that are topic words
    faults: list[str] = field(default_factory=list)
    # The same answer's other forms (a blank for a multiple-choice item, and so on),
    # ranked but not picked: kinds.py may swap one in.
    alternatives: list = field(default_factory=list, repr=False, compare=False)
    # The ranked statements a multiple-response item offers (responses.py).
    parts: list = field(default_factory=list, repr=False, compare=False)

    @property
    def source_text(self) -> str:
        """The lesson sentence it came from (for a key point's item, the one stating it)."""
        return source_sentence_text(self.sentence)

    @property
    def explanation(self) -> str:
        return self.note or self.source_text

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.kind, self.rule, self.source_text, self.target)

    @property
    def seed(self) -> int:
        return int(self.fingerprint[:12], 16)


@dataclass
class GeneratedCard:
    front: str
    back: str
    rule: str
    sentence: LessonSentence | None
    key_point: int | None = None
    term: str = ""

    @property
    def source_text(self) -> str:
        """The lesson sentence it came from (for a key point's item, the one stating it)."""
        return source_sentence_text(self.sentence)

    @property
    def fingerprint(self) -> str:
        return fingerprint("card", self.rule, self.source_text, self.front)


@dataclass
class GeneratedBank:
    questions: list[GeneratedQuestion]
    flashcards: list[GeneratedCard]


def source_sentence_text(sentence: LessonSentence | None) -> str:
    if sentence is None:
        return ""
    if sentence.source is None or not sentence.source_states:
        return sentence.text
    return sentence.source.text


def fingerprint(*parts: str) -> str:
    """Same rule, source and target: the same item across regenerations."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def stable_seed(*parts: str) -> int:
    """A seed from text, the same in every process (Python's hash() is not)."""
    return int(fingerprint(*parts)[:12], 16)


def seeded_shuffle(items: list, seed: int) -> list:
    """A shuffle that depends only on the seed, so the bank stays deterministic."""
    shuffled = list(items)
    random.Random(seed).shuffle(shuffled)
    return shuffled


def tidy(text: str) -> str:
    """Spacing after words were removed: no space before commas, no doubled commas."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:?!])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"^[,;:]\s*", "", text)
    text = re.sub(r"[,;:]\s*([?.!])$", r"\1", text)
    return text


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
