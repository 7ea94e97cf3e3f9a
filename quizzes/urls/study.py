from django.urls import path

from quizzes.views import practice, study

urlpatterns = [
    path("study/", study.study_due, name="study_due"),
    # Two segments, so no lesson slug can shadow them.
    path("study/cards/rate/", study.study_rate, name="study_rate"),
    path("study/cards/<int:pk>/", study.study_card_detail, name="study_card_detail"),
    path("study/<slug:slug>/", study.study_lesson, name="study_lesson"),
    path("classes/study/", study.study_class_list, name="study_class_list"),
    path("classes/<int:pk>/study/", study.study_class_progress, name="study_class_progress"),
    path("lessons/<slug:slug>/practice/", practice.practice_question, name="practice_question"),
    path("lessons/<slug:slug>/practice/next/", practice.practice_next, name="practice_next"),
    path("lessons/<slug:slug>/practice/again/", practice.practice_restart, name="practice_restart"),
]
