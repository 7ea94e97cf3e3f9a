"""Template tags for the quizzes features."""
