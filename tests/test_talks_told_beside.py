"""Other talks told beside these: a deal, meeting or round of one side with someone else, on no issue of these
talks, is no part of them (session 31, from story set 16's misses; articles of our own with other names and
words, written after the change)."""

from __future__ import annotations

import pytest

from newswire import article, history


def _opened(story: str):
    return article(story, "a", "2033-02-09",
                   "ACCRA, Feb 9 - Ghana and Togo opened talks in Accra on Monday on the line of their maritime "
                   "boundary, with the African Union acting as facilitator. Togo wants the line moved east; Ghana "
                   "rejects any change.")



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
    assert history(board) == [("ongoing", "2033-02-07"), ("suspended", "2033-02-15")]
    assert not [g for g in board.gaps if g.topic in ("labour", "trade")]


def test_a_meeting_of_one_side_with_another_state_on_the_issue_of_the_talks_stays_among_their_moves(boards_of):
    text = ("LOME, Feb 16 - Togo's negotiators walked out of the boundary talks with Ghana on Tuesday. Benin's "
            "delegation met Togo's negotiators in Lome on Thursday to discuss the maritime boundary, which Benin "
            "says must also fix the end point of its own sea border.")
    boards = boards_of([_opened("gulf2"), article("gulf2", "b", "2033-02-16", text)])
    [board] = [b for b in boards if {"GHA", "TGO"} <= _parties(b)]
    assert any("BEN" in {a.id for a in (*m.sources, *m.targets)} for m in board.moves)


def test_a_contract_one_side_signs_with_others_is_no_deal_of_the_talks(boards_of):
    text = ("ACCRA, Feb 16 - Togo suspended its part in the boundary talks with Ghana on Tuesday, a day after "
            "Ghana's energy ministry signed an exploration contract covering waters that Lome claims.")
    boards = boards_of([_opened("gulf3"), article("gulf3", "b", "2033-02-16", text)])
    [board] = [b for b in boards if {"GHA", "TGO"} <= _parties(b)]
    assert history(board) == [("ongoing", "2033-02-07"), ("suspended", "2033-02-15")]


def test_a_text_both_sides_could_sign_is_no_deal_yet(boards_of):
    text = ("ACCRA, Feb 16 - The African Union's envoy said on Tuesday she was still looking for a text both sides "
            "can sign, after a second week of talks between Ghana and Togo on the boundary.")
    boards = boards_of([_opened("gulf4"), article("gulf4", "b", "2033-02-16", text)])
    [board] = [b for b in boards if {"GHA", "TGO"} <= _parties(b)]
    assert [s for s, _ in history(board)] == ["ongoing"]


def test_a_return_told_later_as_taking_the_seat_again_resumes_the_talks(boards_of):
    b = article("gulf5", "b", "2033-02-16",
                "LOME, Feb 16 - Togo's negotiators walked out of the boundary talks with Ghana on Tuesday.")
    c = article("gulf5", "c", "2033-03-03",
                "ACCRA, March 3 - The boundary talks between Ghana and Togo broke down on Wednesday when the African "
                "Union's envoy declared them over. The Togolese delegation took its seat in the Accra hall again on "
                "Monday, Feb. 21, ending a six-day absence, after Ghana withdrew its survey ship.")
    boards = boards_of([_opened("gulf5"), b, c])
    [board] = [b for b in boards if {"GHA", "TGO"} <= _parties(b)]
    assert history(board) == [("ongoing", "2033-02-07"), ("suspended", "2033-02-15"), ("ongoing", "2033-02-21"),
                               ("collapsed", "2033-03-02")]


def test_what_a_deal_leaves_out_because_it_was_never_on_the_agenda_is_no_gap(boards_of):
    b = article("gulf6", "b", "2033-03-03",
                "ACCRA, March 3 - Ghana and Togo signed an agreement on Wednesday fixing their maritime boundary along "
                "the line Togo had proposed. Fishing rights off the Volta delta, which were never on the agenda of "
                "the talks, are not covered by the agreement.")
    boards = boards_of([_opened("gulf6"), b])
    [board] = [b for b in boards if {"GHA", "TGO"} <= _parties(b)]
    assert history(board)[-1] == ("agreement", "2033-03-02")
    assert not board.gaps


def test_a_boundary_line_told_by_its_bearing_is_about_territory(boards_of):
    b = article("gulf7", "b", "2033-02-16",
                "ACCRA, Feb 16 - Togo demanded a line at 118 degrees on Tuesday. Ghana rejected the "
                "118-degree line the same day.")
    boards = boards_of([_opened("gulf7"), b])
    [board] = [b for b in boards if {"GHA", "TGO"} <= _parties(b)]
    assert "territory" in {g.topic for g in board.gaps}


def test_the_holy_see_and_the_cardinal_it_sends_are_one_mediator(boards_of):
    a = article("holy1", "a", "2033-02-09",
                "VATICAN CITY, Feb 9 - Chile and Bolivia opened talks at the Vatican on Monday on an exchange of "
                "detained truck drivers, with the Holy See acting as mediator. Cardinal Tomas Arreola, whom the "
                "Holy See appointed as its envoy, is chairing the sessions.")
    [board] = [b for b in boards_of([a]) if {"CHL", "BOL"} <= _parties(b)]
    assert {r.actor.id for r in board.roles if r.role == "mediator"} == {"VAT"}
