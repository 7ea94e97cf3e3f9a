import random

from quizzes.drawing import draw_item, draw_spread, giveaway_pairs

SAME = "Athens sent about 10,000 hoplites, and Plataea added about 1,000 more."


def test_draw_takes_one_question_per_sentence_while_it_can():
    items = [(1, SAME), (2, SAME), (3, "Darius sent the fleet."), (4, "Miltiades led the charge.")]

    for seed in range(20):
        drawn = draw_spread(items, 3, random.Random(seed))

        assert len(drawn) == 3
        assert not {1, 2} <= set(drawn)


def test_draw_repeats_a_sentence_only_when_too_few_remain():
    items = [(1, SAME), (2, SAME), (3, "Darius sent the fleet.")]

    assert sorted(draw_spread(items, 3, random.Random(1))) == [1, 2, 3]


def test_draw_is_the_same_for_the_same_seed():
    items = [(n, f"sentence {n % 4}") for n in range(12)]

    assert draw_spread(items, 5, random.Random(7)) == draw_spread(items, 5, random.Random(7))


def _item(pk, source, prompt, answer, kind="fill_blank", choices=()):
    return draw_item(
        {
            "pk": pk,
            "source_text": source,
            "prompt": prompt,
            "answer": answer,
            "kind": kind,
            "choices": list(choices),
        }
    )


BLANK_DATE = _item(
    1, "In 1215 John sealed the charter.", "In _____ John sealed the charter.", "1215"
)
STATEMENT = _item(
    2, "The rebels took London in 1215.", "The rebels took London in 1215.", "true", "true_false"
)
WHO = _item(3, "Langton helped negotiate.", "_____ helped negotiate.", "Stephen Langton")
SAME_SENTENCE = _item(
    4, "In 1215 John sealed the charter.", "In 1215 _____ sealed the charter.", "John"
)
OPTIONS_NAME_IT = _item(
    5,
    "Pope Innocent annulled it.",
    "Who annulled the charter?",
    "Innocent III",
    "multiple_choice",
    ["Innocent III", "Stephen Langton", "Richard I", "Henry III"],
)


def test_pairs_from_one_sentence_or_stating_each_others_answers_are_found():
    pairs = giveaway_pairs([BLANK_DATE, STATEMENT, WHO, SAME_SENTENCE, OPTIONS_NAME_IT])

    assert (1, 2, "one shows the other's answer") in pairs
    assert (1, 4, "both come from the same sentence") in pairs
    assert not any({a, b} == {3, 5} for a, b, _ in pairs)  # options of a choice do not count
    assert not any({a, b} == {2, 3} for a, b, _ in pairs)


def test_statement_options_count_as_shown():
    which = _item(
        6,
        "Key points.",
        "Which of these statements is true?",
        "Langton helped negotiate it.",
        "multiple_choice",
        [
            "Langton helped negotiate it.",
            "The rebels took Paris in 1215.",
            "X was Y in 1300 AD.",
            "Stephen Langton was made a bishop in 1207.",
        ],
    )

    assert giveaway_pairs([which, WHO]) == [(6, 3, "one shows the other's answer")]


def test_random_draw_never_pairs_items_that_give_each_other_away_while_others_remain():
    items = [BLANK_DATE, STATEMENT, WHO, SAME_SENTENCE, OPTIONS_NAME_IT]

    for seed in range(30):
        drawn = draw_spread(items, 3, random.Random(seed))

        assert len(drawn) == 3
        assert not {1, 2} <= set(drawn) and not {1, 4} <= set(drawn)


def test_a_statement_offered_as_an_option_and_asked_true_or_false_give_each_other_away():
    # Which-is-true items take their wrong options from the bank's false statements: the
    # choice, once made, answers the true/false item.
    false = "The rebels took Paris in 1215 after a long siege."
    statement = _item(7, "The rebels took London in 1215.", false, "false", "true_false")
    which = _item(
        8,
        "Key points.",
        "Which of these statements is true?",
        "Langton helped negotiate the charter.",
        "multiple_choice",
        ["Langton helped negotiate the charter.", false, "X was Y in 1300 AD.", "Z met W."],
    )

    assert giveaway_pairs([statement, which]) == [(7, 8, "one offers the other's statement")]


def test_two_which_is_true_items_offering_the_same_false_statement_are_kept_apart():
    # A lesson's few false statements may serve as wrong options in two items; one quiz
    # showing the same false statement twice tells the student it is a decoy.
    shared = "The rebels took Paris in 1215 after a long siege."
    first, second = (
        _item(
            pk,
            f"Key point {pk}.",
            "Which of these statements is true?",
            right,
            "multiple_choice",
            [right, shared, f"Other false statement number {pk} here.", f"Z met W {pk} times."],
        )
        for pk, right in ((9, "Langton helped negotiate the charter."), (10, "John sealed it."))
    )

    assert giveaway_pairs([first, second]) == [(9, 10, "both offer the same false statement")]
    for seed in range(20):
        drawn = draw_spread([first, second, WHO], 2, random.Random(seed))
        assert not {9, 10} <= set(drawn)
