"""Date expressions in a sentence, resolved against the publication date.

Entry point: ``find_dates(text, published, base=0)`` → :class:`DateMention` list,
each with its offsets, its ISO value (``YYYY-MM-DD`` or ``YYYY-MM``) and how it
was said. ``resolve_weekday`` turns "в четверг" into a day once the caller knows
whether the clause looks back or ahead.

Conventions (see docs/meetings.md): a range ("18–19 февраля", "23 и 24 января",
"в ночь с 27 на 28 января") is dated by its first day, and ``round_end`` gives its last day (also for
"во вторник и среду" and "переговоры продлятся два дня"); a day and month without a
year take the year that puts them nearest to the publication date; "до 1
февраля" is a deadline, not a date of the event; a weekend or "на прошлой
неделе" is recognised but left without a day (``value`` None), so that callers
do not fall back to the publication date; a time of day in a sentence with no
day word ("в 22:00 по Москве", "через час") is the publication day.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from parley.records import DatePrecision
from parley.lang import lexicon

RU = lexicon("ru")

MONTH_STEMS = RU.mapping("dates", "month_stems")
_MONTH_WORD = (r"(?P<month>январ[яеьюи]|янв\.?|феврал[яеьюи]|фев\.?|марта?|мар\.?|апрел[яеьюи]|апр\.?|ма[йяею]"
               r"|июн[яеьюи]|июл[яеьюи]|августа?|авг\.?|сентябр[яеьюи]|сент?\.?|октябр[яеьюи]|окт\.?"
               r"|ноябр[яеьюи]|нояб?\.?|декабр[яеьюи]|дек\.?)")
_MONTH_ALONE = (r"(?P<month>январ[еья]|феврал[еья]|март[еа]?|апрел[еья]|ма[ейя]|июн[еья]|июл[еья]|август[еа]?"
                r"|сентябр[еья]|октябр[еья]|ноябр[еья]|декабр[еья])")
_MONTH_ADJ = r"(?P<month>январск|февральск|мартовск|апрельск|майск|июньск|июльск|августовск|сентябрьск|октябрьск|ноябрьск|декабрьск)\w*"
_YEAR = r"(?:\s+(?P<year>20\d\d)(?:\s*(?:г\.|года|году|год))?)?"
_DASH = r"\s*[-–—]\s*"

DAY_MONTH = re.compile(
    r"(?<![\d.:])(?:в\s+ночь\s+с\s+(?P<night>\d{1,2})\s+на\s+)?(?P<day>\d{1,2})"
    r"(?:" + _DASH + r"(?P<day2>\d{1,2})|\s+и\s+(?P<day3>\d{1,2})|\s+по\s+(?P<day4>\d{1,2}))?\s+" + _MONTH_WORD
    + r"(?![а-яё])" + _YEAR,
    re.IGNORECASE,
)
# "30 января – 1 февраля", "с 30 января по 2 февраля": a round across the turn of a month.
ACROSS_MONTHS = re.compile(
    r"(?<![\d.:])(?P<day>\d{1,2})\s+" + _MONTH_WORD + r"(?![а-яё])(?:" + _DASH + r"|\s+по\s+)(?P<day2>\d{1,2})\s+"
    + _MONTH_WORD.replace("?P<month>", "?P<month2>") + r"(?![а-яё])" + _YEAR, re.IGNORECASE)
NUMERIC = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>20\d\d)(?![\d.]\d)")
MONTH_ONLY = re.compile(r"(?<![\d\w])(?:в|во|с|к|до|начале|конце|середине|течение)?\s*" + _MONTH_ALONE
                        + r"(?![а-яё])" + _YEAR, re.IGNORECASE)
SINCE = re.compile(r"с\s", re.IGNORECASE)
MONTH_ADJ = re.compile(r"(?<![\w])" + _MONTH_ADJ, re.IGNORECASE)
RELATIVE = re.compile(r"(?<![\w])(?P<word>позавчера|послезавтра|сегодня|сегодняшн\w*|вчера|вчерашн\w*|накануне"
                      r"|завтра|завтрашн\w*|только что)(?![\w])", re.IGNORECASE)
# "в 22:00 по московскому времени", "назначена на 19:15", "примерно через час": a time of day with no day word
# is today's.
CLOCK = re.compile(r"(?<![\w:.])(?:(?:в|к|около|с|на)\s+(?P<time>\d{1,2}:\d\d)(?![\d:])"
                   r"|через\s+(?:(?:полтора|пару|два|три|несколько)\s+)?(?P<hours>час(?:а|ов)?))(?![\w])",
                   re.IGNORECASE)
VAGUE = re.compile(r"(?<![\w])(?:(?:на|в)\s+(?:минувш\w+\s+|прошл\w+\s+|эти\s+|ближайш\w+\s+)?выходн\w+"
                   r"|на\s+(?:прошлой|этой|следующей|будущей)\s+неделе|в\s+ближайшие\s+(?:дни|недели)|на\s+днях"
                   r"|в\s+(?:течение\s+)?(?:последних|ближайших)\s+(?:\w+\s+)?(?:дней|недель))(?![\w])",
                   re.IGNORECASE)
# "переговоры продлятся два дня", "двухдневный раунд": how many days a round lasts. A span counted from
# or to something else ("через два дня", "два дня назад", "за два дня до") is not the round's length.
DURATION_NOT_LENGTH_BEFORE = re.compile(r"(?:\bчерез|\bспустя|\bза|\bна\s+протяжении\s+последних)\s+$", re.IGNORECASE)
DURATION_NOT_LENGTH_AFTER = re.compile(r"^\s+(?:назад|спустя|до|после|тому)(?![\w])", re.IGNORECASE)
DEADLINE_BEFORE = re.compile(r"(?:\bдо|\bк|\bпо)\s+(?:конца\s+|начала\s+|середины\s+)?$", re.IGNORECASE)

RELATIVE_SHIFT = RU.mapping("dates", "relative_day_shift")
WEEKDAYS = RU.mapping("dates", "weekdays")
WEEKDAYS_SINCE = RU.mapping("dates", "weekdays_since")
MONTH_SHIFT = RU.mapping("dates", "relative_month_shift")
WEEKDAY_SHIFT = RU.mapping("dates", "weekday_shift")
DURATION_DAYS = RU.mapping("dates", "round_length")


def _alternatives(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


WEEKDAY = re.compile(rf"(?<![\w])(?:в|во|на)\s+(?:(?P<shift>{_alternatives(WEEKDAY_SHIFT)})\s+)?"
                     rf"(?P<weekday>{_alternatives(WEEKDAYS)})"
                     rf"(?:\s+и\s+(?:(?:в|во)\s+)?(?P<weekday2>{_alternatives(WEEKDAYS)}))?"
                     r"(?P<this_week>\s+на\s+этой\s+неделе)?(?![\w])", re.IGNORECASE)
# "уже с воскресенья": the day a round starts.
WEEKDAY_SINCE = re.compile(rf"(?<![\w])(?:с|со)\s+(?P<weekday>{_alternatives(WEEKDAYS_SINCE)})(?![\w])", re.IGNORECASE)
# "переговоры продлятся два дня", "двухдневный раунд": how many days a round lasts.
DURATION = re.compile(rf"(?<![\w-])(?:(?P<count>{_alternatives(k for k in DURATION_DAYS if not k.endswith('-'))})"
                      r"\s+(?:дня|дней|суток)(?![\w])"
                      rf"|(?P<prefix>{_alternatives(DURATION_DAYS)})\s*(?:дневн|суточн)\w*)", re.IGNORECASE)
# "в этом месяце", "в следующем месяце": the month counted from the publication date.
MONTH_RELATIVE = re.compile(rf"(?<![\w])(?:в|на|до\s+конца)\s+(?P<which>{_alternatives(MONTH_SHIFT)})\s+месяце(?![\w])",
                            re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    stop: int
    value: str | None  # YYYY-MM-DD, YYYY-MM, or None when said but not resolvable to a day or month
    precision: DatePrecision
    kind: str  # absolute | relative | weekday | month | vague | stamp (the page's own date line)
    weekday: int | None = None  # for kind == "weekday": resolved later with the clause's tense
    deadline: bool = False  # "до 1 февраля": a limit, not the date of the event
    end: str | None = None  # the last day of a range ("17–18 февраля", "во вторник и среду"), YYYY-MM-DD
    weekday_end: int | None = None  # "во вторник и среду": the second weekday, resolved with the first


def month_number(word: str) -> int | None:
    low = word.lower().rstrip(".")
    for size in (7, 6, 5, 4, 3, 2):
        if low[:size] in MONTH_STEMS:
            return MONTH_STEMS[low[:size]]
    return None


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def nearest_year(month: int, day: int, published: dt.date) -> int:
    """The year that puts day.month closest to the publication date."""
    best = published.year
    best_gap = None
    for year in (published.year - 1, published.year, published.year + 1):
        if not valid_day(year, month, day):
            continue
        gap = abs((dt.date(year, month, day) - published).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def nearest_month_year(month: int, published: dt.date) -> int:
    gaps = {year: abs((year - published.year) * 12 + month - published.month)
            for year in (published.year - 1, published.year, published.year + 1)}
    return min(gaps, key=gaps.get)


def resolve_weekday(weekday: int, published: dt.date, future: bool) -> dt.date:
    """"в четверг": the coming one when the clause looks ahead, else the last one (today counts for both)."""
    delta = (weekday - published.weekday()) % 7
    if future:
        return published + dt.timedelta(days=delta)
    return published - dt.timedelta(days=(7 - delta) % 7)


_DIGIT = re.compile(r"\d")


def _says_any(low: str, words) -> bool:
    return any(word in low for word in words)


def find_dates(text: str, published: dt.date | None, base: int = 0) -> list[DateMention]:
    """Every date expression in ``text`` (offsets shifted by ``base``), left to right.

    A pattern whose every match is read through a table (a month by its stem, a weekday, a relative
    day or month) is tried only when the text has one of that table's words: most sentences have none,
    and trying a pattern costs more than looking for a few words."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    months = _says_any(low, MONTH_STEMS)

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def add(match: re.Match, value: str | None, precision: DatePrecision, kind: str, weekday: int | None = None,
            end: str | None = None, weekday_end: int | None = None, group: int | str = 0):
        a, b = match.span(group)
        if not free(a, b):
            return
        taken.append((a, b))
        deadline = bool(DEADLINE_BEFORE.search(text[max(0, a - 20):a])) and kind in ("absolute", "month")
        found.append(DateMention(base + a, base + b, value, precision, kind, weekday, deadline, end, weekday_end))

    for m in NUMERIC.finditer(text) if _DIGIT.search(text) else ():
        day, month, year = int(m["day"]), int(m["month"]), int(m["year"])
        if valid_day(year, month, day):
            # "Заголовок - 25.01.2026, ПРАЙМ": a numeric publication date is the page's stamp
            kind = "stamp" if published == dt.date(year, month, day) else "absolute"
            add(m, f"{year:04d}-{month:02d}-{day:02d}", DatePrecision.DAY, kind)
    for m in ACROSS_MONTHS.finditer(text) if months else ():
        first, last = month_number(m["month"]), month_number(m["month2"])
        if first is None or last is None or (published is None and not m["year"]):
            continue
        day, day2 = int(m["day"]), int(m["day2"])
        year = int(m["year"]) if m["year"] else nearest_year(first, day, published)
        year2 = year + 1 if last < first else year
        if valid_day(year, first, day) and valid_day(year2, last, day2) and (year2, last) > (year, first):
            add(m, f"{year:04d}-{first:02d}-{day:02d}", DatePrecision.DAY, "absolute",
                end=f"{year2:04d}-{last:02d}-{day2:02d}")
    for m in DAY_MONTH.finditer(text) if months else ():
        month = month_number(m["month"])
        day = int(m["night"] or m["day"])
        if month is None:
            continue
        if m["year"]:
            year = int(m["year"])
        elif published is not None:
            year = nearest_year(month, day, published)
        else:
            add(m, None, DatePrecision.UNKNOWN, "absolute")
            continue
        if valid_day(year, month, day):
            add(m, f"{year:04d}-{month:02d}-{day:02d}", DatePrecision.DAY, "absolute",
                end=_last_day(year, month, day, m["day2"] or m["day3"] or m["day4"]))
        else:
            taken.append(m.span())  # "31 февраля": not a date, and not a bare month either
    if published is not None:
        for m in RELATIVE.finditer(text) if _says_any(low, RELATIVE_SHIFT) else ():
            word = m["word"].lower()
            shift = next(RELATIVE_SHIFT[key] for key in sorted(RELATIVE_SHIFT, key=len, reverse=True)
                         if word.startswith(key))
            day = published + dt.timedelta(days=shift)
            add(m, day.isoformat(), DatePrecision.DAY, "relative")
        for m in WEEKDAY.finditer(text) if _says_any(low, WEEKDAYS) else ():
            if any(d.kind == "absolute" and 0 <= d.start - base - m.end() <= 3 for d in found):
                continue  # "в четверг, 5 февраля": the date says it
            second = WEEKDAYS[m["weekday2"].lower()] if m["weekday2"] else None
            weekday = WEEKDAYS[m["weekday"].lower()]
            shift = WEEKDAY_SHIFT.get((m["shift"] or "").lower(), 0)
            if shift:  # "в прошлую пятницу", "в следующий вторник": the words say which one, not the tense
                day = resolve_weekday(weekday, published + dt.timedelta(days=shift), future=shift > 0)
                add(m, day.isoformat(), DatePrecision.DAY, "relative")
                continue
            add(m, None, DatePrecision.DAY, "weekday", weekday, weekday_end=second)
        for m in WEEKDAY_SINCE.finditer(text) if _says_any(low, WEEKDAYS_SINCE) else ():
            if not any(d.kind == "absolute" and 0 <= d.start - base - m.end() <= 3 for d in found):
                add(m, None, DatePrecision.DAY, "weekday", WEEKDAYS_SINCE[m["weekday"].lower()])
    for m in VAGUE.finditer(text):
        add(m, None, DatePrecision.UNKNOWN, "vague")
    if published is not None:
        for m in MONTH_RELATIVE.finditer(text) if _says_any(low, MONTH_SHIFT) else ():
            index = published.year * 12 + published.month - 1 + MONTH_SHIFT[m["which"].lower()]
            add(m, f"{index // 12:04d}-{index % 12 + 1:02d}", DatePrecision.MONTH, "month")
    for pattern in (MONTH_ONLY, MONTH_ADJ) if months else ():
        for m in pattern.finditer(text):
            month = month_number(m["month"])
            if month is None:
                continue
            if SINCE.match(m.group(0)):
                add(m, None, DatePrecision.UNKNOWN, "vague")  # "с января": a period's start, no meeting's day
                continue
            year_text = m.groupdict().get("year")
            if year_text:
                year = int(year_text)
            elif published is not None:
                year = nearest_month_year(month, published)
            else:
                add(m, None, DatePrecision.UNKNOWN, "month")
                continue
            add(m, f"{year:04d}-{month:02d}", DatePrecision.MONTH, "month")
    # a clock time is the publication day's only when no other date word, vague or monthly, is in the sentence
    if published is not None and not any(d.kind != "stamp" for d in found):
        for m in CLOCK.finditer(text):
            add(m, published.isoformat(), DatePrecision.DAY, "relative", group="time" if m["time"] else "hours")
    found.sort(key=lambda d: d.start)
    return found


def _last_day(year: int, month: int, first: int, last: str | None) -> str | None:
    """"17–18 февраля", "23 и 24 января": the range's last day, when it is a later day of that month."""
    if not last or int(last) <= first or not valid_day(year, month, int(last)):
        return None
    return f"{year:04d}-{month:02d}-{int(last):02d}"


def with_weekday(mention: DateMention, published: dt.date | None, future: bool) -> DateMention:
    """The mention with its day filled in, when it is a weekday and the tense is known."""
    if mention.kind != "weekday" or mention.weekday is None or published is None:
        return mention
    day = resolve_weekday(mention.weekday, published, future)
    end = None
    if mention.weekday_end is not None and mention.weekday_end != mention.weekday:
        end = (day + dt.timedelta(days=(mention.weekday_end - mention.weekday) % 7)).isoformat()
    return DateMention(mention.start, mention.stop, day.isoformat(), DatePrecision.DAY, "weekday",
                       mention.weekday, mention.deadline, end, mention.weekday_end)


def round_end(text: str, mention: DateMention) -> str | None:
    """The last day of the round a dated mention starts: the range it says itself ("17–18 февраля",
    "во вторник и среду"), or its first day plus the length ``text`` gives ("продлятся два дня",
    "двухдневные переговоры"). None for a single day, a month, or an unresolved date."""
    if mention.end:
        return mention.end
    if mention.precision != DatePrecision.DAY or not mention.value or len(mention.value) != 10:
        return None
    days = round_length(text)
    if days is None:
        return None
    return (dt.date.fromisoformat(mention.value) + dt.timedelta(days=days - 1)).isoformat()


def round_length(text: str) -> int | None:
    """How many days ``text`` says a round lasts ("два дня", "трехдневный"), or None."""
    for m in DURATION.finditer(text):
        if DURATION_NOT_LENGTH_BEFORE.search(text[max(0, m.start() - 40):m.start()]) \
                or DURATION_NOT_LENGTH_AFTER.match(text[m.end():m.end() + 12]):
            continue
        return DURATION_DAYS[(m["count"] or m["prefix"]).lower()]
    return None
