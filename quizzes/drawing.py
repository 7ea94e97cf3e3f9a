"""Drawing questions for a quiz at random, fairly."""

import random
from collections.abc import Sequence


def draw_spread(items: Sequence[tuple[int, str]], count: int, rng: random.Random) -> list[int]:
    """Pick `count` question ids at random from (id, source sentence) pairs, taking one
    question per source sentence before any sentence gives a second: two blanks in the
    same sentence would let one question's prompt give away the other's answer."""
    shuffled = list(items)
    rng.shuffle(shuffled)
    seen: set[str] = set()
    first_of_sentence: list[int] = []
    repeats: list[int] = []
    for question_id, source in shuffled:
        if source and source in seen:
            repeats.append(question_id)
        else:
            first_of_sentence.append(question_id)
            seen.add(source)
    return (first_of_sentence + repeats)[:count]
