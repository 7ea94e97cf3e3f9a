import pytest

from history_quiz.accounts.models import User
from quizzes.services.roster import RosterInvalid, roster_import, roster_parse
from tests.accounts.factories import StudentFactory
from tests.quizzes.factories import ClassroomFactory


@pytest.fixture
def classroom(db):
    return ClassroomFactory()


def test_roster_makes_enrolled_student_accounts(classroom):
    accounts = roster_import(
        classroom=classroom,
        text="name,username,email\nSara Ahmed\nBen Okafor,benok,ben@example.org\n",
    )

    assert [account.username for account in accounts] == ["sara.ahmed", "benok"]
    ben = User.objects.get(username="benok")
    assert ben.is_student
    assert ben.email == "ben@example.org"
    assert (ben.first_name, ben.last_name) == ("Ben", "Okafor")
    assert classroom.enrolments.current().count() == 2


def test_one_time_passwords_log_in_and_are_stored_only_hashed(classroom):
    [account] = roster_import(classroom=classroom, text="Sara Ahmed")

    user = User.objects.get(username=account.username)
    assert user.check_password(account.password)
    assert account.password not in user.password


def test_each_account_gets_its_own_password(classroom):
    accounts = roster_import(classroom=classroom, text="Ann One\nBob Two\nCat Three")

    assert len({account.password for account in accounts}) == 3


def test_made_up_usernames_avoid_existing_accounts(classroom):
    StudentFactory(username="sara.ahmed")

    accounts = roster_import(classroom=classroom, text="Sara Ahmed\nSara Ahmed")

    assert [account.username for account in accounts] == ["sara.ahmed2", "sara.ahmed3"]


def test_one_bad_row_means_nothing_is_created(classroom):
    before = User.objects.count()

    with pytest.raises(RosterInvalid) as invalid:
        roster_import(classroom=classroom, text="Sara Ahmed\nBen Okafor,,not-an-email\nCat Three")

    assert User.objects.count() == before
    assert [error.line for error in invalid.value.errors] == [2]
    assert "email" in invalid.value.errors[0].problem


def test_every_bad_row_is_listed(db):
    StudentFactory(username="taken")

    _, errors = roster_parse(",,\nAnn,taken\nBob,bad name!\nCat,x,y,z\nDan,dup\nEve,DUP")

    assert [error.line for error in errors] == [2, 3, 4, 6]


def test_empty_roster_is_refused(classroom):
    with pytest.raises(RosterInvalid):
        roster_import(classroom=classroom, text="name,username,email\n\n")


@pytest.mark.parametrize("text", ["Ann One\rBob Two", 'Ann One, "ann\rone"', "Ann \x00One"])
def test_a_roster_with_stray_line_breaks_or_quotes_is_read_or_refused_without_error(
    classroom, text
):
    rows, errors = roster_parse(text)

    assert rows or errors
