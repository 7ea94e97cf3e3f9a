"""Roles that make a person matchable: the ways lessons say who someone was.

Seen on the released sets (F7-F9): 15 of 36 lessons had no matching item, most with four
or more people the lesson describes ("a Russian impresario who ...", "king of the ...").
"""

import pytest

from quizzes.generation.matching import Pair, matching, names_a_person, people_pairs


def _pairs(parse, sentences):
    lesson = parse(sentences)
    return [(p.term, p.description) for p in people_pairs(lesson.sentences, lesson.entities, [])]


def test_a_role_with_a_who_clause_is_matched_without_the_clause(parse):
    pairs = _pairs(
        parse,
        [
            "The fleet belonged to Aldo Venn, a Varnian merchant who sent ships to the"
            " southern ports for thirty years.",
        ],
    )

    assert ("Aldo Venn", "A Varnian merchant") in pairs


def test_a_bare_role_left_by_the_cut_is_no_description(parse):
    # "a lord who was defying him" -> "A lord": too little to tell anyone by.
    pairs = _pairs(
        parse,
        ["The army marched north against Aldo Venn, a lord who had refused to pay the tax."],
    )

    assert ("Aldo Venn", "A lord") not in pairs


@pytest.mark.parametrize(
    "sentence, person, role",
    [
        (
            "The queen sent the letter to Marek Holm, king of the Tarskans, hoping for an"
            " alliance against the north.",
            "Marek Holm",
            "King of the Tarskans",
        ),
        (
            "The treaty was signed by Piet Andersen, bishop of Varnholm, in the cathedral.",
            "Piet Andersen",
            "Bishop of Varnholm",
        ),
    ],
)
def test_a_lowercase_office_of_a_place_is_matched(parse, sentence, person, role):
    assert (person, role) in _pairs(parse, [sentence])


def test_a_name_of_doubtful_kind_is_matched_only_by_a_role_that_makes_it_a_person(parse):
    # F9: "Sergei Diaghilev, a Russian impresario" and "the Gurindji elder Vincent
    # Lingiari": the model tagged some mentions as organisations, so the names were in doubt
    # and never matched, though the role beside the name says who they were.
    lesson = parse(
        [
            "The company was run by Aldo Venn, a Varnian impresario who hired the dancers.",
            "Marek Holm signed the contract for the new theatre in the capital.",
        ]
    )
    for entity in lesson.entities:
        entity.certain = False

    pairs = people_pairs(lesson.sentences, lesson.entities, [])

    assert [(p.term, p.description) for p in pairs] == [("Aldo Venn", "A Varnian impresario")]


@pytest.mark.parametrize(
    "role, person",
    [
        ("A Gurindji elder", True),
        ("A Varnian impresario", True),
        ("The governor of the northern province", True),
        ("A Swedish botanist", True),
        ("A British company", False),
        ("The new government", False),
        ("A sturdy former coal ship", False),
        ("The river", False),
    ],
)
def test_a_role_names_a_person_by_its_head_noun(role, person):
    assert names_a_person(role) is person


def test_matching_takes_no_description_that_is_a_plural_aside(parse):
    # Tuned F7: "married the Bactrian princess Roxana, policies that angered many of his
    # veterans" made "Roxana -> Policies that angered many of his Macedonian veterans".
    lesson = parse(["The king married the princess Elin Dahl, policies that angered his army."])
    sentence = lesson.sentences[0]
    pairs = [
        Pair("Elin Dahl", "Policies that angered his army", sentence),
        Pair("Aldo Venn", "A Varnian merchant", sentence),
        Pair("Marek Holm", "King of the Tarskans", sentence),
        Pair("Piet Andersen", "Bishop of Varnholm", sentence),
        Pair("Anders Berg", "A philosopher", sentence),
    ]

    item = matching(pairs)

    assert [term for term, _ in item.answer] == [
        "Aldo Venn",
        "Marek Holm",
        "Piet Andersen",
        "Anders Berg",
    ]


# F11 (released after its read): 11 of 12 lessons had no matching item, though each names
# six or more people, introduced as below.
@pytest.mark.parametrize(
    "sentence, person, description",
    [
        (
            # a participle after the role: "an experienced captain born around 1603 in ..."
            "The council chose Aldo Venn, an experienced captain born in a northern village,"
            " to lead the voyage.",
            "Aldo Venn",
            "An experienced captain",
        ),
        (
            # two roles joined: the first is the office
            "Command was given to Marek Holm, bishop of Varnholm and a seasoned soldier, who"
            " chose to fight on open ground.",
            "Marek Holm",
            "Bishop of Varnholm",
        ),
        (
            # an adverb between the name and the verb
            "In 1902 Piet Andersen formally opened a school for orphans in Tarsk.",
            "Piet Andersen",
            "Opened a school for orphans in Tarsk",
        ),
        (
            # the deed in a "when" clause
            "Settlement of the valley began in 1598, when Anders Berg led colonists north"
            " from the coast.",
            "Anders Berg",
            "Led colonists north from the coast",
        ),
    ],
)
def test_a_person_introduced_as_lessons_do_is_matched(parse, sentence, person, description):
    assert (person, description) in _pairs(parse, [sentence])


def test_a_deed_after_a_who_clause_on_the_name_is_matched(parse):
    # F11: "Antiochus IV Epiphanes, who ruled 175-164 BCE, needed money for his wars".
    pairs = _pairs(
        parse,
        ["Aldo Venn, who ruled Tarsk for ten years, raised taxes to pay for a new fleet."],
    )

    assert ("Aldo Venn", "Raised taxes to pay for a new fleet") in pairs


@pytest.mark.parametrize(
    "sentence, person",
    [
        # F11: "Emishi -> A next day", "Fujiwara -> A new surname".
        ("The next day Aldo Venn set fire to his own house and died in it.", "Aldo Venn"),
        ("He was given the new surname Marek Holm by the emperor.", "Marek Holm"),
    ],
)
def test_words_before_a_name_that_name_no_person_are_no_role(parse, sentence, person):
    descriptions = [d for term, d in _pairs(parse, [sentence]) if term == person]

    assert not [d for d in descriptions if d in ("A next day", "A new surname")]


def test_matching_takes_one_person_named_with_and_without_a_middle_name(parse):
    # F11: "Abel Janszoon Tasman -> A Dutch navigator" beside "Abel Tasman -> An
    # experienced captain": one man, two names.
    sentence = parse(["The council chose Aldo Venn to lead the voyage."]).sentences[0]
    pairs = [
        Pair("Abel Janszoon Tasman", "A Dutch navigator", sentence),
        Pair("Abel Tasman", "An experienced captain", sentence),
        Pair("Marek Holm", "King of the Tarskans", sentence),
        Pair("Piet Andersen", "Bishop of Varnholm", sentence),
        Pair("Anders Berg", "A Varnian merchant", sentence),
    ]

    item = matching(pairs)

    assert [term for term, _ in item.answer] == [
        "Abel Janszoon Tasman",
        "Marek Holm",
        "Piet Andersen",
        "Anders Berg",
    ]


@pytest.mark.parametrize(
    "sentence, person, role",
    [
        # F11: "The first Abbasid caliph, Abu al-Abbas al-Saffah, died in 754 ...": the
        # people's word says whose first caliph.
        (
            "The first Persian governor, Marek Holm, was appointed by the king.",
            "Marek Holm",
            "The first Persian governor",
        ),
    ],
)
def test_a_described_role_set_before_the_name_is_matched(parse, sentence, person, role):
    assert (person, role) in _pairs(parse, [sentence])
