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
