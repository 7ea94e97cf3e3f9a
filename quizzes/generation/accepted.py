"""What a typed answer accepts besides its key, kept to the one entity it names."""

import re

from quizzes.generation.entities import DATE, PERSON
from quizzes.generation.items import GeneratedQuestion
from quizzes.scoring import normalize_answer

BARE_BC_YEAR = re.compile(r"^(\d{1,4})\s*(BC|BCE|B\.C\.)$", re.I)


def accept_bare_bc_years(questions: list[GeneratedQuestion], entities) -> None:
    """ "486" for "486 BC" where every year the lesson gives is BC: the era goes
    without saying. A lesson giving years of both eras keeps the era in the key."""
    years = [e.name for e in entities if e.kind == DATE and re.search(r"\d{3,4}|\d+\s*BC", e.name)]
    if not years or not all(re.search(r"\bB\.?C", year, re.I) for year in years):
        return
    for question in questions:
        typed = question.kind in ("fill_blank", "short_answer")
        found = BARE_BC_YEAR.match(str(question.answer)) if typed else None
        if found and found.group(1) not in question.accepted:
            question.accepted = [*question.accepted, found.group(1)]


COMMON_ERA_YEAR = re.compile(
    r"^(?:(?:AD|A\.D\.)\s*(\d{1,4})|(\d{1,4})\s*(?:CE|C\.E\.|AD|A\.D\.))$", re.I
)


def accept_bare_common_era_years(questions: list[GeneratedQuestion], entities) -> None:
    """ "114" for "114 CE" or "AD 114": marking takes a bare year for the common era, and
    the key's accepted forms say so to the teacher (F19 judges read "114 CE" alone as
    refusing "114"). Not where the lesson gives the same year BC."""
    bc = {m.group(1) for e in entities if e.kind == DATE and (m := BARE_BC_YEAR.match(e.name))}
    for question in questions:
        if question.kind not in ("fill_blank", "short_answer"):
            continue
        found = COMMON_ERA_YEAR.match(str(question.answer).strip())
        year = found and (found.group(1) or found.group(2))
        if year and year not in bc and year not in question.accepted:
            question.accepted = [*question.accepted, year]


def keep_variants_to_one_entity(questions: list[GeneratedQuestion], entities) -> None:
    """Drop an accepted form that names another entity of the lesson ("Louis" where the
    lesson has Louis XVI and Prince Louis): marking must never accept a different one."""
    names: dict[str, set[str]] = {}
    for entity in entities:
        forms = set(entity.names) | ({entity.short_name} if entity.kind == "person" else set())
        for form in forms:
            names.setdefault(normalize_answer(form), set()).add(entity.name)
    for question in questions:
        hidden = question.hidden
        if not question.accepted or hidden is None or hidden.entity is None:
            continue
        own = hidden.entity.name
        question.accepted = [
            form for form in question.accepted if names.get(normalize_answer(form), {own}) <= {own}
        ]


def _extends(name: str, short: str) -> bool:
    """ "judah maccabee" extends "judah"; "pal tomori" extends "tomori"."""
    return name != short and (name.startswith(short + " ") or name.endswith(" " + short))


def accept_full_names(questions: list[GeneratedQuestion], entities) -> None:
    """A blank keyed to a short name ("Judah") accepts the one fuller name the lesson
    gives that person ("Judah Maccabee"): a student who writes it in full is right. Not
    when two of the lesson's names start or end with the short one."""
    people = [e for e in entities if e.kind == PERSON]
    for question in questions:
        if question.kind not in ("fill_blank", "short_answer") or question.answer_kind != PERSON:
            continue
        short = normalize_answer(str(question.answer))
        fuller = {
            e.name for e in people for name in e.names if _extends(normalize_answer(name), short)
        }
        taken = {normalize_answer(a) for a in [question.answer, *question.accepted]}
        full = next(iter(fuller)) if len(fuller) == 1 else None
        if full is not None and normalize_answer(full) not in taken:
            question.accepted = [*question.accepted, full]
