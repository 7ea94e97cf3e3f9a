"""Site-wide request guards."""

from django.http import Http404

from history_quiz.fields import id_in_range


class IdsInRangeMiddleware:
    """A URL number too large for a 64-bit column names nothing: answer 404 before the view.

    Django's int path converter takes any number of digits, and a lookup through a foreign
    key with such a number fails in the database (a 500) instead of finding nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        numbers = [v for v in (*view_args, *view_kwargs.values()) if isinstance(v, int)]
        if not all(id_in_range(number) for number in numbers):
            raise Http404("No such page.")
        return None
