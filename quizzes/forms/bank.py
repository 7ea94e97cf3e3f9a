"""Forms for reviewing a bank: a question or a flashcard written or edited by a person.

A question's parts are typed as lines of text and built here into the shapes the
Question model keeps (see its docstring); each kind has its own rules and messages.
"""

import random
import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import pretty_name

from quizzes.models import Question, QuestionKind, QuestionStatus

BLANK = "_____"
MATCH_SEPARATOR = "|"
MC_OPTION_COUNT = 4
PROMPT_MAX_LENGTH = 2000
LINE_MAX_LENGTH = 500

ANSWER_HELP = {
    QuestionKind.MULTIPLE_CHOICE: "The right option, as written among the options.",
    QuestionKind.MULTIPLE_RESPONSE: "The right options, one per line, as among the options.",
    QuestionKind.TRUE_FALSE: "true or false.",
    QuestionKind.FILL_BLANK: "The missing words.",
    QuestionKind.SHORT_ANSWER: "The expected answer.",
    QuestionKind.MATCHING: 'One pair per line, as "left | right" (at least two pairs).',
    QuestionKind.ORDERING: "The items in the right order, one per line (at least three).",
}


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


def question_form_initial(question: Question) -> dict[str, str]:
    """A question's parts as the lines of text the question form shows."""
    answer = question.answer
    if question.kind == QuestionKind.MATCHING:
        answer_text = "\n".join(f"{left} {MATCH_SEPARATOR} {right}" for left, right in answer)
    elif isinstance(answer, list):
        answer_text = "\n".join(str(item) for item in answer)
    else:
        answer_text = str(answer)
    uses_options = question.kind in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.MULTIPLE_RESPONSE)
    return {
        "kind": question.kind,
        "prompt": question.prompt,
        "options": "\n".join(question.choices) if uses_options else "",
        "answer": answer_text,
        "accepted": "\n".join(question.accepted),
        "explanation": question.explanation,
    }


class QuestionForm(forms.Form):
    """A question typed as lines; cleaned_data gets kind, prompt, choices, answer, accepted."""

    kind = forms.ChoiceField(choices=QuestionKind.choices)
    prompt = forms.CharField(
        label="Question",
        max_length=PROMPT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=f"For fill in the blank, mark the gap with {BLANK}; "
        "for true/false, write the statement.",
    )
    options = forms.CharField(
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Multiple choice: exactly four options, one per line. "
        "Select all that apply: three or more options.",
    )
    answer = forms.CharField(
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=" ".join(
            f"{QuestionKind(kind).label}: {text}" for kind, text in ANSWER_HELP.items()
        ),
    )
    accepted = forms.CharField(
        label="Other accepted answers",
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Fill in the blank and short answer: other answers that count as right, "
        "one per line.",
    )
    explanation = forms.CharField(
        required=False, max_length=PROMPT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, kind: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fixed_kind = kind
        if kind is not None:
            # An edit keeps the question's kind; only a new question chooses one.
            del self.fields["kind"]
            self.fields["answer"].help_text = ANSWER_HELP[QuestionKind(kind)]
            if kind not in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.MULTIPLE_RESPONSE):
                del self.fields["options"]
            if kind not in (QuestionKind.FILL_BLANK, QuestionKind.SHORT_ANSWER):
                del self.fields["accepted"]
            if kind == QuestionKind.TRUE_FALSE:
                self.fields["answer"] = forms.ChoiceField(
                    choices=[("true", "True"), ("false", "False")]
                )

    def clean(self) -> dict:
        cleaned = super().clean()
        kind = self.fixed_kind or cleaned.get("kind")
        if not kind or "prompt" not in cleaned or "answer" not in cleaned:
            return cleaned
        prompt, choices, answer, accepted = build_question_parts(
            kind=kind,
            prompt=cleaned["prompt"],
            options=split_lines(cleaned.get("options", "")),
            answer_lines=split_lines(cleaned["answer"]),
            accepted=split_lines(cleaned.get("accepted", "")),
        )
        cleaned.update(kind=kind, prompt=prompt, choices=choices, answer=answer, accepted=accepted)
        return cleaned


@dataclass(frozen=True)
class EditorField:
    """One box of an in-place editor on the bank page, posted to the edit form."""

    name: str
    label: str
    value: str
    rows: int = 2
    choices: tuple[tuple[str, str], ...] = ()


def _editor_fields(form_class: type[forms.Form], names: list[str], initial: dict) -> list:
    fields = []
    for name in names:
        field = form_class.base_fields[name]
        fields.append(
            EditorField(
                name=name,
                label=field.label or pretty_name(name),
                value=str(initial.get(name, "")),
                rows=int(field.widget.attrs.get("rows", 2)),
            )
        )
    return fields


def question_editor_fields(question: Question) -> list[EditorField]:
    """The boxes of a question's in-place editor, filled with its parts.

    A bank page holds a hundred editors, so they are plain data rendered by one small
    template rather than a hundred bound forms; the edit view validates with QuestionForm.
    """
    form = QuestionForm(kind=question.kind)  # the boxes this kind uses
    fields = _editor_fields(QuestionForm, list(form.fields), question_form_initial(question))
    if question.kind == QuestionKind.TRUE_FALSE:
        index = next(i for i, field in enumerate(fields) if field.name == "answer")
        fields[index] = EditorField(
            "answer", "Answer", str(question.answer), choices=(("true", "True"), ("false", "False"))
        )
    return fields


def flashcard_editor_fields(flashcard) -> list[EditorField]:
    """The boxes of a flashcard's in-place editor."""
    initial = {"front": flashcard.front, "back": flashcard.back}
    return _editor_fields(FlashcardForm, ["front", "back"], initial)


class FlashcardForm(forms.Form):
    front = forms.CharField(max_length=PROMPT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}))
    back = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class ReviewDecisionForm(forms.Form):
    """The approve and reject buttons; anything else is a tampered form."""

    status = forms.ChoiceField(
        choices=[(QuestionStatus.APPROVED, "Approve"), (QuestionStatus.REJECTED, "Reject")]
    )


class BankFilterForm(forms.Form):
    """The bank page's filters; an unknown value is ignored rather than an error."""

    kind = forms.ChoiceField(choices=[("", "All kinds"), *QuestionKind.choices], required=False)
    status = forms.ChoiceField(
        choices=[("", "All statuses"), *QuestionStatus.choices], required=False
    )

    def filters(self) -> dict[str, str]:
        self.is_valid()  # cleaned_data keeps only the fields that passed
        return {name: value for name, value in self.cleaned_data.items() if value}


GIFT_UPLOAD_MAX_BYTES = 1024 * 1024


class GiftUploadForm(forms.Form):
    """A GIFT file of a teacher's own questions; cleaned_data["text"] is its text."""

    gift_file = forms.FileField(
        label="GIFT file", help_text="A .txt or .gift file in UTF-8, up to 1 MB."
    )

    def clean_gift_file(self):
        upload = self.cleaned_data["gift_file"]
        if upload.size > GIFT_UPLOAD_MAX_BYTES:
            raise ValidationError("The file is larger than 1 MB; split it into smaller files.")
        try:
            self.cleaned_data["text"] = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("The file is not UTF-8 text; save it as UTF-8.") from None
        return upload
