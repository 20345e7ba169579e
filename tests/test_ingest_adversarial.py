"""Inputs that once stopped an ingest or lost rows: each gets its own ledger row, and the run goes on."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from parley.ingest.run import ingest
from parley.store import Store
from test_store_fixtures import BACKENDS, fresh_url

TALKS = "Вчера в Женеве Марко Рубио встретился с Андрием Сибигой. Стороны обсудили перемирие"


def _ledger(store) -> dict[str, tuple[str, str, str | None]]:
    return {entry.source.rsplit("/", 1)[-1]: (entry.status.value, entry.reason, entry.doc_id)
            for entry in store.ledger()}


def _write_lines(path: Path, *lines: str) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    with Store.open(fresh_url(request.param, tmp_path)) as opened:
        yield opened


def test_odd_file_names_and_links_each_get_a_row(models, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xff.txt")).write_text(TALKS + ", и это первое.", encoding="utf-8")
    (folder / "esc\x1b[31mred.txt").write_text(TALKS + ", и это второе.", encoding="utf-8")
    os.symlink("loop.txt", folder / "loop.txt")
    (folder / "z.txt").write_text(TALKS + ", и это третье.", encoding="utf-8")
    with Store.open(f"sqlite:///{tmp_path / 'p.db'}") as store:
        summary = ingest(store, [folder])
        rows = _ledger(store)
    assert summary.failed == 0
    assert rows["caf\\xff.txt"][0] == "processed" and rows["caf\\xff.txt"][2] == "caf\\xff"
    assert rows["esc\\x1b[31mred.txt"][0] == "processed"  # the escape code shown, never sent to a terminal
    assert rows["loop.txt"][0] == "skipped" and "loop" in rows["loop.txt"][1]
    assert rows["z.txt"][0] == "processed"


def test_nul_and_lone_surrogates_are_cleaned_the_same_on_every_backend(models, tmp_path, store):
    path = tmp_path / "news.jsonl"
    _write_lines(path,
                 '{"doc_id": "a\\ud800", "text": "%s, первая строка."}' % TALKS,
                 '{"doc_id": "nul", "text": "%s\\u0000, вторая строка \\udc80."}' % TALKS,
                 '{"doc_id": "b", "text": "%s, третья строка.", "title": "\\u0000\\ud800", '
                 '"published": "\\u0000"}' % TALKS)
    summary = ingest(store, [path])
    rows = _ledger(store)
    assert summary.failed == 0 and summary.new_documents == 3
    assert rows["news.jsonl:1"][2] == "a\ufffd"
    assert "\x00" not in store.document("nul").text and "\ufffd" in store.document("nul").text
    assert ingest(store, [path]).new_documents == 0  # a rerun finds everything stored


def test_a_jsonl_line_that_is_no_plain_syntax_error_fails_alone(models, tmp_path):
    path = tmp_path / "news.jsonl"
    _write_lines(path, json.dumps({"doc_id": "one", "text": TALKS + "."}),
                 "[" * 100_000 + "]" * 100_000,
                 '{"doc_id": "three", "text": "%s, и снова."}' % TALKS,
                 '{"doc_id": 1' + "0" * 5000 + ', "text": "x"}')
    with Store.open(f"sqlite:///{tmp_path / 'p.db'}") as store:
        ingest(store, [path])
        rows = _ledger(store)
    assert rows["news.jsonl:1"][0] == rows["news.jsonl:3"][0] == "processed"
    assert rows["news.jsonl:2"][:2] == ("failed", "line 2: JSON nested too deep to read")
    assert rows["news.jsonl:4"][0] == "failed"
    assert "news.jsonl" not in rows


def test_a_fixed_file_replaces_its_stale_rows(models, tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_bytes(b"{\"doc_id\": \x00}")  # refused as binary: one row for the whole file
    with Store.open(f"sqlite:///{tmp_path / 'p.db'}") as store:
        ingest(store, [path])
        assert _ledger(store)["news.jsonl"][0] in ("failed", "skipped")
        _write_lines(path, json.dumps({"doc_id": "one", "text": TALKS + "."}), "{broken",
                     json.dumps({"doc_id": "two", "text": TALKS + ", снова."}))
        ingest(store, [path])
        assert set(_ledger(store)) == {"news.jsonl:1", "news.jsonl:2", "news.jsonl:3"}
        _write_lines(path, json.dumps({"doc_id": "one", "text": TALKS + "."}))
        ingest(store, [path])
        assert set(_ledger(store)) == {"news.jsonl:1"}
        (tmp_path / "news.jsonl:7").write_text(TALKS + ", соседний файл.", encoding="utf-8")
        ingest(store, [path])
        assert "news.jsonl:1" in _ledger(store)


def test_unreadable_files_and_folders_each_get_a_failed_row(tmp_path, monkeypatch):
    """What a user without the right to read meets (simulated: the tests may run as root)."""
    from parley.ingest import read_inputs

    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "inside.txt").write_text(TALKS + ".", encoding="utf-8")
    (folder / "secret.txt").write_text(TALKS + ".", encoding="utf-8")
    (folder / "open.txt").write_text(TALKS + ", открыто.", encoding="utf-8")
    real_scandir, real_open = os.scandir, Path.open

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def open_(self, *args, **kwargs):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "open", open_)
    rows = {r.entry.source.rsplit("/", 1)[-1]: r.entry for r in read_inputs([folder])}
    assert rows["locked"].status.value == "failed" and "Permission denied" in rows["locked"].reason
    assert rows["secret.txt"].status.value == "failed" and "Permission denied" in rows["secret.txt"].reason
    assert rows["open.txt"].status.value == "processed"


def test_the_batch_job_reads_odd_names_and_link_loops(tmp_path):
    """``parley batch`` records what its inputs were in a manifest: odd names and loops must not stop it."""
    from parley.batch.inputs import fingerprint, read_all

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xff.txt")).write_text(TALKS + ".", encoding="utf-8")
    os.symlink("loop.txt", folder / "loop.txt")
    manifest = fingerprint([folder])
    json.dumps(manifest, ensure_ascii=False).encode("utf-8")  # what the manifest writer does
    assert [entry["path"].rsplit("/", 1)[-1] for entry in manifest] == ["caf\\xff.txt"]
    sources = sorted(result.entry.source.rsplit("/", 1)[-1] for result in read_all([folder]))
    assert sources == ["caf\\xff.txt", "loop.txt"]
