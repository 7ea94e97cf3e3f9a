"""How a bank question is played live: which kinds can be, the options in the game's order,
what a tap means, and which options were right. Pure functions: no database."""

from typing import Any

from quizzes.models.bank import QuestionKind

LIVE_KINDS = (
    QuestionKind.MULTIPLE_CHOICE,
    QuestionKind.TRUE_FALSE,
    QuestionKind.MULTIPLE_RESPONSE,
    QuestionKind.ORDERING,
)
TRUE_FALSE_OPTIONS = ["True", "False"]


class BadChoice(ValueError):
    """A choice that does not fit the question (an option that is not there, say)."""


def is_playable(kind: str, choices: list) -> bool:
    """A kind a phone can answer with taps, with options enough to choose from."""
    if kind == QuestionKind.TRUE_FALSE:
        return True
    return kind in LIVE_KINDS and isinstance(choices, list) and len(choices) >= 2


def shown_options(question, order: list[int] | None) -> list[str]:
    """The options as the projector and the phones show them."""
    if question.kind == QuestionKind.TRUE_FALSE:
        return list(TRUE_FALSE_OPTIONS)
    choices = [str(choice) for choice in question.choices]
    if order and sorted(order) == list(range(len(choices))):
        return [choices[index] for index in order]
    return choices


def given_from_choice(question, options: list[str], choice: Any) -> Any:
    """The answer as the marker reads it (as a quiz stores it) from the tapped option
    numbers: one number for one answer, a list for multiple response and ordering."""
    kind = question.kind
    if kind in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE):
        if isinstance(choice, list) or not 0 <= choice < len(options):
            raise BadChoice("Pick one of the options.")
        if kind == QuestionKind.TRUE_FALSE:
            return "true" if choice == 0 else "false"
        return options[choice]
    picks = choice if isinstance(choice, list) else [choice]
    if len(set(picks)) != len(picks) or not all(0 <= pick < len(options) for pick in picks):
        raise BadChoice("Pick each option at most once.")
    if kind == QuestionKind.ORDERING and len(picks) != len(options):
        raise BadChoice("Put every item in order.")
    return [options[pick] for pick in picks]


def right_choice(question, options: list[str]) -> list[int]:
    """The option numbers of the right answer (for ordering: the items in the right order)."""
    kind = question.kind
    if kind == QuestionKind.TRUE_FALSE:
        return [0 if str(question.answer).strip().lower() == "true" else 1]
    answer = question.answer if isinstance(question.answer, list) else [question.answer]
    return [options.index(str(item)) for item in answer if str(item) in options]


def right_answer_text(question, options: list[str]) -> str:
    picks = right_choice(question, options)
    joiner = " → " if question.kind == QuestionKind.ORDERING else "; "
    return joiner.join(options[pick] for pick in picks)


def answer_bars(question, options: list[str], givens: list[Any]) -> list[dict]:
    """The bar chart after a question: how many players gave each option (multiple
    response: ticked it), or for ordering how many had the order right."""
    right = right_choice(question, options)
    if question.kind == QuestionKind.ORDERING:
        right_order = [options[pick] for pick in right]
        in_order = sum(1 for given in givens if given == right_order)
        return [
            {"label": "In the right order", "count": in_order, "right": True},
            {"label": "In another order", "count": len(givens) - in_order, "right": False},
        ]
    counts = [0] * len(options)
    for given in givens:
        for text in given if isinstance(given, list) else [given]:
            if question.kind == QuestionKind.TRUE_FALSE:
                text = "True" if text == "true" else "False"
            if text in options:
                counts[options.index(text)] += 1
    return [
        {"label": option, "count": counts[index], "right": index in right}
        for index, option in enumerate(options)
    ]
