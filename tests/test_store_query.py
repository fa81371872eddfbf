"""Reading the store back: event filters, clusters, time series, top actors and dyads, `parley events|stats`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FakeResult, make_event
from parley.cli import main
from parley.errors import BadOption, UnknownFilter
from parley.store import EventFilter, Store, query_events, time_series, top_actors, top_dyads
from parley.store.query import CLUSTER_COLUMNS, EVENT_COLUMNS
from parley.types import ActorMention, Article, Attribution, Location, Speaker

SDNMIL = ActorMention("Sudanese troops", 0, 15, "SDNMIL", "Sudanese military", "SDN", "MIL")
REB = ActorMention("the rebels", 25, 35, "REB", "Rebels", None, "REB")
QATGOV = ActorMention("Qatar", 0, 5, "QATGOV", "Qatari government", "QAT", "GOV")
EGYGOV = ActorMention("Cairo", 0, 5, "EGYGOV", "Egyptian government", "EGY", "GOV")
PORT_SUDAN = Location("Port Sudan", "SDN", 19.6175, 37.2164)
DOHA = Location("Doha", "QAT", 25.2854, 51.531)
ATTACK = dict(cameo="190", cameo_name="Use conventional military force", plover="ASSAULT", quad=4, goldstein=-10.0)

# (article id, publisher, published, url, event fields); one event per article.
REPORTS = [
    # One attack reported by three outlets: one cluster, three mentions.
    ("reuters-1", "Reuters", "2025-03-14", "https://reuters.example/1",
     dict(source=SDNMIL, target=REB, location=PORT_SUDAN, date="2025-03-14", **ATTACK,
          attribution=Attribution(speaker=Speaker("a spokesman", "SDNMIL"), cue="said"))),
    ("ap-1", "AP", "2025-03-15", "https://ap.example/1",
     dict(source=SDNMIL, target=REB, location=PORT_SUDAN, date="2025-03-14", **ATTACK,
          attribution=Attribution(hedged=True))),
    ("afp-1", "AFP", "2025-03-15", "https://afp.example/1",
     dict(source=SDNMIL, target=REB, location=PORT_SUDAN, date="2025-03-15", **ATTACK,
          attribution=Attribution(reported_by=("witnesses",)))),
    # Qatar offers to host talks with the army (a week later).
    ("afp-2", "AFP", "2025-03-20", "https://afp.example/2",
     dict(source=QATGOV, target=SDNMIL, location=DOHA, date="2025-03-20", cameo="036",
          cameo_name="Express intent to meet or negotiate", plover="CONSULT", quad=1, goldstein=4.0)),
    # The rebels accuse the army (April).
    ("bbc-1", "BBC News", "2025-04-02", "https://bbc.example/1",
     dict(source=REB, target=SDNMIL, location=None, date="2025-04-02", cameo="112", cameo_name="Accuse",
          plover="ACCUSE", quad=3, goldstein=-2.0)),
    # The army did NOT attack (negated).
    ("bbc-2", "BBC News", "2025-04-03", None,
     dict(source=SDNMIL, target=REB, location=None, date="2025-04-03", negated=True, **ATTACK)),
    # Egypt appeals to Qatar for economic cooperation (May), a four-digit code.
    ("ahram-1", "Al-Ahram", "2025-05-05", None,
     dict(source=EGYGOV, target=QATGOV, location=None, date="2025-05-05", cameo="0211",
          cameo_name="Appeal for economic cooperation", plover="REQUEST", quad=1, goldstein=3.4)),
]


def write_reports(store: Store) -> None:
    results = []
    for article_id, publisher, published, url, fields in REPORTS:
        article = Article(id=article_id, text=f"Report {article_id}.", title=f"Title {article_id}",
                          published=dt.date.fromisoformat(published), url=url, publisher=publisher)
        event = make_event(event_id=f"{article_id}-0", article_id=article_id, **fields)
        results.append(FakeResult(article_id, article, [event], None))
    store.write(results)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "parley.duckdb")
    with Store.open(path) as store:
        write_reports(store)
    return path


@pytest.fixture
def store(db: str):
    with Store.open(db, read_only=True) as store:
        yield store


def ids(table) -> list[str]:
    return [i.removesuffix("-0") for i in table.column("event_id").to_pylist()]


# ---- filters -----------------------------------------------------------------------------------------


def test_no_filter_lists_every_positive_event_by_date(store: Store) -> None:
    table = query_events(store)
    assert ids(table) == ["reuters-1", "ap-1", "afp-1", "afp-2", "bbc-1", "ahram-1"]
    assert tuple(table.column_names) == EVENT_COLUMNS


def test_rows_carry_the_cluster_and_the_article(store: Store) -> None:
    rows = query_events(store, publisher="reuters").to_pylist()
    [row] = rows
    assert (row["publisher"], row["published"], row["url"], row["title"]) == (
        "Reuters", dt.date(2025, 3, 14), "https://reuters.example/1", "Title reuters-1")
    same = {r["cluster_id"] for r in query_events(store, cameo="19").to_pylist()}
    assert same == {row["cluster_id"]}


@pytest.mark.parametrize(("filters", "expected"), [
    pytest.param({"actor": "QATGOV"}, ["afp-2", "ahram-1"], id="actor code, either side"),
    pytest.param({"actor": "qatgov"}, ["afp-2", "ahram-1"], id="actor code, any case"),
    pytest.param({"actor": "egyptian"}, ["ahram-1"], id="actor name substring"),
    pytest.param({"actor": "SDNMI"}, [], id="a code matches whole, not its start"),
    pytest.param({"actor": "SDN"}, ["reuters-1", "ap-1", "afp-1", "afp-2", "bbc-1"],
                 id="a country code matches its sectors"),
    pytest.param({"source": "REB"}, ["bbc-1"], id="source"),
    pytest.param({"target": "rebels"}, ["reuters-1", "ap-1", "afp-1"], id="target by name"),
    pytest.param({"country": "qat"}, ["afp-2", "ahram-1"], id="country of either actor"),
    pytest.param({"dyad": ("REB", "SDNMIL")}, ["reuters-1", "ap-1", "afp-1", "bbc-1"], id="dyad is order-free"),
    pytest.param({"source": "REB", "target": "SDNMIL"}, ["bbc-1"], id="one direction: source and target"),
    pytest.param({"cameo": "19"}, ["reuters-1", "ap-1", "afp-1"], id="cameo root"),
    pytest.param({"cameo": "036"}, ["afp-2"], id="cameo full code"),
    pytest.param({"cameo": "021"}, ["ahram-1"], id="cameo prefix of a four-digit code"),
    pytest.param({"cameo": "01"}, [], id="cameo root with leading zero matches no 02x"),
    pytest.param({"plover": "accuse"}, ["bbc-1"], id="plover any case"),
    pytest.param({"quad": 1}, ["afp-2", "ahram-1"], id="quad"),
    pytest.param({"quad": [3, 4]}, ["reuters-1", "ap-1", "afp-1", "bbc-1"], id="several quads"),
    pytest.param({"date_from": "2025-03-15", "date_to": dt.date(2025, 4, 2)}, ["afp-1", "afp-2", "bbc-1"],
                 id="date range inclusive"),
    pytest.param({"place": "port"}, ["reuters-1", "ap-1", "afp-1"], id="place name substring"),
    pytest.param({"place": "QAT"}, ["afp-2"], id="place country"),
    pytest.param({"publisher": "afp"}, ["afp-1", "afp-2"], id="publisher"),
    pytest.param({"attributed_only": True}, ["reuters-1", "afp-1"], id="attributed: speaker or reported by"),
    pytest.param({"unhedged_only": True, "cameo": "19"}, ["reuters-1", "afp-1"], id="unhedged"),
    pytest.param({"negated": True}, ["bbc-2"], id="negated only"),
    pytest.param({"negated": None, "cameo": "19"}, ["reuters-1", "ap-1", "afp-1", "bbc-2"], id="negated included"),
    pytest.param({"actor": "x' OR 1=1 --"}, [], id="values are parameters, not SQL"),
])
def test_each_filter(store: Store, filters: dict, expected: list[str]) -> None:
    assert ids(query_events(store, **filters)) == expected


def test_cameo_codes_stay_strings(store: Store) -> None:
    table = query_events(store, cameo="021")
    assert table.column("cameo").to_pylist() == ["0211"]
    assert table.column("cameo_root").to_pylist() == ["02"]


def test_clusters_give_one_row_per_event_with_the_whole_cluster_s_counts(store: Store) -> None:
    table = query_events(store, clusters=True)
    assert tuple(table.column_names) == CLUSTER_COLUMNS
    rows = table.to_pylist()
    assert [(r["source_code"], r["cameo"], r["n_mentions"], r["n_sources"]) for r in rows] == [
        ("SDNMIL", "190", 3, 3), ("QATGOV", "036", 1, 1), ("REB", "112", 1, 1), ("EGYGOV", "0211", 1, 1)]
    # A cluster passes when one mention does, and keeps its full counts.
    [attack] = query_events(store, clusters=True, publisher="AP").to_pylist()
    assert (attack["n_mentions"], attack["n_articles"], attack["n_hedged"]) == (3, 3, 1)


def test_cluster_date_filters_use_the_cluster_s_first_date(store: Store) -> None:
    assert query_events(store, clusters=True, date_from="2025-03-15", cameo="19").num_rows == 0
    assert query_events(store, date_from="2025-03-15", cameo="19").num_rows == 1


def test_limit(store: Store) -> None:
    assert ids(query_events(store, limit=2)) == ["reuters-1", "ap-1"]


@pytest.mark.parametrize("filters", [
    {"cameo": "abc"}, {"cameo": "1"}, {"quad": 5}, {"quad": [1, 0]}, {"date_from": "14/03/2025"},
    {"dyad": ("REB",)}, {"actor": "  "}, {"limit": -1},
])
def test_impossible_filter_values_are_refused(store: Store, filters: dict) -> None:
    with pytest.raises(BadOption):  # BadFilter for the filters, BadOption for limit; both ValueErrors
        query_events(store, **filters)


def test_an_unknown_filter_name_is_a_type_error(store: Store) -> None:
    with pytest.raises(UnknownFilter, match="unknown filter"):
        time_series(store, actr="REB")
    with pytest.raises(UnknownFilter, match="unknown filter"):
        EventFilter.of(None, colour="red")


def test_an_empty_store_gives_empty_tables(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.duckdb") as store:
        assert query_events(store).num_rows == 0
        assert query_events(store, clusters=True).num_rows == 0
        assert time_series(store).num_rows == 0
        assert top_actors(store).num_rows == 0


# ---- statistics --------------------------------------------------------------------------------------


def series(table) -> list[tuple]:
    return [(r["period"].isoformat(), r["events"], r["q1"], r["q2"], r["q3"], r["q4"], r["goldstein_mean"],
             r["goldstein_sum"]) for r in table.to_pylist()]


def test_monthly_series_counts_each_event_once_by_quad_with_goldstein(store: Store) -> None:
    assert series(time_series(store, freq="month")) == [
        # March: the attack (3 reports, counted once: -10) and the offer of talks (+4).
        ("2025-03-01", 2, 1, 0, 0, 1, -3.0, -6.0),
        ("2025-04-01", 1, 0, 0, 1, 0, -2.0, -2.0),  # the accusation; the negated attack is left out
        ("2025-05-01", 1, 1, 0, 0, 0, 3.4, 3.4),
    ]


def test_counting_mentions_counts_every_report(store: Store) -> None:
    [march, *_] = series(time_series(store, freq="month", by_cluster=False))
    assert march == ("2025-03-01", 4, 1, 0, 0, 3, -6.5, -26.0)


def test_weekly_series_starts_on_monday_and_fills_gaps(store: Store) -> None:
    rows = series(time_series(store, freq="week", actor="SDNMIL"))
    assert [(p, n) for p, n, *_ in rows] == [
        ("2025-03-10", 1),  # Friday 14 March -> week of Monday 10 March
        ("2025-03-17", 1),  # Thursday 20 March
        ("2025-03-24", 0),
        ("2025-03-31", 1),  # Wednesday 2 April
    ]
    assert rows[2][6] is None and rows[2][7] == 0.0


def test_daily_series_of_a_dyad(store: Store) -> None:
    rows = series(time_series(store, freq="day", dyad=("REB", "SDNMIL"), by_cluster=False))
    assert [(p, n) for p, n, *_ in rows if n] == [("2025-03-14", 2), ("2025-03-15", 1), ("2025-04-02", 1)]
    assert len(rows) == 20  # 14 March to 2 April, every day


def test_series_takes_any_filter(store: Store) -> None:
    assert [r[1] for r in series(time_series(store, publisher="AFP", freq="year"))] == [2]
    base = EventFilter(cameo="19")
    assert [r[1] for r in series(time_series(store, filters=base, negated=None, freq="year"))] == [2]


def test_series_types(store: Store) -> None:
    schema = time_series(store).schema
    assert [(f.name, str(f.type)) for f in schema] == [
        ("period", "date32[day]"), ("events", "int64"), ("q1", "int64"), ("q2", "int64"), ("q3", "int64"),
        ("q4", "int64"), ("goldstein_mean", "double"), ("goldstein_sum", "double")]


def test_an_unknown_frequency_is_refused(store: Store) -> None:
    with pytest.raises(BadOption, match="freq"):
        time_series(store, freq="fortnight")


def test_top_actors_count_clusters_on_either_side(store: Store) -> None:
    rows = top_actors(store, 3).to_pylist()
    assert [(r["actor_code"], r["actor_name"], r["events"], r["as_source"], r["as_target"]) for r in rows] == [
        ("SDNMIL", "Sudanese military", 3, 1, 2), ("QATGOV", "Qatari government", 2, 1, 1), ("REB", "Rebels", 2, 1, 1)]
    by_mention = top_actors(store, 1, by_cluster=False).to_pylist()
    assert (by_mention[0]["actor_code"], by_mention[0]["events"]) == ("SDNMIL", 5)


def test_a_code_shows_the_name_seen_most_often(tmp_path: Path) -> None:
    """One code, several people: the table names the one most reports name, not the one that sorts first."""
    def speaker(name: str, start: int) -> ActorMention:
        return ActorMention(name, start, start + len(name), "USAELI", name, "USA", "ELI")

    names = ["Walker", "Walker", "Abbott", "Walker"]
    results = []
    for k, name in enumerate(names):
        article = Article(id=f"n{k}", text=f"Report {k}.", published=dt.date(2025, 3, 1 + 7 * k),
                          publisher=f"P{k}")
        event = make_event(event_id=f"n{k}-0", article_id=f"n{k}", source=speaker(name, 0), target=QATGOV,
                           date=f"2025-03-{1 + 7 * k:02d}", cameo="051", cameo_name="Praise or endorse", quad=1)
        results.append(FakeResult(f"n{k}", article, [event], None))
    with Store.open(tmp_path / "names.duckdb") as store:
        store.write(results)
        [row] = [r for r in top_actors(store, 5).to_pylist() if r["actor_code"] == "USAELI"]
        assert (row["actor_name"], row["events"]) == ("Walker", 4)
        [dyad] = top_dyads(store, 5).to_pylist()
        assert (dyad["source_name"], dyad["target_name"]) == ("Walker", "Qatari government")


def test_top_dyads_are_directed(store: Store) -> None:
    rows = top_dyads(store, 10).to_pylist()
    assert [(r["source_code"], r["target_code"], r["events"], r["goldstein_sum"]) for r in rows] == [
        ("EGYGOV", "QATGOV", 1, 3.4), ("QATGOV", "SDNMIL", 1, 4.0), ("REB", "SDNMIL", 1, -2.0),
        ("SDNMIL", "REB", 1, -10.0)]
    assert top_dyads(store, 1, by_cluster=False).to_pylist()[0]["events"] == 3


# ---- parley events / parley stats ---------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_cli_events_table(db: str) -> None:
    result = run("events", "--db", db, "--dyad", "REB", "SDNMIL", "--publisher", "afp")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["DATE", "CLUSTER", "SOURCE", "EVENT", "TARGET", "QUAD", "GOLDSTEIN", "PUBLISHER",
                                "TRIGGER"]
    assert len(lines) == 2 and lines[1].startswith("2025-03-15  c") and " SDNMIL Sudanese" in lines[1]


@pytest.mark.parametrize(("args", "expected"), [
    (["--cameo", "19", "--unhedged"], ["reuters-1-0", "afp-1-0"]),
    (["--quad", "1", "--quad", "3"], ["afp-2-0", "bbc-1-0", "ahram-1-0"]),
    (["--from", "2025-04-01", "--negated", "include"], ["bbc-1-0", "bbc-2-0", "ahram-1-0"]),
    (["--negated", "only"], ["bbc-2-0"]),
    (["--source", "EGYGOV", "--target", "qatari"], ["ahram-1-0"]),
    (["--actor", "REB", "--attributed", "--limit", "1"], ["reuters-1-0"]),
    (["--country", "EGY", "--plover", "request", "--place", "nowhere"], []),
])
def test_cli_events_filters_as_json_lines(db: str, args: list[str], expected: list[str]) -> None:
    result = run("events", "--db", db, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["event_id"] for line in result.stdout.splitlines()] == expected


def test_cli_events_csv_keeps_codes_as_strings(db: str) -> None:
    result = run("events", "--db", db, "--format", "csv", "--cameo", "02")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["cameo"], r["cameo_root"], r["negated"]) for r in rows] == [("0211", "02", "false")]


def test_cli_events_clusters_to_a_parquet_file(db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "clusters.parquet"
    result = run("events", "--db", db, "--clusters", "--format", "parquet", "-o", str(out))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.column("n_mentions").to_pylist() == [3, 1, 1, 1]


def test_cli_events_parquet_needs_a_file(db: str) -> None:
    result = run("events", "--db", db, "--format", "parquet")
    assert result.exit_code == 2 and "--output" in result.stderr


@pytest.mark.parametrize("args", [["--cameo", "x19"], ["--from", "March"], ["--quad", "7"]])
def test_cli_bad_filter_is_a_usage_error(db: str, args: list[str]) -> None:
    result = run("events", "--db", db, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_events_on_a_missing_store_is_one_error_line(tmp_path: Path) -> None:
    result = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1
    assert result.stderr.startswith("parley: error: ") and len(result.stderr.splitlines()) == 1


def test_cli_stats_series(db: str) -> None:
    result = run("stats", "--db", db, "--dyad", "SDNMIL", "REB", "--freq", "month", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "period,events,q1,q2,q3,q4,goldstein_mean,goldstein_sum",
        "2025-03-01,1,0,0,0,1,-10.0,-10.0",
        "2025-04-01,1,0,0,1,0,-2.0,-2.0",
    ]


def test_cli_stats_mentions(db: str) -> None:
    result = run("stats", "--db", db, "--actor", "REB", "--mentions", "--format", "jsonl")
    assert [json.loads(line)["events"] for line in result.stdout.splitlines()] == [3, 1]


def test_cli_stats_top_actors_and_dyads(db: str) -> None:
    result = run("stats", "--db", db, "--top", "2")
    assert result.exit_code == 0, result.output
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["ACTOR_CODE", "SDNMIL", "QATGOV"]
    result = run("stats", "--db", db, "--top", "1", "--of", "dyads", "--format", "jsonl")
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (row["source_code"], row["target_code"]) == ("EGYGOV", "QATGOV")


# ---- drill-down, repeatable and checked filters, pipes ---------------------------------------------------


def test_cli_cluster_lists_every_report_of_one_cluster(db: str) -> None:
    listed = run("events", "--db", db, "--clusters", "--cameo", "19", "--format", "csv")
    [cluster_id] = [row["cluster_id"] for row in csv.DictReader(io.StringIO(listed.stdout))]
    result = run("events", "--db", db, "--cluster", cluster_id)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["PUBLISHED", "PUBLISHER", "DATE", "SOURCE"]
    assert "SENTENCE" in lines[0] and "ATTRIBUTION" in lines[0]
    assert {"Reuters", "AP", "AFP"} <= set(result.stdout.split())
    assert "a spokesman said" in result.stdout and "witnesses" in result.stdout
    missing = run("events", "--db", db, "--cluster", "c0000000000000000")
    assert missing.exit_code == 2 and "no event cluster 'c0000000000000000'" in missing.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--country", "US"], "did you mean USA?"),
    (["--country", "Sudan"], "did you mean SDN?"),
    (["--plover", "NOTATYPE"], "ASSAULT"),
    (["--cameo", "999"], "no CAMEO code"),
    (["--modality", "rumoured"], "demanded"),
])
def test_cli_unknown_values_are_errors_naming_the_valid_ones(db: str, args: list[str], message: str) -> None:
    result = run("events", "--db", db, *args)
    assert result.exit_code == 2 and message in result.stderr, result.output


def test_cli_country_is_repeatable(db: str) -> None:
    result = run("events", "--db", db, "--country", "QAT", "--country", "egy", "--format", "jsonl")
    assert sorted(json.loads(line)["article_id"] for line in result.stdout.splitlines()) == ["afp-2", "ahram-1"]


def test_cli_modality_chooses_what_is_counted(tmp_path: Path) -> None:
    path = str(tmp_path / "m.duckdb")
    article = Article(id="m1", text="Report.", published=dt.date(2025, 6, 2), publisher="X")
    demand = make_event(event_id="m1-0", article_id="m1", source=REB, target=SDNMIL, cameo="1056", quad=3,
                        cameo_name="Demand de-escalation of military engagement", goldstein=-5.0)
    withdrawal = make_event(event_id="m1-1", article_id="m1", source=SDNMIL, target=None, cameo="087", quad=2,
                            cameo_name="De-escalate military engagement", goldstein=5.0, modality="demanded",
                            carried_by="m1-0")
    with Store.open(path) as store:
        store.write([FakeResult("m1", article, [demand, withdrawal], None)])
    ids = {}
    for args in ([], ["--modality", "demanded"], ["--modality", "all"], ["--modality", "nonfactual"]):
        result = run("events", "--db", path, "--format", "jsonl", *args)
        ids[" ".join(args)] = sorted(json.loads(line)["event_id"] for line in result.stdout.splitlines())
    assert ids == {"": ["m1-0"], "--modality demanded": ["m1-1"], "--modality all": ["m1-0", "m1-1"],
                   "--modality nonfactual": ["m1-1"]}
    stats = run("stats", "--db", path, "--format", "jsonl", "--mentions")
    assert [json.loads(line)["events"] for line in stats.stdout.splitlines()] == [1]


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = str(tmp_path / "big.duckdb")
    article = Article(id="big", text="Report.", published=dt.date(2025, 6, 2), publisher="X")
    events = [make_event(event_id=f"big-{i}", article_id="big", sentence_index=i, trigger=make_event().trigger)
              for i in range(3000)]
    with Store.open(path) as store:
        store.write([FakeResult("big", article, events, None)])
    proc = subprocess.Popen([sys.executable, "-m", "parley", "events", "--db", path, "--format", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0 and err == b"", err


def test_a_daily_series_leaves_out_events_dated_only_to_a_month(tmp_path: Path) -> None:
    results = []
    for i, (day, precision) in enumerate((("2025-03-03", "day"), ("2025-03-01", "month"), ("2025-03-04", "day"))):
        article = Article(id=f"p{i}", text=f"Report {i}.", published=dt.date(2025, 3, 5), publisher=f"Outlet {i}")
        actor = ["GBR", "FRA", "DEU"][i]
        event = make_event(event_id=f"p{i}-0", article_id=f"p{i}", date=day, date_precision=precision,
                           source=ActorMention(actor, 0, 3, actor, actor, actor, None))
        results.append(FakeResult(article.id, article, [event], None))
    with Store.open(tmp_path / "p.duckdb") as store:
        store.write(results)
        daily = time_series(store, freq="day").to_pylist()
        monthly = time_series(store, freq="month").to_pylist()
    assert sum(r["events"] for r in daily) == 2
    assert [r["events"] for r in monthly] == [3]
