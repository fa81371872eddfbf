from __future__ import annotations

import datetime as dt
import html
import http.server
import io
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import parley.readers._feed as readers_feed
from parley.errors import BadOption, InputError
from parley.readers import (
    USER_AGENT,
    iter_articles,
    read_csv,
    read_feed,
    read_folder,
    read_html,
    read_jsonl,
    read_stdin,
    read_text_files,
    read_url,
    read_warc,
)
from parley.types import Article


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_reads_all_fields(tmp_path: Path) -> None:
    record = {
        "id": "a1",
        "text": "Qatar recalled its team.",
        "title": "Talks stall",
        "published": "2025-03-14",
        "url": "https://example.org/a1",
        "publisher": "Example Times",
        "section": "ignored",
    }
    path = write_lines(tmp_path / "in.jsonl", [json.dumps(record)])
    assert list(read_jsonl(path)) == [
        Article(
            id="a1",
            text="Qatar recalled its team.",
            title="Talks stall",
            published=dt.date(2025, 3, 14),
            url="https://example.org/a1",
            publisher="Example Times",
        )
    ]


@pytest.mark.parametrize("published", [None, "absent"])
def test_jsonl_published_may_be_null_or_absent(tmp_path: Path, published: str | None) -> None:
    record: dict[str, object] = {"id": "a1", "text": "Talks resumed."}
    if published != "absent":
        record["published"] = published
    [article] = read_jsonl(write_lines(tmp_path / "in.jsonl", [json.dumps(record)]))
    assert isinstance(article, Article)
    assert article.published is None


def test_jsonl_integer_id_becomes_string(tmp_path: Path) -> None:
    [article] = read_jsonl(write_lines(tmp_path / "in.jsonl", ['{"id": 7, "text": "Talks resumed."}']))
    assert isinstance(article, Article)
    assert article.id == "7"


@pytest.mark.parametrize(
    ("line", "message", "article_id"),
    [
        ('{"id": "x", "text": ', "malformed JSON", None),
        ('["id", "text"]', "expected a JSON object, found list", None),
        ('{"text": "Talks resumed."}', "missing 'id'", None),
        ('{"id": "", "text": "Talks resumed."}', "empty 'id'", None),
        ('{"id": true, "text": "Talks resumed."}', "'id' must be a string or an integer", None),
        ('{"id": 1.5, "text": "Talks resumed."}', "'id' must be a string or an integer", None),
        ('{"id": "x"}', "missing 'text'", "x"),
        ('{"id": "x", "text": "  \\n "}', "empty 'text'", "x"),
        ('{"id": "x", "text": ["Talks", "resumed."]}', "'text' must be a string", "x"),
        ('{"id": "x", "text": "Talks resumed.", "published": "last Tuesday-ish"}', "bad 'published'", "x"),
        ('{"id": "x", "text": "Talks resumed.", "title": 3}', "'title' must be a string or null", "x"),
    ],
)
def test_jsonl_bad_record_is_an_error_and_reading_goes_on(
    tmp_path: Path, line: str, message: str, article_id: str | None
) -> None:
    path = write_lines(
        tmp_path / "in.jsonl",
        ['{"id": "ok1", "text": "Talks resumed."}', line, '{"id": "ok2", "text": "Talks stalled."}'],
    )
    first, error, last = read_jsonl(path)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(error, InputError)
    assert message in error.message
    assert (error.source, error.line, error.article_id) == (str(path), 2, article_id)


def test_jsonl_duplicate_id_is_an_error_for_the_later_record(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", ['{"id": "a", "text": "One."}', '{"id": "a", "text": "Two."}'])
    first, second = read_jsonl(path)
    assert isinstance(first, Article) and first.text == "One."
    assert isinstance(second, InputError)
    assert (second.line, second.article_id) == (2, "a")
    assert "duplicate id" in second.message


def test_jsonl_skips_blank_lines_and_counts_them(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", ["", '{"id": "a", "text": "One."}', "   ", "{"])
    article, error = read_jsonl(path)
    assert isinstance(article, Article)
    assert isinstance(error, InputError) and error.line == 4


def test_jsonl_mis_encoded_line_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "Fine."}\n')
    error, article = read_jsonl(path)
    assert isinstance(error, InputError) and error.line == 1 and "not UTF-8" in error.message
    assert isinstance(article, Article) and article.id == "b"


def test_jsonl_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "One."}\n')
    assert [a.id for a in read_jsonl(path) if isinstance(a, Article)] == ["a"]


@pytest.mark.parametrize("binary", [True, False])
def test_jsonl_reads_open_files(binary: bool) -> None:
    data = '{"id": "a", "text": "Ceasefire holds."}\n'
    fp = io.BytesIO(data.encode()) if binary else io.StringIO(data)
    [article] = read_jsonl(fp, source_name="feed")
    assert isinstance(article, Article) and article.text == "Ceasefire holds."


def test_jsonl_error_names_the_given_source() -> None:
    [error] = read_jsonl(io.StringIO("nope\n"), source_name="feed")
    assert isinstance(error, InputError) and error.source == "feed"


def test_jsonl_missing_file_is_one_error(tmp_path: Path) -> None:
    [error] = read_jsonl(tmp_path / "absent.jsonl")
    assert isinstance(error, InputError) and "cannot open file" in error.message


def test_jsonl_streams_line_by_line() -> None:
    def lines():
        yield b'{"id": "a", "text": "One."}\n'
        raise AssertionError("read past the first record")

    assert next(read_jsonl(lines(), source_name="gen")) == Article(id="a", text="One.")  # type: ignore[arg-type]


def test_jsonl_passes_a_very_long_article_through(tmp_path: Path) -> None:
    text = "The envoy spoke. " * 300_000  # about 5 MB: the coder, not the reader, enforces a limit
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": text}) + "\n", encoding="utf-8")
    [article] = read_jsonl(path)
    assert isinstance(article, Article) and article.text == text


def test_text_files_one_article_per_file(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Qatar recalled its team.", encoding="utf-8")
    (tmp_path / "two.txt").write_bytes("\ufeffEgypt urged calm.".encode())
    articles = list(read_text_files([tmp_path / "one.txt", tmp_path / "two.txt"], published="2025-03-14"))
    assert articles == [
        Article(id="one.txt", text="Qatar recalled its team.", published=dt.date(2025, 3, 14)),
        Article(id="two.txt", text="Egypt urged calm.", published=dt.date(2025, 3, 14)),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Caf\u00e9 talks".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 3)"),
        (b"", "empty article"),
        (b" \n\t\n", "empty article"),
    ],
)
def test_text_files_bad_file_is_an_error_and_reading_goes_on(
    tmp_path: Path, data: bytes, message: str
) -> None:
    (tmp_path / "bad.txt").write_bytes(data)
    (tmp_path / "good.txt").write_text("Talks resumed.", encoding="utf-8")
    error, article = read_text_files([tmp_path / "bad.txt", tmp_path / "good.txt"])
    assert isinstance(error, InputError)
    assert message in error.message
    assert error.article_id == "bad.txt" and error.source == str(tmp_path / "bad.txt")
    assert isinstance(article, Article) and article.id == "good.txt"


def test_text_files_missing_file_is_an_error(tmp_path: Path) -> None:
    [error] = read_text_files([tmp_path / "absent.txt"])
    assert isinstance(error, InputError) and "cannot read file" in error.message


def test_text_files_same_name_twice_is_an_error(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story from {folder}.", encoding="utf-8")
    first, second = read_text_files([tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt"])
    assert isinstance(first, Article)
    assert isinstance(second, InputError) and "same name" in second.message


def test_text_files_pass_a_very_long_article_through(tmp_path: Path) -> None:
    text = "The envoy spoke. " * 300_000
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    [article] = read_text_files([tmp_path / "big.txt"])
    assert isinstance(article, Article) and len(article.text) == len(text)


def test_text_files_bad_published_option_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="bad published date"):
        list(read_text_files([tmp_path / "x.txt"], published="someday"))


@pytest.mark.parametrize(
    ("data", "fmt", "expected"),
    [
        (b'\n{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n', "auto", ["a", "b"]),
        (b'{"id": "a", "text": "One."}\n', "jsonl", ["a"]),
        (b"Qatar recalled its team.\nEgypt urged calm.\n", "auto", ["stdin"]),
        (b'{"id": "a"} is not how this article starts', "text", ["stdin"]),
    ],
)
def test_stdin_reads_json_lines_or_one_text_article(data: bytes, fmt: str, expected: list[str]) -> None:
    articles = list(read_stdin(io.BytesIO(data), format=fmt))
    assert [a.id for a in articles if isinstance(a, Article)] == expected


def test_stdin_text_keeps_every_line_and_the_date() -> None:
    [article] = read_stdin(io.BytesIO(b"\nLine one.\nLine two.\n"), published=dt.date(2025, 3, 14))
    assert article == Article(id="stdin", text="\nLine one.\nLine two.\n", published=dt.date(2025, 3, 14))


def test_stdin_empty_is_an_error() -> None:
    [error] = read_stdin(io.BytesIO(b""))
    assert isinstance(error, InputError) and error.message == "empty article"


# --- CSV -------------------------------------------------------------------------------------------

NEWS_CSV = (
    "story_id,headline,body,date,link,outlet\n"
    'n1,Talks stall,"Qatar recalled its team.\nEgypt urged calm.",2025-03-14,https://example.org/n1,Example Times\n'
    "n2,,Envoys met in Doha.,,,\n"
)
NEWS_MAPPING = {"id": "story_id", "title": "headline", "text": "body", "published": "date", "url": "link",
                "publisher": "outlet"}


def test_csv_reads_rows_through_a_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(NEWS_CSV, encoding="utf-8")
    assert list(read_csv(path, mapping=NEWS_MAPPING, published="2025-03-20")) == [
        Article(
            id="n1",
            text="Qatar recalled its team.\nEgypt urged calm.",
            title="Talks stall",
            published=dt.date(2025, 3, 14),
            url="https://example.org/n1",
            publisher="Example Times",
        ),
        Article(id="n2", text="Envoys met in Doha.", published=dt.date(2025, 3, 20)),
    ]


def test_csv_default_columns_and_ids_from_the_line(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("text,title\nTalks resumed.,Talks\nTalks stalled.,\n", encoding="utf-8")
    assert list(read_csv(path)) == [
        Article(id="plain.csv:2", text="Talks resumed.", title="Talks"),
        Article(id="plain.csv:3", text="Talks stalled."),
    ]


@pytest.mark.parametrize(
    ("csv_text", "mapping", "expected"),
    [
        ("id,body\n1,Talks resumed.\n", None, "missing column 'text'; the columns are 'id', 'body'"),
        ("id,body\n1,Talks resumed.\n", {"text": "story"}, "missing column text -> 'story'; the columns are 'id'"),
        ("id,text\n1,Talks resumed.\n", {"title": "headline"}, "missing column title -> 'headline'"),
    ],
)
def test_csv_missing_column_is_one_error_for_the_file(
    tmp_path: Path, csv_text: str, mapping: dict[str, str] | None, expected: str
) -> None:
    path = tmp_path / "news.csv"
    path.write_text(csv_text, encoding="utf-8")
    [error] = read_csv(path, mapping=mapping)
    assert isinstance(error, InputError)
    assert expected in error.message
    assert (error.source, error.line) == (str(path), 1)


def test_csv_unclosed_quote_at_the_end_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text('\n\nid,text\na,Talks resumed.\nb,"Talks stalled.\nc,Talks ended.\n', encoding="utf-8")
    article, error = read_csv(path)
    assert isinstance(article, Article) and article.id == "a"
    assert isinstance(error, InputError) and error.line == 5 and "unexpected end of data" in error.message


def test_csv_empty_file_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    [error] = read_csv(tmp_path / "empty.csv")
    assert isinstance(error, InputError) and "header row" in error.message


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("b,   ,2025-03-14", "empty text"),
        ("b,Talks resumed.,someday", "bad published date"),
        ("b,Talks resumed.", "the row has 2 fields, the header 3"),
        ('b,"Talks" resumed.,2025-03-14', "malformed CSV"),
        ("a,Talks resumed.,2025-03-14", "duplicate id"),
        (",Talks resumed.,2025-03-14", "empty id"),
    ],
)
def test_csv_bad_row_is_an_error_and_reading_goes_on(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "news.csv"
    # The first record spans two lines: the bad row's line number counts physical lines.
    path.write_text(f'id,text,published\na,"Talks\nresumed.",2025-03-14\n{row}\nc,Talks ended.,\n', encoding="utf-8")
    first, error, last = read_csv(path)
    assert isinstance(first, Article) and isinstance(last, Article) and last.id == "c"
    assert isinstance(error, InputError)
    assert message in error.message
    assert (error.source, error.line) == (str(path), 4)


def test_csv_row_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(b"id,text\na,Caf\xe9 talks.\nb,Talks resumed.\n")
    error, article = read_csv(path)
    assert isinstance(error, InputError) and "not UTF-8" in error.message and error.line == 2
    assert isinstance(article, Article) and article.id == "b"


def test_csv_takes_fields_larger_than_the_csv_module_default(tmp_path: Path) -> None:
    text = "The envoy spoke. " * 20_000  # about 340 KB, over the csv module's 128 KiB default
    path = tmp_path / "big.csv"
    path.write_text(f'id,text\nbig,"{text}"\n', encoding="utf-8")
    [article] = read_csv(path)
    assert isinstance(article, Article) and article.text == text


def test_csv_reads_open_files_with_another_delimiter_and_a_bom() -> None:
    fp = io.BytesIO("\ufeffid;text\na;Talks resumed.\n".encode())
    [article] = read_csv(fp, delimiter=";", source_name="upload")
    assert article == Article(id="a", text="Talks resumed.")


def test_csv_unknown_field_in_the_mapping_raises() -> None:
    with pytest.raises(InputError, match="unknown article field 'body'"):
        list(read_csv(io.StringIO("id,text\n"), mapping={"body": "text"}))


def test_csv_streams_row_by_row() -> None:
    def lines():
        yield "id,text\n"
        yield "a,One.\n"
        raise AssertionError("read past the first record")

    assert next(read_csv(lines())) == Article(id="a", text="One.")


def test_jsonl_and_csv_stream_a_large_generated_file() -> None:
    consumed = 0

    def lines(header: list[str], make: Any) -> Iterator[str]:
        nonlocal consumed
        yield from header
        for number in range(1_000_000):  # about 30 MB if it were read whole
            consumed = number
            yield make(number)

    jsonl = read_jsonl(lines([], lambda n: json.dumps({"id": n, "text": "Talks resumed."}) + "\n"))  # type: ignore[arg-type]
    assert [next(jsonl) for _ in range(3)][-1] == Article(id="2", text="Talks resumed.")
    assert consumed < 10
    consumed = 0
    rows = read_csv(lines(["id,text\n"], lambda n: f"{n},Talks resumed.\n"))
    assert [next(rows) for _ in range(3)][-1] == Article(id="2", text="Talks resumed.")
    assert consumed < 10


# --- HTML ------------------------------------------------------------------------------------------


def page(
    title: str,
    paragraphs: list[str],
    *,
    date: str | None = None,
    site: str | None = "Gulf Ledger",
) -> bytes:
    """A news page as sites write them: menus, the article, a footer."""
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    if date:
        meta += f'<meta property="article:published_time" content="{date}">'
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | {site}</title>{meta}</head><body>"
        "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
        "<li><a href='/business'>Business</a></li></ul></nav></header>"
        f"<main><article><h1>{title}</h1>{body}</article></main>"
        "<footer><p>Gulf Ledger, all rights reserved.</p><a href='/about'>About us</a></footer></body></html>"
    ).encode()


DOHA = [
    "Qatar hosted envoys from Egypt and the United States on Friday to discuss a ceasefire in the region.",
    "The talks lasted six hours and ended without a joint statement, officials said after the meeting.",
    "A second round is planned in Cairo, according to a diplomat who asked not to be named.",
]
CAIRO = [
    "Egypt's foreign minister urged both sides to return to the table and accept the proposed truce.",
    "He spoke to reporters in Cairo after meeting the Qatari prime minister for two hours.",
    "Neither side has answered the proposal, which includes a prisoner exchange in three stages.",
]
NAV_ONLY = (
    b"<html><head><title>World | Gulf Ledger</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
    b"<li><a href='/world'>World</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
    b"<div class='menu'><a href='/a'>Culture</a> | <a href='/b'>Opinion</a></div></body></html>"
)


def test_html_page_gives_its_article(tmp_path: Path) -> None:
    path = tmp_path / "doha.html"
    path.write_bytes(page("Envoys meet in Doha", DOHA, date="2025-03-14T08:00:00Z"))
    article = read_html(path)
    assert isinstance(article, Article)
    assert (article.id, article.title, article.published, article.publisher, article.url) == (
        "doha.html", "Envoys meet in Doha", dt.date(2025, 3, 14), "Gulf Ledger", None
    )
    assert all(paragraph in article.text for paragraph in DOHA)
    assert "Business" not in article.text and "rights reserved" not in article.text


def test_html_id_comes_from_the_url(tmp_path: Path) -> None:
    article = read_html(page("Envoys meet in Doha", DOHA), source_name="upload", url="https://example.org/doha")
    assert isinstance(article, Article)
    assert (article.id, article.url) == ("https://example.org/doha", "https://example.org/doha")


@pytest.mark.parametrize(
    "data",
    [NAV_ONLY, b"<html><head><title>Empty</title></head><body></body></html>", b"", b"\x00\x01\x02\x03"],
    ids=["navigation-only", "empty-body", "empty-file", "binary"],
)
def test_html_page_without_an_article_is_an_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "index.html"
    path.write_bytes(data)
    error = read_html(path)
    assert isinstance(error, InputError)
    assert error.message == f"no article text found in {path}"
    assert (error.source, error.article_id) == (str(path), "index.html")


def test_html_missing_file_is_an_error(tmp_path: Path) -> None:
    error = read_html(tmp_path / "absent.html")
    assert isinstance(error, InputError) and "cannot read file" in error.message


# --- folders ---------------------------------------------------------------------------------------


def test_folder_reads_text_html_and_jsonl_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "2025" / "03").mkdir(parents=True)
    (tmp_path / "2025" / "03" / "doha.html").write_bytes(page("Envoys meet in Doha", DOHA))
    (tmp_path / "2025" / "cairo.htm").write_bytes(page("Cairo calls for talks", CAIRO))
    (tmp_path / "a.txt").write_text("Qatar recalled its team.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "j1", "text": "Talks resumed."}\n', encoding="utf-8")
    (tmp_path / "index.html").write_bytes(NAV_ONLY)
    (tmp_path / "notes.csv").write_text("text\nNot read: a folder's other files are skipped.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not read.", encoding="utf-8")
    items = list(read_folder(tmp_path, published="2025-03-20"))
    assert [item.id if isinstance(item, Article) else item.article_id for item in items] == [
        "2025/03/doha.html", "2025/cairo.htm", "a.txt", "j1", "index.html"
    ]
    assert isinstance(items[-1], InputError) and "no article text" in items[-1].message
    assert items[0].published == dt.date(2025, 3, 20)  # the page has no date of its own


def test_folder_that_is_not_a_folder_is_an_error(tmp_path: Path) -> None:
    [error] = read_folder(tmp_path / "absent")
    assert isinstance(error, InputError) and error.message == "not a folder"


# --- feeds -----------------------------------------------------------------------------------------


class Site:
    """A web site on 127.0.0.1 for one test: fixed routes, a log of requests; stops with the test."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes] | Any] = {}
        self.requests: list[tuple[str, str]] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                site.requests.append((self.path, self.headers.get("User-Agent", "")))
                route = site.routes.get(self.path, (404, "text/plain", b"not found"))
                if callable(route):
                    route = route()
                status, content_type, body = route
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (a time-out test)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    site.thread.start()
    try:
        yield site
    finally:
        site.server.shutdown()
        site.server.server_close()
        site.thread.join(timeout=5)


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers_feed, "BACKOFF", (0.01,))


def rss(items: list[dict[str, str]], *, title: str = "Gulf Ledger") -> bytes:
    def item(fields: dict[str, str]) -> str:
        return "<item>" + "".join(f"<{k}>{html.escape(v)}</{k}>" for k, v in fields.items()) + "</item>"

    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://example.org/</link><description>News</description>"
        + "".join(item(fields) for fields in items)
        + "</channel></rss>"
    ).encode()


def atom(entries: list[dict[str, str]]) -> bytes:
    def entry(fields: dict[str, str]) -> str:
        link = f'<link href="{html.escape(fields["link"])}"/>' if "link" in fields else ""
        summary = f"<summary>{html.escape(fields['summary'])}</summary>" if "summary" in fields else ""
        return (
            f"<entry><title>{fields['title']}</title><id>{fields['id']}</id>{link}"
            f"<updated>{fields['updated']}</updated>{summary}</entry>"
        )

    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Cairo Desk</title><id>urn:cairo-desk</id><updated>2025-03-15T00:00:00Z</updated>"
        + "".join(entry(fields) for fields in entries)
        + "</feed>"
    ).encode()


def test_rss_feed_file_entries_are_fetched_and_extracted(tmp_path: Path, site: Site) -> None:
    site.routes["/doha"] = (200, "text/html; charset=utf-8", page("Envoys meet in Doha", DOHA, site=""))
    site.routes["/cairo"] = (200, "text/html", page("Cairo calls for talks", CAIRO, date="2025-03-15"))
    path = tmp_path / "feed.rss"
    path.write_bytes(rss([
        {"title": "Envoys meet", "link": site.url("/doha"), "guid": "urn:gl:1",
         "pubDate": "Fri, 14 Mar 2025 08:00:00 GMT"},
        {"title": "Cairo", "link": site.url("/cairo"), "pubDate": "Sat, 15 Mar 2025 09:00:00 GMT"},
    ]))
    first, second = read_feed(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.url, first.published, first.title) == (
        "urn:gl:1", site.url("/doha"), dt.date(2025, 3, 14), "Envoys meet in Doha"
    )
    assert all(paragraph in first.text for paragraph in DOHA)
    assert (second.id, second.publisher) == (site.url("/cairo"), "Gulf Ledger")  # no guid: the link is the id
    assert all(paragraph in second.text for paragraph in CAIRO)
    assert sorted(site.paths()) == ["/cairo", "/doha"]
    assert {agent for _, agent in site.requests} == {USER_AGENT}
    assert USER_AGENT.startswith("Parley/") and "(+https://github.com/parley-news/parley)" in USER_AGENT


def test_atom_feed_from_a_url_with_relative_links(site: Site) -> None:
    site.routes["/feeds/atom.xml"] = (200, "application/atom+xml", atom([
        {"title": "Doha", "id": "urn:cd:1", "link": "/doha", "updated": "2025-03-14T10:00:00Z"},
        {"title": "Cairo", "id": "urn:cd:2", "link": "cairo", "updated": "2025-03-15T10:00:00Z"},
    ]))
    site.routes["/doha"] = (200, "text/html", page("Envoys meet in Doha", DOHA))
    site.routes["/feeds/cairo"] = (200, "text/html", page("Cairo calls for talks", CAIRO))
    items = list(read_feed(site.url("/feeds/atom.xml")))
    assert [(a.id, a.url, a.published) for a in items if isinstance(a, Article)] == [
        ("urn:cd:1", site.url("/doha"), dt.date(2025, 3, 14)),
        ("urn:cd:2", site.url("/feeds/cairo"), dt.date(2025, 3, 15)),
    ]


def test_feed_without_fetching_uses_the_summaries(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(rss([
        {"title": "Doha", "link": "https://example.org/doha", "guid": "g1",
         "description": "<p>Qatar hosted <b>envoys</b> on Friday.</p><p>Talks ended.</p>"},
        {"title": "Cairo", "link": "https://example.org/cairo", "guid": "g2"},
    ]))
    article, error = read_feed(path, fetch=False)
    assert article == Article(
        id="g1", text="Qatar hosted envoys on Friday.\nTalks ended.", title="Doha", url="https://example.org/doha",
        publisher="Gulf Ledger",
    )
    assert isinstance(error, InputError) and error.article_id == "g2"
    assert "entry 2 (https://example.org/cairo)" in error.message and "fetching is off" in error.message


def test_feed_falls_back_to_the_summary_when_fetching_fails(tmp_path: Path, site: Site) -> None:
    site.routes["/nav"] = (200, "text/html", NAV_ONLY)
    path = tmp_path / "feed.xml"
    path.write_bytes(rss([
        {"title": "Gone", "link": site.url("/gone"), "guid": "g1", "description": "Egypt urged calm."},
        {"title": "Gone too", "link": site.url("/gone"), "guid": "g2"},
        {"title": "Menu", "link": site.url("/nav"), "guid": "g3"},
    ]))
    article, gone, menu = read_feed(path, retries=0)
    assert isinstance(article, Article) and article.text == "Egypt urged calm."
    assert isinstance(gone, InputError) and gone.article_id == "g2"
    assert f"entry 2 ({site.url('/gone')})" in gone.message and "HTTP 404" in gone.message
    assert isinstance(menu, InputError) and "no article text found in the page" in menu.message


def test_feed_retries_server_errors(tmp_path: Path, site: Site) -> None:
    answers = iter([(503, "text/plain", b"busy"), (200, "text/html", page("Envoys meet in Doha", DOHA))])
    site.routes["/doha"] = lambda: next(answers)
    path = tmp_path / "feed.xml"
    path.write_bytes(rss([{"title": "Doha", "link": site.url("/doha"), "guid": "g1"}]))
    [article] = read_feed(path, retries=1)
    assert isinstance(article, Article) and DOHA[0] in article.text
    assert site.paths() == ["/doha", "/doha"]


def test_feed_that_times_out_is_one_error(site: Site) -> None:
    def slow() -> tuple[int, str, bytes]:
        time.sleep(1.0)
        return 200, "application/rss+xml", rss([])

    site.routes["/slow.xml"] = slow
    started = time.monotonic()
    [error] = read_feed(site.url("/slow.xml"), timeout=0.2, retries=1)
    assert time.monotonic() - started < 3
    assert isinstance(error, InputError) and error.source == site.url("/slow.xml")
    assert "timed out after 0.2 s" in error.message and "after 2 attempts" in error.message


def test_feed_results_stream_with_bounded_look_ahead(tmp_path: Path, site: Site) -> None:
    for number in range(30):
        site.routes[f"/a{number}"] = (200, "text/html", page(f"Story {number}", DOHA))
    path = tmp_path / "feed.xml"
    path.write_bytes(rss([{"title": f"S{n}", "link": site.url(f"/a{n}"), "guid": f"g{n}"} for n in range(30)]))
    articles = read_feed(path, concurrency=2)
    first = next(articles)
    assert isinstance(first, Article) and first.id == "g0"
    time.sleep(0.2)  # let the pages in flight arrive
    assert len(site.requests) <= 2
    rest = list(articles)
    assert [a.id for a in rest if isinstance(a, Article)] == [f"g{n}" for n in range(1, 30)]


@pytest.mark.parametrize("data", [b"<html><body><p>Not a feed.</p></body></html>", b"\x00 garbage"])
def test_file_that_is_not_a_feed_is_one_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(data)
    [error] = read_feed(path)
    assert isinstance(error, InputError) and error.message == "not an RSS or Atom feed"


def test_url_of_a_page_gives_its_article(site: Site) -> None:
    site.routes["/doha"] = (200, "text/html", page("Envoys meet in Doha", DOHA))
    [article] = read_url(site.url("/doha"))
    assert isinstance(article, Article) and (article.id, article.url) == (site.url("/doha"), site.url("/doha"))


def test_feed_options_are_checked() -> None:
    with pytest.raises(BadOption, match="concurrency"):
        list(read_feed("feed.xml", concurrency=0))


# --- WARC ------------------------------------------------------------------------------------------


def warc_bytes(records: list[tuple[str, str, str, bytes]], *, gzip: bool = True) -> bytes:
    """A WARC of (record type, URI, content type, payload) records, as a crawler writes it."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for rec_type, uri, content_type, payload in records:
        if rec_type == "response":
            http_headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), length=len(payload), http_headers=http_headers,
                warc_headers_dict={"WARC-Date": "2025-03-20T12:00:00Z"},
            )
        else:
            record = writer.create_warc_record(
                uri, rec_type, payload=io.BytesIO(payload), length=len(payload), warc_content_type=content_type
            )
        writer.write_record(record)
    return buffer.getvalue()


CRAWL = [
    ("response", "https://example.org/doha", "text/html; charset=utf-8", page("Envoys meet in Doha", DOHA)),
    ("response", "https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ("metadata", "https://example.org/doha", "application/warc-fields", b"fetchTimeMs: 120\r\n"),
    ("response", "https://example.org/cairo", "text/html", page("Cairo calls for talks", CAIRO, date="2025-03-15")),
]


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_warc_html_responses_become_articles(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(warc_bytes(CRAWL, gzip=gzip))
    doha, cairo = read_warc(path)
    assert isinstance(doha, Article) and isinstance(cairo, Article)
    assert (doha.id, doha.url, doha.published, doha.title) == (
        "https://example.org/doha", "https://example.org/doha", dt.date(2025, 3, 20), "Envoys meet in Doha"
    )  # the page has no date: the capture's
    assert (cairo.id, cairo.published) == ("https://example.org/cairo", dt.date(2025, 3, 15))
    assert all(paragraph in cairo.text for paragraph in CAIRO)


def record_offsets(data: bytes) -> list[int]:
    iterator = ArchiveIterator(io.BytesIO(data))
    offsets = []
    for _ in iterator:
        offsets.append(iterator.get_record_offset())
    return offsets


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_warc_corrupt_bytes_after_a_good_record_are_an_error(tmp_path: Path, gzip: bool) -> None:
    data = warc_bytes(CRAWL[:1], gzip=gzip)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data + b"\x00\x17garbled bytes\r\n" * 20)
    article, error = read_warc(path)
    assert isinstance(article, Article) and article.id == "https://example.org/doha"
    assert isinstance(error, InputError) and error.source == str(path)
    assert f"corrupt or truncated record at byte offset {len(data)}" in error.message


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_warc_reading_goes_on_after_a_corrupt_record(tmp_path: Path, gzip: bool) -> None:
    data = warc_bytes(CRAWL, gzip=gzip)
    second = record_offsets(data)[1]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data[:second] + b"\x00" * 30 + data[second + 30 :])  # the PNG record's start is garbled
    doha, error, cairo = read_warc(path)
    assert isinstance(doha, Article) and isinstance(cairo, Article) and cairo.id == "https://example.org/cairo"
    assert isinstance(error, InputError) and f"at byte offset {second}" in error.message


@pytest.mark.parametrize("cut", [40, 400])
def test_warc_truncated_gzip_is_an_error(tmp_path: Path, cut: int) -> None:
    data = warc_bytes(CRAWL)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data[:-cut])
    items = list(read_warc(path))
    assert isinstance(items[0], Article) and items[0].id == "https://example.org/doha"
    assert isinstance(items[-1], InputError) and "truncated" in items[-1].message
    assert all(isinstance(item, Article) for item in items[:-1])


def test_warc_that_is_not_a_warc_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("These are notes, not an archive.\n", encoding="utf-8")
    [error] = read_warc(path)
    assert isinstance(error, InputError) and "byte offset 0" in error.message


# --- every source ----------------------------------------------------------------------------------


def test_iter_articles_dispatches_each_source_by_its_form(tmp_path: Path, site: Site) -> None:
    site.routes["/feed"] = (200, "application/rss+xml", rss([
        {"title": "Doha", "link": site.url("/doha"), "guid": "feed-1"},
    ]))
    site.routes["/doha"] = (200, "text/html", page("Envoys meet in Doha", DOHA))
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "f.txt").write_text("Talks resumed.", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"id": "jsonl-1", "text": "Talks resumed."}\n', encoding="utf-8")
    (tmp_path / "b.json").write_text('{"id": "json-1", "text": "Talks resumed."}\n', encoding="utf-8")
    (tmp_path / "c.csv").write_text("story,body\ncsv-1,Talks resumed.\n", encoding="utf-8")
    (tmp_path / "d.WARC.GZ").write_bytes(warc_bytes(CRAWL[:1]))
    (tmp_path / "e.rss").write_bytes(rss([{"title": "T", "guid": "rss-1", "description": "Talks resumed."}]))
    (tmp_path / "f.htm").write_bytes(page("Cairo calls for talks", CAIRO))
    (tmp_path / "g.md").write_text("Talks resumed.", encoding="utf-8")
    sources = [
        "-", folder, tmp_path / "a.jsonl", tmp_path / "b.json", tmp_path / "c.csv", tmp_path / "d.WARC.GZ",
        tmp_path / "e.rss", tmp_path / "f.htm", tmp_path / "g.md", tmp_path / "absent.txt", site.url("/feed"),
        site.url("/doha"),
    ]
    items = list(iter_articles(
        sources, published="2025-03-20", mapping={"id": "story", "text": "body"},
        stdin=io.BytesIO(b"Talks resumed on stdin."),
    ))
    assert [item.id if isinstance(item, Article) else f"error: {item.message}" for item in items] == [
        "stdin", "f.txt", "jsonl-1", "json-1", "csv-1", "https://example.org/doha", "rss-1", "f.htm", "g.md",
        "error: no such file or folder", "feed-1", site.url("/doha"),
    ]
    assert items[0].published == dt.date(2025, 3, 20)


def test_warc_record_cut_inside_its_header_is_an_error(tmp_path: Path) -> None:
    data = warc_bytes(CRAWL[:1], gzip=False)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data + b"WARC/1.0\r\nWARC-Ty\x00\x00")
    article, error = read_warc(path)
    assert isinstance(article, Article)
    assert isinstance(error, InputError) and f"byte offset {len(data)}" in error.message


def test_warc_unseekable_stream_stops_cleanly_at_damage() -> None:
    class Unseekable(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            return self.data.readinto(buffer)

    data = warc_bytes(CRAWL[:1])
    stream = io.BufferedReader(Unseekable(data + b"\x00 garbled \x00" * 40 + warc_bytes(CRAWL[3:])))
    article, error = read_warc(stream, source_name="upload")
    assert isinstance(article, Article)
    assert isinstance(error, InputError) and error.source == "upload"
    assert f"byte offset {len(data)}" in error.message and "reading stopped" in error.message


def test_a_hostile_jsonl_line_is_that_lines_error_and_the_rest_are_read(tmp_path: Path) -> None:
    good = [json.dumps({"id": f"g{i}", "text": f"Article number {i}."}) for i in range(4)]
    huge_number = '{"id": "big", "text": "x", "count": ' + "9" * 5000 + "}"
    deep = "[" * 100_000 + "]" * 100_000
    path = write_lines(tmp_path / "hostile.jsonl", [good[0], good[1], huge_number, deep, good[2], good[3]])
    items = list(read_jsonl(path))
    assert [i.id for i in items if isinstance(i, Article)] == ["g0", "g1", "g2", "g3"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.line for e in errors] == [3, 4]
    assert all("JSON" in str(e) for e in errors)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_utf16_and_utf32_text_files_are_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes("Chile recalled its ambassador from Lima on Tuesday.\n".encode(encoding))
    items = list(read_text_files([path]))
    assert [i.text.strip() for i in items if isinstance(i, Article)] == \
        ["Chile recalled its ambassador from Lima on Tuesday."]


def test_a_utf16_csv_is_read_by_its_column_names(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes("id,text\nr1,Peru protested to Chile.\nr2,Chile apologised.\n".encode("utf-16"))
    items = list(read_csv(path))
    assert [(i.id, i.text) for i in items if isinstance(i, Article)] == \
        [("r1", "Peru protested to Chile."), ("r2", "Chile apologised.")]


def test_a_utf16_jsonl_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes((json.dumps({"id": "u1", "text": "Ghana thanked Togo."}) + "\n").encode("utf-16"))
    assert [i.id for i in read_jsonl(path) if isinstance(i, Article)] == ["u1"]


def test_binary_data_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 4)
    items = list(read_text_files([path]))
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_an_unreadable_sub_folder_is_an_error_and_the_rest_is_read(tmp_path: Path, monkeypatch) -> None:
    import os as os_module
    (tmp_path / "a.txt").write_text("Chad thanked Niger.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text("Niger thanked Chad.", encoding="utf-8")
    (tmp_path / "z.txt").write_text("Mali thanked Chad.", encoding="utf-8")
    real_scandir = os_module.scandir

    def scandir(path):
        if os_module.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os_module.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os_module, "scandir", scandir)
    items = list(iter_articles([tmp_path]))
    assert sorted(i.id for i in items if isinstance(i, Article)) == ["a.txt", "z.txt"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and "locked" in str(errors[0]) and "ermission" in str(errors[0])


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv", ".html"])
def test_an_unreadable_file_named_first_does_not_stop_the_others(tmp_path: Path, monkeypatch, suffix: str) -> None:
    import builtins
    locked = tmp_path / f"locked{suffix}"
    locked.write_text("x", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Chad thanked Niger.", encoding="utf-8")
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    items = list(iter_articles([locked, good]))
    assert [i.id for i in items if isinstance(i, Article)] == ["good.txt"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and "ermission" in str(errors[0])


def test_a_deeply_nested_page_still_gives_its_text(tmp_path: Path) -> None:
    body = ("<p>Chile recalled its ambassador from Lima on Tuesday after a dispute over fishing rights. "
            "The foreign ministry said talks would resume next month.</p>")
    page = "<html><head><title>Envoy recalled</title></head><body>" + "<div>" * 3000 + body + \
        "</div>" * 3000 + "</body></html>"
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    item = read_html(path)
    assert isinstance(item, Article), item
    assert item.text.startswith("Chile recalled its ambassador") and "Envoy recalled" not in item.text
