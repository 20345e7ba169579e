"""The JSON API and the server-rendered pages, through FastAPI's test client, on a small fused record."""
from __future__ import annotations

import pytest

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from parley.serve import create_app  # noqa: E402
from parley.settings import Settings  # noqa: E402
from test_api_records import fill  # noqa: E402
from test_store_fixtures import BACKENDS, fresh_url  # noqa: E402

TOKEN = "test-token-7f3a"


@pytest.fixture(scope="module", params=BACKENDS)
def db_url(request, tmp_path_factory) -> str:
    from parley.store import Store

    url = fresh_url(request.param, tmp_path_factory.mktemp("api"))
    with Store.open(url) as store:
        fill(store)
    return url


@pytest.fixture(scope="module")
def client(db_url):
    with TestClient(create_app(Settings(db_url=db_url))) as client:
        yield client


@pytest.fixture(scope="module")
def writer(db_url):
    with TestClient(create_app(Settings(db_url=db_url, token=TOKEN, max_input_bytes=4000,
                                        max_document_chars=1000))) as client:
        yield client


def event_places(response) -> list:
    return [event["place"] for event in response.json()["items"]]


@pytest.mark.parametrize("params, places", [
    ({}, ["Москва", "Майами", "Будапешт", "Эр-Рияд", None]),
    ({"actor": "witkoff-steve"}, ["Москва", "Майами", "Эр-Рияд"]),
    ({"actor": "Уиткофф"}, ["Москва", "Майами", "Эр-Рияд"]),
    ({"status": "planned"}, ["Майами"]),
    ({"status": "cancelled"}, ["Будапешт"]),
    ({"place": "майами"}, ["Майами"]),
    ({"from": "2026-01-01"}, ["Будапешт", "Эр-Рияд"]),
    ({"to": "2025-12"}, ["Москва", "Майами"]),
    ({"actor": "putin-vladimir", "status": "planned"}, []),
])
def test_api_events_filters(client, params, places):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200
    assert event_places(response) == places
    assert response.json()["total"] == len(places)


@pytest.mark.parametrize("limit, offset, places", [
    (2, 0, ["Москва", "Майами"]),
    (2, 2, ["Будапешт", "Эр-Рияд"]),
    (2, 4, [None]),
    (2, 9, []),
])
def test_api_events_pages_keep_the_total(client, limit, offset, places):
    body = client.get("/api/events", params={"limit": limit, "offset": offset}).json()
    assert (body["total"], body["limit"], body["offset"]) == (5, limit, offset)
    assert [event["place"] for event in body["items"]] == places


@pytest.mark.parametrize("params, words", [
    ({"limit": 0}, "query parameter 'limit'"),
    ({"limit": 5000}, "query parameter 'limit'"),
    ({"offset": -1}, "query parameter 'offset'"),
    ({"from": "2025-13-01"}, "query parameter 'from'"),
    ({"to": "вчера"}, "query parameter 'to'"),
    ({"status": "maybe"}, "query parameter 'status'"),
])
def test_api_events_bad_parameters_are_named(client, params, words):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert words in response.json()["message"]


def test_api_event_has_sources_with_evidence(client):
    moscow = client.get("/api/events", params={"place": "Москва"}).json()["items"][0]
    event = client.get(f"/api/events/{moscow['id']}").json()
    assert [p["id"] for p in event["participants"]] == ["witkoff-steve", "kushner-jared", "putin-vladimir"]
    assert {s["doc_id"] for s in event["sources"]} == {"w-001", "w-002", "w-007"}
    assert event["conflicts"] == [{"field": "place", "values": [
        {"value": "Москва", "doc_ids": ["w-001", "w-002"]}, {"value": "Санкт-Петербург", "doc_ids": ["w-007"]}]}]
    for source in event["sources"]:
        text = client.get(f"/api/documents/{source['doc_id']}").json()["text"]
        evidence = source["evidence"]
        assert text[evidence["start"]:evidence["end"]] == evidence["text"]


@pytest.mark.parametrize("path, words", [
    ("/api/events/ev-nope", "no event with id 'ev-nope'"),
    ("/api/actors/nobody-at-all", "no actor with id or name 'nobody-at-all'"),
    ("/api/documents/missing-doc", "no document with id 'missing-doc'"),
    ("/api/no-such-route", "/api/no-such-route"),
])
def test_api_unknown_ids_are_404_json(client, path, words):
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert words in response.json()["message"]


@pytest.mark.parametrize("query, actor_id", [
    ("umerov-rustem", "umerov-rustem"),
    ("Рустем Умеров", "umerov-rustem"),
    ("Ушаков", "ushakov-yuri"),
])
def test_api_actor_by_id_or_name(client, query, actor_id):
    actor = client.get(f"/api/actors/{query}").json()
    assert actor["id"] == actor_id
    assert {"names", "roles", "meetings", "quotes"} <= set(actor)


def test_api_actors_list(client):
    body = client.get("/api/actors").json()
    by_id = {actor["id"]: actor for actor in body["items"]}
    assert body["total"] == len(by_id) == 10
    assert by_id["witkoff-steve"]["events"] == 3
    assert "Стива Уиткоффа" not in by_id["witkoff-steve"]["names"]  # names are nominative


@pytest.mark.parametrize("query, doc_ids", [
    ("переговорах", {"w-001", "w-006"}),
    ("Майами", {"w-003"}),
    ("совершенно отсутствующее слово", set()),
])
def test_api_search_stems_russian(client, query, doc_ids):
    body = client.get("/api/search", params={"q": query}).json()
    assert {hit["doc_id"] for hit in body["items"]} == doc_ids


def test_api_ledger_lists_every_input(client):
    rows = client.get("/api/ledger").json()["items"]
    assert {row["status"] for row in rows} == {"processed", "skipped"}
    assert any("only Russian" in row["reason"] for row in rows)


def test_api_openapi_documents_every_route(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{actor_id}", "/api/search",
            "/api/documents/{doc_id}", "/api/documents", "/api/ledger"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-bundle.js" in docs.text
    assert client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200


ARTICLE = {"doc_id": "api-1", "text": "Стив Уиткофф встретился с Рустемом Умеровым в Женеве.", "published": "2026-03-02"}


@pytest.mark.parametrize("headers, words", [
    ({}, "Authorization: Bearer"),
    ({"Authorization": "Bearer wrong-token"}, "token is wrong"),
    ({"Authorization": f"Basic {TOKEN}"}, "Authorization: Bearer"),
])
def test_api_write_needs_the_token(writer, headers, words):
    response = writer.post("/api/documents", json=ARTICLE, headers=headers)
    assert response.status_code == 401
    assert words in response.json()["message"]
    assert response.headers["www-authenticate"] == "Bearer"


def test_api_write_refused_when_read_only(client):
    response = client.post("/api/documents", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 401
    assert "read-only" in response.json()["message"]


AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize("body, status, words", [
    ({"doc_id": "big", "text": "Слово " * 900}, 413, "over the limit of 4000 bytes"),
    ({"doc_id": "long", "text": "б" * 1500}, 413, "at most 1000"),
    ([{"doc_id": "x", "text": "а"}] * 101, 413, "at most 100"),
    ({"doc_id": "no-text"}, 422, "text"),
    ({"doc_id": "bad id", "text": "Текст."}, 422, "doc_id"),
    ({"doc_id": "d", "text": "Текст.", "published": "вчера"}, 422, "published"),
    ([], 422, "empty"),
])
def test_api_write_limits_and_validation(writer, body, status, words):
    response = writer.post("/api/documents", json=body, headers=AUTH)
    assert response.status_code == status
    assert words in response.json()["message"]


def test_api_write_refuses_a_declared_oversized_body(writer):
    response = writer.post("/api/documents", content=b"{}", headers={**AUTH, "Content-Length": "999999",
                                                                      "Content-Type": "application/json"})
    assert response.status_code == 413


def test_api_write_refuses_an_oversized_stream_without_a_length(writer):
    chunks = iter([b'{"doc_id": "s", "text": "' + "а".encode() * 1500, "а".encode() * 1500 + b'"}'])
    response = writer.post("/api/documents", content=chunks, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert "over the limit of 4000 bytes" in response.json()["message"]


def test_api_write_rejects_broken_json(writer):
    response = writer.post("/api/documents", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422
    assert "not valid JSON" in response.json()["message"]


# --- the pages ------------------------------------------------------------------


def test_web_event_page_escapes_article_text_and_marks_evidence(client):
    riyadh = client.get("/api/events", params={"place": "Эр-Рияд"}).json()["items"][0]
    page = client.get(f"/events/{riyadh['id']}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page.text
    assert '<mark id="span-1">1 февраля Кирилл Дмитриев и Стив Уиткофф провели встречу в Эр-Рияде.</mark>' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


@pytest.mark.parametrize("query, marked", [
    ("?highlight=0-8", "Редакция"),
    ("?highlight=0-8&highlight=18-24", "письмо"),
    ("?highlight=0-8,18-24", "письмо"),
    ("", None),
])
def test_web_document_page_highlights_spans(client, query, marked):
    page = client.get(f"/documents/w-005{query}")
    assert page.status_code == 200
    assert "&lt;script&gt;" in page.text and "<script>alert" not in page.text
    if marked:
        assert f">{marked}</mark>" in page.text
    else:
        assert "<mark" not in page.text


@pytest.mark.parametrize("path, status", [
    ("/documents/w-005?highlight=9-3", 422),
    ("/documents/w-005?highlight=abc", 422),
    ("/documents/nope", 404),
    ("/events/nope", 404),
    ("/actors/nobody-at-all", 404),
    ("/?from=tomorrow", 422),
    ("/?status=maybe", 422),
])
def test_web_errors_are_pages(client, path, status):
    page = client.get(path)
    assert page.status_code == status
    assert page.headers["content-type"].startswith("text/html")
    assert f"<h1>{status}" in page.text


@pytest.mark.parametrize("path, words", [
    ("/", ["5 встреч;", "Хронология", "Сеть участников", 'id="events-data"', "Эр-Рияд"]),
    ("/?actor=umerov-rustem&from=&to=&status=&place=", ["1 из 5", "Майами"]),
    ("/actors", ["Стив Уиткофф", "Реджеп Тайип Эрдоган"]),
    ("/actors/ushakov-yuri", ["помощник президента России", "«Разговор получился полезным»"]),
    ("/search?q=переговорах", ["Найдено: 3", "w-006", "2026-02 <span>1</span>", "2025-12 <span>2</span>",
                               "статей: 2", "<mark>переговор"]),
    ("/search?q=переговорах&month=2025-12", ["Найдено: 2 за 2025-12", "w-001"]),
    ("/search?q=", ["Введите слова"]),
])
def test_web_pages_render(client, path, words):
    page = client.get(path)
    assert page.status_code == 200
    for word in words:
        assert word in page.text


def test_web_timeline_data_cannot_close_its_script(client):
    page = client.get("/?actor=dmitriev-kirill").text
    data = page.split('id="events-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data


def test_api_every_route_is_documented(client):
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text(encoding="utf-8")
    routes = [f"`{method.upper()} {path}" for path, methods in client.get("/openapi.json").json()["paths"].items()
              for method in methods]
    assert [route for route in routes if route not in docs] == []


@pytest.mark.parametrize("count, word", [(1, "встреча"), (3, "встречи"), (5, "встреч"), (11, "встреч"),
                                         (21, "встреча"), (22, "встречи"), (112, "встреч")])
def test_web_counts_agree_in_russian(count, word):
    from parley.serve.app import russian_plural

    assert russian_plural(count, "встреча", "встречи", "встреч") == word


def test_web_page_shows_at_most_max_events(client, monkeypatch):
    from parley.serve import pages

    monkeypatch.setattr(pages, "MAX_PAGE_EVENTS", 2)
    page = client.get("/?status=held").text
    assert "Показаны первые 2 из 2" not in page
    page = client.get("/").text
    assert "Показаны первые 2 из 5" in page
    assert page.count('<tr data-event=') == 2


def test_api_unexpected_errors_are_json_without_details(db_url, monkeypatch):
    from parley.store import Store

    def broken(self, *args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(Store, "event", broken)
    with TestClient(create_app(Settings(db_url=db_url)), raise_server_exceptions=False) as failing:
        response = failing.get("/api/events/anything")
    assert response.status_code == 500
    assert response.json()["message"] == "the server failed to answer; the error is in its log"
    assert "secret" not in response.text


def test_web_document_page_lists_the_meetings_it_reports(client):
    page = client.get("/documents/w-003").text
    assert "Встречи, о которых сообщает статья" in page
    assert "Майами" in page and "?highlight=0-88#span-1" in page


def test_web_roles_over_time_group_each_role_once():
    from parley.serve.pages import roles_over_time

    said = [{"role": "президент России", "published": "2026-01-21", "doc_id": "b"},
            {"role": "российский лидер", "published": "2025-08-09", "doc_id": "a"},
            {"role": "Президент  России", "published": "2025-08-09", "doc_id": "a"}]
    grouped = roles_over_time(said)
    assert [(r["role"], r["first"], r["last"], len(r["sources"])) for r in grouped] == [
        ("Президент  России", "2025-08-09", "2026-01-21", 2), ("российский лидер", "2025-08-09", "2025-08-09", 1)]


def test_web_event_page_shows_conflicting_reports(client):
    moscow = client.get("/api/events", params={"place": "Москва"}).json()["items"][0]
    page = client.get(f"/events/{moscow['id']}").text
    assert "Расхождения между источниками" in page and "<strong>место</strong>" in page
    assert "Санкт-Петербург (<a href=\"/documents/w-007\" title=\"w-007\">Северный вестник</a>)" in page
    assert page.count("<mark") == 3
    assert "· место: Санкт-Петербург" in page


@pytest.mark.parametrize("doc_id", ["folder/статья #1?.txt", "notes.jsonl:12", "пробел в имени"])
def test_web_links_to_odd_document_ids_work(client, doc_id):
    from parley.records import Document
    from parley.serve.app import link_path

    client.app.state.store.save_document(Document(doc_id=doc_id, text="Текст <b>статьи</b>.", source=doc_id,
                                                  content_hash=f"odd-{doc_id}"))
    path = link_path(client.app, "document_page", doc_id=doc_id)
    assert "#" not in path and "?" not in path and " " not in path
    page = client.get(path + "?highlight=6-19")
    assert page.status_code == 200
    assert "<mark id=\"span-1\">&lt;b&gt;статьи&lt;/b&gt;</mark>" in page.text
    assert client.get("/api" + path).json()["doc_id"] == doc_id


@pytest.mark.parametrize("format, media", [("csv", "text/csv"), ("json", "application/json"),
                                           ("graphml", "application/graphml+xml"),
                                           ("timelinejs", "application/json")])
def test_api_export_of_the_filtered_meetings(client, format, media):
    listed = client.get("/api/events", params={"actor": "Уиткофф"}).json()
    response = client.get(f"/api/export/{format}", params={"actor": "Уиткофф"})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    assert "attachment" in response.headers["content-disposition"]
    dated = sum(1 for e in listed["items"] if e["date"])
    expected = dated if format == "timelinejs" else listed["total"]
    assert response.headers["x-parley-count"] == str(expected)
    if format == "json":
        assert [e["id"] for e in response.json()["items"]] == [e["id"] for e in listed["items"]]
    if format == "timelinejs":
        assert len(response.json()["events"]) == expected


def test_api_export_refuses_an_unknown_format_or_date(client):
    assert client.get("/api/export/docx").status_code == 422
    assert "'from'" in client.get("/api/export/csv", params={"from": "soon"}).json()["message"]


def test_web_participant_filter_offers_only_actors_with_meetings(client):
    page = client.get("/").text
    offered = page.split('id="filter-actor"', 1)[1].split("</select>", 1)[0]
    assert 'value="witkoff-steve"' in offered
    assert 'value="ushakov-yuri"' not in offered  # quoted, never at a meeting


def test_web_page_in_english_keeps_the_data_as_reported(client):
    page = client.get("/?hl=en&lang=ru")  # the page in English, the sources in Russian
    assert page.status_code == 200
    assert 'lang="en"' in page.text and "Timeline" in page.text and "Москва" in page.text
    assert "hl=en" in page.headers.get("set-cookie", "")


def test_api_a_round_of_two_days_is_one_event_with_its_range_and_outlets(client):
    moscow = client.get("/api/events", params={"place": "Москва"}).json()["items"][0]
    assert (moscow["date"], moscow["date_end"]) == ("2025-12-02", "2025-12-03")
    assert moscow["independent_outlets"] == ["Северный вестник", "Дневная газета"]
    assert {s["outlet"] for s in moscow["sources"]} == {"Северный вестник", "Дневная газета"}
    assert not [c for c in moscow["conflicts"] if c["field"] == "date"]  # the 2nd is inside the round
    assert client.get("/api/events", params={"from": "2025-12-03", "to": "2025-12-03"}).json()["total"] == 1
    page = client.get(f"/events/{moscow['id']}").text
    assert "2025-12-02 — 2025-12-03" in page


def test_api_export_keeps_the_source_language_filter(client):
    listed = client.get("/api/events", params={"lang": "uk"}).json()
    response = client.get("/api/export/json", params={"lang": "uk"})
    assert response.headers["x-parley-count"] == str(listed["total"])
