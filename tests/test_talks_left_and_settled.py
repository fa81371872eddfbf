"""Talks left and rejoined, deals that settle everything or set issues aside, and other talks told beside them,
in words the tracker did not know (session 32, articles of our own with other names and words, written after the
fixes for story sets 17 and 18)."""

from __future__ import annotations

import pytest

from newswire import article, board_of, history


def _opening(story: str):
    return article(story, "a", "2036-04-09",
                   "ASUNCION, April 9 - Bolivia and Paraguay opened talks in Asuncion on Monday on the use of the "
                   "Pilcomayo river, with Uruguay acting as mediator. Bolivia demanded a share of 40 percent of the "
                   "dry-season flow; Paraguay offered 20 percent.")


def test_negotiators_who_clear_out_of_the_venue_suspend_the_talks(boards_of):
    b = article("pil1", "b", "2036-04-16",
                "LA PAZ, April 16 - Bolivia's negotiators cleared out of the riverside hotel in Asuncion on Tuesday "
                "and flew home, after Paraguayan police detained two Bolivian fishermen on the river.")
    board = board_of(boards_of([_opening("pil1"), b]), "BOL", "PRY")
    assert history(board) == [("ongoing", "2036-04-07"), ("suspended", "2036-04-15")]


@pytest.mark.xfail(strict=True, reason="'a paper the envoy put to both teams on April 27, the day ...': the day "
                                      "the zero relative clause dates is not found (not fixed)")
def test_an_absence_ended_on_a_day_named_before_resumes_on_that_day(boards_of):
    b = article("pil2", "b", "2036-04-16",
                "LA PAZ, April 16 - Bolivia's negotiators cleared out of the riverside hotel in Asuncion on Tuesday "
                "and flew home, after Paraguayan police detained two Bolivian fishermen on the river.")
    c = article("pil2", "c", "2036-05-08",
                "ASUNCION, May 8 - Bolivia and Paraguay signed an accord on Thursday sharing the Pilcomayo's "
                "dry-season flow. Its terms come from a paper Uruguay's envoy put to both teams on April 27, the day "
                "Bolivia's negotiators ended a thirteen-day absence from Asuncion.")
    board = board_of(boards_of([_opening("pil2"), b, c]), "BOL", "PRY")
    assert ("ongoing", "2036-04-27") in history(board)


def test_a_delegation_that_took_its_seats_again_on_a_day_a_clause_describes_returned_that_day(boards_of):
    b = article("pil3", "b", "2036-04-16",
                "LA PAZ, April 16 - Bolivia's negotiators cleared out of the riverside hotel in Asuncion on Tuesday "
                "and flew home, after Paraguayan police detained two Bolivian fishermen on the river.")
    c = article("pil3", "c", "2036-05-09",
                "ASUNCION, May 9 - Bolivia and Paraguay signed an accord on Friday sharing the Pilcomayo's dry-season "
                "flow. It was reached over a week of sessions that began on Thursday, May 1, when Bolivia's delegation "
                "took its seats again in the hotel's conference room.")
    board = board_of(boards_of([_opening("pil3"), b, c]), "BOL", "PRY")
    assert ("ongoing", "2036-05-01") in history(board)


def test_a_deal_its_report_says_left_nothing_open_is_whole_and_settles_earlier_demands(boards_of):
    c = article("pil4", "c", "2036-05-08",
                "ASUNCION, May 8 - Bolivia and Paraguay signed an accord on Thursday sharing the Pilcomayo's "
                "dry-season flow, with Bolivia receiving 30 percent. Bolivia had opened the talks demanding 40 "
                "percent. The two delegations also agreed on a joint commission to read the river gauges. \"No point "
                "is left open,\" Bolivia's chief negotiator said.")
    board = board_of(boards_of([_opening("pil4"), c]), "BOL", "PRY")
    assert history(board) == [("ongoing", "2036-04-07"), ("agreement", "2036-05-08")]
    assert board.gaps == ()


def test_a_deal_told_apart_by_the_next_sentence_is_not_these_talks(boards_of):
    b = article("pil5", "b", "2036-04-23",
                "ASUNCION, April 23 - Bolivia and Paraguay held a second round on the Pilcomayo on Monday. Paraguay's "
                "energy ministry and a Brazilian power company signed a contract on Tuesday for a new transmission "
                "line. That deal was negotiated separately, over two years.")
    board = board_of(boards_of([_opening("pil5"), b]), "BOL", "PRY")
    assert [s for s, _ in history(board)] == ["ongoing"]


def test_talks_a_sentence_calls_unrelated_bring_no_side(boards_of):
    b = article("pil6", "b", "2036-04-23",
                "ASUNCION, April 23 - Bolivia and Paraguay held a second round on the Pilcomayo on Monday. The river "
                "talks are unrelated to Paraguay's long-running negotiations with Taiwan over beef exports.")
    board = board_of(boards_of([_opening("pil6"), b]), "BOL", "PRY")
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"BOL", "PRY"}


def test_issues_a_deal_sets_aside_for_a_second_phase_stay_open(boards_of):
    a = article("hnd1", "a", "2036-06-02",
                "TEGUCIGALPA, June 2 - Honduras's government and the opposition opened a dialogue on Monday under "
                "the auspices of the Organization of American States. The opposition demands the release of 60 "
                "jailed activists, a new electoral law and guarantees for exiles who return.")
    b = article("hnd1", "b", "2036-06-20",
                "TEGUCIGALPA, June 20 - Honduras's government and the opposition signed a partial accord on Friday "
                "under which all 60 jailed activists will be freed, while the new electoral law and guarantees for "
                "returning exiles were set aside for a second phase of talks.")
    board = board_of(boards_of([a, b]), "HND", "HNDOPP")
    assert history(board)[-1] == ("partial_agreement", "2036-06-20")
    assert {g.topic for g in board.gaps} == {"governance", "guarantees"}


def test_the_day_the_exchanges_started_opens_talks_reported_later(boards_of):
    a = article("chd1", "a", "2036-07-09",
                "N'DJAMENA, July 9 - The Red Cross has begun carrying messages between Chad's government and the "
                "rebels holding the town of Fada, over letting food convoys in. The contacts began on Sunday, the "
                "agency's head of delegation told reporters on Tuesday.")
    board = board_of(boards_of([a]), "TCD", "TCDREB")
    assert history(board) == [("ongoing", "2036-07-06")]


def test_a_language_is_no_nation(coder):
    events = coder.code("YAOUNDE, May 15 - The separatists in the English-speaking regions rejected the "
                        "government's offer of a truce.", published="2036-05-15")
    assert events and all(e.source.country != "GBR" for e in events)


def test_a_bodys_delegation_is_the_body(coder):
    events = coder.code("LUSAKA, March 3 - The Zambia Union of Mineworkers and the mines ministry opened talks "
                        "on Monday. On Tuesday the union's delegation walked out.", published="2036-03-03")
    walkouts = [e for e in events if e.cameo == "164"]
    assert walkouts and all(e.source.sector == "LAB" for e in walkouts)


def test_a_name_with_a_possessive_is_still_the_name(coder):
    events = coder.code("JUBA, March 16 - South Sudan's government and the rebel Western People's Democratic Front "
                        "opened peace talks in Nairobi on Monday.", published="2036-03-16")
    assert {e.source.code for e in events} >= {"SSDGOV", "SSDREB"}


def test_counted_clerics_are_clerics_not_the_sides_named_before(coder):
    events = coder.code("LUSAKA, March 3 - The union and the government signed a wage deal on Saturday. That "
                        "followed a meeting between the three church leaders and the president on Tuesday.",
                        published="2036-03-03")
    clerics = [e for e in events if e.cameo.startswith("04") and "church leaders" in e.source.text]
    assert clerics and all(e.source.sector == "REL" for e in clerics)
