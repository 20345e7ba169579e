"""When two reports (or a report and a growing event) can be the same meeting.

Reports of one meeting name the same sides (countries or organisations behind
the participants), give compatible dates (a round of talks spans a day or two;
an announced meeting may be held a few weeks later, or moved) and compatible
places ("Женева" and "Женева, Швейцария"; no place said is compatible with any).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache

from parley.fuse.records import Report
from parley.store.stemmer import stem

SAME_ROUND_DAYS = 1  # "17–18 февраля": reports dated a day apart describe one round
REPORT_WINDOW_DAYS = 7  # an undated report of a meeting appears within a week of it
PLAN_WINDOW_DAYS = 21  # a planned meeting is held, moved or called off within three weeks
REGION_REACH_KM = 700  # a region's centroid to a city or venue inside it
CITY_REACH_KM = 40  # a city's centre to a venue inside it


def parse_day(date: str | None) -> dt.date | None:
    if date and len(date) == 10:
        try:
            return dt.date.fromisoformat(date)
        except ValueError:
            return None
    return None


def anchor(report: Report) -> dt.date:
    """The day a report is about: its date, the middle of its month, or its publication day."""
    day = parse_day(report.date)
    if day:
        return day
    if report.date and len(report.date) == 7:
        try:
            return dt.date.fromisoformat(report.date + "-15")
        except ValueError:
            pass
    return report.published or dt.date(1970, 1, 1)


def sides(report: Report) -> frozenset[str]:
    return frozenset(p.side for p in report.participants)


def persons(report: Report) -> frozenset[str]:
    return frozenset(p.actor_id for p in report.participants if p.actor_id != p.side)


@lru_cache(maxsize=50_000)
def place_stems(place: str | None) -> frozenset[str]:
    if not place:
        return frozenset()
    return frozenset(stem(w) for w in re.findall(r"[^\W\d_]+", place.lower().replace("ё", "е")))


@lru_cache(maxsize=50_000)
def _gazetteer_place(name: str):
    from parley.resolve.places import gazetteer

    return gazetteer().named(name)


def place_country(name: str | None) -> str | None:
    """The ISO country of a place the gazetteer knows."""
    found = _gazetteer_place(name) if name else None
    return found.country if found else None


def _km(a, b) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _contains(big, small) -> bool:
    """Whether gazetteer place ``big`` holds ``small`` ("Флорида" holds "Мар-а-Лаго", "Москва" the Kremlin)."""
    if big.country != small.country:
        return False
    if big.kind == "country":
        return small.kind != "country"
    if big.kind == "region":
        return small.kind in ("city", "capital", "venue") and _km(big, small) <= REGION_REACH_KM
    if big.kind in ("city", "capital"):
        return small.kind == "venue" and _km(big, small) <= CITY_REACH_KM
    return False


@lru_cache(maxsize=50_000)
def places_agree(a: str | None, b: str | None) -> bool | None:
    """True: the same place, or one inside the other; False: different places; None: one is not said."""
    sa, sb = place_stems(a), place_stems(b)
    if not sa or not sb:
        return None
    if sa & sb:
        return True
    pa, pb = _gazetteer_place(a), _gazetteer_place(b)
    return bool(pa and pb and (_contains(pa, pb) or _contains(pb, pa)))


def dates_agree(a: Report, b: Report) -> str:
    """"same", "close" (a few days apart), "month", "open" (one undated) or "far"."""
    da, db = parse_day(a.date), parse_day(b.date)
    if da and db:
        gap = abs((da - db).days)
        if gap <= SAME_ROUND_DAYS or _within(da, b) or _within(db, a):
            return "same"
        return "close" if gap <= PLAN_WINDOW_DAYS else "far"
    if a.date and b.date:  # at least one has only a month
        return "month" if a.date[:7] == b.date[:7] else "far"
    gap = abs((anchor(a) - anchor(b)).days)
    return "open" if gap <= REPORT_WINDOW_DAYS else "far"


def _within(day: dt.date, report: Report) -> bool:
    """The day falls inside the range of a round that the report says lasts several days."""
    first, last = parse_day(report.date), parse_day(report.date_end)
    return bool(first and last and first <= day <= last)


def _gap(a: Report, b: Report) -> int:
    return abs((anchor(a) - anchor(b)).days)


def is_plan_and_outcome(a: Report, b: Report) -> bool:
    """A plan and a later report that it was held or called off (or a later plan with a new date).

    The plan must come first: a plan published after a meeting was held is for another round.
    """
    if {a.status, b.status} not in ({"planned", "held"}, {"planned", "cancelled"}, {"planned"}):
        return False
    plan, later = (a, b) if (a.published or dt.date.min) <= (b.published or dt.date.min) else (b, a)
    if plan.status != "planned":
        return False
    day = parse_day(later.date)
    return day is None or plan.published is None or day >= plan.published - dt.timedelta(days=1)


def _people_agree(a: Report, b: Report) -> bool:
    pa, pb = persons(a), persons(b)
    return not pa or not pb or len(pa & pb) * 2 >= len(pa | pb)


def same_participants(a: Report, b: Report) -> bool:
    if sides(a) == sides(b):
        return True
    pa, pb = persons(a), persons(b)
    shared = len(pa & pb)
    return shared >= 2 and shared * 2 >= len(pa | pb)


def same_meeting(a: Report, b: Report) -> bool:
    """Whether two reports can describe one meeting (a pairwise test; fusion clusters by it)."""
    return same_participants(a, b) and same_meeting_if_participants_agree(a, b)


def same_meeting_if_participants_agree(a: Report, b: Report) -> bool:
    """``same_meeting`` for two reports already known to name the same participants."""
    place = places_agree(a.place, b.place)
    dates = dates_agree(a, b)
    if dates in ("same", "month"):
        # a differing place on the same day is a conflict between reports of one meeting, unless the
        # people named differ too: then they are two meetings of the same sides that day
        return place is not False or _people_agree(a, b)
    if dates == "open":
        return place is not False
    if dates == "close":
        if is_plan_and_outcome(a, b):  # a plan and what became of it, days or weeks later, at the named place
            return place is True
        # days apart at one named place, both saying the same of it: they disagree on the date (a conflict)
        same_claim = a.status == b.status or "unknown" in (a.status, b.status)
        return same_claim and place is True and _gap(a, b) <= REPORT_WINDOW_DAYS
    return False


def closeness(a: Report, b: Report) -> float:
    """Higher for a better match; used to pick among several compatible events."""
    score = {"same": 4.0, "month": 2.0, "open": 1.5, "close": 1.0}.get(dates_agree(a, b), 0.0)
    score += 2.0 if places_agree(a.place, b.place) else 0.0
    pa, pb = persons(a), persons(b)
    if pa | pb:
        score += len(pa & pb) / len(pa | pb)
    return score
