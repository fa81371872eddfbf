"""Constructions that sets 50 and 51 showed the coder and the tracker missing, tested with sentences and stories of
our own (written after the change, each checked against the code before it): employers' bodies of their own name,
companies and their management, state mediators counted in twos, a region of a compass name, talks that end
without their sides named, a body told by its owner, and a ban left open by a trade deal."""

from __future__ import annotations

from newswire import article, board_of, history
from parley.negotiation.topics import default_topics


def _sources(events, cameo_prefix: str = "") -> list[tuple[str | None, str]]:
    return [(e.source.code, e.source.text) for e in events if e.cameo.startswith(cameo_prefix)]


def test_a_body_that_bargains_for_companies_is_the_employers(coder):
    events = coder.code("DURBAN, May 3 (Cape Wire) - The Eastern Cane Haulage Council, which negotiates for the nine "
                        "sugar mills along the coast, rejected the union's wage demand on Tuesday.",
                        published="2081-05-04")
    codes = [code for code, text in _sources(events, "12") if "Council" in text]
    assert codes and all(code is not None and code.endswith("BUS") for code in codes), _sources(events)


def test_a_council_of_its_own_name_is_no_government(coder):
    events = coder.code("The Lowveld Citrus Packers Council turned down the union's offer on Friday.",
                        published="2081-05-04")
    assert not any(code == "GOV" or (code or "").endswith("GOV") for code, _ in _sources(events)), \
        _sources(events)


def test_the_council_again_after_its_possessive_is_the_named_council(coder):
    events = coder.code("DURBAN, May 9 (Cape Wire) - The Eastern Cane Haulage Council raised its offer to 7 percent "
                        "on Monday.\n\nThe main obstacle is the council's plan to hire seasonal drivers. The union "
                        "repeated its demand that the council reopen the depots first.",
                        published="2081-05-10")
    targets = [e.target for e in events if e.source is not None and e.source.text.lower().startswith("the union")
               and e.target is not None and "council" in e.target.text.lower()]
    assert targets and all(not (t.code or "").endswith("GOV") for t in targets), \
        [(t.code, t.text) for t in targets]


def test_two_state_mediators_are_not_the_two_sides(coder):
    events = coder.code("The dockers' union and the port operators met again on Tuesday, according to the two federal "
                        "mediators who chair the sessions.", published="2081-06-02")
    mediators = [e for e in events if "mediators" in e.source.text]
    assert all(e.source.sector not in ("LAB", "BUS") for e in mediators), \
        [(e.cameo, e.source.code) for e in mediators]


def test_a_compass_region_of_another_country_is_no_place_of_the_story(coder):
    events = coder.code("SEATTLE, Nov 2 (Cascade Wire) - The union representing West Coast fish plant workers and the "
                        "processors that employ them signed a deal in Seattle on Sunday.", published="2081-11-03")
    deals = [e for e in events if e.cameo == "057"]
    assert deals and all((a.country in (None, "USA")) for e in deals for a in (e.source, e.target) if a), \
        [(e.source.code, e.target.code if e.target else None) for e in deals]


def test_a_capital_word_opening_the_sentence_is_no_town(coder):
    events = coder.code("HALIFAX, Nov 2 (Atlantic Wire) - Federal mediators brought the union and the fish processors "
                        "together in Halifax on Sunday.", published="2081-11-03")
    sources = [e.source for e in events if e.source is not None and e.source.text.startswith("Federal")]
    assert sources and all(s.country in (None, "CAN") for s in sources), [(s.code, s.text) for s in sources]


def test_bringing_two_sides_together_across_a_participle(coder):
    events = coder.code("State conciliators brought the owners of the country's cement works and the union "
                        "representing their drivers together in Lusaka on Monday.", published="2081-02-10")
    mediated = [e.target.text for e in events if e.cameo == "045" and e.target is not None]
    assert any("owners" in t for t in mediated) and any("union" in t for t in mediated), mediated


def test_talks_that_end_take_their_sides_from_what_ended_them(coder):
    events = coder.code("LUSAKA, Feb 20 (Copper Wire) - Talks to end the strike at Zambia's cement works collapsed "
                        "on Thursday after the owners withdrew their pay offer and the union refused to go back.",
                        published="2081-02-21")
    halts = [e for e in events if e.cameo.startswith("16")]
    sectors = {e.source.sector for e in halts} | {e.target.sector for e in halts if e.target}
    assert {"BUS", "LAB"} <= sectors, [(e.cameo, e.source.code, e.target.code if e.target else None)
                                       for e in halts]


def test_a_company_named_with_an_ampersand_and_its_management(coder):
    events = coder.code("The union at Hallam Steel & Marine Fabrication and the company's management opened wage "
                        "talks on Monday.", published="2081-04-07")
    talks = [(e.source.sector, e.target.sector if e.target else None) for e in events if e.cameo.startswith("04")]
    assert ("LAB", "BUS") in talks or ("BUS", "LAB") in talks, talks
    assert not any("MIL" in pair for pair in talks), talks


def test_both_sides_of_a_labour_dispute_are_the_union_and_the_employer(coder):
    events = coder.code("SEOUL, June 3 - The union rejected the carmaker's offer of 3 percent on Tuesday and said its "
                        "members would strike. Management said it could not pay more. Labour minister Han Mi-rae "
                        "urged both sides to return to talks.", published="2081-06-04")
    sides = {e.target.sector for e in events if e.cameo.startswith("02") and e.target is not None
             and "both sides" in e.target.text}
    assert sides == {"LAB", "BUS"}, sides


def test_leaving_mediation_is_a_walkout(coder):
    events = coder.code("The nurses' union walked out of state mediation on Monday after the health board refused to "
                        "raise its offer.", published="2081-03-03")
    assert any(e.cameo == "164" for e in events), [(e.cameo, e.trigger.text) for e in events]


def test_a_body_named_by_its_owner_is_what_it_later_is_called(coder):
    events = coder.code("The defence ministry said troops in the valley had been ordered to resume operations.\n\n"
                        "The ELN's central command said it had not ordered the ambush and that it would punish a local "
                        "unit. It demanded that the government withdraw its troops from the valley.",
                        published="2081-07-08")
    demands = [e for e in events if e.cameo.startswith("10") and e.source.text == "It"]
    assert demands and all(e.source.code == "COLREB" for e in demands), [(e.source.code, e.source.text)
                                                                         for e in demands]


def test_a_mediator_meeting_the_two_delegations_is_no_side(boards_of):
    boards = boards_of([
        article("cement", "a", "2081-02-11",
                "LUSAKA, Feb 10 (Copper Wire) - The union at Kafue Cement Works and the company's management began "
                "mediated wage talks in Lusaka on Monday, chaired by a commissioner of the state's Industrial "
                "Relations Court, who said she would meet the two delegations every day this week. The union wants a "
                "12 percent rise; the company offered 4 percent."),
        article("cement", "b", "2081-02-20",
                "LUSAKA, Feb 19 (Copper Wire) - The union at Kafue Cement Works walked out of mediation on Thursday "
                "after management refused to raise its offer above 5 percent, the court said."),
    ])
    board = board_of(boards, "ZMBLAB")
    parties = {r.actor.id for r in board.roles if r.role == "party"}
    assert parties == {"ZMBLAB", "ZMBBUS"}, parties
    assert [status for status, _ in history(board)] == ["ongoing", "suspended"], history(board)


def test_a_ban_left_open_by_a_trade_deal_is_trade():
    topics = default_topics()
    assert topics.topic_of("a ban on mangoes") == "sanctions"   # alone, a ban is what the lexicon says
    assert topics.topic_of("a charge on other Ghanaian cargo") == "trade"


def test_what_a_trade_deal_leaves_banned_is_a_trade_gap(boards_of):
    boards = boards_of([
        article("mango", "a", "2081-08-05",
                "ACCRA, Aug 4 (Gulf Wire) - Ghana and Togo opened talks in Accra on Monday on Togo's duties on "
                "Ghanaian cement and Ghana's ban on Togolese mangoes and yams, with ECOWAS chairing. Ghana wants the "
                "duty scrapped; Togo wants all its produce let back in."),
        article("mango", "b", "2081-08-15",
                "ACCRA, Aug 14 (Gulf Wire) - Ghana and Togo signed an agreement in Accra on Thursday that cuts Togo's "
                "duty on Ghanaian cement by half and reopens Ghana's market to Togolese yams. The agreement leaves a "
                "ban on mangoes and a charge on other Ghanaian cargo unresolved, officials said."),
    ])
    board = board_of(boards, "GHA", "TGO")
    assert {g.topic for g in board.gaps} == {"trade"}, [(g.topic, g.summary) for g in board.gaps]


def test_talks_that_broke_off_are_suspended_not_over(boards_of):
    boards = boards_of([
        article("cocoa", "a", "2082-01-13",
                "ABIDJAN, Jan 12 (Lagoon Wire) - Ivory Coast and Ghana opened talks in Abidjan on Monday on a Ghanaian "
                "levy on Ivorian cocoa beans. Accra wants the levy kept at 9 percent; Abidjan wants it scrapped."),
        article("cocoa", "b", "2082-01-16",
                "ACCRA, Jan 15 (Lagoon Wire) - Talks between Ivory Coast and Ghana over a Ghanaian levy on cocoa beans "
                "broke off in Accra on Thursday after Ghana raised the levy on a second grade of beans."),
    ])
    board = board_of(boards, "CIV", "GHA")
    assert history(board) == [("ongoing", "2082-01-12"), ("suspended", "2082-01-15")], history(board)


def test_a_deal_a_lead_names_by_what_is_done_under_it(coder):
    events = coder.code("ACCRA, March 5 (Lagoon Wire) - Ghana will scrap its levy on Ivorian cocoa beans by June under "
                        "an agreement initialled in Accra late on Wednesday, ending a two-month dispute.",
                        published="2082-03-05")
    deals = {(e.source.code, e.target.code if e.target else None) for e in events if e.cameo == "057"}
    assert ("GHA", "CIV") in deals or ("CIV", "GHA") in deals, deals


def test_a_monk_or_a_rabbi_is_clergy(coder):
    for text in ("The abbot of the Erdene monastery chaired the talks between the two parties on Monday.",
                 "The chief rabbi brokered the agreement between the two councils on Monday."):
        events = coder.code(text, published="2082-03-05")
        assert any(e.source.sector == "REL" for e in events if e.cameo.startswith("0")), \
            [(e.cameo, e.source.code) for e in events]


def test_a_demand_that_was_not_met_was_made_and_its_content_is_demanded(coder):
    events = coder.code("Ghana's demand that Ivory Coast withdraw its customs post from the bridge was not met.",
                        published="2082-03-05")
    demands = [e for e in events if e.cameo.startswith("10")]
    assert demands and not any(e.negated for e in demands), [(e.cameo, e.negated) for e in demands]
    contents = [e for e in events if e.source.text.startswith("Ivory Coast")]
    assert contents and all(e.modality == "demanded" and e.carried_by for e in contents), \
        [(e.cameo, e.modality, e.carried_by) for e in contents]


def test_mediation_opened_between_a_company_and_its_union(coder):
    events = coder.code("LIMA, June 2 (Andes Wire) - Peru's labour ministry opened mediation on Monday between Minera "
                        "Quebrada Alta and the union representing its 900 miners.", published="2082-06-03")
    sides = {e.target.sector for e in events if e.cameo == "045" and e.target is not None}
    assert sides == {"BUS", "LAB"}, [(e.cameo, e.target.code if e.target else None) for e in events]


def test_two_ministers_each_with_a_name_sign_together(coder):
    events = coder.code("The accord was signed by Zambia's trade minister, Mutale Banda, and Malawi's deputy trade "
                        "minister, Chikondi Phiri, at the Tanzanian foreign ministry.", published="2082-06-03")
    pairs = {(e.source.code, e.target.code if e.target else None) for e in events if e.cameo == "057"}
    assert ("ZMBGOV", "MWIGOV") in pairs and not any("TZA" in (t or "") for _, t in pairs), pairs


def test_a_mediator_declaring_the_talks_failed_ends_them(boards_of):
    boards = boards_of([
        article("quarry", "a", "2082-06-03",
                "LIMA, June 2 (Andes Wire) - Peru's labour ministry opened mediation on Monday between Minera Quebrada "
                "Alta and the union representing its 900 miners, on the eighth day of a strike. The union wants a 9 "
                "percent rise; the company offers 3 percent."),
        article("quarry", "b", "2082-06-24",
                "LIMA, June 23 (Andes Wire) - Peru's labour ministry formally ended its mediation in the strike at "
                "the Quebrada Alta mine on Tuesday, declaring that the talks between the company and its union had "
                "failed."),
    ])
    board = board_of(boards, "PERLAB")
    assert [status for status, _ in history(board)] == ["ongoing", "collapsed"], history(board)


def test_what_is_withdrawn_is_not_always_a_force():
    topics = default_topics()
    assert topics.topic_of("The company has refused to withdraw its plan.") is None
    assert topics.topic_of("the withdrawal of the army from the valley") == "withdrawal"
    assert topics.topic_of("the withdrawal of the Frontier Corps from the district") == "withdrawal"


def test_money_released_is_no_prisoner():
    topics = default_topics()
    assert topics.topic_of("the release of $4 billion in funds frozen abroad") == "sanctions"
    assert topics.topic_of("the release of 30 detainees") == "prisoners"


def test_hosting_a_bodys_assembly_is_no_talks_with_it(boards_of):
    boards = boards_of([
        article("assembly", "a", "2082-05-02",
                "LIMA, May 1 (Andes Wire) - Peru will host the General Assembly of the Organization of American States "
                "in June, its foreign minister said on Thursday. Peru wants to carry forward the debate on drug "
                "policy that began in Quito under the auspices of Ecuador's president, and hopes the OAS summit will "
                "back it."),
    ])
    assert not any({"PER", "IGOOAS"} <= {r.actor.id for r in b.roles if r.role == "party"} for b in boards), \
        [b.process.name for b in boards]



def test_a_body_that_speaks_for_an_insurgency_is_its_side(coder):
    events = coder.code("Envoys of the Philippine government and the National Democratic Front (NDF), which "
                        "speaks for the communist guerrillas, met in Utrecht on Tuesday.",
                        published="2082-10-03")
    front = [a for e in events for a in (e.source, e.target) if a is not None and "Front" in a.text]
    assert front and all(a.code in ("PHLREB", "PHLINS") for a in front), [(a.code, a.text) for a in front]


def test_a_signing_the_way_is_cleared_for_has_not_happened(coder):
    events = coder.code("The Senate approved the accord on Monday, clearing the way for the president to sign it with "
                        "the rebels before October.", published="2082-10-03")
    signings = [e for e in events if e.cameo == "057" and e.source.text == "the president"]
    assert signings and not any(e.factual for e in signings), [(e.cameo, e.modality) for e in signings]


def test_talks_convened_by_two_states_are_not_theirs(coder):
    events = coder.code("DOHA, May 4 (Gulf Wire) - The talks, convened jointly by Qatar and Turkey, are being held in "
                        "a hotel on the corniche, with the mediators shuttling between the two delegations.",
                        published="2082-05-04")
    convening = [(e.source.code, e.cameo, e.target.code if e.target else None) for e in events
                 if e.source.code in ("QAT", "TUR")]
    assert convening and all(cameo == "045" and target not in ("QAT", "TUR") for _, cameo, target in convening), \
        convening


def test_a_walkout_retold_two_months_on_is_history(coder):
    events = coder.code("KATHMANDU, June 11 (Delta Wire) - Nepal and Bhutan reconvened their transit talks on Monday, "
                        "nearly two months after Thimphu cut short the previous round and put the process on hold.",
                        published="2082-06-12")
    halts = [e for e in events if e.cameo.startswith("16")]
    assert halts and all(e.background for e in halts), [(e.cameo, e.trigger.text, e.background) for e in halts]


def test_talks_on_hold_are_suspended_whatever_else_is_said(boards_of):
    boards = boards_of([
        article("transit", "a", "2082-04-18",
                "KATHMANDU, April 17 (Delta Wire) - Nepal and Bhutan began three days of talks in Kathmandu on Tuesday "
                "on transit fees for Bhutanese lorries. Thimphu wants the fee cut to $20 a lorry."),
        article("transit", "b", "2082-04-20",
                "THIMPHU, April 19 (Delta Wire) - Bhutan's delegation left the transit talks with Nepal early on "
                "Thursday, saying Kathmandu's refusal to discuss the fee left nothing to negotiate and that the talks "
                "were on hold."),
    ])
    board = board_of(boards, "NPL", "BTN")
    assert [status for status, _ in history(board)] == ["ongoing", "suspended"], history(board)


def test_the_sides_of_talks_are_not_of_the_city_they_meet_in(coder):
    events = coder.code("MANILA, Oct 23 - Government negotiators resumed talks with the separatists in Geneva on "
                        "Tuesday.", published="2082-10-24")
    talks = [(e.source.code, e.target.code if e.target else None) for e in events if e.cameo.startswith("04")]
    assert talks and all("CHE" not in (code or "") for pair in talks for code in pair), talks
