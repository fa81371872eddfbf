"""Constructions that set 54 showed the coder and the tracker missing, tested with sentences and stories of our own:
companies named by a word of trade, a body named again by its first word, state conciliation services convening talks
between two sides, courts that are no side, a union of no workers, topics of staffing and of ministries, deals that
leave questions "for later", and a round that reopens after a partial deal."""

from __future__ import annotations

from newswire import article, board_of, history


def test_a_company_named_by_a_word_of_trade_is_business(coder):
    events = coder.code("DARWIN, May 2 (Wire) - The union accused Harlow Cement on Tuesday of stalling the talks.\n\n"
                        "On Wednesday Harlow rejected a second claim from the union.", published="2061-05-03")
    codes = {m.text: m.code for e in events for m in (e.source, e.target) if m is not None}
    assert (codes.get("Harlow Cement") or "").endswith("BUS"), codes
    assert (codes.get("Harlow") or "").endswith("BUS"), codes


def test_a_conciliation_service_convening_talks_between_two_sides_mediates(coder):
    events = coder.code("WELLINGTON, June 3 (Wire) - New Zealand's labour tribunal opened conciliation talks on "
                        "Monday between Tasman Freight and the drivers' union.", published="2061-06-04")
    convener = [e for e in events if e.source is not None and e.source.code and e.source.code.startswith("NZL")
                and e.source.text.startswith("New Zealand")]
    assert convener and all(e.cameo.startswith("045") for e in convener), [(e.source.text, e.cameo) for e in events]


def test_counted_operators_on_strike_are_workers(coder):
    events = coder.code("About 260 operators at the Kestrel Bay terminal walked off the job on Friday.",
                        published="2061-06-04")
    assert any((e.source.code or "").endswith("LAB") for e in events if e.source is not None), \
        [(e.source.code, e.source.text) for e in events]


def test_a_union_for_something_that_is_no_trade_is_no_labour_union(coder):
    events = coder.code("The rebel Union for the Defence of the Plateau (UDP) attacked an army post on Sunday. The "
                        "UDP later said it would free two soldiers.", published="2061-06-04")
    assert not any((e.source.code or "").endswith("LAB") for e in events if e.source is not None), \
        [(e.source.code, e.source.text) for e in events]


def test_an_international_court_is_no_side_of_talks(boards_of):
    boards = boards_of([article("ct", "a", "2061-03-02", "VIENTIANE, March 2 (Wire) - Laos and Vietnam opened talks on "
                                "Monday on their disputed border villages, with Singapore as facilitator. Laos wants "
                                "the question of the villages put to the International Court of Justice; Vietnam "
                                "refused to discuss a referral to the International Court of Justice and rejected "
                                "the court's jurisdiction.")])
    board = board_of(boards, "LAO", "VNM")
    parties = {r.actor.id for r in board.roles if r.role == "party"}
    assert not any(p.startswith("IGOUNOICJ") for p in parties), parties


def test_a_question_left_for_later_is_open(boards_of):
    boards = boards_of([
        article("lf", "a", "2061-04-10", "TASHKENT, April 10 (Wire) - Uzbek and Tajik negotiators opened talks on "
                "Monday on water sharing and their disputed border."),
        article("lf", "b", "2061-04-13", "TASHKENT, April 13 (Wire) - Uzbek and Tajik negotiators signed an accord on "
                "Thursday on sharing the river's water in summer, but they left the question of sovereignty over "
                "the two disputed border villages for later.")])
    board = board_of(boards, "UZB", "TJK")
    assert any(g.topic == "territory" for g in board.gaps), [(g.topic, g.kind) for g in board.gaps]


def test_a_round_that_reopens_after_a_partial_deal_makes_the_talks_ongoing_again(boards_of):
    boards = boards_of([
        article("rr", "a", "2061-05-02", "ACCRA, May 2 (Wire) - Ghana and Togo opened talks on Monday on fees at "
                "their border posts."),
        article("rr", "b", "2061-05-06", "ACCRA, May 6 (Wire) - Ghana and Togo signed an interim deal on Friday "
                "halving the fees at two border posts, leaving the other posts for a second round."),
        article("rr", "c", "2061-06-03", "LOME, June 3 (Wire) - Ghana and Togo reopened their talks in Lome on "
                "Wednesday, with the two sides far apart on the remaining border posts.")])
    states = [s for s, _ in history(board_of(boards, "GHA", "TGO"))]
    assert states[-2:] == ["partial_agreement", "ongoing"], states


def test_staffing_and_ministries_are_labour_and_governance():
    from parley.negotiation.topics import default_topics
    topics = default_topics()
    assert topics.topics_of("a ban on replacing permanent staff with contractors")[:1] == ("labour",)
    assert topics.topics_of("the rebels' demand for three ministries")[:1] == ("governance",)
    assert topics.topics_of("to move their troops two kilometres back from the ridge")[:1] == ("withdrawal",)
    assert "withdrawal" not in topics.topics_of("the meeting was moved back a week")
