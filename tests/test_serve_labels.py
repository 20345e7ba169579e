"""The page's one catalogue of labels: every label in both languages, every label the page asks for known."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from parley.serve.labels import CATALOGUE, LANGUAGES, Labels

SERVE = Path(__file__).resolve().parent.parent / "src" / "parley" / "serve"


def test_labels_every_label_has_every_language():
    assert all(len(texts) == len(LANGUAGES) and all(t.strip() for t in texts) for texts in CATALOGUE.values())


def test_labels_the_forms_of_a_count_agree():
    ru, en = Labels("ru"), Labels("en")
    assert [ru.count(n, "n.meetings") for n in (1, 3, 5, 21, 12)] == [
        "1 встреча", "3 встречи", "5 встреч", "21 встреча", "12 встреч"]
    assert [en.count(n, "n.meetings") for n in (1, 2)] == ["1 meeting", "2 meetings"]
    assert Labels("fr")("nav.meetings") == "Встречи"  # an unknown language falls back to Russian


@pytest.mark.parametrize("path", sorted([*SERVE.glob("templates/**/*.html"), *SERVE.glob("static/js/*.js")]),
                         ids=lambda p: p.name)
def test_labels_every_key_the_page_asks_for_exists(path):
    text = path.read_text(encoding="utf-8")
    asked = set(re.findall(r"""\bt\(\s*['"]([a-z_.\-]+)['"]""", text)) | set(
        re.findall(r"""\btn\([^,]+,\s*['"]([a-z_.\-]+)['"]""", text))
    prefixes = {key for key in asked if key.endswith(".")}  # t('status.' ~ s): some label under each
    assert sorted(asked - prefixes - set(CATALOGUE)) == []
    assert [p for p in prefixes if not any(key.startswith(p) for key in CATALOGUE)] == []
