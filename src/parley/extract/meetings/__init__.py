"""Meetings: who met whom, where, when, and whether it happened.

Entry point: ``find_meetings(document, analysis, mentions)``.

Each parsed sentence with a meeting word (``triggers``) yields a candidate: its
parties (``participants``: named persons from ``mentions``, sides from
``sides``), place (``parley.extract.places``), date (``parley.extract.dates``)
and status (``parley.extract.status``). Candidates stating the same meeting are
merged (``merge``); named people then replace their side, and a meeting needs
two parties. See docs/meetings.md for the conventions.
"""
from __future__ import annotations

import datetime as dt

from parley.extract.background import find_background, is_background
from parley.extract.dates import DateMention, find_dates, with_weekday
from parley.extract.lexicon import SIDE_DISPLAY, WEAK_MEETING_VERBS
from parley.extract.meetings.merge import Candidate, merge
from parley.extract.meetings.participants import Party, participants_for
from parley.extract.meetings.sides import find_sides, side_of_context
from parley.extract.meetings.tree import Tree
from parley.extract.meetings.triggers import Trigger, find_triggers
from parley.extract.places import meeting_place
from parley.extract.status import status_of
from parley.records import (
    Actor, ActorMention, Analysis, DatePrecision, Document, Evidence, Meeting, MeetingStatus, Sentence,
)

# Verbs that report a meeting as it happens: with no date word, it is the publication day.
LIVE_VERBS = {"начаться", "стартовать", "завершиться", "закончиться", "продолжиться", "проходить", "идти",
              "продолжаться", "начинаться", "открыться"}
VISIT_WORDS = {"визит", "посетить", "посещать", "прибыть", "приехать"}
MAX_DATE_DISTANCE = 12  # tokens between a date and the clause it dates

__all__ = ["find_meetings"]


def _person_sides(document: Document, mentions: tuple[ActorMention, ...], analysis: Analysis) -> dict[str, str]:
    """actor id → side, from the actor record or else from the role words before a name."""
    sides: dict[str, str] = {}
    for mention in mentions:
        if mention.actor.kind != "person" or mention.actor.id in sides:
            continue
        if mention.actor.country:
            sides[mention.actor.id] = mention.actor.country
            continue
        sentence = analysis.sentence_at(mention.start)
        begin = sentence.start if sentence else max(0, mention.start - 80)
        before = [m for m in mentions if begin <= m.stop <= mention.start]
        if before:
            begin = max(begin, max(m.stop for m in before))
        side = side_of_context(document.text[max(begin, mention.start - 90):mention.start])
        if side:
            sides[mention.actor.id] = side
    return sides


def _display_names(mentions: tuple[ActorMention, ...]) -> dict[str, str]:
    names: dict[str, str] = {}
    for mention in mentions:
        current = names.get(mention.actor.id)
        if current is None or len(mention.name.split()) > len(current.split()):
            names[mention.actor.id] = mention.name
    return names


def _choose_date(tree: Tree, trigger: Trigger, dates: list[DateMention], status: MeetingStatus,
                 published: dt.date | None) -> tuple[str | None, DatePrecision, bool]:
    usable = [d for d in dates if not d.deadline]
    best: tuple[int, DateMention] | None = None
    for mention in usable:
        index = tree.token_at(mention.start)
        distance = min(abs(index - a) for a in trigger.anchors)
        if distance <= MAX_DATE_DISTANCE and (best is None or distance < best[0]):
            best = (distance, mention)
    if best is not None:
        mention = with_weekday(best[1], published, future=status == MeetingStatus.PLANNED)
        return mention.value, mention.precision, True
    if published is not None and status == MeetingStatus.HELD:
        for a in trigger.anchors:
            token = tree.tokens[a]
            if tree.lemma(a) in LIVE_VERBS and (token.feat("Tense") in ("Pres", None) or
                                               tree.lemma(a) not in ("проходить", "идти", "продолжаться")):
                return published.isoformat(), DatePrecision.DAY, False
    return None, DatePrecision.UNKNOWN, False


def _sentence_candidates(document: Document, sentence: Sentence, persons: list[ActorMention],
                         sides_of: dict[str, str], names: dict[str, str],
                         background: tuple[Evidence, ...]) -> list[Candidate]:
    tree = Tree.of(sentence)
    triggers = find_triggers(tree)
    if not triggers:
        return []
    people = [(tree.span_head(m.start, m.stop),
               Party(m.actor.id, names.get(m.actor.id, m.name), sides_of.get(m.actor.id), True, m))
              for m in persons]
    sides = [(s, Party(s.side, SIDE_DISPLAY.get(s.side, s.side), s.side, False)) for s in find_sides(tree)]
    dates = find_dates(sentence.text, document.published, base=sentence.start)
    evidence = Evidence(sentence.start, sentence.stop, is_background(sentence.start, background))
    out = []
    for trigger in triggers:
        parties = participants_for(tree, trigger, people, sides)
        if trigger.lemma in WEAK_MEETING_VERBS and sum(p.is_person for p in parties) < 1:
            continue
        status = status_of(tree.tokens, trigger.index, trigger.anchors)
        date, precision, said = _choose_date(tree, trigger, dates, status, document.published)
        place = meeting_place(tree, sentence.spans, trigger.anchors)
        if place and place.place and trigger.lemma in VISIT_WORDS or (
                place and place.place and any(tree.lemma(a) in VISIT_WORDS for a in trigger.anchors)):
            host = place.place.country
            if host not in {p.side for p in parties}:
                parties.append(Party(host, SIDE_DISPLAY.get(host, host), host, False))
        out.append(Candidate(tuple(parties), place.name if place else None, place.place if place else None,
                             date, precision, status, evidence, trigger.kind, said))
    return out


def _finish(candidate: Candidate) -> Meeting | None:
    person_sides = {p.side for p in candidate.parties if p.is_person and p.side}
    parties = [p for p in candidate.parties if p.is_person or p.key not in person_sides]
    if len(parties) < 2:
        return None
    actors = tuple(p.mention.actor if p.mention else Actor(p.key, p.name, "country", p.key) for p in parties)
    return Meeting(
        participants=actors,
        participant_names=tuple(p.name for p in parties),
        place=candidate.place,
        date=candidate.date,
        date_precision=candidate.precision,
        status=candidate.status,
        evidence=candidate.evidence,
        kind=candidate.kind,
    )


def find_meetings(document: Document, analysis: Analysis,
                  mentions: tuple[ActorMention, ...]) -> tuple[Meeting, ...]:
    persons = tuple(m for m in mentions if m.actor.kind == "person")
    background = find_background(document.text)
    sides_of = _person_sides(document, persons, analysis)
    names = _display_names(persons)
    candidates: list[Candidate] = []
    for sentence in analysis.sentences:
        if not sentence.parsed:
            continue
        inside = [m for m in persons if sentence.start <= m.start < sentence.stop]
        candidates += _sentence_candidates(document, sentence, inside, sides_of, names, background)
    meetings = []
    for candidate in merge([c for c in candidates if len(c.parties) >= 2]):
        meeting = _finish(candidate)
        if meeting is not None:
            meetings.append(meeting)
    return tuple(meetings)
