"""Constructions that set 45's stories (the last four of session 40's first batch, read after their first run)
showed the coder and the tracker missing, tested with sentences of our own (written after the change, each checked
against the code before it)."""

from __future__ import annotations

from newswire import article, board_of, history


def test_a_host_named_as_subject_is_a_venue_not_the_story_country(coder):
    events = coder.code("OSLO, May 9 - Peruvian government negotiators and leaders of the Red Andes Front, an armed "
                        "group, opened talks on Tuesday near Oslo. Norway is hosting the talks but plays no part in "
                        "them, the Norwegian foreign ministry said. The government delegation offered a 20-day truce.",
                        published="2070-05-09")
    offered = [e for e in events if e.trigger.text == "offered"]
    assert offered and offered[0].source.code == "PERGOV", [(e.source.text, e.source.code) for e in events]


def test_of_after_a_second_conjunct_belongs_to_it(coder):
    events = coder.code("LIMA, May 9 - Peruvian government negotiators and leaders of the Red Andes Front met on "
                        "Tuesday.", published="2070-05-09")
    met = [e for e in events if e.trigger.text == "met"]
    assert any(e.source.code == "PERGOV" for e in met), [(e.source.text, e.source.code) for e in met]


def test_a_truce_told_as_agreed_between_two_sides_is_their_deal(boards_of):
    board = board_of(boards_of([
        article("andes", "a", "2070-05-09",
                "OSLO, May 9 - Peru and the rebel Red Andes Front opened talks near Oslo on Tuesday, mediated by "
                "Norway."),
        article("andes", "b", "2070-05-20",
                "OSLO, May 20 - A 45-day truce between Peru and the rebel Red Andes Front was agreed near Oslo on "
                "Friday, settling every point, Norwegian mediators said."),
    ]), "PER")
    assert history(board)[-1] == ("agreement", "2070-05-16"), history(board)


def test_asking_both_delegations_to_come_back_is_no_recall(coder):
    events = coder.code("The prime minister had asked both delegations to come back without preconditions.",
                        published="2070-05-20")
    assert not any(e.cameo.startswith("16") for e in events), [(e.cameo, e.source.text) for e in events]


def test_a_deal_retold_in_a_relative_clause_takes_its_day(coder):
    events = coder.code("ROSEAU, May 20 - The government and the opposition have reached a deal on voter cards.\n\n"
                        "Under the deal, which was announced late on Thursday, cards will be issued within a year.",
                        published="2070-05-20")
    reached = [e for e in events if e.trigger.text == "reached"]
    assert reached and all(e.date == "2070-05-15" for e in reached), [(e.trigger.text, e.date) for e in events]


def test_a_decision_announced_on_a_day_dates_the_act(coder):
    events = coder.code("ROSEAU, May 20 - The opposition party has suspended its part in the dialogue with the "
                        "government. The party announced the decision on Sunday, after a protest.",
                        published="2070-05-20")
    suspended = [e for e in events if e.trigger.text == "suspended"]
    assert suspended and all(e.date == "2070-05-18" for e in suspended), [(e.trigger.text, e.date) for e in events]


def test_a_place_list_read_as_a_second_subject_is_repaired(coder):
    events = coder.code("ROME, May 20 - Unions representing dock workers in Genoa, Naples and the smaller ports "
                        "opened talks with the port companies on Monday.", published="2070-05-20")
    opened = [e for e in events if e.trigger.text == "opened"]
    assert opened and all(e.source.text.startswith("Unions") for e in opened), [(e.source.text, e.source.code)
                                                                                for e in opened]


def test_an_undersecretary_is_government(coder):
    events = coder.code("ROME, May 20 - Labour Undersecretary Anna Vitale chaired the session on Monday.",
                        published="2070-05-20")
    assert any((e.source.code or "").endswith("GOV") for e in events), [(e.source.text, e.source.code) for e in events]


def test_a_deal_named_by_its_participle_is_the_sides_deal(coder):
    events = coder.code("Chile and Peru held talks in Quito on Monday. Both countries freed fishing crews on Friday, "
                        "carrying out an arrangement worked out in Quito earlier in the week.", published="2070-05-20")
    dealt = [e for e in events if e.cameo == "057"]
    assert {e.source.code for e in dealt} == {"CHL", "PER"}, [(e.cameo, e.source.text, e.source.code) for e in events]


def test_a_deal_retold_with_its_participle_after_a_comma_takes_its_day(coder):
    events = coder.code("LIMA, May 20 - Chile and Peru have signed a deal on fishing crews.\n\nUnder the deal, agreed "
                        "on Thursday after two days of sessions, both will free their crews.", published="2070-05-20")
    signed = [e for e in events if e.trigger.text == "signed"]
    assert signed and all(e.date == "2070-05-15" for e in signed), [(e.trigger.text, e.date) for e in events]
