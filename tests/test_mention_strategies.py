"""Each mention strategy alone: the construction it answers for, and one it leaves to the others.

Every sentence here was written for these tests. A strategy is called directly on the head of a
phrase, after the resolver has registered the actors of the sentences before it (as coding does);
expected actors are looked up in the shipped knowledge base, so the tests say which actor a phrase
stands for without copying codes by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.actors.kb import default_kb
from parley.coder import load_model
from parley.coding import mention_strategies as ms
from parley.coding.cues import default_cues
from parley.coding.mentions import MentionResolver

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2025, 3, 14)


def resolver_at(text: str, word: str, *, occurrence: int = 1) -> tuple[MentionResolver, ms.Phrase]:
    """A resolver that has read every sentence up to the one holding the `occurrence`-th `word`, and
    the phrase headed by that token."""
    doc = load_model()(text)
    resolver = MentionResolver(default_kb(), default_cues(), doc, PUBLISHED)
    token = [t for t in doc if t.text == word][occurrence - 1]
    for sent in doc.sents:
        if sent.start > token.i:
            break
        resolver.observe_sentence(sent)
    return resolver, ms.Phrase.of(resolver, token, allow_thing=False)


def code_of(name: str) -> str | None:
    actor = default_kb().resolve(name, on=PUBLISHED)
    return actor.code if actor is not None else None


def codes(found: list) -> list:
    return [m.code for m in found]


def test_pronoun_takes_its_antecedent():
    r, p = resolver_at("Chile recalled its ambassador on Monday. It called the move final.", "It")
    assert codes(ms.pronoun(r, p)) == [code_of("Chile")]
    assert ms.counterpart(r, p) is None


def test_pronoun_leaves_nouns_alone():
    r, p = resolver_at("Chile recalled its ambassador on Monday.", "ambassador")
    assert ms.pronoun(r, p) is None


def test_counterpart_is_the_other_sides_office_holder():
    r, p = resolver_at("The Peruvian foreign minister met his Chilean counterpart in Lima.", "counterpart")
    found = ms.counterpart(r, p)
    assert found is not None and [m.country for m in found] == ["CHL"]


def test_counted_description_takes_the_coordination():
    r, p = resolver_at("Greece and Turkey held talks in Vienna. The two countries will meet again in May.",
                       "countries")
    found = ms.counted_description(r, p)
    assert found is not None and sorted(codes(found)) == sorted([code_of("Greece"), code_of("Turkey")])
    assert ms.definite_description(r, p) is None   # plural: not "the group"


def test_definite_description_takes_the_latest_fitting_actor():
    r, p = resolver_at("Hezbollah fired rockets at a border post. The group later denied it.", "group")
    found = ms.definite_description(r, p)
    assert found is not None and codes(found) == [code_of("Hezbollah")]


def test_definite_description_finds_a_group_tagged_as_a_person():
    r, p = resolver_at("Al-Shabaab attacked an army base near Mogadishu. The group later withdrew.", "group")
    found = ms.definite_description(r, p)
    assert found is not None and codes(found) == [code_of("Al-Shabaab")]


def test_coordinated_modifiers_give_one_mention_per_side():
    r, p = resolver_at("Greek and Turkish diplomats met in Vienna on Monday.", "diplomats")
    found = ms.coordinated_modifiers(r, p)
    assert found is not None and [m.country for m in found] == ["GRC", "TUR"]


def test_role_for_sides_gives_each_side_in_the_role():
    r, p = resolver_at("Negotiators for Colombia and Venezuela met in Havana.", "Negotiators")
    found = ms.role_for_sides(r, p)
    assert found is not None and sorted(m.country for m in found) == ["COL", "VEN"]


def test_event_role_refers_back_to_who_did_the_act():
    text = "Norway mediated between the two parties. The mediators said a deal was close."
    r, p = resolver_at(text, "mediators")
    norway = [m for m in r.mentions(p.token.doc[0], allow_thing=True)]
    r.record_acts(1, "045", norway)   # what coding records when "mediated" is coded
    found = ms.event_role(r, p)
    assert found is not None and codes(found) == [code_of("Norway")]


def test_event_role_needs_an_earlier_act():
    r, p = resolver_at("The mediators said a deal was close.", "mediators")
    assert ms.event_role(r, p) is None


def test_owner_pronoun_gives_the_owners_forces():
    r, p = resolver_at("Kenya said on Monday that its troops would stay in Somalia.", "troops")
    found = ms.owner_pronoun(r, p)
    assert found is not None and [(m.country, m.sector) for m in found] == [("KEN", "MIL")]


def test_named_apposition_is_the_person_named():
    r, p = resolver_at("The senator praised her longtime ally Maria Lopez on Tuesday.", "ally")
    found = ms.named_apposition(r, p)
    assert found is not None and len(found) == 1 and "Maria Lopez" in found[0].text


def test_thing_head_finds_the_actor_inside():
    r, p = resolver_at("Kenya rejected the latest Ugandan offer.", "offer")
    found = ms.thing_head(r, p)
    assert found is not None and [m.country for m in found] == ["UGA"]


def test_thing_head_leaves_role_nouns_alone():
    r, p = resolver_at("The Kenyan army withdrew from the border.", "army")
    assert ms.thing_head(r, p) is None
    found = ms.known_phrase(r, p)
    assert found is not None and [(m.country, m.sector) for m in found] == [("KEN", "MIL")]


def test_unknown_name_is_an_actor_without_a_code():
    r, p = resolver_at("Zorblat Vintners sued the city council.", "Vintners")
    assert ms.known_phrase(r, p) is None
    found = ms.unknown(r, p)
    assert found is not None and codes(found) == [None] and "Zorblat" in found[0].text


def test_the_resolver_asks_the_strategies_in_order():
    # "they" for talks is asked before "they" for people
    assert ms.STRATEGIES[:2] == (ms.talks_pronoun, ms.pronoun) and ms.STRATEGIES[-1] is ms.unknown
    assert len(set(ms.STRATEGIES)) == len(ms.STRATEGIES)
