"""When and where a lesson's events happened, read from its own text: the first year it
names, the period that year falls in, and the world region its places point to. Pure
functions; a teacher can set the three by hand instead (Lesson.placed_by_hand)."""

import re
from collections import Counter

from lessons.world import CONTINENTS, DISSOLVED_MEMBERS, STATES, WORLD_REGIONS

PERIODS = [
    ("ancient", "Ancient (before 500)"),
    ("medieval", "Medieval (500–1499)"),
    ("early_modern", "Early modern (1500–1799)"),
    ("modern", "Modern (1800–1945)"),
    ("since_1945", "Since 1945"),
]
# The first year of each period after the first.
PERIOD_STARTS = [(500, "medieval"), (1500, "early_modern"), (1800, "modern"), (1946, "since_1945")]

REGIONS = [
    ("africa", "Africa"),
    ("americas", "The Americas"),
    ("asia", "Asia and the Middle East"),
    ("europe", "Europe"),
    ("oceania", "Oceania"),
]

# Every place name a lesson's region can be read from, by region: whole classes only
# (lessons/world.py says which).
REGION_PLACES: dict[str, tuple[str, ...]] = {
    region: (
        *(name for state in STATES if state.region == region for name in state.names),
        *(name for state in STATES if state.region == region for name in state.former),
        *DISSOLVED_MEMBERS.get(region, ()),
        *CONTINENTS.get(region, ()),
        *WORLD_REGIONS.get(region, ()),
    )
    for region, _label in REGIONS
}
_REGION_OF_PLACE = {name: region for region, names in REGION_PLACES.items() for name in names}

_ERA = r"(?P<era>BCE|BC|CE|AD)"
# "490 BC", "AD 79", or a four-digit year 1000-2099 that is not a quantity ("1500 men").
YEAR = re.compile(
    rf"\b(?:(?P<before>\d{{1,4}})\s*{_ERA}\b|AD\s+(?P<ad>\d{{1,4}})\b|"
    r"(?P<plain>1\d{3}|20\d{2})\b(?!\s*(?:km|kilometres|kilometers|miles|metres|men|people|"
    r"soldiers|troops|ships)\b))"
)
# Longest names first, so "Papua New Guinea" is read whole and not as "Guinea".
_PLACE = re.compile(
    r"\b(?:" + "|".join(map(re.escape, sorted(_REGION_OF_PLACE, key=len, reverse=True))) + r")\b"
)


def year_in_text(text: str) -> int | None:
    """The first year the text names; years before the common era are negative."""
    match = YEAR.search(text)
    if match is None:
        return None
    if match.group("before"):
        year = int(match.group("before"))
        return -year if match.group("era").startswith("B") else year
    return int(match.group("ad") or match.group("plain"))


def period_for_year(year: int | None) -> str:
    """The period a year falls in (see PERIODS), or "" for no year."""
    if year is None:
        return ""
    period = "ancient"
    for start, name in PERIOD_STARTS:
        if year >= start:
            period = name
    return period


def region_in_text(text: str) -> str:
    """The region whose places the text names most often (the first named, on a tie),
    or "" when it names none of them."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for match in _PLACE.finditer(text):
        region = _REGION_OF_PLACE[match.group(0)]
        counts[region] += 1
        first_seen.setdefault(region, match.start())
    if not counts:
        return ""
    return max(counts, key=lambda region: (counts[region], -first_seen[region]))


def year_label(year: int | None) -> str:
    """490 BC, AD 79, 1215."""
    if year is None:
        return ""
    if year < 0:
        return f"{-year} BC"
    return f"AD {year}" if year < 1000 else str(year)
