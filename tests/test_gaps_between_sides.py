"""Gaps a reader lists when each side holds out: two refusals, two demands, and a union's issues no topic names
(session 31, articles of our own with other names and words, written after the change)."""

from __future__ import annotations

from newswire import article


def _opened(story: str):
    return article(story, "a", "2034-04-05",
                   "JAKARTA, April 5 - Indonesia's transport ministry and the national bus drivers' union opened "
                   "talks on Monday to end a week-long strike, with the ombudsman's office acting as mediator.")


def _topics(board) -> set[str]:
    return {g.topic for g in board.gaps}


def _union_board(boards):
    [board] = [b for b in boards if any(r.actor.id == "IDNLAB" for r in b.roles if r.role == "party")]
    return board


def test_a_unions_issue_that_no_topic_names_is_a_labour_gap_when_each_side_refuses(boards_of):
    b = article("bus1", "b", "2034-04-12",
                "JAKARTA, April 12 - The talks between the drivers' union and the transport ministry broke down on "
                "Tuesday. The union rejected the new rules on vehicle inspections, and the ministry "
                "refused to withdraw the inspection fees.")
    board = _union_board(boards_of([_opened("bus1"), b]))
    assert "labour" in _topics(board)


def test_two_sides_asking_different_things_on_one_issue_leave_a_gap(boards_of):
    b = article("bus2", "b", "2034-04-12",
                "JAKARTA, April 12 - The drivers' union demanded on Tuesday a 15 percent rise in the daily fare "
                "allowance. The transport ministry demanded that the union first end its strike.")
    board = _union_board(boards_of([_opened("bus2"), b]))
    assert "labour" in _topics(board)


def test_a_deal_on_the_unions_issue_leaves_no_labour_gap(boards_of):
    b = article("bus3", "b", "2034-04-12",
                "JAKARTA, April 12 - The drivers' union demanded on Tuesday a 15 percent rise in the daily fare "
                "allowance.")
    c = article("bus3", "c", "2034-04-19",
                "JAKARTA, April 19 - The drivers' union and the transport ministry signed an agreement on Tuesday "
                "raising the daily fare allowance by 12 percent, ending the strike.")
    board = _union_board(boards_of([_opened("bus3"), b, c]))
    assert "labour" not in _topics(board)
