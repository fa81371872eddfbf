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
    # session 26: chambers named as houses, law officers, a security service, candidates
    ("The House of Representatives rejected the budget on Monday.", "LEG"),
    ("The lower house rejected the budget on Monday.", "LEG"),
    ("The Solicitor General accused the broadcaster of breaking its licence.", "JUD"),
    ("The district attorney charged the mayor with fraud.", "JUD"),
    ("The Belarusian KGB arrested three activists in Minsk.", "SPY"),
    ("Green Party presidential nominee Dana Holt criticised the debate rules.", "PTY"),
    ("The three candidates criticised the debate rules on Monday.", "PTY"),
    ("The main opposition coalition rejected the draft electoral code.", "OPP"),
    ("Coalition forces shelled the port on Monday.", "MIL"),
    ("The ruling coalition rejected the motion on Monday.", "PTY"),
])
def test_role_words(coder: Coder, text: str, sector: str) -> None:
    events = coder.code(text)
    assert events and (events[0].source.code or "").endswith(sector), \
        [(e.source.text, e.source.code) for e in events]
