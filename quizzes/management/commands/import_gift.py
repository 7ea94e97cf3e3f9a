"""python manage.py import_gift FILE --lesson SLUG [--dry-run]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lessons.models import Lesson
from quizzes.imports.gift import gift_import


class Command(BaseCommand):
    help = (
        "Add a GIFT file's questions to a lesson's bank, approved. Questions that cannot be "
        "read are skipped and reported by line; the command then exits with status 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A GIFT file (UTF-8 text).")
        parser.add_argument("--lesson", required=True, metavar="SLUG")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; save nothing."
        )

    def handle(self, *args, file: str, lesson: str, dry_run: bool, **options):
        target = Lesson.objects.filter(slug=lesson).first()
        if target is None:
            raise CommandError(f"no lesson has the slug {lesson!r}")
        try:
            text = Path(file).read_bytes().decode("utf-8-sig")
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from None
        except UnicodeDecodeError:
            raise CommandError(f"{file} is not UTF-8 text; save it as UTF-8") from None

        report = gift_import(lesson=target, text=text, dry_run=dry_run)
        for problem in report.problems:
            self.stderr.write(f"{file}: {problem}")
        for duplicate in report.duplicates:
            self.stdout.write(f"{file}: line {duplicate.line}: already in the bank, skipped")
        verb = "Would add" if dry_run else "Added"
        self.stdout.write(
            f"{verb} {len(report.readable)} question(s) to “{target.title}”; "
            f"{len(report.duplicates)} already there; {len(report.problems)} with errors."
        )
        if report.problems:
            raise CommandError(
                f"{len(report.problems)} question(s) could not be read", returncode=1
            )
