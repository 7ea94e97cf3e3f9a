"""True/false statements: a lesson sentence as written, or with one span swapped."""

from quizzes.generation.answers import Answer
from quizzes.generation.checks import differs_by_one_span
from quizzes.generation.items import GeneratedQuestion
from quizzes.generation.selection import LessonSentence

TRUE_FALSE = "true_false"


def true_statement(sentence: LessonSentence) -> GeneratedQuestion:
    return GeneratedQuestion(
        kind=TRUE_FALSE,
        prompt=sentence.render(),
        answer="true",
        rule="tf.true",
        sentence=sentence,
        target="true",
        key_point=sentence.key_point,
    )


def false_statement(
    sentence: LessonSentence, answer: Answer, replacement: str
) -> GeneratedQuestion | None:
    """The sentence with one entity, date or number swapped for a wrong one."""
    prompt = sentence.render(answer.start, answer.end, replacement)
    if not differs_by_one_span(sentence.render(), prompt):
        return None
    return GeneratedQuestion(
        kind=TRUE_FALSE,
        prompt=prompt,
        answer="false",
        rule=f"tf.swap.{answer.kind}",
        sentence=sentence,
        target=f"{answer.text}->{replacement}",
        key_point=sentence.key_point,
        answer_kind=answer.kind,
    )
