"""A talk or meeting named inside the object of an act that has not happened has not happened either;
an act of stopping in between keeps the stopped act real. Small clauses with a particle of motion."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.coder import Coder
from parley.types import Article

PUBLISHED = dt.date(2026, 5, 20)


def coded(coder: Coder, text: str):
    return coder.code_article(Article(id="u", text=text, published=PUBLISHED))


@pytest.mark.parametrize("text", [
    "Qatar offered on Monday to host talks between Rwanda and Congo in Doha.",
    "Kenya proposed fresh negotiations between the two Sudanese factions.",
    "Norway promised to organise a new round of negotiations between Colombia and the rebels.",
])
def test_talks_inside_an_offer_are_not_reported_as_held(coder: Coder, text: str) -> None:
    talks = [e for e in coded(coder, text) if e.cameo.startswith("04")]
    nouns = [e for e in talks if e.trigger.text.lower().startswith(("talk", "negotiation"))]
    assert all(not e.factual for e in nouns)
    assert all(e.carried_by is not None for e in nouns)


def test_what_a_demand_asks_to_stop_did_happen(coder: Coder) -> None:
    events = coded(coder, "The villagers demanded an end to the bombing of their farms by government jets.")
    bombing = [e for e in events if e.trigger.text == "bombing"]
    assert bombing and bombing[0].factual


def test_talks_that_were_held_stay_factual(coder: Coder) -> None:
    events = coded(coder, "Rwanda and Congo held talks in Doha on Monday.")
    assert any(e.cameo.startswith("04") and e.factual for e in events)


def test_allowing_people_back_into_a_place_is_allowing_them(coder: Coder) -> None:
    events = coded(coder, "Iraq will let the IAEA inspectors back into the facility.")
    # what will be allowed is an intent to allow (0355); what was allowed, the allowing itself (086)
    assert any(e.cameo.startswith(("086", "0355")) for e in events), [(e.cameo, e.trigger.text) for e in events]


@pytest.mark.parametrize("text, code", [
    ("Ukrainian drones destroyed a Russian ammunition depot near Belgorod on Sunday.", "19"),
    ("The air force destroyed several rebel rocket launchers overnight.", "19"),
    ("The militia destroyed its remaining weapons under the peace deal.", "087"),
])
def test_destroying_an_enemy_depot_is_force_destroying_ones_own_arms_is_disarming(coder: Coder, text: str,
                                                                                   code: str) -> None:
    events = [e for e in coded(coder, text) if e.trigger.text == "destroyed"]
    assert events and events[0].cameo.startswith(code), [(e.cameo, e.trigger.text) for e in coded(coder, text)]


def test_what_a_refused_statement_condemns_did_happen(coder: Coder) -> None:
    events = coded(coder, "Poland refused on Monday to sign a joint declaration condemning Belarus's recent "
                          "shelling of border posts.")
    shelling = [e for e in events if e.trigger.text == "shelling"]
    assert all(e.factual for e in shelling)


@pytest.mark.parametrize("text, source, target", [
    ("Indian troops responded to heavy shelling by Pakistani forces on Sunday.", "INDMIL", "PAKMIL"),
    ("The Armenian army retaliated against Azerbaijani positions overnight.", "ARMMIL", "AZE"),
])
def test_fighting_back(coder: Coder, text: str, source: str, target: str) -> None:
    events = [e for e in coded(coder, text) if e.cameo.startswith("19")]
    assert any(e.source.code == source and (e.target.code or "").startswith(target) for e in events), \
        [(e.source.code, e.target.code if e.target else None, e.cameo) for e in coded(coder, text)]


def test_held_talks_focused_on_something_are_talks(coder: Coder) -> None:
    events = coded(coder, "The leaders of Chile and Bolivia held talks focused on water rights on Monday.")
    assert any(e.cameo.startswith("04") for e in events)


def test_ordering_diplomats_to_leave_is_an_expulsion(coder: Coder) -> None:
    events = coded(coder, "Lithuania ordered two members of the Belarusian embassy staff to leave the country on "
                          "Friday.")
    assert any(e.cameo == "161" for e in events), [(e.cameo, e.trigger.text) for e in events]
    assert not any(e.cameo == "161" for e in coded(coder, "The coach ordered the players to leave the pitch."))
