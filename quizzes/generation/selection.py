"""Which sentences can carry a fair question, and how they read on their own."""

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

MIN_TOKENS = 8
MAX_TOKENS = 35
DEMONSTRATIVES = {"this", "these", "that", "those"}
# Content words a sentence shares with the key points make it a "key fact".
NUMBER_WEIGHT = 3
LINK_COVER = 0.4  # share of a key point's weight a sentence must state
LINK_EVIDENCE = 3  # shared weight needed, with at least one word that is not a number
GENERIC_LEMMAS = {"be", "have", "do", "make", "include", "become", "use", "take", "also"}


SENTENCE_ENDS = (".", "!", "?", '"', "\u201d", "'", "\u2019")


@dataclass
class LessonSentence:
    index: int  # position in the parsed list
    position: int  # the Sentence row's number (its anchor)
    text: str
    doc: Doc
    usable: bool
    key_point: int | None = None  # index of the key point it explains best
    key_overlap: float = 0.0
    weights: dict[str, float] = field(default_factory=dict)  # content lemma -> rarity
    mentions: list = field(default_factory=list)  # its entity mentions, found once
    # A key point worked on like a sentence stands for the lesson sentence that states it.
    source: "LessonSentence | None" = None
    # False when that sentence only shares words with the key point: the item then came
    # from the key point itself, and says so as its source.
    source_states: bool = True

    def render(self, start: int | None = None, end: int | None = None, fill: str = "") -> str:
        """The sentence with [start:end) replaced, reading well out of context.

        A leading demonstrative ("These trials ...") points at a sentence the reader
        does not see, so it becomes "The".
        """
        text = self.text
        if start is not None and end is not None:
            text = text[:start] + fill + text[end:]
        first = self.doc[0]
        if first.lower_ in DEMONSTRATIVES and first.dep_ == "det" and start != 0:
            text = "The" + text[len(first.text) :]
        if not text.rstrip().endswith(SENTENCE_ENDS):
            text = text.rstrip() + "."  # a key point written as a note has no full stop
        return text


def content_lemmas(doc: Doc, skip: tuple[int, int] | None = None) -> set[str]:
    """Lower-case lemmas of the nouns, verbs, adjectives and names, minus a token range."""
    # Asked of the same sentence many times over by the ranker and the distractors.
    cache = doc.user_data.setdefault("content_lemmas", {})
    if skip not in cache:
        cache[skip] = _content_lemmas(doc, skip)
    return set(cache[skip])


def _content_lemmas(doc: Doc, skip: tuple[int, int] | None) -> set[str]:
    lemmas = set()
    for token in doc:
        if skip and skip[0] <= token.i < skip[1]:
            continue
        if token.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and not token.is_stop:
            lemma = token.lemma_.lower()
            if lemma not in GENERIC_LEMMAS and re.search(r"\w", lemma):
                lemmas.add(lemma)
    return lemmas


def weighted_lemmas(doc: Doc) -> dict[str, int]:
    """Content lemmas weighted by how much they pin a fact down: numbers, then names.

    Words are cut to a stem ("negotiate" and "negotiations", "Italy" and "Italian" meet),
    and a name of several words weighs as one ("Addis Ababa" is one place, not two clues).
    """
    weights = {}
    for token in doc:
        lemma = token.lemma_.lower()
        if token.is_stop or not re.search(r"\w", lemma) or lemma in GENERIC_LEMMAS:
            continue
        if token.like_num or token.ent_type_ in ("DATE", "CARDINAL", "QUANTITY"):
            weights[lemma] = NUMBER_WEIGHT
        elif token.pos_ == "PROPN" or token.ent_type_:
            in_long_name = token.ent_iob_ == "I" or (
                token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"
            )
            weights[name_stem(lemma)] = 1 if in_long_name else 2
        elif token.pos_ in ("NOUN", "VERB", "ADJ"):
            weights[lemma[:5] if len(lemma) > 6 else lemma] = 1
    return weights


DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "ese", "ish", "ia", "y", "s")


def name_stem(lemma: str) -> str:
    """ "Italy" and "Italian", "Ethiopia" and "Ethiopians" meet at one stem."""
    for ending in DEMONYM_ENDINGS:
        if lemma.endswith(ending) and len(lemma) - len(ending) >= 4:
            lemma = lemma[: -len(ending)]
            break
    return lemma[:5]


def key_point_cover(key: dict[str, int], sentence: dict[str, float]) -> int:
    """How much of a key point a sentence states."""
    return sum(weight for lemma, weight in key.items() if lemma in sentence)


def key_point_score(key: dict[str, int], sentence: dict[str, float]) -> float:
    """Like the cover, but a word few sentences use ("Sèvres") counts for more."""
    return sum(weight * sentence[lemma] for lemma, weight in key.items() if lemma in sentence)


def is_usable(doc: Doc, topic: set[str] = frozenset()) -> bool:
    """Long enough to be fair, short enough to read; a statement that stands alone."""
    words = [t for t in doc if not t.is_punct]
    if not MIN_TOKENS <= len(words) <= MAX_TOKENS:
        return False
    first = doc[0]
    if not first.text[:1].isupper():
        return False  # "4 of the plant ...": a fragment left by a split at "No."
    if first.pos_ == "PRON" or first.tag_ in ("PRP", "PRP$", "WP", "WDT", "EX"):
        return False
    if first.lower_ in DEMONSTRATIVES and (
        first.dep_ != "det" or first.head.lemma_.lower() not in topic
    ):
        # "This was ..." has no noun to stand on; "This move ..." points at a sentence
        # the reader does not see, unless the noun is the lesson's own topic.
        return False
    if any(
        t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PRON" and t.head.dep_ == "ROOT" for t in doc
    ):
        return False  # "..., he came to believe": who "he" is lies in another sentence
    if doc.text.rstrip().endswith(("?", "!")) or '"' in doc.text or "“" in doc.text:
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in doc)


def select_sentences(
    positions: list[int],
    texts: list[str],
    docs: list[Doc],
    key_point_docs: list[Doc],
    topic: set[str] = frozenset(),
) -> list[LessonSentence]:
    """Every lesson sentence, marked usable or not and linked to its best key point."""
    weights = sentence_weights(docs)
    links = _links([weighted_lemmas(doc) for doc in key_point_docs], weights)
    sentences = []
    for index, (position, text, doc) in enumerate(zip(positions, texts, docs, strict=True)):
        sentence = LessonSentence(index, position, text, doc, usable=is_usable(doc, topic))
        sentence.weights = weights[index]
        sentence.key_point, sentence.key_overlap = links[index]
        sentences.append(sentence)
    return sentences


def sentence_weights(docs: list[Doc]) -> list[dict[str, float]]:
    """Each sentence's content lemmas with their rarity across the lesson (IDF)."""
    found = [weighted_lemmas(doc) for doc in docs]
    counts = Counter(lemma for lemmas in found for lemma in lemmas)
    rarity = {lemma: math.log((1 + len(docs)) / count) + 1 for lemma, count in counts.items()}
    return [{lemma: rarity[lemma] for lemma in lemmas} for lemmas in found]


def states_key_point(key: dict[str, int], sentence: dict[str, float]) -> bool:
    """The sentence says what the key point says: it shares enough of it, and not only a
    year, a number or one name ("Four copies from 1215 survive" is no link for every 1215)."""
    shared = {lemma: weight for lemma, weight in key.items() if lemma in sentence}
    words = sum(weight for weight in shared.values() if weight < NUMBER_WEIGHT)
    if words == 0 or sum(shared.values()) < LINK_EVIDENCE:
        return False
    return sum(shared.values()) >= LINK_COVER * sum(key.values())


def _links(key_lemmas: list[dict[str, int]], weights: list[dict[str, float]]):
    links = []
    for sentence in weights:
        best, best_score = None, 0.0
        for kp_index, kp_lemmas in enumerate(key_lemmas):
            score = key_point_score(kp_lemmas, sentence)
            if score > best_score and states_key_point(kp_lemmas, sentence):
                best, best_score = kp_index, score
        links.append((best, best_score))
    return links


def key_point_links(key_point_docs: list[Doc], docs: list[Doc]) -> list[int | None]:
    """For each sentence, the key point it states (its index), or None."""
    key_lemmas = [weighted_lemmas(doc) for doc in key_point_docs]
    return [best for best, _ in _links(key_lemmas, sentence_weights(docs))]


def sentence_stating(key_doc: Doc, sentences: list[LessonSentence]) -> LessonSentence | None:
    """The lesson sentence that says what the key point says, or None."""
    best = best_sentence_for(key_doc, sentences)
    return best if best and states_key_point(weighted_lemmas(key_doc), best.weights) else None


def best_sentence_for(key_doc: Doc, sentences: list[LessonSentence]) -> LessonSentence | None:
    """The lesson sentence that states the key point best, or None when none shares a word."""
    lemmas = weighted_lemmas(key_doc)
    scored = [
        (states_key_point(lemmas, s.weights), key_point_score(lemmas, s.weights), -s.index, s)
        for s in sentences
    ]
    best = max(scored, key=lambda item: item[:3], default=None)
    return best[3] if best and best[1] > 0 else None
