"""Names with a civilian word inside, teams of bodies the lists lack, seats abandoned, a body's envoy known by his
nationality, numbered rounds that end as planned, a day beside a vaguer year, people left out of a deal, guards
named by a border, union activists (session 36, articles of our own with other names and words, written after the
fixes for story set 32)."""

from __future__ import annotations

from newswire import article, board_of, history


def _events(coder, text: str, published: str = "2051-09-20"):
    return coder.code(text, published=published)


def test_a_civilian_word_inside_a_name_sets_no_civilian_sector(coder):
    events = _events(coder, "Malawi's government and the opposition People's Reform Alliance resumed talks in "
                            "Lusaka on Tuesday.")
    sides = {e.source.code for e in events if e.cameo.startswith("04")}
    assert "MWICVL" not in sides and "CVL" not in sides


def test_negotiators_of_a_body_the_lists_lack_are_no_states(coder):
    events = _events(coder, "Zambia's government and the opposition Unity Reform Movement (URM) opened a dialogue "
                            "on Monday. On Wednesday, negotiators of the Unity Reform Movement walked out of the "
                            "dialogue.")
    out = [e for e in events if e.cameo == "164"]
    assert out and all(e.source.code != "ZMBGOV" for e in out)


def test_abandoning_ones_seats_at_the_dialogue_is_a_walkout(coder):
    events = _events(coder, "The opposition alliance abandoned its seats at the dialogue in Maseru on Thursday.")
    assert [e for e in events if e.cameo == "164" and e.trigger.text == "abandoned"]


def test_a_bodys_envoy_known_by_his_nationality_leaves_his_country_out(boards_of):
    a = article("mwi", "a", "2051-09-20",
                "LILONGWE, Sept 20 - Malawi's government and the opposition opened talks in Lilongwe on Monday under "
                "the auspices of the African Union. The talks are being steered by former Kenyan vice-president Peter "
                "Odhiambo, whom African Union leaders named as their facilitator in July.")
    board = board_of(boards_of([a]), "MWI", "MWIOPP")
    mediators = {r.actor.id for r in board.roles if r.role == "mediator"}
    assert "KEN" not in mediators and "IGOAFU" in mediators


def test_a_numbered_round_that_ended_with_a_final_push_ahead_is_no_suspension(boards_of):
    a = article("pea", "a", "2051-09-06", "LIMA, Sept 6 - Peru and Ecuador opened talks on fishing quotas in Lima "
                                          "on Monday.")
    b = article("pea", "b", "2051-09-20", "LIMA, Sept 20 - Peru and Ecuador narrowed their differences over the "
                                          "quotas at a third round of talks that ended on Friday, leaving a final "
                                          "push for early next month.")
    board = board_of(boards_of([a, b]), "PER", "ECU")
    assert [s for s, _ in history(board)] == ["ongoing"]


def test_a_day_the_verbs_own_on_gives_beats_a_year_hung_on_it(coder):
    events = _events(coder, "Chad and Sudan began talks in Doha on Tuesday on the return of soldiers seized in a "
                            "raid near Adre late last year.")
    began = [e for e in events if e.trigger.text == "began"]
    assert began and began[0].date == "2051-09-19" and not began[0].background


def test_people_a_deal_leaves_out_stay_a_gap(boards_of):
    a = article("sw", "a", "2051-09-06", "ADDIS ABABA, Sept 6 - Eritrea and Ethiopia opened talks on Monday on "
                                         "freeing fishermen and soldiers held since a clash in May.")
    b = article("sw", "b", "2051-09-20", "ADDIS ABABA, Sept 20 - Eritrea and Ethiopia agreed on Tuesday to free 80 "
                                         "detained fishermen in a first phase, but left the 12 Ethiopian border "
                                         "guards captured in May out of the deal.")
    board = board_of(boards_of([a, b]), "ERI", "ETH")
    assert "prisoners" in {g.topic for g in board.gaps}


def test_union_activists_are_labour(coder):
    events = _events(coder, "Chile's transport ministry broke off talks with the dockers' union on Friday after "
                            "union activists blocked the port of Valparaiso.")
    assert not [e for e in events if e.source.sector == "OPP" or e.target is not None and e.target.sector == "OPP"]


def test_a_group_named_in_its_own_language_and_negotiators_going_back_into_session(boards_of):
    a = article("sn", "a", "2051-09-05", "BOGOTA, Sept 5 - Colombia's government and the Sol Naciente guerrillas "
                                         "opened peace talks in Havana on Monday.")
    b = article("sn", "b", "2051-09-21", "HAVANA, Sept 21 - The Frente Sol Naciente froze its presence at the table on "
                                         "Saturday after an army raid. The guerrilla "
                                         "negotiators went back into session with the government delegation on "
                                         "Tuesday evening.")
    board = board_of(boards_of([a, b]), "COL", "COLREB")
    assert history(board) == [("ongoing", "2051-09-04"), ("suspended", "2051-09-16"), ("ongoing", "2051-09-19")]


def test_a_union_of_forces_is_an_armed_movement_and_a_union_of_mineworkers_labour(coder):
    events = _events(coder, "Chad's government and the rebel Union of Sahel Resistance Forces (USRF) opened talks "
                            "in Niamey on Monday. The USRF demanded the release of 40 fighters.")
    sides = {e.source.code for e in events if e.cameo.startswith(("04", "10"))}
    assert "TCDREB" in sides and not any(c and c.endswith("LAB") for c in sides)
    from parley.actors.kb import default_kb
    assert default_kb().resolve("the National Union of Mineworkers").sector == "LAB"


def test_separate_negotiations_with_a_third_state_join_no_board(boards_of):
    a = article("tk", "a", "2051-09-05", "APIA, Sept 5 - Tonga and Samoa opened talks on fishing licences in Apia on "
                                         "Monday.")
    b = article("tk", "b", "2051-09-21", "APIA, Sept 21 - Tonga and Samoa signed a fishing accord on Wednesday. The "
                                         "deal has no bearing on Tonga's separate negotiations with New Zealand over "
                                         "seasonal workers, which resumed in Wellington on Tuesday.")
    board = board_of(boards_of([a, b]), "TON", "WSM")
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"TON", "WSM"}


def test_what_a_deal_leaves_open_stops_at_the_clause_that_follows(boards_of):
    a = article("md", "a", "2051-09-05", "CHISINAU, Sept 5 - Moldova and the separatists opened talks on detainees "
                                         "in Chisinau on Monday.")
    b = article("md", "b", "2051-09-21", "CHISINAU, Sept 21 - Moldova and the separatists agreed on Wednesday to free "
                                         "nine detainees each, leaving the fate of 14 more people to later "
                                         "negotiations, after a third round of talks in Bender.")
    board = board_of(boards_of([a, b]), "MDA", "MDAREB")
    assert {g.topic for g in board.gaps} == {"prisoners"}
