""" "Which of these statements are true?" with more than one right option (multiple response).

Made of the lesson's own ready true/false statements: two or three true ones and the rest
false (two when the lesson has them), each false one a sentence with one typed swap.
Every statement comes from a different fact (a sentence, or a key point with its
sentences), so no option is the false form of another and the student weighs each one
against the lesson.
"""

from collections import Counter

from quizzes.generation.checks import contains_phrase, differs_by_one_span
from quizzes.generation.context import leaning_words
from quizzes.generation.items import GeneratedQuestion, seeded_shuffle
from quizzes.generation.statements import (
    MAX_OPTION_WORDS,
    MIN_WORDS,
    as_statement,
    fact_of,
    uses_allowed,
)

MULTIPLE_RESPONSE = "multiple_response"
RULE = "mr.statements"
PROMPT = "Which of these statements are true?"
OPTIONS = 4
FALSE_OPTIONS = 2
TRUE_COUNTS = (2, 3)  # of OPTIONS: never one (a plain multiple choice) nor all


def _fits(item: GeneratedQuestion, topic: set[str]) -> bool:
    """A ready statement short enough to sit among others, none of whose words lean on
    an earlier sentence ("had to pay him tribute": who is "him" among four statements?)."""
    words = len(item.prompt.split())
    return (
        item.ready
        and item.sentence is not None
        and MIN_WORDS <= words <= MAX_OPTION_WORDS
        and not any(fault.startswith("leans") for fault in item.faults)
        and not leaning_words(item.sentence.doc, topic)
    )


def _best_first(items: list[GeneratedQuestion], used: Counter) -> list[GeneratedQuestion]:
    """Unused statements first, then key ones, then the most trusted."""
    unique = {item.prompt: item for item in reversed(items)}
    return sorted(
        unique.values(),
        key=lambda item: (
            used[item.prompt],
            item.worth != "key",
            -item.confidence,
            item.sentence.index,
        ),
    )


def _shows(item: GeneratedQuestion, other: GeneratedQuestion) -> bool:
    """`other` states what the false statement `item` swapped out ("18 March 1871" in a true
    option beside a false "... the uprising of 18 July 1871"): the options give it away."""
    hidden = item.hidden if item.answer == "false" else None
    return hidden is not None and contains_phrase(other.prompt, hidden.text)


def _take(
    items: list[GeneratedQuestion], count: int, chosen: list[GeneratedQuestion]
) -> list[GeneratedQuestion]:
    """Up to `count` of `items`, each of a fact no chosen statement states, none one swap
    away from a chosen one, none showing what a false one swapped out."""
    taken: list[GeneratedQuestion] = []
    for item in items:
        if len(taken) == count:
            break
        others = chosen + taken
        if fact_of(item.sentence) in {fact_of(other.sentence) for other in others}:
            continue
        if any(differs_by_one_span(other.prompt, item.prompt) for other in others):
            continue
        if any(_shows(item, other) or _shows(other, item) for other in others):
            continue
        taken.append(item)
    return taken


def reserve_falses(
    falses: list[GeneratedQuestion],
    used: Counter,
    topic: set[str],
    summary: frozenset[int] = frozenset(),
) -> list[GeneratedQuestion]:
    """The FALSE_OPTIONS best ready false statements for the lesson's multiple-response
    item, counted in `used` before "Which is true?" items take them all: a ready false
    statement is rare, and this is the lesson's only item of its kind. Each serves no
    more items in all than statements.uses_allowed lets a false form of its fact."""
    fitting = [
        f
        for f in falses
        if _fits(f, topic) and used[f.prompt] < uses_allowed(fact_of(f.sentence), summary)
    ]
    reserved = _take(_best_first(fitting, used), FALSE_OPTIONS, [])
    used.update(item.prompt for item in reserved)
    return reserved


def which_are_true(
    trues: list[GeneratedQuestion],
    falses: list[GeneratedQuestion],
    topic: set[str],
    right_elsewhere: set[str] = frozenset(),
) -> GeneratedQuestion | None:
    """One multiple-response item: the false statements `falses` (reserve_falses) and as
    many ready true ones as make OPTIONS, or None when the lesson has too few of distinct
    facts. `right_elsewhere` holds the right options of other items ("Which is true?"):
    none is offered here, where it would give that item away."""
    fitting = [
        t for t in trues if _fits(t, topic) and as_statement(t.prompt) not in right_elsewhere
    ]
    chosen = _take(falses, FALSE_OPTIONS, [])
    chosen += _take(_best_first(fitting, Counter()), OPTIONS - len(chosen), chosen)
    right = [item for item in chosen if item.answer == "true"]
    if len(chosen) < OPTIONS or len(right) not in TRUE_COUNTS:
        return None
    first = right[0]
    options = [as_statement(item.prompt) for item in chosen]
    item = GeneratedQuestion(
        kind=MULTIPLE_RESPONSE,
        prompt=PROMPT,
        answer=[],
        rule=RULE,
        sentence=first.sentence,
        target="|".join(options),
        key_point=first.key_point,
        distractors=[as_statement(part.prompt) for part in chosen if part.answer == "false"],
    )
    item.parts = chosen
    item.choices = seeded_shuffle(options, item.seed)
    truths = {as_statement(part.prompt) for part in right}
    item.answer = [option for option in item.choices if option in truths]
    item.note = " ".join(
        f"True: {as_statement(part.prompt)}"
        if part.answer == "true"
        else f"False: the lesson says “{part.source_text}”"
        for part in sorted(chosen, key=lambda part: item.choices.index(as_statement(part.prompt)))
    )
    return item
