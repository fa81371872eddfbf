"""Ingest on a Dask cluster: the coding runs on the workers, the store's owner merges their shards.

    client: sources -> readers -> shards (stable ids) -> skip shards already merged -> leave out articles
            stored unchanged -> one task per shard ......................... merge each shard in input order
    worker:                         CoderPlugin (one Coder) -> code_shard -> one Parquet file -> counts

Only the client opens the DuckDB file. Each shard is merged in one transaction that also records its id in
`applied_shards`, so a merge is never repeated; shards are merged in input order, so the store ends the same
as after `parley.store.ingest` of the same input, whatever order the workers finish in. A task whose worker
is lost is run again on another (Dask reschedules it; `retries` covers tasks that fail), and a rerun after an
interruption skips the shards already merged and reuses shard files already written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import tempfile
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.errors import BadOption, ClusterError, InputError, MissingExtra
from parley.store.ingest import Source, read_sources
from parley.store.store import DEFAULT_DB, IngestReport, Store, content_hash
from parley.types import Article

__all__ = ["DEFAULT_RETRIES", "DEFAULT_SHARD_SIZE", "ShippedCoder", "dask_ingest", "local_cluster"]

DEFAULT_SHARD_SIZE = 200
DEFAULT_RETRIES = 3
Progress = Callable[[IngestReport], None]


@dataclass(frozen=True)
class ShippedCoder:
    """Builds a `Coder` with the shipped resources and the given extra files (what each worker loads).

    The paths must be readable at the same place on every worker (a shared file system).
    """

    actors: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    def __call__(self) -> Any:
        from parley.coder import Coder

        return Coder(actors=self.actors, patterns=self.patterns)


@dataclass
class _InFlight:
    shard_id: str
    index: int
    errors: list[InputError]
    skipped: int
    future: Any


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as e:
        raise MissingExtra("coding on a Dask cluster", extra="dask", module="distributed") from e
    return distributed


def local_cluster(n_workers: int, **kwargs: Any) -> Any:
    """A Dask LocalCluster on this machine: `n_workers` worker processes of one thread each, every port bound to
    127.0.0.1, no dashboard (the scheduler's health and metrics routes on a free port, never a fixed one).

    Args:
        n_workers: worker processes.
        kwargs: more options of `distributed.LocalCluster` (e.g. `memory_limit`).
    """
    distributed = _import_distributed()
    import dask

    options: dict[str, Any] = {"n_workers": n_workers, "threads_per_worker": 1, "processes": True,
                               "host": "127.0.0.1", "dashboard_address": None,
                               "scheduler_kwargs": {"dashboard_address": "127.0.0.1:0"}}
    with dask.config.set({"distributed.nanny.pre-spawn-environ": worker_environ()}):
        # the nannies read it when they are made (here), and keep it for the workers they restart
        return distributed.LocalCluster(**{**options, **kwargs})


def worker_environ() -> dict[str, Any]:
    """Dask's environment for new worker processes, less `MALLOC_TRIM_THRESHOLD_`.

    Setting that variable at all turns off glibc's adaptive mmap threshold, and the parser's large, short-lived
    arrays are then mapped and unmapped one by one: about 10% more CPU (system time) for some 5% less memory
    (measured here, docs/scale.md). spaCy memory zones keep a worker's memory flat without it.
    """
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environ


@contextlib.contextmanager
def _connected(cluster: Any) -> Iterator[Any]:
    """A Dask client for `cluster`: "local", "local:N", a scheduler address, a scheduler file, or a `Client`."""
    distributed = _import_distributed()
    if isinstance(cluster, distributed.Client):
        yield cluster
        return
    spec = str(cluster)
    if spec == "local" or spec.startswith("local:"):
        count = spec.partition(":")[2]
        if count and not (count.isdigit() and int(count) >= 1):
            raise BadOption(f"the number of local workers must be a whole number from 1, not {count!r} "
                            "(e.g. local:4)", option="cluster", value=spec)
        n_workers = int(count) if count else (os.cpu_count() or 1)
        with local_cluster(n_workers) as local, distributed.Client(local) as client:
            yield client
        return
    try:
        if "://" in spec:
            client = distributed.Client(spec, timeout="30s")
        elif spec.endswith(".json"):
            client = distributed.Client(scheduler_file=spec, timeout="30s")
        else:
            raise BadOption(f"unknown cluster {spec!r}: give local, local:N, a scheduler address "
                            "(tcp://host:8786) or a scheduler file (scheduler.json)", option="cluster", value=spec)
    except (OSError, TimeoutError, ValueError) as e:
        if isinstance(e, BadOption):
            raise
        raise ClusterError(f"cannot reach the Dask scheduler {spec}: {e}; is it running, and is the address "
                           "right?", address=spec) from e
    with client:
        yield client


def _shard_dir(shard_dir: str | os.PathLike[str] | None, store: Store) -> Path:
    if shard_dir is not None:
        return Path(shard_dir).resolve()
    if store.path == ":memory:":
        return Path(tempfile.mkdtemp(prefix="parley-shards-"))
    return Path(f"{store.path}.shards").resolve()


def _remove_shard_files(directory: Path, shard_id: str) -> None:
    """Remove a merged shard's file and what killed tries left (temporary files)."""
    base = glob.escape(str(directory / f"shard-{shard_id}-"))
    hidden = glob.escape(str(directory / f".shard-{shard_id}-"))
    for name in [*glob.glob(base + "*.parquet"), *glob.glob(hidden + "*.tmp")]:
        with contextlib.suppress(OSError):
            os.unlink(name)


def dask_ingest(sources: Iterable[Source] | str | os.PathLike[str], *, db: str | os.PathLike[str] | Store = DEFAULT_DB,
                cluster: Any = "local", shard_size: int = DEFAULT_SHARD_SIZE,
                shard_dir: str | os.PathLike[str] | None = None, actors: Sequence[str | os.PathLike[str]] = (),
                patterns: Sequence[str | os.PathLike[str]] = (), coder_factory: Callable[[], Any] | None = None,
                published: dt.date | str | None = None, retries: int = DEFAULT_RETRIES, keep_shards: bool = False,
                progress: Progress | None = None) -> IngestReport:
    """Read articles here, code them on a Dask cluster, and merge the results into the store; safe to run again.

    The store ends as after `parley.store.ingest` of the same input: articles already stored with the same
    content are skipped before coding, later tellings of an id replace earlier ones, and unreadable records
    go to the errors table.

    Args:
        sources: paths and/or `Article` records, as for `parley.store.ingest`.
        db: the store's path, or an open `Store`; only this process opens it.
        cluster: "local" (a LocalCluster with one single-threaded worker process per core), "local:N" (N
            workers), a scheduler address ("tcp://host:8786"), a scheduler file ("scheduler.json", as
            dask-jobqueue and `dask scheduler --scheduler-file` write), or a `distributed.Client`.
        shard_size: records per shard (one task, one file, one transaction each).
        shard_dir: where workers write shard files; it must be the same folder for the workers and this
            process (a shared file system on a cluster). Default: next to the store (`FILE.shards`).
        actors: extra actor files the workers load (the same path on every worker).
        patterns: extra lexicon pattern files the workers load.
        coder_factory: a picklable callable building each worker's coder (default: `ShippedCoder` of
            `actors` and `patterns`).
        published: the date of plain text articles that carry none.
        retries: times a task that raised is tried again (a task whose worker died is rescheduled by Dask
            up to its `allowed-failures` setting).
        keep_shards: keep shard files after merging them.
        progress: called with the running totals after each shard is merged.

    Returns:
        The counts (see `IngestReport`); a shard merged by an earlier run counts as read and unchanged.

    Raises:
        BadOption: `shard_size` below 1, `retries` below 0, or an unknown `cluster`.
        MissingExtra: `distributed` is not installed.
        ClusterError: the scheduler cannot be reached, or a shard failed on every try.
        StoreLocked: another process is writing the store.
        StoreError, SchemaError: the store cannot be opened or written.
    """
    if shard_size < 1:
        raise BadOption(f"shard_size must be at least 1, not {shard_size}", option="shard_size", value=shard_size)
    if retries < 0:
        raise BadOption(f"retries must be 0 or more, not {retries}", option="retries", value=retries)
    _import_distributed()
    factory = coder_factory or ShippedCoder(tuple(os.path.abspath(p) for p in actors),
                                            tuple(os.path.abspath(p) for p in patterns))
    store = db if isinstance(db, Store) else Store.open(db)
    try:
        directory = _shard_dir(shard_dir, store)
        with _connected(cluster) as client:
            from parley.scale.worker import PLUGIN_NAME, CoderPlugin

            client.register_plugin(CoderPlugin(factory), name=PLUGIN_NAME)
            run = _Run(client, store, directory, retries=retries, keep_shards=keep_shards, progress=progress)
            return run.ingest(read_sources(sources, published=published), shard_size=shard_size)
    finally:
        if store is not db:
            store.close()


class _Run:
    """One distributed ingest: submits shards, keeps a bounded window of them in flight, merges them in order."""

    def __init__(self, client: Any, store: Store, directory: Path, *, retries: int, keep_shards: bool,
                 progress: Progress | None) -> None:
        self.client = client
        self.store = store
        self.directory = directory
        self.retries = retries
        self.keep_shards = keep_shards
        self.progress = progress
        self.report = IngestReport()
        self.pending: dict[str, str] = {}   # id -> content hash: submitted, not yet merged
        self.run_id = uuid.uuid4().hex[:8]

    def ingest(self, records: Iterable[Article | InputError], *, shard_size: int) -> IngestReport:
        from parley.scale.shards import plan_shards

        # enough shards in flight to keep every worker busy while the oldest is merged: merging goes in input
        # order, so a slow shard at the head of the window must not leave the other workers without work
        limit = max(8, 4 * sum(self.client.nthreads().values()))
        window: deque[_InFlight] = deque()
        try:
            for shard in plan_shards(records, size=shard_size):
                if self.store.applied_shards([shard.shard_id]):
                    n = len(shard.records)
                    self._advance(IngestReport(read=n, skipped_unchanged=n))
                    continue
                window.append(self._submit(shard.shard_id, shard.index, shard.records))
                while len(window) >= limit:
                    self._merge(window.popleft())
            while window:
                self._merge(window.popleft())
        finally:
            futures = [item.future for item in window if item.future is not None]
            if futures:
                self.client.cancel(futures)
        return self.report

    def _submit(self, shard_id: str, index: int, records: Sequence[Article | InputError]) -> _InFlight:
        """Send the shard's articles that need coding to the cluster (none: nothing is sent)."""
        from parley.scale.shards import inputs_digest
        from parley.scale.worker import ShardTask, code_shard

        articles = [r for r in records if isinstance(r, Article)]
        errors = [r for r in records if not isinstance(r, Article)]
        stored = self.store.stored_hashes(a.id for a in articles)
        to_code: list[Article] = []
        for article in articles:
            digest = content_hash(article)
            # what the store will hold once the shards in flight are merged: a later telling of an id wins
            if self.pending.get(article.id, stored.get(article.id)) == digest:
                continue
            self.pending[article.id] = digest
            to_code.append(article)
        future = None
        if to_code:
            task = ShardTask(shard_id, tuple(to_code), str(self.directory), inputs_digest(to_code))
            future = self.client.submit(code_shard, task, key=f"parley-shard-{index}-{shard_id}-{self.run_id}",
                                        retries=self.retries, pure=False)
        return _InFlight(shard_id, index, errors, len(articles) - len(to_code), future)

    def _merge(self, item: _InFlight) -> None:
        """Write one shard into the store in one transaction, with its id in `applied_shards`."""
        from parley.coder import CodingResult
        from parley.scale.shards import read_shard

        results: list[Any] = [CodingResult(article_id=e.article_id, article=None, error=e) for e in item.errors]
        lexicon_version = None
        if item.future is not None:
            try:
                done = item.future.result()
            except Exception as e:  # noqa: BLE001 - whatever failed on the worker, it ends the run here
                raise ClusterError(
                    f"shard {item.index} ({item.shard_id}) failed on every try: {type(e).__name__}: {e}; the "
                    "shards before it are stored, run the ingest again to go on", shard_id=item.shard_id) from e
            coded, lexicon_version = read_shard(done.path)
            results.extend(coded)
        written = self.store.write(results, lexicon_version=lexicon_version, shard_id=item.shard_id)
        for result in results:
            article = result.article
            if article is not None and self.pending.get(article.id) == content_hash(article):
                del self.pending[article.id]
        if not self.keep_shards:
            _remove_shard_files(self.directory, item.shard_id)
        self._advance(written + IngestReport(read=item.skipped, skipped_unchanged=item.skipped))

    def _advance(self, report: IngestReport) -> None:
        self.report += report
        if self.progress is not None:
            self.progress(self.report)
