from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lessons.models import Lesson
from lessons.parsing import parse_lesson
from lessons.uploads import lesson_document_text, unique_lesson_slug
from tests.accounts.factories import TeacherFactory
from tests.lessons.factories import LessonFactory

NEW_URL = "/lessons/new/"

DOCUMENT = """The Treaty of Versailles
The Treaty of Versailles ended the First World War between Germany and the Allies in 1919. It blamed Germany for the war and set heavy reparations.
Germany lost territory.
Reparations were imposed.
What Happened?
The treaty was signed in the Hall of Mirrors on 28 June 1919. Georges Clemenceau pressed for harsh terms.
Why Does it Matter?
Many historians link the treaty's terms to the instability of the Weimar Republic.
"""


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/plain")


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get(NEW_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_students_cannot_add_lessons(client, student):
    client.force_login(student)

    assert client.get(NEW_URL).status_code == 403
    assert client.post(NEW_URL, {"text": DOCUMENT, "action": "save"}).status_code == 403
    assert not Lesson.objects.exists()


def test_teacher_sees_the_upload_form(client, teacher):
    client.force_login(teacher)

    response = client.get(NEW_URL)

    assert response.status_code == 200
    assert 'type="file"' in response.content.decode()


def test_navbar_offers_teachers_to_add_a_lesson(client, teacher):
    client.force_login(teacher)

    assert 'href="/lessons/new/"' in client.get("/lessons/").content.decode()


def test_navbar_does_not_offer_students_to_add_a_lesson(client, student):
    client.force_login(student)

    assert 'href="/lessons/new/"' not in client.get("/lessons/").content.decode()


def test_preview_of_pasted_text_shows_the_parsed_lesson_and_saves_nothing(client, teacher):
    client.force_login(teacher)

    response = client.post(NEW_URL, {"text": DOCUMENT, "action": "preview"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Preview: the lesson reads well" in page
    assert '<h3 class="h4">The Treaty of Versailles</h3>' in page
    assert "<li>Germany lost territory.</li>" in page
    assert "Why Does it Matter?" in page
    assert "Save lesson and generate questions" in page
    assert not Lesson.objects.exists()


def test_preview_of_an_uploaded_file_puts_its_text_in_the_box(client, teacher):
    client.force_login(teacher)

    response = client.post(
        NEW_URL, {"document": _upload("versailles.md", DOCUMENT.encode()), "action": "preview"}
    )

    form = response.context["form"]
    assert response.status_code == 200
    assert form["text"].value() == DOCUMENT
    assert form["source_name"].value() == "versailles.md"
    assert not Lesson.objects.exists()


def test_preview_shows_parse_errors_and_keeps_the_text(client, teacher):
    client.force_login(teacher)
    broken = "What Happened?\nThe treaty was signed."

    response = client.post(NEW_URL, {"text": broken, "action": "preview"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "The lesson cannot be read: line 1: the first line is a section heading" in page
    assert "Save lesson" not in page
    assert response.context["form"]["text"].value() == broken


def test_saving_a_document_with_errors_saves_nothing(client, teacher):
    client.force_login(teacher)

    response = client.post(NEW_URL, {"text": "Just a title", "action": "save"})

    assert response.status_code == 400
    assert not Lesson.objects.exists()


def test_an_empty_form_asks_for_a_document(client, teacher):
    client.force_login(teacher)

    response = client.post(NEW_URL, {"text": "  ", "action": "preview"})

    assert response.status_code == 400
    assert "Upload a document or paste the lesson&#x27;s text." in response.content.decode()


def test_a_file_over_the_limit_is_refused_with_its_size(client, teacher):
    client.force_login(teacher)
    big = DOCUMENT.encode() + b"x" * (1024 * 1024)

    response = client.post(NEW_URL, {"document": _upload("big.txt", big), "action": "preview"})

    assert response.status_code == 400
    assert "the limit is 1.0\xa0MB" in response.content.decode()


def test_a_file_that_is_not_text_is_refused(client, teacher):
    client.force_login(teacher)

    response = client.post(
        NEW_URL, {"document": _upload("lesson.docx", b"PK\x03\x04..."), "action": "preview"}
    )

    assert response.status_code == 400
    assert "Upload a .txt or .md file" in response.content.decode()


def test_a_file_in_another_encoding_is_explained(client, teacher):
    client.force_login(teacher)

    response = client.post(
        NEW_URL,
        {"document": _upload("lesson.txt", "Café lesson".encode("latin-1")), "action": "preview"},
    )

    assert response.status_code == 400
    assert "is not UTF-8 text" in response.content.decode()


def test_saving_creates_the_teachers_lesson_and_links_its_bank(client, teacher, run_tasks):
    client.force_login(teacher)

    response = client.post(NEW_URL, {"text": DOCUMENT, "action": "save"})
    run_tasks()

    lesson = Lesson.objects.get()
    assert (lesson.title, lesson.slug, lesson.owner) == (
        "The Treaty of Versailles",
        "the-treaty-of-versailles",
        teacher,
    )
    assert lesson.key_points.count() == 2
    job_page = client.get(response["Location"]).content.decode()
    assert reverse("quizzes:bank_review", kwargs={"slug": lesson.slug}) in job_page
    # Every key point makes a flashcard, so a generated bank is never empty.
    assert lesson.flashcards.exists()


def test_saving_a_second_lesson_with_the_same_title_gets_its_own_slug(client, teacher, run_tasks):
    LessonFactory(slug="the-treaty-of-versailles")
    client.force_login(teacher)

    client.post(NEW_URL, {"text": DOCUMENT, "action": "save"})
    run_tasks()

    assert Lesson.objects.filter(owner=teacher).get().slug == "the-treaty-of-versailles-2"


def test_unique_slug_avoids_taken_and_reserved_slugs(db):
    LessonFactory(slug="the-treaty")
    LessonFactory(slug="the-treaty-2")

    assert unique_lesson_slug("The Treaty") == "the-treaty-3"
    assert unique_lesson_slug("New") == "new-2"
    assert unique_lesson_slug("¿?") == "lesson"


def test_owner_opens_the_edit_page_with_the_lessons_text(client, teacher):
    lesson = LessonFactory(owner=teacher)
    client.force_login(teacher)

    response = client.get(reverse("lessons:lesson_edit", kwargs={"slug": lesson.slug}))

    assert response.status_code == 200
    assert lesson.summary in response.context["form"]["text"].value()


def test_another_teacher_cannot_edit_a_teachers_lesson(client, teacher):
    lesson = LessonFactory(owner=TeacherFactory())
    client.force_login(teacher)

    response = client.get(reverse("lessons:lesson_edit", kwargs={"slug": lesson.slug}))

    assert response.status_code == 404


def test_teachers_cannot_edit_bundled_lessons(client, teacher):
    lesson = LessonFactory()

    client.force_login(teacher)
    url = reverse("lessons:lesson_edit", kwargs={"slug": lesson.slug})

    assert client.get(url).status_code == 404
    assert client.post(url, {"text": DOCUMENT, "action": "save"}).status_code == 404


def test_admins_edit_bundled_lessons(client, admin_user):
    lesson = LessonFactory()
    client.force_login(admin_user)

    response = client.get(reverse("lessons:lesson_edit", kwargs={"slug": lesson.slug}))

    assert response.status_code == 200


def test_saving_an_edit_keeps_the_slug(client, teacher, run_tasks):
    lesson = LessonFactory(owner=teacher, slug="my-vienna")
    client.force_login(teacher)

    client.post(
        reverse("lessons:lesson_edit", kwargs={"slug": "my-vienna"}),
        {"text": DOCUMENT, "action": "save"},
    )
    run_tasks()

    lesson.refresh_from_db()
    assert (lesson.slug, lesson.title) == ("my-vienna", "The Treaty of Versailles")


def test_previewing_an_edit_changes_nothing(client, teacher):
    lesson = LessonFactory(owner=teacher)
    client.force_login(teacher)

    client.post(
        reverse("lessons:lesson_edit", kwargs={"slug": lesson.slug}),
        {"text": DOCUMENT, "action": "preview"},
    )

    lesson.refresh_from_db()
    assert lesson.title.startswith("The Congress of Vienna")


def test_lesson_page_offers_its_owner_the_bank_and_the_editor(client, teacher):
    lesson = LessonFactory(owner=teacher)
    client.force_login(teacher)

    page = client.get(lesson.get_absolute_url()).content.decode()

    assert reverse("quizzes:bank_review", kwargs={"slug": lesson.slug}) in page
    assert reverse("lessons:lesson_edit", kwargs={"slug": lesson.slug}) in page


def test_lesson_page_offers_a_teacher_the_bank_but_not_the_editor_of_a_bundled_lesson(
    client, teacher
):
    lesson = LessonFactory()
    client.force_login(teacher)

    page = client.get(lesson.get_absolute_url()).content.decode()

    assert reverse("quizzes:bank_review", kwargs={"slug": lesson.slug}) in page
    assert reverse("lessons:lesson_edit", kwargs={"slug": lesson.slug}) not in page


def test_lesson_page_offers_students_neither(client, student):
    lesson = LessonFactory()
    client.force_login(student)

    page = client.get(lesson.get_absolute_url()).content.decode()

    assert "/bank/" not in page
    assert "/edit/" not in page


def test_document_text_reads_back_as_the_same_lesson(given_lesson, given_lesson_path):
    original = parse_lesson(given_lesson_path.read_text(encoding="utf-8"))

    rebuilt = parse_lesson(lesson_document_text(given_lesson))

    assert rebuilt == original


def test_saving_answers_at_once_and_imports_in_the_background(client, teacher, run_tasks):
    client.force_login(teacher)

    response = client.post(NEW_URL, {"text": DOCUMENT, "action": "save"})

    # Issue 13, fault 1: parsing and generation held the request; now a worker does them.
    assert response.status_code == 302 and "/jobs/" in response["Location"]
    assert not Lesson.objects.exists()
    run_tasks()
    lesson = Lesson.objects.get()
    assert lesson.flashcards.exists()
    page = client.get(response["Location"]).content.decode()
    assert reverse("quizzes:bank_review", kwargs={"slug": lesson.slug}) in page


def _long_lesson(words: int, words_a_line: int = 100) -> str:
    lines = [" ".join(["history"] * words_a_line) + "." for _ in range(words // words_a_line + 1)]
    return DOCUMENT + "What Came After?\n" + "\n".join(lines) + "\n"


def test_a_lesson_over_the_word_limit_is_refused_before_any_work_naming_the_limit(client, teacher):
    client.force_login(teacher)

    response = client.post(NEW_URL, {"text": _long_lesson(5_000), "action": "save"})

    assert response.status_code == 400
    assert "at most 5,000 words" in response.content.decode()
    assert not Lesson.objects.exists()


def test_a_line_over_the_character_limit_is_refused_naming_the_limit_and_the_line(client, teacher):
    client.force_login(teacher)

    response = client.post(NEW_URL, {"text": _long_lesson(400, words_a_line=400), "action": "save"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "at most 2,500 characters" in page and "line 10" in page
    assert not Lesson.objects.exists()
