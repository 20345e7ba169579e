"""Which office a role phrase names, and who held it: one answer for every extractor.

- ``role_head(word)``: whether a word (in any case) heads a role phrase
  ("министром" → "министр"), from the lexicon's role words tagged ``head``;
- ``office_of(head, phrase)``: the office key a role phrase names
  ("президент США" → head_of_state, "глава Госдепа" → foreign_minister,
  "пресс-секретарь Кремля" → press_secretary), or None;
- ``office_holder(head, phrase, day)``: the knowledge-base person who held that
  office of the side the phrase names on ``day``;
- ``role_parts(role)``: a role phrase taken apart into title, organisation and
  country.

The functions answer from the Russian lexicon and morphology; ``offices_for(lang)``
is the same :class:`OfficeResolver` over another language's lexicon, given that
language's word readings.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from parley.lang import Lexicon, lexicon
from parley.nlp import word_is_known, word_parses
from parley.resolve.kb import KbActor, knowledge_base
from parley.resolve.names import nominative_candidates
from parley.resolve.sides import SideResolver, sides_for, stem_pattern

_BRACKETS = "(),«»\""


@dataclass(frozen=True, slots=True)
class RoleParts:
    """A role phrase taken apart: "секретарь СНБО Украины" → секретарь / СНБО / Украина."""

    title: str  # the position, without the organisation and the country: "министр иностранных дел"
    organization: str | None  # the lexicon's name for a known organisation, else the words as written
    country: str | None  # the display name of the side the role serves


def _is_country(code: str) -> bool:
    actor = knowledge_base().actors.get(code)
    return actor is None or actor.kind == "country"


class OfficeResolver:
    """Role heads, offices and their holders, and role phrases taken apart, for one language."""

    def __init__(self, lex: Lexicon, sides: SideResolver, parses: Callable[[str], tuple] = word_parses,
                 is_known: Callable[[str], bool] = word_is_known) -> None:
        def tagged(tag: str) -> frozenset[str]:
            return lex.tagged("roles", "words", tag)

        self.sides = sides
        self.parses, self.is_known = parses, is_known
        self.role_heads = tagged("head")
        self.generic_heads = tagged("generic")
        self.relational_heads = tagged("relational")
        self.ranks = tagged("rank")
        self.title_words = tagged("title")
        self.owner_nouns = tagged("owner")
        self.envoy_nouns = tagged("envoy")
        self.principal_titles = tagged("principal")
        self.plural_officials = tagged("plural_official")
        self.keyed_heads = tagged("keyed")
        self.office_heads = tagged("office_head")
        self.spokesman_heads = tagged("spokesman")
        self.pronouns = lex.words("grammar", "subject_pronouns")
        self.prepositions = lex.words("grammar", "prepositions")
        self.former_prefixes = lex.sequence("grammar", "former_prefixes")
        self.oblique_adjective_endings = lex.sequence("grammar", "oblique_adjective_endings")
        self.adjective_form_endings = lex.sequence("grammar", "adjective_form_endings")
        self.state_nouns = lex.sequence("roles", "state_nouns")
        # head → the office it names by itself, with the side named in the phrase ("президент США")
        self.offices = {row["head"]: row["office"] for row in lex.rows("roles", "offices")}
        self.head_of_state_phrases = tuple(tuple(p.split()) for p in lex.sequence("roles", "head_of_state_phrases"))
        self.organisation_nouns = lex.words("roles", "organisation_nouns")
        self.portfolio_prepositions = lex.words("grammar", "portfolio_prepositions")
        self.name_prepositions = lex.words("roles", "name_prepositions")
        self.conjunctions = lex.words("grammar", "coordinating_conjunctions")
        self.former_adjectives = lex.words("grammar", "former_adjectives")
        self.place_adjective_endings = lex.sequence("roles", "place_adjective_endings")
        self.quality_adjective_endings = lex.sequence("roles", "quality_adjective_endings")
        self.passing_adjective_stems = tuple(w[:-2] for w in lex.words("roles", "passing_adjectives"))
        rows = sides.organisations
        self._organisations = tuple((re.compile(stem_pattern(stem)), row) for row in rows for stem in row["stems"])
        self._whole_organisations = tuple((re.compile(stem_pattern(stem) + r"\w*"), row)
                                          for row in rows for stem in row["stems"])
        self._prefixes = frozenset(head[:3] for head in self.role_heads)
        self.role_head = functools.lru_cache(maxsize=65536)(self._role_head)
        self.ends_role_phrase = functools.lru_cache(maxsize=65536)(self._ends_role_phrase)
        self.role_parts = functools.lru_cache(maxsize=16384)(self._role_parts)
        self._is_person = functools.lru_cache(maxsize=16384)(self._person)

    def _role_head(self, word: str) -> str | None:
        """The nominative head if ``word`` heads a role phrase: "госсекретаря" → "госсекретарь"."""
        low = word.lower().replace("ё", "е")
        prefix = next((p for p in self.former_prefixes if low.startswith(p)), "")
        bare = low[len(prefix):]
        if bare in self.role_heads:
            return bare
        if bare[:3] not in self._prefixes or (not bare.isalpha() and "-" not in bare):
            return None  # a declined head keeps its first letters: a cheap test before the analyser
        parses = self.parses(bare)
        if not parses or parses[0].tag.POS != "NOUN":
            return None  # "после" is a preposition before it is the locative of "посол"
        for p in parses[:3]:
            if p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") in self.role_heads:
                return p.normal_form.replace("ё", "е")
        return None

    def is_role_reference(self, text: str, name: str) -> bool:
        """Whether a mention names its person by office ("российский лидер" for Владимир Путин), not by name."""
        return name.split()[-1][:3].lower() not in text.lower() and any(self.role_head(w) for w in text.split())

    def _ends_role_phrase(self, word: str) -> bool:
        """A verb or a preposition: the role phrase "Спецпосланник поблагодарил ОАЭ" ends before it."""
        if not word[:1].islower():
            return False
        parses = self.parses(word)
        return bool(parses) and parses[0].tag.POS in ("VERB", "INFN", "GRND", "PRTS", "PREP", "CONJ")

    def organisations_in(self, text: str) -> list:
        """The lexicon's organisations the words name, in lexicon order."""
        low = text.lower().replace("ё", "е")
        seen: list = []
        for pattern, row in self._organisations:
            if row not in seen and pattern.search(low):
                seen.append(row)
        return seen

    def office_of(self, head: str, phrase: str) -> str | None:
        """The office a phrase names: by its head alone ("президент"), or by the organisation after an office
        head ("глава Госдепа", "представитель Кремля")."""
        if head not in self.office_heads:
            return self.offices.get(head)
        words = phrase.lower().split()
        at = next((n for n, w in enumerate(words) if self.role_head(w) == head), None)
        after = words[at + 1:] if at is not None else []
        found = self.organisations_in(" ".join(after[:2]))
        if head in self.spokesman_heads:
            return next((row["spokesman_office"] for row in found if row["spokesman_office"]), None)
        office = next((row["head_office"] for row in found if row["head_office"]), None)
        if office is not None:
            return office
        if after and self.sides.country_named(after[0]):
            # "глава России", "глава киевского режима"; not "глава украинской делегации"
            named_state = len(after) > 1 and after[1].startswith(self.state_nouns)
            if not after[0].endswith(self.oblique_adjective_endings) or named_state:
                return "head_of_state"
        return None  # "глава делегации", "глава фракции": not an office the knowledge base dates

    def names_head_of_state(self, phrase: str) -> str | None:
        """"главы государства" → "глава государства": a phrase naming the head of state with no side (the text
        before it says whose), in the nominative; None for any other phrase."""
        words = phrase.lower().split()
        return next((" ".join(known) for known in self.head_of_state_phrases if len(words) == len(known)
                     and self.role_head(words[0]) == known[0] and words[1:] == list(known[1:])), None)

    def office_holder(self, head: str, phrase: str, day: dt.date | None,
                      side_words: str | None = None) -> KbActor | None:
        """Who held the office ``phrase`` names on ``day``; the side is read from ``side_words`` when given."""
        side = self.sides.first_side(phrase if side_words is None else side_words)
        office = self.office_of(head, phrase)
        if side is None or office is None:
            return None
        return knowledge_base().holder(office, side, day)

    def _role_parts(self, role: str) -> RoleParts:
        sides = self.sides
        words = role.split()
        head_at = next((n for n, w in enumerate(words) if self.role_head(w.strip(_BRACKETS))), 0)
        side = None
        title: list[str] = []
        rest: list[str] = []

        def body_starts(word: str) -> None:
            while title and len(title) > head_at + 1 and self._adjective(title[-1]):
                rest.insert(0, title.pop())  # "редактор ежемесячной газеты": the body's adjectives go with it
            rest.append(word)

        for n, word in enumerate(words):
            low = word.lower()
            if rest or (n and (word[:1].isupper() or not word[:1].isalpha() or low in self.prepositions)):
                if low in self.portfolio_prepositions and not rest and n + 1 < len(words) \
                        and words[n + 1][:1].islower():
                    title.append(word)  # "министр по делам разведки": the portfolio is the position's
                    continue
                if low in self.prepositions:
                    if not (rest and low in self.name_prepositions and any(w[:1].isupper() for w in rest)
                            and n + 1 < len(words) and words[n + 1][:1].islower()):
                        break
                    # "Комиссии по атомной энергии": a name goes on; "посол Японии в России": a place ends it
                body_starts(word)
                continue
            if n < head_at and low.endswith(self.adjective_form_endings) and sides.country_named(word):
                side = side or sides.country_named(word)  # "российский министр": the side, not the title
                continue
            if n < head_at and (low.startswith(self.passing_adjective_stems) or low in self.former_adjectives):
                continue  # "известный правозащитник", "бывший посол": the holder and the phase, not the position
            if n < head_at and self._place_adjective(low):
                side = side or sides.country_named(word)
                continue  # "свердловский губернатор": where the position is, not the position
            if n > head_at and self._organisation_noun(word):
                body_starts(word)
                continue
            title.append(word)
        while title and (title[-1].lower() in self.prepositions or title[-1].lower() in self.conjunctions):
            title.pop()  # "по вопросам Украины" leaves "по вопросам"; a bare "по" before the side goes
        organisation_words = []
        quoted = False
        for word in rest:
            bare = word.strip(_BRACKETS)
            inside = quoted or word.startswith("«")  # «Российские железные дороги»: a name, not a side
            quoted = inside and not word.endswith("»")
            named = sides.country_named(bare) if not self.organisations_in(bare) and not inside else None
            if named and _is_country(named) and (bare[:1].isupper() or bare.endswith(self.adjective_form_endings)):
                side = side or named  # "Японии", "японского" (МИДа)
            elif not self._is_person(bare):
                organisation_words.append(word)
        while organisation_words and organisation_words[-1].lower() in self.conjunctions:
            organisation_words.pop()  # "по вопросам Украины и России": the sides, joined, leave no body
        if side and len(organisation_words) == 1 and organisation_words[0].lower().startswith(self.state_nouns):
            organisation_words = []  # "президент Российской Федерации": the state, not a body in it
        organisation = " ".join(organisation_words).strip(" ,") or None
        known = self._named_organisation(organisation) if organisation else None
        if known is not None:
            side = side or known["country"]
            organisation = known["name"]
        elif organisation is not None and sides.first_side(organisation) \
                and not _is_country(sides.first_side(organisation) or ""):
            organisation = sides.display(sides.first_side(organisation) or "")  # "генсек НАТО": an alliance
        side = side or sides.first_side(role)
        country = sides.display(side) if side and _is_country(side) else None
        return RoleParts(" ".join(title) or role, organisation, country)

    def _adjective(self, word: str) -> bool:
        low = word.lower()
        return low.endswith(self.adjective_form_endings) and \
            any(p.tag.POS in ("ADJF", "PRTF") for p in self.parses(low)[:2])

    def _place_adjective(self, low: str) -> bool:
        """An adjective of a place or a state, by its suffix ("японский", "свердловская"), not a quality
        ("политический")."""
        return low.endswith(self.place_adjective_endings) and not low.endswith(self.quality_adjective_endings) \
            and self._adjective(low) and not self._of_an_office_or_body(low)

    def _of_an_office_or_body(self, low: str) -> bool:
        """"президентский", "парламентский": made from a role noun or a body's noun, not from a place."""
        for parse in self.parses(low)[:1]:
            stem = parse.normal_form.replace("ё", "е")
            stem = stem[:-len(ending)] if (ending := next(
                (e for e in self.place_adjective_endings if stem.endswith(e)), "")) else stem
            return bool(stem) and (bool(self.role_head(stem)) or self._organisation_noun(stem))
        return False

    def _organisation_noun(self, word: str) -> bool:
        """A common noun naming a body ("газеты", "клуба"); a role noun never is one ("министра", not "министерства")."""
        low = word.lower()
        if not low[:1].isalpha() or self.role_head(word):
            return False
        return low in self.organisation_nouns or any(
            p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") in self.organisation_nouns for p in self.parses(low)[:2])

    def _named_organisation(self, words: str):
        """The lexicon's organisation that the words are, or that they abbreviate in brackets: "Госдепа",
        "Совета национальной безопасности и обороны (СНБО)"; None for "Генштаба ВСУ" (more than a known name)."""
        bracketed = re.search(r"\(([^()]+)\)", words)
        if bracketed:
            found = self.organisations_in(bracketed.group(1))
            if len(found) == 1:
                return found[0]
        low = words.lower().replace("ё", "е")
        for pattern, row in self._whole_organisations:
            if not re.sub(r"[\W\d_]", "", pattern.sub("", low)):
                return row
        return None

    def _person(self, word: str) -> bool:
        """A name in a role phrase ("спецпосланник Трампа", "зять Дональда Трампа") is its owner, not an
        organisation."""
        kb = knowledge_base()
        if any(kb.by_surname.get(key) for key in nominative_candidates(word)):
            return True
        return self.is_known(word.lower()) and any(
            tag in p.tag for p in self.parses(word)[:2] for tag in ("Name", "Surn", "Patr"))


@functools.cache
def offices_for(lang: str = "ru") -> OfficeResolver:
    """The resolver of a language (Russian readings by default; another language passes its own)."""
    return OfficeResolver(lexicon(lang), sides_for(lang))


_RU = offices_for("ru")
ROLE_HEADS = _RU.role_heads
GENERIC_HEADS = _RU.generic_heads
RELATIONAL_HEADS = _RU.relational_heads
RANKS = _RU.ranks
TITLE_WORDS = _RU.title_words
OWNER_NOUNS = _RU.owner_nouns
ENVOY_NOUNS = _RU.envoy_nouns
PRINCIPAL_TITLES = _RU.principal_titles
PLURAL_OFFICIALS = _RU.plural_officials
KEYED_HEADS = _RU.keyed_heads
OFFICE_HEADS = _RU.office_heads
SPOKESMAN_HEADS = _RU.spokesman_heads
PRONOUNS = _RU.pronouns
OFFICES = _RU.offices
role_head = _RU.role_head
is_role_reference = _RU.is_role_reference
ends_role_phrase = _RU.ends_role_phrase
organisations_in = _RU.organisations_in
office_of = _RU.office_of
names_head_of_state = _RU.names_head_of_state
office_holder = _RU.office_holder
role_parts = _RU.role_parts
