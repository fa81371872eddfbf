"""A body named again by the last word of its name, its officials in later reports, buildings that are no actors,
"its delegates" of a group named by a description, conditions told by inversion, halts that could happen, talks
named with their state, demands of terms "sought" (session 35, articles of our own with other names and words,
written after the fixes for story set 28)."""

from __future__ import annotations

import pytest

from newswire import article, board_of, history


def _events(coder, text: str, published: str = "2048-05-10"):
    return coder.code(text, published=published)


def _parties(board) -> set[str]:
    return {r.actor.id for r in board.roles if r.role == "party"}


def _mediators(board) -> set[str]:
    return {r.actor.id for r in board.roles if r.role == "mediator"}


def test_a_body_named_again_by_its_last_word_is_that_body(coder):
    events = _events(coder, "Envoys of the Arab League reached Tripoli on Sunday. The League said on Monday it "
                            "would send twenty observers to the port.")
    sent = [e for e in events if e.trigger.text == "send"]
    assert sent and sent[0].source.code == "IGOARL"


def test_an_official_of_a_body_named_by_its_last_word_belongs_to_it(coder):
    events = _events(coder, "Ethiopia and Eritrea opened talks on border trade in Djibouti on Monday, with the "
                            "African Union acting as go-between. Kwame Osei, a senior adviser in the Union's peace "
                            "and security department, is carrying messages between the two delegations.",
                     published="2048-05-03")
    carrying = [e for e in events if e.trigger.text == "carrying"]
    assert carrying and {e.source.code for e in carrying} == {"IGOAFU"}


def test_a_building_is_no_actor_whatever_its_modifiers_name(coder):
    events = _events(coder, "Ghana, which lent the capital's assembly hall for the talks, is not taking part.")
    assert not any(e.target is not None and e.target.code for e in events)


def test_its_delegates_after_a_group_named_by_a_description_are_that_group(coder):
    events = _events(coder, "LUSAKA, May 10 - Zambia's government and an alliance of opposition parties opened a "
                            "national dialogue in April. The alliance had walked out of the dialogue on May 2, after "
                            "police held two of its organisers. Its delegates ended their boycott on Monday.")
    ended = [e for e in events if e.trigger.text == "ended"]
    assert ended and ended[0].source.code == "ZMBOPP"


def test_a_condition_told_by_inversion_is_no_plan(coder):
    events = _events(coder, "Ghana's foreign ministry said Accra would stay open to both delegations should the two "
                            "governments wish to resume the talks.")
    resumed = [e for e in events if e.trigger.text == "resume"]
    assert resumed and all(e.modality == "hypothetical" for e in resumed)


def test_a_demand_for_a_ceiling_sought_is_a_demand(coder):
    events = _events(coder, "Chile is seeking a quota of 40,000 tonnes a year on Argentine beef, officials said.")
    assert any(e.cameo.startswith("10") and e.source.code == "CHL" for e in events)


def _beef(letter: str, published: str, text: str):
    return article("beef", letter, published, text)


def _au_talks(boards_of, official: str):
    a = _beef("a", "2048-05-05",
              "DJIBOUTI, May 5 - Ethiopia and Eritrea opened talks on border trade in Djibouti on Monday, with the "
              "African Union acting as go-between. Amina Wako, a senior adviser in the African Union's peace and "
              "security department, is carrying proposals between the two delegations. Ethiopia wants the "
              "crossing at Zalambessa reopened to lorries; Eritrea has offered to open it two days a week.")
    b = _beef("b", "2048-05-12",
              "ASMARA, May 12 - Eritrea recalled its delegation from the border trade talks with Ethiopia on "
              f"Friday, accusing Addis Ababa of leaking its proposals. {official}, said the door remained open. "
              "Wako would travel to Asmara and Addis Ababa next week, a spokesman in Nairobi said.")
    return board_of(boards_of([a, b]), "ETH", "ERI")


def test_an_official_named_in_another_report_keeps_her_body(boards_of):
    board = _au_talks(boards_of, "Amina Wako, the Union official who has been carrying proposals between the two "
                                 "sides")
    assert _parties(board) == {"ETH", "ERI"} and _mediators(board) == {"IGOAFU"}


@pytest.mark.xfail(strict=True, reason="with a reduced relative ('the Union official carrying proposals') the "
                                       "mention loses the name, and 'Union' alone reads as a labour union")
def test_an_official_named_in_another_report_keeps_her_body_in_a_reduced_relative(boards_of):
    board = _au_talks(boards_of, "Amina Wako, the Union official carrying proposals between the two sides")
    assert _parties(board) == {"ETH", "ERI"} and _mediators(board) == {"IGOAFU"}


def test_venue_offered_should_the_sides_wish_to_meet_makes_no_side(boards_of):
    a = _beef("a", "2048-09-08",
              "BRATISLAVA, Sept 8 - Hungary and Romania opened talks on a disputed water tariff in Bratislava on "
              "Monday. Slovakia, which lent the city's congress hall, is not taking part.")
    b = _beef("b", "2048-09-20",
              "BRATISLAVA, Sept 20 - The water tariff talks between Hungary and Romania collapsed on Friday. "
              "Slovakia's foreign ministry thanked both teams and said Bratislava would stay available should the "
              "two governments wish to meet again.")
    board = board_of(boards_of([a, b]), "HUN", "ROU")
    assert _parties(board) == {"HUN", "ROU"}


def test_a_halt_that_could_happen_changes_no_state(boards_of):
    a = _beef("a", "2048-10-06",
              "MASERU, Oct 6 - Lesotho's government and the textile workers' union opened wage talks on Monday. "
              "The union wants a 12 percent rise.")
    b = _beef("b", "2048-10-14",
              "MASERU, Oct 14 - Police arrested two shop stewards on Monday. If the strike spreads, the "
              "government could abandon the wage talks with the textile workers' union, analysts said.")
    board = board_of(boards_of([a, b]), "LSO", "LSOLAB")
    assert history(board) == [("ongoing", "2048-10-05")]


def test_talks_first_named_as_suspended_were_suspended(boards_of):
    a = _beef("a", "2048-11-09",
              "LA PAZ, Nov 9 - In the recently suspended talks between the Bolivian government and the opposition, "
              "brokered by Norway, water rights were never on the agenda, an adviser to the opposition said on "
              "Monday.")
    board = board_of(boards_of([a]), "BOL", "BOLOPP")
    assert [s for s, _ in history(board)] == ["ongoing", "suspended"]


def test_bare_sides_take_the_country_the_story_is_about_not_a_commenting_one(coder):
    events = _events(coder, "Peru's government and the opposition opened a dialogue in Lima in March. The US "
                            "embassy said it backed the dialogue, the United States offered observers and the United "
                            "States urged calm. Peru's foreign ministry welcomed the offer, and Peru's congress "
                            "debated it. Much now depends on the opposition's talks with the government.")
    talks = [e for e in events if e.trigger.text == "talks"]
    assert talks and all(e.source.code.startswith("PER") for e in talks)


def test_parties_put_off_to_a_second_phase_remain_a_governance_gap(boards_of):
    a = _beef("a", "2048-12-04",
              "N'DJAMENA, Dec 4 - Chad's government and the opposition coalition opened a dialogue on Monday. The "
              "coalition demands the release of 40 detainees.")
    b = _beef("b", "2048-12-18",
              "N'DJAMENA, Dec 18 - Chad's government and the opposition coalition signed a first-phase agreement on "
              "Monday freeing 40 detainees, but the question of whether banned parties may compete for power was "
              "put off to a second phase.")
    board = board_of(boards_of([a, b]), "TCD", "TCDOPP")
    assert {g.topic for g in board.gaps} == {"governance"}


# Second batch (written after the fixes for set 30).

def test_history_of_arbitration_makes_no_go_between_of_a_side(boards_of):
    a = _beef("a", "2049-03-03",
              "VIENNA, March 3 - Hungary and Slovakia opened talks in Vienna on Tuesday on the Danube dam dispute. "
              "Slovakia had walked out of an arbitration over the dam in 2046, and had withdrawn from the "
              "mediation of the European Court of Justice two years later.")
    board = board_of(boards_of([a]), "HUN", "SVK")
    assert _parties(board) == {"HUN", "SVK"} and "SVK" not in _mediators(board)


def test_a_schedule_agreed_is_no_deal(boards_of):
    a = _beef("a", "2049-04-07",
              "OSLO, April 7 - Norway and Russia opened talks on the Barents fishing zone on Monday, and the two "
              "delegations agreed a timetable of weekly sessions.")
    board = board_of(boards_of([a]), "NOR", "RUS")
    assert [s for s, _ in history(board)] == ["ongoing"]


@pytest.mark.xfail(strict=True, reason="'Niger's government and the Union of ...' is read as one phrase, and 'Union' "
                                       "makes it a labour union")
def test_a_movement_of_forces_in_a_rebel_story_is_an_armed_movement(coder):
    events = _events(coder, "NIAMEY, May 4 - Niger's government and the Union of Resistance Forces for the Air "
                            "opened peace talks on Monday. The rebels want an amnesty.", published="2049-05-04")
    opened = [e for e in events if e.trigger.text == "opened"]
    assert opened and {e.source.code for e in opened} == {"NER", "NERREB"}


def test_talks_resumed_then_collapsed_in_one_report_are_two_moves(boards_of):
    a = _beef("a", "2049-06-02",
              "CARACAS, June 2 - Venezuela's government and the opposition coalition opened a dialogue in "
              "Bridgetown on Tuesday.")
    b = _beef("b", "2049-06-12",
              "BRIDGETOWN, June 12 - The opposition coalition flew its negotiators home on Friday, accusing the "
              "government of arresting two of its mayors.")
    c = _beef("c", "2049-06-28",
              "BRIDGETOWN, June 28 - The dialogue between Venezuela's government and the opposition coalition "
              "ended in failure late on Saturday, when the coalition declared it dead. The coalition had left the "
              "talks once already, on June 11, and its negotiators took up their places again on June 20.")
    board = board_of(boards_of([a, b, c]), "VEN", "VENOPP")
    assert history(board) == [("ongoing", "2049-06-01"), ("suspended", "2049-06-11"), ("ongoing", "2049-06-20"),
                              ("collapsed", "2049-06-26")]


def test_issues_pushed_to_a_later_round_stay_open(boards_of):
    a = _beef("a", "2049-07-06",
              "DAKAR, July 6 - Guinea's government and the rebel Forest Front opened talks in Dakar on Monday. The "
              "rebels demand the withdrawal of troops from six villages.")
    b = _beef("b", "2049-07-20",
              "DAKAR, July 20 - Guinea's government and the Forest Front signed a ceasefire on Sunday but pushed "
              "the withdrawal of troops from the villages to a second round.")
    board = board_of(boards_of([a, b]), "GIN", "GINREB")
    assert "withdrawal" in {g.topic for g in board.gaps}


# Third batch (written after the return counted back from a signing).

def test_a_return_told_by_its_distance_from_the_signing_is_dated_by_it(boards_of):
    a = _beef("a", "2049-09-08",
              "LUSAKA, Sept 8 - Zambia's government and the miners' union opened wage talks in Lusaka on Tuesday.")
    b = _beef("b", "2049-09-14",
              "LUSAKA, Sept 14 - The miners' union walked out of the wage talks with the government on Monday.")
    c = _beef("c", "2049-09-27",
              "LUSAKA, Sept 27 - Zambia's government and the miners' union signed a wage agreement on Saturday. The "
              "union, whose negotiators had come back to the table six days before the signing, called it fair.")
    board = board_of(boards_of([a, b, c]), "ZMB", "ZMBLAB")
    assert history(board) == [("ongoing", "2049-09-07"), ("suspended", "2049-09-13"), ("ongoing", "2049-09-19"),
                              ("agreement", "2049-09-25")]
