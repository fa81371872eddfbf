"""Parley's exception tree. Every error the library raises derives from `ParleyError`.

    ParleyError
    ├── InputError            bad article input (line, article id)
    │   └── ArticleError      one article cannot be coded (article id, step)
    ├── DataFileError         an actors / patterns / ontology file is invalid (path, line, key)
    └── ModelNotInstalled     the spaCy model package is missing
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
