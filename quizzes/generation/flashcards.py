"""Flashcards: every key point, and every name the lesson explains.

A name is explained by "X was a Y", by an appositive ("X, the Y, ..."), by a relative
clause ("X, who was Y") or, failing those, by a sentence whose subject it is.
"""

from spacy.tokens import Doc, Token

from quizzes.generation.checks import (
    BLANK,
    DEFINITION_WORDS,
    contains_phrase,
    definition_fits,
    prompt_hides_answer,
)
from quizzes.generation.context import leaning_words
from quizzes.generation.entities import NAMED_KINDS, PERSON, PLACE, Entity
from quizzes.generation.entity_words import PLACE_NOUNS
from quizzes.generation.items import GeneratedCard, capitalise, tidy
from quizzes.generation.matching import Pair
from quizzes.generation.selection import LessonSentence, best_sentence_for
from quizzes.generation.statements import key_point_answers, key_point_sentences

MIN_CARDS = 15  # a deck smaller than this is topped up with cloze cards
CLAUSE_BREAKS = (";", "—", " – ", ", which", ", while", ", and")


def _sentence_end(text: str) -> str:
    text = tidy(text).rstrip(",;: ")
    return capitalise(text if text.endswith((".", "!", "?")) else text + ".")


def _entity_head(entity: Entity, doc: Doc, sentence: int) -> list[Token]:
    """The last token of each mention of the entity in this sentence."""
    return [doc[m.token_end - 1] for m in entity.mentions if m.sentence == sentence]


def _description(token: Token, entity: Entity) -> tuple[str, str] | None:
    """A description of the entity whose last name token is `token`, with its rule."""
    root = token.head if token.dep_ in ("nsubj", "nsubjpass") else None
    if root is not None and root.lemma_ == "be" and token.i < root.i:
        attrs = [c for c in root.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        if attrs and any(c.dep_ == "det" for c in attrs[0].children):
            span = token.doc[attrs[0].left_edge.i : attrs[0].right_edge.i + 1]
            return span.text, "card.copula"
    for child in token.children:
        if (
            child.dep_ == "appos"
            and child.pos_ in ("NOUN", "ADJ")
            and any(t.pos_ == "NOUN" for t in child.subtree)
            and not any(c.pos_ == "NUM" for c in child.children)  # "a run of 240 km"
            and (entity.kind != PLACE or child.lemma_.lower() in PLACE_NOUNS)
        ):
            span = token.doc[child.left_edge.i : child.right_edge.i + 1]
            return span.text, "card.appositive"
        if child.dep_ == "relcl" and child.left_edge.lower_ in ("who", "which"):
            doc = token.doc
            # "who had become Sultan": the auxiliaries go with the verb, or the tense is lost.
            helpers = [
                c.i for c in child.children if c.dep_ in ("aux", "auxpass") and c.i < child.i
            ]
            start = child.i + 1 if child.lemma_ == "be" else min([child.i, *helpers])
            clause = doc[start : child.right_edge.i + 1]
            if start <= child.right_edge.i and child.left_edge.i == token.i + 2:
                if leaning_words(clause.as_doc()):
                    return None  # "Chagatai Turkic, which describes his battles": whose?
                return clause.text, "card.relative"
    return None


def _predicate(sentence: LessonSentence, token: Token, entity: Entity) -> str | None:
    """What the sentence says of its subject, when the subject is the whole name."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ROOT":
        return None
    doc = sentence.doc
    if token.left_edge.i not in (0, 1) or token.right_edge.i != token.i:
        return None
    if any(c.dep_ == "conj" for c in token.children):
        return None
    return doc[token.i + 1 :].text


def _clip(text: str) -> str:
    """Cut a long description at its first clause break."""
    if len(text.split()) <= DEFINITION_WORDS[1]:
        return text
    for mark in CLAUSE_BREAKS:
        if mark in text:
            text = text.split(mark)[0]
            if len(text.split()) <= DEFINITION_WORDS[1]:
                return text
    # Failing a clause break, the longest run of whole comma-separated parts that fits.
    parts = text.split(", ")
    for end in range(len(parts) - 1, 0, -1):
        clipped = ", ".join(parts[:end])
        if 8 <= len(clipped.split()) <= DEFINITION_WORDS[1]:
            return clipped
    return text


def term_cards(
    sentences: list[LessonSentence], entities: list[Entity]
) -> tuple[list[GeneratedCard], list[Pair]]:
    """Cards for the names the lesson explains, and the pairs a matching item can use."""
    cards, pairs, done = [], [], set()
    for entity in entities:
        if entity.kind not in NAMED_KINDS:
            continue
        found = None
        for sentence in sentences:
            if not sentence.usable:
                continue
            heads = _entity_head(entity, sentence.doc, sentence.index)
            if heads and entity.kind != PERSON and not contains_phrase(sentence.text, entity.name):
                continue  # "to Panama, which took ..." is not said of the Panama Canal
            for token in heads:
                described = _description(token, entity)
                if described:
                    found = (described[0], f"{described[1]}.{entity.kind}", sentence, True)
                    break
                predicate = _predicate(sentence, token, entity)
                if predicate and found is None:
                    found = (predicate, f"card.subject.{entity.kind}", sentence, False)
            if found and found[3]:
                break
        if not found or entity.name in done:
            continue
        description, rule, sentence, is_definition = found
        if rule.startswith("card.appositive") and any(c.isdigit() for c in description):
            continue  # "Athens, a run of 240 km": a measure, not what the name is
        said = _sentence_end(_clip(description))
        if not all(not contains_phrase(said, name) for name in entity.names):
            continue
        if not definition_fits(entity.name, said):
            continue
        done.add(entity.name)
        noun_phrase = rule.startswith(("card.copula", "card.appositive")) or _is_noun_phrase(
            description
        )
        front, back = _term_card(entity, said, is_definition and noun_phrase)
        cards.append(GeneratedCard(front, back, rule, sentence, sentence.key_point, entity.name))
        if is_definition and len(said.split()) <= 15:
            pairs.append(Pair(entity.name, said.rstrip("."), sentence))
    return cards, pairs


def _is_noun_phrase(text: str) -> bool:
    first = text.split()[0].lower() if text.split() else ""
    return first in ("a", "an", "the", "one") or first.endswith("'s")


def _term_card(entity: Entity, said: str, noun_phrase: bool) -> tuple[str, str]:
    """ "Who was Herodotus?" / "Herodotus was the Greek historian ...": the front asks,
    the back answers in a whole sentence."""
    name = f"the {entity.name}" if entity.takes_the else entity.name
    verb = "were" if entity.plural else "was"
    wh = "Who" if entity.kind == "person" else "What"
    first = said.split()[0]
    lower = first in ("A", "An", "The", "One") or not description_starts_with_a_name(said)
    body = said[:1].lower() + said[1:] if lower else said
    if noun_phrase:
        return f"{wh} {verb} {name}?", capitalise(f"{name} {verb} {body}")
    if entity.kind == "person":
        return f"What did {name} do?", capitalise(f"{name} {body}")
    return f"What does the lesson say about {name}?", capitalise(f"{name} {body}")


def description_starts_with_a_name(text: str) -> bool:
    """ "NASA's first ...", "East Germany's ...": a capital that is a name, not a sentence start."""
    first = text.split()[0]
    return first.isupper() and len(first) > 1 or first.endswith(("'s", "’s"))


KEY_POINT_BLANK_KINDS = ("date", "person", "event", "document", "number", "place")


def key_point_cards(
    key_points: list[str],
    key_docs: list[Doc],
    sentences: list[LessonSentence],
    entities: list[Entity] = (),
) -> list[GeneratedCard]:
    """One card per key point, its whole text on the back. The front blanks its date, name
    or number (a cloze card), or else asks what the lesson says of its subject."""
    sources = [best_sentence_for(doc, sentences) for doc in key_docs]
    cards = []
    for index, (text, key_sentence, source) in enumerate(
        zip(key_points, key_point_sentences(key_docs, sources), sources, strict=True)
    ):
        if source is None:
            continue
        back = _sentence_end(text)
        answers = [
            a
            for a in key_point_answers(key_sentence, list(entities))
            if a.kind in KEY_POINT_BLANK_KINDS and a.after_article not in ("a", "an")
        ]
        answers.sort(key=lambda a: (KEY_POINT_BLANK_KINDS.index(a.kind), a.start))
        front = None
        for answer in answers:
            blanked = key_sentence.render(answer.start, answer.end, BLANK)
            if prompt_hides_answer(blanked, answer.text):
                front = _sentence_end(blanked)
                break
        if front is None:
            subject = _subject_text(key_sentence.doc)
            if subject is None:
                continue
            front = f"What does the lesson say about {subject}?"
        cards.append(GeneratedCard(front, back, "card.keypoint", source, index))
    return cards


def _subject_text(doc: Doc) -> str | None:
    for token in doc:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
            span = doc[token.left_edge.i : token.right_edge.i + 1]
            text = span.text
            return text if span[0].pos_ == "PROPN" else text[:1].lower() + text[1:]
    return None


def question_cards(questions, have: int) -> list[GeneratedCard]:
    """Cards from the questions: every wh-question, and cloze cards up to a small deck.

    A wh-question makes a good card as it is. A blanked sentence is a weaker card, so
    those only fill a deck that would otherwise be thin, one per sentence.
    """
    cards, clozes, used = [], [], set()
    for question in questions:
        back = _sentence_end(_clip(question.source_text))
        if not DEFINITION_WORDS[0] <= len(back.split()) <= DEFINITION_WORDS[1]:
            continue
        if not contains_phrase(back, str(question.answer)):
            continue
        if question.rule.startswith("wh.") or question.prompt.endswith("?"):
            cards.append(
                GeneratedCard(
                    question.prompt, back, "card.question", question.sentence, question.key_point
                )
            )
        elif "_____" in question.prompt and question.source_text not in used:
            used.add(question.source_text)
            clozes.append(
                GeneratedCard(
                    question.prompt, back, "card.cloze", question.sentence, question.key_point
                )
            )
    wanted = max(0, MIN_CARDS - have - len(cards))
    return cards + clozes[:wanted]
