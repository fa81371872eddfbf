"""JSON Lines files and standard input."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from parley.errors import InputError, UnknownFormat
from parley.readers._common import parse_published, published_option, stream_source, text_article
from parley.types import Article

_OPTIONAL_FIELDS = ("title", "url", "publisher")

STDIN_FORMATS = ("auto", "jsonl", "text")
"""The formats `read_stdin` tells apart by itself."""


def read_jsonl(
    path_or_file: str | os.PathLike[str] | IO[bytes] | IO[str], *, source_name: str | None = None
) -> Iterator[Article | InputError]:
    """Yield one `Article` per JSON Lines record, or an `InputError` for each bad record.

    A record is an object `{"id", "text", "title"?, "published"?, "url"?, "publisher"?}`; other
    fields are ignored. Blank lines are skipped. A repeated id is an error for the later record.

    Args:
        path_or_file: a path, or an open file (binary or text) read line by line.
        source_name: how errors name the source; defaults to the path or the file's name.

    A file that cannot be opened yields a single `InputError`.
    """
    yield from stream_source(path_or_file, source_name, _records, text=True)


def read_stdin(
    stream: IO[bytes] | None = None,
    *,
    format: str = "auto",
    published: dt.date | str | None = None,
    article_id: str = "stdin",
) -> Iterator[Article | InputError]:
    """Read articles from standard input: JSON Lines, or one plain text article.

    Args:
        stream: a binary stream; defaults to `sys.stdin.buffer`.
        format: "jsonl", "text", or "auto" (JSON Lines when the first non-blank character is "{").
        published: the date of a plain text article (ignored for JSON Lines).
        article_id: the id of a plain text article.

    Raises:
        UnknownFormat: `format` is not one of the three names.
        InputError: `published` is not a valid date.
    """
    if format not in STDIN_FORMATS:
        raise UnknownFormat(format, kind="stdin format", known=STDIN_FORMATS)
    date = published_option(published)
    if stream is None:
        stream = sys.stdin.buffer
    head: list[bytes | str] = []
    if format == "auto":
        # Look at lines until the first non-blank one decides; keep them to replay.
        format = "text"
        for line in stream:
            head.append(line)
            stripped = line.strip()
            if stripped:
                first = stripped[:1]
                format = "jsonl" if first in (b"{", "{") else "text"
                break
    lines = itertools.chain(head, stream)
    if format == "jsonl":
        yield from _records(lines, "<stdin>")
        return
    chunks = [c.encode("utf-8") if isinstance(c, str) else c for c in lines]
    yield text_article(b"".join(chunks), article_id=article_id, source="<stdin>", published=date)


def _records(lines: Iterable[bytes | str], source: str) -> Iterator[Article | InputError]:
    seen: set[str] = set()
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield InputError(f"not UTF-8 (byte offset {e.start} in the line)", source=source, line=number)
                continue
        else:
            line = raw
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        item = _record(line, source=source, line=number)
        if isinstance(item, Article):
            if item.id in seen:
                item = InputError(
                    "duplicate id (an earlier line has it)", source=source, line=number, article_id=item.id
                )
            else:
                seen.add(item.id)
        yield item


def _parse(text_line: str) -> tuple[Any, str | None]:
    """The JSON value of a line and None, or None and why it cannot be read: a hostile line (an integer
    past Python's digit limit, brackets nested 100,000 deep) is that line's error, like a typo."""
    try:
        return json.loads(text_line), None
    except json.JSONDecodeError as e:
        return None, f"malformed JSON: {e.msg} (column {e.colno})"
    except ValueError as e:
        return None, f"unreadable JSON: {e}"
    except RecursionError:
        return None, "unreadable JSON: nested too deeply"


def _record(text_line: str, *, source: str, line: int) -> Article | InputError:
    def error(message: str, article_id: str | None = None) -> InputError:
        return InputError(message, source=source, line=line, article_id=article_id)

    obj, problem = _parse(text_line)
    if problem is not None:
        return error(problem)
    if not isinstance(obj, dict):
        return error(f"expected a JSON object, found {type(obj).__name__}")

    raw_id = obj.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        if raw_id is None:
            return error("missing 'id'")
        return error(f"'id' must be a string or an integer, not {type(raw_id).__name__}")
    article_id = str(raw_id)
    if not article_id.strip():
        return error("empty 'id'")

    text = obj.get("text")
    if text is None:
        return error("missing 'text'", article_id)
    if not isinstance(text, str):
        return error(f"'text' must be a string, not {type(text).__name__}", article_id)
    if not text.strip():
        return error("empty 'text'", article_id)

    optional: dict[str, str | None] = {}
    for name in _OPTIONAL_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return error(f"{name!r} must be a string or null, not {type(value).__name__}", article_id)
        optional[name] = value

    published = obj.get("published")
    date: dt.date | None = None
    if published is not None:
        try:
            date = parse_published(published)
        except (ValueError, TypeError) as e:
            return error(f"bad 'published': {e}", article_id)
    return Article(id=article_id, text=text, published=date, **optional)
