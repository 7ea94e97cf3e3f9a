"""Render time of the gradebook, its CSV export and an assignment's statistics for a class of
200 students and 40 assignments, on a throwaway SQLite database.

Run: `make bench-gradebook` (or `.venv/bin/python bench/bench_gradebook.py --students 200`).
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = tempfile.TemporaryDirectory(prefix="bench-gradebook-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR.name}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "history_quiz.settings_test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from history_quiz.accounts.models import Role, User  # noqa: E402
from lessons.models import KeyPoint, Lesson  # noqa: E402
from quizzes.models import (  # noqa: E402
    Answer,
    Assignment,
    Attempt,
    Classroom,
    Enrolment,
    LessonReading,
    Question,
    QuestionKind,
    Quiz,
    QuizQuestion,
)

CHOICES = ["Metternich", "Talleyrand", "Castlereagh", "Hardenberg"]


def build(*, students: int, assignments: int, questions: int) -> tuple[Classroom, Assignment]:
    """A class with every student's attempts and answers, made with bulk_create."""
    rng = random.Random(1815)
    now = timezone.now()
    teacher = User.objects.create(username="bench-teacher", role=Role.TEACHER)
    classroom = Classroom.objects.create(name="Bench class", teacher=teacher, join_code="BENCH2")
    pupils = User.objects.bulk_create(
        User(username=f"pupil{n}", first_name=f"Pupil{n}", last_name=f"Bench{n:04d}")
        for n in range(students)
    )
    Enrolment.objects.bulk_create(Enrolment(classroom=classroom, student=p) for p in pupils)
    lesson = Lesson.objects.create(title="Vienna", slug="vienna", summary="The congress.")
    key_points = KeyPoint.objects.bulk_create(
        KeyPoint(lesson=lesson, position=n, text=f"Key point {n}") for n in range(1, 5)
    )
    lesson_count = max(1, assignments // 10)
    quiz_count = assignments - lesson_count
    bank = Question.objects.bulk_create(
        Question(
            lesson=lesson,
            kind=QuestionKind.MULTIPLE_CHOICE,
            prompt=f"Question {n}?",
            choices=CHOICES,
            answer=CHOICES[0],
            key_point=key_points[n % len(key_points)],
        )
        for n in range(questions * 2)
    )
    quizzes = Quiz.objects.bulk_create(
        Quiz(title=f"Quiz {n}", owner=teacher, attempts_allowed=0) for n in range(quiz_count)
    )
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=quiz, question=question, position=position)
        for quiz in quizzes
        for position, question in enumerate(rng.sample(bank, questions), start=1)
    )
    due = [now + timedelta(days=rng.randint(-20, 10)) for _ in range(assignments)]
    quiz_assignments = Assignment.objects.bulk_create(
        Assignment(classroom=classroom, quiz=quiz, assigned_by=teacher, due_at=due[n])
        for n, quiz in enumerate(quizzes)
    )
    lesson_assignments = Assignment.objects.bulk_create(
        Assignment(classroom=classroom, lesson=lesson, assigned_by=teacher, due_at=due[-1 - n])
        for n in range(lesson_count)
    )
    LessonReading.objects.bulk_create(
        LessonReading(assignment=assignment, student=pupil)
        for assignment in lesson_assignments
        for pupil in pupils
        if rng.random() < 0.7
    )
    question_ids = {
        quiz.pk: [link.question_id for link in quiz.quiz_questions.all()] for quiz in quizzes
    }
    attempts, marks = [], []
    for assignment in quiz_assignments:
        for pupil in pupils:
            ability = (pupil.pk % 10) / 10
            for number in range(1, rng.choice([0, 1, 1, 1, 2]) + 1):
                ids = question_ids[assignment.quiz_id]
                right = [rng.random() < 0.3 + 0.6 * ability for _ in ids]
                attempts.append(
                    Attempt(
                        assignment=assignment,
                        student=pupil,
                        number=number,
                        question_ids=ids,
                        submitted_at=now - timedelta(days=rng.randint(0, 25)),
                        score=sum(right),
                        max_score=len(ids),
                    )
                )
                marks.append(right)
    attempts = Attempt.objects.bulk_create(attempts, batch_size=2000)
    Answer.objects.bulk_create(
        (
            Answer(
                attempt=attempt,
                question_id=question_id,
                given=CHOICES[0] if is_right else rng.choice(CHOICES[1:]),
                mark=float(is_right),
            )
            for attempt, right in zip(attempts, marks, strict=True)
            for question_id, is_right in zip(attempt.question_ids, right, strict=True)
        ),
        batch_size=5000,
    )
    return classroom, quiz_assignments[0]


def measure(client: Client, url: str, runs: int) -> tuple[float, float, float, int, int]:
    """Best and median wall time, best CPU time of this process (the machine is shared: CPU
    time leaves out the waits for other programs), queries and size of one response."""
    timings, cpu = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        assert response.status_code == 200, (url, response.status_code)
    return (
        min(timings) * 1000,
        statistics.median(timings) * 1000,
        min(cpu) * 1000,
        len(queries),
        len(response.content),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--assignments", type=int, default=40)
    parser.add_argument("--questions", type=int, default=10, help="questions per quiz")
    parser.add_argument("--runs", type=int, default=10)
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    classroom, assignment = build(
        students=options.students, assignments=options.assignments, questions=options.questions
    )
    print(
        f"Built {options.students} students x {options.assignments} assignments: "
        f"{Attempt.objects.count()} attempts, {Answer.objects.count()} answers "
        f"in {time.perf_counter() - start:.1f} s"
    )
    client = Client()
    client.force_login(classroom.teacher)
    pages = {
        "gradebook": reverse("quizzes:gradebook", args=[classroom.pk]),
        "gradebook CSV": reverse("quizzes:gradebook_export", args=[classroom.pk]),
        "statistics": reverse("quizzes:assignment_statistics", args=[classroom.pk, assignment.pk]),
        "statistics, all attempts": reverse(
            "quizzes:assignment_statistics", args=[classroom.pk, assignment.pk]
        )
        + "?attempts=all",
    }
    print(f"{'page':<26}{'best ms':>10}{'median ms':>12}{'CPU ms':>9}{'queries':>9}{'KiB':>8}")
    for name, url in pages.items():
        best, median, cpu, queries, size = measure(client, url, options.runs)
        print(f"{name:<26}{best:>10.0f}{median:>12.0f}{cpu:>9.0f}{queries:>9}{size / 1024:>8.0f}")
    print("Load average (1, 5, 15 min): " + " ".join(f"{v:.2f}" for v in os.getloadavg()))


if __name__ == "__main__":
    try:
        main()
    finally:
        connection.close()
        WORKDIR.cleanup()
