"""Constructions that sets 47 and 48 showed the coder and the tracker missing, tested with stories and sentences of
our own (written after the change, each checked against the code before it)."""

from __future__ import annotations

from collections import defaultdict

from newswire import article, board_of, history


def role_ids(board) -> dict[str, list[str]]:
    roles: dict[str, list[str]] = defaultdict(list)
    for role in board.roles:
        roles[role.role].append(role.actor.id)
    return roles


def test_a_state_that_lends_the_room_hosts_and_is_no_side(boards_of):
    board = board_of(boards_of([
        article("rhine", "a", "2070-03-04",
                "VIENNA, March 4 (Danube Wire) - Czech and Slovak transport ministers met in Vienna on Tuesday to end "
                "a dispute over a toll on Slovak barges, with the European Commission chairing the talks. Austria "
                "offered the venue, a hall at its chancellery, and Austrian officials said they would take no part "
                "in the discussions. Prague wants the toll cut to 5 percent.\n\n"
                "Austria said on Wednesday it was glad to have provided neutral ground for the talks."),
    ]), "CZE")
    roles = role_ids(board)
    assert "AUT" not in roles["party"], roles
    assert "AUT" in roles["host"], roles


def test_a_paragraph_that_calls_itself_unrelated_tells_another_story(boards_of):
    board = board_of(boards_of([
        article("barges", "a", "2070-03-04",
                "VIENNA, March 4 (Danube Wire) - Czech and Slovak transport ministers opened talks in Vienna on "
                "Tuesday on a toll on Slovak barges, chaired by the European Commission. Prague wants the toll cut to "
                "5 percent; Bratislava offered 12 percent.\n\n"
                "Meanwhile in Bratislava, the Slovak government signed an agreement with Poland on Wednesday on a new "
                "rail link. The accord had been under discussion for a year. It has no bearing on the toll "
                "dispute."),
    ]), "CZE")
    assert "POL" not in role_ids(board)["party"], role_ids(board)


def test_a_deal_that_is_any_deal_is_none(coder):
    events = coder.code("PRAGUE, March 6 - Talks between the Czech Republic and Slovakia broke down on Thursday. "
                        "Bratislava wanted the toll lowered the day any agreement was signed, while Prague refused.",
                        published="2070-03-06")
    assert not any(e.cameo.startswith("057") for e in events), [(e.cameo, e.source.text) for e in events]


def test_support_for_any_arrangement_two_sides_agree_on_is_no_deal(coder):
    events = coder.code("The Red Cross said it stood ready to back any arrangement the two governments agree on.",
                        published="2070-03-06")
    assert all(e.modality == "hypothetical" for e in events if e.trigger.text == "agree"), \
        [(e.trigger.text, e.modality) for e in events]


def test_a_sides_visit_to_the_hosts_capital_resumes_nothing(boards_of):
    board = board_of(boards_of([
        article("toll", "a", "2070-03-04",
                "VIENNA, March 4 (Danube Wire) - Czech and Slovak transport ministers opened talks in Vienna on "
                "Tuesday on a toll on Slovak barges, chaired by the European Commission. Austria lent the venue."),
        article("toll", "b", "2070-03-08",
                "PRAGUE, March 8 (Danube Wire) - Talks between the Czech Republic and Slovakia on a barge toll "
                "collapsed in Vienna on Friday, when the Slovak delegation left. \"The Czech side came to Vienna to "
                "give orders,\" the Slovak minister said. The European Commission said no new date had been set."),
    ]), "CZE")
    assert [s for s, _ in history(board)] == ["ongoing", "collapsed"], history(board)


def test_the_maldives_capital_alone_is_its_government(coder):
    events = coder.code("COLOMBO, Feb 3 - Sri Lanka asked for the release of its fishermen on Monday. Male "
                        "rejected the request on Tuesday.", published="2070-02-04")
    rejected = [e for e in events if e.trigger.text == "rejected"]
    assert rejected and rejected[0].source.code == "MDVGOV", [(e.source.text, e.source.code) for e in rejected]
    assert coder.code("Male voters backed the reform.", published="2070-02-04") == [] or all(
        e.source.code != "MDVGOV" for e in coder.code("Male voters backed the reform.", published="2070-02-04"))


def test_dropping_charges_is_about_prisoners():
    from parley.negotiation.topics import default_topics

    topics = default_topics()
    assert topics.topic_of("the withdrawal of the charges against the crews") == "prisoners"
    assert topics.topic_of("demanded that the charges be dropped") == "prisoners"
    assert topics.topic_of("the withdrawal of the brigade from the valley") == "withdrawal"


def test_a_deal_that_leaves_people_behind_is_partial_and_leaves_them_open(boards_of):
    board = board_of(boards_of([
        article("sailors", "a", "2070-06-02",
                "SUVA, June 2 (Pacific Wire) - Fiji and Vanuatu opened talks in Suva on Monday on 30 Vanuatu "
                "sailors held since April, with the Red Cross acting as go-between."),
        article("sailors", "b", "2070-06-06",
                "PORT VILA, June 6 (Pacific Wire) - Fiji will free 18 of the 30 Vanuatu sailors it holds under an "
                "arrangement concluded in Suva on Thursday, officials said.\n\n"
                "The arrangement was signed by the two foreign ministers.\n\n"
                "The deal leaves 12 sailors behind. They are the captains and their mates, whom Fijian prosecutors "
                "accuse of repeat offences. Vanuatu still demands their release."),
    ]), "FJI")
    assert history(board)[-1][0] == "partial_agreement", history(board)
    assert "prisoners" in {g.topic for g in board.gaps}, [g.topic for g in board.gaps]


def test_where_the_delegations_had_been_meeting_is_history(coder):
    events = coder.code("NIAMEY, March 18 - Talks between Chad and Niger were put on hold after N'Djamena recalled "
                        "its delegation on Thursday. Algerian officials, who lent the villa where the delegations had "
                        "been meeting, said it remained available.", published="2070-03-18")
    meeting = [e for e in events if e.trigger.text == "meeting"]
    assert meeting and all(e.background for e in meeting), [(e.trigger.text, e.background) for e in events]


def test_a_joint_commission_that_resumed_its_work_is_the_two_sides_resuming(coder):
    events = coder.code("BISHKEK, June 5 - Kyrgyzstan and Kazakhstan signed a border treaty on Tuesday, one day after "
                        "the joint demarcation commission had resumed its work in Bishkek.", published="2070-06-05")
    resumed = [e for e in events if e.trigger.text == "resumed"]
    assert {e.source.code for e in resumed} == {"KGZ", "KAZ"}, [(e.source.text, e.source.code) for e in resumed]


def test_a_state_represented_by_its_minister_makes_the_offer(coder):
    events = coder.code("Greece, represented by Deputy Transport Minister Nikos Pappas, offered to reduce the charge "
                        "to 90 euros, according to a Greek statement.", published="2070-06-05")
    offered = [e for e in events if e.cameo.startswith("03")]
    assert offered and offered[0].source.code[:3] == "GRC", [(e.trigger.text, e.source.text) for e in events]


def test_the_chair_of_a_body_mediating_leaves_the_sides_their_talks(boards_of):
    board = board_of(boards_of([
        article("quota", "a", "2070-09-08",
                "BRUSSELS, Sept 8 (Euro Wire) - Officials from Serbia and Hungary met in Brussels on Monday for talks "
                "facilitated by the European Commission on a Hungarian quota on Serbian lorries. The Commission is "
                "facilitating the talks, with a senior official, Marta Nowak, chairing the sessions. Serbia demands "
                "that the quota be scrapped."),
        article("quota", "b", "2070-09-13",
                "BELGRADE, Sept 13 (Euro Wire) - Talks between Serbia and Hungary over a lorry quota broke down in "
                "Brussels on Friday without agreement, and no new date was set."),
    ]), "SRB")
    assert set(role_ids(board)["party"]) == {"SRB", "HUN"}, role_ids(board)
    assert [s for s, _ in history(board)] == ["ongoing", "collapsed"], history(board)


def test_a_summits_city_is_no_host_of_the_talks(boards_of):
    board = board_of(boards_of([
        article("canal", "a", "2070-04-18",
                "TASHKENT, April 18 (Asia Wire) - Kazakhstan and Uzbekistan opened border talks in Tashkent on "
                "Tuesday. Kazakhstan and Uzbekistan are due to meet again at a summit of Central Asian leaders in "
                "Ashgabat in July."),
    ]), "KAZ")
    assert "TKM" not in role_ids(board).get("host", []), role_ids(board)


def test_what_a_deal_left_out_is_still_open(boards_of):
    board = board_of(boards_of([
        article("lorries", "a", "2070-10-08",
                "BRUSSELS, Oct 8 (Euro Wire) - Officials from Serbia and Hungary opened talks in Brussels on Monday "
                "on a transit fee for Serbian lorries, facilitated by the European Commission."),
        article("lorries", "b", "2070-10-13",
                "BELGRADE, Oct 13 (Euro Wire) - Hungary will cut its transit fee for Serbian lorries under a deal "
                "struck in Brussels on Friday.\n\n"
                "The agreement was reached late on Friday on the fifth day of talks.\n\n"
                "The permits were left out. Hungary raised its offer from 9,000 to 11,000 a year, while Serbia "
                "lowered its demand, but neither would go further. The joint text says only that the two sides "
                "will keep talking about the annual permit quota."),
    ]), "SRB")
    assert history(board)[-1][0] == "partial_agreement", history(board)
    assert "trade" in {g.topic for g in board.gaps}, [g.topic for g in board.gaps]
