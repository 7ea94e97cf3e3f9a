"""Students' quiz pages: start an assigned quiz, take it (autosaved, or by plain form posts),
and submit it. Students reach only their own attempts."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from quizzes.forms.attempts import (
    read_answer_json,
    read_answer_page,
    read_page_question_ids,
)
from quizzes.models import AnswerVisibility, Assignment, Attempt, Question
from quizzes.selectors.attempts import (
    answer_text,
    assignment_attempts,
    attempt_take_page,
)
from quizzes.selectors.classes import due_for_attempt, due_for_student
from quizzes.services.attempts import (
    AttemptClosed,
    QuestionNotInAttempt,
    assignment_start_problem,
    attempt_autosave,
    attempt_is_expired,
    attempt_save_answer,
    attempt_start,
    attempt_submit,
    attempts_submit_expired,
)

TIME_UP_NOTICE = (
    "Time ran out: your attempt was handed in with the answers saved by then. Your marks are below."
)
# The page's countdown hands the attempt in at 0:00 by its own clock, which can run a
# moment ahead of the server's deadline.
TIME_UP_GRACE = timedelta(seconds=10)


def _time_ran_out(request: HttpRequest, attempt: Attempt) -> bool:
    """Handed in by the countdown (or after the deadline), not by the student's button."""
    if attempt.deadline_at is None:
        return False
    if attempt_is_expired(attempt):
        return True
    by_timer = request.POST.get("time_up") == "1"
    return by_timer and timezone.now() >= attempt.deadline_at - TIME_UP_GRACE


def _student_attempt(request: HttpRequest, pk: int, *, with_due_at: bool = False) -> Attempt:
    """The student's own attempt with its quiz and class (404 otherwise); `with_due_at`
    brings the student's own due date along, for the take page (see `due_for_attempt`)."""
    attempts = Attempt.objects.for_student(request.user).select_related(
        "assignment__quiz", "assignment__classroom"
    )
    if with_due_at:
        attempts = attempts.with_extension_due_at()
    return get_object_or_404(attempts, pk=pk)


def _close_if_expired(request: HttpRequest, attempt: Attempt) -> bool:
    """Submit an attempt found past its deadline; True if it is (now) closed."""
    if attempt_is_expired(attempt):
        attempts_submit_expired(Attempt.objects.filter(pk=attempt.pk))
        messages.warning(request, TIME_UP_NOTICE)
        return True
    return attempt.submitted_at is not None


@login_required
@require_http_methods(["GET", "POST"])
def assignment_start(request: HttpRequest, pk: int) -> HttpResponse:
    """An assigned quiz's start page (GET) and its Start button (POST)."""
    user = request.user
    quiz_assignments = Assignment.objects.filter(quiz__isnull=False).select_related(
        "quiz", "classroom"
    )
    if user.can_edit_content:
        assignment = get_object_or_404(quiz_assignments.for_teacher(user), pk=pk)
        return redirect("quizzes:quiz_preview", pk=assignment.quiz_id)
    assignment = get_object_or_404(quiz_assignments.for_student(user), pk=pk)
    attempts_submit_expired(Attempt.objects.filter(assignment=assignment, student=user))
    if request.method == "POST":
        try:
            attempt = attempt_start(assignment=assignment, student=user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("quizzes:attempt_start", pk=pk)
        return redirect("quizzes:attempt_take", pk=attempt.pk)
    attempts = assignment_attempts(assignment=assignment, student=user)
    open_attempt = next((a for a in attempts if a.submitted_at is None), None)
    context = {
        "assignment": assignment,
        "quiz": assignment.quiz,
        "due_at": due_for_student(assignment=assignment, student=user),
        "attempts": attempts,
        "open_attempt": open_attempt,
        "problem": None
        if open_attempt
        else assignment_start_problem(assignment=assignment, student=user),
    }
    return render(request, "quizzes/attempt_start.html", context)


def _page_number(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("page", "1"))
    except ValueError:
        return 1


def _render_take(
    request: HttpRequest, attempt: Attempt, page_number: int, errors=None, status: int = 200
) -> HttpResponse:
    page = attempt_take_page(attempt=attempt, page_number=page_number)
    for question in page.shown:
        question.error = (errors or {}).get(question.pk, "")
    seconds_left = time_left = None
    if attempt.deadline_at:
        seconds_left = max(0, int((attempt.deadline_at - timezone.now()).total_seconds()))
        time_left = f"{seconds_left // 60}:{seconds_left % 60:02d}"
    context = {
        "attempt": attempt,
        "page": page,
        "quiz": attempt.assignment.quiz,
        "check_each": attempt.assignment.quiz.answers_visible == AnswerVisibility.AFTER_EACH,
        "due_at": due_for_attempt(attempt),
        "seconds_left": seconds_left,
        "time_left": time_left,
    }
    return render(request, "quizzes/attempt_take.html", context, status=status)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def attempt_take(request: HttpRequest, pk: int) -> HttpResponse:
    """The take page; a plain form post saves the page's answers and moves on."""
    attempt = _student_attempt(request, pk, with_due_at=True)
    if _close_if_expired(request, attempt):
        return redirect("quizzes:attempt_review", pk=attempt.pk)
    page_number = _page_number(request)
    if request.method == "GET":
        return _render_take(request, attempt, page_number)
    try:
        question_ids = read_page_question_ids(request.POST)
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400)
    if not set(question_ids) <= set(attempt.question_ids):
        return HttpResponse("That question is not part of this attempt.", status=400)
    page = attempt_take_page(attempt=attempt, page_number=page_number)
    on_page = [item for item in page.questions if item.pk in question_ids]
    answers, errors = read_answer_page(
        request.POST, [item.question for item in on_page], attempt.option_orders
    )
    if errors:
        return _render_take(request, attempt, page_number, errors=errors, status=400)
    check_id = request.POST.get("check", "")
    try:
        for item in on_page:
            checking = check_id == str(item.pk)
            if item.checked or (answers[item.pk] == item.given and not checking):
                continue
            attempt_save_answer(
                attempt=attempt,
                question_id=item.pk,
                given=answers[item.pk],
                check=checking,
                question=item.question,
            )
    except AttemptClosed as error:
        messages.error(request, " ".join(error.messages))
        return redirect("quizzes:attempt_review", pk=attempt.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    action = request.POST.get("action", "save")
    if request.POST.get("goto", "").isdecimal():
        action, page_number = "goto", int(request.POST["goto"])
    if action == "finish":
        return redirect("quizzes:attempt_submit", pk=attempt.pk)
    if action == "next":
        page_number += 1
    elif action == "previous":
        page_number -= 1
    elif action == "save" and not check_id:
        messages.success(request, "Your answers are saved.")
    return redirect(f"{reverse('quizzes:attempt_take', args=[attempt.pk])}?page={page_number}")


def _json_error(message: str, status: int, **extra) -> JsonResponse:
    return JsonResponse({"saved": False, "error": message, **extra}, status=status)


@login_required
@require_POST
def attempt_answer_save(request: HttpRequest, pk: int) -> JsonResponse:
    """Autosave one answer (JSON in, JSON out). Never sends the key unless the quiz shows
    answers after each question and the student checked this one."""
    try:
        posted = read_answer_json(request.body)
    except ValidationError as error:
        return _json_error(" ".join(error.messages), 400)
    try:
        saved = attempt_autosave(
            student=request.user,
            attempt_id=pk,
            question_id=posted.question_id,
            given=posted.given,
            check=posted.check,
        )
    except (Attempt.DoesNotExist, Question.DoesNotExist):
        raise Http404("No such attempt or question.") from None
    except AttemptClosed as error:
        review_url = reverse("quizzes:attempt_review", args=[pk])
        return _json_error(" ".join(error.messages), 409, closed=True, review_url=review_url)
    except QuestionNotInAttempt as error:
        return _json_error(" ".join(error.messages), 400)
    except ValidationError as error:
        status = 409 if error.code == "locked" else 400
        return _json_error(" ".join(error.messages), status)
    question = saved.answer.question
    payload = {
        "saved": True,
        "question": question.pk,
        "answered": saved.answered_count,
        "total": saved.total,
    }
    if saved.checked:
        payload["feedback"] = {
            "correct": saved.answer.mark == 1.0,
            "mark": saved.answer.mark,
            "right_answer": answer_text(question),
            "explanation": question.explanation,
        }
    return JsonResponse(payload)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def attempt_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm (GET) and hand in (POST) an attempt; a second submission changes nothing."""
    attempt = _student_attempt(request, pk)
    if request.method == "POST":
        already = attempt.submitted_at is not None
        expired = _time_ran_out(request, attempt)
        attempt = attempt_submit(attempt=attempt)
        if already:
            messages.info(request, "This attempt was already submitted.")
        elif expired:
            messages.warning(request, TIME_UP_NOTICE)
        else:
            messages.success(request, "Attempt submitted.")
        return redirect("quizzes:attempt_review", pk=attempt.pk)
    if _close_if_expired(request, attempt):
        return redirect("quizzes:attempt_review", pk=attempt.pk)
    page = attempt_take_page(attempt=attempt)
    return render(request, "quizzes/attempt_submit.html", {"attempt": attempt, "page": page})
