"""Lesson reads shaped for pages."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from lessons.models import Lesson, Section, Sentence


@dataclass(frozen=True)
class SectionView:
    heading: str
    paragraphs: list[list[Sentence]]


@dataclass(frozen=True)
class LessonPage:
    lesson: Lesson
    summary: list[Sentence]
    sections: list[SectionView]


def lesson_list(
    *, search: str = "", sort: str = "", period: str = "", region: str = ""
) -> QuerySet[Lesson]:
    """Lessons newest first (or by the date of their events, or by title), filtered by
    words in the title or summary, by period and by region."""
    lessons = Lesson.objects.all()
    if sort == "event":
        lessons = lessons.in_time_order()
    elif sort == "title":
        lessons = lessons.order_by("title", "pk")
    else:
        lessons = lessons.order_by("-created_at", "-pk")
    if period:
        lessons = lessons.filter(period=period)
    if region:
        lessons = lessons.filter(region=region)
    return lessons.search(search) if search.strip() else lessons


def lesson_page(*, slug: str) -> LessonPage:
    """A lesson with its sentences grouped by section and paragraph, in three queries."""
    lesson = get_object_or_404(
        Lesson.objects.prefetch_related(
            "key_points",
            Prefetch("sentences", queryset=Sentence.objects.order_by("position")),
        ),
        slug=slug,
    )
    sections = {section.pk: section for section in Section.objects.filter(lesson=lesson)}
    summary: list[Sentence] = []
    grouped: dict[int, dict[int, list[Sentence]]] = {pk: {} for pk in sections}
    for sentence in lesson.sentences.all():
        if sentence.section_id is None:
            summary.append(sentence)
        else:
            grouped[sentence.section_id].setdefault(sentence.paragraph, []).append(sentence)
    section_views = [
        SectionView(heading=section.heading, paragraphs=list(grouped[pk].values()))
        for pk, section in sorted(sections.items(), key=lambda item: item[1].position)
    ]
    return LessonPage(lesson=lesson, summary=summary, sections=section_views)
