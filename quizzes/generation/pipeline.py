"""The generator's entry point: lesson text in, questions and flashcards out."""

import re
from collections import Counter
from dataclasses import dataclass, field

from quizzes.generation import checks
from quizzes.generation.answers import Answer, entity_answers, term_answers, variants
from quizzes.generation.cloze import cloze_prompt, fill_blank, multiple_choice
from quizzes.generation.distractors import DistractorPool, choose_distractors, names_a_body
from quizzes.generation.entities import (
    DATE,
    NAMED_KINDS,
    NUMBER,
    TITLES,
    build_entities,
    mentions_in,
    related_places,
)
from quizzes.generation.flashcards import key_point_cards, question_cards, term_cards
from quizzes.generation.items import GeneratedBank, GeneratedQuestion, seeded_shuffle, tidy
from quizzes.generation.nlp import parse_all
from quizzes.generation.questions import _phrase_on_root, _root, _subject, wh_question
from quizzes.generation.selection import (
    LessonSentence,
    content_lemmas,
    key_point_score,
    select_sentences,
    weighted_lemmas,
)
from quizzes.generation.sets import DatedEvent, matching, ordering
from quizzes.generation.truefalse import false_statement, true_statement

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
# Kinds a false statement may swap: nationalities nest ("Athenian" is "Greek"), so not
# groups, and never a bare noun phrase.
SWAPPABLE = ("person", "date", "number", "event", "organisation", "place", "document")
YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")
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


def _part_of_a_name(sentence: LessonSentence, answer: Answer) -> bool:
    """ "William of Normandy": the place is part of a person's name, not a claim."""
    last = sentence.doc[answer.token_end - 1]
    preposition = last.head
    holder = preposition.head
    return (
        last.dep_ == "pobj"
        and preposition.lower_ == "of"
        and (
            holder.pos_ == "PROPN"
            and holder.ent_type_ == "PERSON"
            or holder.lower_ in TITLES  # "Lord Howard of Effingham", "the Duke of X"
        )
    )


def _in_range(sentence: LessonSentence, answer: Answer) -> bool:
    """ "499 to 493 BC", "20,000 to 30,000": one end of a range cannot be changed alone."""
    doc = sentence.doc
    near = [doc[i] for i in (answer.token_start - 1, answer.token_end) if 0 <= i < len(doc)]
    return answer.kind in (DATE, NUMBER) and any(
        t.lower_ in ("to", "and", "-", "–", "or") for t in near
    )


def _item_for(
    answer: Answer, sentence: LessonSentence, pool: DistractorPool, tally: _Tally, seed: str
) -> GeneratedQuestion | None:
    if _in_range(sentence, answer):
        return None
    cloze = cloze_prompt(sentence, answer)
    uncertain = answer.entity is not None and not answer.entity.certain
    # "Who ...?" about a name the tagger could not type might ask "who" of a place.
    wh = wh_question(sentence.doc, answer) if answer.kind != "term" and not uncertain else None
    if cloze is None and wh is None:
        return None
    distractors = choose_distractors(answer, sentence, pool, seed) if answer.kind != "term" else []
    # A name used as a modifier ("the Atlantic coast") has no fair same-kind options.
    modifier = sentence.doc[answer.token_end - 1].dep_ in ("compound", "amod")
    body = answer.kind != "organisation" or names_a_body(answer.text)
    modifier = modifier or _part_of_a_name(sentence, answer)
    has_options = len(distractors) >= 3 and not modifier and not uncertain and body
    kind = _choose_kind(tally, wh is not None, has_options, answer.kind == "term")
    if kind == "multiple_choice":
        prompt, rule = (wh[0], wh[1]) if wh else (cloze, "mc.cloze")
        return multiple_choice(sentence, answer, prompt, distractors, rule)
    if kind == "short_answer":
        return GeneratedQuestion(
            kind="short_answer",
            prompt=wh[0],
            answer=answer.text,
            accepted=variants(answer)[1:],
            rule=f"{wh[1]}.{answer.kind}",
            sentence=sentence,
            target=answer.text,
            key_point=sentence.key_point,
            answer_kind=answer.kind,
        )
    if cloze is None:
        return None
    return fill_blank(sentence, answer, cloze)


def _answers(sentence: LessonSentence, entity_of, topic: set[str]) -> list[Answer]:
    found = entity_answers(sentence, sentence.mentions, entity_of)
    found += term_answers(sentence, topic)
    return sorted(found, key=lambda a: (KIND_PRIORITY.get(a.kind, 9), a.start))


def _dated_event(sentence: LessonSentence, answer: Answer) -> DatedEvent | None:
    match = YEAR.search(answer.text)
    root = _root(sentence.doc)
    if answer.kind != DATE or match is None or root is None or _subject(root) is None:
        return None
    if len(YEAR.findall(sentence.text)) != 1:
        return None
    phrase = _phrase_on_root(sentence.doc, answer, root, {"in", "on", "by", "during"})
    if phrase is None:
        return None
    doc = sentence.doc
    text = tidy("".join(t.text_with_ws for t in doc if not phrase[0] <= t.i < phrase[1]))
    text = text.rstrip(".")
    if not text[:1].isupper() and phrase[0] == 0:
        text = text[:1].upper() + text[1:]
    first = doc[phrase[1]] if phrase[0] == 0 and phrase[1] < len(doc) else doc[0]
    if first.pos_ == "PRON" or not text[:1].isupper():
        return None
    return DatedEvent(int(match.group()), answer.text, text, sentence)


def _true_false(sentence, answers, pool, want_false: bool):
    if want_false:
        for answer in answers:
            if answer.kind not in SWAPPABLE or _in_range(sentence, answer):
                continue
            if answer.entity is not None and not answer.entity.certain:
                continue  # a swap for a name of uncertain kind may read as nonsense
            if sentence.doc[answer.token_end - 1].dep_ in ("compound", "amod"):
                continue  # "Earth orbit" -> "Florida orbit" reads as nonsense, not as false
            if _part_of_a_name(sentence, answer):
                continue
            wrong = choose_distractors(
                answer, sentence, pool, f"tf|{sentence.text}", lesson_only=True
            )
            if wrong:
                item = false_statement(sentence, answer, wrong[0])
                if item is not None:
                    return item
    return true_statement(sentence)


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


def _balance_true_false(questions: list[GeneratedQuestion]) -> list[GeneratedQuestion]:
    trues = [q for q in questions if q.kind == "true_false" and q.answer == "true"]
    falses = [q for q in questions if q.kind == "true_false" and q.answer == "false"]
    larger = trues if len(trues) > len(falses) else falses
    excess = abs(len(trues) - len(falses)) - 1
    drop = set()
    for question in reversed(larger):
        if excess <= 0:
            break
        if question.key_point is None:
            drop.add(id(question))
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


def _cover_key_points(questions, key_docs, usable: list[LessonSentence]) -> None:
    """Tie every key point to at least one item: its best sentence's items, or a new one."""
    covered = {q.key_point for q in questions}
    for index, doc in enumerate(key_docs):
        if index in covered:
            continue
        lemmas = weighted_lemmas(doc)
        scored = sorted(
            ((-key_point_score(lemmas, s.weights), s.index, s) for s in usable),
            key=lambda item: item[:2],
        )
        if not scored or scored[0][0] == 0:
            continue
        for negative, _, best in scored:
            if negative == 0:
                break
            free = [q for q in questions if q.sentence is best and q.key_point is None]
            if not free and not any(
                q.sentence is best and q.kind == "true_false" for q in questions
            ):
                free = [true_statement(best)]
                questions.extend(free)
            if free:
                for question in free:
                    question.key_point = index
                break


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
    entity_of = {(m.sentence, m.start): e for e in entities for m in e.mentions}
    # Names and nationalities say where and when a lesson is: fallbacks must share one.
    words = {t.lower_ for d in docs for t in d if t.is_alpha and (t.pos_ == "PROPN" or t.ent_type_)}
    pool = DistractorPool(
        entities, sentences, key_docs, course or {}, words, related_places(entities, sentence_docs)
    )
    pool.year = _middle_year(entities)

    tally = _Tally()
    questions: list[GeneratedQuestion] = []
    true_false: list[GeneratedQuestion] = []
    events: list[DatedEvent] = []
    usable = [s for s in sentences if s.usable]
    # Sentences that explain a key point go first, so every key point gets its items.
    for sentence in sorted(usable, key=lambda s: (s.key_point is None, s.index)):
        answers = _answers(sentence, entity_of, topic)
        made = 0
        for answer in answers:
            if answer.kind == DATE and (event := _dated_event(sentence, answer)):
                events.append(event)
            if made >= ANSWERS_PER_SENTENCE or tally.per_answer[answer.key] >= ITEMS_PER_ANSWER:
                continue
            item = _item_for(answer, sentence, pool, tally, f"{sentence.text}|{answer.text}")
            if item is None:
                continue
            questions.append(item)
            tally.kinds[item.kind] += 1
            tally.per_answer[answer.key] += 1
            made += 1
        facts = [a for a in answers if a.kind in (*NAMED_KINDS, DATE, NUMBER)]
        if facts or sentence.key_point is not None:
            want_false = bool(facts) and len(true_false) % 2 == 1
            true_false.append(_true_false(sentence, facts, pool, want_false))

    questions = _deduplicate(questions + _balance_true_false(true_false))
    _cover_key_points(questions, key_docs, usable)
    cards, pairs = term_cards(sentences, entities)
    for built in (matching(pairs), ordering(sorted(events, key=lambda e: e.sentence.index))):
        if built is not None:
            questions.append(built)
    if (order := next((q for q in questions if q.kind == "ordering"), None)) is not None:
        order.note = "; ".join(
            f"{e.date_text}: {e.text}"
            for e in sorted(events, key=lambda e: e.year)
            if e.text in order.answer
        )
    _balance_options(questions)
    questions = _drop_tells(questions)
    _balance_options(questions)
    flashcards = key_point_cards(lesson.key_points, key_docs, usable) + cards
    flashcards += question_cards(questions, have=len(flashcards))
    unique, seen = [], set()
    for card in flashcards:
        if card.front.lower() not in seen:
            seen.add(card.front.lower())
            unique.append(card)
    return GeneratedBank(questions, unique)
