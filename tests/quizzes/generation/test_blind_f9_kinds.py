"""The ordering faults two blind judges found in the ninth fresh set (F9): a wrong name put
into an event, and events cut into clauses that lost their subject or open with a relative
word.

Each case stands for a general fault shape, named in the comment, not for the one lesson it
was seen in; the sentences are invented.
"""

import pytest

from quizzes.generation.events import years_before
from quizzes.generation.pipeline import LessonText, generate_bank
from quizzes.generation.referents import pronoun_referents


def _ordering(title: str, sentences: list[str]):
    bank = generate_bank(LessonText(title, [], list(enumerate(sentences, start=1)), frozenset({1})))
    return next((q for q in bank.questions if q.kind == "ordering"), None)


# F9 (oil embargo, item 54): "After President Richard Nixon asked Congress for aid, King Faisal
# ... halted oil shipments on 20 October" became "President Richard Nixon halted oil shipments":
# the parser made "asked" the main verb and "halted" its subjectless conjunct, so the later
# verb took the opening clause's subject. A wrong name in a fact is a wrong key.
@pytest.mark.parametrize(
    "sentence",
    [
        "After President Aldo Venn asked Congress for 2.2 billion dollars in emergency aid for "
        "Tarsk, King Faisal of Morland, the largest Arab producer, halted oil shipments to the "
        "United States on 20 October.",
        "After President Richard Venn asked Congress for 2.2 billion dollars in emergency aid for "
        "Israel, King Faisal of Saudi Arabia, the largest Arab producer, halted oil shipments to "
        "the United States on 20 October.",
    ],
)
def test_a_later_verb_does_not_take_the_subject_of_an_opening_clause(event, sentence):
    found = event(sentence, "20 October", 1830)
    assert found is None or "Venn" not in found[1], found


def test_a_later_verb_without_a_subject_still_takes_the_main_subject(event):
    found = event("Aldo Venn opened the ports, and in 1815 raised Tarsk to a kingdom.", "1815")
    assert found == (1815, "Aldo Venn raised Tarsk to a kingdom")


# F9 (Triangle fire, item 39): "Thousands of shirtwaist makers went on strike after Clara
# Lemlich" - the event was cut at the comma of an apposition inside its "after" clause,
# before that clause's verb.
def test_an_event_is_not_cut_inside_a_clause_before_its_verb(event):
    found = event(
        "In November 1830 thousands of dock workers went on strike after Clara Holt, a young "
        "union leader, called for action at a meeting in the harbour.",
        "November 1830",
    )
    assert found is None or "called" in found[1], found


# F9 (Rite of Spring, item 59): "Whose ballet L'Apres-midi d'un faune had already caused a
# stir in Paris" - a relative clause the parser read as a second main clause.
@pytest.mark.parametrize(
    "sentence, date",
    [
        (
            "Aldo Venn gave the choreography to his star dancer, Clara Holt, whose ballet "
            "L’Après-midi d’un faune had already caused a stir in Tarsk in 1828.",
            "1828",
        ),
        (
            "Aldo Venn gave the music to his star singer, Clara Holt, whose opera La Nuit d’un "
            "faune had already caused a stir in Tarsk in 1828.",
            "1828",
        ),
    ],
)
def test_an_event_does_not_open_with_a_relative_word(event, sentence, date):
    found = event(sentence, date)
    assert found is None or found[1].split()[0].lower() not in ("whose", "which", "who"), found


# F9 (oil embargo): "... until Israel withdrew from the lands it had occupied in 1967." gave
# the next sentence's "on 20 October" the year 1967, in a story of 1973: a year in a "had"
# clause is an earlier time the sentence looks back to, not the story's.
def test_a_day_and_month_do_not_take_a_year_the_sentence_before_looks_back_to(parse):
    parsed = parse(
        [
            "The war over Tarsk began in the spring.",
            "On 16 October 1830, the lords of Tarsk raised the salt tax by 70 percent.",
            "The next day the lords agreed to cut output each month until Morland withdrew "
            "from the lands it had occupied in 1820.",
            "On 20 October King Orvan of Tarsk closed the ports to the traders.",
        ]
    )
    found = years_before(parsed.sentences, frozenset())
    assert found[parsed.sentences[3].index] == 1830


# F9 (Triangle fire): the whole "after" clause is the event once the name's apposition in it
# goes, as an apposition on the main subject does ("Prince Aldo, who ..., declared").
def test_an_apposition_inside_an_after_clause_goes(event):
    found = event(
        "In November 1830 thousands of dock workers went on strike after Clara Holt, a young "
        "union leader, called for action at a meeting in the harbour.",
        "November 1830",
    )
    assert found == (
        1830,
        "Thousands of dock workers went on strike after Clara Holt called for action at a "
        "meeting in the harbour",
    )


# F9 (oil embargo): "As those talks made progress, most Arab producers lifted the embargo on
# the United States in March 1974" - the opening clause leans on the sentence before, but the
# date is on the main clause, which stands alone.
def test_an_opening_clause_goes_when_the_date_is_on_the_main_verb(event):
    found = event(
        "As those talks made progress, most lords of Tarsk lifted the salt tax in March 1830.",
        "March 1830",
    )
    assert found == (1830, "Most lords of Tarsk lifted the salt tax")


def test_an_event_after_an_opening_clause_still_ends_at_its_second_claim(event):
    found = event(
        "After a new route was surveyed, Parliament approved the canal in 1826, and Aldo Venn "
        "was appointed chief engineer.",
        "1826",
    )
    assert found == (1826, "Parliament approved the canal")


# The lead's stop-19 rule for a "he" (point 1): a pronoun is read as the main person only
# when no other person is named in the sentence before or in its own - "Aldo Venn met Piet
# Orvan ... In 1827 he opened a library" may be either man.
HARBOUR = [
    "Aldo Venn was a reformer who changed the schools of Tarsk.",
    "Aldo Venn became the governor of the northern province in 1821.",
    "Aldo Venn met the merchant Piet Orvan in the harbour of Tarsk in 1824.",
    "In 1827 he opened a library for workers in the harbour.",
    "Aldo Venn founded a school for orphans in Tarsk in 1829.",
    "In 1831 he opened a hospital beside the school with the doctor Jan Smit.",
    "Aldo Venn wrote a famous book about the schools of Tarsk.",
]


def test_a_he_is_nobody_when_another_person_is_named_beside_it(parse):
    parsed = parse(HARBOUR)
    referents = pronoun_referents(parsed.sentences, parsed.entities)
    assert parsed.sentences[3].index not in referents
    assert parsed.sentences[5].index not in referents


# Seen in this round's census (Berlin Conference, now an ordering): "After three months of
# talks they signed the General Act" - a "they" with nobody named before it in the event is
# as unclear out of its paragraph as a "he".
def test_an_event_whose_subject_is_an_unnamed_they_is_left_out(event):
    found = event(
        "After three months of talks they signed the Treaty of Tarsk on 26 February 1830.",
        "26 February 1830",
    )
    assert found is None, found


def test_a_they_after_the_events_own_subject_stays(event):
    found = event(
        "In 1830 the lords of Tarsk agreed to accept the borders they had inherited.", "1830"
    )
    assert found == (1830, "The lords of Tarsk agreed to accept the borders they had inherited")


# F7 (Organisation of African Unity, a ready ordering): "In 1960 alone, seventeen new nations
# were born" gave "Alone, seventeen new nations were born": the "alone" is the date's.
def test_an_alone_after_the_date_goes_with_it(event):
    found = event("In 1830 alone, seventeen new towns were founded in Tarsk.", "1830")
    assert found == (1830, "Seventeen new towns were founded in Tarsk")
