"""The API's topics and judgements, on SQLite and PostgreSQL: events by topic, /api/assessments with the
same filters as ``parley assessments``, both in the OpenAPI document."""
from __future__ import annotations

import pytest

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from parley.serve import create_app  # noqa: E402
from parley.settings import Settings  # noqa: E402
from test_store_fixtures import BACKENDS, fresh_url  # noqa: E402
from test_web_talk_records import fill_talk  # noqa: E402


@pytest.fixture(scope="module", params=BACKENDS)
def client(request, tmp_path_factory):
    from parley.store import Store

    url = fresh_url(request.param, tmp_path_factory.mktemp("api-talk"))
    with Store.open(url) as store:
        fill_talk(store)
    with TestClient(create_app(Settings(db_url=url))) as opened:
        yield opened


@pytest.mark.parametrize("params, places", [
    ({"topic": "territory"}, ["Женева"]),
    ({"topic": "peace_plan"}, ["Москва"]),
    ({"topic": "economy", "actor": "Уиткофф"}, ["Эр-Рияд"]),
    ({"topic": "summit"}, []),
])
def test_api_events_by_topic(client, params, places):
    body = client.get("/api/events", params=params).json()
    assert [e["place"] for e in body["items"]] == places and body["total"] == len(places)


def test_api_event_carries_topics_judgements_and_tone_conflict(client):
    geneva = client.get("/api/events", params={"topic": "territory"}).json()["items"][0]
    event = client.get(f"/api/events/{geneva['id']}").json()
    assert event["topics"] == ["territory", "ceasefire", "energy"]
    assert {(t["topic"], t["doc_id"]) for t in event["topic_sources"]} == {
        ("territory", "t-202"), ("ceasefire", "t-203"), ("energy", "t-203")}
    assert [(a["by"], a["side"], a["tone"], a["doc_id"]) for a in event["assessments"]] == [
        ("Рустем Умеров", "UKR", "mixed", "t-202"), ("Россия", "RUS", "negative", "t-202"),
        ("Рустем Умеров", "UKR", "positive", "t-203")]
    assert event["assessments"][1]["sentence"]["text"] == "В Кремле переговоры оценили как бесполезные."
    assert {"field": "tone", "values": [{"value": "Рустем Умеров: mixed", "doc_ids": ["t-202"]},
                                        {"value": "Рустем Умеров: positive", "doc_ids": ["t-203"]}]} in event["conflicts"]


@pytest.mark.parametrize("params, judges", [
    ({}, ["ushakov-yuri", "dmitriev-kirill", "witkoff-steve", "umerov-rustem", "RUS", "umerov-rustem"]),
    ({"side": "RUS"}, ["ushakov-yuri", "dmitriev-kirill", "RUS"]),
    ({"side": "rus", "from": "2026-02"}, ["dmitriev-kirill", "RUS"]),
    ({"to": "2025-12"}, ["ushakov-yuri"]),
    ({"tone": "negative"}, ["witkoff-steve", "RUS"]),
    ({"topic": "energy"}, ["umerov-rustem", "RUS", "umerov-rustem"]),
    ({"judge": "Умеров"}, ["umerov-rustem", "umerov-rustem"]),
    ({"side": "UKR", "tone": "positive"}, ["umerov-rustem"]),
])
def test_api_assessments_filters(client, params, judges):
    response = client.get("/api/assessments", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert [row["by_id"] for row in body["items"]] == judges and body["total"] == len(judges)


def test_api_assessments_pages_and_rows(client):
    body = client.get("/api/assessments", params={"limit": 2, "offset": 1}).json()
    assert (body["total"], body["limit"], body["offset"], len(body["items"])) == (6, 2, 1, 2)
    row = body["items"][0]
    assert (row["date"], row["place"], row["by"], row["tone"]) == ("2026-02-01", "Эр-Рияд", "Кирилл Дмитриев",
                                                                   "positive")
    assert row["evidence"]["text"] == "продуктивными"
    assert row["sentence"]["text"] == "Дмитриев назвал переговоры продуктивными."
    assert row["topics"] == ["economy", "humanitarian"] and row["url"] == "https://news.example/t-201"


@pytest.mark.parametrize("params, words", [
    ({"side": "R1"}, "query parameter 'side'"), ({"tone": "warm"}, "query parameter 'tone'"),
    ({"topic": "war"}, "query parameter 'topic'"), ({"from": "2026-13"}, "query parameter 'from'"),
    ({"limit": 0}, "query parameter 'limit'"),
])
def test_api_assessments_bad_parameters_are_named(client, params, words):
    response = client.get("/api/assessments", params=params)
    assert response.status_code == 422 and words in response.json()["message"]


def test_api_events_unknown_topic_is_named(client):
    response = client.get("/api/events", params={"topic": "weather"})
    assert response.status_code == 422 and "query parameter 'topic'" in response.json()["message"]


def test_api_openapi_describes_topics_and_assessments(client):
    spec = client.get("/openapi.json").json()
    assert "/api/assessments" in spec["paths"]
    names = {p["name"] for p in spec["paths"]["/api/assessments"]["get"]["parameters"]}
    assert {"side", "from", "to", "tone", "topic", "judge", "limit", "offset"} <= names
    topic = next(p for p in spec["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "topic")
    assert "territory" in str(topic["schema"]) or "TopicName" in str(topic["schema"])
    schemas = spec["components"]["schemas"]
    assert {"AssessmentPage", "AssessmentRow", "Judgement", "TopicSource"} <= set(schemas)
    assert "assessments" in schemas["Event"]["properties"] and "topics" in schemas["Event"]["properties"]
    assert schemas["TopicName"]["enum"] == ["territory", "ceasefire", "security_guarantees", "peace_plan",
                                            "economy", "energy", "humanitarian", "summit"]


# --- the page, without a browser ------------------------------------------------------


@pytest.mark.parametrize("path, status", [
    ("/assessments", 200), ("/assessments?side=RUS&from=2026-01&tone=negative&topic=territory", 200),
    ("/assessments?side=R1", 422), ("/assessments?tone=warm", 422), ("/assessments?topic=war", 422),
    ("/assessments?from=2026-13", 422), ("/?topic=territory", 200), ("/?topic=war", 422),
])
def test_web_assessment_filters(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")


def test_web_assessments_page_escapes_sentences_and_keeps_data_inert(client):
    page = client.get("/assessments").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page
    data = page.split('id="tone-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data


def test_web_event_page_groups_judgements_by_side(client):
    geneva = client.get("/api/events", params={"topic": "territory"}).json()["items"][0]["id"]
    page = client.get(f"/events/{geneva}").text
    section = page.split('class="judgements"', 1)[1].split("</section>\n</section>", 1)[0]
    assert section.index("Россия") < section.index("Украина")
    assert "<mark>бесполезные</mark>" in section and "<mark>тяжёлой, но деловой</mark>" in section
    assert "Рустем Умеров: неоднозначно" in page  # the tone conflict, in the page's words


def test_web_tone_rounds_average_each_side():
    from parley.serve.talkviews import tone_rounds

    def judgement(side, tone, by="x"):
        return {"side": side, "tone": tone, "by": by}

    events = [
        {"id": "b", "date": "2026-02-17", "participants": [{"name": "Рустем Умеров"}],
         "assessments": [judgement("UKR", "mixed"), judgement("UKR", "positive"), judgement(None, "negative")]},
        {"id": "a", "date": "2026-01", "participants": [], "assessments": [judgement("RUS", "negative")]},
        {"id": "c", "date": None, "participants": [], "assessments": [judgement("RUS", "positive")]},
        {"id": "d", "date": "2026-03-01", "participants": [], "assessments": []},
    ]
    rounds = tone_rounds(events)
    assert [r["id"] for r in rounds] == ["a", "b"]  # undated or unjudged rounds cannot be placed
    assert rounds[0]["sides"] == {"RUS": {"tones": ["negative"], "judges": ["x"], "score": -1.0}}
    assert list(rounds[1]["sides"]) == ["UKR", "—"] and rounds[1]["sides"]["UKR"]["score"] == 0.5
    assert rounds[1]["label"] == "Умеров"


def test_web_assessments_page_says_when_the_list_is_cut(client, monkeypatch):
    from parley.serve import talkviews

    monkeypatch.setattr(talkviews, "MAX_PAGE_JUDGEMENTS", 2)
    page = client.get("/assessments?tone=positive").text
    assert page.count('<li class="judgement">') == 2 and "В списке первые 2" in page
