"""Writes for a class's roster beyond joining by code and the CSV import: students who
already have an account invited by username or e-mail (they join when they accept), and a
removal undone."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from history_quiz.accounts.models import User
from history_quiz.accounts.usernames import username_normalize
from quizzes.models import ClassInvitation, ClassInvitationRecipient, Classroom, Enrolment
from quizzes.selectors.invitations import classroom_pending_invitations

INVITE_MAX = 100
# Undo puts a student back without asking them: only just after the removal. Later, the
# teacher invites them back and the student decides.
UNDO_WINDOW = timedelta(hours=1)


class InvitationRefused(ValueError):
    """The list could not be read (empty or too long); nobody was invited."""


def identifiers_read(text: str) -> list[str]:
    """One username or e-mail address a line (commas and semicolons also separate), each
    once, in the order given."""
    seen: dict[str, str] = {}
    for part in text.replace(",", "\n").replace(";", "\n").splitlines():
        word = part.strip()
        if word and word.lower() not in seen:
            seen[word.lower()] = word
    return list(seen.values())


def _students_by_key(keys: list[str]) -> dict[str, list[User]]:
    """Each normalised identifier with the student accounts whose username or e-mail it
    is, from one query."""
    found: dict[str, list[User]] = {key: [] for key in keys}
    students = (
        User.objects.students()
        .filter(is_staff=False, is_active=True)
        .annotate(email_lower=Lower("email"))
        .filter(Q(username__in=keys) | Q(email_lower__in=keys))
    )
    for student in students:
        for key in {student.username, student.email_lower}:
            if key in found:
                found[key].append(student)
    return found


@transaction.atomic
def classroom_invite_students(
    *, classroom: Classroom, text: str, by: User
) -> list[ClassInvitation]:
    """Invite the students named by username or e-mail, one a line, to the class; each
    joins only by accepting on their dashboard. Every line gets an invitation, whether or
    not it names an account, so the teacher cannot tell which do."""
    identifiers = identifiers_read(text)
    if not identifiers:
        raise InvitationRefused("Give at least one username or e-mail address.")
    if len(identifiers) > INVITE_MAX:
        raise InvitationRefused(f"Invite at most {INVITE_MAX} students at a time.")
    typed_by_key = {username_normalize(word): word for word in identifiers}
    pending = {
        invitation.typed_key: invitation
        for invitation in classroom_pending_invitations(classroom=classroom).filter(
            typed_key__in=list(typed_by_key)
        )
    }
    found = _students_by_key(list(typed_by_key))
    invitations = []
    for key, typed in typed_by_key.items():
        invitation = pending.get(key) or ClassInvitation.objects.create(
            classroom=classroom, typed=typed[:254], typed_key=key[:254], invited_by=by
        )
        ClassInvitationRecipient.objects.bulk_create(
            [ClassInvitationRecipient(invitation=invitation, student=s) for s in found[key]],
            ignore_conflicts=True,
        )
        invitations.append(invitation)
    return invitations


def invitation_withdraw(*, invitation: ClassInvitation) -> ClassInvitation:
    """The teacher takes an invitation back; students no longer see it."""
    if invitation.withdrawn_at is None:
        invitation.withdrawn_at = timezone.now()
        invitation.save(update_fields=["withdrawn_at"])
    return invitation


@transaction.atomic
def invitation_accept(*, recipient: ClassInvitationRecipient) -> Enrolment:
    """The student joins the class (a removed student comes back with their work); their
    other invitations to it are answered too."""
    classroom = recipient.invitation.classroom
    enrolment = enrolment_make_current(classroom=classroom, student=recipient.student)
    ClassInvitationRecipient.objects.filter(
        student=recipient.student, invitation__classroom=classroom, answer=""
    ).update(answer=ClassInvitationRecipient.Answer.ACCEPTED, answered_at=timezone.now())
    return enrolment


def invitation_decline(*, recipient: ClassInvitationRecipient) -> ClassInvitationRecipient:
    """The student says no: they stay out of the class and the invitation leaves their
    dashboard; the teacher's list does not change."""
    recipient.answer = ClassInvitationRecipient.Answer.DECLINED
    recipient.answered_at = timezone.now()
    recipient.save(update_fields=["answer", "answered_at"])
    return recipient


@transaction.atomic
def enrolment_make_current(*, classroom: Classroom, student: User) -> Enrolment:
    """Put the student on the roster: a new enrolment, or a removed one back with the
    student's earlier work."""
    enrolment, created = Enrolment.objects.select_for_update().get_or_create(
        classroom=classroom, student=student
    )
    if not created and enrolment.removed_at is not None:
        enrolment.removed_at = None
        enrolment.joined_at = timezone.now()
        enrolment.save(update_fields=["removed_at", "joined_at"])
    return enrolment


def enrolment_restore(*, enrolment: Enrolment) -> Enrolment:
    """Undo a removal just made; later, the student is invited back instead."""
    if enrolment.removed_at is None:
        return enrolment
    if enrolment.removed_at < timezone.now() - UNDO_WINDOW:
        raise ValidationError(
            "It is too late to undo this removal: invite them back instead, and they join "
            "again when they accept."
        )
    return enrolment_make_current(classroom=enrolment.classroom, student=enrolment.student)
