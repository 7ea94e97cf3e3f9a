"""Quizzes' selectors, a module per topic."""
