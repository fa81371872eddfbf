"""Shards of a distributed ingest: stable ids, and one Parquet file of coding results per shard.

    records -> shards (id: hash of the records, in order) -> a worker codes a shard's articles ->
    one Parquet file (written under a temporary name, then renamed) -> the store's owner reads it back
    as `CodingResult`s -> `Store.write(..., shard_id=...)`

A shard file is a transport between a worker and the store's owner, not an export: one row per coded
article, in input order, its events as the JSON of `Event.to_dict()` (rebuilt with
`parley.formats.event_from_dict`), its error as plain fields. Nothing here imports Dask.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from parley.errors import ArticleError, CodingError, InputError, ParleyError, StoreError
from parley.store.store import content_hash
from parley.types import Article

__all__ = ["SHARD_FORMAT", "Shard", "inputs_digest", "plan_shards", "read_shard", "shard_done", "shard_path",
           "write_shard"]

SHARD_FORMAT = "1"
_META_SHARD = b"parley.shard_id"
_META_INPUTS = b"parley.inputs"
_META_LEXICON = b"parley.lexicon_version"
_META_FORMAT = b"parley.shard_format"

_SCHEMA = pa.schema([
    ("id", pa.string()), ("text", pa.string()), ("title", pa.string()), ("published", pa.date32()),
    ("url", pa.string()), ("publisher", pa.string()), ("events", pa.list_(pa.string())),
    ("error_kind", pa.string()), ("error_message", pa.string()), ("error_step", pa.string()),
    ("error_source", pa.string()), ("error_line", pa.int32()),
])


@dataclass(frozen=True)
class Shard:
    """A run of consecutive input records with a stable id.

    Attributes:
        shard_id: hash of the records (article ids and content hashes, or the read errors), in order; the
            same input gives the same shards, whatever the run.
        index: its place in the input (0, 1, ...); shards are merged in this order.
        records: the articles and the records that could not be read, in input order.
    """

    shard_id: str
    index: int
    records: tuple[Article | InputError, ...]


def _record_key(record: Article | InputError) -> list[Any]:
    if isinstance(record, Article):
        return ["article", record.id, content_hash(record)]
    return ["error", record.source, record.line, record.article_id, str(record)]


def _digest(keys: Iterable[list[Any]]) -> str:
    h = hashlib.sha256()
    for key in keys:
        h.update(json.dumps(key, ensure_ascii=False, default=str).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()[:32]


def plan_shards(records: Iterable[Article | InputError], *, size: int) -> Iterator[Shard]:
    """Cut a stream of records into shards of `size` records, each with its stable id."""
    chunk: list[Article | InputError] = []
    index = 0
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield Shard(_digest(map(_record_key, chunk)), index, tuple(chunk))
            chunk, index = [], index + 1
    if chunk:
        yield Shard(_digest(map(_record_key, chunk)), index, tuple(chunk))


def inputs_digest(articles: Sequence[Article]) -> str:
    """Hash of the articles a task codes (a shard's articles, less those the store already holds)."""
    return _digest(map(_record_key, articles))


def shard_path(directory: str | os.PathLike[str], shard_id: str, inputs: str) -> Path:
    """Where the results of shard `shard_id` are written, when the articles coded are those of `inputs`
    (two tasks of one shard that code different articles never share a file)."""
    return Path(directory) / f"shard-{shard_id}-{inputs[:16]}.parquet"


def _error_fields(error: ParleyError | None) -> dict[str, Any]:
    if error is None:
        return {"error_kind": None, "error_message": None, "error_step": None, "error_source": None,
                "error_line": None}
    message = getattr(error, "message", None) or str(error)
    step = getattr(error, "step", None)
    if isinstance(error, ArticleError):
        kind, message = "article", message.removeprefix(f"{error.step}: ")
    elif isinstance(error, InputError):
        kind = "input"
    else:
        kind = "coding"
    source = getattr(error, "source", None)
    return {"error_kind": kind, "error_message": message, "error_step": step,
            "error_source": None if source is None else str(source), "error_line": getattr(error, "line", None)}


def _error_from(row: dict[str, Any]) -> ParleyError | None:
    """The error of a row, rebuilt so that the store records it as it would the original."""
    kind = row["error_kind"]
    if kind is None:
        return None
    where = {"source": row["error_source"], "line": row["error_line"], "article_id": row["id"]}
    if kind == "article":
        return ArticleError(row["error_message"], step=row["error_step"] or "coding", **where)
    if kind == "input":
        return InputError(row["error_message"], **where)
    return CodingError(row["error_message"], article_id=row["id"], step=row["error_step"] or "coding")


def write_shard(directory: str | os.PathLike[str], shard_id: str, results: Iterable[Any], *, inputs: str,
                lexicon_version: str | None) -> Path:
    """Write the coding results of one shard as one Parquet file, atomically.

    The file is written under a temporary name in the same folder and renamed into place, so a reader
    sees the whole file or none, and a worker killed while writing leaves only a temporary file.

    Args:
        directory: the shard folder (created if missing).
        shard_id: the shard's id (names the file).
        results: `CodingResult`s of the shard's articles, in input order.
        inputs: `inputs_digest` of the articles coded.
        lexicon_version: the coder's lexicon version, recorded with the articles.

    Returns:
        The path of the file.
    """
    rows = []
    for result in results:
        article = result.article
        rows.append({
            "id": article.id, "text": article.text, "title": article.title, "published": article.published,
            "url": article.url, "publisher": article.publisher,
            "events": [json.dumps(event.to_dict(), ensure_ascii=False, default=str) for event in result.events],
            **_error_fields(result.error),
        })
    metadata = {_META_SHARD: shard_id.encode(), _META_INPUTS: inputs.encode(),
                _META_LEXICON: (lexicon_version or "").encode(), _META_FORMAT: SHARD_FORMAT.encode()}
    table = pa.Table.from_pylist(rows, schema=_SCHEMA.with_metadata(metadata))
    path = shard_path(directory, shard_id, inputs)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return path


def shard_done(path: str | os.PathLike[str], *, inputs: str) -> bool:
    """Whether `path` holds the complete results of a task that coded the articles of `inputs`."""
    try:
        metadata = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowException):
        return False
    return metadata.get(_META_INPUTS) == inputs.encode() and metadata.get(_META_FORMAT) == SHARD_FORMAT.encode()


def read_shard(path: str | os.PathLike[str]) -> tuple[list[Any], str | None]:
    """The coding results in a shard file, as `CodingResult`s, and the lexicon version they were coded with.

    Raises:
        StoreError: the file cannot be read or holds something else than a shard's results.
    """
    from parley.coder import CodingResult
    from parley.formats import event_from_dict

    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException) as e:
        raise StoreError(f"cannot read shard file: {e}; delete it and run the ingest again", path=str(path)) from e
    metadata = table.schema.metadata or {}
    if metadata.get(_META_FORMAT) != SHARD_FORMAT.encode():
        raise StoreError("not a shard file of this Parley; delete it and run the ingest again", path=str(path))
    lexicon_version = metadata.get(_META_LEXICON, b"").decode() or None
    results = []
    for row in table.to_pylist():
        article = Article(id=row["id"], text=row["text"], title=row["title"], published=row["published"],
                          url=row["url"], publisher=row["publisher"])
        error = _error_from(row)
        events = [event_from_dict(json.loads(text)) for text in row["events"]] if error is None else []
        results.append(CodingResult(article_id=article.id, article=article, events=events, error=error))
    return results, lexicon_version
