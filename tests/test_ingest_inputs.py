"""read_inputs: every file, JSONL line and feed item gets exactly one result; bad input never raises."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.ingest import read_inputs
from parley.records import LedgerStatus
from parley.settings import Settings as ParleySettings

RUSSIAN = "Уиткофф и Кушнер прилетели в Москву и провели переговоры с Путиным в Кремле. Встреча длилась пять часов."
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))

BAD_INPUTS = [
    # (file name, bytes, status, words in the reason)
    ("empty.txt", b"", LedgerStatus.SKIPPED, "empty file"),
    ("blank.txt", b"   \n\n  ", LedgerStatus.SKIPPED, "no text"),
    ("nul.txt", b"abc\x00\x01\x02def", LedgerStatus.SKIPPED, "binary file"),
    ("photo.png", PNG, LedgerStatus.SKIPPED, "PNG image"),
    ("photo.txt", PNG, LedgerStatus.SKIPPED, "PNG image"),
    ("report.pdf", b"%PDF-1.7\n...", LedgerStatus.SKIPPED, "PDF document"),
    ("notes.docx", "Просто заметки".encode(), LedgerStatus.SKIPPED, "unsupported file type .docx"),
    ("english.txt", b"The talks in Geneva were hard but useful, the delegates said.", LedgerStatus.SKIPPED,
     "language en: only Russian and Ukrainian are extracted for now"),
    ("menu.txt", "НОВОСТИ\nПОЛИТИКА\nРеклама".encode(), LedgerStatus.SKIPPED, "nothing left after removing page furniture"),
    ("empty.jsonl", b"\n\n", LedgerStatus.SKIPPED, "no JSON lines"),
    ("feed.xml", b"<rss><channel><title>x</title></channel></rss>", LedgerStatus.SKIPPED, "a feed without items"),
    ("broken.rss", b"this is no feed at all <<<", LedgerStatus.FAILED, "not a readable RSS/Atom feed"),
    ("page.html", b"<html><head><title>x</title></head><body><div></div></body></html>", LedgerStatus.SKIPPED,
     "no article text"),
    ("menu.html", "<html><body><nav>НОВОСТИ</nav></body></html>".encode(), LedgerStatus.SKIPPED, "nothing left"),
]


@pytest.mark.parametrize(("name", "data", "status", "reason"), BAD_INPUTS)
def test_ingest_bad_input_kinds(tmp_path, name, data, status, reason):
    (tmp_path / name).write_bytes(data)
    [result] = list(read_inputs([tmp_path]))
    assert result.entry.status is status
    assert reason in result.entry.reason
    assert result.document is None


def test_ingest_size_limit_checked_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.write(RUSSIAN.encode() * (50_000_000 // len(RUSSIAN.encode()) + 1))
    [result] = list(read_inputs([big]))
    assert result.entry.status is LedgerStatus.SKIPPED
    assert result.entry.reason.startswith("too large: 50,0")


def test_ingest_document_length_limit(tmp_path):
    (tmp_path / "long.txt").write_text(RUSSIAN * 10, encoding="utf-8")
    [result] = list(read_inputs([tmp_path], ParleySettings(max_document_chars=100)))
    assert result.entry.status is LedgerStatus.SKIPPED
    assert result.entry.reason.startswith("too long")


def test_ingest_missing_path_fails_without_raising(tmp_path):
    [result] = list(read_inputs([tmp_path / "nowhere"]))
    assert result.entry.status is LedgerStatus.FAILED
    assert result.entry.reason == "no such file or folder"


def test_ingest_symlinks_out_of_the_folder_not_followed(tmp_path):
    outside = tmp_path / "outside"
    inside = tmp_path / "input"
    outside.mkdir()
    inside.mkdir()
    (outside / "secret.txt").write_text(RUSSIAN, encoding="utf-8")
    (inside / "article.txt").write_text(RUSSIAN, encoding="utf-8")
    os.symlink(outside / "secret.txt", inside / "link-out.txt")
    os.symlink(outside, inside / "folder-out")
    os.symlink(inside / "article.txt", inside / "link-in.txt")
    os.symlink(tmp_path / "gone.txt", inside / "broken.txt")
    results = {Path(r.entry.source).name: r.entry for r in read_inputs([inside])}
    assert set(results) == {"article.txt", "link-out.txt", "folder-out", "link-in.txt", "broken.txt"}
    assert "outside the input folder" in results["link-out.txt"].reason
    assert "outside the input folder" in results["folder-out"].reason
    assert results["link-out.txt"].status is results["folder-out"].status is LedgerStatus.SKIPPED
    assert results["link-in.txt"].status is LedgerStatus.PROCESSED
    assert "broken symbolic link" in results["broken.txt"].reason


def test_ingest_jsonl_broken_line_fails_alone(tmp_path):
    lines = [
        json.dumps({"doc_id": "a", "text": RUSSIAN}, ensure_ascii=False),
        '{"doc_id": "b", "text": "оборванная строка',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"doc_id": "d", "title": "без текста"}, ensure_ascii=False),
        json.dumps({"doc_id": "e", "text": 42}),
        json.dumps({"text": RUSSIAN + " Еще одно предложение."}, ensure_ascii=False),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = [r.entry for r in read_inputs([tmp_path / "feed.jsonl"])]
    by_line = {entry.source.rsplit(":", 1)[1]: entry for entry in results}
    assert sorted(by_line, key=int) == ["1", "2", "4", "5", "6", "7"]  # the blank line 3 is no input
    assert by_line["1"].status is LedgerStatus.PROCESSED
    assert by_line["2"].status is LedgerStatus.FAILED and by_line["2"].reason.startswith("line 2: broken JSON")
    assert by_line["4"].status is LedgerStatus.FAILED and "JSON object was expected" in by_line["4"].reason
    assert by_line["5"].status is LedgerStatus.SKIPPED and by_line["5"].reason == "line 5: no text"
    assert by_line["6"].status is LedgerStatus.FAILED and "not a string" in by_line["6"].reason
    assert by_line["7"].doc_id == "feed:7"


def test_ingest_jsonl_reads_only_the_article_fields(tmp_path):
    row = {"doc_id": "dev-1", "text": " date 2026-02-04 " + RUSSIAN, "published": "2026-02-05",
           "url": "https://parley.example/a", "title": "Заголовок", "lang": "uk",
           "meetings": [{"participants": ["putin"], "evidence": "ответ"}], "quotes": [{"text": "ответ"}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    [result] = list(read_inputs([tmp_path]))
    document = result.document
    assert document.text == RUSSIAN
    assert document.published == dt.date(2026, 2, 5)  # the field wins over the ` date` line
    assert (document.doc_id, document.url, document.title, document.lang) == (
        "dev-1", "https://parley.example/a", "Заголовок", "ru")
    assert document.source == f"{tmp_path / 'gold.jsonl'}:1"


def test_ingest_html_main_text_and_metadata(tmp_path):
    page = f"""<html><head><meta charset="windows-1251"><title>Переговоры в Кремле | Сайт</title>
    <meta property="article:published_time" content="2025-12-03T09:00:00+03:00"></head>
    <body><nav><ul><li>НОВОСТИ</li><li>ПОЛИТИКА</li></ul></nav>
    <article><h1>Переговоры в Кремле</h1><p>{RUSSIAN}</p><p>Ушаков назвал разговор полезным.</p></article>
    <footer>© Сайт. Все права защищены.</footer></body></html>"""
    (tmp_path / "page.htm").write_bytes(page.encode("cp1251"))
    [result] = list(read_inputs([tmp_path]))
    document = result.document
    assert RUSSIAN in document.text and "НОВОСТИ" not in document.text and "права защищены" not in document.text
    assert document.published == dt.date(2025, 12, 3)
    assert document.title == "Переговоры в Кремле"


def test_ingest_rss_and_atom_one_document_per_item(tmp_path):
    rss = f"""<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Лента</title>
    <item><title>Первая новость</title><guid>n-1</guid><pubDate>Tue, 02 Dec 2025 00:30:00 +0300</pubDate>
    <description>&lt;p&gt;{RUSSIAN}&lt;/p&gt;</description></item>
    <item><title>Вторая новость</title><link>https://parley.example/2</link><description>Ушаков рассказал о переговорах в Кремле подробно.</description></item>
    </channel></rss>"""
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Атом</title>
    <entry><title>Новость</title><id>urn:a:1</id><updated>2026-01-20T21:00:00+01:00</updated>
    <content type="html">&lt;p&gt;Дмитриев встретился с Уиткоффом в Давосе и обсудил визит в Москву.&lt;/p&gt;</content></entry></feed>"""
    (tmp_path / "news.rss").write_bytes(rss.encode("cp1251"))
    (tmp_path / "news.atom").write_text(atom, encoding="utf-8")
    results = list(read_inputs([tmp_path]))
    assert [r.entry.source.rsplit("/", 1)[1] for r in results] == ["news.atom#1", "news.rss#1", "news.rss#2"]
    atom_doc, first, second = (r.document for r in results)
    assert atom_doc.doc_id == "urn:a:1" and atom_doc.published == dt.date(2026, 1, 20)
    assert first.doc_id == "n-1" and first.published == dt.date(2025, 12, 2)  # the date as printed, not in UTC
    assert first.text == f"Первая новость\n{RUSSIAN}"
    assert second.doc_id == "https://parley.example/2" and second.url == "https://parley.example/2"


def test_ingest_same_text_same_hash_whatever_its_spacing_and_quotes(tmp_path):
    (tmp_path / "a.txt").write_text("Песков сказал: «Встреча возможна».\n\nПодробностей нет.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(' date 2025-10-01\nПесков  сказал: "Встреча возможна".\nПодробностей нет.',
                                    encoding="utf-8")
    first, second = (r.document for r in read_inputs([tmp_path]))
    assert first.content_hash == second.content_hash


def test_ingest_folder_order_is_stable_and_doc_ids_are_relative_paths(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "one.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "a.txt").write_text(RUSSIAN + " Второй текст.", encoding="utf-8")
    assert [r.document.doc_id for r in read_inputs([tmp_path])] == ["a", "b/one"]


def test_ingest_hidden_folder_is_one_skipped_row(tmp_path):
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / ".git" / "objects" / "ab").write_bytes(b"\x78\x01" + bytes(100))
    (tmp_path / ".notes.txt").write_text(RUSSIAN, encoding="utf-8")
    results = {Path(r.entry.source).name: r.entry for r in read_inputs([tmp_path])}
    assert set(results) == {".git", ".notes.txt"}
    assert results[".git"].reason.startswith("hidden folder")
    assert results[".notes.txt"].status is LedgerStatus.PROCESSED


def test_ingest_long_doc_ids_are_bounded_and_stay_distinct(tmp_path):
    long_a, long_b = "https://parley.example/" + "a" * 300, "https://parley.example/" + "a" * 299 + "b"
    lines = [json.dumps({"doc_id": doc_id, "text": RUSSIAN + f" Вариант {n}."}, ensure_ascii=False)
             for n, doc_id in enumerate((long_a, long_b, "short"))]
    (tmp_path / "ids.jsonl").write_text("\n".join(lines), encoding="utf-8")
    ids = [r.document.doc_id for r in read_inputs([tmp_path])]
    assert all(len(doc_id) <= 200 for doc_id in ids)
    assert len(set(ids)) == 3 and ids[2] == "short"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".jsonl", ".html", ".rss", ".xml", ".bin"]))
def test_ingest_arbitrary_bytes_never_raise(tmp_path_factory, data, suffix):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    results = list(read_inputs([folder]))
    assert results
    for result in results:
        assert result.entry.status in set(LedgerStatus)
        assert (result.document is not None) == (result.entry.status is LedgerStatus.PROCESSED)
        assert result.entry.status is LedgerStatus.PROCESSED or result.entry.reason
    if suffix != ".jsonl" and suffix not in (".rss", ".xml"):
        assert len(results) == 1
