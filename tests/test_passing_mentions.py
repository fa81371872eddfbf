"""Talks told only in passing in a long report about something else make no process; the same talks told over
a few sentences, or in a short brief, do (session 36, articles of our own, written after the change)."""

from __future__ import annotations

from newswire import article

_FLOODS = [
    "BEIRA, March 9 - Flood waters rose again along the Pungwe river on Sunday, forcing thousands more families "
    "onto the roofs of schools and churches.",
    "The national disaster institute said 41 people had died since the rains began ten days ago.",
    "Helicopters chartered by aid agencies dropped food and water purification tablets on villages cut off by "
    "the water.",
    "Doctors at the central hospital in Beira said they had treated more than 300 cases of diarrhoea in a week.",
    "The weather service warned that a second storm could make landfall before the end of the month.",
    "{talks}",
    "Farmers in Sofala province said they had lost most of the maize harvest they had planted in November.",
    "The World Food Programme said it needed another 18 million dollars to feed the displaced until June.",
    "Schools in the worst-hit districts will stay closed for at least another fortnight, officials said.",
    "Engineers were inspecting two bridges on the main road to Zimbabwe, which was closed on Saturday.",
    "Residents of the Praia Nova neighbourhood said they had received no help from the city council.",
    "The rains are the heaviest recorded in the region since records began, the weather service said.",
]


def _parties(board) -> set[str]:
    return {r.actor.id for r in board.roles if r.role == "party"}


def test_talks_told_in_one_sentence_of_a_flood_report_make_no_process(boards_of):
    text = " ".join(_FLOODS).replace("{talks}", "Separately, the government and Renamo rebels held talks in "
                                                 "Maputo on Friday on the disarmament of the group's last fighters.")
    boards = boards_of([article("moz-floods", "a", "2046-03-09", text)])
    assert not [b for b in boards if {"MOZ", "MOZREB"} <= _parties(b)]


def test_the_same_talks_told_over_several_sentences_are_a_process(boards_of):
    talks = ("The government and Renamo rebels held talks in Maputo on Friday on the disarmament of the group's "
             "last fighters. Renamo's negotiators demanded that their commanders be given posts in the police. "
             "The interior ministry rejected the demand on Saturday.")
    text = " ".join(_FLOODS).replace("{talks}", talks)
    boards = boards_of([article("moz-floods", "a", "2046-03-09", text)])
    assert [b for b in boards if {"MOZ", "MOZREB"} <= _parties(b)]


def test_a_short_brief_of_one_sentence_of_talks_is_a_process(boards_of):
    text = ("MAPUTO, March 9 - Mozambique's government and Renamo rebels held talks on Friday on the disarmament "
            "of the group's last fighters. The next round is due in April.")
    boards = boards_of([article("moz-brief", "a", "2046-03-09", text)])
    assert [b for b in boards if {"MOZ", "MOZREB"} <= _parties(b)]
