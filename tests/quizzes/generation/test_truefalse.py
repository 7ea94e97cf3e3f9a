import re

import pytest

from quizzes.generation.checks import differs_by_one_span
from quizzes.generation.truefalse import false_statement, true_statement


def test_true_statement_is_the_sentence_as_written(parse):
    lesson = parse(["Joseph Stalin ordered the arrest of his old rivals in the party in 1936."])

    item = true_statement(lesson.sentences[0])

    assert (item.prompt, item.answer) == (lesson.sentences[0].text, "true")


def test_false_statement_swaps_exactly_one_span(parse):
    lesson = parse(["Joseph Stalin ordered the arrest of his old rivals in the party in 1936."])

    item = false_statement(lesson.sentences[0], lesson.answer(0, "1936"), "1941")

    assert item.answer == "false" and "1941" in item.prompt
    assert differs_by_one_span(lesson.sentences[0].text, item.prompt)


# Blind read F2: name and date swaps both judges called absurd or garbled.
F2_LIKE = [
    "The British commander, Lieutenant-General Lord Hartley, invaded with three columns.",
    "Hartley left the camp under Colonel Tom Weller, who died in the fighting.",
    "Between April and July 1802 rebels in Arvania killed around 8,000 people.",
    "Thirsty and surrounded, the knights were captured, and King Harald of Wessex was taken.",
    "The priest Tomas Brun and his son Edvard translated it in a single night.",
    "Brun was praised by Hartley, and Edvard was praised by Weller.",
    "Under Article 12 Prussia accepted responsibility for the war.",
    "Article 12, the sea clause, blamed Prussia for the war.",
    "The Four Powers met at Paris in 1802 and wrote the Treaty of Lund.",
    "In 1824 Marlow led a combined army of rebels over the mountains.",
    "Marlow won at Tarsk, and Marlow entered the capital in 1825.",
    "The revolt had begun after Corvin invaded Spain in 1808.",
]


def _false_prompts(lesson, index):
    from quizzes.generation.answers import entity_answers
    from quizzes.generation.entities import mentions_in
    from quizzes.generation.truefalse import false_candidates

    entity_of = {(m.sentence, m.start): e for e in lesson.entities for m in e.mentions}
    sentence = lesson.sentences[index]
    answers = entity_answers(sentence, mentions_in(sentence.doc, index), entity_of)
    return [item.prompt for item in false_candidates(sentence, answers, lesson.pool)]


@pytest.fixture(scope="module")
def f2_like(parse):
    return parse(F2_LIKE)


def test_a_hyphenated_title_is_not_cut_into_the_swapped_name(f2_like):
    # F2: "LieutenantAnthony Durnford", "-General Lord Chelmsford".
    names = {name for e in f2_like.entities for name in e.names}
    assert not [name for name in names if not name[:1].isalnum()]
    for index in range(len(F2_LIKE)):
        for prompt in _false_prompts(f2_like, index):
            assert not re.search(r"[a-z][A-Z]|\s-\w", prompt), prompt


def test_a_swap_never_repeats_the_other_end_of_a_span(f2_like):
    # F2: "Between July and July 1994".
    for prompt in _false_prompts(f2_like, 2):
        assert not re.search(r"\b(\w+) and \1\b", prompt), prompt


@pytest.mark.parametrize(
    "index, kept",
    [
        (1, "Colonel Tom Weller"),  # F2 after fixes: "piloted by Col. Iwo Jima", "Lord Frere"
        (3, "King Harald of Wessex"),  # F2: "King Saladin of Lusignan"
        (4, "his son Edvard"),  # F2: "his son Hobson"
        (6, "Under Article 12 "),  # F2: "Under Big Three accepted responsibility"
        (7, "Article 12, the sea clause"),  # F2: "Big Three, the war guilt clause"
    ],
)
def test_a_name_held_by_a_title_kin_word_or_description_is_not_swapped(f2_like, index, kept):
    for prompt in _false_prompts(f2_like, index):
        assert kept in prompt, prompt


def test_a_person_named_once_in_passing_is_not_swapped_in_for_a_main_actor(f2_like):
    # F2: "In 1824 Napoleon led a combined army ... over the Andes" (Bolívar).
    assert not [p for p in _false_prompts(f2_like, 9) if "Corvin" in p]


def test_an_event_or_document_is_swapped_only_for_one_of_its_own_sort(parse):
    # F2: "Under Big Three accepted responsibility", "Big Three, the war guilt clause".
    lesson = parse(
        [
            'The key figures were the "Big Three".',
            "Under Article 12 Prussia accepted responsibility for the loss and damage of the war.",
            'Article 12, the "sea clause", blamed Prussia and its allies for the war.',
        ]
    )
    prompts = [p for index in range(3) for p in _false_prompts(lesson, index)]

    assert not [p for p in prompts if "Big Three" in p and "Article" not in p[:12]]
    assert not [p for p in prompts if "Article 12" in p and "key figures" in p]


def test_a_date_before_an_opening_comma_is_still_swapped(parse):
    # Found on F1 after the 'X, the ...' rule: "On November 19, 1863, a cemetery ..." lost
    # its date swap, as if the date were described by what follows.
    lesson = parse(["On November 19, 1801, a cemetery for the rebel dead was opened at Tarsk."])

    assert [p for p in _false_prompts(lesson, 0) if "November 19, 1801" not in p]
