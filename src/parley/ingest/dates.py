"""Publication dates as news pages print them: "1 февраля 2026, 07:12", "4 грудня 2025", "25.01.2026", ISO stamps."""
from __future__ import annotations

import datetime as dt
import email.utils
import re

MONTHS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7,
    "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
    # Ukrainian: "4 грудня 2025"
    "січ": 1, "лют": 2, "бер": 3, "кві": 4, "тра": 5, "чер": 6, "лип": 7, "сер": 8, "вер": 9, "жов": 10,
    "лис": 11, "гру": 12,
}
MONTH_WORD = (r"(?:январ[ья]|феврал[ья]|март[а]?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|август[а]?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]|янв|фев|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек"
              r"|січ(?:ня|ень)|лют(?:ого|ий)|берез(?:ня|ень)|квіт(?:ня|ень)|травн[яь]|черв(?:ня|ень)|лип(?:ня|ень)"
              r"|серп(?:ня|ень)|верес(?:ня|ень)|жовт(?:ня|ень)|листопад[а]?|груд(?:ня|ень))\.?")
WEEKDAY = r"(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)"

DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({MONTH_WORD})(?:,?\s*((?:19|20)\d\d)(?!\d))?", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?!\d)")
ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?:T[\d:+\-.Z]*)?")
TIME = re.compile(r"(?<!\d)\d{1,2}:\d\d(?!\d)")


def parse_iso_date(value: object) -> dt.date | None:
    """A date from an ISO string ("2026-01-31", "2026-01-31T10:00:00+03:00"); None when it is not one."""
    match = ISO_DATE.match(str(value or "").strip())
    return _safe_date(match.group(1), match.group(2), match.group(3)) if match else None


def parse_printed_date(value: str) -> dt.date | None:
    """A whole value that is one full date as pages print it: "18.02.2025", "18 февраля 2025, 10:00"; else None."""
    value = value.strip()
    date = find_date(value)
    if date is None:
        try:
            return email.utils.parsedate_to_datetime(value).date()  # RFC 2822, as feeds write it
        except (TypeError, ValueError, IndexError):
            return None
    leftover = DAY_MONTH_YEAR.sub("", NUMERIC_DATE.sub("", value, count=1), count=1)
    return date if not re.search(r"[^\W\d_]", TIME.sub("", leftover).replace("г.", "")) else None


def find_date(text: str) -> dt.date | None:
    """The first full date (day, month and year) written in ``text``."""
    candidates = []
    for match in DAY_MONTH_YEAR.finditer(text):
        if match.group(3):
            month = MONTHS.get(match.group(2).lower()[:3])
            candidates.append((match.start(), _safe_date(match.group(3), month, match.group(1))))
    for match in NUMERIC_DATE.finditer(text):
        candidates.append((match.start(), _safe_date(match.group(3), match.group(2), match.group(1))))
    for match in ISO_DATE.finditer(text):
        candidates.append((match.start(), _safe_date(match.group(1), match.group(2), match.group(3))))
    dates = [date for _, date in sorted(candidates, key=lambda pair: pair[0]) if date]
    return dates[0] if dates else None


def _safe_date(year, month, day) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None
