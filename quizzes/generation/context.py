"""Words that make a sentence lean on the one before it.

A question shows one sentence out of its paragraph. "His", "by then", "the declaration"
or "other groups" point at something the student no longer sees, so the item is unfair
as written. `leaning_words` finds them; a pronoun whose name stands in the same sentence,
or a noun the lesson's title and key points are about, is no such word.
"""

import re

from spacy.tokens import Doc, Token

from quizzes.generation.nlp import MONTH_NAMES, ORG_HEADS
from quizzes.generation.years import signed_years

PERSON_NOUNS = {"man", "woman", "king", "queen", "emperor", "empress", "leader", "son", "wife"}
# Proper nouns that cannot be the person a "his" means ("On July 4 ... his army").
NOT_PEOPLE = {"DATE", "TIME", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "CARDINAL", "ORDINAL"}
PERSONAL = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
NEUTER = {"it", "its", "itself"}
DEMONSTRATIVES = {"this", "that", "these", "those"}
PAIR_LABELS = {"PERSON", "GPE", "NORP", "ORG", "LOC"}
# Phrases that place the sentence after, or beside, another one.
LEANING_PHRASES = re.compile(
    r"\b(by then|by that time|at that (time|point|moment)|(the )?same (day|night|week|month|"
    r"year|time)|(the )?(next|following|previous) (day|night|morning|week|month|year)|"
    r"(that|this) (day|night|morning|week|month|year|moment|time)|"
    # "Kessel fell that September": which September?
    r"that (january|february|march|april|may|june|july|august|september|october|november|"
    r"december|spring|summer|autumn|winter)|"
    r"later that (day|night|week|month|year)|earlier that (day|night|week|month|year)|"
    r"soon after(wards)?|shortly after(wards)?(?! \w+ \w)|in the meantime|meanwhile|"
    r"afterwards|after this|after that|before this|before that|the day before|"
    r"other groups|the others|the rest|the former|the latter|the two sides|"
    r"both sides|both (cities|countries|men|leaders|armies|sides|groups|states|powers)|"
    r"the (two|three) [a-z]+s|such an?|"
    r"the (end|start|beginning|rest|middle) of the (day|night|week|month|year|war)|"
    r"within (hours|days|weeks|months|years|a (day|week|month|year))|"
    r"(the )?(next|following|previous)\s+(\S+\s+)?(days|weeks|months|years|decades)|"
    r"(tried|try|tries|trying) again|"
    r"the same|at first|at last|in response|in return|as a result(?! of)|"
    # "In 1975, for example, X served ...": an example of a claim made before.
    r"for (example|instance)(?=,))\b",
    re.I,
)
# "the next day" counts from a date; one the sentence gives before it anchors it.
NEXT_TIME = re.compile(r"(the )?(next|following) (day|night|morning|week|month|year)$", re.I)
LEANING_ADVERBS = {
    "then",
    "later",
    "however",
    "instead",
    "nevertheless",
    "thus",
    "therefore",
    "finally",
}
# "Still, Kessel began ...": an opening link set off by a comma answers a sentence not shown.
OPENING_LINKS = {"still", "nonetheless", "besides", "moreover", "furthermore", "likewise"}
OPENING_LINKS |= {"similarly", "otherwise", "accordingly", "consequently", "hence", "even"}
# "But independence did not ...": an opening conjunction answers a sentence not shown.
OPENING_CONJUNCTIONS = {"but", "yet", "and", "so", "or"}
# "At Tarsk on 4 July his troops": a name after these is a place, nobody's "his".
PLACE_PREPOSITIONS = {"at", "in", "near", "into", "from", "to", "across", "outside", "inside"}
# Nouns that, with "the" and no name, point back at one named earlier.
BACK_NOUNS = {
    "passenger",
    "crew",
    "appeal",
    "petition",
    "declaration",
    "treaty",
    "agreement",
    "pact",
    "charter",
    "decision",
    "plan",
    "move",
    "attack",
    "deal",
    "order",
    "law",
    "proposal",
    "offer",
    "demand",
    "demands",
    "ultimatum",
    "speech",
    "letter",
    "message",
    "document",
    "decree",
    "edict",
    "act",
    "bill",
    "campaign",
    "policy",
    "reforms",
    "reform",
    "incident",
    "event",
    "events",
    "episode",
    "conflict",
    "dispute",
    "crisis",
    "city",
    "town",
    "capital",
    "country",
    "king",
    "queen",
    "emperor",
    "empress",
    "president",
    "pope",
    "leader",
    "general",
    "governor",
    "ruler",
    "commander",
    "prince",
    "man",
    "woman",
    "group",
    "rebels",
    "army",
    "ship",
    "vote",
    "meeting",
    "talks",
    "battle",
    "war",
    "siege",
    "victory",
    "defeat",
    "empire",
    "kingdom",
    "dynasty",
    "regime",
    "reading",
    "version",
    "interpretation",
    "terms",
    "line",
    "total",
    "deadline",
}


def _names_a_place_after_preposition(token: Token) -> bool:
    """ "At Tarsk", "At the Mawei post station": a name after a place preposition, or in a
    noun phrase that stands there, is a place."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS


GROUP_QUANTIFIERS = {"most", "many", "some", "all", "few", "several", "both"}


def _has_person_before(doc: Doc, token: Token) -> bool:
    # "In his speech, Kennedy ...": a possessive may come just before its name.
    window = doc[: token.i] if token.i > 2 or token.lower_ not in ("his", "her") else doc
    return any(
        not _subject_of_own_verb(token, t)
        # "Most Bábís became his followers": a people is no "his".
        and t.tag_ != "NNPS"
        and not any(c.lower_ in GROUP_QUANTIFIERS for c in t.children)
        and (
            t.ent_type_ == "PERSON"
            or t.pos_ == "PROPN"
            and t.ent_type_ not in NOT_PEOPLE
            and not _names_a_place_after_preposition(t)
            and not _in_institution_name(t)
            or t.lemma_.lower() in PERSON_NOUNS
            and t.tag_ != "NNS"  # "60 men ... against him": a plural is nobody's "him"
        )
        and t.i != token.i
        and t.i < token.i
        for t in window
    ) or any(_names_the_subject(t) for t in window if t.i > token.i)


def _names_the_subject(token: Token) -> bool:
    """ "In his speech, Kennedy ...", "After her brother died, Nzinga (GPE to the tagger)
    took power": a possessive looks ahead only to the name of a subject ("... shown on the
    Palace walls", "... rule by a woman" name no one)."""
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "NORP"):
        return False
    if (
        token.ent_type_ != "PERSON"
        and token.pos_ != "PROPN"
        and not (token.lemma_.lower() in PERSON_NOUNS and token.tag_ != "NNS")
    ):
        return False  # "To buy his freedom, the emperor ..." is his too
    while token.dep_ in ("compound", "flat", "appos") and token.head is not token:
        if token.dep_ == "appos" and token.head.pos_ != "PROPN":
            return False  # "His book, The Long Road, appeared": the book's name, no person
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _in_institution_name(token: Token) -> bool:
    """ "The Ethiopian Orthodox Church traces its roots to his reign": a church is no "he"."""
    if token.ent_type_ != "ORG":
        return False
    span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return span is not None and span.root.lower_ in ORG_HEADS


def _own_subjects(token: Token) -> set[Token]:
    """The subjects of the verbs a pronoun's clause hangs on, up to a joined clause:
    "smiths learned to copy them" - the smiths copy, so they are not "them"."""
    subjects, verb = set(), token.head
    while True:
        subjects |= {c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
        if verb.dep_ not in ("xcomp", "ccomp", "advcl") or verb.head is verb:
            return subjects
        verb = verb.head


def _has_plural_before(doc: Doc, token: Token) -> bool:
    # "the heights above them": the noun the pronoun hangs on is not what it means.
    governing = set(token.ancestors)
    own = {t for subject in _own_subjects(token) for t in subject.subtree}
    return any(
        t not in own
        and (
            t not in governing
            and t.tag_ in ("NNS", "NNPS")
            # A town or a land is no "them" ("bishop of Hippo in North Africa, answered them").
            or t.ent_type_ in ("NORP", "ORG")
            or t.dep_ == "conj"
            and t.pos_ in ("NOUN", "PROPN")
        )
        for t in doc[: token.i]
    )


# "In the twelfth century BC, ... carried it off": a time is nothing to carry.
TIME_NOUNS = {"century", "decade", "year", "month", "week", "day", "night", "morning", "age"}
ERAS = {"BC", "BCE", "AD", "CE"}


def _a_person(noun: Token) -> bool:
    """ "the Ugandan dictator Idi Amin": a role noun with a person's name beside it."""
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children) or (
        noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON"
    )


def _only_modifies(noun: Token) -> bool:
    """ "the Ugandan dictator", "for example": words that name no thing of their own."""
    return (
        noun.dep_ in ("compound", "amod")
        and noun.ent_type_ == "NORP"
        or noun.lower_ in ("example", "instance")
        and noun.head.lower_ == "for"
    )


def _has_noun_before(doc: Doc, token: Token, reflexive: bool = False) -> bool:
    """A singular thing before "it": not a person, a date, a place after "in" ("in New York,
    after it was read"), nor a plural ("Later reformers ... quoted its words"). "Itself"
    leans on the noun just before it, whatever it is ("on D-Day itself")."""
    if reflexive:
        return any(t.pos_ in ("NOUN", "PROPN") for t in doc[: token.i])
    return any(
        t.pos_ in ("NOUN", "PROPN")
        and not _subject_of_own_verb(token, t)
        and t.tag_ not in ("NNS", "NNPS")
        and t.ent_type_ not in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL")
        and t.lemma_.lower() not in PERSON_NOUNS
        and not _a_person(t)
        and not _only_modifies(t)
        and t.lemma_.lower() not in TIME_NOUNS
        and t.text not in ERAS
        and not (
            t.ent_type_ in ("GPE", "LOC", "FAC")
            and t.ent_iob_ in ("B", "I")
            and _after_place_preposition(t)
        )
        for t in doc[: token.i]
    )


def _after_place_preposition(token: Token) -> bool:
    head = token
    while head.dep_ == "compound" and head.head is not head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS


def _place_before(doc: Doc, token: Token) -> bool:
    """A place the sentence names before `token` ("reached Tarsk and found gold there")."""
    return any(
        t.ent_type_ in ("GPE", "LOC", "FAC")
        or t.pos_ == "PROPN"
        and t.ent_type_ not in ("PERSON", "NORP")
        and not _doer(t)
        or t.pos_ in ("NOUN", "PROPN")
        and _after_place_preposition(t)  # "planted wheat near the river ... there"
        for t in doc[: token.i]
    )


def _doer(token: Token) -> bool:
    """ "a revolt led by Marek": the name after a passive's "by" is who did it, no place."""
    return token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.dep_ == "agent"


# Verbs whose object the sentence must say: "When X's horsemen followed," followed what?
# "Many did, and ...", "Most could not": a verb standing for one the sentence never gives.
ELLIPTICAL_VERBS = {"do", "can", "could", "will", "would", "should", "might", "must"}
COMPLEMENTS = {"dobj", "xcomp", "ccomp", "prep", "acomp", "attr", "oprd", "dative", "agent"}


def _elliptical(token: Token) -> bool:
    """A main "did" or "could" with a subject and nothing it does ("Many did, and one ...")."""
    if token.lemma_.lower() not in ELLIPTICAL_VERBS or token.dep_ not in ("ROOT", "conj"):
        return False
    children = list(token.children)
    return any(c.dep_ == "nsubj" for c in children) and not any(
        c.dep_ in COMPLEMENTS for c in children
    )


OBJECT_VERBS = {"follow", "pursue", "join", "agree", "refuse", "comply", "accept"}


def _date_phrase(prep: Token) -> bool:
    """ "in 1436", "on 12 May": a phrase of time, which is no object of the verb."""
    words = [t for t in prep.subtree if t is not prep and t.pos_ != "DET"]
    return bool(words) and all(t.ent_type_ == "DATE" or t.like_num for t in words)


def _missing_object(token: Token) -> bool:
    """ "An agreement followed (in 1436)": followed what? A verb that needs an object
    has none (a phrase of time is none either)."""
    # spaCy tags "followed" at a sentence's end VBN at times: a root with no "was" is
    # still the past tense.
    passive = any(c.dep_ in ("auxpass", "aux") for c in token.children)
    return (
        token.pos_ == "VERB"
        and token.lemma_.lower() in OBJECT_VERBS
        and (token.tag_ != "VBN" or token.dep_ == "ROOT" and not passive)
        and not any(
            c.dep_ in ("dobj", "xcomp", "ccomp", "agent", "prt", "attr", "dative")
            or c.dep_ == "prep"
            and not _date_phrase(c)
            for c in token.children
        )
    )


def _subject_of_own_verb(pronoun: Token, person: Token) -> bool:
    """ "Michael I recognised him", "Tupaia sailed with him": an object pronoun never means
    its own verb's subject, nor an infinitive's its doer ("sent Varus to organise it")."""
    verb = _verb_of_object(pronoun)
    if verb is None:
        return False
    verbs, doers = [verb], ["nsubj", "nsubjpass", "npadvmod"]
    if verb.dep_ == "xcomp" or verb.dep_ == "advcl" and _infinitive(verb):
        # "X was appointed to command it": X commands; "Augustus sent Varus to organise
        # it": Varus organises, Augustus sends; neither is "it".
        verbs.append(verb.head)
        if verb.dep_ == "advcl":
            doers.append("dobj")
    return any(c.dep_ in doers and person in c.subtree for v in verbs for c in v.children)


def _verb_of_object(pronoun: Token) -> Token | None:
    """The verb whose object the pronoun is: its head, or through a preposition when the
    verb has no object of its own ("sailed with him"; "took the flag with him" is his own)."""
    if pronoun.dep_ in ("dobj", "dative"):  # "gave him a sword": him is not the giver
        return pronoun.head
    prep = pronoun.head
    if pronoun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return None
    if any(c.dep_ == "dobj" for c in prep.head.children):
        return None
    return prep.head


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def leaning_words(doc: Doc, topic: set[str] = frozenset(), skip: range = range(0)) -> list[str]:
    """The words of the sentence that need an earlier sentence to make sense.

    `topic` holds the lesson's topic lemmas ("the charter" in a lesson on a charter is
    clear); `skip` is a token range left out (the blank, or the swapped name).
    """
    # The ranker asks it of one sentence for every item the sentence gives.
    cache = doc.user_data.setdefault("leaning_words", {})
    key = (frozenset(topic), frozenset(skip))
    if key not in cache:
        cache[key] = _leaning_words(doc, topic, skip)
    return list(cache[key])


BARE_QUANTIFIERS = {"some", "many", "most", "others", "several", "few"}


def _verb_follows(doc: Doc) -> bool:
    """The sentence's second word is its verb: the first stands alone as the subject (or
    the parser, taking "hated" for an adjective, found no verb to hang the sentence on)."""
    if len(doc) < 2:
        return False
    misparsed = doc[1].pos_ == "VERB" and all(
        t.pos_ not in ("VERB", "AUX") for t in doc if t.dep_ == "ROOT"
    )
    return doc[1].tag_ in ("VBD", "VBZ", "VBP", "MD") or doc[1].pos_ == "AUX" or misparsed


def _compared(token) -> bool:
    """ "earlier than Tarsk": the comparison names what it is measured against."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ == "than"


def _leaning_words(doc: Doc, topic: set[str], skip) -> list[str]:
    found: list[str] = []
    for token in doc:
        if token.i in skip:
            continue
        lower = token.lower_
        bare_subject = token.dep_ in ("nsubj", "nsubjpass") and all(
            c.dep_ in ("det", "predet") for c in token.children
        )
        counted = token.pos_ == "NUM" and token.is_alpha  # "three", not "1618"
        if bare_subject and (counted or lower == "both"):
            found.append(token.text)  # "All three survived", "Both fled": which?
            continue
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
            unresolved = (
                lower in PERSONAL
                and not _has_person_before(doc, token)
                or lower in PLURAL
                and not _has_plural_before(doc, token)
                or lower in NEUTER
                and token.dep_ != "expl"
                and not _has_noun_before(doc, token, reflexive=lower == "itself")
                # "This was ...": this what?
                or lower in DEMONSTRATIVES
                and token.tag_ == "DT"
                and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
            )
            if unresolved:
                found.append(token.text)
            continue
        if lower in DEMONSTRATIVES and token.dep_ == "det":
            if token.i == 0 and token.head.lemma_.lower() in topic:
                continue  # "This charter ...": the lesson's own subject, shown as "The"
            found.append(f"{token.text} {token.head.text}")
            continue
        if _elliptical(token):
            found.append(f"{token.head.text if token.dep_ == 'conj' else ''} {token.text}".strip())
            continue
        if token.pos_ == "VERB" and _missing_object(token):
            found.append(token.text)
            continue
        if token.i == 0 and lower == "also" and len(doc) > 1:
            found.append(f"{token.text} {doc[1].text}")  # "Also in 1455": as well as what?
            continue
        if token.i == 0 and lower in BARE_QUANTIFIERS and _verb_follows(doc):
            found.append(token.text)  # "Some hated slavery ...": some of whom?
            continue
        if token.i == 0 and lower == "finally":
            found.append(token.text)  # "Finally X decided": the last of steps not shown
            continue
        if token.i == 0 and lower in OPENING_LINKS and len(doc) > 2 and "," in doc[1:3].text:
            found.append(token.text)  # "Still,", "Even so,"
            continue
        subject = token.dep_ in ("nsubj", "nsubjpass")
        if token.tag_ == "JJS" and subject and [c.dep_ for c in token.children] == ["det"]:
            found.append(f"{doc[token.i - 1].text} {token.text}")  # "The strongest was"
            continue
        if token.i == 0 and lower in OPENING_CONJUNCTIONS and token.dep_ == "cc":
            found.append(token.text)
            continue
        if lower == "there" and token.dep_ == "advmod" and not _place_before(doc, token):
            found.append(token.text)  # "reports of gold there": where?
            continue
        if lower == "finally" and token.i > 0:
            continue  # "were finally desegregated" ends a story the sentence itself tells
        if lower == "earlier" and token.pos_ == "ADV" and not _compared(token):
            found.append(token.text)  # "Ten years earlier, ...": earlier than what?
            continue
        if lower in LEANING_ADVERBS and token.dep_ in ("advmod", "cc"):
            # "Many barons then rose": the main clause follows another sentence. "arrested
            # and later sentenced" follows its own first verb.
            if token.head.dep_ == "ROOT" or lower in ("however", "instead", "nevertheless"):
                found.append(token.text)
            continue
        if (
            lower == "the"
            and token.dep_ == "det"
            and (_back_noun(token.head, topic) or _bare_subject(token.head, topic, skip))
            and not _named_before(doc, token.head)
        ):
            found.append(f"the {token.head.text}")
    text = _text_without(doc, skip)
    for match in LEANING_PHRASES.finditer(text):
        if PAIR_WORDS.match(match.group(0)) and _names_two_before(doc, match.start()):
            continue  # "Brutus and Cassius ... where both men died": the pair is here
        if NEXT_TIME.match(match.group(0)) and signed_years(text[: match.start()]):
            continue  # "gained his doctorate in 1537 and ... the very next day": that day
        found.append(match.group(0))
    return found


def _back_noun(noun: Token, topic: set[str]) -> bool:
    """ "the declaration", "the king": a noun that stands for one named earlier."""
    lemma = noun.lemma_.lower()
    return (
        lemma in BACK_NOUNS
        and (lemma not in topic and noun.lower_ not in topic or _described_person(noun))
        and not _is_named(noun)
    )


def _described_person(noun: Token) -> bool:
    """ "the young governor", "the new king": a role the lesson's topic holds, described as
    one person met before (the topic exempts "the governor" of a lesson on governors)."""
    if noun.lemma_.lower() not in PERSON_BACK or not any(
        c.dep_ == "amod" and c.pos_ == "ADJ" and not c.ent_type_ for c in noun.children
    ):
        return False
    # "Leo crowned Charlemagne, ... knelt before the new emperor": a name before it says
    # who, unless that name does the clause "and" joins on ("Timur had filled ...").
    names = [
        t
        for t in noun.doc[: noun.i]
        if t.pos_ == "PROPN"
        and t.ent_type_ not in NOT_PEOPLE
        and not _names_a_place_after_preposition(t)
    ]
    return all(_subject_of_the_clause_before(t, noun) for t in names)


# A country has one of each: "the government" or "the economy" needs no earlier sentence.
ONE_PER_COUNTRY = {
    "government",
    "economy",
    "treasury",
    "state",
    "parliament",
    "population",
    "public",
    "press",
}


def _bare_subject(noun: Token, topic: set[str], skip: range) -> bool:
    """ "so from 1865 the company hired ...", "and the camp suffered": a singular common
    noun with "the" and nothing else, doing the clause's act, means one named before."""
    # "..., and the camp suffered": the parser may hang the verb on the noun as a clause.
    acts = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBD" and c.i > noun.i]
    finite = noun.head.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") for c in noun.head.children
    )  # "ordered the gate opened": a small clause's subject is the sentence's own
    subject = noun.dep_ in ("nsubj", "nsubjpass") and finite or noun.dep_ == "conj" and bool(acts)
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is not None and (after.pos_ == "PROPN" or after.i in skip):
        return False  # "The poet Ida Sorn", "The poet _____": the name follows
    return (
        subject
        and noun.pos_ == "NOUN"
        and noun.tag_ == "NN"
        and not noun.ent_type_
        and noun.lemma_.lower() not in topic | ONE_PER_COUNTRY
        and noun.lower_ not in topic
        and [c.dep_ for c in noun.children if c not in acts] == ["det"]
    )


PAIR_WORDS = re.compile(r"(both|the two|the three) ", re.I)


def _names_two_before(doc: Doc, char: int) -> bool:
    """Two names (people, places, peoples) stand before this point of the sentence."""
    named = [e for e in doc.ents if e.end_char <= char and e.label_ in PAIR_LABELS]
    return len(named) >= 2


PLACE_BACK = {"city", "town", "capital", "country"}
PERSON_BACK = {
    *("king", "queen", "emperor", "empress", "president", "pope", "leader", "general"),
    *("governor", "ruler", "commander", "prince"),
}


def _named_before(doc: Doc, noun: Token) -> bool:
    """ "... Ethiopia ... freed the country": the sentence itself names what it means."""
    lemma = noun.lemma_.lower()
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end <= noun.i]
    if noun.tag_ == "NNS" and lemma in PERSON_BACK | {"man", "woman"} and len(people) >= 2:
        return True  # "Irwin released Gandhi, and the two men ...": both are named here
    for ent in doc.ents:
        if ent.start >= noun.i:
            break
        if lemma in PLACE_BACK and ent.label_ in ("GPE", "LOC", "FAC"):
            return True
        if (
            lemma in PERSON_BACK
            and ent.label_ == "PERSON"
            and noun.tag_ != "NNS"
            and not _subject_of_the_clause_before(ent.root, noun)
        ):
            return True
        if lemma in ent.text.lower() or ent.label_ in ("EVENT", "LAW") and lemma not in PLACE_BACK:
            return True
    return False


def _subject_of_the_clause_before(name: Token, noun: Token) -> bool:
    """ "Timur had filled Samarkand ..., and the young governor set out": the subject of
    the clause "and" joins on is someone else, or the sentence would say "he"."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and name in c.subtree for c in verb.head.children)


def _is_named(noun: Token) -> bool:
    """ "the Treaty of Paris", "the Emperor Meiji", "the city of Delhi": a name follows."""
    if noun.pos_ == "PROPN" or noun.ent_type_:
        return True
    if noun.dep_ == "appos" and (noun.head.pos_ == "PROPN" or noun.head.ent_type_):
        return True  # "Marcus Varro, the governor, ...": the name stands beside it
    for child in noun.children:
        # "the Roman army": a people's army is named enough to stand alone.
        named = child.pos_ == "PROPN" or bool(child.ent_type_)
        if child.dep_ in ("compound", "appos", "amod") and named:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and any(g.pos_ == "PROPN" or g.ent_type_ for g in child.subtree if g is not child)
        ):
            return True
        if child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_.lower() in PERSON_BACK:
            return True  # "the governor of the northern province": one post, said here
        if child.dep_ == "acl" or child.dep_ == "relcl":
            return True  # "the plan that X drew up": the sentence says which
    return False


def _text_without(doc: Doc, skip: range) -> str:
    return "".join(t.text_with_ws for t in doc if t.i not in skip)


MONTH_IN_TEXT = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\b", re.I)
YEAR_IN_TEXT = re.compile(r"\b(\d{3,4}|\d{1,4}\s*(BC|BCE|AD|CE))\b")


def month_without_year(doc: Doc, title: str) -> bool:
    """ "In January X published ...": which January? Only a title naming one year and no
    day ("The Falklands War, 1982") says; a title on a day or a span of years does not."""
    if not MONTH_IN_TEXT.search(doc.text) or YEAR_IN_TEXT.search(doc.text):
        return False  # most sentences: no token walk needed
    months = [t for t in doc if t.lower_ in MONTH_NAMES and t.ent_type_ == "DATE" and t.is_title]
    if not months:
        return False
    title_years = {m.group(0) for m in YEAR_IN_TEXT.finditer(title)}
    title_month = any(word in MONTH_NAMES for word in re.findall(r"[a-z]+", title.lower()))
    return len(title_years) != 1 or title_month
