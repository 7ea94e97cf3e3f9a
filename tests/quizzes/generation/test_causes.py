"""Cause and consequence items: read off the links a lesson's sentences state."""

from quizzes.generation.causes import CAUSE, RESULT, causal_links, cause_and_result_items
from quizzes.generation.nlp import parse_all
from quizzes.generation.selection import select_sentences


def _sentences(*texts):
    docs = parse_all(list(texts))
    return select_sentences(list(range(1, len(texts) + 1)), list(texts), docs, [])


def _links(*texts, topic=frozenset()):
    return causal_links(_sentences(*texts), set(topic))


def test_a_because_clause_makes_a_why_question_with_the_clause_as_answer():
    (link,) = _links(
        "Phillip moved the settlement to Port Jackson because Botany Bay proved unsuitable."
    )

    assert link.side == CAUSE
    assert link.question == "Why did Phillip move the settlement to Port Jackson?"
    assert link.as_cause == "Because Botany Bay proved unsuitable"


def test_a_purpose_infinitive_answers_why_and_a_leading_date_moves_to_the_end():
    (link,) = _links(
        "In 1452 Mehmed built a fortress on the Bosphorus to control shipping through the strait."
    )

    assert link.question == "Why did Mehmed build a fortress on the Bosphorus in 1452?"
    assert link.as_cause == "To control shipping through the strait"


def test_led_to_and_caused_make_a_result_question():
    found = _links(
        "The campaign led to the Gandhi-Irwin Pact of March 1931.",
        "The massacre caused outrage around the world.",
        topic={"campaign", "massacre"},
    )

    assert [(link.side, link.question, link.as_result) for link in found] == [
        (RESULT, "What was one result of the campaign?", "The Gandhi-Irwin Pact of March 1931"),
        (RESULT, "What was one result of the massacre?", "Outrage around the world"),
    ]


def test_forced_to_reads_as_what_had_to_happen():
    (link,) = _links("The victory forced Carthage to accept a harsh peace.", topic={"victory"})

    assert link.as_result == "Carthage had to accept a harsh peace"


def test_a_thing_the_sentence_only_points_back_at_makes_no_question():
    # "The victory" in a lesson not about one: which victory lies in another sentence.
    assert not _links("The victory forced Carthage to accept a harsh peace.")


def test_no_link_where_the_verb_leads_people_somewhere_or_the_subject_is_a_pronoun():
    assert not _links(
        "On 21 May the poet Sarojini Naidu led about 2,500 volunteers to the salt works.",
        "It led to a rush of conquest across the whole continent.",
        "Leopold's agents forced villagers to collect wild rubber.",
    )


def test_wrong_options_are_causes_the_lesson_gives_for_other_things():
    links = _links(
        "Phillip moved the settlement to Port Jackson because Botany Bay proved unsuitable.",
        "The Senate met in the Curia of Pompey because the old Senate house was being rebuilt.",
        "The court used regional armies because the imperial troops had been defeated.",
        "The settlers planted wheat near the river because the soil there was richer.",
        topic={"court"},  # a bare "the court" leans on an earlier sentence (F6)
    )

    items = cause_and_result_items(links)

    assert len(items) == 4
    first = items[0]
    assert first.kind == "multiple_choice" and first.rule == "mc.cause.clause"
    assert first.answer == "Because Botany Bay proved unsuitable"
    assert sorted(first.distractors) == sorted(link.as_cause for link in links[1:])
    assert first.choices[0] == first.answer and len(set(first.choices)) == 4


def test_no_item_without_three_wrong_options_from_other_sentences():
    links = _links(
        "Phillip moved the settlement to Port Jackson because Botany Bay proved unsuitable.",
        "The Senate met in the Curia of Pompey because the old Senate house was being rebuilt.",
    )

    assert cause_and_result_items(links) == []


def test_a_cause_sharing_the_questions_words_is_never_a_wrong_option():
    links = _links(
        "Phillip moved the settlement to Port Jackson because Botany Bay proved unsuitable.",
        "Phillip moved the settlement to Port Jackson because the settlement lacked water.",
        "The Senate met in the Curia of Pompey because the old Senate house was being rebuilt.",
        "The court used regional armies because the imperial troops had been defeated.",
        "The settlers planted wheat near the river because the soil there was richer.",
        topic={"court"},  # a bare "the court" leans on an earlier sentence (F6)
    )

    first = cause_and_result_items(links)[0]

    assert "Because the settlement lacked water" not in first.choices
