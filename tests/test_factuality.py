"""What the text asserts: the content of demands, appeals, offers, threats and refusals, conditions, and
background history are coded with what they are, and only factual events count by default (sentences of
our own)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parley.coder import Coder
from parley.store import Store, ingest, query_events, time_series
from parley.types import Article, Event, is_factual

PUBLISHED = dt.date(2026, 5, 14)   # a Thursday


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code(text, published=PUBLISHED)


def content(events: list[Event]) -> list[Event]:
    return [e for e in events if e.carried_by is not None]


def carrier_of(event: Event, events: list[Event]) -> Event:
    [carrier] = [e for e in events if e.event_id == event.carried_by]
    return carrier


# ---------------------------------------------------------------- content of another act


@pytest.mark.parametrize(("text", "modality", "doer", "carrier_root"), [
    ("The union demanded that the port authority reinstate the sacked dockers.", "demanded", "the port authority",
     "10"),
    ("Lawmakers in Nairobi want the interior ministry to free the detained activists.", "demanded",
     "the interior ministry", "10"),
    ("The African Union urged Ethiopia to pull its soldiers out of the disputed border region.", "requested",
     "Ethiopia", "02"),
    ("Norway called on the junta to release the jailed journalists.", "requested", "the junta", "02"),
    ("Egypt offered to mediate between the two sides.", "offered", "Egypt", "03"),
    ("The rebels threatened to attack the airport.", "threatened", "The rebels", "13"),
    ("The militia refused to hand over the captured soldiers.", "refused", "The militia", "12"),
    ("The defence minister said the guerrillas must lay down their weapons.", "demanded", "the guerrillas", "10"),
])
def test_what_is_asked_offered_threatened_or_refused_is_not_a_fact(coder, text, modality, doer, carrier_root):
    events = code(coder, text)
    asked = content(events)
    assert [(e.modality, e.source.text) for e in asked] == [(modality, doer)], events
    [event] = asked
    assert not event.factual and not is_factual(event.modality, event.negated, event.cameo)
    carrier = carrier_of(event, events)
    assert carrier.factual and carrier.cameo[:2] == carrier_root and carrier.carried_by is None


def test_a_demand_keeps_the_demanded_act_s_own_code(coder):
    events = code(coder, "Protest leaders demanded that the police release the arrested students.")
    [asked] = content(events)
    assert (asked.cameo, asked.source.text, asked.modality) == ("0841", "the police", "demanded")
    assert carrier_of(asked, events).cameo == "1053"


def test_a_condition_is_coded_and_linked_to_what_it_conditions(coder):
    events = code(coder, "The rebels will sign the peace deal only if the army withdraws from the capital.")
    [condition] = [e for e in events if e.modality == "conditional"]
    assert condition.source.text == "the army" and not condition.factual
    assert carrier_of(condition, events).trigger.text == "sign"


def test_a_condition_of_no_coded_act_gives_no_event(coder):
    assert not [e for e in code(coder, "If the rains fail again, the government will ration water.")
                if e.modality == "conditional"]


def test_refusing_to_comment_has_no_content(coder):
    events = code(coder, "The embassy declined to comment on the expulsions.")
    assert not content(events)


def test_plain_acts_and_stated_intentions_are_factual(coder):
    [attack] = code(coder, "Rebels attacked an army base near Goma on Tuesday.")
    assert attack.factual and attack.modality is None
    [intent] = code(coder, "Kenya pledged to send aid to Somalia.")[:1]
    assert intent.cameo.startswith("03") and intent.factual   # an expression of intent that was made


# ---------------------------------------------------------------- background


@pytest.mark.parametrize("text", [
    "In 2019, Sudanese troops stormed the protest camp in Khartoum.",
    "Last year the two governments signed a border treaty.",
    "The envoy had walked out of the talks after the rebels rejected the truce.",
    "On 3 March 2021, police arrested the opposition leader.",
])
def test_history_told_in_a_later_report_is_background(coder, text):
    events = code(coder, text)
    assert events and events[0].background, events


@pytest.mark.parametrize("text", [
    "Police arrested the opposition leader on Monday.",
    "The ministry said the army had withdrawn from the town.",   # reported speech: news, not history
    "The rebels attacked a convoy near Gao.",
])
def test_news_is_not_background(coder, text):
    events = code(coder, text)
    assert events and not any(e.background for e in events), events


def test_background_keeps_its_own_date(coder):
    [event] = code(coder, "In 2019, Sudanese troops stormed the protest camp in Khartoum.")
    assert (event.date, event.date_precision, event.background) == ("2019-01-01", "year", True)


# ---------------------------------------------------------------- counting


def test_statistics_count_only_what_happened_unless_asked(tmp_path: Path, coder: Coder):
    db = tmp_path / "news.duckdb"
    ingest([
        Article("a", "The rebels demanded that the government free 50 prisoners. Government troops shelled "
                "the rebels' positions near Kidal on Tuesday.", published=PUBLISHED, publisher="A"),
        Article("b", "In 2012, the rebels seized Kidal.", published=PUBLISHED, publisher="B"),
    ], db=db, coder=coder)
    with Store.open(db, read_only=True) as store:
        default = query_events(store).to_pylist()
        everything = query_events(store, modality="all", background=None).to_pylist()
        demanded = query_events(store, modality="demanded").to_pylist()
        history = query_events(store, background=True).to_pylist()
        series = time_series(store, freq="year").to_pylist()
    assert all(e["factual"] and not e["background"] for e in default)
    assert {e["cameo"] for e in demanded} == {"0841"} and all(e["carried_by"] for e in demanded)
    assert [e["article_id"] for e in history] == ["b"]
    assert len(everything) == len(default) + len(demanded) + len(history)
    assert [row["period"].year for row in series] == [2026]   # 2012 is history, not news of 2012


def test_a_daily_series_leaves_out_month_dated_events_and_covers_the_range(tmp_path: Path, coder: Coder):
    db = tmp_path / "news.duckdb"
    ingest([
        Article("a", "Troops shelled Kidal on Tuesday.", published=PUBLISHED, publisher="A"),
        Article("b", "Earlier in May, troops shelled Gao.", published=PUBLISHED, publisher="B"),
    ], db=db, coder=coder)
    with Store.open(db, read_only=True) as store:
        daily = time_series(store, freq="day", date_from="2026-05-01", date_to="2026-05-31").to_pylist()
        monthly = time_series(store, freq="month").to_pylist()
    assert len(daily) == 31 and sum(r["events"] for r in daily) == 1
    assert [(r["period"], r["events"]) for r in daily if r["events"]] == [(dt.date(2026, 5, 12), 1)]
    assert sum(r["events"] for r in monthly) == 2


def test_wanting_something_undone_is_a_demand_of_it(coder):
    events = code(coder, "The farmers' union wants the new export tax on coffee scrapped.")
    wanted = [e for e in events if e.modality == "demanded"]
    assert wanted and all(carrier_of(e, events).cameo.startswith("10") for e in wanted), events


@pytest.mark.parametrize("text, background", [
    ("Talks resumed in Doha on Monday, almost two weeks after the rebels recalled their negotiators.", True),
    ("Talks resumed in Doha on Monday, three months after the rebels recalled their negotiators.", True),
    ("Talks resumed in Doha on Monday, a day after the rebels recalled their negotiators.", False),
])
def test_an_act_weeks_before_the_one_it_dates_is_background(coder, text, background):
    events = [e for e in coder.code(text, published=dt.date(2026, 3, 3)) if e.trigger.text == "recalled"]
    assert events and events[0].background is background
