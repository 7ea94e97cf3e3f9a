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


def test_places_the_lesson_puts_inside_others_are_related(parse):
    lesson = parse(["The English army was defeated near Hastings in the south of England in 1066."])

    pairs = lesson.pool.related

    assert frozenset(("Hastings", "England")) in pairs


def test_a_name_used_in_a_title_is_a_person_of_uncertain_kind(parse):
    lesson = parse(
        [
            "The fleet sailed under the command of the Duke of Medina Sidonia in May 1588.",
            "After the battle Medina Sidonia decided to return to Spain by the northern route.",
        ]
    )

    duke = next(e for e in lesson.entities if e.name == "Medina Sidonia")

    assert duke.kind == "person" and not duke.certain


def test_a_person_named_by_a_title_of_a_place_is_never_a_bare_of_phrase():
    # F8 readers: "of C..." offered among people, the title cut off "the Duke of C...".
    entities = build_entities(
        parse_all(
            ["The allied army, led by the Brazilian commander the Duke of Orvala, pushed forward."]
        )
    )

    names = {name for e in entities for name in e.names}
    assert not any(name.lower().startswith("of ") for name in names), names
    # A bare "Orvala" reads as the place (F8: "Liverpool" for Lord Liverpool): the title stays.
    assert "Duke of Orvala" in names
