"""One fact, one ready item: a lesson's ready set never asks one fact twice.

A blank on a date and a false statement that moves the same date are one question asked
two ways (F8 readers: "In the year _____ Napoleon invaded Egypt" and "In 1793 Napoleon
invaded Egypt" both ready in one lesson). A sentence's true statement beside its false
form stays allowed: readers call a key sentence's statement key three times in four, and
a quiz never shows two items of one sentence (test_blind_f6); ruling out a true statement
beside a blank it answers too cost 2-4 points of estimated key on the tuned sets.
"""

from quizzes.generation.items import GeneratedQuestion

SETS = ("ordering", "matching")


def same_fact(a: GeneratedQuestion, b: GeneratedQuestion) -> bool:
    """Both items come from one sentence and hide or swap its same span."""
    return (
        a.kind not in SETS
        and b.kind not in SETS
        and a.hidden is not None
        and b.hidden is not None
        and a.source_text == b.source_text
        and a.hidden.text == b.hidden.text
    )


def repeated_facts(questions: list[GeneratedQuestion]) -> list[GeneratedQuestion]:
    """The ready items that repeat a fact a better ready one asks: key before detail, a
    choice or blank before a true/false item (the rarer kinds), then the more trusted."""
    ready = [q for q in questions if q.ready and q.kind not in SETS]
    ready.sort(key=lambda q: (q.worth != "key", q.kind == "true_false", -q.confidence))
    kept: list[GeneratedQuestion] = []
    repeated = []
    for item in ready:
        (repeated if any(same_fact(item, other) for other in kept) else kept).append(item)
    return repeated
