"""Forms for reviewing a bank: a question or a flashcard written or edited by a person."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import pretty_name

from quizzes.forms.question_parts import (
    BLANK,
    LINE_MAX_LENGTH,
    MATCH_SEPARATOR,
    build_question_parts,
    split_lines,
)
from quizzes.models import Question, QuestionKind, QuestionStatus

PROMPT_MAX_LENGTH = 2000

ANSWER_HELP = {
    QuestionKind.MULTIPLE_CHOICE: "The right option, as written among the options.",
    QuestionKind.MULTIPLE_RESPONSE: "The right options, one per line, as among the options.",
    QuestionKind.TRUE_FALSE: "true or false.",
    QuestionKind.FILL_BLANK: "The missing words.",
    QuestionKind.SHORT_ANSWER: "The expected answer.",
    QuestionKind.MATCHING: 'One pair per line, as "left | right" (at least two pairs).',
    QuestionKind.ORDERING: "The items in the right order, one per line (at least three).",
}


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


BULK_MAX = 1000


class BulkReviewForm(ReviewDecisionForm):
    """Approve or reject the ticked items at once: "q-<id>" for a question, "f-<id>" for a
    flashcard; anything else is a tampered form."""

    items = forms.Field(required=False)

    def clean_items(self) -> dict[str, list[int]]:
        """The ticked ids by kind of item: {"q": [...], "f": [...]}."""
        raw = self.data.getlist("items") if hasattr(self.data, "getlist") else []
        if len(raw) > BULK_MAX:
            raise ValidationError(f"Choose at most {BULK_MAX} items at a time.")
        ids: dict[str, list[int]] = {"q": [], "f": []}
        for value in raw:
            prefix, _, number = str(value).partition("-")
            if prefix not in ids or not number.isdecimal() or len(number) > 12:
                raise ValidationError("Unknown item.")
            ids[prefix].append(int(number))
        return ids


class BankFilterForm(forms.Form):
    """The bank page's filters; an unknown value is ignored rather than an error."""

    kind = forms.ChoiceField(choices=[("", "All kinds"), *QuestionKind.choices], required=False)
    status = forms.ChoiceField(
        choices=[("", "All statuses"), *QuestionStatus.choices], required=False
    )
    tier = forms.ChoiceField(
        choices=[
            ("", "Any tier"),
            ("ready", "Ready"),
            ("review", "Needs review"),
            ("approved", "Approved or edited"),
        ],
        required=False,
    )
    search = forms.CharField(max_length=100, required=False, strip=True)

    def filters(self) -> dict[str, str]:
        self.is_valid()  # cleaned_data keeps only the fields that passed
        return {name: value for name, value in self.cleaned_data.items() if value}


GIFT_UPLOAD_MAX_BYTES = 1024 * 1024
# A lesson's generated bank has some 20 to 80 questions; a teacher's own file for one lesson
# is rarely more than a few hundred. More at once is several lessons' worth (or not a bank).
GIFT_MAX_QUESTIONS = 1_000


class GiftUploadForm(forms.Form):
    """A GIFT file of a teacher's own questions; cleaned_data["text"] is its text.

    Everything a file can be refused for as a whole is checked here, before any work.
    """

    gift_file = forms.FileField(
        label="GIFT file",
        help_text=f"A .txt or .gift file in UTF-8, up to 1 MB and {GIFT_MAX_QUESTIONS:,} "
        f"questions; each question up to {PROMPT_MAX_LENGTH:,} characters and each answer "
        f"up to {LINE_MAX_LENGTH} (as in the question form).",
    )

    def clean_gift_file(self):
        from quizzes.imports.gift import gift_question_count  # the import reads this form's limits

        upload = self.cleaned_data["gift_file"]
        if upload.size > GIFT_UPLOAD_MAX_BYTES:
            raise ValidationError("The file is larger than 1 MB; split it into smaller files.")
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("The file is not UTF-8 text; save it as UTF-8.") from None
        if "\x00" in text:
            raise ValidationError(
                "The file holds a NUL character (byte 0), so it is not plain text: "
                "save it again as UTF-8 text."
            )
        count = gift_question_count(text)
        if count > GIFT_MAX_QUESTIONS:
            raise ValidationError(
                f"A GIFT file may hold at most {GIFT_MAX_QUESTIONS:,} questions; this one has "
                f"{count:,}. Split it into smaller files."
            )
        self.cleaned_data["text"] = text
        return upload
