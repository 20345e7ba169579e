"""The API and the page find an actor by any spelling the knowledge base knows, not only the stored ones."""
from __future__ import annotations

import pytest

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from parley.cli import app as cli  # noqa: E402
from parley.serve import create_app  # noqa: E402
from parley.serve.queries import actor_key  # noqa: E402
from parley.settings import Settings  # noqa: E402

ARTICLE = (" date 2025-12-03\nПутин принял Уиткоффа в Кремле\n"
           "Во вторник Владимир Путин встретился в Кремле со спецпосланником президента США Стивом Уиткоффом. "
           "Беседа длилась почти пять часов, рассказал журналистам помощник президента Юрий Ушаков.")


class CountingStore:
    def __init__(self, known: dict[str, int]):
        self.known = known

    def count_events(self, actor=None, **_):
        return self.known.get(actor, 0)


@pytest.mark.parametrize(("query", "expected"), [
    ("Виткофф", "witkoff"),  # a spelling the articles did not use
    ("Witkoff", "witkoff"),
    ("Steve Witkoff", "witkoff"),
    ("Уиткофф", "Уиткофф"),  # stored: the store answers it
    ("Уиткоффа", "Уиткоффа"),  # declined: the store's stemming answers it
    ("Владимир", "Владимир"),  # a first name names nobody in particular
    (None, None),
])
def test_serve_spellings_actor_key(query, expected):
    assert actor_key(CountingStore({"Уиткофф": 2}), query) == expected


@pytest.fixture(scope="module")
def client(tmp_path_factory, models):
    folder = tmp_path_factory.mktemp("spellings")
    (folder / "kremlin.txt").write_text(ARTICLE, encoding="utf-8")
    db = f"sqlite:///{folder / 'p.db'}"
    assert CliRunner().invoke(cli, ["ingest", str(folder / "kremlin.txt"), "--db", db]).exit_code == 0
    with TestClient(create_app(Settings(db_url=db))) as client:
        yield client


@pytest.mark.parametrize("spelling", ["Виткофф", "Witkoff", "Уиткоффа"])
def test_serve_spellings_events_and_actor(client, spelling):
    events = client.get("/api/events", params={"actor": spelling}).json()
    assert events["total"] == 1 and events["items"][0]["place"] == "Кремль"
    assert client.get(f"/api/actors/{spelling}").json()["id"] == "witkoff"
    page = client.get(f"/actors/{spelling}")
    assert page.status_code == 200 and "Также пишут" in page.text and "Steve Witkoff" in page.text
    assert 'value="witkoff" selected' in client.get("/", params={"actor": spelling}).text


def test_serve_event_page_heading_names_place_and_date(client):
    [event] = client.get("/api/events").json()["items"]
    page = client.get(f"/events/{event['id']}").text
    assert f"<h1>Встреча · Кремль · {event['date']}</h1>" in page
    assert '<dt>Участники</dt><dd class="participants">' in page
