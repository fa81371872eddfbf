"""The negotiation tracker: who negotiates, through whom, over what, and where it stands.

    >>> from parley.store import Store
    >>> from parley.negotiation import board, find_processes
    >>> with Store.open("parley.duckdb", read_only=True) as store:
    ...     processes = find_processes(store)
    ...     current = board(store, processes[0].id)

Works on stored events only (never imports spaCy). docs/negotiations.md documents the rules and every field.
"""

from parley.negotiation.board import format_board, format_processes
from parley.negotiation.model import (
    ActorRef,
    Attributed,
    Board,
    Gap,
    Issue,
    Move,
    PartyPosition,
    Position,
    Process,
    Quantity,
    Role,
    StateChange,
)
from parley.negotiation.topics import Topic, TopicLexicon, default_topics, load_topics
from parley.negotiation.tracker import UnknownProcess, board, find_processes, track

__all__ = [
    "ActorRef",
    "Attributed",
    "Board",
    "Gap",
    "Issue",
    "Move",
    "PartyPosition",
    "Position",
    "Process",
    "Quantity",
    "Role",
    "StateChange",
    "Topic",
    "TopicLexicon",
    "UnknownProcess",
    "board",
    "default_topics",
    "find_processes",
    "format_board",
    "format_processes",
    "load_topics",
    "track",
]
