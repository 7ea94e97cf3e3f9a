"""The bank review pages: a lesson's questions and flashcards.

Who may do what lives in lessons.models (Lesson.objects.bank_visible_to, lesson_can_change)
and BankItemQuerySet.visible_to: a teacher opens the banks of their own lessons and of the
site library; only a lesson's owner or an admin changes its bank (reviews, edits, adds,
imports, regenerates); of a library lesson, other teachers see its ready and approved
questions and may copy the lesson to their own.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lessons.models import Lesson, lesson_can_change
from quizzes.exports import bank_export, export_format, export_formats
from quizzes.forms.bank import (
    BankFilterForm,
    BulkReviewForm,
    FlashcardForm,
    GiftUploadForm,
    QuestionForm,
    ReviewDecisionForm,
    flashcard_editor_fields,
    question_editor_fields,
    question_form_initial,
)
from quizzes.jobs import bank_job_start, gift_job_start
from quizzes.models import Flashcard, Question, QuestionKind, QuestionStatus
from quizzes.selectors.attempts import answer_text
from quizzes.selectors.bank import bank_page, bank_status_counts, question_versions
from quizzes.services import bank_review as review
from quizzes.services.bank_copy import lesson_copy
from quizzes.services.versions import question_remark as question_remark_apply
from quizzes.services.versions import question_remark_preview

REVIEW_BUTTONS = [
    (QuestionStatus.APPROVED, "Approve", "outline-success"),
    (QuestionStatus.REJECTED, "Reject", "outline-danger"),
]


def reviewer_required(view):
    """Teachers and admins only: anonymous visitors log in, students get a 403."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.can_edit_content:
            raise PermissionDenied("Only teachers and admins review question banks.")
        return view(request, *args, **kwargs)

    return wrapped


def _visible_lesson(request: HttpRequest, slug: str) -> Lesson:
    """The lesson if the user may open its bank; else 404."""
    return get_object_or_404(Lesson.objects.bank_visible_to(request.user), slug=slug)


def _changeable_lesson(request: HttpRequest, slug: str) -> Lesson:
    """The lesson if the user may change its bank; 404 if they may not see it, else 403."""
    lesson = _visible_lesson(request, slug)
    if not lesson_can_change(request.user, lesson):
        raise PermissionDenied("Only the lesson's owner or an admin changes its bank.")
    return lesson


def _bank_item(model, lesson: Lesson, pk: int):
    return get_object_or_404(model.objects.in_bank(), pk=pk, lesson=lesson)


def _bank_url(lesson: Lesson) -> str:
    return reverse("quizzes:bank_review", kwargs={"slug": lesson.slug})


def _back_to_bank(request: HttpRequest, lesson: Lesson, anchor: str = "") -> HttpResponse:
    """Back to the bank page the form came from (keeping its filters), at the item."""
    bank_url = _bank_url(lesson)
    back = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})
    target = back if safe and back.startswith(bank_url) else bank_url
    return redirect(f"{target.split('#')[0]}{'#' + anchor if anchor else ''}")


@require_GET
@reviewer_required
def bank_review(request: HttpRequest, slug: str) -> HttpResponse:
    """Every question and flashcard of a lesson, filterable, with review buttons."""
    lesson = _visible_lesson(request, slug)
    filter_form = BankFilterForm(request.GET)
    filters = filter_form.filters()
    page = bank_page(lesson=lesson, viewer=request.user, **filters)
    may_edit = lesson_can_change(request.user, lesson)
    for question in page.questions:
        question.usage = page.usage_of(question)
        question.editor = question_editor_fields(question) if may_edit else []
    for card in page.flashcards:
        card.editor = flashcard_editor_fields(card) if may_edit else []
    context = {
        "lesson": lesson,
        "page": page,
        "filter_form": filter_form,
        "filters": filters,
        "kind_choices": [
            (value, label, page.kind_counts.get(value, 0)) for value, label in QuestionKind.choices
        ],
        "review_buttons": REVIEW_BUTTONS,
        "may_edit_lesson": may_edit,
        "export_formats": export_formats(),
        "gift_form": GiftUploadForm(),
    }
    return render(request, "quizzes/bank_review.html", context)


def _item_status(request: HttpRequest, slug: str, pk: int, model) -> HttpResponse:
    lesson = _changeable_lesson(request, slug)
    item = _bank_item(model, lesson, pk)
    form = ReviewDecisionForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Unknown review decision.")
    review.bank_item_review(item=item, status=form.cleaned_data["status"], by=request.user)
    noun = "Question" if model is Question else "Flashcard"
    done = f"{noun} {item.get_status_display().lower()}."
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        # bank.js updates the page in place; the counts let it refresh the tallies too.
        return JsonResponse(
            {
                "item": noun.lower(),
                "status": item.status,
                "label": item.get_status_display(),
                "message": done,
                "counts": bank_status_counts(lesson=lesson, model=model, viewer=request.user),
            }
        )
    messages.success(request, done)
    return _back_to_bank(request, lesson, anchor=f"{'q' if model is Question else 'f'}-{item.pk}")


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@require_POST
@reviewer_required
def bank_bulk_review(request: HttpRequest, slug: str) -> HttpResponse:
    """Approve or reject the ticked questions and flashcards together."""
    lesson = _changeable_lesson(request, slug)
    form = BulkReviewForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Unknown review decision or item.")
    ids = form.cleaned_data["items"]
    questions = list(Question.objects.in_bank().filter(lesson=lesson, pk__in=ids["q"]))
    cards = list(Flashcard.objects.in_bank().filter(lesson=lesson, pk__in=ids["f"]))
    if len(questions) < len(set(ids["q"])) or len(cards) < len(set(ids["f"])):
        return HttpResponseBadRequest("Some of these items are not in this bank.")
    if not questions and not cards:
        messages.warning(request, "Tick the questions or flashcards to review first.")
        return _back_to_bank(request, lesson)
    status = form.cleaned_data["status"]
    review.bank_items_review(items=questions + cards, status=status, by=request.user)
    done = " and ".join(
        _counted(count, noun)
        for count, noun in ((len(questions), "question"), (len(cards), "flashcard"))
        if count
    )
    messages.success(request, f"{done} {QuestionStatus(status).label.lower()}.")
    return _back_to_bank(request, lesson)


@require_POST
@reviewer_required
def question_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Approve or reject a question."""
    return _item_status(request, slug, pk, Question)


@require_POST
@reviewer_required
def flashcard_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Approve or reject a flashcard."""
    return _item_status(request, slug, pk, Flashcard)


@require_http_methods(["GET", "POST"])
@reviewer_required
def question_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Edit a question's text, options and answers; it becomes "edited" (a new version when a
    quiz or an attempt used it; the teacher may then mark finished attempts again)."""
    lesson = _changeable_lesson(request, slug)
    question = _bank_item(Question, lesson, pk)
    form = QuestionForm(
        request.POST if request.method == "POST" else None,
        initial=question_form_initial(question),
        kind=question.kind,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = review.question_edit(
                question=question,
                prompt=data["prompt"],
                choices=data["choices"],
                answer=data["answer"],
                accepted=data["accepted"],
                explanation=data["explanation"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _back_to_bank(request, lesson, anchor=f"q-{question.pk}")
        if saved.pk == question.pk:
            messages.success(request, "Question saved as edited.")
            return _back_to_bank(request, lesson, anchor=f"q-{saved.pk}")
        messages.success(
            request,
            f"Saved as version {saved.version}: quizzes ask it from now on; answers already "
            "given keep the version their students saw.",
        )
        return redirect("quizzes:bank_question_remark", slug=lesson.slug, pk=saved.pk)
    context = {"lesson": lesson, "question": question, "form": form}
    status = 400 if form.is_bound else 200
    return render(request, "quizzes/bank_question_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@reviewer_required
def question_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Write a question by hand, of any kind, multiple response included."""
    lesson = _changeable_lesson(request, slug)
    form = QuestionForm(
        request.POST if request.method == "POST" else None,
        initial={"kind": request.GET.get("kind", "")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        question = review.question_add(
            lesson=lesson,
            kind=data["kind"],
            prompt=data["prompt"],
            choices=data["choices"],
            answer=data["answer"],
            accepted=data["accepted"],
            explanation=data["explanation"],
            created_by=request.user,
        )
        messages.success(request, "Question added to the bank, approved.")
        return redirect(f"{_bank_url(lesson)}#q-{question.pk}")
    context = {"lesson": lesson, "question": None, "form": form}
    return render(
        request, "quizzes/bank_question_form.html", context, status=400 if form.is_bound else 200
    )


@require_http_methods(["GET", "POST"])
@reviewer_required
def flashcard_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Edit a flashcard's front and back; it becomes "edited"."""
    lesson = _changeable_lesson(request, slug)
    card = _bank_item(Flashcard, lesson, pk)
    form = FlashcardForm(
        request.POST if request.method == "POST" else None,
        initial={"front": card.front, "back": card.back},
    )
    if request.method == "POST" and form.is_valid():
        review.flashcard_edit(flashcard=card, by=request.user, **form.cleaned_data)
        messages.success(request, "Flashcard saved as edited.")
        return _back_to_bank(request, lesson, anchor=f"f-{card.pk}")
    context = {"lesson": lesson, "flashcard": card, "form": form}
    return render(
        request, "quizzes/bank_flashcard_form.html", context, status=400 if form.is_bound else 200
    )


@require_http_methods(["GET", "POST"])
@reviewer_required
def flashcard_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Write a flashcard by hand."""
    lesson = _changeable_lesson(request, slug)
    form = FlashcardForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        card = review.flashcard_add(lesson=lesson, created_by=request.user, **form.cleaned_data)
        messages.success(request, "Flashcard added to the bank, approved.")
        return redirect(f"{_bank_url(lesson)}#f-{card.pk}")
    context = {"lesson": lesson, "flashcard": None, "form": form}
    return render(
        request, "quizzes/bank_flashcard_form.html", context, status=400 if form.is_bound else 200
    )


@require_POST
@reviewer_required
def bank_regenerate(request: HttpRequest, slug: str) -> HttpResponse:
    """Queue the generator again; questions people reviewed stay as they are, and nothing a
    quiz or an attempt uses is deleted (it is retired)."""
    lesson = _changeable_lesson(request, slug)
    job = bank_job_start(lesson=lesson, owner=request.user)
    return redirect("jobs:job_detail", pk=job.pk)


@require_http_methods(["GET", "POST"])
@reviewer_required
def bank_import_gift(request: HttpRequest, slug: str) -> HttpResponse:
    """Add a teacher's own GIFT questions to the bank: the file is checked here, a worker
    imports it, and the job's page lists the questions it could not read, by line."""
    lesson = _changeable_lesson(request, slug)
    form = GiftUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = gift_job_start(
            lesson=lesson,
            owner=request.user,
            text=form.cleaned_data["text"],
            file_name=form.cleaned_data["gift_file"].name[:100],
        )
        return redirect("jobs:job_detail", pk=job.pk)
    status = 400 if request.method == "POST" else 200
    context = {"lesson": lesson, "form": form}
    return render(request, "quizzes/bank_gift_import.html", context, status=status)


@require_GET
@reviewer_required
def bank_download(request: HttpRequest, slug: str, format_name: str) -> HttpResponse:
    """The lesson's bank as a file (json, gift, moodle-xml, apkg or quizlet): what the user
    may see of it."""
    lesson = _visible_lesson(request, slug)
    try:
        chosen = export_format(format_name)
    except KeyError:
        return HttpResponse("Unknown export format.", status=404, content_type="text/plain")
    content = bank_export(lessons=[lesson], format_name=format_name, viewer=request.user)
    response = HttpResponse(content, content_type=chosen.content_type)
    response["Content-Disposition"] = f'attachment; filename="{chosen.filename(lesson.slug)}"'
    return response


@require_GET
@reviewer_required
def question_history(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A question's versions, newest first: who made each, what it asked, what uses it."""
    lesson = _visible_lesson(request, slug)
    question = get_object_or_404(
        Question.objects.visible_to(request.user).filter(is_current=True), pk=pk, lesson=lesson
    )
    versions = [(version, answer_text(version)) for version in question_versions(question=question)]
    context = {"lesson": lesson, "question": question, "versions": versions}
    return render(request, "quizzes/bank_question_history.html", context)


@require_http_methods(["GET", "POST"])
@reviewer_required
def question_remark(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Finished attempts that answered an earlier version: a preview of their new marks
    (GET), then marking them with this version when the teacher chooses (POST)."""
    lesson = _changeable_lesson(request, slug)
    question = _bank_item(Question, lesson, pk)
    if request.method == "POST":
        count = question_remark_apply(question=question, by=request.user)
        messages.success(request, f"{count} finished attempt(s) marked with this version.")
        return redirect(f"{_bank_url(lesson)}#q-{question.pk}")
    rows = question_remark_preview(question=question, by=request.user)
    context = {
        "lesson": lesson,
        "question": question,
        "rows": rows,
        "changing": sum(row.changes for row in rows),
        "right_answer": answer_text(question),
    }
    return render(request, "quizzes/bank_question_remark.html", context)


@require_POST
@reviewer_required
def lesson_copy_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Copy a library lesson with what the teacher sees of its bank, to change as their own."""
    lesson = _visible_lesson(request, slug)
    copy = lesson_copy(lesson=lesson, owner=request.user)
    messages.success(
        request, f"“{copy.title}” is now one of your lessons: change its text and bank freely."
    )
    return redirect(_bank_url(copy))
