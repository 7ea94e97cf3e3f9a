"""What the take and review pages show. The take page's data never holds the answer key:
only a question's options, in the attempt's own order, and the student's saved answers."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, FilteredRelation, Q, QuerySet

from quizzes.answers import matching_lefts
from quizzes.models import Answer, Attempt, Question, QuestionKind


def attempts_visible_to(user) -> QuerySet[Attempt]:
    """Attempts a user may look at: their own, and (teachers) their classes' attempts."""
    attempts = Attempt.objects.select_related("assignment__quiz", "assignment__classroom")
    if user.is_staff:
        return attempts
    return attempts.filter(Q(student=user) | Q(assignment__classroom__teacher=user))


def can_mark(user, attempt: Attempt) -> bool:
    """The class's teacher and admins may override marks."""
    return user.is_staff or attempt.assignment.classroom.teacher_id == user.pk


def answer_text(question: Question) -> str:
    """The right answer, written out for people."""
    key = question.answer
    if question.kind == QuestionKind.TRUE_FALSE:
        return "True" if str(key).lower() == "true" else "False"
    if question.kind in (QuestionKind.FILL_BLANK, QuestionKind.SHORT_ANSWER):
        also = [str(text) for text in question.accepted or [] if text]
        return str(key) + (f" (also accepted: {', '.join(also)})" if also else "")
    if question.kind == QuestionKind.MATCHING:
        return "; ".join(f"{pair[0]} → {pair[1]}" for pair in key if len(pair) == 2)
    if question.kind == QuestionKind.ORDERING:
        return " → ".join(map(str, key))
    if isinstance(key, list):
        return ", ".join(map(str, key))
    return str(key)


def given_text(question: Question, given: Any) -> str:
    """The student's answer, written out for people."""
    if given in (None, "", [], {}):
        return "No answer"
    if question.kind == QuestionKind.TRUE_FALSE:
        return "True" if str(given).lower() == "true" else "False"
    if isinstance(given, dict):
        return "; ".join(f"{left} → {right}" for left, right in given.items())
    if isinstance(given, list):
        joiner = " → " if question.kind == QuestionKind.ORDERING else ", "
        return joiner.join(map(str, given))
    return str(given)


@dataclass
class TakeQuestion:
    """One question as the student sees it while taking the quiz."""

    number: int
    question: Question
    options: list[str]
    lefts: list[str] = field(default_factory=list)
    given: Any = None
    checked: bool = False
    mark: float | None = None
    right_answer: str = ""
    error: str = ""

    @property
    def pk(self) -> int:
        return self.question.pk

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def answered(self) -> bool:
        return self.given is not None

    def shown(self, total: int) -> dict:
        """What the take page's question include prints, worked out here in plain values:
        a dict is the template language's quickest lookup, and its element ids, options and
        ticks come ready (a page of twenty questions is over a thousand lookups otherwise).
        `attrs` and `selected` are the attribute words an input or option carries (plain
        words, escaped like any text)."""
        # Numbers as text: an int printed by the template goes through number localisation.
        pk, given = str(self.question.pk), self.given
        field_name = f"q{pk}"
        data = {
            "pk": pk,
            "field": field_name,
            "number": str(self.number),
            "total": str(total),
            "kind": self.question.kind,
            "kind_label": self.question.get_kind_display(),
            "prompt": self.question.prompt,
            "error": self.error,
            "checked": self.checked,
            "disabled": " disabled" if self.checked else "",
        }
        kind = self.question.kind
        if kind in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.MULTIPLE_RESPONSE):
            ticked = given if isinstance(given, list) else [given]
            data["input_type"] = "radio" if kind == QuestionKind.MULTIPLE_CHOICE else "checkbox"
            data["options"] = [
                {
                    "id": f"{field_name}-{index}",
                    "value": option,
                    "attrs": _input_attrs(option in ticked, self.checked),
                }
                for index, option in enumerate(self.options)
            ]
        elif kind == QuestionKind.TRUE_FALSE:
            data["options"] = [
                {
                    "id": f"{field_name}-{value}",
                    "value": value,
                    "label": label,
                    "attrs": _input_attrs(given == value, self.checked),
                }
                for value, label in (("true", "True"), ("false", "False"))
            ]
        elif kind in (QuestionKind.FILL_BLANK, QuestionKind.SHORT_ANSWER):
            data["text"] = "" if given is None else given
        elif kind == QuestionKind.MATCHING:
            chosen = given if isinstance(given, dict) else {}
            data["matches"] = [
                {
                    "id": f"{field_name}-m{index}",
                    "left": left,
                    "options": [
                        (option, _selected(chosen.get(left, "") == option))
                        for option in self.options
                    ],
                }
                for index, left in enumerate(self.lefts)
            ]
        elif kind == QuestionKind.ORDERING:
            numbers = [(number, str(number)) for number in range(1, len(self.options) + 1)]
            data["positions"] = [
                {
                    "id": f"{field_name}-o{row['index']}",
                    "item": row["item"],
                    "numbers": [
                        (text, _selected(row["position"] == number)) for number, text in numbers
                    ],
                }
                for row in self.positions
            ]
        if self.checked:
            data["feedback"] = {
                "mark": self.mark,
                "right_answer": self.right_answer,
                "explanation": self.question.explanation,
            }
        return data

    @property
    def positions(self) -> list[dict]:
        """Ordering items with the position the student gave each (blank if none yet)."""
        placed = self.given if isinstance(self.given, list) else []
        rows = [
            {
                "index": index,
                "item": item,
                "position": placed.index(item) + 1 if item in placed else "",
            }
            for index, item in enumerate(self.options)
        ]
        # Shown in the order the student gave, so the list reads as their answer.
        return sorted(rows, key=lambda row: row["position"] or 0) if placed else rows


def _input_attrs(ticked: bool, locked: bool) -> str:
    return (" checked" if ticked else "") + (" disabled" if locked else "")


def _selected(chosen: bool) -> str:
    return " selected" if chosen else ""


@dataclass
class TakePage:
    attempt: Attempt
    questions: list[TakeQuestion]
    shown: list[TakeQuestion]
    page_number: int
    page_count: int

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def answered_count(self) -> int:
        return sum(question.answered for question in self.questions)

    @property
    def percent_answered(self) -> int:
        return round(100 * self.answered_count / len(self.questions)) if self.questions else 0

    @property
    def unanswered_numbers(self) -> list[int]:
        return [question.number for question in self.questions if not question.answered]

    @property
    def has_previous(self) -> bool:
        return self.page_number > 1

    @property
    def has_next(self) -> bool:
        return self.page_number < self.page_count

    def shown_questions(self) -> list[dict]:
        """The questions on this page, as the template prints them (errors included)."""
        return [question.shown(len(self.questions)) for question in self.shown]


def _ordered_options(question: Question, order: list[int]) -> list[str]:
    choices = [str(choice) for choice in question.choices or []]
    if sorted(order) != list(range(len(choices))):
        return choices
    return [choices[index] for index in order]


def attempt_take_page(*, attempt: Attempt, page_number: int = 1) -> TakePage:
    """The attempt's questions in its own order with the saved answers, in one query (the
    attempt comes with its quiz)."""
    rows = (
        Question.objects.filter(pk__in=attempt.question_ids)
        .annotate(saved=FilteredRelation("answers", condition=Q(answers__attempt=attempt)))
        .annotate(
            saved_given=F("saved__given"),
            saved_mark=F("saved__mark"),
            saved_checked_at=F("saved__checked_at"),
        )
    )
    questions = {question.pk: question for question in rows}
    take_questions = []
    for number, question_id in enumerate(
        (pk for pk in attempt.question_ids if pk in questions), start=1
    ):
        question = questions[question_id]
        item = TakeQuestion(
            number=number,
            question=question,
            options=_ordered_options(question, attempt.option_orders.get(str(question_id), [])),
            lefts=matching_lefts(question) if question.kind == QuestionKind.MATCHING else [],
            given=question.saved_given,
        )
        if question.saved_checked_at is not None:
            # "After each question": a checked answer is locked and its key may be shown.
            item.checked, item.mark = True, question.saved_mark
            item.right_answer = answer_text(question)
        take_questions.append(item)
    per_page = attempt.assignment.quiz.one_question_per_page
    page_count = max(1, len(take_questions)) if per_page else 1
    page_number = min(max(1, page_number), page_count)
    shown = take_questions[page_number - 1 : page_number] if per_page else take_questions
    return TakePage(attempt, take_questions, shown, page_number, page_count)


@dataclass
class ReviewItem:
    number: int
    question: Question
    answer: Answer | None
    given: str
    right_answer: str
    show_key: bool

    @property
    def mark(self) -> float | None:
        return self.answer.final_mark if self.answer else None

    @property
    def why(self) -> str:
        """The explanation, unless it only repeats the lesson sentence shown below it."""
        explanation = self.question.explanation.strip()
        if _same_words(explanation, self.question.source_text):
            return ""
        return explanation

    @property
    def verdict(self) -> str:
        """The mark in words: "Right", "Not right", or "Partly right (0.5 of 1)"."""
        mark = self.mark
        if mark is None:
            return ""
        if mark >= 1:
            return "Right"
        if mark <= 0:
            return "Not right"
        return f"Partly right ({mark:.2g} of 1)"

    @property
    def source_url(self) -> str:
        sentence = self.question.source_sentence
        return sentence.get_absolute_url() if sentence else self.question.lesson.get_absolute_url()


def _same_words(first: str, second: str) -> bool:
    def words(text: str) -> list[str]:
        return "".join(c.lower() if c.isalnum() else " " for c in text).split()

    return bool(first.strip()) and words(first) == words(second)


def attempt_review_items(*, attempt: Attempt, show_key: bool) -> list[ReviewItem]:
    """Each question with the student's answer, its mark and (when allowed) the key."""
    questions = (
        Question.objects.filter(pk__in=attempt.question_ids)
        .select_related("lesson", "source_sentence__lesson")
        .in_bulk()
    )
    answers = {answer.question_id: answer for answer in attempt.answers.all()}
    items = []
    for number, question_id in enumerate(
        (pk for pk in attempt.question_ids if pk in questions), start=1
    ):
        question = questions[question_id]
        answer = answers.get(question_id)
        items.append(
            ReviewItem(
                number=number,
                question=question,
                answer=answer,
                given=given_text(question, answer.given if answer else None),
                right_answer=answer_text(question) if show_key else "",
                show_key=show_key,
            )
        )
    return items


def assignment_attempts(*, assignment, student) -> list[Attempt]:
    """The student's attempts at one assignment, first to last."""
    return list(Attempt.objects.filter(assignment=assignment, student=student).order_by("number"))
