from lessons.sentences import split_sentences


def test_abbreviations_do_not_end_sentences():
    text = "Dr. King spoke in Washington, D.C. in August 1963. The crowd was huge."

    assert split_sentences(text) == [
        "Dr. King spoke in Washington, D.C. in August 1963.",
        "The crowd was huge.",
    ]


def test_quoted_speech_stays_in_one_sentence():
    text = '"We shall never surrender!" declared Churchill. Parliament cheered.'

    assert split_sentences(text) == [
        '"We shall never surrender!" declared Churchill.',
        "Parliament cheered.",
    ]


def test_numbers_with_points_do_not_split():
    assert split_sentences("The loan was $1.5 million in 1923. It was repaid.") == [
        "The loan was $1.5 million in 1923.",
        "It was repaid.",
    ]


def test_numbered_abbreviations_do_not_end_sentences():
    text = "The explosion destroyed reactor No. 4 of the plant. Fig. 3 shows the site."

    assert split_sentences(text) == [
        "The explosion destroyed reactor No. 4 of the plant.",
        "Fig. 3 shows the site.",
    ]


def test_a_title_abbreviation_before_a_name_does_not_end_a_sentence():
    # F1: "... on the rocky slope of Little Round Top Col." (grammar) split off the name.
    text = "On the ridge Col. Henry Wade and his regiment held firm. Capt. Ames fell. Lt. Roe ran."

    assert split_sentences(text) == [
        "On the ridge Col. Henry Wade and his regiment held firm.",
        "Capt. Ames fell.",
        "Lt. Roe ran.",
    ]
