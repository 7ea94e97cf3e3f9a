"""A student's progress page: scores over time and mastery per lesson."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from quizzes.models import Attempt
from quizzes.selectors.mastery import student_mastery
from quizzes.selectors.progress import score_chart_data, student_submitted_attempts
from quizzes.services.attempts import attempts_submit_expired


@login_required
@require_GET
def progress(request: HttpRequest) -> HttpResponse:
    """The signed-in student's graded attempts as a chart and their mastery of each lesson."""
    # A student coming back after a deadline finds that attempt graded here too.
    attempts_submit_expired(Attempt.objects.for_student(request.user))
    attempts = student_submitted_attempts(student=request.user)
    context = {
        "attempts": attempts[::-1],
        "chart": score_chart_data(attempts),
        "mastery": student_mastery(student=request.user, now=timezone.now()),
    }
    return render(request, "quizzes/progress.html", context)
