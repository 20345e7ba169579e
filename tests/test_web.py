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

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'parley.db'}"
    with Store.open(url) as store:
        fill(store)
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


@pytest.fixture()
def page(browser, server):
    """A fresh page that records console errors, failed requests and dialogs; none may happen."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server, locale="ru-RU")
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
