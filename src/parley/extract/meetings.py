"""Meetings: who met whom, where, when, and whether it happened.

Entry point: ``find_meetings(document, analysis, mentions)``.
"""
from __future__ import annotations

from parley.extract.lexicon import MEETING_STEMS
from parley.records import (
    ActorMention, Analysis, DatePrecision, Document, Evidence, Meeting, MeetingStatus,
)


def find_meetings(document: Document, analysis: Analysis, mentions: tuple[ActorMention, ...]) -> tuple[Meeting, ...]:
    found = []
    for sentence in analysis.sentences:
        low = sentence.text.lower()
        if not any(stem in low for stem in MEETING_STEMS):
            continue
        inside = [m for m in mentions if sentence.start <= m.start < sentence.stop]
        by_id = {}
        for m in inside:
            by_id.setdefault(m.actor.id, m)
        if len(by_id) < 2:
            continue
        places = [s.normal for s in sentence.spans if s.type == "LOC"]
        found.append(
            Meeting(
                participants=tuple(m.actor for m in by_id.values()),
                participant_names=tuple(m.name for m in by_id.values()),
                place=places[0] if places else None,
                date=None,
                date_precision=DatePrecision.UNKNOWN,
                status=MeetingStatus.UNKNOWN,
                evidence=Evidence(sentence.start, sentence.stop),
            )
        )
    return tuple(found)
