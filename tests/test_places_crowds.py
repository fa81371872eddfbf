"""Places the entity recogniser misses, parts of places, participle clauses placed with their sentence, a
day that beats a coarse frame, protests placed rather than aimed at a city, and one crowd told as several."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import FakeResult, make_event
from parley.coder import Coder
from parley.store import Store
from parley.store.clusters import same_crowd
from parley.types import ActorMention, Article, Location

PUBLISHED = dt.date(2026, 9, 17)   # a Thursday


def coded(coder: Coder, text: str):
    return coder.code_article(Article(id="t", text=text, published=PUBLISHED))


def first(coder: Coder, text: str, cameo_root: str):
    found = [e for e in coded(coder, text) if e.cameo.startswith(cameo_root)]
    assert found, [(e.cameo, e.trigger.text) for e in coded(coder, text)]
    return found[0]


@pytest.mark.parametrize("text, place", [
    ("Russian drones hit a fuel depot in Mykolaiv on Monday, the regional governor said.", "Mykolay"),
    ("Government troops shelled villages near Kadugli on Sunday, residents said.", "Kadugli"),
])
def test_a_town_the_recogniser_missed_places_its_clause(coder: Coder, text: str, place: str) -> None:
    event = first(coder, text, "19")
    assert event.location is not None and event.location.name.startswith(place)
    assert event.location.basis == "clause"


def test_a_capitalised_word_that_is_no_town_places_nothing(coder: Coder) -> None:
    for event in coded(coder, "The minister criticised the plan in Parliament on Tuesday."):
        assert event.location is None or event.location.basis not in ("clause", "sentence")


def test_the_outskirts_of_a_town_are_the_town(coder: Coder) -> None:
    event = first(coder, "Russian artillery struck a market on the outskirts of Kharkiv on Monday.", "19")
    assert event.location is not None and event.location.name == "Kharkiv"


def test_a_participle_clause_is_placed_with_its_sentence(coder: Coder) -> None:
    events = coded(coder, "Syrian jets bombed a bakery in Idlib on Wednesday, wounding nine civilians, "
                          "rescuers said.")
    wounding = [e for e in events if e.trigger.text == "wounding"]
    assert wounding and wounding[0].location is not None
    assert (wounding[0].location.name, wounding[0].location.basis) == ("Idlib", "sentence")


def test_a_day_beats_a_coarse_frame_of_the_same_clause(coder: Coder) -> None:
    event = first(coder, "Farmers marched through Lyon on Tuesday, in the biggest protest in France "
                         "this year.", "14")
    assert (event.date, event.date_precision) == ("2026-09-15", "day")


@pytest.mark.parametrize("text", [
    "Hundreds of nurses rallied in Lagos on Monday over unpaid wages.",
    "University students demonstrated in Dhaka on Tuesday.",
    "Thousands of farmers protested in Warsaw on Wednesday.",
])
def test_a_protest_in_a_city_is_placed_there_not_aimed_at_it(coder: Coder, text: str) -> None:
    event = first(coder, text, "14")
    assert event.target is None or event.target.code is None or event.target.code[3:] != "GOV"
    assert event.location is not None and event.location.basis == "clause"


def test_protesters_outside_an_embassy_target_its_state(coder: Coder) -> None:
    event = first(coder, "Thousands protested outside the Chinese embassy in Manila on Monday.", "14")
    assert event.target is not None and event.target.code is not None and event.target.code.startswith("CHN")


def test_crowd_sectors_of_one_country_name_one_crowd() -> None:
    assert same_crowd("SRBCVL", "SRBEDU") and same_crowd("CVL", "KENLAB")
    assert not same_crowd("SRBCVL", "HRVEDU")
    assert not same_crowd("SRBCVL", "SRBGOV")


BELGRADE = Location("Belgrade", "SRB", 44.804, 20.4651, "city", "clause")


def _protest(article_id: str, code: str, publisher: str) -> FakeResult:
    article = Article(id=article_id, text="A protest.", published=dt.date(2026, 4, 8), publisher=publisher)
    source = ActorMention("protesters", 0, 10, code, None, code[:3] if len(code) > 3 else None, code[-3:])
    event = make_event(event_id=f"{article_id}-0", article_id=article_id, source=source, target=None,
                       cameo="141", cameo_name="Demonstrate or rally", quad=3, goldstein=-6.5,
                       date="2026-04-08", location=BELGRADE)
    return FakeResult(article_id, article, [event], None)


def test_one_protest_told_with_different_crowds_is_one_event(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.write([_protest("a", "SRBCVL", "A"), _protest("b", "SRBEDU", "B"), _protest("c", "SRBLAB", "C")])
        assert sorted(c["n_mentions"] for c in store.clusters_table().to_pylist()) == [3]


def test_a_sector_given_its_country_by_the_story_is_placed_in_that_country(coder: Coder) -> None:
    text = ("Kenya's parliament met in Nairobi on Monday. Kenyan lawmakers debated the budget. "
            "Kenya's finance minister defended the tax plan.\n\nThe legislature rejected the proposal on Tuesday.")
    events = [e for e in coded(coder, text) if e.trigger.text == "rejected"]
    assert events, [(e.cameo, e.trigger.text) for e in coded(coder, text)]
    assert events[0].source.country == "KEN"
    assert events[0].location is not None and events[0].location.country == "KEN"
