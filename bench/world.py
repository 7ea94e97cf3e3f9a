"""The benchmark's school, made with bulk_create: a teacher, a class of students, a lesson
imported from fixtures/lessons, a 20-question quiz of several kinds assigned to the class,
an open attempt per student for taking and saving, and fresh open attempts to submit."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.utils import timezone
from django.utils.crypto import get_random_string

from history_quiz.accounts.models import Role, User
from lessons.services import lesson_import_file
from quizzes.models import (
    Answer,
    Assignment,
    Attempt,
    Classroom,
    Enrolment,
    Question,
    QuestionKind,
    Quiz,
    QuizQuestion,
)

# Twenty questions: every kind a student answers on the take page.
KINDS = [
    (QuestionKind.MULTIPLE_CHOICE, ["Stalin", "Trotsky", "Kamenev", "Bukharin"], "Stalin"),
    (QuestionKind.TRUE_FALSE, [], "true"),
    (QuestionKind.FILL_BLANK, [], "1936"),
    (QuestionKind.SHORT_ANSWER, [], "Yezhov"),
    (
        QuestionKind.MULTIPLE_RESPONSE,
        ["Zinoviev", "Kamenev", "Churchill", "Roosevelt"],
        ["Zinoviev", "Kamenev"],
    ),  # fmt: skip
    (QuestionKind.ORDERING, ["1934", "1936", "1937", "1938"], ["1934", "1936", "1937", "1938"]),
]


@dataclass
class Session:
    """A logged-in browser: its session and CSRF cookies."""

    session_key: str
    csrf: str

    @property
    def cookie(self) -> str:
        return (
            f"{settings.SESSION_COOKIE_NAME}={self.session_key}; "
            f"{settings.CSRF_COOKIE_NAME}={self.csrf}"
        )


@dataclass
class School:
    teacher: Session
    classroom: Classroom
    quiz: Quiz | None = None
    # Per student: (session, the open attempt to take and save, its question ids)
    takers: list[tuple[Session, Attempt]] = field(default_factory=list)
    # Fresh open attempts to submit, each once: (session, attempt)
    to_submit: list[tuple[Session, Attempt]] = field(default_factory=list)


def session_for(user: User) -> Session:
    """A server-side login: what django.contrib.auth.login stores, without the login form
    (so no password hashing and no login throttling in the figures)."""
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    # The CSRF cookie holds a bare secret; the same value is a valid X-CSRFToken header.
    csrf = get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)
    return Session(store.session_key, csrf)


def _questions(lesson) -> list[Question]:
    sentences = list(lesson.sentences.order_by("position")[:20])
    return Question.objects.bulk_create(
        Question(
            lesson=lesson,
            kind=kind,
            prompt=(
                f"Question {n + 1}: {sentences[n % len(sentences)].text[:80]} _____"
                if kind == QuestionKind.FILL_BLANK
                else f"Question {n + 1}: {sentences[n % len(sentences)].text[:120]}"
            ),
            choices=choices,
            answer=answer,
            source_sentence=sentences[n % len(sentences)],
            source_text=sentences[n % len(sentences)].text,
            rule="bench",
        )
        for n, (kind, choices, answer) in ((n, KINDS[n % len(KINDS)]) for n in range(20))
    )


def school_build(*, students: int, submit_rounds: int) -> School:
    """Build the school; `submit_rounds` assignments of the same quiz give each student that
    many more open attempts, so every submit request hands in a real, unsubmitted attempt."""
    lesson = lesson_import_file(
        path=settings.LESSON_FIXTURES_DIR / "moscow-trials-great-purge.txt"
    ).lesson
    teacher = User.objects.create(username="bench-teacher", role=Role.TEACHER)
    classroom = Classroom.objects.create(name="Year 9", teacher=teacher, join_code="BENCH9")
    pupils = User.objects.bulk_create(
        User(username=f"pupil{n}", first_name=f"Pupil{n}", last_name=f"Bench{n:04d}")
        for n in range(students)
    )
    Enrolment.objects.bulk_create(Enrolment(classroom=classroom, student=p) for p in pupils)
    questions = _questions(lesson)
    quiz = Quiz.objects.create(title="The Great Purge", owner=teacher, attempts_allowed=0)
    quiz.lessons.add(lesson)
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=quiz, question=q, position=n) for n, q in enumerate(questions, 1)
    )
    due = timezone.now() + timedelta(days=7)
    assignments = Assignment.objects.bulk_create(
        Assignment(classroom=classroom, quiz=quiz, assigned_by=teacher, due_at=due)
        for _ in range(1 + submit_rounds)
    )
    ids = [q.pk for q in questions]
    orders = {str(q.pk): list(range(len(q.choices))) for q in questions}
    attempts = Attempt.objects.bulk_create(
        (
            Attempt(
                assignment=assignment,
                student=pupil,
                question_ids=ids,
                option_orders=orders,
            )
            for assignment in assignments
            for pupil in pupils
        ),
        batch_size=2000,
    )
    # Half of each attempt already answered, as when the bell rings mid-quiz.
    Answer.objects.bulk_create(
        (
            Answer(attempt=attempt, question=question, given=question.answer)
            for attempt in attempts
            for question in questions[: len(questions) // 2]
        ),
        batch_size=5000,
    )
    sessions = {pupil.pk: session_for(pupil) for pupil in pupils}
    school = School(teacher=session_for(teacher), classroom=classroom, quiz=quiz)
    for attempt in attempts:
        pair = (sessions[attempt.student_id], attempt)
        if attempt.assignment_id == assignments[0].pk:
            school.takers.append(pair)
        else:
            school.to_submit.append(pair)
    return school


def bell_class_build(*, school: School, students: int) -> list[tuple[Session, Attempt]]:
    """Another class of `students`, logged in, each with an untouched open attempt of the
    school's quiz: the class that opens the quiz when the bell rings."""
    teacher = User.objects.get(username="bench-teacher")
    classroom = Classroom.objects.create(name="Year 10", teacher=teacher, join_code="BELL10")
    pupils = User.objects.bulk_create(
        User(username=f"bell{n}", first_name=f"Bell{n}", last_name=f"Ring{n:04d}")
        for n in range(students)
    )
    Enrolment.objects.bulk_create(Enrolment(classroom=classroom, student=p) for p in pupils)
    assignment = Assignment.objects.create(
        classroom=classroom, quiz=school.quiz, assigned_by=teacher, due_at=None
    )
    questions = list(
        school.quiz.quiz_questions.order_by("position").values_list(
            "question_id", "question__choices"
        )
    )
    ids = [pk for pk, _ in questions]
    orders = {str(pk): list(range(len(choices))) for pk, choices in questions}
    attempts = Attempt.objects.bulk_create(
        Attempt(assignment=assignment, student=p, question_ids=ids, option_orders=orders)
        for p in pupils
    )
    return [(session_for(attempt.student), attempt) for attempt in attempts]
