"""A class's join link and its QR code, for a board, a handout or a phone's camera."""

import segno
from django.urls import reverse
from django.utils.http import urlencode

from quizzes.models import Classroom


def join_link_path(classroom: Classroom) -> str:
    """The join page with the class's code filled in (the student still confirms)."""
    return f"{reverse('quizzes:classroom_join')}?{urlencode({'code': classroom.join_code or ''})}"


def join_qr_data_uri(url: str) -> str:
    """The link as a QR code, an SVG data URI (drawn here: no outside service sees it)."""
    return segno.make(url, error="m").svg_data_uri(scale=5, border=2)
