"""Flashcards as Quizlet's import text: term, a tab, the definition; one card per line."""

import re

from quizzes.exports import LessonBank

_BREAKS = re.compile(r"[\t\r\n]+")


def _one_line(text: str) -> str:
    # Tabs and newlines separate terms and cards in Quizlet's import, so none may stay inside.
    return " ".join(_BREAKS.sub(" ", text).split())


def export(banks: list[LessonBank]) -> str:
    """Every flashcard of the banks as "front<TAB>back" lines."""
    lines = [
        f"{_one_line(card.front)}\t{_one_line(card.back)}"
        for bank in banks
        for card in bank.flashcards
    ]
    return "\n".join(lines) + ("\n" if lines else "")
