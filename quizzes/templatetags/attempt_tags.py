"""The take page's questions, written in Python: twenty questions through a template include
were some 700 variable lookups and 25 loops a page, most of the page's time. Every value is
escaped (the standard library's `html.escape`, the same entities as Django's escaping);
ids, attribute words and numbers come ready from `TakeQuestion.shown`."""

from html import escape as _escape

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def escape(value) -> str:
    """`value` as text, escaped as the template language's `{{ value }}` escapes it."""
    return _escape(str(value))


MULTIPLE_RESPONSE_HINT = (
    '<p class="small text-muted">Tick every right option; a wrong tick cancels a right one.</p>\n'
)
MATCHING_HINT = (
    '<p class="small text-muted">Match each item on the left with one from the list.</p>\n'
)
ORDERING_HINT = (
    '<p class="small text-muted">Give each item its place, 1 first. '
    "The arrows move an item up or down.</p>\n"
)


def _choices(q: dict, html: list[str]) -> None:
    """Radio buttons or tick boxes, one per option."""
    if q["kind"] == "multiple_response":
        html.append(MULTIPLE_RESPONSE_HINT)
    input_type, name = escape(q["input_type"]), escape(q["field"])
    for option in q["options"]:
        element_id, value = escape(option["id"]), escape(option["value"])
        html.append(
            f'<div class="form-check">\n<input class="form-check-input" type="{input_type}" '
            f'name="{name}" id="{element_id}" value="{value}"{escape(option["attrs"])}>\n'
            f'<label class="form-check-label" for="{element_id}">{value}</label>\n</div>\n'
        )


def _true_false(q: dict, html: list[str]) -> None:
    name = escape(q["field"])
    for option in q["options"]:
        element_id = escape(option["id"])
        html.append(
            f'<div class="form-check form-check-inline">\n<input class="form-check-input" '
            f'type="radio" name="{name}" id="{element_id}" value="{escape(option["value"])}"'
            f'{escape(option["attrs"])}>\n<label class="form-check-label" for="{element_id}">'
            f"{escape(option['label'])}</label>\n</div>\n"
        )


def _text_box(q: dict, html: list[str]) -> None:
    name = escape(q["field"])
    html.append(
        f'<label class="form-label" for="{name}-text">Your answer</label>\n'
        f'<input class="form-control" type="text" name="{name}" id="{name}-text" '
        f'value="{escape(q["text"])}" maxlength="500" autocomplete="off" '
        f'spellcheck="false"{escape(q["disabled"])}>\n'
    )


def _select_options(choices: list[tuple[str, str]]) -> str:
    """A select's options from (value, " selected" or "") pairs, the value as its text."""
    return "".join(
        f'<option value="{value}"{escape(selected)}>{value}</option>'
        for value, selected in ((escape(choice), selected) for choice, selected in choices)
    )


def _matching(q: dict, html: list[str]) -> None:
    html.append(MATCHING_HINT)
    disabled = escape(q["disabled"])
    for row in q["matches"]:
        element_id, left = escape(row["id"]), escape(row["left"])
        options = _select_options(row["options"])
        html.append(
            f'<div class="row g-2 align-items-center mb-2">\n'
            f'<label class="col-sm-5 col-form-label" for="{element_id}">{left}</label>\n'
            f'<div class="col-sm-7">\n<select class="form-select" name="{element_id}" '
            f'id="{element_id}" data-left="{left}"{disabled}>\n'
            f'<option value="">Choose…</option>\n{options}\n</select>\n</div>\n</div>\n'
        )


def _ordering(q: dict, html: list[str]) -> None:
    html.append(ORDERING_HINT)
    html.append('<ol class="list-group ordering" data-ordering>\n')
    disabled = escape(q["disabled"])
    for row in q["positions"]:
        element_id, item = escape(row["id"]), escape(row["item"])
        numbers = _select_options(row["numbers"])
        moves = (
            ""
            if q["checked"]
            else '<span class="order-moves d-none btn-group btn-group-sm">\n'
            '<button type="button" class="btn btn-outline-secondary btn-tap" data-move="-1" '
            f'aria-label="Move {item} up">↑</button>\n'
            '<button type="button" class="btn btn-outline-secondary btn-tap" data-move="1" '
            f'aria-label="Move {item} down">↓</button>\n</span>\n'
        )
        html.append(
            '<li class="list-group-item d-flex flex-wrap align-items-center gap-2 '
            f'ordering-item" data-item="{item}">\n'
            f'<select class="form-select form-select-sm w-auto" name="{element_id}" '
            f'id="{element_id}" aria-label="Place of {item}"{disabled}>\n'
            f'<option value="">–</option>\n{numbers}\n</select>\n'
            f'<span class="flex-grow-1 ordering-text">{item}</span>\n{moves}</li>\n'
        )
    html.append("</ol>\n")


ANSWER_PARTS = {
    "multiple_choice": _choices,
    "multiple_response": _choices,
    "true_false": _true_false,
    "fill_blank": _text_box,
    "short_answer": _text_box,
    "matching": _matching,
    "ordering": _ordering,
}


def answer_feedback(mark: float | None, right_answer: str, explanation: str) -> str:
    """Right, partly right or not right, the answer and its explanation, as the page's
    script (static/js/attempt.js) shows them after "Check answer"."""
    look, verdict = (
        ("alert-success", "Right.")
        if mark == 1
        else ("alert-warning", "Partly right.")
        if mark
        else ("alert-danger", "Not right.")
    )
    why = f'<br><span class="small">{escape(explanation)}</span>' if explanation else ""
    return (
        f'<div class="alert {look} py-2 mb-0">\n<strong>{verdict}</strong>\n'
        f"The answer: {escape(right_answer)}{why}\n</div>\n"
    )


@register.simple_tag
def attempt_question(q: dict, check_each: bool) -> SafeString:
    """One question of the take page as a fieldset: its number, kind and prompt, the inputs
    for its kind with the saved answer filled in, and (when the quiz shows answers after
    each question) the Check button or, once checked, the feedback. `q` is
    `TakeQuestion.shown()`."""
    pk = escape(q["pk"])
    locked = ' data-locked="1"' if q["checked"] else ""
    html = [
        f'<fieldset class="card mb-3 question" id="q-{pk}" data-question-id="{pk}" '
        f'data-kind="{escape(q["kind"])}"{locked}>\n'
        '<legend class="card-header h6 mb-0 d-flex justify-content-between">\n'
        f"<span>Question {escape(q['number'])} of {escape(q['total'])}</span>\n"
        f'<span class="badge text-bg-light">{escape(q["kind_label"])}</span>\n</legend>\n'
        f'<div class="card-body">\n<p class="question-prompt">{escape(q["prompt"])}</p>\n'
    ]
    if q["error"]:
        html.append(
            f'<div class="alert alert-danger py-2" role="alert">{escape(q["error"])}</div>\n'
        )
    write_answer = ANSWER_PARTS.get(q["kind"])
    if write_answer is not None:
        write_answer(q, html)
    html.append('<p class="small text-danger mt-2 mb-0" data-question-error role="alert"></p>\n')
    if check_each:
        html.append('<div class="mt-2" data-feedback aria-live="polite">\n')
        if q["checked"]:
            feedback = q["feedback"]
            html.append(
                answer_feedback(feedback["mark"], feedback["right_answer"], feedback["explanation"])
            )
        else:
            html.append(
                f'<button type="submit" name="check" value="{pk}" '
                'class="btn btn-sm btn-outline-dark" data-check>Check answer</button>\n'
                '<span class="small text-muted">Checking locks this answer.</span>\n'
            )
        html.append("</div>\n")
    html.append("</div>\n</fieldset>\n")
    return mark_safe("".join(html))  # noqa: S308 - every value above is escaped
