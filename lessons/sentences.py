"""Split a paragraph into sentences with spaCy's rule-based sentencizer.

The blank English pipeline knows the tokenizer's abbreviations ("St.", "Mr.", "U.S."), so
they do not end a sentence; two small repairs keep quoted speech in one piece.
"""

from functools import cache

import spacy
from spacy.language import Language

QUOTES = '"“”'
# Abbreviations that a number follows ("reactor No. 4", "Fig. 3", "c. 1450").
NUMBER_ABBREVIATIONS = {
    "no",
    "nos",
    "fig",
    "figs",
    "vol",
    "vols",
    "p",
    "pp",
    "ch",
    "art",
    "c",
    "ca",
}
# Titles abbreviated before a name ("Col. Joshua Chamberlain", "Capt. Cook"): a name follows,
# never a new sentence.
TITLE_ABBREVIATIONS = {
    "col",
    "capt",
    "cpt",
    "lt",
    "maj",
    "sgt",
    "cpl",
    "pte",
    "pvt",
    "adm",
    "cmdr",
    "cdr",
    "brig",
    "gen",
    "gov",
    "sen",
    "rep",
    "rev",
    "fr",
    "prof",
    "pres",
    "hon",
    "supt",
    "insp",
}


@cache
def _sentencizer() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _starts_mid_sentence(text: str) -> bool:
    first = text.lstrip()[:1]
    return bool(first) and (first.islower() or first in ",;:)]}")


def _ends_with_abbreviation(text: str, abbreviations: set[str]) -> bool:
    last_word = text.rsplit(None, 1)[-1]
    return last_word.endswith(".") and last_word[:-1].lower() in abbreviations


def split_sentences(paragraph: str) -> list[str]:
    """Return the paragraph's sentences in order, whitespace-trimmed and non-empty."""
    pieces = [sent.text.strip() for sent in _sentencizer()(paragraph).sents]
    pieces = [piece for piece in pieces if piece]
    repaired: list[str] = []
    carry = ""
    for piece in pieces:
        piece = carry + piece
        carry = ""
        # A quote left dangling at the end opens the next sentence's speech.
        if piece[-1] in QUOTES and sum(piece.count(q) for q in QUOTES) % 2 == 1:
            piece, carry = piece[:-1].rstrip(), piece[-1]
            if not piece:
                continue
        continues_number = (
            piece[:1].isdigit()
            and repaired
            and (_ends_with_abbreviation(repaired[-1], NUMBER_ABBREVIATIONS))
        )
        continues_name = (
            piece[:1].isupper()
            and repaired
            and _ends_with_abbreviation(repaired[-1], TITLE_ABBREVIATIONS)
        )
        if repaired and (_starts_mid_sentence(piece) or continues_number or continues_name):
            repaired[-1] = f"{repaired[-1]} {piece}"
        else:
            repaired.append(piece)
    if carry and repaired:
        repaired[-1] += carry
    return repaired
