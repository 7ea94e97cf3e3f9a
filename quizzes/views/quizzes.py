"""Teachers' quiz pages: their quizzes, building and editing one, and a preview."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from history_quiz.fields import id_in_range
from quizzes.forms.quizzes import LessonPickForm, QuizForm
from quizzes.models import QuestionKind, Quiz
from quizzes.selectors.attempts import answer_text
from quizzes.selectors.quizzes import (
    quiz_list_for_teacher,
    quiz_preview_questions,
    quiz_question_picker,
)
from quizzes.services.quizzes import quiz_create, quiz_giveaway_pairs, quiz_update


def teacher_required(view):
    """Teachers and admins only; everyone else is refused (students get 403)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.can_edit_content:
            raise PermissionDenied("Only teachers build quizzes.")
        return view(request, *args, **kwargs)

    return wrapped


@teacher_required
def quiz_list(request: HttpRequest) -> HttpResponse:
    """The teacher's quizzes with their settings at a glance."""
    quizzes = quiz_list_for_teacher(user=request.user)
    return render(request, "quizzes/quiz_list.html", {"quizzes": quizzes})


def _lesson_ids(request: HttpRequest, quiz: Quiz | None) -> list[int] | None:
    """The lessons picked in step one (?lessons=...), else the quiz's own."""
    if request.method == "POST":
        raw = request.POST.getlist("lessons")
    else:
        raw = request.GET.getlist("lessons")
    if not raw and quiz is not None:
        return list(quiz.lessons.values_list("pk", flat=True))
    if not all(id_in_range(value) for value in raw):
        return None
    try:
        return [int(value) for value in raw] or None
    except ValueError:
        return None


def _quiz_form_page(request: HttpRequest, quiz: Quiz | None) -> HttpResponse:
    lesson_ids = _lesson_ids(request, quiz)
    if lesson_ids is None or "pick" in request.GET:
        initial = {"lessons": lesson_ids or []}
        # A step-one form sent with no lesson ticked comes back with its message.
        pick = LessonPickForm(
            request.GET if "step" in request.GET else None, initial=initial, teacher=request.user
        )
        pick.is_valid()
        status = 400 if request.method == "POST" else 200
        context = {"form": pick, "quiz": quiz}
        return render(request, "quizzes/quiz_lessons.html", context, status=status)
    form = QuizForm(
        request.POST or None,
        instance=quiz,
        lesson_ids=lesson_ids,
        teacher=quiz.owner if quiz is not None else request.user,
        initial={"lessons": lesson_ids},
    )
    if request.method == "POST" and form.is_valid():
        try:
            if quiz is None:
                quiz = quiz_create(owner=request.user, **form.service_arguments())
                messages.success(request, f"Quiz “{quiz.title}” created.")
            else:
                quiz = quiz_update(quiz=quiz, **form.service_arguments())
                messages.success(request, f"Quiz “{quiz.title}” saved.")
            for first, second, reason in quiz_giveaway_pairs(quiz=quiz):
                messages.warning(
                    request,
                    f"These two questions give each other away ({reason}): "
                    f"“{first.prompt}” and “{second.prompt}”. Consider dropping one.",
                )
            return redirect("quizzes:quiz_preview", pk=quiz.pk)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, field_errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, field_errors)
            else:
                form.add_error(None, error.messages)
    status = 400 if request.method == "POST" else 200
    picker = quiz_question_picker(questions=form.fields["questions"].queryset)
    picked = form.picked_ids()
    context = {
        "form": form,
        "quiz": quiz,
        "lesson_ids": lesson_ids,
        "lessons": form.fields["lessons"].queryset.filter(pk__in=lesson_ids),
        "picker": picker,
        "picked": picked,
        "giveaways": picker.giveaways_among(picked),
        "ready_to_draw": sum(group.ready_count for group in picker.groups),
        "kinds": QuestionKind.choices,
    }
    return render(request, "quizzes/quiz_form.html", context, status=status)


@teacher_required
def quiz_new(request: HttpRequest) -> HttpResponse:
    """Build a quiz: choose lessons, then questions (by hand or at random) and settings."""
    return _quiz_form_page(request, None)


@teacher_required
def quiz_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a quiz; attempts already started keep their questions."""
    quiz = get_object_or_404(Quiz.objects.for_teacher(request.user), pk=pk)
    return _quiz_form_page(request, quiz)


@teacher_required
def quiz_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The quiz's questions with their answers, as its teacher checks it."""
    quiz = get_object_or_404(Quiz.objects.for_teacher(request.user), pk=pk)
    questions = [
        {"question": question, "right_answer": answer_text(question)}
        for question in quiz_preview_questions(quiz=quiz)
    ]
    context = {"quiz": quiz, "questions": questions, "lessons": quiz.lessons.all()}
    return render(request, "quizzes/quiz_preview.html", context)
