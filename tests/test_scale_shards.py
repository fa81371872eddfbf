"""Shards of a distributed ingest: stable ids, and the Parquet file a worker writes for one shard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import FakeResult, make_event
from parley.errors import ArticleError, CodingError, InputError, StoreError
from parley.scale.shards import inputs_digest, plan_shards, read_shard, shard_done, shard_path, write_shard
from parley.types import Article, Location

D = dt.date(2025, 3, 14)


def article(article_id: str, text: str = "Qatar hosted talks between the two sides.") -> Article:
    return Article(id=article_id, text=text, published=D, title=f"Title {article_id}", url=f"https://x/{article_id}",
                   publisher="Wire")


RECORDS: list[Article | InputError] = [
    article("a1"), article("a2"), InputError("not JSON", source="in.jsonl", line=3), article("a3"), article("a4"),
]


def test_shards_cut_the_input_in_order_with_the_last_one_short() -> None:
    shards = list(plan_shards(RECORDS, size=2))
    assert [s.index for s in shards] == [0, 1, 2]
    assert [len(s.records) for s in shards] == [2, 2, 1]
    assert [r for s in shards for r in s.records] == RECORDS


def test_the_same_input_gives_the_same_shard_ids() -> None:
    first = [s.shard_id for s in plan_shards(RECORDS, size=2)]
    again = [s.shard_id for s in plan_shards(list(RECORDS), size=2)]
    assert first == again
    assert len(set(first)) == 3


def test_a_changed_article_changes_its_shard_id_only() -> None:
    changed = [*RECORDS[:3], article("a3", "Egypt hosted talks."), RECORDS[4]]
    before = [s.shard_id for s in plan_shards(RECORDS, size=2)]
    after = [s.shard_id for s in plan_shards(changed, size=2)]
    assert before[0] == after[0] and before[2] == after[2]
    assert before[1] != after[1]


def test_a_shard_file_gives_back_the_results_written(tmp_path: Path) -> None:
    a1, a2, a3, a4 = article("a1"), article("a2"), article("a3"), article("a4")
    located = make_event(event_id="a1-0-1", article_id="a1",
                         location=Location("Doha", "QAT", 25.3, 51.5, kind="city", basis="clause"))
    results = [
        FakeResult("a1", a1, [make_event(event_id="a1-0-0", article_id="a1"), located], None),
        FakeResult("a2", a2, [], ArticleError("parser gave up", article_id="a2", step="parse")),
        FakeResult("a3", a3, [], InputError("empty text", article_id="a3")),
        FakeResult("a4", a4, [], CodingError("KeyError: 'x'", article_id="a4", step="coding")),
    ]
    inputs = inputs_digest([a1, a2, a3, a4])
    path = write_shard(tmp_path, "s1", results, inputs=inputs, lexicon_version="lex-7")
    assert path == shard_path(tmp_path, "s1", inputs)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]   # no temporary file left
    back, lexicon_version = read_shard(path)
    assert lexicon_version == "lex-7"
    assert [r.article for r in back] == [a1, a2, a3, a4]
    assert back[0].events == results[0].events
    assert back[0].error is None
    kinds = [(type(r.error).__name__, getattr(r.error, "step", None), r.error.message) for r in back[1:]]
    assert kinds == [("ArticleError", "parse", "parse: parser gave up"), ("InputError", None, "empty text"),
                     ("CodingError", "coding", "KeyError: 'x'")]


def test_a_shard_file_is_done_only_for_the_same_articles(tmp_path: Path) -> None:
    a1 = article("a1")
    inputs = inputs_digest([a1])
    path = write_shard(tmp_path, "s1", [FakeResult("a1", a1, [], None)], inputs=inputs, lexicon_version=None)
    assert shard_done(path, inputs=inputs)
    assert not shard_done(path, inputs=inputs_digest([article("a1", "Egypt hosted talks.")]))
    assert not shard_done(tmp_path / "missing.parquet", inputs=inputs)


def test_a_file_that_is_not_a_shard_is_refused_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "other.parquet"
    path.write_bytes(b"not parquet at all")
    with pytest.raises(StoreError, match="other.parquet") as info:
        read_shard(path)
    assert "delete it" in str(info.value)
    assert not shard_done(path, inputs="x")
    pq.write_table(pq.read_table(write_shard(tmp_path, "s2", [], inputs="y", lexicon_version=None))
                   .replace_schema_metadata({}), path)
    with pytest.raises(StoreError, match="not a shard file"):
        read_shard(path)


def test_a_dask_ingest_without_distributed_says_what_to_install(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from parley.errors import MissingExtra
    from parley.scale import dask_ingest

    monkeypatch.setitem(sys.modules, "distributed", None)   # as if it were not installed
    with pytest.raises(MissingExtra, match=r"parley\[dask\]"):
        dask_ingest(RECORDS, db=str(tmp_path / "x.duckdb"), cluster="local:1")
    assert not (tmp_path / "x.duckdb").exists()


@pytest.mark.parametrize(("option", "value"), [("shard_size", 0), ("retries", -1)])
def test_impossible_options_are_refused_naming_them(tmp_path: Path, option: str, value: int) -> None:
    from parley.errors import BadOption
    from parley.scale import dask_ingest

    with pytest.raises(BadOption, match=option):
        dask_ingest(RECORDS, db=str(tmp_path / "x.duckdb"), **{option: value})


def test_the_scale_api_is_small_sorted_and_complete() -> None:
    import parley.scale

    assert parley.scale.__all__ == sorted(parley.scale.__all__)
    assert parley.scale.__all__ == ["DEFAULT_RETRIES", "DEFAULT_SHARD_SIZE", "ShippedCoder", "dask_ingest",
                                    "local_cluster"]
    assert all(hasattr(parley.scale, name) for name in parley.scale.__all__)


def test_a_task_whose_file_is_already_written_reuses_it_without_coding(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from parley.scale.worker import ShardTask, code_shard

    a1 = article("a1")
    inputs = inputs_digest([a1])
    write_shard(tmp_path, "s1", [FakeResult("a1", a1, [make_event(article_id="a1")], None)], inputs=inputs,
                lexicon_version="lex-7")
    done = code_shard(ShardTask("s1", (a1,), str(tmp_path), inputs))   # no worker, no coder: it must not code
    assert done.reused and done.articles == 1
    assert read_shard(done.path)[0][0].events == [make_event(article_id="a1")]


def test_dask_and_processes_together_are_a_usage_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from parley.cli import main

    source = tmp_path / "in.txt"
    source.write_text("Qatar hosted talks.", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(source), "--db", str(tmp_path / "x.duckdb"), "--dask", "local",
                                       "--processes", "2"])
    assert result.exit_code == 2 and "--processes" in result.output
    assert not (tmp_path / "x.duckdb").exists()
