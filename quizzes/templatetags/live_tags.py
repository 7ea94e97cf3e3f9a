"""The class page's list of live games (an include, so the class view stays as it is)."""

from django import template

from quizzes.selectors.live import classroom_live_games

register = template.Library()


@register.inclusion_tag("quizzes/includes/classroom_live_games.html")
def classroom_live_games_section(classroom):
    """The class's live games with links to their saved results."""
    return {"classroom": classroom, "games": classroom_live_games(classroom=classroom)}
