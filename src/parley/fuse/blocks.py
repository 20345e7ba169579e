"""Blocks: sets of reports that fusion groups on their own, so an update regroups only what it touches.

Two reports are linked when one could ever influence where the other goes:
- two dated reports that could be one meeting (``same_meeting``: the same sides, or two named
  persons in common, on days at most three weeks apart);
- an undated report and a dated one of the same sides on a day in the undated report's window
  (whether the undated report joins depends on every event of its sides in that window);
- two undated reports naming a place, with the same sides and status, published within a week.

A block is a connected set of links. Every pass of ``cluster`` only compares a report with events
of reports it is linked to, so grouping each block alone gives exactly the groups of grouping
everything at once (``tests/test_fuse_incremental.py`` checks it). Adding reports only adds links,
so a new article touches the blocks of the reports it links to directly, and no other.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import combinations

from parley.fuse.match import (PLAN_WINDOW_DAYS, REPORT_WINDOW_DAYS, parse_day, persons,
                               same_meeting_if_participants_agree, sides)
from parley.fuse.records import Report

_NO_DAY = dt.date(1970, 1, 1)
_MONTH_DAYS = 31


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


def _window(report: Report) -> tuple[int, int]:
    from parley.fuse.cluster import undated_window

    low, high = undated_window(report)
    return low.toordinal(), high.toordinal()


def _published(report: Report) -> int:
    return (report.published or _NO_DAY).toordinal()


class Index:
    """Reports filed for finding the ones a report links to, each lookup within its window of days."""

    def __init__(self, reports: Iterable[Report]) -> None:
        self.reports: dict[int, Report] = {}
        self.facts: dict[int, tuple[frozenset, frozenset]] = {}
        self.dated_by_key: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
        self.dated_by_sides: dict[frozenset, list[tuple[int, int]]] = defaultdict(list)
        self.undated_by_sides: dict[frozenset, list[tuple[int, int, int]]] = defaultdict(list)
        self.placed_undated: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
        self._shared: dict[tuple, tuple[frozenset, frozenset]] = {}
        for report in reports:
            self._file(report)
        for table in (self.dated_by_key, self.dated_by_sides, self.undated_by_sides, self.placed_undated):
            for entries in table.values():
                entries.sort()

    def _file(self, report: Report) -> None:
        number = report.meeting_id
        self.reports[number] = report
        facts = self._shared.get(report.participants)
        if facts is None:  # many reports name the same people: one copy of their sides and persons
            facts = self._shared[report.participants] = (sides(report), persons(report))
        self.facts[number] = facts
        day = parse_day(report.date)
        if day:
            for key in _keys(*facts):
                self.dated_by_key[key].append((day.toordinal(), number))
            self.dated_by_sides[facts[0]].append((day.toordinal(), number))
            return
        self.undated_by_sides[facts[0]].append((*_window(report), number))
        if report.place:
            self.placed_undated[facts[0], report.status].append((_published(report), number))

    def linked(self, report: Report, earlier_only: bool = False,
               skip: Callable[[int], bool] = lambda _: False) -> Iterator[int]:
        """Meeting ids of the indexed reports linked to ``report`` (with ``earlier_only``, only those
        filed before it in day order, enough to link everything when every report is visited)."""
        own = (sides(report), persons(report))
        day = parse_day(report.date)
        if day:
            ordinal = day.toordinal()
            high = ordinal if earlier_only else ordinal + PLAN_WINDOW_DAYS
            seen: set[int] = set()
            for key in _keys(*own):
                for _, number in _between(self.dated_by_key.get(key), ordinal - PLAN_WINDOW_DAYS, high):
                    if number in seen or number == report.meeting_id or skip(number):
                        continue
                    seen.add(number)
                    if _participants_agree(own, self.facts[number]) and same_meeting_if_participants_agree(
                            report, self.reports[number]):
                        yield number
            if not earlier_only:
                for low, top, number in _between3(self.undated_by_sides.get(own[0]), ordinal - _MONTH_DAYS - 1,
                                                  ordinal):
                    if low <= ordinal <= top:
                        yield number
            return
        low, high = _window(report)
        for _, number in _between(self.dated_by_sides.get(own[0]), low, high):
            yield number
        if report.place:
            published = _published(report)
            top = published if earlier_only else published + REPORT_WINDOW_DAYS
            for _, number in _between(self.placed_undated.get((own[0], report.status)),
                                      published - REPORT_WINDOW_DAYS, top):
                if number != report.meeting_id:
                    yield number


def _keys(side_set: frozenset, named: frozenset) -> list[tuple]:
    """Where dated reports that could be one meeting meet: the same sides, or two persons in common."""
    return [("sides", side_set)] + [("pair", *pair) for pair in combinations(sorted(named), 2)]


def _participants_agree(a: tuple[frozenset, frozenset], b: tuple[frozenset, frozenset]) -> bool:
    if a[0] == b[0]:
        return True
    shared = len(a[1] & b[1])
    return shared >= 2 and shared * 2 >= len(a[1] | b[1])


def _between(entries: list[tuple[int, int]] | None, low: int, high: int) -> Iterator[tuple[int, int]]:
    if not entries:
        return
    for entry in entries[bisect.bisect_left(entries, (low, -1)):]:
        if entry[0] > high:
            break
        yield entry


def _between3(entries: list[tuple[int, int, int]] | None, low: int, high: int) -> Iterator[tuple[int, int, int]]:
    if not entries:
        return
    for entry in entries[bisect.bisect_left(entries, (low, -1, -1)):]:
        if entry[0] > high:
            break
        yield entry


def link(reports: list[Report]) -> Links:
    """Every link among these reports."""
    links, index = Links(reports), Index(reports)
    first_of_claim: dict[tuple, int] = {}
    for report in sorted(reports, key=lambda r: (r.date or "", r.meeting_id)):
        claim = (index.facts[report.meeting_id], report.place, report.date, report.status, report.published)
        if parse_day(report.date):
            if claim in first_of_claim:  # what same_meeting reads is the same: so are the links
                links.join(first_of_claim[claim], report.meeting_id)
                continue
            first_of_claim[claim] = report.meeting_id
        own = report.meeting_id
        for other in index.linked(report, earlier_only=True,
                                  skip=lambda number: links.root(number) == links.root(own)):
            links.join(other, own)
    return links


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
