"""Reports of talks in wordings the coder and tracker learned in session 28, from story sets 8 and 9: who
convenes, chairs or shuttles; dates a later sentence gives ("The recall was announced on Thursday", "a week
after talks resumed"); datelines with accents and names with French or Spanish particles; unnamed fronts and
their envoys; "the two delegations" when a go-between or a bystander is named nearer; a deal told twice; a
side flying home; the lead-up to a resumption; a demand dropped; issues a deal left open, listed. Each in
sentences of our own (written after the rule they test, with other names and words than the stories)."""

from __future__ import annotations

import pytest

from newswire import article
from parley.coder import Coder

PUBLISHED = "2029-11-16"   # a Friday


def _events(coder: Coder, text: str, published: str = PUBLISHED) -> list:
    return coder.code(text, published=published)


def _by_trigger(coder: Coder, text: str, trigger: str, published: str = PUBLISHED) -> list:
    found = [e for e in _events(coder, text, published) if e.trigger.text == trigger]
    assert found, [(e.cameo, e.trigger.text, e.source.text) for e in _events(coder, text, published)]
    return found




# -- go-betweens ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, trigger", [
    ("The talks between Chile and Bolivia were convened by the Organization of American States.", "convened"),
    ("Chile and Bolivia resumed their talks, held through the good offices of Switzerland.", "offices"),
    ("Chile and Bolivia opened talks on Monday. A Swiss diplomat chaired the opening session.", "chaired"),
    ("Chile and Bolivia opened talks on Monday. The Swiss envoy has moved between the two delegations since.",
     "moved"),
])
def test_convening_sponsoring_chairing_and_moving_between_sides_is_mediation(coder, text, trigger):
    events = _by_trigger(coder, text, trigger)
    assert any(e.cameo == "045" for e in events) or trigger == "convened", [(e.cameo, e.rule) for e in events]


def test_talks_convened_by_a_third_party_name_it_mediator(boards_of):
    text = ("LA PAZ, Nov 14 - Chile and Bolivia opened talks in La Paz on Wednesday on access to the Pacific. "
            "The talks were convened by the Organization of American States, whose envoy chairs the sessions.")
    [board] = boards_of([article("oas", "a", "2029-11-14", text)])
    assert {r.actor.id for r in board.roles if r.role == "mediator"} == {"IGOOAS"}, board.roles


def test_an_envoy_a_body_appointed_acts_for_that_body(coder):
    text = ("The African Union has named Tendai Moyo, a former Zimbabwean finance minister, as its envoy. "
            "She met the rebel commanders on Thursday.")
    [met] = _by_trigger(coder, text, "met")
    assert met.source.code == "IGOAFU", met.source


def test_the_envoy_a_third_state_sends_to_rebels_meets_the_rebels_of_the_story(boards_of):
    a = article("peru", "a", "2029-11-10",
                 "LIMA, Nov 10 - Peru's government and the Frente Andino Armado (FAA), a guerrilla group in the "
                 "southern highlands, opened talks in Havana on Friday under the good offices of Norway.")
    b = article("peru", "b", "2029-11-16",
                 "LIMA, Nov 16 - Norway's envoy, Kari Lund, flew to Lima on Thursday and met the government's "
                 "chief negotiator. She said she would travel to meet the rebel leadership next week.")
    boards = boards_of([a, b])
    assert len(boards) == 1, [x.process.name for x in boards]
    parties = {r.actor.id for r in boards[0].roles if r.role == "party"}
    assert parties == {"PER", "PERREB"}, parties


# -- dates ---------------------------------------------------------------------------------------------------

def test_an_act_takes_the_date_of_the_sentence_that_retells_it(coder):
    text = ("Ghana has recalled its negotiators from the border talks with Togo. The recall was announced on "
            "Tuesday, a day after a customs post was attacked.")
    [recall] = _by_trigger(coder, text, "recalled")
    assert recall.date == "2029-11-13" and recall.date_basis == "same_act", (recall.date, recall.date_basis)


def test_an_act_set_days_before_a_dated_one_is_dated_by_it(coder):
    text = ("Ghana and Togo met in Lome last week. Ghana and Togo signed a border accord on Thursday, a week "
            "after talks resumed in Lome.")
    resumed = _by_trigger(coder, text, "resumed")
    assert {e.date for e in resumed} == {"2029-11-08"}, [(e.date, e.date_basis) for e in resumed]


def test_a_present_act_in_a_past_report_takes_the_report_date(coder):
    text = "The rebels said on Tuesday that they were suspending their participation in the talks."
    [halt] = _by_trigger(coder, text, "suspending")
    assert halt.cameo == "164" and halt.date == "2029-11-13", (halt.cameo, halt.date)


def test_a_day_with_a_count_of_days_after_it_is_the_day(coder):
    text = "The Ghanaian delegation returned to Lome on Sunday, 12 days after it was called home."
    [back] = _by_trigger(coder, text, "returned")
    assert back.date == "2029-11-11", back.date


# -- names ---------------------------------------------------------------------------------------------------

def test_a_dateline_with_accents_is_a_dateline(coder):
    text = "ASUNCIÓN, Nov 15 - Police arrested 14 protesters outside parliament on Thursday."
    [arrest] = _by_trigger(coder, text, "arrested")
    assert arrest.location is not None and arrest.location.country == "PRY", arrest.location
    assert arrest.source.code == "PRYCOP", arrest.source


def test_a_name_with_french_particles_stays_one_name_as_written(coder):
    text = ("The kidnappers' envoys met mediators on Monday. The Front pour la Liberation du Sahel seized two "
            "engineers on Tuesday.")
    [seized] = _by_trigger(coder, text, "seized")
    assert seized.source.text == "The Front pour la Liberation du Sahel", seized.source
    assert seized.source.sector == "REB", seized.source


def test_the_envoys_of_an_unknown_front_in_a_story_of_hostages_are_that_front(coder):
    text = ("Talks on freeing three hostages opened in Accra. On Wednesday the two envoys of the Volta Freedom "
            "Front quit the venue.")
    [quit_] = _by_trigger(coder, text, "quit")
    assert quit_.cameo == "164" and quit_.source.sector == "REB", (quit_.cameo, quit_.source)


def test_a_role_of_a_named_place_is_not_that_place(coder):
    text = ("The Red Cross's head of delegation for the Western Balkans, Ana Horvat, met Serbian officials on "
            "Monday.")
    [met] = _by_trigger(coder, text, "met")
    assert met.source.code == "NGOIRC", met.source


# -- sides of "the two delegations" --------------------------------------------------------------------------

def test_the_two_delegations_are_not_the_go_between_named_with_one_side(boards_of):
    a = article("gulf", "a", "2029-11-02",
                 "MUSCAT, Nov 2 - Yemen's government and the Houthis began indirect talks in Muscat on Thursday "
                 "on opening roads around Taiz, with Oman carrying messages between them.")
    b = article("gulf", "b", "2029-11-16",
                 "MUSCAT, Nov 16 - The talks brokered by Oman bore fruit. Under an arrangement the two delegations "
                 "had reached in Muscat on Tuesday, Omani and Yemeni officials reopened two roads on Thursday.")
    boards = boards_of([a, b])
    assert len(boards) == 1, [x.process.name for x in boards]
    history = [(s.status, s.date) for s in boards[0].state_history]
    assert history[-1][0] in ("agreement", "partial_agreement") and history[-1][1] == "2029-11-13", history
    assert {r.actor.id for r in boards[0].roles if r.role == "party"} == {"YEM", "YEMREB"}, boards[0].roles


# -- states --------------------------------------------------------------------------------------------------

def test_a_side_flying_home_resumes_nothing(boards_of):
    a = article("fish", "a", "2029-11-05",
                 "WELLINGTON, Nov 5 - Samoa and Tonga opened talks in Wellington on Monday on fishing rights.")
    b = article("fish", "b", "2029-11-09",
                 "WELLINGTON, Nov 9 - Tonga walked out of the fishing talks with Samoa on Thursday. Its chief "
                 "negotiator flew back to Tonga on Friday.")
    [board] = boards_of([a, b])
    assert [s.status for s in board.state_history] == ["ongoing", "suspended"], board.state_history


def test_a_meeting_before_the_resumption_its_sentence_tells_is_no_resumption(boards_of):
    a = article("pay", "a", "2029-11-02",
                 "KAMPALA, Nov 2 - Uganda's government and the teachers' union opened pay talks on Thursday.")
    b = article("pay", "b", "2029-11-07",
                 "KAMPALA, Nov 7 - Uganda's teachers' union walked out of the pay talks with the government on "
                 "Tuesday.")
    c = article("pay", "c", "2029-11-16",
                 "KAMPALA, Nov 16 - Pay talks between Uganda's government and the teachers' union resumed on "
                 "Thursday, three days after the president met union leaders in private.")
    [board] = boards_of([a, b, c])
    history = [(s.status, s.date) for s in board.state_history]
    assert history[-1] == ("ongoing", "2029-11-15"), history


def test_a_signing_told_again_is_the_same_partial_deal(boards_of):
    opened = article("reef", "a", "2029-11-06", "SUVA, Nov 6 - Fiji and Vanuatu opened fisheries talks in Suva "
                                                 "on Monday.")
    text = ("SUVA, Nov 15 - Fiji and Vanuatu signed an interim fisheries accord on Thursday, but left the "
            "boundary question unresolved.\n\nThe accord, negotiated over six weeks, was signed by the two "
            "foreign ministers at a ceremony in Suva.")
    [board] = boards_of([opened, article("reef", "b", "2029-11-15", text)])
    assert [s.status for s in board.state_history][-1] == "partial_agreement", board.state_history


def test_an_agreement_that_leaves_two_issues_open_lists_both(boards_of):
    opened = article("water", "a", "2029-11-06", "DUSHANBE, Nov 6 - Tajikistan and Kyrgyzstan opened talks on "
                                                  "water sharing in Dushanbe on Monday.")
    text = ("DUSHANBE, Nov 15 - Tajikistan and Kyrgyzstan signed a water-sharing accord on Thursday, but it "
            "leaves unsettled how far the border troops must pull back and where the boundary runs.")
    [board] = boards_of([opened, article("water", "b", "2029-11-15", text)])
    assert {g.topic for g in board.gaps} >= {"withdrawal", "territory"}, board.gaps


def test_a_demand_given_up_is_no_gap(boards_of):
    a = article("swap", "a", "2029-11-05",
                 "DOHA, Nov 5 - Iran and Canada opened talks in Doha on Monday on a prisoner exchange. Iran "
                 "demanded the lifting of Canadian sanctions on its airline, a demand Ottawa rejected.")
    b = article("swap", "b", "2029-11-16",
                 "DOHA, Nov 16 - Iran and Canada agreed on Thursday to exchange four prisoners each. Iranian "
                 "officials said Tehran had dropped its call for relief from sanctions.")
    [board] = boards_of([a, b])
    assert "sanctions" not in {g.topic for g in board.gaps}, board.gaps


def test_talks_that_resumed_in_a_relative_clause_resume(boards_of):
    a = article("lake", "a", "2029-11-02",
                 "KAMPALA, Nov 2 - Uganda and South Sudan opened border talks in Kampala on Thursday.")
    b = article("lake", "b", "2029-11-07",
                 "JUBA, Nov 7 - South Sudan walked out of the border talks with Uganda on Tuesday.")
    c = article("lake", "c", "2029-11-16",
                 "KAMPALA, Nov 16 - Uganda and South Sudan met again in Kampala. The talks, which resumed there on "
                 "Monday, ended on Thursday with a joint statement.")
    [board] = boards_of([a, b, c])
    history = [(s.status, s.date) for s in board.state_history]
    assert ("ongoing", "2029-11-12") in history, history


def test_a_deal_called_the_first_phase_of_an_exchange_is_partial(boards_of):
    a = article("swap2", "a", "2029-11-05",
                 "MUSCAT, Nov 5 - Kenya and Somalia opened talks in Muscat on Monday on detained fishermen.")
    b = article("swap2", "b", "2029-11-16",
                 "MUSCAT, Nov 16 - Kenya and Somalia freed ten fishermen on Thursday, the first phase of an exchange "
                 "the two governments agreed on Wednesday.")
    [board] = boards_of([a, b])
    assert [s.status for s in board.state_history][-1] == "partial_agreement", board.state_history
