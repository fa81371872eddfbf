"""Ways news tells of talks, deals and their dates that session 25 taught the coder and the tracker, each in
sentences and stories of our own (the helper stories that showed the gaps are checked in
tests/test_negotiation_stories_unseen.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.coder import Coder
from parley.coding.locate import _DATELINE
from parley.types import Article

PUBLISHED = "2026-09-10"   # a Thursday


def _coded(coder: Coder, text: str, published: str = PUBLISHED) -> list[tuple]:
    return [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in coder.code(text, published=published)]


def test_a_go_between_that_says_it_is_not_mediating_is_no_mediator(coder):
    text = ("Norway's foreign ministry, which is lending a villa for the meetings, stressed that the kingdom was "
            "not mediating. \"We offer a quiet room, nothing more,\" a ministry spokesman said.")
    codes = [c for c, *_ in _coded(coder, text)]
    assert "045" not in codes and "126" in codes


@pytest.mark.parametrize("noun", ["neighbours", "neighbors"])
def test_the_two_neighbours_are_the_two_countries_named_together(coder, noun):
    text = f"Ghana and Togo opened talks in Accra on Monday. On Wednesday the two {noun} signed a limited accord."
    assert {(s, t) for c, s, t in _coded(coder, text) if c == "057"} == {("GHA", "TGO"), ("TGO", "GHA")}


@pytest.mark.parametrize(("text", "object_text"), [
    ("Chile and Bolivia agreed on Tuesday on a provisional water tariff for the border towns.", "tariff"),
    ("Nepal and India agreed to a three-month pause in the dredging.", "pause"),
])
def test_what_was_agreed_is_the_object(coder, text, object_text):
    events = coder.code(text, published=PUBLISHED)
    assert events and all(e.object is not None and object_text in e.object.text for e in events)


@pytest.mark.parametrize("halt", ["have been put on ice", "were shelved", "were put on hold"])
def test_contacts_between_two_sides_that_stop_are_halted_talks(coder, halt):
    text = f"Contacts between Armenia's government and Azerbaijan on a prisoner exchange {halt}, officials said."
    halted = {(s, t) for c, s, t in _coded(coder, text) if c == "164"}
    assert halted == {("ARMGOV", "AZE"), ("AZE", "ARMGOV")}


def test_the_talks_resume_between_the_two_named_together_before(coder):
    text = "Peru's government and the miners' union signed a safety protocol on Friday. The talks resumed on Monday."
    resumed = [(s, t) for c, s, t in _coded(coder, text) if c.startswith("04")]
    assert sorted(resumed) == [("PERGOV", "PERLAB"), ("PERLAB", "PERGOV")]


def test_talks_that_resume_with_no_one_named_before_code_nothing(coder):
    assert _coded(coder, "The talks resumed on Monday.") == []


def test_a_date_the_recogniser_ran_into_a_verb_still_dates_the_act(coder):
    text = "The two prime ministers signed the water treaty in Tashkent on Tuesday, ending a decade of quarrels."
    assert {e.date for e in coder.code(text, published=PUBLISHED)} == {"2026-09-08"}


def test_a_date_with_a_year_after_a_comma_keeps_its_year(coder):
    events = coder.code("Rwanda and Burundi signed a border accord on March 3, 2019.", published="2026-09-10")
    assert {e.date for e in events} == {"2019-03-03"}


def test_a_month_is_no_place(coder):
    events = coder.code("Vietnam and Cambodia had agreed in March to reopen the crossing.", published=PUBLISHED)
    assert events and all(e.location is None or e.location.name != "March" for e in events)


def test_a_done_act_is_not_dated_after_its_report(coder):
    events = coder.code("The government proposed a one-year extension of the current terms, putting the next "
                        "election in 2031.", published=PUBLISHED)
    assert events and all(e.date is not None and e.date <= PUBLISHED for e in events)


@pytest.mark.parametrize(("line", "place"), [
    ("NAIROBI, June 4 - Talks opened", "NAIROBI"),
    ("ARUSHA, Tanzania, Oct. 2 - Talks opened", "ARUSHA"),
    ("QUITO - Talks opened", "QUITO"),
])
def test_a_dateline_with_a_date_is_a_dateline(line, place):
    match = _DATELINE.match(line)
    assert match is not None and match.group("place") == place


def test_the_army_the_rebels_accuse_is_their_own_states(coder):
    text = ("JUBA, Sept 9 - South Sudanese rebels walked out of the talks in Nairobi on Tuesday, accusing the army "
            "of shelling their camps near Yei.")
    accused = {t for c, s, t in _coded(coder, text) if c.startswith("11") and t}
    assert accused and all(not t.startswith("KEN") for t in accused)


@pytest.mark.parametrize("name", ["labour federation", "labor confederation", "workers' confederation"])
def test_a_labour_federation_is_a_union(coder, name):
    codes = {s for _, s, _ in _coded(coder, f"Ecuador's {name} met the government on Monday.")}
    assert "ECULAB" in codes


# ---------------------------------------------------------------- the tracker


def _articles(texts: list[tuple[str, dt.date]]) -> list[Article]:
    return [Article(id=f"t{i}", text=text, published=day, publisher=f"Wire {i}") for i, (text, day) in enumerate(texts)]


def test_a_new_round_after_a_partial_deal_makes_the_talks_ongoing(boards_of):
    boards = boards_of(_articles([
        ("Guyana and Suriname opened talks on fishing rights in Port of Spain on Monday.", dt.date(2026, 3, 3)),
        ("Guyana and Suriname reached an interim agreement on fishing licences on Friday, leaving the maritime "
         "boundary for later talks.", dt.date(2026, 3, 7)),
        ("A second round of talks between Guyana and Suriname opened in Port of Spain on Monday, devoted to the "
         "maritime boundary.", dt.date(2026, 4, 8)),
    ]))
    assert len(boards) == 1
    assert [s.status for s in boards[0].state_history] == ["ongoing", "partial_agreement", "ongoing"]


def test_a_state_that_denies_mediating_is_not_listed_as_mediator(boards_of):
    boards = boards_of(_articles([
        ("Guyana and Suriname opened talks on fishing rights in Port of Spain on Monday. Barbados stressed that "
         "it was not mediating. \"We host, the parties decide,\" its foreign minister said.", dt.date(2026, 3, 3)),
    ]))
    assert len(boards) == 1
    assert not [r for r in boards[0].roles if r.role == "mediator"]


def test_a_signing_ends_the_talks_whatever_is_signed(boards_of):
    boards = boards_of(_articles([
        ("Guyana and Suriname opened talks on fishing rights in Port of Spain on Monday.", dt.date(2026, 3, 3)),
        ("The presidents of Guyana and Suriname signed a revised Annex B of their fisheries treaty on Tuesday, "
         "ending years of dispute.", dt.date(2026, 4, 22)),
    ]))
    assert len(boards) == 1
    assert boards[0].state_history[-1].status == "agreement"
    assert boards[0].state_history[-1].date == "2026-04-21"


@pytest.mark.parametrize(("text", "code"), [
    ("the al Qaeda-affiliated group al-Shabaab", "SOMREB"),   # the group, not its patron
    ("an al Qaeda-linked group", "IMGMOSALQ"),                # with no other name, the patron is all there is
])
def test_a_patron_before_a_named_group_is_not_the_group(text, code):
    from parley.actors.kb import default_kb

    actor = default_kb().resolve(text)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize("participle", ["brokered", "mediated", "sponsored", "facilitated"])
def test_the_one_who_brokers_talks_mediates_them_and_is_no_side(coder, participle):
    text = f"Uganda and Rwanda sat down on Friday for Kenya-{participle} talks on the border."
    coded = _coded(coder, text)
    assert ("045", "KEN", None) in coded
    assert not any(t and t.startswith("KEN") for c, s, t in coded if c != "045")


def test_rejecting_a_sides_demand_says_that_side_demands_it(boards_of):
    boards = boards_of(_articles([
        ("Sudan's government and the rebel SPLM-N opened peace talks in Juba on Monday.", dt.date(2026, 3, 3)),
        ("Sudan's government on Wednesday rejected the SPLM-N's demand for a secular constitution, a minister "
         "said.", dt.date(2026, 3, 5)),
    ]))
    assert len(boards) == 1
    assert "governance" in {g.topic for g in boards[0].gaps}


def test_a_country_that_welcomes_both_delegations_hosts_the_talks(boards_of):
    boards = boards_of(_articles([
        ("Eritrea and Djibouti opened border talks in Doha on Monday.", dt.date(2026, 3, 3)),
        ("Djibouti walked out of the talks on Friday. Qatar said it was ready to welcome both delegations again.",
         dt.date(2026, 3, 12)),
    ]))
    assert len(boards) == 1
    assert {r.actor.id for r in boards[0].roles if r.role == "party"} == {"ERI", "DJI"}


def test_what_an_appeal_is_for_is_its_object(coder):
    events = coder.code("The dockers' union pressed for a 12 percent rise in the port allowance.", published=PUBLISHED)
    assert [e.object.text for e in events if e.cameo.startswith("02") and e.object] == [
        "a 12 percent rise in the port allowance"]


def test_a_sides_appeal_is_its_demand_and_a_bystanders_is_none(boards_of):
    boards = boards_of(_articles([
        ("Sudan's government and the rebel SPLM-N opened peace talks in Juba on Monday. The SPLM-N called for the "
         "release of 300 prisoners. Norway called for calm.", dt.date(2026, 3, 3)),
    ]))
    assert len(boards) == 1
    board = boards[0]
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"SDN", "SDNREB"}
    stances = {(p.latest.actor.id, p.latest.stance) for issue in board.issues for p in issue.positions
               if issue.topic == "prisoners"}
    assert stances == {("SDNREB", "demand")}


@pytest.mark.parametrize(("text", "demand"), [
    ("Chile insisted that Bolivia accept the 1904 treaty line as the border.", True),
    ("Chile insisted that Bolivia should drop its claim to the coast.", True),
    ("Chile insisted that Bolivia was to blame for the delay.", False),
])
def test_insisting_that_a_side_do_something_is_a_demand_of_it(coder, text, demand):
    demands = [(s, t) for c, s, t in _coded(coder, text) if c.startswith("10")]
    assert (demands == [("CHL", "BOL")]) is demand


def test_a_year_that_names_what_is_called_for_does_not_date_the_call(coder):
    events = coder.code("Bolivia again called for the 1866 line to serve as the frontier.", published=PUBLISHED)
    assert events and all(e.date == PUBLISHED for e in events)


def test_what_a_deal_leaves_out_stays_open(boards_of):
    boards = boards_of(_articles([
        ("Honduras and Guatemala opened talks in Panama City on Monday. Guatemala demanded sovereignty over the "
         "southern cays, which Honduras rejected.", dt.date(2026, 3, 3)),
        ("Honduras and Guatemala signed a limited fisheries agreement on Friday that leaves their border dispute "
         "unresolved.", dt.date(2026, 3, 7)),
    ]))
    assert len(boards) == 1
    assert boards[0].state_history[-1].status == "partial_agreement"
    assert "territory" in {g.topic for g in boards[0].gaps}
