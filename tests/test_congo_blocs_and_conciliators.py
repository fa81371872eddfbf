"""Constructions that set 40's stories (the last four of session 38) showed the coder and the tracker missing,
tested with sentences of our own (written after the change, each checked to fail on the code before it)."""

from __future__ import annotations

from newswire import article, board_of, history


def test_congo_in_a_report_from_brazzaville_is_the_republic_of_the_congo(coder):
    events = coder.code("BRAZZAVILLE, May 5 - Congo's government opened talks with rebels of the Pool region in "
                        "Brazzaville on Tuesday.", published="2070-05-05")
    assert any(e.source.code == "COGGOV" for e in events), [(e.source.text, e.source.code) for e in events]


def test_talks_opened_with_the_two_sides_still_apart_are_theirs(coder):
    events = coder.code("KINGSTON, Jan 16 - Wage talks opened at the labour ministry on Tuesday, with the dockers' "
                        "union and the port company still far apart.", published="2070-01-16")
    assert {e.source.sector for e in events if e.cameo.startswith("04")} >= {"LAB", "BUS"}, \
        [(e.cameo, e.source.text, e.source.code) for e in events]


def test_a_ministry_s_conciliation_officer_is_no_soldier(coder):
    events = coder.code("KINGSTON, Jan 16 - The session was chaired by the ministry's chief conciliation officer, "
                        "Marcia Grant.", published="2070-01-16")
    assert events and all(e.source.sector != "MIL" for e in events), [(e.source.text, e.source.code) for e in events]


def test_talks_revived_in_the_passive_resume(coder):
    events = coder.code("Bhutan and India held talks on river tolls in March. The talks were revived in Thimphu on "
                        "Tuesday.", published="2070-06-23")
    assert any(e.trigger.text == "revived" and e.date == "2070-06-17" for e in events), \
        [(e.cameo, e.trigger.text, e.date) for e in events]


def test_a_political_bloc_is_a_party(coder):
    events = coder.code("COLOMBO, Sept 13 - Sri Lanka's government and the country's main Muslim political bloc "
                        "sat down on Tuesday for their first formal dialogue in years.", published="2070-09-13")
    assert any(e.source.sector == "PTY" for e in events), [(e.source.text, e.source.code) for e in events]


_STRIKE = [
    article("port-strike", "a", "2071-01-15",
            "KINGSTON, Jan 15 - The session was chaired by Jamaica's chief conciliation officer, Marcia Grant, "
            "who met each side separately first. The dockers' union is demanding a 15 percent raise, and "
            "the port company has offered 4 percent."),
    article("port-strike", "b", "2071-01-29",
            "KINGSTON, Jan 29 - Jamaica's dockers' union and the port company signed a first agreement on Tuesday, "
            "raising wages by 8 percent."),
]


def test_a_chair_told_before_the_sides_joins_their_talks_and_a_first_agreement_is_partial(boards_of):
    board = board_of(boards_of(_STRIKE), "JAMLAB", "JAMBUS")
    assert {r.actor.id for r in board.roles if r.role == "mediator"} == {"JAM"}
    assert [s for s, _ in history(board)][-1] == "partial_agreement"
