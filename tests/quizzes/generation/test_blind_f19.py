"""What the F18 and F19 judges called a detail although the ranker called it key (both
sets released after their reads), each as a rule on invented sentences: a key point's
count, a birth, or a month moved inside the right year tests a detail of the key point,
not the key point."""

import pytest

from quizzes.generation.context import leaning_words
from quizzes.generation.matching import Pair, matching, people_pairs
from quizzes.generation.nlp import parse_all
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


def test_matching_offers_no_term_that_opens_on_a_common_word(parse):
    # F19: "Sigismund, King of the Romans and later Holy Roman Emperor, who wanted ..."
    # made "later Holy Roman Emperor" a person to match, beside Sigismund himself.
    lesson = parse(["It was called by Aldo Venn, Duke of Varn and later King of Tarsk."])
    sentence = lesson.sentences[0]
    pairs = [
        Pair("Aldo Venn", "Duke of Varn", sentence),
        Pair("later King of Tarsk", "Wanted to end the war with Kessel", sentence),
        Pair("Marek Holm", "A Varnian merchant", sentence),
        Pair("Piet Andersen", "Bishop of Varnholm", sentence),
        Pair("Anders Berg", "A philosopher", sentence),
        Pair("Jan de Vries", "A Tarskan painter", sentence),
    ]

    item = matching(pairs)

    assert [term for term, _ in item.answer] == [
        "Aldo Venn",
        "Marek Holm",
        "Piet Andersen",
        "Anders Berg",
        "Jan de Vries",
    ]


def test_a_who_clause_ends_where_an_and_joins_what_lies_outside_it(parse):
    # F19: "a chronicle by Arab Faqih, who wrote from Adal's side, and from the account
    # of Miguel de Castanhoso" matched Arab Faqih to "Wrote from Adal's side, and from
    # the account of Miguel de Castanhoso": the "and from" is the sentence's, not his.
    lesson = parse(
        [
            "Much of what we know comes from a chronicle by Johann Weber, who wrote from"
            " the Varnian side, and from the account of Peter Schmidt, one of the soldiers."
        ]
    )

    pairs = {p.term: p.description for p in people_pairs(lesson.sentences, lesson.entities, [])}

    assert pairs.get("Johann Weber") == "Wrote from the Varnian side"


@pytest.mark.parametrize(
    "sentence",
    [
        # F19 ordering events: "An agreement with the Church followed" (followed what?)
        # and "The Privy Council rejected the appeal" (which appeal?).
        "In 1436 an agreement with the bishops followed.",
        "An agreement with the bishops followed in 1436.",
        "The Senate of Kessel rejected the appeal in 1832.",
        "The governor turned down the petition in May 1790.",
    ],
)
def test_what_followed_and_the_appeal_lean_on_the_sentence_before(sentence):
    (doc,) = parse_all([sentence])

    assert leaning_words(doc)


@pytest.mark.parametrize(
    "sentence",
    [
        "A long war followed the collapse of the truce in 1436.",
        "The Senate of Kessel rejected an appeal from its merchants in 1832.",
    ],
)
def test_what_followed_something_named_and_an_appeal_stand_alone(sentence):
    (doc,) = parse_all([sentence])

    assert not leaning_words(doc)


def test_a_common_era_key_shows_its_bare_year_among_the_accepted_answers():
    # F19: judges, shown "answer: 114 CE" and no accepted forms, took "114" to be marked
    # wrong; marking takes it, and the bank page and export now say so.
    from quizzes.scoring import answer_is_accepted

    sentences = [
        "In 105 CE the official Aldo Venn presented a new kind of paper to the court.",
        "In 114 CE Aldo Venn was made a marquis by the court of Tarsk.",
        "In 121 CE Aldo Venn took poison after he was ordered to report to prison.",
    ]
    bank = generate_bank(LessonText("Aldo Venn's Paper", [], list(enumerate(sentences, 1))))

    typed = [q for q in bank.questions if q.kind in ("fill_blank", "short_answer")]
    dated = [q for q in typed if str(q.answer).endswith(" CE")]
    assert dated
    for question in dated:
        year = str(question.answer).split()[0]
        assert year in question.accepted and answer_is_accepted(question, year)
