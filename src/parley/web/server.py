"""The server's state: the store it owns, a read view per request, the inbox merger, the cached boards.

The server holds the DuckDB file open for writing (one writer per file). Every request reads through
its own cursor, so readers see committed transactions only: a batch being merged is seen whole or not
at all. Writes (inbox merges, `POST /api/v1/articles`) take one lock and one transaction each.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from collections.abc import Callable, Hashable, Iterator
from typing import Any, TypeVar

from parley.errors import ParleyError
from parley.store import IngestReport, Store
from parley.web.inbox import Inbox, server_marker

__all__ = ["DEFAULT_SERVE_MEMORY", "Server"]

#: DuckDB's memory limit for a served store: readers and the merger share it, and the joins of a
#: filtered page over a million events need more than a one-off command (parley.store's 256MB).
DEFAULT_SERVE_MEMORY = "2GB"

log = logging.getLogger("parley.web")
T = TypeVar("T")
_CACHE_SIZE = 512


class Server:
    """One served store: opened for writing, read per request, fed by its inbox."""

    def __init__(self, db: str | os.PathLike[str], *, merge_interval: float = 1.0,
                 memory_limit: str | None = DEFAULT_SERVE_MEMORY) -> None:
        self.db = os.fspath(db)
        self.memory_limit = memory_limit
        self.store = Store.open(self.db, memory_limit=memory_limit)
        self._closed = False
        self.inbox = Inbox(self.db)
        self.merge_interval = merge_interval
        self.write_lock = threading.Lock()
        self.version = 0  # bumped after every write: keys the caches below
        self._boards: tuple[int, list[Any]] | None = None
        self._boards_lock = threading.Lock()
        self._cache: dict[Hashable, Any] = {}
        self._cache_version = 0
        self._cache_lock = threading.Lock()
        self._coder: Any = None
        self._coder_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.merged = IngestReport()
        self.last_merge_error: str | None = None

    # ---- reading
    @contextlib.contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only view of the store on its own cursor and transaction (safe beside other requests and
        the merger: it sees the store as it was when the view opened)."""
        cursor = self.store.con.cursor()
        try:
            # One transaction per request: every query of a page sees the same snapshot, so a batch
            # committed between two of them cannot show half in one view.
            cursor.execute("BEGIN TRANSACTION")
            yield Store(cursor, self.db, read_only=True)
        finally:
            try:
                cursor.execute("ROLLBACK")
            finally:
                cursor.close()

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` once per store version and key (e.g. the total of a filter, for every page of it).

        A value is kept only when no write ran while it was computed (none held the write lock at the
        start or the end, and the version did not move), so it is what the store held at that version.
        """
        version = self.version
        writing = self.write_lock.locked()
        with self._cache_lock:
            if self._cache_version == version and key in self._cache:
                value: T = self._cache[key]
                return value
        value = compute()
        if not writing and not self.write_lock.locked() and self.version == version:
            with self._cache_lock:
                if self._cache_version != version:
                    self._cache, self._cache_version = {}, version
                if len(self._cache) >= _CACHE_SIZE:
                    self._cache.clear()
                self._cache[key] = value
        return value

    def boards(self) -> list[Any]:
        """The negotiation boards of the store, tracked once per store version."""
        from parley.negotiation import track

        with self._boards_lock:
            if self._boards is None or self._boards[0] != self.version:
                version = self.version
                with self.reader() as store:
                    self._boards = (version, track(store))
            return self._boards[1]

    # ---- writing
    def coder(self) -> Any:
        """The coder (the spaCy model and Parley's data), loaded on first use."""
        with self._coder_lock:
            if self._coder is None:
                from parley.coder import Coder

                self._coder = Coder()
            return self._coder

    def code(self, text: str, *, published: Any = None) -> list[Any]:
        """Code one text (under the coder's lock: one parse at a time)."""
        coder = self.coder()
        with self._coder_lock:
            return list(coder.code(text, published=published))

    def ingest(self, articles: list[Any]) -> IngestReport:
        """Code articles and write them in one transaction."""
        from parley.store.ingest import _lexicon_version

        coder = self.coder()
        with self._coder_lock:
            results = list(coder.code_articles(articles))
        with self.write_lock:
            report = self.store.write(results, lexicon_version=_lexicon_version(coder))
            self.version += 1
        return report

    def merge_inbox(self) -> IngestReport:
        """Merge the batches waiting in the inbox now (one transaction each)."""
        with self.write_lock:
            if not self.inbox.pending():
                return IngestReport()
            try:
                report = self.inbox.merge(self.store)
            finally:
                self.version += 1
            self.merged += report
            return report

    def _merge_loop(self) -> None:
        while not self._stop.wait(self.merge_interval):
            try:
                self.merge_inbox()
                self.last_merge_error = None
            except ParleyError as e:  # a store error: keep serving, report it, try again later
                self.last_merge_error = str(e)
                log.error("merging the inbox failed: %s", e)

    # ---- life
    def start(self, *, host: str = "127.0.0.1", port: int | None = None) -> None:
        """Announce the server beside its store and start merging the inbox (reopening the store if a
        previous `stop` closed it: an ASGI host may run the app's lifespan more than once)."""
        if self._closed:
            self.store = Store.open(self.db, memory_limit=self.memory_limit)
            self._closed = False
        self._stop.clear()
        server_marker(self.db).write_text(json.dumps({"pid": os.getpid(), "host": host, "port": port}),
                                          encoding="utf-8")
        self.inbox.path.mkdir(parents=True, exist_ok=True)
        self._thread = threading.Thread(target=self._merge_loop, name="parley-inbox", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop merging, merge what is left, remove the marker and close the store."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        try:
            self.merge_inbox()
        finally:
            server_marker(self.db).unlink(missing_ok=True)
            self.store.close()
            self._closed = True
