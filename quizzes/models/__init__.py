"""Quizzes' models, a module per topic; import them from here."""

from quizzes.models.attempts import (
    Answer,
    AnswerVisibility,
    Attempt,
    GradingMethod,
    Quiz,
    QuizQuestion,
    SelectionMode,
)
from quizzes.models.bank import (
    Flashcard,
    Question,
    QuestionKind,
    QuestionStatus,
)
from quizzes.models.classes import (
    Assignment,
    AssignmentChange,
    AssignmentExtension,
    Classroom,
    Enrolment,
    LessonReading,
)
from quizzes.models.invitations import ClassInvitation, ClassInvitationRecipient
from quizzes.models.live import LiveAnswer, LiveGame, LivePhase, LivePlayer
from quizzes.models.study import CardOrigin, CardPhase, CardState, StudyRating, StudyReview

__all__ = [
    "Answer",
    "AnswerVisibility",
    "Assignment",
    "AssignmentChange",
    "AssignmentExtension",
    "Attempt",
    "CardOrigin",
    "CardPhase",
    "CardState",
    "ClassInvitation",
    "ClassInvitationRecipient",
    "Classroom",
    "Enrolment",
    "Flashcard",
    "GradingMethod",
    "LessonReading",
    "LiveAnswer",
    "LiveGame",
    "LivePhase",
    "LivePlayer",
    "Question",
    "QuestionKind",
    "QuestionStatus",
    "Quiz",
    "QuizQuestion",
    "SelectionMode",
    "StudyRating",
    "StudyReview",
]
