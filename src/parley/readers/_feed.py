"""RSS and Atom feeds, with each entry's linked article fetched politely; single web pages by URL."""

from __future__ import annotations

import collections
import concurrent.futures
import datetime as dt
import email.utils
import io
import logging
import os
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from parley.errors import BadOption, FetchError, InputError
from parley.readers._common import date_or_none, fragment_text, optional_module
from parley.readers._html import HTML_TYPES, html_article
from parley.types import Article

if TYPE_CHECKING:
    import httpx

logger = logging.getLogger("parley.readers")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("parley")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without an install
        return "0"


USER_AGENT = f"Parley/{_version()} (+https://github.com/parley-news/parley)"
"""What Parley says it is to the servers it fetches from."""


# Waits before the 1st, 2nd, ... retry, in seconds (the last one repeats); a server's Retry-After
# is honoured up to MAX_RETRY_AFTER. Tests shorten these.
BACKOFF = (0.5, 1.0, 2.0, 4.0)
MAX_RETRY_AFTER = 30.0
MAX_PAGE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    content: bytes
    content_type: str


def is_url(source: str) -> bool:
    return urllib.parse.urlsplit(source).scheme in ("http", "https")


def read_feed(
    path_or_url: str | os.PathLike[str] | IO[bytes],
    *,
    source_name: str | None = None,
    fetch: bool = True,
    client: httpx.Client | None = None,
    concurrency: int = 4,
    timeout: float = 10.0,
    retries: int = 2,
    user_agent: str = USER_AGENT,
) -> Iterator[Article | InputError]:
    """Yield one `Article` per entry of an RSS or Atom feed, in the feed's order, or an `InputError`.

    Each entry's linked page is fetched (at most `concurrency` at a time, each request bounded by
    `timeout`, retried `retries` times with growing waits on 5xx, 429, time-outs and connection
    errors) and its main text extracted with trafilatura. When the page cannot be fetched or has no
    article text, or `fetch` is False, the entry's content or summary is the text; without one the
    entry is an `InputError` naming the entry and its URL. Results stream: at most `concurrency`
    pages are fetched ahead of the entry being yielded.

    An article's id is the entry's id (guid), else its link; its url the link; `published` the
    page's date, else the entry's; `title` the page's, else the entry's; `publisher` the page's
    site name, else the feed's title.

    A feed that cannot be read (missing file, HTTP error, time-out, not RSS or Atom) yields a single
    `InputError` naming the path or URL (and the time-out). The feed document itself is read whole
    (feedparser needs it); its entries' pages are not.

    Args:
        path_or_url: a feed file, an http(s) URL, or a binary file object.
        source_name: how errors name the source; defaults to the path, URL or file's name.
        fetch: fetch each entry's linked page; False uses the feed's own text only.
        client: an `httpx.Client` to use (its headers, proxies and limits are kept, the caller closes
            it); by default one is made with `user_agent` and closed at the end.
        concurrency: how many pages are fetched at once (at least 1).
        timeout: seconds allowed for each step of a request (connect, read, write, pool); a body
            that trickles in for longer than three times this is a failure too.
        retries: further attempts after a failed request.
        user_agent: the User-Agent header of the client made here.

    Raises:
        BadOption: `concurrency` is below 1, or `timeout` or `retries` is negative.
    """
    _check_options(concurrency=concurrency, timeout=timeout, retries=retries)
    with _Fetcher(client, timeout=timeout, retries=retries, user_agent=user_agent, concurrency=concurrency) as fetcher:
        if not isinstance(path_or_url, str | os.PathLike):
            source = source_name or str(getattr(path_or_url, "name", "<stream>"))
            data, base = path_or_url.read(), None
        elif is_url(location := os.fspath(path_or_url)):
            source = source_name or location
            try:
                page = fetcher.get(location)
            except FetchError as e:
                yield InputError(f"cannot read the feed: {e}", source=source)
                return
            data, base = page.content, page.url
        else:
            source, base = source_name or location, None
            try:
                with open(location, "rb") as fp:
                    data = fp.read()
            except OSError as e:
                yield InputError(f"cannot open file: {e.strerror or e}", source=source)
                return
        yield from _feed_articles(
            data, source=source, base=base, fetcher=fetcher if fetch else None, concurrency=concurrency
        )


def read_url(
    url: str,
    *,
    fetch: bool = True,
    client: httpx.Client | None = None,
    concurrency: int = 4,
    timeout: float = 10.0,
    retries: int = 2,
    user_agent: str = USER_AGENT,
) -> Iterator[Article | InputError]:
    """Yield the articles at a URL: a feed's entries (as `read_feed`), or the one article of a web page.

    A response is a feed when feedparser finds RSS or Atom in it, whatever its content type; anything
    else is read as `read_html` would (id and url = the URL). Options as for `read_feed`.
    """
    _check_options(concurrency=concurrency, timeout=timeout, retries=retries)
    with _Fetcher(client, timeout=timeout, retries=retries, user_agent=user_agent, concurrency=concurrency) as fetcher:
        try:
            page = fetcher.get(url)
        except FetchError as e:
            yield InputError(f"cannot fetch: {e}", source=url)
            return
        parsed = _parse_feed(page.content, url)  # some servers send feeds as text/html, so parse, don't trust
        if parsed is not None:
            yield from _feed_articles(
                page.content,
                source=url,
                base=page.url,
                fetcher=fetcher if fetch else None,
                concurrency=concurrency,
                parsed=parsed,
            )
        else:
            yield html_article(page.content, source=url, article_id=url, url=url)


def _check_options(*, concurrency: int, timeout: float, retries: int) -> None:
    if concurrency < 1:
        raise BadOption(f"concurrency must be at least 1, not {concurrency}", option="concurrency", value=concurrency)
    if timeout < 0:
        raise BadOption(f"timeout must not be negative, not {timeout}", option="timeout", value=timeout)
    if retries < 0:
        raise BadOption(f"retries must not be negative, not {retries}", option="retries", value=retries)


def _is_html(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def _parse_feed(data: bytes, source: str) -> Any | None:
    """feedparser's result, or None when the bytes are not RSS or Atom."""
    feedparser = optional_module("feedparser", extra="feeds", what="reading RSS and Atom feeds")

    # A file object, never a string: feedparser would fetch a string that looks like a URL itself.
    # No base URL either: feedparser would rewrite ids (guids) into URLs with it; links are resolved here.
    parsed = feedparser.parse(io.BytesIO(data))
    return parsed if parsed.get("version") else None


def _feed_articles(
    data: bytes,
    *,
    source: str,
    base: str | None,
    fetcher: _Fetcher | None,
    concurrency: int,
    parsed: Any | None = None,
) -> Iterator[Article | InputError]:
    if parsed is None:
        parsed = _parse_feed(data, source)
    if parsed is None:
        yield InputError("not an RSS or Atom feed", source=source)
        return
    publisher = parsed.feed.get("title") or None
    jobs = (
        _EntryJob(entry, number=number, source=source, base=base, publisher=publisher, fetcher=fetcher)
        for number, entry in enumerate(parsed.entries, start=1)
    )
    if fetcher is None:
        for job in jobs:
            yield job()
        return
    yield from _ordered(jobs, concurrency)


def _ordered(jobs: Iterator[Callable[[], Article | InputError]], workers: int) -> Iterator[Article | InputError]:
    """Run jobs on a thread pool and yield their results in order, at most `workers` ahead."""
    pending: collections.deque[concurrent.futures.Future[Article | InputError]] = collections.deque()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="parley-fetch")
    try:
        for job in jobs:
            pending.append(pool.submit(job))
            if len(pending) >= workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _EntryJob:
    """One feed entry made into an article: fetch its page, else fall back to the feed's text."""

    def __init__(
        self,
        entry: Any,
        *,
        number: int,
        source: str,
        base: str | None,
        publisher: str | None,
        fetcher: _Fetcher | None,
    ) -> None:
        self.entry = entry
        self.number = number
        self.source = source
        self.base = base
        self.publisher = publisher
        self.fetcher = fetcher

    def __call__(self) -> Article | InputError:
        entry = self.entry
        link = entry.get("link") or None
        if link and self.base:
            link = urllib.parse.urljoin(self.base, link)  # a relative link is relative to the feed's URL
        article_id = entry.get("id") or link
        if not article_id:
            return InputError(
                f"entry {self.number} has neither an id nor a link", source=self.source, article_id=None
            )
        title = entry.get("title") or None
        struct = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*struct[:3]) if struct else date_or_none(entry.get("published") or entry.get("updated"))
        reason = "fetching is off"
        if self.fetcher is not None and link:
            if not is_url(link):
                reason = f"the link {link!r} is not an http(s) URL"
            else:
                try:
                    page = self.fetcher.get(link)
                except FetchError as e:
                    reason = str(e)
                else:
                    if not _is_html(page.content_type) and page.content_type:
                        reason = f"the page is {page.content_type.split(';')[0]}, not HTML"
                    else:
                        item = html_article(
                            page.content,
                            source=link,
                            article_id=article_id,
                            url=link,
                            published=published,
                            title=title,
                            publisher=self.publisher,
                        )
                        if isinstance(item, Article):
                            return item
                        reason = "no article text found in the page"
        elif self.fetcher is not None:
            reason = "the entry has no link"
        text = _entry_text(entry)
        if text:
            if self.fetcher is not None:
                logger.info("%s: entry %d (%s): using the feed's text: %s", self.source, self.number, link, reason)
            return Article(
                id=article_id, text=text, title=title, published=published, url=link, publisher=self.publisher
            )
        return InputError(
            f"entry {self.number} ({link or 'no link'}): no article text ({reason}) and no summary in the feed",
            source=self.source,
            article_id=article_id,
        )


def _entry_text(entry: Any) -> str:
    """The longest text the feed itself gives for an entry: its content, else its summary."""
    candidates = [*(entry.get("content") or []), entry.get("summary_detail")]
    best = ""
    for detail in candidates:
        if not detail or not detail.get("value"):
            continue
        kind = (detail.get("type") or "text/html").lower()
        text = fragment_text(detail["value"], is_html="html" in kind)
        if len(text) > len(best):
            best = text
    return best


class _Fetcher:
    """GETs with a per-request timeout, retries with backoff, and a User-Agent; shared by threads."""

    def __init__(
        self, client: httpx.Client | None, *, timeout: float, retries: int, user_agent: str, concurrency: int
    ) -> None:
        self.given = client
        self.client = client
        self.timeout = timeout
        self.retries = retries
        self.user_agent = user_agent
        self.concurrency = concurrency
        self.lock = threading.Lock()

    def __enter__(self) -> _Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None and self.given is None:
            self.client.close()

    def _client(self) -> httpx.Client:
        with self.lock:
            if self.client is None:
                self.client = self._new_client()
            return self.client

    def _new_client(self) -> httpx.Client:
        httpx = optional_module("httpx", extra="feeds", what="fetching feeds and pages")

        return httpx.Client(
            headers={"User-Agent": self.user_agent},
            timeout=self.timeout,
            follow_redirects=True,
            limits=httpx.Limits(max_connections=self.concurrency, max_keepalive_connections=self.concurrency),
        )

    def get(self, url: str) -> Page:
        """The page at `url`.

        Raises:
            FetchError: the request failed after every retry, or the answer is not a success.
        """
        httpx = optional_module("httpx", extra="feeds", what="fetching feeds and pages")
        client = self._client()
        attempt = 0
        while True:
            wait: float | None = None
            deadline = time.monotonic() + 3 * self.timeout
            try:
                with client.stream("GET", url, timeout=self.timeout) as response:
                    status = response.status_code
                    if status == 429 or status >= 500:
                        message = f"HTTP {status} {response.reason_phrase} from {url}"
                        wait = _retry_after(response.headers.get("retry-after"))
                    elif status >= 400:
                        raise FetchError(f"HTTP {status} {response.reason_phrase} from {url}", url=url)
                    else:
                        content = _read_limited(response, url, deadline=deadline)
                        return Page(str(response.url), content, response.headers.get("content-type", ""))
            except httpx.TimeoutException:
                message = f"timed out after {self.timeout:g} s: {url}"
            except httpx.HTTPError as e:
                message = f"{type(e).__name__}: {e or 'request failed'} ({url})"
            attempt += 1
            if attempt > self.retries:
                if self.retries:
                    message += f" (after {attempt} attempts)"
                raise FetchError(message, url=url)
            delay = BACKOFF[min(attempt - 1, len(BACKOFF) - 1)]
            time.sleep(max(delay, wait or 0.0))


def _read_limited(response: httpx.Response, url: str, *, deadline: float) -> bytes:
    """The body, refused when it is too large or trickles in for longer than the deadline."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        if time.monotonic() > deadline:
            raise FetchError(f"the page took too long to arrive: {url}", url=url)
        size += len(chunk)
        if size > MAX_PAGE_BYTES:
            raise FetchError(f"the page is larger than {MAX_PAGE_BYTES // (1024 * 1024)} MiB: {url}", url=url)
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), capped; None when absent or odd."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        seconds = (when - dt.datetime.now(dt.UTC)).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)
