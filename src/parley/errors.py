"""Parley's exception tree. Every error the library raises derives from `ParleyError`.

    ParleyError
    ├── InputError            bad article input (line, article id)
    │   └── ArticleError      one article cannot be coded (article id, step)
    ├── CodingError           coding one article failed inside Parley: a bug (article id, step)
    ├── BadOption             an option of a public function has an impossible value (option, value); a ValueError
    │   ├── BadFilter         an event filter has an impossible value (cameo "abc", quad 5)
    │   │   └── UnknownFilter no event filter has this name; also a TypeError
    │   └── UnknownFormat     no reader or writer has this format name (kind, known)
    ├── FetchError            a page or feed could not be fetched (url)
    ├── UnknownEventCode      a CAMEO code the ontology does not have (code); also a KeyError
    ├── MissingExtra          an optional part is not installed (extra): says what to pip install
    ├── DataFileError         an actors / patterns / ontology file is invalid (path, line, key)
    ├── UnknownProcess        no negotiation process with this id
    ├── ModelNotInstalled     the spaCy model package is missing
    ├── ClusterError          a Dask cluster cannot be reached, or a shard failed on it (address, shard id)
    └── StoreError            the event store cannot be opened, read or written (path)
        ├── StoreLocked       another process holds the store's write lock (path, holder)
        └── SchemaError       the store's schema is newer than this Parley, or not a Parley store

Bad input is a `ParleyError`; a bug in Parley is not dressed up as one (it stays a `TypeError`,
`KeyError`, ...), except that a batch goes on past an article whose coding failed: that article's
result carries a `CodingError` with the bug chained as its cause, never an `InputError`. Foreign
errors are mapped where they enter: `raise StoreError(...) from e`.
`BadOption` and its subclasses are also `ValueError`s (`UnknownFilter` also a `TypeError`), so code
written against the built-in exceptions keeps working.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any


class ParleyError(Exception):
    """Root of all Parley errors."""


class InputError(ParleyError):
    """Input that cannot be read: names the source and line or article."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 article_id: str | None = None) -> None:
        self.source = source
        self.line = line
        self.article_id = article_id
        where = []
        if source:
            where.append(str(source))
        if line is not None:
            where.append(f"line {line}")
        if article_id is not None:
            where.append(f"article {article_id!r}")
        self.message = message
        super().__init__(f"{': '.join([', '.join(where), message]) if where else message}")


class ArticleError(InputError):
    """One article could not be coded; the batch goes on without it."""

    def __init__(self, message: str, *, article_id: str | None, step: str,
                 source: str | None = None, line: int | None = None) -> None:
        self.step = step
        super().__init__(f"{step}: {message}", source=source, line=line, article_id=article_id)


class DataFileError(ParleyError):
    """A data file (actors, patterns, ontology) is invalid. `problems` lists every issue found."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = list(problems)
        head = f"{self.path}: {len(self.problems)} problem(s)"
        super().__init__(head + "\n  " + "\n  ".join(self.problems))


class ModelNotInstalled(ParleyError):
    """The pinned spaCy model is not installed."""


class StoreError(ParleyError):
    """The event store cannot be opened, read or written. `path` names the database file."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class StoreLocked(StoreError):
    """Another process holds the store's write lock; `holder` describes it when DuckDB says (program, PID)."""

    def __init__(self, path: str, *, holder: str | None = None) -> None:
        self.holder = holder
        who = f" by {holder}" if holder else " by another process"
        super().__init__(
            f"the store is locked{who}; wait for that process to finish (or stop it) and run again, "
            "or use another --db file",
            path=path,
        )


class SchemaError(StoreError):
    """The store's schema cannot be used: written by a newer Parley, or not a Parley store."""

    def __init__(self, message: str, *, path: str | None = None, found: int | None = None,
                 supported: int | None = None) -> None:
        self.found = found
        self.supported = supported
        super().__init__(message, path=path)


class UnknownProcess(ParleyError):
    """No negotiation process has this id (or id prefix) in the store."""

    def __init__(self, process_id: str, *, candidates: tuple[str, ...] | list[str] = ()) -> None:
        self.process_id = process_id
        self.candidates = tuple(candidates)
        if candidates:
            hint = f"it matches {len(candidates)} processes ({', '.join(candidates[:5])}); give more of the id"
        else:
            hint = "`parley negotiations` lists the processes of this store"
        super().__init__(f"no negotiation process {process_id!r}: {hint}")


class BadOption(ParleyError, ValueError):
    """An option of a public function has a value it cannot take. `option` names it, `value` is what was given."""

    def __init__(self, message: str, *, option: str, value: Any = None) -> None:
        self.option = option
        self.value = value
        self.message = message
        super().__init__(message)


class BadFilter(BadOption):
    """An event filter (`parley.store.EventFilter`) has an impossible value: cameo "abc", quad 5, a bad date."""


class UnknownFilter(BadFilter, TypeError):
    """No event filter has this name; `known` lists those that exist."""

    def __init__(self, names: Iterable[str], *, known: Iterable[str]) -> None:
        self.names = tuple(sorted(names))
        self.known = tuple(known)
        super().__init__(
            f"unknown filter(s) {', '.join(self.names)}; the filters are {', '.join(self.known)}",
            option=self.names[0] if self.names else "",
            value=None,
        )


class UnknownFormat(BadOption):
    """No reader or writer is registered under this format name.

    `kind` says which registry was asked ("input format", "output format", "export format", ...);
    `known` lists the names it has.
    """

    def __init__(self, name: str, *, kind: str, known: Iterable[str], option: str = "format") -> None:
        self.format = name
        self.kind = kind
        self.known = tuple(known)
        super().__init__(f"unknown {kind} {name!r}; the {kind}s are {', '.join(self.known)}", option=option,
                         value=name)


class FetchError(ParleyError):
    """A page or feed could not be fetched; the message says why (status, timeout, connection). `url` names it."""

    def __init__(self, message: str, *, url: str | None = None) -> None:
        self.url = url
        self.message = message
        super().__init__(message)


class CodingError(ParleyError):
    """Coding one article failed inside Parley: a bug, not bad input. The batch goes on without the
    article; the original exception is chained (`__cause__`) and logged with its traceback."""

    def __init__(self, message: str, *, article_id: str | None, step: str) -> None:
        self.article_id = article_id
        self.step = step
        self.message = message
        where = f"article {article_id!r}: " if article_id is not None else ""
        super().__init__(f"{where}{step}: {message} (a bug in Parley: please report it)")


class UnknownEventCode(ParleyError, KeyError):
    """A CAMEO code that is not in the ontology; `code` is the code asked for."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"unknown CAMEO event code {code!r}: use a CAMEO 1.1b3 code as a string, e.g. '036'")

    def __str__(self) -> str:
        # KeyError would otherwise show the message wrapped in quotes.
        return str(self.args[0])


class ClusterError(ParleyError):
    """Coding on a Dask cluster failed: the scheduler cannot be reached (`address`), or a shard failed on every
    try (`shard_id`). Shards merged before it stay in the store; running the ingest again goes on from there."""

    def __init__(self, message: str, *, address: str | None = None, shard_id: str | None = None) -> None:
        self.address = address
        self.shard_id = shard_id
        self.message = message
        super().__init__(message)


class MissingExtra(ParleyError):
    """An optional part of Parley is used but its libraries are not installed; `extra` names the extra."""

    def __init__(self, what: str, *, extra: str, module: str) -> None:
        self.extra = extra
        self.module = module
        super().__init__(f"{what} needs the {module!r} library, which is not installed: "
                         f"run `pip install 'parley[{extra}]'`")


# Ctrl-C seen during a multi-process coding run (noted by the coder's handler, which then ends its workers):
# an error a library raises on the way out (DuckDB's answer to a write cut short) is that interrupt, not a
# fault of the store.
_interrupt = threading.Event()


def note_interrupt() -> None:
    """Record that the user interrupted the run (Ctrl-C)."""
    _interrupt.set()


def interrupt_seen() -> bool:
    """Whether the user interrupted the run in this process."""
    return _interrupt.is_set()
