from quizzes.generation.nlp import get_nlp, parse_all


def test_model_is_loaded_once():
    assert get_nlp() is get_nlp()


def test_ruler_marks_battles_and_treaties_as_events():
    (doc,) = parse_all(["The Treaty of Wuchale was signed long before the Battle of Adwa."])

    assert {(e.text, e.label_) for e in doc.ents} >= {
        ("Treaty of Wuchale", "EVENT"),
        ("Battle of Adwa", "EVENT"),
    }


def test_ruler_marks_decades_as_dates():
    (doc,) = parse_all(["Purges spread through the party in the 1930s."])

    assert any(e.label_ == "DATE" and "1930s" in e.text for e in doc.ents)
