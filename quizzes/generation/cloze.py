"""Fill-in-the-blank and multiple-choice items: one span of a sentence hidden."""

import re

from quizzes.generation.answers import Answer, alias_follows, alias_precedes, variants
from quizzes.generation.checks import (
    BARE_YEAR,
    BLANK,
    answer_in_source,
    article_gives_away,
    has_one_blank,
    prompt_hides_answer,
)
from quizzes.generation.entities import DATE
from quizzes.generation.items import GeneratedQuestion
from quizzes.generation.selection import LessonSentence

IN_BLANK = re.compile(r"\b([Ii]n) " + re.escape(BLANK))
FILL_BLANK = "fill_blank"
MULTIPLE_CHOICE = "multiple_choice"
SHORT_ANSWER = "short_answer"


def cloze_prompt(sentence: LessonSentence, answer: Answer) -> str | None:
    """The sentence with the answer blanked, or None when that would be unfair."""
    if answer.after_article in ("a", "an") or alias_follows(sentence.doc, answer.token_end):
        return None
    if alias_precedes(sentence.doc, answer.token_start):
        return None  # "Taksin, also known as _____": the name before answers it
    prompt = sentence.render(answer.start, answer.end, BLANK)
    if not (has_one_blank(prompt) and prompt_hides_answer(prompt, answer.text)):
        return None
    if article_gives_away(prompt) or not answer_in_source(answer.text, sentence.text):
        return None
    return prompt


def fill_blank(
    sentence: LessonSentence,
    answer: Answer,
    prompt: str,
    kind: str = FILL_BLANK,
    rule: str = "cloze",
) -> GeneratedQuestion:
    """A typed answer: a blank in the sentence, or a wh-question (kind short_answer)."""
    if kind == FILL_BLANK and answer.kind == DATE and BARE_YEAR.fullmatch(answer.text):
        # "first sat in _____" fits a place as well (F4 judges): say a year is asked.
        prompt = IN_BLANK.sub(r"\1 the year " + BLANK, prompt)
    return GeneratedQuestion(
        kind=kind,
        prompt=prompt,
        answer=answer.text,
        accepted=variants(answer)[1:],
        rule=f"{rule}.{answer.kind}",
        sentence=sentence,
        target=answer.text,
        key_point=sentence.key_point,
        answer_kind=answer.kind,
    )


def multiple_choice(
    sentence: LessonSentence, answer: Answer, prompt: str, distractors: list[str], rule: str
) -> GeneratedQuestion:
    """Four options; their order is settled later for the whole bank."""
    return GeneratedQuestion(
        kind=MULTIPLE_CHOICE,
        prompt=prompt,
        answer=answer.text,
        choices=[answer.text, *distractors[:3]],
        distractors=list(distractors[:3]),
        rule=f"{rule}.{answer.kind}",
        sentence=sentence,
        target=answer.text,
        key_point=sentence.key_point,
        answer_kind=answer.kind,
    )
