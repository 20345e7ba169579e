"""The bundled sample corpus: every file accounted for, the Russian articles processed and cleanly headed."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.ingest import read_inputs
from parley.records import LedgerStatus

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
EXPECTED_SKIPS = {
    "README.md": "unsupported file type .md",
    "other-languages/2026-01-24-abu-dhabi-en.txt": "language en",
}
FORMATS = {".txt", ".jsonl", ".html", ".rss"}


def relative(source: str) -> str:
    return Path(source.split("#")[0].rsplit(".jsonl:", 1)[0] + (".jsonl" if ".jsonl:" in source else "")) \
        .relative_to(SAMPLES).as_posix()


@pytest.fixture(scope="module")
def results():
    return list(read_inputs([SAMPLES]))


def test_samples_every_file_accounted_for(results):
    files = {(Path(folder) / name).relative_to(SAMPLES).as_posix()
             for folder, _, names in os.walk(SAMPLES) for name in names}
    assert {relative(r.entry.source) for r in results} == files
    assert {Path(name).suffix for name in files} >= FORMATS


def test_samples_expected_ones_processed(results):
    skipped = {relative(r.entry.source): r.entry.reason for r in results if r.entry.status is LedgerStatus.SKIPPED}
    assert set(skipped) == set(EXPECTED_SKIPS)
    for name, reason in EXPECTED_SKIPS.items():
        assert reason in skipped[name]
    documents = [r.document for r in results if r.document is not None]
    assert len(documents) >= 25
    assert all(r.entry.status is not LedgerStatus.FAILED for r in results)


def test_samples_documents_are_dated_and_clean(results):
    for document in (r.document for r in results if r.document is not None):
        assert document.published is not None, document.source
        assert 500 <= len(document.text) <= 1600, (document.source, len(document.text))
        for furniture in ("date 20", "Автор:", "Фото:", "НОВОСТИ", "Новости Парли.", "/Парли-Пресс/", "Реклама"):
            assert furniture not in document.text, (document.source, furniture)


def test_samples_ingest_stores_duplicates_once_and_fuses(tmp_path, models):
    from parley.store import Store

    db = f"sqlite:///{tmp_path / 'demo.db'}"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", db])
    assert result.exit_code == 0, result.output
    rows = json.loads(runner.invoke(app, ["ledger", "--db", db, "--json"]).stdout)
    statuses = [row["status"] for row in rows]
    assert statuses.count("failed") == 0
    duplicates = [row for row in rows if row["reason"].startswith("duplicate of")]
    assert [Path(row["source"]).name for row in duplicates] == ["2025-02-18-riyadh-held.txt"]  # same text as digest.jsonl:5
    assert duplicates[0]["reason"] == "duplicate of digest-riyadh-copy"
    with Store.open(db) as store:
        events = store.events()
    assert any(len(event["sources"]) >= 2 for event in events)
