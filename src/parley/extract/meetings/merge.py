"""One record per distinct meeting: mentions of the same meeting in one text are merged.

Entry point: ``merge(candidates)`` → merged candidates, in text order. Two
mentions are the same meeting when their parties agree (one set inside the
other once a person stands for their side, or half of them shared), their
status is the same, and their dates and places do not contradict each other.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from parley.extract.meetings.participants import Party
from parley.records import DatePrecision, Evidence, MeetingStatus
from parley.resolve.places import Place


@dataclass(frozen=True, slots=True)
class Candidate:
    parties: tuple[Party, ...]
    place: str | None
    place_entry: Place | None
    date: str | None
    precision: DatePrecision
    status: MeetingStatus
    evidence: Evidence
    kind: str
    status_explicit: bool = True  # the words said the status; False when it is only the default
    borrowed: bool = False  # parties taken from the meeting spoken of before ("Лидеры договорились …")
    fresh: bool = False  # told as another event than the one before ("Перед этим …", "После этого …")
    attending: bool = False  # its people are said to take part in it ("в переговорах участвовали …")
    date_default: bool = False  # the date is the publication day of a live report, not a date word
    headline: bool = False  # told in the text's headline line
    again: bool = False  # said to be another one: "новая встреча", "вновь встретятся"
    cooccurring: bool = False  # proposed for recall: a meeting word and two sides in one sentence (cooccur.py)
    date_end: str | None = None  # the round's last day when it lasts more than one
    ordinal: int | None = None  # the round's number when the words give it: "второй раунд" → 2
    series: bool = False  # a series of meetings: "встречались шесть раз", "неоднократно встречался"
    next_one: bool = False  # told as the one after, with its own date: "следующий раунд пройдет 25 ноября"
    day_of: bool = False  # told as one day of talks lasting more: "первый день переговоров"
    leaders: bool = False  # told as the countries' leaders' meeting: no delegation stands for a side
    joins_last: bool = False  # people said to take part in a meeting named by its bare noun ("во встрече примут участие")


def expanded(parties: tuple[Party, ...]) -> set[str]:
    """Party keys plus the sides their persons stand for."""
    keys = {p.key for p in parties}
    keys |= {p.side for p in parties if p.is_person and p.side}
    return keys


def _persons(parties: tuple[Party, ...]) -> set[str]:
    return {p.key for p in parties if p.is_person}


def _people_by_side(parties: tuple[Party, ...]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for p in parties:
        if p.is_person:
            out.setdefault(p.side or p.key, set()).add(p.key)
    return out


def parties_agree(a: tuple[Party, ...], b: tuple[Party, ...]) -> bool:
    ea, eb = expanded(a), expanded(b)
    pa, pb = _persons(a), _persons(b)
    if pa and pb and not (pa & pb):
        by_a, by_b = _people_by_side(a), _people_by_side(b)
        if set(by_a) & set(by_b):
            return False  # Лавров–Рубио and Путин–Трамп: the same sides, other people
        # "Уиткофф и Кушнер … с российской стороной" and "американцы … с Путиным": each names the side
        # the other leaves unnamed
        return {p.side or p.key for p in a} == {p.side or p.key for p in b}
    sa, sb = {p.side or p.key for p in a}, {p.side or p.key for p in b}
    if len(sa) >= 2 and len(sb) >= 2 and sa != sb and pa and pb and all(
            any(p.is_person and (p.side or p.key) == side for p in (a if side in sa else b)) for side in sa ^ sb):
        return False  # Трамп–Зеленский and Трамп, Зеленский и Мерц: another side's named leader makes another meeting
    if ea <= eb or eb <= ea:
        return True
    return len(ea & eb) / len(ea | eb) >= 0.5


def dates_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return a.startswith(b) or b.startswith(a)


def places_agree(a: Candidate, b: Candidate) -> bool:
    if a.place is None or b.place is None or a.place == b.place:
        return True
    if a.place_entry and b.place_entry:
        return a.place_entry.country == b.place_entry.country
    return False


def statuses_agree(a: Candidate, b: Candidate) -> bool:
    return a.status == b.status or not a.status_explicit or not b.status_explicit


def _day(value: str | None) -> dt.date | None:
    if value is None or len(value) != 10:
        return None
    return dt.date.fromisoformat(value)


def continues(a: Candidate, b: Candidate) -> bool:
    """A planned day one or two days after a held one of the same parties is the same round going on
    ("Второе заседание запланировано на 24 января" after the first on the 23rd)."""
    statuses = {a.status, b.status}
    if statuses != {MeetingStatus.HELD, MeetingStatus.PLANNED}:
        return False
    held, planned = (a, b) if a.status == MeetingStatus.HELD else (b, a)
    if planned.again or planned.next_one and not held.day_of:
        return False  # "новая встреча пройдет 5 декабря" after one held on the 4th: another meeting
    first, later = _day(held.date), _day(planned.date)
    return first is not None and later is not None and (later - first).days == 1 \
        and _persons(planned.parties) <= _persons(held.parties) \
        and places_agree(a, b) and parties_agree(a.parties, b.parties)


def _unnamed_counterpart(a: Candidate, b: Candidate) -> bool:
    """"Ушаков … перед переговорами с США в Кремле" and "Путин провел в Кремле встречу с Уиткоффом":
    other people, but one side unnamed in one of them and the same place or day in both."""
    unnamed = any(not p.is_person for p in a.parties) or any(not p.is_person for p in b.parties)
    anchor = (a.place is not None and a.place == b.place) or (a.date is not None and a.date == b.date)
    sides_a = {p.side or p.key for p in a.parties}
    sides_b = {p.side or p.key for p in b.parties}
    return unnamed and anchor and sides_a == sides_b


def kinds_agree(a: Candidate, b: Candidate) -> bool:
    """A call and a face-to-face meeting are one only when told with the very same parties
    ("телефонный разговор Трампа с Путиным" and "переговоры Трампа с Путиным")."""
    if a.kind == b.kind or "call" not in (a.kind, b.kind):
        return True
    return {p.key for p in a.parties} == {p.key for p in b.parties}


def ordinals_agree(a: Candidate, b: Candidate) -> bool:
    """"Первый раунд" and "второй раунд" are two rounds, whatever else they share."""
    return a.ordinal is None or b.ordinal is None or a.ordinal == b.ordinal


def _named(party: Party) -> bool:
    """A person the words name ("Уиткоффа"), not one read from an office or a country ("лидер России")."""
    mention = party.mention
    return mention is not None and any(word[:4].lower() == mention.text[:4].lower() for word in mention.name.split())


def _other_envoys(a: Candidate, b: Candidate) -> bool:
    """"Путин–Трамп" and "Путин–Уиткофф", each told in words of its own: one person a side in both,
    one of them shared, and the other side's person another."""
    if a.borrowed or b.borrowed:
        return False
    by_a, by_b = _people_by_side(a.parties), _people_by_side(b.parties)
    pa, pb = _persons(a.parties), _persons(b.parties)
    if not (pa & pb) or len(pa) != len(by_a) or len(pb) != len(by_b):
        return False
    # people read from an office ("лидеры России и США") may stand for whoever leads the talks; the one
    # shared ("глава РФ") may be read from his office
    differing = {side for side in set(by_a) & set(by_b) if not by_a[side] & by_b[side]}
    return bool(differing) and all(_named(p) for p in a.parties + b.parties if p.is_person and p.side in differing)


def same_meeting(a: Candidate, b: Candidate) -> bool:
    if not kinds_agree(a, b) or not ordinals_agree(a, b) or a.series != b.series or _other_envoys(a, b):
        return False
    if continues(a, b):
        return True
    if _unnamed_counterpart(a, b) and statuses_agree(a, b) and candidate_dates_agree(a, b) and places_agree(a, b):
        return True
    if (a.borrowed or b.borrowed) and not (a.status == b.status or not a.status_explicit and a.borrowed
                                           or not b.status_explicit and b.borrowed):
        return False  # "the next round", "the leaders agreed to meet": another meeting of the same parties
    return (statuses_agree(a, b) and candidate_dates_agree(a, b) and places_agree(a, b)
            and parties_agree(a.parties, b.parties))


def shares_a_person(group: Candidate, delegation: Candidate) -> bool:
    """"Кроме Рубио, в переговорах участвовали Уолтц и Уиткофф": one side's people, one of them
    already a party of the meeting told before, join it when nothing else disagrees."""
    return delegation.attending and group.evidence.start < delegation.evidence.start and bool(_persons(group.parties) & _persons(delegation.parties)) \
        and kinds_agree(group, delegation) and statuses_agree(group, delegation) \
        and candidate_dates_agree(group, delegation) and places_agree(group, delegation)


def candidate_dates_agree(a: Candidate, b: Candidate) -> bool:
    """A live report's publication day yields to a date word ("проводит встречи" + "прошла 24 ноября")."""
    return a.date_default or b.date_default or dates_agree(a.date, b.date)


def sides_of(candidate: Candidate) -> set[str | None]:
    return {p.side for p in candidate.parties}


def attach_delegations(groups: list[Candidate],
                       delegations: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """Mentions whose parties all stand for one side ("С американской стороны в переговорах участвуют
    Уиткофф и Кушнер") join the meeting where that side takes part; the rest (a call between two
    officials of one side) are returned to stand on their own."""
    groups = list(groups)
    left: list[Candidate] = []
    for delegation in delegations:
        side = next(iter(sides_of(delegation)))
        if side is None:
            left.append(delegation)
            continue
        # only a meeting where the side stands unnamed takes the delegation: "переговоры с США" + "С
        # американской стороны участвуют Уиткофф и Кушнер"
        people = {p.key for p in delegation.parties if p.is_person}
        fits = [k for k, g in enumerate(groups) if any(not p.is_person and p.key == side for p in g.parties)
                and not people <= {p.key for p in g.parties}
                and statuses_agree(g, delegation) and dates_agree(g.date, delegation.date)
                and places_agree(g, delegation)]
        before = [k for k in fits if groups[k].evidence.start <= delegation.evidence.start]
        # a meeting told only later does not take people who are already in another meeting
        known = any(people & _persons(g.parties) for g in groups)
        if (len(fits) == 1 and not known) or before:
            k = max(before, key=lambda j: groups[j].evidence.start) if before else fits[0]
            groups[k] = combine(groups[k], delegation)
        else:
            left.append(delegation)
    return groups, left


def _more_specific(a: Candidate, b: Candidate) -> tuple[str | None, Place | None]:
    if a.place is None:
        return b.place, b.place_entry
    if b.place is None:
        return a.place, a.place_entry
    rank_a = a.place_entry.rank if a.place_entry else 1
    rank_b = b.place_entry.rank if b.place_entry else 1
    return (b.place, b.place_entry) if rank_b < rank_a else (a.place, a.place_entry)


def combine(a: Candidate, b: Candidate) -> Candidate:
    if continues(a, b):
        held, other = (a, b) if a.status == MeetingStatus.HELD else (b, a)
        return replace(combine(replace(held, status_explicit=True), replace(other, date=held.date, date_end=held.date_end)),
                       evidence=a.evidence)
    parties = list(a.parties)
    keys = {p.key for p in parties}
    for party in b.parties:
        if party.key not in keys:
            parties.append(party)
            keys.add(party.key)
    place, entry = _more_specific(a, b)
    if a.date is None or (b.date is not None and (len(b.date) > len(a.date)
                                                  or a.date_default and not b.date_default)):
        date, precision, default, date_end = b.date, b.precision, b.date_default, b.date_end
    else:
        date, precision, default, date_end = a.date, a.precision, a.date_default, a.date_end
    if date_end is None and a.date == b.date:
        date_end = a.date_end or b.date_end
    if a.evidence.background == b.evidence.background:
        evidence = a.evidence if a.evidence.start <= b.evidence.start else b.evidence
    else:
        evidence = b.evidence if a.evidence.background else a.evidence
    status, explicit = (a.status, a.status_explicit) if a.status_explicit or not b.status_explicit \
        else (b.status, b.status_explicit)
    return replace(a, parties=tuple(parties), place=place, place_entry=entry, date=date, precision=precision,
                   date_end=date_end, evidence=evidence, status=status,
                   status_explicit=explicit, date_default=default, attending=a.attending and b.attending,
                   headline=a.headline or b.headline, again=a.again or b.again, next_one=a.next_one or b.next_one, day_of=a.day_of or b.day_of,
                   ordinal=a.ordinal if a.ordinal is not None else b.ordinal, series=a.series and b.series)


def places_nest(a: Candidate, b: Candidate) -> bool:
    """The same place, or places of different sizes in one country ("Майами" and "Флорида", "дворец
    Чираган" and "Стамбул"), or one not said; two cities are two places."""
    if a.place is None or b.place is None or a.place == b.place:
        return True
    ea, eb = a.place_entry, b.place_entry
    return bool(ea and eb and ea.rank != eb.rank and ea.country == eb.country)


def fill_from_orphans(groups: list[Candidate], orphans: list[Candidate]) -> list[Candidate]:
    """Details from mentions that name fewer than two parties ("встреча прошла в Абу-Даби 24 ноября"):
    given to the one meeting they fit, when exactly one does."""
    groups = list(groups)
    for orphan in orphans:
        if orphan.date is None and orphan.place is None:
            continue
        keys = {p.key for p in orphan.parties}
        fits = [k for k, g in enumerate(groups)
                if statuses_agree(g, orphan) and candidate_dates_agree(g, orphan) and places_nest(g, orphan)
                and (g.kind == orphan.kind or "call" not in (g.kind, orphan.kind))
                and (keys <= expanded(g.parties) if keys else orphan.place is not None)]
        if not keys and orphan.place is None:
            # "Умеров встретится с Уиткоффом. Встреча состоится 26 февраля.": the meeting just told
            before = [k for k, g in enumerate(groups) if g.evidence.stop <= orphan.evidence.start]
            last = max(before, key=lambda k: groups[k].evidence.stop, default=None)
            fits = [last] if last is not None \
                and statuses_agree(groups[last], orphan) and candidate_dates_agree(groups[last], orphan) \
                and (groups[last].kind == orphan.kind or "call" not in (groups[last].kind, orphan.kind)) \
                and orphan.date and not orphan.date_default else []
        if len(fits) > 1 and orphan.status == MeetingStatus.HELD:
            # "Подробностей о московских переговорах мало": a held meeting told of again is one told before
            fits = [k for k in fits if groups[k].evidence.stop <= orphan.evidence.start] or fits
        if len(fits) != 1:
            continue
        k = fits[0]
        group = groups[k]
        place, entry = _more_specific(group, orphan)
        keep = group.date and not (group.date_default and orphan.date and not orphan.date_default)
        date, precision, default, date_end = (group.date, group.precision, group.date_default, group.date_end) \
            if keep else (orphan.date, orphan.precision, orphan.date_default, orphan.date_end)
        groups[k] = replace(group, place=place, place_entry=entry, date=date, precision=precision,
                            date_default=default, date_end=date_end)
    return groups


def join_counterparts(groups: list[Candidate]) -> list[Candidate]:
    """Meetings told once with a side unnamed and once with its people named, same place or day; and a
    round's next day, once details told apart have dated it."""
    out: list[Candidate] = []
    for group in groups:
        for k, kept in enumerate(out):
            if continues(kept, group) or _unnamed_counterpart(kept, group) and statuses_agree(kept, group) \
                    and dates_agree(kept.date, group.date) and places_agree(kept, group):
                out[k] = combine(kept, group)
                break
        else:
            out.append(group)
    return out


def _agreement_key(candidate: Candidate) -> tuple:
    """What ``parties_agree`` and ``_unnamed_counterpart`` read of a group's member."""
    return (frozenset((p.key, p.side, p.is_person) for p in candidate.parties), candidate.place, candidate.date)


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """Mentions join the first meeting whose every mention's parties agree with theirs, so that a loose
    mention ("Переговоры России и Украины", a rubric) does not chain two meetings together."""
    groups: list[Candidate] = []
    # per group, one member for each distinct (parties, place, date): all the agreement test below reads
    # of a member, so a long text repeating one meeting costs linear time, not quadratic
    members: list[dict[tuple, Candidate]] = []
    # mentions whose status the words say go first; a default status then joins a meeting of the same
    # status when there is one ("Разговор Путина и Трампа" in a headline is the held call, not the planned one)
    ordered = [c for c in candidates if c.status_explicit] + [c for c in candidates if not c.status_explicit]
    for candidate in ordered:
        fits = [k for k, group in enumerate(groups)
                if not (candidate.fresh and group.evidence.start < candidate.evidence.start)
                and not (group.fresh and candidate.evidence.start < group.evidence.start)
                and same_meeting(group, candidate) and all(parties_agree(m.parties, candidate.parties)
                                                          or _unnamed_counterpart(m, candidate)
                                                          for m in members[k].values())]
        same_status = [k for k in fits if groups[k].status == candidate.status]
        if fits:
            k = (same_status or fits)[0]
            groups[k] = combine(groups[k], candidate)
            members[k].setdefault(_agreement_key(candidate), candidate)
        else:
            groups.append(candidate)
            members.append({_agreement_key(candidate): candidate})
    return sorted(groups, key=lambda g: g.evidence.start)


def _visitor_stays(visit: Candidate, group: Candidate) -> bool:
    """"Келлогг прибыл в Киев" and, the next day, "Зеленский встретился с Келлоггом": a held meeting the
    day after a visit, with the visitor, happens where the visit is, unless a place is said."""
    visitors = _persons(visit.parties)
    return group.status == MeetingStatus.HELD and len(visit.parties) == 2 and len(visitors) == 1 \
        and visitors <= _persons(group.parties) and any(not p.is_person for p in visit.parties)


def place_of_the_day_before(groups: list[Candidate]) -> list[Candidate]:
    """"Он планирует встретиться с ними еще раз во вторник": a meeting of the same parties told again for the
    day after one held somewhere is held in the same place, unless a place is said."""
    out = list(groups)
    for k, group in enumerate(groups):
        day = _day(group.date)
        if group.place is not None or day is None:
            continue
        before = [g for g in groups if g is not group and g.place is not None and g.status == MeetingStatus.HELD
                  and _day(g.date) is not None and (day - _day(g.date)).days == 1
                  and (group.borrowed and expanded(g.parties) == expanded(group.parties)
                       or _visitor_stays(g, group))]
        if len({g.place for g in before}) == 1:
            out[k] = replace(group, place=before[0].place, place_entry=before[0].place_entry)
    return out
