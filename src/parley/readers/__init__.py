"""Read articles from the forms news arrives in: JSON Lines, CSV, text and HTML files, folders, RSS/Atom
feeds (with the linked pages fetched), WARC archives and standard input.

Every reader is a generator of `Article | InputError` (`read_html`, which reads one page, returns
one of them): a bad record becomes an `InputError` (naming the source, the line, record offset or
URL, and the article id when known) in its place, and reading goes on, so one bad record never
stops a batch. Readers stream: records are read one at a time, so memory stays flat whatever the
input size. `iter_articles` picks the reader for each source from its form, or by name: `READERS`
(name -> `Reader`) is the one registry of input formats, and the CLI's `--input-format` choices come
from it.

Readers do not limit article length; the coder does (see `Coder`), so a very long article is
passed through unchanged and refused in one place with one message.
"""

from __future__ import annotations

from parley.readers._csv import read_csv
from parley.readers._feed import USER_AGENT, read_feed, read_url
from parley.readers._html import read_html
from parley.readers._jsonl import read_jsonl, read_stdin
from parley.readers._sources import READERS, Reader, ReadOptions, get_reader, iter_articles, read_folder, reader_for
from parley.readers._text import read_text_files
from parley.readers._warc import read_warc

__all__ = [
    "READERS",
    "ReadOptions",
    "Reader",
    "USER_AGENT",
    "get_reader",
    "iter_articles",
    "read_csv",
    "read_feed",
    "read_folder",
    "read_html",
    "read_jsonl",
    "read_stdin",
    "read_text_files",
    "read_url",
    "read_warc",
    "reader_for",
]
