"""What runs on a Dask worker: the coder, loaded once per worker process, and the task that codes one shard.

    worker start -> CoderPlugin.setup: factory() -> one Coder per worker
    code_shard(task) -> coder.code_articles(articles) -> one Parquet file (temp + rename) -> counts only

Importing this module needs `distributed` (the `dask` extra).
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from distributed import WorkerPlugin, get_worker

from parley.scale.shards import shard_done, shard_path, write_shard
from parley.types import Article

__all__ = ["PLUGIN_NAME", "CoderPlugin", "ShardCoded", "ShardTask", "code_shard"]

PLUGIN_NAME = "parley-coder"


class CoderPlugin(WorkerPlugin):
    """Builds the worker's coder when the worker starts (and again on a worker that replaces a lost one).

    Args:
        factory: a picklable callable returning a coder (an object with `code_articles`).
    """

    def __init__(self, factory: Callable[[], Any]) -> None:
        self.factory = factory
        self.coder: Any = None

    def setup(self, worker: Any) -> None:
        self.coder = self.factory()

    def teardown(self, worker: Any) -> None:
        self.coder = None


@dataclass(frozen=True)
class ShardTask:
    """One task: the articles of a shard that need coding, and where its results go."""

    shard_id: str
    articles: tuple[Article, ...]
    directory: str
    inputs: str


@dataclass(frozen=True)
class ShardCoded:
    """What a task returns: counts and where the file is, never the events themselves."""

    shard_id: str
    path: str
    articles: int
    reused: bool


def _lexicon_version(coder: Any) -> str | None:
    version = getattr(getattr(getattr(coder, "resources", None), "lexicon", None), "version", None)
    return None if version is None else str(version)


def code_shard(task: ShardTask) -> ShardCoded:
    """Code a shard's articles with the worker's coder and write them as one Parquet file.

    A file already holding the results of the same articles (a task that finished before its worker or
    the client was lost) is kept, not coded again.
    """
    path = shard_path(task.directory, task.shard_id, task.inputs)
    if shard_done(path, inputs=task.inputs):
        return ShardCoded(task.shard_id, str(path), len(task.articles), reused=True)
    plugin: Any = get_worker().plugins[PLUGIN_NAME]
    coder = plugin.coder
    results = list(coder.code_articles(task.articles))
    write_shard(task.directory, task.shard_id, results, inputs=task.inputs, lexicon_version=_lexicon_version(coder))
    n = len(results)
    del results
    _trim_memory()
    return ShardCoded(task.shard_id, str(path), n, reused=False)


_TRIM_MARGIN = 64 * 2**20   # bytes a worker may grow past its size after the last trim before trimming again
_trimmed_at: list[int] = [0]


def _trim_memory() -> None:
    """Hand the memory shards freed back to the system (glibc's malloc_trim) once the worker has grown
    `_TRIM_MARGIN` past its size after the last trim: its resident size then stays flat without
    `MALLOC_TRIM_THRESHOLD_`, which costs CPU on every allocation, and without trimming after every shard,
    which costs the page faults of memory handed back and taken again (about 4% of a worker's CPU here)."""
    resident = _resident_bytes()
    if resident is not None and _trimmed_at[0] and resident < _trimmed_at[0] + _TRIM_MARGIN:
        return
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):   # not glibc: its allocator decides
        return
    _trimmed_at[0] = _resident_bytes() or 0


def _resident_bytes() -> int | None:
    """This process's resident size, from /proc (None where there is none)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None
