from quizzes.forms.bank import BankFilterForm, QuestionForm, question_form_initial
from quizzes.forms.question_parts import shuffled
from quizzes.models import QuestionKind
from tests.quizzes.factories import MatchingQuestionFactory, TrueFalseQuestionFactory


def test_a_questions_parts_fill_the_form_it_is_edited_with(db):
    question = MatchingQuestionFactory()

    initial = question_form_initial(question)

    assert initial["answer"] == ("Metternich | Austria\nCastlereagh | Britain\nTalleyrand | France")
    form = QuestionForm(initial, kind=question.kind)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["answer"] == question.answer


def test_editing_keeps_the_kind_and_offers_only_the_boxes_it_uses(db):
    form = QuestionForm(kind=QuestionKind.ORDERING)

    assert list(form.fields) == ["prompt", "answer", "explanation"]


def test_true_false_edit_offers_true_or_false(db):
    question = TrueFalseQuestionFactory()

    form = QuestionForm(question_form_initial(question), kind=question.kind)

    assert form.is_valid()
    assert form.cleaned_data["answer"] == "true"
    assert not QuestionForm({"prompt": "x", "answer": "maybe"}, kind=question.kind).is_valid()


def test_shuffled_order_is_stable_and_never_the_right_one():
    items = ["a", "b", "c"]

    assert shuffled(items, seed="q") == shuffled(items, seed="q")
    assert all(shuffled(items, seed=str(n)) != items for n in range(50))


def test_filter_form_keeps_the_valid_filter_and_drops_the_bad_one():
    form = BankFilterForm({"kind": "matching", "status": "nonsense"})

    assert form.filters() == {"kind": "matching"}
