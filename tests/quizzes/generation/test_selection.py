import pytest

SENTENCES = [
    "They were accused of plotting to overthrow the government of the country.",
    "Stalin ordered the arrest of his rivals.",
    "These trials were emblematic of the brutal tactics employed by the regime of Stalin.",
    "This calculated move allowed Stalin to reshape the political landscape of the country.",
    "After reading Christian pamphlets, he came to believe that his visions came from God.",
    "The first trial opened in August 1936 with accusations against sixteen former party leaders.",
]


@pytest.fixture(scope="module")
def lesson(parse):
    return parse(SENTENCES, key_points=["The trials opened in 1936."])


@pytest.mark.parametrize(
    ("index", "usable"), [(0, False), (1, False), (3, False), (4, False), (5, True)]
)
def test_sentences_that_cannot_stand_alone_are_skipped(lesson, index, usable):
    assert lesson.sentences[index].usable is usable


def test_a_demonstrative_on_the_lessons_topic_reads_as_the(parse):
    lesson = parse(SENTENCES[2:3], key_points=["The trials were brutal."])

    assert lesson.sentences[0].render().startswith("The trials were emblematic")


def test_sentence_is_linked_to_the_key_point_it_states(lesson):
    assert lesson.sentences[5].key_point == 0
