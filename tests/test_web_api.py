"""The REST API (parley.web): every endpoint and filter, bad input answered 4xx in one JSON shape, the
token and loopback rules, bounded bodies, stable pages, and ingest through the inbox while serving.

The store is written with hand-built events (no model), so these tests are fast and exact: each
filtered call is compared with the Python API's answer for the same filter.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest import FakeCoder, FakeResult, make_event
from parley.cli import main
from parley.store import Store, query_events
from parley.types import ActorMention, Article, Attribution, Location, Speaker, TextSpan
from parley.web import create_app
from parley.web.inbox import Inbox, server_marker

ORIGIN = "http://127.0.0.1"
TOKEN = "s3cret-token"

# (article id, outlet, date, source (text, code, country), cameo, name, quad, goldstein, target, place)
_STORY = [
    ("w1", "Harbour Herald", "2025-03-03", ("Chile", "CHL", "CHL"), "036", "Express intent to meet", 1, 4.0,
     ("Bolivia", "BOL", "BOL"), ("La Paz", "BOL", -16.5, -68.15)),
    ("w2", "Andes Wire", "2025-03-04", ("Chile", "CHL", "CHL"), "036", "Express intent to meet", 1, 4.0,
     ("Bolivia", "BOL", "BOL"), ("La Paz", "BOL", -16.5, -68.15)),
    ("w3", "Andes Wire", "2025-03-12", ("Bolivian police", "BOLCOP", "BOL"), "173", "Arrest, detain", 4, -5.0,
     ("protesters", "BOLOPP", "BOL"), ("Sucre", "BOL", -19.03, -65.26)),
    ("w4", "Harbour Herald", "2025-03-20", ("Peru", "PER", "PER"), "111", "Criticize or denounce", 3, -2.0,
     ("Chile", "CHL", "CHL"), None),
    ("w5", "Coastal Times", "2025-04-02", ("Chilean army", "CHLMIL", "CHL"), "190", "Use conventional military force",
     4, -10.0, ("rebels", "CHLREB", "CHL"), ("Arica", "CHL", -18.48, -70.31)),
    ("w6", "Coastal Times", "2025-04-09", ("Bolivia", "BOL", "BOL"), "057", "Sign formal agreement", 2, 8.0,
     ("Chile", "CHL", "CHL"), ("Santiago", "CHL", -33.45, -70.66)),
]


def _results() -> list[FakeResult]:
    out = []
    for aid, outlet, date, (s_text, s_code, s_country), cameo, name, quad, weight, (t_text, t_code, t_country), \
            place in _STORY:
        text = f"{s_text} acted on {t_text} today. Officials confirmed it."
        article = Article(id=aid, text=text, title=f"Report {aid}", published=dt.date.fromisoformat(date),
                          url=f"https://news.example/{aid}", publisher=outlet)
        t_start = text.index(t_text)
        event = make_event(
            event_id=f"{aid}-0-0", article_id=aid, date=date, cameo=cameo, cameo_name=name, quad=quad,
            goldstein=weight, plover="ASSAULT" if quad == 4 else "AGREE" if quad == 2 else "CONSULT",
            trigger=TextSpan("acted", len(s_text) + 1, len(s_text) + 6),
            source=ActorMention(s_text, 0, len(s_text), s_code, s_text, s_country, None),
            target=ActorMention(t_text, t_start, t_start + len(t_text), t_code, t_text, t_country, None),
            location=Location(place[0], place[1], place[2], place[3], "city", "clause") if place else None,
            attribution=Attribution(speaker=Speaker("the minister", None), cue="said") if aid == "w4"
            else Attribution(hedged=aid == "w3"),
            evidence=TextSpan(text[: text.index(".") + 1], 0, text.index(".") + 1),
        )
        out.append(FakeResult(aid, article, [event], None))
    return out


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "news.duckdb"
    with Store.open(path) as store:
        store.write(_results())
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, token=TOKEN, merge_interval=3600), base_url=ORIGIN) as c:
        yield c


def _error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    assert "Traceback" not in response.text
    return str(body["error"]["message"])


# ---- every read endpoint --------------------------------------------------------------------------------


@pytest.mark.parametrize("path, key", [
    ("/api/v1/meta", "totals"), ("/api/v1/overview", "series"), ("/api/v1/series", "rows"),
    ("/api/v1/events", "rows"), ("/api/v1/clusters", "rows"), ("/api/v1/actors", "rows"), ("/api/v1/dyads", "rows"),
    ("/api/v1/dyad?a=CHL&b=BOL", "a_to_b"), ("/api/v1/network", "edges"), ("/api/v1/changes", "rows"),
    ("/api/v1/map", "countries"), ("/api/v1/negotiations", "rows"), ("/api/v1/articles", "rows"),
])
def test_every_read_endpoint_answers_json(client: TestClient, path: str, key: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert key in response.json()


def test_events_use_the_field_names_of_the_cli_export(client: TestClient) -> None:
    from parley.store.query import CLUSTER_COLUMNS, EVENT_COLUMNS

    assert list(client.get("/api/v1/events").json()["rows"][0]) == list(EVENT_COLUMNS)
    assert list(client.get("/api/v1/clusters").json()["rows"][0]) == list(CLUSTER_COLUMNS)


@pytest.mark.parametrize("query, kwargs", [
    ("actor=CHL", {"actor": "CHL"}),
    ("source=bolivia", {"source": "bolivia"}),
    ("target=CHL", {"target": "CHL"}),
    ("dyad=CHL,BOL", {"dyad": ("CHL", "BOL")}),
    ("country=PER", {"country": "PER"}),
    ("country=PER&country=CHL", {"country": ("PER", "CHL")}),
    ("cameo=03", {"cameo": "03"}),
    ("plover=assault", {"plover": "assault"}),
    ("quad=4", {"quad": 4}),
    ("quad=1,2", {"quad": (1, 2)}),
    ("date_from=2025-03-10&date_to=2025-03-31", {"date_from": "2025-03-10", "date_to": "2025-03-31"}),
    ("place=la paz", {"place": "la paz"}),
    ("place=BOL", {"place": "BOL"}),
    ("place_basis=clause", {"place_basis": ("clause",)}),
    ("publisher=andes", {"publisher": "andes"}),
    ("attributed_only=true", {"attributed_only": True}),
    ("unhedged_only=true", {"unhedged_only": True}),
    ("negated=any", {"negated": None}),
    ("modality=all", {"modality": ("all",)}),
    ("background=any", {"background": None}),
    ("relevant_only=false", {"relevant_only": False}),
])
@pytest.mark.parametrize("endpoint", ["events", "clusters"])
def test_each_filter_gives_what_the_python_api_gives(client: TestClient, query: str,
                                                     kwargs: dict[str, Any], endpoint: str) -> None:
    with _reader(client) as store:
        expected = query_events(store, clusters=endpoint == "clusters", **kwargs)
    body = client.get(f"/api/v1/{endpoint}?{query}").json()
    key = "cluster_id" if endpoint == "clusters" else "event_id"
    assert [r[key] for r in body["rows"]] == expected.column(key).to_pylist()
    assert body["total"] == expected.num_rows


def _reader(client: TestClient) -> Any:
    return client.app.state.server.reader()  # type: ignore[attr-defined]


def test_a_filter_that_matches_nothing_gives_no_rows(client: TestClient) -> None:
    body = client.get("/api/v1/clusters?actor=ZZZ").json()
    assert body == {"total": 0, "limit": 50, "offset": 0, "rows": []}


def test_pages_of_events_are_stable_and_cover_every_row_once(client: TestClient) -> None:
    whole = [r["event_id"] for r in client.get("/api/v1/events?limit=1000").json()["rows"]]
    paged: list[str] = []
    for offset in range(0, len(whole) + 2, 2):
        paged += [r["event_id"] for r in client.get(f"/api/v1/events?limit=2&offset={offset}").json()["rows"]]
    assert paged == whole and len(set(whole)) == len(whole) == len(_STORY)


@pytest.mark.parametrize("fmt, media", [("csv", "text/csv"), ("jsonl", "application/x-ndjson")])
def test_tables_export_as_csv_and_json_lines(client: TestClient, fmt: str, media: str) -> None:
    response = client.get(f"/api/v1/clusters?format={fmt}&country=BOL")
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    lines = response.text.strip().splitlines()
    n = client.get("/api/v1/clusters?country=BOL").json()["total"]
    assert len(lines) == n + (1 if fmt == "csv" else 0)
    if fmt == "csv":
        assert lines[0].startswith("cluster_id,source_code,target_code")
    else:
        assert all("cluster_id" in json.loads(line) for line in lines)


def test_the_map_exports_geojson_points(client: TestClient) -> None:
    response = client.get("/api/v1/map?format=geojson")
    body = response.json()
    assert response.headers["content-type"].startswith("application/geo+json")
    assert body["type"] == "FeatureCollection"
    places = {f["properties"]["location_name"]: f["geometry"]["coordinates"] for f in body["features"]}
    assert places["La Paz"] == [-68.15, -16.5]
    assert set(places) == {"La Paz", "Sucre", "Arica", "Santiago"}
    hedged_out = client.get("/api/v1/map?format=geojson&unhedged_only=true").json()
    assert "Sucre" not in {f["properties"]["location_name"] for f in hedged_out["features"]}


def test_the_series_counts_by_quad_per_week(client: TestClient) -> None:
    rows = client.get("/api/v1/series?freq=week&unit=reports").json()["rows"]
    first = rows[0]
    assert first["period"] == "2025-03-03" and first["events"] == 2 and first["q1"] == 2
    assert sum(r["events"] for r in rows) == len(_STORY)


def test_merged_reports_count_once_as_events_and_twice_as_reports(client: TestClient) -> None:
    meta = client.get("/api/v1/meta").json()
    assert meta["totals"] == {"events": len(_STORY) - 1, "reports": len(_STORY)}
    assert {o["publisher"]: o["articles"] for o in meta["outlets"]} == {
        "Harbour Herald": 2, "Andes Wire": 2, "Coastal Times": 2}


def test_a_cluster_shows_every_report_with_its_sentence_and_marked_spans(client: TestClient) -> None:
    cluster_id = client.get("/api/v1/clusters?cameo=036").json()["rows"][0]["cluster_id"]
    body = client.get(f"/api/v1/clusters/{cluster_id}").json()
    assert body["cluster"]["n_mentions"] == 2
    assert {r["publisher"] for r in body["reports"]} == {"Harbour Herald", "Andes Wire"}
    report = body["reports"][0]
    assert report["sentence"]["text"] == "Chile acted on Bolivia today."
    marks = {m["role"]: report["sentence"]["text"][m["start"]:m["end"]] for m in report["sentence"]["marks"]}
    assert marks == {"source": "Chile", "trigger": "acted", "target": "Bolivia"}


def test_an_article_comes_with_its_text_and_events(client: TestClient) -> None:
    body = client.get("/api/v1/articles/w4").json()
    assert body["article"]["text"].startswith("Peru acted on Chile")
    assert [e["cameo"] for e in body["events"]] == ["111"]


def test_the_dyad_view_keeps_the_two_directions_apart(client: TestClient) -> None:
    body = client.get("/api/v1/dyad?a=CHL&b=BOL").json()
    assert body["a_to_b"]["events"]["total"] == 1 and body["b_to_a"]["events"]["total"] == 1
    assert body["b_to_a"]["events"]["rows"][0]["cameo"] == "057"


def test_changes_flag_actors_new_in_the_latest_period(client: TestClient) -> None:
    body = client.get("/api/v1/changes?freq=week&baseline=4").json()
    assert body["latest"] == "2025-04-07"
    latest = {r["code"]: r for r in body["rows"]}
    assert latest["BOL"]["latest"] == 1 and latest["CHL"]["latest"] == 1
    assert not latest["BOL"]["new"] and latest["BOL"]["band"] == "low baseline"


def test_the_network_has_weighted_directed_edges(client: TestClient) -> None:
    body = client.get("/api/v1/network").json()
    edges = {(e["source_code"], e["target_code"]): e["events"] for e in body["edges"]}
    assert edges[("CHL", "BOL")] == 1 and edges[("BOL", "CHL")] == 1
    assert {n["code"] for n in body["nodes"]} >= {"CHL", "BOL", "PER"}


# ---- bad input: 4xx with a clear message, never 5xx ---------------------------------------------------------


@pytest.mark.parametrize("path, status, words", [
    ("/api/v1/events?cameo=abc", 400, "cameo must be a CAMEO code"),
    ("/api/v1/events?cameo=99", 400, "no CAMEO code"),
    ("/api/v1/events?plover=DANCE", 400, "plover must be a PLOVER event type"),
    ("/api/v1/events?quad=5", 400, "quad must be 1, 2, 3 or 4"),
    ("/api/v1/events?quad=x", 400, "quad must be"),
    ("/api/v1/events?date_from=2025-02-30", 400, "date_from must be a date"),
    ("/api/v1/events?country=Atlantis", 400, "country"),
    ("/api/v1/events?dyad=CHL", 400, "dyad must be two actors"),
    ("/api/v1/events?negated=perhaps", 400, "negated must be true, false or any"),
    ("/api/v1/events?modality=wishful", 400, "modality must be"),
    ("/api/v1/events?place_basis=planet", 400, "place_basis must be"),
    ("/api/v1/events?colour=red", 400, "unknown parameter 'colour'"),
    ("/api/v1/events?actor=a&actor=b", 400, "actor is given 2 times"),
    ("/api/v1/events?limit=0", 422, "limit"),
    ("/api/v1/events?limit=100000", 422, "limit"),
    ("/api/v1/events?offset=-1", 422, "offset"),
    ("/api/v1/series?freq=hour", 422, "freq"),
    ("/api/v1/events?format=xml", 422, "format"),
    ("/api/v1/dyad?a=CHL", 422, "b"),
    ("/api/v1/negotiations?actor=CHL", 400, "unknown parameter 'actor'"),
    ("/api/v1/clusters/no-such-cluster", 404, "no event cluster"),
    ("/api/v1/articles/no-such-article", 404, "no article"),
    ("/api/v1/negotiations/zzzz", 404, "no negotiation process"),
    ("/api/v1/nowhere", 404, "no such page or endpoint"),
])
def test_bad_input_is_a_4xx_with_a_clear_message(client: TestClient, path: str, status: int, words: str) -> None:
    assert words in _error(client.get(path), status)


def test_bad_filters_on_a_page_give_an_error_page_not_a_crash(client: TestClient) -> None:
    response = client.get("/events?quad=9", headers={"accept": "text/html"})
    assert response.status_code == 400 and "quad must be 1, 2, 3 or 4" in response.text
    assert "Traceback" not in response.text


def test_a_request_for_another_host_is_refused(client: TestClient) -> None:
    response = client.get("/api/v1/meta", headers={"host": "attacker.example"})
    assert response.status_code == 400


# ---- writing: token, bodies, validation -----------------------------------------------------------------------


class _Coder(FakeCoder):
    def code(self, text: str, *, published: Any = None) -> list[Any]:
        if "FAIL" in text:
            from parley.errors import InputError

            raise InputError("the text cannot be coded")
        return [make_event(article_id="text", date=str(published) if published else None)]


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(tmp_path / "w.duckdb", token=TOKEN, merge_interval=3600, max_body=4096)
    with TestClient(app, base_url=ORIGIN) as c:
        app.state.server._coder = _Coder()
        yield c


_AUTH = {"authorization": f"Bearer {TOKEN}"}


def test_posting_articles_stores_them_and_a_repeat_is_skipped(writer: TestClient) -> None:
    body = {"articles": [{"id": "p1", "text": "Ecuador thanked Colombia.", "published": "2025-05-02",
                          "publisher": "Quito Daily"}]}
    first = writer.post("/api/v1/articles", json=body, headers=_AUTH)
    assert first.status_code == 200 and first.json()["coded"] == 1 and first.json()["events"] == 1
    again = writer.post("/api/v1/articles", json=body, headers=_AUTH).json()
    assert again["skipped_unchanged"] == 1 and again["coded"] == 0
    assert writer.get("/api/v1/articles").json()["total"] == 1


def test_posting_text_codes_it_without_storing(writer: TestClient) -> None:
    response = writer.post("/api/v1/code", json={"text": "Ecuador thanked Colombia.", "published": "2025-05-02"},
                           headers=_AUTH)
    assert response.status_code == 200 and response.json()["events"][0]["date"] == "2025-05-02"
    assert writer.get("/api/v1/articles").json()["total"] == 0


@pytest.mark.parametrize("headers, status", [({}, 401), ({"authorization": "Bearer wrong"}, 401),
                                             ({"authorization": TOKEN}, 200)])
def test_writing_endpoints_check_the_token(writer: TestClient, headers: dict[str, str], status: int) -> None:
    response = writer.post("/api/v1/code", json={"text": "Ecuador thanked Colombia."}, headers=headers)
    assert response.status_code == status
    if status == 401:
        assert "token" in _error(response, 401)


def test_reading_needs_no_token(writer: TestClient) -> None:
    assert writer.get("/api/v1/meta").status_code == 200


@pytest.mark.parametrize("body, status, words", [
    ({"text": ""}, 422, "text"),
    ({"text": "x", "colour": "red"}, 422, "colour"),
    ({"text": "x", "published": "tomorrow"}, 422, "published"),
    ({}, 422, "text"),
    ({"text": "FAIL now"}, 400, "cannot be coded"),
])
def test_bad_bodies_are_4xx(writer: TestClient, body: dict[str, Any], status: int, words: str) -> None:
    assert words in _error(writer.post("/api/v1/code", json=body, headers=_AUTH), status)


def test_a_body_that_is_not_json_is_a_422(writer: TestClient) -> None:
    response = writer.post("/api/v1/code", content=b"{not json", headers={**_AUTH, "content-type": "application/json"})
    _error(response, 422)


def test_an_oversized_body_is_refused_with_413(writer: TestClient) -> None:
    response = writer.post("/api/v1/code", json={"text": "x" * 10_000}, headers=_AUTH)
    assert "over 4096 bytes" in _error(response, 413)


def test_an_oversized_streamed_body_is_refused_with_413(writer: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(10):
            yield b"y" * 1000
        yield b'"}'

    response = writer.post("/api/v1/code", content=chunks(), headers={**_AUTH, "content-type": "application/json"})
    _error(response, 413)


def test_too_many_articles_in_one_post_is_a_422(writer: TestClient, tmp_path: Path) -> None:
    app = create_app(tmp_path / "big.duckdb", merge_interval=3600)
    with TestClient(app, base_url=ORIGIN) as c:
        body = {"articles": [{"id": f"a{i}", "text": "t"} for i in range(201)]}
        assert "articles" in _error(c.post("/api/v1/articles", json=body), 422)


# ---- ingest while serving: the inbox ----------------------------------------------------------------------


def _batch(ids: list[str], day: str = "2025-06-01") -> list[FakeResult]:
    out = []
    for aid in ids:
        article = Article(id=aid, text=f"Text of {aid}.", published=dt.date.fromisoformat(day), publisher="Inbox Post")
        out.append(FakeResult(aid, article, [make_event(event_id=f"{aid}-0-0", article_id=aid, date=day)], None))
    return out


def test_a_batch_put_in_the_inbox_is_merged_once_and_a_repeat_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    app = create_app(path, merge_interval=3600)
    with TestClient(app, base_url=ORIGIN) as c:
        inbox = Inbox(path)
        inbox.put(_batch(["i1", "i2"]), lexicon_version="test")
        assert c.get("/api/v1/articles").json()["total"] == 0  # not merged yet
        merged = c.post("/api/v1/inbox/merge").json()
        assert merged["coded"] == 2 and not inbox.pending()
        inbox.put(_batch(["i1", "i2"]))
        again = c.post("/api/v1/inbox/merge").json()
        assert again["skipped_unchanged"] == 2 and again["coded"] == 0
        assert c.get("/api/v1/articles").json()["total"] == 2


def test_an_unreadable_batch_is_set_aside_and_the_others_merge(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    app = create_app(path, merge_interval=3600)
    with TestClient(app, base_url=ORIGIN) as c:
        inbox = Inbox(path)
        (inbox.path / "00000000000000000000-1-000000.batch.jsonl").write_text("not a batch\n", encoding="utf-8")
        inbox.put(_batch(["j1"]))
        assert c.post("/api/v1/inbox/merge").json()["coded"] == 1
        assert [p.name for p in (inbox.path / "rejected").iterdir()] == ["00000000000000000000-1-000000.batch.jsonl"]


def test_errors_handed_over_in_a_batch_reach_the_errors_table(tmp_path: Path) -> None:
    from parley.errors import ArticleError, InputError

    path = tmp_path / "s.duckdb"
    app = create_app(path, merge_interval=3600)
    failed = Article(id="bad", text="FAIL", published=dt.date(2025, 6, 1))
    with TestClient(app, base_url=ORIGIN) as c:
        Inbox(path).put([FakeResult("bad", failed, [], ArticleError("parser gave up", article_id="bad", step="parse")),
                         FakeResult(None, None, [], InputError("not JSON", source="in.jsonl", line=3))])
        assert c.post("/api/v1/inbox/merge").json()["failed"] == 2
        errors = app.state.server.store.errors().to_pylist()
    assert {(e["article_id"], e["step"], e["line"]) for e in errors} == {("bad", "parse", None), (None, "read", 3)}


def test_the_server_merges_its_inbox_by_itself(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    app = create_app(path, merge_interval=0.05)
    with TestClient(app, base_url=ORIGIN) as c:
        Inbox(path).put(_batch(["k1"]))
        for _ in range(200):
            if c.get("/api/v1/articles").json()["total"] == 1:
                break
            threading.Event().wait(0.05)
        assert c.get("/api/v1/articles").json()["total"] == 1


def test_readers_during_a_merge_see_the_old_or_the_new_store_never_half(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    app = create_app(path, merge_interval=3600)
    with TestClient(app, base_url=ORIGIN) as c:
        server = app.state.server
        seen: set[tuple[int, int]] = set()
        stop = threading.Event()

        def read() -> None:
            while not stop.is_set():
                with server.reader() as store:
                    seen.add((store.articles_count(), store.events_count()))

        reader = threading.Thread(target=read)
        reader.start()
        try:
            for n in range(5):
                Inbox(path).put(_batch([f"b{n}-{i}" for i in range(40)]))
                c.post("/api/v1/inbox/merge")
        finally:
            stop.set()
            reader.join()
    assert seen <= {(40 * n, 40 * n) for n in range(6)}, sorted(seen)


def test_the_server_announces_itself_beside_the_store_and_cleans_up(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with TestClient(create_app(path, merge_interval=3600), base_url=ORIGIN):
        assert json.loads(server_marker(path).read_text())["pid"] > 0
    assert not server_marker(path).exists()


# ---- CLI -------------------------------------------------------------------------------------------------


def test_serve_refuses_a_public_address_without_allow_remote(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.duckdb"), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--allow-remote" in result.output


def test_serve_refuses_a_public_address_without_a_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARLEY_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.duckdb"), "--host", "0.0.0.0",
                                       "--allow-remote"])
    assert result.exit_code == 2 and "--token" in result.output


def test_ingest_into_a_served_store_hands_batches_to_the_inbox(tmp_path: Path, fake_coder: FakeCoder) -> None:
    path = tmp_path / "served.duckdb"
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"c{i}", "text": f"Story {i}.", "published": "2025-06-02"}) + "\n"
                              for i in range(3)), encoding="utf-8")
    with TestClient(create_app(path, merge_interval=3600), base_url=ORIGIN) as c:
        result = CliRunner().invoke(main, ["ingest", str(source), "--db", str(path)])
        assert result.exit_code == 0, result.output
        assert "handed 3 records to the server" in result.output
        assert len(Inbox(path).pending()) == 1
        assert c.post("/api/v1/inbox/merge").json()["coded"] == 3
        assert c.get("/api/v1/articles").json()["total"] == 3


def test_a_series_over_centuries_by_day_is_refused_not_a_crash(client: TestClient) -> None:
    response = client.get("/api/v1/series?freq=day&date_from=0001-01-01&date_to=9999-12-31")
    assert "narrow the dates" in _error(response, 400)
    assert client.get("/api/v1/series?freq=year&date_from=0001-01-01&date_to=9999-12-31").status_code == 200
