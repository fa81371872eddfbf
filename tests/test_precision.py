"""Precision on open news: words in another sense, clauses that report no act, and force coded by who uses it.

Every sentence here was written for these tests. Each test asserts what a careful annotator would code:
nothing at all for a word in a non-political sense or a clause that is no act, the right CAMEO root
for a use of force given its actors.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.coder import Coder
from parley.types import Event

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2025, 3, 14)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def codes(events: list[Event]) -> list[str]:
    return sorted(e.cameo for e in events)


def factual(events: list[Event]) -> list[Event]:
    """Events reported as having happened: not negated, no modality."""
    return [e for e in events if not e.negated and e.modality is None]


# ---------------------------------------------------------------- words in another sense, idioms

@pytest.mark.parametrize("text", [
    "Officers discharged their weapons during the chase through the harbour district.",
    "The band released its third album on Friday to strong reviews.",
    "The studio will release the film in cinemas next spring.",
    "Miners blasted through the granite to reach the copper seam.",
    "The former mayor pleaded guilty to bribery charges in a Lisbon court.",
    "The new software helps protect developers from costly coding errors.",
    "The survey ignores seasonal swings in tourist numbers.",
    "The company fired its chief executive after a year of losses.",
])
def test_a_word_in_another_sense_is_no_event(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize(("text", "root"), [
    ("Rebels released 12 hostages near the border on Sunday.", "08"),
    ("The senator blasted the governor over the budget deficit.", "11"),
    ("Peacekeepers protected the refugee camps in the north, the United Nations said.", "07"),
])
def test_the_political_sense_still_codes(coder: Coder, text: str, root: str):
    assert [e.cameo[:2] for e in coder.code(text, published=PUBLISHED)] == [root]


def test_holding_workers_hostage_in_a_figure_of_speech_is_no_abduction(coder: Coder):
    events = coder.code("The union said managers should not hold workers hostage over pay talks.", published=PUBLISHED)
    assert [e for e in events if e.cameo.startswith("18")] == []


# ---------------------------------------------------------------- clauses that report no act

@pytest.mark.parametrize("text", [
    "Will Kenya send more troops to Somalia this year?",
    "Did Russian forces shell the convoy outside Kharkiv?",
    "Why did the mayor meet the protest leaders in secret?",
])
def test_a_question_reports_no_act(coder: Coder, text: str):
    assert factual(coder.code(text, published=PUBLISHED)) == []


def test_a_denied_act_is_not_reported_as_fact(coder: Coder):
    events = coder.code("The defence ministry denied that its troops had shelled the village.", published=PUBLISHED)
    assert [e for e in factual(events) if e.cameo.startswith("19")] == []


def test_never_pressured_is_no_demand(coder: Coder):
    events = coder.code("The judge said she was never pressured by the government.", published=PUBLISHED)
    assert [e for e in factual(events) if e.cameo[:2] in ("10", "17")] == []


@pytest.mark.parametrize("text", [
    "The four doctors all agreed that vaccines save lives.",
    "Both economists agree that inflation will ease next year.",
])
def test_a_shared_opinion_is_no_cooperation(coder: Coder, text: str):
    assert [e for e in coder.code(text, published=PUBLISHED) if "03" <= e.cameo[:2] <= "06"] == []


def test_an_agreement_between_parties_still_codes(coder: Coder):
    events = coder.code("Ethiopia and Eritrea agreed to reopen their border crossings.", published=PUBLISHED)
    assert events and all(e.cameo[:2] in ("03", "05", "06", "08") for e in events)


# ---------------------------------------------------------------- force, coded by who uses it

@pytest.mark.parametrize(("text", "root"), [
    ("Protesters stormed the parliament building in Tirana on Thursday.", "14"),
    ("Rioters attacked police stations across the city overnight.", "14"),
    ("Riot police beat protesters outside the presidential palace.", "17"),
    ("Police shot two demonstrators during the march in Santiago.", "17"),
    ("A man stabbed three people at a bus station in Lyon.", "18"),
    ("The army shelled rebel positions outside the town.", "19"),
    ("Rebels attacked an army base in the north on Monday.", "19"),
])
def test_force_is_coded_by_who_uses_it(coder: Coder, text: str, root: str):
    roots = {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}
    assert roots == {root}


# ---------------------------------------------------------------- who did it

def test_a_victims_name_before_an_act_of_violence_is_its_target(coder: Coder):
    events = coder.code("The journalist's murder shocked the country, Peru's president said.", published=PUBLISHED)
    assert [e for e in events if e.cameo.startswith("18") and e.source.text.startswith("The journalist")] == []


def test_an_owners_animals_are_not_the_owner(coder: Coder):
    events = coder.code("The farmer was killed by his dogs on Tuesday.", published=PUBLISHED)
    assert [e for e in events if e.source.text in ("his", "The farmer")] == []


def test_an_unresolved_pronoun_is_no_source(coder: Coder):
    events = coder.code("They defended themselves from predators in the same way.", published=PUBLISHED)
    assert events == []


@pytest.mark.parametrize("text", [
    "The convicted driver is eligible to appeal.",
    "Her lawyers appealed the verdict on Monday.",
    "The governor signed an executive order on Friday.",
    "The president signed the bill into law.",
])
def test_legal_and_executive_senses_are_no_events(coder: Coder, text: str):
    assert coder.code(text, published=PUBLISHED) == []


def test_signing_an_accord_still_codes(coder: Coder):
    events = coder.code("Serbia and Kosovo signed an accord on trade in Washington.", published=PUBLISHED)
    assert events and {e.cameo[:2] for e in events} == {"05"}


@pytest.mark.parametrize("text", [
    "Gamers want a longer campaign mode in the sequel.",
    "The new evidence supports the claim that the dam was unsafe.",
    "The campaign amassed delegates in the southern primaries.",
    "The vet put the old dog down last week.",
    "Most residents go to work by bus.",
    "The two candidates agreed on many issues during the debate.",
    "The weather service issued storm warnings for the coast.",
    "She asked me what had happened at the border.",
    "Better rules could help, the report said.",
])
def test_everyday_senses_are_no_events(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize(("text", "root"), [
    ("Police broke up the protest in the main square.", "17"),
    ("The rebels want guarantees before any talks.", "10"),
    ("The army massed troops along the northern border.", "15"),
    ("The European Union supports the ceasefire, its foreign policy chief said.", "05"),
])
def test_the_political_senses_of_everyday_verbs_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


@pytest.mark.parametrize("text", [
    "The bridge does not meet current safety standards.",
    "The fossil weighed more than two tonnes.",
    "The former adviser released a memoir about his years in office.",
    "The museum hosted a concert for local families.",
    "The crowds dispersed peacefully after the concert.",
    "Cargo ships visited the port twice a week.",
    "The new software aids faster shutdowns.",
])
def test_more_everyday_senses_are_no_events(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize(("text", "root"), [
    ("Riot police dispersed the demonstrators with water cannon.", "17"),
    ("The Indian prime minister visited Dhaka on Saturday.", "04"),
    ("Qatar hosted the Afghan delegation in Doha.", "04"),
    ("The ministry is weighing new sanctions on the company.", "01"),
    ("The government met the strikers' demands for higher pay.", "08"),
])
def test_their_political_senses_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


def test_agreeing_with_an_assessment_is_accord_not_cooperation(coder: Coder):
    events = coder.code("Most economists agreed with the central bank's assessment.", published=PUBLISHED)
    assert {e.cameo for e in events} == {"019"}


@pytest.mark.parametrize("text", [
    "The National Conference of State Legislatures published its annual survey.",
    "Visitors packed the Peace Palace museum shop on Sunday.",
])
def test_an_event_word_inside_a_name_is_no_event(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize("text", [
    "I think the mayor should resign over the scandal.",
    "Many analysts believe Moscow attacked the pipeline.",
    "Such governments often arrest reporters who criticize them.",
    "Police usually arrest a few fans after the derby.",
])
def test_beliefs_and_generic_statements_report_no_act(coder: Coder, text: str):
    assert factual(coder.code(text, published=PUBLISHED)) == []


def test_a_present_tense_headline_is_still_an_act(coder: Coder):
    events = coder.code("Rebels reject truce offer from Kenya", published=PUBLISHED)
    assert [e.cameo[:2] for e in events] == ["12"]


@pytest.mark.parametrize("text", [
    'The astronomer said, "Researchers should keep an open mind about which planets to study."',
    "The new figures demonstrate that the drought is getting worse.",
])
def test_a_non_political_source_demands_and_demonstrates_nothing(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


def test_a_ministers_must_is_still_a_demand(coder: Coder):
    events = coder.code("The Kenyan foreign minister said the rebels must disarm.", published=PUBLISHED)
    assert [e.cameo[:2] for e in events if e.carried_by is None] == ["10"]


@pytest.mark.parametrize("text", [
    "The mayor spoke with Wikinews about the flooding.",
    "The senator talked to the Herald about her campaign on Tuesday.",
    "The home side hit back with two late tries.",
    "The virus has killed more than 200 people in the region.",
    "She spent her life fighting for equal pay.",
    "The convicted officer is eligible to appeal.",
])
def test_interviews_sport_disease_and_advocacy_are_no_events(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize(("text", "root"), [
    ("The Kenyan president met the Ethiopian prime minister in Nairobi.", "04"),
    ("Separatists fought for control of the airport.", "19"),
    ("A gunman killed four worshippers at a mosque in Kano.", "19"),
])
def test_meetings_and_fighting_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


# ---------------------------------------------------------------- questions and claims in a complement

@pytest.mark.parametrize("text", [
    "The senator asked the defence minister whether the air base would close.",
    "Reporters asked the governor how many soldiers had been sent to the valley.",
    "The envoy asked the rebel commanders if they had received the proposal.",
    "The committee asked the Finnish ambassador what the embassy knew about the shipment.",
    "Analysts suggested the sanctions had hurt Venezuela's oil exports.",
    "The opposition suggested that the count had been manipulated.",
    "Fire officials suggested the blaze may have been started deliberately.",
    "Early results suggest the new vaccine protects children.",
])
def test_asking_a_question_and_suggesting_a_claim_are_no_events(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize(("text", "root"), [
    ("The mayor of Lagos suggested the state assembly hold an inquiry into the shooting.", "03"),
    ("Kenya proposed that both delegations meet again in Nairobi.", "03"),
    ("The Chilean minister asked Peru to reopen the border crossing.", "02"),
    ("The prime minister suggested expanding the navy's patrols in the strait.", "03"),
])
def test_proposals_and_requests_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


@pytest.mark.parametrize("text", [
    "The judge considered the defendant a flight risk.",
    "Many voters considered the result a foregone conclusion.",
    "The climate model ignores the seasons entirely.",
    "The new statute ignores the realities of rural life.",
    "The scandal came to light in March.",
    "The engineer came to Canada as a student.",
])
def test_opinions_models_and_idioms_are_no_events(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize(("text", "root"), [
    ("The cabinet is considering sanctions against Belarus.", "01"),
    ("The military junta ignored the ECOWAS ultimatum.", "12"),
    ("The Turkish foreign minister travelled to Baghdad for talks.", "04"),
])
def test_deliberation_defiance_and_visits_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


def test_a_pronoun_does_not_reach_back_past_a_few_sentences(coder: Coder):
    text = ("Norway and Sweden sent observers to the vote in March.\n\n"
            "((Q)) How was your year at the club?\n\n"
            "((A)) It was a long year. I trained every day. The coaches were strict. The food was good. "
            "They criticized the referee after the final.")
    events = coder.code(text, published=PUBLISHED)
    assert not [e for e in events if e.source.code in ("NOR", "SWE") and e.cameo.startswith("11")]


def test_a_pronoun_still_finds_a_recent_antecedent(coder: Coder):
    text = "Norway and Sweden sent observers to the vote in March. On Friday they criticized the count in Bamako."
    events = coder.code(text, published=PUBLISHED)
    assert {e.source.code for e in events if e.cameo.startswith("11")} >= {"NOR", "SWE"}


@pytest.mark.parametrize("text", [
    "A delivery truck struck a lamp post in central Accra on Monday.",
    "The cyclone hit the coast of Mozambique overnight.",
    "Falling prices hit small farmers hardest.",
])
def test_things_that_strike_things_are_no_attack(coder: Coder, text: str):
    assert [c for c in codes(coder.code(text, published=PUBLISHED)) if c[:2] in ("18", "19")] == []


@pytest.mark.parametrize(("text", "root"), [
    ("Turkish jets struck Kurdish positions in northern Iraq.", "19"),
    ("Russian drones hit the Ukrainian port of Odesa overnight.", "19"),
    ("Rebel fighters struck an army convoy near Goma.", "19"),
])
def test_armed_strikes_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


@pytest.mark.parametrize("text", [
    "If the assembly votes for the motion, the governor must leave office.",
    "Unless Ethiopia withdraws its troops, the talks will fail, analysts say.",
    "The senator wondered whether Chad had armed the rebels.",
    "Support for the ruling party has declined sharply since the election.",
])
def test_conditions_open_questions_and_declines_report_no_act(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize(("text", "root"), [
    ("Iran declined the invitation to the summit in Doha.", "12"),
    ("The union threatened to strike if the government cut wages.", "13"),
])
def test_refusals_and_conditional_threats_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


@pytest.mark.parametrize("text", [
    "Farmers' unions want the agriculture minister to resign.",
    "Egypt wants Ethiopia to stop filling the dam.",
])
def test_what_one_party_wants_of_another_is_not_done(coder: Coder, text: str):
    events = coder.code(text, published=PUBLISHED)
    assert events and all(e.modality is not None or e.cameo.startswith("10") for e in events)


@pytest.mark.parametrize("text", [
    "Kelp forests provide food and shelter for young fish.",
    "The new bridge gives residents faster access to the hospital.",
])
def test_nature_and_things_provide_no_aid(coder: Coder, text: str):
    assert [c for c in codes(coder.code(text, published=PUBLISHED)) if c.startswith("07")] == []


def test_a_government_providing_food_is_aid(coder: Coder):
    events = coder.code("Jordan provided food and medicine to refugees in Syria.", published=PUBLISHED)
    assert "07" in {e.cameo[:2] for e in events}


@pytest.mark.xfail(strict=True, reason="host codes 043 whatever is hosted: requiring a hosted actor cost recall "
                                        "on the gold sets (a hosted event noun often stands for its guests)")
def test_hosting_a_tournament_is_no_visit(coder: Coder):
    events = coder.code("Morocco hosted the African handball championship in January.", published=PUBLISHED)
    assert [c for c in codes(events) if c.startswith("04")] == []


def test_hosting_content_is_no_visit(coder: Coder):
    events = coder.code("The video platform hosts thousands of recordings of the debates.", published=PUBLISHED)
    assert [c for c in codes(events) if c.startswith("04")] == []


def test_hosting_a_delegation_is_a_visit_received(coder: Coder):
    events = coder.code("Qatar hosted a Taliban delegation in Doha on Monday.", published=PUBLISHED)
    assert "04" in {e.cameo[:2] for e in events}


def test_attacking_a_war_in_a_speech_is_criticism(coder: Coder):
    events = coder.code("The Green candidate attacked the war in Afghanistan during the debate.", published=PUBLISHED)
    assert {e.cameo[:2] for e in events} <= {"11"}


@pytest.mark.parametrize("text", [
    "Activists are fighting corruption in the ministry.",
    "She has spent a decade fighting for the right to adopt.",
    "Villagers kill goats for the harvest festival.",
    "The home side hit back with two late goals.",
    "The senator ended her campaign for the nomination on Tuesday.",
    "The rescue team deployed an underwater camera near the wreck.",
    "The Hornets traded their point guard to Denver.",
    "A small hotel offered rooms to stranded travellers.",
    "The teachers cooperate closely with parents.",
])
def test_campaigns_sport_business_and_everyday_senses_are_no_events(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize(("text", "root"), [
    ("Protesters fought police in Santiago.", "14"),
    ("The militia killed at least 12 in the attack.", "19"),
    ("The army ended its bombing campaign in the north.", "08"),
    ("Ecuador deployed troops to the border with Colombia.", "15"),
    ("A man struck a police officer with a bottle.", "18"),
])
def test_their_political_and_violent_senses_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


# ---------------------------------------------------------------- who can act: noun classes, places, hazards

@pytest.mark.parametrize("text", [
    "Strong solvents pull the pigment out of old canvas.",
    "The brochures gave no details about the new toll scheme.",
    "Tracker dogs searched the ruined warehouse for survivors.",
    "Cyclone Idris, which killed 400 people in 2011, struck the same coast.",
    "The leaked spreadsheets allowed public access to patient records.",
    "Thousands of ballots went to opposition candidates, ousting several ministers.",
    "The warnings were withdrawn on Saturday as the storm weakened.",
])
def test_things_animals_and_hazards_do_not_act(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


def test_the_place_of_a_bombing_is_not_its_perpetrator(coder: Coder):
    events = coder.code("A Mosul car bombing killed nine people last month, the third such attack this year.",
                        published=PUBLISHED)
    assert all(e.source.text != "Mosul" and (e.source.country or "") != "IRQ" for e in events)


def test_a_virus_that_killed_is_not_the_officials_who_confirmed_it(coder: Coder):
    events = coder.code("Health officials confirmed the virus has infected 90 people and killed two.",
                        published=PUBLISHED)
    assert [e for e in events if e.cameo[:2] in ("18", "19", "20")] == []


def test_someones_aides_are_not_the_person(coder: Coder):
    events = coder.code("The opposition leader fell ill in May, and her aides accused the interior minister "
                        "of poisoning her.", published=PUBLISHED)
    accusations = [e for e in events if e.cameo[:2] == "11"]
    assert accusations and all(e.source.text != "her" and "leader" not in e.source.text for e in accusations)


@pytest.mark.parametrize(("text", "root"), [
    ("Striking miners blocked the main road to the port on Monday.", "14"),
    ("Gunmen killed four soldiers at a checkpoint near the border.", "19"),
    ("The authorities detained dozens of students after the march.", "17"),
    ("Residents demanded that the council close the landfill.", "10"),
    ("Her lawyers appealed to the supreme court to release her.", "02"),
])
def test_people_and_groups_named_by_common_nouns_still_act(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


@pytest.mark.parametrize("text", [
    "The typhoon destroyed 300 homes along the coast on Sunday.",
    "A new strain of the virus appeared in the port city in May. Officials said it has killed 14 people.",
    "Porto can seize the moment and become the region's shipping hub.",
    "By March the governor had amassed over 400 delegates.",
    "Two cyclists armed with a bicycle pump chased the thief.",
])
def test_hazards_and_fixed_phrases_are_no_events(coder: Coder, text: str):
    assert [c for c in codes(coder.code(text, published=PUBLISHED)) if not c.startswith("01")] == []


@pytest.mark.parametrize(("text", "root"), [
    ("The government armed local self-defence groups in the north.", "07"),
    ("Russia amassed troops near the border in January.", "15"),
])
def test_arming_and_massing_forces_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


@pytest.mark.parametrize("text", [
    "Other players want a map editor they can change themselves.",
    "Most voters may not back the mayor again in November.",
    "Other people don't want to talk to the reporters.",
])
def test_people_in_general_report_no_act(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


def test_a_quantified_group_that_acted_still_codes(coder: Coder):
    events = coder.code("Other protesters demanded the release of the jailed students on Friday.", published=PUBLISHED)
    assert "10" in {e.cameo[:2] for e in events}


@pytest.mark.parametrize("text", [
    "Some readers dislike the app because they want a paper edition. Other people want an archive they can search.",
    "Fans ask for cheaper tickets every season.",
])
def test_what_people_in_general_want_is_no_demand(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize(("text", "root"), [
    ("People across the capital protested against the fuel tax on Sunday.", "14"),
    ("Residents want the council to close the landfill.", "10"),
])
def test_people_who_acted_or_residents_who_demand_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


@pytest.mark.parametrize("text", [
    "In 2009 the health ministry ordered the killing of over 200,000 chickens.",
    "Park rangers shot a bear that had attacked two hikers.",
])
def test_force_against_animals_is_no_event(coder: Coder, text: str):
    assert [c for c in codes(coder.code(text, published=PUBLISHED)) if c[:2] in ("18", "19", "20")] == []


def test_people_named_by_a_common_noun_can_be_released(coder: Coder):
    events = coder.code("The junta freed the stranded fishermen on Monday.", published=PUBLISHED)
    assert "08" in {e.cameo[:2] for e in events}


def test_designating_a_minister_is_no_sanction(coder: Coder):
    events = coder.code("The president designated Ortiz, a retired admiral, as defence minister in 2018.",
                        published=PUBLISHED)
    assert [e for e in events if e.cameo.startswith("17")] == []


def test_designating_a_group_as_terrorist_is_a_sanction(coder: Coder):
    events = coder.code("The interior ministry designated the brotherhood as a terrorist organisation.",
                        published=PUBLISHED)
    assert "17" in {e.cameo[:2] for e in events}


def test_someones_charges_are_brought_against_them(coder: Coder):
    events = coder.code("The lawyer said Varga's charges would be heard in April.", published=PUBLISHED)
    assert all(e.source.text not in ("Varga's", "Varga") for e in events)


@pytest.mark.parametrize("text", [
    "During the debate, Okafor attacked Mensah over his record on housing.",
    "Senator Lindqvist hit out at Borg on the radio.",
])
def test_one_politician_attacking_another_is_criticism(coder: Coder, text: str):
    assert {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)} == {"11"}


@pytest.mark.parametrize("text", [
    "Hale attacked Rourke with a hammer outside the pub.",
    "The army attacked rebel positions near the airport.",
])
def test_attacks_with_weapons_or_by_forces_stay_force(coder: Coder, text: str):
    assert {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)} & {"18", "19"}


# ---------------------------------------------------------------- interview transcripts

TRANSCRIPT = (
    "The mayor of Tarn, Lucie Brandt, criticised the regional council on Monday over the closure of two "
    "clinics, and spoke to this newspaper about her campaign.\n\n"
    "((Reporter)) Do you want the council to reopen the clinics?\n\n"
    "((Lucie Brandt)) Of course. People want their clinics back, and we will fight the council in court if we "
    "must. Last year I met the health minister twice.\n\n"
    "Q: Will you run again?\n\n"
    "A: I promised my voters I would, and the party supports me.")


def test_the_turns_of_an_interview_transcript_are_not_coded(coder: Coder):
    events = coder.code(TRANSCRIPT, published=PUBLISHED)
    intro_end = TRANSCRIPT.index("((Reporter))")
    assert events and all(e.trigger.start < intro_end for e in events)
    assert "11" in {e.cameo[:2] for e in events}


@pytest.mark.parametrize("text", [
    "The visitors will be harder to beat than last year's champions.",
    "The general found it difficult to capture the hill.",
    "Pilgrims hope to go to heaven.",
])
def test_how_hard_an_act_would_be_and_heaven_are_no_events(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize("text", [
    "The union is likely to reject the revised pay offer.",
    "Analysts say Ankara is unlikely to approve the accession.",
])
def test_a_forecast_is_not_reported_as_fact(coder: Coder, text: str):
    events = coder.code(text, published=PUBLISHED)
    assert factual([e for e in events if not e.cameo.startswith("01")]) == []


def test_neither_nor_subjects_negate_the_act(coder: Coder):
    events = coder.code("Neither Brazil nor Argentina recognised the new government.", published=PUBLISHED)
    assert events and factual(events) == []


def test_no_country_as_subject_negates_the_act(coder: Coder):
    events = coder.code("No country recognised the new government.", published=PUBLISHED)
    assert factual(events) == []


@pytest.mark.parametrize("text", [
    "The alliance's guidelines call for members to spend 2% of output on defence.",
    "The Kenyan constitution prohibits the president from dissolving parliament.",
    "EU rules require Italy to cut its deficit.",
])
def test_standing_rules_are_no_acts(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


def test_a_body_that_issues_a_call_still_codes(coder: Coder):
    events = coder.code("The Security Council called for an immediate ceasefire on Monday.", published=PUBLISHED)
    assert "02" in {e.cameo[:2] for e in events}


# ---------------------------------------------------------------- habits, not-yet, advocacy, brokered deals

@pytest.mark.parametrize("text", [
    "Border villages are often shelled by the militia during the harvest.",
    "Cabinet meetings usually centre on the budget.",
    "Talks between the unions and the employers typically stall over pensions.",
    "Opposition rallies are routinely broken up by riot police.",
])
def test_habits_told_in_the_passive_or_by_event_nouns_are_no_acts(coder: Coder, text: str):
    assert factual(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize("text,root", [
    ("Border villages were shelled by the militia on Sunday.", "19"),
    ("Riot police broke up an opposition rally on Friday.", "17"),
])
def test_the_same_acts_told_once_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in factual(coder.code(text, published=PUBLISHED))}


@pytest.mark.parametrize("text", [
    "The embassy has not commented on the arrests.",
    "The ministry has yet to comment on the claims.",
    "Officials have not yet responded to requests for comment.",
])
def test_not_having_commented_yet_is_no_act(coder: Coder, text: str):
    assert factual(coder.code(text, published=PUBLISHED)) == []


def test_declining_to_comment_is_still_coded(coder: Coder):
    events = coder.code("The chancellor declined to comment on the arrests.", published=PUBLISHED)
    assert [e.cameo for e in events] == ["011"]


@pytest.mark.parametrize("text,not_root", [
    ("The envoy backed sanctioning the generals.", "16"),
    ("The candidate favoured prosecuting banks that financed the arms trade.", "11"),
    ("Several deputies advocated expelling the ambassador.", "16"),
])
def test_an_act_someone_argues_for_is_not_done(coder: Coder, text: str, not_root: str):
    assert not_root not in {e.cameo[:2] for e in factual(coder.code(text, published=PUBLISHED))}


@pytest.mark.parametrize("text", [
    "Qatar helped broker a deal establishing a truce between the two militias.",
    "Norway brokered an accord restoring ties between the neighbours.",
])
def test_a_broker_is_not_a_party_to_what_the_deal_does(coder: Coder, text: str):
    events = coder.code(text, published=PUBLISHED)
    assert not [e for e in events if e.source.text in ("Qatar", "Norway") and e.cameo[:2] in ("05", "07", "08")]


def test_a_motion_censuring_someone_is_still_its_authors_act(coder: Coder):
    events = coder.code("The parliament adopted a motion censuring the interior minister.", published=PUBLISHED)
    assert "11" in {e.cameo[:2] for e in events if e.source.text == "The parliament"}


# ---------------------------------------------------------------- permission, platforms, estimates, hazards

@pytest.mark.parametrize("text", [
    "The draft law would have allowed Moscow to deport foreign journalists.",
    "A treaty clause permits either state to expel the other's diplomats.",
    "The new decree enables the army to detain suspects without charge.",
])
def test_what_a_law_would_allow_is_not_done(coder: Coder, text: str):
    assert not [e for e in factual(coder.code(text, published=PUBLISHED)) if e.cameo[:2] in ("16", "17")]


@pytest.mark.parametrize("text,name", [
    ("The foreign minister posted a message on Twitter blaming Tehran for the blast.", "Twitter"),
    ("Senator Ruth Okafor made her announcement in a post on Facebook, in which she thanked the governor.",
     "Facebook"),
])
def test_the_platform_a_message_was_posted_on_is_not_its_author(coder: Coder, text: str, name: str):
    events = coder.code(text, published=PUBLISHED)
    assert events and not [e for e in events if name in e.source.text]


def test_who_made_an_estimate_is_not_who_did_the_damage(coder: Coder):
    events = coder.code("Hundreds of homes have been destroyed, with some estimates by the Red Cross putting "
                        "the figure at a thousand.", published=PUBLISHED)
    assert not [e for e in events if "Red Cross" in e.source.text]


@pytest.mark.parametrize("text", [
    "The coastguard lifted its storm warnings on Saturday.",
    "Officials issued a flood warning for the river towns.",
])
def test_weather_warnings_are_no_threats(coder: Coder, text: str):
    assert not [e for e in coder.code(text, published=PUBLISHED) if e.cameo.startswith("13")]


def test_a_warning_to_a_state_is_still_a_threat(coder: Coder):
    events = coder.code("The Kremlin issued a stark warning to Finland over its bid to join NATO.", published=PUBLISHED)
    assert "13" in {e.cameo[:2] for e in events}


@pytest.mark.parametrize("text", [
    "On June 3, the former adviser released a book critical of the president.",
    "Several days later, the senator's niece released the tell-all memoir Broken Promises.",
    "According to a recent poll, 57 percent of voters oppose expanding the court.",
    "Sixty percent of Britons support the ban, a survey found.",
    "YouTube also hosts many recordings in the public domain.",
])
def test_books_polls_and_platforms_are_no_acts(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize("text,root", [
    ("A majority of MPs voted for the motion on Tuesday.", "05"),
    ("Iran released the seized tanker on Friday.", "08"),
])
def test_a_vote_and_a_returned_ship_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


@pytest.mark.parametrize("text", [
    "SARS-CoV-2 has already killed more than 1,000 people in the province.",
    "Hurricane Dorian battered the islands on Monday. On Tuesday, Dorian destroyed hundreds of homes in Freeport.",
    "Typhoon Hagibis struck Japan on Saturday, and Hagibis killed at least 40 people.",
    "Ebola has killed 2,000 people in eastern Congo since August.",
])
def test_named_storms_and_diseases_do_not_act(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


def test_an_interviewer_meeting_its_guest_is_no_consultation(coder: Coder):
    events = coder.code("Wikinews caught up with the author to discuss her findings.", published=PUBLISHED)
    assert codes(events) == []


@pytest.mark.parametrize("text", [
    "The lawyer said he had evidence supporting the allegation.",
    "Questions remain over whether the party nominated him to help the president's campaign.",
    "Dozens of wounded villagers who evacuated to the clinic were treated.",
    "New sensors were installed to assist in the shutdowns.",
])
def test_evidence_open_questions_and_aid_to_no_one_are_no_acts(coder: Coder, text: str):
    assert factual([e for e in coder.code(text, published=PUBLISHED) if e.cameo[:2] in ("05", "07")]) == []


@pytest.mark.parametrize("text,root", [
    ("Troops evacuated 300 residents from the flooded town.", "07"),
    ("The navy assisted the coast guard in the search.", "07"),
])
def test_evacuating_and_assisting_people_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


# ---------------------------------------------------------------- campaigns, requirements, courts, blazes

@pytest.mark.parametrize("text", [
    "The senator suspended her presidential campaign on Tuesday.",
    "As its name suggests, the Green Alliance backs environmental candidates.",
    "Under the new rules, the governor meets the residency requirement.",
    "Firefighters gained control of the blaze late on Sunday.",
    "The former minister's appeal against his conviction was heard on Monday.",
    "The doctor warned colleagues about the outbreak in December.",
    "Eleven Republicans defected in the vote for speaker.",
])
def test_campaigns_requirements_courts_and_blazes_are_no_events(coder: Coder, text: str):
    assert codes(coder.code(text, published=PUBLISHED)) == []


@pytest.mark.parametrize("text,root", [
    ("Sudan suspended talks with the rebels on Tuesday.", "16"),
    ("The foreign minister met the Kenyan president in Nairobi.", "04"),
    ("Rebels gained control of the border town on Sunday.", "19"),
    ("The UN appealed for calm after the clashes.", "02"),
    ("The army warned the rebels against advancing on the capital.", "13"),
    ("Dozens of soldiers defected to the rebels on Sunday.", "08"),
])
def test_the_political_senses_of_these_verbs_still_code(coder: Coder, text: str, root: str):
    assert root in {e.cameo[:2] for e in coder.code(text, published=PUBLISHED)}


@pytest.mark.parametrize("text", [
    "Speaking to PBS, the crown prince said he took full responsibility for the killing.",
    "The State Department offered a reward of $1 million for information on the commander.",
])
def test_an_interview_and_a_reward_are_no_consultation_or_aid(coder: Coder, text: str):
    assert not [e for e in coder.code(text, published=PUBLISHED) if e.cameo[:2] in ("03", "04", "07")]


@pytest.mark.parametrize("text", [
    "According to the minister, the rebels are backed by Iran.",
    "The chief executive, who is supported by Beijing, refused to resign.",
])
def test_a_standing_alignment_in_the_present_passive_is_no_act_of_support(coder: Coder, text: str):
    assert not [e for e in coder.code(text, published=PUBLISHED) if e.cameo.startswith("05")]


def test_support_given_on_a_day_is_still_an_act(coder: Coder):
    events = coder.code("The rebels were backed by Iran in Monday's offensive.", published=PUBLISHED)
    assert "05" in {e.cameo[:2] for e in events}
