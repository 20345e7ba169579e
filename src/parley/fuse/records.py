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


@dataclass(frozen=True, slots=True)
class Source:
    report: Report
    copy_of: str | None = None  # doc_id of the earlier source this one republishes


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
    field: str  # date | place
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


@dataclass(frozen=True, slots=True)
class FusionReport:
    reports: int
    events: int
    conflicts: int
    seconds: float
    full: bool = True  # a full rebuild, or an update of the blocks that changed
    regrouped: int = 0  # reports grouped again (every report on a full rebuild)
