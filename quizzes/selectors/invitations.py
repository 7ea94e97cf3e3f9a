"""Reads for class invitations: what the teacher sees pending, what a student is asked."""

from django.db.models import QuerySet

from quizzes.models import ClassInvitation, ClassInvitationRecipient, Classroom


def classroom_pending_invitations(*, classroom: Classroom) -> QuerySet[ClassInvitation]:
    """The class's invitations the teacher sees as pending, newest first: open and not
    accepted. A declined one stays pending, so a decline says nothing about who has an
    account; accepting shows, as the student is then on the roster."""
    return classroom.invitations.open().exclude(
        recipients__answer=ClassInvitationRecipient.Answer.ACCEPTED
    )


def student_invitations(*, student) -> QuerySet[ClassInvitationRecipient]:
    """The invitations waiting for the student's answer, with their class and teacher."""
    return (
        ClassInvitationRecipient.objects.waiting_for(student)
        .select_related("invitation__classroom__teacher")
        .order_by("-invitation__created_at", "-pk")
    )
