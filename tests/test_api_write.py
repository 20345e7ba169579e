"""POST /api/documents through the real pipeline: a Russian article in, its meeting out."""
from __future__ import annotations

import pytest

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from parley.serve import create_app  # noqa: E402
from parley.settings import Settings  # noqa: E402

TOKEN = "write-token-91c2"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

GENEVA = {
    "doc_id": "geneva-talks", "published": "2026-03-04", "title": "Переговоры в Женеве",
    "url": "https://news.example/geneva-talks",
    "text": "Переговоры в Женеве\n\nЖЕНЕВА, 4 марта. Секретарь СНБО Украины Рустем Умеров и специальный посланник "
            "президента США Стив Уиткофф провели в среду переговоры в Женеве. Стороны обсудили условия прекращения "
            "огня и обмен пленными. «Мы договорились продолжить работу на следующей неделе», — заявил Умеров "
            "журналистам после встречи.",
}


@pytest.fixture()
def writer(tmp_path, models):
    with TestClient(create_app(Settings(db_url=f"sqlite:///{tmp_path / 'w.db'}", token=TOKEN))) as client:
        yield client


def test_api_write_finds_the_meeting_in_a_posted_article(writer):
    assert writer.get("/api/events", params={"actor": "Умеров"}).json()["total"] == 0  # now cached
    response = writer.post("/api/documents", json=GENEVA, headers=AUTH)
    assert response.status_code == 201
    [outcome] = response.json()["documents"]
    assert (outcome["doc_id"], outcome["status"], outcome["meetings"]) == ("geneva-talks", "processed", 1)

    [event] = writer.get("/api/events", params={"actor": "Умеров"}).json()["items"]
    assert event["id"] == outcome["events"][0]
    assert {p["name"] for p in event["participants"]} == {"Рустем Умеров", "Стив Уиткофф"}
    assert (event["place"], event["date"], event["status"]) == ("Женева", "2026-03-04", "held")
    [source] = event["sources"]
    text = writer.get("/api/documents/geneva-talks").json()["text"]
    assert text[source["evidence"]["start"]:source["evidence"]["end"]].startswith("Секретарь СНБО Украины")

    page = writer.get(f"/events/{event['id']}").text
    assert "<mark id=\"span-1\">Секретарь СНБО Украины Рустем Умеров" in page
    ledger = writer.get("/api/ledger").json()["items"]
    assert [(row["source"], row["status"]) for row in ledger] == [("api:geneva-talks", "processed")]


@pytest.mark.parametrize("second, status, reason", [
    (GENEVA, "processed", "unchanged"),
    ({**GENEVA, "doc_id": "geneva-copy"}, "skipped", "duplicate of geneva-talks"),
    ({**GENEVA, "doc_id": "geneva-twice"}, "skipped", "duplicate of geneva-talks"),
    ({"doc_id": "english", "text": "The envoys met in Geneva on Wednesday and talked for five hours."},
     "skipped", "only Russian"),
])
def test_api_write_follows_the_ingest_rules(writer, second, status, reason):
    if second["doc_id"] == "geneva-twice":  # both in one request
        outcome = writer.post("/api/documents", json=[GENEVA, second], headers=AUTH).json()["documents"][1]
    else:
        writer.post("/api/documents", json=GENEVA, headers=AUTH)
        [outcome] = writer.post("/api/documents", json=[second], headers=AUTH).json()["documents"]
    assert outcome["status"] == status
    assert reason in outcome["reason"]


def test_api_write_reads_a_ukrainian_article_into_the_same_event(writer):
    ukrainian = {
        "doc_id": "geneva-talks-uk", "published": "2026-03-04", "title": "Переговори в Женеві",
        "text": "Переговори в Женеві\n\nЖЕНЕВА, 4 березня. Секретар РНБО України Рустем Умєров і спеціальний посланець "
                "президента США Стів Віткофф провели в середу переговори в Женеві. Сторони обговорили умови "
                "припинення вогню та обмін полоненими.",
    }
    writer.post("/api/documents", json=GENEVA, headers=AUTH)
    [outcome] = writer.post("/api/documents", json=ukrainian, headers=AUTH).json()["documents"]
    assert (outcome["status"], outcome["meetings"]) == ("processed", 1)
    [event] = writer.get("/api/events", params={"actor": "Умєров"}).json()["items"]
    assert {s["doc_id"]: s["lang"] for s in event["sources"]} == {"geneva-talks": "ru", "geneva-talks-uk": "uk"}
    assert [e["id"] for e in writer.get("/api/events", params={"lang": "uk"}).json()["items"]] == [event["id"]]
    ledger = {row["source"]: row["lang"] for row in writer.get("/api/ledger").json()["items"]}
    assert sorted(ledger.values()) == ["ru", "uk"]
