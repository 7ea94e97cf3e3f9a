"""Flashcards: every key point, and every name the lesson explains.

A name is explained by "X was a Y", by an appositive ("X, the Y, ..."), by a relative
clause ("X, who was Y") or, failing those, by a sentence whose subject it is.
"""

from spacy.tokens import Doc, Token

from quizzes.generation.checks import DEFINITION_WORDS, contains_phrase, definition_fits
from quizzes.generation.entities import NAMED_KINDS, PLACE, PLACE_NOUNS, Entity
from quizzes.generation.items import GeneratedCard, capitalise, tidy
from quizzes.generation.selection import LessonSentence, key_point_score, weighted_lemmas
from quizzes.generation.sets import Pair

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
            start = child.i + 1 if child.lemma_ == "be" else child.i
            if start <= child.right_edge.i and child.left_edge.i == token.i + 2:
                return doc[start : child.right_edge.i + 1].text, "card.relative"
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
            for token in _entity_head(entity, sentence.doc, sentence.index):
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
        back = _sentence_end(_clip(description))
        if not all(not contains_phrase(back, name) for name in entity.names):
            continue
        if not definition_fits(entity.name, back):
            continue
        done.add(entity.name)
        cards.append(
            GeneratedCard(entity.name, back, rule, sentence, sentence.key_point, term=entity.name)
        )
        if is_definition and len(back.split()) <= 15:
            pairs.append(Pair(entity.name, back.rstrip("."), sentence))
    return cards, pairs


def key_point_cards(
    key_points: list[str], key_docs: list[Doc], sentences: list[LessonSentence]
) -> list[GeneratedCard]:
    """One card per key point: the point on the front, the lesson's words on the back."""
    cards = []
    for index, (text, doc) in enumerate(zip(key_points, key_docs, strict=True)):
        lemmas = weighted_lemmas(doc)
        scored = sorted(
            ((-key_point_score(lemmas, s.weights), s.index, s) for s in sentences),
            key=lambda item: item[:2],
        )
        for negative_score, _, sentence in scored:
            back = _sentence_end(_clip(sentence.render()))
            if (
                negative_score < 0
                and DEFINITION_WORDS[0] <= len(back.split()) <= DEFINITION_WORDS[1]
            ):
                cards.append(GeneratedCard(text, back, "card.keypoint", sentence, index))
                break
    return cards


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
