"""Constructions that set 42's stories (the last four of session 39, first sight 0 of 4) showed the coder and the
tracker missing, tested with sentences of our own (written after the change, each checked against the code before
it)."""

from __future__ import annotations

from newswire import article, board_of, history


def test_talks_between_two_sides_the_parser_splits_still_have_both(coder):
    events = coder.code("NAIROBI, May 5 - Talks between Kenya's government and striking railway workers got under "
                        "way on Monday in Nairobi.", published="2070-05-06")
    assert {e.source.code for e in events if e.cameo.startswith("04")} == {"KENGOV", "KENLAB"}, \
        [(e.cameo, e.source.text, e.source.code) for e in events]


_BUOYS = [
    article("buoys", "a", "2070-09-10",
            "RIGA, Sept 10 - Latvia and Estonia opened talks in Riga on Tuesday on herring quotas in the Gulf of "
            "Riga. Both delegations agreed not to brief the media while the talks continue. Estonia wants 60,000 "
            "tonnes; Latvia has offered 45,000."),
    article("buoys", "b", "2070-09-26",
            "TALLINN, Sept 26 - Latvia and Estonia agreed on Thursday to a 60-day halt to trawling near the spawning "
            "grounds, though the size of next year's herring quota remains in dispute. Talks continue in Tallinn next "
            "month."),
]


def test_a_gag_agreed_is_no_deal_and_a_deal_with_a_question_in_dispute_is_partial(boards_of):
    board = board_of(boards_of(_BUOYS), "LVA", "EST")
    assert history(board) == [("ongoing", "2070-09-09"), ("partial_agreement", "2070-09-25")], history(board)


def test_the_venue_of_a_chaired_meeting_is_no_side(coder):
    # (the tagger takes the town for a person; reached through "at ... of", it is where the meeting is)
    events = coder.code("The meeting, at a state guesthouse on the northern edge of Ashgabat, is chaired by "
                        "Mongolia's deputy foreign minister, Bolor Gantulga.", published="2070-01-15")
    chaired = [e for e in events if e.cameo == "045"]
    assert chaired and all(e.target is None or e.target.country != "TKM" for e in chaired), \
        [(e.cameo, e.target.text if e.target else None) for e in events]
