"""python manage.py export_bank --format FORMAT [--lesson SLUG] [--output FILE]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lessons.models import Lesson
from quizzes.exports import FORMAT_NAMES, bank_export, export_format


class Command(BaseCommand):
    help = (
        "Export question banks as json, gift, moodle-xml, apkg (Anki) or quizlet; "
        "every lesson unless --lesson is given. Rejected questions are left out of every "
        "format but json."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=FORMAT_NAMES, dest="format_name")
        parser.add_argument("--lesson", metavar="SLUG", help="Export this lesson only.")
        parser.add_argument(
            "--output", metavar="FILE", help="Write to this file instead of standard output."
        )

    def handle(self, *args, format_name: str, lesson: str | None, output: str | None, **options):
        chosen = export_format(format_name)
        if chosen.is_binary and not output:
            raise CommandError(
                f"--format {format_name} writes a binary file; name it with --output"
            )
        lessons = Lesson.objects.order_by("title", "pk")
        if lesson:
            lessons = lessons.filter(slug=lesson)
            if not lessons.exists():
                raise CommandError(f"no lesson has the slug {lesson!r}")
        content = bank_export(lessons=lessons, format_name=format_name)
        if output:
            path = Path(output)
            try:
                if isinstance(content, bytes):
                    path.write_bytes(content)
                else:
                    path.write_text(content, encoding="utf-8")
            except OSError as error:
                raise CommandError(f"cannot write {path}: {error.strerror}") from None
            self.stderr.write(f"Wrote {chosen.label} export to {path}")
        else:
            self.stdout.write(content, ending="")
