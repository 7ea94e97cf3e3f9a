"""Reads for quizzes' pages, a module per topic."""
