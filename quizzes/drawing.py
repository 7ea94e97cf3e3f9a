"""Drawing questions for a quiz at random, fairly, and spotting items that give each other
away: two items from one sentence (one blank's sentence shows the other's answer), or one
whose prompt or options state another's answer."""

import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Answers too short or too general to give anything away when they appear elsewhere.
PLAIN_ANSWERS = {"true", "false", "yes", "no"}
MIN_ANSWER_LENGTH = 3
STATEMENT_WORDS = 5


@dataclass(frozen=True)
class DrawItem:
    """What the draw needs of a question: its id, source sentence, what a student sees
    (prompt and options) and what it asks for."""

    id: int
    source: str = ""
    shown: str = ""
    answers: tuple[str, ...] = ()
    # Wrong options that are whole statements: seen twice in one quiz, a decoy shows.
    decoys: tuple[str, ...] = ()


def draw_item(row: Mapping[str, Any]) -> DrawItem:
    """A DrawItem from a question's fields (a model instance's or a values() row)."""
    get = row.get if isinstance(row, Mapping) else lambda name, default=None: getattr(row, name)
    answer = get("answer", "")
    choices = [str(c) for c in get("choices", []) or []]
    if isinstance(answer, list):
        answers = [
            str(part) for item in answer for part in (item if isinstance(item, list) else [item])
        ]
    else:
        answers = [str(answer)]
    answers = [a for a in answers if a.lower() not in PLAIN_ANSWERS and len(a) >= MIN_ANSWER_LENGTH]
    # A multiple-choice item shows its answer among its options: only the prompt counts,
    # unless the options are statements ("Which of these statements is true?").
    statements = any(len(choice.split()) > STATEMENT_WORDS for choice in choices)
    parts = [str(get("prompt", ""))]
    if get("kind", "") != "multiple_choice" or statements:
        parts += choices
    shown = "\n".join(parts)
    decoys = tuple(c for c in choices if len(c.split()) > STATEMENT_WORDS and c not in answers)
    return DrawItem(
        get("pk", None) or get("id", None),
        get("source_text", "") or "",
        shown,
        tuple(answers),
        decoys,
    )


def _states(text: str, answer: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(answer)}(?!\w)", text, re.I) is not None


def gives_away(first: DrawItem, second: DrawItem) -> str:
    """Why the two items must not stand in one quiz, or "" when they may."""
    if first.source and first.source == second.source:
        return "both come from the same sentence"
    for one, other in ((first, second), (second, first)):
        if any(_states(one.shown, answer) for answer in other.answers):
            return "one shows the other's answer"
    for one, other in ((first, second), (second, first)):
        prompt = one.shown.split("\n", 1)[0].strip()
        if len(prompt.split()) > STATEMENT_WORDS and prompt in other.shown.split("\n")[1:]:
            return "one offers the other's statement"  # a true/false among the options
    if set(first.decoys) & set(second.decoys):
        return "both offer the same false statement"
    return ""


def giveaway_pairs(items: Sequence[DrawItem]) -> list[tuple[int, int, str]]:
    """Every pair of items that give each other away, with the reason, in item order."""
    found = []
    for index, first in enumerate(items):
        for second in items[index + 1 :]:
            reason = gives_away(first, second)
            if reason:
                found.append((first.id, second.id, reason))
    return found


def _as_items(items: Iterable) -> list[DrawItem]:
    return [item if isinstance(item, DrawItem) else DrawItem(*item) for item in items]


def draw_spread(items: Iterable, count: int, rng: random.Random) -> list[int]:
    """Pick `count` question ids at random, never two that give each other away while
    others remain; only when too few are left are such pairs drawn. Items are DrawItems
    or (id, source sentence) pairs."""
    shuffled = _as_items(items)
    rng.shuffle(shuffled)
    chosen: list[DrawItem] = []
    held_back: list[DrawItem] = []
    for item in shuffled:
        if any(gives_away(item, other) for other in chosen):
            held_back.append(item)
        else:
            chosen.append(item)
    return [item.id for item in chosen + held_back][:count]
