"""Reads about study progress: a student's streak and daily reviews, mastery per key point,
and a class's study activity for its teacher. A fixed number of queries each."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from lessons.models import Lesson
from quizzes.models import Classroom, Enrolment, StudyRating, StudyReview

CHART_DAYS = 30
# Streaks longer than this are still shown, as "365+" would be; a year bounds the query.
STREAK_WINDOW_DAYS = 366
RECALLED = (StudyRating.GOOD, StudyRating.EASY)


@dataclass(frozen=True)
class StudyActivity:
    streak: int
    reviewed_today: int
    days: list[tuple[date, int]]

    @property
    def chart(self) -> dict[str, list]:
        """Labels and counts for the reviews-per-day chart (for json_script)."""
        return {
            "labels": [day.strftime("%d %b") for day, _count in self.days],
            "counts": [count for _day, count in self.days],
        }

    @property
    def reviewed_in_chart(self) -> int:
        return sum(count for _day, count in self.days)


def study_activity(*, student, now: datetime) -> StudyActivity:
    """The student's study streak (days in a row with a review, up to today or yesterday)
    and reviews per day over the last 30 days, from one query."""
    today = timezone.localdate(now)
    since = now - timedelta(days=STREAK_WINDOW_DAYS)
    per_day = dict(
        StudyReview.objects.for_student(student)
        .filter(reviewed_at__gte=since, reviewed_at__lte=now)
        .annotate(day=TruncDate("reviewed_at"))
        .values("day")
        .annotate(reviews=Count("pk"))
        .values_list("day", "reviews")
    )
    # A streak survives until the day ends: not yet studying today does not break it.
    day = today if today in per_day else today - timedelta(days=1)
    streak = 0
    while day in per_day:
        streak += 1
        day -= timedelta(days=1)
    days = [today - timedelta(days=offset) for offset in range(CHART_DAYS - 1, -1, -1)]
    return StudyActivity(
        streak=streak,
        reviewed_today=per_day.get(today, 0),
        days=[(day, per_day.get(day, 0)) for day in days],
    )


@dataclass(frozen=True)
class StudentStudyRow:
    enrolment: Enrolment
    reviews_week: int
    reviews_month: int
    recalled_month: int
    last_reviewed_at: datetime | None

    @property
    def student(self):
        return self.enrolment.student

    @property
    def retention_percent(self) -> int | None:
        """Share of the last 30 days' reviews rated Good or Easy."""
        if not self.reviews_month:
            return None
        return round(100 * self.recalled_month / self.reviews_month)


def classroom_study_progress(*, classroom: Classroom, now: datetime) -> list[StudentStudyRow]:
    """Each current student of the class with their reviews over the last 7 and 30 days,
    their retention and when they last studied, in one query."""
    reviews = "student__card_states__reviews"
    week = Q(**{f"{reviews}__reviewed_at__gte": now - timedelta(days=7)})
    month = Q(**{f"{reviews}__reviewed_at__gte": now - timedelta(days=30)})
    enrolments = (
        classroom.enrolments.current()
        .select_related("student")
        .annotate(
            reviews_week=Count(f"{reviews}__pk", filter=week),
            reviews_month=Count(f"{reviews}__pk", filter=month),
            recalled_month=Count(
                f"{reviews}__pk", filter=month & Q(**{f"{reviews}__rating__in": RECALLED})
            ),
            last_reviewed_at=Max(f"{reviews}__reviewed_at"),
        )
        .order_by("student__last_name", "student__first_name", "student__username")
    )
    return [
        StudentStudyRow(
            enrolment=enrolment,
            reviews_week=enrolment.reviews_week,
            reviews_month=enrolment.reviews_month,
            recalled_month=enrolment.recalled_month,
            last_reviewed_at=enrolment.last_reviewed_at,
        )
        for enrolment in enrolments
    ]


def classroom_study_lessons(*, classroom: Classroom) -> QuerySet[Lesson]:
    """Lessons assigned to the class or quizzed in it (their decks are worth downloading)."""
    return Lesson.objects.filter(
        Q(assignments__classroom=classroom) | Q(quizzes__assignments__classroom=classroom)
    ).distinct()
