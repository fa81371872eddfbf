"""The dashboard in a real browser (Chromium driven by Playwright) against the real server.

One store is built per module with the real coder: from the shared corpus when it is there (some Wikinews
and InSight Crime articles plus one negotiation story of ours), otherwise, and when taking screenshots
(which carry the text shown into the docs), from the examples and every negotiation story: our own text.
The server runs in a thread on a free loopback port. Every page is checked for console errors, uncaught
exceptions and requests leaving the server (those are blocked, so a leak fails at once).

Set PARLEY_SKIP_BROWSER=1 to skip these tests; without it a missing browser fails them. Set
PARLEY_SCREENSHOTS=docs/web to write the screenshots of docs/web/ again. PARLEY_CHROMIUM names the browser
executable when it is not Debian's chromium.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("PARLEY_SKIP_BROWSER", "") not in ("", "0"),
                       reason="PARLEY_SKIP_BROWSER asks to skip the browser tests"),
]

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
STORIES = Path(__file__).parent / "fixtures" / "stories"
STATUSES = ("ongoing", "suspended", "partial agreement", "agreement", "collapsed")


# ---- the store, the server, the browser -------------------------------------------------------------


def _articles() -> list[Any]:
    """Articles for the store; only our own text when taking screenshots (they go into the docs)."""
    from parley.readers import read_jsonl

    if CORPUS.is_dir() and not os.environ.get("PARLEY_SCREENSHOTS"):
        return [*itertools.islice(read_jsonl(CORPUS / "wikinews.jsonl"), 60),
                *itertools.islice(read_jsonl(CORPUS / "insightcrime.jsonl"), 20),
                *read_jsonl(STORIES / "iran_us_indirect.jsonl")]
    return [*read_jsonl(ROOT / "examples" / "articles.jsonl"),
            *(a for path in sorted(STORIES.glob("*.jsonl")) for a in read_jsonl(path))]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from parley.coder import Coder
    from parley.store import ingest

    path = tmp_path_factory.mktemp("web-browser") / "parley.duckdb"
    report = ingest(_articles(), db=path, coder=Coder())
    assert report.failed == 0 and report.events > 0, report
    return path


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


@dataclass(frozen=True)
class Site:
    origin: str
    cluster_id: str  # the merged event with the most reports
    article_id: str  # an article of that event
    process_id: str  # a negotiation process


@pytest.fixture(scope="module")
def site(db: Path) -> Iterator[Site]:
    import uvicorn

    from parley.web import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, name="parley-web-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    origin = f"http://127.0.0.1:{port}"
    try:
        clusters = _get_json(f"{origin}/api/v1/clusters?limit=500")["rows"]
        best = max(clusters, key=lambda r: (r["n_mentions"], r["n_articles"], r["cluster_id"]))
        reports = _get_json(f"{origin}/api/v1/clusters/{best['cluster_id']}")["reports"]
        processes = _get_json(f"{origin}/api/v1/negotiations")["rows"]
        assert processes, "the store has no negotiation process"
        yield Site(origin, best["cluster_id"], reports[0]["article_id"], processes[0]["id"])
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def _chromium() -> str | None:
    """Debian's chromium (the binary, not the /usr/bin wrapper), or None for Playwright's own browser."""
    for candidate in (os.environ.get("PARLEY_CHROMIUM"), "/usr/lib/chromium/chromium",
                      "/usr/lib/chromium-browser/chromium-browser", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=_chromium())
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Tab:
    """A browser page on the site that records what went wrong: console errors, uncaught exceptions,
    requests to anywhere but the server (aborted), and every response."""

    page: Any
    origin: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    responses: dict[str, int] = field(default_factory=dict)

    def open(self, path: str) -> Any:
        self.page.goto(self.origin + path)
        return self.page

    def path(self) -> str:
        """The current URL without the origin."""
        url: str = self.page.url
        assert url.startswith(self.origin), url
        return url[len(self.origin):]

    def params(self) -> dict[str, list[str]]:
        from urllib.parse import parse_qs, urlsplit

        return parse_qs(urlsplit(self.page.url).query)

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.foreign == []
        assert self.requests and all(u.startswith(self.origin + "/") for u in self.requests), self.requests

    def shot(self, name: str) -> None:
        """A screenshot of the page (its first 1600 pixels) into $PARLEY_SCREENSHOTS, when set."""
        folder = os.environ.get("PARLEY_SCREENSHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            height = min(self.page.evaluate("() => document.documentElement.scrollHeight"), 1600)
            self.page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True,
                                 clip={"x": 0, "y": 0, "width": 1280, "height": height})


@pytest.fixture
def tab(browser: Any, site: Site) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    page = context.new_page()
    tab = Tab(page, site.origin)

    def route(r: Any) -> None:
        if r.request.url.startswith(site.origin + "/"):
            r.continue_()
        else:
            tab.foreign.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("request", lambda request: tab.requests.append(request.url))
    page.on("response", lambda response: tab.responses.__setitem__(response.url, response.status))
    page.on("console", lambda message: message.type == "error" and tab.errors.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: tab.errors.append(f"page error: {error}"))
    try:
        yield tab
    finally:
        context.close()


def _rendered(page: Any, chart: str) -> None:
    page.wait_for_selector(f"#{chart}[data-rendered='1']", state="attached")
    assert page.locator(f"#{chart} .main-svg").count() > 0, f"{chart} has no plot"


def _total(page: Any, selector: str) -> int:
    return int(page.locator(selector).inner_text().strip())


# ---- every page ----------------------------------------------------------------------------------------

FILTERED = {"overview", "events", "reports", "map", "dyads", "changes", "actors"}
PAGES = {
    # name: (path, charts, tables or lists that must have rows)
    "overview": ("/", ["chart-series"], ["#top-actors", "#outlets"]),
    "events": ("/events", [], ["#events-table"]),
    "reports": ("/events?unit=reports", [], ["#reports-table"]),
    "event": ("/events/{cluster}", [], ["#reports"]),
    "map": ("/map", ["chart-map"], ["#events-table"]),
    "dyads": ("/dyads", ["chart-ab", "chart-ba"], ["#top-dyads"]),
    "changes": ("/changes", [], ["#changes-table"]),
    "actors": ("/actors", ["chart-network"], []),
    "negotiations": ("/negotiations", [], ["#processes"]),
    "negotiation": ("/negotiations/{process}", ["chart-states"], ["#roles", "#history", "#positions", "#moves"]),
    "article": ("/articles/{article}", [], ["#article-events"]),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_renders_without_errors_or_outside_requests(tab: Tab, site: Site, name: str) -> None:
    path, charts, tables = PAGES[name]
    path = path.format(cluster=site.cluster_id, process=site.process_id, article=site.article_id)
    page = tab.open(path)
    assert page.locator("header nav a").count() >= 7
    assert page.locator("main h1, main h2").first.inner_text().strip()
    # the filter bar only where a filter narrows the page (not on one event, article or negotiation)
    assert page.locator("form#filters").count() == (name in FILTERED)
    for chart in charts:
        _rendered(page, chart)
    for table in tables:
        rows = page.locator(f"{table} tbody tr, {table} > li")
        assert rows.count() > 0, f"{table} is empty"
        assert page.locator(f"{table} .empty").count() == 0, f"{table} shows no data"
    page.wait_for_load_state("networkidle")
    assert tab.responses.get(f"{site.origin}/vendor/plotly.min.js") == 200
    assert tab.responses.get(f"{site.origin}/static/app.js") == 200
    bad = {url: status for url, status in tab.responses.items() if status >= 400}
    assert bad == {}
    tab.assert_clean()


def test_api_docs_work_offline(tab: Tab, site: Site) -> None:
    page = tab.open("/docs")
    spec = _get_json(f"{site.origin}/openapi.json")
    operations = sum(len(methods) for methods in spec["paths"].values())
    page.locator(".swagger-ui .opblock").nth(operations - 1).wait_for()
    assert page.locator(".swagger-ui .opblock").count() == operations > 10
    page.wait_for_load_state("networkidle")
    tab.assert_clean()


def test_a_missing_page_is_an_error_page_not_a_crash(tab: Tab) -> None:
    page = tab.open("/negotiations/no-such-process")
    assert "Error 404" in page.locator("h1").inner_text()
    assert page.locator(".error-message").inner_text().strip()
    # the only error is the 404 itself
    assert [e for e in tab.errors if "404" not in e] == []
    assert tab.foreign == []


# ---- filters -------------------------------------------------------------------------------------------


def test_filter_form_changes_the_url_and_the_events(tab: Tab) -> None:
    page = tab.open("/events")
    everything = _total(page, "#events-total")
    assert everything > 1
    page.select_option("#filters select[name=quad]", "4")
    with page.expect_navigation():
        page.click("#filters button[type=submit]")
    assert tab.params() == {"quad": ["4"]}  # the defaults and empty fields stay out of the URL
    conflict = _total(page, "#events-total")
    assert 0 < conflict < everything
    badges = page.locator("#events-table .quad").all_inner_texts()
    assert badges and set(badges) == {"Q4"}
    assert page.locator("#filters select[name=quad]").input_value() == "4"  # the form shows the filter in force

    # a second field adds to the filter
    first_date = page.locator("#events-table tbody tr").first.locator("td").nth(1).inner_text()[:10]
    page.fill("#filters input[name=date_from]", first_date)
    page.fill("#filters input[name=date_to]", first_date)
    with page.expect_navigation():
        page.press("#filters input[name=date_to]", "Enter")
    assert tab.params() == {"quad": ["4"], "date_from": [first_date], "date_to": [first_date]}
    that_day = _total(page, "#events-total")
    assert 0 < that_day <= conflict
    assert all(d.startswith(first_date) for d in
               page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts())

    # Clear drops the filter
    with page.expect_navigation():
        page.click("#filters a.clear")
    assert tab.params() == {}
    assert _total(page, "#events-total") == everything
    tab.assert_clean()


def test_pager_keeps_the_filter(tab: Tab) -> None:
    page = tab.open("/events?limit=5&modality=all")
    total = _total(page, "#events-total")
    assert total > 10
    first = page.locator("#events-table tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.cluster)")
    assert len(first) == 5 and page.locator(".pager #prev").count() == 0
    with page.expect_navigation():
        page.click(".pager #next")
    assert tab.params() == {"limit": ["5"], "modality": ["all"], "offset": ["5"]}
    second = page.locator("#events-table tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.cluster)")
    assert len(second) == 5 and not set(first) & set(second)
    assert "rows 6–10 of" in page.locator(".pager").inner_text()
    assert page.locator("#filters select[name=modality]").input_value() == "all"
    with page.expect_navigation():
        page.click(".pager #prev")
    assert tab.params()["offset"] == ["0"]
    assert page.locator("#events-table tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.cluster)") == first
    tab.assert_clean()


def test_filter_applies_across_pages_through_the_nav(tab: Tab) -> None:
    page = tab.open("/")
    everything = _total(page, "#total-events")
    code = page.locator("#top-actors tbody tr a").first.inner_text().strip()
    page.fill("#filters input[name=actor]", code)
    with page.expect_navigation():
        page.click("#filters button[type=submit]")
    assert tab.params() == {"actor": [code]}
    assert 0 < _total(page, "#total-events") < everything
    _rendered(page, "chart-series")
    # the nav keeps the filter: the events page lists only that actor's events
    with page.expect_navigation():
        page.click("header nav a:text-is('Events')")
    assert tab.path().startswith("/events?") and tab.params() == {"actor": [code]}
    assert page.locator("#filters input[name=actor]").input_value() == code
    for row in page.locator("#events-table tbody tr.event-row").all():
        assert code in row.inner_text()
    tab.assert_clean()


def test_table_link_narrows_the_filter(tab: Tab) -> None:
    page = tab.open("/")
    everything = _total(page, "#total-events")
    link = page.locator("#outlets tbody tr a").first
    outlet = link.inner_text().strip()
    with page.expect_navigation():
        link.click()
    assert tab.params() == {"publisher": [outlet]}
    assert 0 < _total(page, "#total-events") < everything
    assert page.locator("#outlets tbody tr").all_inner_texts()[0].startswith(outlet)
    tab.assert_clean()


# ---- clicking marks ------------------------------------------------------------------------------------


def _click_center(page: Any, locator: Any, *, height: float = 0.5) -> None:
    """Click an SVG mark the way a user does (Plotly listens on a layer above the marks), at `height` of it
    from its top (0.5: its middle)."""
    box = locator.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] * height
    page.mouse.move(x, y)
    page.mouse.click(x, y)


def test_clicking_a_bar_narrows_to_its_period_and_quad(tab: Tab) -> None:
    page = tab.open("/")
    everything = _total(page, "#total-events")
    _rendered(page, "chart-series")
    tab.shot("overview")
    bars = page.locator("#chart-series .barlayer .point path")
    assert bars.count() > 0
    heights = [(b or {}).get("height", 0) for b in (bars.nth(i).bounding_box() for i in range(bars.count()))]
    with page.expect_navigation():
        # low in the bar: the middle can lie under the mean-Goldstein line's marker, which narrows to the period only
        _click_center(page, bars.nth(heights.index(max(heights))), height=0.85)
    params = tab.params()
    assert set(params) == {"date_from", "date_to", "quad"}
    assert params["quad"][0] in {"1", "2", "3", "4"}
    assert params["date_from"][0] <= params["date_to"][0]
    narrowed = _total(page, "#total-events")
    assert 0 < narrowed < everything
    assert page.locator("#filters select[name=quad]").input_value() == params["quad"][0]
    _rendered(page, "chart-series")
    tab.assert_clean()


def test_clicking_a_node_narrows_to_its_actor(tab: Tab) -> None:
    page = tab.open("/actors")
    _rendered(page, "chart-network")
    tab.shot("actors")
    nodes = page.locator("#chart-network .scatterlayer .point")
    labels = page.locator("#chart-network .scatterlayer .textpoint")
    before = nodes.count()
    assert before > 1 and labels.count() == before
    first = (labels.first.text_content() or "").strip()  # the heaviest actor comes first
    with page.expect_navigation():
        _click_center(page, nodes.first)
    assert tab.params() == {"actor": [first]}
    _rendered(page, "chart-network")
    assert page.locator("#filters input[name=actor]").input_value() == first
    # the narrowed network shows the actor and its partners only
    assert 1 < nodes.count() < before
    assert first in [(t or "").strip() for t in labels.all_text_contents()]
    tab.assert_clean()


# ---- drill-down ----------------------------------------------------------------------------------------


def test_event_row_opens_its_reports(tab: Tab, site: Site) -> None:
    page = tab.open("/events")
    row = page.locator(f"#events-table tr.event-row[data-cluster='{site.cluster_id}']")
    if row.count() == 0:  # not on the first page: filter to it
        page = tab.open(f"/events?cluster={site.cluster_id}")
    button = page.locator(f"#events-table button.open[data-cluster='{site.cluster_id}']")
    with page.expect_response(f"{site.origin}/api/v1/clusters/{site.cluster_id}") as answer:
        button.click()
    assert answer.value.status == 200
    expected = answer.value.json()["reports"]
    detail = page.locator("#events-table tr.report-detail")
    assert detail.count() == 1
    reports = detail.locator("li.report")
    reports.first.wait_for()
    assert reports.count() == len(expected) >= 2
    for item, report in zip(reports.all(), expected, strict=True):
        assert item.locator(".outlet").inner_text() == (report["publisher"] or "unknown outlet")
        assert item.locator(".sentence").inner_text() == report["sentence"]["text"]
        assert item.locator(".sentence mark.m-trigger").count() == 1
        assert item.locator(f"a[href='/articles/{report['article_id']}']").count() == 1
    assert button.inner_text() == "▾"
    tab.shot("events")
    button.click()  # and closes again
    assert detail.count() == 0 and button.inner_text() == "▸"
    tab.assert_clean()


def test_event_page_marks_the_sentences_and_names_the_outlets(tab: Tab, site: Site) -> None:
    page = tab.open(f"/events/{site.cluster_id}")
    event = _get_json(f"{site.origin}/api/v1/clusters/{site.cluster_id}")["cluster"]
    title = page.locator("h1").inner_text()
    assert f"({event['cameo']})" in title and not title.rstrip().endswith("—")
    reports = page.locator("#reports li.report")
    assert reports.count() == _total(page, "#n-reports") >= 2
    for item in reports.all():
        assert item.locator(".outlet").inner_text().strip()
        sentence = item.locator(".sentence")
        trigger = sentence.locator("mark.m-trigger")
        assert trigger.count() == 1
        assert trigger.inner_text().strip() and trigger.inner_text() in sentence.inner_text()
    # an object is underlined, not painted like a trigger (the browser paints a bare <mark> yellow)
    backgrounds = page.evaluate("() => [...document.querySelectorAll('.sentence mark.m-object')]"
                                ".map(m => getComputedStyle(m).backgroundColor)")
    assert set(backgrounds) <= {"rgba(0, 0, 0, 0)"}
    tab.shot("event")
    with page.expect_navigation():
        reports.first.locator("a[href^='/articles/']").click()
    assert tab.path().startswith("/articles/")
    assert page.locator("#article-text mark.m-trigger").count() >= 1
    assert page.locator(f"#article-events a[href='/events/{site.cluster_id}']").count() >= 1
    tab.assert_clean()


# ---- negotiations, map ---------------------------------------------------------------------------------


def test_negotiation_page_shows_parties_state_and_gaps(tab: Tab, site: Site) -> None:
    page = tab.open("/negotiations")
    link = page.locator(f"#processes a[href='/negotiations/{site.process_id}']")
    with page.expect_navigation():
        link.click()
    board = _get_json(f"{site.origin}/api/v1/negotiations/{site.process_id}")
    parties = page.locator("#roles li", has_text="party")
    assert parties.count() == sum(r["role"] == "party" for r in board["roles"]) >= 2
    state = page.locator("#state").inner_text().strip()
    assert state in STATUSES and state == board["state"]["status"].replace("_", " ")
    gaps = page.locator("#gaps li")
    assert gaps.count() == max(len(board["gaps"]), 1)
    if board["gaps"]:
        assert board["gaps"][0]["label"] in gaps.first.inner_text()
    _rendered(page, "chart-states")
    dated = [s for s in board["state_history"] if s["date"]]
    assert page.locator("#chart-states .scatterlayer .point").count() == len(dated)
    # each state on its own level: a later state at the same date as another does not hide it
    levels = {s["status"]: float(page.locator("#chart-states .scatterlayer .point").nth(i).bounding_box()["y"])
              for i, s in enumerate(dated)}
    assert len(set(levels.values())) == len(levels)
    tab.shot("negotiation")
    tab.assert_clean()


def test_map_draws_countries_from_the_local_topojson(tab: Tab, site: Site) -> None:
    topojson = f"{site.origin}/static/topojson/world_110m.json"
    page = tab.page
    with page.expect_response(topojson) as answer:
        tab.open("/map")
    assert answer.value.status == 200
    _rendered(page, "chart-map")
    countries = page.locator("#chart-map path.choroplethlocation")
    assert countries.count() > 0
    # countries with more events are darker
    fills = page.evaluate("""() => {
        const plot = document.getElementById('chart-map');
        const z = plot.data[0].z, out = [];
        document.querySelectorAll('#chart-map path.choroplethlocation').forEach((p, i) => {
            const rgb = getComputedStyle(p).fill.match(/\\d+/g).map(Number);
            out.push([z[i], rgb[0] + rgb[1] + rgb[2]]);
        });
        return out;
    }""")
    most = max(fills, key=lambda f: f[0])
    least = min(fills, key=lambda f: f[0])
    if most[0] > least[0]:
        assert most[1] < least[1], fills
    tab.shot("map")
    assert all(u.startswith(site.origin + "/") for u in tab.requests)
    tab.assert_clean()


def test_clicking_a_country_narrows_to_it(tab: Tab, site: Site) -> None:
    page = tab.open("/map")
    _rendered(page, "chart-map")
    everything = page.locator("#events-table tbody tr.event-row").count()
    # the country with the most events: the largest z in the choropleth
    index, code, places = page.evaluate("""() => {
        const [t, dots] = document.getElementById('chart-map').data;
        let best = 0; t.z.forEach((z, i) => { if (z > t.z[best]) best = i; });
        return [best, t.locations[best], dots.customdata];
    }""")
    country = page.locator("#chart-map path.choroplethlocation").nth(index)
    with page.expect_navigation():
        _click_center(page, country)
    # the country, or the place whose dot sits at the middle of the country (a country-level place)
    params = tab.params()
    assert list(params) == ["place"] and len(params["place"]) == 1
    assert params["place"][0] == code or params["place"][0] in places, (params, code)
    assert 0 < page.locator("#events-table tbody tr.event-row").count() <= everything
    tab.assert_clean()


def test_dyad_form_and_charts(tab: Tab) -> None:
    page = tab.open("/dyads")
    _rendered(page, "chart-ab")
    _rendered(page, "chart-ba")
    a = page.locator("form.inline input[name=a]").input_value()
    b = page.locator("form.inline input[name=b]").input_value()
    assert a and b and page.locator("h1").inner_text() == f"{a} ⇄ {b}"
    # swapping the pair swaps the sides
    page.fill("form.inline input[name=a]", b)
    page.fill("form.inline input[name=b]", a)
    with page.expect_navigation():
        page.click("form.inline button[type=submit]")
    assert tab.params()["a"] == [b] and tab.params()["b"] == [a]
    assert page.locator("h1").inner_text() == f"{b} ⇄ {a}"
    _rendered(page, "chart-ab")
    # the two sides get equal columns inside the page's margins, however wide their tables
    right = page.evaluate("() => { const m = document.querySelector('main'); "
                          "return m.getBoundingClientRect().right - parseFloat(getComputedStyle(m).paddingRight); }")
    boxes = [section.bounding_box() for section in page.locator(".columns > section").all()]
    assert len(boxes) == 2 and boxes[0] and boxes[1]
    assert abs(boxes[0]["width"] - boxes[1]["width"]) < 2, boxes
    assert boxes[1]["x"] + boxes[1]["width"] <= right + 1, (boxes, right)
    # and at this width their tables fit without scrolling
    assert page.evaluate("() => [...document.querySelectorAll('.columns > section')]"
                         ".every(s => s.scrollWidth <= s.clientWidth)")
    tab.shot("dyads")
    tab.assert_clean()


def test_changes_toggles(tab: Tab) -> None:
    page = tab.open("/changes")
    with page.expect_navigation():
        page.click(".toggles a:text-is('dyad')")
    assert tab.params() == {"by": ["dyad"]}
    assert page.locator("#changes-table thead th").first.inner_text() == "source"
    assert re.search(r"New dyads", page.locator("main").inner_text())
    tab.assert_clean()
