"""The input and output format registries: one place each, and the CLI's choices come from them."""

from __future__ import annotations

import click
import pytest

from parley.cli import main
from parley.formats import OUTPUT_FORMATS, output_formats
from parley.readers import READERS, reader_for
from parley.readers._sources import FOLDER_SUFFIXES


def choices(command: str, option: str) -> tuple[str, ...]:
    [param] = [p for p in main.commands[command].params if option in getattr(p, "opts", ())]
    assert isinstance(param.type, click.Choice)
    return tuple(param.type.choices)


@pytest.mark.parametrize(("path", "reader"), [
    ("a.jsonl", "jsonl"), ("a.JSON", "jsonl"), ("a.csv", "csv"), ("a.tsv", "tsv"), ("a.warc", "warc"),
    ("a.WARC.GZ", "warc"), ("feed.xml", "feed"), ("a.rss", "feed"), ("a.atom", "feed"), ("a.htm", "html"),
    ("a.html", "html"), ("a.txt", "text"), ("notes.md", "text"), ("no-suffix", "text"),
])
def test_suffix_picks_the_reader(path: str, reader: str) -> None:
    assert reader_for(path).name == reader


def test_folder_suffixes_come_from_the_readers() -> None:
    assert set(FOLDER_SUFFIXES) == {".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz"}


def test_cli_choices_come_from_the_registries() -> None:
    assert choices("code", "--input-format") == ("auto", *READERS)
    assert choices("code", "--format") == output_formats("events") == ("jsonl", "csv", "table")
    assert choices("events", "--format") == choices("stats", "--format") == output_formats("rows")
    assert choices("export", "--as") == output_formats("export")
    assert set(output_formats("export")) == {"parquet", "csv", "gdelt", "plover"}


def test_every_output_format_has_a_description_and_a_writer() -> None:
    for fmt in OUTPUT_FORMATS.values():
        assert fmt.description and any(fmt.can(c) for c in ("events", "rows", "export"))
