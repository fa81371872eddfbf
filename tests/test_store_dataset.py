"""The store as a partitioned Parquet dataset: written from a store, read by DuckDB directly and by
`parley events`/`stats` as a read-only store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from conftest import FakeCoder
from parley.cli import main
from parley.errors import SchemaError, StoreError
from parley.store import Store, ingest
from parley.store.dataset import is_dataset, open_dataset, write_dataset
from parley.types import Article

D = dt.date(2025, 3, 14)

ARTICLES = [
    Article(id="m1", text="Qatar hosted talks between the two sides in Doha.", published=D, publisher="Wire A"),
    Article(id="m2", text="The rebels rejected the truce offered on Friday.", published=D + dt.timedelta(days=1),
            publisher="Wire B"),
    Article(id="m3", text="Mediators met both delegations in Cairo.", published=dt.date(2025, 4, 2),
            publisher="Wire A"),
    Article(id="m4", text="FAIL: the parser gives up on this one.", published=None),
]


@pytest.fixture
def store_path(tmp_path: Path) -> str:
    path = str(tmp_path / "news.duckdb")
    ingest(ARTICLES, db=path, coder=FakeCoder())
    return path


def test_the_dataset_is_partitioned_by_month_and_counts_every_row(store_path: str, tmp_path: Path) -> None:
    folder = tmp_path / "news.dataset"
    with Store.open(store_path, read_only=True) as store:
        counts = write_dataset(store, folder)
    assert counts["articles"] == 4 and counts["events"] == 3 and counts["errors"] == 1
    assert is_dataset(folder)
    months = sorted(p.name for p in (folder / "events").iterdir() if p.is_dir())
    assert months == ["month=2025-03", "month=2025-04"]
    assert sorted(p.name for p in (folder / "articles").iterdir() if p.is_dir()) == [
        "month=2025-03", "month=2025-04", "month=unknown"]
    manifest = json.loads((folder / "dataset.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "parley-dataset" and manifest["rows"] == counts


def test_duckdb_reads_the_dataset_directly(store_path: str, tmp_path: Path) -> None:
    folder = tmp_path / "news.dataset"
    with Store.open(store_path, read_only=True) as store:
        write_dataset(store, folder)
    glob = str(folder / "events" / "*" / "*.parquet")
    rows = duckdb.sql("SELECT month, count(*) FROM read_parquet(?, hive_partitioning = true) GROUP BY month "
                      "ORDER BY month", params=[glob]).fetchall()
    assert rows == [("2025-03", 2), ("2025-04", 1)]


def test_a_dataset_opened_as_a_store_has_the_same_tables(store_path: str, tmp_path: Path) -> None:
    folder = tmp_path / "news.dataset"
    with Store.open(store_path, read_only=True) as store:
        write_dataset(store, folder)
        expected = (store.events_table(), store.articles_table(), store.clusters_table(), store.errors())
    with Store.open(folder, read_only=True) as dataset:
        found = (dataset.events_table(), dataset.articles_table(), dataset.clusters_table(), dataset.errors())
        assert dataset.schema_version == Store.open(store_path, read_only=True).schema_version
    for want, got in zip(expected, found, strict=True):
        assert got.to_pylist() == want.to_pylist()


@pytest.mark.parametrize("command", [["events", "--format", "csv"], ["events", "--clusters", "--format", "csv"],
                                     ["stats", "--format", "csv"], ["stats", "--top", "3", "--format", "csv"]])
def test_events_and_stats_read_a_dataset_as_they_read_the_store(store_path: str, tmp_path: Path,
                                                                command: list[str]) -> None:
    folder = tmp_path / "news.dataset"
    with Store.open(store_path, read_only=True) as store:
        write_dataset(store, folder)
    runner = CliRunner()
    from_store = runner.invoke(main, [*command, "--db", store_path])
    from_dataset = runner.invoke(main, [*command, "--db", str(folder)])
    assert from_store.exit_code == 0, from_store.output
    assert from_dataset.exit_code == 0, from_dataset.output
    assert from_dataset.stdout == from_store.stdout


def test_writing_again_replaces_the_dataset(store_path: str, tmp_path: Path) -> None:
    folder = tmp_path / "news.dataset"
    with Store.open(store_path, read_only=True) as store:
        write_dataset(store, folder)
    with Store.open(str(tmp_path / "empty.duckdb")) as empty:
        counts = write_dataset(empty, folder)
    assert set(counts.values()) == {0} or counts["settings"] > 0
    with Store.open(folder, read_only=True) as dataset:
        assert dataset.articles_count() == 0 and dataset.events_count() == 0
    assert not list(tmp_path.glob(".news.dataset.*"))


def test_a_folder_that_is_not_a_dataset_is_not_overwritten(store_path: str, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    with Store.open(store_path, read_only=True) as store, pytest.raises(StoreError, match="not a Parley dataset"):
        write_dataset(store, folder)
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_dataset_cannot_be_opened_for_writing(store_path: str, tmp_path: Path) -> None:
    folder = tmp_path / "news.dataset"
    with Store.open(store_path, read_only=True) as store:
        write_dataset(store, folder)
    with pytest.raises(StoreError, match="read-only"):
        Store.open(folder)


def test_a_dataset_of_another_schema_version_is_refused(store_path: str, tmp_path: Path) -> None:
    folder = tmp_path / "news.dataset"
    with Store.open(store_path, read_only=True) as store:
        write_dataset(store, folder)
    manifest = json.loads((folder / "dataset.json").read_text(encoding="utf-8"))
    manifest["schema_version"] = 99
    (folder / "dataset.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(SchemaError, match="99"):
        open_dataset(folder)


def test_ingest_writes_the_dataset_when_asked(tmp_path: Path, fake_coder: FakeCoder) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": a.id, "text": a.text, "published": a.published and str(a.published)})
                              + "\n" for a in ARTICLES), encoding="utf-8")
    db, folder = str(tmp_path / "news.duckdb"), tmp_path / "news.dataset"
    result = CliRunner().invoke(main, ["ingest", str(source), "--db", db, "--dataset", str(folder)])
    assert result.exit_code == 0, result.output
    with Store.open(folder, read_only=True) as dataset:
        assert dataset.articles_count() == 4 and dataset.events_count() == 3
    refused = CliRunner().invoke(main, ["ingest", str(source), "--db", str(folder)])
    assert refused.exit_code == 1 and "read-only" in refused.output
