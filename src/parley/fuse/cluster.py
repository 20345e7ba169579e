"""Group reports into meetings without comparing all pairs.

Three passes, each blocked by side set (and by named person) and by date, so
the work per report depends on how many meetings happen in a few weeks, not
on the size of the record:

1. reports with a day are visited in date order and join the best compatible
   group among those filed under their keys within the planning window;
2. an undated report (no date, or only a month) joins the one dated group that
   fits its sides and publication window, when exactly one does; a report that
   names a place counts only groups at that place, one that names none only
   groups with a person in common (or with no person named);
3. the undated reports left join one another when they name the same place,
   sides and status and were published within a week; the rest stand alone.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict, deque
from dataclasses import dataclass, field

from parley.fuse.match import (PLAN_WINDOW_DAYS, REPORT_WINDOW_DAYS, anchor, closeness, parse_day, persons,
                               place_stems, places_agree, same_meeting, sides)
from parley.fuse.records import Report


@dataclass(slots=True)
class Group:
    number: int
    reports: list[Report] = field(default_factory=list)
    last_anchor_ordinal: int = 0
    keys: set[tuple] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)  # an article's distinct meetings are never one meeting
    persons: set[str] = field(default_factory=set)  # everyone named in any of its reports
    # one report per distinct claim (status, date, place, sides): what a newcomer is compared with
    representatives: dict[tuple, Report] = field(default_factory=dict)

    def add(self, report: Report) -> None:
        self.reports.append(report)
        self.docs.add(report.doc_id)
        self.persons |= persons(report)
        self.representatives.setdefault((report.status, report.date, report.place, sides(report)), report)


def _keys(report: Report) -> list[tuple]:
    """Where a report is filed and looked up: its side set, and each named person."""
    return [("sides", sides(report))] + [("person", p) for p in sorted(persons(report))]


def cluster(reports: list[Report]) -> list[list[Report]]:
    """Reports grouped by meeting."""
    dated = [r for r in reports if parse_day(r.date)]
    undated = [r for r in reports if not parse_day(r.date)]
    groups = _cluster_dated(dated)
    left = _attach_undated(groups, undated)
    return [g.reports for g in groups] + _cluster_undated(left)


def _cluster_dated(reports: list[Report]) -> list[Group]:
    ordered = sorted(reports, key=lambda r: (anchor(r), r.published or anchor(r), r.doc_id, r.seq))
    index: dict[tuple, deque[Group]] = defaultdict(deque)
    groups: list[Group] = []
    for report in ordered:
        day = anchor(report).toordinal()
        best, best_score = None, 0.0
        seen: set[int] = set()
        for key in _keys(report):
            bucket = index[key]
            while bucket and bucket[0].last_anchor_ordinal < day - PLAN_WINDOW_DAYS:
                bucket.popleft()
            for group in bucket:
                if (group.number in seen or group.last_anchor_ordinal < day - PLAN_WINDOW_DAYS
                        or report.doc_id in group.docs):
                    continue
                seen.add(group.number)
                score = _group_score(report, group)
                if score > best_score:
                    best, best_score = group, score
        if best is None:
            best = Group(len(groups))
            groups.append(best)
        for key in _keys(report):
            if key not in best.keys:
                best.keys.add(key)
                index[key].append(best)
        best.add(report)
        best.last_anchor_ordinal = max(best.last_anchor_ordinal, day)
    return groups


def _group_score(report: Report, group: Group) -> float:
    """Compatible with every distinct claim of the group; scored by its closest member."""
    best = 0.0
    for member in group.representatives.values():
        if not same_meeting(report, member):
            return 0.0
        best = max(best, closeness(report, member))
    return best


def undated_window(report: Report) -> tuple[dt.date, dt.date]:
    """Days an undated report can be about: its month; before publication if held, after it if planned."""
    if report.date and len(report.date) == 7:
        first = dt.date.fromisoformat(report.date + "-01")
        return first, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
    published = report.published or dt.date(1970, 1, 1)
    before, after = {"held": (REPORT_WINDOW_DAYS, 1), "planned": (1, PLAN_WINDOW_DAYS),
                     "cancelled": (REPORT_WINDOW_DAYS, PLAN_WINDOW_DAYS)}.get(
        report.status, (REPORT_WINDOW_DAYS, REPORT_WINDOW_DAYS))
    return published - dt.timedelta(days=before), published + dt.timedelta(days=after)


def _attach_undated(groups: list[Group], undated: list[Report]) -> list[Report]:
    """Join each undated report to its one fitting dated group; return those that fit none or several."""
    by_sides: dict[frozenset, list[tuple[int, int, Group]]] = defaultdict(list)
    for group in groups:
        for report in group.representatives.values():
            by_sides[sides(report)].append((anchor(report).toordinal(), group.number, group))
    for entries in by_sides.values():
        entries.sort(key=lambda e: (e[0], e[1]))
    left = []
    for report in sorted(undated, key=lambda r: (r.published or dt.date.min, r.doc_id, r.seq)):
        low, high = (d.toordinal() for d in undated_window(report))
        entries = by_sides.get(sides(report), [])
        start = bisect.bisect_left(entries, (low, -1))
        at_place, anywhere = {}, {}  # groups at the place the report names; groups not contradicting it
        for day, number, group in entries[start:]:
            if day > high:
                break
            if report.doc_id in group.docs:
                continue
            if _outcome_before_plans(report, group):
                continue
            agreement = [places_agree(report.place, m.place) for m in group.representatives.values()]
            # Other people than any report of the event names: another meeting, unless the report names
            # the event's very place ("в Женеве"), not merely a country or region that holds it ("в США").
            if (persons(report) and group.persons and not persons(report) & group.persons
                    and not any(place_stems(report.place) & place_stems(m.place)
                                for m in group.representatives.values())):
                continue
            if False not in agreement:
                anywhere[number] = group
            if True in agreement:  # even when the group's own reports disagree on the place
                at_place[number] = group
        # an undated report that names a place joins only an event at that place
        fits = at_place if report.place else anywhere
        if len(fits) == 1:
            next(iter(fits.values())).add(report)
        else:
            left.append(report)
    return left


def _outcome_before_plans(report: Report, group: Group) -> bool:
    """A report that a meeting was held or called off, published before every report of an event that
    only plans it: the plan came later, so it is for another meeting."""
    if report.status not in ("held", "cancelled") or report.published is None:
        return False
    return all(m.status == "planned" and m.published is not None and m.published > report.published
               for m in group.reports)


def _cluster_undated(reports: list[Report]) -> list[list[Report]]:
    """Undated reports naming one place (or places one inside the other), with the same sides and
    status, published within a week, are one meeting."""
    out: list[list[Report]] = []
    open_groups: dict[tuple, list[list]] = defaultdict(list)  # (sides, status) → [last day, reports]
    for report in sorted(reports, key=lambda r: (r.published or dt.date.min, r.doc_id, r.seq)):
        if not report.place:
            out.append([report])
            continue
        day = (report.published or dt.date.min).toordinal()
        candidates = open_groups[sides(report), report.status]
        candidates[:] = [g for g in candidates if day - g[0] <= REPORT_WINDOW_DAYS]
        found = next((g for g in candidates if report.doc_id not in {r.doc_id for r in g[1]}
                      and all(places_agree(report.place, r.place) for r in g[1])), None)
        if found:
            found[1].append(report)
            found[0] = day
        else:
            candidates.append([day, [report]])
            out.append(candidates[-1][1])
    return out
