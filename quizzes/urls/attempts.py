"""Building quizzes, taking them, reviewing attempts and students' progress."""

from django.urls import path

from quizzes.views import attempts, progress, quizzes, review

urlpatterns = [
    path("quizzes/", quizzes.quiz_list, name="quiz_list"),
    path("quizzes/new/", quizzes.quiz_new, name="quiz_new"),
    path("quizzes/<int:pk>/", quizzes.quiz_preview, name="quiz_preview"),
    path("quizzes/<int:pk>/edit/", quizzes.quiz_edit, name="quiz_edit"),
    path("assignments/<int:pk>/start/", attempts.assignment_start, name="attempt_start"),
    path("attempts/<int:pk>/", attempts.attempt_take, name="attempt_take"),
    path("attempts/<int:pk>/answers/", attempts.attempt_answer_save, name="attempt_answer_save"),
    path("attempts/<int:pk>/submit/", attempts.attempt_submit_view, name="attempt_submit"),
    path("attempts/<int:pk>/review/", review.attempt_review, name="attempt_review"),
    path("attempts/<int:pk>/answers/<int:answer_pk>/mark/", review.answer_mark, name="answer_mark"),
    path(
        "attempts/<int:pk>/answers/<int:answer_pk>/accept/",
        review.answer_accept_view,
        name="answer_accept",
    ),
    path("attempts/<int:pk>/rescore/", review.attempt_rescore_view, name="attempt_rescore"),
    path("progress/", progress.progress, name="progress"),
]
