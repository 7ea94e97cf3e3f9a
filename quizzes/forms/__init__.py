"""Quizzes' forms, a module per topic."""
