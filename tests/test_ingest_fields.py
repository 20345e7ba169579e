"""JSONL fields that are present but unusable: a printed date is read, anything else is left out with a note."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from parley.ingest import read_inputs
from parley.ingest.dates import parse_printed_date
from parley.records import LedgerStatus

TEXT = "Лавров и Рубио провели переговоры в Эр-Рияде. Встреча продолжалась почти пять часов."


@pytest.mark.parametrize(("value", "expected"), [
    ("18.02.2025", dt.date(2025, 2, 18)),
    ("18 февраля 2025", dt.date(2025, 2, 18)),
    ("18 февраля 2025 г., 10:00", dt.date(2025, 2, 18)),
    ("Tue, 18 Feb 2025 10:00:00 +0300", dt.date(2025, 2, 18)),
    ("18 февраля", None),  # no year
    ("вчера", None),
    ("31.02.2025", None),
    ("в Москве 18.02.2025 прошла встреча", None),  # a sentence, not a date
])
def test_ingest_fields_printed_date(value, expected):
    assert parse_printed_date(value) == expected


@pytest.mark.parametrize(("published", "expected", "note"), [
    ("2025-02-18", dt.date(2025, 2, 18), ""),
    ("2025-02-18T10:00:00+03:00", dt.date(2025, 2, 18), ""),
    ("18.02.2025", dt.date(2025, 2, 18), ""),
    ("2025-13-45", None, "'published' \"2025-13-45\" is not a date: left out"),
    ("вчера", None, "'published' \"вчера\" is not a date: left out"),
    (20250218, None, "'published' 20250218 is not a date: left out"),
    (None, None, ""),
])
def test_ingest_fields_published_read_or_noted(tmp_path, published, expected, note):
    row = {"doc_id": "riyadh", "text": TEXT, "published": published}
    (tmp_path / "a.jsonl").write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    [result] = list(read_inputs([tmp_path / "a.jsonl"]))
    assert result.entry.status is LedgerStatus.PROCESSED
    assert result.document.published == expected
    assert result.entry.reason == note


def test_ingest_fields_non_string_doc_id_url_title(tmp_path):
    rows = [{"doc_id": ["a", "b"], "text": TEXT},
            {"doc_id": 17, "text": TEXT + " Еще одна фраза."},
            {"doc_id": "x", "text": TEXT + " Третья фраза.", "url": 5, "title": {"ru": "Заголовок"}}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    first, second, third = read_inputs([tmp_path / "a.jsonl"])
    assert first.entry.status is LedgerStatus.FAILED and "'doc_id' is not a string or a number" in first.entry.reason
    assert second.document.doc_id == "17"
    assert (third.document.url, third.document.title) == (None, None)
    assert third.entry.reason == "'url' is not a string: left out; 'title' is not a string: left out"
