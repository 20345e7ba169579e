"""Encodings: UTF-8 with or without BOM, cp1251 and KOI8-R told apart on Russian text."""
from __future__ import annotations

import codecs

import pytest

from parley.ingest.encoding import decode

RUSSIAN_TEXTS = [
    "Путин принял Уиткоффа в Кремле.",
    "Мир",
    "Делегации России и Украины встретились в Стамбуле во второй раз.",
    "МОСКВА, 18 фев - Новости Парли. Ушаков рассказал об итогах переговоров.",
    "ПЕРЕГОВОРЫ В ЖЕНЕВЕ ЗАВЕРШИЛИСЬ",
    "Съезд объявил: «Объём работ ещё не ясен», — сказал Щербаков.",
    " date 2026-01-23\nПереговоры в Абу-Даби начались.",
]


@pytest.mark.parametrize("text", RUSSIAN_TEXTS)
@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_encoding_cyrillic_codepages_told_apart(text, encoding):
    data = text.encode(encoding, errors="replace")
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text == data.decode(encoding)


@pytest.mark.parametrize(("data", "expected", "encoding"), [
    ("Переговоры в Эр-Рияде".encode("utf-8"), "Переговоры в Эр-Рияде", "utf-8"),
    (codecs.BOM_UTF8 + "Переговоры в Эр-Рияде".encode("utf-8"), "Переговоры в Эр-Рияде", "utf-8-sig"),
    ("Переговоры".encode("utf-16"), "Переговоры", "utf-16"),
    (b"Talks in Geneva", "Talks in Geneva", "utf-8"),
])
def test_encoding_unicode_inputs(data, expected, encoding):
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (expected, encoding)


def test_encoding_declared_charset_is_tried_first():
    data = "Саммит на Аляске".encode("cp1251")
    assert decode(data, declared="windows-1251").text == "Саммит на Аляске"


def test_encoding_koi8_on_whole_corpus_articles(shared_dir):
    """Every Russian corpus article, re-encoded, comes back in its own codepage."""
    import json

    wrong = []
    for line in (shared_dir / "corpus" / "unlabelled.jsonl").read_text(encoding="utf-8").splitlines()[:150]:
        text = json.loads(line)["text"]
        for encoding in ("cp1251", "koi8_r"):
            if decode(text.encode(encoding, errors="replace")).encoding != encoding:
                wrong.append((text[:40], encoding))
    assert wrong == []


def test_encoding_utf8_with_a_few_broken_bytes_stays_utf8():
    data = "Путин принял Уиткоффа в Кремле. ".encode("utf-8") * 20 + b"\xff\xfe" + "Конец.".encode("utf-8")
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith("Путин принял") and decoded.text.endswith("Конец.")
