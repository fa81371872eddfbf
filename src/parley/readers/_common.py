"""Helpers shared by the readers: dates, plain text articles, HTML fragments as text."""

from __future__ import annotations

import datetime as dt
import html.parser
import importlib
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TypeVar

from parley.errors import InputError, MissingExtra
from parley.types import Article

T = TypeVar("T")

PathLike = str | os.PathLike[str]


def parse_published(value: Any) -> dt.date | None:
    """Parse a `published` value through `parley.dates` (imported late: it is a sibling module)."""
    from parley.dates import parse_published

    return parse_published(value)


def published_option(published: dt.date | str | None) -> dt.date | None:
    """The `published=` option of a reader as a date.

    Raises:
        InputError: the value is not a valid date.
    """
    if published is None or isinstance(published, dt.date):
        return published
    try:
        return parse_published(published)
    except (ValueError, TypeError) as e:
        raise InputError(f"bad published date: {e}") from e


def date_or_none(value: Any) -> dt.date | None:
    """A date from metadata we do not control (a page, a feed, a WARC header); None when unreadable."""
    if value is None or value == "":
        return None
    try:
        return parse_published(value)
    except (ValueError, TypeError):
        return None


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


def wide_encoding(head: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding that the first bytes of a file show: a byte order mark, or, without
    one, text whose every other byte is NUL (ASCII in UTF-16); None for anything else (UTF-8 is the
    default)."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    sample = head[:2000]
    if len(sample) >= 8 and sample.count(b"\x00") >= len(sample) // 2 - 2:
        if sample[1::2].count(0) >= len(sample) // 2 - 1:
            return "utf-16-le"
        if sample[0::2].count(0) >= len(sample) // 2 - 1:
            return "utf-16-be"
    return None


def text_stream(fp: Any) -> Any:
    """A binary file of UTF-16 or UTF-32 text as a text stream (lines split on its own line breaks);
    anything else unchanged."""
    peek = getattr(fp, "peek", None)
    if peek is None:
        return fp
    encoding = wide_encoding(peek(2000)[:2000])
    if encoding is None:
        return fp
    return io.TextIOWrapper(fp, encoding=encoding, errors="surrogateescape", newline="")


def text_article(data: bytes, *, article_id: str, source: str, published: dt.date | None) -> Article | InputError:
    """One plain text article from the bytes of a UTF-8 (or UTF-16, UTF-32) file, or the error that explains
    why not."""
    encoding = wide_encoding(data) or "utf-8"
    if encoding == "utf-8" and b"\x00" in data:
        return InputError("binary file (contains NUL bytes), not text", source=source, article_id=article_id)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        return InputError(
            f"not {encoding.upper()} text (byte 0x{data[e.start]:02x} at offset {e.start}); save it as UTF-8",
            source=source,
            article_id=article_id,
        )
    if "\x00" in text:
        return InputError("binary file (contains NUL characters), not text", source=source, article_id=article_id)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return InputError("empty article", source=source, article_id=article_id)
    return Article(id=article_id, text=text, published=published)


_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 header hr li "
    "main nav ol p pre section table td th tr ul".split()
)
_SKIPPED_TAGS = frozenset(("script", "style", "template", "head", "title", "noscript"))
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _FragmentText(html.parser.HTMLParser):
    """Collects the text of an HTML fragment, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def fragment_text(fragment: str, *, is_html: bool = True) -> str:
    """The plain text of a short HTML fragment (a feed summary): paragraphs on their own lines."""
    if is_html:
        parser = _FragmentText()
        parser.feed(fragment)
        parser.close()
        fragment = "".join(parser.parts)
    lines = (_SPACES.sub(" ", line).strip() for line in fragment.splitlines())
    return "\n".join(line for line in lines if line)


Stream = IO[bytes] | IO[str] | Iterable[bytes] | Iterable[str]
"""What the streaming readers take besides a path: a binary or text file, or any iterable of lines."""


def stream_source(path_or_file: str | os.PathLike[str] | Stream, source_name: str | None,
                  records: Callable[[Any, str], Iterator[T]], *, text: bool = False) -> Iterator[T | InputError]:
    """Open a path (or take a binary file object) and stream its records; a file that cannot be
    opened yields one `InputError` naming it. With `text`, a UTF-16 or UTF-32 file is decoded (see
    `text_stream`) before its lines reach `records`."""
    if isinstance(path_or_file, str | os.PathLike):
        source = source_name or os.fspath(path_or_file)
        try:
            fp = open(path_or_file, "rb")
        except OSError as e:
            yield InputError(f"cannot open file: {e.strerror or e}", source=source)
            return
        with fp:
            stream = text_stream(fp) if text else fp
            try:
                yield from records(stream, source)
            finally:
                if stream is not fp:
                    stream.detach()   # the file itself is closed by `with`
    else:
        source = source_name or str(getattr(path_or_file, "name", "<stream>"))
        yield from records(path_or_file, source)


def optional_module(name: str, *, extra: str, what: str) -> Any:
    """Import a library of an optional extra, or raise `MissingExtra` with the install hint.

    Args:
        name: the module to import ("trafilatura", "warcio.archiveiterator").
        extra: the extra that installs it ("html", "feeds", "warc").
        what: what needs it, for the message ("reading HTML").
    """
    try:
        return importlib.import_module(name)
    except ImportError as e:
        raise MissingExtra(what, extra=extra, module=name.split(".")[0]) from e
