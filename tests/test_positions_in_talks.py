"""What each side asks, offers and refuses, as the coder and the tracker read it since session 27: what a
relative pronoun stands for, what a demand that someone act asks for, "for its part", a refusal of "that",
an offer that gives less than was demanded, and statements tied to a topic by the words they share with an
earlier one. Sentences and stories of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.coder import Coder
from parley.types import Article

PUBLISHED = "2027-04-08"


def _objects(coder: Coder, text: str) -> list[tuple[str, str | None]]:
    return [(e.cameo, e.object.text if e.object else None) for e in coder.code(text, published=PUBLISHED)]


# -- the coder ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, cameo, wanted", [
    ("The export quota on Chilean salmon, which Lima had asked it to scrap, stays in place.", "020",
     "The export quota on Chilean salmon"),
    ("The nurses' demand for a bonus, which the ministry had wanted to reject, was read out in parliament.",
     "120", "The nurses' demand for a bonus"),
    ("Peru proposed a pullout from the border post, which Ecuador rejected on Monday.", "120",
     "a pullout from the border post"),
])
def test_a_relative_pronoun_object_is_what_it_stands_for(coder, text, cameo, wanted):
    found = _objects(coder, text)
    assert (cameo, wanted) in found, found


def test_a_demand_that_someone_act_asks_for_that_act(coder):
    found = _objects(coder, "Belize demanded that Guatemala withdraw its claim to the cays.")
    assert ("100", "withdraw its claim to the cays") in found or any(
        obj and obj.startswith("withdraw its claim") for _, obj in found), found


def test_for_its_part_is_not_what_is_asked_for(coder):
    found = _objects(coder, "The teachers' union, for its part, called for a 12 percent rise.")
    assert all(obj != "its part" for _, obj in found), found
    assert any(obj == "a 12 percent rise" for _, obj in found), found


# -- the tracker -------------------------------------------------------------------------------------------

def _story(story: list[tuple[str, dt.date]]) -> list[Article]:
    return [Article(id=f"s-{i}", text=t, published=d, title=None) for i, (t, d) in enumerate(story)]


def test_an_offer_of_fewer_than_were_demanded_leaves_the_issue_open(boards_of):
    boards = boards_of(_story([
        ("DHAKA, April 5 - Bangladesh's government and the opposition opened talks on Monday on a caretaker "
         "administration.\n\nThe opposition demanded the release of 60 jailed activists.", dt.date(2027, 4, 6)),
        ("DHAKA, April 14 - The government offered a pardon for 20 of the 60 jailed activists on Tuesday, as "
         "talks with the opposition went on.", dt.date(2027, 4, 14)),
    ]))
    assert len(boards) == 1, [b.process.name for b in boards]
    assert "prisoners" in {g.topic for g in boards[0].gaps}, boards[0].gaps


def test_refusing_that_refers_to_the_one_demand_before(boards_of):
    boards = boards_of(_story([
        ("PRAIA, May 3 - Cape Verde and Senegal opened talks on their fishing dispute on Monday.\n\n"
         "Senegal demanded the release of 14 detained fishermen. Cape Verde demanded that Senegal recognise the "
         "bank as Cape Verdean territory; Senegal rejected that outright.", dt.date(2027, 5, 4)),
    ]))
    assert len(boards) == 1, [b.process.name for b in boards]
    refusals = [(p.actor.id, p.topic) for i in boards[0].issues for pp in i.positions for p in pp.history
                if p.stance == "reject"]
    assert refusals == [("SEN", "territory")], refusals


def test_a_statement_takes_the_topic_of_an_earlier_one_it_shares_words_with(boards_of):
    boards = boards_of(_story([
        ("MANILA, June 7 - The Philippine government and the rebels opened talks on Monday.\n\nThe rebels "
         "demanded the release of 30 captured guerrillas.", dt.date(2027, 6, 8)),
        ("MANILA, June 21 - The Philippine government offered to free 12 of the 30 guerrillas on Tuesday, "
         "officials said, as talks with the rebels went on.", dt.date(2027, 6, 21)),
    ]))
    topics = {(p.actor.id, p.topic) for b in boards for i in b.issues for pp in i.positions for p in pp.history}
    assert ("PHL", "prisoners") in topics and ("PHL", "other") not in topics, topics


# -- the coder: dates, go-betweens and headlines of talks ---------------------------------------------------

def _dated(coder: Coder, text: str, published: str) -> list[tuple]:
    return [(e.cameo, e.date, e.background, e.rule) for e in coder.code(text, published=published)]


def test_a_meeting_due_on_a_weekday_is_the_coming_one(coder):
    # published on a Wednesday
    found = _dated(coder, "The two delegations are due to meet again on Friday.", "2027-04-07")
    assert found and all(date == "2027-04-09" for _, date, _, _ in found), found


def test_an_intention_stated_on_a_weekday_keeps_that_day(coder):
    found = _dated(coder, "Chile said on Monday that it would host talks with Peru.", "2027-04-07")
    assert found and all(date == "2027-04-05" for _, date, _, _ in found), found


def test_a_capitalised_talks_after_a_dateline_is_the_talks_noun(coder):
    found = _dated(coder, "QUITO, April 7 - Talks between Ecuador's energy ministry and the oil workers' union "
                          "restarted on Tuesday.", "2027-04-07")
    assert any(cameo.startswith("04") and rule.startswith("resumed") for cameo, _, _, rule in found), found


def test_a_resumption_told_before_a_past_perfect_act_is_background(coder):
    found = _dated(coder, "The ministry said the police had withdrawn from the campus before the talks resumed.",
                   "2027-04-07")
    assert all(bg for cameo, _, bg, _ in found if cameo.startswith("04")), found


@pytest.mark.parametrize("text", [
    "Bolivia's government and the miners' federation opened a dialogue facilitated by the Catholic Church on "
    "Monday.",
    "Armenia and Azerbaijan held talks brokered by the European Union in Brussels.",
])
def test_talks_facilitated_by_someone_make_a_mediation(coder, text):
    assert any(cameo == "045" for cameo, _, _, _ in _dated(coder, text, "2027-04-07"))


def test_aid_delivered_by_someone_is_no_act_of_theirs(coder):
    found = _dated(coder, "The rebels demanded food delivered by the Red Cross.", "2027-04-07")
    assert all(cameo != "045" for cameo, _, _, _ in found), found


def test_a_go_between_going_back_and_forth_mediates(coder):
    found = _dated(coder, "The Norwegian envoy had spent the weekend going back and forth between the two "
                          "delegations.", "2027-04-07")
    assert any(cameo == "045" for cameo, _, _, _ in found), found


# -- the tracker: sides, shuttles and deals -----------------------------------------------------------------

def test_striking_teachers_and_their_union_are_one_side(boards_of):
    boards = boards_of(_story([
        ("SANTIAGO, May 4 - Chile's education ministry opened talks on Monday with the Colegio de Profesores, "
         "the teachers' union, which wants a 14 percent rise.", dt.date(2027, 5, 5)),
        ("SANTIAGO, May 12 - Chile's government broke off its talks with striking teachers on Tuesday after "
         "protesters occupied the ministry.", dt.date(2027, 5, 12)),
    ]))
    assert len(boards) == 1, [b.process.name for b in boards]
    assert {r.actor.id for r in boards[0].roles if r.role == "party"} == {"CHL", "CHLLAB"}


def test_a_go_between_meeting_each_side_separately_does_not_resume_talks(boards_of):
    boards = boards_of(_story([
        ("OSLO, May 3 - Colombia's government and the ELN rebels opened talks in Oslo on Monday, with Norway "
         "acting as mediator.", dt.date(2027, 5, 4)),
        ("OSLO, May 10 - The ELN walked out of its talks with Colombia's government on Saturday. On Sunday "
         "Norway's envoy met the Colombian negotiators and the ELN delegation separately in Oslo.",
         dt.date(2027, 5, 10)),
    ]))
    assert len(boards) == 1, [b.process.name for b in boards]
    assert [s.status for s in boards[0].state_history][-1] == "suspended", boards[0].state_history


def test_a_deal_that_ends_a_strike_settles_the_pay_dispute(boards_of):
    boards = boards_of(_story([
        ("LISBON, May 3 - Portugal's health ministry and the nurses' union opened wage talks on Monday. The union "
         "demanded a 12 percent rise.", dt.date(2027, 5, 4)),
        ("LISBON, May 20 - Portugal's health ministry and the nurses' union signed an agreement on Wednesday that "
         "ends a three-week strike.", dt.date(2027, 5, 20)),
    ]))
    assert len(boards) == 1, [b.process.name for b in boards]
    assert boards[0].state_history[-1].status == "agreement" and not boards[0].gaps, boards[0].gaps
