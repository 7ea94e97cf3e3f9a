from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lessons import selectors

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
