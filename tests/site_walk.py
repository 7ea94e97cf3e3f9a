"""The site's pages, walked from the URL resolver, and a small world to fill their arguments:
two teachers with a class each, a student in each class, a student waiting for teacher
access, teacher A's own lesson and quiz assigned to class A, student A's attempts, class
invitations, a lesson of the site library and a card of it student A studies. Shared by the access-control and
the hostile-text walks."""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from history_quiz.accounts.services import teacher_invitation_create, teacher_request_submit
from quizzes.jobs import roster_job_start
from quizzes.models import Answer, Attempt
from quizzes.services.enrolments import classroom_invite_students
from quizzes.services.live_setup import live_game_create, live_player_join
from tests.accounts.factories import AdminFactory, StudentFactory, TeacherFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    AssignmentFactory,
    CardStateFactory,
    ClassroomFactory,
    EnrolmentFactory,
    FlashcardFactory,
    LessonAssignmentFactory,
    QuestionFactory,
    QuizFactory,
    SubmittedAttemptFactory,
)

# A pending teacher is a student who has asked for teacher access: a student until an
# admin decides. Teacher A owns the world's lesson; nobody owns the library lesson.
ROLES = [
    "anonymous",
    "student_a",
    "student_b",
    "pending_teacher",
    "teacher_a",
    "teacher_b",
    "admin",
]
OK, LOGIN, NO = "reaches", "sent to log in", "refused"
ANSWERS = "answers without a server error"  # the admin's own add/lookup pages may say 403/404


@dataclass(frozen=True)
class Page:
    """A pattern found in the resolver: its full name (or route) and its route."""

    key: str
    route: str
    kwarg_names: tuple[str, ...]
    admin: bool


def _walk(patterns, prefix: str = "", namespace: str = "", admin: bool = False):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            name = entry.namespace or ""
            inner = f"{namespace}:{name}" if namespace and name else (name or namespace)
            yield from _walk(entry.url_patterns, route, inner, admin or name == "admin")
        elif isinstance(entry, URLPattern):
            names = tuple(entry.pattern.regex.groupindex)
            if entry.name:
                key = f"{namespace}:{entry.name}" if namespace else entry.name
            else:
                key = route  # unnamed (the admin's catch-all and its object redirects)
            yield Page(key, route, names, admin)


def all_pages() -> list[Page]:
    return list(_walk(get_resolver().url_patterns))


def rule(**roles: str) -> dict[str, str]:
    return {role: roles.get(role, NO) for role in ROLES}


PUBLIC = rule(**dict.fromkeys(ROLES, OK))
SIGNED_IN = rule(anonymous=LOGIN, **dict.fromkeys(ROLES[1:], OK))
ANY_TEACHER = rule(anonymous=LOGIN, teacher_a=OK, teacher_b=OK, admin=OK)
TEACHER_A = rule(anonymous=LOGIN, teacher_a=OK, admin=OK)
STUDENT_A = rule(anonymous=LOGIN, student_a=OK)
ANY_STUDENT = rule(anonymous=LOGIN, student_a=OK, student_b=OK, pending_teacher=OK)
ADMIN = rule(anonymous=LOGIN, admin=OK)
NOBODY = rule(anonymous=LOGIN)
# The admin site sends everyone but staff to its own login page.
ADMIN_SITE = rule(**{**dict.fromkeys(ROLES, LOGIN), "admin": ANSWERS})
ADMIN_PUBLIC = {"admin:login", "admin:logout"}

# Who may reach each page, and the world's objects that fill its arguments.
RULES: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "home": (PUBLIC, {}),
    "healthz": (PUBLIC, {}),
    "favicon": (PUBLIC, {}),
    "signup": (PUBLIC, {}),
    # Teacher access: asked for by anyone signed in, decided and invited by admins.
    "teacher_request": (SIGNED_IN, {}),
    "teacher_request_list": (ADMIN, {}),
    "teacher_request_decision": (ADMIN, {"pk": "teacher_request"}),
    "teacher_invitation_list": (ADMIN, {}),
    "teacher_invitation_revoke": (ADMIN, {"pk": "invitation"}),
    "teacher_invitation_follow": (PUBLIC, {"token": "invitation_token"}),
    "login": (PUBLIC, {}),
    "logout": (PUBLIC, {}),
    "password_change": (SIGNED_IN, {}),
    "password_change_done": (SIGNED_IN, {}),
    "password_reset": (PUBLIC, {}),
    "password_reset_done": (PUBLIC, {}),
    "password_reset_confirm": (PUBLIC, {"uidb64": "uid", "token": "token"}),
    "password_reset_complete": (PUBLIC, {}),
    "lessons:lesson_list": (PUBLIC, {}),
    "lessons:lesson_detail": (PUBLIC, {"slug": "lesson"}),
    "quizzes:classroom_index": (ANY_TEACHER, {}),
    "quizzes:classroom_join": (ANY_STUDENT, {}),
    "quizzes:classroom_detail": (TEACHER_A, {"pk": "classroom"}),
    "quizzes:classroom_rename": (TEACHER_A, {"pk": "classroom"}),
    "quizzes:classroom_archive": (TEACHER_A, {"pk": "classroom"}),
    "quizzes:classroom_join_code": (TEACHER_A, {"pk": "classroom"}),
    "quizzes:enrolment_remove": (TEACHER_A, {"pk": "classroom", "student_id": "student_a"}),
    "quizzes:enrolment_restore": (TEACHER_A, {"pk": "classroom", "student_id": "student_a"}),
    "quizzes:classroom_invite_students": (TEACHER_A, {"pk": "classroom"}),
    "quizzes:class_invitation_withdraw": (
        TEACHER_A,
        {"pk": "classroom", "invitation_id": "class_invitation"},
    ),
    # Only the student an invitation reached answers it.
    "quizzes:class_invitation_accept": (STUDENT_A, {"pk": "invitation_to_student_a"}),
    "quizzes:class_invitation_decline": (STUDENT_A, {"pk": "invitation_to_student_a"}),
    "quizzes:classroom_roster_import": (TEACHER_A, {"pk": "classroom"}),
    "quizzes:assignment_new": (TEACHER_A, {"pk": "classroom"}),
    "quizzes:assignment_edit": (TEACHER_A, {"pk": "classroom", "assignment_id": "quiz_assignment"}),
    "quizzes:assignment_extend": (
        TEACHER_A,
        {"pk": "classroom", "assignment_id": "quiz_assignment"},
    ),
    "quizzes:assignment_remove": (
        TEACHER_A,
        {"pk": "classroom", "assignment_id": "quiz_assignment"},
    ),
    "quizzes:assignment_restore": (
        TEACHER_A,
        {"pk": "classroom", "assignment_id": "quiz_assignment"},
    ),
    "quizzes:gradebook": (TEACHER_A, {"pk": "classroom"}),
    "quizzes:gradebook_export": (TEACHER_A, {"pk": "classroom"}),
    "quizzes:gradebook_student": (TEACHER_A, {"pk": "classroom", "student_id": "student_a"}),
    "quizzes:assignment_statistics": (
        TEACHER_A,
        {"pk": "classroom", "assignment_id": "quiz_assignment"},
    ),
    "quizzes:dashboard": (SIGNED_IN, {}),
    "quizzes:lesson_reading_mark": (STUDENT_A, {"pk": "lesson_assignment"}),
    "quizzes:quiz_list": (ANY_TEACHER, {}),
    "quizzes:quiz_new": (ANY_TEACHER, {}),
    "quizzes:quiz_preview": (TEACHER_A, {"pk": "quiz"}),
    "quizzes:quiz_edit": (TEACHER_A, {"pk": "quiz"}),
    # Teachers are shown their quiz's preview instead.
    "quizzes:attempt_start": (
        rule(anonymous=LOGIN, student_a=OK, teacher_a=OK, admin=OK),
        {"pk": "quiz_assignment"},
    ),
    "quizzes:attempt_take": (STUDENT_A, {"pk": "open_attempt"}),
    "quizzes:attempt_answer_save": (STUDENT_A, {"pk": "open_attempt"}),
    "quizzes:attempt_submit": (STUDENT_A, {"pk": "open_attempt"}),
    "quizzes:attempt_review": (
        rule(anonymous=LOGIN, student_a=OK, teacher_a=OK, admin=OK),
        {"pk": "submitted_attempt"},
    ),
    "quizzes:answer_mark": (TEACHER_A, {"pk": "submitted_attempt", "answer_pk": "answer"}),
    "quizzes:attempt_rescore": (TEACHER_A, {"pk": "submitted_attempt"}),
    "quizzes:answer_accept": (TEACHER_A, {"pk": "submitted_attempt", "answer_pk": "answer"}),
    "quizzes:progress": (SIGNED_IN, {}),
    "quizzes:study_due": (SIGNED_IN, {}),
    "quizzes:study_rate": (SIGNED_IN, {}),
    # A student's card history is theirs alone, hidden from teachers too.
    "quizzes:study_card_detail": (STUDENT_A, {"pk": "card_state"}),
    "quizzes:study_lesson": (SIGNED_IN, {"slug": "lesson"}),
    "quizzes:study_class_list": (ANY_TEACHER, {}),
    "quizzes:study_class_progress": (TEACHER_A, {"pk": "classroom"}),
    "quizzes:practice_question": (SIGNED_IN, {"slug": "lesson"}),
    "quizzes:practice_next": (SIGNED_IN, {"slug": "lesson"}),
    "quizzes:practice_restart": (SIGNED_IN, {"slug": "lesson"}),
    # Teacher A's own lesson: only its owner (or an admin) opens or changes its bank.
    "lessons:lesson_new": (ANY_TEACHER, {}),
    "lessons:lesson_edit": (TEACHER_A, {"slug": "lesson"}),
    "lessons:lesson_placing": (TEACHER_A, {"slug": "lesson"}),
    "quizzes:bank_review": (TEACHER_A, {"slug": "lesson"}),
    "quizzes:bank_regenerate": (TEACHER_A, {"slug": "lesson"}),
    "quizzes:bank_bulk_review": (TEACHER_A, {"slug": "lesson"}),
    "quizzes:bank_download": (TEACHER_A, {"slug": "lesson", "format_name": "export_format"}),
    "quizzes:bank_import_gift": (TEACHER_A, {"slug": "lesson"}),
    "quizzes:bank_question_add": (TEACHER_A, {"slug": "lesson"}),
    "quizzes:bank_question_edit": (TEACHER_A, {"slug": "lesson", "pk": "question"}),
    "quizzes:bank_question_status": (TEACHER_A, {"slug": "lesson", "pk": "question"}),
    "quizzes:bank_question_history": (TEACHER_A, {"slug": "lesson", "pk": "question"}),
    "quizzes:bank_question_remark": (TEACHER_A, {"slug": "lesson", "pk": "question"}),
    # Only a library lesson is copied.
    "quizzes:bank_lesson_copy": (NOBODY, {"slug": "lesson"}),
    "quizzes:bank_flashcard_add": (TEACHER_A, {"slug": "lesson"}),
    "quizzes:bank_flashcard_edit": (TEACHER_A, {"slug": "lesson", "pk": "flashcard"}),
    "quizzes:bank_flashcard_status": (TEACHER_A, {"slug": "lesson", "pk": "flashcard"}),
    # A job's page (progress, result, one-time passwords) is its starter's alone.
    "jobs:job_detail": (rule(anonymous=LOGIN, teacher_a=OK), {"pk": "job"}),
    "jobs:job_retry": (rule(anonymous=LOGIN, teacher_a=OK), {"pk": "job"}),
    # Live games: a teacher plays the bank of a lesson they may open (their own, the
    # library's: LIBRARY_RULES), a teacher their own quiz; only the game's teacher runs its
    # projector; its results are theirs (and an admin's). Joining needs no account (guests);
    # the phone's page sends whoever has not joined to the join page.
    "quizzes:live_new_lesson": (TEACHER_A, {"slug": "lesson"}),
    "quizzes:live_new_quiz": (TEACHER_A, {"pk": "quiz"}),
    "quizzes:live_index": (ANY_TEACHER, {}),
    "quizzes:live_host": (rule(anonymous=LOGIN, teacher_a=OK), {"pk": "live_game"}),
    "quizzes:live_qr": (rule(anonymous=LOGIN, teacher_a=OK), {"pk": "live_game"}),
    "quizzes:live_results": (TEACHER_A, {"pk": "live_game"}),
    "quizzes:live_results_export": (TEACHER_A, {"pk": "live_game"}),
    "quizzes:live_play": (PUBLIC, {"pk": "live_game"}),
    "quizzes:live_join": (PUBLIC, {}),
    "quizzes:live_join_pin": (PUBLIC, {"pin": "live_pin"}),
}

# The same pages on a lesson of the site library: every teacher opens its bank (its ready
# and approved questions), uses and copies it; only admins change it.
LIBRARY_OBJECTS = {
    "lesson": "library_lesson",
    "question": "library_question",
    "flashcard": "library_flashcard",
}
LIBRARY_RULES: dict[str, dict[str, str]] = {
    "lessons:lesson_edit": ADMIN,
    "lessons:lesson_placing": ADMIN,
    "quizzes:bank_review": ANY_TEACHER,
    "quizzes:bank_regenerate": ADMIN,
    "quizzes:bank_bulk_review": ADMIN,
    "quizzes:bank_download": ANY_TEACHER,
    "quizzes:bank_import_gift": ADMIN,
    "quizzes:bank_question_add": ADMIN,
    "quizzes:bank_question_edit": ADMIN,
    "quizzes:bank_question_status": ADMIN,
    "quizzes:bank_question_history": ANY_TEACHER,
    "quizzes:bank_question_remark": ADMIN,
    "quizzes:bank_lesson_copy": ANY_TEACHER,
    "quizzes:bank_flashcard_add": ADMIN,
    "quizzes:bank_flashcard_edit": ADMIN,
    "quizzes:bank_flashcard_status": ADMIN,
    "quizzes:live_new_lesson": ANY_TEACHER,
}


def library_expectation(key: str) -> tuple[dict[str, str], dict[str, str]]:
    """Who may reach a lesson page on the library lesson, and its arguments."""
    _, arguments = RULES[key]
    return LIBRARY_RULES[key], {
        name: LIBRARY_OBJECTS.get(source, source) for name, source in arguments.items()
    }


# Pages of the bank review being merged alongside: teachers and admins; the lesson's bank.
PENDING_RULES: dict[str, tuple[dict[str, str], dict[str, str]]] = {}


@dataclass
class World:
    users: dict
    objects: dict

    def value(self, name: str) -> str:
        found = self.objects[name]
        return str(getattr(found, "slug", None) or getattr(found, "pk", found))


PAGES = all_pages()


def world_make() -> World:
    """Two teachers with a class each, a student in each class, a student waiting for
    teacher access, teacher A's quiz assigned to class A, student A's attempts (one handed
    in, one open), an invitation pending in class A and one to student A for teacher A's
    second class, a library lesson and a card of it student A studies."""
    teacher_a, teacher_b = TeacherFactory(), TeacherFactory()
    student_a, student_b = StudentFactory(), StudentFactory()
    pending_teacher = StudentFactory()
    teacher_request = teacher_request_submit(user=pending_teacher, school="Hillside")
    admin = AdminFactory()
    invitation = teacher_invitation_create(by=admin, days=7, max_uses=50)
    classroom = ClassroomFactory(teacher=teacher_a)
    EnrolmentFactory(classroom=classroom, student=student_a)
    EnrolmentFactory(classroom=ClassroomFactory(teacher=teacher_b), student=student_b)
    quiz = QuizFactory(owner=teacher_a, question_count=2, attempts_allowed=0)
    lesson = quiz.lessons.get()
    lesson.owner = teacher_a
    lesson.save(update_fields=["owner"])
    quiz_assignment = AssignmentFactory(classroom=classroom, quiz=quiz)
    submitted = SubmittedAttemptFactory(assignment=quiz_assignment, student=student_a)
    answer = Answer.objects.create(
        attempt=submitted, question_id=submitted.question_ids[0], given="Metternich", mark=1.0
    )
    open_attempt = Attempt.objects.create(
        assignment=quiz_assignment,
        student=student_a,
        number=2,
        question_ids=submitted.question_ids,
        deadline_at=timezone.now() + timedelta(hours=1),
    )
    flashcard = FlashcardFactory(lesson=lesson)
    class_invitation = classroom_invite_students(
        classroom=classroom, text="someone@example.org", by=teacher_a
    )[0]
    second_classroom = ClassroomFactory(teacher=teacher_a)
    invitation_to_student_a = classroom_invite_students(
        classroom=second_classroom, text=student_a.username, by=teacher_a
    )[0]
    library_lesson = LessonFactory()
    library_question = QuestionFactory(lesson=library_lesson, ready=True)
    library_flashcard = FlashcardFactory(lesson=library_lesson)
    # Not a card of student A's quiz (whose answers are not out): study shows it.
    card_state = CardStateFactory(student=student_a, flashcard=library_flashcard)
    live_game = live_game_create(
        host=teacher_a,
        title=quiz.title,
        question_ids=submitted.question_ids,
        classroom=classroom,
        allow_guests=True,
    )
    live_player_join(game=live_game, user=student_a)
    users = {
        "student_a": student_a,
        "student_b": student_b,
        "pending_teacher": pending_teacher,
        "teacher_a": teacher_a,
        "teacher_b": teacher_b,
        "admin": admin,
    }
    objects = {
        "classroom": classroom,
        "quiz": quiz,
        "lesson": lesson,
        "quiz_assignment": quiz_assignment,
        "lesson_assignment": LessonAssignmentFactory(classroom=classroom, lesson=lesson),
        "submitted_attempt": submitted,
        "open_attempt": open_attempt,
        "answer": answer,
        "card_state": card_state,
        "question": quiz.quiz_questions.order_by("position").first().question,
        "flashcard": flashcard,
        "live_game": live_game,
        "live_pin": live_game.pin,
        "job": roster_job_start(classroom=classroom, teacher=teacher_a, text="Sara Ahmed"),
        "library_lesson": library_lesson,
        "library_question": library_question,
        "library_flashcard": library_flashcard,
        "teacher_request": teacher_request,
        "class_invitation": class_invitation,
        "invitation_to_student_a": invitation_to_student_a,
        "invitation": invitation,
        "invitation_token": invitation.token,
        "export_format": "json",
        "student_a": student_a,
        "uid": "MQ",
        "token": "set-password",
    }
    return World(users, objects)


def admin_kwargs(page: Page, world: World) -> dict[str, str]:
    """The admin's own arguments: a real object of the model in the route where it has one."""
    values = {}
    if page.kwarg_names == ("content_type_id", "object_id"):  # "view on site"
        lesson = world.objects["lesson"]
        return {
            "content_type_id": str(ContentType.objects.get_for_model(lesson).pk),
            "object_id": str(lesson.pk),
        }
    for name in page.kwarg_names:
        if name in ("object_id", "id"):
            app_label, model_name = page.route.split("/")[1:3]
            model = apps.get_model(app_label, model_name)
            first = model._default_manager.order_by("pk").first()
            values[name] = str(first.pk) if first else "1"
        elif name == "app_label":
            values[name] = "quizzes"
        elif name == "url":
            values[name] = "no-such-page/"
        else:
            raise AssertionError(f"No admin value for {name!r} in {page.route}")
    return values


def page_path(page: Page, kwargs: dict[str, str]) -> str:
    """The route with its arguments filled in: path converters and regex groups alike."""
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: kwargs[m.group(1)], page.route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: kwargs[m.group(1)], path)
    return "/" + path.replace("^", "").replace("$", "")


def expectation(page: Page) -> tuple[dict[str, str], dict[str, str] | None]:
    if page.key in ADMIN_PUBLIC:
        return PUBLIC, None
    if page.admin:
        return ADMIN_SITE, None
    return RULES.get(page.key) or PENDING_RULES[page.key]
