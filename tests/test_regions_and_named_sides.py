"""People of many countries take no one country's code ("African leaders", "seven member states"), and a side the
board can only call by its sector shows the people it is (session 38; tests of our own, written before the change)."""

from __future__ import annotations

from newswire import article


def _source(events, words: str):
    [event] = [e for e in events if e.source.text == words][:1] or [None]
    assert event is not None, [(e.source.text, e.source.code) for e in events]
    return event.source


def test_leaders_of_a_region_are_no_one_country(coder):
    text = ("NAIROBI, May 4 - Kenya's president signed the regional customs pact on Sunday at a summit in Mombasa. "
            "East African leaders have negotiated the pact for six years, the bloc's secretariat said. Nine member "
            "states had bid to host its court.")
    events = coder.code(text, published="2044-05-04")
    leaders = _source(events, "East African leaders")
    assert leaders.country is None and not (leaders.code or "").startswith("KEN")
    states = _source(events, "Nine member states")
    assert states.country is None


def test_a_country_named_in_the_mention_still_counts(coder):
    events = coder.code("NAIROBI, May 4 - Kenyan leaders met the opposition on Sunday.", published="2044-05-04")
    assert _source(events, "Kenyan leaders").country == "KEN"


_SURRENDER = [
    article("mex-surrender", "a", "2045-09-14",
            "MEXICO CITY, Sept 14 - One of Mexico's most wanted traffickers, Ernesto Salgado Rivas, has opened "
            "negotiations with US prosecutors on his surrender, his lawyer said on Monday. The talks, held in "
            "Houston, began last month. Salgado wants his sentence capped at 15 years, the lawyer said."),
    article("mex-surrender", "b", "2045-10-02",
            "MEXICO CITY, Oct 2 - The trafficker Ernesto Salgado Rivas and US prosecutors reached a deal on "
            "Thursday under which he will surrender in Texas next week, his lawyer told reporters."),
]


def test_a_side_known_only_by_its_sector_is_shown_with_the_people_it_is(boards_of):
    boards = boards_of(_SURRENDER)
    names = [r.actor.name for b in boards for r in b.roles if r.role == "party"]
    assert any("Ernesto Salgado Rivas" in n for n in names), names
