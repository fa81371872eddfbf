"""The tracker across articles of one story: a group named in full with its abbreviation in one report and
by the abbreviation alone in the next is one party; "broke off the talks" is a suspension and "the talks
broke down" an end; a deal settles every issue it names; a withdrawal is of forces only when forces are
named."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.coder import Coder
from parley.negotiation import default_topics
from parley.types import Article


@pytest.mark.parametrize("text, topic", [
    ("the withdrawal of the constitutional amendment bill", "governance"),
    ("the withdrawal of a decree raising import duties on rice", "trade"),
    ("the withdrawal of all foreign troops from the valley", "withdrawal"),
    ("a complete withdrawal", "withdrawal"),
    ("to withdraw from the occupied districts", "withdrawal"),
    ("it would not withdraw from the riverside neighbourhoods", "withdrawal"),
    ("a pullback of heavy weapons", "disarmament"),   # (no forces named: the weapons are the matter)
])
def test_a_withdrawal_is_of_forces_only_when_forces_are_named(text: str, topic: str | None) -> None:
    assert default_topics().topic_of(text) == topic


def test_a_statement_names_every_topic_it_touches_first_named_first() -> None:
    assert default_topics().topics_of("a truce and a power-sharing accord with a prisoner swap") == (
        "ceasefire", "governance", "prisoners")
    assert default_topics().topics_of("nothing of the kind") == ()


def _articles(*texts: tuple[str, str]) -> list[Article]:
    return [Article(id=f"hills-{i}", text=text, published=dt.date.fromisoformat(day), publisher="Ridge Wire")
            for i, (day, text) in enumerate(texts)]


@pytest.mark.slow
@pytest.mark.parametrize("halt, status", [
    ("The NHLF broke off the negotiations with the government on Wednesday, accusing troops of raiding "
     "its camps.", "suspended"),
    ("The talks between the government and the NHLF broke down on Wednesday after troops raided rebel camps.",
     "collapsed"),
])
def test_a_group_known_by_its_abbreviation_stays_one_party_across_reports(boards_of,
                                                                         halt: str, status: str) -> None:
    articles = _articles(
        ("2026-06-02", "KAMPALA, June 2 - Uganda's government and the rebel Northern Hills Liberation Front (NHLF) "
                       "began peace talks in Nairobi on Monday, with Kenya as mediator.\n\nThe rebels demand a "
                       "general amnesty and a regional parliament."),
        ("2026-06-12", halt),
        ("2026-06-30", "Uganda's government and the NHLF signed a truce and power-sharing accord on Monday, "
                       "giving the movement two seats in the cabinet."),
    )
    boards = boards_of(articles)
    assert len(boards) == 1
    board = boards[0]
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"UGA", "UGAREB"}
    assert [s.status for s in board.state_history][:2] == ["ongoing", status]
    agreed = {p.topic for issue in board.issues for pp in issue.positions for p in pp.history if p.stance == "agree"}
    assert {"ceasefire", "governance"} <= agreed


@pytest.mark.slow
@pytest.mark.parametrize("text, codes", [
    ("The negotiating teams returned to Lome on Friday.", ["046"]),
    ("Delegates of the two sides came back to Accra on Friday for a third round.", ["046"]),
    ("Hundreds of displaced families returned to Lome on Friday.", []),
])
def test_negotiators_returning_to_the_venue_resume_the_talks(coder: Coder, text: str, codes: list[str]) -> None:
    assert [e.cameo for e in coder.code(text, published="2026-03-06")] == codes


@pytest.mark.slow
def test_asking_for_sanctions_to_be_lifted_is_a_demand_to_ease_them(coder: Coder) -> None:
    events = coder.code("Minsk wants the European embargo on potash lifted before any talks.", published="2026-03-06")
    assert ("1054", None) in {(e.cameo, e.modality) for e in events}
    assert "110" not in {e.cameo for e in events}
    more = coder.code("The senator wants tougher sanctions on the junta.", published="2026-03-06")
    assert [e.cameo for e in more] == ["110"]


@pytest.mark.slow
def test_what_is_offered_is_kept_when_it_is_no_event_of_its_own(coder: Coder) -> None:
    events = coder.code("The ministry offered to keep the border clinics open through the winter.",
                        published="2026-03-06")
    offer = next(e for e in events if e.trigger.text == "offered")
    assert offer.object is not None and offer.object.text.startswith("to keep the border clinics open")


@pytest.mark.slow
def test_a_state_organ_and_a_group_named_together_are_two_sides(coder: Coder) -> None:
    events = coder.code("Chad's government and FACT rebels opened talks in Doha on Monday.", published="2026-03-06")
    assert {(e.source.text, e.target.text if e.target else None) for e in events} == {
        ("Chad's government", "FACT rebels"), ("FACT rebels", "Chad's government")}


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The opposition dropped its demand for an interim president on Friday.",
    "The farmers' union abandoned its call for a ban on imported steel.",
])
def test_a_demand_given_up_is_a_yield_not_a_demand(coder: Coder, text: str) -> None:
    assert [e.cameo for e in coder.code(text, published="2026-03-06")] == ["080"]


def test_the_longest_keyword_wins_at_one_start() -> None:
    assert default_topics().topic_of("relief from sanctions on the central bank") == "sanctions"
    assert default_topics().topic_of("relief flights into the valley") == "humanitarian_aid"


@pytest.mark.slow
@pytest.mark.parametrize("text, target", [
    ("Ghana suspended its participation in the talks with Togo on Monday.", "Togo"),
    ("Ghana pulled its delegation out of the talks in Lome on Monday.", None),
    ("The rebels walked out of the negotiations in Addis Ababa on Monday.", None),
])
def test_leaving_talks_halts_them_and_their_venue_is_no_target(coder: Coder, text: str, target: str | None) -> None:
    events = coder.code(text, published="2026-03-06")
    assert [(e.cameo, e.target.text if e.target else None) for e in events] == [("164", target)]


@pytest.mark.slow
def test_a_proposal_whose_content_is_no_event_is_still_a_proposal(coder: Coder) -> None:
    events = coder.code("Accra has suggested placing the disputed islands under joint management.",
                        published="2026-03-06")
    assert [(e.cameo, e.object.text if e.object else None) for e in events] == [
        ("030", "placing the disputed islands under joint management")]
    assert coder.code("The governor wants to be senator.", published="2026-03-06") == []
