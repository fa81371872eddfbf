"""The dashboard in a real browser: Playwright driving Debian's Chromium against `parley serve`'s app on
127.0.0.1, over a store built from the shared corpus (or, without it, the bundled examples) plus one of our
negotiation stories.

Every page must render its charts and tables with no console error and no request leaving 127.0.0.1;
changing a filter changes the URL and the content; a click on a mark narrows the filter; the event
drill-down shows the sentence and the outlets; the negotiation page shows parties, state and gaps.

These tests skip only when asked: PARLEY_SKIP_BROWSER=1. Chromium is found at PARLEY_CHROMIUM, else
Debian's /usr/lib/chromium/chromium (`apt-get install chromium`; `.ci/run` installs it). With
PARLEY_SCREENSHOTS=<folder> each page is also saved as a PNG there (docs/web/ holds the ones in the docs).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if os.environ.get("PARLEY_SKIP_BROWSER") == "1":
    pytest.skip("PARLEY_SKIP_BROWSER=1 asks to skip the browser tests", allow_module_level=True)

import uvicorn  # noqa: E402
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from conftest import SHARED  # noqa: E402
from parley.coder import Coder  # noqa: E402
from parley.readers import read_jsonl  # noqa: E402
from parley.store import ingest  # noqa: E402
from parley.web import create_app  # noqa: E402

pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("PARLEY_CHROMIUM", "/usr/lib/chromium/chromium")
SCREENSHOTS = os.environ.get("PARLEY_SCREENSHOTS")
STORY = Path(__file__).parent / "fixtures" / "stories" / "venezuela_mexico_city.jsonl"
EXAMPLES = Path(__file__).parent.parent / "examples" / "articles.jsonl"


def _articles() -> list[Any]:
    corpus = SHARED / "corpus"
    articles: list[Any] = []
    if (corpus / "wikinews.jsonl").exists() and (corpus / "insightcrime.jsonl").exists():
        articles += list(read_jsonl(corpus / "wikinews.jsonl"))[:40]
        articles += list(read_jsonl(corpus / "insightcrime.jsonl"))[:10]
    else:
        articles += list(read_jsonl(EXAMPLES))
    return articles + list(read_jsonl(STORY))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "news.duckdb"
    ingest(_articles(), db=db, coder=coder)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: apt-get install chromium, set PARLEY_CHROMIUM, or set "
                    "PARLEY_SKIP_BROWSER=1 to skip the browser tests")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


class Visit:
    """A page with what it logged and asked for: console errors, page errors, requests that left."""

    def __init__(self, page: Page, origin: str) -> None:
        self.page = page
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.requests: list[tuple[str, int | None]] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("response", lambda r: self.requests.append((r.url, r.status)))

        def route(route: Any) -> None:
            if route.request.url.startswith(origin + "/"):
                route.continue_()
            else:
                self.outside.append(route.request.url)
                route.abort()

        page.route("**/*", route)

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.outside == [], self.outside


@pytest.fixture
def visit(browser: Browser, origin: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    visits: list[Visit] = []

    def go(path: str, *, shot: str | None = None) -> Visit:
        page = context.new_page()
        seen = Visit(page, origin)
        visits.append(seen)
        response = page.goto(origin + path, wait_until="networkidle")
        assert response is not None and response.status == 200, (path, response and response.status)
        if shot and SCREENSHOTS:
            Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(SCREENSHOTS) / f"{shot}.png"), full_page=False)
        return seen

    yield go
    context.close()


def _rendered(page: Page, chart: str) -> None:
    page.wait_for_selector(f"#{chart}[data-rendered='1']", timeout=15_000)
    assert page.locator(f"#{chart} .main-svg").count() >= 1


@pytest.mark.parametrize("path, chart, table, shot", [
    ("/", "chart-series", "#top-actors", "overview"),
    ("/?unit=reports&freq=month", "chart-series", "#outlets", None),
    ("/events", None, "#events-table", "events"),
    ("/events?unit=reports", None, "#reports-table", None),
    ("/map", "chart-map", "#events-table", "map"),
    ("/dyads", "chart-ab", "#top-dyads", "dyads"),
    ("/changes", None, "main", "changes"),
    ("/actors", "chart-network", None, "actors"),
    ("/negotiations", None, "#processes", None),
])
def test_every_page_renders_with_no_error_and_no_request_leaving_the_machine(visit: Any, path: str, chart: str | None,
                                                                             table: str | None,
                                                                             shot: str | None) -> None:
    seen = visit(path)
    if chart:
        _rendered(seen.page, chart)
    if table:
        assert seen.page.locator(table).count() == 1
    if shot and SCREENSHOTS:
        seen.page.screenshot(path=str(Path(SCREENSHOTS) / f"{shot}.png"))
    seen.clean()


def test_the_map_draws_country_shapes_served_locally(visit: Any) -> None:
    seen = visit("/map")
    _rendered(seen.page, "chart-map")
    shapes = [status for url, status in seen.requests if url.endswith("/static/topojson/world_110m.json")]
    assert shapes == [200]
    assert seen.page.locator("#chart-map path.choroplethlocation").count() > 0
    seen.clean()


def test_changing_a_filter_changes_the_url_and_the_content(visit: Any) -> None:
    seen = visit("/events")
    page = seen.page
    before = page.locator("#events-total").inner_text()
    rows_before = page.locator("#events-table tbody tr").count()
    page.fill("#filters input[name=cameo]", "04")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/events?cameo=04*")
    assert "cameo=04" in page.url and "modality" not in page.url   # defaults stay out of the URL
    after = page.locator("#events-total").inner_text()
    assert (after, page.locator("#events-table tbody tr").count()) != (before, rows_before)
    codes = page.locator("#events-table tbody tr td:nth-child(4) a").all_inner_texts()
    assert codes and all(code.startswith("04") for code in codes)
    seen.clean()


def test_a_click_on_a_bar_narrows_the_filter_to_its_period_and_quad(visit: Any) -> None:
    seen = visit("/?freq=month")
    page = seen.page
    _rendered(page, "chart-series")
    period = page.evaluate("() => JSON.parse(document.getElementById('page-data').textContent)"
                           ".series.find(r => r.events > 0).period")
    # The click as Plotly reports it (its own hit-testing is Plotly's business): our handler narrows the URL.
    page.evaluate("p => document.getElementById('chart-series').emit('plotly_click', "
                  "{points: [{x: p, customdata: 4, data: {type: 'bar'}}]})", period)
    page.wait_for_url("**/?*date_from=*")
    assert f"date_from={period}" in page.url and "quad=4" in page.url and "freq=month" in page.url
    seen.clean()


def test_a_click_on_an_actor_narrows_every_view(visit: Any) -> None:
    seen = visit("/")
    page = seen.page
    link = page.locator("#top-actors tbody tr td a").first
    code = link.inner_text()
    link.click()
    page.wait_for_url(f"**actor={code}*")
    events_link = page.locator("header nav a", has_text="Events")
    assert f"actor={code}" in (events_link.get_attribute("href") or "")
    events_link.click()
    page.wait_for_url("**/events?*")
    assert f"actor={code}" in page.url
    seen.clean()


def test_the_event_drill_down_shows_every_report_with_its_sentence_and_outlet(visit: Any) -> None:
    seen = visit("/events")
    page = seen.page
    page.locator("#events-table button.open").first.click()
    detail = page.locator("tr.report-detail .report").first
    detail.wait_for(timeout=10_000)
    assert detail.locator(".outlet").inner_text().strip()
    assert detail.locator(".sentence mark.m-trigger").count() == 1
    assert detail.locator(".sentence").inner_text().strip()
    seen.clean()


def test_the_event_page_marks_the_sentence_and_lists_the_outlets(visit: Any, origin: str) -> None:
    seen = visit("/events")
    href = seen.page.locator("#events-table tbody tr td:nth-child(4) a").first.get_attribute("href")
    assert href and href.startswith("/events/")
    event = visit(href, shot="event")
    page = event.page
    assert page.locator("#reports .report").count() == int(page.locator("#n-reports").inner_text())
    assert page.locator("#reports .sentence mark.m-trigger").count() >= 1
    assert page.locator("#reports .outlet").first.inner_text().strip()
    event.clean()
    seen.clean()


def test_the_negotiation_page_shows_parties_state_and_gaps(visit: Any) -> None:
    listing = visit("/negotiations")
    link = listing.page.locator("#processes tbody a", has_text="Venezuela")
    assert link.count() >= 1
    href = link.first.get_attribute("href")
    board = visit(href, shot="negotiation")
    page = board.page
    roles = page.locator("#roles li").all_inner_texts()
    assert any(r.startswith("party: Venezuela") for r in roles) and any(r.startswith("mediator") for r in roles)
    assert page.locator("#state").inner_text() in ("ongoing", "suspended", "partial_agreement", "agreement",
                                                   "collapsed")
    assert page.locator("#gaps li").count() >= 1
    assert page.locator("#positions tbody tr").count() >= 1
    _rendered(page, "chart-states")
    board.clean()
    listing.clean()


def test_the_article_page_marks_every_coded_event(visit: Any) -> None:
    seen = visit("/events")
    href = seen.page.locator("#events-table tbody tr td:nth-child(4) a").first.get_attribute("href")
    event = visit(href)
    article_href = event.page.locator("#reports .meta a").first.get_attribute("href")
    assert article_href and article_href.startswith("/articles/")
    article = visit(article_href, shot="article")
    page = article.page
    assert page.locator("#article-text mark.m-trigger").count() >= 1
    assert page.locator("#article-events tbody tr").count() >= page.locator("#article-text mark.m-trigger").count()
    article.clean()


def test_every_view_exports_its_data_with_the_same_filter(visit: Any, origin: str) -> None:
    seen = visit("/map?cameo=04")
    page = seen.page
    links = {a.get_attribute("data-export"): a.get_attribute("href") for a in page.locator("footer a").all()}
    assert set(links) >= {"json", "csv", "geojson"}
    assert all("cameo=04" in (href or "") for href in links.values())
    body = page.request.get(origin + links["geojson"]).json()
    assert body["type"] == "FeatureCollection"
    assert json.dumps(body)  # plain JSON
    seen.clean()
