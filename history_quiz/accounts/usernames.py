"""One rule for usernames wherever an account is made or looked up: sign-up, the roster,
the admin, the demo accounts and the log-in form.

A username is stored in one form (NFKC, case folded), so "Sara.Ahmed", "sara.ahmed" and
"ｓａｒａ.ａｈｍｅｄ" are one name; a name mixing scripts ("admіn" with a Cyrillic і) is
refused, since it would pass for another account's name.
"""

import unicodedata

from confusable_homoglyphs import confusables
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

MIXED_SCRIPTS_MESSAGE = "Use letters of one alphabet: this name mixes scripts that look alike."


def username_normalize(raw: str) -> str:
    """The form every username is stored and compared in: NFKC and case folded."""
    folded = unicodedata.normalize("NFKC", str(raw or "")).strip().casefold()
    # Case folding can undo NFKC (a folded ligature), so normalise once more.
    return unicodedata.normalize("NFKC", folded)


@deconstructible
class UsernameValidator(UnicodeUsernameValidator):
    """Django's letters, digits and @.+-_, in one script only."""

    def __call__(self, value: str) -> None:
        super().__call__(value)
        if confusables.is_mixed_script(unicodedata.normalize("NFKC", str(value))):
            raise ValidationError(MIXED_SCRIPTS_MESSAGE, code="mixed_scripts")
