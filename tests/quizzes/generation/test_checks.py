from quizzes.generation import checks


def test_answer_found_only_on_word_boundaries():
    assert checks.answer_in_source("Lenin", "former allies of Lenin.")
    assert not checks.answer_in_source("Lenin", "the Leninist line")


def test_prompt_with_the_answers_head_word_is_refused():
    assert not checks.prompt_hides_answer("Which trials opened in Moscow?", "Moscow Trials")
    assert checks.prompt_hides_answer("Which event opened in 1936?", "Moscow Trials")


def test_cloze_needs_exactly_one_blank():
    assert checks.has_one_blank("Stalin led the _____.")
    assert not checks.has_one_blank("_____ led the _____.")


def test_article_before_blank_is_a_giveaway():
    assert checks.article_gives_away("He was an _____ of the party.")
    assert not checks.article_gives_away("He was the _____ of the party.")


def test_options_equal_but_for_case_or_article_are_not_distinct():
    assert not checks.options_distinct(["The Communist Party", "communist party", "Army", "Navy"])


def test_option_inside_another_is_not_distinct():
    assert not checks.options_distinct(["Edward", "Edward the Confessor", "Harold", "William"])


def test_lone_plural_among_singulars_is_flagged():
    assert checks.one_plural_among_singulars([True, False, False, False])
    assert not checks.one_plural_among_singulars([False, False, False, False])


def test_near_duplicate_prompts_are_flagged():
    assert checks.near_duplicate(
        "Who led the first trial in Moscow?", "Who led the first trial in Moscow then?"
    )
    assert not checks.near_duplicate("Who led the trial?", "When did the war end?")


def test_longest_share_counts_strictly_longest_answers():
    banks = [(["a", "bb", "ccc", "dddd"], "dddd"), (["aaaa", "bb", "cc", "dd"], "bb")]

    assert checks.longest_share(banks) == 0.5


def test_positions_spread_rejects_all_in_one_slot():
    assert checks.positions_spread([0, 1, 2, 3, 0, 1, 2, 3])
    assert not checks.positions_spread([0] * 12)


def test_false_statement_differs_by_one_span():
    assert checks.differs_by_one_span("Stalin led the party.", "Lenin led the party.")
    assert not checks.differs_by_one_span(
        "Stalin led the party from Moscow for many long years until his death.",
        "Lenin led the party from Moscow for many long years until his exile.",
    )


def test_definition_must_not_hold_its_term_and_fit_length():
    assert checks.definition_fits("Herodotus", "The Greek historian of the Persian wars.")
    assert not checks.definition_fits("Herodotus", "Herodotus was a Greek historian.")
    assert not checks.definition_fits("Herodotus", "A historian.")


def test_says_the_same_needs_most_of_the_claim():
    assert checks.says_the_same({"accuse", "conspiracy", "trial"}, {"accuse", "conspiracy"})
    assert not checks.says_the_same({"accuse", "conspiracy", "trial", "moscow"}, {"trial"})
