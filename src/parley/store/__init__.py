"""The event store: ingest collections into one DuckDB file, merge reports of one event, read them back.

    >>> from parley.store import Store, ingest
    >>> report = ingest(["articles.jsonl"], db="parley.duckdb")
    >>> with Store.open("parley.duckdb") as store:
    ...     events = store.events_table()
    >>> from parley.store import query_events, time_series, export_events
    >>> with Store.open("parley.duckdb", read_only=True) as store:
    ...     attacks = query_events(store, dyad=("SDNMIL", "REB"), cameo="19")
    ...     monthly = time_series(store, dyad=("SDNMIL", "REB"), freq="month")
    ...     export_events(store, "events.parquet", format="parquet")

docs/store.md documents every table and column.
"""

from parley.store.exports import (
    CLUSTERS_SCHEMA,
    EVENTS_SCHEMA,
    EXPORT_VERSION,
    GDELT_SCHEMA,
    PLOVER_FIELDS,
    export_events,
    gdelt_table,
    plover_records,
    write_table,
)
from parley.store.ingest import DEFAULT_BATCH_SIZE, ingest, read_sources, recode
from parley.store.query import EventFilter, query_events, time_series, top_actors, top_dyads
from parley.store.schema import SCHEMA_VERSION
from parley.store.store import DEFAULT_DB, IngestReport, Store, StoredEvent, content_hash

__all__ = [
    "CLUSTERS_SCHEMA",
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_DB",
    "EVENTS_SCHEMA",
    "EXPORT_VERSION",
    "EventFilter",
    "GDELT_SCHEMA",
    "IngestReport",
    "PLOVER_FIELDS",
    "SCHEMA_VERSION",
    "Store",
    "StoredEvent",
    "content_hash",
    "export_events",
    "gdelt_table",
    "ingest",
    "plover_records",
    "query_events",
    "read_sources",
    "recode",
    "time_series",
    "top_actors",
    "top_dyads",
    "write_table",
]
