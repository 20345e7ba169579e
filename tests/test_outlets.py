"""Each document's outlet: the known host's name first, then what the input calls itself, then the host."""
from __future__ import annotations

import pytest

from parley.ingest import read_inputs
from parley.ingest.outlets import host_of, outlet_of


@pytest.mark.parametrize(
    "url, named, expected",
    [
        ("https://ria.ru/20260218/talks.html", None, "РИА Новости"),
        ("https://www.vedomosti.ru/politics/x", "Ведомости — деловое издание", "Ведомости"),
        ("https://world.comments.ua/news/1.html", None, "Комментарии"),
        ("https://m.5-tv.ru/news/1/", None, "Пятый канал"),
        ("https://unknown-paper.example/a/1", "Вечерний вестник", "Вечерний вестник"),
        ("https://unknown-paper.example/a/1", None, "unknown-paper.example"),
        (None, "  Лента   новостей ", "Лента новостей"),
        (None, None, None),
        ("not a url", None, None),
    ],
)
def test_outlet_of(url, named, expected):
    assert outlet_of(url, named) == expected


def test_host_of_drops_www_and_port():
    assert host_of("http://WWW.Example.org:8080/x") == "example.org"


def test_outlet_from_a_page_a_feed_and_a_jsonl_line(tmp_path):
    (tmp_path / "page.html").write_text(
        '<html><head><meta property="og:site_name" content="Северная газета"><title>Встреча</title></head>'
        "<body><article><h1>Встреча в Женеве</h1><p>" + "Делегации обсудили прекращение огня в Женеве. " * 8
        + "</p></article></body></html>", encoding="utf-8")
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Лента Юга</title>'
        "<item><title>Звонок</title><link>https://south.example/1</link>"
        "<description>Лидеры двух стран провели телефонный разговор о перемирии и обмене пленными.</description>"
        "</item></channel></rss>", encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        '{"doc_id": "j1", "url": "https://tass.ru/politika/1", "text": "Стороны договорились о новой встрече '
        'в Стамбуле на следующей неделе, сообщили дипломаты."}\n'
        '{"doc_id": "j2", "outlet": "Заводская многотиражка", "text": "Делегации снова встретятся в Женеве '
        'в конце месяца, говорят источники."}\n', encoding="utf-8")
    outlets = {r.document.source.rsplit("/", 1)[-1]: r.document.outlet
               for r in read_inputs([tmp_path]) if r.document is not None}
    assert outlets == {"page.html": "Северная газета", "feed.xml#1": "Лента Юга", "lines.jsonl:1": "ТАСС",
                       "lines.jsonl:2": "Заводская многотиражка"}
