"""Every bundled (and held-out) lesson's generated bank, checked question by question."""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from quizzes.generation import checks
from quizzes.models import Flashcard, Question, QuestionKind, QuestionStatus

# The bundled lessons, and lessons the generator was never tuned on (tests/.../heldout).
HELDOUT_DIR = Path(__file__).parent / "data" / "heldout"
LESSON_FILES = sorted(Path(settings.LESSON_FIXTURES_DIR).glob("*.txt")) + sorted(
    HELDOUT_DIR.glob("*.txt")
)
# The banks are built once per module outside any test's transaction; the mark makes
# pytest-django set up the test database even when only these tests are selected (without
# it, `-k` on this module alone ran against the real database file).
pytestmark = pytest.mark.django_db

SENTENCE_KINDS = (QuestionKind.MULTIPLE_CHOICE, QuestionKind.FILL_BLANK, QuestionKind.SHORT_ANSWER)


@pytest.fixture(scope="module")
def banks(django_db_setup, django_db_blocker):
    """Import every bundled lesson once (generation runs on import); plain data out."""
    from lessons.models import Lesson
    from lessons.services import lesson_import_file

    found = {}
    with django_db_blocker.unblock():
        for path in LESSON_FILES:
            outcome = lesson_import_file(path=path)
            assert outcome.generation_error == ""
            lesson = outcome.lesson
            found[path.stem] = {
                "questions": list(Question.objects.filter(lesson=lesson).values()),
                "flashcards": list(Flashcard.objects.filter(lesson=lesson).values()),
                "key_points": list(lesson.key_points.values_list("pk", flat=True)),
                "key_point_texts": list(lesson.key_points.values_list("text", flat=True)),
                "title": lesson.title,
            }
        yield found
        Lesson.objects.filter(slug__in=[p.stem for p in LESSON_FILES]).delete()


# Items built on the lesson's structure rather than one sentence's words.
STRUCTURE_RULES = ("mc.true", "mc.cause", "mc.result")


def _questions(banks, slug, *kinds, ready=False):
    """The lesson's questions of these kinds; sentence kinds leave out structure items."""
    found = []
    for question in banks[slug]["questions"]:
        if kinds and question["kind"] not in kinds or ready and not question["ready"]:
            continue
        if (
            set(kinds) <= set(SENTENCE_KINDS)
            and kinds
            and question["rule"].startswith(STRUCTURE_RULES)
        ):
            continue
        found.append(question)
    return found


lessons = pytest.mark.parametrize("slug", [p.stem for p in LESSON_FILES])


@lessons
def test_bank_has_enough_questions_and_a_ready_set(banks, slug):
    ready = _questions(banks, slug, ready=True)

    assert len(_questions(banks, slug)) >= 20
    # Precision first (the reads: blanks other than a year 63% usable, place and body
    # swaps 0 of 4): the thinnest lesson (23 sentences, no dates) keeps 11 ready.
    assert len(ready) >= 10
    assert len({q["kind"] for q in ready}) >= 2


def test_most_lessons_have_fifteen_ready_questions_of_four_kinds(banks):
    # Details leave the ready set down to a dozen (ranking.READY_FLOOR) until nine in ten
    # ready items are key: a lesson with few key items shows fewer ready ones rather than
    # date details, one with enough keeps twenty and more.
    reaching = [
        slug
        for slug in banks
        if len(ready := _questions(banks, slug, ready=True)) >= 15
        and len({q["kind"] for q in ready}) >= 4
    ]

    assert len(reaching) / len(banks) >= 0.6, reaching


def test_ready_items_are_mostly_key_content(banks):
    # The bar is 60% key by a blind reader; F4 + F5 readers judged key about 75% of what
    # the ranker calls key and a tenth of the details: a ready set needs ~85% of the first.
    ready = [q for slug in banks for q in _questions(banks, slug, ready=True)]

    details = sum(q["reason"].startswith("Ready: a detail") for q in ready)

    assert details <= 0.2 * len(ready)


@lessons
def test_ready_items_are_never_answered_by_the_title(banks, slug):
    title = banks[slug]["title"]
    for question in _questions(banks, slug, *SENTENCE_KINDS, ready=True):
        assert not checks.contains_phrase(title, question["answer"]), question


@lessons
def test_every_question_says_its_tier_in_plain_words(banks, slug):
    for question in _questions(banks, slug):
        assert 0 <= question["confidence"] <= 1
        assert question["reason"].startswith("Ready: " if question["ready"] else "Needs review: ")
        assert "." not in question["reason"].split(":")[0] and "_" not in question["reason"]


@lessons
def test_which_statement_is_true_has_one_key_point_and_three_false_statements(banks, slug):
    key_points = banks[slug]["key_point_texts"]
    for question in banks[slug]["questions"]:
        if not question["rule"].startswith("mc.true"):
            continue
        if question["rule"] in ("mc.true.summary", "mc.true.stated"):
            # A summary sentence, or the dated sentence stating a key point (the undated
            # key point stood out among dated wrong options), shown as its own source.
            assert question["answer"] == question["source_text"]
        else:
            assert question["answer"] in key_points
        wrong = [c for c in question["choices"] if c != question["answer"]]
        assert len(wrong) == 3 and checks.options_distinct(question["choices"])
        assert not set(wrong) & set(key_points)
        # Each wrong option is a key point or a lesson sentence with one span swapped.
        stated = key_points + [q["source_text"] for q in banks[slug]["questions"]]
        assert all(any(checks.differs_by_one_span(s, w) for s in stated) for w in wrong)


@lessons
def test_bank_has_enough_flashcards(banks, slug):
    assert len(banks[slug]["flashcards"]) >= 10


@lessons
def test_every_item_records_its_source_and_rule(banks, slug):
    items = banks[slug]["questions"] + banks[slug]["flashcards"]

    assert all(
        item["source_sentence_id"] and item["source_text"] and item["rule"] for item in items
    )


@lessons
def test_answer_stands_verbatim_in_its_source_sentence(banks, slug):
    for question in _questions(banks, slug, *SENTENCE_KINDS):
        assert checks.answer_in_source(question["answer"], question["source_text"]), question


@lessons
def test_prompt_never_gives_the_answer(banks, slug):
    for question in _questions(banks, slug, *SENTENCE_KINDS):
        assert checks.prompt_hides_answer(question["prompt"], question["answer"]), question


@lessons
def test_fill_blank_has_exactly_one_blank_and_no_article_giveaway(banks, slug):
    for question in _questions(banks, slug, QuestionKind.FILL_BLANK):
        assert checks.has_one_blank(question["prompt"]), question
        assert not checks.article_gives_away(question["prompt"]), question


@lessons
def test_short_answer_is_a_question(banks, slug):
    for question in _questions(banks, slug, QuestionKind.SHORT_ANSWER):
        assert checks.is_question(question["prompt"]), question


@lessons
def test_multiple_choice_has_four_distinct_options_with_the_answer(banks, slug):
    for question in _questions(banks, slug, QuestionKind.MULTIPLE_CHOICE):
        assert len(question["choices"]) == 4, question
        assert question["answer"] in question["choices"], question
        assert checks.options_distinct(question["choices"]), question


@lessons
def test_wrong_options_are_not_in_the_source_sentence(banks, slug):
    for question in _questions(banks, slug, QuestionKind.MULTIPLE_CHOICE):
        for option in question["choices"]:
            if option != question["answer"]:
                assert not checks.contains_phrase(question["source_text"], option), question


@lessons
def test_right_option_is_rarely_the_longest(banks, slug):
    mc = _questions(banks, slug, QuestionKind.MULTIPLE_CHOICE)

    share = checks.longest_share([(q["choices"], q["answer"]) for q in mc])

    assert share <= checks.LONGEST_SHARE_MAX


@lessons
def test_right_option_positions_are_spread(banks, slug):
    mc = _questions(banks, slug, QuestionKind.MULTIPLE_CHOICE)

    assert checks.positions_spread([q["choices"].index(q["answer"]) for q in mc])


@lessons
def test_true_and_false_are_about_half_each(banks, slug):
    answers = Counter(q["answer"] for q in _questions(banks, slug, QuestionKind.TRUE_FALSE))

    assert abs(answers["true"] - answers["false"]) <= max(2, sum(answers.values()) // 5)


@lessons
def test_false_statements_differ_from_a_lesson_sentence_by_one_span(banks, slug):
    for question in _questions(banks, slug, QuestionKind.TRUE_FALSE):
        if question["answer"] == "false":
            # A key point's false statement is the key point with one span changed.
            stated = question["explanation"].removeprefix("The lesson's key point: ")
            said = stated if question["explanation"] != stated else question["source_text"]
            original = re.sub(r"^(This|These|That|Those) ", "The ", said)
            assert checks.differs_by_one_span(original, question["prompt"]), question


@lessons
def test_no_two_questions_share_answer_and_sentence(banks, slug):
    keys = [(q["source_text"], str(q["answer"])) for q in _questions(banks, slug, *SENTENCE_KINDS)]

    assert len(keys) == len(set(keys))


@lessons
def test_no_near_duplicate_prompts(banks, slug):
    questions = _questions(banks, slug, *SENTENCE_KINDS)
    for i, first in enumerate(questions):
        for second in questions[i + 1 :]:
            if first["kind"] == second["kind"]:
                assert not checks.near_duplicate(first["prompt"], second["prompt"])


@lessons
def test_sets_are_well_formed(banks, slug):
    for question in _questions(banks, slug, QuestionKind.MATCHING):
        assert len(question["answer"]) >= 4
        assert sorted(question["choices"]) == sorted(right for _, right in question["answer"])
    for question in _questions(banks, slug, QuestionKind.ORDERING):
        assert len(question["answer"]) >= 3
        assert sorted(question["choices"]) == sorted(question["answer"])
        assert question["choices"] != question["answer"]


@lessons
def test_flashcard_terms_are_not_in_their_definitions(banks, slug):
    for card in banks[slug]["flashcards"]:
        if card["rule"].startswith(
            ("card.copula", "card.appositive", "card.relative", "card.subject")
        ):
            assert checks.definition_fits(card["front"], card["back"]), card
        else:
            assert 5 <= len(card["back"].split()) <= 30, card


@lessons
def test_every_key_point_is_tested(banks, slug):
    tested = {q["key_point_id"] for q in _questions(banks, slug)}

    assert set(banks[slug]["key_points"]) <= tested


def test_generating_twice_gives_the_same_bank(given_lesson):
    from quizzes.services.bank import bank_generate

    before = list(
        Question.objects.filter(lesson=given_lesson).values_list("fingerprint", "prompt", "choices")
    )

    result = bank_generate(lesson=given_lesson)

    after = list(
        Question.objects.filter(lesson=given_lesson).values_list("fingerprint", "prompt", "choices")
    )
    assert after == before
    assert (result.created, result.updated, result.removed) == (0, 0, 0)


def test_regeneration_keeps_reviewed_questions(given_lesson):
    from quizzes.services.bank import bank_generate

    edited, approved, rejected = Question.objects.filter(lesson=given_lesson)[:3]
    edited.prompt, edited.status = "A teacher's own wording?", QuestionStatus.EDITED
    approved.status = QuestionStatus.APPROVED
    rejected.status = QuestionStatus.REJECTED
    for question in (edited, approved, rejected):
        question.save()

    result = bank_generate(lesson=given_lesson)

    edited.refresh_from_db()
    assert edited.prompt == "A teacher's own wording?"
    assert Question.objects.filter(pk__in=[approved.pk, rejected.pk]).count() == 2
    assert result.unchanged_reviewed >= 3
