"""Role words for who acts: a speaker of a house is a legislator; a union of a trade is labour; the
representatives of a non-state side are that side."""

from __future__ import annotations

import pytest

from parley.coder import Coder


@pytest.mark.parametrize("text, sector", [
    ("Parliamentary Speaker Anna Kovacs criticised the budget on Monday.", "LEG"),
    ("The rebel negotiators rejected the proposal on Monday.", "REB"),
    ("Opposition leaders walked out of the talks on Monday.", "OPP"),
    ("The nurses' union rejected the offer on Monday.", "LAB"),
])
def test_role_words(coder: Coder, text: str, sector: str) -> None:
    events = coder.code(text)
    assert events and (events[0].source.code or "").endswith(sector), \
        [(e.source.text, e.source.code) for e in events]
