"""Compiled resources kept between runs: the shipped lexicon and gazetteer, built from their data files once.

Building them from YAML and TSV text takes most of a second at every start; unpickling a compiled copy takes
a small part of that. A copy is keyed by a hash of every file of the installed package (data files and
code), the Python version and the pickle protocol, so a changed data file, a changed Parley or another
Python never sees an old copy. A copy that cannot be read (cut short, corrupt, of another shape) is
ignored and rebuilt; a cache folder that cannot be written only costs the speed-up.

The folder is `$PARLEY_CACHE_DIR` when set (an empty value turns the cache off), else
`$XDG_CACHE_HOME/parley`, else `~/.cache/parley`. It holds pickles: like any cache of compiled code, it
must be writable by its user only (it is created so).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "cached", "package_hash"]

_log = logging.getLogger(__name__)
T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off (`PARLEY_CACHE_DIR=`)."""
    configured = os.environ.get("PARLEY_CACHE_DIR")
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "parley"


@functools.cache
def package_hash() -> str:
    """Hash of every file of the installed package (code and data), with the Python version and pickle protocol."""
    h = hashlib.sha256(f"{sys.version_info[:2]} {pickle.HIGHEST_PROTOCOL}".encode())
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(_PACKAGE)).encode("utf-8"))
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:24]


def cached(name: str, build: Callable[[], T], kind: type[T]) -> T:
    """`build()`'s result, from the cache when a copy for this package exists, else built and stored.

    Args:
        name: what is cached ("lexicon"); names the file.
        build: builds it from the data files.
        kind: its type; a cached copy of another type is ignored.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{package_hash()}.pickle"
    try:
        with path.open("rb") as f:
            value = pickle.load(f)
        if isinstance(value, kind):
            return value
        _log.warning("ignoring cached %s %s: it holds a %s", name, path, type(value).__name__)
    except FileNotFoundError:
        pass
    except Exception as e:  # noqa: BLE001 - any damaged copy is rebuilt, whatever unpickling raised
        _log.warning("ignoring damaged cached %s %s (%s: %s); rebuilding it", name, path, type(e).__name__, e)
    value = build()
    _store(folder, path, value)
    return value


def _store(folder: Path, path: Path, value: object) -> None:
    """Write a copy atomically (temporary file, then rename); on failure leave no file and go on."""
    temporary = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        for old in folder.glob(f"{path.name.rsplit('-', 1)[0]}-*.pickle"):
            if old != path:   # copies for another version of the package are never read again
                with contextlib.suppress(OSError):
                    old.unlink()
    except OSError as e:
        _log.info("cannot write the resource cache %s: %s", folder, e)
    except (pickle.PicklingError, TypeError, AttributeError) as e:   # a resource that cannot be pickled
        _log.warning("cannot cache %s (%s: %s); it is built at every start", path.name, type(e).__name__, e)
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
