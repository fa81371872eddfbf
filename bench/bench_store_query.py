"""Query and statistics speed over a store of one million synthetic events.

    python bench/bench_store_query.py [--events 1000000] [--mentions-per-cluster 2.5] [--rounds 5] [--keep DIR]

The store is filled directly through Arrow (no coder, no clustering step): synthetic articles, events,
event clusters and cluster mentions, inserted with `INSERT ... SELECT` from registered Arrow tables, in
a temporary DuckDB file. 40 actor codes, 20 CAMEO codes, 50 publishers, ten years of dates; each event
cluster has on average `--mentions-per-cluster` mentions sharing its actors and CAMEO root.

The store is then closed and opened again read-only with the default settings (memory limit 256MB), as
`parley stats` opens it, and each query is run `--rounds` times: the first (cold) time and the median
of the others are printed. Target: a monthly dyad series in under a second. Prints figures; asserts
nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from parley.store import Store, query_events, time_series, top_actors, top_dyads

ACTORS = [f"{country}{sector}" for country in ("SDN", "QAT", "EGY", "USA", "RUS", "UKR", "ISR", "PSE")
          for sector in ("GOV", "MIL", "REB", "OPP", "CVL")]
CAMEO = ["010", "020", "0211", "036", "042", "043", "051", "057", "061", "071", "111", "112", "120", "130",
         "138", "141", "173", "180", "190", "193"]
QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "11": 3, "12": 3, "13": 3, "14": 3,
        "17": 4, "18": 4, "19": 4}
GOLDSTEIN = {"010": 0.0, "020": 3.0, "0211": 3.4, "036": 4.0, "042": 1.9, "043": 2.8, "051": 3.4, "057": 8.0,
             "061": 6.4, "071": 7.4, "111": -2.0, "112": -2.0, "120": -4.0, "130": -4.4, "138": -7.0,
             "141": -6.5, "173": -5.0, "180": -9.0, "190": -10.0, "193": -10.0}
START = dt.date(2015, 1, 1)
DAYS = 3652


def strings(values: list[str], index: np.ndarray) -> pa.Array:
    """values[index] as an Arrow string array, built by `take` (fast for millions of rows)."""
    return pa.array(values, pa.string()).take(pa.array(index))


def dates(days: np.ndarray) -> pa.Array:
    """Days since 1970-01-01 as an Arrow date array."""
    return pa.array(days.astype("int32"), pa.date32())


def build(path: str, n_events: int, per_cluster: float, seed: int = 4) -> dict[str, int]:
    rng = np.random.default_rng(seed)
    n_clusters = max(1, int(n_events / per_cluster))
    n_articles = max(1, n_events // 4)
    base = (START - dt.date(1970, 1, 1)).days

    # Clusters: actors, code and date; every mention copies them.
    src = rng.integers(0, len(ACTORS), n_clusters)
    tgt = (src + rng.integers(1, len(ACTORS), n_clusters)) % len(ACTORS)
    code = rng.integers(0, len(CAMEO), n_clusters)
    day = rng.integers(0, DAYS, n_clusters) + base
    # Events: a cluster each (every cluster at least one mention), an article, a day of the window.
    cluster_of = np.concatenate([np.arange(n_clusters), rng.integers(0, n_clusters, n_events - n_clusters)])
    rng.shuffle(cluster_of)
    article_of = rng.integers(0, n_articles, n_events)
    event_day = day[cluster_of] + rng.integers(0, 2, n_events)
    publisher_of = rng.integers(0, 50, n_articles)
    publishers = [f"Outlet {i}" for i in range(50)]
    roots = [c[:2] for c in CAMEO]
    quads = [QUAD[r] for r in roots]
    golds = [GOLDSTEIN[c] for c in CAMEO]
    names = [f"Actor {a}" for a in ACTORS]

    article_ids = pa.array([f"a{i}" for i in range(n_articles)], pa.string())
    zeros = pa.array(np.zeros(n_articles, "int64"))
    articles = pa.table({
        "id": article_ids, "content_hash": article_ids, "publisher": strings(publishers, publisher_of),
        "published": dates(rng.integers(0, DAYS, n_articles) + base), "text": pa.array([""]).take(zeros),
        "status": pa.array(["coded"]).take(zeros), "n_events": pa.array(np.full(n_articles, 4, "int32")),
        "ingest_seq": pa.array(np.arange(1, n_articles + 1)),
        "coded_at": pa.array([dt.datetime(2025, 1, 1)]).take(zeros),
    })
    event_ids = pa.array([f"e{i}" for i in range(n_events)], pa.string())
    cluster_ids = pa.array([f"c{i:016x}" for i in range(n_clusters)], pa.string())
    hedged = rng.random(n_events) < 0.1
    code_e = code[cluster_of]
    events = pa.table({
        "event_id": event_ids, "article_id": article_ids.take(pa.array(article_of)),
        "sentence_index": pa.array(np.zeros(n_events, "int32")),
        "source_code": strings(ACTORS, src[cluster_of]), "source_name": strings(names, src[cluster_of]),
        "source_country": strings([a[:3] for a in ACTORS], src[cluster_of]),
        "target_code": strings(ACTORS, tgt[cluster_of]), "target_name": strings(names, tgt[cluster_of]),
        "target_country": strings([a[:3] for a in ACTORS], tgt[cluster_of]),
        "cameo": strings(CAMEO, code_e), "cameo_root": strings(roots, code_e),
        "plover": strings(["CONSULT"] * len(CAMEO), code_e),
        "quad": pa.array(np.array(quads, "int8")[code_e]), "goldstein": pa.array(np.array(golds)[code_e]),
        "negated": pa.array(rng.random(n_events) < 0.02), "date": dates(event_day),
        "hedged": pa.array(hedged), "quoted": pa.array(np.zeros(n_events, bool)),
        "event_json": pa.nulls(n_events, pa.string()).fill_null("{}"),
    })
    mentions = pa.table({
        "event_id": event_ids, "cluster_id": cluster_ids.take(pa.array(cluster_of)),
        "article_id": events.column("article_id"),
        "publisher": articles.column("publisher").take(pa.array(article_of)),
        "published": articles.column("published").take(pa.array(article_of)), "date": dates(event_day),
        "hedged": pa.array(hedged), "quoted": pa.array(np.zeros(n_events, bool)),
    })
    counts = np.bincount(cluster_of, minlength=n_clusters).astype("int32")
    negated = events.column("negated").to_numpy(zero_copy_only=False)
    cluster_negated = np.zeros(n_clusters, bool)
    cluster_negated[cluster_of[negated]] = True  # a synthetic simplification: any negated mention flags it
    clusters = pa.table({
        "cluster_id": cluster_ids, "source_code": strings(ACTORS, src), "target_code": strings(ACTORS, tgt),
        "cameo_root": strings(roots, code), "negated": pa.array(cluster_negated), "anchor_date": dates(day),
        "cameo": strings(CAMEO, code), "plover": strings(["CONSULT"] * len(CAMEO), code),
        "quad": pa.array(np.array(quads, "int8")[code]), "goldstein": pa.array(np.array(golds)[code]),
        "source_name": strings(names, src), "target_name": strings(names, tgt),
        "date_start": dates(day), "date_end": dates(day + 1), "first_reported": dates(day),
        "n_mentions": pa.array(counts), "n_articles": pa.array(counts), "n_sources": pa.array(counts),
        "n_hedged": pa.array(np.zeros(n_clusters, "int32")),
    })
    with Store.open(path, memory_limit="2GB") as store:
        for name, table in (("articles", articles), ("events", events), ("cluster_mentions", mentions),
                            ("event_clusters", clusters)):
            store.con.register("batch", table)
            cols = ", ".join(f'"{c}"' for c in table.column_names)
            store.con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM batch").fetchall()
            store.con.unregister("batch")
        store.con.execute("CHECKPOINT").fetchall()
    return {"articles": n_articles, "events": n_events, "clusters": n_clusters}


def timed(fn: Callable[[], Any], rounds: int) -> tuple[float, float, Any]:
    """(first run, median of the others, last result) in seconds."""
    times, result = [], None
    for _ in range(rounds):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    rest = times[1:] or times
    return times[0], statistics.median(rest), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--mentions-per-cluster", type=float, default=2.5)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", metavar="DIR", help="Build the store in DIR and keep it.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(args.keep or tmp, "bench-query.duckdb")
        if os.path.exists(path):
            os.remove(path)
        t = time.perf_counter()
        sizes = build(path, args.events, args.mentions_per_cluster)
        built = time.perf_counter() - t
        print(f"store: {sizes['events']:,} events, {sizes['clusters']:,} clusters, {sizes['articles']:,} articles; "
              f"built through Arrow in {built:.1f} s; file {Path(path).stat().st_size / 1e6:.0f} MB")
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; {args.rounds} rounds each, "
              "first (cold) / median of the rest")
        with Store.open(path, read_only=True) as store:
            queries: list[tuple[str, Callable[[], Any]]] = [
                ("dyad series, monthly, clusters", lambda: time_series(store, dyad=("SDNMIL", "SDNREB"),
                                                                       freq="month")),
                ("dyad series, monthly, mentions", lambda: time_series(store, dyad=("SDNMIL", "SDNREB"),
                                                                       freq="month", by_cluster=False)),
                ("dyad series by name, weekly", lambda: time_series(store, dyad=("actor sdnmil", "actor sdnreb"),
                                                                    freq="week")),
                ("actor series, monthly, clusters", lambda: time_series(store, actor="QATGOV", freq="month")),
                ("all events series, monthly", lambda: time_series(store, freq="month")),
                ("events: actor + cameo root + 1 year", lambda: query_events(
                    store, actor="QATGOV", cameo="19", date_from="2020-01-01", date_to="2020-12-31")),
                ("events: dyad + publisher + quad", lambda: query_events(
                    store, dyad=("SDNMIL", "SDNREB"), publisher="outlet 1", quad=4)),
                ("clusters: actor + cameo root + 1 year", lambda: query_events(
                    store, actor="QATGOV", cameo="19", date_from="2020-01-01", date_to="2020-12-31",
                    clusters=True)),
                ("top 10 actors", lambda: top_actors(store, 10)),
                ("top 10 dyads", lambda: top_dyads(store, 10)),
            ]
            for label, fn in queries:
                first, median, result = timed(fn, args.rounds)
                print(f"{label:40s} {first * 1000:8.1f} ms / {median * 1000:8.1f} ms   {result.num_rows:>6} rows")


if __name__ == "__main__":
    main()
