from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import make_event
from parley.errors import ArticleError, InputError, ParleyError
from parley.formats import CSV_COLUMNS, event_from_dict, format_error, format_table, write_csv, write_jsonl
from parley.types import Attribution, Location, Speaker


def full_event():
    return make_event(
        location=Location("Doha", "QAT", 25.29, 51.53, "city", "clause"),
        attribution=Attribution(
            speaker=Speaker("the envoy", "QATGOV"),
            cue="said",
            reported_by=("Al-Araby", "officials"),
            hedged=True,
            quoted=True,
        ),
        negated=True,
        modality="future",
        extra={"note": "kept"},
    )


def test_jsonl_is_to_dict_one_object_a_line() -> None:
    events = [make_event(), full_event()]
    fp = io.StringIO()
    assert write_jsonl(events, fp) == 2
    lines = fp.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [json.loads(json.dumps(e.to_dict())) for e in events]


@pytest.mark.parametrize("event", [make_event(), make_event(target=None), full_event()])
def test_jsonl_round_trips_to_the_same_event(event) -> None:
    fp = io.StringIO()
    write_jsonl([event], fp)
    rebuilt = event_from_dict(json.loads(fp.getvalue()))
    assert rebuilt == event
    assert rebuilt.extra == event.extra


def test_jsonl_keeps_non_ascii_text() -> None:
    fp = io.StringIO()
    write_jsonl([make_event(cameo_name="Make statement — café")], fp)
    assert "café" in fp.getvalue()


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_header_is_the_documented_columns() -> None:
    fp = io.StringIO()
    write_csv([], fp)
    assert fp.getvalue().rstrip("\n").split(",") == list(CSV_COLUMNS)


def test_csv_keeps_cameo_leading_zeros() -> None:
    fp = io.StringIO()
    write_csv([make_event(cameo="010"), make_event(cameo="0211")], fp)
    assert [row["cameo"] for row in read_csv(fp.getvalue())] == ["010", "0211"]


def test_csv_flattens_every_field() -> None:
    fp = io.StringIO()
    assert write_csv([full_event()], fp) == 1
    [row] = read_csv(fp.getvalue())
    assert row == {
        "event_id": "a1-0-0",
        "article_id": "a1",
        "sentence_index": "0",
        "trigger_text": "rejected",
        "trigger_start": "14",
        "trigger_end": "22",
        "source_text": "The rebels",
        "source_start": "0",
        "source_end": "10",
        "source_code": "REB",
        "source_name": "Rebels",
        "source_country": "",
        "source_sector": "REB",
        "target_text": "the offer",
        "target_start": "23",
        "target_end": "32",
        "target_code": "QAT",
        "target_name": "Qatar",
        "target_country": "QAT",
        "target_sector": "",
        "cameo": "010",
        "cameo_name": "Make statement",
        "plover": "CONSULT",
        "plover_mode": "",
        "quad": "1",
        "goldstein": "0.0",
        "negated": "true",
        "modality": "future",
        "date": "2025-03-14",
        "date_precision": "day",
        "date_basis": "published",
        "location_name": "Doha",
        "location_country": "QAT",
        "location_lat": "25.29",
        "location_lon": "51.53",
        "location_kind": "city",
        "location_basis": "clause",
        "speaker_text": "the envoy",
        "speaker_code": "QATGOV",
        "cue": "said",
        "reported_by": "Al-Araby; officials",
        "hedged": "true",
        "quoted": "true",
        "object_text": "",
        "relevant": "true",
        "factual": "false",
        "background": "false",
        "carried_by": "",
        "rule": "test-rule",
        "version": "1.0",
    }


def test_csv_without_target_or_location_leaves_cells_empty() -> None:
    fp = io.StringIO()
    write_csv([make_event(target=None)], fp)
    [row] = read_csv(fp.getvalue())
    assert row["target_text"] == row["target_code"] == row["location_name"] == row["speaker_text"] == ""
    assert row["reported_by"] == "" and row["hedged"] == "false"


def test_csv_without_header() -> None:
    fp = io.StringIO()
    write_csv([make_event()], fp, header=False)
    assert fp.getvalue().startswith("a1-0-0,")


def test_table_shows_date_actors_code_flags_and_trigger() -> None:
    text = format_table([full_event()], width=160)
    header, row = text.splitlines()
    assert header.split() == ["DATE", "SOURCE", "EVENT", "TARGET", "FLAGS", "TRIGGER"]
    for cell in (
        "2025-03-14",
        "REB Rebels",
        "010 Make statement",
        "QAT Qatar",
        "NEG FUTURE HEDGED QUOTED said:QATGOV",
        "rejected",
    ):
        assert cell in row


@pytest.mark.parametrize("width", [40, 80, 120])
def test_table_fits_the_width_when_it_can(width: int) -> None:
    long_name = make_event(cameo_name="Express intent to meet or negotiate at length about everything")
    lines = format_table([long_name, full_event()], width=width).splitlines()
    limit = max(width, 10 + 10 + sum((8, 10, 8, 6, 6)))
    assert all(len(line) <= limit for line in lines)
    assert "…" in lines[1]


def test_table_without_events_says_so() -> None:
    assert format_table([], width=80).splitlines()[1] == "(no events)"


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (
            InputError("missing 'text'", source="in.jsonl", line=3, article_id="x"),
            "skipped in.jsonl line 3 (article 'x'): missing 'text'",
        ),
        (InputError("malformed JSON", source="in.jsonl", line=4), "skipped in.jsonl line 4: malformed JSON"),
        (
            InputError("empty article", source="a.txt", article_id="a.txt"),
            "skipped a.txt (article 'a.txt'): empty article",
        ),
        (
            ArticleError("too long\n(5 MB)", article_id="big", step="split"),
            "skipped article 'big': split: too long (5 MB)",
        ),
        (ParleyError("odd"), "skipped: odd"),
    ],
)
def test_error_line(error: ParleyError, line: str) -> None:
    assert format_error(error) == line
