"""What fusion reads (one meeting as one document reports it) and what it writes (an event)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Participant:
    actor_id: str
    name: str
    country: str | None = None

    @property
    def side(self) -> str:
        return self.country or self.actor_id


@dataclass(frozen=True, slots=True)
class TopicReport:
    """A topic one document ties to the meeting, with the words that name it."""

    topic: str
    evidence_start: int
    evidence_stop: int
    evidence_text: str


@dataclass(frozen=True, slots=True)
class AssessmentReport:
    """One judge's judgement of the meeting in one document: the words that carry it and their sentence."""

    judge_id: str
    name: str  # as the actor table names the judge
    written: str  # as the document writes it
    side: str | None
    tone: str  # positive | negative | mixed
    evidence_start: int
    evidence_stop: int
    evidence_text: str
    sentence_start: int
    sentence_stop: int
    sentence_text: str


@dataclass(frozen=True, slots=True)
class Report:
    """One meeting as one document states it, with what fusion needs about that document."""

    meeting_id: int
    doc_id: str
    seq: int
    published: dt.date | None
    participants: tuple[Participant, ...]
    place: str | None
    date: str | None
    date_precision: str
    status: str
    kind: str
    evidence_start: int
    evidence_stop: int
    evidence_text: str
    background: bool = False
    agency: str | None = None
    signature: str | None = None
    date_end: str | None = None  # the round's last day when the report gives a range
    topics: tuple[TopicReport, ...] = ()
    assessments: tuple[AssessmentReport, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    report: Report
    copy_of: str | None = None  # doc_id of the earlier source this one republishes


@dataclass(frozen=True, slots=True)
class TopicSource:
    """A topic of a fused event and the report that gives it."""

    doc_id: str
    meeting_id: int
    topic: TopicReport


@dataclass(frozen=True, slots=True)
class Judgement:
    """An assessment of a fused event and the report that states it."""

    doc_id: str
    meeting_id: int
    published: dt.date | None
    assessment: AssessmentReport


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    reported: dt.date | None
    doc_id: str
    change: str  # reported | planned | held | cancelled | moved | unknown
    status: str
    date: str | None
    place: str | None


@dataclass(frozen=True, slots=True)
class Conflict:
    field: str  # date | place | tone (one judge's tone differs between reports)
    value: str
    doc_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    kind: str
    date: str | None
    date_precision: str
    place: str | None
    status: str
    participants: tuple[Participant, ...]
    sources: tuple[Source, ...]
    history: tuple[HistoryEntry, ...]
    conflicts: tuple[Conflict, ...]
    independent_sources: int
    type: str = "meeting"
    block: str | None = None  # the block of reports it was grouped in (parley.fuse.blocks)
    date_end: str | None = None  # the last day of a round of several days; ``date`` is its first
    topics: tuple[TopicSource, ...] = ()  # the union of its sources' topics
    assessments: tuple[Judgement, ...] = ()  # every source's judgements


@dataclass(frozen=True, slots=True)
class FusionReport:
    reports: int
    events: int
    conflicts: int
    seconds: float
    full: bool = True  # a full rebuild, or an update of the blocks that changed
    regrouped: int = 0  # reports grouped again (every report on a full rebuild)
