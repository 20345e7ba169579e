"""The page in a real browser: headless Debian Chromium driven by Playwright, against a real uvicorn server.

Screenshots land in test-artifacts/web/ for a person to look at.
"""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from test_api_records import fill

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "web"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real uvicorn server on a loopback port, on a fresh SQLite file; yields its base URL."""
    import uvicorn

    from parley.serve import create_app
    from parley.settings import Settings
    from parley.store import Store

    from parley.resolve import coordinates

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'parley.db'}"
    with Store.open(url) as store:
        fill(store)
    coordinates.warm()  # the map's cities load once, here, not inside the first test's wait
    port = free_port()
    config = uvicorn.Config(create_app(Settings(db_url=url)), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium package (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


WAIT_MS = 60_000  # a shared machine under load draws slowly; nothing here should take that long


def open_page(browser, server, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=server, locale="ru-RU")
    context.set_default_timeout(WAIT_MS)
    return context, context.new_page()


def watched(opened) -> list[str]:
    """Console errors, failed requests and dialogs of a page, as they happen."""
    problems: list[str] = []
    opened.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on("response", lambda response: response.status >= 400 and problems.append(
        f"{response.status} {response.url}"))
    opened.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    return problems


@pytest.fixture(params=[(1400, 900), (390, 844)], ids=["desktop", "phone"])
def sized(request, browser, server):
    """A fresh page at a desktop's and at a phone's width; no console error, failed request or dialog."""
    context, opened = open_page(browser, server, *request.param)
    problems = watched(opened)
    opened.expected_problems = []  # what a test asks for on purpose (a 404 page)
    yield opened, request.param[0]
    context.close()
    left = [p for p in problems if not any(word in p for word in opened.expected_problems)]
    assert not left, left


@pytest.fixture()
def page(browser, server):
    """A fresh page that records console errors, failed requests and dialogs; none may happen."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server, locale="ru-RU")
    context.set_default_timeout(WAIT_MS)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on("response", lambda response: response.status >= 400 and problems.append(
        f"{response.status} {response.url}"))
    opened.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield opened
    context.close()
    assert not problems, problems


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_web_timeline_and_network_render(page):
    page.goto("/")
    page.wait_for_selector("#timeline[data-rendered=true] .vis-item")
    page.wait_for_selector("#network[data-rendered=true]")
    assert page.locator("#timeline .vis-item-content").count() == 4  # the fifth event has no date: table only
    for status in ("held", "planned", "cancelled"):
        assert page.locator(f"#timeline .vis-item.status-{status} .vis-item-content").count() >= 1
    assert page.locator(".legend li").count() == 8  # four statuses, four sides
    assert page.get_attribute("#network", "data-nodes") == "9"  # everyone who met someone
    assert page.locator("table.events tbody tr").count() == 5
    shot(page, "01-index")


def test_web_filter_by_actor_then_open_event_with_highlighted_evidence(page):
    page.goto("/")
    page.select_option("#filter-actor", "umerov-rustem")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "actor=umerov-rustem" in page.url
    page.wait_for_selector("#timeline[data-rendered=true] .vis-item")
    assert page.locator("#timeline .vis-item-content").count() == 1
    assert "1 из 5" in page.inner_text("#summary")
    assert page.locator("table.events tbody tr").count() == 1
    shot(page, "02-filtered-by-actor")

    with page.expect_navigation():
        page.click("#timeline .vis-item .vis-item-content")
    assert "/events/" in page.url
    mark = page.locator("article.source mark").first
    assert mark.inner_text() == ("Секретарь СНБО Украины Рустем Умеров встретится со Стивом Уиткоффом "
                                 "в Майами 10 декабря.")
    assert mark.is_visible()
    shot(page, "03-event")


def test_web_script_inside_an_article_stays_text(page):
    page.goto("/?place=Эр-Рияд")
    with page.expect_navigation():
        page.click("table.events tbody a >> nth=0")
    article = page.locator("article.source .article").first
    assert "<script>alert('xss')</script>" in article.inner_text()
    assert page.locator("article.source .article script").count() == 0
    assert "<script>alert(1)</script>" in page.inner_text("article.source h3")
    shot(page, "04-event-with-script-text")


def test_web_actor_and_document_pages(page):
    page.goto("/actors/witkoff-steve")
    page.wait_for_selector("#timeline[data-rendered=true] .vis-item")
    assert page.locator("#timeline .vis-item-content").count() == 3
    shot(page, "05-actor-with-meetings")
    page.goto("/actors/ushakov-yuri")
    assert "помощник президента России" in page.inner_text("table.roles")
    assert "Разговор получился полезным" in page.inner_text("figure.quote")
    shot(page, "05-actor-with-quote")
    with page.expect_navigation():
        page.click("figure.quote a")
    assert page.locator("mark").first.inner_text() == "Разговор получился полезным"
    shot(page, "06-document")


def test_web_search_finds_inflected_words(page):
    page.goto("/")
    page.fill("header form.search input[name=q]", "переговорах")
    with page.expect_navigation():
        page.press("header form.search input[name=q]", "Enter")
    assert page.locator("ol.results li").count() == 2  # two articles
    assert page.locator("ol.results p.snippet").count() == 3  # three passages
    assert page.locator("ol.results p.snippet mark").count() >= 3  # the word marked in each, in any form
    shot(page, "07-search")


def test_web_api_docs_page_works_offline(page):
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".swagger-ui .opblock").count() >= 8
    shot(page, "08-api-docs")


def test_web_event_with_conflicting_reports(page):
    page.goto("/?place=Москва")
    with page.expect_navigation():
        page.click("table.events tbody a >> nth=0")
    assert "Санкт-Петербург" in page.inner_text("section.conflicts")
    assert page.locator("article.source mark").count() == 3
    shot(page, "09-event-with-conflict")


def test_web_month_precision_label_is_not_cut(page):
    page.goto("/")
    page.wait_for_selector("#timeline[data-rendered=true] .vis-item")
    month = page.locator("#timeline .vis-item.month-precision .vis-item-content")
    assert month.count() == 1
    assert month.inner_text().startswith("≈ ")
    assert month.evaluate("node => node.scrollWidth <= node.parentElement.clientWidth + 1")  # the label fits its box


def _event_id(server, place: str) -> str:
    import json
    from urllib.parse import quote
    from urllib.request import urlopen

    with urlopen(f"{server}/api/events?place={quote(place)}") as answer:
        return json.load(answer)["items"][0]["id"]


PAGES = [("index", "/"), ("filtered", "/?actor=witkoff-steve"), ("event", None), ("actors", "/actors"),
         ("actor", "/actors/witkoff-steve"), ("document", "/documents/w-003?highlight=0-88#span-1"),
         ("search", "/search?q=переговорах в Москве"), ("not-found", "/events/nothing-here"), ("api-docs", "/docs"),
         ("assessments", "/assessments")]


@pytest.mark.parametrize("name, path", PAGES, ids=[name for name, _ in PAGES])
def test_web_no_page_scrolls_sideways(sized, server, name, path):
    page, width = sized
    if path is None:
        path = f"/events/{_event_id(server, 'Москва')}"
    if name == "not-found":
        page.expected_problems += ["nothing-here", "status of 404"]
    page.goto(path)
    page.wait_for_load_state("networkidle")
    if name == "api-docs":
        page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    for box in ("#timeline", "#network", "#map"):
        if page.locator(box).count():
            page.wait_for_selector(f"{box}[data-rendered=true]")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{path} is {scroll} px wide in a {width} px window"
    shot(page, f"10-{name}-{width}")


def test_web_every_dated_meeting_is_on_the_timeline_in_its_track(sized):
    page, width = sized
    page.goto("/")
    page.wait_for_selector("#timeline[data-rendered=true] .vis-item")
    timeline = page.locator("#timeline")
    assert timeline.get_attribute("data-items") == "4"
    inside = page.evaluate("""() => {
        const box = document.querySelector('#timeline').getBoundingClientRect();
        return [...document.querySelectorAll('#timeline .vis-item-content')].map(item => {
            const r = item.getBoundingClientRect();
            return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1
                && r.right <= box.right + 1;
        });
    }""")
    assert inside == [True] * 4  # every item in view without dragging, however narrow the page
    assert int(timeline.get_attribute("data-tracks")) >= 2
    assert page.locator("#timeline .vis-labelset .vis-label").count() == int(timeline.get_attribute("data-tracks"))
    assert (timeline.get_attribute("data-first"), timeline.get_attribute("data-last")) == ("2025-12-02", "2026-02-01")
    round_label = page.locator("#timeline .vis-item.round .vis-item-content")  # the two-day Moscow round
    assert round_label.count() == 1 and round_label.inner_text().startswith("02–03 ")


def test_web_network_persons_by_side_countries_on_demand_and_no_label_overlaps(sized):
    page, width = sized
    page.goto("/")
    page.wait_for_selector("#network[data-rendered=true]")
    overlaps = """() => {
        const cy = document.querySelector('#network')._cy;
        const boxes = cy.nodes().map(n => n.boundingBox({includeLabels: true, includeOverlays: false}));
        let count = 0;
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (Math.min(a.x2, b.x2) > Math.max(a.x1, b.x1) && Math.min(a.y2, b.y2) > Math.max(a.y1, b.y1)) count++;
        }
        return count;
    }"""
    kinds = "() => [...new Set(document.querySelector('#network')._cy.nodes().map(n => n.data('kind')))].sort()"
    assert page.evaluate(kinds) == ["person"]
    assert page.evaluate(overlaps) == 0
    widths = page.evaluate("() => document.querySelector('#network')._cy.edges().map(e => [e.data('held'), "
                           "e.data('line')])")
    assert all((held == 0) == (line == "dashed") for held, line in widths)
    assert any(line == "dashed" for _, line in widths) and any(line == "solid" for _, line in widths)
    page.evaluate("() => { document.querySelector('#network').dataset.rendered = 'again'; }")
    page.check("#network-countries")  # the network is drawn again at once (these meetings name no country)
    assert page.get_attribute("#network", "data-rendered") == "true"
    assert page.evaluate(overlaps) == 0
    graphml = page.get_attribute(".export-links a[data-format=graphml]", "href")
    assert "countries=true" in graphml
    shot(page, f"11-network-countries-{width}")


def test_web_map_marks_places_and_a_click_filters_the_meetings(sized):
    page, width = sized
    page.goto("/")
    page.wait_for_selector("#map[data-rendered=true] svg")
    assert page.get_attribute("#map", "data-markers") == "4"  # Moscow, Miami, Budapest, Riyadh
    assert page.locator("#map .land path").count() > 100  # the world's countries, drawn offline
    colours = page.evaluate("() => Object.fromEntries([...document.querySelectorAll('#map .marker')]"
                            ".map(m => [m.dataset.place, m.querySelector('circle').getAttribute('fill')]))")
    assert colours["Будапешт"] == "#c62828"  # cancelled
    with page.expect_navigation():
        page.click("#map .marker[data-place='Майами'] circle", force=True)
    assert "place=" in page.url
    assert page.locator("table.events tbody tr").count() == 1
    assert "Майами" in page.inner_text("table.events")


def test_web_timeline_window_filters_the_page_and_the_exports(page, server):
    page.goto("/")
    page.wait_for_selector("#timeline[data-rendered=true] .vis-item")
    page.wait_for_selector("#map[data-rendered=true] svg")
    page.evaluate("() => window.scrollTo(0, 0)")
    box = page.locator("#timeline .vis-center").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.keyboard.down("Control")
    for _ in range(6):
        page.mouse.wheel(0, -300)  # zoom in on the middle of the range: the ends fall out of the window
    page.keyboard.up("Control")
    page.wait_for_selector("#brush:not([hidden])")
    shown = page.locator("table.events tbody tr:not([hidden])").count()
    assert 0 < shown < 5
    dates = page.inner_text("#brush-range").split(" — ")
    csv = page.get_attribute(".export-links a[data-format=csv]", "href")
    assert f"from={dates[0]}" in csv and f"to={dates[1]}" in csv
    answer = page.request.get(server + csv)
    assert answer.ok and answer.headers["x-parley-count"] == str(shown)
    assert int(page.get_attribute("#map", "data-markers")) <= shown
    shot(page, "12-brushed")
    page.click("#brush-reset")
    assert page.locator("table.events tbody tr:not([hidden])").count() == 5


def test_web_export_links_carry_the_filters_and_the_counts_agree(page, server):
    page.goto("/?actor=witkoff-steve")
    rows = page.locator("table.events tbody tr").count()
    for fmt in ("csv", "json", "graphml", "timelinejs"):
        href = page.get_attribute(f".export-links a[data-format={fmt}]", "href")
        assert href.startswith(f"/api/export/{fmt}?") and "actor=witkoff-steve" in href
        answer = page.request.get(server + href)
        assert answer.ok, fmt
        dated = page.locator("table.events tbody tr[data-date^='2']").count()
        assert answer.headers["x-parley-count"] == str(dated if fmt == "timelinejs" else rows), fmt


def test_web_english_is_one_click_away_and_remembered(page):
    page.goto("/?status=held")
    assert page.get_attribute("html", "lang") == "ru"
    with page.expect_navigation():
        page.click("#language-en")
    assert "status=held" in page.url and "hl=en" in page.url and page.get_attribute("html", "lang") == "en"
    assert "Timeline" in page.inner_text("#timeline-title")
    page.wait_for_selector("#timeline[data-rendered=true] .vis-item")
    page.goto("/actors")
    assert page.get_attribute("html", "lang") == "en" and "Actors" in page.inner_text("h1")
    shot(page, "13-actors-in-english")
    with page.expect_navigation():
        page.click("#language-ru")
    assert page.get_attribute("html", "lang") == "ru" and "Участники" in page.inner_text("h1")


def test_web_event_page_names_outlets(page, server):
    page.goto(f"/events/{_event_id(server, 'Москва')}")
    assert page.locator("article.source .outlet").count() >= 2
    assert page.inner_text("#independence").startswith(("2", "3"))
