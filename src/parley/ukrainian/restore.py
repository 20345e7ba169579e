"""Facts found in the Russian gloss of a Ukrainian document, put back on the Ukrainian text.

Entry point: ``restore(extraction, glossed, document)``. Offsets map back word
for word; the text of a quote is the original's; names, roles and judges are
written as the Ukrainian text has them, in the nominative ("Стів Віткофф",
"секретар РНБО України"). Places keep their canonical form, shared by both
languages ("Майами" for "Маямі"), the text's own form staying in the evidence.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from parley.records import Actor, Document, Evidence, Extraction, Quote, Role
from parley.resolve.kb import knowledge_base
from parley.ukrainian.document import GlossedText, WordPair
from parley.ukrainian.gloss import ukrainian_morph
from parley.ukrainian.russian import match_case, russian_morph

_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ']")


def restore(extraction: Extraction, glossed: GlossedText, document: Document) -> Extraction:
    text = document.text

    def evidence(e: Evidence) -> Evidence:
        start, stop = glossed.span(e.start, e.stop)
        return Evidence(start, stop, e.background)

    mentions = []
    names: dict[str, str] = {}
    for m in extraction.actors:
        start, stop = glossed.span(m.start, m.stop)
        written = text[start:stop]
        if m.actor.kind == "person":
            name = person_nominative(written, glossed.text[m.start:m.stop], m.name)
        else:
            name = ukrainian_display(m.actor.id) or written
        mentions.append(replace(m, start=start, stop=stop, text=written, name=name))
        if len(name.split()) >= len(names.get(m.actor.id, "").split()):
            names[m.actor.id] = name

    def name_of(actor: Actor, russian: str) -> str:
        if actor.kind != "person":
            return ukrainian_display(actor.id) or russian
        return names.get(actor.id) or ukrainian_display(actor.id) or russian

    meetings = [
        replace(m, participant_names=tuple(name_of(a, n) for a, n in zip(m.participants, m.participant_names)),
                evidence=evidence(m.evidence),
                topics=tuple(replace(t, evidence=evidence(t.evidence)) for t in m.topics),
                assessments=tuple(replace(a, judge_name=name_of(a.judge, a.judge_name), evidence=evidence(a.evidence))
                                  for a in m.assessments))
        for m in extraction.meetings
    ]
    quotes = []
    for q in extraction.quotes:
        start, stop = glossed.span(q.start, q.stop)
        quotes.append(Quote(speaker=q.speaker, speaker_name=name_of(q.speaker, q.speaker_name), text=text[start:stop],
                            start=start, stop=stop, evidence=evidence(q.evidence), channel=q.channel))
    roles = [Role(actor=r.actor, name=name_of(r.actor, r.name), role=restore_phrase(r.role, glossed, r.evidence),
                  evidence=evidence(r.evidence)) for r in extraction.roles]
    return Extraction(document=document, actors=tuple(mentions), meetings=tuple(meetings), quotes=tuple(quotes),
                      roles=tuple(roles), background=tuple(evidence(e) for e in extraction.background),
                      skipped_reason=extraction.skipped_reason)


def restore_phrase(phrase: str, glossed: GlossedText, where: Evidence) -> str:
    """A Russian phrase built from gloss words ("секретарь СНБО Украины") in the original's words
    ("секретар РНБО України"): a word as written where the gloss has it as written, else the
    original word in the nominative; a word the gloss lacks stays as it is."""
    words = [w for w in glossed.words if where.start <= w.gloss_start < where.stop]
    out: list[str] = []
    last = -1
    for word in phrase.split():
        found = _find(word, words, glossed, last)
        if found is None:
            out.append(word)
            continue
        last, pair, exact = found
        original = glossed.original[pair.start:pair.stop]
        if word.islower() and original[:1].isupper() and not original.isupper():
            original = original.lower()  # a role that opens a sentence: "Секретар РНБО …" → "секретар РНБО"
        out.append(original if exact else match_case(common_nominative(original), original))
    return " ".join(out)


def _find(word: str, words: list[WordPair], glossed: GlossedText, after: int) -> tuple[int, WordPair, bool] | None:
    low = word.lower()
    order = list(range(after + 1, len(words))) + list(range(0, after + 1))
    for i in order:
        if glossed.text[words[i].gloss_start:words[i].gloss_stop].lower() == low:
            return i, words[i], True
    lemmas = _russian_lemmas(low)
    for i in order:
        if _russian_lemmas(glossed.text[words[i].gloss_start:words[i].gloss_stop].lower()) & lemmas:
            return i, words[i], False
    return None


@functools.lru_cache(maxsize=50_000)
def _russian_lemmas(word: str) -> frozenset[str]:
    return frozenset(p.normal_form for p in russian_morph().parse(word)[:3]) if word else frozenset()


@functools.lru_cache(maxsize=50_000)
def common_nominative(word: str) -> str:
    """A Ukrainian noun or adjective in the nominative singular: "секретаря" → "секретар"."""
    for parse in ukrainian_morph().parse(word.lower()):
        if parse.tag.grammemes & _NAME_GRAMMEMES:
            continue
        if "nomn" in parse.tag:
            return parse.word
        if "plur" not in parse.tag:
            return parse.normal_form  # the dictionary's lemma is the nominative singular
        inflected = parse.inflect({"nomn", "plur"})
        if inflected is not None:
            return inflected.word
    return word.lower()


def person_nominative(written: str, gloss: str, russian_name: str) -> str:
    """A person's name as the Ukrainian text writes it, in the nominative.

    Word by word from the right: a first name or surname the Ukrainian dictionary
    knows is put in the nominative by it; any other word takes the ending that the
    Russian pipeline gave its gloss ("Умєрова": gloss "Умерова" → "Умеров", so "Умєров")."""
    words, glosses, nominatives = written.split(), gloss.split(), russian_name.split()
    if len(words) != len(glosses):
        return ukrainian_nominative(written)
    count = min(len(nominatives), len(words))
    out = []
    for word, glossed, nominative in zip(words[-count:], glosses[-count:], nominatives[-count:]):
        if glossed.lower() == nominative.lower():
            out.append(word)  # already in the nominative
        elif _is_first_name(word):
            out.append(_nominative_word(word))  # "Кирила" → "Кирило", as the Ukrainian dictionary has it
        else:
            out.append(_transfer_ending(word, glossed, nominative))
    return " ".join(out)


def _is_first_name(word: str) -> bool:
    return any("Name" in p.tag for p in ukrainian_morph().parse(word))


_ENDINGS_BACK = {"ый": "ий", "ий": "ий", "ая": "а", "ой": "ой"}


def _transfer_ending(word: str, gloss: str, nominative: str) -> str:
    g, n = gloss.lower(), nominative.lower()
    common = 0
    while common < min(len(g), len(n)) and g[common] == n[common]:
        common += 1
    if common < 2 or len(g) - common >= len(word):
        return word
    tail = n[common:]
    tail = _ENDINGS_BACK.get(tail, tail)
    return word[:len(word) - (len(g) - common)] + tail


@functools.lru_cache(maxsize=50_000)
def ukrainian_nominative(name: str, kind: str = "person") -> str:
    """A Ukrainian name in the nominative, word by word: "Стіва Віткоффа" → "Стів Віткофф"."""
    return " ".join(_nominative_word(w) for w in name.split())


def _nominative_word(word: str) -> str:
    if not word[:1].isupper() or word.isupper():
        return word
    parses = ukrainian_morph().parse(word)
    named = [p for p in parses if p.tag.grammemes & _NAME_GRAMMEMES]
    if not named:
        return word
    if any("nomn" in p.tag for p in named):
        return word
    best = named[0]
    wanted = {"nomn", "sing"} if "plur" not in best.tag else {"nomn"}
    inflected = best.inflect(wanted) or best.inflect({"nomn"})
    return match_case(inflected.word, word) if inflected is not None else word


@functools.cache
def ukrainian_display(actor_id: str) -> str | None:
    """The knowledge base's first Ukrainian spelling of an actor ("Туреччина", not "Турция"), else
    its first spelling in letters Russian lacks."""
    entry = knowledge_base().actors.get(actor_id)
    if entry is None:
        return None
    if entry.ukrainian:
        return entry.ukrainian[0]
    return next((n for n in entry.names if _UKRAINIAN_ONLY.search(n)), None)
