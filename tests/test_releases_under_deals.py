"""Captives freed under a deal: the release told in the passive ("were freed under an arrangement reached on
Friday"), the captives' holder named only by "held by", a deal told as a noun with its own day, in articles of
our own (written before the session-31 change that reads them)."""

from __future__ import annotations

import pytest

from newswire import article, history


def _events(coder, text: str, published: str = "2032-05-17"):
    return coder.code(text, published=published)


def _opened(story: str):
    return article(story, "a", "2032-05-05",
                   "OUAGADOUGOU, May 5 - Burkina Faso's government began indirect talks on Monday with the armed "
                   "group holding 17 road workers seized near Djibo, with Togo acting as go-between, officials "
                   "said. The group wants 30 of its jailed fighters freed; the government has offered to free "
                   "five.")



# --- the coder: who frees captives told in the passive ----------------------------------------------------

@pytest.mark.parametrize("held", ["held by", "kidnapped by", "abducted by", "seized by"])
def test_captives_freed_in_the_passive_are_freed_by_whoever_held_them(coder, held):
    text = f"BAMAKO, May 17 - Nine aid workers {held} the militia were freed on Sunday near Gao, officials said."
    [event] = [e for e in _events(coder, text) if e.cameo.startswith("084")]
    assert event.cameo == "0841"
    assert event.source.text == "the militia"
    acted_on = event.target or event.object
    assert acted_on is not None and "aid workers" in acted_on.text
    assert event.date == "2032-05-16"


def test_captives_freed_in_the_passive_with_no_holder_named_give_no_source(coder):
    text = "BAMAKO, May 17 - Nine aid workers were freed on Sunday near Gao, officials said."
    assert not [e for e in _events(coder, text) if e.cameo.startswith("084")]


@pytest.mark.parametrize("captives", ["passengers", "travellers", "tourists", "pilgrims", "engineers"])
def test_releasing_people_is_releasing_persons_not_returning_property(coder, captives):
    text = f"BAMAKO, May 17 - The kidnappers released the remaining 14 {captives} on Monday, police said."
    [event] = [e for e in _events(coder, text) if e.cameo.startswith("084")]
    assert event.cameo == "0841"


@pytest.mark.parametrize("deal", [
    "A deal between the government and the rebels was reached on Friday",
    "An agreement between the government and the rebels was struck on Friday",
    "A deal was sealed on Friday between the government and the rebels",
])
def test_a_deal_told_as_reached_between_two_sides_is_their_agreement(coder, deal):
    text = f"BAMAKO, May 17 - {deal}, officials said."
    found = [e for e in _events(coder, text) if e.cameo == "057"]
    assert {e.source.text.lower() for e in found} == {"the government", "the rebels"}
    assert {e.date for e in found} == {"2032-05-14"}


# --- the tracker: a release under a deal is the deal ------------------------------------------------------

@pytest.mark.parametrize("release", [
    "Seven of the 17 road workers held by the armed group in northern Burkina Faso were freed on Sunday under a "
    "first-phase arrangement reached late on Friday, officials said.",
    "Seven of the road workers held by the armed group in northern Burkina Faso walked free on Sunday under a "
    "first-stage deal between the government and the group that was settled late on Friday.",
    "Under an interim arrangement reached late on Friday, the armed group in northern Burkina Faso freed seven of "
    "the 17 road workers on Sunday.",
])
def test_a_first_release_under_a_deal_of_its_own_day_is_a_partial_agreement_that_day(boards_of, release):
    b = article("roadw1", "b", "2032-05-17", f"OUAGADOUGOU, May 17 - {release} The other ten remain captive.")
    [board] = boards_of([_opened("roadw1"), b])
    assert history(board) == [("ongoing", "2032-05-03"), ("partial_agreement", "2032-05-14")]


@pytest.mark.parametrize("release", [
    "Seven of the 17 road workers held by the armed group in northern Burkina Faso were freed on Sunday under an "
    "arrangement brokered by Togo, officials said, describing it as a first step rather than a final settlement.",
    "Seven road workers kidnapped by the armed group in northern Burkina Faso were released on Sunday in exchange "
    "for four jailed fighters, under a partial deal brokered by Togolese mediators.",
])
def test_a_first_release_under_a_brokered_deal_is_a_partial_agreement_on_the_release_day(boards_of, release):
    b = article("roadw2", "b", "2032-05-17", f"OUAGADOUGOU, May 17 - {release} The other ten remain captive.")
    [board] = boards_of([_opened("roadw2"), b])
    assert history(board) == [("ongoing", "2032-05-03"), ("partial_agreement", "2032-05-16")]


_FIRST_RELEASE = ("OUAGADOUGOU, May 17 - Seven of the 17 road workers held by the armed group in northern Burkina "
                  "Faso were freed on Sunday under a first-phase arrangement brokered by Togo. The other ten remain "
                  "captive.")


@pytest.mark.parametrize(("release", "day"), [
    ("The last ten road workers held by the armed group in northern Burkina Faso were released on Tuesday under a "
     "final deal arranged by Togolese mediators, in which the government freed 12 fighters.", "2032-05-25"),
    ("The ten remaining road workers held in northern Burkina Faso walked free on Tuesday under a deal between "
     "Burkina Faso's government and the armed group that was sealed late on Saturday, Togo's foreign ministry "
     "said.", "2032-05-22"),
])
def test_the_last_captives_freed_under_a_final_deal_complete_the_agreement(boards_of, release, day):
    b = article("roadw3", "b", "2032-05-17", _FIRST_RELEASE)
    c = article("roadw3", "c", "2032-05-26", f"OUAGADOUGOU, May 26 - {release}")
    [board] = boards_of([_opened("roadw3"), b, c])
    assert history(board) == [("ongoing", "2032-05-03"), ("partial_agreement", "2032-05-16"), ("agreement", day)]


def test_a_release_told_again_as_background_is_no_new_deal(boards_of):
    b = article("roadw4", "b", "2032-05-17", _FIRST_RELEASE)
    c = article("roadw4", "c", "2032-05-26",
                "OUAGADOUGOU, May 26 - The armed group holding ten road workers in northern Burkina Faso rejected "
                "the government's latest offer on Tuesday. Seven of their colleagues had been freed on May 16 under "
                "a first-phase arrangement brokered by Togo.")
    [board] = boards_of([_opened("roadw4"), b, c])
    assert history(board) == [("ongoing", "2032-05-03"), ("partial_agreement", "2032-05-16")]
