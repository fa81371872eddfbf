"""Constructions that Wikinews records (issue 11) and set 44's stories (first sight in session 40) showed the coder
and the tracker missing, tested with sentences of our own (written after the change, each checked against the code
before it)."""

from __future__ import annotations

from newswire import article, board_of, history


def test_a_surname_takes_the_coded_full_name_past_an_unresolved_possessive(coder):
    events = coder.code("Parliament was closed at the request of Boris Johnson, the prime minister, in September. The "
                        "court heard the appeal against that decision by Johnson's government. A former prime minister "
                        "has accused Johnson of misleading the palace.", published="2019-09-24")
    accused = [e for e in events if e.trigger.text == "accused"]
    assert accused and accused[0].target is not None and accused[0].target.code == "GBRGOV", \
        [(e.trigger.text, e.target and e.target.code) for e in events]


def test_a_former_minister_facing_the_story_government_is_of_its_country(coder):
    events = coder.code("LONDON - The British government lost a vote in parliament on Tuesday. A former finance "
                        "minister has criticised Johnson over the vote.", published="2019-09-24")
    critics = [e for e in events if e.trigger.text == "criticised"]
    assert critics and critics[0].source.code == "GBRELI", [(e.source.text, e.source.code) for e in events]


def test_co_issuers_of_a_warrant_are_not_each_others_targets(coder):
    events = coder.code("The arrest warrant was issued jointly by judges Marta Solis and Pedro Arana on Friday.",
                        published="2070-01-09")
    issued = [e for e in events if e.trigger.text == "issued"]
    assert issued and all(e.target is None for e in issued), [(e.source.text, e.target and e.target.text)
                                                               for e in issued]


def test_a_law_is_no_target(coder):
    events = coder.code("The opposition party condemned the law on Tuesday.", published="2070-01-09")
    condemned = [e for e in events if e.trigger.text == "condemned"]
    assert condemned and condemned[0].target is None, [(e.target and e.target.text) for e in condemned]


def test_leaders_of_striking_workers_are_labour_and_the_management_a_second_side(coder):
    events = coder.code("ACCRA, May 4 - Leaders of some 900 striking cocoa porters and the management of the Tema "
                        "Cocoa Company sat down for talks at the labour ministry on Monday.", published="2070-05-04")
    sat = [e for e in events if e.trigger.text == "sat"]
    assert {e.source.code for e in sat} == {"GHALAB", "GHABUS"}, [(e.source.text, e.source.code) for e in sat]


def test_the_two_sides_are_the_two_who_bargained_not_the_chairing_minister(coder):
    events = coder.code("ACCRA, May 4 - The dockers' union and the Tema Port Company opened talks on Monday. The "
                        "sessions are chaired by Labour Minister Ama Boateng, who said she wanted a deal within a "
                        "week. Boateng told reporters she was hopeful. The two sides met again on Tuesday, a ministry "
                        "spokesman said.", published="2070-05-06")
    met = [e for e in events if e.trigger.text == "met"]
    codes = {e.source.code for e in met}
    assert met and any(c and c.endswith("LAB") for c in codes) and not any(c and c.endswith("GOV") for c in codes), \
        [(e.source.text, e.source.code) for e in met]


def test_leaving_things_outside_is_no_walkout(coder):
    events = coder.code("The mediator asked both delegations to leave their phones outside the hall.",
                        published="2070-05-06")
    assert not any(e.cameo.startswith("16") for e in events), [(e.cameo, e.trigger.text) for e in events]


def test_talks_to_end_a_strike_at_a_company_are_its_and_its_workers(coder):
    events = coder.code("ACCRA, May 20 - Talks to end the strike at Ghana's Tema Cocoa Company resumed at the "
                        "labour ministry on Monday.", published="2070-05-20")
    resumed = [e for e in events if e.trigger.text == "resumed"]
    assert {e.source.code for e in resumed} == {"GHALAB", "GHABUS"}, [(e.source.text, e.source.code) for e in events]


def test_a_building_on_a_seat_of_power_is_where_a_delegation_left(coder):
    events = coder.code("MONROVIA, March 9 - The union walked out of the wage talks on Friday. \"We are finished "
                        "with this table,\" its leader told reporters as his delegation left the ministry building on "
                        "Capitol Hill.", published="2070-03-09")
    assert not any(e.target is not None and e.target.country == "USA" for e in events), \
        [(e.source.text, e.target and e.target.code) for e in events]


def test_a_clause_of_time_in_the_lead_does_not_date_the_paragraphs_after_it(coder):
    events = coder.code("TIRANA, June 30 - Albania and Greece signed a ferry accord late on Friday, after talks that "
                        "had stalled earlier this month were revived on Tuesday.\n\nThe ministers said \"both sides "
                        "have signed every page\" of it.", published="2070-06-30")
    signed = [e for e in events if e.trigger.text == "signed" and e.source.text.startswith("both")]
    assert signed and all(e.date == "2070-06-27" for e in signed), [(e.source.text, e.date) for e in events]


_TAPPERS = [
    article("tappers", "a", "2070-03-06",
            "MONROVIA, March 6 - Leaders of some 3,000 striking palm oil cutters and the management of the Sinoe Palm "
            "Company sat down for talks at the labour ministry on Tuesday. The union demands a 30 percent raise; the "
            "company offered 6 percent."),
    article("tappers", "b", "2070-03-10",
            "MONROVIA, March 10 - The cutters' union broke off its talks with the Sinoe Palm Company on Friday. In a "
            "separate ceremony on Friday, Liberia and Guinea signed an agreement on road tolls."),
]


def test_a_union_and_its_employer_bargain_and_a_separate_ceremony_is_another_story(boards_of):
    boards = boards_of(_TAPPERS)
    board = board_of(boards, "LBRLAB", "LBRBUS")
    assert history(board) == [("ongoing", "2070-03-04"), ("suspended", "2070-03-07")], history(board)
    assert not any("GIN" in {r.actor.id for r in b.roles} and "LBRLAB" in {r.actor.id for r in b.roles}
                   for b in boards)
