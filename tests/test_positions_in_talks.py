"""What each side asks, offers and refuses, as the coder and the tracker read it since session 27: what a
relative pronoun stands for, what a demand that someone act asks for, "for its part", a refusal of "that",
an offer that gives less than was demanded, and statements tied to a topic by the words they share with an
earlier one. Sentences and stories of our own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parley.coder import Coder
from parley.negotiation import track
from parley.store import Store, ingest
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

def _boards(coder: Coder, tmp_path: Path, story: list[tuple[str, dt.date]]):
    db = tmp_path / "talks.duckdb"
    ingest([Article(id=f"s-{i}", text=t, published=d, title=None) for i, (t, d) in enumerate(story)],
           db=db, coder=coder)
    with Store.open(db, read_only=True) as store:
        return track(store)


def test_an_offer_of_fewer_than_were_demanded_leaves_the_issue_open(coder, tmp_path):
    boards = _boards(coder, tmp_path, [
        ("DHAKA, April 5 - Bangladesh's government and the opposition opened talks on Monday on a caretaker "
         "administration.\n\nThe opposition demanded the release of 60 jailed activists.", dt.date(2027, 4, 6)),
        ("DHAKA, April 14 - The government offered a pardon for 20 of the 60 jailed activists on Tuesday, as "
         "talks with the opposition went on.", dt.date(2027, 4, 14)),
    ])
    assert len(boards) == 1, [b.process.name for b in boards]
    assert "prisoners" in {g.topic for g in boards[0].gaps}, boards[0].gaps


def test_refusing_that_refers_to_the_one_demand_before(coder, tmp_path):
    boards = _boards(coder, tmp_path, [
        ("PRAIA, May 3 - Cape Verde and Senegal opened talks on their fishing dispute on Monday.\n\n"
         "Senegal demanded the release of 14 detained fishermen. Cape Verde demanded that Senegal recognise the "
         "bank as Cape Verdean territory; Senegal rejected that outright.", dt.date(2027, 5, 4)),
    ])
    assert len(boards) == 1, [b.process.name for b in boards]
    refusals = [(p.actor.id, p.topic) for i in boards[0].issues for pp in i.positions for p in pp.history
                if p.stance == "reject"]
    assert refusals == [("SEN", "territory")], refusals


def test_a_statement_takes_the_topic_of_an_earlier_one_it_shares_words_with(coder, tmp_path):
    boards = _boards(coder, tmp_path, [
        ("MANILA, June 7 - The Philippine government and the rebels opened talks on Monday.\n\nThe rebels "
         "demanded the release of 30 captured guerrillas.", dt.date(2027, 6, 8)),
        ("MANILA, June 21 - The Philippine government offered to free 12 of the 30 guerrillas on Tuesday, "
         "officials said, as talks with the rebels went on.", dt.date(2027, 6, 21)),
    ])
    topics = {(p.actor.id, p.topic) for b in boards for i in b.issues for pp in i.positions for p in pp.history}
    assert ("PHL", "prisoners") in topics and ("PHL", "other") not in topics, topics
