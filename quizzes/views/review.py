"""Reviewing a submitted attempt: the student sees what the quiz's settings allow; the class's
teacher sees everything and can override a question's mark."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from quizzes.forms.attempts import AnswerMarkForm
from quizzes.models import Attempt
from quizzes.selectors.attempts import (
    attempt_review_items,
    attempts_visible_to,
    can_mark,
)
from quizzes.selectors.release import key_visible
from quizzes.services.attempts import (
    answer_override_mark,
    attempt_is_expired,
    attempt_rescore,
    attempts_submit_expired,
)
from quizzes.services.versions import answer_accept, answer_acceptable


def _review(
    request: HttpRequest, attempt: Attempt, *, bad_form=None, bad_answer_pk=None, status=200
) -> HttpResponse:
    marker = can_mark(request.user, attempt)
    is_own = attempt.student_id == request.user.pk
    show_key = marker or key_visible(attempt)
    items = attempt_review_items(attempt=attempt, show_key=show_key)
    if marker and attempt.submitted_at is not None:
        for item in items:
            if item.answer is None:
                continue
            item.may_accept = answer_acceptable(item.answer, item.question, by=request.user)
            if item.answer.pk == bad_answer_pk:
                item.mark_form = bad_form
            else:
                mark = item.answer.override_mark
                item.mark_form = AnswerMarkForm(initial={"mark": mark}, prefix=f"a{item.answer.pk}")
    context = {
        "attempt": attempt,
        "quiz": attempt.assignment.quiz,
        "items": items,
        "show_key": show_key,
        "show_marks": marker or show_key,
        "is_own": is_own,
        "can_mark": marker,
    }
    return render(request, "quizzes/attempt_review.html", context, status=status)


@login_required
@require_GET
def attempt_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Each question with the answer given, its mark, and (when allowed) the key and why."""
    attempt = get_object_or_404(attempts_visible_to(request.user), pk=pk)
    if attempt_is_expired(attempt):
        attempts_submit_expired(Attempt.objects.filter(pk=attempt.pk))
        attempt.refresh_from_db()
    if attempt.submitted_at is None and attempt.student_id == request.user.pk:
        return redirect("quizzes:attempt_take", pk=attempt.pk)
    return _review(request, attempt)


@login_required
@require_POST
def answer_mark(request: HttpRequest, pk: int, answer_pk: int) -> HttpResponse:
    """The class's teacher overrides one answer's mark; the attempt's score follows."""
    attempt = get_object_or_404(
        Attempt.objects.for_teacher(request.user).select_related(
            "assignment__quiz", "assignment__classroom"
        ),
        pk=pk,
    )
    answer = get_object_or_404(attempt.answers, pk=answer_pk)
    form = AnswerMarkForm(request.POST, prefix=f"a{answer.pk}")
    if not form.is_valid():
        return _review(request, attempt, bad_form=form, bad_answer_pk=answer.pk, status=400)
    try:
        answer_override_mark(answer=answer, mark=form.cleaned_mark(), by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("quizzes:attempt_review", pk=attempt.pk)
    messages.success(request, f"Mark saved. The attempt now scores {attempt_score(attempt)}.")
    review_url = reverse("quizzes:attempt_review", args=[attempt.pk])
    return redirect(f"{review_url}#q-{answer.question_id}")


@login_required
@require_POST
def attempt_rescore_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the attempt again with the questions' current keys (overrides stay)."""
    attempt = get_object_or_404(Attempt.objects.for_teacher(request.user), pk=pk)
    try:
        attempt_rescore(attempt=attempt)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Marked again: {attempt_score(attempt)}.")
    return redirect("quizzes:attempt_review", pk=attempt.pk)


def attempt_score(attempt: Attempt) -> str:
    """The attempt's score as "3.5 / 5", read fresh from the database."""
    attempt.refresh_from_db(fields=["score", "max_score"])
    return f"{attempt.score:g} / {attempt.max_score:g}"


@login_required
@require_POST
def answer_accept_view(request: HttpRequest, pk: int, answer_pk: int) -> HttpResponse:
    """ "Accept this answer": a new version of the question that counts the student's typed
    answer as right; then the teacher sees which finished attempts it would re-mark."""
    attempt = get_object_or_404(Attempt.objects.for_teacher(request.user), pk=pk)
    answer = get_object_or_404(attempt.answers.select_related("question__lesson"), pk=answer_pk)
    try:
        question = answer_accept(answer=answer, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("quizzes:attempt_review", pk=attempt.pk)
    messages.success(request, f"“{answer.given}” now counts as right (version {question.version}).")
    return redirect("quizzes:bank_question_remark", slug=question.lesson.slug, pk=question.pk)
