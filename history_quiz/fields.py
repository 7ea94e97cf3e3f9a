"""Form fields that refuse ids the database cannot hold, before any query is made.

Django's model choice fields catch ValueError and TypeError, but an integer outside the
64-bit range reaches the database and fails there (OverflowError on SQLite, an out-of-range
error on PostgreSQL): a tampered form would get a 500 instead of a 400.
"""

from django import forms
from django.core.exceptions import ValidationError

ID_MIN, ID_MAX = -(2**63), 2**63 - 1


def id_in_range(value) -> bool:
    """Whether a submitted id, if it is an integer at all, fits a 64-bit column."""
    try:
        number = int(str(value).strip())
    except ValueError:
        return True  # not a number: Django's own checks refuse it
    return ID_MIN <= number <= ID_MAX


class BoundedModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not id_in_range(value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def clean(self, value):
        if isinstance(value, (list, tuple)):
            for pk in value:
                if not id_in_range(pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super().clean(value)
