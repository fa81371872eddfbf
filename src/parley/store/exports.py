"""Write what the store holds: query results as CSV, JSON Lines, Parquet or a table, and the exports.

Exports (`export_events`) are contracts, documented column by column in docs/store.md and versioned
by `EXPORT_VERSION`:

- "parquet", "csv": the events (`EVENTS_SCHEMA`) or event clusters (`CLUSTERS_SCHEMA`) of a query;
- "gdelt": one row per event cluster with GDELT 2.0 event column names (`GDELT_SCHEMA`), tab-separated;
- "plover": one JSON object a line per event cluster, PLOVER/POLECAT style (`plover_records`).

CAMEO codes are strings everywhere ("010", never 10). In CSV and tab-separated text an empty cell is
null, booleans are `true`/`false`, dates are `YYYY-MM-DD` and lists are joined with "; ", as in
`parley code --format csv`.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from parley.formats import Column, output_format, output_formats, render_table
from parley.store.query import CLUSTER_COLUMNS, EVENT_COLUMNS, EventFilter, _matching_clusters, select_events
from parley.store.store import _EVENT_SCHEMA, Store, _mapped

__all__ = [
    "CLUSTERS_SCHEMA",
    "EVENTS_SCHEMA",
    "EXPORT_FORMATS",
    "EXPORT_VERSION",
    "GDELT_SCHEMA",
    "PLOVER_FIELDS",
    "TABLE_FORMATS",
    "export_csv",
    "export_events",
    "export_gdelt",
    "export_parquet",
    "export_plover",
    "format_rows",
    "gdelt_table",
    "plover_records",
    "write_csv_rows",
    "write_jsonl_rows",
    "write_parquet",
    "write_table",
    "write_text_table",
]

EXPORT_VERSION = "1"
"""Version of the export schemas; it changes when a column is added, renamed or removed."""

EXPORT_FORMATS = output_formats("export")
"""The formats of `export_events` (from the registry `parley.formats.OUTPUT_FORMATS`)."""
TABLE_FORMATS = output_formats("rows")
"""The formats of `write_table` (from the registry `parley.formats.OUTPUT_FORMATS`)."""

_ARTICLE_FIELDS = {"cluster_id": pa.string(), "publisher": pa.string(), "published": pa.date32(),
                   "url": pa.string(), "title": pa.string()}
EVENTS_SCHEMA = pa.schema([
    pa.field(name, _ARTICLE_FIELDS[name]) if name in _ARTICLE_FIELDS else _EVENT_SCHEMA.field(name)
    for name in EVENT_COLUMNS
])
"""Arrow schema of `query_events` and of the events export (Parquet and CSV)."""

_CLUSTER_TYPES = {
    "negated": pa.bool_(), "anchor_date": pa.date32(), "location_lat": pa.float64(),
    "location_lon": pa.float64(), "quad": pa.int8(), "goldstein": pa.float64(), "date_start": pa.date32(),
    "date_end": pa.date32(), "first_reported": pa.date32(), "n_mentions": pa.int32(), "n_articles": pa.int32(),
    "n_sources": pa.int32(), "n_hedged": pa.int32(), "factual": pa.bool_(),
}
CLUSTERS_SCHEMA = pa.schema([(name, _CLUSTER_TYPES.get(name, pa.string())) for name in CLUSTER_COLUMNS])
"""Arrow schema of `query_events(..., clusters=True)` and of the clusters export."""

GDELT_SCHEMA = pa.schema([
    ("GlobalEventID", pa.string()), ("Day", pa.int32()), ("MonthYear", pa.int32()), ("Year", pa.int32()),
    ("Actor1Code", pa.string()), ("Actor1Name", pa.string()), ("Actor1CountryCode", pa.string()),
    ("Actor2Code", pa.string()), ("Actor2Name", pa.string()), ("Actor2CountryCode", pa.string()),
    ("EventCode", pa.string()), ("EventBaseCode", pa.string()), ("EventRootCode", pa.string()),
    ("QuadClass", pa.int8()), ("GoldsteinScale", pa.float64()),
    ("NumMentions", pa.int32()), ("NumSources", pa.int32()), ("NumArticles", pa.int32()),
    ("ActionGeo_FullName", pa.string()), ("ActionGeo_CountryCode", pa.string()),
    ("ActionGeo_Lat", pa.float64()), ("ActionGeo_Long", pa.float64()), ("SOURCEURL", pa.string()),
])
"""Arrow schema of the GDELT-style export, one row per event cluster (docs/store.md)."""

PLOVER_FIELDS: tuple[str, ...] = (
    "id", "date", "event_type", "mode", "context", "source", "target", "cameo", "quad", "goldstein", "negated",
    "location", "num_mentions", "num_articles", "num_sources", "first_reported", "text", "attribution",
    "reports", "version",
)
"""Keys of each PLOVER/POLECAT-style JSON object, in order (docs/store.md)."""


def _arrow(store: Store, sql: str, params: Sequence[Any]) -> pa.Table:
    with _mapped(store.path):
        return store.con.sql(sql, params=list(params) if params else None).to_arrow_table()


# ---- writing any Arrow table -----------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return str(value)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _write_delimited(table: pa.Table, fp: IO[str], *, delimiter: str = ",") -> int:
    writer = csv.writer(fp, delimiter=delimiter, lineterminator="\n")
    writer.writerow(table.column_names)
    for batch in table.to_batches(max_chunksize=10_000):
        columns = batch.to_pydict()
        names = batch.schema.names
        for i in range(batch.num_rows):
            writer.writerow([_cell(columns[name][i]) for name in names])
    return int(table.num_rows)


def _write_jsonl(rows: Iterable[dict[str, Any]], fp: IO[str]) -> int:
    n = 0
    for row in rows:
        fp.write(json.dumps(row, ensure_ascii=False, default=_json_default))
        fp.write("\n")
        n += 1
    return n


def _table_rows(table: pa.Table) -> Iterator[dict[str, Any]]:
    for batch in table.to_batches(max_chunksize=10_000):
        yield from batch.to_pylist()


@contextlib.contextmanager
def _opened(out: str | os.PathLike[str] | IO[Any], mode: str) -> Iterator[IO[Any]]:
    if not isinstance(out, str | os.PathLike):
        yield out
        return
    if "b" in mode:
        with open(out, mode) as fp:
            yield fp
    else:
        with open(out, mode, encoding="utf-8", newline="") as fp:
            yield fp


# The writers of the registry `parley.formats.OUTPUT_FORMATS`: `rows` writers take an Arrow table and an
# open file, `export` writers a store, an open file and an `EventFilter`.


def write_csv_rows(table: pa.Table, fp: IO[str], *, width: int = 120, kind: str | None = None) -> int:
    """CSV: a header row, then the rows, with the conventions of the module docstring."""
    return _write_delimited(table, fp)


def write_jsonl_rows(table: pa.Table, fp: IO[str], *, width: int = 120, kind: str | None = None) -> int:
    """JSON Lines: one object per row (dates as ISO strings)."""
    return _write_jsonl(_table_rows(table), fp)


def write_text_table(table: pa.Table, fp: IO[str], *, width: int = 120, kind: str | None = None) -> int:
    """A fixed-width text table (see `format_rows`)."""
    fp.write(format_rows(table, width=width, kind=kind))
    return int(table.num_rows)


def write_parquet(table: pa.Table, fp: IO[bytes], *, width: int = 120, kind: str | None = None) -> int:
    """Parquet with the Arrow types kept; `parley.export_version` (and `parley.export` = `kind`) in its metadata."""
    metadata = {b"parley.export_version": EXPORT_VERSION.encode()}
    if kind:
        metadata[b"parley.export"] = kind.encode()
    pq.write_table(table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata}), fp)
    return int(table.num_rows)


def write_table(table: pa.Table, out: str | os.PathLike[str] | IO[Any], *, format: str = "csv",
                width: int = 120, kind: str | None = None) -> int:
    """Write an Arrow table (a query or statistics result) as CSV, JSON Lines, Parquet or a text table.

    Args:
        table: what to write.
        out: a path, or an open file (binary for Parquet, text otherwise).
        format: a format of `TABLE_FORMATS`: "csv" (header row, conventions of the module docstring),
            "jsonl" (one JSON object per row), "parquet" (the Arrow types kept), or "table" (fixed-width
            text for reading).
        width: the width of a "table", in characters.
        kind: recorded in Parquet metadata as `parley.export` ("events", "clusters", ...).

    Returns:
        The number of rows written.

    Raises:
        UnknownFormat: `format` is not one of `TABLE_FORMATS`.
    """
    fmt = output_format(format, "rows")
    with _opened(out, "wb" if fmt.binary else "w") as fp:
        n: int = fmt.writer("rows")(table, fp, width=width, kind=kind)
        fp.flush()
    return n


# What the `table` format shows of query results: (header, columns joined with a space). csv, jsonl and
# parquet carry every column.
_REPORT_VIEW = (("PUBLISHED", ("published",)), ("PUBLISHER", ("publisher",)), ("DATE", ("date",)),
                ("SOURCE", ("source_code", "source_text")), ("EVENT", ("cameo",)), ("TARGET", ("target_text",)),
                ("ATTRIBUTION", ("speaker_text", "cue", "reported_by")), ("HEDGED", ("hedged",)),
                ("SENTENCE", ("evidence_text",)))
_EVENT_VIEW = (("DATE", ("date",)), ("CLUSTER", ("cluster_id",)), ("SOURCE", ("source_code", "source_name")),
               ("EVENT", ("cameo", "cameo_name")), ("TARGET", ("target_code", "target_name")), ("QUAD", ("quad",)),
               ("GOLDSTEIN", ("goldstein",)), ("PUBLISHER", ("publisher",)), ("TRIGGER", ("trigger_text",)))
_CLUSTER_VIEW = (("DATE", ("date_start",)), ("CLUSTER", ("cluster_id",)), ("SOURCE", ("source_code", "source_name")),
                 ("EVENT", ("cameo", "cameo_name")), ("TARGET", ("target_code", "target_name")),
                 ("QUAD", ("quad",)), ("GOLDSTEIN", ("goldstein",)), ("MENTIONS", ("n_mentions",)),
                 ("ARTICLES", ("n_articles",)), ("SOURCES", ("n_sources",)), ("PLACE", ("location_name",)))
View = tuple[tuple[str, tuple[str, ...]], ...]


def format_rows(table: pa.Table, *, width: int = 120, kind: str | None = None) -> str:
    """A fixed-width text table of `table` for a terminal: numbers right-aligned, long text cut with "…".

    Query results show a chosen view (date, actors, CAMEO code and name, quad, Goldstein, and the
    publisher and trigger, or the cluster's counts and place; for `kind` "reports", each report of a
    cluster with its outlet, attribution and sentence); other tables show every column.
    """
    view = _view(table, kind)
    columns = [Column(header, right=all(_is_number(table.schema.field(c).type) for c in names),
                      fixed=names == ("cluster_id",) or all(_is_fixed(table.schema.field(c).type) for c in names),
                      wrap=names == ("evidence_text",)) for header, names in view]
    rows = [[" ".join(cell for cell in (_text_cell(row[c]) for c in names) if cell != "-") or "-"
             for _, names in view] for row in _table_rows(table)]
    return "\n".join(render_table(columns, rows, width=width, empty="(no rows)")) + "\n"


def _view(table: pa.Table, kind: str | None = None) -> View:
    if kind == "reports":
        return _REPORT_VIEW
    names = set(table.column_names)
    views: tuple[View, ...] = (_EVENT_VIEW, _CLUSTER_VIEW)
    for view in views:
        if {c for _, cs in view for c in cs} <= names:
            return view
    return tuple((name.upper(), (name,)) for name in table.column_names)


def _is_number(kind: pa.DataType) -> bool:
    return bool(pa.types.is_integer(kind) or pa.types.is_floating(kind))


def _is_fixed(kind: pa.DataType) -> bool:
    return _is_number(kind) or bool(pa.types.is_date(kind) or pa.types.is_boolean(kind))


def _text_cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return " ".join(_cell(value).split())


# ---- exports ----------------------------------------------------------------------------------------


def gdelt_table(store: Store, *, filters: EventFilter | None = None, **more: Any) -> pa.Table:
    """The event clusters passing the filters as a GDELT-style table (`GDELT_SCHEMA`), earliest first.

    Args:
        store: an open store.
        filters, **more: which clusters, as for `parley.store.query_events` (a cluster is kept when one
            of its mentions passes).
    """
    flt = EventFilter.of(filters, **more)
    body, params = _matching_clusters(flt)
    sql = f"""
        WITH c AS (SELECT c.* {body}),
        reports AS (
            SELECT m.cluster_id,
                   first(a.url ORDER BY m.published NULLS LAST, a.ingest_seq, m.event_id) AS url,
                   min(e.source_country) AS source_country, min(e.target_country) AS target_country
            FROM cluster_mentions m JOIN events e ON e.event_id = m.event_id JOIN articles a ON a.id = m.article_id
            WHERE m.cluster_id IN (SELECT cluster_id FROM c)
            GROUP BY m.cluster_id
        )
        SELECT c.cluster_id AS GlobalEventID,
               CAST(strftime(c.date_start, '%Y%m%d') AS INTEGER) AS Day,
               CAST(strftime(c.date_start, '%Y%m') AS INTEGER) AS MonthYear,
               CAST(year(c.date_start) AS INTEGER) AS Year,
               c.source_code AS Actor1Code, c.source_name AS Actor1Name, r.source_country AS Actor1CountryCode,
               c.target_code AS Actor2Code, c.target_name AS Actor2Name, r.target_country AS Actor2CountryCode,
               c.cameo AS EventCode, substr(c.cameo, 1, 3) AS EventBaseCode, c.cameo_root AS EventRootCode,
               c.quad AS QuadClass, c.goldstein AS GoldsteinScale,
               c.n_mentions AS NumMentions, c.n_sources AS NumSources, c.n_articles AS NumArticles,
               c.location_name AS ActionGeo_FullName, c.location_country AS ActionGeo_CountryCode,
               c.location_lat AS ActionGeo_Lat, c.location_lon AS ActionGeo_Long, r.url AS SOURCEURL
        FROM c LEFT JOIN reports r ON r.cluster_id = c.cluster_id
        ORDER BY c.date_start NULLS LAST, c.cluster_id"""
    return _arrow(store, sql, params).cast(GDELT_SCHEMA)


def plover_records(store: Store, *, filters: EventFilter | None = None, batch_size: int = 1000,
                   **more: Any) -> Iterator[dict[str, Any]]:
    """The event clusters passing the filters as PLOVER/POLECAT-style records (keys `PLOVER_FIELDS`).

    Streams: clusters are read `batch_size` at a time, earliest first. The top-level `text` and
    `attribution` are those of the earliest report; `reports` lists every mention of the cluster.

    Args:
        store: an open store.
        filters, **more: which clusters, as for `gdelt_table`.
    """
    flt = EventFilter.of(filters, **more)
    body, params = _matching_clusters(flt)
    report = ("struct_pack(event_id := e.event_id, article_id := e.article_id, publisher := m.publisher, "
              "published := m.published, url := a.url, text := e.evidence_text, cameo := e.cameo, "
              "mode := e.plover_mode, context := CAST(json_extract(e.event_json, '$.extra.context') AS VARCHAR), "
              "speaker := e.speaker_text, speaker_code := e.speaker_code, cue := e.cue, "
              "reported_by := e.reported_by, hedged := e.hedged, quoted := e.quoted, "
              "source_country := e.source_country, source_sector := e.source_sector, "
              "target_country := e.target_country, target_sector := e.target_sector)")
    sql = f"""
        WITH c AS (SELECT c.* {body}),
        reports AS (
            SELECT m.cluster_id,
                   list({report} ORDER BY m.published NULLS LAST, a.ingest_seq, m.event_id) AS reports
            FROM cluster_mentions m JOIN events e ON e.event_id = m.event_id JOIN articles a ON a.id = m.article_id
            WHERE m.cluster_id IN (SELECT cluster_id FROM c)
            GROUP BY m.cluster_id
        )
        SELECT c.*, r.reports FROM c LEFT JOIN reports r ON r.cluster_id = c.cluster_id
        ORDER BY c.date_start NULLS LAST, c.cluster_id"""
    with _mapped(store.path):
        cursor = store.con.cursor()
        reader = cursor.sql(sql, params=list(params) if params else None).to_arrow_reader(batch_size)
    try:
        for batch in reader:
            for row in batch.to_pylist():
                yield _plover_record(row)
    finally:
        cursor.close()


def _plover_record(row: dict[str, Any]) -> dict[str, Any]:
    reports = row["reports"] or []
    first = reports[0] if reports else {}
    representative = next((r for r in reports if r["cameo"] == row["cameo"]), first)
    context = json.loads(representative["context"]) if representative.get("context") else []
    if isinstance(context, str):
        context = [context]

    def actor(role: str) -> dict[str, Any] | None:
        code, name = row[f"{role}_code"], row[f"{role}_name"]
        if code is None and name is None:
            return None
        seen = [r for r in reports if r[f"{role}_country"] or r[f"{role}_sector"]]
        return {"actor": name, "code": code, "country": seen[0][f"{role}_country"] if seen else None,
                "agent": seen[0][f"{role}_sector"] if seen else None}

    def attribution(r: dict[str, Any]) -> dict[str, Any]:
        return {"speaker": r.get("speaker"), "speaker_code": r.get("speaker_code"), "cue": r.get("cue"),
                "reported_by": list(r.get("reported_by") or []), "hedged": bool(r.get("hedged")),
                "quoted": bool(r.get("quoted"))}

    location = None
    if row["location_name"] is not None or row["location_country"] is not None:
        location = {"name": row["location_name"], "country": row["location_country"],
                    "lat": row["location_lat"], "lon": row["location_lon"]}
    iso = _json_default
    record = {
        "id": row["cluster_id"],
        "date": iso(row["date_start"]) if row["date_start"] else None,
        "event_type": row["plover"],
        "mode": representative.get("mode"),
        "context": context,
        "source": actor("source"),
        "target": actor("target"),
        "cameo": row["cameo"],
        "quad": row["quad"],
        "goldstein": row["goldstein"],
        "negated": row["negated"],
        "location": location,
        "num_mentions": row["n_mentions"],
        "num_articles": row["n_articles"],
        "num_sources": row["n_sources"],
        "first_reported": iso(row["first_reported"]) if row["first_reported"] else None,
        "text": first.get("text"),
        "attribution": attribution(first) if first else None,
        "reports": [{"event_id": r["event_id"], "article_id": r["article_id"], "publisher": r["publisher"],
                     "published": iso(r["published"]) if r["published"] else None, "url": r["url"],
                     "text": r["text"], "attribution": attribution(r)} for r in reports],
        "version": EXPORT_VERSION,
    }
    return record


def _events_for_export(store: Store, filters: EventFilter, clusters: bool) -> pa.Table:
    table = select_events(store, filters, clusters=clusters)
    return table.cast(CLUSTERS_SCHEMA if clusters else EVENTS_SCHEMA)


def export_csv(store: Store, fp: IO[str], *, filters: EventFilter, clusters: bool = False) -> int:
    """The events (`EVENTS_SCHEMA`) or event clusters (`CLUSTERS_SCHEMA`) passing the filters, as CSV."""
    return _write_delimited(_events_for_export(store, filters, clusters), fp)


def export_parquet(store: Store, fp: IO[bytes], *, filters: EventFilter, clusters: bool = False) -> int:
    """The events or event clusters passing the filters, as Parquet (`write_parquet`)."""
    return write_parquet(_events_for_export(store, filters, clusters), fp, kind="clusters" if clusters else "events")


def export_gdelt(store: Store, fp: IO[str], *, filters: EventFilter, clusters: bool = True) -> int:
    """The event clusters passing the filters, tab-separated with a header row (`GDELT_SCHEMA`)."""
    return _write_delimited(gdelt_table(store, filters=filters), fp, delimiter="\t")


def export_plover(store: Store, fp: IO[str], *, filters: EventFilter, clusters: bool = True) -> int:
    """The event clusters passing the filters, one PLOVER/POLECAT-style JSON object a line (`PLOVER_FIELDS`)."""
    return _write_jsonl(plover_records(store, filters=filters), fp)


def export_events(store: Store, out: str | os.PathLike[str] | IO[Any], *, format: str = "parquet",
                  clusters: bool = False, filters: EventFilter | None = None, **more: Any) -> int:
    """Export the events (or event clusters) passing the filters to a file.

    Args:
        store: an open store.
        out: a path, or an open file (binary for "parquet", text otherwise).
        format: a format of `EXPORT_FORMATS`: "parquet" or "csv" (events, `EVENTS_SCHEMA`; clusters,
            `CLUSTERS_SCHEMA`, with `clusters=True`), "gdelt" (tab-separated, header row, `GDELT_SCHEMA`)
            or "plover" (JSON Lines, `PLOVER_FIELDS`). "gdelt" and "plover" are always one row per event
            cluster.
        clusters: for "parquet" and "csv", one row per event cluster instead of one per mention.
        filters, **more: which events, as for `parley.store.query_events`.

    Returns:
        The number of rows (or JSON objects) written.

    Raises:
        UnknownFormat: `format` is not one of `EXPORT_FORMATS`.
        BadFilter: an impossible filter value (`UnknownFilter`: an unknown filter name).
        StoreError: the store could not be read.
        OSError: the file could not be written.
    """
    flt = EventFilter.of(filters, **more)
    fmt = output_format(format, "export")
    with _opened(out, "wb" if fmt.binary else "w") as fp:
        n: int = fmt.writer("export")(store, fp, filters=flt, clusters=clusters)
    return n
