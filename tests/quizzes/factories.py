import factory
from factory.django import DjangoModelFactory

from quizzes.models import Flashcard, Question, QuestionKind, QuestionStatus
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
