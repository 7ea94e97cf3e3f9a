"""Quizzes' views, a module per topic."""
