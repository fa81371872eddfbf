"""The event store: schema and migrations, writes, idempotent ingest, errors, locking, kill -9, recode."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

import parley.store.store as store_module
from conftest import FakeCoder, FakeResult, make_event
from parley.cli import main
from parley.errors import ArticleError, InputError, SchemaError, StoreError, StoreLocked
from parley.store import SCHEMA_VERSION, IngestReport, Store, content_hash, ingest, recode
from parley.store.schema import MIGRATIONS, Migration
from parley.types import Article, Attribution, Location, Speaker, TextSpan

D = dt.date(2025, 3, 14)


def article(article_id: str, text: str = "Qatar hosted talks.", **kw) -> Article:
    return Article(id=article_id, text=text, published=kw.pop("published", D), **kw)


def coded(a: Article, *events) -> FakeResult:
    return FakeResult(a.id, a, list(events), None)


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "parley.duckdb")


# --- schema and migrations ------------------------------------------------------------------------


def test_a_new_store_has_every_table_at_the_current_version(db: str) -> None:
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"schema_version", "articles", "events", "event_clusters", "cluster_mentions", "errors",
            "settings"} <= tables


def test_an_older_store_is_migrated_when_opened(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(db).close()
    newer = Migration(SCHEMA_VERSION + 1, "a note on articles", "ALTER TABLE articles ADD COLUMN note VARCHAR")
    monkeypatch.setattr(store_module, "MIGRATIONS", (*MIGRATIONS, newer))
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION + 1
        columns = [r[0] for r in store.con.execute("DESCRIBE articles").fetchall()]
    assert "note" in columns


def test_a_newer_store_is_refused_with_a_clear_error(db: str) -> None:
    Store.open(db).close()
    con = duckdb.connect(db)
    con.execute("INSERT INTO schema_version VALUES (99, 'from the future', now()::TIMESTAMP)").fetchall()
    con.close()
    with pytest.raises(SchemaError, match="newer than this Parley supports") as info:
        Store.open(db)
    assert info.value.found == 99


def test_a_duckdb_file_that_is_not_a_store_is_refused(db: str) -> None:
    con = duckdb.connect(db)
    con.execute("CREATE TABLE other (x INTEGER)").fetchall()
    con.close()
    with pytest.raises(SchemaError, match="not a Parley store"):
        Store.open(db)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(StoreError):
        Store.open(path)


# --- writing and reading --------------------------------------------------------------------------


def test_events_round_trip_with_codes_kept_as_strings(db: str) -> None:
    a = article("a1", publisher="Daily Example")
    events = [
        make_event(event_id="e1", article_id="a1", cameo="010"),
        make_event(event_id="e2", article_id="a1", cameo="0211", cameo_name="Appeal for economic aid", quad=1,
                   location=Location("Doha", "QAT", 25.2854, 51.531),
                   attribution=Attribution(speaker=Speaker("the envoy", "QATGOV"), cue="said",
                                           reported_by=("Reuters", "AFP"), hedged=True, quoted=True),
                   object=TextSpan("the release of prisoners", 40, 64)),
    ]
    with Store.open(db) as store:
        report = store.write([coded(a, *events)])
        table = store.events_table()
        assert list(store.events()) == events
    assert report == IngestReport(read=1, coded=1, events=2)
    assert table.schema.field("cameo").type == "string"
    assert table.column("cameo").to_pylist() == ["010", "0211"]
    assert table.column("cameo_root").to_pylist() == ["01", "02"]
    assert table.column("reported_by").to_pylist() == [[], ["Reuters", "AFP"]]
    assert json.loads(table.column("event_json")[1].as_py())["cameo"] == "0211"


def test_article_metadata_and_versions_are_stored(db: str) -> None:
    a = article("a1", title="Talks", url="https://example.org/a1", publisher="Example Times")
    with Store.open(db) as store:
        store.write([coded(a, make_event(article_id="a1"))], lexicon_version="abc123")
        [row] = store.articles_table(text=True).to_pylist()
    assert row["content_hash"] == content_hash(a)
    assert (row["title"], row["url"], row["publisher"], row["published"]) == (
        "Talks", "https://example.org/a1", "Example Times", D)
    assert (row["status"], row["n_events"], row["lexicon_version"], row["schema_version"]) == (
        "coded", 1, "abc123", "1.0")


def test_a_read_only_store_cannot_be_written(db: str) -> None:
    Store.open(db).close()
    with Store.open(db, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.write([coded(article("a1"))])


# --- ingest: idempotent, replacing, errors --------------------------------------------------------


def test_ingesting_the_same_articles_again_changes_nothing(db: str) -> None:
    articles = [article(f"a{i}", f"Story number {i}.", publisher="Example") for i in range(5)]
    first = ingest(articles, db=db, coder=FakeCoder(), batch_size=2)
    again_coder = FakeCoder()
    again = ingest(articles, db=db, coder=again_coder, batch_size=2)
    assert first == IngestReport(read=5, coded=5, events=5)
    assert again == IngestReport(read=5, skipped_unchanged=5)
    assert again_coder.articles == []  # skipped before coding
    with Store.open(db) as store:
        assert (store.articles_count(), store.events_count()) == (5, 5)
        assert store.clusters_table().column("n_mentions").to_pylist() == [5]


def test_a_changed_article_replaces_its_events(db: str) -> None:
    ingest([article("a1", "First version."), article("a2")], db=db, coder=FakeCoder())
    changed = article("a1", "Second version.", published=dt.date(2025, 3, 20))
    report = ingest([changed, article("a2")], db=db, coder=FakeCoder())
    assert report == IngestReport(read=2, coded=1, skipped_unchanged=1, replaced=1, events=1)
    with Store.open(db) as store:
        assert store.articles_count() == 2
        [event] = store.events(article_id="a1")
        [text] = store.articles_table(article_ids=["a1"], text=True).column("text").to_pylist()
        clusters = store.clusters_table().to_pylist()
    assert event.date == "2025-03-20" and text == "Second version."
    assert sorted((c["date_start"].isoformat(), c["n_mentions"]) for c in clusters) == [
        ("2025-03-14", 1), ("2025-03-20", 1)]


def test_same_id_twice_in_one_run_with_other_content_keeps_the_later(db: str) -> None:
    report = ingest([article("a1", "Old."), article("a2"), article("a1", "New.")], db=db, coder=FakeCoder(),
                    batch_size=10)
    assert (report.read, report.coded, report.replaced) == (3, 3, 1)
    with Store.open(db) as store:
        assert store.articles_table(text=True).column("text").to_pylist() == ["New.", "Qatar hosted talks."]
        assert store.events_count() == 2


def test_failures_go_to_the_errors_table_once(db: str, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "ok", "text": "Qatar hosted talks.", "published": "2025-03-14"}\n'
        "{not json\n"
        '{"id": "bad", "text": "This one will FAIL to parse."}\n',
        encoding="utf-8",
    )
    first = ingest([path], db=db, coder=FakeCoder())
    second = ingest([path], db=db, coder=FakeCoder())
    assert first == IngestReport(read=3, coded=1, failed=2, events=1)
    assert second == IngestReport(read=3, skipped_unchanged=2, failed=1)
    with Store.open(db) as store:
        errors = store.errors().to_pylist()
        status = dict(store.con.execute("SELECT id, status FROM articles").fetchall())
    assert [(e["source"], e["line"], e["article_id"], e["step"]) for e in errors] in (
        [(str(path), 2, None, "read"), (None, None, "bad", "parse")],
        [(None, None, "bad", "parse"), (str(path), 2, None, "read")],
    )
    assert {e["message"] for e in errors} == {"malformed JSON: Expecting property name enclosed in double quotes "
                                              "(column 2)", "parser gave up"}
    assert status == {"ok": "coded", "bad": "failed"}


def test_a_fixed_article_clears_its_error(db: str) -> None:
    ingest([article("a1", "Will FAIL.")], db=db, coder=FakeCoder())
    report = ingest([article("a1", "Now fine.")], db=db, coder=FakeCoder())
    assert (report.coded, report.replaced) == (1, 1)
    with Store.open(db) as store:
        assert store.errors().num_rows == 0
        assert store.events_count() == 1


def test_a_coder_error_without_step_is_recorded_as_check(db: str) -> None:
    a = article("a1", "x" * 10)
    with Store.open(db) as store:
        store.write([FakeResult("a1", a, [], InputError("article too long", article_id="a1"))])
        store.write([FakeResult("a2", None, [], ArticleError("no", article_id="a2", step="coding"))])
        steps = sorted((r["article_id"], r["step"]) for r in store.errors().to_pylist())
    assert steps == [("a1", "check"), ("a2", "read")]


def test_ingest_reads_paths_and_reports_progress(db: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": f"a{i}", "text": f"Story {i}."} for i in range(5)])
    seen: list[IngestReport] = []
    ingest(path, db=db, coder=FakeCoder(), batch_size=2, progress=seen.append)
    assert [r.read for r in seen] == [2, 4, 5]


# --- locking --------------------------------------------------------------------------------------

HOLD = "import sys, time; from parley.store import Store; s = Store.open(sys.argv[1]); print('ready', flush=True); " \
    "time.sleep(60)"


@pytest.fixture
def locked_db(db: str):
    Store.open(db).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, db], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield db, holder.pid
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_a_second_writer_gets_store_locked_naming_the_file_and_holder(locked_db) -> None:
    db, pid = locked_db
    with pytest.raises(StoreLocked) as info:
        Store.open(db)
    assert info.value.path == db
    assert db in str(info.value) and f"PID {pid}" in str(info.value)
    assert isinstance(info.value.__cause__, duckdb.IOException)


def test_the_cli_reports_a_locked_store_in_one_line(locked_db, fake_coder, tmp_path: Path) -> None:
    db, _ = locked_db
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": "Qatar hosted talks."}])
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", db])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"parley: error: {db}: the store is locked by ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


# --- CLI ------------------------------------------------------------------------------------------


def test_cli_ingest_then_errors(db: str, fake_coder, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a1", "text": "Qatar hosted talks."}\n{"id": "a2", "text": "FAIL here"}\n',
                    encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(path), "--db", db, "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{db}: read 2, coded 1 (replaced 0), unchanged 0, failed 1, events 1\n"
    assert "parley errors" in result.stderr
    listed = runner.invoke(main, ["errors", "--db", db])
    assert listed.stdout == "article 'a2'\tparse\tparser gave up\n"
    as_json = runner.invoke(main, ["errors", "--db", db, "--json"])
    assert json.loads(as_json.stdout)["article_id"] == "a2"


def test_cli_ingest_of_an_empty_input_fails(db: str, fake_coder, tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", db])
    assert result.exit_code == 1
    assert result.stderr.endswith("parley: error: no articles in the input\n")


def test_cli_errors_on_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["errors", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such store" in result.stderr


# --- recode ---------------------------------------------------------------------------------------


class AccuseCoder(FakeCoder):
    """Codes every article as an accusation (CAMEO 112) instead of a statement."""

    def code_articles(self, articles, *, n_process: int = 1):
        for result in super().code_articles(articles, n_process=n_process):
            events = [dataclasses.replace(e, event_id=e.event_id + "-112", cameo="112", cameo_name="Accuse",
                                          quad=3, goldstein=-2.0) for e in result.events]
            yield FakeResult(result.article_id, result.article, events, result.error)


def test_recode_replaces_every_article_s_events(db: str) -> None:
    ingest([article(f"a{i}", publisher=f"outlet {i}") for i in range(3)], db=db, coder=FakeCoder())
    report = recode(db=db, coder=AccuseCoder(), batch_size=2)
    assert report == IngestReport(read=3, coded=3, replaced=3, events=3)
    with Store.open(db) as store:
        assert store.articles_count() == 3
        assert store.events_table().column("cameo").to_pylist() == ["112"] * 3
        [cluster] = store.clusters_table().to_pylist()
    assert (cluster["cameo"], cluster["quad"], cluster["n_mentions"], cluster["n_sources"]) == ("112", 3, 3, 3)


@pytest.mark.slow
def test_recode_with_the_real_coder_gives_the_same_events(db: str, coder) -> None:
    articles = [article("r1", "Qatar hosted talks between Sudan and the rebels in Doha on Monday."),
                article("r2", "Sudanese troops attacked the rebels in Port Sudan on Tuesday.")]
    ingest(articles, db=db, coder=coder)
    with Store.open(db) as store:
        before = store.events_table()
    report = recode(db=db, coder=coder)
    with Store.open(db) as store:
        assert store.events_table().equals(before)
        versions = set(store.articles_table().column("lexicon_version").to_pylist())
    assert report.coded == 2 and report.events == before.num_rows > 0
    assert versions == {coder.resources.lexicon.version}


# --- kill -9 and resume ---------------------------------------------------------------------------

ACTORS = ["Qatar", "Egypt", "Sudanese troops", "The rebels", "Russia", "Ukraine", "Kenya", "The United Nations"]
TARGETS = ["Sudan", "the rebels", "Ethiopia", "Ukraine", "Russia", "Egypt", "Somalia", "Qatar"]
VERBS = ["accused", "met", "criticized", "praised", "attacked", "thanked", "condemned", "threatened"]
PLACES = ["Cairo", "Doha", "Khartoum", "Nairobi", "Kyiv", "Moscow", "Addis Ababa", "Mogadishu"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generated_collection(path: Path, n: int = 40) -> Path:
    records = []
    for i in range(n):
        a, t, v = ACTORS[i % 8], TARGETS[(i * 3 + 1) % 8], VERBS[(i * 5) % 8]
        if a.lower().rstrip("s") == t.lower().rstrip("s"):
            t = "Somalia"
        text = (f"{a} {v} {t} in {PLACES[i % 8]} on {DAYS[i % 5]}, officials said. "
                f"{ACTORS[(i + 2) % 8]} {VERBS[(i + 3) % 8]} {TARGETS[i % 8]} later that day.")
        records.append({"id": f"gen-{i:02d}", "text": text, "published": f"2025-03-{10 + i % 7:02d}",
                        "publisher": ["Example Times", "Sample Post", None][i % 3]})
    return write_jsonl(path, records)


KILL_SCRIPT = textwrap.dedent("""
    import sys
    from parley.store import ingest
    ingest([sys.argv[1]], db=sys.argv[2], batch_size=4, progress=lambda r: print(r.read, flush=True))
    print("done", flush=True)
""")


def snapshot(db: str) -> dict:
    with Store.open(db) as store:
        ids = store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()
        return {
            "articles": [r[0] for r in ids],
            "events": sorted(store.events_table().to_pylist(), key=lambda r: r["event_id"]),
            "clusters": store.clusters_table().to_pylist(),
            "mentions": sorted(store.cluster_mentions_table().to_pylist(), key=lambda r: r["event_id"]),
        }


@pytest.mark.slow
@pytest.mark.parametrize("kill_after_batches", [1, 4])
def test_killed_mid_ingest_then_run_again_stores_everything_once(tmp_path: Path, coder,
                                                                 kill_after_batches: int) -> None:
    source = generated_collection(tmp_path / "collection.jsonl")
    clean_db, killed_db = str(tmp_path / "clean.duckdb"), str(tmp_path / "killed.duckdb")
    ingest([source], db=clean_db, coder=coder, batch_size=4)

    child = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(source), killed_db],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    for _ in range(kill_after_batches):
        assert child.stdout.readline().strip().isdigit()
    os.kill(child.pid, signal.SIGKILL)  # while it codes or writes the next batch
    child.wait()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    with Store.open(killed_db) as store:
        stored = store.articles_count()
    assert 4 * kill_after_batches <= stored < 40
    report = ingest([source], db=killed_db, coder=coder, batch_size=4)
    assert report.skipped_unchanged == stored and report.coded == 40 - stored and report.failed == 0
    assert snapshot(killed_db) == snapshot(clean_db)
    assert len(snapshot(killed_db)["articles"]) == 40


class _AbortedConnection:
    """A connection whose transaction is aborted: every call after the first failure fails too."""

    def __init__(self, con):
        self._con = con

    def __getattr__(self, name):
        return getattr(self._con, name)

    def unregister(self, name):
        raise duckdb.TransactionException("Current transaction is aborted (please ROLLBACK)")


def test_the_original_database_error_is_not_hidden_by_cleanup(tmp_path: Path) -> None:
    import pyarrow as pa
    with Store.open(tmp_path / "s.duckdb") as store:
        real = store.con
        store.con = _AbortedConnection(real)
        try:
            with pytest.raises(duckdb.IOException, match="checksum"):
                with store._registered(pa.table({"x": [1]})):
                    raise duckdb.IOException("block checksum mismatch")
        finally:
            store.con = real


@pytest.mark.slow
def test_ctrl_c_ends_a_multi_process_ingest_promptly_and_a_rerun_completes(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    with source.open("w", encoding="utf-8") as fp:
        for i in range(1500):
            text = (f"Officials in the capital said on Monday that police detained {i + 2} protesters. "
                    "The opposition condemned the arrests and called for a general strike. ") * 3
            fp.write(json.dumps({"id": f"a{i}", "text": text, "published": "2025-03-14"}) + "\n")
    db = str(tmp_path / "s.duckdb")
    command = [sys.executable, "-m", "parley", "ingest", str(source), "--db", db, "--processes", "2",
               "--batch-size", "20"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(15)
    os.killpg(child.pid, signal.SIGINT)
    try:
        _, err = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        pytest.fail("the interrupted ingest did not end within 60 s")
    if child.returncode == 0:
        pytest.skip("the ingest finished before the interrupt")
    assert child.returncode == 130, err[-3000:]
    assert "interrupted" in err and "Traceback" not in err
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    with Store.open(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1500
        assert store.check()[1] == []


def test_a_database_error_after_ctrl_c_is_the_interrupt(monkeypatch) -> None:
    # DuckDB may answer a write cut short by Ctrl-C with an error of another kind ("Invalid Input Error"):
    # once the run has seen the interrupt, that is the interrupt (exit 130), not a damaged store (exit 1, and
    # a wait for the ended workers' queues)
    with pytest.raises(StoreError), store_module._mapped("s.duckdb"):
        raise duckdb.InvalidInputException("the write was cut short")
    monkeypatch.setattr(store_module, "interrupt_seen", lambda: True)
    with pytest.raises(KeyboardInterrupt), store_module._mapped("s.duckdb"):
        raise duckdb.InvalidInputException("the write was cut short")


# --- parley check ---------------------------------------------------------------------------------


def _filled(db: str) -> None:
    with Store.open(db) as store:
        ingest([article(f"a{i}", f"Qatar hosted talks, round {i}.") for i in range(5)], db=store, coder=FakeCoder())


def test_check_passes_a_sound_store(db: str) -> None:
    _filled(db)
    result = CliRunner().invoke(main, ["check", "--db", db])
    assert result.exit_code == 0, result.output
    assert "ok" in result.output and "5 articles" in result.output


def test_check_reports_broken_links(db: str) -> None:
    _filled(db)
    con = duckdb.connect(db)
    con.execute("DELETE FROM events WHERE article_id = 'a1'")
    con.execute("DELETE FROM event_clusters WHERE cluster_id IN "
                "(SELECT cluster_id FROM cluster_mentions WHERE article_id = 'a2')")
    con.close()
    result = CliRunner().invoke(main, ["check", "--db", db])
    assert result.exit_code == 1
    for problem in ("1 articles whose event count is wrong", "cluster mentions of a missing event",
                    "cluster mentions of a missing cluster"):
        assert problem in result.output


def test_check_reports_a_damaged_file(db: str) -> None:
    _filled(db)
    data = bytearray(Path(db).read_bytes())
    for offset in range(4096 * 3, len(data), 4096):
        data[offset + 100:offset + 400] = b"\xff" * 300
    Path(db).write_bytes(bytes(data))
    result = CliRunner().invoke(main, ["check", "--db", db])
    assert result.exit_code == 1
    assert "damaged" in result.output or "cannot read" in result.output or "database error" in result.output


def test_two_tellings_of_an_id_in_one_run_end_with_the_last_however_often_it_is_run(tmp_path: Path) -> None:
    """Found by the stateful suite (tests/test_reliability.py): with the second telling already stored, the
    first replaced it and every re-run flipped the store between the two. (In a file, a repeated id is an
    error row instead: see the readers.)"""
    tellings = [article("a0", "Qatar hosted talks."), article("a0", "Egypt mediated the talks.")]
    db = str(tmp_path / "s.duckdb")
    for batch_size in (2, 1, 1, 2):
        ingest(tellings, db=db, coder=FakeCoder(), batch_size=batch_size)
        with Store.open(db) as store:
            assert store.con.execute("SELECT text FROM articles").fetchall() == [("Egypt mediated the talks.",)]
