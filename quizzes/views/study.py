"""Study pages: one card at a time, flipped and rated; a card's history; a class's study
activity for its teacher."""

from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from lessons.models import Lesson
from quizzes.forms.study import StudyRatingForm
from quizzes.models import Classroom, Flashcard, StudyRating
from quizzes.selectors.study import (
    StudyItem,
    studied_states,
    study_counts,
    study_new_cards_left_today,
    study_next_card,
    study_next_due_at,
)
from quizzes.selectors.study_progress import (
    classroom_study_lessons,
    classroom_study_progress,
    study_activity,
)
from quizzes.services.study import study_rate_card
from quizzes.study_scheduling import describe_interval, fsrs_card_from_state, new_fsrs_card
from quizzes.study_scheduling import rating_previews as fsrs_rating_previews

RATING_STYLES = {
    StudyRating.AGAIN: "danger",
    StudyRating.HARD: "warning",
    StudyRating.GOOD: "success",
    StudyRating.EASY: "primary",
}


def rating_buttons(item: StudyItem | None, now) -> list[dict]:
    """The four rating buttons, each with how far fsrs would push the card."""
    if item is None:
        return []
    card = (
        fsrs_card_from_state(item.state)
        if item.state is not None
        else new_fsrs_card(card_id=item.flashcard.pk, now=now)
    )
    previews = fsrs_rating_previews(card, now=now)
    return [
        {
            "value": rating.value,
            "label": rating.label,
            "style": RATING_STYLES[rating],
            "preview": describe_interval(previews[rating.value]),
        }
        for rating in StudyRating
    ]


def card_context(request: HttpRequest, *, lesson: Lesson | None, revealed: bool = False) -> dict:
    """What the card partial needs: the next card, its buttons and the counts."""
    now = timezone.now()
    item = study_next_card(student=request.user, now=now, lesson=lesson)
    context = {
        "item": item,
        "lesson": lesson,
        "revealed": revealed and item is not None,
        "rating_buttons": rating_buttons(item, now),
        "counts": study_counts(student=request.user, now=now, lesson=lesson),
    }
    if item is None:
        context.update(
            next_due_at=study_next_due_at(student=request.user, lesson=lesson),
            new_limit_reached=not study_new_cards_left_today(student=request.user, now=now),
            lesson_has_cards=lesson is None
            or Flashcard.objects.usable().filter(lesson=lesson).exists(),
        )
    return context


def render_session(request: HttpRequest, *, lesson: Lesson | None) -> HttpResponse:
    """The study page: the next card (its back shown after ?show=<card id>) and progress."""
    shown = request.GET.get("show", "")
    context = card_context(request, lesson=lesson)
    item = context["item"]
    context["revealed"] = item is not None and shown == str(item.flashcard.pk)
    context["activity"] = study_activity(student=request.user, now=timezone.now())
    return render(request, "quizzes/study_session.html", context)


@login_required
@require_GET
def study_due(request: HttpRequest) -> HttpResponse:
    """All the student's due cards across their classes and the lessons they study."""
    return render_session(request, lesson=None)


@login_required
@require_GET
def study_lesson(request: HttpRequest, slug: str) -> HttpResponse:
    """Study one lesson's flashcards (any lesson; it then joins the student's cards)."""
    lesson = get_object_or_404(Lesson, slug=slug)
    return render_session(request, lesson=lesson)


def wants_json(request: HttpRequest) -> bool:
    """study.js asks for JSON; a plain form post gets a redirect."""
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_POST
def study_rate(request: HttpRequest) -> HttpResponse:
    """Save one rating at once; answer the script with the next card, or redirect."""
    form = StudyRatingForm(request.POST)
    if not form.is_valid():
        error = "That rating could not be saved: please reload the page."
        if wants_json(request):
            return JsonResponse({"error": error}, status=400)
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    lesson = form.cleaned_data["lesson"]
    back = (
        redirect("quizzes:study_lesson", slug=lesson.slug)
        if lesson is not None
        else redirect("quizzes:study_due")
    )
    try:
        state = study_rate_card(
            student=request.user,
            flashcard=form.cleaned_data["flashcard"],
            rating=form.cleaned_data["rating"],
            duration_ms=form.cleaned_data["duration_ms"],
        )
    except ValidationError as refusal:
        # An honest refusal (today's new cards used up in another tab): say why.
        error = " ".join(refusal.messages)
        if wants_json(request):
            return JsonResponse({"error": error}, status=400)
        messages.error(request, error)
        return back

    label = StudyRating(form.cleaned_data["rating"]).label
    saved = f"Saved “{label}”. Next review in {describe_interval(state.due - timezone.now())}."
    if not wants_json(request):
        messages.success(request, saved)
        return back
    context = card_context(request, lesson=lesson)
    counts = context["counts"]
    # The page's dashboard card counts every lesson, even on one lesson's study page.
    totals = counts if lesson is None else study_counts(student=request.user, now=timezone.now())
    html = render_to_string("quizzes/includes/study_card.html", context, request=request)
    activity = study_activity(student=request.user, now=timezone.now())
    return JsonResponse(
        {
            "html": html,
            "message": saved,
            "counts": asdict(counts),
            "totals": asdict(totals),
            # The streak card's figures, so they move with each rating, not on a reload.
            "activity": {
                "reviewed_today": activity.reviewed_today,
                "reviewed_in_chart": activity.reviewed_in_chart,
                "streak": activity.streak,
            },
        }
    )


@login_required
@require_GET
def study_card_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One of the student's own cards: its schedule and every rating given."""
    state = get_object_or_404(
        studied_states(student=request.user).select_related(
            "flashcard__lesson", "flashcard__source_sentence"
        ),
        pk=pk,
    )
    reviews = state.reviews.order_by("-reviewed_at", "-pk")[:100]
    return render(request, "quizzes/study_card_detail.html", {"state": state, "reviews": reviews})


@login_required
@require_GET
def study_class_list(request: HttpRequest) -> HttpResponse:
    """The teacher's classes, each linking to its study activity."""
    if not request.user.can_edit_content:
        raise PermissionDenied
    classrooms = Classroom.objects.for_teacher(request.user).active().select_related("teacher")
    return render(request, "quizzes/study_class_list.html", {"classrooms": classrooms})


@login_required
@require_GET
def study_class_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Who in the class is studying: reviews over 7 and 30 days and retention."""
    classroom = get_object_or_404(Classroom.objects.for_teacher(request.user), pk=pk)
    now = timezone.now()
    context = {
        "classroom": classroom,
        "rows": classroom_study_progress(classroom=classroom, now=now),
        "lessons": classroom_study_lessons(classroom=classroom).order_by("title"),
    }
    return render(request, "quizzes/study_class_progress.html", context)
