"""Deals one side announces: "entered into a pact with", and a deal told in the passive without an agent inside
that side's own statement ("a deal has been struck with the ministry", the union said) (session 36, articles of our
own, written before the change)."""

from __future__ import annotations


def _deals(coder, text: str, published: str = "2051-03-18"):
    return [e for e in coder.code(text, published=published) if e.cameo == "057"]


def test_entering_into_a_pact_with_a_government_is_a_deal(coder):
    deals = _deals(coder, "The Tuareg separatist movement announced on Saturday that it had entered into a pact "
                          "with the government of Niger after weeks of fighting near Agadez.")
    assert deals
    assert deals[0].source.code and deals[0].source.code.startswith("NER")
    assert deals[0].target is not None and deals[0].target.code == "NERGOV"


def test_a_deal_struck_in_the_passive_inside_a_sides_quote_is_that_sides(coder):
    deals = _deals(coder, 'In a statement on Tuesday, the Kenyan dockworkers\' union said: "A deal has been struck '
                          'with the transport ministry to end the stoppage at Mombasa."')
    assert deals
    assert deals[0].source.code == "KENLAB"
    assert deals[0].target is not None and deals[0].target.code == "KENGOV"


def test_a_settlement_concluded_with_the_army_as_the_rebels_report_it(coder):
    deals = _deals(coder, "Rebels in Chad's east said on Wednesday that a settlement had been concluded with the "
                          "army, allowing them to keep their weapons at three camps.")
    assert deals
    assert deals[0].source.code == "TCDREB"
    assert deals[0].target is not None and deals[0].target.code in ("TCDMIL", "TCD")


def test_a_deal_reached_in_the_passive_with_no_side_named_stays_unclaimed(coder):
    # no speaker and no "with": nobody's deal
    deals = _deals(coder, "A deal was reached on Friday night after eleven hours of bargaining in Accra.")
    assert not deals or all(e.source.code is None for e in deals)


def test_a_head_of_government_the_knowledge_base_knows_counts_once_for_his_state(coder):
    # the organs a report names with their country decide whose "the government" is; a president the knowledge
    # base knows is one of them, however often he is named
    from parley.actors.kb import default_kb
    from parley.coding.locate import _state_organ_countries

    doc = coder.nlp("Luiz Inacio Lula da Silva spoke on Monday. Later, Luiz Inacio Lula da Silva flew home. The "
                    "army said nothing.")
    assert _state_organ_countries(doc, default_kb())["BRA"] == 1


def test_coming_to_an_agreement_is_a_deal_not_a_journey(coder):
    deals = _deals(coder, "On Monday the Peruvian government and the miners' federation came to an agreement on "
                          "royalties, the labour ministry said.")
    assert deals and {e.source.code for e in deals} == {"PERGOV", "PERLAB"}


def test_countries_an_apposition_lists_each_sign(coder):
    deals = _deals(coder, "Neighbouring countries Chile and Bolivia have signed an accord to share river data, "
                          "the two foreign ministries said.")
    assert {e.source.code for e in deals} == {"CHL", "BOL"}
