"""Language check: Russian is extracted; Ukrainian, English and the rest are skipped with a reason."""
from __future__ import annotations

import json

import pytest

from parley.ingest.language import detect_language

SHORT_TEXTS = [
    ("Путин и Трамп провели телефонный разговор, который длился больше часа.", "ru"),
    ("Песков заявил, что встреча пока не запланирована.", "ru"),
    ("Уиткофф прилетел в Москву.", "ru"),
    ("Зеленский і Трамп зустрілися в Білому домі.", "uk"),
    ("Умєров заявив, що переговори були складними, але корисними.", "uk"),
    ("Делегації провели зустріч у Женеві та домовилися про обмін полоненими.", "uk"),
    ("Віткофф прилетів до Москви", "uk"),
    ("The delegations met in Geneva and agreed to talk again next week.", "en"),
    ("Witkoff said the talks were productive.", "en"),
    ("Die Delegationen trafen sich in Genf.", "other"),
    ("12345 67 890", "other"),
    # Russian with a Ukrainian name or place in it stays Russian
    ("Делегация прилетела в Київ, сообщил Умєров журналистам после встречи.", "ru"),
    # Russian with English names and outlets stays Russian
    ("По данным газеты The New York Times, решение в Белом доме еще не принято.", "ru"),
]


@pytest.mark.parametrize(("text", "language"), SHORT_TEXTS)
def test_language_short_texts(text, language):
    assert detect_language(text) == language


def test_language_on_the_corpus(shared_dir):
    """Every corpus article gets the language of its `lang` field."""
    rows = [json.loads(line) for line in (shared_dir / "corpus" / "unlabelled.jsonl").read_text(encoding="utf-8").splitlines()]
    detected = [detect_language(row["text"]) for row in rows]
    wrong = [(row["doc_id"], row["lang"], found) for row, found in zip(rows, detected) if row["lang"] != found]
    assert wrong == []
