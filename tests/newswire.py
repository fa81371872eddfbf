"""Test articles of our own: one report of a story, as the negotiation tests build them."""

from __future__ import annotations

import datetime as dt

from parley.types import Article


def article(story: str, letter: str, published: str, text: str) -> Article:
    """The report `letter` ("a", "b", ...) of `story`, published on the ISO day `published`."""
    return Article(f"{story}-{letter}", text, published=dt.date.fromisoformat(published), publisher="Test Wire")


def history(board) -> list[tuple[str, str | None]]:
    """A board's state history as (status, date) pairs."""
    return [(s.status, s.date) for s in board.state_history]


def board_of(boards, *codes: str):
    """The one board whose parties include every code in `codes`."""
    [board] = [b for b in boards if set(codes) <= {r.actor.id for r in b.roles if r.role == "party"}]
    return board
