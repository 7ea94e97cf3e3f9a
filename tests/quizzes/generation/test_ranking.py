"""The ranker's rules, each on the kind of sentence a blind read found a fault in."""

from pathlib import Path

import pytest

from quizzes.generation.context import leaning_words
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import LessonText, generate_bank


def _bank(*sentences, key_points=(), title="A Lesson on Several Things"):
    text = LessonText(title, list(key_points), list(enumerate(sentences, start=1)))
    return generate_bank(text)


def _ready(bank, kind=None):
    return [q for q in bank.questions if q.ready and (kind is None or q.kind == kind)]


@pytest.mark.parametrize(
    "sentence, word",
    [
        # F1: "dangling 'above them'" (the heights are not who "them" are).
        ("On the heights above them, Mustafa Kemal rushed his men forward to stop them.", "them"),
        # F1: "dangling 'his battered army'" (a date is nobody's "his").
        ("On the night of July 4, in pouring rain, his battered army began its retreat.", "his"),
        ("As a result, power passed to the supporters of the murdered dictator.", "As a result"),
        # F1 key point: "men" is nobody's "him".
        ("More than 60 men are said to have joined the plot against him.", "him"),
        # F2: "his troops" after a place, "the line", "within days", "Finally", "But",
        # "before he could try again", "the total".
        ("At Tarsk on 4 July 1801 his troops, formed into a square, defeated the rebels.", "his"),
        ("When the line fell back, the rebels broke into the fort.", "the line"),
        ("The fort surrendered within days, and on 3 May 1801 the city fell.", "within days"),
        (
            "Finally Marlow, whose soldiers were deserting in large numbers, decided to attack.",
            "Finally",
        ),
        ("But independence did not bring the unity Marlow hoped for.", "But"),
        ("Edmund died in 701 BC before he could try again.", "again"),
        ("In 1803 the total was fixed at 132 million crowns.", "the total"),
        ("Over the following months copies were carried around the country.", "following months"),
        ("For the next 150 years the two empires fought over the borderlands.", "next 150 years"),
        ("When the deadline passed, the rebels crossed the river.", "the deadline"),
    ],
)
def test_a_sentence_leaning_on_the_one_before_is_seen_to_lean(sentence, word):
    (doc,) = parse_all([sentence])

    assert any(word.lower() in found.lower() for found in leaning_words(doc))


@pytest.mark.parametrize(
    "sentence",
    [
        "Brutus and Cassius fled to Greece, where both men took their own lives.",
        # F1: a key sentence of the salt march read as leaning on "the men".
        "In January 1931 Irwin released Gandhi, and the two men negotiated face to face.",
    ],
)
def test_a_pair_named_in_the_sentence_does_not_lean(sentence):
    (doc,) = parse_all([sentence])

    assert leaning_words(doc) == []


def test_a_blank_is_ready_only_when_it_asks_a_bare_year():
    # Reads: year blanks 17 of 17 usable, other blanks 63 of 100.
    bank = _bank(
        "In 1832 Commissioner Lin Zexu destroyed twenty thousand chests of opium at Humen.",
        "The Daoguang Emperor appointed Lin Zexu as imperial commissioner in the south.",
        "Lin Zexu wrote a long letter to Queen Victoria about the trade in opium.",
        "British warships bombarded the forts at Canton in the spring of 1841.",
    )

    blanks = _ready(bank, "fill_blank")
    assert blanks and all(q.answer.isdigit() for q in blanks)
    assert any(
        q.kind == "fill_blank" and not q.ready and "open-blank" in q.faults for q in bank.questions
    )


def test_a_swapped_place_is_never_ready():
    # F1: "people all over Britain ... boycotting British cloth"; a town made an ally.
    bank = _bank(
        "Within days people all over India were making salt and boycotting foreign cloth.",
        "Gandhi was held without trial in Yerawada prison near Poona for many months.",
        "The march ended at Dandi on the coast of Gujarat in early April 1930.",
        "Congress leaders met at Lahore in December 1929 to plan the campaign.",
    )

    assert not [q for q in _ready(bank, "true_false") if q.rule == "tf.swap.place"]


def test_a_movement_is_never_swapped_in_for_a_poet():
    # F1: "the poet Khudai Khidmatgar" (a movement put in for a person).
    bank = _bank(
        "On 21 May 1930 the poet Sarojini Naidu led about 2,500 volunteers to the salt works.",
        "In the north the Khudai Khidmatgar movement of Abdul Ghaffar Khan joined the struggle.",
        "The journalist Webb Miller reported the beatings in hundreds of newspapers abroad.",
        "In January 1931 Lord Irwin released Gandhi from prison and began talks with him.",
    )

    for question in _ready(bank, "true_false"):
        assert "poet Khudai" not in question.prompt and "poet Webb" not in question.prompt


def test_an_estimated_date_is_never_ready_to_choose_or_fill():
    # "Around _____": 1525 fits as well as 1527.
    bank = _bank(
        "Around 1527 the emperor Huayna Capac died of smallpox in the northern city of Quito.",
        "In 1532 Francisco Pizarro seized the emperor Atahualpa in the square of Cajamarca.",
        "In 1533 the Spaniards executed Atahualpa and marched south to the capital at Cusco.",
        "In 1572 the Spaniards captured the last Inca ruler, Tupac Amaru, in the forest.",
    )

    typed = ("multiple_choice", "fill_blank")
    hedged = [q for q in bank.questions if q.kind in typed and q.answer == "1527"]
    assert hedged and all("hedged" in q.faults and not q.ready for q in hedged)


def test_events_dated_before_christ_are_put_in_order():
    bank = _bank(
        "In 216 BC Hannibal won a crushing victory over the Roman army at Cannae in Italy.",
        "In 204 BC the Roman general Scipio landed in Africa with a large army.",
        "In 202 BC Scipio defeated Hannibal at Zama in North Africa.",
        "In 201 BC Carthage accepted a harsh peace and gave up its fleet of warships.",
    )

    (order,) = [q for q in bank.questions if q.kind == "ordering"]
    assert [event.split()[0] for event in order.answer] == ["Hannibal", "The", "Scipio", "Carthage"]


def test_a_day_and_month_take_the_year_the_sentence_before_names():
    bank = _bank(
        "On 12 March 1930 Gandhi set out on foot from his ashram with seventy-eight followers.",
        "On 6 April the marchers reached the beach at Dandi on the coast of Gujarat.",
        "On 5 May 1930 the police seized Gandhi in the night and took him to prison.",
        "On 21 May the poet Sarojini Naidu led volunteers to the salt works at Dharasana.",
    )

    (order,) = [q for q in bank.questions if q.kind == "ordering"]
    assert order.answer[1].startswith("The marchers reached") and "Naidu" in order.answer[-1]


def test_every_key_point_stands_as_a_key_statement():
    # With a day and month, its false form may move only the month: a detail
    # (test_blind_f19).
    key_point = "The conference opened in Berlin in 1884."
    bank = _bank(
        "Diplomats from fourteen states met in Berlin to agree on rules for claims in Africa.",
        "The delegates gathered at the official residence of the chancellor Otto von Bismarck.",
        "After three months of talks the delegates signed the General Act on 26 February 1885.",
        key_points=[key_point],
    )

    stated = [
        q
        for q in bank.questions
        if q.kind == "true_false" and q.note == f"The lesson's key point: {key_point}"
    ]
    assert stated and all(q.worth == "key" and q.ready for q in stated)


RELEASED = Path(__file__).parents[1] / "data" / "released-f1"


def _released(lesson_file, name):
    return generate_bank(lesson_file(RELEASED / name))


@pytest.fixture(scope="module")
def salt_march(lesson_file):
    return _released(lesson_file, "gandhis-salt-march.txt")


def test_blind_read_faults_on_the_salt_march_are_no_longer_ready(salt_march):
    # F1 judges: "the poet Khudai Khidmatgar" (kind-mismatch) and "people all over
    # Britain ... boycotting British cloth" (absurd-statement) were both ready.
    prompts = [q.prompt for q in _ready(salt_march)]

    assert not [p for p in prompts if "poet Khudai" in p]
    assert not [p for p in prompts if "all over Britain" in p]


def test_blind_read_faults_on_sharpeville_are_no_longer_ready(lesson_file):
    # F1 judges: "organised by the UN Security Council" (absurd-statement).
    bank = _released(lesson_file, "sharpeville-massacre.txt")

    assert not [q for q in _ready(bank) if "UN Security Council" in q.prompt]


def test_blind_read_faults_at_gallipoli_are_no_longer_ready(lesson_file):
    # F1 judges: "On the heights above them, Hamilton rushed his men forward" (context).
    bank = _released(lesson_file, "gallipoli-campaign.txt")

    assert not [q for q in _ready(bank) if "above them" in q.prompt]


def test_which_statement_is_true_takes_false_options_from_the_lessons_ready_swaps():
    # F1: no lesson had three key points with a ready false form, so none had this kind.
    bank = _bank(
        "The Treaty of Rivermouth was signed in 1842 after a short war with the river towns.",
        "The governor Tomas Brand arrived in the colony in 1845 with two hundred soldiers.",
        "The first railway in the colony opened in 1853 between the port and the capital.",
        "A great fire destroyed much of the capital in 1861 and left thousands homeless.",
        "The first newspaper of the colony appeared in 1849 in the port of Kessel.",
        "A university was founded in the capital in 1867 by the colonial assembly.",
        key_points=[
            "The Treaty of Rivermouth was signed in 1842.",
            "The colony's first railway opened in 1853.",
        ],
    )

    which = [q for q in bank.questions if q.rule == "mc.true.keypoint"]
    falses = {q.prompt for q in bank.questions if q.kind == "true_false" and q.answer == "false"}
    assert which
    for item in which:
        assert item.answer in (
            "The Treaty of Rivermouth was signed in 1842.",
            "The colony's first railway opened in 1853.",
        )
        assert len(item.distractors) == 3 and set(item.distractors) <= falses
        # Never the key point's own fact made false: that would leave a choice of two.
        fact = "Treaty" if "Treaty" in item.answer else "railway"
        assert not [d for d in item.distractors if fact in d]


RELEASED_F2 = Path(__file__).parents[1] / "data" / "released-f2"


@pytest.fixture(scope="module")
def f2_banks(lesson_file):
    return {path.stem: generate_bank(lesson_file(path)) for path in RELEASED_F2.glob("*.txt")}


def _ready_texts(bank):
    """Every text a ready item shows: prompt, options, matching pairs, ordering events."""
    for q in _ready(bank):
        answers = q.answer if isinstance(q.answer, list) else [q.answer]
        yield q, " | ".join([q.prompt, *map(str, q.choices), *map(str, answers)])


@pytest.mark.parametrize(
    "lesson, shown",
    [
        # F2 judges: absurd swaps, and the same swaps as "Which is true?" options.
        ("battle-of-ayacucho-1824", "Napoleon led"),
        ("battle-of-ayacucho-1824", "Finally Napoleon"),
        ("battle-of-ayacucho-1824", "unity Napoleon"),
        ("battle-of-ayacucho-1824", "Finally La Serna"),  # "Finally" dangles (both judges)
        ("battle-of-hattin-1187", "King Saladin"),
        ("treaty-of-waitangi-1840", "his son Hobson"),
        ("treaty-of-versailles-1919", "Under Big Three"),
        ("treaty-of-versailles-1919", "Big Three, the"),
        ("rwandan-genocide-1994", "July and July"),
        # Found ready after the first fixes: a title before a swapped-in name.
        ("atomic-bombing-of-hiroshima", "Col. Iwo Jima"),
        ("battle-of-isandlwana-1879", "Lord Frere"),
        ("siege-of-vienna-1683", "Count Charles V"),
        ("siege-of-vienna-1683", "For the next"),
        # Broken text.
        ("battle-of-isandlwana-1879", "LieutenantAnthony"),
        ("battle-of-isandlwana-1879", " -General"),
        ("treaty-of-waitangi-1840", "Of Māori"),
        ("battle-of-thermopylae-480-bc", "- each chosen'"),
        ("wall-street-crash-1929", "Dow →"),
        ("wall-street-crash-1929", "'Dow'"),
        # Dangling references.
        ("battle-of-isandlwana-1879", "his troops"),
        ("battle-of-isandlwana-1879", "When the line"),
        ("battle-of-hattin-1187", "within days"),
        ("battle-of-thermopylae-480-bc", "try again"),
        ("treaty-of-versailles-1919", "the total was"),
    ],
)
def test_blind_read_f2_faults_are_no_longer_ready(f2_banks, lesson, shown):
    assert not [text for _, text in _ready_texts(f2_banks[lesson]) if shown in text]


def test_f2_key_point_statements_keep_the_sentence_they_came_from(f2_banks):
    # F2 sheet: a key point's true/false item showed an unrelated sentence as its source.
    for bank in f2_banks.values():
        for q in bank.questions:
            if q.kind == "true_false" and q.note.startswith("The lesson's key point: "):
                point = q.note.removeprefix("The lesson's key point: ")
                assert q.answer == "false" or q.prompt.rstrip(".") == point.rstrip(".")
                assert "nine-tenths" not in point or q.source_text == point


def test_finally_inside_the_sentence_does_not_lean():
    # Found on F1 after the opening "Finally" rule: a whole sentence, ready before.
    (doc,) = parse_all(["The buses of Tarsk were finally desegregated on December 21, 1801."])

    assert leaning_words(doc) == []


def test_a_fill_blank_on_a_main_actor_of_a_key_point_is_ready():
    # F5 judges: two thirds of ready items were date details; a blank on the main actor
    # of a sentence a key point states is key ("fill blanks on main actors").
    bank = _bank(
        "Fearing a long siege, Tomas Verlaine ordered the garrison to abandon the northern fort.",
        "The garrison marched south through the hills for nine days in heavy rain.",
        "Verlaine was recalled to the capital the next spring and never held office again.",
        key_points=["Tomas Verlaine ordered the garrison to abandon the northern fort."],
    )

    blanks = [
        q
        for q in bank.questions
        if q.kind == "fill_blank" and q.answer == "Tomas Verlaine" and q.sentence.index == 0
    ]

    assert blanks and all(q.ready for q in blanks), [(q.prompt, q.faults) for q in blanks]


def _rated(worth, kind, n):
    from quizzes.generation.items import GeneratedQuestion

    return [
        GeneratedQuestion(
            kind,
            f"{worth} {kind} {i}",
            "true",
            "tf.true",
            None,
            "",
            ready=True,
            worth=worth,
            confidence=0.9,
        )
        for i in range(n)
    ]


def test_details_leave_the_ready_set_when_the_lesson_has_key_items_enough():
    # F5 judges: 37-39 of 100 ready items key; two thirds were date details of one sentence.
    from quizzes.generation.ranking import curate_ready

    questions = (
        _rated("key", "true_false", 16)
        + _rated("key", "multiple_choice", 8)
        + _rated("detail", "true_false", 6)
        + _rated("detail", "fill_blank", 4)
    )

    curate_ready(questions)

    ready = [q for q in questions if q.ready]
    details = [q for q in ready if q.worth == "detail"]
    assert len(ready) >= 20 and len(details) <= 0.1 * len(ready) + 1, (len(ready), len(details))


def test_details_stay_ready_down_to_a_dozen_in_a_lesson_short_of_key_items():
    # A lesson with few key items still offers a dozen ready ones: details fill up to
    # the floor, and only past it go back to review.
    from quizzes.generation.ranking import curate_ready

    questions = (
        _rated("key", "true_false", 4)
        + _rated("key", "multiple_choice", 2)
        + _rated("detail", "true_false", 8)
        + _rated("detail", "multiple_choice", 6)
    )

    curate_ready(questions)

    ready = [q for q in questions if q.ready]
    assert len(ready) == 12
    assert sum(q.worth == "key" for q in ready) == 6
