"""The place list a lesson's region is read from is made of whole classes (every UN member
state, the continents, the UN's M49 regions), never of one lesson's towns or battles."""

import zoneinfo
from collections import Counter
from pathlib import Path

import pytest

from lessons.places import REGION_PLACES, region_in_text
from lessons.world import CONTINENTS, DISSOLVED_MEMBERS, STATES, WORLD_REGIONS

# The 193 member states of the United Nations by ISO 3166-1 code, typed from the UN's own
# list of members, independently of lessons/world.py.
_UN_MEMBER_CODES = """
    AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH
    CM CA CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ
    FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI
    KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR
    NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST
    SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG
    UA AE GB TZ US UY UZ VU VE VN YE ZM ZW
"""
UN_MEMBERS = set(_UN_MEMBER_CODES.split())
UN_OBSERVER_STATES = {"VA", "PS"}

# The time-zone database's areas, for the regions that have one of their own. Atlantic/ and
# Indian/ zones lie off several regions' coasts and say nothing.
ZONE_AREA_REGIONS = {
    "Africa": "africa",
    "America": "americas",
    "Asia": "asia",
    "Europe": "europe",
    "Australia": "oceania",
    "Pacific": "oceania",
}
# Where the UN's M49 standard and the time-zone database disagree: Türkiye is Western Asia
# in M49, while its one zone is Europe/Istanbul.
M49_AGAINST_ZONES = {"TR"}


def zones_by_country() -> dict[str, set[str]]:
    """Each ISO code's time-zone areas, read from the system's tzdata."""
    tables = [Path(folder) / "zone.tab" for folder in zoneinfo.TZPATH]
    table = next((path for path in tables if path.exists()), None)
    assert table is not None, "tzdata's zone.tab is missing: apt-get install tzdata"
    areas: dict[str, set[str]] = {}
    for line in table.read_text().splitlines():
        if line and not line.startswith("#"):
            code, _, zone = line.split("\t")[:3]
            areas.setdefault(code, set()).add(zone.split("/")[0])
    return areas


def test_every_un_member_state_is_listed_once():
    codes = Counter(state.code for state in STATES)

    assert len(UN_MEMBERS) == 193
    assert {state.code for state in STATES if state.member} == UN_MEMBERS
    assert {state.code for state in STATES if not state.member} == UN_OBSERVER_STATES
    assert [code for code, count in codes.items() if count > 1] == []


def test_each_state_lies_in_the_region_its_time_zones_say():
    areas = zones_by_country()

    said = {
        state.code: {ZONE_AREA_REGIONS.get(area) for area in areas.get(state.code, ())} - {None}
        for state in STATES
    }

    misplaced = {
        state.code: (state.region, sorted(said[state.code]))
        for state in STATES
        if state.code not in M49_AGAINST_ZONES
        and said[state.code]
        and state.region not in said[state.code]
    }
    assert misplaced == {}
    assert [state.code for state in STATES if state.code not in areas] == []


def test_no_place_name_is_listed_twice():
    names = Counter(name for places in REGION_PLACES.values() for name in places)

    assert [name for name, count in names.items() if count > 1] == []


def test_the_place_list_is_the_whole_classes_and_nothing_else():
    from_classes = (
        {name for state in STATES for name in state.names + state.former}
        | {name for names in DISSOLVED_MEMBERS.values() for name in names}
        | {name for names in CONTINENTS.values() for name in names}
        | {name for names in WORLD_REGIONS.values() for name in names}
    )

    assert {name for places in REGION_PLACES.values() for name in places} == from_classes


@pytest.mark.parametrize(
    "place", ["Runnymede", "Saint-Domingue", "Zulu", "Plataea", "Hastings", "Timbuktu"]
)
def test_one_lessons_towns_battles_colonies_and_peoples_place_nothing(place):
    assert region_in_text(f"It happened at {place}.") == ""


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("The ships sailed from Papua New Guinea.", "oceania"),
        ("Troops crossed from Guinea-Bissau into Guinea.", "africa"),
        ("Trade across Latin America grew.", "americas"),
        ("The Soviet Union and Czechoslovakia signed.", "europe"),
        ("Siam kept its independence; Burma did not.", "asia"),
    ],
)
def test_a_longer_name_wins_over_a_shorter_one_inside_it(text, region):
    assert region_in_text(text) == region
