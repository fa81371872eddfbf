"""Write events as JSON Lines, CSV or a terminal table, and word per-record error lines.

Output formats are contracts, documented field by field in docs/schema.md: JSON Lines is
`Event.to_dict()` one object a line; CSV flattens it into `CSV_COLUMNS`. CAMEO codes stay
strings ("010", never 10).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import IO, Any

from parley.errors import InputError, ParleyError
from parley.types import (
    ActorMention,
    Attribution,
    Event,
    Location,
    Speaker,
    TextSpan,
)

__all__ = [
    "CSV_COLUMNS",
    "event_from_dict",
    "format_error",
    "format_table",
    "write_csv",
    "write_jsonl",
]

_ACTOR_FIELDS = ("text", "start", "end", "code", "name", "country", "sector")

CSV_COLUMNS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "sentence_index",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    *(f"source_{name}" for name in _ACTOR_FIELDS),
    *(f"target_{name}" for name in _ACTOR_FIELDS),
    "cameo",
    "cameo_name",
    "plover",
    "plover_mode",
    "quad",
    "goldstein",
    "negated",
    "modality",
    "date",
    "date_precision",
    "date_basis",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "speaker_text",
    "speaker_code",
    "cue",
    "reported_by",
    "hedged",
    "quoted",
    "object_text",
    "rule",
    "version",
)


def write_jsonl(events: Iterable[Event], fp: IO[str]) -> int:
    """Write each event as one JSON object a line (`Event.to_dict()`).

    Returns:
        The number of events written.
    """
    n = 0
    for event in events:
        fp.write(json.dumps(event.to_dict(), ensure_ascii=False, default=str))
        fp.write("\n")
        n += 1
    return n


def write_csv(events: Iterable[Event], fp: IO[str], *, header: bool = True) -> int:
    """Write events as CSV rows with the columns `CSV_COLUMNS` (a header row first unless `header=False`).

    Empty cells mean null; booleans are `true`/`false`; `reported_by` joins its sources with "; ".

    Returns:
        The number of events written.
    """
    writer = csv.writer(fp, lineterminator="\n")
    if header:
        writer.writerow(CSV_COLUMNS)
    n = 0
    for event in events:
        row = _flatten(event.to_dict())
        writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
        n += 1
    return n


def _flatten(d: Mapping[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "event_id": d["event_id"],
        "article_id": d["article_id"],
        "sentence_index": d["sentence_index"],
        "trigger_text": d["trigger"]["text"],
        "trigger_start": d["trigger"]["start"],
        "trigger_end": d["trigger"]["end"],
    }
    for role in ("source", "target"):
        actor = d[role] or {}
        for name in _ACTOR_FIELDS:
            row[f"{role}_{name}"] = actor.get(name)
    for name in (
        "cameo",
        "cameo_name",
        "plover",
        "plover_mode",
        "quad",
        "goldstein",
        "negated",
        "modality",
        "date",
        "date_precision",
        "date_basis",
        "rule",
        "version",
    ):
        row[name] = d[name]
    location = d["location"] or {}
    for name in ("name", "country", "lat", "lon"):
        row[f"location_{name}"] = location.get(name)
    attribution = d["attribution"]
    speaker = attribution["speaker"] or {}
    row["object_text"] = (d.get("object") or {}).get("text")
    row["speaker_text"] = speaker.get("text")
    row["speaker_code"] = speaker.get("code")
    row["cue"] = attribution["cue"]
    row["reported_by"] = "; ".join(attribution["reported_by"])
    row["hedged"] = attribution["hedged"]
    row["quoted"] = attribution["quoted"]
    return row


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def event_from_dict(d: Mapping[str, Any]) -> Event:
    """Rebuild an `Event` from its JSON form (the inverse of `Event.to_dict()` after a JSON round trip).

    Raises:
        KeyError, TypeError: `d` is not an event in the documented shape.
    """
    attribution = d["attribution"]
    speaker = attribution.get("speaker")
    location = d.get("location")
    return Event(
        event_id=d["event_id"],
        article_id=d["article_id"],
        sentence_index=d["sentence_index"],
        trigger=TextSpan(**d["trigger"]),
        source=ActorMention(**d["source"]),
        target=ActorMention(**d["target"]) if d.get("target") else None,
        cameo=d["cameo"],
        cameo_name=d["cameo_name"],
        plover=d.get("plover"),
        plover_mode=d.get("plover_mode"),
        quad=d["quad"],
        goldstein=d["goldstein"],
        negated=d["negated"],
        modality=d.get("modality"),
        date=d.get("date"),
        date_precision=d.get("date_precision"),
        date_basis=d["date_basis"],
        location=Location(**location) if location else None,
        attribution=Attribution(
            speaker=Speaker(**speaker) if speaker else None,
            cue=attribution.get("cue"),
            reported_by=tuple(attribution.get("reported_by") or ()),
            hedged=attribution.get("hedged", False),
            quoted=attribution.get("quoted", False),
        ),
        rule=d["rule"],
        evidence=TextSpan(**d["evidence"]),
        object=TextSpan(**d["object"]) if d.get("object") else None,
        version=d["version"],
        extra=dict(d.get("extra") or {}),
    )


# --- terminal table -------------------------------------------------------------------------------

_TABLE_HEADER = ("DATE", "SOURCE", "EVENT", "TARGET", "FLAGS", "TRIGGER")
# Share of the flexible width given to SOURCE, EVENT, TARGET, FLAGS, TRIGGER.
_TABLE_WEIGHTS = (5, 6, 5, 4, 2)
_TABLE_MIN = (8, 10, 8, 6, 6)
_DATE_WIDTH = 10


def format_table(events: Iterable[Event], width: int = 100) -> str:
    """A readable, fixed-width table of events for a terminal, one event a line.

    Columns: date, source (code and name), event (CAMEO code and short name), target, flags
    (NEG, modality, HEDGED, QUOTED, and `said:` the speaker) and the trigger word. Cells too long
    for their column end in "…".

    Args:
        width: the total width in characters (columns shrink to fit, down to a minimum).
    """
    rows = [_table_row(event) for event in events]
    gaps = 2 * (len(_TABLE_HEADER) - 1)
    flexible = max(sum(_TABLE_MIN), width - _DATE_WIDTH - gaps)
    widths = [_DATE_WIDTH]
    # Give each flexible column what it needs, but no more than its share, then hand out the rest.
    needs = [max([len(_TABLE_HEADER[i + 1])] + [len(r[i + 1]) for r in rows]) for i in range(5)]
    total_weight = sum(_TABLE_WEIGHTS)
    share = [max(lo, flexible * w // total_weight) for lo, w in zip(_TABLE_MIN, _TABLE_WEIGHTS, strict=True)]
    cols = [min(need, s) for need, s in zip(needs, share, strict=True)]
    spare = flexible - sum(cols)
    for i in (4, 0, 1, 2, 3):  # trigger first: it is short and says what happened
        extra = min(spare, needs[i] - cols[i])
        if extra > 0:
            cols[i] += extra
            spare -= extra
    widths += cols
    lines = [_table_line(_TABLE_HEADER, widths)]
    lines += [_table_line(row, widths) for row in rows]
    if not rows:
        lines.append("(no events)")
    return "\n".join(lines) + "\n"


def _table_line(cells: Iterable[str], widths: list[int]) -> str:
    return "  ".join(_fit(cell, w) for cell, w in zip(cells, widths, strict=True)).rstrip()


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.ljust(width)


def _actor_cell(actor: ActorMention | None) -> str:
    if actor is None:
        return "-"
    if actor.code and actor.name:
        return f"{actor.code} {actor.name}"
    return actor.code or actor.name or actor.text


def _table_row(event: Event) -> tuple[str, ...]:
    attribution = event.attribution
    flags = []
    if event.negated:
        flags.append("NEG")
    if event.modality:
        flags.append(event.modality.upper())
    if attribution.hedged:
        flags.append("HEDGED")
    if attribution.quoted:
        flags.append("QUOTED")
    if attribution.speaker is not None:
        flags.append(f"said:{attribution.speaker.code or attribution.speaker.text}")
    return (
        event.date or "-",
        _actor_cell(event.source),
        f"{event.cameo} {event.cameo_name}",
        _actor_cell(event.target),
        " ".join(flags) or "-",
        event.trigger.text,
    )


# --- error lines ----------------------------------------------------------------------------------


def format_error(error: ParleyError) -> str:
    """One line reporting a skipped record: `skipped <source> line N (article 'x'): <message>`.

    The caller adds its own prefix (the CLI writes `parley: ` before it).
    """
    if not isinstance(error, InputError):
        return f"skipped: {error}"
    where = []
    if error.source:
        where.append(str(error.source))
    if error.line is not None:
        where.append(f"line {error.line}")
    if error.article_id is not None:
        article = f"article {error.article_id!r}"
        where.append(f"({article})" if where else article)
    message = " ".join(error.message.split())
    return f"skipped {' '.join(where)}: {message}" if where else f"skipped: {message}"
