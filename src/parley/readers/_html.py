"""Web pages: the article's main text and metadata through trafilatura."""

from __future__ import annotations

import datetime as dt
import os
import re
import urllib.parse
from typing import Any

from parley.errors import InputError
from parley.readers._common import date_or_none, fragment_text, optional_module
from parley.types import Article

HTML_TYPES = ("text/html", "application/xhtml+xml")
"""Content types read as web pages."""


def read_html(
    path_or_bytes: str | os.PathLike[str] | bytes,
    *,
    source_name: str | None = None,
    url: str | None = None,
    article_id: str | None = None,
    published: dt.date | None = None,
) -> Article | InputError:
    """Return the article of one HTML page, or an `InputError` when the page has none.

    trafilatura finds the main text (leaving out navigation, footers and comments), the title,
    the date and the site name (the publisher). A page with no article text (navigation only, an
    empty body) is the error "no article text found in <source>".

    Args:
        path_or_bytes: a path to an HTML file, or the page's bytes (any encoding trafilatura detects).
        source_name: how errors name the page; defaults to the path, else the URL, else "<html>".
        url: the page's address: it becomes the article's `url` and its id, and helps date the page.
        article_id: the id to give the article; defaults to `url`, else the file name, else the source.
        published: the date when the page has none (a feed's or a crawl's date), or None.
    """
    if isinstance(path_or_bytes, bytes | bytearray):
        source = source_name or url or "<html>"
        data = bytes(path_or_bytes)
        default_id = url or source
    else:
        source = source_name or os.fspath(path_or_bytes)
        default_id = url or os.path.basename(os.fspath(path_or_bytes))
        try:
            with open(path_or_bytes, "rb") as fp:
                data = fp.read()
        except OSError as e:
            return InputError(f"cannot read file: {e.strerror or e}", source=source)
    return html_article(data, source=source, article_id=article_id or default_id, url=url, published=published)


def html_article(
    data: bytes,
    *,
    source: str,
    article_id: str,
    url: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    publisher: str | None = None,
) -> Article | InputError:
    """The article in a page's bytes; `published`, `title` and `publisher` fill in what the page lacks."""
    document = extract(data, url=url)
    if isinstance(document, str):
        return InputError(f"cannot parse the HTML page: {document}", source=source, article_id=article_id)
    text = document.get("text") or "" if document else ""
    if (not document or not text.strip()) and _nesting_depth(data) > MAX_PARSER_DEPTH:
        # lxml stops at 255 levels and trafilatura then sees an empty page: read its text plainly
        text = fragment_text(data.decode("utf-8", errors="replace"))
        document = {"text": text}
    if not document or not text.strip():
        return InputError(f"no article text found in {source}", source=source, article_id=article_id)
    return Article(
        id=article_id,
        text=text.strip(),
        title=document.get("title") or title,
        published=date_or_none(document.get("date")) or published,
        url=url,
        publisher=document.get("sitename") or publisher,
    )


#: Nesting beyond this many elements is cut off by lxml (libxml2's default limit is 256).
MAX_PARSER_DEPTH = 250
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = frozenset({b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
                   b"param", b"source", b"track", b"wbr"})


def _nesting_depth(data: bytes) -> int:
    """The deepest nesting of elements in a page, counted from its tags."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(data):
        if name.lower() in _VOID or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def extract(data: bytes, *, url: str | None = None) -> dict[str, Any] | str | None:
    """trafilatura's reading of a page as a dict, None when it finds no article text, or a message when it fails."""
    if not data.strip():
        return None
    trafilatura = _trafilatura()
    try:
        tree = trafilatura.load_html(data)
        if tree is None:
            return None
        link_texts = {_words(a.text_content()) for a in tree.iter("a")}
        # Precision over recall: with recall favoured a navigation-only page comes back as its menu.
        document = trafilatura.bare_extraction(
            tree,
            url=url if url and urllib.parse.urlsplit(url).scheme in ("http", "https") else None,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
        )
    except Exception as e:  # noqa: BLE001 - a foreign parser's failure on one page must not stop a batch
        return f"{type(e).__name__}: {e}"
    if document is None:
        return None
    result: dict[str, Any] = document.as_dict()
    lines = [_words(line) for line in (result.get("text") or "").splitlines()]
    if all(not line or line in link_texts or not any(c.isalnum() for c in line) for line in lines):
        return None  # only menu entries and separators: a navigation page, not an article
    return result


def _words(text: str) -> str:
    return " ".join(text.split())


def _trafilatura() -> Any:
    """trafilatura, imported late: it is slow to import and only HTML needs it (the `html` extra)."""
    return optional_module("trafilatura", extra="html", what="reading HTML")
