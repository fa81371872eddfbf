"""CSV files with a header row, one article a row."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import IO

from parley.errors import InputError
from parley.readers._common import parse_published, published_option, stream_source
from parley.types import Article

ARTICLE_FIELDS = ("id", "text", "title", "published", "url", "publisher")

# The csv module refuses fields over 128 KiB by default; a long article is larger than that. The
# limit still bounds memory when a stray quote would swallow the rest of the file into one field.
FIELD_SIZE_LIMIT = 64 * 1024 * 1024

_UNDECODED = re.compile("[\udc80-\udcff]")


def read_csv(
    path_or_file: str | os.PathLike[str] | IO[bytes] | IO[str] | Iterable[bytes] | Iterable[str],
    *,
    mapping: Mapping[str, str] | None = None,
    delimiter: str = ",",
    published: dt.date | str | None = None,
    source_name: str | None = None,
) -> Iterator[Article | InputError]:
    """Yield one `Article` per CSV row, or an `InputError` for each bad row.

    The first row names the columns. `mapping` maps article fields (id, text, title, published,
    url, publisher) to column names; a field not in it is read from the column of the same name
    when there is one. Only the text column is required: without an id column a row's id is
    `<file name>:<line>`. A file without a column the mapping or the text needs yields ONE
    `InputError` (naming the missing column and the columns present) and nothing else: the error
    is yielded, not raised, so a batch of sources goes on with the next one.

    A row with empty text, a bad date, a repeated id, the wrong number of fields or bytes that are
    not UTF-8 is an error for that row (with its line number) and reading goes on. Rows stream one
    at a time; fields up to 64 MiB are accepted (this raises the csv module's global field limit).

    Args:
        path_or_file: a path, or an open file (binary or text, opened with newline="") or any
            iterable of lines.
        mapping: article field -> column name.
        delimiter: the field separator (one character), e.g. "\\t" or ";".
        published: the date of rows without one (no published column, or an empty cell).
        source_name: how errors name the source; defaults to the path or the file's name.

    Raises:
        InputError: `mapping` names an unknown article field, or `published` is not a valid date.
    """
    fields = _check_mapping(mapping)
    date = published_option(published)
    if csv.field_size_limit() < FIELD_SIZE_LIMIT:
        csv.field_size_limit(FIELD_SIZE_LIMIT)
    yield from stream_source(path_or_file, source_name,
                             lambda fp, source: _rows(_decoded(fp), source, fields, mapping or {}, delimiter, date),
                             text=True)


def _check_mapping(mapping: Mapping[str, str] | None) -> dict[str, str]:
    fields = {name: name for name in ARTICLE_FIELDS}
    for field, column in (mapping or {}).items():
        if field not in fields:
            raise InputError(
                f"unknown article field {field!r} in the column mapping; the fields are {', '.join(ARTICLE_FIELDS)}"
            )
        if not isinstance(column, str) or not column:
            raise InputError(f"the column mapped to {field!r} must be a non-empty string, not {column!r}")
        fields[field] = column
    return fields


def _decoded(lines: Iterable[bytes] | Iterable[str]) -> Iterator[str]:
    """Lines as text; bytes that are not UTF-8 survive as lone surrogates, so the row can be refused."""
    first = True
    for line in lines:
        if isinstance(line, bytes):
            line = line.decode("utf-8", errors="surrogateescape")
        if first:
            line = line.removeprefix("\ufeff")
            first = False
        yield line


def _rows(
    lines: Iterator[str],
    source: str,
    fields: dict[str, str],
    mapping: Mapping[str, str],
    delimiter: str,
    published: dt.date | None,
) -> Iterator[Article | InputError]:
    # strict: an unclosed quote at the end of the file is an error, not a field that swallows the rest.
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    header: list[str] | None = []
    try:
        while header is not None and not any(name.strip() for name in header):  # blank lines before it
            header = next(reader, None)
    except csv.Error as e:
        yield InputError(f"cannot read the header row: {e}", source=source, line=reader.line_num)
        return
    if header is None:
        yield InputError("empty file: expected a header row naming the columns", source=source)
        return
    header = [name.strip() for name in header]
    columns = {name: index for index, name in reversed(list(enumerate(header)))}
    required = {"text"} | set(mapping)
    missing = [f"{field} -> {fields[field]!r}" if fields[field] != field else repr(field)
               for field in ARTICLE_FIELDS if field in required and fields[field] not in columns]
    if missing:
        present = ", ".join(repr(name) for name in header)
        hint = "" if mapping else "; map the article fields to the columns (e.g. text to the column with the text)"
        yield InputError(
            f"missing column {', '.join(missing)}; the columns are {present}{hint}",
            source=source,
            line=reader.line_num,
        )
        return
    index = {field: columns[column] for field, column in fields.items() if column in columns}
    default_id = os.path.basename(source)
    seen: set[str] = set()
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader, None)
        except csv.Error as e:
            yield InputError(f"malformed CSV: {e}", source=source, line=line)
            line = reader.line_num + 1
            continue
        if row is None:
            return
        item = _row_article(row, header, index, line=line, source=source, default_id=default_id, published=published)
        if isinstance(item, Article):
            if item.id in seen:
                item = InputError("duplicate id (an earlier row has it)", source=source, line=line, article_id=item.id)
            else:
                seen.add(item.id)
        if item is not None:
            yield item
        line = reader.line_num + 1


def _row_article(
    row: list[str],
    header: list[str],
    index: dict[str, int],
    *,
    line: int,
    source: str,
    default_id: str,
    published: dt.date | None,
) -> Article | InputError | None:
    if not row or (len(row) == 1 and not row[0].strip() and len(header) > 1):
        return None  # a blank line
    values = {field: row[i] if i < len(row) else "" for field, i in index.items()}
    article_id = values.get("id", "").strip() or None

    def error(message: str) -> InputError:
        return InputError(message, source=source, line=line, article_id=article_id)

    if len(row) != len(header):
        return error(f"the row has {len(row)} fields, the header {len(header)}")
    if any(_UNDECODED.search(value) for value in row):
        return error("not UTF-8 text; save the file as UTF-8")
    if "id" in index and article_id is None:
        return error("empty id")
    text = values["text"]
    if not text.strip():
        return error("empty text")
    date = published
    if values.get("published", "").strip():
        try:
            date = parse_published(values["published"].strip())
        except (ValueError, TypeError) as e:
            return error(f"bad published date: {e}")
    return Article(
        id=article_id or f"{default_id}:{line}",
        text=text,
        title=values.get("title") or None,
        published=date,
        url=values.get("url", "").strip() or None,
        publisher=values.get("publisher") or None,
    )
