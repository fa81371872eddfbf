"""A store beyond one file: the store's tables as a partitioned Parquet dataset, and a read-only store over one.

    DIR/dataset.json                              what this is: format, version, store schema version, tables
    DIR/articles/month=2025-03/part-0.parquet     articles by the month of `published` ("unknown" when none)
    DIR/events/month=2025-03/part-0.parquet       events by the month of their date, else their article's
    DIR/event_clusters/part-0.parquet             the other tables, one folder each, not partitioned
    DIR/cluster_mentions/ errors/ settings/ applied_shards/

The columns are those of the store's tables (docs/store.md); `month` is the Hive partition key (`YYYY-MM`
or `unknown`). DuckDB (`read_parquet('DIR/events/*/*.parquet', hive_partitioning = true)`), Spark or a
warehouse read it directly; `Store.open(DIR)` (and so `parley events --db DIR`, `parley stats --db DIR`)
reads it as a read-only store, through views over the files.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.dataset as pds
import pyarrow.parquet as pq

from parley.errors import SchemaError, StoreError
from parley.store.schema import SCHEMA_VERSION
from parley.store.store import Store

__all__ = ["DATASET_FORMAT", "DATASET_VERSION", "MANIFEST", "is_dataset", "open_dataset", "write_dataset"]

DATASET_FORMAT = "parley-dataset"
DATASET_VERSION = 1
MANIFEST = "dataset.json"

# table -> the SQL of its partition key (None: one folder, not partitioned); names and SQL are fixed here
_TABLES: dict[str, str | None] = {
    "articles": "coalesce(strftime(t.published, '%Y-%m'), 'unknown')",
    "events": "coalesce(strftime(coalesce(t.date, a.published), '%Y-%m'), 'unknown')",
    "event_clusters": None,
    "cluster_mentions": None,
    "errors": None,
    "settings": None,
    "applied_shards": None,
}
_JOINS = {"events": "LEFT JOIN articles a ON a.id = t.article_id"}
_SCHEMA_FILE = "_schema.parquet"   # an empty file with the table's columns (a leading _ hides it from readers)


def is_dataset(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is a folder holding a Parley dataset (it has a `dataset.json`)."""
    return (Path(path) / MANIFEST).is_file()


def write_dataset(store: Store, directory: str | os.PathLike[str], *, rows_per_file: int = 1_000_000) -> dict[str, int]:
    """Write every table of `store` into `directory` as a partitioned Parquet dataset, replacing what it held.

    The dataset is written beside `directory` and renamed into place, so a reader sees the old dataset or the
    new one. Tables stream from DuckDB in batches: memory does not grow with the store.

    Args:
        store: an open store.
        directory: the dataset's folder.
        rows_per_file: at most this many rows per Parquet file.

    Returns:
        The rows written per table.

    Raises:
        StoreError: the store cannot be read or the folder written.
    """
    target = Path(directory)
    if target.exists() and not is_dataset(target) and any(target.iterdir()):
        raise StoreError("the folder exists and is not a Parley dataset; give a new or empty folder",
                         path=str(target))
    staging = target.with_name(f".{target.name}.writing")
    shutil.rmtree(staging, ignore_errors=True)
    counts: dict[str, int] = {}
    try:
        for table, key in _TABLES.items():
            counts[table] = _write_table(store, table, key, staging / table, rows_per_file)
        manifest = {"format": DATASET_FORMAT, "version": DATASET_VERSION, "schema_version": SCHEMA_VERSION,
                    "partitioning": {t: ("hive", ["month"]) if k else None for t, k in _TABLES.items()},
                    "rows": counts}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    except (OSError, duckdb.Error, pa.ArrowException) as e:
        shutil.rmtree(staging, ignore_errors=True)
        raise StoreError(f"cannot write the dataset: {e}", path=str(target)) from e
    return counts


def _write_table(store: Store, table: str, key: str | None, folder: Path, rows_per_file: int) -> int:
    cursor = store.con.cursor()
    try:
        month = f", {key} AS month" if key else ""
        reader = cursor.sql(f"SELECT t.*{month} FROM {table} t {_JOINS.get(table, '')}").to_arrow_reader(50_000)
        folder.mkdir(parents=True)
        pq.write_table(reader.schema.empty_table(), folder / _SCHEMA_FILE)
        written = [0]

        def batches() -> Any:
            for batch in reader:
                written[0] += batch.num_rows
                yield batch

        pds.write_dataset(pds.Scanner.from_batches(batches(), schema=reader.schema), folder, format="parquet",
                          partitioning=["month"] if key else None, partitioning_flavor="hive" if key else None,
                          basename_template="part-{i}.parquet", max_rows_per_file=rows_per_file,
                          max_rows_per_group=min(rows_per_file, 100_000), existing_data_behavior="overwrite_or_ignore")
        return written[0]
    finally:
        cursor.close()


def open_dataset(directory: str | os.PathLike[str]) -> Store:
    """A read-only `Store` over a dataset written by `write_dataset`: each table is a view over its files.

    Raises:
        StoreError: the folder is not a readable Parley dataset.
        SchemaError: the dataset is of another store schema version than this Parley's.
    """
    folder = Path(directory)
    shown = str(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise StoreError(f"not a readable Parley dataset ({MANIFEST}: {e})", path=shown) from e
    if not isinstance(manifest, dict) or manifest.get("format") != DATASET_FORMAT:
        raise StoreError(f"not a Parley dataset ({MANIFEST} does not say format {DATASET_FORMAT!r})", path=shown)
    found = manifest.get("schema_version")
    if found != SCHEMA_VERSION:
        raise SchemaError(f"the dataset has store schema version {found}, this Parley reads {SCHEMA_VERSION}; "
                          "write it again from the store with this Parley", path=shown, found=found,
                          supported=SCHEMA_VERSION)
    con = duckdb.connect(":memory:")
    try:
        for table, key in _TABLES.items():
            part = folder / table
            schema = pq.read_schema(part / _SCHEMA_FILE)
            data = pds.dataset(part, schema=schema, format="parquet",
                               partitioning=pds.partitioning(pa.schema([("month", pa.string())]), flavor="hive")
                               if key else None)
            con.register(f"_{table}_files", data)
            columns = ", ".join('"' + name.replace('"', '""') + '"' for name in schema.names
                                if not (key and name == "month"))
            con.execute(f"CREATE VIEW {table} AS SELECT {columns} FROM _{table}_files")
        con.execute("CREATE TABLE schema_version (version INTEGER, description VARCHAR, applied_at TIMESTAMP)")
        con.execute("INSERT INTO schema_version VALUES (?, 'a Parley dataset', now())", [SCHEMA_VERSION])
    except (OSError, duckdb.Error, pa.ArrowException) as e:
        con.close()
        raise StoreError(f"cannot read the dataset: {e}", path=shown) from e
    return Store(con, shown, read_only=True)
