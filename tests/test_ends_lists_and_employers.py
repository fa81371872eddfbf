"""Constructions that set 38's stories showed the coder and the tracker missing, tested with sentences of our own
(session 38; written after the change, each checked to fail on the code before it)."""

from __future__ import annotations

from newswire import article, board_of, history


def test_a_body_carrying_lists_between_the_delegations_mediates(coder):
    events = coder.code("GENEVA, May 5 - The Red Crescent carried lists of prisoners between the two delegations "
                        "on Sunday.", published="2066-05-05")
    assert any(e.cameo == "045" for e in events), [(e.cameo, e.trigger.text) for e in events]


def test_manufacturers_and_factory_owners_are_business(coder):
    events = coder.code("DHAKA, May 5 - The leather workers' union and the country's main association of shoe "
                        "manufacturers opened wage talks on Sunday.", published="2066-05-05")
    assert any(e.source.sector == "BUS" for e in events), [(e.source.text, e.source.code) for e in events]


def test_a_strike_lasting_since_last_week_dates_no_later_act(coder):
    text = ("DHAKA, Sept 1 - Bangladesh's largest tannery union and the country's main association of leather "
            "exporters opened talks at the labour ministry on Tuesday in an attempt to end a strike that has idled "
            "dozens of tanneries around the capital since last week.\n\nLabour Minister Rafiq Hasan, who chaired the "
            "opening session, said he would not impose a figure.")
    chair = [e for e in coder.code(text, published="2066-09-01") if e.cameo == "045"]
    assert chair and all(e.date == "2066-08-31" for e in chair), [(e.date, e.date_basis) for e in chair]


def test_an_act_before_which_offers_were_tabled_is_history(coder):
    events = coder.code("On the water quota, the government's last offer of 30 percent and the union's demand of 40 "
                        "percent, both tabled before the union walked out, remain on the table.",
                        published="2066-09-03")
    walkouts = [e for e in events if e.trigger.text == "walked"]
    assert walkouts and all(e.background for e in walkouts)


_PORT_TALKS = [
    article("port-talks", "a", "2067-03-05",
            "LA PAZ, March 5 - Bolivia and Peru opened talks on Tuesday on cargo fees at the port of Ilo. Bolivia "
            "demanded that Peru lift a 12 percent handling fee."),
    article("port-talks", "b", "2067-03-20",
            "LA PAZ, March 20 - Bolivia pulled out of its port negotiations with Peru on Monday, saying the talks "
            "had \"run their course\" after Peru raised the fee again.\n\nBolivia's foreign minister was "
            "separately in Brasilia on Monday for another round of talks with Brazil on a railway, a process "
            "mediated by Argentina."),
]


def test_talks_told_to_have_run_their_course_collapse_and_a_separate_trip_is_other_talks(boards_of):
    board = board_of(boards_of(_PORT_TALKS), "BOL", "PER")
    assert [s for s, _ in history(board)] == ["ongoing", "collapsed"]
    assert not any(r.role == "mediator" for r in board.roles)
