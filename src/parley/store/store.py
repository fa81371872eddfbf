"""The event store: one DuckDB file holding articles, events, event clusters and errors.

All writes go through `Store.write`, one transaction per call, in bulk through Arrow tables
(registered with DuckDB and inserted with `INSERT ... SELECT`). docs/store.md documents the schema.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from parley.errors import (
    ArticleError,
    BadOption,
    InputError,
    ParleyError,
    SchemaError,
    StoreError,
    StoreLocked,
    interrupt_seen,
)
from parley.store.clusters import (
    DEFAULT_DISTANCE_KM,
    DEFAULT_WINDOW_DAYS,
    Assignment,
    Cluster,
    Mention,
    assign_clusters,
    cluster_id_for,
)
from parley.store.schema import MIGRATIONS, SCHEMA_VERSION, VERSION_TABLE_SQL
from parley.types import Article, Event

__all__ = ["DEFAULT_DB", "IngestReport", "Store", "StoredEvent", "content_hash"]

DEFAULT_DB = "parley.duckdb"
DEFAULT_MEMORY_LIMIT = "256MB"
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.+?)(?:\. See also|$)", re.S)


@dataclass(frozen=True)
class IngestReport:
    """What an ingest (or one `Store.write`) did.

    `read`: input records (articles and unreadable records); `coded`: articles coded and written
    (`replaced` of them took the place of an older version); `skipped_unchanged`: articles already
    stored with the same content; `failed`: records that could not be read or coded (see the errors
    table); `events`: events written. `read == coded + skipped_unchanged + failed`.
    """

    read: int = 0
    coded: int = 0
    skipped_unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    events: int = 0

    def __add__(self, other: IngestReport) -> IngestReport:
        return IngestReport(*(a + b for a, b in zip(dataclasses.astuple(self), dataclasses.astuple(other),
                                                    strict=True)))


def content_hash(article: Article) -> str:
    """A hash of everything coding reads from an article: text, date and metadata."""
    published = article.published.isoformat() if article.published is not None else None
    data = json.dumps([article.text, article.title, published, article.url, article.publisher],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@contextlib.contextmanager
def _mapped(path: str) -> Iterator[None]:
    """Map DuckDB's errors to ours at the one boundary."""
    try:
        yield
    except duckdb.InterruptException as e:   # Ctrl-C while DuckDB worked: an interrupt, not a store error
        raise KeyboardInterrupt from e
    except duckdb.Error as e:
        if interrupt_seen():
            raise KeyboardInterrupt from e   # a write cut short by Ctrl-C, whatever DuckDB calls it
        if isinstance(e, duckdb.IOException):
            text = str(e)
            if "lock" in text.lower():
                match = _LOCK_HOLDER.search(text)
                raise StoreLocked(path, holder=match.group(1).strip() if match else None) from e
            raise StoreError(f"cannot read or write the store: {text}{_CHECK_HINT.format(path=path)}",
                             path=path) from e
        raise StoreError(f"database error: {e}{_CHECK_HINT.format(path=path)}", path=path) from e


_CHECK_HINT = " (`parley check --db {path}` reads the whole store and reports what is damaged)"

#: The tables `Store.check` reads end to end, and the links between them it verifies.
_TABLES = ("schema_version", "settings", "articles", "events", "event_clusters", "cluster_mentions", "errors",
           "applied_shards")
_CHECKS = (
    ("duplicate article ids", "SELECT count(*) FROM (SELECT id FROM articles GROUP BY id HAVING count(*) > 1)"),
    ("duplicate event ids", "SELECT count(*) FROM (SELECT event_id FROM events GROUP BY event_id HAVING count(*) > 1)"),
    ("events whose article is missing",
     "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article_id)"),
    ("articles whose event count is wrong",
     "SELECT count(*) FROM articles a WHERE a.n_events <> "
     "(SELECT count(*) FROM events e WHERE e.article_id = a.id)"),
    ("events in no cluster",
     "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM cluster_mentions m WHERE m.event_id = e.event_id)"),
    ("cluster mentions of a missing event",
     "SELECT count(*) FROM cluster_mentions m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = m.event_id)"),
    ("cluster mentions of a missing cluster", "SELECT count(*) FROM cluster_mentions m "
     "WHERE NOT EXISTS (SELECT 1 FROM event_clusters c WHERE c.cluster_id = m.cluster_id)"),
    ("clusters without a mention", "SELECT count(*) FROM event_clusters c "
     "WHERE NOT EXISTS (SELECT 1 FROM cluster_mentions m WHERE m.cluster_id = c.cluster_id)"),
)


# Arrow schemas of the batches written; names and order follow the tables in schema.py.
_ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("content_hash", pa.string()), ("title", pa.string()), ("url", pa.string()),
    ("publisher", pa.string()), ("published", pa.date32()), ("text", pa.string()), ("status", pa.string()),
    ("n_events", pa.int32()), ("ingest_seq", pa.int64()), ("coded_at", pa.timestamp("us")),
    ("lexicon_version", pa.string()), ("schema_version", pa.string()),
])
_ACTOR_FIELDS = (("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("code", pa.string()),
                 ("name", pa.string()), ("country", pa.string()), ("sector", pa.string()))
_EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("article_id", pa.string()), ("sentence_index", pa.int32()),
    ("trigger_text", pa.string()), ("trigger_start", pa.int32()), ("trigger_end", pa.int32()),
    *((f"source_{name}", kind) for name, kind in _ACTOR_FIELDS),
    *((f"target_{name}", kind) for name, kind in _ACTOR_FIELDS),
    ("cameo", pa.string()), ("cameo_root", pa.string()), ("cameo_name", pa.string()), ("plover", pa.string()),
    ("plover_mode", pa.string()), ("quad", pa.int8()), ("goldstein", pa.float64()), ("negated", pa.bool_()),
    ("modality", pa.string()), ("date", pa.date32()), ("date_precision", pa.string()),
    ("date_basis", pa.string()), ("location_name", pa.string()), ("location_country", pa.string()),
    ("location_lat", pa.float64()), ("location_lon", pa.float64()), ("speaker_text", pa.string()),
    ("speaker_code", pa.string()), ("cue", pa.string()), ("reported_by", pa.list_(pa.string())),
    ("hedged", pa.bool_()), ("quoted", pa.bool_()), ("object_text", pa.string()), ("object_start", pa.int32()),
    ("object_end", pa.int32()), ("evidence_text", pa.string()), ("evidence_start", pa.int32()),
    ("evidence_end", pa.int32()), ("rule", pa.string()), ("version", pa.string()), ("event_json", pa.string()),
    ("location_kind", pa.string()), ("location_basis", pa.string()), ("relevant", pa.bool_()),
    ("factual", pa.bool_()), ("carried_by", pa.string()), ("background", pa.bool_()),
])
_ERROR_SCHEMA = pa.schema([
    ("error_id", pa.string()), ("article_id", pa.string()), ("source", pa.string()), ("line", pa.int32()),
    ("step", pa.string()), ("message", pa.string()), ("at", pa.timestamp("us")),
])
_CLUSTER_STATIC = ("cluster_id", "source_code", "target_code", "cameo_root", "negated", "anchor_date",
                   "location_name", "location_country", "location_lat", "location_lon", "factual", "location_kind",
                   "location_basis")
_CLUSTER_SCHEMA = pa.schema([
    ("cluster_id", pa.string()), ("source_code", pa.string()), ("target_code", pa.string()),
    ("cameo_root", pa.string()), ("negated", pa.bool_()), ("anchor_date", pa.date32()),
    ("location_name", pa.string()), ("location_country", pa.string()), ("location_lat", pa.float64()),
    ("location_lon", pa.float64()), ("factual", pa.bool_()), ("location_kind", pa.string()),
    ("location_basis", pa.string()),
])


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A stored event rebuilt as an `Event`, with where it sits in the store (`Store.stored_events`).

    Attributes:
        event: the event.
        ingest_seq: its article's place in ingest order.
        published: its article's publication date, if known.
        cluster_id: the event cluster it belongs to.
    """

    event: Event
    ingest_seq: int
    published: dt.date | None
    cluster_id: str | None


def _event_conditions(codes: Iterable[str], code_prefixes: Iterable[str],
                      trigger_prefixes: Iterable[str]) -> tuple[list[str], list[Any]]:
    """SQL conditions (joined by OR) and their parameters for `Store.stored_events`; values never enter the SQL."""
    conditions: list[str] = []
    params: list[Any] = []
    wanted = list(codes)
    if wanted:
        conditions.append("e.cameo IN (SELECT unnest(?))")
        params.append(wanted)
    for prefix in code_prefixes:
        conditions.append("starts_with(e.cameo, ?)")
        params.append(prefix)
    for prefix in trigger_prefixes:
        conditions.append("starts_with(lower(e.trigger_text), ?)")
        params.append(prefix.lower())
    return conditions, params


def _event_row(event: Event) -> dict[str, Any]:
    d = event.to_dict()
    row: dict[str, Any] = {
        "event_id": event.event_id, "article_id": event.article_id, "sentence_index": event.sentence_index,
        "trigger_text": event.trigger.text, "trigger_start": event.trigger.start, "trigger_end": event.trigger.end,
    }
    for role in ("source", "target"):
        actor = d[role] or {}
        for name, _ in _ACTOR_FIELDS:
            row[f"{role}_{name}"] = actor.get(name)
    location = event.location
    attribution = event.attribution
    speaker = attribution.speaker
    obj = event.object
    row.update({
        "cameo": event.cameo, "cameo_root": event.cameo[:2], "cameo_name": event.cameo_name,
        "plover": event.plover, "plover_mode": event.plover_mode, "quad": event.quad,
        "goldstein": event.goldstein, "negated": event.negated, "modality": event.modality,
        "date": _date(event.date), "date_precision": event.date_precision, "date_basis": event.date_basis,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "location_lat": location.lat if location else None, "location_lon": location.lon if location else None,
        "location_kind": location.kind if location else None,
        "location_basis": location.basis if location else None, "relevant": event.relevant,
        "factual": event.factual, "carried_by": event.carried_by, "background": event.background,
        "speaker_text": speaker.text if speaker else None, "speaker_code": speaker.code if speaker else None,
        "cue": attribution.cue, "reported_by": list(attribution.reported_by), "hedged": attribution.hedged,
        "quoted": attribution.quoted, "object_text": obj.text if obj else None,
        "object_start": obj.start if obj else None, "object_end": obj.end if obj else None,
        "evidence_text": event.evidence.text, "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end, "rule": event.rule, "version": event.version,
        "event_json": json.dumps(d, ensure_ascii=False, default=str),
    })
    return row


def _table(rows: Sequence[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=schema)


def _error_row(error: ParleyError, *, article_id: str | None, step: str, at: dt.datetime) -> dict[str, Any]:
    source = getattr(error, "source", None)
    line = getattr(error, "line", None)
    message = getattr(error, "message", None) or str(error)
    if isinstance(error, ArticleError):
        message = message.removeprefix(f"{error.step}: ")
    key = json.dumps([article_id, source, line, step, message], ensure_ascii=False)
    return {"error_id": hashlib.sha1(key.encode("utf-8")).hexdigest()[:20], "article_id": article_id,
            "source": None if source is None else str(source), "line": line, "step": step,
            "message": message, "at": at}


def _step(error: ParleyError, article: Article | None) -> str:
    if article is None:
        return "read"
    step = getattr(error, "step", None)
    if step:
        return str(step)
    return "check" if isinstance(error, InputError) else "coding"


class Store:
    """An event store in one DuckDB file. Open it with `Store.open`; use it as a context manager.

    One process may write a store at a time (DuckDB's file lock); a second gets `StoreLocked`.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, *, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self._tables: dict[str, int] = {}

    # ---- opening
    @classmethod
    def open(cls, path: str | os.PathLike[str] = DEFAULT_DB, *, read_only: bool = False,
             memory_limit: str | None = DEFAULT_MEMORY_LIMIT) -> Store:
        """Open (creating or upgrading it if needed) the store at `path`.

        Args:
            path: the DuckDB file; ":memory:" for a store that lives in memory; or, read-only, the folder of
                a Parquet dataset written by `parley.store.dataset.write_dataset`.
            read_only: open without taking the write lock (several readers may share it).
            memory_limit: DuckDB's memory limit (e.g. "1GB"); it caps the cache of table blocks, which
                otherwise grows with the store. None leaves DuckDB's default (80% of RAM).

        Returns:
            The open store.

        Raises:
            StoreLocked: another process is writing the store.
            SchemaError: the file is from a newer Parley, or is a DuckDB file that is not a Parley store.
            StoreError: the file cannot be opened (not a DuckDB file, no permission, ...).
        """
        shown = os.fspath(path)
        if os.path.isdir(shown) and os.path.isfile(os.path.join(shown, "dataset.json")):
            from parley.store.dataset import open_dataset

            if not read_only:
                raise StoreError("a Parley dataset is read-only: write into a DuckDB store (--db FILE) and export "
                                 "the dataset again from it", path=shown)
            return open_dataset(shown)
        if read_only and shown != ":memory:" and not os.path.exists(shown):
            raise StoreError("no such store; create it with `parley ingest`", path=shown)
        with _mapped(shown):
            config: dict[str, str | bool | int | float | list[str]] = (
                {"memory_limit": memory_limit} if memory_limit else {})
            con = duckdb.connect(shown, read_only=read_only, config=config)
        store = cls(con, shown, read_only=read_only)
        try:
            store._migrate()
        except BaseException:
            con.close()
            raise
        return store

    def close(self) -> None:
        """Close the database (releasing the write lock)."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version of the open file."""
        with _mapped(self.path):
            rows = self.con.execute("SELECT max(version) FROM schema_version").fetchall()
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def _migrate(self) -> None:
        with _mapped(self.path):
            tables = {r[0] for r in self.con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
            if tables and "schema_version" not in tables:
                raise SchemaError("this DuckDB file is not a Parley store (it has no schema_version table); "
                                  "use another --db file", path=self.path)
            if "schema_version" in tables:
                current = self.schema_version
            else:
                current = 0
            if current > SCHEMA_VERSION:
                raise SchemaError(
                    f"the store has schema version {current}, newer than this Parley supports ({SCHEMA_VERSION}); "
                    "upgrade Parley to use it", path=self.path, found=current, supported=SCHEMA_VERSION)
            pending = [m for m in MIGRATIONS if m.version > current]
            if not pending:
                return
            if self.read_only:
                raise SchemaError(
                    f"the store has schema version {current} and needs upgrading to {SCHEMA_VERSION}; "
                    "open it once for writing (e.g. `parley ingest`)", path=self.path, found=current,
                    supported=SCHEMA_VERSION)
            for migration in pending:
                with self._transaction():
                    self._exec(VERSION_TABLE_SQL)
                    self._exec(migration.sql)
                    self._exec("INSERT INTO schema_version VALUES (?, ?, ?)",
                                     [migration.version, migration.description, _now()])

    def _exec(self, sql: str, params: Sequence[Any] | None = None) -> None:
        """Run a statement that returns no rows to its end (DuckDB wants results finished)."""
        self.con.execute(sql, params).complete()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with _mapped(self.path):
            self._exec("BEGIN TRANSACTION")
            try:
                yield
            except BaseException:
                self._exec("ROLLBACK")
                raise
            self._exec("COMMIT")

    @contextlib.contextmanager
    def _registered(self, table: pa.Table) -> Iterator[str]:
        """Register an Arrow table under a fresh name for the length of a block."""
        name = f"_parley_batch_{next(_names)}"
        self.con.register(name, table)
        try:
            yield name
        except BaseException:
            # In an aborted transaction the cleanup fails too ("Current transaction is aborted"): the
            # error that aborted it is the one to report.
            with contextlib.suppress(duckdb.Error):
                self.con.unregister(name)
            raise
        self.con.unregister(name)

    # ---- settings
    def setting(self, key: str) -> str | None:
        with _mapped(self.path):
            rows = self.con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchall()
        return rows[0][0] if rows else None

    @property
    def cluster_window_days(self) -> int:
        """How many days apart two reports of one event may be dated (setting `cluster_window_days`)."""
        value = self.setting("cluster_window_days")
        return int(value) if value is not None else DEFAULT_WINDOW_DAYS

    @property
    def cluster_distance_km(self) -> float:
        """How far apart (km) two located places may be and still be one place (setting `cluster_distance_km`)."""
        value = self.setting("cluster_distance_km")
        return float(value) if value is not None else DEFAULT_DISTANCE_KM

    # ---- reading
    def stored_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """The content hash of each of `ids` already stored (absent ids are left out)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        with _mapped(self.path), self._registered(pa.table({"id": pa.array(ids, pa.string())})) as batch:
            rows = self.con.execute(
                f"SELECT a.id, a.content_hash FROM articles a JOIN {batch} b ON a.id = b.id").fetchall()
        return dict(rows)

    def applied_shards(self, shard_ids: Iterable[str]) -> set[str]:
        """Those of `shard_ids` already merged into the store (`write(..., shard_id=...)`)."""
        ids = list(dict.fromkeys(shard_ids))
        if not ids:
            return set()
        with _mapped(self.path):
            rows = self.con.execute("SELECT shard_id FROM applied_shards WHERE shard_id IN (SELECT unnest(?))",
                                    [ids]).fetchall()
        return {r[0] for r in rows}

    def articles_count(self) -> int:
        """The number of stored articles (coded or failed)."""
        return self._scalar("SELECT count(*) FROM articles")

    def events_count(self) -> int:
        """The number of stored events."""
        return self._scalar("SELECT count(*) FROM events")

    def check(self) -> tuple[dict[str, int], list[str]]:
        """Read every table end to end and verify the links between them.

        Returns:
            The row count of each table, and the problems found ("table events cannot be read: ...",
            "3 events whose article is missing" ...); no problems means the store is sound.
        """
        counts: dict[str, int] = {}
        problems: list[str] = []
        con = self.con.cursor()   # a cursor of its own: the connection may hold an unfinished result
        for table in _TABLES:
            try:
                reader = con.sql(f"SELECT * FROM {table}").to_arrow_reader(10_000)
                counts[table] = sum(batch.num_rows for batch in reader)
            except duckdb.Error as e:
                problems.append(f"table {table} cannot be read: {' '.join(str(e).split())}")
        if problems:
            return counts, problems   # the links cannot be checked on tables that cannot be read
        for what, sql in _CHECKS:
            try:
                found = con.execute(sql).fetchone()
            except duckdb.Error as e:
                problems.append(f"cannot check {what}: {' '.join(str(e).split())}")
                continue
            if found and found[0]:
                problems.append(f"{found[0]} {what}")
        return counts, problems

    def _scalar(self, sql: str) -> int:
        with _mapped(self.path):
            rows = self.con.execute(sql).fetchall()
        return int(rows[0][0]) if rows else 0

    def events_table(self, *, article_ids: Iterable[str] | None = None) -> pa.Table:
        """The stored events as an Arrow table with the columns of the `events` table.

        Rows come in ingest order (article, then sentence and position in the text).

        Args:
            article_ids: only events of these articles.
        """
        return self._read_table("events", article_ids)

    def articles_table(self, *, article_ids: Iterable[str] | None = None, text: bool = False) -> pa.Table:
        """The stored articles as an Arrow table, in ingest order; without `text` unless asked."""
        columns = "*" if text else "* EXCLUDE (text)"
        where, params = "", []
        if article_ids is not None:
            where, params = "WHERE id IN (SELECT unnest(?))", [list(article_ids)]
        return self._arrow(f"SELECT {columns} FROM articles {where} ORDER BY ingest_seq", params)

    def _read_table(self, table: str, article_ids: Iterable[str] | None) -> pa.Table:
        where, params = "", []
        if article_ids is not None:
            where, params = "WHERE t.article_id IN (SELECT unnest(?))", [list(article_ids)]
        order = "a.ingest_seq, t.sentence_index, t.trigger_start, t.event_id" if table == "events" else \
            "a.ingest_seq, t.event_id"
        return self._arrow(
            f"SELECT t.* FROM {table} t JOIN articles a ON a.id = t.article_id {where} ORDER BY {order}", params)

    def _arrow(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        with _mapped(self.path):
            return self.con.sql(sql, params=list(params) if params else None).to_arrow_table()

    def events(self, *, article_id: str | None = None) -> Iterator[Event]:
        """The stored events rebuilt as `Event` records (from their stored JSON), in ingest order."""
        from parley.formats import event_from_dict

        table = self.events_table(article_ids=None if article_id is None else [article_id])
        for text in table.column("event_json").to_pylist():
            yield event_from_dict(json.loads(text))

    def stored_events(self, *, codes: Iterable[str] = (), code_prefixes: Iterable[str] = (),
                      trigger_prefixes: Iterable[str] = ()) -> list[StoredEvent]:
        """The stored events with their article's place and date and their cluster, in ingest order.

        An event is returned when its CAMEO code is one of `codes`, or starts with one of
        `code_prefixes`, or its trigger starts with one of `trigger_prefixes` (case-insensitive);
        every event when none of the three is given.

        Args:
            codes: whole CAMEO codes ("057").
            code_prefixes: starts of CAMEO codes ("03" for every 03x code).
            trigger_prefixes: starts of trigger words ("violat").

        Returns:
            One `StoredEvent` per event, ordered by article (ingest order), sentence and position.

        Raises:
            StoreError: the store could not be read.
        """
        from parley.formats import event_from_dict

        conditions, params = _event_conditions(codes, code_prefixes, trigger_prefixes)
        sql = f"""
            SELECT e.event_json, a.ingest_seq, a.published, m.cluster_id
            FROM events e JOIN articles a ON a.id = e.article_id
            LEFT JOIN cluster_mentions m ON m.event_id = e.event_id
            WHERE {" OR ".join(conditions) or "TRUE"}
            ORDER BY a.ingest_seq, e.sentence_index, e.trigger_start, e.event_id"""
        with _mapped(self.path):
            rows = self.con.execute(sql, params).fetchall()
        return [StoredEvent(event_from_dict(json.loads(event_json) if isinstance(event_json, str) else event_json),
                            int(seq), published, cluster_id)
                for event_json, seq, published, cluster_id in rows]

    def article_texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The text of each of `article_ids` that is stored (absent ids are left out).

        Raises:
            StoreError: the store could not be read.
        """
        return {article_id: text or "" for article_id, text in self._article_column("text", article_ids)}

    def article_titles(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The title of each of `article_ids` that is stored with one (absent ids and empty titles are left out).

        Raises:
            StoreError: the store could not be read.
        """
        return {article_id: title for article_id, title in self._article_column("title", article_ids) if title}

    def _article_column(self, column: str, article_ids: Iterable[str]) -> list[tuple[str, str | None]]:
        """(id, `column`) of each stored article of `article_ids` (`column` is "text" or "title")."""
        if column not in ("text", "title"):
            raise ValueError(f"no article column {column!r} to read")
        ids = sorted(set(article_ids))
        if not ids:
            return []
        with _mapped(self.path):
            return self.con.execute(f"SELECT id, {column} FROM articles WHERE id IN (SELECT unnest(?))",
                                    [ids]).fetchall()

    def clusters_table(self) -> pa.Table:
        """The event clusters as an Arrow table (columns of `event_clusters`), earliest first."""
        return self._arrow("SELECT * FROM event_clusters ORDER BY date_start NULLS LAST, cluster_id")

    def cluster_mentions_table(self) -> pa.Table:
        """Every mention of every cluster (columns of `cluster_mentions`), in ingest order."""
        return self._read_table("cluster_mentions", None)

    def errors(self) -> pa.Table:
        """The errors table (columns of `errors`), oldest first."""
        return self._arrow('SELECT * FROM errors ORDER BY "at", source NULLS FIRST, line NULLS FIRST, article_id')

    def iter_articles(self, *, batch_size: int = 256) -> Iterator[Article]:
        """Stream the stored articles back as `Article` records, in ingest order.

        Reads through a cursor of its own, so the store can be written while this runs.
        """
        with _mapped(self.path):
            cursor = self.con.cursor()
            reader = cursor.sql(
                "SELECT id, text, title, published, url, publisher FROM articles ORDER BY ingest_seq"
            ).to_arrow_reader(batch_size)
        try:
            for record_batch in reader:
                for row in record_batch.to_pylist():
                    yield Article(id=row["id"], text=row["text"], title=row["title"], published=row["published"],
                                  url=row["url"], publisher=row["publisher"])
        finally:
            cursor.close()

    # ---- writing
    def write(self, results: Iterable[Any], *, force: bool = False, lexicon_version: str | None = None,
              shard_id: str | None = None) -> IngestReport:
        """Write coding results (`CodingResult`s) in one transaction: articles, events, errors, clusters.

        An article already stored with the same content is left alone (`skipped_unchanged`) unless
        `force`; one stored with other content is replaced, its old events and clusters' mentions
        removed. A result with an error stores the article (status "failed") and a row in `errors`;
        a result without an article (unreadable input) stores only the error.

        Args:
            results: objects with `article`, `events` and `error` (as `parley.coder.CodingResult`).
            force: rewrite articles even when their content is unchanged (re-coding).
            lexicon_version: recorded on each article written.
            shard_id: the shard of a distributed ingest these results are; recorded in `applied_shards` in
                the same transaction, so that a shard is merged once (see `applied_shards`).

        Returns:
            The counts of what was written.

        Raises:
            StoreError: the write failed; nothing of this call was written.
        """
        if self.read_only:
            raise StoreError("the store is open read-only", path=self.path)
        at = _now()
        read = failed = replaced_in_batch = 0
        latest: dict[str, tuple[Article, str, Any]] = {}
        error_rows: list[dict[str, Any]] = []
        for result in results:
            read += 1
            article = result.article
            if article is None:
                failed += 1
                if result.error is not None:
                    error_rows.append(_error_row(result.error, article_id=result.article_id, step="read", at=at))
                continue
            if article.id in latest:
                replaced_in_batch += 1  # coded, but a later version in the same batch takes its place
            latest[article.id] = (article, content_hash(article), result)
        with self._transaction():
            stored = dict(self.con.execute(
                "SELECT id, ingest_seq FROM articles WHERE id IN (SELECT unnest(?))", [list(latest)]).fetchall()) \
                if latest else {}
            hashes = self.stored_hashes(latest) if latest else {}
            todo = {i: v for i, v in latest.items() if force or hashes.get(i) != v[1]}
            unchanged = len(latest) - len(todo)
            replaced_ids = [i for i in todo if i in stored]
            affected = self._delete_articles(replaced_ids)
            next_seq = self._scalar("SELECT coalesce(max(ingest_seq), 0) FROM articles") + 1
            article_rows, event_rows = [], []
            coded = events = 0
            for article_id, (article, digest, result) in todo.items():
                if result.error is not None:
                    failed += 1
                    error_rows.append(_error_row(result.error, article_id=article_id,
                                                 step=_step(result.error, article), at=at))
                    status, n = "failed", 0
                else:
                    coded += 1
                    seen: set[str] = set()
                    for event in result.events:
                        if event.event_id not in seen:
                            seen.add(event.event_id)
                            event_rows.append(_event_row(event))
                    status, n = "coded", len(seen)
                    events += n
                seq = stored.get(article_id)
                if seq is None:
                    seq, next_seq = next_seq, next_seq + 1
                article_rows.append({
                    "id": article_id, "content_hash": digest, "title": article.title, "url": article.url,
                    "publisher": article.publisher, "published": article.published, "text": article.text,
                    "status": status, "n_events": n, "ingest_seq": seq, "coded_at": at,
                    "lexicon_version": lexicon_version, "schema_version": _event_schema_version(),
                })
            self._insert("articles", _table(article_rows, _ARTICLE_SCHEMA))
            self._insert("events", _table(event_rows, _EVENT_SCHEMA))
            if error_rows:
                self._insert("errors", _table(error_rows, _ERROR_SCHEMA), replace=True)
            if todo:
                self._cluster_articles(list(todo), affected=affected)
            if shard_id is not None:
                self._exec("INSERT OR REPLACE INTO applied_shards VALUES (?, ?, ?)", [shard_id, read, at])
        return IngestReport(read=read, coded=coded + replaced_in_batch, skipped_unchanged=unchanged,
                            replaced=len(replaced_ids) + replaced_in_batch, failed=failed, events=events)

    def _insert(self, table: str, rows: pa.Table, *, replace: bool = False) -> None:
        if rows.num_rows == 0:
            return
        columns = ", ".join(f'"{name}"' for name in rows.column_names)
        verb = "INSERT OR REPLACE INTO" if replace else "INSERT INTO"
        with self._registered(rows) as batch:
            self._exec(f"{verb} {table} ({columns}) SELECT {columns} FROM {batch}")

    def _delete_articles(self, ids: list[str]) -> set[str]:
        """Remove articles with their events, mentions and coding errors; the clusters they touched."""
        if not ids:
            return set()
        affected = {r[0] for r in self.con.execute(
            "SELECT DISTINCT cluster_id FROM cluster_mentions WHERE article_id IN (SELECT unnest(?))",
            [ids]).fetchall()}
        for sql in ("DELETE FROM cluster_mentions WHERE article_id IN (SELECT unnest(?))",
                    "DELETE FROM events WHERE article_id IN (SELECT unnest(?))",
                    "DELETE FROM errors WHERE article_id IN (SELECT unnest(?)) AND step <> 'read'",
                    "DELETE FROM articles WHERE id IN (SELECT unnest(?))"):
            self._exec(sql, [ids])
        return affected

    # ---- clustering: the store reads the records and writes the result; `clusters.py` decides
    def _cluster_articles(self, article_ids: list[str], *, affected: Iterable[str] = (),
                          window_days: int | None = None, max_km: float | None = None) -> None:
        """Put the events of `article_ids` (already written, not yet clustered) into clusters."""
        window = self.cluster_window_days if window_days is None else window_days
        km = self.cluster_distance_km if max_km is None else max_km
        mentions = self._mentions(article_ids)
        candidates = self._candidate_clusters([m for m in mentions if m.clusterable], window)
        asked = {cluster_id_for(m.event_id) for m in mentions}
        taken = {c.cluster_id for c in candidates} | self._existing_cluster_ids(sorted(asked))

        def is_taken(cluster_id: str) -> bool:
            # the mentions' own ids were looked up at once above; only a renumbered one ("#1") is asked here
            return cluster_id in taken or cluster_id not in asked and bool(self._existing_cluster_ids([cluster_id]))

        assignment = assign_clusters(mentions, candidates, window_days=window, max_km=km, taken=is_taken)
        self._save_assignment(assignment)
        self._refresh_clusters({c.cluster_id for c in assignment.touched} | set(affected))

    def _mentions(self, article_ids: list[str]) -> list[Mention]:
        """What clustering needs of the events of `article_ids`, in ingest order."""
        rows = self.con.execute(
            """SELECT e.event_id, e.article_id, e.source_code, e.target_code, e.cameo_root, e.cameo, e.negated,
                      coalesce(e.date, a.published), e.location_name, e.location_country, e.location_lat,
                      e.location_lon, coalesce(e.factual, true),
                      e.date IS NOT NULL AND e.date_basis IS DISTINCT FROM 'published', e.location_kind,
                      e.location_basis, coalesce(e.background, false),
                      e.date IS NULL OR coalesce(e.date_precision, 'day') = 'day'
               FROM events e JOIN articles a ON a.id = e.article_id
               WHERE e.article_id IN (SELECT unnest(?))
               ORDER BY a.ingest_seq, e.sentence_index, e.trigger_start, e.event_id""", [article_ids]).fetchall()
        return [Mention(*row) for row in rows]

    def _candidate_clusters(self, probes: list[Mention], window: int) -> list[Cluster]:
        """The stored clusters that one of `probes` may join: the same CAMEO root, negation and factuality, an
        anchor date within `window` days (one more for a publication date), and a source whose first three
        letters (the country) are those of the probe's source or target; `clusters.py` decides the rest."""
        if not probes:
            return []
        probe = pa.table({
            "source_code": pa.array([m.source_code for m in probes], pa.string()),
            "target_code": pa.array([m.target_code for m in probes], pa.string()),
            "cameo_root": pa.array([m.cameo_root for m in probes], pa.string()),
            "negated": pa.array([m.negated for m in probes], pa.bool_()),
            "factual": pa.array([m.factual for m in probes], pa.bool_()),
            "date": pa.array([m.date for m in probes], pa.date32()),
        })
        reach = int(window) + 1
        with self._registered(probe) as batch:
            rows = self.con.execute(f"""
                SELECT DISTINCT c.cluster_id, c.source_code, c.target_code, c.cameo_root, c.negated,
                       c.anchor_date, c.location_name, c.location_country, c.location_lat, c.location_lon,
                       c.n_mentions, c.cameo, coalesce(c.factual, NOT c.negated), c.location_kind, c.location_basis
                FROM event_clusters c JOIN {batch} p
                  ON c.cameo_root = p.cameo_root AND c.negated = p.negated
                 AND coalesce(c.factual, NOT c.negated) = p.factual
                 AND (left(c.source_code, 3) = left(p.source_code, 3)
                      OR left(c.source_code, 3) = left(p.target_code, 3))
                 AND c.anchor_date BETWEEN p.date - {reach} AND p.date + {reach}
                ORDER BY c.cluster_id""").fetchall()
        return [Cluster(*row) for row in rows]

    def _existing_cluster_ids(self, ids: list[str]) -> set[str]:
        rows = self.con.execute("SELECT cluster_id FROM event_clusters WHERE cluster_id IN (SELECT unnest(?))",
                                [ids]).fetchall()
        return {r[0] for r in rows}

    def _save_assignment(self, assignment: Assignment) -> None:
        """Write the touched clusters' fixed columns and the mentions' links (counts follow in _refresh_clusters)."""
        if assignment.touched:
            static = _table([{name: getattr(c, name) for name in _CLUSTER_STATIC} for c in assignment.touched],
                            _CLUSTER_SCHEMA)
            with self._registered(static) as batch:
                # New clusters get zero counts here; _refresh_clusters sets every count.
                self._exec(f"""
                    INSERT OR REPLACE INTO event_clusters ({", ".join(_CLUSTER_STATIC)}, n_mentions, n_articles,
                                                           n_sources, n_hedged)
                    SELECT {", ".join(_CLUSTER_STATIC)}, 0, 0, 0, 0 FROM {batch}""")
        if assignment.links:
            links = pa.table({"event_id": pa.array([a for a, _ in assignment.links], pa.string()),
                              "cluster_id": pa.array([c for _, c in assignment.links], pa.string())})
            with self._registered(links) as batch:
                self._exec(f"""
                    INSERT INTO cluster_mentions (event_id, cluster_id, article_id, publisher, published, date,
                                                  speaker_text, speaker_code, cue, reported_by, hedged, quoted)
                    SELECT e.event_id, l.cluster_id, e.article_id, a.publisher, a.published,
                           coalesce(e.date, a.published), e.speaker_text, e.speaker_code, e.cue, e.reported_by,
                           e.hedged, e.quoted
                    FROM {batch} l JOIN events e ON e.event_id = l.event_id JOIN articles a ON a.id = e.article_id
                """)

    def _refresh_clusters(self, cluster_ids: set[str]) -> None:
        """Recount the given clusters from their mentions; drop those left without any."""
        if not cluster_ids:
            return
        ids = pa.table({"cluster_id": pa.array(sorted(cluster_ids), pa.string())})
        with self._registered(ids) as batch:
            self._exec(f"""
                UPDATE event_clusters AS c SET
                    cameo = s.cameo, cameo_name = s.cameo_name, plover = s.plover, quad = s.quad,
                    goldstein = s.goldstein, source_name = s.source_name, target_name = s.target_name,
                    date_start = s.date_start, date_end = s.date_end, first_reported = s.first_reported,
                    n_mentions = s.n_mentions, n_articles = s.n_articles, n_sources = s.n_sources,
                    n_hedged = s.n_hedged
                FROM (
                    WITH m AS (
                        SELECT m.cluster_id, m.article_id, m.publisher, m.published, m.date, m.hedged,
                               e.cameo, e.cameo_name, e.plover, e.quad, e.goldstein, e.source_name, e.target_name
                        FROM cluster_mentions m JOIN events e ON e.event_id = m.event_id
                        WHERE m.cluster_id IN (SELECT cluster_id FROM {batch})
                    ), codes AS (
                        SELECT cluster_id, cameo, count(*) AS n FROM m GROUP BY cluster_id, cameo
                    ), rep AS (
                        SELECT cluster_id, first(cameo ORDER BY n DESC, cameo) AS cameo FROM codes GROUP BY cluster_id
                    )
                    SELECT m.cluster_id,
                           rep.cameo,
                           min(m.cameo_name) FILTER (WHERE m.cameo = rep.cameo) AS cameo_name,
                           min(m.plover) FILTER (WHERE m.cameo = rep.cameo) AS plover,
                           min(m.quad) FILTER (WHERE m.cameo = rep.cameo) AS quad,
                           min(m.goldstein) FILTER (WHERE m.cameo = rep.cameo) AS goldstein,
                           mode(m.source_name) AS source_name, mode(m.target_name) AS target_name,
                           min(m.date) AS date_start, max(m.date) AS date_end,
                           min(coalesce(m.published, m.date)) AS first_reported,
                           count(*) AS n_mentions, count(DISTINCT m.article_id) AS n_articles,
                           count(DISTINCT m.publisher) + max(CASE WHEN m.publisher IS NULL THEN 1 ELSE 0 END)
                               AS n_sources,
                           count(*) FILTER (WHERE m.hedged) AS n_hedged
                    FROM m JOIN rep ON rep.cluster_id = m.cluster_id
                    GROUP BY m.cluster_id, rep.cameo
                ) AS s
                WHERE c.cluster_id = s.cluster_id""")
            self._exec(f"""
                DELETE FROM event_clusters WHERE cluster_id IN (SELECT cluster_id FROM {batch})
                  AND cluster_id NOT IN (SELECT cluster_id FROM cluster_mentions)""")

    def recluster(self, *, window_days: int | None = None, distance_km: float | None = None,
                  batch_size: int = 1000) -> int:
        """Rebuild every event cluster from the stored events, in one transaction.

        Articles are taken in ingest order, so the result is what incremental clustering gives when
        nothing was replaced. New settings, when given, are saved and used from then on.

        Args:
            window_days: days two reports of one event may be apart (default: the stored setting, 1).
            distance_km: how far apart two located places may be and still be one (default: stored, 100).
            batch_size: articles clustered per step.

        Returns:
            The number of clusters.
        """
        if self.read_only:
            raise StoreError("the store is open read-only", path=self.path)
        with self._transaction():
            if window_days is not None:
                if window_days < 0:
                    raise BadOption(f"window_days must be 0 or more, not {window_days}", option="window_days",
                                    value=window_days)
                self._exec("INSERT OR REPLACE INTO settings VALUES ('cluster_window_days', ?)",
                                 [str(int(window_days))])
            if distance_km is not None:
                self._exec("INSERT OR REPLACE INTO settings VALUES ('cluster_distance_km', ?)",
                                 [repr(float(distance_km))])
            self._exec("DELETE FROM cluster_mentions")
            self._exec("DELETE FROM event_clusters")
            ids = [r[0] for r in self.con.execute(
                "SELECT id FROM articles WHERE n_events > 0 ORDER BY ingest_seq").fetchall()]
            for start in range(0, len(ids), batch_size):
                self._cluster_articles(ids[start:start + batch_size])
            return self._scalar("SELECT count(*) FROM event_clusters")


_names = itertools.count()


def _event_schema_version() -> str:
    from parley.types import SCHEMA_VERSION as EVENT_SCHEMA

    return EVENT_SCHEMA
