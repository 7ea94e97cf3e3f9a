import pytest

from quizzes.generation.entities import PERSON, PLACE, build_entities, normalise
from quizzes.generation.nlp import parse_all


@pytest.fixture(scope="module")
def entities():
    return build_entities(
        parse_all(
            [
                "Joseph Stalin ordered the arrest of his rivals in 1936.",
                "Stalin was feared by the party.",
                "The Athenians sent a runner to ask Sparta for help.",
                "The Spartans arrived too late.",
            ]
        )
    )


def test_full_and_short_names_are_one_entity(entities):
    stalin = [e for e in entities if "Stalin" in e.names]

    assert len(stalin) == 1
    assert stalin[0].name == "Joseph Stalin"
    assert stalin[0].short_name == "Stalin"


def test_entity_kind_is_decided_once_per_lesson(entities):
    assert next(e for e in entities if "Stalin" in e.names).kind == PERSON


def test_a_name_its_people_are_called_after_is_a_place(entities):
    assert next(e for e in entities if e.name == "Sparta").kind == PLACE


def test_normalise_drops_case_article_and_possessive():
    assert normalise("The Communist Party's") == "communist party"
