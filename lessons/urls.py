from django.urls import path

from lessons import views

app_name = "lessons"

urlpatterns = [
    path("", views.lesson_list, name="lesson_list"),
    path("new/", views.lesson_new, name="lesson_new"),
    path("<slug:slug>/edit/", views.lesson_edit, name="lesson_edit"),
    path("<slug:slug>/time-and-place/", views.lesson_placing, name="lesson_placing"),
    path("<slug:slug>/", views.lesson_detail, name="lesson_detail"),
]
