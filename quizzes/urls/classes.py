from django.urls import path

from quizzes.views import assignments, classes, gradebook

urlpatterns = [
    path("classes/", classes.classroom_index, name="classroom_index"),
    path("classes/join/", classes.classroom_join, name="classroom_join"),
    path("classes/<int:pk>/", classes.classroom_detail, name="classroom_detail"),
    path("classes/<int:pk>/rename/", classes.classroom_rename, name="classroom_rename"),
    path("classes/<int:pk>/archive/", classes.classroom_archive, name="classroom_archive"),
    path("classes/<int:pk>/join-code/", classes.classroom_join_code, name="classroom_join_code"),
    path(
        "classes/<int:pk>/students/<int:student_id>/remove/",
        classes.enrolment_remove,
        name="enrolment_remove",
    ),
    path(
        "classes/<int:pk>/students/<int:student_id>/restore/",
        classes.enrolment_restore,
        name="enrolment_restore",
    ),
    path(
        "classes/<int:pk>/students/invite/",
        classes.classroom_invite_students,
        name="classroom_invite_students",
    ),
    path(
        "classes/<int:pk>/invitations/<int:invitation_id>/withdraw/",
        classes.class_invitation_withdraw,
        name="class_invitation_withdraw",
    ),
    path(
        "classes/<int:pk>/roster/import/",
        classes.classroom_roster_import,
        name="classroom_roster_import",
    ),
    path("classes/<int:pk>/assignments/new/", assignments.assignment_new, name="assignment_new"),
    path(
        "classes/<int:pk>/assignments/<int:assignment_id>/",
        assignments.assignment_edit,
        name="assignment_edit",
    ),
    path(
        "classes/<int:pk>/assignments/<int:assignment_id>/extend/",
        assignments.assignment_extend,
        name="assignment_extend",
    ),
    path(
        "classes/<int:pk>/assignments/<int:assignment_id>/remove/",
        assignments.assignment_remove,
        name="assignment_remove",
    ),
    path(
        "classes/<int:pk>/assignments/<int:assignment_id>/restore/",
        assignments.assignment_restore,
        name="assignment_restore",
    ),
    path("classes/<int:pk>/gradebook/", gradebook.gradebook, name="gradebook"),
    path("classes/<int:pk>/gradebook.csv", gradebook.gradebook_export, name="gradebook_export"),
    path(
        "classes/<int:pk>/students/<int:student_id>/",
        gradebook.gradebook_student,
        name="gradebook_student",
    ),
    path(
        "classes/<int:pk>/assignments/<int:assignment_id>/statistics/",
        gradebook.assignment_statistics_page,
        name="assignment_statistics",
    ),
    path("dashboard/", classes.dashboard, name="dashboard"),
    path(
        "invitations/<int:pk>/accept/",
        classes.class_invitation_accept,
        name="class_invitation_accept",
    ),
    path(
        "invitations/<int:pk>/decline/",
        classes.class_invitation_decline,
        name="class_invitation_decline",
    ),
    path("assignments/<int:pk>/read/", classes.lesson_reading_mark, name="lesson_reading_mark"),
]
