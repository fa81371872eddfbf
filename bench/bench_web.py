"""Latency of the web dashboard and REST API (`parley serve`) over a store of one million events.

    python bench/bench_web.py [--store /tmp/bench_web.duckdb] [--rebuild] [--reps 5] [--ingest-seconds 30]

The store is SYNTHETIC: no article was coded. It is built once (and kept at `--store`; `--rebuild`
builds it again) straight through Arrow into the tables, with the column types `Store.write` uses:

- 150,000 articles from 50 outlets (a few large, many small) over three years (2023-2025), more of
  them lately, each with a text made of one sentence per event, so report pages can mark the spans;
- 1,000,000 events (mentions) in about 400,000 event clusters (2.5 mentions on average, geometric:
  most events reported once, some many times), a cluster's mentions in articles of its day or the
  next, sharing its actors, CAMEO root, negation and factuality; 200 actor codes (40 countries times
  5 sectors, a few actors far busier than the rest), CAMEO codes of every root with the ontology's
  name, quad class, Goldstein weight and PLOVER type; a place with coordinates for half of them;
  2% negated, 10% with a modality, 4% background, 3% not relevant, 8% hedged, 20% with a speaker;
- `event_json` built from the columns in the shape of `Event.to_dict()`; `cluster_mentions` and the
  clusters' counts and representative codes written by the store's own clustering steps
  (`Store._save_assignment`, `Store._refresh_clusters`), so they are what an ingest would write.
  The build then checks a sample: each event read back with `event_from_dict` gives the same row
  through the store's own row builder, and `Store.check()` finds no problem.

The app (`parley.web.create_app`) is served over real HTTP by uvicorn on 127.0.0.1 in a thread of
this process, as `parley serve` serves it (the store opened for writing, DuckDB memory limit 2GB);
requests go one at a time through one keep-alive connection (httpx). Every call is made with six
filters (none, an actor, a country, a CAMEO root, one month, a dyad), `--reps` times each; the
table shows p50, p95 and max per call over all of them, in milliseconds, and the slowest filter.
Then the main calls again while a thread hands batches of synthetic coded articles to the server's
inbox and the server merges them (every second): latency under that load, and how long merges took.
Before serving, the same library calls the API makes are timed on the store opened read-only (no
HTTP, no JSON): the query part of each call.

Targets: p95 < 300 ms for filtered event pages (/api/v1/clusters, /api/v1/events, /events) and for
time series (/api/v1/series). Prints figures; asserts nothing; not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from parley.actors.countries import capital_of, country_name
from parley.ontology import ontology
from parley.places import default_gazetteer
from parley.store import Store
from parley.store.clusters import Assignment, Cluster, cluster_id_for
from parley.store.store import _ARTICLE_SCHEMA, _EVENT_SCHEMA, _event_row
from parley.types import MODALITIES, SCHEMA_VERSION, is_factual

START = dt.date(2023, 1, 1)
DAYS = (dt.date(2025, 12, 31) - START).days + 1
EPOCH = (START - dt.date(1970, 1, 1)).days
COUNTRIES = ("SDN", "SSD", "TCD", "EGY", "ETH", "ERI", "SOM", "KEN", "LBY", "QAT", "SAU", "ARE", "IRN", "IRQ",
             "SYR", "ISR", "PSE", "LBN", "JOR", "TUR", "RUS", "UKR", "BLR", "POL", "DEU", "FRA", "GBR", "USA",
             "CHN", "IND", "PAK", "AFG", "MMR", "PRK", "KOR", "JPN", "VEN", "COL", "MEX", "NGA")
SECTORS = (("GOV", "government", 0.35), ("MIL", "military", 0.25), ("REB", "rebels", 0.12),
           ("OPP", "opposition", 0.10), ("CVL", "protesters", 0.18))
# How often each CAMEO root is coded (roughly the shape of news event data: statements, consultations,
# cooperation, and fights far more than sanctions or mass violence).
ROOTS = {"01": 12, "02": 5, "03": 6, "04": 13, "05": 6, "06": 3, "07": 3, "08": 3, "09": 2, "10": 3, "11": 8,
         "12": 4, "13": 4, "14": 4, "15": 2, "16": 2, "17": 6, "18": 7, "19": 8, "20": 1}
TRIGGERS = {"01": "said", "02": "appealed to", "03": "pledged to", "04": "met", "05": "praised",
            "06": "cooperated with", "07": "sent aid to", "08": "released", "09": "investigated", "10": "demanded from",
            "11": "criticized", "12": "rejected", "13": "threatened", "14": "protested against",
            "15": "mobilized against", "16": "cut ties with", "17": "arrested", "18": "attacked",
            "19": "shelled", "20": "massacred"}
PLACE_BASES = ("clause", "sentence", "occasion", "paragraph", "dateline", "article", "country")
OUTLET_WORDS = ("Courier", "Herald", "Post", "Times", "Wire", "Monitor", "Tribune", "Gazette", "Observer", "Daily")
CITIES = ("Cairo", "Nairobi", "Doha", "Beirut", "Kyiv", "Delhi", "Lagos", "Bogota", "Ankara", "Berlin")


@dataclass(frozen=True)
class World:
    """The synthetic vocabulary: actors, CAMEO codes, places and outlets."""

    actor_code: list[str]
    actor_name: list[str]
    actor_country: list[str]
    actor_sector: list[str]
    actor_p: np.ndarray
    codes: list[Any]                       # parley.ontology.CameoCode, codes of 3 or 4 digits
    by_root: dict[str, list[int]]          # root -> indexes into codes
    place_name: list[str]
    place_country: list[str]
    place_lat: list[float]
    place_lon: list[float]
    place_of_country: dict[int, int] = field(default_factory=dict)  # country index -> place index
    outlets: list[str] = field(default_factory=list)
    outlet_p: np.ndarray = field(default_factory=lambda: np.ones(1))


def world() -> World:
    gazetteer = default_gazetteer()
    code, name, country, sector, p = [], [], [], [], []
    for rank, iso3 in enumerate(COUNTRIES):
        cname = country_name(iso3)
        assert cname is not None, iso3
        for sec, word, share in SECTORS:
            code.append(f"{iso3}{sec}")
            name.append(f"{cname} {word}")
            country.append(iso3)
            sector.append(sec)
            p.append(share / (rank + 1) ** 0.9)
    codes = [c for c in ontology() if len(c.code) >= 3]
    by_root: dict[str, list[int]] = {}
    for i, c in enumerate(codes):
        by_root.setdefault(c.root, []).append(i)
    places: list[Any] = []
    of_country = {}
    for i, iso3 in enumerate(COUNTRIES):
        capital = capital_of(iso3)
        found = gazetteer.lookup(capital, countries=[iso3]) if capital else None
        if found is None or found.lat is None or found.lon is None:
            found = gazetteer.lookup(country_name(iso3) or iso3)
        if found is not None and found.lat is not None and found.lon is not None:
            of_country[i] = len(places)
            places.append(found)
    outlets = [f"{city} {word}" for word in OUTLET_WORDS for city in CITIES][:50]
    outlet_p = 1 / np.arange(1, len(outlets) + 1) ** 0.8
    return World(code, name, country, sector, np.array(p) / sum(p), codes, by_root,
                 [pl.name for pl in places], [pl.country for pl in places], [pl.lat for pl in places],
                 [pl.lon for pl in places], of_country, outlets, outlet_p / outlet_p.sum())


# ---- building the store --------------------------------------------------------------------------------


def _strings(values: list[Any], index: np.ndarray, kind: pa.DataType | None = None) -> pa.Array:
    """values[index] as an Arrow array (strings unless `kind` says); a negative index gives null."""
    index = np.asarray(index)
    return pa.array(values, kind or pa.string()).take(pa.array(index.clip(0), mask=index < 0))


def _dates(days: np.ndarray) -> pa.Array:
    return pa.array((np.asarray(days) + EPOCH).astype("int32"), pa.date32())


def _sha(prefix: str, n: int) -> list[str]:
    return [hashlib.sha1(f"{prefix}{i}".encode()).hexdigest()[:20] for i in range(n)]


def _cluster_sizes(rng: np.random.Generator, n_events: int, mean: float, single: np.ndarray) -> np.ndarray:
    """Mentions per cluster (geometric, at most 40), one for clusters that cannot gain any, summing to n_events."""
    sizes = np.minimum(rng.geometric(1 / mean, len(single)), 40)
    sizes[single] = 1
    total = np.cumsum(sizes)
    n = int(np.searchsorted(total, n_events)) + 1
    sizes = sizes[:n]
    sizes[-1] -= int(total[n - 1] - n_events)
    return sizes


def build(path: str, n_events: int, n_articles: int, seed: int = 14) -> dict[str, int]:
    """Write the synthetic store at `path` (which must not exist); returns the row counts."""
    rng = np.random.default_rng(seed)
    w = world()
    n_actors = len(w.actor_code)
    max_clusters = int(n_events / 2.5 * 1.3) + 10

    # ---- clusters: actors, code, day, flags, place (every mention shares them)
    cday = (DAYS * np.sqrt(rng.random(max_clusters))).astype(int).clip(0, DAYS - 1)  # more news lately
    csrc = rng.choice(n_actors, max_clusters, p=w.actor_p)
    same_country = rng.random(max_clusters) < 0.35
    ctgt = np.where(same_country, (csrc // 5) * 5 + (csrc % 5 + rng.integers(1, 5, max_clusters)) % 5,
                    rng.choice(n_actors, max_clusters, p=w.actor_p))
    ctgt = np.where(ctgt == csrc, (ctgt + 5) % n_actors, ctgt)
    ctgt[rng.random(max_clusters) < 0.12] = -1                                     # no target
    roots = list(ROOTS)
    root_p = np.array(list(ROOTS.values()), float)
    croot = rng.choice(len(roots), max_clusters, p=root_p / root_p.sum())
    ccode = np.array([w.by_root[roots[r]][int(u * len(w.by_root[roots[r]]))]
                      for r, u in zip(croot, rng.random(max_clusters), strict=True)])
    cneg = rng.random(max_clusters) < 0.02
    cmod = np.where(rng.random(max_clusters) < 0.10, rng.integers(0, len(MODALITIES), max_clusters), -1)
    u = rng.random(max_clusters)
    cprec = np.where(u < 0.02, 1, np.where(u < 0.03, 2, 0))                         # 0 day, 1 month, 2 year
    cbackground = rng.random(max_clusters) < 0.04
    located = rng.random(max_clusters) < 0.5
    where_country = np.where((rng.random(max_clusters) < 0.7) | (ctgt < 0), csrc // 5, ctgt // 5)
    cplace = np.where(located, [w.place_of_country.get(int(c), -1) for c in where_country], -1)
    cbasis = rng.choice(len(PLACE_BASES), max_clusters, p=[0.4, 0.25, 0.15, 0.1, 0.1])
    sizes = _cluster_sizes(rng, n_events, 2.5, (cprec > 0) | cbackground)
    n_clusters = len(sizes)

    # ---- mentions: a cluster each, a day (the cluster's, or the next), an article of that day or the next
    cl = np.repeat(np.arange(n_clusters), sizes)
    founding = np.concatenate([[True], cl[1:] != cl[:-1]])
    mday = (cday[cl] + np.where(founding, 0, rng.random(n_events) < 0.25)).clip(0, DAYS - 1)
    pub = (mday + (rng.random(n_events) < 0.3)).clip(0, DAYS - 1)
    article_day = np.sort(np.concatenate([np.arange(DAYS), (DAYS * np.sqrt(rng.random(n_articles - DAYS))).astype(int)
                                          .clip(0, DAYS - 1)]))
    day_start = np.searchsorted(article_day, np.arange(DAYS + 1))
    per_day = np.diff(day_start)
    art = day_start[pub] + (rng.random(n_events) * per_day[pub]).astype(int)
    # Within an article, events in a random order: sentence i is event i.
    order = np.lexsort((rng.random(n_events), art))
    cl, founding, mday, pub, art = cl[order], founding[order], mday[order], pub[order], art[order]
    first_in_article = np.concatenate([[True], art[1:] != art[:-1]])
    starts = np.flatnonzero(first_in_article)
    sentence = np.arange(n_events) - np.repeat(starts, np.diff(np.append(starts, n_events)))
    n_events_of = np.bincount(art, minlength=n_articles)

    mcode = np.where(rng.random(n_events) < 0.8, ccode[cl],
                     [w.by_root[w.codes[c].root][int(v * len(w.by_root[w.codes[c].root]))]
                      for c, v in zip(ccode[cl], rng.random(n_events), strict=True)])
    prec = cprec[cl]
    by_publication = (rng.random(n_events) < 0.55) & (prec == 0)
    date_day = np.where(by_publication, pub, mday)
    month_start = np.array([(START + dt.timedelta(days=int(d))).replace(day=1).toordinal() for d in range(DAYS)]) \
        - START.toordinal()
    year_start = np.array([(START + dt.timedelta(days=int(d))).replace(month=1, day=1).toordinal()
                           for d in range(DAYS)]) - START.toordinal()
    date_day = np.where(prec == 1, month_start[date_day], np.where(prec == 2, year_start[date_day], date_day))
    date_basis = np.where(by_publication, 1, 0)                                     # 0 text, 1 published
    hedged = rng.random(n_events) < 0.08
    quoted = rng.random(n_events) < 0.15
    spoken = rng.random(n_events) < 0.20
    reported = rng.random(n_events) < 0.08
    relevant = rng.random(n_events) >= 0.03
    src, tgt = csrc[cl], ctgt[cl]
    modality = cmod[cl]
    negated = cneg[cl]
    factual = np.array([is_factual(MODALITIES[m] if m >= 0 else None, bool(n), w.codes[c].code)
                        for m, n, c in zip(modality, negated, mcode, strict=True)])
    place = cplace[cl]

    # ---- texts: one sentence per event; the spans of actors, trigger and sentence
    ids = [f"art-{i:07d}" for i in range(n_articles)]
    event_ids = _sha("synthetic-event-", n_events)
    span = {k: np.zeros(n_events, "int32") for k in ("ss", "se", "ts", "te", "gs", "ge", "es", "ee")}
    sentences: list[str] = []
    texts = [""] * n_articles
    offset = 0
    for i in range(n_events):
        if first_in_article[i]:
            if i:
                texts[art[i - 1]] = " ".join(sentences)
            sentences, offset = [], 0
        sname = w.actor_name[src[i]]
        trigger = TRIGGERS[w.codes[mcode[i]].root]
        text = f"{sname} {trigger}"
        span["ss"][i], span["se"][i] = offset, offset + len(sname)
        span["ts"][i] = offset + len(sname) + 1
        span["te"][i] = offset + len(text)
        if tgt[i] >= 0:
            span["gs"][i] = offset + len(text) + 1
            text += " " + w.actor_name[tgt[i]]
            span["ge"][i] = offset + len(text)
        if place[i] >= 0:
            text += " in " + w.place_name[place[i]]
        text += "."
        span["es"][i], span["ee"][i] = offset, offset + len(text)
        sentences.append(text)
        offset += len(text) + 1
    texts[art[-1]] = " ".join(sentences)

    outlet = rng.choice(len(w.outlets), n_articles, p=w.outlet_p)
    published = article_day
    titles = [t[:80] or "Briefs" for t in texts]
    urls = [f"https://news.example/{w.outlets[o].lower().replace(' ', '-')}/{i}" for i, o in enumerate(outlet)]
    hashes = _sha("synthetic-article-", n_articles)
    coded_at = [dt.datetime.combine(START + dt.timedelta(days=int(d) + 1), dt.time(6)) for d in published]
    articles = pa.table({
        "id": pa.array(ids), "content_hash": pa.array(hashes), "title": pa.array(titles), "url": pa.array(urls),
        "publisher": _strings(w.outlets, outlet), "published": _dates(published), "text": pa.array(texts),
        "status": pa.array(["coded"] * n_articles), "n_events": pa.array(n_events_of.astype("int32")),
        "ingest_seq": pa.array(np.arange(1, n_articles + 1, dtype="int64")),
        "coded_at": pa.array(coded_at, pa.timestamp("us")),
        "lexicon_version": pa.array(["synthetic"] * n_articles),
        "schema_version": pa.array([SCHEMA_VERSION] * n_articles),
    }, schema=_ARTICLE_SCHEMA)

    code_of = [c.code for c in w.codes]
    none = np.full(n_events, -1)
    no_target = tgt < 0
    speaker_idx = np.where(spoken, 0, -1)
    location_kind = ["city"]
    events = {
        "event_id": pa.array(event_ids), "article_id": _strings(ids, art),
        "sentence_index": pa.array(sentence.astype("int32")),
        "trigger_text": _strings([TRIGGERS[c.root] for c in w.codes], mcode),
        "trigger_start": pa.array(span["ts"]), "trigger_end": pa.array(span["te"]),
        "source_text": _strings(w.actor_name, src), "source_start": pa.array(span["ss"]),
        "source_end": pa.array(span["se"]), "source_code": _strings(w.actor_code, src),
        "source_name": _strings(w.actor_name, src), "source_country": _strings(w.actor_country, src),
        "source_sector": _strings(w.actor_sector, src),
        "target_text": _strings(w.actor_name, tgt), "target_start": pa.array(span["gs"], mask=no_target),
        "target_end": pa.array(span["ge"], mask=no_target), "target_code": _strings(w.actor_code, tgt),
        "target_name": _strings(w.actor_name, tgt), "target_country": _strings(w.actor_country, tgt),
        "target_sector": _strings(w.actor_sector, tgt),
        "cameo": _strings(code_of, mcode), "cameo_root": _strings([c.root for c in w.codes], mcode),
        "cameo_name": _strings([c.name for c in w.codes], mcode),
        "plover": _strings([c.plover for c in w.codes], mcode),
        "plover_mode": _strings([c.plover_mode for c in w.codes], mcode),
        "quad": _strings([c.quad for c in w.codes], mcode, pa.int8()),
        "goldstein": _strings([float(c.goldstein) for c in w.codes], mcode, pa.float64()),
        "negated": pa.array(negated), "modality": _strings(list(MODALITIES), modality),
        "date": _dates(date_day), "date_precision": _strings(["day", "month", "year"], prec),
        "date_basis": _strings(["text", "published"], date_basis),
        "location_name": _strings(w.place_name, place), "location_country": _strings(w.place_country, place),
        "location_lat": _strings(w.place_lat, place, pa.float64()),
        "location_lon": _strings(w.place_lon, place, pa.float64()),
        "speaker_text": _strings(["a spokesperson"], speaker_idx),
        "speaker_code": _strings(w.actor_code, np.where(spoken, src, -1)),
        "cue": _strings(["said"], speaker_idx),
        "reported_by": pa.array([["Reuters"] if r else [] for r in reported], pa.list_(pa.string())),
        "hedged": pa.array(hedged), "quoted": pa.array(quoted),
        "object_text": _strings([""], none), "object_start": _strings([0], none, pa.int32()),
        "object_end": _strings([0], none, pa.int32()),
        "evidence_text": pa.array([texts[a][s:e] for a, s, e in zip(art, span["es"], span["ee"], strict=True)]),
        "evidence_start": pa.array(span["es"]), "evidence_end": pa.array(span["ee"]),
        "rule": _strings([f"synthetic-{c.root}" for c in w.codes], mcode),
        "version": pa.array([SCHEMA_VERSION] * n_events), "event_json": pa.array(["{}"] * n_events),
        "location_kind": _strings(location_kind, np.where(place >= 0, 0, -1)),
        "location_basis": _strings(list(PLACE_BASES), np.where(place >= 0, cbasis[cl], -1)),
        "relevant": pa.array(relevant), "factual": pa.array(factual), "carried_by": _strings([""], none),
        "background": pa.array(cbackground[cl]),
    }
    event_table = pa.table(events, schema=_EVENT_SCHEMA)

    # Clusters: founded by their first mention in the sorted order above.
    found_at = np.flatnonzero(founding)
    founder = np.empty(n_clusters, "int64")
    founder[cl[found_at]] = found_at
    cluster_ids = [cluster_id_for(event_ids[founder[c]]) for c in range(n_clusters)]
    touched = tuple(
        Cluster(cluster_ids[c], w.actor_code[csrc[c]], w.actor_code[ctgt[c]] if ctgt[c] >= 0 else None,
                w.codes[ccode[c]].root, bool(cneg[c]), START + dt.timedelta(days=int(date_day[founder[c]])),
                *((w.place_name[p], w.place_country[p], w.place_lat[p], w.place_lon[p]) if (p := cplace[c]) >= 0
                  else (None, None, None, None)),
                factual=bool(factual[founder[c]]), location_kind="city" if cplace[c] >= 0 else None,
                location_basis=PLACE_BASES[cbasis[c]] if cplace[c] >= 0 else None)
        for c in range(n_clusters))
    links = tuple(zip(event_ids, (cluster_ids[c] for c in cl), strict=True))

    with Store.open(path, memory_limit="4GB") as store, store._transaction():
        store.con.execute("SET enable_progress_bar = false")
        store._insert("articles", articles)
        columns = ", ".join(f'"{n}"' for n in event_table.column_names if n != "event_json")
        with store._registered(event_table) as batch:
            store._exec(f"INSERT INTO events ({columns}, event_json) SELECT {columns}, {_EVENT_JSON} FROM {batch}")
        store._save_assignment(Assignment(links=links, touched=touched))
        store._refresh_clusters(set(cluster_ids))
    with Store.open(path, memory_limit="4GB") as store:
        store.con.execute("CHECKPOINT").fetchall()
        _verify(store)
    return {"articles": n_articles, "events": n_events, "clusters": n_clusters}


# `Event.to_dict()` from the columns of `events` (what `Store.write` stores as `event_json`).
_SPAN = "json_object('text', {p}_text, 'start', {p}_start, 'end', {p}_end)"
_ACTOR = ("json_object('text', {p}_text, 'start', {p}_start, 'end', {p}_end, 'code', {p}_code, 'name', {p}_name, "
          "'country', {p}_country, 'sector', {p}_sector)")
_EVENT_JSON = f"""json_object(
    'event_id', event_id, 'article_id', article_id, 'sentence_index', sentence_index,
    'trigger', {_SPAN.format(p="trigger")}, 'source', {_ACTOR.format(p="source")},
    'target', CASE WHEN target_text IS NULL THEN NULL ELSE {_ACTOR.format(p="target")} END,
    'cameo', cameo, 'cameo_name', cameo_name, 'plover', plover, 'plover_mode', plover_mode, 'quad', quad,
    'goldstein', goldstein, 'negated', negated, 'modality', modality, 'date', strftime(date, '%Y-%m-%d'),
    'date_precision', date_precision, 'date_basis', date_basis,
    'location', CASE WHEN location_name IS NULL THEN NULL ELSE json_object('name', location_name,
        'country', location_country, 'lat', location_lat, 'lon', location_lon, 'kind', location_kind,
        'basis', location_basis) END,
    'attribution', json_object('speaker', CASE WHEN speaker_text IS NULL THEN NULL
        ELSE json_object('text', speaker_text, 'code', speaker_code) END, 'cue', cue, 'reported_by', reported_by,
        'hedged', hedged, 'quoted', quoted),
    'rule', rule, 'evidence', {_SPAN.format(p="evidence")},
    'object', CASE WHEN object_text IS NULL THEN NULL ELSE {_SPAN.format(p="object")} END,
    'relevant', relevant, 'carried_by', carried_by, 'background', background, 'version', version,
    'extra', json_object(), 'factual', factual)"""


def _verify(store: Store, sample: int = 300) -> None:
    """A sample of events rebuilt from `event_json` gives the stored row back; the store checks sound."""
    from parley.formats import event_from_dict

    table = store._arrow(f"SELECT * FROM events USING SAMPLE {sample} ROWS")
    for row in table.to_pylist():
        event = event_from_dict(json.loads(row["event_json"]))
        again = _event_row(event)
        assert json.loads(again.pop("event_json")) == json.loads(row.pop("event_json")), row["event_id"]
        wrong = {k: (row[k], v) for k, v in again.items() if row[k] != v}
        assert not wrong, wrong
    counts, problems = store.check()
    assert not problems, problems
    print(f"store checked: {', '.join(f'{k} {v:,}' for k, v in counts.items())}; no problems", flush=True)


# ---- serving and timing ----------------------------------------------------------------------------------


@dataclass
class Served:
    """The app served by uvicorn in a thread, and a keep-alive client for it."""

    app: Any
    server: Any
    thread: threading.Thread
    base: str

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=60)


def serve(path: str) -> Served:
    import uvicorn

    from parley.web import create_app

    app = create_app(path)
    # IPPROTO_TCP given, as uvicorn's own sockets have it: asyncio then sets TCP_NODELAY on each connection
    # (with proto 0 it does not, and a reused connection waits ~40 ms for delayed ACKs).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           server_header=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise SystemExit("the server did not start")
        time.sleep(0.05)
    return Served(app, server, thread, f"http://127.0.0.1:{port}")


@dataclass(frozen=True)
class Call:
    label: str
    path: str
    view: dict[str, Any] = field(default_factory=dict)
    offsets: tuple[int, ...] = ()          # turn by turn over the repetitions
    main: bool = False                     # measured again under ingest


def calls(cluster_ids: list[str]) -> list[Call]:
    page = (0, 50, 500)
    return [
        Call("GET /api/v1/clusters", "/api/v1/clusters", {"limit": 50}, page, main=True),
        Call("GET /api/v1/events", "/api/v1/events", {"limit": 50}, page, main=True),
        Call("GET /api/v1/series (month)", "/api/v1/series", {"freq": "month"}, main=True),
        Call("GET /api/v1/series (week)", "/api/v1/series", {"freq": "week"}, main=True),
        Call("GET /api/v1/overview", "/api/v1/overview", main=True),
        Call("GET /api/v1/actors", "/api/v1/actors"),
        Call("GET /api/v1/dyads", "/api/v1/dyads"),
        Call("GET /api/v1/map", "/api/v1/map"),
        Call("GET /api/v1/changes", "/api/v1/changes"),
        Call("GET /api/v1/network", "/api/v1/network"),
        Call("GET /api/v1/clusters/<id>", "/api/v1/clusters/{id}"),
        Call("GET / (page)", "/", main=True),
        Call("GET /events (page)", "/events", {}, page, main=True),
        Call("GET /map (page)", "/map"),
        Call("GET /dyads (page)", "/dyads"),
        Call("GET /changes (page)", "/changes"),
        Call("GET /actors (page)", "/actors"),
    ]


def filters(store: Store) -> dict[str, dict[str, str]]:
    """The six filters every call is made with: values taken from the store (the busiest actor, ...)."""
    actor, country = store.con.execute("""
        SELECT source_code, source_country FROM events GROUP BY ALL ORDER BY count(*) DESC LIMIT 1""").fetchone()
    a, b = store.con.execute("""
        SELECT source_code, target_code FROM event_clusters WHERE target_code IS NOT NULL
        GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1""").fetchone()
    # An actor of the second busiest country (the first one's is the "actor" filter).
    country = store.con.execute("""
        SELECT source_country FROM events WHERE source_country <> ? GROUP BY ALL ORDER BY count(*) DESC LIMIT 1""",
                                [country]).fetchone()[0]
    last = store.con.execute("SELECT max(date_start) FROM event_clusters").fetchone()[0]
    month_end = last.replace(day=1) - dt.timedelta(days=1)       # the last whole month
    return {"none": {}, f"actor={actor}": {"actor": actor}, f"country={country}": {"country": country},
            "cameo=19": {"cameo": "19"},
            f"month {month_end:%Y-%m}": {"date_from": month_end.replace(day=1).isoformat(),
                                         "date_to": month_end.isoformat()},
            f"dyad={a},{b}": {"dyad": f"{a},{b}"}}


def sample_clusters(store: Store, n: int = 6) -> list[str]:
    """Cluster ids to open: the largest clusters and some of one or a few mentions."""
    big = [r[0] for r in store.con.execute(
        "SELECT cluster_id FROM event_clusters ORDER BY n_mentions DESC, cluster_id LIMIT ?", [n // 2]).fetchall()]
    rest = [r[0] for r in store.con.execute(
        f"SELECT cluster_id FROM event_clusters USING SAMPLE {n - len(big)} ROWS (reservoir, 7)").fetchall()]
    return big + rest


@dataclass
class Timings:
    """Latencies (seconds) per call, with the filter each was made with."""

    samples: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    failures: dict[str, list[str]] = field(default_factory=dict)

    def fail(self, label: str, what: str) -> None:
        self.failures.setdefault(label, []).append(what)

    def add(self, label: str, what: str, seconds: float) -> None:
        self.samples.setdefault(label, []).append((what, seconds))

    def row(self, label: str) -> tuple[float, float, float, str]:
        values = sorted(s for _, s in self.samples[label])
        p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
        by_filter: dict[str, list[float]] = {}
        for what, s in self.samples[label]:
            by_filter.setdefault(what, []).append(s)
        slowest = max(by_filter, key=lambda k: statistics.median(by_filter[k]))
        return statistics.median(values), p95, values[-1], slowest


def run_calls(client: Any, plan: list[Call], flts: dict[str, dict[str, str]], cluster_ids: list[str], reps: int,
              timings: Timings, *, stop: Callable[[], bool] = lambda: False) -> None:
    for call in plan:
        for rep in range(reps):
            if "{id}" in call.path:
                variants: Iterator[tuple[str, str, dict[str, Any]]] = (
                    (f"cluster {i}", call.path.format(id=cid), {}) for i, cid in enumerate(cluster_ids))
            else:
                variants = ((name, call.path, flt) for name, flt in flts.items())
            for what, path, flt in variants:
                params = {**flt, **call.view}
                if call.offsets:
                    params["offset"] = call.offsets[rep % len(call.offsets)]
                t = time.perf_counter()
                response = client.get(path, params=params)
                body = response.content
                seconds = time.perf_counter() - t
                if response.status_code != 200:
                    timings.fail(call.label, f"{path} {params}: {response.status_code} {body[:160]!r}")
                    continue
                timings.add(call.label, what, seconds)
            if stop():
                return


def print_table(title: str, timings: Timings, bare: dict[str, float] | None = None) -> None:
    print(f"\n{title}")
    extra = "  query only p50" if bare else ""
    print(f"{'call':30s} {'n':>4s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}  {'slowest filter':24s}{extra}")
    for label in dict.fromkeys([*timings.samples, *timings.failures]):
        samples = timings.samples.get(label)
        tail = f"  {bare[label] * 1000:10.1f}" if bare and label in bare else ""
        failed = len(timings.failures.get(label, ()))
        tail += f"  {failed} failed" if failed else ""
        if not samples:
            print(f"{label:30s} {0:4d} {'':8s} {'':8s} {'':8s}  {'':24s}{tail}")
            continue
        p50, p95, worst, slowest = timings.row(label)
        print(f"{label:30s} {len(samples):4d} {p50 * 1000:8.1f} {p95 * 1000:8.1f} {worst * 1000:8.1f}  "
              f"{slowest:24s}{tail}")
    for label, failures in timings.failures.items():
        print(f"  {label}: {len(failures)} failed, e.g. {failures[0]}")


def bare_queries(path: str, flts: dict[str, dict[str, str]], reps: int) -> dict[str, float]:
    """The p50 of the library calls behind the main API calls, on the store opened read-only (no HTTP)."""
    from parley.errors import ParleyError
    from parley.store import time_series
    from parley.web import data
    from parley.web.filters import parse_query

    out: dict[str, float] = {}
    with Store.open(path, read_only=True) as store:
        jobs: list[tuple[str, Callable[[Any], Any]]] = [
            ("GET /api/v1/clusters", lambda f: data.events_page(store, f, clusters=True, limit=50)),
            ("GET /api/v1/events", lambda f: data.events_page(store, f, clusters=False, limit=50)),
            ("GET /api/v1/series (month)", lambda f: time_series(store, freq="month", filters=f)),
            ("GET /api/v1/series (week)", lambda f: time_series(store, freq="week", filters=f)),
            ("GET /api/v1/overview", lambda f: data.overview(store, f)),
        ]
        for label, job in jobs:
            seconds = []
            for _ in range(reps):
                for flt in flts.values():
                    parsed = parse_query({k: [v] for k, v in flt.items()}).filters
                    t = time.perf_counter()
                    try:
                        job(parsed)
                    except ParleyError as e:            # DuckDB out of memory
                        print(f"query only, {label} {flt}: {str(e)[:120]}")
                        continue
                    seconds.append(time.perf_counter() - t)
            if seconds:
                out[label] = statistics.median(seconds)
    return out


# ---- ingest while serving --------------------------------------------------------------------------------


def live_batches(batch_articles: int, seed: int = 99) -> Iterator[list[Any]]:
    """Endless batches of synthetic coded articles (CodingResults) about the last days of the store."""
    from parley.coder import CodingResult
    from parley.types import ActorMention, Article, Attribution, Event, Location, TextSpan

    rng = np.random.default_rng(seed)
    w = world()
    n = 0
    while True:
        batch = []
        for _ in range(batch_articles):
            n += 1
            day = START + dt.timedelta(days=DAYS - 1 - int(rng.integers(0, 3)))
            events, sentences, offset = [], [], 0
            for k in range(int(rng.integers(3, 12))):
                s, t = (int(x) for x in rng.choice(len(w.actor_code), 2, replace=False, p=w.actor_p))
                code = w.codes[int(rng.integers(0, len(w.codes)))]
                sname, tname, verb = w.actor_name[s], w.actor_name[t], TRIGGERS[code.root]
                text = f"{sname} {verb} {tname}."
                p = w.place_of_country.get(s // 5)
                location = Location(w.place_name[p], w.place_country[p], w.place_lat[p], w.place_lon[p], "city",
                                    "sentence") if p is not None and rng.random() < 0.5 else None
                ts = offset + len(sname) + 1
                events.append(Event(
                    event_id=hashlib.sha1(f"live-{n}-{k}".encode()).hexdigest()[:20], article_id=f"live-{n:06d}",
                    sentence_index=k, trigger=TextSpan(verb, ts, ts + len(verb)),
                    source=ActorMention(sname, offset, offset + len(sname), w.actor_code[s], sname,
                                        w.actor_country[s], w.actor_sector[s]),
                    target=ActorMention(tname, ts + len(verb) + 1, ts + len(verb) + 1 + len(tname), w.actor_code[t],
                                        tname, w.actor_country[t], w.actor_sector[t]),
                    cameo=code.code, cameo_name=code.name, plover=code.plover, plover_mode=code.plover_mode,
                    quad=code.quad, goldstein=code.goldstein, negated=False, modality=None, date=day.isoformat(),
                    date_precision="day", date_basis="published", location=location, attribution=Attribution(),
                    rule=f"synthetic-{code.root}", evidence=TextSpan(text, offset, offset + len(text))))
                sentences.append(text)
                offset += len(text) + 1
            article = Article(id=f"live-{n:06d}", text=" ".join(sentences), title=sentences[0], published=day,
                              url=f"https://news.example/live/{n}", publisher=w.outlets[int(rng.integers(0, 50))])
            batch.append(CodingResult(article_id=article.id, article=article, events=events))
        yield batch


@dataclass
class Merges:
    seconds: list[float] = field(default_factory=list)
    batches: int = 0
    articles: int = 0
    events: int = 0


def under_ingest(served: Served, path: str, client: Any, plan: list[Call], flts: dict[str, dict[str, str]],
                 cluster_ids: list[str], reps: int, seconds: float, batch_articles: int, interval: float
                 ) -> tuple[Timings, Merges, int]:
    """The main calls while a thread drops a batch into the inbox every `interval` seconds."""
    from parley.web.inbox import Inbox

    server = served.app.state.server
    merges = Merges()
    merge = server.merge_inbox

    def timed_merge() -> Any:
        pending = len(server.inbox.pending())
        t = time.perf_counter()
        report = merge()
        if report.read:
            merges.seconds.append(time.perf_counter() - t)
            merges.batches += pending
            merges.articles += report.read
            merges.events += report.events
        return report

    server.merge_inbox = timed_merge            # the merge loop looks the method up on the instance
    inbox = Inbox(path)
    done = threading.Event()
    put = 0

    def feed() -> None:
        nonlocal put
        for batch in live_batches(batch_articles):
            if done.wait(interval):
                return
            inbox.put(batch, lexicon_version="synthetic")
            put += 1

    feeder = threading.Thread(target=feed, name="feeder", daemon=True)
    timings = Timings()
    started = time.monotonic()
    feeder.start()
    while time.monotonic() - started < seconds:
        run_calls(client, plan, flts, cluster_ids, reps, timings,
                  stop=lambda: time.monotonic() - started >= seconds)
    done.set()
    feeder.join()
    deadline = time.monotonic() + 120
    while server.inbox.pending() and time.monotonic() < deadline:
        time.sleep(0.2)
    return timings, merges, put


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--store", default="/tmp/bench_web.duckdb", help="The synthetic store (built when missing).")
    parser.add_argument("--rebuild", action="store_true", help="Build the store again.")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=150_000)
    parser.add_argument("--reps", type=int, default=3, help="Repetitions of every call and filter.")
    parser.add_argument("--ingest-seconds", type=float, default=40, help="How long to measure under ingest (0: not).")
    parser.add_argument("--batch-articles", type=int, default=20, help="Articles per inbox batch.")
    parser.add_argument("--batch-interval", type=float, default=1.0, help="Seconds between inbox batches.")
    parser.add_argument("--only", help="Only the calls whose label contains this text.")
    parser.add_argument("--no-bare", action="store_true", help="Skip the query-only timings.")
    args = parser.parse_args()

    import httpx

    path = args.store
    if args.rebuild or not os.path.exists(path):
        for leftover in (path, f"{path}.wal"):
            Path(leftover).unlink(missing_ok=True)
        t = time.perf_counter()
        sizes = build(path, args.events, args.articles)
        print(f"built {path}: {sizes['events']:,} events, {sizes['clusters']:,} clusters, {sizes['articles']:,} "
              f"articles in {time.perf_counter() - t:.0f} s", flush=True)
    # A copy is served, so inbox merges never change the cached store.
    work = f"{path}.served.duckdb"
    for leftover in (work, f"{work}.wal"):
        Path(leftover).unlink(missing_ok=True)
    Path(f"{work}.inbox").mkdir(exist_ok=True)
    for old in Path(f"{work}.inbox").glob("*"):
        if old.is_file():
            old.unlink()
    import shutil

    shutil.copyfile(path, work)
    Store.open(work).close()   # brings a store built by an older Parley to the current schema
    with Store.open(work, read_only=True) as store:
        flts = filters(store)
        cluster_ids = sample_clusters(store)
        counts = {t: store._scalar(f"SELECT count(*) FROM {t}") for t in ("articles", "events", "event_clusters")}
    print(f"store {path} (synthetic): {counts['events']:,} events, {counts['event_clusters']:,} clusters, "
          f"{counts['articles']:,} articles, {Path(path).stat().st_size / 1e6:.0f} MB")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; filters: {', '.join(flts)}; "
          f"{args.reps} repetitions of each call and filter")
    plan = [c for c in calls(cluster_ids) if not args.only or args.only in c.label]
    bare = None if args.no_bare else bare_queries(work, flts, args.reps)

    served = serve(work)
    try:
        with httpx.Client(base_url=served.base, timeout=300) as client:
            client.get("/api/v1/meta")                        # first touch: the cache warms
            timings = Timings()
            run_calls(client, plan, flts, cluster_ids, args.reps, timings)
            print_table("idle server: latency per call over HTTP (ms), all filters and offsets", timings, bare)
            if args.ingest_seconds > 0:
                main_plan = [c for c in plan if c.main]
                loaded, merges, put = under_ingest(served, work, client, main_plan, flts, cluster_ids, 1,
                                                   args.ingest_seconds, args.batch_articles, args.batch_interval)
                print_table(f"while ingesting: a batch of {args.batch_articles} articles every "
                            f"{args.batch_interval:g} s for {args.ingest_seconds:g} s, merged every second", loaded)
                if merges.seconds:
                    ms = sorted(merges.seconds)
                    print(f"merges: {len(ms)} ({merges.batches} batches of {put} put, {merges.articles} articles, "
                          f"{merges.events} events); per merge p50 {statistics.median(ms) * 1000:.0f} ms, "
                          f"max {ms[-1] * 1000:.0f} ms")
                else:
                    print("merges: none finished")
    finally:
        served.stop()


if __name__ == "__main__":
    main()
