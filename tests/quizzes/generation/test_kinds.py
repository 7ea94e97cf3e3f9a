"""A ready set short of a kind takes it from the other form of an item it already holds.

F11 census (first read, 12 unseen lessons): 11 of 12 ready sets held three kinds or fewer,
three with no fill-in-the-blank and one with no multiple choice, while the same sentences'
blanks and option items, built and ranked for the same answer, waited unpicked.
"""

from quizzes.generation.items import GeneratedQuestion
from quizzes.generation.kinds import fill_missing_kinds


def _item(kind, answer, confidence, rule="mc.cloze.date", prompt="In _____ the fort fell."):
    item = GeneratedQuestion(
        kind=kind,
        prompt=prompt,
        answer=answer,
        rule=rule,
        sentence=None,
        target=answer,
        choices=[answer, "1512", "1530", "1541"] if kind == "multiple_choice" else [],
        distractors=["1512", "1530", "1541"] if kind == "multiple_choice" else [],
    )
    item.confidence, item.ready, item.worth = confidence, confidence >= 0.7, "key"
    return item


def _rank(item):
    """A stand-in ranker: keeps the confidence the test gave, ready from 0.7."""
    item.ready = item.confidence >= 0.7


def test_a_missing_kind_is_taken_from_a_ready_items_other_form():
    picked = [_item("multiple_choice", "1526", 0.88), _item("multiple_choice", "1529", 0.86)]
    picked[0].alternatives = [_item("fill_blank", "1526", 0.88, rule="cloze.date")]
    statements = [_item("true_false", "true", 0.92, rule="tf.true", prompt="The fort fell.")]

    questions = picked + statements
    swapped = fill_missing_kinds(questions, _rank)

    kinds = sorted(q.kind for q in questions if q.ready)
    assert kinds == ["fill_blank", "multiple_choice", "true_false"]
    assert [q.answer for q in swapped] == ["1526"]
    assert len(questions) == 3  # one form of the item, never both


def test_the_other_form_must_be_ready_on_its_own():
    picked = [_item("multiple_choice", "1526", 0.88), _item("multiple_choice", "1529", 0.86)]
    picked[0].alternatives = [_item("fill_blank", "1526", 0.66, rule="cloze.date")]

    fill_missing_kinds(picked, _rank)

    assert [q.kind for q in picked] == ["multiple_choice", "multiple_choice"]


def test_the_last_ready_item_of_a_kind_is_not_given_up():
    only = _item("multiple_choice", "1526", 0.88)
    only.alternatives = [_item("fill_blank", "1526", 0.9, rule="cloze.date")]
    questions = [only, _item("true_false", "true", 0.92, rule="tf.true", prompt="It fell.")]

    fill_missing_kinds(questions, _rank)

    assert sorted(q.kind for q in questions) == ["multiple_choice", "true_false"]


def test_a_swapped_in_choice_item_does_not_show_the_right_option_first():
    picked = [_item("fill_blank", "1526", 0.88, rule="cloze.date") for _ in range(2)]
    picked[1].answer = picked[1].target = "1529"
    seen = []
    for year in ("1526", "1527", "1528", "1531", "1533", "1534", "1535", "1536"):
        first = _item("fill_blank", year, 0.88, rule="cloze.date", prompt=f"{year}: _____")
        first.alternatives = [_item("multiple_choice", year, 0.86, prompt=f"{year}: _____")]
        questions = [first, picked[1]]
        fill_missing_kinds(questions, _rank)
        seen.append(questions[0].choices.index(year))
    assert len(set(seen)) > 1


def test_a_missing_kind_is_taken_from_an_item_sent_back_only_because_enough_were_ready():
    # F19 lessons, tuned: with more "Which is true?" items ready, curation sent a date
    # detail back to review as multiple choice, and its blank, the lesson's only one,
    # was lost with it (the lesson fell to three kinds).
    from quizzes.generation.ranking import curate_ready

    keys = [_item("multiple_choice", f"15{n:02d}", 0.9) for n in range(8)]
    keys += [
        _item("true_false", "true", 0.92, rule="tf.true", prompt=f"Fort {n} fell.")
        for n in range(4)
    ]
    details = [_item("multiple_choice", year, 0.88) for year in ("1526", "1601", "1602")]
    for detail in details:
        detail.worth = "detail"
    details[0].confidence = 0.8
    details[0].alternatives = [_item("fill_blank", "1526", 0.88, rule="cloze.date")]
    details[0].alternatives[0].worth = "detail"
    questions = [*keys, *details]

    curate_ready(questions)
    fill_missing_kinds(questions, _rank)

    blanks = [q for q in questions if q.ready and q.kind == "fill_blank"]
    assert [q.answer for q in blanks] == ["1526"]
    assert len(questions) == 15  # one form of the item, never both
