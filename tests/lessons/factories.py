import factory
from factory.django import DjangoModelFactory

from lessons.models import KeyPoint, Lesson, Section
from lessons.services import lesson_sync_sentences


class LessonFactory(DjangoModelFactory):
    """A small lesson with two key points and both standard sections, sentences included."""

    class Meta:
        model = Lesson
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"The Congress of Vienna, part {n}")
    slug = factory.Sequence(lambda n: f"congress-of-vienna-{n}")
    summary = (
        "The Congress of Vienna met in 1814 and 1815 to redraw the map of Europe after "
        "Napoleon's defeat. Klemens von Metternich of Austria chaired its sessions."
    )

    @factory.post_generation
    def content(lesson, create, extracted, **kwargs):
        if not create:
            return
        KeyPoint.objects.bulk_create(
            [
                KeyPoint(lesson=lesson, position=1, text="The great powers redrew Europe."),
                KeyPoint(lesson=lesson, position=2, text="Metternich chaired the congress."),
            ]
        )
        Section.objects.create(
            lesson=lesson,
            position=1,
            heading="What Happened?",
            body=(
                "Delegates from Austria, Britain, Prussia and Russia met in Vienna in "
                "September 1814. Talleyrand spoke for defeated France.\n"
                "The Final Act was signed on 9 June 1815, nine days before Waterloo."
            ),
        )
        Section.objects.create(
            lesson=lesson,
            position=2,
            heading="Why Does it Matter?",
            body="The settlement kept a balance of power in Europe for decades.",
        )
        lesson_sync_sentences(lesson=lesson)
