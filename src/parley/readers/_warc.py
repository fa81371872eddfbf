"""Web archives: WARC and WARC.gz files as crawlers (Common Crawl's news archive among them) write them."""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Iterator
from typing import IO, Any

from parley.errors import InputError
from parley.readers._common import date_or_none, optional_module, stream_source
from parley.readers._html import HTML_TYPES, html_article
from parley.types import Article

# Where a record can start: a gzip member (each record of a .warc.gz is one) or a WARC header line.
_RECORD_MARKERS = (b"\x1f\x8b\x08", b"WARC/1.")
_SCAN_CHUNK = 1024 * 1024

logger = logging.getLogger("parley.readers")


def read_warc(path_or_file: str | os.PathLike[str] | IO[bytes], *, source_name: str | None = None) -> Iterator[
    Article | InputError
]:
    """Yield one `Article` per HTML response in a WARC or WARC.gz file, or an `InputError` per bad record.

    Response records with an HTML content type and a 2xx status are read as `read_html` reads a
    page: id and url = WARC-Target-URI, `published` = the page's date, else the WARC-Date (the
    capture date). Other records (requests, metadata, images, redirects) are skipped silently.

    A corrupt or truncated record is an `InputError` naming the file and the record's byte offset.
    Reading then goes on at the next record found after the damage when the file can seek (a path
    or a seekable file); otherwise it stops there, cleanly.

    Args:
        path_or_file: a path, or a binary file object.
        source_name: how errors name the source; defaults to the path or the file's name.
    """
    yield from stream_source(path_or_file, source_name, _records)


def _size(fp: IO[bytes]) -> int | None:
    try:
        if not fp.seekable():
            return None
        here = fp.tell()
        size = fp.seek(0, os.SEEK_END)
        fp.seek(here)
        return size
    except (OSError, ValueError):
        return None


def _records(fp: IO[bytes], source: str) -> Iterator[Article | InputError]:
    ArchiveIterator = optional_module("warcio.archiveiterator", extra="warc",  # noqa: N806 - a class
                                      what="reading WARC files").ArchiveIterator

    size = _size(fp)
    start = fp.tell() if size is not None else 0
    damaged_at: int | None = None  # first byte of damage not yet reported
    damage = ""
    while True:
        iterator = ArchiveIterator(fp)
        records = iter(iterator)
        failure = ""
        while True:
            try:
                with _warcio_notes(source):
                    record = next(records)
            except StopIteration:
                break
            except Exception as e:  # noqa: BLE001 - warcio and zlib raise many kinds on damaged input
                failure = f"{type(e).__name__}: {e}".strip()
                break
            offset = start + iterator.offset  # the current record's start, until it is read to its end
            if damaged_at is not None:
                yield _damage_error(source, damaged_at, offset, damage)
                damaged_at = None
            try:
                item = _record_article(record, source=source, offset=offset)
            except Exception as e:  # noqa: BLE001 - a damaged payload fails while it is decompressed
                item = InputError(
                    f"corrupt record at byte offset {offset} ({_short(f'{type(e).__name__}: {e}')})",
                    source=source,
                    article_id=record.rec_headers.get_header("WARC-Target-URI"),
                )
            if item is not None:
                yield item
        end = start + iterator.offset
        if size is None:
            if failure:
                yield InputError(
                    f"corrupt or truncated record at byte offset {end}; reading stopped ({_short(failure)})",
                    source=source,
                )
            return
        if not failure and end >= size:
            break
        if damaged_at is None:
            damaged_at = end
            damage = failure or "unreadable data (truncated or not WARC)"
        resume = _next_marker(fp, max(end, start) + 1, size)
        if resume is None:
            break
        fp.seek(resume)
        start = resume
    if damaged_at is not None:
        yield _damage_error(source, damaged_at, size, damage)


@contextlib.contextmanager
def _warcio_notes(source: str) -> Iterator[None]:
    """Route what warcio writes to stderr about a damaged record (a wrong length) to the log instead."""
    notes = io.StringIO()
    with contextlib.redirect_stderr(notes):
        yield
    for line in notes.getvalue().splitlines():
        if line.strip():
            logger.warning("%s: %s", source, line.strip())


def _damage_error(source: str, first: int, end: int | None, reason: str) -> InputError:
    skipped = f"bytes {first}-{end} skipped" if end is not None else "reading stopped"
    return InputError(
        f"corrupt or truncated record at byte offset {first} ({_short(reason)}); {skipped}",
        source=source,
    )


def _short(reason: str, limit: int = 120) -> str:
    text = " ".join(reason.encode("ascii", "replace").decode("ascii").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _next_marker(fp: IO[bytes], position: int, size: int) -> int | None:
    """The offset of the next possible record start at or after `position`, or None."""
    keep = max(len(m) for m in _RECORD_MARKERS) - 1
    fp.seek(position)
    base = position
    tail = b""
    while base < size:
        chunk = fp.read(_SCAN_CHUNK)
        if not chunk:
            return None
        window = tail + chunk
        found = [i for i in (window.find(m) for m in _RECORD_MARKERS) if i >= 0]
        if found:
            return base - len(tail) + min(found)
        tail = window[-keep:]
        base += len(chunk)
    return None


def _record_article(record: Any, *, source: str, offset: int) -> Article | InputError | None:
    if record.rec_type is None and (record.rec_headers.protocol or record.rec_headers.headers):
        return InputError(f"record at byte offset {offset} has no WARC-Type (corrupt or truncated)", source=source)
    if record.rec_type != "response":
        return None  # requests, metadata, ...; and a type-less "record" of trailing blank bytes
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    http = record.http_headers
    if http is None:
        return InputError(
            f"response record at byte offset {offset} has no HTTP headers (truncated or corrupt)",
            source=source,
            article_id=uri,
        )
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    status = http.get_statuscode() or ""
    if content_type not in HTML_TYPES or not status.startswith("2"):
        return None
    data = record.content_stream().read()
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return InputError(
            f"record at byte offset {offset} is truncated ({missing} bytes of it missing)",
            source=source,
            article_id=uri,
        )
    warc_date = date_or_none(record.rec_headers.get_header("WARC-Date"))
    where = f"{source} (record at byte offset {offset})"
    return html_article(data, source=where, article_id=uri or where, url=uri, published=warc_date)
