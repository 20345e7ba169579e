"""Features of one proposed meeting, for the trained decisions.

Entry point: ``meeting_features(document, analysis, proposed)`` → one dict of
named numbers per proposed meeting, in order. Every feature is read from the
document's layers (the finished meeting, the merged mention behind it, the
tokens of its evidence sentence), never from a parse tree, so the same
features serve a language without a parser.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING

from parley.records import Analysis, Document, Meeting, MeetingStatus, Sentence

if TYPE_CHECKING:
    from parley.extract.meetings.merge import Candidate

Features = dict[str, float]
WORD = re.compile(r"\w+")
PREFIX = 6  # words are compared by their first letters: a cheap stem for Russian and Ukrainian endings


def word_keys(text: str) -> set[str]:
    """The lower-cased word stems of a text, as the lexical features name them."""
    return {"w:" + w[:PREFIX] for w in WORD.findall(text.lower()) if not w.isdigit()}


def _date_relation(meeting: Meeting, published: dt.date | None) -> str:
    if meeting.date is None:
        return "none"
    if published is None:
        return "unanchored"
    today = published.isoformat()[:len(meeting.date)]
    if meeting.date == today:
        return "same"
    return "past" if meeting.date < today else "future"


def _verb_features(sentence: Sentence | None) -> Features:
    out: Features = {}
    if sentence is None:
        return out
    for token in sentence.tokens:
        if token.pos in ("VERB", "AUX"):
            tense = token.feat("Tense")
            if tense:
                out[f"tense:{tense}"] = 1.0
            if token.feat("Mood") == "Imp":
                out["mood:imp"] = 1.0
        low = token.text.lower()
        if low in ("не", "ни", "не"):
            out["negation"] = 1.0
        if low in ("бы", "б"):
            out["conditional"] = 1.0
    return out


def _shared_people(meeting: Meeting, others: list[Meeting]) -> Features:
    mine = {a.id for a in meeting.participants}
    out: Features = {}
    for other in others:
        theirs = {a.id for a in other.participants}
        if theirs == mine:
            out["same_people_elsewhere"] = 1.0
        elif mine < theirs:
            out["inside_another"] = 1.0
        elif mine & theirs:
            out["overlaps_another"] = 1.0
    return out


def _one(document: Document, analysis: Analysis, candidate: Candidate, meeting: Meeting,
         others: list[Meeting], order: int) -> Features:
    text = document.text
    sentence = analysis.sentence_at(meeting.evidence.start)
    words = text[meeting.evidence.start:meeting.evidence.stop]
    persons = [a for a in meeting.participants if a.kind == "person"]
    sides = {a.country or a.id for a in meeting.participants}
    f: Features = {
        "bias": 1.0,
        "participants": min(len(meeting.participants), 6) / 6,
        "persons": min(len(persons), 6) / 6,
        "sides": min(len(sides), 4) / 4,
        "only_sides": float(not persons),
        "persons_without_side": float(any(a.country is None for a in persons)),
        "one_side_only": float(len(sides) < 2),
        "has_place": float(meeting.place is not None),
        f"date:{_date_relation(meeting, document.published)}": 1.0,
        f"precision:{meeting.date_precision.value}": 1.0,
        f"status:{meeting.status.value}": 1.0,
        f"kind:{meeting.kind}": 1.0,
        "status_explicit": float(candidate.status_explicit),
        "borrowed": float(candidate.borrowed),
        "fresh": float(candidate.fresh),
        "attending": float(candidate.attending),
        "date_default": float(candidate.date_default),
        "headline": float(candidate.headline),
        "again": float(candidate.again),
        "cooccurring": float(candidate.cooccurring),
        "background": float(meeting.evidence.background),
        "position": meeting.evidence.start / max(len(text), 1),
        "first_meeting": float(order == 0),
        "meetings_in_text": math.log1p(len(others) + 1) / 3,
        "sentence_length": min(len(words), 600) / 600,
        "quoted": float(any(mark in words for mark in "«\"“")),
        "question": float("?" in words),
    }
    if meeting.status == MeetingStatus.PLANNED and f.get("date:past"):
        f["planned_in_past"] = 1.0
    f.update(_verb_features(sentence))
    f.update(_shared_people(meeting, others))
    for key in word_keys(words):
        f[key] = 1.0
    return f


def meeting_features(document: Document, analysis: Analysis,
                     proposed: list[tuple[Candidate, Meeting]]) -> list[Features]:
    meetings = [m for _, m in proposed]
    return [_one(document, analysis, candidate, meeting, meetings[:k] + meetings[k + 1:], k)
            for k, (candidate, meeting) in enumerate(proposed)]

