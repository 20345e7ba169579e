"""Page furniture out, header metadata in: the text that becomes ``Document.text``.

News pages arrive with a ` date YYYY-MM-DD` line, datelines ("1 февраля 2026,
07:12"), bylines, agency datelines ("МОСКВА, 18 фев — РИА Новости."), photo
credits, menus and tag clouds around the article. ``clean_text`` works line by
line and is conservative: a line that could be a sentence of the article
stays; only its credit or dateline prefix is cut.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parley.ingest.dates import DAY_MONTH_YEAR, ISO_DATE, NUMERIC_DATE, TIME, WEEKDAY, find_date

LEADING_DATE_LINE = re.compile(r"\A\s*date\s+((?:19|20)\d\d-\d\d-\d\d)[ \t]*")

# Whole lines that are site furniture, compared lowercased without a trailing ":" or ",".
FURNITURE_LINES = frozenset(line.strip() for line in """
    реклама|сюжет|смотреть сюжет|видео по теме|видео дня|читайте также|читать также|может быть интересно
    |узнать больше по теме|подписывайтесь на нас в telegram|распечатать|размер шрифта|перейти к основному контенту
    |материал дополняется|новость дополняется|свежие комментарии|добавить комментарий|комментарии|рейтинг@mail.ru
    |редакция сайта тасс|наверх|поделиться|dmca|more|close|true|false|image|background|avatar|branding image
    |branding imagebranding image|×|-|—|главное|основные тезисы|события|расписание эфира на сегодня
    |тсн в социальных сетях|дата публикации|- дата публикации|источник|новости|последние новости|все новости
    |главная|меню|поиск|войти|подписаться|читать полностью|подробнее|video|видео|фото""".replace("\n", "").split("|"))
LANGUAGE_SWITCH = re.compile(r"^(?:(?:ua|uk|ru|en|eng|укр|рус|ру|англ)[ ,/|]*)+$", re.IGNORECASE)
ONLY_NUMBERS = re.compile(r"^[\d\s.,:%+\-–—]+$")
BYLINE = re.compile(r"^(?:автор|авторы|текст|tекст|редактор|подготовил[аи]?|источник|источник и фото)\s*[:\-–—]\s*\S.{0,60}$",
                    re.IGNORECASE)
AGENCY_DATELINE = re.compile(
    r"^(?P<city>[А-ЯЁ][А-ЯЁ.\-]+(?:[ \-][А-ЯЁ][А-ЯЁ.\-]*){0,2}),\s+\d{1,2}\s+[а-яё]{3,9}\.?(?:\s+(?:19|20)\d\d)?"
    r"(?:\s*[—–-]\s*(?P<agency>[^.\n]{2,40}?)\.|\.\s*/(?P<agency2>[^/\n]{2,30})/\.?)(?:\s+|$)"
)
AGENCY_CREDIT = re.compile(
    r"^[-–—]?\s*(?:[А-ЯЁA-Z][\w.\-]+\s+[А-ЯЁA-Z][\w.\-]+\s*/\s*)?(?:РИА Новости|ТАСС|Интерфакс|ПРАЙМ|Reuters|AP|AFP|EPA"
    r"|Getty ?Images|Gettyimages\.ru|Sputnik|Спутник|Global Look Press|Scanpix|LETA|Коммерсантъ|РБК|Ведомости|REUTERS)"
    r"(?:\s*/\s*[\w. \-]+)*\.?$"
)
PHOTO_CREDIT = re.compile(
    r"\(\s*[Фф]ото\b|(?:^|\s)/\s*(?:[Фф]ото|©)|\b[Фф]ото(?:,\s*видео)?\s*:|\b[Фф]ото из открытых источников|©|Архивное фото"
    r"|\b(?:Видео|Изображение|Коллаж)\s*[:©]|Обложка\s*©"
)
CREDIT_ONLY = re.compile(r"^[^.!?«»\"]{0,60}/\s*[^.!?«»\"]{0,40}$")
DATED_ECHO = re.compile(r"^.{3,250}?\s[-–—]\s(?:[^.!?]{0,40},\s)?(?:\d{3,4},\s)?\d{1,2}\.\d{2}\.(?:19|20)\d\d(?:,\s*[^.!?]{0,30})?$")
SENTENCE_MARKS = re.compile(r"[.!?…«»\"“”]")
_DATELINE_TOKENS = re.compile(
    rf"{DAY_MONTH_YEAR.pattern}|{NUMERIC_DATE.pattern}|{ISO_DATE.pattern}|{TIME.pattern}|\b{WEEKDAY}\b"
    r"|\b(?:сегодня|вчера|обновлено|в|г\.|года)\b|[(),\-–—:]",
    re.IGNORECASE,
)
_HAS_DATE_OR_TIME = re.compile(rf"{DAY_MONTH_YEAR.pattern}|{NUMERIC_DATE.pattern}|{ISO_DATE.pattern}|{TIME.pattern}",
                               re.IGNORECASE)
HEAD_LINES = 15
# A headline glued to its subtitle or a menu glued into one word ("до 1 февраляТрамп лично…",
# "ПолитикаЭкономикаОбщество"): a small letter run straight into a capitalised word.
GLUED_LINES = re.compile(r"(?<=[а-яё]{3})(?=[А-ЯЁ][а-яё])")


@dataclass(frozen=True, slots=True)
class CleanedText:
    text: str
    published: dt.date | None = None  # from the ` date` line or a dateline near the top
    title: str | None = None  # the headline, when the text opens with one


def clean_text(raw: str) -> CleanedText:
    """Drop page furniture, lift the header's date into metadata; the article's sentences stay as written."""
    published = None
    leading = LEADING_DATE_LINE.match(raw)
    if leading:
        published = find_date(leading.group(1))
        raw = raw[leading.end():]
    raw = GLUED_LINES.sub("\n", raw.replace("\r\n", "\n").replace("\r", "\n"))
    kept: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(raw.split("\n")):
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        if is_dateline(stripped):
            if published is None and number < HEAD_LINES:
                published = find_date(stripped)
            continue
        cleaned = clean_line(stripped)
        if not cleaned:
            continue
        key = " ".join(cleaned.split()).lower()
        if key in seen and len(key) <= 300:
            continue  # a repeated headline or caption
        seen.add(key)
        kept.append(cleaned)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return CleanedText(text=text, published=published, title=_headline(text))


def clean_line(line: str) -> str:
    """The line without furniture: "" when nothing of the article is in it."""
    if is_furniture(line):
        return ""
    if len(line) <= 300 and PHOTO_CREDIT.search(line):
        return _caption_text(line)
    if CREDIT_ONLY.match(line) and any(AGENCY_CREDIT.match(part.strip()) for part in line.split("/")):
        return ""
    dateline = AGENCY_DATELINE.match(line)
    if dateline:
        return line[dateline.end():].strip()
    return line


def is_furniture(line: str) -> bool:
    lowered = line.lower().rstrip(":,")
    if lowered in FURNITURE_LINES or LANGUAGE_SWITCH.match(line) or ONLY_NUMBERS.match(line):
        return True
    if BYLINE.match(line) or AGENCY_CREDIT.match(line) or DATED_ECHO.match(line):
        return True
    if len(line) > 200:
        return False  # menus, tags and credits are short; a long line is prose
    words = line.split()
    letters = [char for char in line if char.isalpha()]
    if len(words) <= 3 and len(letters) >= 2 and all(char.isupper() for char in letters) and not SENTENCE_MARKS.search(line):
        return True  # a menu item: "НОВОСТИ", "СТАМБУЛ"
    return _is_tag_line(line, words, letters)


def is_dateline(line: str) -> bool:
    """A line that only dates the page: "1 февраля 2026, 07:12", "Пятница, 28 ноября, 2025", "08:14 03.11.2025"."""
    if len(line) > 90 or not _HAS_DATE_OR_TIME.search(line):
        return False
    rest = _DATELINE_TOKENS.sub(" ", line)
    if SENTENCE_MARKS.search(rest):
        return False
    opens_with_date = line[0].isdigit() or line.startswith(("-", "—", "–")) or re.match(
        rf"(?i)(?:{WEEKDAY}|сегодня|обновлено|дата)", line)
    allowed = 0
    if TIME.search(line) or NUMERIC_DATE.search(line) or ISO_DATE.search(line):
        allowed = 3 if opens_with_date else 1  # a rubric or source beside a time stamp
    return len(rest.split()) <= allowed


def _is_tag_line(line: str, words: list[str], letters: list[str]) -> bool:
    """Lowercase tag clouds: "в мире", "сша", "дональд трамп, владимир путин, переговоры"."""
    if not letters or any(char.isupper() for char in letters) or re.search(r"[\d.!?:;«»\"()•·*]", line):
        return False
    if len(words) <= 5:
        return True
    items = [item.split() for item in line.split(",")]
    return len(items) >= 3 and all(1 <= len(item) <= 3 for item in items)


def _caption_text(line: str) -> str:
    """A photo line keeps the words before its credit when they say something (four words or more)."""
    match = PHOTO_CREDIT.search(line)
    before = line[: match.start()].rstrip(" /|-–—(").strip()
    return before if len(before.split()) >= 4 else ""


def _headline(text: str) -> str | None:
    """The first of the opening lines that reads as a headline: three words or more, no closing punctuation."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:3]:
        if len(line) > 200 or line.endswith((".", "!", "?", "…", ":", ",", "»", '"')):
            return None
        if len(line.split()) >= 3:
            return line if len(lines) > 1 else None
    return None
