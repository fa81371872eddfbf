"""What a deal leaves open when a later sentence says so, and rounds of talks named only as a round: wordings
the tracker learned in session 29 (from story set 10's misses), in articles of our own with other names and
words."""

from __future__ import annotations

import pytest

from newswire import article
from parley.types import Article


def _opened(story: str) -> Article:
    return article(story, "a", "2029-11-06",
                    "NAIROBI, Nov 6 - Kenya's bus drivers' union and the state-owned Metro Transit Corporation "
                    "opened wage talks in Nairobi on Monday. The union wants a 20 percent rise and the return "
                    "of 30 drivers dismissed in August.")


@pytest.mark.parametrize("after", [
    "The accord, however, leaves unresolved the union's demand that the 30 dismissed drivers be reinstated.",
    "The agreement does not settle the fate of the 30 dismissed drivers, which will remain the subject of "
    "further talks.",
    "It leaves the reinstatement of the 30 drivers for later negotiations.",
    "The deal is silent on the 30 dismissed drivers, whose reinstatement the union still demands.",
])
def test_a_deal_whose_next_sentence_says_what_it_leaves_open_is_partial(boards_of, after):
    text = ("NAIROBI, Nov 15 - Kenya's bus drivers' union signed a wage agreement with the Metro Transit "
            f"Corporation on Thursday, ending a nine-day strike. {after}")
    [board] = boards_of([_opened("bus"), article("bus", "b", "2029-11-16", text)])
    assert [s.status for s in board.state_history][-1] == "partial_agreement", board.state_history
    assert "labour" in {g.topic for g in board.gaps}, board.gaps


def test_a_deal_followed_by_other_news_stays_whole(boards_of):
    text = ("NAIROBI, Nov 15 - Kenya's bus drivers' union signed a wage agreement with the Metro Transit "
            "Corporation on Thursday, ending a nine-day strike. The deal gives drivers a 12 percent rise and "
            "takes back all 30 dismissed drivers.\n\nIn football, Gor Mahia drew 1-1 with AFC Leopards, "
            "leaving the title race unresolved.")
    [board] = boards_of([_opened("bus2"), article("bus2", "b", "2029-11-16", text)])
    assert [s.status for s in board.state_history][-1] == "agreement", board.state_history


@pytest.mark.parametrize("resumed", [
    "a round that opened in Geneva on Monday",
    "a new round that began in Geneva on Monday",
    "the latest round, which got under way in Geneva on Monday,",
])
def test_a_round_that_opened_after_a_halt_resumes_the_talks(boards_of, resumed):
    a = article("gas", "a", "2029-11-01",
                 "GENEVA, Nov 1 - Moldova and Ukraine opened talks on gas transit in Geneva on Wednesday.")
    b = article("gas", "b", "2029-11-07",
                 "CHISINAU, Nov 7 - Moldova recalled its negotiators from the gas transit talks with Ukraine on "
                 "Monday.")
    c = article("gas", "c", "2029-11-16",
                 f"KYIV, Nov 15 - Moldova and Ukraine signed a gas transit agreement on Wednesday at the end of "
                 f"{resumed} officials said.")
    [board] = boards_of([a, b, c])
    history = [(s.status, s.date) for s in board.state_history]
    assert ("ongoing", "2029-11-12") in history, history


# -- what is demanded ----------------------------------------------------------------------------------------

def _demanded(coder, text: str) -> list[str]:
    return [e.object.text for e in coder.code(text, published="2029-11-16")
            if e.cameo.startswith("10") and e.object is not None]


def test_each_item_of_a_listed_demand_is_demanded(coder):
    found = _demanded(coder, "The miners' union demanded a 15 percent raise, the rehiring of 40 workers and "
                             "new ventilation in the shafts.")
    assert any("raise" in f for f in found) and any("rehiring" in f for f in found) \
        and any("ventilation" in f for f in found), found


def test_the_items_a_demand_noun_includes_are_demanded(coder):
    found = _demanded(coder, "Chad's rebels held talks with the government on Monday. The rebels' demands include "
                             "a vote on autonomy for the east and the release of 90 fighters.")
    assert any("vote on autonomy" in f for f in found) and any("release of 90" in f for f in found), found


def test_a_demand_for_something_names_it(coder):
    found = _demanded(coder, "The rebels softened their demand for a full pullout of army units from the north.")
    assert any(f.startswith("a full pullout") for f in found), found


def test_insisting_on_something_demands_it(coder):
    found = _demanded(coder, "The cabinet insists on a complete truce before any talks on autonomy.")
    assert any(f.startswith("a complete truce") for f in found), found


def test_sides_that_asked_someone_to_mediate_are_still_the_sides(boards_of):
    text = ("COLOMBO, Nov 13 - Sri Lanka's port workers' union and the Ports Authority began talks on Monday "
            "under the chamber of commerce, whose chairman both sides asked last week to mediate. The union "
            "wants a 25 percent pay rise.")
    boards = boards_of([article("port", "a", "2029-11-14", text)])
    assert boards and {r.actor.id for r in boards[0].roles if r.role == "party"} >= {"LKALAB"}, boards


# -- go-betweens, returns and deals that are no deal -------------------------------------------------------

def test_taking_part_as_an_intermediary_is_mediating(coder):
    events = coder.code("The Norwegian Refugee Council is taking part as a neutral intermediary on the exchange of "
                        "bodies.", published="2029-11-16")
    assert any(e.cameo == "045" and "Refugee Council" in e.source.text for e in events), \
        [(e.cameo, e.trigger.text, e.source.text) for e in events]


def test_a_return_to_the_seats_two_days_before_a_dated_act_is_dated_by_it(coder):
    text = ("HARARE, Nov 16 - The mediator said on Thursday that a deal was close, two days after the opposition "
            "negotiators took their seats again in Harare.")
    [took] = [e for e in coder.code(text, published="2029-11-16") if e.trigger.text == "took"]
    assert took.cameo == "046" and took.date == "2029-11-13", (took.cameo, took.date)


def test_a_separatist_front_is_an_armed_group_of_the_state_it_faces(coder):
    text = ("YAOUNDE, Nov 16 - Chad's government and the Logone Liberation Forces, an armed separatist movement in "
            "the south, opened talks on Tuesday. The Logone Liberation Forces said they wanted autonomy.")
    events = coder.code(text, published="2029-11-16")
    sides = {e.source.code for e in events if "Logone" in e.source.text}
    assert sides == {"TCDREB"}, sides


def test_a_deal_called_first_phase_that_leaves_issues_to_a_second_phase(boards_of):
    a = article("ph", "a", "2029-11-06", "BANGUI, Nov 6 - The Central African government and the Lobaye "
                                          "rebels opened talks in Bangui on Monday.")
    b = article("ph", "b", "2029-11-16",
                 "BANGUI, Nov 16 - The government and the Lobaye rebels signed a first-phase agreement on Thursday "
                 "on the exchange of 40 prisoners. The document, signed at the presidential palace in the presence "
                 "of the envoy, explicitly leaves a truce and the future status of the region to a second phase.")
    [board] = boards_of([a, b])
    assert [s.status for s in board.state_history][-1] == "partial_agreement", board.state_history
    assert {"ceasefire", "governance"} <= {g.topic for g in board.gaps}, board.gaps


def test_agreeing_to_use_a_line_as_the_working_basis_is_no_deal(boards_of):
    a = article("wb", "a", "2029-11-06", "LIMA, Nov 6 - Peru and Ecuador opened border talks in Lima on Monday.")
    b = article("wb", "b", "2029-11-16", "LIMA, Nov 16 - Peru and Ecuador agreed on Thursday to use a new map "
                                          "drawn by the mediator as the working basis for the talks.")
    [board] = boards_of([a, b])
    assert [s.status for s in board.state_history] == ["ongoing"], board.state_history


# -- other stories in the same article ------------------------------------------------------------------------

def test_a_deal_told_separately_is_not_the_talks_deal(boards_of):
    a = article("sep", "a", "2029-11-06", "QUITO, Nov 6 - Ecuador and Peru opened border talks in Quito on "
                                           "Monday.")
    b = article("sep", "b", "2029-11-16",
                 "QUITO, Nov 16 - Ecuador and Peru held a second day of border talks on Thursday.\n\n"
                 "Separately, Ecuador's finance ministry said it had reached an agreement with the World Bank on "
                 "a new loan.")
    boards = boards_of([a, b])
    talks = next(x for x in boards if {r.actor.id for r in x.roles if r.role == "party"} >= {"ECU", "PER"})
    assert not any("WBK" in r.actor.id for r in talks.roles), talks.roles
    assert [s.status for s in talks.state_history] == ["ongoing"], talks.state_history


def test_a_go_betweens_own_company_signing_its_own_deal_is_no_side(boards_of):
    a = article("gb", "a", "2029-11-14",
                 "ASTANA, Nov 14 - Iran and the IAEA opened talks on inspections in Astana on Monday, with "
                 "Kazakhstan as mediator. Kazakhstan's state oil company signed a ten-year supply agreement on "
                 "Tuesday.")
    [board] = [x for x in boards_of([a]) if "IRN" in {r.actor.id for r in x.roles}]
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"IRN", "IGOUNOIAE"}, board.roles


def test_a_negation_covers_the_verb_joined_to_it(coder):
    events = coder.code("The union said it could not sit in a hotel and discuss fines.", published="2029-11-16")
    assert not any(e.cameo.startswith("04") for e in events), [(e.cameo, e.trigger.text) for e in events]


def test_getting_up_from_the_table_is_a_walkout(coder):
    [up] = [e for e in coder.code("The nurses' union got up from the negotiating table on Tuesday.",
                                  published="2029-11-16") if e.trigger.text == "got"]
    assert up.cameo == "164", up.cameo


def test_a_business_chamber_can_mediate(coder):
    events = coder.code("The union and the ministry began talks on Monday under the mediation of the national "
                        "chamber of commerce.", published="2029-11-16")
    assert any(e.cameo == "045" and e.source.code.endswith("BUS") for e in events), \
        [(e.cameo, e.source.code) for e in events]


def test_calling_the_negotiators_home_is_a_recall(coder):
    events = coder.code("Bolivia called its negotiators home from the water talks with Chile on Tuesday.",
                        published="2029-11-16")
    assert any(e.cameo == "164" and e.trigger.text == "called" for e in events), \
        [(e.cameo, e.trigger.text) for e in events]


def test_a_deal_that_lifts_a_ban_leaves_no_demand_to_lift_it_open(boards_of):
    a = article("ban", "a", "2029-11-06",
                 "CASTRIES, Nov 6 - Saint Lucia and Barbados opened trade talks on Monday. Barbados wants the "
                 "lifting of the ban on its poultry.")
    b = article("ban", "b", "2029-11-16",
                 "CASTRIES, Nov 16 - Saint Lucia and Barbados signed a trade agreement on Thursday, with Saint Lucia "
                 "lifting its ban on Barbadian poultry and Barbados cutting duties on bananas.")
    [board] = boards_of([a, b])
    assert not board.gaps, board.gaps
    assert [s.status for s in board.state_history][-1] == "agreement", board.state_history


# -- go-betweens named by "through" and messages relayed; halts ordered; what a first phase leaves ------------

def test_talks_held_through_a_cleric_make_him_the_go_between(boards_of):
    text = ("MANILA, Nov 13 - The Philippine government and the Sulu kidnap gang began indirect negotiations on "
            "Monday through the bishop of Jolo, who carried a written offer upriver. The gang wants the release "
            "of five of its members.")
    boards = boards_of([article("jolo", "a", "2029-11-14", text)])
    assert boards, "no board"
    assert {r.actor.id for r in boards[0].roles if r.role == "mediator"} == {"PHLREL"}, boards[0].roles


def test_relaying_messages_between_the_sides_is_mediating(coder):
    events = coder.code("The imam had been relaying messages between the army and the kidnappers since Monday.",
                        published="2029-11-16")
    assert any(e.cameo == "045" for e in events), [(e.cameo, e.trigger.text) for e in events]


def test_ordering_a_halt_to_the_contacts_suspends_them(boards_of):
    a = article("halt", "a", "2029-11-06", "MANILA, Nov 6 - The Philippine government and the Sulu kidnap gang "
                                            "began indirect negotiations on Monday. The gang wants the release "
                                            "of five of its members.")
    b = article("halt", "b", "2029-11-13", "MANILA, Nov 13 - Philippine President Ramon Aquilar ordered a halt "
                                            "on Sunday to the contacts with the gang after an ambush killed three "
                                            "marines.")
    [board] = boards_of([a, b])
    assert [(s.status, s.date) for s in board.state_history][-1] == ("suspended", "2029-11-11"), board.state_history


def test_what_the_first_phase_does_not_cover_stays_open(boards_of):
    a = article("ph2", "a", "2029-11-06", "MANILA, Nov 6 - The Philippine government and the Sulu kidnap gang "
                                           "began indirect negotiations on Monday.")
    b = article("ph2", "b", "2029-11-16",
                 "MANILA, Nov 16 - Four hostages were freed on Thursday under an arrangement the government and the "
                 "gang reached on Wednesday. The first phase does not cover the three hostages still held.")
    [board] = boards_of([a, b])
    assert [s.status for s in board.state_history][-1] == "partial_agreement", board.state_history
    assert "prisoners" in {g.topic for g in board.gaps}, board.gaps


def test_a_presidents_given_name_that_is_a_capital_is_no_state(coder):
    [halt] = [e for e in coder.code("QUITO, Nov 13 - Ecuador's President Lima Ordaz ordered a halt on Sunday to "
                                    "the contacts with the gang.", published="2029-11-13") if e.cameo == "164"]
    assert halt.source.code == "ECUGOV", halt.source


def test_a_later_report_joins_the_talks_already_under_way_not_a_deal_signed_after_it(boards_of):
    a = article("two", "a", "2029-11-06", "MANILA, Nov 6 - The Philippine government and the Sulu kidnap gang "
                                           "began indirect negotiations on Monday through the bishop of Jolo. The "
                                           "gang wants the release of five of its members.")
    b = article("two", "b", "2029-11-13", "MANILA, Nov 13 - Philippine President Ramon Aquilar ordered a halt "
                                           "on Sunday to the contacts with the gang after an ambush.")
    c = article("two", "c", "2029-11-16", "MANILA, Nov 16 - The Philippines and Vietnam signed a rice supply "
                                           "agreement on Thursday.")
    boards = boards_of([a, b, c])
    talks = next(x for x in boards if "PHLCRM" in {r.actor.id for r in x.roles})
    assert [s.status for s in talks.state_history] == ["ongoing", "suspended"], talks.state_history


def test_a_deal_leaving_issues_for_a_second_phase_lists_them(boards_of):
    a = article("ph3", "a", "2029-11-06", "MANILA, Nov 6 - The Philippine government and the Sulu Liberation "
                                           "Front, an armed group, opened peace talks in Oslo on Monday.")
    b = article("ph3", "b", "2029-11-16",
                 "OSLO, Nov 16 - The Philippine government and the Sulu Liberation Front signed an accord on "
                 "Thursday providing for a 60-day truce, but leaving the pullback of army battalions and the "
                 "front's weapons for a second phase of talks.")
    [board] = boards_of([a, b])
    assert [s.status for s in board.state_history][-1] == "partial_agreement", board.state_history
    assert {"withdrawal", "disarmament"} <= {g.topic for g in board.gaps}, board.gaps


def test_a_state_and_its_former_leader_mediating_are_one_mediator(boards_of):
    text = ("OSLO, Nov 13 - The Philippine government and the Sulu Liberation Front, an armed group, opened peace "
            "talks in Oslo on Monday under Norway's facilitation. A former Norwegian prime minister chaired the "
            "opening session.")
    boards = boards_of([article("nor", "a", "2029-11-14", text)])
    assert boards and {r.actor.id for r in boards[0].roles if r.role == "mediator"} == {"NOR"}, boards[0].roles


def test_talks_the_negotiators_rejoined_resume(boards_of):
    a = article("rj", "a", "2029-11-01", "YEREVAN, Nov 1 - Armenia and Georgia opened talks on border detainees "
                                          "in Tbilisi on Wednesday.")
    b = article("rj", "b", "2029-11-07", "YEREVAN, Nov 7 - Armenia recalled its delegation from the detainee "
                                          "talks with Georgia on Monday.")
    c = article("rj", "c", "2029-11-16", "TBILISI, Nov 15 - At the talks, which the Armenian negotiators rejoined "
                                          "on Monday, Georgia offered to free four of the detainees.")
    [board] = boards_of([a, b, c])
    assert ("ongoing", "2029-11-12") in [(s.status, s.date) for s in board.state_history], board.state_history


def test_a_sides_own_citizens_are_no_side(boards_of):
    a = article("cz", "a", "2029-11-06",
                 "TBILISI, Nov 6 - Armenia and Georgia opened talks on border detainees in Tbilisi on Monday. "
                 "Armenia is demanding the release of all six Armenian citizens held since the clash.")
    [board] = boards_of([a])
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"ARM", "GEO"}, board.roles


def test_a_deal_told_separately_by_the_mediator_does_not_end_the_talks(boards_of):
    a = article("sep2", "a", "2029-11-06",
                 "ALMATY, Nov 6 - Armenia and Georgia opened talks on border detainees in Almaty on Monday, with "
                 "Kazakhstan acting as mediator.\n\nSeparately, Kazakhstan's energy ministry said it had concluded a "
                 "gas price agreement with China, ending two years of talks.")
    [board] = [x for x in boards_of([a]) if "ARM" in {r.actor.id for r in x.roles}]
    assert [s.status for s in board.state_history] == ["ongoing"], board.state_history


def test_an_undated_act_is_dated_by_the_datelines_day_not_the_next_days_publication(coder):
    [boycott] = [e for e in coder.code("LUSAKA, Nov 14 - Zambia's opposition boycotted the dialogue with the "
                                       "government.", published="2029-11-15") if e.trigger.text == "boycotted"]
    assert boycott.date == "2029-11-14", boycott.date


def test_a_recall_after_an_attack_halts_the_talks_with_the_other_side(boards_of):
    a = article("rc", "a", "2029-11-06", "KINGSTON, Nov 6 - Belize and Guatemala opened border talks in Kingston "
                                          "on Monday.")
    b = article("rc", "b", "2029-11-13", "BELMOPAN, Nov 12 - Belize called its negotiators home from the border "
                                          "talks with Guatemala on Monday, a day after a mob burned two Belizean "
                                          "trucks near the frontier.")
    boards = boards_of([a, b])
    talks = next(x for x in boards if {r.actor.id for r in x.roles if r.role == "party"} >= {"BLZ", "GTM"})
    assert [s.status for s in talks.state_history] == ["ongoing", "suspended"], talks.state_history
