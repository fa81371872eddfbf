"""One deal of a state with its armed opponents is a process; a walkout is dated by the day its team left; a final
accord settles what a first-phase deal left open; talks a side holds "separately" with others are not these; a
deal named only in a report's title is told at length; fellow go-betweens may negotiate with each other
(session 37, articles of our own, written after the changes that the corpus and set 34 asked for; first runs in
docs/negotiations.md)."""

from __future__ import annotations

import datetime as dt

from newswire import article, board_of, history
from parley.types import Article


def _parties(board) -> set[str]:
    return {r.actor.id for r in board.roles if r.role == "party"}


def test_one_reported_deal_of_an_army_with_a_rebel_army_is_a_process(boards_of):
    text = ("SITTWE, Myanmar, Jan 9 - The Arakan Army said on Tuesday it had reached an agreement with Myanmar's "
            "military government to reopen the coastal highway to food lorries. The armed group said the "
            "arrangement would let rice and medicine reach the townships of northern Rakhine. Fuel prices in "
            "Sittwe have tripled since November, traders said. A cyclone warning was issued for the coast.")
    boards = boards_of([article("mmr-highway", "a", "2048-01-09", text)])
    board = board_of(boards, "MMR", "MMRREB")
    assert board.process.status == "agreement"


def test_one_contract_of_a_government_with_a_company_is_no_process(boards_of):
    text = ("NAIROBI, Jan 9 - Kenya's energy ministry signed an agreement with a Chinese construction company on "
            "Tuesday to build a power line to the port of Lamu. The line will cost 140 million dollars, the "
            "ministry said. Work is due to start in March.")
    boards = boards_of([article("ken-power", "a", "2048-01-09", text)])
    assert not [b for b in boards if "KEN" in _parties(b)]


def test_a_walkout_told_without_a_day_is_dated_by_the_day_the_team_left(boards_of):
    first = ("KINGSTON, Jamaica, March 2 - Jamaica's government and the island's bauxite workers' union opened "
             "wage talks at the labour ministry on Monday, with the union demanding a 14 percent rise.")
    second = ("KINGSTON, Jamaica, March 9 - The bauxite workers' union has suspended its part in the wage talks "
              "with the government, union leaders said in a statement. Union president Desmond Clarke and his "
              "team left the ministry building late on Thursday after officials refused to go beyond a 6 percent "
              "rise. The union said its members would vote next week on a strike.")
    boards = boards_of([article("jam-bauxite", "a", "2048-03-03", first),
                        article("jam-bauxite", "b", "2048-03-09", second)])
    board = boards[0]
    assert ("suspended", "2048-03-05") in history(board)


def test_a_final_accord_settles_what_the_first_phase_left_open(boards_of):
    first = ("DAKAR, May 4 - Senegal's government and the rebel Movement of Democratic Forces of Casamance agreed "
             "on Thursday to a first-phase truce of 30 days, a deal that leaves the release of prisoners to a "
             "second round of talks in Bissau.")
    second = ("DAKAR, June 15 - Senegal's government and the Casamance rebels signed a comprehensive peace agreement "
              "in Bissau on Wednesday, closing every file their first deal had left aside. Church bells rang in "
              "Ziguinchor as the news spread.")
    boards = boards_of([article("sen-casamance", "a", "2048-05-05", first),
                        article("sen-casamance", "b", "2048-06-15", second)])
    board = boards[0]
    assert [s for s, _ in history(board)] == ["partial_agreement", "agreement"]
    assert not [g for g in board.gaps if g.kind == "left_open"]


def test_talks_a_side_holds_separately_with_lenders_are_no_turn_of_these(boards_of):
    first = ("ACCRA, Sept 3 - Ghana's government and the teachers' unions opened talks on Monday on a pay rise, "
             "with the unions demanding 20 percent.")
    second = ("ACCRA, Sept 10 - The teachers' unions walked out of the pay talks with Ghana's government on "
              "Friday, saying the 8 percent on offer was an insult. The government is also separately negotiating "
              "a longer repayment schedule with holders of its eurobonds, which finance ministry officials say "
              "limits what it can offer. Schools stayed open on Monday.")
    boards = boards_of([article("gha-teachers", "a", "2048-09-04", first),
                        article("gha-teachers", "b", "2048-09-10", second)])
    board = next(b for b in boards if "GHALAB" in _parties(b))
    assert [s for s, _ in history(board)] == ["ongoing", "suspended"]
    assert "IGOIMF" not in _parties(board)


_FLOOD_OF_NEWS = [
    "Fighting spread on Sunday to three more villages east of the river, residents said.",
    "Aid agencies said some 40,000 people had fled their homes in the past week.",
    "The main hospital in the provincial capital said it had run out of blood for transfusions.",
    "Schools across the province were closed until further notice.",
    "Prices of flour and cooking oil have doubled in the city's markets since the offensive began.",
    "The United Nations called for a humanitarian pause to let convoys reach the displaced.",
    "Several roads were cut by shelling, truck drivers said.",
    "The army said it had shot down two drones over the airport overnight.",
]


def _report(deal: str) -> str:
    return " ".join(["TALL AFAR, Iraq, Oct 6 - " + _FLOOD_OF_NEWS[0], deal, *_FLOOD_OF_NEWS[1:]])


def test_a_deal_in_one_sentence_of_a_long_report_is_a_process_when_the_title_names_it(boards_of):
    deal = "In a statement, the Kataib Hezbollah said it had reached an agreement with the Iraqi government."
    titled = Article("irq-deal-a", _report(deal), published=dt.date(2048, 10, 6), publisher="Test Wire",
                     title="Militia announces deal with Baghdad as fighting spreads")
    untitled = Article("irq-deal-b", _report(deal), published=dt.date(2048, 10, 6), publisher="Test Wire",
                       title="Fighting spreads east of the river")
    assert [b for b in boards_of([titled]) if {"IRQ", "IRQREB"} <= _parties(b)]
    assert not [b for b in boards_of([untitled]) if {"IRQ", "IRQREB"} <= _parties(b)]


def test_two_fellow_mediators_of_other_talks_may_negotiate_with_each_other(boards_of):
    mediated = ("CAIRO, Feb 2 - Egypt and Qatar have brokered a three-day truce between Israel and Hamas, "
                "officials of both mediating countries said on Monday. The truce took effect at dawn.")
    their_own = ("DOHA, March 9 - Egypt and Qatar opened talks in Doha on Sunday on a ten-year gas supply deal. "
                 "Egypt demanded a lower price for the first three years, Egyptian officials said. Qatar rejected "
                 "the demand on Monday but offered to defer a quarter of each payment.")
    boards = boards_of([article("egy-qat-gas", "a", "2048-02-03", mediated),
                        article("egy-qat-gas", "b", "2048-03-09", their_own)])
    board = board_of(boards, "EGY", "QAT")
    assert board.process.status == "ongoing"


def test_one_deal_of_a_government_with_its_farmers_is_a_process(boards_of):
    text = ("ASUNCION, April 14 - Paraguay's government and soybean farmers reached an agreement on Monday on the "
            "price of diesel, ending a week of road blockades, the agriculture ministry said. The accord caps the "
            "price at 7,900 guaranies a litre until December, the ministry said. Trucks were moving again on the "
            "road to Ciudad del Este by the evening.")
    boards = boards_of([article("pry-diesel", "a", "2048-04-14", text)])
    board = board_of(boards, "PRY", "PRYAGR")
    assert board.process.status == "agreement"


def test_the_place_a_negotiated_truce_holds_is_no_side_of_the_talks(coder):
    text = ("After negotiating a ceasefire in Chad last month, Gabon is now attempting to broker an aid deal, "
            "diplomats said on Tuesday.")
    events = coder.code(text, published=dt.date(2048, 5, 6))
    talks = [e for e in events if e.trigger.text == "negotiating"]
    assert talks and all(e.target is None or e.target.code != "TCD" for e in talks)


def test_the_trackers_deal_words_hold_the_coders():
    from parley.coding.syntax import DEAL_NOUNS
    from parley.negotiation.tracker import _DEAL_TRIGGERS

    assert DEAL_NOUNS <= _DEAL_TRIGGERS
