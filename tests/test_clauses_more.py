"""More constructions: deontic demands, raising verbs, recipients, reaction clauses, implied states,
and the given-dyad mode. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.coder import Coder

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2025, 3, 14)


def own(events: list) -> list:
    """The events that are not the content of another (what a demand, an appeal ... is about)."""
    return [e for e in events if e.carried_by is None]


def rows(events):
    return sorted(((e.source.code, e.cameo, e.target.code if e.target else None) for e in events), key=str)


def test_must_in_reported_speech_is_a_demand_of_the_speaker(coder: Coder):
    events = coder.code("Jordan said Iran must withdraw its advisers from Syria.", published=PUBLISHED)
    demand = [e for e in events if e.plover == "REQUEST"]
    assert [(e.source.code, e.cameo[:2], e.target.code) for e in demand] == [("JOR", "10", "IRN")]
    assert demand[0].attribution.speaker.code == "JOR"


def test_is_said_to_passes_the_subject_down_and_hedges(coder: Coder):
    [event] = coder.code("Hamas is said to have rejected the truce proposal.", published=PUBLISHED)
    assert (event.source.code, event.cameo[:2], event.attribution.hedged) == ("PSEREB", "12", True)


def test_the_recipient_of_a_ditransitive_verb_is_the_target(coder: Coder):
    events = coder.code("The European Union gave Ukraine a new loan.", published=PUBLISHED)
    assert [(s, t) for s, _, t in rows(events)] == [("IGOEEC", "UKR")]


def test_an_until_clause_names_whom_the_refusal_is_aimed_at(coder: Coder):
    events = coder.code("The rebels will not end the blockade until the government releases their leader.",
                        published=PUBLISHED)
    refusal = [e for e in events if e.source.code == "REB"]
    assert refusal and refusal[0].plover == "REJECT"
    assert refusal[0].target.text == "the government"


def test_a_passive_state_act_without_agent_is_the_country_s(coder: Coder):
    events = coder.code("Two foreign journalists were expelled from Ethiopia on Friday.", published=PUBLISHED)
    assert [(e.source.code, e.cameo, e.target.text) for e in events] == [("ETH", "174", "Two foreign journalists")]


def test_an_acronym_subject_is_an_actor_even_when_unknown(coder: Coder):
    [event] = coder.code("KANU accused Uganda of meddling in the election.", published=PUBLISHED)
    assert (event.source.text, event.source.code, event.target.code) == ("KANU", None, "UGA")


def test_unknown_named_group_is_found_again_as_the_group(coder: Coder):
    text = ("The Northern Hills Front, an armed group, rejected the peace plan on Monday. "
            "Kenya accused the group of attacking a police post.")
    accuse = [e for e in coder.code(text, published=PUBLISHED) if e.plover == "ACCUSE"]
    assert [(e.source.code, e.target.text, e.target.name) for e in accuse] == \
        [("KEN", "the group", "The Northern Hills Front")]


def test_given_dyad_returns_the_event_between_the_two_mentions(coder: Coder):
    text = "Qatar condemned the Israeli strike on a school in Gaza, while Egypt praised the truce talks."
    source = (text.index("Qatar"), text.index("Qatar") + len("Qatar"))
    target = (text.index("the Israeli strike"), text.index("the Israeli strike") + len("the Israeli strike"))
    event = coder.code_dyad(text, source=source, target=target, published=PUBLISHED)
    assert (event.source.text, event.target.text, event.plover) == ("Qatar", "the Israeli strike", "ACCUSE")


def test_given_dyad_rejects_offsets_outside_the_text(coder: Coder):
    from parley.errors import InputError

    with pytest.raises(InputError, match="outside the text"):
        coder.code_dyad("Qatar met Egypt.", source=(0, 5), target=(10, 99))


@pytest.mark.parametrize("text, trigger, lemma", [
    ("The union staged a protest outside parliament.", "staged", "stage"),
    ("The rebels have waged war on the state for a decade.", "waged", "wage"),
    ("Officials hoped the talks would resume.", "hoped", "hope"),
    ("The ministry scrapped the plan.", "scrapped", "scrap"),   # a doubled consonant keeps its lemma
])
def test_e_final_verbs_get_their_lemma_back(coder: Coder, text, trigger, lemma):
    from parley.coding.cues import default_cues
    from parley.coding.repairs import repair_lemmas

    doc = coder.nlp(text)
    for sent in doc.sents:
        repair_lemmas(sent, default_cues().e_final_verbs)
    assert next(t for t in doc if t.text == trigger).lemma_ == lemma


def test_raped_is_coded_from_its_repaired_lemma(coder: Coder):
    [event] = coder.code("Soldiers raped two women in the village.", published=PUBLISHED)
    assert (event.cameo, event.target.text) == ("1821", "two women")


def test_peacekeeping_deployments_and_arrivals_are_peacekeeping(coder: Coder):
    [event] = coder.code("Nepal sent 250 soldiers to Lebanon to join the UN peacekeeping mission.", published=PUBLISHED)
    assert (event.cameo, event.plover, event.target.code) == ("074", "AID", "LBN")
    [event] = coder.code("Indonesian peacekeepers arrived in Beirut on Sunday.", published=PUBLISHED)
    assert (event.cameo, event.plover) == ("074", "AID")
    # troops sent to a border are a mobilization
    [event] = coder.code("Russia sent troops to the border.", published=PUBLISHED)
    assert event.cameo.startswith("15")


def test_a_withheld_concession_is_a_refusal(coder: Coder):
    [event] = coder.code("The authorities did not give permission for the memorial ceremony.", published=PUBLISHED)
    assert (event.plover, event.negated) == ("REJECT", False)
    # a meeting that did not take place stays a negated meeting
    [event] = coder.code("Israel did not meet the Palestinian delegation.", published=PUBLISHED)
    assert (event.cameo, event.negated) == ("040", True)


def test_insisting_on_one_s_own_conduct_is_no_demand(coder: Coder):
    events = coder.code("Ankara insists it is fully complying with the arms embargo.", published=PUBLISHED)
    assert not [e for e in events if e.plover == "REQUEST"]
    [event] = own(coder.code("Egypt insisted that Israel withdraw its troops.", published=PUBLISHED))
    assert (event.plover, event.target.code) == ("REQUEST", "ISR")


def test_a_loosely_attached_purpose_decides_a_call(coder: Coder):
    [event] = coder.code("President Ramaphosa called Mahama on Saturday evening to congratulate him on his "
                         "election win.", published=PUBLISHED)
    assert event.cameo == "051"


def test_approving_an_event_noun_makes_the_approver_its_source(coder: Coder):
    events = coder.code("Japan's parliament approved the deployment of warships to the Red Sea.", published=PUBLISHED)
    assert [(e.source.code, e.plover) for e in events] == [("JPNLEG", "MOBILIZE")]


def test_prepositional_control_verbs_appeal_to_their_object(coder: Coder):
    [event] = own(coder.code("Rights groups called on Egypt to release detained journalists.", published=PUBLISHED))
    assert (event.source.code, event.cameo[:2], event.target.code) == ("HRI", "02", "EGY")
    [event] = own(coder.code("The UN appealed to the rebels to lay down their arms.", published=PUBLISHED))
    assert (event.cameo[:2], event.target.code) == ("02", "REB")


def test_an_order_to_another_party_is_a_demand_an_order_to_one_s_forces_is_the_act(coder: Coder):
    [event] = own(coder.code("ECOWAS ordered Niger to release the deposed president.", published=PUBLISHED))
    assert (event.plover, event.target.code) == ("REQUEST", "NER")
    [event] = coder.code("The president ordered his troops to attack the town.", published=PUBLISHED)
    assert (event.plover, event.target.text) == ("ASSAULT", "the town")


@pytest.mark.xfail(strict=True, reason="an order to a third party to stop its own activity (broadcasting) is "
                                       "the orderer's restriction: no event at all")
def test_an_order_to_stop_publishing_is_the_orderer_s_restriction(coder: Coder):
    [event] = coder.code("The junta ordered the radio station to stop broadcasting.", published=PUBLISHED)
    assert (event.cameo, event.target.text) == ("1721", "the radio station")


@pytest.mark.parametrize("text, code", [
    ("The minister stepped down over the scandal.", "0831"),
    ("The army pulled out of the talks.", "164"),
])
def test_particles_read_as_adverbs_or_prepositions_still_make_particle_verbs(coder: Coder, text, code):
    [event] = coder.code(text, published=PUBLISHED)
    assert event.cameo == code


def test_headline_noun_root_with_a_participle_is_a_clause(coder: Coder):
    # The pinned parser reads this sentence (and the other wording we tried) as an ordinary clause, so the
    # noun-root repair itself is not reached here: the test guards the outcome only.
    events = coder.code("A UN panel report accused Rwanda of backing the rebels.", published=PUBLISHED)
    assert [(e.source.code, e.target.code) for e in events] == [("IGOUNO", "RWA")]


def test_let_free_passes_the_subject_down(coder: Coder):
    events = coder.code("Eritrea let free dozens of jailed journalists.", published=PUBLISHED)
    assert [(e.source.code, e.cameo) for e in events] == [("ERI", "0841")]


def test_an_agentless_arrest_in_a_country_is_the_state_s_and_keeps_the_named_person(coder: Coder):
    [event] = coder.code("Opposition blogger Fatou Camara was detained in Guinea over a post criticising the junta.",
                         published=PUBLISHED)
    assert (event.source.code, event.cameo) == ("GIN", "173")
    assert "Fatou Camara" in event.target.text   # the one detained, not the junta she criticised


def test_purpose_infinitives_are_the_subject_s_purpose_unless_they_add_nothing(coder: Coder):
    events = coder.code("Colombian soldiers stormed the farmhouse to arrest the drug lord.", published=PUBLISHED)
    [detain] = [e for e in events if e.cameo == "173"]
    assert (detain.source.code, detain.modality) == ("COLMIL", "purpose")
    # a meeting "to discuss" is one meeting
    events = coder.code("The two presidents met in Geneva to discuss the crisis.", published=PUBLISHED)
    assert {e.trigger.text for e in events} == {"met"}
    # what was blocked is not the blocker's act
    events = coder.code("The ruling party blocked an opposition motion to impeach the president.", published=PUBLISHED)
    assert not [e for e in events if e.modality == "purpose"]
