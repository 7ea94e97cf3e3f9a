"""Lesson content: a title, a summary, key points and sections made of numbered sentences."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from lessons.places import PERIODS, REGIONS, year_label


class LessonQuerySet(models.QuerySet):
    def search(self, words: str) -> "LessonQuerySet":
        """Lessons whose title or summary contains every word given."""
        matches = self
        for word in words.split():
            matches = matches.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        return matches

    def in_time_order(self) -> "LessonQuerySet":
        """Earliest events first; lessons without a year last."""
        return self.order_by(models.F("event_year").asc(nulls_last=True), "title", "pk")

    def library(self) -> "LessonQuerySet":
        """The site library: the bundled lessons, owned by no teacher, changed by admins."""
        return self.filter(owner__isnull=True)

    def changeable_by(self, user) -> "LessonQuerySet":
        """Lessons whose text and bank the user may change: all for admins, a teacher's own."""
        if user.is_staff:
            return self
        if getattr(user, "is_teacher", False):
            return self.filter(owner=user)
        return self.none()

    def bank_visible_to(self, user) -> "LessonQuerySet":
        """Lessons whose bank the user may open: those they may change, and the library
        (whose bank other teachers see in part: BankItemQuerySet.visible_to)."""
        if user.is_staff:
            return self
        if getattr(user, "is_teacher", False):
            return self.filter(Q(owner=user) | Q(owner__isnull=True))
        return self.none()


def lesson_can_change(user, lesson: "Lesson") -> bool:
    """Whether the user may change the lesson and its bank: its owner, or an admin (the
    same rule as LessonQuerySet.changeable_by, for a lesson already loaded)."""
    if not user.is_authenticated:
        return False
    return user.is_staff or (getattr(user, "is_teacher", False) and lesson.owner_id == user.pk)


def lesson_bank_visible(user, lesson: "Lesson") -> bool:
    """Whether the user may open the lesson's bank (LessonQuerySet.bank_visible_to's rule)."""
    if not user.is_authenticated:
        return False
    return lesson_can_change(user, lesson) or (
        getattr(user, "is_teacher", False) and lesson.owner_id is None
    )


class Lesson(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_lessons",
        help_text="The teacher who added the lesson; empty for bundled lessons.",
    )
    copied_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        help_text="The library lesson this one was copied from.",
    )
    source_name = models.CharField(
        max_length=255, blank=True, help_text="The document the lesson was imported from."
    )
    event_year = models.IntegerField(
        null=True, blank=True, help_text="When its events happened; years BC are negative."
    )
    period = models.CharField(max_length=16, blank=True, choices=PERIODS)
    region = models.CharField(max_length=16, blank=True, choices=REGIONS)
    placed_by_hand = models.BooleanField(
        default=False,
        help_text="A teacher set the year, period and region; importing keeps them.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LessonQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("lessons:lesson_detail", kwargs={"slug": self.slug})

    @property
    def event_year_label(self) -> str:
        return year_label(self.event_year)

    @property
    def in_library(self) -> bool:
        return self.owner_id is None


class KeyPoint(models.Model):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="key_points")
    position = models.PositiveIntegerField()
    text = models.CharField(max_length=500)

    class Meta:
        ordering = ["lesson", "position"]
        constraints = [
            models.UniqueConstraint(fields=["lesson", "position"], name="keypoint_unique_position")
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def anchor(self) -> str:
        return f"k-{self.position}"


class Section(models.Model):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField()
    heading = models.CharField(max_length=200)
    body = models.TextField(help_text="One paragraph per line.")

    class Meta:
        ordering = ["lesson", "position"]
        constraints = [
            models.UniqueConstraint(fields=["lesson", "position"], name="section_unique_position")
        ]

    def __str__(self) -> str:
        return self.heading

    @property
    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.body.splitlines() if line.strip()]


class Sentence(models.Model):
    """One sentence of the summary or a section; its number is its anchor on the lesson page."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="sentences")
    section = models.ForeignKey(
        Section,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sentences",
        help_text="Empty for sentences of the summary.",
    )
    paragraph = models.PositiveIntegerField(help_text="Paragraph number within its section.")
    position = models.PositiveIntegerField(help_text="Number of the sentence in the lesson.")
    text = models.TextField()

    class Meta:
        ordering = ["lesson", "position"]
        constraints = [
            models.UniqueConstraint(fields=["lesson", "position"], name="sentence_unique_position")
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return f"{self.lesson.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"s-{self.position}"
