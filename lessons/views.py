from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from lessons import selectors
from lessons.forms import LessonDocumentForm, LessonFilterForm, LessonPlacingForm
from lessons.jobs import lesson_job_start
from lessons.models import Lesson, lesson_bank_visible, lesson_can_change
from lessons.services import lesson_set_place
from lessons.uploads import lesson_document_text

LESSONS_PER_PAGE = 12


def lesson_list(request: HttpRequest) -> HttpResponse:
    """Browse lessons: newest first or by the date of their events, searchable by words
    in the title or summary, filtered by period and region."""
    form = LessonFilterForm(request.GET or None)
    chosen = form.filters() if request.GET else {}
    lessons = selectors.lesson_list(
        search=chosen.get("q", ""),
        sort=chosen.get("sort", ""),
        period=chosen.get("period", ""),
        region=chosen.get("region", ""),
    )
    page = Paginator(lessons, LESSONS_PER_PAGE).get_page(request.GET.get("page"))
    query = urlencode({name: value for name, value in chosen.items() if value})
    context = {
        "page": page,
        "form": form,
        "search": chosen.get("q", ""),
        "filtered": any(chosen.get(name) for name in ("q", "period", "region")),
        "query": query,
    }
    return render(request, "lessons/lesson_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def lesson_placing(request: HttpRequest, slug: str) -> HttpResponse:
    """The owner (or an admin) sets when and where the lesson's events happened."""
    lesson = get_object_or_404(Lesson.objects.changeable_by(request.user), slug=slug)
    form = LessonPlacingForm(request.POST or None, instance=lesson)
    if request.method == "POST":
        if not form.is_valid():
            lesson.refresh_from_db()
            context = {"lesson": lesson, "form": form}
            return render(request, "lessons/lesson_placing.html", context, status=400)
        lesson_set_place(
            lesson=lesson,
            event_year=form.cleaned_data["event_year"],
            period=form.cleaned_data["period"],
            region=form.cleaned_data["region"],
        )
        messages.success(request, "Time and place saved; importing the document keeps them.")
        return redirect(lesson.get_absolute_url())
    return render(request, "lessons/lesson_placing.html", {"lesson": lesson, "form": form})


def lesson_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Read a lesson; every sentence carries the anchor questions link back to."""
    page = selectors.lesson_page(slug=slug)
    context = {
        "page": page,
        "lesson": page.lesson,
        "may_open_bank": lesson_bank_visible(request.user, page.lesson),
        "may_edit_lesson": lesson_can_change(request.user, page.lesson),
    }
    return render(request, "lessons/lesson_detail.html", context)


def _content_editor_required(view):
    """Teachers and admins only: anonymous visitors log in, students get a 403."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.can_edit_content:
            raise PermissionDenied("Only teachers and admins add lessons.")
        return view(request, *args, **kwargs)

    return wrapped


def _document_form_page(
    request: HttpRequest, *, lesson: Lesson | None, initial: dict | None = None
) -> HttpResponse | LessonDocumentForm:
    """Preview on "preview", save on "save"; a valid save returns the form for the caller."""
    if request.method != "POST":
        form = LessonDocumentForm(initial=initial)
        return render(request, "lessons/lesson_form.html", {"form": form, "lesson": lesson})
    form = LessonDocumentForm(request.POST, request.FILES)
    if form.is_valid() and request.POST.get("action") == "save":
        return form
    context = {"lesson": lesson, "form": form, "parsed": None}
    if form.is_valid():
        context["parsed"] = form.cleaned_data["parsed"]
    if form.cleaned_data.get("text"):
        # The preview shows the document's text in the box (an uploaded file's too), so
        # "Save" sends what was seen and a parse error can be fixed in place.
        data = {
            "text": form.cleaned_data["text"],
            "source_name": form.cleaned_data.get("source_name", ""),
        }
        context["form"] = LessonDocumentForm(data)
        context["form"].is_valid()
    status = 200 if context["parsed"] else 400
    return render(request, "lessons/lesson_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@_content_editor_required
def lesson_new(request: HttpRequest) -> HttpResponse:
    """Add a lesson from a document: preview it (nothing saved), then save: a worker saves it
    and generates its bank while the job's page shows how far it got."""
    outcome = _document_form_page(request, lesson=None)
    if isinstance(outcome, HttpResponse):
        return outcome
    job = lesson_job_start(
        owner=request.user,
        text=outcome.cleaned_data["text"],
        source_name=outcome.cleaned_data.get("source_name", ""),
    )
    return redirect("jobs:job_detail", pk=job.pk)


@require_http_methods(["GET", "POST"])
@_content_editor_required
def lesson_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Edit a lesson's document (owner or admin); the slug stays, the bank follows."""
    lesson = get_object_or_404(Lesson.objects.changeable_by(request.user), slug=slug)
    outcome = _document_form_page(
        request, lesson=lesson, initial={"text": lesson_document_text(lesson)}
    )
    if isinstance(outcome, HttpResponse):
        return outcome
    job = lesson_job_start(owner=request.user, text=outcome.cleaned_data["text"], lesson=lesson)
    return redirect("jobs:job_detail", pk=job.pk)
