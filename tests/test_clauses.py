"""The constructions the clause analyser must handle, coded end to end by the real pinned model.

Every sentence here was written for these tests. Each test asserts the exact events a careful analyst
would code: (source code, CAMEO code, target code, negated, modality), where a target that names no
actor ("the offer") has code None, like an absent target.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.coder import Coder
from parley.types import Event

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2025, 3, 14)  # a Friday


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def own(events: list[Event]) -> list[Event]:
    """The events that are not the content of another (what a demand, an offer ... is about)."""
    return [e for e in events if e.carried_by is None]


def coded(events: list[Event]) -> list[tuple]:
    """(source, cameo, target, negated, modality) of each event but content, order-free."""
    rows = [(e.source.code, e.cameo, e.target.code if e.target else None, e.negated, e.modality)
            for e in own(events)]
    return sorted(rows, key=str)


def dyads(events: list[Event]) -> list[tuple]:
    """(source, cameo, target) of each event but content, order-free."""
    return sorted(((e.source.code, e.cameo, e.target.code if e.target else None) for e in own(events)), key=str)


# ---------------------------------------------------------------- passive voice

@pytest.mark.parametrize(("text", "expected"), [
    ("Hamas was condemned by Egypt.", [("EGY", "111", "PSEREB", False, None)]),
    ("Lebanon was bombed by Israel on Tuesday.", [("ISR", "195", "LBN", False, None)]),
    ("The offer was rejected by Hamas.", [("PSEREB", "125", None, False, None)]),
])
def test_passive_by_agent_is_the_source(coder, text, expected):
    assert coded(coder.code(text, published=PUBLISHED)) == expected


@pytest.mark.parametrize("text", [
    "Hamas was condemned on Tuesday.",
    "Two villages were shelled overnight.",
    "The offer was rejected.",
])
def test_passive_without_agent_has_no_source_and_no_event(coder, text):
    assert coder.code(text, published=PUBLISHED) == []


# ---------------------------------------------------------------- coordination

def test_two_subjects_give_two_events(coder):
    events = coder.code("Egypt and Jordan condemned Israel.", published=PUBLISHED)
    assert coded(events) == [("EGY", "111", "ISR", False, None), ("JOR", "111", "ISR", False, None)]


def test_two_objects_give_two_events(coder):
    events = coder.code("The European Union criticized Iran and Syria.", published=PUBLISHED)
    assert coded(events) == [("IGOEEC", "111", "IRN", False, None), ("IGOEEC", "111", "SYR", False, None)]


def test_coordinated_subjects_of_a_reciprocal_verb_act_on_each_other(coder):
    events = coder.code("Iran and Saudi Arabia met in Baghdad.", published=PUBLISHED)
    assert coded(events) == [("IRN", "040", "SAU", False, None), ("SAU", "040", "IRN", False, None)]


def test_coordinated_verbs_share_their_subject(coder):
    events = coder.code("Egypt condemned Israel and praised Jordan.", published=PUBLISHED)
    assert coded(events) == [("EGY", "051", "JOR", False, None), ("EGY", "111", "ISR", False, None)]


# ---------------------------------------------------------------- control chains

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Israel agreed to withdraw its troops from Gaza.", "ISR", "PSE"),
    ("Hamas pledged to release the hostages.", "PSEREB", None),
])
def test_agreeing_to_act_is_an_intent_event(coder, text, source, target):
    events = own(coder.code(text, published=PUBLISHED))
    assert [(e.source.code, e.cameo[:2], e.target.code if e.target else None, e.negated, e.modality)
            for e in events] == [(source, "03", target, False, "intent")]


def test_agreeing_to_meet_is_intent_to_meet(coder):
    events = coder.code("Russia agreed to meet Ukraine.", published=PUBLISHED)
    assert coded(events) == [("RUS", "036", "UKR", False, "intent")]


def test_refusing_to_meet_is_a_rejection(coder):
    events = own(coder.code("Hamas refused to meet the Israeli delegation.", published=PUBLISHED))
    assert dyads(events) == [("PSEREB", "125", "ISRGOV")]
    assert [e.negated for e in events] == [False]   # a refusal happened; it is not a negated meeting


def test_threatening_to_strike_is_a_threat_of_force(coder):
    events = own(coder.code("Iran threatened to strike Israel.", published=PUBLISHED))
    assert [(e.source.code, e.cameo[:3], e.target.code, e.negated) for e in events] == [("IRN", "138", "ISR", False)]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The United Nations urged Israel to negotiate with Hamas.", "IGOUNO", "ISR"),
    ("Egypt urged Hamas to accept the offer.", "EGY", "PSEREB"),
    ("The United Nations urged Israel to allow aid into Gaza.", "IGOUNO", "ISR"),
])
def test_urging_someone_to_act_is_an_appeal_to_them(coder, text, source, target):
    events = own(coder.code(text, published=PUBLISHED))
    assert [(e.source.code, e.cameo[:2], e.target.code if e.target else None, e.negated) for e in events] == \
        [(source, "02", target, False)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Qatar failed to meet Hamas.", [("QAT", "040", "PSEREB", True)]),
    ("Hamas failed to attend the talks.", [("PSEREB", "040", None, True)]),
])
def test_failing_to_act_is_the_act_negated(coder, text, expected):
    events = coder.code(text, published=PUBLISHED)
    assert [(e.source.code, e.cameo, e.target.code if e.target else None, e.negated) for e in events] == expected


# ---------------------------------------------------------------- reported speech

@pytest.mark.parametrize(("text", "expected", "speaker"), [
    ("Egypt said that Hamas had rejected the offer.", [("PSEREB", "125", None)], "EGY"),
    ("Iran said Israel had violated the truce.", [("ISR", "196", None)], "IRN"),
    # "would" after a past speech verb is the future: an intent to meet (036), as "will meet" is.
    ("Egypt said Israel would meet Hamas.", [("ISR", "036", "PSEREB")], "EGY"),
])
def test_reported_event_is_attributed_to_the_speaker(coder, text, expected, speaker):
    events = coder.code(text, published=PUBLISHED)
    assert dyads(events) == expected
    assert [(e.attribution.speaker.code if e.attribution.speaker else None, e.attribution.cue)
            for e in events] == [(speaker, "say")]


@pytest.mark.parametrize("text", [
    "Egypt said on Thursday that the talks had been useful.",
    "Netanyahu said Israel was ready.",
    "A Hamas spokesman said.",
])
def test_saying_alone_is_no_event(coder, text):
    assert coder.code(text, published=PUBLISHED) == []


@pytest.mark.parametrize(("text", "source", "code", "target"), [
    ("Iran accused Israel of killing its scientists.", "IRN", "112", "ISR"),
    ("France condemned Iran for the arrests.", "FRA", "111", "IRN"),
    ("China warned that Taiwan would face consequences.", "CHN", "13", "TWN"),
    ("Jordan praised Egypt for its efforts.", "JOR", "051", "EGY"),
    ("Russia denied that its troops had entered Ukraine.", "RUS", "016", None),
    ("Egypt urged restraint.", "EGY", "02", None),
])
def test_speech_acts_that_do_something_are_events(coder, text, source, code, target):
    events = coder.code(text, published=PUBLISHED)
    assert [(e.source.code, e.cameo[:len(code)], e.target.code if e.target else None) for e in events] == \
        [(source, code, target)]


# ---------------------------------------------------------------- negation

@pytest.mark.parametrize(("text", "expected"), [
    ("Israel did not attack Hamas.", [("ISR", "190", "PSEREB", True, None)]),
    ("Egypt did not condemn Israel.", [("EGY", "111", "ISR", True, None)]),
    ("Israel never bombed Lebanon.", [("ISR", "195", "LBN", True, None)]),
    ("Israel did not meet Egypt on Thursday.", [("ISR", "040", "EGY", True, None)]),  # not met is not refused
])
def test_negation_sets_negated_and_keeps_the_code(coder, text, expected):
    assert coded(coder.code(text, published=PUBLISHED)) == expected


def test_an_armed_attack_on_troops_is_fighting(coder):
    """The positive of the first negation case: "attack" on a military target is 190, not criticism."""
    events = coder.code("Ukrainian forces attacked Russian troops near Kharkiv.", published=PUBLISHED)
    assert coded(events) == [("UKRMIL", "190", "RUSMIL", False, None)]


# ---------------------------------------------------------------- modality

def test_future_cooperation_is_an_intent_code(coder):
    events = coder.code("Russia will meet Ukraine.", published=PUBLISHED)
    assert coded(events) == [("RUS", "036", "UKR", False, "future")]


def test_announced_refusal_to_cooperate_is_a_rejection(coder):
    """ "will not meet" states a refusal now: a rejection event, not a negated meeting."""
    events = coder.code("Russia will not meet Ukraine.", published=PUBLISHED)
    assert [(e.source.code, e.cameo, e.target.code, e.negated) for e in events] == [("RUS", "125", "UKR", False)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia would meet Ukraine.", [("RUS", "040", "UKR", False, "hypothetical")]),
    ("Iran could bomb Israel.", [("IRN", "195", "ISR", False, "hypothetical")]),
])
def test_would_and_could_are_hypothetical(coder, text, expected):
    assert coded(coder.code(text, published=PUBLISHED)) == expected


def test_a_condition_is_no_act(coder):
    assert coded(coder.code("If Israel bombs Lebanon, the war will spread.", published=PUBLISHED)) == []


# ---------------------------------------------------------------- relative clauses and appositions

def test_relative_clause_on_the_subject_takes_the_antecedent_as_source(coder):
    events = coder.code("Hamas, which rejected the offer, met Egypt's intelligence chief in Cairo.",
                        published=PUBLISHED)
    assert coded(events) == [("PSEREB", "040", "EGYSPY", False, None), ("PSEREB", "125", None, False, None)]


def test_relative_clause_on_the_object_takes_the_object_as_source(coder):
    events = coder.code("Egypt criticized Hamas, which rejected the offer.", published=PUBLISHED)
    assert coded(events) == [("EGY", "111", "PSEREB", False, None), ("PSEREB", "125", None, False, None)]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Lavrov, Russia's foreign minister, met Wang Yi in Beijing.", "RUSGOV", "CHNGOV"),
    ("Egypt's foreign minister, Badr Abdelatty, met Marco Rubio in Washington.", "EGYGOV", "USAGOV"),
])
def test_apposition_is_one_actor(coder, text, source, target):
    events = coder.code(text, published=PUBLISHED)
    assert coded(events) == [(source, "040", target, False, None)]


# ---------------------------------------------------------------- event nouns

def test_talks_between_two_actors_are_reciprocal(coder):
    events = coder.code("Talks between Israel and Hamas resumed in Doha.", published=PUBLISHED)
    assert coded(events) == [("ISR", "040", "PSEREB", False, None), ("PSEREB", "040", "ISR", False, None)]


def test_possessor_of_an_attack_noun_is_the_source(coder):
    events = coder.code("Russia's attack on Ukraine continued.", published=PUBLISHED)
    assert coded(events) == [("RUS", "190", "UKR", False, None)]


def test_event_noun_inside_an_object_is_coded_too(coder):
    events = coder.code("Germany condemned Russia's attack on Ukraine.", published=PUBLISHED)
    assert coded(events) == [("DEU", "111", "RUS", False, None), ("RUS", "190", "UKR", False, None)]


@pytest.mark.parametrize("text", [
    "European Union sanctions on Iran took effect on Monday.",
    "New sanctions on Iran by the European Union took effect.",
])
def test_sanctions_noun(coder, text):
    assert dyads(coder.code(text, published=PUBLISHED)) == [("IGOEEC", "163", "IRN")]


def test_national_adjective_is_the_source_of_strikes(coder):
    events = coder.code("Israeli strikes on Gaza continued on Sunday.", published=PUBLISHED)
    assert [(e.source.code, e.cameo[:2], e.target.code) for e in events] == [("ISR", "19", "PSE")]


# ---------------------------------------------------------------- coreference

@pytest.mark.parametrize(("text", "expected"), [
    ("Putin criticized NATO on Monday. He also praised China.",
     [("RUSGOV", "051", "CHN"), ("RUSGOV", "111", "IGONAT")]),
    ("Hamas rejected the offer on Monday. It also criticized Egypt.",
     [("PSEREB", "111", "EGY"), ("PSEREB", "125", None)]),
    ("Hamas met Qatari mediators. The group rejected the offer.",
     [("PSEREB", "040", "QATGOV"), ("PSEREB", "125", None)]),
    ("U.S. envoy Steve Witkoff met Qatar's prime minister on Monday. The envoy later criticized Hamas.",
     [("USAGOV", "040", "QATGOV"), ("USAGOV", "111", "PSEREB")]),
])
def test_pronoun_or_description_refers_to_the_earlier_actor(coder, text, expected):
    assert dyads(coder.code(text, published=PUBLISHED)) == expected


def test_the_two_countries_are_both_earlier_countries(coder):
    events = coder.code("India and Pakistan exchanged fire along the border. "
                        "The two countries later agreed to hold talks.", published=PUBLISHED)
    second = [e for e in events if e.sentence_index == 1]
    assert coded(second) == [("IND", "036", "PAK", False, "intent"), ("PAK", "036", "IND", False, "intent")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin met Erdogan on Monday. He also criticized NATO.",
     [("RUSGOV", "040", "TURGOV"), ("RUSGOV", "111", "IGONAT")]),
    ("Israel accused Hamas of breaking the truce. It also warned Egypt.",
     [("ISR", "112", "PSEREB"), ("ISR", "130", "EGY")]),
])
def test_pronoun_prefers_the_previous_subject(coder, text, expected):
    assert dyads(coder.code(text, published=PUBLISHED)) == expected


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize(("text", "date"), [
    ("Israel and Egypt met on Thursday.", "2025-03-13"),
    ("Israel and Egypt met on Friday.", "2025-03-14"),
    ("Israel and Egypt met on Saturday.", "2025-03-08"),
])
def test_weekday_is_the_last_such_day_on_or_before_publication(coder, text, date):
    events = coder.code(text, published=PUBLISHED)
    assert len(events) == 2
    assert {(e.date, e.date_precision, e.date_basis) for e in events} == {(date, "day", "text")}


def test_no_date_in_the_text_falls_back_to_the_published_date(coder):
    events = coder.code("Jordan praised Egypt.", published=PUBLISHED)
    assert [(e.date, e.date_precision, e.date_basis) for e in events] == [("2025-03-14", "day", "published")]


def test_no_date_anywhere_leaves_the_date_empty(coder):
    events = coder.code("Jordan praised Egypt.")
    assert [(e.date, e.date_precision, e.date_basis) for e in events] == [(None, None, "none")]


# ---------------------------------------------------------------- places

def test_place_of_a_meeting_is_its_location(coder):
    events = coder.code("Egypt met Qatar in Cairo.", published=PUBLISHED)
    assert dyads(events) == [("EGY", "040", "QAT")]
    location = events[0].location
    assert (location.name, location.country) == ("Cairo", "EGY")
    assert location.lat == pytest.approx(30.06, abs=0.2) and location.lon == pytest.approx(31.25, abs=0.2)


def test_event_without_a_place_is_placed_in_its_source_country(coder):
    [event] = coder.code("Jordan praised Egypt.", published=PUBLISHED)
    assert (event.location.name, event.location.kind, event.location.basis) == ("Jordan", "country", "country")


def test_event_without_a_place_or_a_country_has_no_location(coder):
    events = coder.code("The committee praised the mayor.", published=PUBLISHED)
    assert events and all(e.location is None for e in events)
