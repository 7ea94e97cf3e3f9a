"""Quizzes' read-side queries, a module per topic."""
