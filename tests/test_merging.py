"""One event told by several outlets becomes one cluster; distinct events stay apart (articles of our own).

Each story is coded by the real coder and stored; the clusters are read back from the store.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parley.coder import Coder
from parley.store import Store, ingest, query_events
from parley.types import Article


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def stored(tmp_path: Path, coder: Coder, *articles: Article) -> Store:
    db = tmp_path / "news.duckdb"
    ingest(list(articles), db=db, coder=coder)
    return Store.open(db, read_only=True)


def news(article_id: str, text: str, published: dt.date, publisher: str) -> Article:
    return Article(id=article_id, text=text, published=published, publisher=publisher)


def clusters_of(store: Store, cameo: str) -> list[dict]:
    return query_events(store, cameo=cameo, clusters=True).to_pylist()


def test_an_air_strike_told_by_three_outlets_and_a_next_day_report_is_one_cluster(tmp_path, coder):
    store = stored(
        tmp_path, coder,
        news("wire-1", "Israeli warplanes struck a residential building in Khan Younis on Monday, killing at least "
             "12 people, Palestinian health officials said.", dt.date(2026, 2, 10), "Wire One"),
        news("paper-2", "Israel bombed Khan Younis on Monday in one of the deadliest raids in weeks, health "
             "officials in Gaza said.", dt.date(2026, 2, 10), "The Daily Paper"),
        news("radio-3", "The Israeli military carried out an air strike on Khan Younis, residents said. "
             "Rescue teams were still searching the rubble.", dt.date(2026, 2, 11), "Radio Three"),
    )
    with store:
        strikes = clusters_of(store, "19")
    assert len(strikes) == 1, strikes
    [cluster] = strikes
    assert (cluster["n_articles"], cluster["n_sources"]) == (3, 3) and cluster["n_mentions"] >= 3
    assert cluster["source_code"].startswith("ISR")


def test_a_meeting_told_from_both_sides_and_hosted_is_one_cluster(tmp_path, coder):
    store = stored(
        tmp_path, coder,
        news("ankara", "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on "
             "Friday to discuss grain shipments.", dt.date(2026, 3, 6), "Ankara Daily"),
        news("moscow", "Vladimir Putin met Recep Tayyip Erdogan in the Black Sea resort of Sochi on Friday, "
             "the Kremlin said.", dt.date(2026, 3, 6), "Moscow Herald"),
        news("weekly", "Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdogan in Sochi, "
             "where the two leaders discussed grain shipments.", dt.date(2026, 3, 7), "The Weekly"),
    )
    with store:
        meetings = clusters_of(store, "04")
    assert len(meetings) == 1, meetings
    assert meetings[0]["n_articles"] == 3


@pytest.mark.parametrize("second", [
    pytest.param(news("b", "Israeli warplanes struck a refugee camp in Nablus on Monday, medics said.",
                      dt.date(2026, 2, 10), "B"), id="a distant town the same day"),
    pytest.param(news("b", "Israeli warplanes struck a residential building in Khan Younis on Monday, medics said.",
                      dt.date(2026, 2, 24), "B"), id="two weeks later"),
    pytest.param(news("b", "Hamas demanded that Israel stop its strikes on Khan Younis.",
                      dt.date(2026, 2, 10), "B"), id="a demand, not a strike"),
])
def test_near_misses_stay_apart(tmp_path, coder, second):
    first = news("a", "Israeli warplanes struck a residential building in Khan Younis on Monday, killing at "
                 "least 12 people, officials said.", dt.date(2026, 2, 10), "A")
    store = stored(tmp_path, coder, first, second)
    with store:
        rows = query_events(store, cameo="19", modality="all").to_pylist()
    first_clusters = {r["cluster_id"] for r in rows if r["article_id"] == "a"}
    second_clusters = {r["cluster_id"] for r in rows if r["article_id"] == "b"}
    assert first_clusters and not first_clusters & second_clusters, rows


def test_a_demand_is_counted_as_a_demand_and_its_content_only_when_asked(tmp_path, coder):
    store = stored(tmp_path, coder, news(
        "d", "The opposition alliance demanded that the army release the detained protest leaders. The opposition "
        "alliance also called on the police to free the arrested students.", dt.date(2026, 4, 2), "D"))
    with store:
        factual = query_events(store).to_pylist()
        content = query_events(store, modality=("demanded", "requested")).to_pylist()
    assert {e["cameo"][:2] for e in factual} <= {"10", "02"} and factual
    assert all(e["carried_by"] in {f["event_id"] for f in factual} for e in content)
    assert {e["modality"] for e in content} == {"demanded", "requested"}
