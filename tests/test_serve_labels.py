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


def test_labels_every_topic_and_tone_has_its_words():
    from parley.records import TOPICS, Tone

    en = Labels("en")
    assert [en(f"topic.{topic}") for topic in TOPICS] == [
        "territory", "ceasefire", "security guarantees", "peace plan", "economy", "energy", "humanitarian", "summit"]
    assert {tone.value: en(f"tone.{tone.value}") for tone in Tone} == {
        "positive": "positive", "negative": "negative", "mixed": "mixed"}
    assert Labels("ru")("topic.summit") == "подготовка саммита"


def test_labels_sides_and_tone_conflicts_in_the_pages_language():
    from parley.serve.talkviews import side_name, tone_conflict_label

    en, ru = Labels("en"), Labels("ru")
    assert [side_name(en, s) for s in ("RUS", "EU", "GBR", None, "—")] == [
        "Russia", "EU", "GBR", "side not given", "side not given"]
    assert side_name(ru, "UKR") == "Украина" and side_name(en, "other") == "other"  # a code, not a label key
    assert tone_conflict_label(en, "Рустем Умеров: mixed") == "Рустем Умеров: mixed"
    assert tone_conflict_label(ru, "Рустем Умеров: mixed") == "Рустем Умеров: неоднозначно"
    assert tone_conflict_label(en, "no tone here") == "no tone here"


TALK_FILES = [SERVE / "templates" / "_talk.html", SERVE / "templates" / "assessments.html", SERVE / "static" / "talk.js",
              SERVE / "talkviews.py"]


@pytest.mark.parametrize("path", TALK_FILES, ids=lambda p: p.name)
def test_labels_the_talk_views_keep_no_words_of_their_own(path):
    """Their words live in the catalogue; Cyrillic may stay only in comments and docstrings' examples."""
    code = re.sub(r'/\*.*?\*/|//[^\n]*|\{#.*?#\}|#[^\n]*|"""(?:.|\n)*?"""', "", path.read_text(encoding="utf-8"),
                  flags=re.S)
    assert re.findall(r"[^\n]*[\u0400-\u04FF][^\n]*", code) == []


def test_labels_the_tone_charts_words_exist():
    text = (SERVE / "static" / "talk.js").read_text(encoding="utf-8")
    asked = set(re.findall(r"""\bword\(\s*['"]([a-z_.\-]+)['"]""", text))
    assert {"tone.positive", "tone.months", "tone.round"} <= asked and sorted(asked - set(CATALOGUE)) == []
