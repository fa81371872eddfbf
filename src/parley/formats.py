"""Output formats: the registry of them, events as JSON Lines, CSV or a table, the one text-table renderer,
and the wording of per-record error lines.

Output formats are contracts, documented field by field in docs/schema.md: JSON Lines is
`Event.to_dict()` one object a line; CSV flattens it into `CSV_COLUMNS`. CAMEO codes stay
strings ("010", never 10).
"""

from __future__ import annotations

import csv
import json
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any, Protocol

from parley.errors import InputError, ParleyError, UnknownFormat
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
    "OUTPUT_FORMATS",
    "Column",
    "EventSink",
    "OutputFormat",
    "event_from_dict",
    "format_error",
    "format_table",
    "output_format",
    "output_formats",
    "render_table",
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
    "location_kind",
    "location_basis",
    "speaker_text",
    "speaker_code",
    "cue",
    "reported_by",
    "hedged",
    "quoted",
    "object_text",
    "relevant",
    "factual",
    "background",
    "carried_by",
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
        "relevant",
        "rule",
        "version",
    ):
        row[name] = d[name]
    row["factual"] = d.get("factual", True)
    row["background"] = d.get("background", False)
    row["carried_by"] = d.get("carried_by")
    location = d["location"] or {}
    for name in ("name", "country", "lat", "lon", "kind", "basis"):
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
        InputError: `d` is not an event in the documented shape (a field missing or of the wrong type).
    """
    try:
        return _event_from_dict(d)
    except (KeyError, TypeError, AttributeError) as e:
        what = f"missing field {e}" if isinstance(e, KeyError) else str(e)
        article_id = d.get("article_id") if isinstance(d, Mapping) else None
        raise InputError(f"not an event in the documented shape (docs/schema.md): {what}",
                         article_id=article_id if isinstance(article_id, str) else None) from e


def _event_from_dict(d: Mapping[str, Any]) -> Event:
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
        relevant=bool(d.get("relevant", True)),
        carried_by=d.get("carried_by"),
        background=bool(d.get("background", False)),
        version=d["version"],
        extra=dict(d.get("extra") or {}),
    )


# --- text tables ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a text table: its header and how its cells behave.

    Attributes:
        header: the column's title.
        right: right-align the cells (numbers).
        fixed: never narrow the column (dates, numbers, ids); others shrink to fit the width.
        wrap: long cells wrap onto more lines (continuation lines indented by two spaces) instead of
            being cut with "…".
        min_width: how narrow the column may become.
    """

    header: str
    right: bool = False
    fixed: bool = False
    wrap: bool = False
    min_width: int = 6


Cell = str | Sequence[str]
"""A cell: one text, or several paragraphs (each starts a new line; only `wrap` columns show them all)."""


def render_table(columns: Sequence[Column], rows: Iterable[Sequence[Cell]], *, width: int, rule: bool = False,
                 empty: str | None = None) -> list[str]:
    """The lines of a fixed-width text table: the one table renderer of every command that prints a table.

    Columns start at the width of their longest cell (or header); while the table is wider than
    `width`, the widest column that is not `fixed` loses a character (never going below its
    `min_width`), so a table that cannot fit is as narrow as it can be. Cells are separated by two
    spaces; trailing spaces are cut.

    Args:
        columns: the columns, in order.
        rows: one sequence of cells per row, one cell per column.
        width: the width to fit, in characters.
        rule: draw a line of "-" under the header.
        empty: a line to show when there are no rows.
    """
    body = [[_paragraphs(cell, column) for cell, column in zip(row, columns, strict=True)] for row in rows]
    widths = _fit_widths(columns, body, width)
    lines = _row_lines([[column.header] for column in columns], columns, widths, header=True)
    if rule:
        lines.append("-" * min(width, sum(widths) + 2 * (len(widths) - 1)))
    for row in body:
        lines.extend(_row_lines(row, columns, widths))
    if not body and empty is not None:
        lines.append(empty)
    return lines


def _paragraphs(cell: Cell, column: Column) -> list[str]:
    texts = [cell] if isinstance(cell, str) else list(cell)
    if not column.wrap:
        texts = texts[:1]
    return [" ".join(text.split()) for text in texts] or [""]


def _fit_widths(columns: Sequence[Column], body: list[list[list[str]]], width: int) -> list[int]:
    widths = [max([len(column.header), *(len(p) for row in body for p in row[i])])
              for i, column in enumerate(columns)]
    while sum(widths) + 2 * (len(widths) - 1) > width:
        candidates = [i for i, column in enumerate(columns) if not column.fixed and widths[i] > column.min_width]
        if not candidates:
            break
        widths[max(candidates, key=lambda i: (widths[i], -i))] -= 1
    return widths


def _row_lines(row: list[list[str]], columns: Sequence[Column], widths: list[int], *,
               header: bool = False) -> list[str]:
    cells: list[list[str]] = []
    for paragraphs, column, w in zip(row, columns, widths, strict=True):
        if column.wrap and not header:
            cells.append([line for p in paragraphs for line in textwrap.wrap(p, w, subsequent_indent="  ") or [""]])
        else:
            cells.append([_cut(paragraphs[0], w)])
    height = max(len(cell) for cell in cells)
    lines = []
    for i in range(height):
        parts = []
        for cell, column, w in zip(cells, columns, widths, strict=True):
            text = cell[i] if i < len(cell) else ""
            parts.append(text.rjust(w) if column.right else text.ljust(w))
        lines.append("  ".join(parts).rstrip())
    return lines


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


# --- the table of coded events -------------------------------------------------------------------

_EVENT_COLUMNS = (Column("DATE", fixed=True), Column("SOURCE"), Column("EVENT"), Column("TARGET"),
                  Column("FLAGS"), Column("TRIGGER"))


def format_table(events: Iterable[Event], width: int = 100) -> str:
    """A readable, fixed-width table of events for a terminal, one event a line.

    Columns: date, source (code and name), event (CAMEO code and short name), target, flags
    (NEG, modality, HEDGED, QUOTED, and `said:` the speaker) and the trigger word. Cells too long
    for their column end in "…".

    Args:
        width: the total width in characters (columns shrink to fit, down to a minimum).
    """
    lines = render_table(_EVENT_COLUMNS, [_table_row(event) for event in events], width=width, empty="(no events)")
    return "\n".join(lines) + "\n"


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


# --- the output formats ---------------------------------------------------------------------------


class EventSink(Protocol):
    """Where `parley code` writes coded events, one article's events at a time."""

    def write(self, events: Iterable[Event]) -> int:
        """Write some events; returns how many."""
        ...

    def close(self) -> None:
        """Finish the output (a CSV header when nothing was written, a table's lines)."""
        ...


class _JsonlSink:
    def __init__(self, fp: IO[str], *, width: int) -> None:
        self.fp = fp

    def write(self, events: Iterable[Event]) -> int:
        return write_jsonl(events, self.fp)

    def close(self) -> None:
        pass


class _CsvSink:
    def __init__(self, fp: IO[str], *, width: int) -> None:
        self.fp = fp
        self.started = False

    def write(self, events: Iterable[Event]) -> int:
        n = write_csv(events, self.fp, header=not self.started)
        self.started = True
        return n

    def close(self) -> None:
        if not self.started:
            write_csv([], self.fp)  # a header even when nothing was found


class _TableSink:
    def __init__(self, fp: IO[str], *, width: int) -> None:
        self.fp = fp
        self.width = width
        self.events: list[Event] = []

    def write(self, events: Iterable[Event]) -> int:
        before = len(self.events)
        self.events.extend(events)
        return len(self.events) - before

    def close(self) -> None:
        self.fp.write(format_table(self.events, width=self.width))


def _store_writer(name: str) -> Callable[..., int]:
    """A writer of `parley.store.exports`, imported when first called (the store needs duckdb and pyarrow)."""

    def write(*args: Any, **kwargs: Any) -> int:
        from parley.store import exports

        return int(getattr(exports, name)(*args, **kwargs))

    write.__name__ = write.__qualname__ = name
    return write


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """One output format: its name, one line saying what it is, and what it can write.

    A format has one or more writers:

    - `events(fp, width=...)` opens an `EventSink` for coded events (`parley code --format`);
    - `rows(table, fp, width=..., kind=...)` writes an Arrow table, a query or statistics result
      (`parley events|stats --format`, `parley.store.write_table`);
    - `export(store, fp, filters=..., clusters=...)` writes the stored events passing a filter
      (`parley export --as`, `parley.store.export_events`).

    `binary` formats are written to files opened in binary (never to a terminal); `per_cluster`
    exports are one row per event cluster whatever `clusters` says.
    """

    name: str
    description: str
    events: Callable[..., EventSink] | None = None
    rows: Callable[..., int] | None = None
    export: Callable[..., int] | None = None
    binary: bool = False
    per_cluster: bool = False

    def can(self, capability: str) -> bool:
        """Whether the format has the writer `capability` ("events", "rows" or "export")."""
        return getattr(self, capability) is not None

    def writer(self, capability: str) -> Callable[..., Any]:
        """The writer `capability` ("events", "rows" or "export") of this format.

        Raises:
            UnknownFormat: the format has no such writer.
        """
        found: Callable[..., Any] | None = getattr(self, capability)
        if found is None:
            raise UnknownFormat(self.name, kind=_KINDS[capability], known=output_formats(capability))
        return found


OUTPUT_FORMATS: dict[str, OutputFormat] = {f.name: f for f in (
    OutputFormat("jsonl", "JSON Lines, one object a line", events=_JsonlSink, rows=_store_writer("write_jsonl_rows")),
    OutputFormat("csv", "comma-separated values with a header row", events=_CsvSink,
                 rows=_store_writer("write_csv_rows"), export=_store_writer("export_csv")),
    OutputFormat("table", "a fixed-width table for reading, fitted to the terminal", events=_TableSink,
                 rows=_store_writer("write_text_table")),
    OutputFormat("parquet", "Apache Parquet with typed columns (to a file)", rows=_store_writer("write_parquet"),
                 export=_store_writer("export_parquet"), binary=True),
    OutputFormat("gdelt", "GDELT 2.0-style tab-separated rows, one per event cluster",
                 export=_store_writer("export_gdelt"), per_cluster=True),
    OutputFormat("plover", "PLOVER/POLECAT-style JSON Lines, one object per event cluster",
                 export=_store_writer("export_plover"), per_cluster=True),
)}
"""Every output format by name: the one registry the CLI's `--format` and `--as` choices come from."""

_KINDS = {"events": "output format", "rows": "output format", "export": "export format"}


def output_formats(capability: str) -> tuple[str, ...]:
    """The names of the formats that can write `capability` ("events", "rows" or "export"), in registry order."""
    return tuple(name for name, fmt in OUTPUT_FORMATS.items() if fmt.can(capability))


def output_format(name: str, capability: str) -> OutputFormat:
    """The format `name`, which must be able to write `capability` ("events", "rows" or "export").

    Raises:
        UnknownFormat: no format of that name can write it.
    """
    fmt = OUTPUT_FORMATS.get(name)
    if fmt is None:
        raise UnknownFormat(name, kind=_KINDS[capability], known=output_formats(capability))
    fmt.writer(capability)
    return fmt


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
