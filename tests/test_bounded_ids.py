"""An id too large for the database's integer column is refused as a bad choice (400),
never passed to a query (SQLite raises OverflowError, PostgreSQL an out-of-range error)."""

import pytest
from django import forms
from django.urls import reverse

from lessons.models import Lesson
from tests.lessons.factories import LessonFactory

TOO_LARGE = str(2**63)


@pytest.mark.django_db
def test_quiz_builder_refuses_a_lesson_id_too_large_for_the_database(client, teacher):
    LessonFactory(owner=teacher)
    client.force_login(teacher)

    posted = client.post(reverse("quizzes:quiz_new"), {"lessons": TOO_LARGE})
    picked = client.get(reverse("quizzes:quiz_new"), {"lessons": TOO_LARGE, "step": "1"})

    assert posted.status_code == 400
    assert picked.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("value", [TOO_LARGE, str(-(2**63) - 1)])
def test_model_choice_fields_refuse_ids_out_of_range(value):
    from history_quiz.fields import BoundedModelChoiceField, BoundedModelMultipleChoiceField

    class PickForm(forms.Form):
        one = BoundedModelChoiceField(queryset=Lesson.objects.all(), required=False)
        many = BoundedModelMultipleChoiceField(queryset=Lesson.objects.all(), required=False)

    form = PickForm({"one": value, "many": [value]})

    assert not form.is_valid()
    assert set(form.errors) == {"one", "many"}
