"""One reader per input format; each turns a file's bytes into raw articles or per-item problems.

A reader never raises for bad content: it yields ``Problem`` for a broken
JSONL line, a page without article text or a feed that does not parse.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html

from parley.ingest.dates import parse_iso_date, parse_printed_date
from parley.ingest.encoding import UndecodableError, decode
from parley.ingest.files import Candidate
from parley.records import LedgerStatus

JSONL_FIELDS = ("doc_id", "text", "published", "url", "title", "outlet")  # the only fields read: never annotations
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as its input gave it, before cleaning."""

    source: str
    doc_id: str
    text: str
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    note: str = ""  # a field of the input that was not usable and was left out (shown in the ledger)
    outlet: str | None = None  # the name the input gives its publisher: og:site_name, the feed's title


@dataclass(frozen=True, slots=True)
class Problem:
    """An input item that yields no article, and why."""

    source: str
    status: LedgerStatus
    reason: str


Item = RawArticle | Problem


def read_candidate(candidate: Candidate) -> Iterator[Item]:
    """Everything in one accepted file, through the reader for its kind."""
    try:
        data = candidate.path.read_bytes()
    except OSError as error:
        yield Problem(candidate.source, LedgerStatus.FAILED, f"cannot read: {error.strerror or error}")
        return
    yield from READERS[candidate.kind](candidate, data)


def read_text_file(candidate: Candidate, data: bytes) -> Iterator[Item]:
    try:
        text = decode(data).text
    except UndecodableError as error:
        yield Problem(candidate.source, LedgerStatus.FAILED, str(error))
        return
    yield RawArticle(candidate.source, candidate.name, text)


def read_jsonl(candidate: Candidate, data: bytes) -> Iterator[Item]:
    """One item per non-blank line; a broken line fails alone, with its number."""
    try:
        text = decode(data).text
    except UndecodableError as error:
        yield Problem(candidate.source, LedgerStatus.FAILED, str(error))
        return
    lines = 0
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        lines += 1
        source = f"{candidate.source}:{number}"
        try:
            yield _jsonl_item(source, number, line, candidate.name)
        except Exception as error:  # whatever one line holds, it fails alone and the next lines are read
            yield Problem(source, LedgerStatus.FAILED, f"line {number}: could not be read: {type(error).__name__}")
    if lines == 0:
        yield Problem(candidate.source, LedgerStatus.SKIPPED, "no JSON lines in the file")


def _jsonl_item(source: str, number: int, line: str, name: str) -> Item:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return Problem(source, LedgerStatus.FAILED, f"line {number}: broken JSON ({error.msg}, column {error.colno})")
    except RecursionError:
        return Problem(source, LedgerStatus.FAILED, f"line {number}: JSON nested too deep to read")
    except ValueError as error:  # numbers too long to convert, and the like
        return Problem(source, LedgerStatus.FAILED, f"line {number}: unreadable JSON ({error})")
    if not isinstance(row, dict):
        return Problem(source, LedgerStatus.FAILED, f"line {number}: a JSON object was expected, got {type(row).__name__}")
    row = {key: row.get(key) for key in JSONL_FIELDS}
    if row["text"] is not None and not isinstance(row["text"], str):
        return Problem(source, LedgerStatus.FAILED, f"line {number}: field 'text' is not a string")
    if not (row["text"] or "").strip():
        return Problem(source, LedgerStatus.SKIPPED, f"line {number}: no text")
    doc_id = row["doc_id"]
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, str | int)):
        return Problem(source, LedgerStatus.FAILED,
                       f"line {number}: field 'doc_id' is not a string or a number (got {type(doc_id).__name__})")
    doc_id = str(doc_id).strip() if doc_id is not None else ""
    published, notes = _published_field(row["published"]), []
    if published is None and row["published"] not in (None, ""):
        notes.append(f"'published' {_shown(row['published'])} is not a date: left out")
    for key in ("url", "title", "outlet"):
        if row[key] is not None and not isinstance(row[key], str):
            notes.append(f"'{key}' is not a string: left out")
    return RawArticle(source, doc_id or f"{name}:{number}", row["text"], published,
                      _text_field(row["url"]), _text_field(row["title"]), "; ".join(notes),
                      outlet=_text_field(row["outlet"]))


def _published_field(value: object) -> dt.date | None:
    """A JSONL ``published``: an ISO date or stamp, else a full date as Russian pages print it."""
    if not isinstance(value, str):
        return None
    return parse_iso_date(value) or parse_printed_date(value)


def _text_field(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _shown(value: object, width: int = 40) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def read_html(candidate: Candidate, data: bytes) -> Iterator[Item]:
    """The page's main text by trafilatura, with its title and date when the page gives them."""
    import trafilatura  # slow to import; only pages need it

    declared = _META_CHARSET.search(data[:4096])
    try:
        html = decode(data, declared.group(1).decode("ascii") if declared else None).text
    except UndecodableError as error:
        yield Problem(candidate.source, LedgerStatus.FAILED, str(error))
        return
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        yield Problem(candidate.source, LedgerStatus.SKIPPED, "no article text found in the page")
        return
    yield RawArticle(candidate.source, candidate.name, text, parse_iso_date(extracted.date),
                     _string(extracted.url), _string(extracted.title), outlet=_string(extracted.sitename))


def read_feed(candidate: Candidate, data: bytes) -> Iterator[Item]:
    """One article per RSS or Atom item."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.bozo:
            reason = f"not a readable RSS/Atom feed: {feed.get('bozo_exception')}"
            yield Problem(candidate.source, LedgerStatus.FAILED, reason)
        else:
            yield Problem(candidate.source, LedgerStatus.SKIPPED, "a feed without items")
        return
    for number, entry in enumerate(feed.entries, 1):
        source = f"{candidate.source}#{number}"
        body = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
        text = html_fragment_text(body)
        if not text.strip():
            yield Problem(source, LedgerStatus.SKIPPED, f"item {number}: no text")
            continue
        title = _string(entry.get("title"))
        if title and not text.startswith(title):
            text = f"{title}\n{text}"
        doc_id = _string(entry.get("id")) or _string(entry.get("link")) or f"{candidate.name}#{number}"
        yield RawArticle(source, doc_id, text, _feed_date(entry), _string(entry.get("link")), title,
                         outlet=_string(feed.feed.get("title")))


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per paragraph."""
    if "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _feed_date(entry) -> dt.date | None:
    """The item's own calendar date, as printed (not shifted to UTC)."""
    for key in ("published", "updated", "dc_date"):
        raw = entry.get(key)
        if not raw:
            continue
        parsed = parse_iso_date(raw)
        if parsed:
            return parsed
        try:
            return email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError):
            continue
    return None


def _string(value) -> str | None:
    return str(value).strip() or None if value not in (None, "") else None


READERS = {"text": read_text_file, "jsonl": read_jsonl, "html": read_html, "feed": read_feed}
