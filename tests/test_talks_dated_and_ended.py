"""When talks began and whether they ended for good, told in other ways (session 31, articles of our own with
other names and words, written after the change)."""

from __future__ import annotations

from newswire import article, board_of, history


def test_a_third_day_of_talks_ended_on_wednesday_began_on_monday(boards_of):
    a = article("nth1", "a", "2035-09-12",
                "OSLO, Sept 12 - Serbia and Kosovo ended a third day of talks in Oslo on Wednesday "
                "with no agreement on the status of the northern municipalities, with Norway acting as mediator.")
    assert history(board_of(boards_of([a]), "SRB", "XKX"))[0] == ("ongoing", "2035-09-10")


def test_a_go_between_active_since_a_year_opens_nothing_that_year(boards_of):
    a = article("nth2", "a", "2035-09-12",
                "OSLO, Sept 12 - Serbia and Kosovo opened talks in Oslo on Monday on the northern municipalities. "
                "Norway's envoy, who has acted as a channel between the two sides since 2031, chairs the sessions.")
    assert history(board_of(boards_of([a]), "SRB", "XKX")) == [("ongoing", "2035-09-10")]


def test_a_walkout_whose_article_later_says_the_process_is_over_is_a_collapse(boards_of):
    a = article("end1", "a", "2035-09-12",
                "OSLO, Sept 12 - Serbia and Kosovo opened talks in Oslo on Monday on the northern municipalities, "
                "with Norway acting as mediator.")
    b = article("end1", "b", "2035-09-19",
                "BELGRADE, Sept 19 - Serbia's delegation left the Oslo talks on Tuesday and flew home. Officials in "
                "Belgrade accused Pristina of moving police units into the north. \"This process is over,\" the "
                "Serbian foreign minister told parliament on Wednesday. Norway said it saw no basis on which to "
                "reconvene the two sides.")
    assert history(board_of(boards_of([a, b]), "SRB", "XKX")) == [("ongoing", "2035-09-10"),
                                                                  ("collapsed", "2035-09-18")]


def test_a_refusal_to_withdraw_is_no_withdrawal(coder):
    events = coder.code("PRISTINA, Sept 19 - Kosovo ruled out withdrawing its police units from the northern "
                        "municipalities.", published="2035-09-19")
    withdrawals = [e for e in events if e.cameo.startswith("08")]
    assert all(e.modality == "refused" for e in withdrawals)
    assert any(e.cameo.startswith("12") for e in events)


def _aid_talks(story: str):
    return article(story, "a", "2035-09-12",
                   "BAMAKO, Sept 12 - The Red Cross began carrying messages on Monday between Mali's government and "
                   "the armed group encircling the town of Kidal, over letting food convoys into the town.")


def test_talks_put_on_hold_with_a_group_told_by_what_it_does_are_suspended(boards_of):
    b = article("kid1", "b", "2035-09-19",
                "BAMAKO, Sept 19 - Mali's government on Tuesday put its indirect talks with the armed group "
                "encircling Kidal on hold, a day after the group's fighters seized three truck drivers.")
    board = board_of(boards_of([_aid_talks("kid1"), b]), "MLI", "MLIREB")
    assert history(board) == [("ongoing", "2035-09-10"), ("suspended", "2035-09-18")]


def test_talks_both_sides_say_are_over_have_collapsed(boards_of):
    b = article("kid2", "b", "2035-09-26",
                "BAMAKO, Sept 26 - The indirect talks between Mali's government and the armed group encircling Kidal "
                "are over, both sides said on Tuesday, a day after shells hit the town's hospital.")
    board = board_of(boards_of([_aid_talks("kid2"), b]), "MLI", "MLIREB")
    assert history(board) == [("ongoing", "2035-09-10"), ("collapsed", "2035-09-25")]


def test_the_armed_group_named_after_an_aid_body_is_no_aid_body(coder):
    events = coder.code("BAMAKO, Sept 12 - The Red Cross has begun carrying messages between Mali's government and "
                        "the armed group that has encircled Kidal since May.", published="2035-09-12")
    groups = [a for e in events for a in (e.source, e.target) if a is not None and a.text.startswith("the armed")]
    assert groups and all(not (a.code or "").startswith("NGO") for a in groups)


def test_negotiators_trooping_out_of_the_boardroom_halt_the_talks(coder):
    events = coder.code("KAMPALA, Sept 19 - The teachers' negotiators trooped out of the boardroom on Tuesday.",
                        published="2035-09-19")
    assert [e.cameo for e in events] == ["164"]
