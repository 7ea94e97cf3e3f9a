"""Live classroom games: a teacher hosts a lesson's questions on the projector, students
answer on their phones. What must survive a server restart (the game's phase and clock,
the players, every answer and score) lives here, so a restarted server resumes the game."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from lessons.models import Lesson
from quizzes.models.attempts import Quiz
from quizzes.models.bank import Question
from quizzes.models.classes import Assignment, Classroom


class LivePhase(models.TextChoices):
    LOBBY = "lobby", "Waiting for players"
    QUESTION = "question", "Question open"
    PAUSED = "paused", "Paused"
    REVEAL = "reveal", "Showing the answer"
    ENDED = "ended", "Ended"


class LiveGameQuerySet(models.QuerySet):
    def hosted_by(self, user) -> "LiveGameQuerySet":
        """Games the user hosts: only a game's own teacher runs it."""
        return self.filter(host=user) if user.is_authenticated else self.none()

    def visible_to(self, user) -> "LiveGameQuerySet":
        """Games whose results the user may read: their own (admins read every game's)."""
        return self if user.is_staff else self.hosted_by(user)

    def running(self) -> "LiveGameQuerySet":
        return self.exclude(phase=LivePhase.ENDED)


class LiveGame(models.Model):
    """One game: its questions (Question row ids, i.e. the versions played), their option
    orders, the settings, and where the game stands. `closes_at` is the server's clock for
    the open question; while paused, `paused_left_ms` keeps what was left of it."""

    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="live_games"
    )
    title = models.CharField(max_length=200)
    pin = models.CharField(max_length=6)
    classroom = models.ForeignKey(
        Classroom, null=True, blank=True, on_delete=models.SET_NULL, related_name="live_games"
    )
    lesson = models.ForeignKey(
        Lesson, null=True, blank=True, on_delete=models.SET_NULL, related_name="live_games"
    )
    quiz = models.ForeignKey(
        Quiz, null=True, blank=True, on_delete=models.SET_NULL, related_name="live_games"
    )
    question_ids = models.JSONField(default=list)
    option_orders = models.JSONField(default=dict)
    seconds_per_question = models.PositiveSmallIntegerField(default=20)
    streak_bonus = models.BooleanField(default=False)
    allow_guests = models.BooleanField(default=False)
    graded = models.BooleanField(default=False)
    phase = models.CharField(max_length=8, choices=LivePhase.choices, default=LivePhase.LOBBY)
    current_index = models.IntegerField(default=-1)
    opened_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    paused_left_ms = models.PositiveIntegerField(null=True, blank=True)
    # The gradebook entry made when a graded class game ends.
    assignment = models.OneToOneField(
        Assignment, null=True, blank=True, on_delete=models.SET_NULL, related_name="live_game"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = LiveGameQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A PIN names one game at a time; an ended game gives its PIN back.
            models.UniqueConstraint(
                fields=["pin"], condition=~Q(phase="ended"), name="livegame_unique_running_pin"
            ),
            models.CheckConstraint(
                condition=Q(phase__in=LivePhase.values), name="livegame_phase_is_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.pin})"

    @property
    def question_count(self) -> int:
        return len(self.question_ids)

    @property
    def is_last_question(self) -> bool:
        return self.current_index >= len(self.question_ids) - 1


class LivePlayerQuerySet(models.QuerySet):
    def active(self) -> "LivePlayerQuerySet":
        return self.filter(removed_at__isnull=True)


class LivePlayer(models.Model):
    """A player in one game: a class member under their own account, or a guest known by
    nickname (and by the browser session that joined). Score and streak are kept here."""

    game = models.ForeignKey(LiveGame, on_delete=models.CASCADE, related_name="players")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="live_players",
    )
    nickname = models.CharField(max_length=20)
    # The nickname folded for the duplicate check ("Ana" and "ana " are the same name).
    nickname_key = models.CharField(max_length=20)
    score = models.PositiveIntegerField(default=0)
    streak = models.PositiveSmallIntegerField(default=0)
    correct_count = models.PositiveSmallIntegerField(default=0)
    joined_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    objects = LivePlayerQuerySet.as_manager()

    class Meta:
        ordering = ["game", "-score", "joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["game", "user"], condition=Q(user__isnull=False), name="liveplayer_one_user"
            ),
            models.UniqueConstraint(fields=["game", "nickname_key"], name="liveplayer_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.nickname} in {self.game}"

    @property
    def is_guest(self) -> bool:
        return self.user_id is None


class LiveAnswer(models.Model):
    """One player's answer to one question of a game, timed by the server on arrival.
    `question` is the Question row (the version) the player was shown."""

    game = models.ForeignKey(LiveGame, on_delete=models.CASCADE, related_name="answers")
    player = models.ForeignKey(LivePlayer, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="live_answers")
    question_index = models.PositiveSmallIntegerField()
    given = models.JSONField(null=True)
    elapsed_ms = models.PositiveIntegerField()
    answered_at = models.DateTimeField()
    mark = models.FloatField(
        null=True, blank=True, help_text="0 to 1, set when the question closes."
    )
    points = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["game", "question_index", "answered_at", "pk"]
        constraints = [
            # One answer per player per question: a second tap or a replayed frame is refused.
            models.UniqueConstraint(
                fields=["player", "question_index"], name="liveanswer_one_per_question"
            )
        ]
        indexes = [models.Index(fields=["game", "question_index"], name="liveanswer_question")]

    def __str__(self) -> str:
        return f"{self.player} · question {self.question_index + 1}"

    @property
    def is_right(self) -> bool:
        return self.mark is not None and self.mark >= 1.0
