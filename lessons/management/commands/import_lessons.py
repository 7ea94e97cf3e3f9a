import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from lessons.parsing import LessonParseError
from lessons.services import lesson_files_in, lesson_import_file


class Command(BaseCommand):
    help = (
        "Import lesson documents (.txt or .md files, or folders of them). Each file is "
        "imported on its own; a broken file is named on stderr with the reason and the "
        "others are still imported. Exits 1 when any file failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="lesson files or folders")
        parser.add_argument(
            "--dry-run", action="store_true", help="parse and report, but write nothing"
        )

    def handle(self, *args, paths: list[Path], dry_run: bool, verbosity: int, **options):
        missing = [path for path in paths if not path.exists()]
        if missing:
            raise CommandError(f"{missing[0]}: no such file or folder")
        files = lesson_files_in(paths)
        if not files:
            raise CommandError("no .txt or .md lesson documents found in the paths given")

        created = updated = failed = 0
        # tqdm draws a bar only on a terminal, so piped output stays one line per file.
        bar = tqdm(files, unit="file", file=sys.stderr, disable=None if len(files) > 1 else True)
        for path in bar:
            try:
                outcome = lesson_import_file(path=path, dry_run=dry_run)
            except LessonParseError as error:
                failed += 1
                tqdm.write(f"{path}: {error}", file=self.stderr._out)
                continue
            if outcome.generation_error:
                tqdm.write(f"{path}: {outcome.generation_error}", file=self.stderr._out)
            created += outcome.created
            updated += not outcome.created
            if verbosity > 1:
                action = "created" if outcome.created else "updated"
                action = f"would be {action}" if dry_run else action
                tqdm.write(f"{path}: {action} '{outcome.slug}'", file=self.stdout._out)
        bar.close()

        prefix = "Dry run, nothing written: " if dry_run else ""
        self.stdout.write(
            f"{prefix}{created} created, {updated} updated, {failed} failed "
            f"({len(files)} file{'s' if len(files) != 1 else ''})."
        )
        if failed:
            sys.exit(1)
