"""Study services (flashcard scheduling). Placeholder until the study feature lands."""


def study_queue_mistakes(*, student, questions) -> int:
    """Make due now the flashcards that share a source sentence or key point with these
    wrongly answered questions; return how many cards were made due."""
    return 0
