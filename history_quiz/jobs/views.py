"""A job's page: its progress while a worker does it, then what it made or why it stopped.
With JavaScript the page asks for itself as JSON and swaps the part that changed; without,
it refreshes itself until the job is finished."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from history_quiz.jobs.models import Job, JobKind, JobStatus
from history_quiz.jobs.services import job_passwords_forget, job_retry

RESULT_TEMPLATES = {
    JobKind.LESSON_SAVE: "lessons/includes/job_result.html",
    JobKind.BANK_GENERATE: "quizzes/includes/job_result_bank.html",
    JobKind.GIFT_IMPORT: "quizzes/includes/job_result_gift.html",
    JobKind.ROSTER_CREATE: "quizzes/includes/job_result_roster.html",
}


def _no_store(response: HttpResponse) -> HttpResponse:
    # A roster job's page shows one-time passwords: never keep it in any cache.
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@never_cache
@login_required
def job_detail(request: HttpRequest, pk) -> HttpResponse:
    """The job's progress, result or failure; as JSON for the page's own script."""
    job = get_object_or_404(Job.objects.for_user(request.user).select_related("owner"), pk=pk)
    context = {"job": job, "result_template": RESULT_TEMPLATES[job.kind]}
    if "application/json" in request.headers.get("Accept", ""):
        html = render_to_string("jobs/includes/job_body.html", context, request=request)
        response = JsonResponse({"status": job.status, "finished": job.is_finished, "html": html})
    else:
        response = render(request, "jobs/job_detail.html", context)
    if job.kind == JobKind.ROSTER_CREATE and job.status == JobStatus.DONE:
        job_passwords_forget(job=job)
    return _no_store(response)


@require_POST
@login_required
def job_retry_view(request: HttpRequest, pk) -> HttpResponse:
    """Queue a failed job again with the input it kept."""
    job = get_object_or_404(Job.objects.for_user(request.user), pk=pk)
    job_retry(job=job)
    return redirect("jobs:job_detail", pk=job.pk)
