"""Every public bad-input path raises the right `ParleyError` subclass, with a message naming what and where."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from parley.cli import main
from parley.errors import (
    BadFilter,
    BadOption,
    DataFileError,
    FetchError,
    InputError,
    ParleyError,
    StoreError,
    UnknownFilter,
    UnknownFormat,
)
from parley.formats import event_from_dict, output_format
from parley.readers import get_reader, iter_articles, read_feed, read_stdin
from parley.store import EventFilter, Store, export_events, ingest, query_events, time_series, write_table


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "s.duckdb") as store:
        yield store


@pytest.mark.parametrize(
    ("filters", "option"),
    [
        ({"cameo": "abc"}, "cameo"),
        ({"quad": 5}, "quad"),
        ({"date_from": "14/03/2025"}, "date_from"),
        ({"dyad": ("REB",)}, "dyad"),
        ({"dyad": 5}, "dyad"),
        ({"actor": "  "}, "actor"),
    ],
)
def test_a_bad_filter_value_is_a_bad_filter_naming_the_filter(store: Store, filters: dict, option: str) -> None:
    with pytest.raises(BadFilter) as info:
        query_events(store, **filters)
    assert info.value.option == option and option in str(info.value)
    assert isinstance(info.value, ValueError)  # callers written against ValueError keep working


def test_an_unknown_filter_name_is_unknown_filter_listing_the_known_ones(store: Store) -> None:
    with pytest.raises(UnknownFilter) as info:
        time_series(store, actr="REB")
    assert info.value.names == ("actr",) and "actor" in info.value.known
    assert "'actr'" not in str(info.value) and "actr" in str(info.value) and "publisher" in str(info.value)
    assert isinstance(info.value, TypeError)


def test_unknown_filter_from_event_filter_of() -> None:
    with pytest.raises(UnknownFilter, match="colour"):
        EventFilter.of(None, colour="red")


@pytest.mark.parametrize(("call", "option"), [
    (lambda s: query_events(s, limit=-1), "limit"),
    (lambda s: time_series(s, freq="fortnight"), "freq"),
    (lambda s: s.recluster(window_days=-1), "window_days"),
    (lambda s: ingest([], db=s, batch_size=0), "batch_size"),
])
def test_a_bad_option_names_the_option(store: Store, call, option: str) -> None:
    with pytest.raises(BadOption) as info:
        call(store)
    assert info.value.option == option and option in str(info.value)


def test_an_unknown_export_format_names_the_formats(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UnknownFormat) as info:
        export_events(store, tmp_path / "x", format="xlsx")
    assert (info.value.format, info.value.kind) == ("xlsx", "export format")
    assert str(info.value) == "unknown export format 'xlsx'; the export formats are csv, parquet, gdelt, plover"


def test_an_unknown_table_format_is_unknown_format(store: Store) -> None:
    with pytest.raises(UnknownFormat, match="'gdelt'.*jsonl, csv, table, parquet"):
        write_table(query_events(store), io.StringIO(), format="gdelt")


def test_output_format_refuses_a_format_without_the_writer() -> None:
    with pytest.raises(UnknownFormat, match="unknown output format 'parquet'"):
        output_format("parquet", "events")


def test_an_unknown_input_format_is_unknown_format() -> None:
    with pytest.raises(UnknownFormat) as info:
        list(iter_articles(["a.txt"], format="docx"))
    assert info.value.option == "input_format" and "jsonl" in info.value.known
    with pytest.raises(UnknownFormat, match="'docx'"):
        get_reader("docx")
    with pytest.raises(UnknownFormat, match="unknown stdin format 'csv'"):
        list(read_stdin(io.BytesIO(b""), format="csv"))


@pytest.mark.parametrize(("options", "option"), [({"concurrency": 0}, "concurrency"), ({"timeout": -1}, "timeout"),
                                                  ({"retries": -1}, "retries")])
def test_bad_feed_options_are_bad_options(options: dict, option: str) -> None:
    with pytest.raises(BadOption) as info:
        list(read_feed("feed.xml", **options))
    assert info.value.option == option


def test_fetch_error_is_a_parley_error() -> None:
    error = FetchError("HTTP 404 Not Found from https://example.org/x", url="https://example.org/x")
    assert isinstance(error, ParleyError) and error.url == "https://example.org/x"


def test_an_event_of_the_wrong_shape_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not an event in the documented shape.*'trigger'") as info:
        event_from_dict({"event_id": "e1", "article_id": "a1", "sentence_index": 0, "attribution": {}})
    assert info.value.article_id == "a1"


def test_a_missing_topics_file_is_a_data_file_error(tmp_path: Path) -> None:
    from parley.negotiation import load_topics

    with pytest.raises(DataFileError) as info:
        load_topics([tmp_path / "none.yaml"])
    assert info.value.path == str(tmp_path / "none.yaml") and "cannot read the file" in info.value.problems[0]


def test_opening_a_missing_store_read_only_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store.open(tmp_path / "none.duckdb", read_only=True)


# ---- the CLI: one line, no traceback -------------------------------------------------------------------


def test_cli_shows_a_parley_error_as_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    db = tmp_path / "none.duckdb"
    assert result.stderr == f"parley: error: {db}: no such store; create it with `parley ingest`\n"


def test_cli_bad_filter_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.duckdb"), "--cameo", "abc"])
    assert result.exit_code == 2 and "cameo must be a CAMEO code" in result.stderr
    assert "Traceback" not in result.output


def test_cli_negotiation_of_a_missing_topics_file_is_one_line(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb"):
        pass
    result = CliRunner().invoke(main, ["negotiations", "--db", str(tmp_path / "s.duckdb"), "--topics",
                                       str(tmp_path / "none.yaml")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"parley: error: {tmp_path / 'none.yaml'}: 1 problem(s)\n")
    assert "Traceback" not in result.stderr


def test_cli_input_format_choices_come_from_the_registry(tmp_path: Path, fake_coder) -> None:
    path = tmp_path / "rows.data"
    path.write_text("id,text\nc1,Talks resumed.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["code", "--input-format", "csv", str(path)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["article_id"] for line in result.stdout.splitlines()] == ["c1"]
