"""A question's parts typed as lines of text, built into the shapes the Question keeps.

The Question model's docstring gives each kind's shape; every kind has its own rules and
messages a teacher can act on. The bank forms and the GIFT import both build through here.
"""

import random
import re

from django.core.exceptions import ValidationError

from quizzes.models import QuestionKind

BLANK = "_____"
MATCH_SEPARATOR = "|"
MC_OPTION_COUNT = 4
LINE_MAX_LENGTH = 500


def split_lines(text: str) -> list[str]:
    """Non-empty lines of a textarea, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def shuffled(items: list, *, seed: str) -> list:
    """The items in a stable shuffled order that differs from the given one where it can."""
    result = list(items)
    random.Random(seed).shuffle(result)
    if len(result) > 1 and result == list(items):
        result = result[1:] + result[:1]
    return result


def _distinct(lines: list[str], what: str) -> list[str]:
    seen: set[str] = set()
    for line in lines:
        if _folded(line) in seen:
            raise ValidationError(f"{what} must be different from each other: “{line}” repeats.")
        if len(line) > LINE_MAX_LENGTH:
            raise ValidationError(f"{what} are limited to {LINE_MAX_LENGTH} characters each.")
        seen.add(_folded(line))
    return lines


def _gives_away(prompt: str, answer: str) -> bool:
    """The answer stands in the prompt as whole words ("Lenin" in "Leningrad" does not)."""
    pattern = r"(?<!\w)" + re.escape(_folded(answer)) + r"(?!\w)"
    return re.search(pattern, _folded(prompt)) is not None


def _find_option(options: list[str], wanted: str) -> str | None:
    return next((option for option in options if _folded(option) == _folded(wanted)), None)


def build_question_parts(
    *,
    kind: str,
    prompt: str,
    options: list[str],
    answer_lines: list[str],
    accepted: list[str],
    option_counts: tuple[int, int] = (MC_OPTION_COUNT, MC_OPTION_COUNT),
    strict: bool = True,
) -> tuple[str, list, str | list, list[str]]:
    """(prompt, choices, answer, accepted) for a kind, or ValidationError saying what is wrong.

    Errors are a dict keyed by the form field a person would fix. An import passes
    strict=False: a file's wording and accepted answers are kept as their author wrote them
    (so a bank exported to GIFT comes back unchanged), while its structure is still checked.
    """
    prompt = prompt.strip()
    if not prompt:
        raise ValidationError({"prompt": "Write the question."})
    if kind == QuestionKind.MULTIPLE_CHOICE:
        low, high = option_counts
        if not low <= len(options) <= high:
            wanted = f"exactly {low}" if low == high else f"{low} to {high}"
            raise ValidationError(
                {"options": f"A multiple-choice question needs {wanted} options."}
            )
        _distinct_field(options, "options", "Options")
        if len(answer_lines) != 1:
            raise ValidationError({"answer": "Give the one right option."})
        right = _find_option(options, answer_lines[0])
        if right is None:
            raise ValidationError({"answer": "The answer must be one of the options."})
        return prompt, options, right, []
    if kind == QuestionKind.MULTIPLE_RESPONSE:
        if len(options) < 3:
            raise ValidationError({"options": "A select-all question needs at least 3 options."})
        _distinct_field(options, "options", "Options")
        if not answer_lines:
            raise ValidationError({"answer": "Give at least one right option."})
        rights = [_find_option(options, line) for line in answer_lines]
        if None in rights:
            missing = answer_lines[rights.index(None)]
            raise ValidationError({"answer": f"“{missing}” is not one of the options."})
        rights = list(dict.fromkeys(rights))
        if len(rights) == len(options):
            raise ValidationError({"answer": "At least one option must be wrong."})
        # Right options keep the order of the options, so a bank reads the same everywhere.
        return prompt, options, [option for option in options if option in rights], []
    if kind == QuestionKind.TRUE_FALSE:
        value = _folded(answer_lines[0]) if len(answer_lines) == 1 else ""
        if value not in {"true", "false"}:
            raise ValidationError(
                {"answer": "The answer of a true/false question is true or false."}
            )
        return prompt, [], value, []
    if kind in (QuestionKind.FILL_BLANK, QuestionKind.SHORT_ANSWER):
        if len(answer_lines) != 1:
            raise ValidationError({"answer": "Give the expected answer on one line."})
        answer = answer_lines[0]
        if kind == QuestionKind.FILL_BLANK:
            prompt = _one_blank(prompt)
        if not strict:
            return prompt, [], answer, accepted
        if _gives_away(prompt, answer):
            raise ValidationError({"prompt": "The question gives its own answer away."})
        others = [line for line in accepted if _folded(line) != _folded(answer)]
        _distinct_field(others, "accepted", "Accepted answers")
        return prompt, [], answer, others
    if kind == QuestionKind.MATCHING:
        pairs = []
        for line in answer_lines:
            parts = [part.strip() for part in line.split(MATCH_SEPARATOR)]
            if len(parts) != 2 or not all(parts):
                raise ValidationError(
                    {"answer": f"Write each pair as “left | right”; “{line}” is not one."}
                )
            pairs.append(parts)
        if len(pairs) < 2:
            raise ValidationError({"answer": "A matching question needs at least two pairs."})
        _distinct_field([left for left, _ in pairs], "answer", "Left-hand items")
        _distinct_field([right for _, right in pairs], "answer", "Right-hand items")
        choices = shuffled([right for _, right in pairs], seed=prompt)
        return prompt, choices, pairs, []
    if kind == QuestionKind.ORDERING:
        if len(answer_lines) < 3:
            raise ValidationError({"answer": "An ordering question needs at least three items."})
        _distinct_field(answer_lines, "answer", "Items")
        return prompt, shuffled(answer_lines, seed=prompt), answer_lines, []
    raise ValidationError({"kind": "Choose a kind of question."})


def _distinct_field(lines: list[str], field: str, what: str) -> None:
    try:
        _distinct(lines, what)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


def _one_blank(prompt: str) -> str:
    blanks = re.findall(r"_{3,}", prompt)
    if len(blanks) != 1:
        raise ValidationError(
            {
                "prompt": f"Mark the missing words with one blank, {BLANK} "
                "(three or more underscores)."
            }
        )
    return re.sub(r"_{3,}", BLANK, prompt)
