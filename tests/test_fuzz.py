"""Fuzz targets: any input to the readers, the date resolver and the extraction entry point ends in
a result or a ledger row, never an exception.

The suite runs a few cases of each (``PARLEY_FUZZ_CASES``, default 40, so it stays fast); the full
run of 10,000 cases per target, with its timings, is ``python bench/adversarial.py --fuzz 10000``,
or ``PARLEY_FUZZ_CASES=10000 pytest tests/test_fuzz.py``.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from parley.extract.dates import find_dates
from parley.ingest.encoding import UndecodableError, decode
from parley.ingest.files import Candidate
from parley.ingest.readers import READERS, Problem, RawArticle
from parley.records import Extraction

CASES = int(os.environ.get("PARLEY_FUZZ_CASES", "40"))
FUZZ = settings(max_examples=CASES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# Words that steer the fuzzer into the rules' paths: names, meeting words, dates, marks.
VOCABULARY = ["Путин", "Трамп", "Уиткофф", "Умеров", "Мединский", "встретился", "переговоры", "встреча",
              "с", "в", "Женеве", "Стамбуле", "31 января", "в четверг", "сегодня", "2026", "года", "заявил",
              "«", "»", "—", ",", ".", ";", ":", "(", ")", "\n", "\u0000", "\ud800", "\u202e", "\x1b[31m",
              "date 2026-02-30", "32 декабря", "позавчера", "на прошлой неделе", "ё", "Ё", "…", "  "]
russian_texts = st.lists(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=12)), max_size=80).map(" ".join)
any_text = st.one_of(russian_texts, st.text(max_size=400))
days = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                                     any_text),
                           lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                   st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                           max_leaves=12)
jsonl_rows = st.fixed_dictionaries({}, optional={"doc_id": json_values, "text": st.one_of(any_text, json_values),
                                                 "published": json_values, "url": json_values,
                                                 "title": json_values})
jsonl_lines = st.one_of(jsonl_rows.map(json.dumps), st.text(max_size=200),
                        st.integers(1, 3000).map(lambda depth: "[" * depth + "]" * depth))


def read_all(kind: str, data: bytes, tmp_path: Path) -> list:
    """What one reader makes of ``data``: every item a RawArticle or a Problem."""
    path = tmp_path / f"input.{kind}"
    path.write_bytes(data)
    items = list(READERS[kind](Candidate(path, str(path), name="input", kind=kind), data))
    assert all(isinstance(item, RawArticle | Problem) for item in items)
    return items


@FUZZ
@given(lines=st.lists(jsonl_lines, min_size=1, max_size=6))
def test_fuzz_jsonl_reader_gives_one_item_per_line(tmp_path_factory, lines):
    text = "\n".join(lines)
    try:
        data = text.encode("utf-8", "surrogatepass")
    except UnicodeEncodeError:
        return
    items = read_all("jsonl", data, tmp_path_factory.mktemp("jsonl"))
    non_blank = sum(1 for line in text.splitlines() if line.strip())
    assert len(items) == max(non_blank, 1) or any(isinstance(i, Problem) and "could not" in i.reason for i in items)


@FUZZ
@given(data=st.one_of(st.binary(max_size=2000), any_text.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       kind=st.sampled_from(["text", "html", "feed"]))
def test_fuzz_other_readers_never_raise(tmp_path_factory, data, kind):
    read_all(kind, data, tmp_path_factory.mktemp(kind))


@FUZZ
@given(data=st.binary(max_size=3000))
def test_fuzz_decode_gives_text_or_says_why(data):
    try:
        assert isinstance(decode(data).text, str)
    except UndecodableError:
        pass


@FUZZ
@given(text=any_text, published=days)
def test_fuzz_date_resolver(text, published):
    for mention in find_dates(text, published):
        assert 0 <= mention.start <= mention.stop <= len(text)


@FUZZ
@given(text=russian_texts, published=days, url=st.one_of(st.none(), any_text))
def test_fuzz_extraction_entry_point(models, text, published, url):
    from parley.ingest.documents import to_result
    from parley.pipeline import Failure, process_many

    result = to_result(RawArticle("fuzz", "fuzz", text, published, url), 200_000)
    if result.document is None:
        assert result.entry.reason
        return
    [outcome] = list(process_many([result.document]))
    assert isinstance(outcome, Extraction | Failure)
    if isinstance(outcome, Extraction):
        for mention in outcome.actors:
            assert result.document.text[mention.start:mention.stop] == mention.text
        for meeting in outcome.meetings:
            assert 0 <= meeting.evidence.start < meeting.evidence.stop <= len(result.document.text)
