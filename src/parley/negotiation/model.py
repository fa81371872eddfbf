"""Plain, frozen records of the negotiation tracker: processes, moves, positions, gaps, boards.

Everything here is JSON-ready through `to_dict()` (dates are ISO strings, CAMEO codes strings, lists not
sets); docs/negotiations.md documents every field. This module imports nothing else of Parley's.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

__all__ = [
    "BOARD_VERSION",
    "STANCES",
    "STATUSES",
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
]

BOARD_VERSION = "1.0"


def _plain(value: Any) -> Any:
    """Tuples become lists, so that `to_dict()` equals its own JSON round trip."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value

# Move kinds, in the words the board uses.
MOVE_KINDS = (
    "proposal", "counter_proposal", "response", "acceptance", "rejection", "demand", "concession",
    "delegation_sent", "delegation_recalled", "delegation_returned", "talks_halted", "talks_resumed",
    "threat_to_halt", "meeting", "meeting_planned", "mediation", "negotiation", "agreement_signed", "violation",
)
STANCES = ("demand", "offer", "accept", "reject", "agree", "concede")
STATUSES = ("ongoing", "suspended", "partial_agreement", "agreement", "collapsed")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number kept as a value: 200 prisoners, a 42-day truce (value 42, unit "days"), 3.67 percent."""

    value: int | float
    unit: str
    text: str


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A normalised actor: `id` is an ISO alpha-3 country ("USA" for USAGOV) or an organisation's code
    ("PSEREB" for Hamas, "IGOUNO"); `name` is how the board shows it."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Attributed:
    """Who says a move happened, and how firmly (from the event's attribution)."""

    speaker: str | None = None
    reported_by: tuple[str, ...] = ()
    hedged: bool = False
    quoted: bool = False


@dataclass(frozen=True, slots=True)
class Move:
    """One step of a negotiation: one or more stored events that report the same act.

    `kind` is one of `MOVE_KINDS`; `sources` the actors who act (several when the text says "Qatar and
    Egypt mediated" or "X and Y signed"), `targets` those acted on (not repeating a source); `evidence` the
    text of the report shown; `event_ids` every stored event merged into it (headline and lead, one per
    addressee, one per co-actor). `background` marks an act the article tells as earlier history: it is
    listed, but changes no state.
    """

    id: str
    date: str | None
    kind: str
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    cameo: str
    trigger: str
    evidence: str
    object: str | None
    topic: str | None
    quantities: tuple[Quantity, ...]
    place: str | None
    place_country: str | None
    modality: str | None
    negated: bool
    attribution: Attributed
    article_id: str
    event_ids: tuple[str, ...]
    background: bool = False


@dataclass(frozen=True, slots=True)
class Position:
    """One stated position of an actor on a topic.

    `stance` is one of `STANCES`. `text` is the issue statement (the event's object); `via` is the
    statement it stands for when the text only points back ("the new proposal" -> "a 42-day truce");
    `implied` marks a position read off another party's move (Hamas rejects "the U.S. ceasefire offer":
    the United States offered a ceasefire).
    """

    actor: ActorRef
    topic: str
    stance: str
    text: str
    quantities: tuple[Quantity, ...]
    date: str | None
    move_id: str
    via: str | None = None
    implied: bool = False
    attribution: Attributed = Attributed()


@dataclass(frozen=True, slots=True)
class PartyPosition:
    """A party's latest position on a topic, and every position it took there, oldest first."""

    party: ActorRef
    latest: Position
    history: tuple[Position, ...]


@dataclass(frozen=True, slots=True)
class Issue:
    """One topic: each party's positions, and what mediators proposed on it."""

    topic: str
    label: str
    positions: tuple[PartyPosition, ...]
    proposals: tuple[Position, ...]


@dataclass(frozen=True, slots=True)
class Gap:
    """A topic where the parties' latest positions do not meet.

    `kind` is "conflict" (one side demands or rejects what the other offers or refuses) or "open_demand"
    (a demand no other party has answered); `positions` are the latest positions that make the gap.
    """

    topic: str
    label: str
    kind: str
    summary: str
    positions: tuple[Position, ...]


@dataclass(frozen=True, slots=True)
class StateChange:
    """The process entered `status` (one of `STATUSES`) on `date`, shown by the moves `move_ids`."""

    status: str
    date: str | None
    move_ids: tuple[str, ...]
    summary: str


@dataclass(frozen=True, slots=True)
class Role:
    """An actor's role in a process: "party", "mediator", "host", "guarantor" or "observer".

    `place` names where talks were hosted (for hosts); `move_ids` are the moves that show the role.
    """

    actor: ActorRef
    role: str
    move_ids: tuple[str, ...]
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Process:
    """A negotiation process: its stable id, a readable name, who takes part and where it stands."""

    id: str
    name: str
    parties: tuple[ActorRef, ...]
    mediators: tuple[ActorRef, ...]
    hosts: tuple[ActorRef, ...]
    first_date: str | None
    last_date: str | None
    status: str
    n_moves: int
    n_articles: int

    def to_dict(self) -> dict[str, Any]:
        """The process as JSON-ready plain data."""
        return _plain(dataclasses.asdict(self))


@dataclass(frozen=True, slots=True)
class Board:
    """Everything known about one process: roles, issues and positions, moves, state and gaps."""

    process: Process
    roles: tuple[Role, ...]
    issues: tuple[Issue, ...]
    moves: tuple[Move, ...]
    state: StateChange
    state_history: tuple[StateChange, ...]
    gaps: tuple[Gap, ...]
    topics_version: str
    version: str = BOARD_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The board as JSON-ready plain data (the documented output contract)."""
        return _plain(dataclasses.asdict(self))
