"""One group of reports to one event: participants, status, date, place, history, conflicts, copies."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter

from parley.fuse.assessments import gather
from parley.fuse.match import parse_day, places_agree
from parley.fuse.provenance import near_copies
from parley.fuse.records import Conflict, Event, HistoryEntry, Participant, Report, Source

STATUS_STRENGTH = {"held": 3, "cancelled": 2, "planned": 1, "unknown": 0}


def _reported(report: Report) -> tuple:
    # background paragraphs ("Ранее сообщалось…") repeat older news: they come first, whatever their date
    return (not report.background, report.published or dt.date.min, report.doc_id, report.seq)


def event_id(reports: list[Report]) -> str:
    first = min(reports, key=lambda r: (r.published or dt.date.min, r.doc_id, r.seq))
    return report_event_id(first.doc_id, first.seq)


def report_event_id(doc_id: str, seq: int) -> str:
    """The id of an event whose earliest report is meeting ``seq`` of ``doc_id``."""
    return "ev-" + hashlib.sha1(f"{doc_id}:{seq}".encode()).hexdigest()[:10]


def build_event(reports: list[Report]) -> Event:
    ordered = sorted(reports, key=_reported)
    status = _status(ordered)
    settled = [r for r in ordered if r.status == status] or ordered
    date, precision = _date(settled)
    if date is None:  # "встреча состоялась" with no day: the day the latest report of it gave
        date, precision = _date([max((r for r in ordered if r.date), key=_reported)] if any(
            r.date for r in ordered) else [])
    date, date_end = _round(date, settled)
    place = _most_common([r.place for r in settled if r.place]) or _most_common(
        [r.place for r in ordered if r.place])
    sources = _sources(ordered)
    topics, judgements, tone_conflicts = gather(sources)
    return Event(
        id=event_id(reports), kind=Counter(r.kind for r in ordered).most_common(1)[0][0], date=date,
        date_precision=precision, place=place, status=status,
        participants=_participants(ordered), sources=sources, history=_history(ordered),
        date_end=date_end, conflicts=_conflicts(settled) + tone_conflicts, topics=topics, assessments=judgements,
        independent_sources=sum(1 for s in sources if s.copy_of is None and _first_of_doc(s, sources)))


def _status(ordered: list[Report]) -> str:
    """An outcome (held, cancelled) beats a plan whatever the order of the reports; among outcomes the
    latest wins, held on a tie. Background paragraphs count only when nothing newer has a status."""
    definite = [r for r in ordered if r.status != "unknown"]
    fresh = [r for r in definite if not r.background] or definite
    outcomes = [r for r in fresh if r.status in ("held", "cancelled")]
    if outcomes:
        return max(outcomes, key=lambda r: (r.published or dt.date.min, STATUS_STRENGTH[r.status])).status
    return fresh[0].status if fresh else "unknown"


def _most_common(values: list[str]) -> str | None:
    if not values:
        return None
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], -values.index(v)))


def _date(reports: list[Report]) -> tuple[str | None, str]:
    days = [r.date for r in reports if parse_day(r.date)]
    if days:
        counts = Counter(days)
        return max(counts, key=lambda d: (counts[d], [-ord(c) for c in d])), "day"  # ties: the earliest
    months = [r.date for r in reports if r.date and len(r.date) == 7]
    return (_most_common(months), "month") if months else (None, "unknown")


def _ranges(reports: list[Report]) -> list[tuple[dt.date, dt.date]]:
    """The reports' days as ranges ("17–18 февраля" is one), overlapping ones joined: one range per
    round the reports describe. Days inside one round's range agree with it."""
    spans = sorted((day, max(day, parse_day(r.date_end) or day)) for r in reports if (day := parse_day(r.date)))
    joined: list[tuple[dt.date, dt.date]] = []
    for first, last in spans:
        if joined and first <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], last))
        else:
            joined.append((first, last))
    return joined


def _round(date: str | None, reports: list[Report]) -> tuple[str | None, str | None]:
    """The chosen day widened to the round it falls in: dated by its first day, with its last."""
    day = parse_day(date)
    if day is None:
        return date, None
    for first, last in _ranges(reports):
        if first <= day <= last:
            return first.isoformat(), last.isoformat() if last > first else None
    return date, None


def _participants(ordered: list[Report]) -> tuple[Participant, ...]:
    counts: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    first: dict[str, Participant] = {}
    for report in ordered:
        for p in report.participants:
            counts[p.actor_id] += 1
            names.setdefault(p.actor_id, Counter())[p.name] += 1
            first.setdefault(p.actor_id, p)
    order = sorted(first, key=lambda i: (-counts[i], list(first).index(i)))
    return tuple(Participant(i, names[i].most_common(1)[0][0], first[i].country) for i in order)


def _sources(ordered: list[Report]) -> tuple[Source, ...]:
    """Every report; a republished copy of an earlier source names the document it copies."""
    out: list[Source] = []
    originals: list[Report] = []
    for report in sorted(ordered, key=lambda r: (r.published or dt.date.min, r.doc_id, r.seq)):
        copy_of = None
        for original in originals:
            if original.doc_id == report.doc_id:
                break
            if (report.agency and report.agency == original.agency) or near_copies(report.signature,
                                                                                   original.signature):
                copy_of = original.doc_id
                break
        else:
            originals.append(report)
        out.append(Source(report, copy_of))
    return tuple(out)


def _first_of_doc(source: Source, sources: tuple[Source, ...]) -> bool:
    return next(s for s in sources if s.report.doc_id == source.report.doc_id) is source


def _history(ordered: list[Report]) -> tuple[HistoryEntry, ...]:
    """The first report, then every report that changed the status or moved the date."""
    entries: list[HistoryEntry] = []
    status = date = None
    for r in ordered:
        if not entries:
            change = r.status if r.status != "unknown" else "reported"
        elif r.status not in ("unknown", status):
            change = r.status
        elif parse_day(r.date) and parse_day(date) and r.date != date and status == "planned":
            change = "moved"
        else:
            continue
        entries.append(HistoryEntry(r.published, r.doc_id, change, r.status, r.date, r.place))
        status = r.status if r.status != "unknown" else status
        date = r.date or date
    return tuple(entries)


def _conflicts(settled: list[Report]) -> tuple[Conflict, ...]:
    """Reports of one status that give days of different rounds, or places that cannot both be right."""
    out: list[Conflict] = []
    by_day: dict[str, set[str]] = {}
    for r in settled:
        if parse_day(r.date):
            by_day.setdefault(r.date, set()).add(r.doc_id)
    if len(_ranges(settled)) > 1:
        out += [Conflict("date", day, tuple(sorted(docs))) for day, docs in sorted(by_day.items())]
    by_place: dict[str, set[str]] = {}
    for r in settled:
        if r.place:
            by_place.setdefault(r.place, set()).add(r.doc_id)
    places = sorted(by_place)
    if any(places_agree(a, b) is False for i, a in enumerate(places) for b in places[i + 1:]):
        out += [Conflict("place", place, tuple(sorted(by_place[place]))) for place in places]
    return tuple(out)
