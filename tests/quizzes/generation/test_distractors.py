import pytest

from quizzes.generation.distractors import choose_distractors, places_nest

TEXTS = [
    "Joseph Stalin ordered the arrest of Grigory Zinoviev and Lev Kamenev in 1936.",
    "Zinoviev and Kamenev were accused of plotting against Stalin with Leon Trotsky.",
    "Nikolai Bukharin was tried in a later trial in Moscow in 1938.",
    "Vyacheslav Molotov signed the lists of victims prepared by the secret police.",
    "Genrikh Yagoda ran the secret police until his own arrest in 1937.",
]


@pytest.fixture(scope="module")
def lesson(parse):
    return parse(TEXTS)


def test_wrong_options_never_stand_in_the_source_sentence(lesson):
    answer = lesson.answer(0, "Grigory Zinoviev")

    options = choose_distractors(answer, lesson.sentences[0], lesson.pool, "seed")

    assert options
    assert not any(option in TEXTS[0] for option in options)
    assert "Lev Kamenev" not in options


def test_wrong_options_are_never_an_alias_of_the_answer(lesson):
    answer = lesson.answer(0, "Joseph Stalin")

    options = choose_distractors(answer, lesson.sentences[0], lesson.pool, "seed")

    assert all("Stalin" not in option for option in options)


def test_a_name_the_lesson_says_the_same_of_is_not_a_wrong_option(parse):
    lesson = parse(
        [
            "Grigory Zinoviev was accused of treason and shot in 1936.",
            "Lev Kamenev was also accused of treason and shot in 1936.",
            "Joseph Stalin ordered the trials from Moscow.",
            "Vyacheslav Molotov signed many of the death lists.",
        ]
    )
    answer = lesson.answer(0, "Grigory Zinoviev")

    options = choose_distractors(answer, lesson.sentences[0], lesson.pool, "seed")

    assert "Lev Kamenev" not in options


def test_date_options_keep_the_answers_format_and_differ(lesson):
    answer = lesson.answer(2, "1938")

    options = choose_distractors(answer, lesson.sentences[2], lesson.pool, "seed")

    assert len(options) == 3
    assert all(len(option) == 4 and option.isdigit() and option != "1938" for option in options)
    assert "1936" not in options and "1937" not in options  # years the lesson itself uses


def test_same_seed_gives_the_same_options(lesson):
    answer = lesson.answer(0, "Grigory Zinoviev")

    first = choose_distractors(answer, lesson.sentences[0], lesson.pool, "seed")
    second = choose_distractors(answer, lesson.sentences[0], lesson.pool, "seed")

    assert first == second


def test_places_inside_one_another_nest():
    assert places_nest("Rome", "Italy")
    assert places_nest("the Soviet Union", "Moscow")
    assert not places_nest("Rome", "France")


def test_place_options_keep_to_one_sort():
    from quizzes.generation.distractors import place_sort

    assert place_sort("the Sea of Marmara") == place_sort("Red Sea") == "water"
    assert place_sort("Europe") == "region"
    assert place_sort("Ethiopia") == place_sort("the Soviet Union") == "country"
    assert place_sort("Kyoto") == place_sort("Shiroyama") != place_sort("China")


def test_fallbacks_come_from_the_lessons_era():
    from quizzes.generation.distractors import fallback_fits

    words = {"american", "slavery", "france"}
    tags = ("america", "american", "civil", "war", "president", "slavery")

    assert fallback_fits("Abraham Lincoln", tags, words, 1860)
    assert not fallback_fits("Abraham Lincoln", tags, words, 1798)


def test_fallbacks_need_two_specific_topic_words():
    from quizzes.generation.distractors import fallback_fits

    tags = ("germany", "german", "nazi", "war", "world", "europe")

    assert not fallback_fits("Adolf Hitler", tags, {"war", "world", "europe"}, None)
    assert fallback_fits("Adolf Hitler", tags, {"german", "nazi"}, None)


def test_a_number_with_thousands_is_never_shifted_as_a_year(parse):
    # F1: "who had lived there for more than 50,8 years" (grammar), ready twice.
    text = "Aboriginal peoples had lived on the continent for more than 50,000 years."
    lesson = parse([text])
    answer = lesson.answer(0, "more than 50,000 years")

    options = choose_distractors(answer, lesson.sentences[0], lesson.pool, "seed")

    assert not [o for o in options if "50,000" not in o and o.startswith("more than 50,")]


def test_a_body_the_prompt_names_by_its_initials_is_not_a_wrong_option(parse):
    # F1: "The ANC was planning ..., but the _____ moved first" offered the African
    # National Congress (implausible: the prompt names it).
    lesson = parse(
        [
            "The African National Congress called for a national strike against the pass laws.",
            "The ANC was planning a campaign for the end of March, but the PAC moved first.",
            "The National Party government banned the Pan Africanist Congress in April.",
            "The United Democratic Front organised protests in the townships.",
        ]
    )
    answer = lesson.answer(1, "PAC")

    options = choose_distractors(answer, lesson.sentences[1], lesson.pool, "seed")

    assert "African National Congress" not in options


def test_a_date_inside_a_short_lesson_span_keeps_its_year_and_shifts_its_month(parse):
    # F1: "1951 / 1953 / 1966 all fall outside the 1955-56 boycott, only the year varies".
    texts = [
        "For a year in 1955 and 1956 the people of the town refused to ride the buses.",
        "The mayor's house was bombed on January 30, 1956, by men who were never caught.",
    ]
    lesson = parse(texts, key_points=["The buses were desegregated on December 21, 1956."])
    lesson.pool.span_years = (1955, 1956)
    answer = lesson.answer(1, "January 30, 1956")

    options = choose_distractors(answer, lesson.sentences[1], lesson.pool, "seed")

    assert len(options) == 3
    assert all(o.endswith(("1955", "1956")) for o in options), options
    assert not [o for o in options if o.startswith(("February 30", "April 30 ", "February 31"))]


@pytest.mark.parametrize(
    "text, share",
    [
        ("In the vote 90.8 per cent of voters said Yes to the change.", "90.8 per cent"),
        ("In the referendum 35 per cent of voters said No to the change.", "35 per cent"),
    ],
)
def test_a_share_stays_a_possible_share_on_its_side_of_half(parse, text, share):
    # F6 readers: "181.5 per cent" (impossible), and a 36.3% Yes vote under a title that
    # says the vote was won (a majority swapped for a minority contradicts the lesson).
    lesson = parse([text])
    answer = lesson.answer(0, share)

    options = choose_distractors(answer, lesson.sentences[0], lesson.pool, "seed")
    values = [float(o.split()[0].rstrip("%")) for o in options]
    true_value = float(share.split()[0].rstrip("%"))

    assert values and all(0 < v <= 100 for v in values), options
    assert all((v > 50) == (true_value > 50) for v in values), options


@pytest.mark.parametrize(
    "sentence",
    [
        # F18: "In June 1858 a long spell of hot, dry weather ..." became "In December 1858
        # a long spell of hot, dry weather ...": the season rules the month out at a glance,
        # and a month beside it may still be true of the spell.
        "In July 1902 a long spell of hot, dry weather dried up the wells of Tarsk.",
        "The river froze in January 1902, and the snow cut the town off for weeks.",
    ],
)
def test_a_sentence_that_names_its_season_takes_no_other_month(parse, sentence):
    texts = ["For a year in 1901 and 1902 the people of Tarsk fought the plague.", sentence]
    lesson = parse(texts)
    lesson.pool.span_years = (1901, 1902)
    date = next(a for a in ("July 1902", "January 1902") if a in sentence)
    answer = lesson.answer(1, date)

    options = choose_distractors(answer, lesson.sentences[1], lesson.pool, "seed")

    month = date.split()[0]
    assert not [o for o in options if o.endswith("1902") and not o.startswith(month)], options
