"""Which office a role phrase names, and who held it: one answer for every extractor.

- ``role_head(word)``: whether a word (in any case) heads a role phrase
  ("министром" → "министр"), from the lexicon's role words tagged ``head``;
- ``office_of(head, phrase)``: the office key a role phrase names
  ("президент США" → head_of_state, "глава Госдепа" → foreign_minister,
  "пресс-секретарь Кремля" → press_secretary), or None;
- ``office_holder(head, phrase, day)``: the knowledge-base person who held that
  office of the side the phrase names on ``day``.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from parley.lang import lexicon
from parley.nlp import word_is_known, word_parses
from parley.resolve.kb import KbActor, knowledge_base
from parley.resolve.names import nominative_candidates
from parley.resolve.sides import ORGANISATIONS, country_named, display, first_side, stem_pattern

RU = lexicon("ru")


def _tagged(tag: str) -> frozenset[str]:
    return RU.tagged("roles", "words", tag)


ROLE_HEADS = _tagged("head")
GENERIC_HEADS = _tagged("generic")
RELATIONAL_HEADS = _tagged("relational")
RANKS = _tagged("rank")
TITLE_WORDS = _tagged("title")
OWNER_NOUNS = _tagged("owner")
ENVOY_NOUNS = _tagged("envoy")
PRINCIPAL_TITLES = _tagged("principal")
PLURAL_OFFICIALS = _tagged("plural_official")
KEYED_HEADS = _tagged("keyed")
OFFICE_HEADS = _tagged("office_head")
SPOKESMAN_HEADS = _tagged("spokesman")
PRONOUNS = RU.words("grammar", "subject_pronouns")
STATE_NOUNS = RU.sequence("roles", "state_nouns")
# head → the office it names by itself, with the side named in the phrase ("президент США")
OFFICES = {row["head"]: row["office"] for row in RU.rows("roles", "offices")}
_ORGANISATIONS = tuple((re.compile(stem_pattern(stem)), row) for row in ORGANISATIONS for stem in row["stems"])
_PREFIXES = frozenset(head[:3] for head in ROLE_HEADS)
ADJECTIVE_ENDINGS = ("ого", "ой", "ей", "его")


@functools.lru_cache(maxsize=65536)
def role_head(word: str) -> str | None:
    """The nominative head if ``word`` heads a role phrase: "госсекретаря" → "госсекретарь"."""
    low = word.lower().replace("ё", "е")
    bare = low[4:] if low.startswith("экс-") else low
    if bare in ROLE_HEADS:
        return bare
    if bare[:3] not in _PREFIXES or (not bare.isalpha() and "-" not in bare):
        return None  # a declined head keeps its first letters: a cheap test before the analyser
    parses = word_parses(bare)
    if not parses or parses[0].tag.POS != "NOUN":
        return None  # "после" is a preposition before it is the locative of "посол"
    for p in parses[:3]:
        if p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") in ROLE_HEADS:
            return p.normal_form.replace("ё", "е")
    return None


def is_role_reference(text: str, name: str) -> bool:
    """Whether a mention names its person by office ("российский лидер" for Владимир Путин), not by name."""
    return name.split()[-1][:3].lower() not in text.lower() and any(role_head(w) for w in text.split())


@functools.lru_cache(maxsize=65536)
def ends_role_phrase(word: str) -> bool:
    """A verb or a preposition: the role phrase "Спецпосланник поблагодарил ОАЭ" ends before it."""
    if not word[:1].islower():
        return False
    parses = word_parses(word)
    return bool(parses) and parses[0].tag.POS in ("VERB", "INFN", "GRND", "PRTS", "PREP", "CONJ")


def organisations_in(text: str) -> list:
    """The lexicon's organisations the words name, in lexicon order."""
    low = text.lower().replace("ё", "е")
    seen: list = []
    for pattern, row in _ORGANISATIONS:
        if row not in seen and pattern.search(low):
            seen.append(row)
    return seen


def office_of(head: str, phrase: str) -> str | None:
    """The office a phrase names: by its head alone ("президент"), or by the organisation after an office head
    ("глава Госдепа", "представитель Кремля")."""
    if head not in OFFICE_HEADS:
        return OFFICES.get(head)
    words = phrase.lower().split()
    at = next((n for n, w in enumerate(words) if role_head(w) == head), None)
    after = words[at + 1:] if at is not None else []
    following = " ".join(after[:2])
    found = organisations_in(following)
    if head in SPOKESMAN_HEADS:
        return next((row["spokesman_office"] for row in found if row["spokesman_office"]), None)
    office = next((row["head_office"] for row in found if row["head_office"]), None)
    if office is not None:
        return office
    if after and country_named(after[0]):
        # "глава России", "глава киевского режима"; not "глава украинской делегации"
        named_state = len(after) > 1 and after[1].startswith(STATE_NOUNS)
        if not after[0].endswith(ADJECTIVE_ENDINGS) or named_state:
            return "head_of_state"
    return None  # "глава делегации", "глава фракции": not an office the knowledge base dates


HEAD_OF_STATE_PHRASES = tuple(tuple(p.split()) for p in RU.sequence("roles", "head_of_state_phrases"))


def names_head_of_state(phrase: str) -> str | None:
    """"главы государства" → "глава государства": a phrase naming the head of state with no side (the text
    before it says whose), in the nominative; None for any other phrase."""
    words = phrase.lower().split()
    return next((" ".join(known) for known in HEAD_OF_STATE_PHRASES if len(words) == len(known)
                 and role_head(words[0]) == known[0] and words[1:] == list(known[1:])), None)


def office_holder(head: str, phrase: str, day: dt.date | None, side_words: str | None = None) -> KbActor | None:
    """Who held the office ``phrase`` names on ``day``; the side is read from ``side_words`` when given."""
    side = first_side(phrase if side_words is None else side_words)
    office = office_of(head, phrase)
    if side is None or office is None:
        return None
    return knowledge_base().holder(office, side, day)


PREPOSITIONS = RU.words("grammar", "prepositions")
ORGANISATION_NOUN_STEMS = tuple(sorted({w[:5] for w in RU.words("roles", "organisation_nouns")}))
PASSING_ADJECTIVE_STEMS = tuple(w[:-2] for w in RU.words("roles", "passing_adjectives"))
_ADJECTIVE_FORMS = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые", "ого", "его", "ому", "ему", "ым", "им")


@dataclass(frozen=True, slots=True)
class RoleParts:
    """A role phrase taken apart: "секретарь СНБО Украины" → секретарь / СНБО / Украина."""

    title: str  # the position, without the organisation and the country: "министр иностранных дел"
    organization: str | None  # the lexicon's name for a known organisation, else the words as written
    country: str | None  # the display name of the side the role serves


@functools.lru_cache(maxsize=16384)
def role_parts(role: str) -> RoleParts:
    words = role.split()
    head_at = next((n for n, w in enumerate(words) if role_head(w.strip("(),«»\""))), 0)
    side = None
    title: list[str] = []
    rest: list[str] = []
    for n, word in enumerate(words):
        if rest or (n and (word[:1].isupper() or not word[:1].isalpha() or word.lower() in PREPOSITIONS)):
            if word.lower() in PREPOSITIONS:
                break
            rest.append(word)
            continue
        low = word.lower()
        if n < head_at and low.endswith(_ADJECTIVE_FORMS) and country_named(word):
            side = side or country_named(word)  # "российский министр": the side, not the title
            continue
        if n < head_at and low.startswith(PASSING_ADJECTIVE_STEMS):
            continue  # "известный правозащитник": the holder, not the position
        if n > head_at and low[:5] in ORGANISATION_NOUN_STEMS and low[:1].isalpha():
            while title and len(title) > head_at + 1 and title[-1].lower().endswith(_ADJECTIVE_FORMS):
                rest.insert(0, title.pop())  # "редактор ежемесячной газеты": the body is the organisation
            rest.append(word)
            continue
        title.append(word)
    organisation_words = []
    for word in rest:
        bare = word.strip("(),«»\"")
        named = country_named(bare) if not organisations_in(bare) else None
        if named and _is_country(named) and bare[:1].isupper():
            side = side or named
        elif not _is_person(bare):
            organisation_words.append(word)
    organisation = " ".join(organisation_words).strip(" ,") or None
    known = _named_organisation(organisation) if organisation else None
    if known is not None:
        side = side or known["country"]
        organisation = known["name"]
    elif organisation is not None and first_side(organisation) and not _is_country(first_side(organisation) or ""):
        organisation = display(first_side(organisation) or "")  # "генсек НАТО": an alliance, not a state
    side = side or first_side(role)
    country = display(side) if side and _is_country(side) else None
    return RoleParts(" ".join(title) or role, organisation, country)


def _named_organisation(words: str):
    """The lexicon's organisation that the words are, or that they abbreviate in brackets: "Госдепа",
    "Совета национальной безопасности и обороны (СНБО)"; None for "Генштаба ВСУ" (more than a known name)."""
    bracketed = re.search(r"\(([^()]+)\)", words)
    if bracketed:
        found = organisations_in(bracketed.group(1))
        if len(found) == 1:
            return found[0]
    low = words.lower().replace("ё", "е")
    for pattern, row in _WHOLE_ORGANISATIONS:
        if not re.sub(r"[^а-яёa-z]", "", pattern.sub("", low)):
            return row
    return None


_WHOLE_ORGANISATIONS = tuple((re.compile(stem_pattern(stem) + "[а-яёa-z]*"), row)
                             for row in ORGANISATIONS for stem in row["stems"])


def _is_country(code: str) -> bool:
    actor = knowledge_base().actors.get(code)
    return actor is None or actor.kind == "country"


@functools.lru_cache(maxsize=16384)
def _is_person(word: str) -> bool:
    """A name in a role phrase ("спецпосланник Трампа", "зять Дональда Трампа") is its owner, not an organisation."""
    kb = knowledge_base()
    if any(kb.by_surname.get(key) for key in nominative_candidates(word)):
        return True
    return word_is_known(word.lower()) and any(
        tag in p.tag for p in word_parses(word)[:2] for tag in ("Name", "Surn", "Patr"))
