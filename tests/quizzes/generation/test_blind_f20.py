"""Faults the blind read of F20 found (released after that read), each as a rule on
invented sentences."""

import pytest

from quizzes.generation.context import leaning_words
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import LessonText, generate_bank


@pytest.mark.parametrize(
    "sentence",
    [
        # F20: "A pro-Safavid revolt led by Şahkulu broke out there in 1521", a wrong
        # option of three "Which is true?" items: where? The man who led it is no place.
        "A pro-Varnian revolt led by Marek broke out there in 1521.",
        # F20: "Augustine, bishop of Hippo in North Africa, answered them in The City of
        # God": a town or a land is not who "them" are.
        "Aldo Venn, bishop of Lyon in southern France, answered them in a long book.",
        # F20: "Most Bábís became his followers": a people is nobody's "his".
        "Most Bábís became his followers, and the Varnian Church has since grown into a world faith.",
    ],
)
def test_a_doer_a_place_or_a_people_is_not_what_there_them_or_his_means(sentence):
    (doc,) = parse_all([sentence])

    assert leaning_words(doc)


@pytest.mark.parametrize(
    "sentence",
    [
        "Marek led a revolt in Tarsk, and fighting there lasted until 1521.",
        "The Varnians refused the tax, and Aldo Venn punished them in 1521.",
        "Aldo Venn wrote to his brother in 1521.",
    ],
)
def test_there_them_and_his_with_what_they_mean_stand_alone(sentence):
    (doc,) = parse_all([sentence])

    assert not leaning_words(doc)


SENTENCES = [
    "In 1844 the merchant Aldo Venn declared in Tarsk that he brought a new faith.",
    "In 1848 the followers of Aldo Venn met at a village near Kessel.",
    "In 1850 Aldo Venn was executed by a firing squad in the city of Tarsk.",
    "After 1850 many of his followers believed that the faith could survive in exile.",
    "Since 1973 the scholar Marek Holm has studied the letters of Aldo Venn in Kessel.",
]


def _bank(key_points=()):
    return generate_bank(
        LessonText("Aldo Venn Brings a New Faith", list(key_points), list(enumerate(SENTENCES, 1)))
    )


def test_a_year_after_after_or_since_is_no_blank_a_reader_can_fill_one_way():
    # F20: "After _____ many European leaders believed ..." offered 1941, 1943 and 1946
    # beside 1945: after 1945 is after 1943 too. F19: "Since 1973" the same.
    bank = _bank()

    relative = [
        q
        for q in bank.questions
        if q.ready
        and q.hidden is not None
        and q.hidden.text in ("1850", "1973")
        and q.sentence.index in (3, 4)
    ]
    assert relative == [], [(q.kind, q.prompt) for q in relative]


def test_a_surname_the_tagger_takes_for_a_body_is_the_person_the_lesson_names(parse):
    # F20: "Andreas Vesalius" once, then "Vesalius" thrice tagged a place: the lesson's
    # main actor became a place ("Working in this way, Paris found that ..."), and its
    # ready set fell to six items of two kinds. "where he gained his doctorate" and
    # "was born in" say who he is.
    lesson = parse(
        [
            "In 1543 a young professor at the University of Tarsk, Anton Kesselius,"
            " published a great book on the body.",
            "Kesselius studied at Louvain and Paris before moving to Tarsk, where he gained"
            " his doctorate in 1537.",
            "Kesselius was born in Brussels in 1514.",
            "In the same year, Kesselius produced a shorter version for students.",
        ]
    )

    (entity,) = [e for e in lesson.entities if "Kesselius" in e.name]
    assert entity.kind == "person"


def test_the_next_day_after_a_date_in_the_same_sentence_stands_alone():
    # F20: "... where he gained his doctorate in 1537 and was appointed to teach surgery
    # and anatomy the very next day": the day after the doctorate, in the sentence itself.
    (doc,) = parse_all(
        [
            "Aldo Venn gained his doctorate at Tarsk in 1537 and was appointed to teach"
            " surgery the very next day."
        ]
    )

    assert leaning_words(doc) == []


def test_the_next_day_with_no_date_before_it_leans():
    (doc,) = parse_all(["Aldo Venn was appointed to teach surgery at Tarsk the next day."])

    assert leaning_words(doc)


@pytest.mark.parametrize(
    "name, named",
    [
        # F20: "Maeno had studied a little Dutch ..., and _____ later recalled ..." offered
        # "Maeno Ryōtaku": a family name first, already in the prompt.
        ("Maeno Ryotaku", True),
        ("Otto Braun", True),
        ("Karl Holm", False),
    ],
)
def test_a_person_the_prompt_names_by_either_name_is_no_wrong_option(name, named):
    from quizzes.generation.answers import Answer
    from quizzes.generation.distractors import _surname_beside

    text = "Maeno had studied in Kessel with Braun, and Sugita later recalled the long days."
    start = text.index("Sugita")
    answer = Answer("Sugita", start, start + 6, "person", None, False, "", 8, 9)

    assert _surname_beside(text, answer, name) is named


@pytest.mark.parametrize(
    "sentence",
    [
        # F18-F20 judges, both: "The sack of Delhi showed that the Mughal emperor could no
        # longer defend even his own capital", "The Book of Optics shows that ..." - what an
        # event meant is key; so is what it helped bring about (4 of 5).
        "The siege of Kessel showed that the old walls could no longer stop cannon.",
        "The new fleet helped the merchants of Tarsk win the southern trade.",
    ],
)
def test_what_an_event_showed_or_helped_bring_about_is_key(sentence):
    body = [
        "In 1520 the army of Varnia marched on the walled city of Kessel.",
        "The defenders held out for six months under the captain Aldo Venn.",
        sentence,
        "In 1523 the city surrendered, and Aldo Venn was taken prisoner.",
    ]
    bank = generate_bank(LessonText("The Siege of Kessel", [], list(enumerate(body, 1))))

    stated = [q for q in bank.questions if q.kind == "true_false" and q.sentence.text == sentence]
    assert stated and all(q.worth == "key" for q in stated), [(q.prompt, q.worth) for q in stated]


def test_a_count_a_key_point_gives_is_no_main_actor():
    # F20: "At least _____ people died, and some estimates put the figure much higher."
    # was ranked "about a main actor" because the key points give "at least 20,000".
    body = [
        "In 1520 the army of Varnia marched on the walled city of Kessel.",
        "Aldo Venn ordered a general massacre after a rumour spread in the streets.",
        "At least 20,000 people died, and some estimates put the figure much higher.",
        "In 1523 Aldo Venn left the city with its treasure.",
    ]
    bank = generate_bank(
        LessonText(
            "The Sack of Kessel",
            ["A massacre in Kessel in 1521 killed at least 20,000 people."],
            list(enumerate(body, 1)),
        )
    )

    counted = [q for q in bank.questions if q.hidden is not None and q.hidden.text == "20,000"]
    assert counted and all("main actor" not in q.reason for q in counted)
