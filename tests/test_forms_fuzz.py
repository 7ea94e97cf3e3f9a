"""Hypothesis posts random data to every form of the project, through its own view, as a user
allowed there: never a server error, never a traceback on the page, and a refused form leaves
the database as it was.

The forms are discovered by importing the project's form modules, so a new Form class fails
`test_every_form_is_fuzzed` until FORM_VIEWS says which page posts it.
"""

import importlib
import inspect
import pkgutil
from dataclasses import dataclass

import pytest
from django import forms
from django.apps import apps
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quizzes.forms
from tests.site_walk import World, world_make

FORM_MODULES = [
    f"quizzes.forms.{module.name}" for module in pkgutil.iter_modules(quizzes.forms.__path__)
] + ["history_quiz.accounts.forms"]
if importlib.util.find_spec("lessons.forms"):
    FORM_MODULES.append("lessons.forms")


def project_forms() -> dict[str, type[forms.BaseForm]]:
    found = {}
    for name in FORM_MODULES:
        module = importlib.import_module(name)
        for cls_name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                found[f"{name}.{cls_name}"] = cls
    return found


@dataclass(frozen=True)
class FormPage:
    """Where a form is posted: the path (filled from the world), who posts it, and fields
    added at run time that the class does not declare."""

    path: str
    role: str
    extra_fields: tuple[str, ...] = ()
    method: str = "post"


FORM_VIEWS: dict[str, FormPage] = {
    "quizzes.forms.attempts.AnswerMarkForm": FormPage(
        "/attempts/{submitted_attempt}/answers/{answer}/mark/", "teacher_a"
    ),
    "quizzes.forms.classes.ClassroomForm": FormPage("/classes/", "teacher_a"),
    "quizzes.forms.classes.JoinForm": FormPage("/classes/join/", "student_b"),
    "quizzes.forms.classes.JoinCodeForm": FormPage("/classes/{classroom}/join-code/", "teacher_a"),
    "quizzes.forms.classes.RosterImportForm": FormPage(
        "/classes/{classroom}/roster/import/", "teacher_a"
    ),
    "quizzes.forms.classes.InviteStudentsForm": FormPage(
        "/classes/{classroom}/students/invite/", "teacher_a"
    ),
    "quizzes.forms.classes.AssignmentForm": FormPage(
        "/classes/{classroom}/assignments/new/", "teacher_a"
    ),
    "quizzes.forms.classes.AssignmentDueForm": FormPage(
        "/classes/{classroom}/assignments/{quiz_assignment}/", "teacher_a"
    ),
    "quizzes.forms.classes.AssignmentExtensionForm": FormPage(
        "/classes/{classroom}/assignments/{quiz_assignment}/extend/", "teacher_a"
    ),
    "quizzes.forms.quizzes.LessonPickForm": FormPage("/quizzes/new/", "teacher_a"),
    "quizzes.forms.quizzes.QuizForm": FormPage("/quizzes/{quiz}/edit/", "teacher_a"),
    "quizzes.forms.study.StudyRatingForm": FormPage("/study/cards/rate/", "student_a"),
    "quizzes.forms.study.PracticeAnswerForm": FormPage(
        "/lessons/{lesson}/practice/", "student_a", ("answer",)
    ),
    "history_quiz.accounts.forms.SignupForm": FormPage("/accounts/signup/", "anonymous"),
    "history_quiz.accounts.forms.OwnPasswordChangeForm": FormPage(
        "/accounts/password/change/", "student_a"
    ),
    "history_quiz.accounts.forms.TeacherRequestForm": FormPage(
        "/accounts/teacher-access/", "student_a"
    ),
    "history_quiz.accounts.forms.TeacherDecisionForm": FormPage(
        "/accounts/teacher-requests/{teacher_request}/decide/", "admin"
    ),
    "history_quiz.accounts.forms.TeacherInvitationForm": FormPage(
        "/accounts/invitations/", "admin"
    ),
    "lessons.forms.LessonFilterForm": FormPage("/lessons/", "anonymous", method="get"),
    "lessons.forms.LessonPlacingForm": FormPage("/lessons/{lesson}/time-and-place/", "teacher_a"),
    "lessons.forms.LessonDocumentForm": FormPage("/lessons/new/", "teacher_a", ("action",)),
    "quizzes.forms.bank.QuestionForm": FormPage(
        "/lessons/{lesson}/bank/questions/new/", "teacher_a", ("kind", "next")
    ),
    "quizzes.forms.bank.FlashcardForm": FormPage(
        "/lessons/{lesson}/bank/flashcards/new/", "teacher_a", ("next",)
    ),
    "quizzes.forms.bank.ReviewDecisionForm": FormPage(
        "/lessons/{lesson}/bank/questions/{question}/status/", "teacher_a", ("next",)
    ),
    "quizzes.forms.bank.BulkReviewForm": FormPage(
        "/lessons/{lesson}/bank/review/", "teacher_a", ("next",)
    ),
    "quizzes.forms.bank.BankFilterForm": FormPage(
        "/lessons/{lesson}/bank/", "teacher_a", method="get"
    ),
    # Files are not drawn here: tests/quizzes/test_gift_fuzz.py fuzzes the GIFT reader.
    "quizzes.forms.bank.GiftUploadForm": FormPage("/lessons/{lesson}/bank/import/", "teacher_a"),
    "quizzes.forms.live.LiveGameForm": FormPage("/lessons/{lesson}/live/new/", "teacher_a"),
    "quizzes.forms.live.PinForm": FormPage("/play/", "anonymous"),
    "quizzes.forms.live.NicknameForm": FormPage("/play/{live_pin}/", "anonymous"),
}
# Pages that read their answers without a Form class: the quiz's answer sheet.
ANSWER_SHEET = FormPage(
    "/attempts/{open_attempt}/", "student_a", ("questions", "action", "check", "goto")
)

# Tables a refused form may still touch: sessions (practice rounds, messages) and the
# login throttle's records.
UNWATCHED = {"sessions", "axes", "admin", "contenttypes", "auth"}

value = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
    st.sampled_from(["", "0", "1", "-1", "2", "true", "on", "2030-01-01T09:00", "1e309"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=8).map(lambda t: t + "\x00"),
)


def values_for(world: World):
    """Random values, and now and then the id of one of the world's objects."""
    ids = [str(getattr(found, "pk", "")) for found in world.objects.values()]
    ids += [str(pk) for pk in world.objects["open_attempt"].question_ids]
    one = value | st.sampled_from([pk for pk in ids if pk])
    return one | st.lists(one, min_size=1, max_size=3)


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in UNWATCHED
    }


def fill(template: str, world: World) -> str:
    return template.format(**{name: world.value(name) for name in world.objects})


def field_names(form_class: type[forms.BaseForm], page: FormPage, world: World) -> list[str]:
    if page is ANSWER_SHEET:
        ids = world.objects["open_attempt"].question_ids
        return [f"q{pk}" for pk in ids] + [f"q{pk}-o0" for pk in ids] + list(page.extra_fields)
    return [*form_class.base_fields, *page.extra_fields]


def refused(response) -> bool:
    if response.status_code in (400, 403, 404, 405, 409, 429):
        return True
    body = response.content.decode(errors="replace")
    return response.status_code == 200 and ("is-invalid" in body or "errorlist" in body)


def fuzz(form_name: str, page: FormPage) -> None:
    world = world_make()
    client = Client()
    if page.role != "anonymous":
        client.force_login(world.users[page.role])
    path = fill(page.path, world)
    names = field_names(FORMS.get(form_name), page, world)

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.dictionaries(st.sampled_from(names) | st.text(max_size=10), values_for(world)))
    def post_random(data):
        before = row_counts()
        response = getattr(client, page.method)(path, data)
        body = response.content.decode(errors="replace")
        assert response.status_code < 500, (data, response.status_code)
        assert "Traceback" not in body
        if refused(response):
            assert row_counts() == before, data

    post_random()


FORMS = project_forms()


def test_every_form_is_fuzzed():
    assert set(FORMS) - set(FORM_VIEWS) == set(), "add the new form to FORM_VIEWS"


@pytest.mark.django_db
@pytest.mark.parametrize("form_name", sorted(FORM_VIEWS))
def test_random_data_in_a_form_is_refused_cleanly(form_name):
    fuzz(form_name, FORM_VIEWS[form_name])


@pytest.mark.django_db
def test_random_data_in_the_answer_sheet_is_refused_cleanly():
    fuzz("answer sheet", ANSWER_SHEET)
