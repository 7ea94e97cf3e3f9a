"""Matching: the lesson's people (or names) to what it says they were or did."""

import re
from dataclasses import dataclass

from quizzes.generation.checks import contains_phrase
from quizzes.generation.context import leaning_words
from quizzes.generation.entities import PERSON, Entity
from quizzes.generation.entity_words import PERSON_NOUNS, PLACE_NOUNS, THING_NOUNS, TITLES
from quizzes.generation.finekinds import ORG_SORTS, ROLES
from quizzes.generation.items import GeneratedQuestion, capitalise, seeded_shuffle, tidy
from quizzes.generation.selection import LessonSentence
from quizzes.generation.sets import SEQUENCE_WORD, complete_before

MATCHING = "matching"
MAX_PAIRS = 5
MAX_DEED_WORDS = 16
NOT_ROLES = {"name", "title", "word", "term", "phrase", "slogan", "nickname"}
# Nouns naming an office or a calling, that may stand for a person beside a name.
ROLE_WORDS = TITLES | set().union(*ROLES.values()) | {"viceroy", "consul", "commissioner"}


@dataclass(frozen=True)
class Pair:
    term: str
    description: str
    sentence: LessonSentence


def _first_clause(doc, start: int) -> str:
    """The words from `start` to the first comma or semicolon that leaves them whole:
    "set out from his village to Surat, about 385 kilometres away, to break the law"
    -> "set out from his village to Surat"."""
    for token in doc[start:]:
        if token.text in (",", ";") and token.i - start >= 3 and complete_before(doc, token.i):
            return doc[start : token.i].text
    return doc[start:].text


def _deed(sentence: LessonSentence, entity: Entity, after_role: bool = False) -> str | None:
    """What the sentence says the person did, when the person is its whole subject:
    "Menelik rejected the Italian reading in 1893." -> "rejected the Italian reading in 1893";
    with `after_role`, only when a role stands before the name in the subject ("The poet
    Aldo Venn wrote ...")."""
    doc = sentence.doc
    for mention in entity.mentions:
        if mention.sentence != sentence.index:
            continue
        head = doc[mention.token_end - 1]
        subject = head
        if head.dep_ == "appos" and head.head.i < mention.token_start:
            subject = head.head  # "The poet Aldo Venn wrote": parsed as the poet, Venn
        root = subject.head
        if subject.dep_ not in ("nsubj", "nsubjpass") or not _main_or_dated_clause(root):
            continue
        if root.pos_ not in ("VERB", "AUX"):
            continue
        start = subject.left_edge.i
        role = start < mention.token_start - 1
        if role != after_role or role and not _role_only(doc, start, mention):
            continue  # the name (perhaps after a title or a role) is the whole subject
        if any(
            c.dep_ in ("conj", "appos", "relcl")
            and c != head
            and subject != head
            or c.dep_ in ("conj", "appos")
            and c != head
            for c in subject.children
        ):
            continue
        if any(c.dep_ in ("conj", "appos") for c in head.children):
            continue
        asides = [c for c in head.children if c.dep_ == "relcl"]
        if asides and not _set_off(doc, head, asides):
            continue
        verb = min([root, *(c for c in root.children if c.dep_ in ("aux", "auxpass"))])
        between = doc[head.right_edge.i + 1 : verb.i]
        if any(t.dep_ != "advmod" or t.pos_ != "ADV" for t in between):
            continue  # a past deed, right after the name ("Aldo formally asked": the adverb goes)
        if not (root.tag_ == "VBD" or verb.tag_ == "VBD"):
            continue
        deed = tidy(doc[verb.i : root.right_edge.i + 1].text).rstrip(".")
        deed = deed.split(", and ")[0].split("; ")[0]
        deed = re.split(r"\s[-–—]\s|—", deed)[0]  # "... guard - each chosen, it was said"
        if len(deed.split()) > MAX_DEED_WORDS:
            deed = tidy(_first_clause(doc, verb.i)).rstrip(".")
        if not any(t.pos_ in ("NOUN", "PROPN") for t in doc[verb.i :]):
            continue  # "had been warned": nothing a student could match it by
        if _fair_deed(deed, entity, doc, verb.i):
            return deed
    return None


# Words that open a clause telling when or why the main claim happened: its deed is whole.
CLAUSE_MARKS = {"when", "after", "before", "as", "once", "because", "until"}


def _main_or_dated_clause(verb) -> bool:
    """The sentence's main verb, or the verb of a "when"/"after" clause ("..., when Aldo
    led colonists north"): what its subject did there is a whole claim."""
    if verb.dep_ == "ROOT":
        return True
    if verb.dep_ not in ("advcl", "relcl"):
        return False
    return any(
        c.lower_ in CLAUSE_MARKS and (c.dep_ == "mark" or c.lower_ == "when" and c.dep_ == "advmod")
        for c in verb.children
    )


def _set_off(doc, head, clauses) -> bool:
    """One "who" clause between commas right after the name ("Aldo Venn, who ruled ten
    years, raised taxes"): an aside, so what follows is still the name's deed."""
    if len(clauses) != 1 or head.i + 1 >= len(doc) or doc[head.i + 1].text != ",":
        return False
    end = clauses[0].right_edge.i
    return doc[head.i + 2].lower_ == "who" and end + 1 < len(doc) and doc[end + 1].text == ","


def _role_only(doc, start: int, mention) -> bool:
    """The words from `start` to the name are "the" and a role: "The poet Aldo Venn", "the
    Tarskan general Piet Holm" (not "Aldo's brother Piet", "a man named Piet")."""
    before = doc[start : mention.token_start]
    if before[0].lower_ not in ("the", "a", "an") or before[-1].tag_ != "NN":
        return False
    return all(t.pos_ in ("NOUN", "ADJ") or t.ent_type_ == "NORP" for t in before[1:])


def _fair_deed(deed: str, entity: Entity, doc, start: int) -> bool:
    """Of a fair length, not naming the person, and clear out of its paragraph and out
    of its sentence (the deed at token `start` stands alone in the item)."""
    if not 3 <= len(deed.split()) <= MAX_DEED_WORDS or _pronoun_alone(doc, start, deed):
        return False
    return not any(contains_phrase(deed, n) for n in entity.names) and not leaning_words(doc)


THING_PRONOUNS = {"it", "its", "they", "them", "their"}


def _pronoun_alone(doc, start: int, deed: str) -> bool:
    """A "him", or an "it"/"them" with no noun before it in the deed: "Carried it off as
    war loot" - what it was, the sentence said before the deed began."""
    span = [t for t in doc[start:] if t.idx - doc[start].idx < len(deed)]
    for n, token in enumerate(span):
        if token.tag_ not in ("PRP", "PRP$"):
            continue
        if (
            token.lower_ == "him"
            or token.lower_ in THING_PRONOUNS
            and not any(t.pos_ in ("NOUN", "PROPN") for t in span[:n])
        ):
            return True
    return False


def _end_before_a_stray_and(doc, clause) -> int:
    """Where a "who" clause ends: before ", and from ..." when the "and" joins a bare
    phrase to its verb (F19: "who wrote from Adal's side, and from the account of ..."
    - the account is the sentence's second source, not a thing the person wrote from)."""
    for cc in (c for c in clause.children if c.dep_ == "cc" and c.i > clause.i):
        after = doc[cc.i + 1] if cc.i + 1 < len(doc) else None
        prep = after is not None and after.dep_ == "prep" and after.head == clause
        if prep and doc[cc.i - 1].text == ",":
            return cc.i - 1
    return clause.right_edge.i + 1


def _who_clause(sentence: LessonSentence, entity: Entity) -> str | None:
    """What a "who" clause says the person did: "Crazy Horse, who rejected reservation
    life, ..." -> "rejected reservation life"."""
    doc = sentence.doc
    for mention in entity.mentions:
        if mention.sentence != sentence.index:
            continue
        head = doc[mention.token_end - 1]
        for clause in (c for c in head.children if c.dep_ == "relcl"):
            who = clause.left_edge
            if who.lower_ != "who" or who.i != mention.token_end + 1:
                continue  # "X, who ...": the clause right after the name and a comma
            if doc[mention.token_end].text != ",":
                continue
            end = _end_before_a_stray_and(doc, clause)
            clause_doc = doc[who.i + 1 : end].as_doc()
            deed = tidy(_first_clause(clause_doc, 0)).rstrip(".,;")
            if _fair_deed(deed, entity, clause_doc, 0):
                return deed
    return None


def _role_before(sentence: LessonSentence, entity: Entity) -> str | None:
    """The role the sentence puts before the name: "the poet Sarojini Naidu" -> "A poet",
    "the American journalist Webb Miller" -> "An American journalist", or the noun the
    name stands beside: "the Viceroy, Lord Irwin" -> "The Viceroy"."""
    doc = sentence.doc
    for mention in entity.mentions:
        if mention.sentence != sentence.index:
            continue
        words: list = []
        i = mention.token_start - 1
        while i >= 0 and (doc[i].pos_ in ("NOUN", "ADJ") or doc[i].ent_type_ == "NORP"):
            words.insert(0, doc[i])
            i -= 1
        if (
            i >= 0
            and doc[i].lower_ == "the"
            and words
            and words[-1].tag_ == "NN"
            and words[-1].text.islower()
            and not {w.lower_ for w in words} & NOT_ROLES
            and len(words) >= 2  # "A lawyer" alone is a stub (F4 judges); "An American lawyer"
        ):
            text = " ".join(w.text for w in words)
            if not names_no_person(text):  # not "the next day Aldo", "the new surname Holm"
                return ("An " if text[:1].lower() in "aeiou" else "A ") + text
        head = doc[mention.token_end - 1]
        noun = head.head
        if head.dep_ == "appos" and noun.i < head.i and noun.pos_ in ("NOUN", "PROPN"):
            dets = [c for c in noun.children if c.dep_ == "det" and c.lower_ == "the"]
            described = [c for c in noun.children if c.dep_ in ("amod", "compound")]
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if dets and noun.lemma_.lower() in ROLE_WORDS and not described and of is not None:
                # "the Premier of New South Wales, Sir Henry Parkes": "The Premier" alone
                # says of where no more than "A lawyer" says who (F4 judges).
                return tidy(f"The {doc[noun.i : of.right_edge.i + 1].text}")
            if dets and noun.lemma_.lower() in ROLE_WORDS and described and of is None:
                # "the Portuguese governor, João Correia de Sousa": whose governor he was.
                # Only a people's or a place's role: "the new High Commissioner", "the last
                # caliph" (of what?) and "the moderate prime minister" say too little.
                words = doc[min(c.i for c in described) : noun.i + 1]
                peoples = any(t.ent_type_ in ("NORP", "GPE") for t in words[:-1])
                # "first" and "last" with a people's name say which one ("the first Abbasid
                # caliph"); "new" or "next" ask which time.
                ranked = SEQUENCE_WORD.search(ABSOLUTE_RANKS.sub("", words.text))
                if noun.tag_ == "NN" and peoples and not ranked:
                    return tidy(f"The {words.text}")
    return None


MAX_ROLE_WORDS = 12
ABSOLUTE_RANKS = re.compile(r"\b(?:first|last)\b", re.I)


def _role_after(sentence: LessonSentence, entity: Entity) -> str | None:
    """The role an apposition after the name gives: "Aldo Venn, the governor of the
    northern province, refused ..." -> "The governor of the northern province"."""
    doc = sentence.doc
    for mention in entity.mentions:
        end = mention.token_end
        if mention.sentence != sentence.index or end >= len(doc) or doc[end].text != ",":
            continue
        after = [c for c in doc[end - 1].children if c.dep_ == "appos" and c.i > end]
        for appos in after if len(after) == 1 else []:  # two: a list read as asides
            first, last = appos.left_edge.i, appos.right_edge.i
            if first != end + 1:
                continue  # the role right after the comma, as a whole noun phrase
            who = next((c for c in appos.children if c.dep_ == "relcl"), None)
            if who is not None and who.left_edge.tag_ in ("WP", "WDT"):
                # "Aldo Venn, a Varnian merchant who sent ships ...": the role is what
                # comes before "who"; what he did is another claim, often too long.
                last = who.left_edge.i - 1
            cut = min(
                (
                    c.left_edge.i
                    for c in appos.children
                    if c.dep_ in ("acl", "cc") and c.i > appos.i
                ),
                default=None,
            )
            if cut is not None and cut - 1 < last:
                # "an experienced captain born in ...", "bishop of Varnholm and a soldier":
                # the role stops where a participle or a second role begins.
                last, who = cut - 1, who if who is not None else appos
            if (
                doc[first].lower_ == "one"
                and first + 1 < len(doc)
                and doc[first + 1].lower_ == "of"
            ):
                # "X, one of the few senators to vote against the law, ...": the parser
                # may hang the clause on the name; the role runs to the next comma.
                last = next((t.i - 1 for t in doc[first:] if t.text in (",", ";")), last)
                if any(
                    t.head.i not in range(first, last + 1)
                    and t.head != doc[end - 1]
                    or t.tag_ in ("POS", "PRP$")  # "one of Bindusara's sons": whose
                    for t in doc[first : last + 1]
                ):
                    continue
            elif _title_of_a_place(appos):
                pass  # "Albert, Archbishop of Mainz, ...": a title, written without "the"
            elif (
                doc[first].lower_ not in ("the", "a", "an")
                or appos.pos_ != "NOUN"
                or appos.lemma_.lower() in NOT_ROLES
            ):
                continue
            at_who = who is not None and (last + 1 == who.left_edge.i or cut == last + 1)
            if last + 1 < len(doc) and doc[last + 1].text not in (",", ".", ";") and not at_who:
                continue
            role = doc[first : last + 1]
            if not 3 <= len(role) <= MAX_ROLE_WORDS or any(t.text in ",;" for t in role):
                continue
            if any(
                c.dep_ == "conj" and c.i > last and not (t == appos and cut is not None)
                for t in role
                for c in t.children
            ):
                continue  # "an assembly of the clergy, the nobility and ...": a list cut
            if leaning_words(role.as_doc()):
                continue  # "his younger brother": whose?
            return capitalise(tidy(role.text))
    return None


def _title_of_a_place(appos) -> bool:
    """ "Archbishop of Mainz", "king of the Marcomanni": an office and its place, written
    without "the"."""
    of = next((c for c in appos.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return (
        appos.left_edge == appos
        and appos.lemma_.lower() in ROLE_WORDS
        and of is not None
        and any(c.pos_ == "PROPN" for c in of.children)
    )


def people_pairs(
    sentences: list[LessonSentence],
    entities: list[Entity],
    described: list[Pair],
    all_sentences: list[LessonSentence] = (),
) -> list[Pair]:
    """People matched to what the lesson says they were (a description) or did."""
    by_term = {pair.term: pair for pair in described}
    pairs = []
    everywhere = all_sentences or sentences
    for entity in entities:
        if entity.kind != PERSON or entity.plural:
            continue  # "Africans": a people, not a person
        if not entity.certain:
            # Mentions disagreed on the kind; a role beside the name that only a person
            # holds ("a Russian impresario") settles it, and is what the name matches.
            role = next(((r, x) for x in everywhere if (r := _role_after(x, entity))), None)
            role = role or next(
                ((r, x) for x in everywhere if (r := _role_before(x, entity))), None
            )
            if role is not None and names_a_person(role[0]):
                pairs.append(Pair(entity.name, role[0], role[1]))
            continue
        if sum(m.after_the for m in entity.mentions) * 2 > len(entity.mentions):
            continue  # "the Dow fell": written with "the", a thing, not a person
        if entity.name in by_term:
            pairs.append(by_term[entity.name])
            continue
        said = next(((d, x) for x in sentences if x.usable and (d := _deed(x, entity))), None)
        said = said or next(((d, x) for x in everywhere if (d := _who_clause(x, entity))), None)
        said = said or next(((d, x) for x in everywhere if (d := _role_after(x, entity))), None)
        if said is not None:
            pairs.append(Pair(entity.name, capitalise(said[0]), said[1]))
        elif role := next(((r, x) for x in everywhere if (r := _role_before(x, entity))), None):
            pairs.append(Pair(entity.name, role[0], role[1]))
        elif deed := next(
            ((d, x) for x in sentences if x.usable and (d := _deed(x, entity, True))), None
        ):
            pairs.append(Pair(entity.name, capitalise(deed[0]), deed[1]))  # "The poet X wrote"
    return pairs


# Endings of nouns for people ("impresario" aside): "elder", "governor", "botanist",
# "librarian", "merchant", "student", "empress"; not "-ment" ("government", "movement").
PERSON_ENDINGS = re.compile(r"(?:er|or|ist|ian|ant|ent|ess|arch|ario)$")
NOT_PERSON_ENDINGS = re.compile(r"(?:ment|ster)$")


# Head nouns of things, places and bodies: "A British company", "The river".
NOT_PERSON_HEADS = THING_NOUNS | PLACE_NOUNS | set().union(*ORG_SORTS.values())
# Nouns that stand before a name without being a role: times, and words for names.
TIME_NOUNS = {"day", "week", "month", "year", "morning", "evening", "night", "time", "moment"}
NAME_NOUNS = NOT_ROLES | {"surname", "epithet", "motto"}


def _head_noun(role: str) -> str:
    """ "the governor of the province" -> "governor"; "A Russian impresario" -> "impresario"."""
    words = role.lower().split(" of ")[0].split()
    return words[-1] if words else ""


def names_a_person(role: str) -> bool:
    """The role's head noun is one only a person holds: "A Russian impresario", "The
    governor of the province"; not "A British company", "The river"."""
    head = _head_noun(role)
    if head in PERSON_NOUNS or head in ROLE_WORDS:
        return True
    return (
        head not in NOT_PERSON_HEADS
        and bool(PERSON_ENDINGS.search(head))
        and not NOT_PERSON_ENDINGS.search(head)
    )


def names_no_person(role: str) -> bool:
    """The role's head noun is a time, a name, a thing, a place or a body: "A next day",
    "A new surname", "A British company" say nothing of who someone was."""
    head = _head_noun(role)
    return head in TIME_NOUNS or head in NAME_NOUNS or head in NOT_PERSON_HEADS


TITLE_OF_A_PLACE = re.compile(r"[A-Z][a-z]+ of (?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*)*")
MIN_DEED_WORDS = 4  # "Agreed to act": too little to tell anyone by


def _cut_from_its_verb(pair: Pair) -> bool:
    """A description that is no whole claim: a deed of too few words, or one opening on
    a bare or -ing verb ("Become Sultan in 1517" cut from "who had become", "Raising
    money" from "was raising")."""
    first = pair.description.split()[0].lower()
    if first in ("a", "an", "the", "one") or TITLE_OF_A_PLACE.fullmatch(pair.description):
        return False  # a role, not a deed: "Duke of Normandy", "One of the few senators"
    if len(pair.description.split()) < MIN_DEED_WORDS:
        return True
    doc = pair.sentence.doc
    found = [t for t in doc if t.lower_ == first]
    return bool(found) and all(
        t.tag_ in ("VB", "VBG") or t.i > 0 and doc[t.i - 1].dep_ in ("aux", "auxpass")
        for t in found
    )


def _cut_from_a_list(pair: Pair) -> bool:
    """A description that stops inside a list its sentence goes on with: "An assembly of
    the clergy" from "an assembly of the clergy, the nobility and the commoners"."""
    doc, words = pair.sentence.doc, pair.description.lower()
    start = next((t for t in doc if doc.text[t.idx :].lower().startswith(words)), None)
    if start is None:
        return False
    end = next((t.i for t in doc if t.idx >= start.idx + len(words)), len(doc))
    if end >= len(doc) or doc[end].text != ",":
        return False
    root = doc[start.i : end].root
    after = next((t for t in doc[end + 1 :] if t.pos_ != "DET"), None)
    if after is None or after.head not in (root, root.head):
        return False
    return after.dep_ in ("conj", "appos") or after.dep_ == root.dep_  # the list goes on


def _one_person(name: str, other: str) -> bool:
    """ "Lucretia Mott" and "Mott", "Abel Janszoon Tasman" and "Abel Tasman": one person."""
    if contains_phrase(name, other) or contains_phrase(other, name):
        return True
    a, b = name.split(), other.split()
    return len(a) >= 2 and len(b) >= 2 and a[0] == b[0] and a[-1] == b[-1]


def _plural_aside(pair: Pair) -> bool:
    """A description opening on a bare plural noun is an aside on the sentence, not on
    the name: "Roxana, policies that angered his veterans" - the policies were his."""
    first = pair.description.split()[0].lower()
    found = [t for t in pair.sentence.doc if t.lower_ == first]
    return bool(found) and all(t.tag_ in ("NNS", "NNPS") for t in found)


PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}


def leans_on_a_person(pair: Pair) -> bool:
    """The description says "he", "his", "her" ...: only the term itself may be that person."""
    return any(word.lower().strip(",.") in PERSON_PRONOUNS for word in pair.description.split())


COMMON_WORD_POS = {"ADV", "ADJ", "DET", "VERB", "AUX", "PRON", "CCONJ", "SCONJ", "NUM"}


def _opens_on_a_common_word(pair: Pair) -> bool:
    """The term opens on a lower-case adverb, adjective or the like ("later King of
    Tarsk"); a name's own particles ("de", "van", "ibn", "al-") are not such words."""
    first = pair.term.split()[0]
    if not first[:1].islower():
        return False
    found = [t for t in pair.sentence.doc if t.text == first]
    return bool(found) and all(t.pos_ in COMMON_WORD_POS for t in found)


def matching(
    pairs: list[Pair], prompt: str = "", people_only: bool = False
) -> GeneratedQuestion | None:
    """Match four or more terms to their descriptions (distinct terms and descriptions).
    Where the terms are all people (`people_only`), a "his" in a description is the term's
    own; among names of places and things it is somebody's the item does not show."""
    terms = [pair.term for pair in pairs]
    chosen: list[Pair] = []
    for pair in pairs:
        if _opens_on_a_common_word(pair):
            continue  # "later King of Tarsk": a piece of a title, not a name
        # A description that names another term would match itself.
        if any(contains_phrase(pair.description, term) for term in terms):
            continue
        if _cut_from_its_verb(pair) or _cut_from_a_list(pair) or _plural_aside(pair):
            continue
        if not people_only and leans_on_a_person(pair):
            continue  # "Canossa -> a fortress belonging to his ally": whose?
        if any(_one_person(p.term, pair.term) for p in chosen):
            continue  # "Lucretia Mott" and "Mott": one person, whatever the entities say
        if all(pair.description != p.description for p in chosen):
            chosen.append(pair)
    chosen = chosen[:MAX_PAIRS]
    if len(chosen) < 4:
        return None
    target = "|".join(p.term for p in chosen)
    question = GeneratedQuestion(
        kind=MATCHING,
        prompt=prompt or "Match each name to its description.",
        answer=[[p.term, p.description] for p in chosen],
        rule="set.matching",
        sentence=chosen[0].sentence,
        target=target,
        key_point=chosen[0].sentence.key_point,
    )
    question.choices = seeded_shuffle([p.description for p in chosen], question.seed)
    return question
