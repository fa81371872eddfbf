"""Read, code and store collections in batches: `ingest` and `recode`.

    sources -> readers -> (skip articles stored unchanged) -> Coder.code_articles -> Store.write per batch

Each batch is one transaction, so a run killed at any moment loses at most the batch in flight, and
running it again skips every article already stored with the same content before parsing it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from parley.errors import BadOption, InputError
from parley.store.store import DEFAULT_DB, IngestReport, Store, content_hash
from parley.types import Article

__all__ = ["DEFAULT_BATCH_SIZE", "ingest", "read_sources", "recode"]

DEFAULT_BATCH_SIZE = 200
Progress = Callable[[IngestReport], None]
Source = str | os.PathLike[str] | Article | InputError


def read_sources(sources: Iterable[Source] | str | os.PathLike[str], *,
                 published: dt.date | str | None = None) -> Iterator[Article | InputError]:
    """Articles from a mix of paths (each read by `parley.readers.iter_articles`, by its form) and ready
    `Article`s / `InputError`s.

    Raises:
        InputError: `published` is not a valid date.
    """
    from parley.readers import iter_articles

    if isinstance(sources, str | os.PathLike):
        sources = [sources]
    for item in sources:
        if isinstance(item, Article | InputError):
            yield item
        else:
            yield from iter_articles([item], published=published)


def _lexicon_version(coder: Any) -> str | None:
    resources = getattr(coder, "resources", None)
    lexicon = getattr(resources, "lexicon", None)
    version = getattr(lexicon, "version", None)
    return str(version) if version is not None else None


def _default_coder() -> Any:
    from parley.coder import Coder

    return Coder()


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(sources: Iterable[Source] | str | os.PathLike[str], *, db: str | os.PathLike[str] | Store = DEFAULT_DB,
           coder: Any = None, batch_size: int = DEFAULT_BATCH_SIZE, n_process: int = 1,
           published: dt.date | str | None = None, progress: Progress | None = None) -> IngestReport:
    """Read, code and store articles, one transaction per batch; safe to run again.

    An article already stored with the same content is skipped before parsing; one stored with other
    content is re-coded and replaces its events. Records that cannot be read or coded go to the
    errors table and the rest goes on.

    Args:
        sources: paths (JSON Lines, text files, folders, or whatever `parley.readers` reads) and/or
            `Article` records.
        db: the store's path, or an open `Store`.
        coder: a `Coder`; one with the shipped resources by default.
        batch_size: results written per transaction.
        n_process: worker processes for parsing.
        published: the date of plain text articles that carry none.
        progress: called with the running totals after each batch.

    Returns:
        The counts (see `IngestReport`).

    Raises:
        BadOption: `batch_size` is below 1.
        StoreLocked: another process is writing the store.
        StoreError, SchemaError: the store cannot be opened or written.
    """
    if batch_size < 1:
        raise BadOption(f"batch_size must be at least 1, not {batch_size}", option="batch_size", value=batch_size)
    store = db if isinstance(db, Store) else Store.open(db)
    try:
        coder = coder if coder is not None else _default_coder()
        lexicon_version = _lexicon_version(coder)
        skipped = [0]
        pending: dict[str, str] = {}  # id -> content hash: handed to the coder, not yet written
        written: dict[str, str] = {}  # id -> content hash written since the current chunk's hashes were read

        def to_code() -> Iterator[Article | InputError]:
            for chunk in _batches(read_sources(sources, published=published), batch_size):
                articles = [a for a in chunk if isinstance(a, Article)]
                written.clear()
                stored = store.stored_hashes(a.id for a in articles)
                for item in chunk:
                    if isinstance(item, Article):
                        digest = content_hash(item)
                        # what the store will hold once the tellings already queued are written: a later
                        # telling of an id in the same run always wins, so a re-run ends the same (a batch
                        # written while this chunk is handed out makes `stored` stale: `written` has it)
                        if pending.get(item.id, written.get(item.id, stored.get(item.id))) == digest:
                            skipped[0] += 1
                            continue
                        pending[item.id] = digest
                    yield item

        report = IngestReport()
        results = coder.code_articles(to_code(), n_process=n_process)
        for batch in _batches(results, batch_size):
            report += store.write(batch, lexicon_version=lexicon_version)
            for result in batch:
                if result.article is not None and pending.get(result.article.id) == content_hash(result.article):
                    written[result.article.id] = pending.pop(result.article.id)
            if progress is not None:
                progress(_with_skipped(report, skipped[0]))
        return _with_skipped(report, skipped[0])
    finally:
        if store is not db:
            store.close()


def _with_skipped(report: IngestReport, skipped: int) -> IngestReport:
    return report + IngestReport(read=skipped, skipped_unchanged=skipped)


def recode(*, db: str | os.PathLike[str] | Store = DEFAULT_DB, coder: Any = None,
           batch_size: int = DEFAULT_BATCH_SIZE, n_process: int = 1,
           progress: Progress | None = None) -> IngestReport:
    """Re-code every stored article with `coder` (current lexicon and actors), replacing its events.

    Articles stream from the store in batches; each batch of results is written in one transaction,
    and clusters follow the new events.

    Args:
        db: the store's path, or an open `Store`.
        coder: a `Coder`; one with the shipped resources by default.
        batch_size: results written per transaction.
        n_process: worker processes for parsing.
        progress: called with the running totals after each batch.

    Returns:
        The counts: `coded`/`failed` per article, all of them `replaced`.

    Raises:
        BadOption: `batch_size` is below 1.
        StoreError: the store cannot be opened or written.
    """
    if batch_size < 1:
        raise BadOption(f"batch_size must be at least 1, not {batch_size}", option="batch_size", value=batch_size)
    store = db if isinstance(db, Store) else Store.open(db)
    try:
        coder = coder if coder is not None else _default_coder()
        lexicon_version = _lexicon_version(coder)
        report = IngestReport()
        results = coder.code_articles(store.iter_articles(batch_size=batch_size), n_process=n_process)
        for batch in _batches(results, batch_size):
            report += store.write(batch, force=True, lexicon_version=lexicon_version)
            if progress is not None:
                progress(report)
        return report
    finally:
        if store is not db:
            store.close()
