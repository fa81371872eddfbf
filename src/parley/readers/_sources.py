"""The readers registry: which reader reads a source, by the name given or by the source's form.

`READERS` is the one place that knows the input formats: each `Reader` has a name (what
`--input-format` and `iter_articles(format=...)` take), a line saying what it reads, the suffixes that
pick it, the suffixes it reads inside folders, and its function. `iter_articles`, `read_folder` and the
CLI all go through it. Adding an input format is a reader module and one entry here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO

from parley.errors import InputError, UnknownFormat
from parley.readers._common import published_option, text_article
from parley.readers._csv import read_csv
from parley.readers._feed import is_url, read_feed, read_url
from parley.readers._html import html_article, read_html
from parley.readers._jsonl import STDIN_FORMATS, read_jsonl, read_stdin
from parley.readers._text import read_text_files
from parley.readers._warc import read_warc
from parley.types import Article

__all__ = ["FOLDER_SUFFIXES", "READERS", "ReadOptions", "Reader", "get_reader", "iter_articles", "read_folder",
           "reader_for"]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What a reader may need besides the source: the options of `iter_articles`, and how to name one article.

    Attributes:
        published: the date of articles that carry none.
        mapping: the CSV column mapping (see `read_csv`).
        fetch: fetch the pages feed entries link to.
        article_id: the id of a one-article source (a text or HTML file in a folder: its relative path);
            None gives the file name.
        source_name: how errors name a source given as a stream ("<stdin>").
    """

    published: dt.date | None = None
    mapping: Mapping[str, str] | None = None
    fetch: bool = True
    article_id: str | None = None
    source_name: str | None = None


ReadFunction = Callable[[str | IO[bytes], ReadOptions], Iterator[Article | InputError]]


@dataclass(frozen=True, slots=True)
class Reader:
    """One input format.

    Attributes:
        name: what `--input-format` and `iter_articles(format=...)` call it.
        description: one line for help texts.
        read: reads a path or a binary stream with the options given.
        suffixes: file suffixes (lower case) that pick this reader in `auto` mode.
        folder_suffixes: the suffixes of the files of a folder this reader reads (others are skipped).
    """

    name: str
    description: str
    read: ReadFunction
    suffixes: tuple[str, ...] = ()
    folder_suffixes: tuple[str, ...] = ()


def _file_bytes(path: str, article_id: str) -> bytes | InputError:
    try:
        with open(path, "rb") as fp:
            return fp.read()
    except OSError as e:
        return InputError(f"cannot read file: {e.strerror or e}", source=path, article_id=article_id)


def _read_text(source: str | IO[bytes], options: ReadOptions) -> Iterator[Article | InputError]:
    if not isinstance(source, str):
        yield text_article(source.read(), article_id=options.article_id or "stdin",
                           source=options.source_name or "<stdin>", published=options.published)
    elif options.article_id is None:
        yield from read_text_files([source], published=options.published)
    else:
        data = _file_bytes(source, options.article_id)
        yield data if isinstance(data, InputError) else text_article(
            data, article_id=options.article_id, source=source, published=options.published)


def _read_html(source: str | IO[bytes], options: ReadOptions) -> Iterator[Article | InputError]:
    if not isinstance(source, str):
        name = options.source_name or "<stdin>"
        yield html_article(source.read(), source=name, article_id=options.article_id or name,
                           published=options.published)
    elif options.article_id is None:
        yield read_html(source, published=options.published)
    else:
        data = _file_bytes(source, options.article_id)
        yield data if isinstance(data, InputError) else html_article(
            data, source=source, article_id=options.article_id, published=options.published)


def _read_jsonl(source: str | IO[bytes], options: ReadOptions) -> Iterator[Article | InputError]:
    return read_jsonl(source, source_name=options.source_name)


def _read_delimited(delimiter: str) -> ReadFunction:
    def read(source: str | IO[bytes], options: ReadOptions) -> Iterator[Article | InputError]:
        return read_csv(source, mapping=options.mapping, published=options.published, delimiter=delimiter,
                        source_name=options.source_name)

    return read


def _read_warc(source: str | IO[bytes], options: ReadOptions) -> Iterator[Article | InputError]:
    return read_warc(source, source_name=options.source_name)


def _read_feed(source: str | IO[bytes], options: ReadOptions) -> Iterator[Article | InputError]:
    return read_feed(source, fetch=options.fetch, source_name=options.source_name)


READERS: dict[str, Reader] = {reader.name: reader for reader in (
    Reader("jsonl", "JSON Lines articles, one object a line", _read_jsonl, (".jsonl", ".json"), (".jsonl",)),
    Reader("csv", "CSV with a header row, one article a row", _read_delimited(","), (".csv",)),
    Reader("tsv", "tab-separated values with a header row, one article a row", _read_delimited("\t"), (".tsv",)),
    Reader("warc", "web archives: each HTML response is an article", _read_warc, (".warc", ".warc.gz"),
           (".warc", ".warc.gz")),
    Reader("feed", "RSS or Atom feeds, with the linked pages fetched", _read_feed, (".xml", ".rss", ".atom")),
    Reader("html", "one web page, its main text", _read_html, (".html", ".htm"), (".html", ".htm")),
    Reader("text", "one plain UTF-8 text article (any other file)", _read_text, (".txt",), (".txt",)),
)}
"""Every input format by name, in the order suffixes are tried; "text" reads any file no suffix picks."""

FALLBACK_READER = "text"

FOLDER_SUFFIXES = tuple(suffix for reader in READERS.values() for suffix in reader.folder_suffixes)
"""The files `read_folder` reads; others (and hidden files) are skipped."""


def reader_for(path: str) -> Reader:
    """The reader a file's suffix picks (case-insensitive); the fallback "text" reader when none does."""
    lower = path.lower()
    return next((r for r in READERS.values() if lower.endswith(r.suffixes)), READERS[FALLBACK_READER])


def _folder_reader(name: str) -> Reader | None:
    """The reader of a file in a folder, by its suffix; None for the files folders skip."""
    lower = name.lower()
    return next((r for r in READERS.values() if r.folder_suffixes and lower.endswith(r.folder_suffixes)), None)


def get_reader(name: str) -> Reader:
    """The reader registered under `name`.

    Raises:
        UnknownFormat: no reader has this name.
    """
    try:
        return READERS[name]
    except KeyError:
        raise UnknownFormat(name, kind="input format", known=["auto", *READERS], option="input_format") from None


def read_folder(
    path: str | os.PathLike[str], *, published: dt.date | str | None = None
) -> Iterator[Article | InputError]:
    """Yield the articles of every `.txt`, `.html`, `.htm`, `.jsonl`, `.warc` and `.warc.gz` file under a folder.

    Files are visited recursively in sorted order of their path (hidden files and folders are
    skipped, as are other suffixes). A text or HTML file is one article whose id is its path
    relative to the folder, with "/" between parts ("2025/03/talks.txt"); JSON Lines and WARC files
    give their own ids.

    Args:
        path: the folder.
        published: the date of text files, and of HTML pages that carry none.

    Raises:
        InputError: `published` is not a valid date.
    """
    yield from _read_folder(os.fspath(path), ReadOptions(published=published_option(published)))


def _read_folder(root: str, options: ReadOptions) -> Iterator[Article | InputError]:
    if not os.path.isdir(root):
        yield InputError("not a folder", source=root)
        return
    for found in _walk(root, ""):
        if isinstance(found, InputError):
            yield found
            continue
        file_path, relative, reader = found
        yield from reader.read(file_path, dataclasses.replace(options, article_id=relative))


def _walk(folder: str, prefix: str) -> Iterator[tuple[str, str, Reader] | InputError]:
    """(path, relative id, reader) of the files to read, in sorted order, without following links to folders;
    a folder or an entry that cannot be read is an `InputError` naming it, and the walk goes on."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as e:
        yield InputError(f"cannot read folder: {e.strerror or e}", source=folder)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        relative = f"{prefix}{entry.name}"
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path, relative + "/")
            elif entry.is_file() and (reader := _folder_reader(entry.name)) is not None:
                yield entry.path, relative, reader
        except OSError as e:
            yield InputError(f"cannot read: {e.strerror or e}", source=entry.path)


def iter_articles(
    sources: Iterable[str | os.PathLike[str]],
    *,
    format: str = "auto",
    published: dt.date | str | None = None,
    mapping: Mapping[str, str] | None = None,
    fetch: bool = True,
    stdin: IO[bytes] | None = None,
) -> Iterator[Article | InputError]:
    """Yield the articles of every source in turn, each read by the reader its form (or `format`) calls for.

    With `format="auto"`:

    | source | reader |
    |---|---|
    | `-` | `read_stdin` (JSON Lines, or one plain text article) |
    | a folder | `read_folder` |
    | an http(s) URL | `read_url`: a feed's entries, or the article of a single page |
    | `.jsonl`, `.json` | `read_jsonl` |
    | `.csv` (`.tsv`: tab-separated) | `read_csv` with `mapping` |
    | `.warc`, `.warc.gz` | `read_warc` |
    | `.xml`, `.rss`, `.atom` | `read_feed` |
    | `.html`, `.htm` | `read_html` |
    | anything else | `read_text_files` (one UTF-8 article) |

    Suffixes are matched without regard to case. A source that does not exist is one `InputError`,
    and reading goes on with the next source. With a reader's name (`READERS`) as `format`, every
    source (standard input included) is read by that reader.

    Args:
        sources: paths, URLs or "-".
        format: "auto", or the name of a reader in `READERS`.
        published: the date of articles that carry none (text files, stdin text, CSV rows without
            one, HTML pages without one).
        mapping: the CSV column mapping (see `read_csv`).
        fetch: fetch the pages feed entries link to (see `read_feed`).
        stdin: the stream "-" reads; defaults to `sys.stdin.buffer`.

    Raises:
        UnknownFormat: `format` is neither "auto" nor a reader's name.
        InputError: `published` is not a valid date, or `mapping` names an unknown field.
    """
    forced = None if format == "auto" else get_reader(format)
    options = ReadOptions(published=published_option(published), mapping=mapping, fetch=fetch)
    for raw in sources:
        source = os.fspath(raw)
        if source == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, format, options)
        elif forced is not None:
            yield from forced.read(source, options)
        else:
            yield from _read_auto(source, options)


def _read_stdin(stream: IO[bytes], format: str, options: ReadOptions) -> Iterator[Article | InputError]:
    if format in STDIN_FORMATS:
        yield from read_stdin(stream, format=format, published=options.published)
    else:
        yield from READERS[format].read(stream, dataclasses.replace(options, source_name="<stdin>"))


def _read_auto(source: str, options: ReadOptions) -> Iterator[Article | InputError]:
    if is_url(source):
        yield from read_url(source, fetch=options.fetch)
    elif os.path.isdir(source):
        yield from _read_folder(source, options)
    elif not os.path.exists(source):
        yield InputError("no such file or folder", source=source)
    else:
        yield from reader_for(source).read(source, options)
