"""Parley's exception tree. Every error the library raises derives from `ParleyError`.

    ParleyError
    ├── InputError            bad article input (line, article id)
    │   └── ArticleError      one article cannot be coded (article id, step)
    ├── DataFileError         an actors / patterns / ontology file is invalid (path, line, key)
    ├── UnknownProcess        no negotiation process with this id
    ├── ModelNotInstalled     the spaCy model package is missing
    └── StoreError            the event store cannot be opened, read or written (path)
        ├── StoreLocked       another process holds the store's write lock (path, holder)
        └── SchemaError       the store's schema is newer than this Parley, or not a Parley store
"""

from __future__ import annotations


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


class UnknownEventCode(ParleyError, KeyError):
    """A CAMEO code that is not in the ontology; `code` is the code asked for."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"unknown CAMEO event code {code!r}: use a CAMEO 1.1b3 code as a string, e.g. '036'")

    def __str__(self) -> str:
        # KeyError would otherwise show the message wrapped in quotes.
        return str(self.args[0])
