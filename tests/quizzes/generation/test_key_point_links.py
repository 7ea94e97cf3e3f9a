"""Key points tied to sentences (and so to questions) by what they say, not by one shared
year or name (issue 12, point 4). Each row is (key point, sentence)."""

import pytest

from quizzes.generation.nlp import parse_all
from quizzes.generation.selection import key_point_links

MUST_MATCH = {
    "same event, date and verb": (
        "King John sealed Magna Carta on 15 June 1215.",
        "The two sides met at Runnymede, where the charter was agreed and sealed on 15 June 1215.",
    ),
    "copies surviving": (
        "Four original copies from 1215 still survive.",
        "Four copies of the 1215 charter survive: two in the British Library and two elsewhere.",
    ),
    "person and deed": (
        "Archbishop Stephen Langton helped negotiate the charter.",
        "Langton played a leading part in the negotiations and probably helped to shape it.",
    ),
    "number and noun": (
        "The original charter contained 63 clauses.",
        "The charter was written in Latin on parchment and contained 63 clauses.",
    ),
    "cause stated": (
        "Bread shortages led to strikes in Petrograd.",
        "Long queues for bread in Petrograd turned into strikes and street protests in March.",
    ),
}
MUST_NOT_MATCH = {
    "only the year": (
        "Four original copies from 1215 still survive.",
        "In June 1215 King John of England agreed to Magna Carta in a meadow at Runnymede.",
    ),
    "only the year again": (
        "Four original copies from 1215 still survive.",
        "The rebels captured London on 17 May 1215, which forced John to negotiate.",
    ),
    "only the person": (
        "Menelik II led the Ethiopian army at Adwa.",
        "Menelik rejected the Italian reading in 1893 and repaid the loans Italy had made.",
    ),
    "only a number": (
        "Italy lost about 7,000 men in one day.",
        "General Baratieri commanded about 17,000 soldiers, many of them Eritrean askaris.",
    ),
    "only the place": (
        "The Treaty of Addis Ababa recognised Ethiopian independence.",
        "Italian troops advanced from Eritrea into the province of Tigray, north of Addis Ababa.",
    ),
}


def _linked(key_point: str, sentence: str) -> bool:
    key_doc, sentence_doc, filler = parse_all(
        [key_point, sentence, "Many other things happened in the lesson that year."]
    )
    return key_point_links([key_doc], [sentence_doc, filler])[0] == 0


@pytest.mark.parametrize("key_point, sentence", MUST_MATCH.values(), ids=MUST_MATCH.keys())
def test_a_sentence_that_states_the_key_point_is_linked(key_point, sentence):
    assert _linked(key_point, sentence)


@pytest.mark.parametrize("key_point, sentence", MUST_NOT_MATCH.values(), ids=MUST_NOT_MATCH.keys())
def test_a_sentence_sharing_only_a_year_name_or_number_is_not_linked(key_point, sentence):
    assert not _linked(key_point, sentence)
