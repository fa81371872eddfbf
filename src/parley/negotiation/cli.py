"""The `parley negotiations` and `parley negotiation ID` commands: a thin skin over `parley.negotiation`.

Register them on the main group:

    from parley.negotiation.cli import negotiation_command, negotiations_command
    main.add_command(negotiations_command)
    main.add_command(negotiation_command)
"""

from __future__ import annotations

import json
import os
import shutil
from typing import TYPE_CHECKING

import click

from parley.errors import StoreError

if TYPE_CHECKING:
    from parley.store import Store

__all__ = ["negotiation_command", "negotiations_command"]

DEFAULT_DB = "parley.duckdb"

_db_option = click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                          help="The event store (a DuckDB file), opened read-only.")
_topics_option = click.option("--topics", "topic_files", multiple=True, type=click.Path(dir_okay=False),
                              help="An extra topics file (same format as parley/data/topics.yaml). Repeatable.")
_gap_option = click.option("--gap-days", type=click.IntRange(min=1), default=90, show_default=True,
                           help="Days without a negotiation event after which two parties' next one starts a new "
                                "process.")
_debug_option = click.option("--debug", is_flag=True, help="Show tracebacks for errors.")


def _open(db: str) -> Store:
    from parley.store import Store

    if not os.path.exists(db):
        raise StoreError("no such store; create it with `parley ingest`", path=db)
    return Store.open(db, read_only=True)


def _width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


@click.command("negotiations")
@_db_option
@_topics_option
@_gap_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per process (the fields of `Process`).")
@_debug_option
def negotiations_command(db: str, topic_files: tuple[str, ...], gap_days: int, as_json: bool, debug: bool) -> None:
    """List the negotiation processes found in the store: id, state, period, moves and name."""
    from parley.cli import fatal_errors
    from parley.negotiation import find_processes, format_processes, load_topics

    with fatal_errors(debug):
        topics = load_topics(topic_files)
        with _open(db) as store:
            processes = find_processes(store, topics=topics, gap_days=gap_days)
    if as_json:
        for process in processes:
            click.echo(json.dumps(process.to_dict(), ensure_ascii=False))
        return
    if not processes:
        click.echo("parley: no negotiation processes found", err=True)
        return
    click.echo(format_processes(processes, width=_width()))


@click.command("negotiation")
@click.argument("process_id")
@_db_option
@_topics_option
@_gap_option
@click.option("--json", "as_json", is_flag=True, help="The board as one JSON object (docs/negotiations.md).")
@click.option("--moves", type=click.IntRange(min=0), default=12, show_default=True,
              help="How many of the latest moves to show.")
@_debug_option
def negotiation_command(process_id: str, db: str, topic_files: tuple[str, ...], gap_days: int, as_json: bool,
                        moves: int, debug: bool) -> None:
    """Show the board of one negotiation process: roles, issues and positions, state, gaps and moves.

    PROCESS_ID is an id from `parley negotiations`, or a prefix of one that no other id shares.
    """
    from parley.cli import fatal_errors
    from parley.negotiation import board, format_board, load_topics

    with fatal_errors(debug):
        topics = load_topics(topic_files)
        with _open(db) as store:
            result = board(store, process_id, topics=topics, gap_days=gap_days)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(format_board(result, width=_width(), moves=moves))
