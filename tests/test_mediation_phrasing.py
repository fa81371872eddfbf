"""Go-betweens of indirect talks and participles that name who brokered or facilitated talks."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.coder import Coder
from parley.types import Article

PUBLISHED = dt.date(2026, 6, 10)


def coded(coder: Coder, text: str):
    return coder.code_article(Article(id="m", text=text, published=PUBLISHED))


def mediations(coder: Coder, text: str) -> set[tuple[str | None, str | None]]:
    return {(e.source.code, e.target.code if e.target else None) for e in coded(coder, text) if e.cameo == "045"}


@pytest.mark.parametrize("text, mediator, sides", [
    ("Sudan and South Sudan held indirect talks in Addis Ababa on Monday, with an Ethiopian envoy carrying "
     "proposals between the two delegations.", "ETH", {"SDN", "SSD"}),
    ("A Swiss diplomat relayed messages between Armenia and Azerbaijan throughout the week.", "CHE", {"ARM", "AZE"}),
    ("Kuwaiti officials shuttled between Riyadh and Tehran last month.", "KWT", None),
])
def test_a_go_between_mediates(coder: Coder, text: str, mediator: str, sides: set[str] | None) -> None:
    found = mediations(coder, text)
    assert any((source or "").startswith(mediator) for source, _ in found), found
    if sides is not None:
        assert {(target or "")[:3] for _, target in found} == sides


@pytest.mark.parametrize("text, mediator", [
    ("Colombia and the ELN opened a fresh round of talks in Havana on Tuesday, hosted by Cuba and facilitated "
     "by Norway.", "NOR"),
    ("Israel and Hamas resumed negotiations in Cairo on Sunday, brokered by Egypt.", "EGY"),
])
def test_a_participle_after_talks_names_their_mediator(coder: Coder, text: str, mediator: str) -> None:
    found = mediations(coder, text)
    assert any(source == mediator for source, _ in found), found
    assert all(target is not None and not target.startswith(mediator) for source, target in found)


def test_the_host_of_talks_is_neither_party_nor_mediator(coder: Coder) -> None:
    events = coded(coder, "Peru and Ecuador resumed border talks in Brasilia on Monday, hosted by Brazil.")
    assert not any(e.source.code == "BRA" and e.cameo in ("045", "040", "046") for e in events)


def test_a_participle_after_an_attack_is_no_mediation(coder: Coder) -> None:
    assert mediations(coder, "Rebels attacked the garrison on Monday, backed by mercenaries.") == set()


@pytest.mark.parametrize("text", [
    "The Bolivian government and the opposition opened talks in Lima on Monday, facilitated by the Vatican.",
    # the parser reads this as two subjects with the "and" left on the first (a repair joins them)
    "Bolivia's government and the opposition opened talks in Lima on Monday, facilitated by the Vatican.",
])
def test_an_opposition_keeps_its_country_in_every_act_of_the_clause(coder: Coder, text: str) -> None:
    events = coded(coder, text)
    opposition = {e.target.code for e in events if e.cameo == "045" and e.target and e.target.code
                  and e.target.code.endswith("OPP")}
    assert opposition <= {"BOLOPP"}


@pytest.mark.parametrize("text, mediator, sides", [
    ("Peru and Ecuador opened border talks in Lima on Tuesday, with Brazil as facilitator.", "BRA",
     {"PER", "ECU"}),
    ("Serbia and Kosovo held talks in Brussels with the European Union as mediator.", "IGOEEC", {"SRB", "XKX"}),
])
def test_with_someone_as_mediator(coder: Coder, text: str, mediator: str, sides: set[str]) -> None:
    events = coded(coder, text)
    found = {(e.source.code, (e.target.code or "")[:3]) for e in events if e.cameo == "045"}
    assert {source for source, _ in found} == {mediator}, found
    assert {target for _, target in found} == sides
    # the talks are between the sides, not with the go-between
    assert not any(e.cameo.startswith("04") and e.cameo != "045" and e.target is not None
                   and e.target.code == mediator for e in events)


def test_a_trades_union_congress_is_labour(coder: Coder) -> None:
    events = coded(coder, "Nigeria's government and the Trades Union Congress opened talks on Monday on the "
                          "minimum wage.")
    assert any((e.target.code if e.target else "") == "NGALAB" for e in events), \
        [(e.source.code, e.target.code if e.target else None) for e in events]


def test_an_abbreviation_the_article_defines_names_the_same_actor(coder: Coder) -> None:
    events = coded(coder, "Zambia's government and the Zambia Congress of Trade Unions (ZCTU) began talks on "
                          "Monday. The ZCTU rejected the first offer on Tuesday.")
    rejecting = [e for e in events if e.trigger.text == "rejected"]
    assert rejecting and rejecting[0].source.code == "ZMBLAB"


@pytest.mark.parametrize("text", [
    "Greek and Turkish negotiators reconvened in Geneva on Thursday.",
    "Talks between Greece and Turkey resumed in Geneva on Thursday.",
])
def test_talks_that_start_again(boards_of, text: str) -> None:
    articles = [Article(id="g1", text="Greece and Turkey opened talks in Geneva on Monday on maritime borders.",
                        published=dt.date(2026, 6, 2), publisher="Wire"),
                Article(id="g2", text="Greece suspended the talks with Turkey on Tuesday.",
                        published=dt.date(2026, 6, 3), publisher="Wire"),
                Article(id="g3", text=text, published=dt.date(2026, 6, 12), publisher="Wire")]
    (board,) = boards_of(articles)
    assert [s.status for s in board.state_history] == ["ongoing", "suspended", "ongoing"]


def test_under_the_auspices_of_a_body_is_its_mediation(coder: Coder) -> None:
    found = mediations(coder, "Somalia and Somaliland opened talks in Djibouti on Monday under the auspices of "
                              "the African Union.")
    assert {source for source, _ in found} == {"IGOAFU"}, found
    assert {(target or "")[:3] for _, target in found} <= {"SOM", ""}


def test_talks_that_ended_without_agreement_collapsed(boards_of) -> None:
    articles = [Article(id="k1", text="Kosovo and Serbia opened talks in Brussels on Monday on energy.",
                        published=dt.date(2026, 6, 2), publisher="Wire"),
                Article(id="k2", text="Talks between Kosovo and Serbia ended without agreement on Friday, and the "
                                      "Serbian negotiator declared the process dead.",
                        published=dt.date(2026, 6, 6), publisher="Wire")]
    (board,) = boards_of(articles)
    assert [s.status for s in board.state_history] == ["ongoing", "collapsed"]


@pytest.mark.parametrize("text", [
    "Talks between Peru and Chile resumed in Lima on Monday. The talks were put on hold on Friday.",
    "The Peru-Chile border talks were suspended on Friday.",
])
def test_talks_halted_without_an_agent_are_halted_by_their_sides(coder: Coder, text: str) -> None:
    halts = {(e.source.code, e.target.code if e.target else None) for e in coded(coder, text) if e.cameo == "164"}
    assert halts == {("PER", "CHL"), ("CHL", "PER")}, halts


def test_walking_out_of_talks_with_someone_halts_the_talks_with_them(coder: Coder) -> None:
    events = coded(coder, "Opposition leaders walked out of budget talks with the Malawian government on "
                          "Thursday after officials refused to cut fuel taxes.")
    halts = [e for e in events if e.cameo == "164"]
    assert halts and halts[0].target is not None and halts[0].target.code == "MWIGOV", \
        [(e.source.code, e.target.code if e.target else None) for e in halts]


def test_talks_that_resumed_are_a_resumption(coder: Coder) -> None:
    events = coded(coder, "Talks between Armenia and Azerbaijan resumed in Vienna on Friday.")
    assert any(e.trigger.text == "resumed" and e.cameo.startswith("04") for e in events)


def test_a_round_that_ended_with_the_next_one_set_is_no_halt(boards_of) -> None:
    articles = [Article(id="r1", text="Chile and Bolivia opened talks in Santiago on Monday on water rights.",
                        published=dt.date(2026, 6, 2), publisher="Wire"),
                Article(id="r2", text="Talks between Chile and Bolivia ended in Santiago on Wednesday, and both "
                                      "sides agreed to meet again in La Paz next month.",
                        published=dt.date(2026, 6, 4), publisher="Wire")]
    (board,) = boards_of(articles)
    assert [s.status for s in board.state_history] == ["ongoing"]
