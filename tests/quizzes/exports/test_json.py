import json

from quizzes.exports import bank_export
from quizzes.models import QuestionKind


def _exported(lesson) -> dict:
    return json.loads(bank_export(lessons=[lesson], format_name="json"))


def test_json_has_the_documented_shape(lesson, bank):
    data = _exported(lesson)

    assert list(data) == ["lessons"]
    (exported,) = data["lessons"]
    assert list(exported) == ["slug", "title", "questions", "flashcards"]
    assert exported["slug"] == "congress-of-vienna"
    assert exported["title"] == "The Congress of Vienna"
    for question in exported["questions"]:
        assert list(question) == [
            "kind",
            "prompt",
            "choices",
            "answer",
            "accepted",
            "source",
            "status",
            "confidence",
            "ready",
        ]
        assert question["kind"] in QuestionKind.values
        assert isinstance(question["confidence"], float) and 0 <= question["confidence"] <= 1
        assert isinstance(question["ready"], bool)
        assert all(isinstance(choice, str) for choice in question["choices"])
        assert all(isinstance(variant, str) for variant in question["accepted"])
    for card in exported["flashcards"]:
        assert list(card) == ["front", "back", "source"]


def test_json_answers_take_each_kinds_shape(lesson, bank):
    questions = {q["kind"]: q for q in _exported(lesson)["lessons"][0]["questions"]}

    multiple_choice = questions["multiple_choice"]
    assert multiple_choice["answer"] in multiple_choice["choices"]
    assert questions["multiple_response"]["answer"] == ["Austria", "Prussia"]
    assert questions["true_false"]["answer"] == "true"
    assert questions["matching"]["answer"] == [
        "Metternich → Austria",
        "Castlereagh → Britain",
        "Talleyrand → France",
    ]
    assert questions["ordering"]["answer"] == [
        "Napoleon exiled to Elba",
        "Congress opens",
        "Final Act signed",
        "Waterloo",
    ]
    assert questions["short_answer"]["accepted"] == ["Charles-Maurice de Talleyrand"]


def test_json_source_is_the_source_sentences_text(lesson, bank):
    first_sentence = lesson.sentences.order_by("position").first()

    exported = _exported(lesson)["lessons"][0]

    assert {q["source"] for q in exported["questions"]} == {first_sentence.text}
    assert {c["source"] for c in exported["flashcards"]} == {first_sentence.text}


def test_json_keeps_rejected_questions_with_their_status(lesson, bank):
    questions = _exported(lesson)["lessons"][0]["questions"]

    rejected = [q for q in questions if q["prompt"] == "A rejected question?"]
    assert [q["status"] for q in rejected] == ["rejected"]


def test_json_leaves_out_rejected_flashcards(lesson, bank):
    fronts = [c["front"] for c in _exported(lesson)["lessons"][0]["flashcards"]]

    assert "A rejected card" not in fronts
    assert len(fronts) == 2


def test_json_keeps_non_ascii_text_readable(lesson, bank):
    text = bank_export(lessons=[lesson], format_name="json")

    assert "→" in text
