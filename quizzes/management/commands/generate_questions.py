from django.core.management.base import BaseCommand, CommandError

from lessons.models import Lesson
from quizzes.services.bank import bank_generate


class Command(BaseCommand):
    help = (
        "Generate (or regenerate) lessons' question banks and flashcards from their text. "
        "Questions a person approved, edited or rejected are kept as they are."
    )

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--lesson", metavar="SLUG", help="the lesson to generate for")
        target.add_argument("--all", action="store_true", help="every lesson")

    def handle(self, *args, lesson: str | None, all: bool, **options):
        lessons = Lesson.objects.order_by("slug")
        if lesson:
            lessons = lessons.filter(slug=lesson)
            if not lessons.exists():
                raise CommandError(f"no lesson with the slug '{lesson}'")
        for one in lessons:
            result = bank_generate(lesson=one)
            self.stdout.write(
                f"{one.slug}: {result.questions} questions, {result.flashcards} flashcards "
                f"({result.created} created, {result.updated} updated, "
                f"{result.unchanged_reviewed} reviewed kept, {result.removed} removed)"
            )
