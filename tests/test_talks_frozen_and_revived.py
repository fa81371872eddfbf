"""Talks put on ice, teams ordered out or flying out, talks that gather or get going again, and hosts who say
they do not mediate (session 33, articles of our own with other names and words, written after the fixes for
story set 21)."""

from __future__ import annotations

import pytest

from newswire import article, board_of, history


def _cocoa(letter: str, published: str, text: str):
    return article("cocoa", letter, published, text)


def test_talks_put_on_ice_and_a_team_ordered_out_then_gathered_again(boards_of):
    a = _cocoa("a", "2038-04-06",
               "LOME, April 6 - Ghana and Togo opened talks in Lome on Monday on cocoa smuggling across their "
               "border. Accra wants the release of 40 seized trucks; Lome has offered to return 15.")
    b = _cocoa("b", "2038-04-15",
               "ACCRA, April 15 - Ghana has put its negotiations with Togo over the seized cocoa trucks on ice, "
               "ordering its delegation to leave Lome late on Wednesday after a customs officer was shot at the "
               "border.\n\nThe talks had stalled last month over the number of trucks, officials said.")
    c = _cocoa("c", "2038-05-01",
               "ACCRA, May 1 - The two delegations gathered again in Lome on Friday for the first time since Ghana "
               "had called its negotiators home on April 14. Togo raised its offer to 30 trucks.")
    board = board_of(boards_of([a, b, c]), "GHA", "TGO")
    assert history(board) == [("ongoing", "2038-04-05"), ("suspended", "2038-04-14"), ("ongoing", "2038-04-30")]


@pytest.mark.xfail(strict=True, reason="a report that names no side before 'the talks got going again' gives the "
                                       "talks no actors, and no move")
def test_a_named_movement_whose_team_flew_out_and_whose_talks_got_going_again(boards_of):
    a = article("nsm", "a", "2038-05-13",
                "NIAMEY, May 13 - Niger's government and the Niger Salvation Movement, an armed group active near "
                "the Malian border, opened peace talks in Cotonou on Wednesday.")
    b = article("nsm", "b", "2038-05-21",
                "NIAMEY, May 21 - The Niger Salvation Movement's negotiators flew out of Cotonou on Thursday, "
                "halting the talks with the government after a drone strike on one of their camps.")
    c = article("nsm", "c", "2038-06-11",
                "COTONOU, June 11 - The talks got going again on Thursday, three weeks after the movement's "
                "delegation had flown out of Cotonou in protest at the drone strike.")
    board = board_of(boards_of([a, b, c]), "NER", "NERREB")
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"NER", "NERREB"}
    assert history(board) == [("ongoing", "2038-05-12"), ("suspended", "2038-05-20"), ("ongoing", "2038-06-10")]


def test_stalled_talks_revived_and_old_history_founds_no_talks_of_its_own(boards_of):
    a = article("amu", "a", "2038-07-06",
                "TASHKENT, July 6 - Uzbekistan and Turkmenistan began talks on Monday on sharing the water of the "
                "Amu Darya. Kazakhstan, which lent a government residence outside Almaty for the meetings, has made "
                "clear that it is hosting rather than mediating.")
    b = article("amu", "b", "2038-07-10",
                "TASHKENT, July 10 - Turkmenistan froze its participation in the water talks with Uzbekistan on "
                "Friday after a dispute over a new canal.")
    c = article("amu", "c", "2038-07-22",
                "ALMATY, July 22 - Uzbekistan and Turkmenistan revived their stalled water negotiations on "
                "Wednesday. The two countries signed a treaty in 2031 that divided the river's flow.")
    boards = boards_of([a, b, c])
    board = board_of(boards, "UZB", "TKM")
    assert history(board) == [("ongoing", "2038-07-05"), ("suspended", "2038-07-09"), ("ongoing", "2038-07-21")]
    assert not [r for r in board.roles if r.role == "mediator"]
    assert sum({"UZB", "TKM"} <= {r.actor.id for r in b.roles} for b in boards) == 1


def test_a_halt_after_the_collapse_leaves_the_talks_collapsed(boards_of):
    a = article("gyf", "a", "2038-08-03",
                "GEORGETOWN, Aug 3 - Guyana and Suriname opened talks on Monday on river fishing rights, with the "
                "Caribbean Community facilitating. Suriname demanded licences for 60 boats; Guyana offered 20.")
    b = article("gyf", "b", "2038-08-05",
                "GEORGETOWN, Aug 5 - The talks between Guyana and Suriname on fishing rights collapsed on "
                "Wednesday when Guyana rejected the final proposal. The Caribbean Community said it was ending its "
                "facilitation of the negotiations.")
    board = board_of(boards_of([a, b]), "GUY", "SUR")
    assert history(board)[-1] == ("collapsed", "2038-08-04")


def test_a_deal_a_quote_names_as_signed_long_ago_is_no_new_agreement(boards_of):
    a = article("tro", "a", "2038-04-06",
                "LOME, April 6 - Ghana and Togo opened talks in Lome on Monday on the Volta border markets. \"We are "
                "here to defend the accord our presidents signed,\" said Ghana's chief negotiator.")
    board = board_of(boards_of([a]), "GHA", "TGO")
    assert history(board) == [("ongoing", "2038-04-05")]


def test_a_body_named_after_its_country_is_no_state(coder):
    events = coder.code("NIAMEY, May 13 - The Niger Salvation Movement accused the army of shelling villages. "
                        "The Malawi Democratic Alliance accused the government of fraud.", published="2038-05-13")
    sources = {e.source.text: e.source.code for e in events}
    assert sources["The Niger Salvation Movement"] == "NERREB"
    assert sources["The Malawi Democratic Alliance"] == "MWIPTY"


def test_a_government_talking_to_a_known_gang_is_the_gangs_state(coder):
    events = coder.code("Government negotiators met lawyers for the Gulf Clan on Monday.", published="2014-05-05")
    assert any(e.source.code == "COLGOV" for e in events)


def test_bargains_over_drug_flights_or_a_sentence_are_no_talks(boards_of):
    a = article("nrc", "a", "2015-03-02",
                "LA PAZ, March 2 - A former bodyguard said Bolivia's president personally negotiates drug flights "
                "with Venezuela's president. Separately, an aide to Peru's interior minister negotiated the sentence "
                "reduction of a Slovak convict in return for a bribe, prosecutors said.")
    assert not boards_of([a])


# Session 33, written after the fixes for story set 22.

def test_a_call_scaled_back_is_a_demand_that_stays_open_at_the_collapse(boards_of):
    a = article("kas", "a", "2039-02-09",
                "BAMAKO, Feb 9 - Mali's government and the Kayes Liberation Front opened peace talks in Dakar on "
                "Tuesday. The front called for a 60-day truce and the withdrawal of the army from six garrisons.")
    b = article("kas", "b", "2039-02-23",
                "DAKAR, Feb 23 - The Kayes Liberation Front scaled back its call for army withdrawals from six "
                "garrisons to four on Monday. The peace talks between Mali's government and the front collapsed on "
                "Tuesday.")
    board = board_of(boards_of([a, b]), "MLI", "MLIREB")
    assert history(board)[-1] == ("collapsed", "2039-02-22")
    assert "withdrawal" in {g.topic for g in board.gaps}


def test_an_offer_the_day_before_talks_opened_does_not_open_them(boards_of):
    a = article("dkr", "a", "2039-06-08",
                "COPENHAGEN, June 8 - Denmark's government and the ferry workers' union opened talks on Tuesday to "
                "end a strike that began on Monday. The government has offered a 2 percent rise; the union wants 5 "
                "percent and a written guarantee that no crews will be laid off.")
    b = article("dkr", "b", "2039-06-16",
                "COPENHAGEN, June 16 - Denmark's government and the ferry workers' union signed an interim deal on "
                "Wednesday that ends the strike, settling pay but leaving the fight over crew cuts to be resolved "
                "later.")
    board = board_of(boards_of([a, b]), "DNK", "DNKLAB")
    assert history(board) == [("ongoing", "2039-06-07"), ("partial_agreement", "2039-06-15")]
    assert {g.topic for g in board.gaps} == {"labour"}



# Session 33, written after the fixes for the strict xfails of sets 15 and 18.

def test_a_union_named_by_its_initials_that_rejoined_and_conciliation_that_broke_down(boards_of):
    a = article("gdk", "a", "2039-09-07",
                "ATHENS, Sept 7 - About 900 dockers of the Piraeus Port Workers Union (ENEL) walked off the job "
                "on Monday. The dockworkers' union ENEL and the port operators opened conciliation talks on Tuesday "
                "at the labour ministry. The union wants an 8 percent rise; the operators offered 3 percent.")
    b = article("gdk", "b", "2039-09-14",
                "PIRAEUS, Sept 14 - The union ENEL walked out of the talks with the port operators on Tuesday.")
    c = article("gdk", "c", "2039-09-24",
                "ATHENS, Sept 24 - Conciliation between striking dockworkers and the port operators in Piraeus broke "
                "down on Friday. At the table, which ENEL rejoined on Monday, the two sides had stayed two points "
                "apart.")
    board = board_of(boards_of([a, b, c]), "GRCLAB", "GRCBUS")
    assert history(board) == [("ongoing", "2039-09-06"), ("suspended", "2039-09-13"), ("ongoing", "2039-09-19"),
                              ("collapsed", "2039-09-23")]


def test_they_returned_after_the_negotiators_is_their_return(coder):
    events = coder.code("BANGUI, Sept 24 - The rebel negotiators had left the talks in Luanda on Tuesday. They "
                        "returned on Monday after the government agreed to an inquiry.", published="2039-09-24")
    assert any(e.cameo == "046" and e.trigger.text == "returned" for e in events)


# Session 33, written after the fixes for story set 23.

def test_a_boycott_until_further_notice_and_places_taken_up_again(boards_of):
    a = article("bnd", "a", "2040-03-08",
                "LOME, March 8 - Benin's government and its opposition alliance began a political dialogue in Lome "
                "on Wednesday under the auspices of ECOWAS. The alliance wants half the seats on the electoral "
                "commission; the government offered four of eleven.")
    b = article("bnd", "b", "2040-03-13",
                "COTONOU, March 13 - The opposition alliance said on Saturday that its delegation would stay away "
                "from the Lome sessions until further notice, after police broke up one of its rallies. ECOWAS "
                "special envoy Amara Diallo travelled to Cotonou on Monday and met opposition leaders.")
    c = article("bnd", "c", "2040-03-21",
                "LOME, March 21 - The two delegations took up their places again in Lome on Tuesday, ending a ten-day "
                "boycott.")
    board = board_of(boards_of([a, b, c]), "BEN", "BENOPP")
    assert history(board) == [("ongoing", "2040-03-07"), ("suspended", "2040-03-10"), ("ongoing", "2040-03-20")]


def test_a_host_that_is_no_party_and_mediates_nothing_is_neither(boards_of):
    a = article("cyp", "a", "2040-03-06",
                "NICOSIA, March 6 - Lebanese and Israeli officials opened indirect talks in Nicosia on Monday on the "
                "return of detained fishermen, with the Red Cross carrying messages between them. \"Cyprus is not a "
                "party to these talks and is not mediating them,\" a Cypriot spokesman said.")
    board = board_of(boards_of([a]), "LBN", "ISR")
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"LBN", "ISR"}


def test_a_breakaway_region_is_its_states_separatists(coder):
    events = coder.code("TBILISI, March 6 - Georgia and the breakaway region of South Ossetia opened talks in Geneva "
                        "on Monday.", published="2040-03-06")
    assert any(e.source.code == "GEOREB" or e.target is not None and e.target.code == "GEOREB" for e in events)
