"""Deals that leave an issue open, told in different words: the state is a partial agreement and the issue
left open is a gap. Stories of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.types import Article

OPENING = ("{a} and {b} opened talks in Geneva on Monday, with Swiss diplomats acting as mediators.",
           dt.date(2026, 4, 6))

ENDINGS = [
    ("Serbia", "Kosovo", "The two sides agreed on Thursday to reopen two border crossings but left the question "
     "of the northern municipalities' sovereignty open, a Swiss official said.", "territory"),
    ("Armenia", "Azerbaijan", "Armenia and Azerbaijan agreed on an exchange of prisoners on Thursday, while the "
     "demarcation of their frontier was left for later talks, the mediators said.", "territory"),
    ("Sudan", "South Sudan", "The two governments agreed on Thursday to release 40 detainees each, Swiss "
     "officials said, but they remained divided over the sharing of sanctions relief.", "sanctions"),
]


@pytest.mark.parametrize("a, b, ending, topic", ENDINGS)
def test_a_deal_that_leaves_an_issue_open(boards_of, a: str, b: str, ending: str, topic: str) -> None:
    first, published = OPENING
    second = f"{a} and {b} ended four days of talks in Geneva on Thursday.\n\n{ending}"
    articles = [Article(id="p1", text=first.format(a=a, b=b), published=published, publisher="Wire"),
                Article(id="p2", text=second, published=dt.date(2026, 4, 9), publisher="Wire")]
    boards = boards_of(articles)
    assert len(boards) == 1
    board = boards[0]
    assert [s.status for s in board.state_history] == ["ongoing", "partial_agreement"]
    assert board.state_history[-1].date == "2026-04-09"
    assert topic in {g.topic for g in board.gaps}
