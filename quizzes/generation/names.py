"""The short forms a student may write for a person the lesson names in full (issue 10,
point 4): the surname alone ("Cabral" for "Pedro Álvares Cabral") and the first and last
name without the middle ones ("Pedro Cabral"), each only when no other person or thing of
the lesson shares it ("Stanton" beside two Stantons names neither)."""

import re
import unicodedata

from quizzes.generation.nlp import EVENT_HEADS, ORG_HEADS, PLACE_HEADS
from quizzes.scoring import HONORIFICS

# Small words that belong to a surname ("Charles de Lorencez": "de Lorencez" and "Lorencez").
PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "le", "dos", "das"}
# A name with these has no surname a student would write alone ("Darius I", "Ivan the
# Terrible", "Muhammad ibn Abdullah", "Martin Luther King Jr").
NO_SURNAME = {"the", "of", "ibn", "bin", "bint", "ben", "al", "jr", "sr", "junior", "senior"}
# Titles of other languages that stand before or after a name ("Judar Pasha", "Askia
# Muhammad"): the name beside them is no surname.
OTHER_TITLES = {
    "pasha",
    "bey",
    "khan",
    "effendi",
    "agha",
    "aga",
    "emir",
    "amir",
    "askia",
    "sonni",
    "phraya",
    "chao",
    "u",
    "daw",
    "ras",
    "negus",
    "shaykh",
    "sheikh",
    "raja",
    "rana",
    "nawab",
}
# A last word that names a thing ("Victor Verster Prison") makes no person's surname.
THING_HEADS = {head.lower() for head in EVENT_HEADS | ORG_HEADS | PLACE_HEADS}
ROMAN = re.compile(r"^[IVXL]{1,5}$")
# A romanised Chinese name puts the family name first ("Zeng Guofan", "An Lushan"): its last
# word is a given name, never the short form. Every word made of pinyin syllables says so.
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu"
    r"|ua|uo|ui|ue|er|a|e|i|o|u|v)"
)
PINYIN_WORD = re.compile(rf"^(?:{_PINYIN_SYLLABLE})+$")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _family_name_first(words: list[str]) -> bool:
    return len(words) <= 3 and all(PINYIN_WORD.match(_plain(word)) for word in words)


def looks_like_thing(name: str) -> bool:
    """A "person" whose last word names a thing ("Victor Verster Prison", "Manchester
    Railway"): the tagger's mistake, never a person to ask for."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in THING_HEADS


def person_short_forms(name: str) -> list[tuple[str, bool]]:
    """(form, is_surname) pairs: the surname with and without its particle, and the first
    and last name without the middle ones."""
    words = name.replace(",", " ").split()
    while words and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    if len(words) < 2:
        return []
    if _family_name_first(words):
        # "Tokugawa Ieyasu", "Mao Zedong": no surname alone, but the Western order is the
        # same person ("Ieyasu Tokugawa"); a longer name has no one other order.
        return [(f"{words[1]} {words[0]}", False)] if len(words) == 2 else []
    lowered = [w.lower().rstrip(".") for w in words]
    if any(w in NO_SURNAME or w in OTHER_TITLES for w in lowered) or any(map(ROMAN.match, words)):
        return []
    if not words[0][:1].isupper() or lowered[-1] in HONORIFICS or looks_like_thing(name):
        return []  # "de Klerk" written without a first name keeps its particle
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:  # lower case only: "Van Tien Dung"
        start -= 1
    surname = words[start:]
    if not surname[-1][:1].isupper():
        return []
    forms = [(" ".join(surname), True)]
    if len(surname) > 1:
        forms.append((surname[-1], True))
    if len(words) == 3 and start == 2:
        # "Alberto Ruz Lhuillier": a Spanish or Portuguese double surname is written whole.
        forms.append((" ".join(words[1:]), True))
    if start > 1:
        forms.append((" ".join([words[0], *surname]), False))
    return forms


def unshared_short_forms(name: str, other_names: list[str]) -> list[str]:
    """The short forms of `name` that no other entity's name of the lesson shares."""
    others = [{_plain(word) for word in other.split()} for other in other_names]
    forms = []
    for form, is_surname in person_short_forms(name):
        needed = {_plain(form.split()[-1])} if is_surname else {_plain(w) for w in form.split()}
        if not any(needed <= words for words in others):
            forms.append(form)
    return forms


def attach_full_names(people: list, others: list, key_names: list[str]) -> None:
    """Give each person the body calls by surname only ("Agrippa") the fuller names the
    key points write ("Marcus Agrippa"): right answers too, when no other name shares them.
    `people` and `others` are the lesson's person entities and the rest."""
    for person in people:
        other_names = [n for e in [*people, *others] if e is not person for n in e.names]
        person.full_names = tuple(
            full
            for full in dict.fromkeys(key_names)
            if full not in person.names
            and not looks_like_thing(full)
            and any(
                " " not in name
                and full.split()[-1] == name
                and name in unshared_short_forms(full, other_names)
                for name in person.names
            )
        )
