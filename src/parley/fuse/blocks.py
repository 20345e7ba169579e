"""Blocks: sets of reports that fusion groups on their own, so an update regroups only what it touches.

Two reports are linked when one could ever influence where the other goes:
- two dated reports that could be one meeting (``same_meeting``);
- an undated report and a dated one of the same sides on a day in the undated report's window
  (whether the undated report joins depends on every event of its sides in that window);
- two undated reports naming a place, with the same sides and status, published within a week.

A block is a connected set of links. Every pass of ``cluster`` only compares a report with events
of reports it is linked to, so grouping each block alone gives exactly the groups of grouping
everything at once (``tests/test_fuse_incremental.py`` checks it). Adding reports only adds links,
so a new article touches the blocks it links to and no other.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict, deque
from collections.abc import Iterable

from parley.fuse.match import PLAN_WINDOW_DAYS, REPORT_WINDOW_DAYS, parse_day, persons, same_meeting, sides
from parley.fuse.records import Report

_NO_DAY = dt.date(1970, 1, 1)


class Links:
    """Union-find over meeting ids."""

    def __init__(self, reports: Iterable[Report]) -> None:
        self.parent = {r.meeting_id: r.meeting_id for r in reports}

    def root(self, meeting_id: int) -> int:
        parent = self.parent
        while parent[meeting_id] != meeting_id:
            parent[meeting_id] = parent[parent[meeting_id]]
            meeting_id = parent[meeting_id]
        return meeting_id

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _claim(report: Report) -> tuple:
    """What ``same_meeting`` reads of a report: reports with one claim link to the same reports."""
    return (sides(report), persons(report), report.place, report.date, report.status, report.published)


def link(reports: list[Report]) -> Links:
    links = Links(reports)
    dated = [r for r in reports if parse_day(r.date)]
    undated = [r for r in reports if not parse_day(r.date)]
    _link_dated(links, dated)
    _link_undated_to_dated(links, dated, undated)
    _link_undated(links, undated)
    return links


def _keys(report: Report) -> list[tuple]:
    return [("sides", sides(report))] + [("person", p) for p in persons(report)]


def _link_dated(links: Links, dated: list[Report]) -> None:
    """Dated reports that could be one meeting: they share sides or a person, days at most three weeks apart."""
    by_claim: dict[tuple, Report] = {}
    recent: dict[tuple, deque[tuple[int, Report]]] = defaultdict(deque)
    for report in sorted(dated, key=lambda r: (r.date, r.meeting_id)):
        claim = _claim(report)
        if claim in by_claim:  # the same claim links to the same reports as its first holder
            links.join(by_claim[claim].meeting_id, report.meeting_id)
            continue
        by_claim[claim] = report
        day = parse_day(report.date).toordinal()
        for key in _keys(report):
            window = recent[key]
            while window and window[0][0] < day - PLAN_WINDOW_DAYS:
                window.popleft()
            for _, other in window:
                if (links.root(other.meeting_id) != links.root(report.meeting_id)
                        and same_meeting(report, other)):
                    links.join(other.meeting_id, report.meeting_id)
            window.append((day, report))


def _link_undated_to_dated(links: Links, dated: list[Report], undated: list[Report]) -> None:
    from parley.fuse.cluster import undated_window

    by_sides: dict[frozenset, list[tuple[int, int]]] = defaultdict(list)
    for report in dated:
        by_sides[sides(report)].append((parse_day(report.date).toordinal(), report.meeting_id))
    for entries in by_sides.values():
        entries.sort()
    for report in undated:
        entries = by_sides.get(sides(report))
        if not entries:
            continue
        low, high = (d.toordinal() for d in undated_window(report))
        for day, meeting_id in entries[bisect.bisect_left(entries, (low, -1)):]:
            if day > high:
                break
            links.join(meeting_id, report.meeting_id)


def _link_undated(links: Links, undated: list[Report]) -> None:
    by_kind: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for report in undated:
        if report.place:
            by_kind[sides(report), report.status].append(((report.published or _NO_DAY).toordinal(),
                                                          report.meeting_id))
    for entries in by_kind.values():
        entries.sort()
        for (day, meeting_id), (next_day, next_id) in zip(entries, entries[1:]):
            if next_day - day <= REPORT_WINDOW_DAYS:
                links.join(meeting_id, next_id)


def blocks(reports: list[Report]) -> dict[int, int]:
    """Each report's block, named by the smallest meeting id in it."""
    links = link(reports)
    return {r.meeting_id: links.root(r.meeting_id) for r in reports}


def reach(report: Report) -> tuple[dt.date, dt.date]:
    """Days around a report where every report it could link to is dated or published."""
    from parley.fuse.cluster import undated_window

    day = parse_day(report.date)
    if day:
        return day - dt.timedelta(days=PLAN_WINDOW_DAYS + 1), day + dt.timedelta(days=PLAN_WINDOW_DAYS + 1)
    low, high = undated_window(report)
    published = report.published or _NO_DAY
    week = dt.timedelta(days=REPORT_WINDOW_DAYS + 1)
    return min(low, published - week), max(high, published + week)


def spans(reports: Iterable[Report]) -> list[tuple[dt.date, dt.date]]:
    """The reaches of these reports, overlapping ones merged."""
    out: list[list[dt.date]] = []
    for low, high in sorted(reach(r) for r in reports):
        if out and low <= out[-1][1] + dt.timedelta(days=1):
            out[-1][1] = max(out[-1][1], high)
        else:
            out.append([low, high])
    return [(low, high) for low, high in out]
