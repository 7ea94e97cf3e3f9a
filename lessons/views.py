from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from lessons import selectors
from lessons.forms import LessonDocumentForm
from lessons.jobs import lesson_job_start
from lessons.models import Lesson
from lessons.uploads import lesson_document_text

LESSONS_PER_PAGE = 12


def lesson_list(request: HttpRequest) -> HttpResponse:
    """Browse lessons, newest first, searchable by words in the title or summary."""
    search = request.GET.get("q", "")[:200]
    paginator = Paginator(selectors.lesson_list(search=search), LESSONS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "lessons/lesson_list.html", {"page": page, "search": search})


def lesson_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Read a lesson; every sentence carries the anchor questions link back to."""
    page = selectors.lesson_page(slug=slug)
    return render(request, "lessons/lesson_detail.html", {"page": page, "lesson": page.lesson})


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
    lesson = get_object_or_404(Lesson.objects.editable_by(request.user), slug=slug)
    outcome = _document_form_page(
        request, lesson=lesson, initial={"text": lesson_document_text(lesson)}
    )
    if isinstance(outcome, HttpResponse):
        return outcome
    job = lesson_job_start(owner=request.user, text=outcome.cleaned_data["text"], lesson=lesson)
    return redirect("jobs:job_detail", pk=job.pk)
