"""Walkouts, boycotts, late returns, signings and ends of talks in words the tracker learned in session 30 (from
story set 14's misses), in articles of our own with other names and words."""

from __future__ import annotations

import datetime as dt

import pytest

from newswire import article, history
from parley.dates import resolve_date
from parley.negotiation import load_topics
from parley.places import default_gazetteer
from parley.types import Article


def _opened(story: str) -> Article:
    return article(story, "a", "2031-03-04",
                    "LIMA, March 4 - Bolivia and Peru opened talks in Lima on Tuesday on sharing the waters of the "
                    "Desaguadero river, with Brazil acting as facilitator. Bolivia wants a larger share of the "
                    "flow and Peru offers a joint monitoring board.")



@pytest.mark.parametrize("walkout", [
    "Bolivia's delegation decamped from the river talks in Lima on Monday and flew home.",
    "Bolivia's negotiators marched out of the river talks on Monday.",
    "Bolivia's team stalked out of the talks with Peru on Monday.",
])
def test_a_walkout_in_other_words_suspends_the_talks(boards_of, walkout):
    text = f"LA PAZ, March 11 - {walkout} Officials in La Paz said the team would stay home for now."
    [board] = boards_of([_opened("river1"), article("river1", "b", "2031-03-11", text)])
    assert history(board) == [("ongoing", "2031-03-04"), ("suspended", "2031-03-10")]


@pytest.mark.parametrize("boycott", [
    "Bolivia shunned Monday's session of the river talks",
    "Bolivia's negotiators sat out Monday's session of the talks",
])
def test_a_side_staying_away_from_a_session_suspends_the_talks_on_its_day(boards_of, boycott):
    text = f"LA PAZ, March 12 - {boycott}, protesting at new Peruvian dredging on the river."
    [board] = boards_of([_opened("river2"), article("river2", "b", "2031-03-12", text)])
    assert history(board) == [("ongoing", "2031-03-04"), ("suspended", "2031-03-10")]


def test_a_return_told_as_background_in_the_next_report_resumes_the_talks(boards_of):
    b = article("river3", "b", "2031-03-11",
                 "LA PAZ, March 11 - Bolivia's negotiators walked out of the river talks in Lima on Monday.")
    c = article("river3", "c", "2031-03-28",
                 "LIMA, March 28 - Bolivia and Peru signed an accord on the Desaguadero on Friday sharing the "
                 "river's flow equally. Bolivia's negotiators walked back into the conference hall on Monday of "
                 "last week, a week after their walkout, once Peru had paused its dredging.")
    [board] = boards_of([_opened("river3"), b, c])
    assert history(board) == [("ongoing", "2031-03-04"), ("suspended", "2031-03-10"), ("ongoing", "2031-03-17"),
                               ("agreement", "2031-03-28")]


def test_a_team_flying_home_from_talks_abroad_is_no_return(boards_of):
    a = article("darf", "a", "2031-05-06",
                 "DOHA, May 6 - Sudan's government and the rebel Justice Front began talks in the Qatari capital "
                 "on Tuesday on opening food corridors into Darfur, with Qatar mediating.")
    b = article("darf", "b", "2031-05-13",
                 "KHARTOUM, May 13 - Sudan's government delegation sat out Monday's session of the Doha talks and "
                 "flew back to Khartoum after rebels shelled a supply depot.")
    [board] = boards_of([a, b])
    assert history(board) == [("ongoing", "2031-05-06"), ("suspended", "2031-05-12")]


@pytest.mark.parametrize("signed", [
    "Bolivia and Peru set their names on Friday to an accord sharing the river's flow equally.",
    "Bolivia and Peru ended their river dispute on Friday with an agreement sharing the flow equally.",
])
def test_signing_in_other_words_ends_the_talks_in_agreement(boards_of, signed):
    text = f"LIMA, March 21 - {signed}"
    [board] = boards_of([_opened("river4"), article("river4", "b", "2031-03-21", text)])
    assert history(board)[-1] == ("agreement", "2031-03-21")


def test_a_mediator_winding_up_the_talks_as_finished_ends_them(boards_of):
    text = ("BRASILIA, March 24 - Brazil wound up the river talks between Bolivia and Peru on Monday, declaring "
            "the process finished after neither side moved on the flow.")
    [board] = boards_of([_opened("river5"), article("river5", "b", "2031-03-25", text)])
    assert history(board)[-1] == ("collapsed", "2031-03-24")


def test_a_deal_of_a_separate_round_told_mid_sentence_joins_no_other_talks(boards_of):
    text = ("LIMA, March 12 - Bolivia and Peru held a second day of river talks on Wednesday. In Santiago, Peru "
            "and Chile agreed on Tuesday to extend their port fees arrangement, concluding a separate round of "
            "contacts hosted by Chile.")
    boards = boards_of([_opened("river6"), article("river6", "b", "2031-03-12", text)])
    river = next(b for b in boards if "BOL" in {r.actor.id for r in b.roles})
    assert "CHL" not in {r.actor.id for r in river.roles}


@pytest.mark.parametrize("after", [
    "The accord does not settle the quarrel that set off the talks. La Paz still wants a new electoral "
    "commission, which the government refuses.",
    "The five detained activists are not covered by the accord. Their release remains in dispute.",
])
def test_what_a_deal_does_not_cover_is_open_under_its_own_topic(boards_of, after):
    a = article("chaco", "a", "2031-06-02",
                 "ASUNCION, June 2 - Paraguay's government and the opposition began a dialogue on Monday under the "
                 "mediation of the bishops. The opposition wants a new electoral commission and the release of "
                 "five detained activists.")
    b = article("chaco", "b", "2031-06-20",
                 "ASUNCION, June 20 - Paraguay's government and the opposition signed an accord on Friday keeping "
                 f"the election date. {after.replace('La Paz', 'The opposition')}")
    [board] = boards_of([a, b])
    assert history(board)[-1][0] == "partial_agreement", board.state_history
    wanted = "governance" if "commission" in after else "prisoners"
    assert wanted in {g.topic for g in board.gaps}, board.gaps


def test_a_capital_named_by_its_country_is_a_place():
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("the Kenyan capital").name == "Nairobi"
    assert gazetteer.lookup("the Peruvian capital").name == "Lima"
    assert gazetteer.lookup("the Narnian capital") is None


def test_a_weekday_of_a_week_told_relatively():
    friday = dt.date(2031, 3, 28)
    assert resolve_date("Monday of last week", friday).date == dt.date(2031, 3, 17)
    assert resolve_date("Thursday of next week", friday).date == dt.date(2031, 4, 3)


def test_inspectors_alone_are_no_nuclear_issue():
    topics = load_topics()
    assert topics.topic_of("its own inspectors searching every aid convoy") == "humanitarian_aid"
    assert topics.topic_of("the return of IAEA inspectors to the sites") == "nuclear"
    assert topics.topic_of("access for inspectors") != "nuclear"


def test_a_deal_settles_every_issue_its_sentence_names_and_a_deferred_one_stays_open(boards_of):
    a = article("nile", "a", "2031-09-02",
                 "NAIROBI, Sept 2 - Kenya and Uganda opened talks in Nairobi on Tuesday on fishing rights around "
                 "Migingo. Kenya wants Uganda to drop a 60-dollar surcharge on Kenyan fish trucks, and Uganda wants "
                 "a written guarantee that Kenyan patrols will stay out of its waters.")
    b = article("nile", "b", "2031-09-19",
                 "NAIROBI, Sept 19 - Kenya and Uganda signed an interim accord on Friday under which Kenyan boats "
                 "may fish within two miles of Migingo, and Uganda will drop the surcharge on Kenyan fish trucks. "
                 "The two sides agreed only to take up Uganda's demand for a written guarantee at a second round "
                 "in October.")
    [board] = boards_of([a, b])
    assert history(board)[-1] == ("partial_agreement", "2031-09-19")
    assert {g.topic for g in board.gaps} == {"guarantees"}, board.gaps


def test_a_deal_of_other_talks_told_beside_them_changes_no_state(boards_of):
    a = article("geneva", "a", "2031-04-08",
                 "GENEVA, April 8 - Nepal's government and Madhesi rebels opened peace talks in Geneva on Tuesday, "
                 "facilitated by Switzerland. The rebels want an amnesty for their fighters. In Bern, four Swiss "
                 "parties concluded a coalition agreement on Monday after weeks of bargaining. In Kathmandu, the "
                 "government and the Himal Carriers Guild reached a deal on Tuesday raising the minimum wage of "
                 "drivers by 8 percent.")
    [board] = [b for b in boards_of([a]) if any(r.actor.id.endswith("REB") for r in b.roles)]
    assert history(board) == [("ongoing", "2031-04-08")]


def test_a_panel_walking_back_in_resumes_the_talks(boards_of):
    b = article("river7", "b", "2031-03-11",
                 "LA PAZ, March 11 - Bolivia suspended the river talks with Peru on Monday.")
    c = article("river7", "c", "2031-03-19",
                 "LIMA, March 19 - When the Bolivian government panel walked back into the conference hall on "
                 "Tuesday, it carried new figures on the flow.")
    [board] = boards_of([_opened("river7"), b, c])
    assert history(board) == [("ongoing", "2031-03-04"), ("suspended", "2031-03-10"), ("ongoing", "2031-03-18")]
