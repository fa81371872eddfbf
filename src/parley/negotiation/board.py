"""Text renderings of processes and boards for an 80-120 column terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from parley.formats import Column, render_table
from parley.negotiation.model import ActorRef, Board, Issue, Move, Position, Process

__all__ = ["format_board", "format_processes"]

MIN_WIDTH, MAX_WIDTH = 80, 120
_STANCE = {"demand": "demands", "offer": "offers", "accept": "accepts", "reject": "rejects", "agree": "agreed",
           "concede": "concedes"}
_STATUS = {"ongoing": "ONGOING", "suspended": "SUSPENDED", "partial_agreement": "PARTIAL AGREEMENT",
           "agreement": "AGREEMENT", "collapsed": "COLLAPSED"}


def _width(width: int) -> int:
    return max(MIN_WIDTH, min(MAX_WIDTH, width))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


_PROCESS_COLUMNS = (Column("ID", fixed=True), Column("STATE", fixed=True), Column("PERIOD", fixed=True),
                    Column("MOVES", right=True, fixed=True), Column("NAME"))


def format_processes(processes: Sequence[Process], *, width: int = 100) -> str:
    """One line per process: id, state, period, moves, name."""
    rows = [(p.id, _STATUS.get(p.status, p.status).lower(), f"{p.first_date or '?'} – {p.last_date or '?'}",
             str(p.n_moves), p.name) for p in processes]
    return "\n".join(render_table(_PROCESS_COLUMNS, rows, width=_width(width)))


def _position_text(p: Position) -> str:
    statement = f"{p.text}: {p.via}" if p.via else p.text
    mark = " (implied)" if p.implied else ""
    hedge = " (reportedly)" if p.attribution.hedged else ""
    return f"{_STANCE[p.stance]} {statement}{mark}{hedge}"


def _cell(history: Sequence[Position], *, keep: int = 3) -> list[str]:
    """The latest position first, then earlier ones (newest first), one paragraph each."""
    lines: list[str] = []
    for n, p in enumerate(reversed(history[-keep:])):
        date = (p.date or "")[5:] if p.date else ""
        prefix = "" if n == 0 else "was: "
        lines.append(f"{prefix}{_position_text(p)} [{date}]" if date else f"{prefix}{_position_text(p)}")
    if len(history) > keep:
        lines.append(f"(+{len(history) - keep} earlier)")
    return lines


def _issues_table(board: Board, width: int) -> list[str]:
    """Issues × parties (and what mediators propose), each cell the latest position then earlier ones."""
    parties = list(board.process.parties)
    has_proposals = any(issue.proposals for issue in board.issues)
    columns = [Column("ISSUE", wrap=True, min_width=12)]
    columns += [Column(party.name.upper(), wrap=True, min_width=16) for party in parties]
    if has_proposals:
        columns.append(Column("MEDIATORS PROPOSE", wrap=True, min_width=16))
    rows = [_issue_row(issue, parties, has_proposals) for issue in board.issues]
    return render_table(columns, rows, width=width, rule=True)


def _issue_row(issue: Issue, parties: Sequence[ActorRef], has_proposals: bool) -> list[list[str]]:
    by_party = {pp.party.id: pp for pp in issue.positions}
    row = [[issue.label or issue.topic]]
    for party in parties:
        pp = by_party.get(party.id)
        row.append(_cell(pp.history) if pp else ["—"])
    if has_proposals:
        if issue.proposals:
            latest = issue.proposals[-1]
            names = ", ".join(dict.fromkeys(x.actor.name for x in issue.proposals if x.move_id == latest.move_id))
            row.append([f"{names}: {latest.text}"])
        else:
            row.append(["—"])
    return row


def _actors(board: Board, role: str) -> str:
    names = []
    for r in board.roles:
        if r.role == role:
            names.append(f"{r.actor.name} ({r.place})" if r.place and r.place != r.actor.name else r.actor.name)
    return ", ".join(names)


def _move_line(move: Move, width: int) -> list[str]:
    who = ", ".join(a.name for a in move.sources)
    if move.targets:
        who += " → " + ", ".join(t.name for t in move.targets)
    what = move.object or move.evidence
    notes = []
    if move.negated:
        notes.append("not")
    if move.modality:
        notes.append(move.modality)
    if move.place:
        notes.append(f"in {move.place}")
    a = move.attribution
    if a.speaker:
        notes.append(f"says {a.speaker}")
    if a.reported_by:
        notes.append("per " + ", ".join(a.reported_by))
    if a.hedged:
        notes.append("hedged")
    text = f"{who}: {what}" + (f"  [{'; '.join(notes)}]" if notes else "")
    head = f"  {move.date or '?':<10}  {move.kind.replace('_', ' '):<19} "
    wrapped = textwrap.wrap(text, width - len(head)) or [""]
    return [head + wrapped[0], *(" " * len(head) + line for line in wrapped[1:])]


def format_board(board: Board, *, width: int = 100, moves: int = 12) -> str:
    """The board as text: roles, issues × parties with positions, state and gaps, recent moves.

    Args:
        board: the board (`parley.negotiation.board(...)`).
        width: the terminal width; the text keeps within 80-120 columns.
        moves: how many of the latest moves to list.
    """
    width = _width(width)
    p = board.process
    out = [_fit(f"{p.name}  [{p.id}]", width), "=" * min(width, len(p.name) + len(p.id) + 4)]
    state = board.state
    out.append(_fit(f"State: {_STATUS.get(state.status, state.status)} since {state.date or '?'} — {state.summary}",
                    width))
    if len(board.state_history) > 1:
        trail = " → ".join(f"{s.status.replace('_', ' ')} {s.date or '?'}" for s in board.state_history)
        out.extend(textwrap.wrap(f"History: {trail}", width, subsequent_indent="  "))
    out.append(f"Period: {p.first_date or '?'} – {p.last_date or '?'} · {_count(p.n_moves, 'move')} · "
               f"{_count(p.n_articles, 'article')}")
    out.append("")
    for label, role in (("Parties", "party"), ("Mediators", "mediator"), ("Hosts", "host"),
                        ("Guarantors", "guarantor"), ("Observers", "observer")):
        names = _actors(board, role)
        if names:
            out.extend(textwrap.wrap(f"{label + ':':<12}{names}", width, subsequent_indent=" " * 12))
    out.append("")
    if board.issues:
        out.append("Issues and positions (latest first)")
        out.extend(_issues_table(board, width))
        out.append("")
    out.append("Gaps")
    if board.gaps:
        for gap in board.gaps:
            mark = "!" if gap.kind == "conflict" else "?"
            kind = {"conflict": "conflict", "left_open": "left open by a deal"}.get(gap.kind, "open demand")
            out.extend(textwrap.wrap(f"{mark} {gap.label} ({kind}): {gap.summary}", width,
                                     initial_indent="  ", subsequent_indent="      "))
    else:
        out.append("  none: the parties' latest positions meet on every issue")
    out.append("")
    shown = board.moves[-moves:] if moves else ()
    out.append(f"Recent moves ({len(shown)} of {len(board.moves)})")
    for move in shown:
        out.extend(_move_line(move, width))
    return "\n".join(out)
