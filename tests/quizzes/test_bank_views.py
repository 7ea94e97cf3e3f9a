import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Question, QuestionKind, QuestionStatus
from tests.accounts.factories import TeacherFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    FlashcardFactory,
    QuestionFactory,
    ShortAnswerQuestionFactory,
    question_of_every_kind,
)


@pytest.fixture
def lesson(teacher):
    return LessonFactory(owner=teacher)


@pytest.fixture
def bank_url(lesson):
    return reverse("quizzes:bank_review", kwargs={"slug": lesson.slug})


def _status_url(item, name="bank_question_status"):
    return reverse(f"quizzes:{name}", kwargs={"slug": item.lesson.slug, "pk": item.pk})


def test_anonymous_visitors_are_sent_to_log_in(client, bank_url):
    response = client.get(bank_url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_students_cannot_open_a_bank(client, student, bank_url):
    client.force_login(student)

    assert client.get(bank_url).status_code == 403


@pytest.mark.parametrize("role", ["teacher", "admin_user"])
def test_teachers_and_admins_open_any_lessons_bank(client, request, role, bank_url):
    client.force_login(request.getfixturevalue(role))

    assert client.get(bank_url).status_code == 200


def test_bank_shows_every_question_with_kind_answer_and_status(client, teacher, lesson, bank_url):
    question_of_every_kind(lesson)
    client.force_login(teacher)

    page = client.get(bank_url).content.decode()

    for label in QuestionKind.labels:
        assert label in page
    assert "Metternich" in page
    assert "<td>Castlereagh</td>" in page
    assert "Also accepted: Charles-Maurice de Talleyrand" in page
    assert "Generated" in page


def test_bank_shows_ready_items_first_with_a_plain_reason_not_the_rule(
    client, teacher, lesson, bank_url
):
    review = QuestionFactory(
        lesson=lesson,
        ready=False,
        confidence=0.3,
        rule="mc.cloze.person",
        reason="Needs review: leans on an earlier sentence.",
    )
    ready = QuestionFactory(
        lesson=lesson, rule="cloze.date", reason="Ready: from a key point; a key date."
    )
    client.force_login(teacher)

    page = client.get(bank_url).content.decode()

    assert page.index(f'id="q-{ready.pk}"') < page.index(f'id="q-{review.pk}"')
    assert "Ready: from a key point; a key date." in page
    assert "Needs review: leans on an earlier sentence." in page
    assert "mc.cloze.person" not in page and "cloze.date" not in page


def test_bank_links_each_question_to_its_source_sentence(client, teacher, lesson, bank_url):
    question = QuestionFactory(lesson=lesson)
    client.force_login(teacher)

    page = client.get(bank_url).content.decode()

    assert f'href="{question.source_sentence.get_absolute_url()}"' in page
    assert question.source_sentence.get_absolute_url().endswith("#s-1")


def test_bank_escapes_question_text(client, teacher, lesson, bank_url):
    QuestionFactory(lesson=lesson, prompt="<script>alert(1)</script>")
    client.force_login(teacher)

    page = client.get(bank_url).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_bank_counts_questions_per_status(client, teacher, lesson, bank_url):
    QuestionFactory.create_batch(2, lesson=lesson, status=QuestionStatus.APPROVED)
    QuestionFactory(lesson=lesson, status=QuestionStatus.REJECTED)
    client.force_login(teacher)

    response = client.get(bank_url)

    counts = response.context["page"].question_counts
    assert counts == {"generated": 0, "approved": 2, "edited": 0, "rejected": 1}
    assert 'data-count="question-approved">2<' in response.content.decode()


def test_bank_filters_by_kind_and_status(client, teacher, lesson, bank_url):
    wanted = ShortAnswerQuestionFactory(lesson=lesson, status=QuestionStatus.APPROVED)
    ShortAnswerQuestionFactory(lesson=lesson)
    QuestionFactory(lesson=lesson, status=QuestionStatus.APPROVED)
    client.force_login(teacher)

    response = client.get(bank_url, {"kind": "short_answer", "status": "approved"})

    assert [q.pk for q in response.context["page"].questions] == [wanted.pk]


def test_bank_ignores_unknown_filter_values(client, teacher, lesson, bank_url):
    QuestionFactory.create_batch(2, lesson=lesson)
    client.force_login(teacher)

    response = client.get(bank_url, {"kind": "essay'; drop", "status": ["x", "y"]})

    assert response.status_code == 200
    assert len(response.context["page"].questions) == 2


def test_bank_lists_flashcards_and_filters_them_by_status(client, teacher, lesson, bank_url):
    kept = FlashcardFactory(lesson=lesson, status=QuestionStatus.REJECTED)
    FlashcardFactory(lesson=lesson)
    client.force_login(teacher)

    response = client.get(bank_url, {"status": "rejected"})

    assert [card.pk for card in response.context["page"].flashcards] == [kept.pk]
    assert kept.front in response.content.decode()


@pytest.mark.parametrize("size", [5, 100])
def test_bank_page_uses_a_fixed_number_of_queries(
    client, teacher, lesson, bank_url, size, django_assert_max_num_queries
):
    QuestionFactory.create_batch(size, lesson=lesson)
    FlashcardFactory.create_batch(size, lesson=lesson)
    QuestionFactory.create_batch(size, lesson=lesson, status=QuestionStatus.REJECTED)
    QuestionFactory.create_batch(size, lesson=lesson, retired_at=timezone.now())
    client.force_login(teacher)

    # Two of them count what uses each question (quizzes, attempts), two list the retired
    # items, at any size.
    with django_assert_max_num_queries(12):
        response = client.get(bank_url)

    assert len(response.context["page"].questions) == 2 * size
    assert len(response.context["page"].retired_questions) == size


def test_teacher_rejects_a_question(client, teacher, lesson, bank_url):
    question = QuestionFactory(lesson=lesson)
    client.force_login(teacher)

    response = client.post(_status_url(question), {"status": "rejected", "next": bank_url})

    question.refresh_from_db()
    assert question.status == QuestionStatus.REJECTED
    assert response["Location"] == f"{bank_url}#q-{question.pk}"


def test_an_admin_approves_a_bundled_lessons_question(client, admin_user):
    lesson = LessonFactory()
    question = QuestionFactory(lesson=lesson)
    assert lesson.owner is None
    client.force_login(admin_user)

    client.post(_status_url(question), {"status": "approved"})

    question.refresh_from_db()
    assert question.status == QuestionStatus.APPROVED


def test_review_returns_to_the_filtered_bank(client, teacher, lesson, bank_url):
    question = QuestionFactory(lesson=lesson)
    client.force_login(teacher)
    filtered = f"{bank_url}?status=generated"

    response = client.post(_status_url(question), {"status": "approved", "next": filtered})

    assert response["Location"] == f"{filtered}#q-{question.pk}"


def test_review_never_redirects_off_the_bank(client, teacher, lesson, bank_url):
    question = QuestionFactory(lesson=lesson)
    client.force_login(teacher)

    response = client.post(
        _status_url(question), {"status": "approved", "next": "https://evil.example/"}
    )

    assert response["Location"] == f"{bank_url}#q-{question.pk}"


@pytest.mark.parametrize("status", ["edited", "generated", "", "deleted"])
def test_tampered_review_decision_is_a_bad_request(client, teacher, lesson, status):
    question = QuestionFactory(lesson=lesson)
    client.force_login(teacher)

    response = client.post(_status_url(question), {"status": status})

    assert response.status_code == 400
    question.refresh_from_db()
    assert question.status == QuestionStatus.GENERATED


def test_question_of_another_lesson_cannot_be_reviewed_through_this_one(client, teacher, lesson):
    other = QuestionFactory()
    client.force_login(teacher)
    url = reverse("quizzes:bank_question_status", kwargs={"slug": lesson.slug, "pk": other.pk})

    response = client.post(url, {"status": "rejected"})

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == QuestionStatus.GENERATED


def test_students_cannot_review(client, student, lesson):
    question = QuestionFactory(lesson=lesson)
    client.force_login(student)

    response = client.post(_status_url(question), {"status": "rejected"})

    assert response.status_code == 403


def test_review_buttons_need_post(client, teacher, lesson):
    question = QuestionFactory(lesson=lesson)
    client.force_login(teacher)

    assert client.get(_status_url(question)).status_code == 405


def test_teacher_rejects_a_flashcard(client, teacher, lesson):
    card = FlashcardFactory(lesson=lesson)
    client.force_login(teacher)

    client.post(_status_url(card, "bank_flashcard_status"), {"status": "rejected"})

    card.refresh_from_db()
    assert card.status == QuestionStatus.REJECTED


def test_editing_in_place_saves_and_marks_the_question_edited(client, teacher, lesson):
    question = QuestionFactory(lesson=lesson)
    client.force_login(teacher)
    url = reverse("quizzes:bank_question_edit", kwargs={"slug": lesson.slug, "pk": question.pk})

    client.post(
        url,
        {
            "prompt": "Who presided over the Congress of Vienna?",
            "options": "Metternich\nTalleyrand\nCastlereagh\nAlexander I",
            "answer": "metternich",
            "explanation": "",
        },
    )

    question.refresh_from_db()
    assert question.status == QuestionStatus.EDITED
    assert question.prompt == "Who presided over the Congress of Vienna?"
    assert question.choices[-1] == "Alexander I"
    assert question.answer == "Metternich"


def test_an_invalid_edit_shows_the_reason_and_saves_nothing(client, teacher, lesson):
    question = QuestionFactory(lesson=lesson)
    client.force_login(teacher)
    url = reverse("quizzes:bank_question_edit", kwargs={"slug": lesson.slug, "pk": question.pk})

    response = client.post(url, {"prompt": "Who?", "options": "A\nB\nC\nD", "answer": "Metternich"})

    assert response.status_code == 400
    assert "The answer must be one of the options." in response.content.decode()
    question.refresh_from_db()
    assert question.status == QuestionStatus.GENERATED


def test_editing_a_flashcard_marks_it_edited(client, teacher, lesson):
    card = FlashcardFactory(lesson=lesson)
    client.force_login(teacher)
    url = reverse("quizzes:bank_flashcard_edit", kwargs={"slug": lesson.slug, "pk": card.pk})

    client.post(url, {"front": "Metternich", "back": "Austria's foreign minister."})

    card.refresh_from_db()
    assert (card.front, card.status) == ("Metternich", QuestionStatus.EDITED)


def _add(client, lesson, **data):
    url = reverse("quizzes:bank_question_add", kwargs={"slug": lesson.slug})
    return client.post(url, data)


@pytest.mark.parametrize(
    ("data", "answer", "choices"),
    [
        (
            {
                "kind": "multiple_choice",
                "options": "Vienna\nParis\nBerlin\nLondon",
                "answer": "Vienna",
            },
            "Vienna",
            ["Vienna", "Paris", "Berlin", "London"],
        ),
        (
            {
                "kind": "multiple_response",
                "options": "Austria\nBrazil\nPrussia\nJapan",
                "answer": "Prussia\nAustria",
            },
            ["Austria", "Prussia"],
            ["Austria", "Brazil", "Prussia", "Japan"],
        ),
        ({"kind": "true_false", "answer": "False"}, "false", []),
        ({"kind": "short_answer", "answer": "Metternich"}, "Metternich", []),
        (
            {"kind": "ordering", "answer": "Leipzig\nVienna opens\nWaterloo"},
            ["Leipzig", "Vienna opens", "Waterloo"],
            None,
        ),
        (
            {"kind": "matching", "answer": "Metternich | Austria\nCastlereagh | Britain"},
            [["Metternich", "Austria"], ["Castlereagh", "Britain"]],
            None,
        ),
    ],
)
def test_teacher_adds_a_question_of_each_kind(client, teacher, lesson, data, answer, choices):
    client.force_login(teacher)

    response = _add(client, lesson, prompt="Which city hosted the congress?", **data)

    question = Question.objects.get(lesson=lesson)
    assert response.status_code == 302
    assert question.kind == data["kind"]
    assert question.answer == answer
    if choices is not None:
        assert question.choices == choices
    assert question.status == QuestionStatus.APPROVED
    assert question.created_by == teacher


def test_added_fill_blank_keeps_its_blank_and_variants(client, teacher, lesson):
    client.force_login(teacher)

    _add(
        client,
        lesson,
        kind="fill_blank",
        prompt="The congress ended in ___ with the Final Act.",
        answer="1815",
        accepted="June 1815\n1815",
    )

    question = Question.objects.get(lesson=lesson)
    assert question.prompt == "The congress ended in _____ with the Final Act."
    assert question.accepted == ["June 1815"]


def test_added_ordering_shows_its_items_shuffled(client, teacher, lesson):
    client.force_login(teacher)

    _add(client, lesson, kind="ordering", prompt="Order these.", answer="One\nTwo\nThree\nFour")

    question = Question.objects.get(lesson=lesson)
    assert sorted(question.choices) == sorted(question.answer)
    assert question.choices != question.answer


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"kind": "multiple_choice", "options": "A\nB\nC", "answer": "A"},
            "needs exactly 4 options",
        ),
        (
            {"kind": "multiple_choice", "options": "A\nB\nC\nD", "answer": "E"},
            "The answer must be one of the options.",
        ),
        (
            {"kind": "multiple_choice", "options": "A\nB\na\nD", "answer": "A"},
            "must be different from each other",
        ),
        (
            {"kind": "multiple_response", "options": "A\nB\nC", "answer": "A\nB\nC"},
            "At least one option must be wrong.",
        ),
        ({"kind": "true_false", "answer": "maybe"}, "true or false"),
        ({"kind": "fill_blank", "answer": "1815"}, "Mark the missing words with one blank"),
        ({"kind": "matching", "answer": "Metternich | Austria"}, "at least two pairs"),
        ({"kind": "matching", "answer": "Metternich - Austria\nA | B"}, "left | right"),
        ({"kind": "ordering", "answer": "One\nTwo"}, "at least three items"),
        ({"kind": "short_answer", "answer": "congress"}, "gives its own answer away"),
        ({"kind": "essay", "answer": "x"}, "Select a valid choice"),
    ],
)
def test_adding_an_invalid_question_says_why(client, teacher, lesson, data, message):
    client.force_login(teacher)

    response = _add(client, lesson, prompt="Which city hosted the congress?", **data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.filter(lesson=lesson).exists()


def test_add_question_page_offers_every_kind(client, teacher, lesson):
    client.force_login(teacher)

    response = client.get(reverse("quizzes:bank_question_add", kwargs={"slug": lesson.slug}))

    for value in QuestionKind.values:
        assert f'value="{value}"' in response.content.decode()


def test_teacher_adds_a_flashcard(client, teacher, lesson):
    client.force_login(teacher)
    url = reverse("quizzes:bank_flashcard_add", kwargs={"slug": lesson.slug})

    client.post(url, {"front": "Talleyrand", "back": "France's envoy at Vienna."})

    card = lesson.flashcards.get()
    assert (card.front, card.status, card.created_by) == (
        "Talleyrand",
        QuestionStatus.APPROVED,
        teacher,
    )


def test_regenerate_button_is_only_for_those_who_may_edit(client, teacher, admin_user):
    bank_url = reverse("quizzes:bank_review", kwargs={"slug": LessonFactory().slug})
    client.force_login(teacher)
    assert "Regenerate bank" not in client.get(bank_url).content.decode()

    client.force_login(admin_user)
    assert "Regenerate bank" in client.get(bank_url).content.decode()


def test_teacher_cannot_regenerate_a_lesson_they_do_not_own(client, teacher):
    lesson = LessonFactory()
    client.force_login(teacher)

    response = client.post(reverse("quizzes:bank_regenerate", kwargs={"slug": lesson.slug}))

    assert response.status_code == 403


def test_owner_regenerates_and_keeps_reviewed_questions(client, teacher, run_tasks):
    lesson = LessonFactory(owner=teacher)
    rejected = QuestionFactory(lesson=lesson, status=QuestionStatus.REJECTED, prompt="Kept?")
    client.force_login(teacher)

    response = client.post(reverse("quizzes:bank_regenerate", kwargs={"slug": lesson.slug}))
    run_tasks()

    assert response.status_code == 302
    assert "reviewed were kept" in client.get(response["Location"]).content.decode()
    rejected.refresh_from_db()
    assert (rejected.prompt, rejected.status) == ("Kept?", QuestionStatus.REJECTED)
    # Every key point makes a flashcard, so the generator has visibly run.
    assert lesson.flashcards.exists()


@pytest.mark.parametrize(
    ("format_name", "content_type", "filename"),
    [
        ("json", "application/json", "congress.json"),
        ("gift", "text/plain; charset=utf-8", "congress-gift.txt"),
        ("moodle-xml", "application/xml", "congress-moodle.xml"),
        ("apkg", "application/octet-stream", "congress.apkg"),
        ("quizlet", "text/plain; charset=utf-8", "congress-quizlet.txt"),
    ],
)
def test_bank_page_downloads_every_format(client, teacher, format_name, content_type, filename):
    lesson = LessonFactory(slug="congress")
    QuestionFactory(lesson=lesson)
    FlashcardFactory(lesson=lesson)
    client.force_login(teacher)
    url = reverse("quizzes:bank_download", kwargs={"slug": "congress", "format_name": format_name})

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert len(response.content) > 0


def test_unknown_download_format_is_not_found(client, teacher, lesson):
    client.force_login(teacher)
    url = reverse("quizzes:bank_download", kwargs={"slug": lesson.slug, "format_name": "pdf"})

    assert client.get(url).status_code == 404


def test_students_cannot_download_a_bank(client, student, lesson):
    client.force_login(student)
    url = reverse("quizzes:bank_download", kwargs={"slug": lesson.slug, "format_name": "json"})

    assert client.get(url).status_code == 403


def test_bank_page_says_rejected_questions_stay_out_of_exports(client, teacher, bank_url):
    client.force_login(teacher)

    page = client.get(bank_url).content.decode()

    assert "Rejected questions and flashcards are left out" in page


def test_another_teacher_cannot_review_a_teachers_own_lesson(client, teacher):
    lesson = LessonFactory(owner=TeacherFactory())
    question = QuestionFactory(lesson=lesson)
    client.force_login(teacher)

    response = client.post(_status_url(question), {"status": "approved"})

    assert response.status_code == 404
    question.refresh_from_db()
    assert question.status == QuestionStatus.GENERATED


def _gift_file(text: str, name: str = "mine.gift"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def test_teacher_imports_gift_questions_from_the_bank_page(
    client, teacher, lesson, bank_url, run_tasks
):
    client.force_login(teacher)
    url = reverse("quizzes:bank_import_gift", kwargs={"slug": lesson.slug})

    response = client.post(
        url, {"gift_file": _gift_file("Who won?{=Wellington ~Napoleon}\n\nBad?{#1}")}
    )
    run_tasks()
    response = client.get(response["Location"])

    question = Question.objects.get(lesson=lesson)
    assert (question.prompt, question.status) == ("Who won?", QuestionStatus.APPROVED)
    page = response.content.decode()
    assert "Imported 1 question, approved." in page
    assert "line 3: numerical questions are not supported" in page


def test_importing_a_file_that_is_not_utf8_says_so(client, teacher, lesson):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(teacher)
    url = reverse("quizzes:bank_import_gift", kwargs={"slug": lesson.slug})
    upload = SimpleUploadedFile("mine.gift", "Café?{=oui}".encode("latin-1"))

    response = client.post(url, {"gift_file": upload}, follow=True)

    assert "The file is not UTF-8 text" in response.content.decode()
    assert not Question.objects.filter(lesson=lesson).exists()


def test_students_cannot_import_gift(client, student, lesson):
    client.force_login(student)
    url = reverse("quizzes:bank_import_gift", kwargs={"slug": lesson.slug})

    response = client.post(url, {"gift_file": _gift_file("Who won?{=Wellington ~Napoleon}")})

    assert response.status_code == 403
    assert not Question.objects.exists()


@pytest.mark.parametrize("kind", QuestionKind.values)
def test_saving_an_untouched_in_place_editor_keeps_the_questions_parts(
    client, teacher, lesson, kind
):
    from quizzes.forms.bank import question_editor_fields
    from tests.quizzes.factories import QUESTION_FACTORIES_BY_KIND

    question = QUESTION_FACTORIES_BY_KIND[kind](lesson=lesson)
    before = (question.prompt, question.answer, question.accepted)
    client.force_login(teacher)
    url = reverse("quizzes:bank_question_edit", kwargs={"slug": lesson.slug, "pk": question.pk})

    response = client.post(url, {f.name: f.value for f in question_editor_fields(question)})

    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.prompt, question.answer, question.accepted) == before
    assert question.status == QuestionStatus.EDITED


def test_review_from_the_page_script_answers_with_the_new_status_and_counts(
    client, teacher, lesson
):
    question = QuestionFactory(lesson=lesson)
    QuestionFactory(lesson=lesson)
    client.force_login(teacher)

    response = client.post(
        _status_url(question),
        {"status": "rejected"},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )

    assert response.status_code == 200
    assert response.json() == {
        "item": "question",
        "status": "rejected",
        "label": "Rejected",
        "message": "Question rejected.",
        "counts": {"generated": 1, "approved": 0, "edited": 0, "rejected": 1},
    }


def test_gift_import_runs_in_the_background_and_reports_on_its_page(
    client, teacher, lesson, run_tasks
):
    client.force_login(teacher)
    url = reverse("quizzes:bank_import_gift", kwargs={"slug": lesson.slug})

    response = client.post(url, {"gift_file": _gift_file("Who won?{=Wellington ~Napoleon}")})

    assert response.status_code == 302 and "/jobs/" in response["Location"]
    assert not Question.objects.filter(lesson=lesson).exists()
    run_tasks()
    assert Question.objects.get(lesson=lesson).prompt == "Who won?"
    assert "Imported 1 question" in client.get(response["Location"]).content.decode()


def test_a_gift_file_over_the_question_limit_is_refused_before_any_work(client, teacher, lesson):
    client.force_login(teacher)
    url = reverse("quizzes:bank_import_gift", kwargs={"slug": lesson.slug})
    many = "\n\n".join(f"Q{n}?{{=a ~b}}" for n in range(1_001))

    response = client.post(url, {"gift_file": _gift_file(many)})

    assert response.status_code == 400
    assert "at most 1,000 questions" in response.content.decode()
    assert not Question.objects.filter(lesson=lesson).exists()


def test_a_gift_prompt_longer_than_the_bank_form_allows_is_skipped_naming_the_limit(
    client, teacher, lesson, run_tasks
):
    client.force_login(teacher)
    url = reverse("quizzes:bank_import_gift", kwargs={"slug": lesson.slug})
    text = "Short?{=yes ~no}\n\n" + "Why" * 1_000 + "?{=yes ~no}"

    response = client.post(url, {"gift_file": _gift_file(text)})
    run_tasks()

    assert list(Question.objects.filter(lesson=lesson).values_list("prompt", flat=True)) == [
        "Short?"
    ]
    page = client.get(response["Location"]).content.decode()
    assert "line 3: the question is 3,001 characters; the bank allows 2,000" in page


def test_a_gift_file_with_a_nul_byte_is_a_400_with_a_message(client, teacher, lesson):
    client.force_login(teacher)
    url = reverse("quizzes:bank_import_gift", kwargs={"slug": lesson.slug})

    response = client.post(url, {"gift_file": _gift_file("Who\x00 won?{=Wellington ~Napoleon}")})

    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    assert not Question.objects.filter(lesson=lesson).exists()


def test_regenerating_runs_in_the_background(client, teacher, run_tasks):
    lesson = LessonFactory(owner=teacher)
    client.force_login(teacher)

    response = client.post(reverse("quizzes:bank_regenerate", kwargs={"slug": lesson.slug}))

    assert "/jobs/" in response["Location"]
    assert not lesson.flashcards.exists()
    run_tasks()
    assert lesson.flashcards.exists()
