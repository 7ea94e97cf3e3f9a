"""Admin pages for quizzes' models, a module per topic."""

from quizzes.admin import attempts, bank, classes, study  # noqa: F401
