"""Forms for lessons added from the web: upload a document or paste its text."""

from pathlib import PurePath

from django import forms
from django.template.defaultfilters import filesizeformat

from lessons.models import Lesson
from lessons.parsing import LessonParseError, decode_document, parse_lesson
from lessons.places import PERIODS, REGIONS
from lessons.services import LESSON_FILE_SUFFIXES

UPLOAD_MAX_BYTES = 1024 * 1024
TEXT_MAX_CHARACTERS = 1_000_000
# The bundled lessons have 346 to 597 words and lines (paragraphs) of at most 750
# characters. 5,000 words is over eight times the longest, some ten printed pages, and takes
# a worker a few seconds to turn into questions; 2,500 characters is a paragraph of about
# 400 words, over three times the longest. A longer document is several lessons.
LESSON_MAX_WORDS = 5_000
LESSON_MAX_LINE_CHARACTERS = 2_500


def lesson_size_problem(text: str) -> str:
    """Why the document is too big to be one lesson, naming the limit; "" when it is not."""
    words = len(text.split())
    if words > LESSON_MAX_WORDS:
        return (
            f"A lesson has at most {LESSON_MAX_WORDS:,} words; this one has {words:,}. "
            "Split it into several lessons."
        )
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > LESSON_MAX_LINE_CHARACTERS:
            return (
                f"A line has at most {LESSON_MAX_LINE_CHARACTERS:,} characters; line {number} "
                f"has {len(line):,}. Break the paragraph into shorter ones."
            )
    if "\x00" in text:
        return "The document holds a NUL character (byte 0), so it is not plain text."
    return ""


class LessonDocumentForm(forms.Form):
    """A lesson document, uploaded or pasted; a valid form carries its parsed lesson.

    The same form serves the preview and the save: the preview puts the document's text
    in the text box, so saving re-reads exactly what the teacher saw.
    """

    document = forms.FileField(
        required=False,
        label="Upload a document",
        help_text=f"A .txt or .md file in UTF-8, up to 1 MB and {LESSON_MAX_WORDS:,} words.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.md,text/plain,text/markdown"}),
    )
    text = forms.CharField(
        required=False,
        label="…or paste the lesson's text",
        max_length=TEXT_MAX_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "true"}),
        help_text="The title on the first line, then a summary paragraph, short key-point "
        "lines, and sections such as “What Happened?” and “Why Does it Matter?” with one "
        f"paragraph per line. At most {LESSON_MAX_WORDS:,} words, and "
        f"{LESSON_MAX_LINE_CHARACTERS:,} characters a line.",
        error_messages={
            "max_length": "The text is too long: the limit is %(limit_value)s characters "
            "(it has %(show_value)s)."
        },
    )
    source_name = forms.CharField(required=False, max_length=255, widget=forms.HiddenInput)

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if not document:
            return None
        if PurePath(document.name).suffix.lower() not in LESSON_FILE_SUFFIXES:
            raise forms.ValidationError("Upload a .txt or .md file (plain UTF-8 text).")
        if document.size > UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {filesizeformat(document.size)}; the limit is "
                f"{filesizeformat(UPLOAD_MAX_BYTES)}. Split the lesson or trim it."
            )
        return document

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        document = cleaned.get("document")
        text = cleaned.get("text") or ""
        if document:
            try:
                text = decode_document(document.read())
            except LessonParseError as error:
                self.add_error("document", f"This file cannot be read: {error}.")
                return cleaned
            cleaned["source_name"] = PurePath(document.name).name[:255]
        elif not text.strip():
            raise forms.ValidationError("Upload a document or paste the lesson's text.")
        cleaned["text"] = text
        # Checked before any parsing, so an oversized document costs nothing.
        problem = lesson_size_problem(text)
        if problem:
            raise forms.ValidationError(problem)
        try:
            cleaned["parsed"] = parse_lesson(text)
        except LessonParseError as error:
            raise forms.ValidationError(f"The lesson cannot be read: {error}.") from None
        return cleaned


class LessonFilterForm(forms.Form):
    """The lessons list's search, order and filters (all optional, read from the query)."""

    SORTS = [("new", "Newest added"), ("event", "Date of the event"), ("title", "Title")]

    q = forms.CharField(required=False, max_length=200, label="Search")
    sort = forms.ChoiceField(required=False, choices=SORTS, label="Order")
    period = forms.ChoiceField(required=False, choices=[("", "Any period"), *PERIODS])
    region = forms.ChoiceField(required=False, choices=[("", "Any region"), *REGIONS])

    def filters(self) -> dict[str, str]:
        """The valid choices made; an unknown value is ignored, as an empty one is."""
        if not self.is_valid():
            return {
                name: self.data.get(name, "")[:200] if name == "q" else ""
                for name in self.fields
                if name not in self.errors
            }
        return {name: value or "" for name, value in self.cleaned_data.items()}


class LessonPlacingForm(forms.ModelForm):
    """When and where a lesson's events happened, as its teacher sets them."""

    class Meta:
        model = Lesson
        fields = ["event_year", "period", "region"]
        labels = {"event_year": "Year of the events"}
        help_texts = {
            "event_year": "For example 1215; a year BC as a negative number (-490 for 490 BC).",
            "period": "Leave empty to follow from the year.",
        }

    def clean_event_year(self):
        year = self.cleaned_data.get("event_year")
        if year is not None and not -10_000 <= year <= 2100:
            raise forms.ValidationError("Give a year between 10000 BC (-10000) and 2100.")
        return year
