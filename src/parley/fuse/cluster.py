"""Group reports into meetings without comparing all pairs.

Reports are visited in date order. Each open group is filed under its side set
and under each named person; a report is compared only with groups filed under
its own keys whose latest date is within the planning window. Groups that fall
out of the window are dropped from the index, so the work per report depends
on how many meetings happen in a few weeks, not on the size of the record.
"""
from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field

from parley.fuse.match import PLAN_WINDOW_DAYS, anchor, closeness, persons, same_meeting, sides
from parley.fuse.records import Report


@dataclass(slots=True)
class Group:
    number: int
    reports: list[Report] = field(default_factory=list)
    last_anchor_ordinal: int = 0
    keys: set[tuple] = field(default_factory=set)
    # one report per distinct claim (status, date, place, sides): what a newcomer is compared with
    representatives: dict[tuple, Report] = field(default_factory=dict)


def _keys(report: Report) -> list[tuple]:
    return [("sides", sides(report))] + [("person", p) for p in sorted(persons(report))]


def cluster(reports: list[Report]) -> list[list[Report]]:
    """Reports grouped by meeting; each group in the order its reports were visited."""
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
                if group.number in seen or group.last_anchor_ordinal < day - PLAN_WINDOW_DAYS:
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
        best.reports.append(report)
        best.representatives.setdefault((report.status, report.date, report.place, sides(report)), report)
        best.last_anchor_ordinal = max(best.last_anchor_ordinal, day)
    return [g.reports for g in groups]


def _group_score(report: Report, group: Group) -> float:
    """Compatible with every dated report of the group; scored by its closest member."""
    best = 0.0
    for member in group.representatives.values():
        if not same_meeting(report, member):
            return 0.0
        best = max(best, closeness(report, member))
    return best
