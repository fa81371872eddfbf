"""Constructions that set 41's stories (first sight in session 39) showed the coder and the tracker missing, tested
with sentences of our own (written after the change, each checked against the code before it)."""

from __future__ import annotations

from newswire import article, board_of, history


def test_talks_co_chaired_by_an_envoy_are_mediated(coder):
    events = coder.code("The talks in Praia are co-chaired by Rui Tavares, a former Angolan minister appointed as "
                        "special envoy by the African Union.", published="2070-02-09")
    assert any(e.cameo == "045" and e.source.code == "IGOAFU" for e in events), \
        [(e.cameo, e.source.text, e.source.code) for e in events]


def test_a_relative_clause_on_a_co_prefixed_verb_stays_on_its_noun(coder):
    events = coder.code("The Council of Churches, which co-hosts the dialogue, held a vigil for both sides on Sunday.",
                        published="2070-02-09")
    assert all(e.source.text.startswith("The Council") for e in events), [(e.source.text, e.trigger.text)
                                                                        for e in events]


def test_a_diplomat_who_serves_as_un_envoy_is_the_un(coder):
    events = coder.code("The session was chaired by Lars Berg, the Swedish diplomat who serves as the UN "
                        "Secretary-General's personal envoy for the region.", published="2070-02-09")
    assert any(e.source.code == "IGOUNO" for e in events), [(e.source.text, e.source.code) for e in events]


def test_a_named_front_keeps_its_sector_beside_a_nationality(coder):
    events = coder.code("Colombian and ELN negotiators met in Caracas on Monday.", published="2070-02-11")
    assert {e.source.code for e in events} == {"COLGOV", "COLREB"}, [(e.source.text, e.source.code) for e in events]


def test_a_return_told_as_days_before_a_signing_is_dated_then(coder):
    events = coder.code("Chile and Peru signed a fishing accord on Friday, three days after returning to the table "
                        "in Lima.", published="2070-05-17")
    returned = [e for e in events if e.trigger.text == "returning"]
    assert returned and all(e.date == "2070-05-13" for e in returned), [(e.trigger.text, e.date) for e in events]


def test_no_deal_yet_until_one_is_signed(coder):
    events = coder.code("Farmers said they would block the bridge until a deal was signed.", published="2070-05-17")
    assert not any(e.cameo == "057" for e in events), [(e.cameo, e.source.text) for e in events]


_SALT = [
    article("salt", "a", "2070-03-04",
            "NOUAKCHOTT, March 4 - Mauritania and Senegal opened talks in Nouakchott on Tuesday on salt exports "
            "across the river. Senegal demanded that Mauritania lift its export levy; Mauritania offered to halve it."),
    article("salt", "b", "2070-03-12",
            "NOUAKCHOTT, March 12 - Senegal walked out of the salt talks with Mauritania on Tuesday. A diplomat noted "
            "that neither government had declared the talks dead."),
    article("salt", "c", "2070-03-27",
            "DAKAR, March 27 - Mauritania and Senegal returned to the table on Monday. On Wednesday Mauritania agreed "
            "to scrap its salt levy, in a partial deal with Senegal, though the question of river tolls had been left "
            "for a second round."),
]


def test_a_denied_end_suspends_and_a_one_sided_yes_in_a_deal_is_partial(boards_of):
    board = board_of(boards_of(_SALT), "MRT", "SEN")
    assert history(board) == [("ongoing", "2070-03-04"), ("suspended", "2070-03-11"), ("ongoing", "2070-03-24"),
                              ("partial_agreement", "2070-03-26")], history(board)


_CLOVES = [
    article("cloves", "a", "2070-06-06",
            "ZANZIBAR, June 6 - Conciliation talks between Tanzania's clove pickers' union and the state clove "
            "company opened on Thursday, with the two sides far apart. Some 900 pickers walked off the job on May 28 "
            "after talks on a new wage deal had stalled."),
    article("cloves", "b", "2070-06-20",
            "ZANZIBAR, June 20 - The pickers' union and the clove company signed a wage agreement on Friday, "
            "settling every point, both sides said."),
]


def test_a_stall_before_the_talks_opened_is_no_state_of_them(boards_of):
    board = board_of(boards_of(_CLOVES), "TZALAB")
    assert history(board)[0] == ("ongoing", "2070-06-05"), history(board)


def test_a_co_prefixed_verb_never_breaks_the_parse(coder):
    # ("co-written" and "co-opted": hanging the prefix on the verb would make a cycle there; the repair is undone)
    events = coder.code("In addition, he has co-written four books. Armed groups have co-opted weak local councils, "
                        "the report said.", published="2070-01-01")
    assert isinstance(events, list)


def test_talks_convened_by_a_conciliation_officer_are_mediated(coder):
    # (set 43: a ministry's conciliator convenes the talks of a union and its employers; she is no side)
    events = coder.code("The talks were convened by the ministry's senior conciliation officer, Ruth Phiri.",
                        published="2070-05-12")
    assert [e.cameo for e in events] == ["045"], [(e.cameo, e.source.text) for e in events]


def test_a_government_that_convenes_its_own_talks_meets(coder):
    events = coder.code("The government convened talks with the dockers' union on Monday.", published="2070-05-12")
    assert any(e.cameo == "040" for e in events), [(e.cameo, e.source.text) for e in events]


def test_what_a_strike_waits_for_has_not_happened(coder):
    events = coder.code("The union said the stoppage would continue until the growers improved their offer.",
                        published="2070-05-12")
    improved = [e for e in events if "improved" in e.evidence.text]
    assert improved and all(e.modality == "future" for e in improved), [(e.trigger.text, e.modality)
                                                                       for e in events]


def test_a_deal_signed_if_and_when_is_still_to_come(coder):
    events = coder.code("Militias will move into the valley if and when the rebels sign a peace accord with the "
                        "government.", published="2070-05-12")
    assert not any(e.cameo == "057" and e.modality is None for e in events), \
        [(e.cameo, e.modality) for e in events]



def test_the_named_groups_a_report_names_are_found_by_the_knowledge_base():
    # (an unnamed "the guerrillas" is pinned on the one rival group its report names only when the report names no
    # other known group of that country: not on the AUC in a report of the FARC's talks)
    from parley.negotiation.tracker import _groups_named

    found = _groups_named("Talks between the Colombian government and the FARC resumed, years after the AUC "
                          "demobilized; Hamas was not mentioned.")
    assert {"COL:FARC", "COL:AUC"} <= found and not any(g.startswith("COL:Colombia") for g in found)


def test_what_happened_before_a_promised_response_happened(coder):
    # (a guard for the time-clause rule: "would respond after" the expulsion; the expulsion is told as done)
    events = coder.code("The ministry said on Wednesday that Minsk would respond in kind after the Latvian government "
                        "expelled two of its diplomats.", published="2070-04-22")
    expelled = [e for e in events if "expelled" in e.evidence.text and e.source.country == "LVA"]
    assert expelled and all(e.modality is None for e in expelled), [(e.cameo, e.modality, e.evidence.text)
                                                                     for e in events]
