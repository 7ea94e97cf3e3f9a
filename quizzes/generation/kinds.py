"""A ready set of more kinds: an item may give way to its other form of the same answer.

Each answer of a sentence yields a blank, a multiple-choice item and perhaps a short
answer; the pipeline keeps the most trusted one. When that leaves the ready set with no
item of a kind, a ready item whose other form the ranker trusts as much gives way to it:
the same sentence and answer, one more kind for the teacher, no extra item.
"""

from collections import Counter
from collections.abc import Callable

from quizzes.generation import checks
from quizzes.generation.items import GeneratedQuestion, seeded_shuffle

# Short answers are left out: readers found 0 of 5 usable (one typed form rarely fits).
WANTED_KINDS = ("multiple_choice", "fill_blank")
WORTH_ORDER = {"key": 0, "detail": 1, "trivia": 2}


def _with_options_placed(item: GeneratedQuestion) -> None:
    """Options shuffled by the item's own seed, the right one in a seeded slot."""
    distractors = seeded_shuffle(item.distractors, item.seed)
    slot = item.seed % (len(distractors) + 1)
    item.choices = distractors[:slot] + [item.answer] + distractors[slot:]


def fill_missing_kinds(
    questions: list[GeneratedQuestion], rank: Callable[[GeneratedQuestion], None]
) -> list[GeneratedQuestion]:
    """Swap in, for each wanted kind the ready set lacks, the best ready-on-its-own other
    form of a ready item (key first, then confidence), never taking the last ready item of
    a kind; or of an item curation sent back only because enough were ready (its other
    form joins the ready set). `rank` scores an item (ranking.assess). Returns the items
    swapped in."""
    swapped: list[GeneratedQuestion] = []
    ready_kinds = Counter(q.kind for q in questions if q.ready)
    for kind in WANTED_KINDS:
        if ready_kinds[kind]:
            continue
        best: tuple | None = None
        for index, question in enumerate(questions):
            spare = not question.ready and question.faults[-1:] == ["enough-ready"]
            if not spare and (not question.ready or ready_kinds[question.kind] < 2):
                continue
            for other in question.alternatives:
                if other.kind != kind:
                    continue
                if kind == "multiple_choice":
                    _with_options_placed(other)
                    if checks.strictly_longest(other.choices, other.answer):
                        continue  # the right option would stand out by its length
                rank(other)
                if not other.ready:
                    continue
                score = (WORTH_ORDER.get(other.worth, 3), -other.confidence)
                if best is None or score < best[0]:
                    best = (score, index, other)
        if best is not None:
            _, index, other = best
            ready_kinds[questions[index].kind] -= questions[index].ready
            ready_kinds[kind] += 1
            questions[index] = other
            swapped.append(other)
    return swapped
