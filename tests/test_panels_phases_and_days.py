"""Halts told as a side freezing its part, negotiators flying out in a conjoined clause, talks picked up again by
"the two panels" or "the two teams", a first phase that pushes issues into later rounds, a signing dated by the
next paragraph, a walkout dated by the day hung on the talks, a hoped-for signing, an opening retold by its month
(session 36, articles of our own with other names and words, written after the fixes for story set 31)."""

from __future__ import annotations

from newswire import article, board_of, history


def _events(coder, text: str, published: str = "2049-06-12"):
    return coder.code(text, published=published)


def test_freezing_its_part_in_the_negotiations_halts_them(coder):
    events = _events(coder, "The Afar Revolutionary Democratic Unity Front has frozen its part in the negotiations "
                            "with Ethiopia after an ambush near Semera.")
    assert [e for e in events if e.cameo == "164" and e.trigger.text == "frozen"]


def test_negotiators_flying_out_in_a_conjoined_clause_walk_out(coder):
    events = _events(coder, "The dockworkers' union rejected the port authority's offer, and its negotiators flew "
                            "out of Mombasa late on Friday.")
    flew = [e for e in events if e.trigger.text == "flew"]
    assert flew and flew[0].cameo == "164" and flew[0].date == "2049-06-11"


def test_the_two_teams_picking_up_the_threads_of_the_talks_resume_them(coder):
    events = _events(coder, "Guyana and Suriname held talks on their river border in Paramaribo last month. The two "
                            "teams picked up the threads of the negotiations again on Monday.")
    picked = [e for e in events if e.trigger.text == "picked"]
    assert picked and picked[0].cameo == "046"
    assert {picked[0].source.code, picked[0].target.code if picked[0].target else None} == {"GUY", "SUR"}


def test_the_two_teams_are_not_a_list_of_bystanders(coder):
    events = _events(coder, "Guyana and Suriname held talks last month. The deal bars attacks on farmers, traders and "
                            "fishermen. The two teams returned to the negotiating room on Monday.")
    back = [e for e in events if e.trigger.text == "returned"]
    assert back and {back[0].source.code} <= {"GUY", "SUR"}


def test_a_signing_is_dated_by_the_next_paragraph_that_retells_it(coder):
    events = _events(coder, "LUSAKA, June 12 - Zambia's miners ended their strike on Thursday after their union "
                            "and the mines ministry signed a wage agreement.\n\nThe agreement was signed before dawn "
                            "on Wednesday at the ministry.")
    signed = [e for e in events if e.cameo == "057" and e.trigger.text == "signed"]
    assert signed and signed[0].date == "2049-06-09"


def test_a_walkout_is_dated_by_the_day_the_parser_hung_on_the_talks(coder):
    events = _events(coder, "The teachers' union stormed out of talks with the ministry on Tuesday night.")
    out = [e for e in events if e.cameo == "164"]
    assert out and out[0].date == "2049-06-08"


def test_a_walkout_from_talks_that_began_on_a_day_is_not_dated_by_it(coder):
    events = _events(coder, "The teachers' union stormed out of talks that had opened on Tuesday.")
    out = [e for e in events if e.cameo == "164"]
    assert out and out[0].date != "2049-06-08"


def test_a_signing_the_envoy_hopes_for_is_not_done(coder):
    events = _events(coder, "The envoy said he hoped the two delegations would be able to sign a protocol before "
                            "the end of the month.")
    signs = [e for e in events if e.cameo == "057"]
    assert signs and all(e.modality is not None for e in signs)


def test_a_first_phase_that_pushes_issues_into_later_rounds_is_partial_with_gaps(boards_of):
    a = article("ona", "a", "2049-05-04",
                "NAIROBI, May 4 - Ethiopia and rebels of the Afar region opened peace talks in "
                "Nairobi on Monday. The rebels demanded the release of 300 detainees and a referendum on self-rule. "
                "Ethiopia rejected both demands on Tuesday.")
    b = article("ona", "b", "2049-05-21",
                "NAIROBI, May 21 - Ethiopia and the rebels agreed on Wednesday to a 90-day truce in the Afar region, "
                "a first phase that pushes the detainees and the question of self-rule into later rounds.")
    board = board_of(boards_of([a, b]), "ETH", "ETHREB")
    assert history(board)[-1] == ("partial_agreement", "2049-05-19")
    assert {g.topic for g in board.gaps} >= {"prisoners"}


def test_an_opening_retold_by_its_month_does_not_come_before_its_day(boards_of):
    a = article("crn", "a", "2049-09-11",
                "NAIROBI, Sept 11 - Kenya's nurses' union and the health ministry began talks on Monday on the "
                "nurses' pay. The union is seeking a 30 percent rise.")
    b = article("crn", "b", "2049-10-02",
                "NAIROBI, Oct 2 - Kenya's nurses ended their strike on Wednesday after their union and the health "
                "ministry signed a pay agreement. The union began the talks in September seeking a 30 percent rise.")
    board = board_of(boards_of([a, b]), "KEN", "KENLAB")
    assert history(board)[0] == ("ongoing", "2049-09-06")


def test_demands_listed_after_a_colon_are_each_a_demand(coder):
    events = coder.code("The union arrived with four demands, according to a leaflet it handed out: a 20 percent "
                        "pay rise, the rehiring of 40 dismissed drivers and an end to night shifts.",
                        published="2049-06-12")
    demanded = {e.object.text for e in events if e.cameo.startswith("10") and e.object is not None}
    assert any("rehiring" in t for t in demanded) and any("rise" in t for t in demanded)


def test_the_delegations_an_envoy_moves_between_are_not_of_the_envoys_state(coder):
    events = coder.code("Delegations from Bolivia's government and its main opposition alliance opened talks in "
                        "Lima on Monday. Spain's envoy, Carmen Ruiz, will move between the two delegations. The "
                        "opposition arrived with a demand for early elections.", published="2049-06-12")
    arrived = [e for e in events if e.trigger.text == "arrived"]
    assert arrived and arrived[0].source.code == "BOLOPP"
