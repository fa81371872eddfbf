"""Ingest while the server owns the store: coded batches handed over as files in an inbox folder.

DuckDB lets one process write a file. While `parley serve` holds the store, `parley ingest` codes as
usual but writes each batch of results as one JSON Lines file into `<store>.inbox/`: it writes a
temporary name in that folder and renames it into place, so the server only ever sees whole batches.
The server merges each batch with `Store.write` in one transaction, then deletes the file. A batch
merged twice (the server stopped between the commit and the delete) changes nothing the second time,
because an article stored with the same content is skipped. docs/web.md says why this design.

Batch file: a header line `{"parley_batch": 1, "lexicon_version": ...}`, then one line per result:
`{"article_id", "article": {...} | null, "events": [event dicts], "error": {...} | null}`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from parley.coder import CodingResult
from parley.errors import ArticleError, CodingError, InputError, ParleyError
from parley.formats import event_from_dict
from parley.store import IngestReport, Store
from parley.types import Article

__all__ = ["BATCH_SUFFIX", "Inbox", "inbox_path", "ingest_to_inbox", "server_marker", "serving_pid"]

BATCH_SUFFIX = ".batch.jsonl"
_FORMAT = 1
log = logging.getLogger("parley.web")
_counter = itertools.count()


def inbox_path(db: str | os.PathLike[str]) -> Path:
    """The inbox folder beside a store file."""
    return Path(f"{os.fspath(db)}.inbox")


def server_marker(db: str | os.PathLike[str]) -> Path:
    """The file a running server writes beside its store (pid, address), removed when it stops."""
    return Path(f"{os.fspath(db)}.serving.json")


def _error_dict(error: ParleyError | None) -> dict[str, Any] | None:
    if error is None:
        return None
    source = getattr(error, "source", None)
    return {"kind": type(error).__name__, "message": getattr(error, "message", None) or str(error),
            "source": None if source is None else str(source),
            "line": getattr(error, "line", None), "step": getattr(error, "step", None),
            "article_id": getattr(error, "article_id", None)}


def _error_from(d: dict[str, Any]) -> ParleyError:
    message, article_id = str(d.get("message") or "error"), d.get("article_id")
    source, line = d.get("source"), d.get("line")
    if d.get("kind") == "ArticleError" and d.get("step"):
        return ArticleError(message.removeprefix(f"{d['step']}: "), article_id=article_id, step=str(d["step"]),
                            source=source, line=line)
    if d.get("kind") == "CodingError":
        return CodingError(message, article_id=article_id, step=str(d.get("step") or "coding"))
    return InputError(message, source=source, line=line, article_id=article_id)


def _article_dict(article: Article | None) -> dict[str, Any] | None:
    if article is None:
        return None
    data = asdict(article)
    data["published"] = article.published.isoformat() if article.published else None
    return data


def _article_from(d: dict[str, Any]) -> Article:
    published = d.get("published")
    return Article(id=str(d["id"]), text=str(d["text"]), title=d.get("title"), url=d.get("url"),
                   publisher=d.get("publisher"),
                   published=dt.date.fromisoformat(published) if published else None)


class Inbox:
    """The inbox of one store: `put` batches (the ingesting process), `merge` them (the server)."""

    def __init__(self, db: str | os.PathLike[str]) -> None:
        self.path = inbox_path(db)

    def put(self, results: Iterable[CodingResult], *, lexicon_version: str | None = None) -> Path:
        """Write one batch atomically (temporary file, flushed to disk, then renamed); returns its path."""
        self.path.mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns():020d}-{os.getpid()}-{next(_counter):06d}{BATCH_SUFFIX}"
        tmp = self.path / f".{uuid.uuid4().hex}.tmp"
        with open(tmp, "w", encoding="utf-8") as fp:
            fp.write(json.dumps({"parley_batch": _FORMAT, "lexicon_version": lexicon_version}) + "\n")
            for result in results:
                fp.write(json.dumps({
                    "article_id": result.article_id, "article": _article_dict(result.article),
                    "events": [e.to_dict() for e in result.events], "error": _error_dict(result.error),
                }, ensure_ascii=False, default=str) + "\n")
            fp.flush()
            os.fsync(fp.fileno())
        os.replace(tmp, self.path / name)
        return self.path / name

    def pending(self) -> list[Path]:
        """The whole batches waiting, oldest first (temporary files are never listed)."""
        if not self.path.is_dir():
            return []
        return sorted(p for p in self.path.iterdir() if p.name.endswith(BATCH_SUFFIX) and not p.name.startswith("."))

    def merge(self, store: Store) -> IngestReport:
        """Merge every waiting batch into `store`, one transaction each, deleting each once committed.

        A batch that cannot be read is moved to `rejected/` and logged; the others go on.
        """
        report = IngestReport()
        for path in self.pending():
            try:
                lexicon_version, results = _read_batch(path)
            except (OSError, ValueError, KeyError, TypeError, ParleyError) as e:
                log.error("inbox batch %s cannot be read (%s); moved to rejected/", path.name, e)
                rejected = self.path / "rejected"
                rejected.mkdir(exist_ok=True)
                os.replace(path, rejected / path.name)
                continue
            report += store.write(results, lexicon_version=lexicon_version)
            path.unlink(missing_ok=True)
        return report


def _read_batch(path: Path) -> tuple[str | None, list[CodingResult]]:
    with open(path, encoding="utf-8") as fp:
        lines = iter(fp)
        header = json.loads(next(lines))
        if not isinstance(header, dict) or header.get("parley_batch") != _FORMAT:
            raise ValueError(f"not a Parley batch of format {_FORMAT}")
        return header.get("lexicon_version"), list(_results(lines))


def _results(lines: Iterator[str]) -> Iterator[CodingResult]:
    for line in lines:
        d = json.loads(line)
        article = _article_from(d["article"]) if d.get("article") else None
        yield CodingResult(article_id=d.get("article_id"), article=article,
                           events=[event_from_dict(e) for e in d.get("events") or ()],
                           error=_error_from(d["error"]) if d.get("error") else None)


def serving_pid(db: str | os.PathLike[str]) -> int | None:
    """The process id of a live `parley serve` that owns `db`, or None."""
    try:
        info = json.loads(server_marker(db).read_text(encoding="utf-8"))
        pid = int(info["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    return pid


def ingest_to_inbox(sources: Any, *, db: str | os.PathLike[str], coder: Any, batch_size: int = 256,
                    n_process: int = 1, published: Any = None,
                    progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Read and code `sources`, handing each batch of results to the server through the store's inbox.

    The server owns the store, so this process cannot see what is stored: every article is coded, and
    the server skips those already stored with the same content when it merges.

    Returns:
        What was handed over: `read`, `coded`, `failed`, `events` (the server's merge counts the rest).
    """
    from parley.store.ingest import _batches, _lexicon_version, read_sources

    inbox = Inbox(db)
    lexicon_version = _lexicon_version(coder)
    report = IngestReport()
    results = coder.code_articles(read_sources(sources, published=published), n_process=n_process)
    for batch in _batches(results, batch_size):
        inbox.put(batch, lexicon_version=lexicon_version)
        failed = sum(1 for r in batch if r.error is not None or r.article is None)
        report += IngestReport(read=len(batch), coded=len(batch) - failed, failed=failed,
                               events=sum(len(r.events) for r in batch if r.error is None))
        if progress is not None:
            progress(report)
    return report
