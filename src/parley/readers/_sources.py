"""Folders of articles, and any mix of sources dispatched to the right reader by their form."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import IO

from parley.errors import InputError
from parley.readers._common import published_option, text_article
from parley.readers._csv import read_csv
from parley.readers._feed import is_url, read_feed, read_url
from parley.readers._html import html_article, read_html
from parley.readers._jsonl import read_jsonl, read_stdin
from parley.readers._text import read_text_files
from parley.readers._warc import read_warc
from parley.types import Article

FOLDER_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")
"""The files `read_folder` reads; others (and hidden files) are skipped."""


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
    date = published_option(published)
    root = os.fspath(path)
    if not os.path.isdir(root):
        yield InputError("not a folder", source=root)
        return
    for file_path, relative in _walk(root, ""):
        yield from _read_file(file_path, article_id=relative, published=date)


def _walk(folder: str, prefix: str) -> Iterator[tuple[str, str]]:
    """(path, relative id) of the files to read, in sorted order, without following links to folders."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        relative = f"{prefix}{entry.name}"
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path, relative + "/")
            elif entry.is_file() and entry.name.lower().endswith(FOLDER_SUFFIXES):
                yield entry.path, relative
        except OSError:
            continue


def _read_file(path: str, *, article_id: str, published: dt.date | None) -> Iterator[Article | InputError]:
    lower = path.lower()
    if lower.endswith(".jsonl"):
        yield from read_jsonl(path)
    elif lower.endswith((".warc", ".warc.gz")):
        yield from read_warc(path)
    else:
        try:
            with open(path, "rb") as fp:
                data = fp.read()
        except OSError as e:
            yield InputError(f"cannot read file: {e.strerror or e}", source=path, article_id=article_id)
            return
        if lower.endswith((".html", ".htm")):
            yield html_article(data, source=path, article_id=article_id, published=published)
        else:
            yield text_article(data, article_id=article_id, source=path, published=published)


def iter_articles(
    sources: Iterable[str | os.PathLike[str]],
    *,
    published: dt.date | str | None = None,
    mapping: Mapping[str, str] | None = None,
    fetch: bool = True,
    stdin: IO[bytes] | None = None,
) -> Iterator[Article | InputError]:
    """Yield the articles of every source in turn, each read by the reader its form calls for.

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
    and reading goes on with the next source.

    Args:
        sources: paths, URLs or "-".
        published: the date of articles that carry none (text files, stdin text, CSV rows without
            one, HTML pages without one).
        mapping: the CSV column mapping (see `read_csv`).
        fetch: fetch the pages feed entries link to (see `read_feed`).
        stdin: the stream "-" reads; defaults to `sys.stdin.buffer`.

    Raises:
        InputError: `published` is not a valid date, or `mapping` names an unknown field.
    """
    date = published_option(published)
    for raw in sources:
        source = os.fspath(raw)
        lower = source.lower()
        if source == "-":
            yield from read_stdin(stdin, published=date)
        elif is_url(source):
            yield from read_url(source, fetch=fetch)
        elif os.path.isdir(source):
            yield from read_folder(source, published=date)
        elif not os.path.exists(source):
            yield InputError("no such file or folder", source=source)
        elif lower.endswith((".jsonl", ".json")):
            yield from read_jsonl(source)
        elif lower.endswith((".csv", ".tsv")):
            yield from read_csv(
                source, mapping=mapping, published=date, delimiter="\t" if lower.endswith(".tsv") else ","
            )
        elif lower.endswith((".warc", ".warc.gz")):
            yield from read_warc(source)
        elif lower.endswith((".xml", ".rss", ".atom")):
            yield from read_feed(source, fetch=fetch)
        elif lower.endswith((".html", ".htm")):
            yield read_html(source, published=date)
        else:
            yield from read_text_files([source], published=date)
