"""Names read again as people or places from what the lesson's sentences say of them."""

from quizzes.generation.retype import shown_people


def test_a_place_listed_after_at_is_not_shown_to_be_a_person(parse):
    # F1: "_____ was recalled in October" offered a hill of the battle among generals.
    lesson = parse(
        [
            "General Ian Hamilton commanded the landings on the peninsula.",
            "In August the Allies attacked at Lone Pine, the Nek and Hill Tarrak Bair.",
            "Hamilton was recalled in October and replaced by Charles Monro.",
        ]
    )
    docs = [s.doc for s in lesson.sentences]

    people = shown_people(lesson.entities, docs)

    assert "Hill Tarrak Bair" not in people and "Tarrak Bair" not in people
    assert "Charles Monro" in people
