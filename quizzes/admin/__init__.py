"""Admin pages for quizzes' models, a module per topic."""

from quizzes.admin import attempts, bank, classes, invitations, study  # noqa: F401
