import shutil

import pytest
from django.core.management import call_command

from lessons.models import Lesson


@pytest.fixture
def mixed_folder(tmp_path, given_lesson_path):
    shutil.copy(given_lesson_path, tmp_path / "purge.txt")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Café society\nUne histoire.\n".encode("latin-1"))
    nested = tmp_path / "more"
    nested.mkdir()
    (nested / "tordesillas.md").write_text(
        "# Treaty of Tordesillas\n\nSpain and Portugal split the New World in 1494.\n\n"
        "- Signed in 1494.\n\n## What Happened?\n\nEnvoys met at Tordesillas in June 1494.\n",
        encoding="utf-8",
    )
    (nested / "notes.pdf").write_bytes(b"%PDF-1.7")  # not a lesson suffix: ignored
    return tmp_path


def run_import(*args):
    """Run the command as a shell would; return (exit status, stdout, stderr)."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_lessons", *args, stdout=out, stderr=err)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    return status, out.getvalue(), err.getvalue()


def test_mixed_folder_imports_good_files_and_names_broken_ones(db, mixed_folder):
    status, out, err = run_import(str(mixed_folder))

    assert status == 1
    assert sorted(Lesson.objects.values_list("slug", flat=True)) == ["purge", "tordesillas"]
    error_lines = err.strip().splitlines()
    assert len(error_lines) == 2
    assert f"{mixed_folder / 'empty.txt'}: the file is empty" in error_lines[0]
    assert f"{mixed_folder / 'latin1.txt'}: the file is not UTF-8 text" in error_lines[1]
    assert "2 created, 0 updated, 2 failed (4 files)." in out


def test_second_run_counts_updates(db, mixed_folder):
    run_import(str(mixed_folder))

    status, out, _ = run_import(str(mixed_folder / "purge.txt"))

    assert status == 0
    assert "0 created, 1 updated, 0 failed (1 file)." in out


def test_dry_run_reports_without_writing(db, mixed_folder):
    status, out, err = run_import(str(mixed_folder), "--dry-run")

    assert status == 1
    assert out.startswith("Dry run, nothing written: 2 created, 0 updated, 2 failed")
    assert not Lesson.objects.exists()


def test_missing_path_is_an_error(db, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no such file or folder"):
        call_command("import_lessons", str(tmp_path / "nope.txt"))


def test_bundled_lessons_all_import(db, settings):
    status, out, err = run_import(str(settings.LESSON_FIXTURES_DIR))

    assert status == 0, err
    assert Lesson.objects.count() == len(list(settings.LESSON_FIXTURES_DIR.glob("*.txt")))
