"""Demo data for `make run`: a class of the demo students with a lesson to read and a quiz
some have already taken, so the gradebook, statistics and dashboards are not empty."""

import random
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from history_quiz.accounts.models import User
from lessons.models import Lesson
from quizzes.drawing import draw_item, draw_spread
from quizzes.models import (
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
from quizzes.scoring import score_answer
from quizzes.services.classes import join_code_unused
from quizzes.services.quizzes import quiz_question_pool
from quizzes.services.study import study_queue_mistakes

DEMO_CLASS_NAME = "Year 9 History (demo)"
DEMO_QUESTION_COUNT = 6


def _wrong_answer(question: Question) -> Any:
    """A plausible wrong answer: another option where there are options, else a blank."""
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return next((choice for choice in question.choices if choice != question.answer), "")
    if question.kind == QuestionKind.TRUE_FALSE:
        return "false" if str(question.answer).lower() == "true" else "true"
    return ""


def _demo_attempt(*, assignment: Assignment, student, questions: list[Question], skill: int):
    submitted_at = timezone.now() - timedelta(days=2)
    attempt = Attempt.objects.create(
        assignment=assignment,
        student=student,
        question_ids=[question.pk for question in questions],
        submitted_at=submitted_at,
    )
    answers = []
    for position, question in enumerate(questions):
        given = question.answer if (position + skill) % 3 else _wrong_answer(question)
        mark = score_answer(question, given)
        answers.append(Answer(attempt=attempt, question=question, given=given, mark=mark))
    Answer.objects.bulk_create(answers)
    attempt.score = sum(answer.mark for answer in answers)
    attempt.max_score = len(answers)
    attempt.save(update_fields=["score", "max_score"])
    # As after a real submission: what the student got wrong comes back as due flashcards.
    study_queue_mistakes(
        student=student, questions=[answer.question for answer in answers if answer.mark < 1]
    )


@transaction.atomic
def demo_classroom_ensure(
    *,
    teacher_username: str = "teacher",
    student_usernames: tuple[str, ...] = ("student1", "student2", "student3"),
) -> Classroom | None:
    """Make the demo class once (later runs leave it as it is); None without the demo
    teacher."""
    teacher = User.objects.filter(username=teacher_username).first()
    if teacher is None:
        return None
    classroom, created = Classroom.objects.get_or_create(
        teacher=teacher, name=DEMO_CLASS_NAME, defaults={"join_code": join_code_unused()}
    )
    if not created:
        return classroom
    students = list(User.objects.filter(username__in=student_usernames).order_by("username"))
    Enrolment.objects.bulk_create(
        Enrolment(classroom=classroom, student=student) for student in students
    )
    lesson = Lesson.objects.order_by("pk").first()
    if lesson is None:
        return classroom
    now = timezone.now()
    reading = Assignment.objects.create(
        classroom=classroom, lesson=lesson, assigned_by=teacher, due_at=now + timedelta(days=3)
    )
    if students:
        LessonReading.objects.create(assignment=reading, student=students[0])
    # What any teacher may use of a library lesson: its ready and approved questions.
    candidates = (
        quiz_question_pool(owner=teacher, lessons=[lesson]).ready_or_approved().order_by("pk")
    )
    rows = candidates.values("pk", "source_text", "prompt", "choices", "answer", "kind")
    chosen = draw_spread([draw_item(row) for row in rows], DEMO_QUESTION_COUNT, random.Random(0))
    questions = sorted(candidates.filter(pk__in=chosen), key=lambda q: chosen.index(q.pk))
    if not questions:
        return classroom
    quiz = Quiz.objects.create(title=f"{lesson.title}: check", owner=teacher, attempts_allowed=2)
    quiz.lessons.add(lesson)
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=quiz, question=question, position=position)
        for position, question in enumerate(questions, start=1)
    )
    assignment = Assignment.objects.create(
        classroom=classroom, quiz=quiz, assigned_by=teacher, due_at=now - timedelta(days=1)
    )
    # The last student has not taken it: the gradebook shows them as missing.
    for skill, student in enumerate(students[:-1]):
        _demo_attempt(assignment=assignment, student=student, questions=questions, skill=skill)
    return classroom
