from django.urls import path

from quizzes.views import live

urlpatterns = [
    path("lessons/<slug:slug>/live/new/", live.live_new_from_lesson, name="live_new_lesson"),
    path("quizzes/<int:pk>/live/new/", live.live_new_from_quiz, name="live_new_quiz"),
    path("live/", live.live_index, name="live_index"),
    path("live/<int:pk>/host/", live.live_host, name="live_host"),
    path("live/<int:pk>/qr.svg", live.live_qr, name="live_qr"),
    path("live/<int:pk>/results/", live.live_results_page, name="live_results"),
    path("live/<int:pk>/results.csv", live.live_results_export, name="live_results_export"),
    path("live/<int:pk>/play/", live.live_play, name="live_play"),
    path("play/", live.live_join, name="live_join"),
    path("play/<str:pin>/", live.live_join_pin, name="live_join_pin"),
]
