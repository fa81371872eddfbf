"""The event store: ingest collections into one DuckDB file, merge reports of one event, read them back.

    >>> from parley.store import Store, ingest
    >>> report = ingest(["articles.jsonl"], db="parley.duckdb")
    >>> with Store.open("parley.duckdb") as store:
    ...     events = store.events_table()

docs/store.md documents every table and column.
"""

from parley.store.ingest import DEFAULT_BATCH_SIZE, ingest, read_sources, recode
from parley.store.schema import SCHEMA_VERSION
from parley.store.store import DEFAULT_DB, IngestReport, Store, content_hash

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "IngestReport",
    "Store",
    "content_hash",
    "ingest",
    "read_sources",
    "recode",
]
