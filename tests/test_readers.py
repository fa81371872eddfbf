from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from parley.errors import InputError
from parley.readers import read_jsonl, read_stdin, read_text_files
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
