"""Hypothesis feeds the GIFT importer random files, GIFT-shaped and not: it never raises, every
block is a question or a reported problem, and the upload page answers without a server error
and with every readable question saved or none."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from history_quiz.jobs.running import tasks_run_queued
from quizzes.imports.gift import parse_gift
from quizzes.models import Question
from tests.site_walk import world_make

# Pieces of GIFT syntax, so random files are often nearly valid.
GIFT_PIECES = [
    "::Title::", "{", "}", "=", "~", "#", "->", "%50%", "TRUE", "FALSE", "T", "F", "\\", "\\{",
    "\\=", "//", "\n\n", "\n", " ", "[html]", "[markdown]", "$CATEGORY: x", "1215", "Magna Carta",
    "\x00", "é", "<script>alert(1)</script>",
]  # fmt: skip
gift_text = st.lists(st.sampled_from(GIFT_PIECES) | st.text(max_size=12), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=gift_text)
def test_any_text_parses_into_questions_and_reported_problems(text):
    result = parse_gift(text)

    for question in result.questions:
        assert question.prompt
        assert "\x00" not in question.prompt
    for problem in result.problems:
        assert problem.line >= 1 and problem.message


@pytest.mark.django_db
def test_random_gift_uploads_never_break_the_import_page():
    world = world_make()
    lesson = world.objects["lesson"]
    client = Client()
    client.force_login(world.users["teacher_a"])

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(text=gift_text)
    def upload(text):
        before = Question.objects.count()
        readable = len(parse_gift(text).questions)
        gift_file = SimpleUploadedFile("bank.gift", text.encode())

        response = client.post(f"/lessons/{lesson.slug}/bank/import/", {"gift_file": gift_file})
        tasks_run_queued()

        # Refused whole (an empty file, too many questions) or imported by a worker.
        assert response.status_code in (302, 400)
        added = Question.objects.count() - before
        assert added <= readable

    upload()
