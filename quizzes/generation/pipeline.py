"""The generator's entry point: lesson text in, questions and flashcards out."""

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from quizzes.generation import checks
from quizzes.generation.accepted import (
    accept_bare_bc_years,
    accept_bare_common_era_years,
    accept_full_names,
    keep_variants_to_one_entity,
)
from quizzes.generation.answers import Answer, entity_answers, term_answers
from quizzes.generation.causes import causal_links, cause_and_result_items
from quizzes.generation.cloze import SHORT_ANSWER, cloze_prompt, fill_blank, multiple_choice
from quizzes.generation.context import leaning_words
from quizzes.generation.distractors import DistractorPool, choose_distractors, names_a_body
from quizzes.generation.entities import (
    DATE,
    NAMED_KINDS,
    NUMBER,
    PERSON,
    build_entities,
    mentions_in,
    related_places,
)
from quizzes.generation.events import dated_event, opening_span, short_span, years_before
from quizzes.generation.finekinds import cue_before, fine_kinds
from quizzes.generation.flashcards import key_point_cards, question_cards, term_cards
from quizzes.generation.items import GeneratedBank, GeneratedQuestion, seeded_shuffle
from quizzes.generation.kinds import fill_missing_kinds
from quizzes.generation.matching import matching, people_pairs
from quizzes.generation.names import attach_full_names
from quizzes.generation.nlp import parse_all
from quizzes.generation.questions import wh_question
from quizzes.generation.ranking import assess, curate_ready, lesson_context
from quizzes.generation.referents import pronoun_referents
from quizzes.generation.responses import reserve_falses, which_are_true
from quizzes.generation.retype import retype_names, shown_people
from quizzes.generation.selection import (
    LessonSentence,
    best_sentence_for,
    content_lemmas,
    key_point_score,
    select_sentences,
    sentence_stating,
    states_key_point,
    weighted_lemmas,
)
from quizzes.generation.sets import DatedEvent, ordering
from quizzes.generation.statements import (
    best_false,
    key_point_answers,
    key_point_sentences,
    which_is_true,
)
from quizzes.generation.truefalse import (
    false_candidates,
    in_range,
    part_of_a_name,
    true_statement,
)

ANSWERS_PER_SENTENCE = 2
ITEMS_PER_ANSWER = 3
KIND_PRIORITY = {
    "person": 0,
    "date": 1,
    "event": 2,
    "document": 3,
    "place": 3,
    "organisation": 4,
    "group": 5,
    "number": 6,
    "term": 7,
}
YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")


def _other_sides(pairs, chosen, summary: frozenset[int]) -> list[GeneratedQuestion]:
    """A key point's sentence or a summary sentence as written and with one swap, both
    ready: readers call such statements key three times in four (a body sentence's one in
    ten), and a quiz never shows two items of one sentence."""
    shown = {id(q) for q in chosen}
    extra = []
    for true, false in pairs:
        sentence = true.sentence
        main = sentence.key_point is not None or sentence.index in summary
        if main and false is not None and true.ready and false.ready:
            extra += [q for q in (true, false) if id(q) not in shown]
    return extra


BC_YEAR = re.compile(r"\b\d{1,4} (?:BC|BCE)\b")
YEAR_ANY = re.compile(r"\b(\d{3,4})\b(\s*(?:BC|BCE))?")


@dataclass(frozen=True)
class LessonText:
    """A lesson as plain text: what the generator needs and nothing else."""

    title: str
    key_points: list[str]
    sentences: list[tuple[int, str]]  # (position, text), summary first, then sections
    summary_positions: frozenset[int] = frozenset()


@dataclass
class _Tally:
    kinds: Counter = field(default_factory=Counter)
    per_answer: Counter = field(default_factory=Counter)


def _choose_kind(tally: _Tally, has_wh: bool, has_options: bool, is_term: bool) -> str:
    if is_term:
        return "fill_blank"
    options = {"fill_blank": tally.kinds["fill_blank"]}
    if has_options:
        options["multiple_choice"] = tally.kinds["multiple_choice"] * 0.8
    if has_wh:
        options["short_answer"] = tally.kinds["short_answer"] * 0.8
    return min(options, key=lambda kind: (options[kind], kind))


def _candidates_for(
    answer: Answer, sentence: LessonSentence, pool: DistractorPool, seed: str
) -> list[GeneratedQuestion]:
    """Every item the answer allows (multiple choice, blank, short answer), not yet ranked."""
    if in_range(sentence, answer):
        return []
    cloze = cloze_prompt(sentence, answer)
    uncertain = answer.entity is not None and not answer.entity.certain
    # "Who ...?" about a name the tagger could not type might ask "who" of a place.
    wh = wh_question(sentence.doc, answer) if answer.kind != "term" and not uncertain else None
    if cloze is None and wh is None:
        return []
    distractors = choose_distractors(answer, sentence, pool, seed) if answer.kind != "term" else []
    # A name used as a modifier ("the Atlantic coast") has no fair same-kind options.
    modifier = sentence.doc[answer.token_end - 1].dep_ in ("compound", "amod")
    body = answer.kind != "organisation" or names_a_body(answer.text)
    modifier = modifier or part_of_a_name(sentence, answer)
    has_options = len(distractors) >= 3 and not modifier and not uncertain and body
    cue = cue_before(sentence.doc, answer.token_start)
    found = []
    if has_options and answer.kind != "term":
        for prompt, rule in ([wh] if wh else []) + ([(cloze, "mc.cloze")] if cloze else []):
            item = multiple_choice(sentence, answer, prompt, distractors, rule)
            item.distractor_sources = [pool.origins.get(d, "lesson") for d in item.distractors]
            found.append(item)
    if wh is not None:
        found.append(fill_blank(sentence, answer, wh[0], kind=SHORT_ANSWER, rule=wh[1]))
    typed = _year_only(sentence, answer) if answer.kind == DATE else answer
    typed_cloze = cloze_prompt(sentence, typed) if typed is not answer else cloze
    if typed_cloze is not None:
        item = fill_blank(sentence, typed, typed_cloze)
        item.hidden = typed
        found.append(item)
    for item in found:
        item.hidden = item.hidden or answer
        item.cue = cue if item.prompt.find("_____") > 0 else ""
    return found


def _year_only(sentence: LessonSentence, answer: Answer) -> Answer:
    """ "in January _____": a typed date asks for its year alone, the one sensible fill."""
    match = YEAR.search(answer.text) or BC_YEAR.search(answer.text)
    if match is None or match.group() == answer.text:
        return answer
    span = sentence.doc[answer.token_start : answer.token_end]
    first = match.group().split()[0]
    tokens = [t for t in span if t.text == first]
    if not tokens:
        return answer
    year = tokens[0]
    last = year.i + len(match.group().split())  # "44 BC" keeps its era
    end = sentence.doc[last - 1].idx + len(sentence.doc[last - 1].text)
    return replace(
        answer,
        text=sentence.text[year.idx : end],
        start=year.idx,
        end=end,
        token_start=year.i,
        token_end=last,
        entity=None,
        after_article="",
    )


def _pick(candidates: list[GeneratedQuestion], tally: _Tally, context) -> GeneratedQuestion:
    """The most trustworthy candidate; among near-equals, the kind the bank has least of."""
    for item in candidates:
        assess(item, context)
    best = max(item.confidence for item in candidates)
    close = [item for item in candidates if item.confidence >= best - 0.04]
    return min(close, key=lambda item: (tally.kinds[item.kind], -item.confidence, item.rule))


def _answers(sentence: LessonSentence, entity_of, topic: set[str]) -> list[Answer]:
    found = entity_answers(sentence, sentence.mentions, entity_of)
    found += term_answers(sentence, topic)
    return sorted(found, key=lambda a: (KIND_PRIORITY.get(a.kind, 9), a.start))


def _statement_pair(sentence, answers, pool, context, spare: list):
    """The sentence as a true statement, and its most trustworthy false one (or None);
    its other ready false forms go to `spare` (wrong options for "Which is true?")."""
    true = true_statement(sentence)
    assess(true, context)
    falses = false_candidates(sentence, answers, pool) if answers else []
    for item in falses:
        assess(item, context)
    best = max(falses, key=lambda item: item.confidence, default=None)
    spare += [item for item in falses if item is not best and item.ready]
    return true, best


def _choose_statements(pairs) -> list[GeneratedQuestion]:
    """One statement per sentence, as many ready false ones as keep the two sides even:
    a ready false statement is rarer than a ready true one, so none is wasted; key
    sentences' false statements first, as readers count those key."""
    # Ready false statements first (key ones first), then ones for review, which still
    # let as many true statements stand.
    ready_false = sorted(
        (i for i, (_, false) in enumerate(pairs) if false is not None),
        key=lambda i: (
            not pairs[i][1].ready,
            pairs[i][1].worth != "key",
            -pairs[i][1].confidence,
            i,
        ),
    )
    wanted = set(ready_false[: len(pairs) // 2])
    chosen = []
    for index, (true, false) in enumerate(pairs):
        if index in wanted:
            chosen.append(false)
        elif true.ready or false is None:
            chosen.append(true)
        else:
            chosen.append(max((true, false), key=lambda item: item.confidence))
    return chosen


def _balance_options(questions: list[GeneratedQuestion]) -> None:
    """Shuffle each question's options by its own seed, then even out right positions."""
    mc = sorted((q for q in questions if q.kind == "multiple_choice"), key=lambda q: q.fingerprint)
    for index, question in enumerate(mc):
        distractors = seeded_shuffle(question.distractors, question.seed)
        slot = index % 4
        question.choices = distractors[:slot] + [question.answer] + distractors[slot:]


def _drop_tells(questions: list[GeneratedQuestion]) -> list[GeneratedQuestion]:
    """Keep the right option strictly longest in at most 40% of multiple choice."""
    mc = [q for q in questions if q.kind == "multiple_choice"]
    longest = [q for q in mc if checks.strictly_longest(q.choices, q.answer)]
    allowed = int(len(mc) * checks.LONGEST_SHARE_MAX)
    while len(longest) > allowed:
        drop = longest.pop()
        # Demote to fill-in-the-blank when its prompt has a blank, else drop it.
        if checks.has_one_blank(drop.prompt):
            drop.kind, drop.choices, drop.rule = "fill_blank", [], drop.rule.replace("mc.", "")
            drop.accepted = [v for v in drop.accepted if v != drop.answer]
        else:
            questions.remove(drop)
        mc.remove(drop)
        allowed = int(len(mc) * checks.LONGEST_SHARE_MAX)
    return questions


def _balance_true_false(
    questions: list[GeneratedQuestion], others: list[GeneratedQuestion] = ()
) -> list[GeneratedQuestion]:
    """Drop statements of the larger side until true and false are about even: first those
    testing no key point, then those whose key point another item (of `others`) tests."""
    trues = [q for q in questions if q.kind == "true_false" and q.answer == "true"]
    falses = [q for q in questions if q.kind == "true_false" and q.answer == "false"]
    larger = trues if len(trues) > len(falses) else falses
    # "About half each": a sixth of the statements may tip the balance (at least one).
    excess = abs(len(trues) - len(falses)) - max(1, (len(trues) + len(falses)) // 6)
    tested = Counter(q.key_point for q in [*questions, *others] if q.key_point is not None)
    drop = set()
    for spare in (lambda q: q.key_point is None, lambda q: tested[q.key_point] > 1):
        for question in reversed(larger):
            if excess <= 0:
                break
            if id(question) not in drop and spare(question):
                drop.add(id(question))
                tested[question.key_point] -= 1
                excess -= 1
    return [q for q in questions if id(q) not in drop]


def _deduplicate(questions: list[GeneratedQuestion]) -> list[GeneratedQuestion]:
    kept: list[tuple[GeneratedQuestion, set[str]]] = []
    seen: set[tuple] = set()
    for question in questions:
        key = (question.source_text, str(question.answer), question.kind == "true_false")
        if question.kind != "true_false" and key in seen:
            continue
        words = set(checks.words(question.prompt))
        if any(
            question.kind == other.kind and checks.similar_words(words, other_words)
            for other, other_words in kept
        ):
            continue
        seen.add(key)
        kept.append((question, words))
    return [question for question, _ in kept]


def _middle_year(entities) -> int | None:
    """The median year the lesson's dates name (BC years negative), or None."""
    years = []
    for entity in entities:
        if entity.kind != DATE:
            continue
        for match in YEAR_ANY.finditer(entity.name):
            year = int(match.group(1))
            years.append(-year if match.group(2) else year)
    return sorted(years)[len(years) // 2] if years else None


def _key_point_statement(key_sentence, questions, pool, entities) -> GeneratedQuestion:
    """The key point as a true statement, or as a false one when trues outnumber falses."""
    trues = sum(q.kind == "true_false" and q.answer == "true" for q in questions)
    falses = sum(q.kind == "true_false" and q.answer == "false" for q in questions)
    if trues > falses:
        answers = key_point_answers(key_sentence, entities)
        made = false_candidates(key_sentence, answers, pool)
        if made:
            return made[0]
    return true_statement(key_sentence)


def _key_point_statements(questions, key_sentences, pool, entities, context, topic, found):
    """Each key point as a statement of its own, true, and false by one typed swap where
    a ready swap exists: the lesson writer's summary of what matters is key. `found`
    gets each key point's best ready false statement (for "Which ... is true?")."""
    stated = {id(q.sentence) for q in questions if q.kind == "true_false"}
    made = []
    for sentence in key_sentences:
        if not sentence.usable:
            continue
        best = best_false(sentence, entities, pool, lambda item: assess(item, context))
        found[sentence.key_point] = best
        if sentence.source is None or leaning_words(sentence.doc, topic):
            continue
        if id(sentence) in stated:
            continue  # the key point stands as a statement already
        # Both forms: a quiz draws at most one (they share a source sentence), and the
        # true and false sides stay even.
        made.append(true_statement(sentence))
        if best is not None:
            made.append(replace(best))
    return made


def _cover_key_points(
    questions, key_docs, usable: list[LessonSentence], key_sentences, statement
) -> None:
    """Tie every key point to at least one item: the items of the sentence that states it
    best, or a new true statement of it; never an item whose sentence shares only a year.
    A key point no sentence states becomes a true statement itself."""
    covered = {q.key_point for q in questions}
    for index, doc in enumerate(key_docs):
        if index in covered:
            continue
        lemmas = weighted_lemmas(doc)
        stating = sorted(
            (
                (-key_point_score(lemmas, s.weights), s.index, s)
                for s in usable
                if states_key_point(lemmas, s.weights)
            ),
            key=lambda item: item[:2],
        )
        if not stating:
            if key_sentences[index].position and key_sentences[index].usable:
                questions.append(statement(key_sentences[index], questions))
            continue
        best = stating[0][2]
        free = [q for q in questions if q.sentence is best and q.key_point is None]
        if not free and not any(q.sentence is best and q.kind == "true_false" for q in questions):
            free = [true_statement(best)]
            questions.extend(free)
        if not free and key_sentences[index].usable:
            # The sentence's items test another key point: the point itself, unless it
            # is written as a note (F11, F14 readers: no verb, no statement).
            free = [statement(key_sentences[index], questions)]
            questions.extend(free)
        for question in free:
            question.key_point = index


def generate_bank(lesson: LessonText, course: dict | None = None) -> GeneratedBank:
    """Questions and flashcards for one lesson, the same every time for the same text."""
    texts = [text for _, text in lesson.sentences]
    docs = parse_all([*texts, *lesson.key_points, lesson.title])
    sentence_docs, key_docs = docs[: len(texts)], docs[len(texts) : -1]
    # The lesson's topic words: its title, key points and summary.
    topic = content_lemmas(docs[-1]) | set().union(*(content_lemmas(d) for d in key_docs))
    positions = [p for p, _ in lesson.sentences]
    for position, doc in zip(positions, sentence_docs, strict=True):
        if position in lesson.summary_positions:
            topic |= content_lemmas(doc)
    sentences = select_sentences(positions, texts, sentence_docs, key_docs, topic)
    for sentence in sentences:
        sentence.mentions = mentions_in(sentence.doc, sentence.index)
    entities = build_entities(sentence_docs, [s.mentions for s in sentences])
    retype_names(entities, sentence_docs)
    attach_full_names(
        [e for e in entities if e.kind == PERSON],
        [e for e in entities if e.kind != PERSON],
        [e.text for doc in key_docs for e in doc.ents if e.label_ == "PERSON"],
    )
    entity_of = {(m.sentence, m.start): e for e in entities for m in e.mentions}
    # Names and nationalities say where and when a lesson is: fallbacks must share one.
    words = {t.lower_ for d in docs for t in d if t.is_alpha and (t.pos_ == "PROPN" or t.ent_type_)}
    pool = DistractorPool(
        entities, sentences, key_docs, course or {}, words, related_places(entities, sentence_docs)
    )
    pool.year = _middle_year(entities)
    pool.fine = fine_kinds(entities, sentence_docs)
    title_doc = docs[-1]
    context = lesson_context(
        title_doc,
        entities,
        key_docs,
        topic,
        frozenset(s.index for s in sentences if s.position in lesson.summary_positions),
        pool.fine,
        sentence_docs,
    )
    pool.title_years = context.title_years
    summary_texts = [s.text for s in sentences if s.position in lesson.summary_positions]
    pool.span_years = short_span(summary_texts + lesson.key_points) or opening_span(summary_texts)
    context.people = shown_people(entities, sentence_docs)

    tally = _Tally()
    questions: list[GeneratedQuestion] = []
    statement_pairs: list[tuple[GeneratedQuestion, GeneratedQuestion | None]] = []
    events: list[DatedEvent] = []
    spare: list[GeneratedQuestion] = []  # ready false statements no item shows
    usable = [s for s in sentences if s.usable]
    year_of = years_before(sentences, context.summary)
    referent_of = pronoun_referents(sentences, entities)
    # Sentences that explain a key point go first, so every key point gets its items.
    for sentence in sorted(usable, key=lambda s: (s.key_point is None, s.index)):
        answers = _answers(sentence, entity_of, topic)
        picked = []
        before = year_of.get(sentence.index)
        referent = referent_of.get(sentence.index)
        for answer in answers:
            if answer.kind in (DATE, NUMBER) and (
                event := dated_event(sentence, answer, topic, before, referent)
            ):
                events.append(event)
            if tally.per_answer[answer.key] >= ITEMS_PER_ANSWER:
                continue
            candidates = _candidates_for(answer, sentence, pool, f"{sentence.text}|{answer.text}")
            if candidates:
                chosen = _pick(candidates, tally, context)
                chosen.alternatives = [c for c in candidates if c is not chosen]
                picked.append(chosen)
        # Over-generated: the sentence keeps its most trustworthy items.
        picked.sort(key=lambda item: (-item.confidence, item.hidden.start))
        for item in picked[:ANSWERS_PER_SENTENCE]:
            questions.append(item)
            tally.kinds[item.kind] += 1
            tally.per_answer[item.hidden.key] += 1
        facts = [a for a in answers if a.kind in (*NAMED_KINDS, DATE, NUMBER)]
        if facts or sentence.key_point is not None:
            statement_pairs.append(_statement_pair(sentence, facts, pool, context, spare))

    true_false = _choose_statements(statement_pairs)
    both_sides = _other_sides(statement_pairs, true_false, context.summary)
    # Long sentences carry no item of their own, but may date an event for ordering.
    for sentence in sentences:
        if sentence.usable or not sentence.text[:1].isupper():
            continue
        before = year_of.get(sentence.index)
        referent = referent_of.get(sentence.index)
        for answer in _answers(sentence, entity_of, topic):
            if answer.kind in (DATE, NUMBER) and (
                event := dated_event(sentence, answer, topic, before, referent)
            ):
                events.append(event)
    questions = _deduplicate(questions + _balance_true_false(true_false)) + both_sides
    key_sources = [best_sentence_for(doc, usable) for doc in key_docs]
    # A key point no sentence echoes still links to the lesson, through its first sentence.
    key_sentences = key_point_sentences(
        key_docs,
        [source or (usable[0] if usable else None) for source in key_sources],
        [sentence_stating(doc, usable) is not None for doc in key_docs],
    )
    _cover_key_points(
        questions,
        key_docs,
        usable,
        key_sentences,
        lambda sentence, made: _key_point_statement(sentence, made, pool, entities),
    )
    key_falses: dict[int, GeneratedQuestion | None] = {}
    questions += _key_point_statements(
        questions, key_sentences, pool, entities, context, topic, key_falses
    )
    # Key points may have added true statements: even the two out again.
    statements = [q for q in questions if q.kind == "true_false"]
    rest = [q for q in questions if q.kind != "true_false"]
    kept = {id(q) for q in _balance_true_false(statements, rest)}
    questions = [q for q in questions if q.kind != "true_false" or id(q) in kept]
    for key_sentence, source in zip(key_sentences, key_sources, strict=True):
        for answer in key_point_answers(key_sentence, entities) if source else []:
            if answer.kind in (DATE, NUMBER) and (
                event := dated_event(key_sentence, answer, topic)
            ):
                events.append(event)
    ready_falses = [
        q for q in questions if q.kind == "true_false" and q.answer == "false" and q.ready
    ]
    rank = lambda item: assess(item, context)  # noqa: E731
    # Every sentence's ready false form may be a wrong option, also those the true/false
    # balance left out: each is used once, so the lesson needs many.
    shown = {q.prompt for q in ready_falses}
    ready_falses += [
        false
        for false in [*(f for _, f in statement_pairs), *spare]
        if false is not None and false.ready and false.prompt not in shown
    ]
    used: Counter = Counter()
    reserved = reserve_falses(ready_falses, used, topic, context.summary)
    questions += which_is_true(
        key_sentences,
        key_sources,
        entities,
        pool,
        rank,
        topic,
        key_falses,
        ready_falses,
        used=used,
        summary=context.summary,
    )
    # The summary states the lesson's main facts too: readers count its sentences as key.
    summary = [
        s for s in usable if s.index in context.summary and s not in key_sources and s.usable
    ]
    questions += which_is_true(
        summary,
        summary,
        entities,
        pool,
        rank,
        topic,
        None,
        ready_falses,
        origin="summary",
        used=used,
        summary=context.summary,
    )
    right_elsewhere = {q.answer for q in questions if q.rule.startswith("mc.true")}
    trues = [q for q in questions if q.kind == "true_false" and q.answer == "true"]
    trues += [true for true, _ in statement_pairs]
    if statements := which_are_true(trues, reserved, topic, right_elsewhere):
        questions.append(statements)
    # Causes and results the lesson states, in its sentences and its key points.
    links = causal_links(usable + [s for s in key_sentences if s.usable and s.source], topic)
    questions += cause_and_result_items(links, events)
    cards, pairs = term_cards(sentences, entities)
    people = people_pairs(usable, entities, pairs, sentences)
    named = {pair.term for pair in people}
    matched = matching(
        people, "Match each person to what the lesson says of them.", people_only=True
    ) or matching(
        people + [pair for pair in pairs if pair.term not in named],
        "Match each name to what the lesson says of it.",
    )
    for built in (matched, ordering(sorted(events, key=lambda e: e.sentence.index))):
        if built is not None:
            questions.append(built)
    _balance_options(questions)
    questions = _drop_tells(questions)
    _balance_options(questions)
    for question in questions:
        assess(question, context)
    curate_ready(questions)
    fill_missing_kinds(questions, rank)
    # Accepted answers last, once: the ranker does not read them, and a swapped-in blank
    # needs them as much as any other.
    keep_variants_to_one_entity(questions, entities)
    accept_bare_bc_years(questions, entities)
    accept_bare_common_era_years(questions, entities)
    accept_full_names(questions, entities)
    flashcards = key_point_cards(lesson.key_points, key_docs, usable, entities) + cards
    flashcards += question_cards(questions, have=len(flashcards))
    unique, seen = [], set()
    for card in flashcards:
        if card.front.lower() not in seen:
            seen.add(card.front.lower())
            unique.append(card)
    return GeneratedBank(questions, unique)
