"""The standing reliability suite: hostile input never escapes as an undeclared exception, and the store
equals a model of what was ingested whatever the order, repeats and changes of the input.

Property-based (Hypothesis), with bounded example counts so that the suite runs in CI in bounded time.
The kill -9, Ctrl-C and disk-full cases live beside the store's own tests (tests/test_store.py); the kill
loop at random moments is here. What each test proves is listed in docs/reliability.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from conftest import FakeResult, make_event
from parley.errors import InputError, ParleyError
from parley.readers import READERS, ReadOptions
from parley.store import Store, ingest, recode
from parley.types import Article, TextSpan

# --- hostile input -----------------------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "text", "published", "title", "url", "publisher", "x"]) | st.text(max_size=8),
        inner, max_size=5),
    max_leaves=12,
)
_json_lines = st.lists(_json_values.map(lambda v: json.dumps(v)), min_size=1, max_size=6).map(
    lambda lines: "\n".join(lines).encode())
_markup = st.lists(st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<div>", "<script>", "<!--", "-->",
                                    "<rss>", "<item>", "<link>", "<title>", "&amp;", "&#0;", "WARC/1.0\r\n",
                                    "Content-Length: 12\r\n", "\r\n\r\n", "id,text,published\n", '"', ",",
                                    "\x00", "\ufeff", "Qatar hosted talks. "]),
                   max_size=30).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))
HOSTILE = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(max_size=200).map(lambda t: t.encode("utf-16", "surrogatepass")),
    _json_lines,
    _markup,
)


@pytest.mark.parametrize("name", sorted(READERS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=HOSTILE)
def test_every_reader_turns_any_bytes_into_articles_or_declared_errors(name: str, data: bytes) -> None:
    reader = READERS[name]
    options = ReadOptions(fetch=False, source_name="<fuzz>", published=dt.date(2025, 3, 14))
    for item in reader.read(io.BytesIO(data), options):
        assert isinstance(item, (Article, InputError))
        if isinstance(item, InputError):
            assert "<fuzz>" in str(item) or item.source == "<fuzz>"   # the error names where
        else:
            assert item.id and isinstance(item.text, str)


@functools.cache
def _coder() -> Any:
    from parley.coder import Coder
    return Coder()


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(
    st.text(max_size=600),
    st.lists(st.sampled_from(["Qatar", "accused", "the rebels", "of", "attacking", "Sudan", "on Monday", ",",
                              ".", "\"", "said", "not", "if", "who", "\n\n", "((Wikinews))", "Q:", "?", "—",
                              "Hurricane Ida", "released", "200", "prisoners", "in", "Cairo"]),
             max_size=80).map(" ".join),
))
def test_the_coder_gives_events_inside_the_text_or_a_declared_error(text: str) -> None:
    try:
        events = _coder().code(text, published=dt.date(2025, 3, 14))
    except ParleyError:
        return
    for event in events:
        for span in (event.trigger, event.evidence):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start:span.end] == span.text
        assert event.source is not None and event.cameo


# --- user strings are values, never SQL ---------------------------------------------------------------

@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    from conftest import FakeCoder
    db = str(tmp_path_factory.mktemp("sql") / "s.duckdb")
    ingest([Article(id=f"q{i}", text=f"Qatar hosted talks {i}.", published=dt.date(2025, 3, 14)) for i in range(5)],
           db=db, coder=FakeCoder())
    return db


_SQLISH = st.one_of(st.text(max_size=60), st.sampled_from([
    "x' OR 1=1 --", "'; DROP TABLE events; --", "\" OR \"\"=\"", "%", "_", "\\",
    "QAT') UNION SELECT * FROM articles --",
    "\x00", "QATGOV; DELETE FROM articles", "*/ SELECT 1 /*"]))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(["actor", "source", "target", "country", "place", "publisher", "cameo", "plover"]),
       value=_SQLISH)
def test_any_filter_string_is_a_value_not_sql(small_store: str, field: str, value: str) -> None:
    from parley.errors import BadOption
    from parley.store.query import query_events
    with Store.open(small_store, read_only=True) as store:
        before = (store.articles_count(), store.events_count())
        try:
            table = query_events(store, **{field: value})
        except BadOption:
            table = None
        assert table is None or table.num_rows <= before[1]
        assert (store.articles_count(), store.events_count()) == before == (5, 5)


# --- the store against a model ----------------------------------------------------------------------

class ContentCoder:
    """A coder whose events follow the article's content: one event per "!" (so that changing an
    article changes its events), ids from the content hash. Text with "FAIL" fails to code."""

    def code_articles(self, articles: Iterable[Article | InputError], *, n_process: int = 1) -> Iterator[FakeResult]:
        from parley.errors import ArticleError
        for item in articles:
            if isinstance(item, InputError):
                yield FakeResult(item.article_id, None, [], item)
                continue
            if "FAIL" in item.text:
                yield FakeResult(item.id, item, [], ArticleError("parser gave up", article_id=item.id, step="parse"))
                continue
            yield FakeResult(item.id, item, expected_events(item), None)


def expected_events(item: Article) -> list[Any]:
    digest = hashlib.sha1(item.text.encode()).hexdigest()[:8]
    return [make_event(event_id=f"{item.id}-{digest}-{k}", article_id=item.id,
                       trigger=TextSpan("!", item.text.index("!"), item.text.index("!") + 1),
                       date=item.published.isoformat() if item.published else None)
            for k in range(item.text.count("!"))]


IDS = [f"a{i}" for i in range(6)]
TEXTS = ["Qatar hosted talks!", "Egypt mediated!!", "Sudan protested.", "Kenya met Ethiopia!!!", "FAIL here",
         "Russia accused Ukraine!"]


class IngestMachine(RuleBasedStateMachine):
    """Random ingests of subsets (in any order, with repeats and changed texts), re-codes and failures:
    after each step the store holds exactly the model's articles, each with its current events once."""

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(os.environ.get("PARLEY_TEST_TMP", "/tmp")) / f"machine-{os.getpid()}-{id(self)}"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.db = str(self.dir / "s.duckdb")
        self.model: dict[str, str] = {}   # id -> text of the article as stored

    @rule(picks=st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(TEXTS)), min_size=1, max_size=6),
          batch=st.integers(min_value=1, max_value=4))
    def ingest_some(self, picks: list[tuple[str, str]], batch: int) -> None:
        articles = [Article(id=i, text=t, published=dt.date(2025, 3, 14)) for i, t in picks]
        ingest(articles, db=self.db, coder=ContentCoder(), batch_size=batch)
        for i, t in picks:
            self.model[i] = t   # the last telling of an id in a run is the one kept

    @precondition(lambda self: bool(self.model))
    @rule()
    def recode_all(self) -> None:
        recode(db=self.db, coder=ContentCoder())

    @invariant()
    def store_equals_model(self) -> None:
        if not self.model:
            return
        with Store.open(self.db, read_only=True) as store:
            stored = dict(store.con.execute("SELECT id, text FROM articles").fetchall())
            events = sorted(r["event_id"] for r in store.events_table().to_pylist())
            damage = store.check()[1]
        assert stored == self.model
        want = sorted(e.event_id for i, t in self.model.items()
                      for e in expected_events(Article(id=i, text=t, published=dt.date(2025, 3, 14)))
                      if "FAIL" not in t)
        assert events == want
        assert damage == []

    def teardown(self) -> None:
        for p in sorted(self.dir.glob("*"), reverse=True):
            p.unlink()
        self.dir.rmdir()


IngestMachine.TestCase.settings = settings(max_examples=12, stateful_step_count=6, deadline=None,
                                           suppress_health_check=[HealthCheck.too_slow])


def test_the_store_equals_a_model_of_what_was_ingested(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARLEY_TEST_TMP", str(tmp_path))
    IngestMachine.TestCase().runTest()


# --- kill -9 at random moments ----------------------------------------------------------------------

KILL_LOOP_SCRIPT = textwrap.dedent("""
    import sys
    from conftest import FakeCoder
    from parley.store import ingest, recode
    job = ingest if sys.argv[3] == "ingest" else recode
    sources = [[sys.argv[1]]] if sys.argv[3] == "ingest" else []
    job(*sources, db=sys.argv[2], coder=FakeCoder(), batch_size=4, progress=lambda r: print(r.read, flush=True))
    print("done", flush=True)
""")


def _collection(path: Path, n: int) -> Path:
    with path.open("w") as fp:
        for i in range(n):
            fp.write(json.dumps({"id": f"k{i:03d}", "text": f"Qatar hosted talks number {i}.",
                                 "published": "2025-03-14"}) + "\n")
    return path


def _state(db: str) -> tuple[list[Any], list[Any]]:
    with Store.open(db, read_only=True) as store:
        articles = store.con.execute("SELECT id, text, status FROM articles ORDER BY id").fetchall()
        events = sorted(r["event_id"] for r in store.events_table().to_pylist())
        assert store.check()[1] == []
    return articles, events


@pytest.mark.slow
@pytest.mark.parametrize("job", ["ingest", "recode"])
def test_kill_9_at_random_moments_then_resume_equals_a_clean_run(tmp_path: Path, job: str) -> None:
    from conftest import FakeCoder
    source = _collection(tmp_path / "c.jsonl", 60)
    clean = str(tmp_path / "clean.duckdb")
    ingest([source], db=clean, coder=FakeCoder(), batch_size=4)
    if job == "recode":
        recode(db=clean, coder=FakeCoder(), batch_size=4)
    want = _state(clean)
    tests_dir = str(Path(__file__).parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([tests_dir, os.environ.get("PYTHONPATH", "")])}
    rng = random.Random(16)
    for attempt in range(3):
        db = str(tmp_path / f"killed-{attempt}.duckdb")
        if job == "recode":
            ingest([source], db=db, coder=FakeCoder(), batch_size=4)
        child = subprocess.Popen([sys.executable, "-c", KILL_LOOP_SCRIPT, str(source), db, job], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert child.stdout is not None
        for _ in range(rng.randint(1, 12)):   # a random number of batches written ...
            assert child.stdout.readline().strip().isdigit()
        time.sleep(rng.uniform(0, 0.05))      # ... and a random moment inside the next one
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        if job == "ingest":   # resume: the same job again, to the end
            ingest([source], db=db, coder=FakeCoder(), batch_size=4)
        else:
            recode(db=db, coder=FakeCoder(), batch_size=4)
        assert _state(db) == want
