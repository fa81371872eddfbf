"""Other talks told beside these: a deal, meeting or round of one side with someone else, on no issue of these
talks, is no part of them (session 31, from story set 16's misses; articles of our own with other names and
words, written after the change)."""

from __future__ import annotations

import pytest

from newswire import article


def _opened(story: str):
    return article(story, "a", "2033-02-09",
                   "ACCRA, Feb 9 - Ghana and Togo opened talks in Accra on Monday on the line of their maritime "
                   "boundary, with the African Union acting as facilitator. Togo wants the line moved east; Ghana "
                   "rejects any change.")


def _history(board) -> list[tuple[str, str | None]]:
    return [(s.status, s.date) for s in board.state_history]


def _parties(board) -> set[str]:
    return {r.actor.id for r in board.roles if r.role == "party"}


@pytest.mark.parametrize("aside", [
    "In Lome on Thursday, Togo's health ministry and the national nurses' union concluded a two-year pay deal, "
    "ending a strike that had shut clinics since December.",
    "Separately, Togo and Benin signed a protocol on Thursday on customs checks at their land border.",
    "Togo's prime minister also met Burkina Faso's president on Thursday to discuss a new power line.",
    "Togo's foreign minister, who is also negotiating a customs union with Benin, signed a transit protocol with "
    "Benin's trade minister in Cotonou on Thursday.",
    "Also on Thursday, Togo and Benin held a first round of talks on a joint power line, and agreed to meet again "
    "in March.",
    "Togo's government and the truckers' union reached a deal on fuel prices on Thursday, ending a four-day "
    "strike.",
])
def test_a_sides_dealings_with_someone_else_are_no_part_of_the_talks(boards_of, aside):
    text = (f"LOME, Feb 16 - Togo's negotiators walked out of the boundary talks with Ghana on Tuesday, saying Accra "
            f"had sent a survey ship into the disputed waters. {aside}")
    boards = boards_of([_opened("gulf1"), article("gulf1", "b", "2033-02-16", text)])
    [board] = [b for b in boards if {"GHA", "TGO"} <= _parties(b)]
    assert _parties(board) == {"GHA", "TGO"}
    assert _history(board) == [("ongoing", "2033-02-07"), ("suspended", "2033-02-15")]
    assert not [g for g in board.gaps if g.topic in ("labour", "trade")]


def test_a_meeting_of_one_side_with_another_state_on_the_issue_of_the_talks_stays_among_their_moves(boards_of):
    text = ("LOME, Feb 16 - Togo's negotiators walked out of the boundary talks with Ghana on Tuesday. Benin's "
            "delegation met Togo's negotiators in Lome on Thursday to discuss the maritime boundary, which Benin "
            "says must also fix the end point of its own sea border.")
    boards = boards_of([_opened("gulf2"), article("gulf2", "b", "2033-02-16", text)])
    [board] = [b for b in boards if {"GHA", "TGO"} <= _parties(b)]
    assert any("BEN" in {a.id for a in (*m.sources, *m.targets)} for m in board.moves)
