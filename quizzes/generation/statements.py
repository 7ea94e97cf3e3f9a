""" "Which of these statements is true?" from the lesson's key points.

The key points are the lesson writer's own summary of what matters, so they make the
most trustworthy statements (Dugan et al. 2022: generation from human summaries doubled
experts' acceptance). One key point stands as written; each wrong option is another key
point with one name, date or number swapped for a wrong one of the same fine kind from
the lesson, so it is false because of the lesson, never absurd.
"""

from collections import Counter

from spacy.tokens import Doc

from quizzes.generation.answers import Answer, answer_from_mention
from quizzes.generation.checks import contains_phrase, differs_by_one_span
from quizzes.generation.context import leaning_words
from quizzes.generation.distractors import DistractorPool
from quizzes.generation.entities import NAMED_KINDS, Entity, Mention, mentions_in, normalise
from quizzes.generation.items import GeneratedQuestion, seeded_shuffle, stable_seed
from quizzes.generation.selection import LessonSentence, content_lemmas
from quizzes.generation.truefalse import false_candidates
from quizzes.generation.years import signed_years

KEY_POINT_INDEX = 100_000  # parsed key points are numbered apart from lesson sentences
MAX_ITEMS = 5
ORIGIN_NOTES = {"keypoint": "key point", "summary": "summary"}
# Times a false statement may be a wrong option in a lesson's ready set (F4 judges met one
# absurd statement in three items; absurd statements are ranked out since). A lesson has
# only 3-8 ready false statements: at once each, most lessons had one or two of these key
# items; a quiz never shows two items that share a wrong option (quizzes.drawing keeps
# them apart), so reuse costs a quiz nothing. F18 and F19 judges read these items 92% key
# and all usable, while at two and three uses half of them sat in review for want of
# wrong options alone (F19 tuned: 18 of 35 ready; at three and five, 27).
MAX_USES = 3
# A key point's or summary sentence's false form is a key fact misstated: it may serve
# more items.
MAX_KEY_USES = 5
MAX_OPTION_WORDS = 25  # a longer statement stands out among key points
MIN_WORDS = 5


def as_statement(text: str) -> str:
    """A key point written as a note ends with a full stop like every other option (F5:
    the right option alone had none)."""
    text = text.strip()
    return text if text[-1:] in ".!?" else text + "."


def reads_as_a_note(doc: Doc) -> bool:
    """A key point written as a note, not a sentence: no main verb ("Green Sprouts loans
    for farmers", F11), or a verb with no subject before it ("Marked the height of ...").
    As a true/false statement or an option it reads as broken grammar."""
    if not any(t.pos_ in ("VERB", "AUX") for t in doc):
        return True
    first = next((t for t in doc if not t.is_punct), None)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc)
    if root is not None and root.pos_ == "NOUN" and first is not None and first.tag_ == "NN":
        # "Expedition led by Sir Robert Napier" (F14): a bare noun and a participle on it,
        # no finite verb; "The king aimed to ..." (misparsed the same way) has its article.
        return not finite
    return first is not None and first.tag_ in ("VBD", "VBN", "VBG")


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
            usable=len(doc) >= MIN_WORDS and not reads_as_a_note(doc),
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
    forms = ready_falses(sentence, entities, pool, rank)
    return forms[0] if forms else None


def ready_falses(sentence, entities, pool, rank) -> list[GeneratedQuestion]:
    """The key point's ready false statements, the most trustworthy first (made once per
    key point and lesson: the key point's own items and "Which is true?" both ask)."""
    if sentence.index not in pool.ready_falses:
        candidates = false_candidates(sentence, key_point_answers(sentence, entities), pool)
        for item in candidates:
            rank(item)
        ready = sorted((item for item in candidates if item.ready), key=lambda q: -q.confidence)
        pool.ready_falses[sentence.index] = ready
    return pool.ready_falses[sentence.index]


def _wrong_options(sentence, source, falses, used: Counter) -> list[str] | None:
    """Three false statements for a "Which is true?" item on `sentence`, or None: never
    of its own fact (its false form beside the true one leaves a choice of two), nor two
    of one fact; unused ones first, each the nearest in length to the right option (a
    right option longer than the rest stands out)."""
    own = {fact_of(sentence), fact_of(source)}
    size = len(sentence.text)
    seed = stable_seed("which-true", sentence.text)
    fitting = [
        (text, fact)
        for text, fact in seeded_shuffle(falses, seed)
        if fact not in own
        and not contains_phrase(text, sentence.text)
        and not differs_by_one_span(sentence.text, text)
    ]
    dated = bool(signed_years(sentence.text))
    # Of the make of the right option first: an undated key point among dated body
    # sentences stands out (F7, F8 readers), so dated beside dated, undated beside undated.
    fitting.sort(
        key=lambda option: (
            used[option[0]],
            bool(signed_years(option[0])) != dated,
            abs(len(option[0]) - size),
        )
    )
    chosen: dict[tuple[str, int], str] = {}
    for text, fact in fitting:
        if fact not in chosen and len(chosen) < 3:
            chosen[fact] = text
    return list(chosen.values()) if len(chosen) == 3 else None


def _dated_source_instead(sentence, source, wrong: list[str], topic: set[str]) -> bool:
    """An undated key point among dated wrong options stands out as the right one (F7, F8
    readers: the short undated option is always right): the lesson sentence that states
    it with its date takes its place, when short and clear enough."""
    return (
        source is not sentence
        and sentence.source_states
        and _says_most_of(source, sentence)
        and not signed_years(sentence.text)
        and all(signed_years(text) for text in wrong)
        and bool(signed_years(source.text))
        and len(source.text.split()) <= MAX_OPTION_WORDS
        and not leaning_words(source.doc, topic)
        and not any(differs_by_one_span(source.text, text) for text in wrong)
    )


STATES_SHARE = 0.5  # the key point's content words the sentence must hold more than half of


def _says_most_of(source: LessonSentence, sentence: LessonSentence) -> bool:
    """The lesson sentence holds most of the key point's content words: it says the key
    point, not only something near it ("Peace talks lasted around five years" is not
    "In January 1648 Spain and the Dutch Republic signed the Peace of Münster")."""
    wanted = content_lemmas(sentence.doc)
    return bool(wanted) and len(wanted & content_lemmas(source.doc)) > STATES_SHARE * len(wanted)


def fact_of(sentence: LessonSentence) -> tuple[str, int]:
    """The key point a sentence explains, or else the sentence itself."""
    if sentence.key_point is not None:
        return ("key point", sentence.key_point)
    return ("sentence", sentence.index)


def uses_allowed(fact: tuple[str, int], summary: frozenset[int]) -> int:
    """How many items may offer a false form of this fact as a wrong option: a key
    point's or a `summary` sentence's MAX_KEY_USES, any other MAX_USES."""
    main = fact[0] == "key point" or fact[1] in summary
    return MAX_KEY_USES if main else MAX_USES


def which_is_true(
    key_sentences: list[LessonSentence],
    sources: list[LessonSentence | None],
    entities: list[Entity],
    pool: DistractorPool,
    rank,
    topic: set[str],
    found: dict[int, GeneratedQuestion | None] | None = None,
    sentence_falses: list[GeneratedQuestion] = (),
    origin: str = "keypoint",
    used: Counter | None = None,
    summary: frozenset[int] = frozenset(),
) -> list[GeneratedQuestion]:
    """Up to MAX_ITEMS "Which of these statements is true?" items, one per key point
    (or, with `origin` "summary", one per sentence of the summary).

    `rank` scores a false statement (the ranker's assess): only ready ones are used, so
    a wrong option is as trustworthy as a ready true/false item. `found` holds each key
    point's best ready false statement when the caller has made them already;
    `sentence_falses` are the lesson sentences' ready false statements, the wrong options
    when too few key points have one (short ones first). `used` counts the false
    statements earlier items took: past MAX_USES (MAX_KEY_USES for a false form of a key
    point or of a sentence in `summary`, the summary's sentence indices) an item is marked
    for review.
    """
    used = Counter() if used is None else used
    # (text, fact) of every false statement that may be a wrong option: each key point's
    # ready false forms (several swaps), then the sentences' shortest first.
    falses: list[tuple[str, tuple[str, int]]] = []
    # A summary sentence's own false forms are among the sentences' already.
    for sentence in key_sentences if origin == "keypoint" else []:
        if not sentence.usable:
            continue
        forms = ready_falses(sentence, entities, pool, rank)
        if found is not None and found.get(sentence.key_point) is not None:
            forms = [found[sentence.key_point], *forms]
        for form in forms:
            if form.prompt not in (text for text, _ in falses):
                falses.append((form.prompt, fact_of(sentence)))
    for form in sorted(sentence_falses, key=lambda q: len(q.prompt.split())):
        short = len(form.prompt.split()) <= MAX_OPTION_WORDS
        if short and form.sentence is not None and all(form.prompt != t for t, _ in falses):
            falses.append((form.prompt, fact_of(form.sentence)))
    limit = {text: uses_allowed(fact, summary) for text, fact in falses}
    items = []
    for sentence, source in zip(key_sentences, sources, strict=True):
        if len(items) >= MAX_ITEMS or source is None or not sentence.usable:
            continue
        if origin == "summary" and len(sentence.text.split()) > MAX_OPTION_WORDS:
            continue  # a long right option stands out among short false ones
        if leaning_words(sentence.doc, topic):
            continue  # "The treaty caused the dispute": which treaty, out of the lesson?
        wrong = _wrong_options(sentence, source, falses, used)
        if wrong is None:
            continue
        sources = ["reused" if used[text] >= limit[text] else "lesson" for text in wrong]
        used.update(wrong)
        right, wrong_options = as_statement(sentence.text), [as_statement(t) for t in wrong]
        rule = f"mc.true.{origin}"
        if _dated_source_instead(sentence, source, wrong, topic):
            right, rule = as_statement(source.text), "mc.true.stated"
        item = GeneratedQuestion(
            kind="multiple_choice",
            prompt="Which of these statements is true?",
            answer=right,
            rule=rule,
            sentence=source if sentence.source_states else sentence,
            target=sentence.text,
            choices=[right, *wrong_options],
            distractors=wrong_options,
            key_point=sentence.key_point,
            note=f"The lesson's {ORIGIN_NOTES[origin]}: {sentence.text}",
        )
        item.distractor_sources = sources
        items.append(item)
    return items
