"""Quizzes' pages, a module per topic."""
