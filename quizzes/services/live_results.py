"""What a live game leaves behind: due flashcards for the mistakes of class members, and,
when the teacher ticked "graded", an entry in the class's gradebook."""

from django.db import transaction
from django.utils import timezone

from quizzes.models import (
    Answer,
    AnswerVisibility,
    Assignment,
    Attempt,
    Enrolment,
    LiveAnswer,
    LiveGame,
    LivePhase,
    Question,
    Quiz,
    QuizQuestion,
    SelectionMode,
)
from quizzes.services.study import study_queue_mistakes


def live_queue_mistakes(*, game: LiveGame, index: int, now=None) -> int:
    """Make due the flashcards of question `index` for every class member who got it
    wrong, as a wrong quiz answer does; returns how many students got cards."""
    wrong = (
        LiveAnswer.objects.filter(
            game=game, question_index=index, mark__lt=1.0, player__user__isnull=False
        )
        .select_related("player__user", "question")
        .order_by("pk")
    )
    students = 0
    for answer in wrong:
        if study_queue_mistakes(student=answer.player.user, questions=[answer.question], now=now):
            students += 1
    return students


def played_question_ids(game: LiveGame) -> list[int]:
    """The questions that were shown and closed (a game ended early plays fewer)."""
    if game.current_index < 0:
        return []
    closed = (
        game.current_index + 1
        if game.phase in (LivePhase.REVEAL, LivePhase.ENDED)
        else game.current_index
    )
    return list(game.question_ids[:closed])


@transaction.atomic
def live_save_to_gradebook(*, game: LiveGame) -> Assignment | None:
    """Count a graded class game in the gradebook: an assignment of the game's questions
    (as a quiz) with one handed-in attempt per class member who played, marked as quizzes
    mark (the share of right answers; speed points do not count towards the grade).

    The quiz is the game's record, not a quiz to take: due when the game ended, with its
    answers out from then (the game showed each one to the room), so a member who missed
    the game cannot start it and nothing of it is kept back from their practice."""
    question_ids = played_question_ids(game)
    if not game.classroom_id or not question_ids or game.assignment_id:
        return None
    questions = Question.objects.in_bulk(question_ids)
    quiz = Quiz.objects.create(
        title=f"Live game: {game.title}"[:200],
        owner=game.host,
        selection_mode=SelectionMode.HAND_PICKED,
        attempts_allowed=1,
        shuffle_questions=False,
        shuffle_options=False,
        answers_visible=AnswerVisibility.AFTER_DUE,
    )
    quiz.lessons.set({question.lesson_id for question in questions.values()})
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=quiz, question_id=question_id, position=position)
        for position, question_id in enumerate(question_ids, start=1)
    )
    assignment = Assignment.objects.create(
        classroom_id=game.classroom_id,
        quiz=quiz,
        assigned_by=game.host,
        due_at=game.ended_at or timezone.now(),
    )
    enrolled = set(
        Enrolment.objects.current()
        .filter(classroom_id=game.classroom_id)
        .values_list("student_id", flat=True)
    )
    members = [
        player
        for player in game.players.active().filter(user__isnull=False)
        if player.user_id in enrolled
    ]
    given = {
        (answer.player_id, answer.question_id): answer
        for answer in LiveAnswer.objects.filter(game=game, question_id__in=question_ids)
    }
    for player in members:
        attempt = Attempt.objects.create(
            assignment=assignment,
            student_id=player.user_id,
            number=1,
            question_ids=question_ids,
            option_orders={key: game.option_orders.get(key, []) for key in map(str, question_ids)},
            submitted_at=game.ended_at,
            max_score=float(len(question_ids)),
        )
        rows = []
        for question_id in question_ids:
            live = given.get((player.pk, question_id))
            rows.append(
                Answer(
                    attempt=attempt,
                    question_id=question_id,
                    given=live.given if live else None,
                    mark=(live.mark or 0.0) if live else 0.0,
                )
            )
        Answer.objects.bulk_create(rows)
        attempt.score = sum(row.mark for row in rows)
        attempt.save(update_fields=["score"])
    game.assignment = assignment
    game.save(update_fields=["assignment"])
    return assignment
