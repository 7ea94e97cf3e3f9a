from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from quizzes.models import (
    Answer,
    Assignment,
    Attempt,
    CardPhase,
    CardState,
    Classroom,
    Enrolment,
    Flashcard,
    LessonReading,
    Question,
    QuestionKind,
    QuestionStatus,
    Quiz,
    QuizQuestion,
    StudyRating,
    StudyReview,
)
from tests.accounts.factories import StudentFactory, TeacherFactory
from tests.lessons.factories import LessonFactory


class QuestionFactory(DjangoModelFactory):
    """A multiple-choice question about the lesson's first sentence."""

    class Meta:
        model = Question

    lesson = factory.SubFactory(LessonFactory)
    kind = QuestionKind.MULTIPLE_CHOICE
    prompt = factory.Sequence(lambda n: f"Who chaired the Congress of Vienna? ({n})")
    choices = factory.LazyFunction(
        lambda: ["Metternich", "Talleyrand", "Castlereagh", "Hardenberg"]
    )
    answer = "Metternich"
    accepted = factory.LazyFunction(list)
    status = QuestionStatus.GENERATED
    # Ranked ready, as most of a generated bank is: random draws and practice use it.
    ready = True
    confidence = 0.9
    rule = "test"
    source_sentence = factory.LazyAttribute(
        lambda q: q.lesson.sentences.order_by("position").first()
    )
    source_text = factory.LazyAttribute(
        lambda q: q.source_sentence.text if q.source_sentence else ""
    )


class TrueFalseQuestionFactory(QuestionFactory):
    kind = QuestionKind.TRUE_FALSE
    prompt = factory.Sequence(lambda n: f"The Final Act was signed in 1815. ({n})")
    choices = factory.LazyFunction(list)
    answer = "true"


class FillBlankQuestionFactory(QuestionFactory):
    kind = QuestionKind.FILL_BLANK
    prompt = factory.Sequence(lambda n: f"The Final Act was signed on 9 June _____. ({n})")
    choices = factory.LazyFunction(list)
    answer = "1815"


class FlashcardFactory(DjangoModelFactory):
    class Meta:
        model = Flashcard

    lesson = factory.SubFactory(LessonFactory)
    front = factory.Sequence(lambda n: f"Klemens von Metternich ({n})")
    back = "The Austrian statesman who chaired the Congress of Vienna."
    status = QuestionStatus.GENERATED
    rule = "test"
    source_sentence = factory.LazyAttribute(
        lambda c: c.lesson.sentences.order_by("position").first()
    )
    source_text = factory.LazyAttribute(
        lambda c: c.source_sentence.text if c.source_sentence else ""
    )


class ClassroomFactory(DjangoModelFactory):
    class Meta:
        model = Classroom

    name = factory.Sequence(lambda n: f"Year 9 History {n}")
    teacher = factory.SubFactory(TeacherFactory)
    join_code = factory.Sequence(lambda n: f"JOIN{n:04d}")


class EnrolmentFactory(DjangoModelFactory):
    class Meta:
        model = Enrolment

    classroom = factory.SubFactory(ClassroomFactory)
    student = factory.SubFactory(StudentFactory)


class QuizFactory(DjangoModelFactory):
    """A hand-picked quiz; QuizFactory(question_count=3) adds that many questions of one lesson."""

    class Meta:
        model = Quiz
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Congress of Vienna check {n}")
    owner = factory.SubFactory(TeacherFactory)

    @factory.post_generation
    def question_count(quiz, create, extracted, **kwargs):
        if not create or not extracted:
            return
        lesson = LessonFactory(owner=quiz.owner)
        quiz.lessons.add(lesson)
        for position in range(1, extracted + 1):
            QuizQuestion.objects.create(
                quiz=quiz, question=QuestionFactory(lesson=lesson), position=position
            )


class AssignmentFactory(DjangoModelFactory):
    """A quiz assigned to a class, due in a week."""

    class Meta:
        model = Assignment

    classroom = factory.SubFactory(ClassroomFactory)
    quiz = factory.SubFactory(QuizFactory, owner=factory.SelfAttribute("..classroom.teacher"))
    lesson = None
    assigned_by = factory.SelfAttribute("classroom.teacher")
    due_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))


class AttemptFactory(DjangoModelFactory):
    class Meta:
        model = Attempt

    assignment = factory.SubFactory(AssignmentFactory)
    student = factory.SubFactory(StudentFactory)
    number = 1
    question_ids = factory.LazyAttribute(
        lambda a: list(
            a.assignment.quiz.quiz_questions.order_by("position").values_list(
                "question_id", flat=True
            )
        )
    )


class AnswerFactory(DjangoModelFactory):
    class Meta:
        model = Answer

    attempt = factory.SubFactory(AttemptFactory)
    question = factory.SubFactory(QuestionFactory)
    given = factory.LazyAttribute(lambda a: a.question.answer)
    mark = 1.0


class CardStateFactory(DjangoModelFactory):
    """A card the student has learnt and that came due yesterday."""

    class Meta:
        model = CardState

    student = factory.SubFactory(StudentFactory)
    flashcard = factory.SubFactory(FlashcardFactory)
    phase = CardPhase.REVIEW
    step = None
    stability = 4.0
    difficulty = 5.0
    last_review = factory.LazyFunction(lambda: timezone.now() - timedelta(days=5))
    due = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    introduced_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))


class StudyReviewFactory(DjangoModelFactory):
    class Meta:
        model = StudyReview

    card_state = factory.SubFactory(CardStateFactory)
    rating = StudyRating.GOOD
    reviewed_at = factory.LazyFunction(timezone.now)
    due_after = factory.LazyAttribute(lambda r: r.reviewed_at + timedelta(days=3))


class SubmittedAttemptFactory(AttemptFactory):
    """A graded attempt: SubmittedAttemptFactory(score=3, max_score=4)."""

    submitted_at = factory.LazyFunction(timezone.now)
    score = 1.0
    max_score = 1.0


class LessonAssignmentFactory(AssignmentFactory):
    """A lesson to read, assigned to a class."""

    quiz = None
    lesson = factory.SubFactory(LessonFactory)


class LessonReadingFactory(DjangoModelFactory):
    class Meta:
        model = LessonReading

    assignment = factory.SubFactory(LessonAssignmentFactory)
    student = factory.SubFactory(StudentFactory)


class ShortAnswerQuestionFactory(QuestionFactory):
    kind = QuestionKind.SHORT_ANSWER
    prompt = factory.Sequence(lambda n: f"Who spoke for defeated France? ({n})")
    choices = factory.LazyFunction(list)
    answer = "Talleyrand"
    accepted = factory.LazyFunction(lambda: ["Charles-Maurice de Talleyrand"])


class MultipleResponseQuestionFactory(QuestionFactory):
    kind = QuestionKind.MULTIPLE_RESPONSE
    prompt = factory.Sequence(lambda n: f"Which powers sent delegates to Vienna? ({n})")
    choices = factory.LazyFunction(lambda: ["Austria", "Prussia", "Spain", "Portugal"])
    answer = factory.LazyFunction(lambda: ["Austria", "Prussia"])


class MatchingQuestionFactory(QuestionFactory):
    kind = QuestionKind.MATCHING
    prompt = factory.Sequence(lambda n: f"Match each delegate with their country. ({n})")
    choices = factory.LazyFunction(lambda: ["France", "Austria", "Britain"])
    answer = factory.LazyFunction(
        lambda: [["Metternich", "Austria"], ["Castlereagh", "Britain"], ["Talleyrand", "France"]]
    )


class OrderingQuestionFactory(QuestionFactory):
    kind = QuestionKind.ORDERING
    prompt = factory.Sequence(lambda n: f"Put these events in order. ({n})")
    choices = factory.LazyFunction(
        lambda: ["Waterloo", "Congress opens", "Final Act signed", "Napoleon exiled to Elba"]
    )
    answer = factory.LazyFunction(
        lambda: ["Napoleon exiled to Elba", "Congress opens", "Final Act signed", "Waterloo"]
    )


QUESTION_FACTORIES_BY_KIND = {
    QuestionKind.MULTIPLE_CHOICE: QuestionFactory,
    QuestionKind.TRUE_FALSE: TrueFalseQuestionFactory,
    QuestionKind.FILL_BLANK: FillBlankQuestionFactory,
    QuestionKind.SHORT_ANSWER: ShortAnswerQuestionFactory,
    QuestionKind.MATCHING: MatchingQuestionFactory,
    QuestionKind.ORDERING: OrderingQuestionFactory,
    QuestionKind.MULTIPLE_RESPONSE: MultipleResponseQuestionFactory,
}


def question_of_every_kind(lesson, **fields) -> list[Question]:
    """One question of each kind for the lesson, in QuestionKind's order."""
    return [
        QUESTION_FACTORIES_BY_KIND[kind](lesson=lesson, **fields) for kind in QuestionKind.values
    ]
