"""Topics and judgements on the page, in headless Debian Chromium at desktop (1400 px) and phone (390 px)
widths: topic chips and the topic filter, each side's judgement with its sentence marked, the tone chart.

Screenshots land in test-artifacts/web/ for a person to look at.
"""
from __future__ import annotations

import re
import threading
import time

import pytest

from test_web import ARTIFACTS, browser, free_port  # noqa: F401 - browser is a fixture used here
from test_web_talk_records import fill_talk

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": (1400, 900), "phone": (390, 844)}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from parley.serve import create_app
    from parley.settings import Settings
    from parley.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('web-talk') / 'parley.db'}"
    with Store.open(url) as store:
        fill_talk(store)
    config = uvicorn.Config(create_app(Settings(db_url=url)), host="127.0.0.1", port=free_port(), log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{config.port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(params=list(WIDTHS))
def page(request, browser, server):  # noqa: F811
    """A fresh page at one width that records console errors, failed requests and dialogs; none may happen."""
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=server, locale="ru-RU")
    opened = context.new_page()
    opened.width_name = request.param
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
    page.screenshot(path=str(ARTIFACTS / f"talk-{name}-{page.width_name}.png"), full_page=True)


def fits(page, selector: str) -> bool:
    """The element lies within the viewport's width."""
    return page.locator(selector).first.evaluate(
        "node => { const box = node.getBoundingClientRect(); return box.left >= 0 && box.right <= window.innerWidth + 1; }")


def test_web_topic_chips_and_filter(page):
    page.goto("/")
    rows = page.locator("table.events tbody tr")
    geneva = rows.filter(has_text="Женева")
    assert geneva.locator(".topic-chips li").all_inner_texts() == ["территория", "прекращение огня", "энергетика"]
    page.select_option("#filter-topic", "territory")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "topic=territory" in page.url
    assert page.locator("table.events tbody tr").count() == 1
    assert "Женева" in page.inner_text("table.events tbody")
    assert page.locator("#filter-topic").input_value() == "territory"
    shot(page, "01-index-by-topic")
    with page.expect_navigation():
        page.click("table.events tbody tr .topic-chips a >> text=энергетика")
    assert "topic=energy" in page.url and page.locator("table.events tbody tr").count() == 1


def test_web_event_page_shows_each_sides_judgement_with_its_sentence_marked(page):
    page.goto("/?topic=territory")
    with page.expect_navigation():
        page.click("table.events tbody a >> nth=0")
    sides = page.locator("section.judgements section.side")
    assert sides.locator("h3").all_inner_texts() == ["Россия", "Украина"]
    russia, ukraine = sides.nth(0), sides.nth(1)
    assert russia.locator("mark").all_inner_texts() == ["бесполезные"]
    assert russia.locator("blockquote").inner_text() == "В Кремле переговоры оценили как бесполезные."
    assert russia.locator(".tone").inner_text() == "отрицательно"
    assert ukraine.locator("mark").all_inner_texts() == ["тяжёлой, но деловой", "прошла продуктивно"]
    assert [t.strip() for t in ukraine.locator(".tone").all_inner_texts()] == ["неоднозначно", "положительно"]
    # markup inside an article's sentence stays text
    assert "<img src=x onerror=alert(1)>" in ukraine.locator("blockquote").first.inner_text()
    assert page.locator("section.judgements img").count() == 0
    assert "оценка" in page.inner_text("section.conflicts") and "Рустем Умеров: неоднозначно" in page.inner_text(
        "section.conflicts")
    assert page.locator("dl.facts .topic-chips li").count() == 3
    assert fits(page, "section.judgements")
    shot(page, "02-event-judgements")
    with page.expect_navigation():
        page.click("section.judgements section.side >> nth=0 >> .meta a")
    assert page.locator("mark").first.inner_text() == "В Кремле переговоры оценили как бесполезные."


def test_web_tone_chart_by_side_per_round(page):
    page.goto("/assessments")
    page.wait_for_selector("#tone-chart[data-rendered=true] canvas")
    chart = page.locator("#tone-chart")
    assert chart.get_attribute("data-rounds") == "3" and chart.get_attribute("data-series") == "3"
    legend = page.locator("#tone-chart .u-legend .u-series .u-label").all_inner_texts()
    assert legend == ["раунд", "Россия", "Украина", "США"]
    assert fits(page, "#tone-chart") and fits(page, "#tone-chart canvas")
    rounds = page.locator("table.rounds tbody tr")
    assert rounds.count() == 3
    geneva = rounds.nth(2).locator("td")
    assert geneva.nth(2).inner_text().split() == ["отрицательно"]  # Россия
    assert geneva.nth(3).inner_text().split() == ["неоднозначно", "положительно"]  # Украина
    assert page.locator("ol.judgement-list > li").count() == 6
    assert page.locator("ol.judgement-list mark").first.inner_text() == "полезным"
    shot(page, "03-tone-chart")


def test_web_tone_chart_follows_the_filters(page):
    page.goto("/assessments")
    page.select_option("#filter-side", "RUS")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    page.wait_for_selector("#tone-chart[data-rendered=true] canvas")
    assert page.get_attribute("#tone-chart", "data-series") == "1"
    assert page.get_attribute("#tone-chart", "data-rounds") == "3"  # Moscow, Riyadh, Geneva: Russia judged each
    assert page.locator("ol.judgement-list > li").count() == 3
    shot(page, "04-tone-chart-russia")


def test_web_tone_chart_opens_a_round_on_click(page):
    page.goto("/assessments?side=UKR")
    page.wait_for_selector("#tone-chart[data-rendered=true] canvas")
    assert page.get_attribute("#tone-chart", "data-rounds") == "1"
    over = page.locator("#tone-chart .u-over")
    box = over.bounding_box()
    # one round: uPlot puts it in the middle of the x axis
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert "/events/" in page.url and "Женева" in page.inner_text("h1")


# The page's own words in English: a text node or attribute with Cyrillic outside the data (names, places,
# sentences, article ids: every link to an actor, event or article, every quoted sentence) is a label left in
# Russian. The link to the Russian page names its language in Russian on purpose (lang="ru").
CYRILLIC_LABELS = """root => {
  const data = 'blockquote, mark, [lang=ru], .u-value, a[href^="/actors/"], a[href^="/events/"], a[href^="/documents/"], '
             + 'script, style, noscript, article.source, .participants, .data';
  const left = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/[\\u0400-\\u04FF]/.test(node.textContent) && !node.parentElement.closest(data)) {
      left.push(node.parentElement.tagName + "." + node.parentElement.className + ": " + node.textContent.trim());
    }
  }
  for (const element of root.querySelectorAll("[title], [aria-label], [placeholder]")) {
    if (element.closest(data)) { continue; }
    for (const name of ["title", "aria-label", "placeholder"]) {
      const value = element.getAttribute(name);
      if (value && /[\\u0400-\\u04FF]/.test(value)) { left.push(element.tagName + "@" + name + ": " + value); }
    }
  }
  return left;
}"""


CYRILLIC = re.compile("[\u0400-\u04FF]")
JUDGE = re.compile("[\u0400-\u04FF][\u0400-\u04FF .-]*: ")


def russian_labels(page, selector: str = "body") -> list[str]:
    return page.locator(selector).first.evaluate(CYRILLIC_LABELS)


def test_web_assessments_page_in_english_is_remembered(page):
    width = WIDTHS[page.width_name][0]
    page.goto("/assessments?hl=en")
    page.wait_for_selector("#tone-chart[data-rendered=true] canvas")
    assert page.get_attribute("html", "lang") == "en" and page.inner_text("h1") == "How the sides judged the rounds"
    legend = page.locator("#tone-chart .u-legend .u-series .u-label").all_inner_texts()
    assert legend == ["round", "Russia", "Ukraine", "USA"]
    assert page.locator("table.rounds thead th").all_inner_texts()[:2] == ["Date", "Meeting"]
    assert page.locator("#filter-tone option").all_inner_texts() == ["any", "positive", "mixed", "negative"]
    assert "territory" in page.locator("#filter-topic option").all_inner_texts()
    assert page.inner_text("#judgement-summary").startswith("6 assessments; rounds with assessments on the chart: 3")
    assert russian_labels(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, "05-assessments-english")
    # the choice is remembered: the next page without hl is English too, filters and all
    page.goto("/assessments?side=RUS")
    page.wait_for_selector("#tone-chart[data-rendered=true] canvas")
    assert page.get_attribute("html", "lang") == "en" and russian_labels(page) == []
    tones = [t.strip() for t in page.locator("table.rounds tbody .tone").all_inner_texts()]
    assert len(tones) == 3 and set(tones) <= {"positive", "mixed", "negative"}
    with page.expect_navigation():
        page.click("#language-ru")
    assert page.inner_text("h1") == "Как стороны оценивали раунды" and "side=RUS" in page.url


def test_web_event_judgements_and_topic_chips_in_english(page):
    width = WIDTHS[page.width_name][0]
    page.goto("/?topic=territory&hl=en")
    geneva = page.locator("table.events tbody tr").filter(has_text="Женева")
    assert geneva.locator(".topic-chips li").all_inner_texts() == ["territory", "ceasefire", "energy"]
    assert page.get_attribute("table.events .topic-chips a >> nth=0", "title") == "All meetings on this topic"
    with page.expect_navigation():
        page.click("table.events tbody a >> nth=0")
    assert page.get_attribute("html", "lang") == "en"
    sides = page.locator("section.judgements section.side")
    assert page.inner_text("#judgements-title") == "How the sides judged the meeting"
    assert sides.locator("h3").all_inner_texts() == ["Russia", "Ukraine"]
    assert [t.strip() for t in sides.locator(".tone").all_inner_texts()] == ["negative", "mixed", "positive"]
    assert sides.nth(0).locator("blockquote").inner_text() == "В Кремле переговоры оценили как бесполезные."
    assert "Рустем Умеров: mixed" in page.inner_text("section.conflicts")
    for part in ("section.judgements", "dl.facts .topic-chips", "header.site"):
        assert russian_labels(page, part) == [], part
    assert page.inner_text("h1").startswith("Meeting · ")  # then the place, as reported
    assert not [dt for dt in page.locator("dl.facts dt").all_inner_texts() if CYRILLIC.search(dt)]
    # a tone conflict names its judges (data) beside the tone (a label)
    conflicts = [JUDGE.sub("", text) for text in russian_labels(page, "section.conflicts")]
    assert not [text for text in conflicts if CYRILLIC.search(text)], conflicts
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, "06-event-judgements-english")
