import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.forms.attempts import clean_given, read_answer_json
from quizzes.models import Question, QuestionKind

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)

KEYS = {
    QuestionKind.MULTIPLE_CHOICE: (["Metternich", "Talleyrand"], "Metternich"),
    QuestionKind.TRUE_FALSE: ([], "true"),
    QuestionKind.FILL_BLANK: ([], "1815"),
    QuestionKind.SHORT_ANSWER: ([], "Talleyrand"),
    QuestionKind.MULTIPLE_RESPONSE: (["Austria", "Prussia", "Spain"], ["Austria", "Prussia"]),
    QuestionKind.MATCHING: (
        ["Austria", "France"],
        [["Metternich", "Austria"], ["Talleyrand", "France"]],
    ),
    QuestionKind.ORDERING: (["1815", "1814"], ["1814", "1815"]),
}


def _question(kind) -> Question:
    choices, answer = KEYS[kind]
    return Question(pk=1, kind=kind, prompt="?", choices=choices, answer=answer)


@pytest.mark.parametrize("kind", list(KEYS))
def test_the_answer_key_itself_is_a_valid_answer(kind):
    question = _question(kind)
    key = dict(question.answer) if kind == QuestionKind.MATCHING else question.answer

    assert clean_given(question, key) == key


@pytest.mark.parametrize("kind", list(KEYS))
@settings(max_examples=150, deadline=None)
@given(value=json_values)
def test_any_json_value_is_cleaned_or_refused_with_a_message(kind, value):
    try:
        clean_given(_question(kind), value)
    except ValidationError as error:
        assert error.messages


@settings(max_examples=300, deadline=None)
@given(body=st.binary(max_size=200))
def test_any_request_body_is_read_or_refused_with_a_message(body):
    try:
        read_answer_json(body)
    except ValidationError as error:
        assert error.messages


def test_empty_answers_count_as_not_given():
    assert clean_given(_question(QuestionKind.SHORT_ANSWER), "   ") is None
    assert clean_given(_question(QuestionKind.MULTIPLE_RESPONSE), []) is None
    assert clean_given(_question(QuestionKind.MATCHING), {"Metternich": ""}) is None


def test_ordering_must_use_every_item_once():
    with pytest.raises(ValidationError):
        clean_given(_question(QuestionKind.ORDERING), ["1815", "1815"])
