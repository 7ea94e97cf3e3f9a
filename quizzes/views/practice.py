"""Practice mode: an ungraded round of a lesson's questions, kept in the session."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from lessons.models import Lesson
from quizzes.forms.study import PracticeAnswerForm
from quizzes.models import Question
from quizzes.services.practice import (
    answer_key_lines,
    given_lines,
    practice_advance,
    practice_answer,
    practice_current_id,
    practice_is_answered,
    practice_new_round,
    practice_questions,
    practice_questions_left,
    practice_score,
    practice_skip_missing,
)

SESSION_KEY = "practice_rounds"


def load_round(request: HttpRequest, lesson: Lesson) -> dict:
    """The lesson's round in this session; a new one if none (or an empty one) is kept."""
    rounds = request.session.get(SESSION_KEY, {})
    round_ = rounds.get(str(lesson.pk))
    if not round_ or not round_["questions"]:
        round_ = practice_new_round(lesson=lesson, student=request.user)
        save_round(request, lesson, round_)
    return round_


def save_round(request: HttpRequest, lesson: Lesson, round_: dict) -> None:
    """Keep the round in the session (never in the gradebook's tables)."""
    rounds = request.session.get(SESSION_KEY, {})
    rounds[str(lesson.pk)] = round_
    request.session[SESSION_KEY] = rounds


def current_question(request: HttpRequest, round_: dict) -> Question | None:
    """The question the round is on, stepping over any since retired or rejected, or put in
    one of the student's quizzes since the round began."""
    existing = set(
        practice_questions_left(student=request.user, ids=round_["questions"]).values_list(
            "pk", flat=True
        )
    )
    practice_skip_missing(round_, existing)
    current = practice_current_id(round_)
    if current is None:
        return None
    return Question.objects.select_related("source_sentence__lesson").get(pk=current)


@login_required
@require_http_methods(["GET", "POST"])
def practice_question(request: HttpRequest, slug: str) -> HttpResponse:
    """Ask the round's current question; after an answer, show the feedback."""
    lesson = get_object_or_404(Lesson, slug=slug)
    round_ = load_round(request, lesson)
    question = current_question(request, round_)
    save_round(request, lesson, round_)
    context = {"lesson": lesson, "round": round_, "score": practice_score(round_)}
    if question is None:
        has_questions = practice_questions(lesson=lesson, student=request.user).exists()
        context["has_questions"] = has_questions
        return render(request, "quizzes/practice_summary.html", context)
    context.update(question=question, number=round_["index"] + 1)

    if practice_is_answered(round_, question.pk):
        if request.method == "POST":
            # A second click on "Check" lands on the feedback already given.
            return redirect("quizzes:practice_question", slug=lesson.slug)
        given = round_["given"][str(question.pk)]
        context.update(
            mark=round_["marks"][str(question.pk)],
            answer_lines=answer_key_lines(question),
            given_lines=given_lines(question, given),
        )
        return render(request, "quizzes/practice_feedback.html", context)

    if request.method == "POST":
        form = PracticeAnswerForm(request.POST, question=question)
        if not form.is_valid():
            context["form"] = form
            return render(request, "quizzes/practice_question.html", context, status=400)
        practice_answer(student=request.user, round_=round_, question=question, given=form.given)
        save_round(request, lesson, round_)
        return redirect("quizzes:practice_question", slug=lesson.slug)

    context["form"] = PracticeAnswerForm(question=question)
    return render(request, "quizzes/practice_question.html", context)


@login_required
@require_POST
def practice_next(request: HttpRequest, slug: str) -> HttpResponse:
    """Move on from an answered question."""
    lesson = get_object_or_404(Lesson, slug=slug)
    round_ = load_round(request, lesson)
    practice_advance(round_)
    save_round(request, lesson, round_)
    return redirect("quizzes:practice_question", slug=lesson.slug)


@login_required
@require_POST
def practice_restart(request: HttpRequest, slug: str) -> HttpResponse:
    """Start another round of the lesson's questions."""
    lesson = get_object_or_404(Lesson, slug=slug)
    save_round(request, lesson, practice_new_round(lesson=lesson, student=request.user))
    return redirect("quizzes:practice_question", slug=lesson.slug)
