"""Returns, go-betweens and ends of talks told in further ways (session 32, articles of our own with other names
and words, written after the fixes for story set 19)."""

from __future__ import annotations

from newswire import article, board_of, history


def _opening(story: str):
    return article(story, "a", "2037-03-11",
                   "DODOMA, March 11 - Tanzania's government and the rebel Southern Highlands Front opened peace "
                   "talks in Lusaka on Monday, with Zambia lending the venue. The rebels demand the release of 400 "
                   "prisoners; the government offered 150.")


def test_negotiators_who_rejoined_the_sessions_resumed_the_talks(boards_of):
    b = article("shf1", "b", "2037-03-18",
                "LUSAKA, March 18 - The Southern Highlands Front suspended its participation in the talks with the "
                "Tanzanian government on Monday after an air strike on a village.")
    c = article("shf1", "c", "2037-03-25",
                "LUSAKA, March 25 - The rebels' negotiators rejoined the sessions on Tuesday after the government "
                "agreed to an inquiry into the air strike.")
    board = board_of(boards_of([_opening("shf1"), b, c]), "TZA", "TZAREB")
    assert history(board) == [("ongoing", "2037-03-09"), ("suspended", "2037-03-16"), ("ongoing", "2037-03-24")]


def test_issues_a_deal_leaves_to_a_later_stage_stay_open(boards_of):
    b = article("shf2", "b", "2037-03-25",
                "LUSAKA, March 25 - Tanzania's government and the Southern Highlands Front signed an agreement on "
                "Tuesday that frees 300 prisoners, but leaves the disarmament of the rebel fighters and the autonomy "
                "of the highlands to a later stage.")
    board = board_of(boards_of([_opening("shf2"), b]), "TZA", "TZAREB")
    assert history(board)[-1] == ("partial_agreement", "2037-03-24")
    assert {g.topic for g in board.gaps} >= {"disarmament", "governance"}


def test_a_go_between_named_family_name_first_is_found_by_that_name(boards_of):
    a = article("tan1", "a", "2037-05-06",
                "HANOI, May 6 - Vietnam and Laos opened talks in Hanoi on Monday on the tariff on Lao timber. "
                "Singapore's special envoy for the talks, Tan Wei Ming, has spent weeks travelling between the two "
                "capitals. Tan chaired Monday's session.")
    board = board_of(boards_of([a]), "VNM", "LAO")
    assert {r.actor.id for r in board.roles if r.role == "mediator"} == {"SGP"}


def test_a_go_between_whose_diplomats_shuttled_between_the_sides_is_no_side(boards_of):
    a = article("tan2", "a", "2037-05-06",
                "HANOI, May 6 - Vietnam and Laos opened talks in Hanoi on Monday on the tariff on Lao timber.")
    b = article("tan2", "b", "2037-05-20",
                "HANOI, May 20 - Vietnam and Laos held a second round on the timber tariff on Monday. Singapore, "
                "whose diplomats had shuttled between the two sides for months, said it was encouraged.")
    board = board_of(boards_of([a, b]), "VNM", "LAO")
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"VNM", "LAO"}
    assert "SGP" in {r.actor.id for r in board.roles if r.role == "mediator"}


def test_a_go_between_in_a_report_with_other_talks_mediates_the_talks_the_report_is_about(boards_of):
    a = article("tan3", "a", "2037-05-06",
                "HANOI, May 6 - Vietnam and Laos opened talks in Hanoi on Monday on the tariff on Lao timber. "
                "Vietnam demanded a cut in the export duty to 5 percent; Laos offered 12 percent.")
    b = article("tan3", "b", "2037-05-20",
                "HANOI, May 20 - Vietnam and Laos held a second round on the timber tariff on Monday. Laos raised "
                "its offer to a cut to 9 percent. Singapore's special envoy for the talks, Tan Wei Ming, again "
                "presided over the sessions.\n\nIn Jakarta, Indonesia and the International Monetary Fund held talks "
                "on Tuesday on a new credit line.")
    board = board_of(boards_of([a, b]), "VNM", "LAO")
    assert {r.actor.id for r in board.roles if r.role == "mediator"} == {"SGP"}


def test_talks_that_collapsed_leave_open_what_the_sides_still_held(boards_of):
    a = article("pyg1", "a", "2037-06-03",
                "ASUNCION, June 3 - Paraguay and Bolivia opened talks on Monday on river tolls. Bolivia demanded that "
                "the toll on its barges be cut by 40 percent; Paraguay offered a 10 percent cut.")
    b = article("pyg1", "b", "2037-06-17",
                "ASUNCION, June 17 - Paraguay and Bolivia called off their talks on river tolls for good on Monday. "
                "Paraguay had offered a 15 percent cut and Bolivia had lowered its demand to 30 percent.")
    board = board_of(boards_of([a, b]), "PRY", "BOL")
    assert history(board)[-1][0] == "collapsed"
    assert {g.topic for g in board.gaps} == {"trade"}


def test_an_inspectors_demand_is_no_labour_issue_without_a_union(boards_of):
    a = article("ins1", "a", "2037-06-03",
                "VIENNA, June 3 - Kazakhstan and the International Atomic Energy Agency opened talks on Monday on "
                "inspections at a uranium plant. The agency wants Kazakhstan to reinstate 12 inspectors whose visas "
                "were withdrawn; Kazakhstan offered to let six nuclear inspectors return.")
    board = board_of(boards_of([a]), "KAZ", "IGOUNOIAE")
    assert "labour" not in {i.topic for i in board.issues}


def test_a_refusal_told_in_the_past_perfect_in_an_earlier_round_this_month_is_background(coder):
    events = coder.code("ASUNCION, June 24 - Paraguay raised its offer on Monday. Bolivia had refused to discuss the "
                        "barge toll at all during the first round earlier this month.", published="2037-06-24")
    refusals = [e for e in events if e.cameo.startswith("12")]
    assert refusals and all(e.background for e in refusals)


def test_talks_with_a_union_leading_a_strike_are_talks_with_the_union(coder):
    events = coder.code("LUSAKA, June 3 - Zambia's government opened talks on Monday with the union federation "
                        "leading a strike at the state copper company.", published="2037-06-03")
    assert any(e.cameo == "040" and e.target is not None and e.target.sector == "LAB" for e in events)


def test_a_mediator_leading_the_talks_is_no_target(coder):
    events = coder.code("LUSAKA, June 3 - Zambia's government opened talks with the rebels on Monday, with Malawi "
                        "leading the mediation.", published="2037-06-03")
    opened = [e for e in events if e.cameo == "040" and e.trigger.text == "opened"]
    assert opened and {e.target.code for e in opened if e.target} <= {"ZMBREB", "ZMBGOV", "ZMB"}
    assert all(e.target is None or e.target.country != "MWI" for e in opened)


def _sahel_talks(story: str):
    return article(story, "a", "2038-10-06",
                   "NOUAKCHOTT, Oct 6 - Mali's government and the separatist Azawad Liberation Front opened talks in "
                   "Nouakchott on Monday under the auspices of the African Union. The separatists demand autonomy "
                   "for the north and the release of 200 fighters; the government offered to free 50.")


def test_a_government_in_a_report_from_the_venue_abroad_is_not_the_hosts(boards_of):
    b = article("azl1", "b", "2038-10-13",
                "NOUAKCHOTT, Oct 13 - The talks in Mauritania between the government and the separatists ended on "
                "Tuesday without agreement on the north's status, the African Union said. Mauritania's foreign "
                "minister said his country would keep the conference hall open. Mauritania's interior ministry said "
                "security around the venue would be kept in place. Mali's defence minister said the army would stay "
                "in Kidal.")
    boards = boards_of([_sahel_talks("azl1"), b])
    board = board_of(boards, "MLI", "MLIREB")
    assert "MRT" not in {r.actor.id for r in board.roles if r.role == "party"}
    assert not any({"MRT", "MRTREB"} & {r.actor.id for r in other.roles if r.role == "party"}
                   for other in boards if other is not board)


def test_negotiations_named_in_a_report_of_their_end_do_not_restart_them(boards_of):
    b = article("azl2", "b", "2038-10-20",
                "NOUAKCHOTT, Oct 20 - The African Union declared the talks between Mali's government and the "
                "separatists over on Tuesday, after two weeks of negotiations between the government and the "
                "separatists failed to produce agreement on the north's status.")
    board = board_of(boards_of([_sahel_talks("azl2"), b]), "MLI", "MLIREB")
    assert [s for s, _ in history(board)] == ["ongoing", "collapsed"]


def _dock_talks(story: str):
    return article(story, "a", "2039-11-02",
                   "GDANSK, Nov 2 - Poland's government opened talks on Monday with the dockers' union leading a "
                   "strike at the state port company. At the union's request, both sides invited Bishop Tadeusz "
                   "Wrona of Pelplin to chair the discussions. The union demands a 20 percent pay rise; the "
                   "government offered 5 percent. Around 300 of the dockers have refused to leave the quays.")


def test_a_cleric_both_sides_invited_to_chair_is_the_go_between_not_a_side(boards_of):
    board = board_of(boards_of([_dock_talks("dok1")]), "POL", "POLLAB")
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"POL", "POLLAB"}
    assert {r.actor.id for r in board.roles if r.role == "mediator"} == {"POLREL"}


def test_negotiators_who_left_the_ministry_declaring_they_would_not_return_walked_out(boards_of):
    b = article("dok2", "b", "2039-11-09",
                "WARSAW, Nov 9 - Negotiators for the striking dockers gathered their papers and left the Ministry of "
                "Infrastructure on Tuesday afternoon, saying they would not attend further sessions until the "
                "government improved its offer.")
    board = board_of(boards_of([_dock_talks("dok2"), b]), "POL", "POLLAB")
    assert history(board) == [("ongoing", "2039-10-31"), ("suspended", "2039-11-08")]


def test_he_after_the_bishops_invitation_is_the_bishop(boards_of):
    b = article("dok3", "b", "2039-11-09",
                "WARSAW, Nov 9 - Negotiators for the striking dockers walked out on Tuesday.")
    c = article("dok3", "c", "2039-11-23",
                "GDANSK, Nov 23 - The dockers' union and the government signed a pay deal on Tuesday. \"Nothing has "
                "been left open,\" the union's leader, Marek Zielinski, told reporters. The deal was signed at the "
                "residence of Bishop Tadeusz Wrona of Pelplin. The two delegations had come back on Friday at the "
                "bishop's invitation, after he had spent days carrying proposals between Pelplin and Warsaw.")
    board = board_of(boards_of([_dock_talks("dok3"), b, c]), "POL", "POLLAB")
    assert {r.actor.id for r in board.roles if r.role == "mediator"} == {"POLREL"}
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"POL", "POLLAB"}
