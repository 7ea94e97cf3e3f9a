"""What the F18 and F19 judges called a detail although the ranker called it key (both
sets released after their reads), each as a rule on invented sentences: a key point's
count, a birth, or a month moved inside the right year tests a detail of the key point,
not the key point."""

import pytest

from quizzes.generation.pipeline import LessonText, generate_bank

BODY = (
    "Tomas Verlaine ordered the garrison of Kessel to abandon the northern fort.",
    "The garrison marched south through the hills for nine days in heavy rain.",
    "Verlaine was recalled to the capital the next spring and never held office again.",
    "The new governor, Aldo Marek, rebuilt the fort with stone walls.",
    "In 1689 a great flood had swept away the bridge at Kessel.",
    "The fort was finally given up to the crown in 1741.",
)


def _key_point_statements(key_point):
    bank = generate_bank(
        LessonText("The Fall of the Northern Fort", [key_point], list(enumerate(BODY, 1)))
    )
    return [
        q
        for q in bank.questions
        if q.kind == "true_false" and q.note == f"The lesson's key point: {key_point}"
    ]


@pytest.mark.parametrize(
    "key_point",
    [
        # F19: "About 91,000 Axis soldiers were taken prisoner", "About 13,200 houses and
        # 87 parish churches were destroyed": both judges, detail.
        "About 12,000 soldiers of the garrison were taken prisoner.",
        "Thousands of houses in Kessel were destroyed.",
        # F18: "Ibn al-Haytham was born in Basra in about 965": detail.
        "Tomas Verlaine was born in Tarsk in 1702.",
    ],
)
def test_a_key_points_count_or_birth_is_a_detail(key_point):
    statements = _key_point_statements(key_point)

    assert statements and all(q.worth != "key" for q in statements), [
        (q.prompt, q.worth, q.reason) for q in statements
    ]


def test_a_month_moved_inside_the_right_year_is_a_detail_the_key_point_is_not():
    # F19: "PEMEX was founded in February 1938" (June 1938), "Macartney met the emperor
    # at Chengde in June 1793" (September 1793): both judges, detail. The key point as
    # written stays key.
    statements = _key_point_statements("Aldo Marek rebuilt the fort in June 1703.")
    trues = [q for q in statements if q.answer == "true"]
    falses = [q for q in statements if q.answer == "false" and q.hidden is not None]
    months = [q for q in falses if "1703" in q.prompt]

    assert trues and all(q.worth == "key" for q in trues)
    assert months and all(q.worth != "key" for q in months), [(q.prompt, q.worth) for q in months]
