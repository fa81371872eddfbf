"""Ingest on a Dask LocalCluster (127.0.0.1, no dashboard): the same store as one process, a worker killed
mid-shard, a rerun after an interruption, the command line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import signal
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import FakeCoder
from parley.errors import BadOption, InputError
from parley.store import Store, ingest
from parley.types import Article

distributed = pytest.importorskip("distributed")

from parley.scale import dask_ingest, local_cluster  # noqa: E402 - after the skip when the extra is missing

pytestmark = pytest.mark.slow

D = dt.date(2025, 3, 14)


def article(article_id: str, text: str, day: int = 0) -> Article:
    return Article(id=article_id, text=text, published=D + dt.timedelta(days=day), publisher=f"Wire {day % 3}")


# A small collection with what a run must get right: a failure, a record that cannot be read, an id told
# twice with other content (the later telling wins), one told twice unchanged.
RECORDS: list[Article | InputError] = [
    article("n1", "Qatar hosted talks between the army and the rebels in Doha on Monday."),
    article("n2", "The rebels rejected the truce offered by the government.", 1),
    article("n3", "FAIL: the parser gives up on this one."),
    InputError("line is not JSON", source="feed.jsonl", line=4),
    article("n4", "Egyptian mediators met both delegations in Cairo.", 2),
    article("n1", "Qatar hosted a second round of talks in Doha on Tuesday.", 1),
    article("n5", "The army shelled rebel positions near the border.", 5),
    article("n2", "The rebels rejected the truce offered by the government.", 1),
    article("n6", "Talks resumed after a week, a spokesman said.", 6),
    article("n7", "The envoy said both sides would meet again next month.", 9),
]


class LoggingCoder(FakeCoder):
    """A `FakeCoder` that notes, in a folder, each article it codes (one file per process)."""

    def __init__(self, log_dir: str) -> None:
        super().__init__()
        self.log = Path(log_dir) / f"coded-{os.getpid()}.txt"

    def code_articles(self, articles: Iterable[Article | InputError], *, n_process: int = 1) -> Iterator[Any]:
        for result in super().code_articles(articles, n_process=n_process):
            with self.log.open("a", encoding="utf-8") as f:
                f.write(f"{result.article_id}\n")
            yield result


@dataclasses.dataclass(frozen=True)
class Logging:
    """Builds a `LoggingCoder` on a worker."""

    log_dir: str

    def __call__(self) -> LoggingCoder:
        return LoggingCoder(self.log_dir)


class DyingCoder(FakeCoder):
    """A `FakeCoder` whose worker process is killed (SIGKILL) at article n5, the first time only."""

    def __init__(self, marker: str) -> None:
        super().__init__()
        self.marker = Path(marker)

    def code_articles(self, articles: Iterable[Article | InputError], *, n_process: int = 1) -> Iterator[Any]:
        for item in articles:
            if isinstance(item, Article) and item.id == "n5" and not self.marker.exists():
                self.marker.write_text(str(os.getpid()), encoding="utf-8")
                os.kill(os.getpid(), signal.SIGKILL)
            yield from super().code_articles([item], n_process=n_process)


@dataclasses.dataclass(frozen=True)
class Dying:
    marker: str

    def __call__(self) -> DyingCoder:
        return DyingCoder(self.marker)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with local_cluster(2) as cluster, distributed.Client(cluster) as client:
        yield client


def snapshot(path: str) -> dict[str, list[tuple]]:
    """Every table of a store, rows sorted, without the columns that record when something was written."""
    with Store.open(path, read_only=True) as store:
        con = store.con
        tables = {
            "articles": "SELECT * EXCLUDE (coded_at) FROM articles",
            "events": "SELECT * FROM events",
            "event_clusters": "SELECT * FROM event_clusters",
            "cluster_mentions": "SELECT * FROM cluster_mentions",
            "errors": 'SELECT * EXCLUDE ("at") FROM errors',
        }
        return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in tables.items()}


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    """The store a single-process ingest of RECORDS gives."""
    path = str(tmp_path_factory.mktemp("single") / "single.duckdb")
    ingest(RECORDS, db=path, coder=FakeCoder(), batch_size=3)
    return snapshot(path)


def coded_ids(log_dir: Path) -> list[str]:
    return sorted(line for f in log_dir.glob("coded-*.txt") for line in f.read_text(encoding="utf-8").split())


def test_a_dask_ingest_gives_the_same_store_as_one_process(client: Any, tmp_path: Path,
                                                          one_process: dict[str, list[tuple]]) -> None:
    db = str(tmp_path / "dask.duckdb")
    report = dask_ingest(RECORDS, db=db, cluster=client, shard_size=3, coder_factory=Logging(str(tmp_path)))
    assert snapshot(db) == one_process
    assert report.read == len(RECORDS)
    assert (report.failed, report.skipped_unchanged) == (2, 1)   # FAIL and the unreadable line; n2 told again
    with Store.open(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM applied_shards").fetchone() == (4,)
    assert not list((tmp_path / "dask.duckdb.shards").iterdir())   # merged shard files are removed


def test_a_second_run_skips_every_shard_and_changes_nothing(client: Any, tmp_path: Path,
                                                           one_process: dict[str, list[tuple]]) -> None:
    db = str(tmp_path / "dask.duckdb")
    dask_ingest(RECORDS, db=db, cluster=client, shard_size=3, coder_factory=Logging(str(tmp_path)))
    first = coded_ids(tmp_path)
    report = dask_ingest(RECORDS, db=db, cluster=client, shard_size=3, coder_factory=Logging(str(tmp_path)))
    assert coded_ids(tmp_path) == first   # nothing coded again
    assert (report.read, report.skipped_unchanged, report.coded) == (len(RECORDS), len(RECORDS), 0)
    assert snapshot(db) == one_process


def test_a_worker_killed_mid_shard_still_stores_every_article_once(client: Any, tmp_path: Path,
                                                                  one_process: dict[str, list[tuple]]) -> None:
    db = str(tmp_path / "dask.duckdb")
    marker = tmp_path / "killed"
    dask_ingest(RECORDS, db=db, cluster=client, shard_size=3, coder_factory=Dying(str(marker)))
    assert marker.exists()   # a worker really died in the middle of a shard
    assert snapshot(db) == one_process
    with Store.open(db, read_only=True) as store:
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()]
    assert sorted(ids) == ["n1", "n2", "n3", "n4", "n5", "n6", "n7"]


class Interrupted(Exception):
    pass


def test_a_rerun_after_an_interruption_skips_finished_shards(client: Any, tmp_path: Path,
                                                            one_process: dict[str, list[tuple]]) -> None:
    db = str(tmp_path / "dask.duckdb")
    log_dir = tmp_path / "log"
    log_dir.mkdir()

    def stop_after_two_shards(report: Any) -> None:
        if report.read >= 6:
            raise Interrupted

    with pytest.raises(Interrupted):
        dask_ingest(RECORDS, db=db, cluster=client, shard_size=3, coder_factory=Logging(str(log_dir)),
                    progress=stop_after_two_shards)
    with Store.open(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM applied_shards").fetchone() == (2,)
        merged = {r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()}
    report = dask_ingest(RECORDS, db=db, cluster=client, shard_size=3, coder_factory=Logging(str(log_dir)))
    assert report.read == len(RECORDS)
    assert report.skipped_unchanged >= 6   # the two merged shards
    coded = coded_ids(log_dir)
    # the articles of the merged shards were coded once (n1 twice: it is told twice, with other content)
    assert merged == {"n1", "n2", "n3", "n4"}
    assert [coded.count(i) for i in ("n1", "n2", "n3", "n4")] == [2, 1, 1, 1]
    assert snapshot(db) == one_process


CLIENT_SCRIPT = """
import json, sys, time
from conftest import FakeCoder
from parley.errors import InputError
from parley.scale import dask_ingest, local_cluster
from parley.types import Article
from test_scale_ingest import RECORDS


class SlowCoder(FakeCoder):
    def code_articles(self, articles, *, n_process=1):
        for result in super().code_articles(articles, n_process=n_process):
            time.sleep(0.2)
            yield result


def merged(report):
    print(report.read, flush=True)


if __name__ == "__main__":
    import distributed

    with local_cluster(1) as cluster, distributed.Client(cluster) as client:
        dask_ingest(RECORDS, db=sys.argv[1], cluster=client, shard_size=3, coder_factory=SlowCoder,
                    progress=merged)
"""


def test_the_client_killed_mid_run_then_run_again_stores_everything_once(
        client: Any, tmp_path: Path, one_process: dict[str, list[tuple]]) -> None:
    import subprocess
    import sys

    db = str(tmp_path / "dask.duckdb")
    script = tmp_path / "client.py"
    script.write_text(CLIENT_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), *sys.path])}
    # a session of its own: the client, its nannies and workers go down together, as when a node is lost
    child = subprocess.Popen([sys.executable, str(script), db], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True, env=env, start_new_session=True)
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "3"   # the first shard is merged
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
    with Store.open(db, read_only=True) as store:
        applied = store.con.execute("SELECT count(*) FROM applied_shards").fetchone()[0]
    assert 1 <= applied < 4
    report = dask_ingest(RECORDS, db=db, cluster=client, shard_size=3, coder_factory=FakeCoder)
    assert report.read == len(RECORDS) and report.skipped_unchanged >= 3 * applied
    assert snapshot(db) == one_process


@pytest.mark.parametrize("cluster", ["local:0", "local:two", "nowhere"])
def test_a_bad_cluster_is_refused_naming_it(cluster: str, tmp_path: Path) -> None:
    with pytest.raises(BadOption, match="local"):
        dask_ingest(RECORDS, db=str(tmp_path / "x.duckdb"), cluster=cluster)


def test_the_real_coder_on_dask_gives_the_same_store_as_one_process(client: Any, tmp_path: Path,
                                                                    coder: Any) -> None:
    articles = [
        Article(id="r1", published=D, text="DOHA, March 14 - Qatar hosted talks between the government of Sudan "
                "and the Rapid Support Forces on Friday, a foreign ministry spokesman said."),
        Article(id="r2", published=D, text="The rebels rejected a ceasefire proposal from the African Union on "
                "Thursday and accused the army of shelling villages near El Fasher."),
        Article(id="r3", published=D, text="Egypt's foreign minister met his Ethiopian counterpart in Cairo to "
                "discuss the dam dispute. Both sides agreed to meet again next month."),
    ]
    single = str(tmp_path / "single.duckdb")
    ingest(articles, db=single, coder=coder)
    db = str(tmp_path / "dask.duckdb")
    dask_ingest(articles, db=db, cluster=client, shard_size=2)   # the shipped coder, loaded on each worker
    assert snapshot(db) == snapshot(single)
    with Store.open(db, read_only=True) as store:
        assert store.events_count() > 0


def test_ingest_dask_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import parley.scale.ingest

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": a.id, "text": a.text, "published": str(a.published)}) + "\n"
                              for a in RECORDS if isinstance(a, Article)), encoding="utf-8")
    monkeypatch.setattr(parley.scale.ingest, "ShippedCoder", lambda actors, patterns: Logging(str(tmp_path)))
    from parley.cli import main

    db = str(tmp_path / "cli.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(source), "--db", db, "--dask", "local:1", "--batch-size", "4"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{db}: read 9, coded ")
    with Store.open(db, read_only=True) as store:
        assert store.articles_count() == 7
