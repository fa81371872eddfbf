"""Exports: every column and type of the Parquet, CSV, GDELT-style and PLOVER-style exports, and `parley export`."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from parley.cli import main
from parley.errors import UnknownFormat
from parley.store import (
    CLUSTERS_SCHEMA,
    EVENTS_SCHEMA,
    GDELT_SCHEMA,
    PLOVER_FIELDS,
    Store,
    export_events,
    gdelt_table,
    plover_records,
)
from test_store_query import write_reports

DOCS = Path(__file__).resolve().parents[1] / "docs" / "store.md"

EVENTS = [
    ("event_id", "string"), ("cluster_id", "string"), ("article_id", "string"), ("publisher", "string"),
    ("published", "date32[day]"), ("url", "string"), ("title", "string"), ("sentence_index", "int32"),
    ("trigger_text", "string"), ("trigger_start", "int32"), ("trigger_end", "int32"),
    ("source_text", "string"), ("source_start", "int32"), ("source_end", "int32"), ("source_code", "string"),
    ("source_name", "string"), ("source_country", "string"), ("source_sector", "string"),
    ("target_text", "string"), ("target_start", "int32"), ("target_end", "int32"), ("target_code", "string"),
    ("target_name", "string"), ("target_country", "string"), ("target_sector", "string"),
    ("cameo", "string"), ("cameo_root", "string"), ("cameo_name", "string"), ("plover", "string"),
    ("plover_mode", "string"), ("quad", "int8"), ("goldstein", "double"), ("negated", "bool"),
    ("modality", "string"), ("date", "date32[day]"), ("date_precision", "string"), ("date_basis", "string"),
    ("location_name", "string"), ("location_country", "string"), ("location_lat", "double"),
    ("location_lon", "double"), ("location_kind", "string"), ("location_basis", "string"), ("relevant", "bool"),
    ("factual", "bool"), ("background", "bool"), ("carried_by", "string"), ("speaker_text", "string"),
    ("speaker_code", "string"), ("cue", "string"),
    ("reported_by", "list<string>"), ("hedged", "bool"), ("quoted", "bool"), ("object_text", "string"),
    ("object_start", "int32"), ("object_end", "int32"), ("evidence_text", "string"), ("evidence_start", "int32"),
    ("evidence_end", "int32"), ("rule", "string"), ("version", "string"),
]
CLUSTERS = [
    ("cluster_id", "string"), ("source_code", "string"), ("target_code", "string"), ("cameo_root", "string"),
    ("negated", "bool"), ("anchor_date", "date32[day]"), ("location_name", "string"),
    ("location_country", "string"), ("location_lat", "double"), ("location_lon", "double"), ("cameo", "string"),
    ("cameo_name", "string"), ("plover", "string"), ("quad", "int8"), ("goldstein", "double"),
    ("source_name", "string"), ("target_name", "string"), ("date_start", "date32[day]"),
    ("date_end", "date32[day]"), ("first_reported", "date32[day]"), ("n_mentions", "int32"),
    ("n_articles", "int32"), ("n_sources", "int32"), ("n_hedged", "int32"), ("factual", "bool"),
    ("location_kind", "string"), ("location_basis", "string"),
]
GDELT = [
    ("GlobalEventID", "string"), ("Day", "int32"), ("MonthYear", "int32"), ("Year", "int32"),
    ("Actor1Code", "string"), ("Actor1Name", "string"), ("Actor1CountryCode", "string"),
    ("Actor2Code", "string"), ("Actor2Name", "string"), ("Actor2CountryCode", "string"),
    ("EventCode", "string"), ("EventBaseCode", "string"), ("EventRootCode", "string"), ("QuadClass", "int8"),
    ("GoldsteinScale", "double"), ("NumMentions", "int32"), ("NumSources", "int32"), ("NumArticles", "int32"),
    ("ActionGeo_FullName", "string"), ("ActionGeo_CountryCode", "string"), ("ActionGeo_Lat", "double"),
    ("ActionGeo_Long", "double"), ("SOURCEURL", "string"),
]


def columns(schema) -> list[tuple[str, str]]:
    """(name, type) of each field; a list is `list<T>` whatever its child's name (Parquet calls it "element")."""
    return [(field.name, f"list<{field.type.value_type}>" if pa.types.is_list(field.type) else str(field.type))
            for field in schema]


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


# ---- Parquet and CSV ----------------------------------------------------------------------------------


def test_events_parquet_has_exactly_the_documented_columns_and_types(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export_events(store, out, format="parquet") == 6
    table = pq.read_table(out)
    assert columns(table.schema) == EVENTS == columns(EVENTS_SCHEMA)
    assert table.schema.metadata[b"parley.export"] == b"events"
    assert table.schema.metadata[b"parley.export_version"] == b"1"
    assert sorted(table.column("cameo").to_pylist()) == ["0211", "036", "112", "190", "190", "190"]


def test_clusters_parquet_has_exactly_the_documented_columns_and_types(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "clusters.parquet"
    assert export_events(store, out, format="parquet", clusters=True) == 4
    table = pq.read_table(out)
    assert columns(table.schema) == CLUSTERS == columns(CLUSTERS_SCHEMA)
    assert table.schema.metadata[b"parley.export"] == b"clusters"


def test_events_csv_header_and_cells(store: Store) -> None:
    out = io.StringIO()
    assert export_events(store, out, format="csv", publisher="AFP", cameo="19") == 1
    lines = out.getvalue().splitlines()
    assert lines[0].split(",") == [name for name, _ in EVENTS]
    [row] = csv.DictReader(io.StringIO(out.getvalue()))
    assert (row["cameo"], row["cameo_root"], row["quad"], row["goldstein"]) == ("190", "19", "4", "-10.0")
    assert (row["negated"], row["hedged"], row["reported_by"], row["modality"]) == ("false", "false", "witnesses", "")
    assert (row["published"], row["date"]) == ("2025-03-15", "2025-03-15")


def test_clusters_csv_keeps_leading_zeros(store: Store) -> None:
    out = io.StringIO()
    export_events(store, out, format="csv", clusters=True, quad=1)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == [name for name, _ in CLUSTERS]
    assert [(r["cameo"], r["cameo_root"]) for r in rows] == [("036", "03"), ("0211", "02")]


# ---- GDELT-style -------------------------------------------------------------------------------------


def test_gdelt_table_has_exactly_the_documented_columns_and_types(store: Store) -> None:
    table = gdelt_table(store)
    assert columns(table.schema) == GDELT == columns(GDELT_SCHEMA)
    assert table.num_rows == 4  # one row per event cluster


def test_gdelt_row_of_an_event_reported_three_times(store: Store) -> None:
    [row] = gdelt_table(store, cameo="19").to_pylist()
    assert row == {
        "GlobalEventID": row["GlobalEventID"], "Day": 20250314, "MonthYear": 202503, "Year": 2025,
        "Actor1Code": "SDNMIL", "Actor1Name": "Sudanese military", "Actor1CountryCode": "SDN",
        "Actor2Code": "REB", "Actor2Name": "Rebels", "Actor2CountryCode": None,
        "EventCode": "190", "EventBaseCode": "190", "EventRootCode": "19", "QuadClass": 4, "GoldsteinScale": -10.0,
        "NumMentions": 3, "NumSources": 3, "NumArticles": 3,
        "ActionGeo_FullName": "Port Sudan", "ActionGeo_CountryCode": "SDN", "ActionGeo_Lat": 19.6175,
        "ActionGeo_Long": 37.2164, "SOURCEURL": "https://reuters.example/1",
    }
    assert re.fullmatch(r"c[0-9a-f]{16}", row["GlobalEventID"])


def test_gdelt_file_is_tab_separated_with_codes_as_strings(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export_events(store, out, format="gdelt", cameo="02") == 1
    header, line = out.read_text(encoding="utf-8").splitlines()
    assert header.split("\t") == [name for name, _ in GDELT]
    row = dict(zip(header.split("\t"), line.split("\t"), strict=True))
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("0211", "021", "02")
    assert (row["Day"], row["QuadClass"], row["SOURCEURL"], row["ActionGeo_Lat"]) == ("20250505", "1", "", "")


# ---- PLOVER-style ------------------------------------------------------------------------------------


def test_plover_records_have_the_documented_keys_and_types(store: Store) -> None:
    records = list(plover_records(store))
    assert len(records) == 4
    types = {"id": str, "date": str, "event_type": str, "mode": type(None), "context": list, "source": dict,
             "target": dict, "cameo": str, "quad": int, "goldstein": float, "negated": bool,
             "num_mentions": int, "num_articles": int, "num_sources": int, "first_reported": str, "text": str,
             "attribution": dict, "reports": list, "version": str}
    for record in records:
        assert tuple(record) == PLOVER_FIELDS
        for key, kind in types.items():
            assert isinstance(record[key], kind), (key, record[key])
        assert record["location"] is None or set(record["location"]) == {"name", "country", "lat", "lon"}
        assert set(record["source"]) == {"actor", "code", "country", "agent"}
        assert set(record["attribution"]) == {"speaker", "speaker_code", "cue", "reported_by", "hedged", "quoted"}
        for report in record["reports"]:
            assert set(report) == {"event_id", "article_id", "publisher", "published", "url", "text", "attribution"}


def test_plover_record_of_an_event_reported_three_times(store: Store) -> None:
    [record] = plover_records(store, cameo="19")
    assert (record["date"], record["event_type"], record["cameo"], record["quad"]) == (
        "2025-03-14", "ASSAULT", "190", 4)
    assert record["source"] == {"actor": "Sudanese military", "code": "SDNMIL", "country": "SDN", "agent": "MIL"}
    assert record["target"] == {"actor": "Rebels", "code": "REB", "country": None, "agent": "REB"}
    assert record["location"] == {"name": "Port Sudan", "country": "SDN", "lat": 19.6175, "lon": 37.2164}
    assert (record["num_mentions"], record["num_articles"], record["num_sources"]) == (3, 3, 3)
    # The top-level text and attribution are the earliest report's; every report is listed.
    assert record["text"] == "The rebels rejected the offer."
    assert record["attribution"] == {"speaker": "a spokesman", "speaker_code": "SDNMIL", "cue": "said",
                                     "reported_by": [], "hedged": False, "quoted": False}
    assert [(r["publisher"], r["published"], r["attribution"]["hedged"], r["attribution"]["reported_by"])
            for r in record["reports"]] == [
        ("Reuters", "2025-03-14", False, []), ("AP", "2025-03-15", True, []), ("AFP", "2025-03-15", False,
                                                                              ["witnesses"])]


def test_plover_file_is_json_lines(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export_events(store, out, format="plover", negated=True) == 1
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["negated"] is True and record["cameo"] == "190"


def test_an_unknown_export_format_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UnknownFormat, match="format"):
        export_events(store, tmp_path / "x", format="xlsx")


# ---- documentation and CLI ---------------------------------------------------------------------------


@pytest.mark.parametrize("schema", [EVENTS, CLUSTERS, GDELT, [(k, "") for k in PLOVER_FIELDS]],
                         ids=["events", "clusters", "gdelt", "plover"])
def test_every_export_column_is_documented(schema: list[tuple[str, str]]) -> None:
    docs = DOCS.read_text(encoding="utf-8")
    section = docs[docs.index("## Exports"):]
    for name, _ in schema:
        assert f"`{name}`" in section, f"{name} is not documented in docs/store.md, section Exports"


@pytest.mark.parametrize(("fmt", "suffix", "unit"), [
    ("parquet", "parquet", "6 events"), ("csv", "csv", "6 events"), ("gdelt", "tsv", "4 event clusters"),
    ("plover", "jsonl", "4 event clusters"),
])
def test_cli_export(db: str, tmp_path: Path, fmt: str, suffix: str, unit: str) -> None:
    out = tmp_path / f"out.{suffix}"
    result = CliRunner().invoke(main, ["export", "--db", db, "--as", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: {unit}\n"
    assert out.stat().st_size > 0


def test_cli_export_with_filters_and_clusters(db: str, tmp_path: Path) -> None:
    out = tmp_path / "clusters.csv"
    result = CliRunner().invoke(main, ["export", "--db", db, "--as", "csv", "--clusters", "--actor", "rebels",
                                       "-o", str(out)])
    assert result.stdout == f"{out}: 2 event clusters\n"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["cameo"] for r in rows] == ["190", "112"]


def test_cli_export_needs_a_format_and_a_file(db: str) -> None:
    assert CliRunner().invoke(main, ["export", "--db", db, "-o", "x.csv"]).exit_code == 2
    assert CliRunner().invoke(main, ["export", "--db", db, "--as", "csv"]).exit_code == 2
