"""More ways news tells of talks, their go-betweens and their ends, taught to the coder and the tracker in
session 26, each in sentences and stories of our own (the helper stories that showed the gaps are checked in
tests/test_negotiation_stories_unseen.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc

from parley.coder import Coder
from parley.coding.repairs import repair_adverb_subject
from parley.types import Article

PUBLISHED = "2026-09-10"   # a Thursday


def _coded(coder: Coder, text: str, published: str = PUBLISHED) -> list[tuple]:
    return [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in coder.code(text, published=published)]


def _articles(items: list[tuple[str, dt.date]]) -> list[Article]:
    return [Article(id=f"talks-{i}", text=text, published=day, title=None) for i, (text, day) in enumerate(items)]


# -- the coder -----------------------------------------------------------------------------------------------

def test_an_adverb_read_as_the_subject_gives_the_subject_back(coder):
    # the small model's misreading of "..., the main rebel group in the country's far west, opened talks":
    # "west" the subject of "opened", "officials" the subject of "west"
    words = ["Chadian", "officials", "and", "the", "Front", ",", "the", "main", "group", "in", "the", "far",
             "west", ",", "opened", "talks", "."]
    heads = [1, 12, 1, 4, 1, 1, 8, 8, 1, 8, 12, 12, 14, 12, 14, 14, 14]
    deps = ["amod", "nsubj", "cc", "det", "conj", "punct", "det", "amod", "appos", "prep", "det", "advmod",
            "nsubj", "punct", "ROOT", "dobj", "punct"]
    pos = ["ADJ", "NOUN", "CCONJ", "DET", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "ADP", "DET", "ADV", "ADV",
           "PUNCT", "VERB", "NOUN", "PUNCT"]
    doc = Doc(coder.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    repair_adverb_subject(doc[:])
    assert [t.text for t in doc[14].children if t.dep_ == "nsubj"] == ["officials"]
    assert doc[12].head.i != 14 and doc[12].dep_ == "npadvmod"


def test_a_correct_subject_is_left_alone():
    words = ["The", "rebels", "opened", "talks", "."]
    from spacy.vocab import Vocab
    doc = Doc(Vocab(), words=words, heads=[1, 2, 2, 2, 2], deps=["det", "nsubj", "ROOT", "dobj", "punct"],
              pos=["DET", "NOUN", "VERB", "NOUN", "PUNCT"])
    repair_adverb_subject(doc[:])
    assert doc[1].head.i == 2 and doc[1].dep_ == "nsubj"


@pytest.mark.parametrize("leaving", ["walked out of its talks with", "walked away from its talks with",
                                     "quit its talks with"])
def test_talks_walked_out_of_are_no_meeting(coder, leaving):
    codes = [c for c, *_ in _coded(coder, f"The dockers' union {leaving} Kenya's transport ministry on Friday.")]
    assert "164" in codes and not any(c.startswith("04") for c in codes)


@pytest.mark.parametrize("verb", ["had resumed", "restarted"])
def test_talks_that_resumed_in_a_relative_clause_are_a_resumption(coder, verb):
    text = (f"Peru's government and the miners' union signed a safety protocol on Friday, ending a week of talks "
            f"that {verb} on Monday.")
    events = [e for e in coder.code(text, published=PUBLISHED) if e.cameo.startswith("04")]
    assert sorted((e.source.code, e.target.code) for e in events) == [("PERGOV", "PERLAB"), ("PERLAB", "PERGOV")]
    assert {e.date for e in events} == {"2026-09-07"}


def test_good_offices_are_mediation(coder):
    text = ("Gabon's government and the opposition opened talks in Libreville on Monday under the good offices of "
            "an African Union envoy.")
    assert ("045", "IGOAFU") in {(c, s) for c, s, _ in _coded(coder, text)}


@pytest.mark.parametrize("text", [
    "Oman acted as a conduit between Washington and Tehran during the prisoner talks.",
    "Ghana chaired the talks between Togo and Benin on Tuesday.",
    "The Ghana-chaired talks between Togo and Benin opened on Tuesday.",
])
def test_conduits_and_chairs_of_talks_mediate(coder, text):
    mediators = {s for c, s, _ in _coded(coder, text) if c == "045"}
    assert mediators & {"OMN", "GHA"}


def test_a_person_in_apposition_to_a_states_facilitator_is_that_states(coder):
    text = ("Norway's facilitator, Erik Dahlberg, a former banker who has acted as an intermediary between the "
            "two sides, flew to Bogota on Monday.")
    sources = {s for c, s, _ in _coded(coder, text) if c == "045"}
    assert sources == {"NORGOV"}


def test_what_a_person_heads_says_whose_he_is(coder):
    text = ("General Idris Musa, the retired officer who heads Sudan's negotiating team, rejected the proposal "
            "on Tuesday.")
    assert {s for c, s, _ in _coded(coder, text) if c.startswith("12")} == {"SDNGOV"}


def test_a_dateline_at_the_venue_does_not_make_the_army_the_venues(coder):
    text = ("GENEVA, May 4 - Sudan's government and the rebel SPLM-N opened talks in Geneva on Monday. Sudan's "
            "delegation said the talks on Kordofan and Blue Nile would last a week.\n\nThe army shelled rebel "
            "positions on Sunday.")
    shelling = [e for e in coder.code(text, published="2026-05-04") if e.cameo.startswith("19")]
    assert shelling and all(e.source.country == "SDN" for e in shelling)


# -- the tracker -----------------------------------------------------------------------------------------------

def test_a_facilitators_visit_to_one_side_does_not_resume_talks(boards_of):
    boards = boards_of(_articles([
        ("Zambia's government and the Barotse National Council (BNC), a separatist movement, opened talks in "
         "Lusaka on Monday with Botswana as facilitator.", dt.date(2026, 5, 6)),
        ("The BNC walked out of its talks with the Zambian government on Tuesday. Botswana's facilitator, Kgosi "
         "Molefe, flew to Mongu on Thursday to meet the movement's leaders.", dt.date(2026, 5, 16)),
    ]))
    assert len(boards) == 1
    board = boards[0]
    assert "BWA" in {r.actor.id for r in board.roles if r.role == "mediator"}
    assert [s.status for s in board.state_history] == ["ongoing", "suspended"]


def test_a_states_named_facilitator_is_a_mediator(boards_of):
    boards = boards_of(_articles([
        ("Zambia's government and the Barotse National Council (BNC), a separatist movement, opened talks in "
         "Lusaka on Monday. Botswana's facilitator, Kgosi Molefe, met both delegations on Tuesday.",
         dt.date(2026, 5, 6)),
    ]))
    assert len(boards) == 1
    assert {r.actor.id for r in boards[0].roles if r.role == "mediator"} == {"BWA"}


def test_the_group_named_earlier_in_another_report_is_recalled(boards_of):
    boards = boards_of(_articles([
        ("Zambia's government and the Barotse National Council (BNC), a separatist movement, opened talks in "
         "Lusaka on Monday.", dt.date(2026, 5, 6)),
        ("The BNC pressed for a referendum on self-rule at the talks on Wednesday. The group also demanded that "
         "police units pull out of Mongu.", dt.date(2026, 5, 8)),
    ]))
    assert len(boards) == 1
    demands = {p.latest.actor.id: issue.topic for issue in boards[0].issues for p in issue.positions
               if p.latest.stance == "demand"}
    assert set(demands) == {"ZMBSEP"} or set(demands) == {"ZMBREB"}
    topics = {issue.topic for issue in boards[0].issues for p in issue.positions if p.latest.stance == "demand"}
    assert {"governance", "withdrawal"} <= topics


@pytest.mark.parametrize("words", ["We are leaving this process for good.",
                                   "There is nothing left to negotiate, a union leader said."])
def test_a_walkout_for_good_is_a_collapse(boards_of, words):
    boards = boards_of(_articles([
        ("Ecuador's government and the teachers' union opened wage talks in Quito on Monday.", dt.date(2026, 6, 2)),
        (f"Ecuador's teachers' union walked out of its wage talks with the government on Tuesday. \"{words}\"",
         dt.date(2026, 6, 10)),
    ]))
    assert len(boards) == 1
    assert [s.status for s in boards[0].state_history] == ["ongoing", "collapsed"]


def test_a_month_still_to_come_is_the_next_one(coder):
    events = coder.code("A joint panel of customs officials will meet in October to review the quota.",
                        published="2026-05-14")
    assert [(e.date, e.date_precision) for e in events] == [("2026-10-01", "month")]
    done = coder.code("A joint panel of customs officials met in October to review the quota.", published="2026-05-14")
    assert [e.date for e in done] == ["2025-10-01"]


def test_talks_that_restarted_are_those_of_the_two_who_acted_together_before(coder):
    text = ("Peru and Ecuador signed a fishing accord in Tumbes on Friday. The talks had restarted on Tuesday, "
            "officials said.")
    resumed = {(s, t) for c, s, t in _coded(coder, text, published="2026-09-12") if c.startswith("04")}
    assert resumed == {("PER", "ECU"), ("ECU", "PER")}


@pytest.mark.parametrize(("text", "code"), [
    ("Kenya's delegation floated a second prisoner release of up to 80 people.", "030"),
    ("The rebels floated a 45-day truce on Monday.", "0356"),
])
def test_floating_something_offers_it(coder, text, code):
    assert code in {c for c, *_ in _coded(coder, text)}


def test_talks_held_in_a_partys_own_capital_resume_when_it_says_so(boards_of):
    # the parties host their own rounds: their resumption is no go-between's visit
    boards = boards_of(_articles([
        ("Peru and Ecuador opened talks in Lima on Monday on fishing quotas.", dt.date(2026, 4, 8)),
        ("Ecuador broke off its talks with Peru on Tuesday over a seized trawler.", dt.date(2026, 4, 15)),
        ("The talks between Peru and Ecuador resumed in Quito on Monday.", dt.date(2026, 4, 22)),
    ]))
    assert len(boards) == 1
    assert [s.status for s in boards[0].state_history] == ["ongoing", "suspended", "ongoing"]


def test_under_the_aegis_of_is_mediation(coder):
    text = "Chad's government and the rebels opened talks in Doha on Monday under the aegis of the African Union."
    assert ("045", "IGOAFU") in {(c, s) for c, s, _ in _coded(coder, text)}


def test_leaving_part_of_the_talks_to_someone_is_no_walkout(coder):
    codes = {c for c, *_ in _coded(coder, "Ghana said it would leave the substance of the talks to the mediators.")}
    assert not any(c.startswith(("16", "13")) for c in codes)
    assert "164" in {c for c, *_ in _coded(coder, "The rebels left the talks on Monday.")}


def test_a_ministry_of_any_sector_is_the_state_at_the_table(boards_of):
    boards = boards_of(_articles([
        ("Kenya's health ministry and the nurses' union opened wage talks in Nairobi on Monday. The union demanded "
         "a 30 percent rise in the night-shift allowance.", dt.date(2026, 3, 4)),
    ]))
    assert len(boards) == 1
    assert {r.actor.id for r in boards[0].roles if r.role == "party"} == {"KEN", "KENLAB"}
    assert {issue.topic for issue in boards[0].issues} >= {"labour"}


def test_an_abbreviation_defined_outside_any_act_is_recalled_later(boards_of):
    boards = boards_of(_articles([
        ("Kenya's health ministry and the nurses' union opened wage talks in Nairobi on Monday, bringing the "
         "National Nursing Staff Union (NNSU) to the table for the first time.", dt.date(2026, 3, 4)),
        ("The NNSU walked out of its talks with the health ministry on Tuesday.", dt.date(2026, 3, 11)),
    ]))
    assert len(boards) == 1
    assert [s.status for s in boards[0].state_history] == ["ongoing", "suspended"]


def test_the_initials_of_a_long_name_are_that_actor_in_later_reports(boards_of):
    boards = boards_of(_articles([
        ("Envoys of Chad's government and the Northern Tibesti Liberation Front opened talks in Doha on Monday.",
         dt.date(2026, 3, 4)),
        ("The NTLF walked out of its talks with the Chadian government on Tuesday.", dt.date(2026, 3, 11)),
    ]))
    assert len(boards) == 1
    assert [s.status for s in boards[0].state_history] == ["ongoing", "suspended"]


def test_the_host_is_no_side_by_an_offer_of_someone_without_a_country(boards_of):
    boards = boards_of(_articles([
        ("DOHA, March 4 - Envoys of Chad's government and the rebels opened talks in Doha on Monday. Qatar's "
         "foreign ministry is hosting the delegations. Reconciliation minister Abakar Mahamat offered a 20-day "
         "truce on Tuesday.", dt.date(2026, 3, 4)),
    ]))
    assert len(boards) == 1
    assert "QAT" not in {r.actor.id for r in boards[0].roles if r.role == "party"}


def test_what_the_deals_sentence_says_it_does_is_settled(boards_of):
    boards = boards_of(_articles([
        ("Malawi's government and the teachers' union opened wage talks in Lilongwe on Monday. The union "
         "demanded a 40 percent rise in the monthly salary.", dt.date(2026, 3, 4)),
        ("Malawi's government and the teachers' union signed an agreement on Friday raising the monthly "
         "salary of every teacher by 18 percent from July.", dt.date(2026, 3, 14)),
    ]))
    assert len(boards) == 1
    assert boards[0].state_history[-1].status == "agreement"
    assert not boards[0].gaps


def test_a_deal_signed_in_a_relative_clause_without_that(coder):
    # the small model reads "the two governments" as a second object of "free" and "signed" as a participle
    text = "Fiji will free the crew under a deal the two governments signed in Auckland on Friday."
    signed = [e for e in coder.code(text, published=PUBLISHED) if e.cameo == "057"]
    assert signed and signed[0].source.text == "the two governments"


def test_a_zero_relative_repair_leaves_participles_alone(coder):
    events = coder.code("The army freed the hostages held in the camp on Monday.", published=PUBLISHED)
    assert [e.cameo for e in events] == ["0841"]
    assert events[0].target.text == "the hostages"


def test_a_deal_that_leaves_a_question_for_another_day_is_partial(boards_of):
    boards = boards_of(_articles([
        ("Honduras and Nicaragua opened talks in Panama City on Monday over the Gulf of Fonseca cayes.",
         dt.date(2026, 3, 4)),
        ("Honduras and Nicaragua signed a fisheries accord on Friday, though the question of who owns the cayes "
         "was left for another day.", dt.date(2026, 3, 9)),
    ]))
    assert len(boards) == 1
    assert boards[0].state_history[-1].status == "partial_agreement"


def test_the_delegations_returning_are_the_two_who_acted_together(coder):
    text = ("Fiji and Tonga signed a fisheries accord on Friday. The delegations returned to the table on "
            "Monday to discuss the reefs.")
    back = {(s, t) for c, s, t in _coded(coder, text, published="2026-09-12") if c.startswith("04")}
    assert back == {("FJI", "TON"), ("TON", "FJI")}


def test_talks_that_picked_back_up_resume(coder):
    text = "Peru and Chile signed a customs protocol on Friday. The talks picked back up on Tuesday."
    back = {(s, t) for c, s, t in _coded(coder, text, published="2026-09-12") if c.startswith("04")}
    assert back == {("PER", "CHL"), ("CHL", "PER")}


def test_talks_still_to_end_have_not_ended(coder):
    text = "Peru and Chile opened talks on Monday. No date has been set for the talks to end."
    assert "164" not in {c for c, *_ in _coded(coder, text)}


def test_a_licensing_round_is_no_round_of_talks(coder):
    codes = {c for c, *_ in _coded(coder, "Guyana suspended its offshore licensing round on Monday.")}
    assert "164" not in codes


def test_a_go_betweens_calls_to_both_sides_do_not_resume_talks(boards_of):
    boards = boards_of(_articles([
        ("Venezuela and Guyana began indirect talks in Doha on Monday with Qatar acting as a go-between between "
         "the two delegations.", dt.date(2026, 4, 8)),
        ("Venezuela suspended its participation in the talks with Guyana on Sunday. Qatar's minister of state "
         "spoke to both foreign ministers by telephone on Monday.", dt.date(2026, 4, 14)),
    ]))
    assert len(boards) == 1
    assert [s.status for s in boards[0].state_history] == ["ongoing", "suspended"]


@pytest.mark.parametrize("verb", ["flew back", "headed back", "travelled back"])
def test_negotiators_coming_back_to_the_venue_resume_talks(coder, verb):
    text = f"Kenya's negotiators {verb} to Addis Ababa on Sunday."
    assert ("046", "KENGOV") in {(c, s) for c, s, _ in _coded(coder, text)}
