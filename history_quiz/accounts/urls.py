from django.contrib.auth import views as auth_views
from django.urls import path

from history_quiz.accounts import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("teacher-access/", views.teacher_request, name="teacher_request"),
    path("teacher-requests/", views.teacher_request_list, name="teacher_request_list"),
    path(
        "teacher-requests/<int:pk>/decide/",
        views.teacher_request_decision,
        name="teacher_request_decision",
    ),
    path("invitations/", views.teacher_invitation_list, name="teacher_invitation_list"),
    path(
        "invitations/<int:pk>/revoke/",
        views.teacher_invitation_revoke_view,
        name="teacher_invitation_revoke",
    ),
    path("invite/<str:token>/", views.teacher_invitation_follow, name="teacher_invitation_follow"),
    path("password/change/", views.OwnPasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password/reset/", views.ThrottledPasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.OwnPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
