"""What the pages and the API show, as plain data: one function per view, each taking an open store.

Every function reads through `parley.store`'s parameterised queries (no user text in SQL) and returns
JSON-ready dicts and lists whose field names are those of the CLI's exports (docs/store.md). The pages
render them; the API returns them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import pyarrow as pa

import parley
from parley.errors import BadFilter, UnknownProcess
from parley.store import Store
from parley.store.query import (
    EventFilter,
    _arrow,
    _counted,
    _matching_clusters,
    _matching_mentions,
    count_events,
    select_events,
    time_series,
    top_actors,
    top_dyads,
)

__all__ = [
    "article_view",
    "changes",
    "cluster_view",
    "dyad_view",
    "events_page",
    "geojson",
    "map_view",
    "network",
    "overview",
    "rows",
]

MAX_LIMIT = 1000
#: A cache of values per store version (`Server.cached`): `cache(key, compute)` gives `compute()`, once.
Cache = Callable[[Hashable, Callable[[], int]], int]
UNITS = ("events", "reports")
_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def rows(table: pa.Table) -> list[dict[str, Any]]:
    """The rows of an Arrow table as JSON-ready dicts (dates as ISO text)."""
    return [{k: _plain(v) for k, v in row.items()} for row in table.to_pylist()]


# ---- overview ---------------------------------------------------------------------------------------


def _count(store: Store, flt: EventFilter, *, clusters: bool, cache: Cache | None) -> int:
    """`count_events`, through the cache when there is one (a filter's total is the same on every page)."""
    if cache is None:
        return count_events(store, flt, clusters=clusters)
    return cache(("count", flt, clusters), lambda: count_events(store, flt, clusters=clusters))


def overview(store: Store, flt: EventFilter, *, freq: str = "week", unit: str = "events",
             cache: Cache | None = None) -> dict[str, Any]:
    """Counts over time (by quad class, with mean Goldstein), totals, coverage by outlet and freshness.

    Args:
        store: an open store.
        flt: which events.
        freq: "day", "week", "month" or "year".
        unit: "events" (each merged event once) or "reports" (every mention in every article).
        cache: where to keep the totals for the store's version (`Server.cached`).
    """
    series = time_series(store, freq=freq, by_cluster=unit == "events", filters=flt)
    totals = {
        "events": _count(store, flt, clusters=True, cache=cache),
        "reports": _count(store, flt, clusters=False, cache=cache),
    }
    outlets = _arrow(store, """
        SELECT coalesce(publisher, '(unknown)') AS publisher, count(*) AS articles,
               CAST(sum(n_events) AS BIGINT) AS events, max(published) AS last_published,
               max(coded_at) AS last_ingest
        FROM articles GROUP BY 1 ORDER BY articles DESC, publisher LIMIT 50""", [])
    fresh = _arrow(store, """
        SELECT count(*) AS articles, max(coded_at) AS last_ingest, max(published) AS last_published,
               min(published) AS first_published,
               string_agg(DISTINCT lexicon_version, ', ') AS lexicon_versions,
               string_agg(DISTINCT schema_version, ', ') AS event_schema_versions
        FROM articles""", [])
    freshness = rows(fresh)[0]
    freshness.update({"parley_version": parley.__version__, "store_schema_version": store.schema_version})
    return {"freq": freq, "unit": unit, "series": rows(series), "totals": totals,
            "outlets": rows(outlets), "freshness": freshness}


# ---- events -----------------------------------------------------------------------------------------


def events_page(store: Store, flt: EventFilter, *, clusters: bool = True, limit: int = 50,
                offset: int = 0, cache: Cache | None = None) -> dict[str, Any]:
    """One page of merged events (`clusters`) or of reports, in a stable order, with the total (kept in
    `cache` for the store's version when given: every page of a filter has the same total)."""
    if not 0 < limit <= MAX_LIMIT:
        raise BadFilter(f"limit must be between 1 and {MAX_LIMIT}, not {limit}", option="limit", value=limit)
    table = select_events(store, flt, clusters=clusters, limit=limit, offset=offset)
    return {"total": _count(store, flt, clusters=clusters, cache=cache), "limit": limit, "offset": offset,
            "rows": rows(table)}


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around `start`..`end`: back to the previous sentence end, on to the next."""
    lo = start
    while lo > 0 and not (text[lo - 1] in "\n" or (lo >= 2 and text[lo - 2] in ".!?" and text[lo - 1] == " ")):
        lo -= 1
    while lo < start and text[lo].isspace():
        lo += 1   # (two spaces after the full stop before it)
    if end > 0 and text[end - 1] in ".!?":
        return lo, end
    hi = end
    while hi < len(text) and not (text[hi] == "\n" or (text[hi] in ".!?" and (hi + 1 == len(text)
                                                                               or text[hi + 1].isspace()))):
        hi += 1
    return lo, min(len(text), hi + 1)


def _marks(row: dict[str, Any], lo: int, hi: int) -> list[dict[str, Any]]:
    """The spans to highlight in a sentence (offsets relative to it), by role, earliest first."""
    out = []
    for role in ("source", "trigger", "target", "object"):
        start, end = row.get(f"{role}_start"), row.get(f"{role}_end")
        if start is not None and end is not None and lo <= start < end <= hi:
            out.append({"role": role, "start": start - lo, "end": end - lo})
    return sorted(out, key=lambda m: (m["start"], m["end"]))


def _report(row: dict[str, Any], text: str | None) -> dict[str, Any]:
    spans = [row[k] for k in ("source_start", "trigger_start", "target_start", "evidence_start")
             if row.get(k) is not None]
    ends = [row[k] for k in ("source_end", "trigger_end", "target_end", "evidence_end") if row.get(k) is not None]
    if text and spans:
        lo, hi = _sentence_bounds(text, min(spans), max(ends))
        sentence = {"text": text[lo:hi], "start": lo, "marks": _marks(row, lo, hi)}
    else:
        sentence = {"text": row.get("evidence_text") or "", "start": row.get("evidence_start"), "marks": []}
    return {**row, "sentence": sentence}


def cluster_view(store: Store, cluster_id: str) -> dict[str, Any]:
    """One merged event and every report of it: outlet, date, sentence with marked spans, attribution, rule.

    Raises:
        BadFilter: no event cluster has this id (a 404 in the API).
    """
    everything = EventFilter(cluster=cluster_id, relevant_only=False, negated=None, modality=("all",),
                             background=None)
    clusters = rows(select_events(store, everything, clusters=True, limit=1))
    if not clusters:
        raise BadFilter(f"no event cluster has the id {cluster_id!r}", option="cluster", value=cluster_id)
    reports = rows(select_events(store, everything))
    texts = store.article_texts({r["article_id"] for r in reports})
    return {"cluster": clusters[0], "reports": [_report(r, texts.get(r["article_id"])) for r in reports]}


def article_view(store: Store, article_id: str) -> dict[str, Any]:
    """An article's text and metadata, with every coded event and its spans.

    Raises:
        BadFilter: no article has this id (a 404 in the API).
    """
    table = store.articles_table(article_ids=[article_id], text=True)
    if table.num_rows == 0:
        raise BadFilter(f"no article has the id {article_id!r}", option="article", value=article_id)
    article = rows(table)[0]
    body_rows = _arrow(store, """
        SELECT e.event_id, m.cluster_id, e.sentence_index, e.trigger_text, e.trigger_start, e.trigger_end,
               e.source_text, e.source_start, e.source_end, e.source_code, e.target_text, e.target_start,
               e.target_end, e.target_code, e.cameo, e.cameo_name, e.plover, e.quad, e.goldstein, e.negated,
               e.modality, e.date, e.location_name, e.relevant, e.factual, e.background, e.speaker_text, e.cue,
               e.reported_by, e.hedged, e.quoted, e.evidence_text, e.evidence_start, e.evidence_end, e.rule
        FROM events e LEFT JOIN cluster_mentions m ON m.event_id = e.event_id
        WHERE e.article_id = ? ORDER BY e.sentence_index, e.trigger_start, e.event_id""", [article_id])
    return {"article": article, "events": rows(body_rows)}


# ---- map --------------------------------------------------------------------------------------------


def map_view(store: Store, flt: EventFilter, *, unit: str = "events", points: int = 2000) -> dict[str, Any]:
    """Events per country of their place (a choropleth) and the placed events as points."""
    counted, params = _placed(flt, unit)
    countries = _arrow(store, f"""
        WITH placed AS ({counted})
        SELECT location_country AS country, count(*) AS events, avg(goldstein) AS goldstein_mean
        FROM placed WHERE location_country IS NOT NULL GROUP BY 1 ORDER BY events DESC, country""", params)
    located = _arrow(store, f"""
        WITH placed AS ({counted})
        SELECT location_name, location_country, location_lat AS lat, location_lon AS lon, count(*) AS events,
               avg(goldstein) AS goldstein_mean, min(id) AS example_id
        FROM placed WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL
        GROUP BY 1, 2, 3, 4 ORDER BY events DESC, location_name LIMIT {int(points)}""", params)
    return {"unit": unit, "countries": rows(countries), "points": rows(located)}


def _placed(flt: EventFilter, unit: str) -> tuple[str, list[Any]]:
    if unit == "events":
        body, params = _matching_clusters(flt)
        return ("SELECT c.cluster_id AS id, c.location_name, c.location_country, c.location_lat, "
                f"c.location_lon, c.goldstein {body}"), params
    body, params = _matching_mentions(flt)
    return ("SELECT e.event_id AS id, e.location_name, e.location_country, e.location_lat, e.location_lon, "
            f"e.goldstein {body}"), params


def geojson(view: dict[str, Any]) -> dict[str, Any]:
    """The map's points as a GeoJSON FeatureCollection (one feature per place)."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
         "properties": {k: v for k, v in p.items() if k not in ("lat", "lon")}}
        for p in view["points"]]}


# ---- dyads and actors -------------------------------------------------------------------------------


def dyad_view(store: Store, flt: EventFilter, a: str, b: str, *, freq: str = "month",
              unit: str = "events", limit: int = 50) -> dict[str, Any]:
    """A→B and B→A side by side: each direction's series (counts, quads, Goldstein) and latest events."""
    out: dict[str, Any] = {"a": a, "b": b, "freq": freq, "unit": unit}
    for key, (source, target) in (("a_to_b", (a, b)), ("b_to_a", (b, a))):
        directed = EventFilter.of(flt, source=source, target=target, dyad=None)
        series = time_series(store, freq=freq, by_cluster=unit == "events", filters=directed)
        out[key] = {"series": rows(series),
                    "events": events_page(store, directed, clusters=unit == "events", limit=limit)}
    return out


def network(store: Store, flt: EventFilter, *, n: int = 60, unit: str = "events") -> dict[str, Any]:
    """Who acts on whom: the `n` heaviest directed dyads as weighted edges, and their actors as nodes."""
    edges = rows(top_dyads(store, n, by_cluster=unit == "events", filters=flt))
    actors = rows(top_actors(store, 500, by_cluster=unit == "events", filters=flt))
    names = {r["actor_code"]: r for r in actors}
    codes = sorted({e["source_code"] for e in edges} | {e["target_code"] for e in edges})
    nodes = [{"code": c, "name": names.get(c, {}).get("actor_name") or c,
              "events": names.get(c, {}).get("events", 0)} for c in codes]
    return {"unit": unit, "nodes": nodes, "edges": edges}


# ---- changes ----------------------------------------------------------------------------------------


def _shift(period: dt.date, freq: str, k: int) -> dt.date:
    """The start of the period `k` periods before `period` (a period start)."""
    if freq == "day":
        return period - dt.timedelta(days=k)
    if freq == "week":
        return period - dt.timedelta(weeks=k)
    if freq == "month":
        months = period.year * 12 + period.month - 1 - k
        return dt.date(months // 12, months % 12 + 1, 1)
    return dt.date(period.year - k, 1, 1)


def _band(current: int, baseline: float, *, min_events: int) -> str:
    """How the latest period compares with its baseline; with a low baseline only big counts are news."""
    if baseline < min_events:
        if current >= 2 * min_events and current >= 3 * max(baseline, 1.0):
            return "new" if baseline == 0 else "surge"
        return "low baseline"
    ratio = current / baseline
    if ratio >= 2:
        return "surge"
    if ratio >= 1.25:
        return "up"
    if ratio <= 0.5:
        return "drop"
    if ratio <= 0.8:
        return "down"
    return "steady"


def changes(store: Store, flt: EventFilter, *, freq: str = "week", baseline: int = 4, unit: str = "events",
            by: str = "actor", min_events: int = 3, n: int = 50) -> dict[str, Any]:
    """The latest period against the mean of the `baseline` periods before it, per actor or per dyad.

    A row's band: "surge" (at least twice its baseline), "up", "steady", "down", "drop" (half or less);
    where the baseline mean is below `min_events` the ratio says little, so the band is "low baseline"
    unless the latest count is at least twice `min_events` and three times the baseline ("new" when the
    baseline is zero). `new_actors`/`new_dyads` are keys with events in the latest period and none
    before it in the whole store (within the filter).
    """
    if freq not in _PERIOD_DAYS:
        raise BadFilter(f"freq must be one of {', '.join(_PERIOD_DAYS)}, not {freq!r}", option="freq", value=freq)
    if by not in ("actor", "dyad"):
        raise BadFilter(f"by must be actor or dyad, not {by!r}", option="by", value=by)
    counted, params = _counted(flt, unit == "events")
    keys = ("code",) if by == "actor" else ("source_code", "target_code")
    sides = ("SELECT date, source_code AS code FROM counted WHERE source_code IS NOT NULL UNION ALL "
             "SELECT date, target_code FROM counted WHERE target_code IS NOT NULL "
             "AND target_code IS DISTINCT FROM source_code") if by == "actor" else \
        "SELECT date, source_code, target_code FROM counted WHERE source_code IS NOT NULL AND target_code IS NOT NULL"
    # `freq` is one of _PERIOD_DAYS (checked): never user text.
    table = _arrow(store, f"""
        WITH counted AS ({counted}), keyed AS ({sides})
        SELECT {', '.join(keys)}, CAST(date_trunc('{freq}', date) AS DATE) AS period, count(*) AS events
        FROM keyed WHERE date IS NOT NULL GROUP BY ALL""", params)
    counts = table.to_pylist()
    if not counts:
        return {"freq": freq, "baseline": baseline, "by": by, "latest": None, "rows": [], "new": []}
    latest: dt.date = _trunc(flt.date_to, freq) if isinstance(flt.date_to, dt.date) else \
        max(r["period"] for r in counts)
    window = {_shift(latest, freq, k) for k in range(1, baseline + 1)}
    per: dict[tuple[str, ...], dict[str, Any]] = {}
    for r in counts:
        key = tuple(r[k] for k in keys)
        entry = per.setdefault(key, {"current": 0, "base": 0, "before": 0})
        if r["period"] == latest:
            entry["current"] += r["events"]
        elif r["period"] in window:
            entry["base"] += r["events"]
        if r["period"] < latest:
            entry["before"] += r["events"]
    out: list[dict[str, Any]] = []
    for key, entry in per.items():
        if entry["current"] == 0 and entry["base"] == 0:
            continue
        mean = entry["base"] / baseline
        row = dict(zip(keys, key, strict=True))
        row.update({"latest": entry["current"], "baseline_mean": round(mean, 2),
                    "change": entry["current"] - mean,
                    "band": _band(entry["current"], mean, min_events=min_events),
                    "new": entry["before"] == 0 and entry["current"] > 0})
        out.append(row)
    out.sort(key=lambda r: (-abs(r["change"]), *(r[k] for k in keys)))
    return {"freq": freq, "baseline": baseline, "by": by, "unit": unit, "latest": latest.isoformat(),
            "baseline_from": _shift(latest, freq, baseline).isoformat(), "min_events": min_events,
            "rows": out[:n], "new": [r for r in out if r["new"]][:n]}


def _trunc(day: dt.date, freq: str) -> dt.date:
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    if freq == "year":
        return day.replace(month=1, day=1)
    return day


# ---- negotiations -----------------------------------------------------------------------------------


def negotiations(boards: Sequence[Any]) -> list[dict[str, Any]]:
    """The processes of tracked boards, as plain data."""
    return [b.process.to_dict() for b in boards]


def negotiation(boards: Sequence[Any], process_id: str) -> dict[str, Any]:
    """The board of one process (by id or a prefix no other id shares), as plain data.

    Raises:
        UnknownProcess: no process has this id, or the prefix is ambiguous.
    """
    found = [b for b in boards if b.process.id == process_id] or \
        [b for b in boards if b.process.id.startswith(process_id)]
    if len(found) != 1:
        raise UnknownProcess(process_id, candidates=[b.process.id for b in found] if len(found) > 1 else [])
    return dict(found[0].to_dict())
