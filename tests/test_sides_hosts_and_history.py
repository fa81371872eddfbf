"""Constructions that set 37's stories showed the coder and the tracker missing, tested with sentences of our own
(session 38; written after the change, so each was checked to fail on the code before it)."""

from __future__ import annotations

from newswire import article, board_of, history


def _codes(events, words: str) -> set[str | None]:
    return {e.source.code for e in events if e.source.text == words}


def test_the_front_in_lower_case_is_the_front_named_before(coder):
    events = coder.code("KANDY, May 2 - Sri Lanka's government and the Uva Hills Liberation Front opened talks on "
                        "Friday. The front demanded the release of 60 prisoners.", published="2061-05-02")
    assert _codes(events, "The front") == {"LKAREB"}


def test_a_person_who_represents_a_side_is_that_sides(coder):
    events = coder.code("KANDY, May 2 - Sri Lanka's government and the Uva Hills Liberation Front opened talks on "
                        "Friday. The front is represented by Sunil Weerakoon Banda, a former teacher. Banda rejected "
                        "the government's offer.", published="2061-05-02")
    assert _codes(events, "Banda") == {"LKAREB"}


def test_a_civil_society_committee_is_civil_society(coder):
    events = coder.code("KANDY, May 2 - The talks are facilitated by a civil society committee headed by a retired "
                        "judge.", published="2061-05-02")
    assert all(e.source.sector == "CVL" for e in events if "committee" in e.source.text)


def test_a_body_whose_name_the_parser_cut_off_owns_its_official(coder):
    events = coder.code('ADDIS ABABA, Feb 20 - "There is no date for another round," IGAD Executive Secretary Hassan '
                        "Ali Dirie, who had chaired the talks since they opened, said in a statement.",
                        published="2062-02-20")
    chair = [e for e in events if "Dirie" in e.source.text]
    assert chair and all(e.source.code == "IGOEAFIGD" for e in chair), [(e.source.text, e.source.code) for e in events]


def test_a_walkout_in_an_after_clause_of_past_perfect_history_is_history(coder):
    events = coder.code("The levy had been imposed on March 3, the day after the Kenyan delegation walked out of "
                        "the first round, but traders paid little of it.", published="2062-04-10")
    walkouts = [e for e in events if e.cameo.startswith("16") or "walked" in e.trigger.text]
    assert walkouts and all(e.background for e in walkouts)


def test_who_convened_the_talks_is_no_meeting_of_the_day(coder):
    events = coder.code("The bishop, who chairs the Council of Churches, which convened the talks, said on Friday "
                        "that the churches would keep the chair ready.", published="2062-04-10")
    assert all(e.background for e in events if e.trigger.text == "convened")


_LAKE_TALKS = [
    article("lake-hosted", "a", "2063-05-10",
            "LUSAKA, May 10 - Malawi and Mozambique opened talks on Lake Chiuta fishing rights on Tuesday in "
            "Lusaka, where Zambia is hosting a first round of negotiations on the lake. Malawi's fisheries minister "
            "demanded a ban on night trawling."),
    article("lake-hosted", "b", "2063-05-20",
            "LILONGWE, May 20 - Malawi walked out of the Lake Chiuta talks in Lusaka on Thursday after "
            "Mozambique refused the trawling ban.\n\nIn a separate development, Malawi's president met Tanzania's "
            "head of state in Dodoma on Friday. A joint statement said the two leaders had agreed to reopen a "
            "border market."),
]


def test_the_host_of_a_round_is_no_side_and_a_separate_paragraph_is_other_talks(boards_of):
    board = board_of(boards_of(_LAKE_TALKS), "MWI", "MOZ")
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"MWI", "MOZ"}
    assert history(board) == [("ongoing", "2063-05-08"), ("suspended", "2063-05-17")]


def test_the_dateline_and_the_state_organs_outweigh_places_named_in_passing(coder):
    text = ("HONIARA, May 3 - Solomon Islands' government and opposition met on Tuesday for church-brokered talks. "
            "The churches' council chaired the session.\n\nElsewhere in the region, Vanuatu's parliament voted on "
            "Monday to remove the prime minister. Port Vila was calm, and Vanuatu's president called for unity.")
    events = coder.code(text, published="2064-05-03")
    assert {e.source.code for e in events if "church" in e.source.text} <= {"SLBREL"}


def test_a_team_recalled_from_the_host_city_faces_no_one_there(coder):
    events = coder.code("FREETOWN, June 6 - Guinea-Bissau recalled its negotiators from Dakar late on Thursday, "
                        "putting on hold the fishing talks with Gambia.", published="2064-06-06")
    recall = [e for e in events if e.cameo == "164"]
    assert recall and all(e.target is None or e.target.country != "SEN" for e in recall)


def test_talks_named_by_their_town_are_no_one_s(coder):
    events = coder.code("The Dakar talks were the first direct negotiations on the fishing grounds since the "
                        "clash.", published="2064-06-06")
    assert all(e.source.country != "SEN" for e in events)


_ISLAND_DEAL = [
    article("island-deal", "a", "2065-02-10",
            "PORT LOUIS, Feb 10 - Mauritius and the Seychelles opened talks on Tuesday on the disputed Cargados "
            "shoals. The Seychelles demanded that Mauritian coast guard boats withdraw 20 miles from the shoals; "
            "Mauritius offered to pull them back five miles. Mauritius insists the shoals are its territory, "
            "which the Seychelles rejects."),
    article("island-deal", "b", "2065-02-24",
            "PORT LOUIS, Feb 24 - Mauritius and the Seychelles agreed on Monday that Mauritian boats would pull "
            "back ten miles from the shoals, but they handed the question of who owns the shoals to a joint "
            "boundary commission, in a partial accord."),
]


def test_a_partial_deal_settles_what_it_agrees_and_leaves_what_it_hands_to_a_commission(boards_of):
    board = board_of(boards_of(_ISLAND_DEAL), "MUS", "SYC")
    assert [s for s, _ in history(board)] == ["ongoing", "partial_agreement"]
    assert {g.topic for g in board.gaps} == {"territory"}
