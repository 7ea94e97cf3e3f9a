"""Lesson text, questions, flashcards, answers and names holding markup show as text on every
page: each pattern from the URL resolver is opened by every role allowed there (admin change
pages included) in a world whose every text field carries `<script>` and `onerror=`.

HTML pages must never contain the markup raw; JSON stays valid JSON; CSV cells never start
a spreadsheet formula.
"""

import csv
import io
import json
import zipfile
from xml.etree import ElementTree

import pytest
from django.test import Client

from lessons.services import lesson_sync_sentences
from quizzes.exports import export_formats
from quizzes.models import Answer, Question
from tests.site_walk import ANSWERS, OK, PAGES, ROLES, RULES, admin_kwargs, expectation, world_make
from tests.site_walk import page_path as path_for

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
HOSTILE = f"Metternich {SCRIPT} chaired {IMAGE} the congress."
SHOWN_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"

# Pages that show the hostile text itself, so the walk proves it is escaped there and not
# merely absent.
MUST_SHOW = {
    "lessons:lesson_detail",
    "lessons:lesson_list",
    "quizzes:attempt_take",
    "quizzes:attempt_review",
    "quizzes:quiz_preview",
    "quizzes:study_due",
    "quizzes:practice_question",
    "quizzes:gradebook",
    "quizzes:classroom_detail",
    "admin:lessons_lesson_change",
    "admin:quizzes_attempt_change",
    "quizzes:bank_review",
    "quizzes:bank_question_edit",
    "quizzes:bank_flashcard_edit",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def hostile_world():
    """The walk's world with markup in every text a person or the generator writes."""
    world = world_make()
    lesson = world.objects["lesson"]
    lesson.title = f"The Congress {SCRIPT}"
    lesson.summary = f"{HOSTILE} Delegates {IMAGE} met in Vienna."
    lesson.save()
    lesson.key_points.update(text=HOSTILE)
    lesson.sections.update(heading=f"What Happened {SCRIPT}?", body=HOSTILE)
    lesson_sync_sentences(lesson=lesson)
    Question.objects.filter(lesson=lesson).update(
        prompt=f"Who chaired {SCRIPT}?",
        choices=[IMAGE, "Talleyrand", SCRIPT, "Castlereagh"],
        answer=IMAGE,
        explanation=HOSTILE,
        source_text=HOSTILE,
    )
    lesson.flashcards.update(front=f"Metternich {SCRIPT}", back=HOSTILE, source_text=HOSTILE)
    world.objects["library_lesson"].flashcards.update(
        front=f"Metternich {SCRIPT}", back=HOSTILE, source_text=HOSTILE
    )
    Answer.objects.filter(attempt=world.objects["submitted_attempt"]).update(given=SCRIPT)
    for user in world.users.values():
        user.first_name, user.last_name = SCRIPT, f"=HYPERLINK(1){IMAGE}"
        user.save()
    quiz = world.objects["quiz"]
    quiz.title = f"Check {IMAGE}"
    quiz.save()
    classroom = world.objects["classroom"]
    classroom.name = f"-Year 9 {SCRIPT}"
    classroom.save()
    return world


def body_of(response) -> str:
    """The text of a response, streamed (a static file) or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode()


def problems_in(response) -> list[str]:
    body = body_of(response)
    kind = response.headers.get("Content-Type", "")
    if response.status_code >= 500:
        return [f"server error {response.status_code}"]
    if kind.startswith("application/json"):
        try:
            json.loads(body)
        except ValueError:
            return ["invalid JSON"]
        return []
    if kind.startswith("text/csv"):
        cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
        return [f"formula cell {cell!r}" for cell in cells if cell.startswith(FORMULA_STARTS)]
    return [f"raw {markup}" for markup in (SCRIPT, IMAGE) if markup in body]


WALKED = [page for page in PAGES if page.key in RULES or page.admin]


@pytest.mark.django_db
@pytest.mark.parametrize("page", WALKED, ids=lambda page: page.key)
def test_markup_in_every_text_shows_as_text(page):
    world = hostile_world()
    allowed, argument_map = expectation(page)
    if page.admin:
        kwargs = admin_kwargs(page, world)
    else:
        kwargs = {name: world.value(source) for name, source in argument_map.items()}
    path = path_for(page, kwargs)
    found, shown = [], False
    for role in ROLES:
        if allowed[role] not in (OK, ANSWERS):
            continue
        client = Client()
        if role != "anonymous":
            client.force_login(world.users[role])
        response = client.get(path, follow=True)
        found += [f"{role}: {problem}" for problem in problems_in(response)]
        shown = shown or SHOWN_ESCAPED in body_of(response)

    assert not found, f"{path}: {found}"
    if page.key in MUST_SHOW:
        assert shown, f"{path} should show the hostile text, escaped"


@pytest.mark.django_db
def test_an_autosaved_answer_holding_markup_comes_back_as_valid_json():
    world = hostile_world()
    attempt = world.objects["open_attempt"]
    client = Client()
    client.force_login(world.users["student_a"])

    response = client.post(
        f"/attempts/{attempt.pk}/answers/",
        json.dumps({"question": attempt.question_ids[0], "given": SCRIPT}),
        content_type="application/json",
    )

    assert response.status_code == 200
    assert json.loads(response.content)["saved"] is True
    assert Answer.objects.get(attempt=attempt).given == SCRIPT


@pytest.mark.django_db
@pytest.mark.parametrize("format_name", [chosen.name for chosen in export_formats()])
def test_every_bank_export_keeps_markup_as_data(format_name):
    world = hostile_world()
    client = Client()
    client.force_login(world.users["teacher_a"])

    response = client.get(f"/lessons/{world.value('lesson')}/bank/export/{format_name}/")

    assert response.status_code == 200
    content = response.content
    if format_name == "json":
        assert SCRIPT in json.dumps(json.loads(content))
    elif format_name == "moodle-xml":
        # Moodle reads question text as HTML: the markup must arrive escaped, as text.
        texts = "".join(ElementTree.fromstring(content).itertext())
        assert SHOWN_ESCAPED in texts
    elif response["Content-Type"] == "application/octet-stream":
        assert zipfile.is_zipfile(io.BytesIO(content))
    else:
        # Plain-text formats for other programs (GIFT, Quizlet): the text as written.
        assert SCRIPT in content.decode()
