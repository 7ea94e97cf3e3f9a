from quizzes.exports import bank_export
from tests.quizzes.factories import FlashcardFactory


def test_quizlet_writes_one_card_per_line_term_tab_definition(lesson, bank):
    lines = bank_export(lessons=[lesson], format_name="quizlet").splitlines()

    assert len(lines) == 2
    assert all(line.count("\t") == 1 for line in lines)
    front, back = lines[0].split("\t")
    assert front == bank["flashcards"][0].front
    assert back == bank["flashcards"][0].back


def test_quizlet_replaces_tabs_and_newlines_inside_text(lesson):
    FlashcardFactory(lesson=lesson, front="Treaty\tof Paris", back="Signed\nin 1814.\r\nAgain.")

    text = bank_export(lessons=[lesson], format_name="quizlet")

    assert text == "Treaty of Paris\tSigned in 1814. Again.\n"


def test_quizlet_leaves_out_rejected_cards(lesson, bank):
    text = bank_export(lessons=[lesson], format_name="quizlet")

    assert "A rejected card" not in text
