""" "Which of these statements is true?" from the lesson's key points.

The key points are the lesson writer's own summary of what matters, so they make the
most trustworthy statements (Dugan et al. 2022: generation from human summaries doubled
experts' acceptance). One key point stands as written; each wrong option is another key
point with one name, date or number swapped for a wrong one of the same fine kind from
the lesson, so it is false because of the lesson, never absurd.
"""

from spacy.tokens import Doc

from quizzes.generation.answers import Answer, answer_from_mention
from quizzes.generation.checks import contains_phrase
from quizzes.generation.context import leaning_words
from quizzes.generation.distractors import DistractorPool
from quizzes.generation.entities import NAMED_KINDS, Entity, Mention, mentions_in, normalise
from quizzes.generation.items import GeneratedQuestion, seeded_shuffle, stable_seed
from quizzes.generation.selection import LessonSentence
from quizzes.generation.truefalse import false_candidates

KEY_POINT_INDEX = 100_000  # parsed key points are numbered apart from lesson sentences
MAX_ITEMS = 3
MAX_OPTION_WORDS = 25  # a longer statement stands out among key points
MIN_WORDS = 5


def key_point_sentences(
    key_docs: list[Doc], sources: list[LessonSentence | None], stating: list[bool] | None = None
):
    """Each key point as a sentence the swap machinery can work on; `stating` says, per
    key point, whether its source sentence states it (else the key point is its own source)."""
    found = []
    stating = stating or [True] * len(key_docs)
    for index, (doc, source) in enumerate(zip(key_docs, sources, strict=True)):
        sentence = LessonSentence(
            KEY_POINT_INDEX + index,
            source.position if source else 0,
            doc.text.strip(),
            doc,
            usable=len(doc) >= MIN_WORDS,
            key_point=index,
            source=source,
            source_states=stating[index],
        )
        sentence.mentions = mentions_in(doc, sentence.index)
        found.append(sentence)
    return found


def key_point_answers(sentence: LessonSentence, entities: list[Entity]) -> list[Answer]:
    """The key point's names, dates and numbers, tied to the lesson's entities by name."""
    by_alias = {normalise(name): entity for entity in entities for name in entity.names}
    answers = []
    mentions = list(sentence.mentions)
    # A short key point gives the tagger little to go on: the lesson's names, found as text.
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    for entity in entities:
        if entity.kind not in NAMED_KINDS or not entity.certain:
            continue
        for name in sorted(entity.names, key=len, reverse=True):
            start = sentence.text.find(name)
            span = sentence.doc.char_span(start, start + len(name)) if start >= 0 else None
            if span is None:
                continue
            if any(i in taken for i in range(span.start, span.end)):
                break
            taken |= set(range(span.start, span.end))
            mentions.append(
                Mention(
                    sentence.index,
                    span.start_char,
                    span.end_char,
                    span.text,
                    entity.kind,
                    span.start > 0 and sentence.doc[span.start - 1].lower_ == "the",
                    entity.plural,
                    span.start,
                    span.end,
                )
            )
            break
    for mention in sorted(mentions, key=lambda m: m.start):
        answers.append(
            answer_from_mention(sentence, mention, by_alias.get(normalise(mention.text)))
        )
    return answers


def best_false(sentence, entities, pool, rank) -> GeneratedQuestion | None:
    """The key point's most trustworthy ready false statement, or None."""
    candidates = false_candidates(sentence, key_point_answers(sentence, entities), pool)
    for item in candidates:
        rank(item)
    ready = [item for item in candidates if item.ready]
    return max(ready, key=lambda item: item.confidence) if ready else None


def which_is_true(
    key_sentences: list[LessonSentence],
    sources: list[LessonSentence | None],
    entities: list[Entity],
    pool: DistractorPool,
    rank,
    topic: set[str],
    found: dict[int, GeneratedQuestion | None] | None = None,
    sentence_falses: list[GeneratedQuestion] = (),
) -> list[GeneratedQuestion]:
    """Up to MAX_ITEMS "Which of these statements is true?" items, one per key point.

    `rank` scores a false statement (the ranker's assess): only ready ones are used, so
    a wrong option is as trustworthy as a ready true/false item. `found` holds each key
    point's best ready false statement when the caller has made them already;
    `sentence_falses` are the lesson sentences' ready false statements, the wrong options
    when too few key points have one (short ones first).
    """
    falses: dict[int, str] = {}
    for sentence in key_sentences:
        if not sentence.usable:
            continue
        if found is not None and sentence.key_point in found:
            best = found[sentence.key_point]
        else:
            best = best_false(sentence, entities, pool, rank)
        if best is not None:
            falses[sentence.key_point] = best.prompt
    items = []
    for sentence, source in zip(key_sentences, sources, strict=True):
        if len(items) >= MAX_ITEMS or source is None or not sentence.usable:
            continue
        if leaning_words(sentence.doc, topic):
            continue  # "The treaty caused the dispute": which treaty, out of the lesson?
        keyed = [text for index, text in falses.items() if index != sentence.key_point]
        extra = [
            item.prompt
            for item in sorted(sentence_falses, key=lambda q: len(q.prompt.split()))
            # Not this key point's own fact: its false form beside the true one leaves a
            # choice of two.
            if item.sentence is not source
            and item.key_point != sentence.key_point
            and len(item.prompt.split()) <= MAX_OPTION_WORDS
        ]
        seed = stable_seed("which-true", sentence.text)
        # Key points' own false forms first, then the shortest of the sentences'. A false
        # option must not state the true one's fact in other words.
        others = seeded_shuffle(keyed, seed) + [t for t in extra if t not in keyed]
        others = [text for text in others if not contains_phrase(text, sentence.text)]
        if len(others) < 3:
            continue
        wrong = others[:3]
        item = GeneratedQuestion(
            kind="multiple_choice",
            prompt="Which of these statements is true?",
            answer=sentence.text,
            rule="mc.true.keypoint",
            sentence=source if sentence.source_states else sentence,
            target=sentence.text,
            choices=[sentence.text, *wrong],
            distractors=wrong,
            key_point=sentence.key_point,
            note=f"The lesson's key point: {sentence.text}",
        )
        item.distractor_sources = ["lesson"] * 3
        items.append(item)
    return items
