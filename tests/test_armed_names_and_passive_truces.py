"""Constructions that set 46's stories (the last four of session 40, read after their first run) showed the coder
missing, tested with sentences of our own (written after the change, each checked against the code before it)."""

from __future__ import annotations


def test_an_unknown_front_named_for_resistance_is_rebels_of_the_state_it_faces(coder):
    events = coder.code("AMMAN, Nov 18 - Syrian government negotiators and the Hauran Popular Resistance Front "
                        "opened talks in Amman on Monday.", published="2070-11-18")
    opened = [e for e in events if e.trigger.text == "opened"]
    assert "SYRREB" in {e.source.code for e in opened}, [(e.source.text, e.source.code) for e in opened]


def test_processors_are_business(coder):
    events = coder.code("The Poultry Processors' Association of Kenya rejected the union's demand on Monday.",
                        published="2070-11-18")
    assert any(e.source.code == "KENBUS" for e in events), [(e.source.text, e.source.code) for e in events]


def test_a_host_named_by_a_passive_is_no_story_country(coder):
    events = coder.code("DOHA, Nov 18 - Sudanese government negotiators and the Blue Nile Liberation Front opened "
                        "talks on Monday. The talks are being hosted by Qatar, whose foreign ministry lent a villa, "
                        "and are chaired by a Qatari minister of state. Sudan's delegation is led by a retired "
                        "general. "
                        "According to a person briefed on the session, the government offered a 20-day truce.",
                        published="2070-11-18")
    offered = [e for e in events if e.trigger.text == "offered"]
    assert offered and all(e.source.country == "SDN" for e in offered), [(e.source.text, e.source.code)
                                                                          for e in offered]


def test_a_deal_signed_in_the_passive_between_two_sides_is_theirs(coder):
    events = coder.code("DOHA, Dec 7 - A security agreement was signed on Saturday in Doha between the Sudanese "
                        "government and the Blue Nile Liberation Front, officials said.", published="2070-12-07")
    agreed = [e for e in events if e.trigger.text == "signed"]
    assert {(e.source.code or "")[:3] for e in agreed} == {"SDN"} and len(agreed) == 2, \
        [(e.cameo, e.source.text, e.source.code) for e in events]


def test_a_steelmaker_is_business(coder):
    events = coder.code("Hungary's largest steelmaker rejected the union's demand on Monday.", published="2070-11-18")
    assert any(e.source.code == "HUNBUS" for e in events), [(e.source.text, e.source.code) for e in events]


def test_when_a_demanded_rise_would_start_is_no_date_of_the_demand(coder):
    events = coder.code("BUDAPEST, Oct 10 - The union is demanding a 12 percent pay rise from January, its chairman "
                        "said on Monday.", published="2070-10-10")
    demanded = [e for e in events if e.trigger.text == "demanding"]
    assert demanded and all(e.date != "2070-01-01" for e in demanded), [(e.trigger.text, e.date) for e in events]


def test_the_two_sides_far_apart_are_no_target_of_their_own_talks(coder):
    events = coder.code("The steel union and the Danube Steel Company opened wage talks on Monday, with the two "
                        "sides far apart on pay.", published="2070-10-10")
    opened = [e for e in events if e.trigger.text == "opened"]
    assert opened and all(e.target is None or e.target.text != "the two sides" for e in opened), \
        [(e.source.text, e.target and e.target.text) for e in opened]
