"""Read the store back: events or event clusters matching filters, time series, top actors and dyads.

Every function takes an open `Store` and returns an Arrow table (`table.to_pandas()` when pandas is
installed). Filters are the keyword arguments of `EventFilter`; each becomes a condition of a
parameterised SQL query, so user values are never spliced into SQL text. docs/store.md documents the
filters, the counting rules and every column returned.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from parley.actors.countries import country_code, country_name
from parley.errors import BadFilter, BadOption, UnknownFilter
from parley.ontology import PLOVER_TYPES, ontology
from parley.store.store import Store, _mapped
from parley.types import MODALITIES

__all__ = [
    "CLUSTER_COLUMNS",
    "EVENT_COLUMNS",
    "FREQUENCIES",
    "EventFilter",
    "count_events",
    "query_events",
    "time_series",
    "top_actors",
    "top_dyads",
]

FREQUENCIES = ("day", "week", "month", "year")
#: The most periods a time series holds (a stray date far from the rest cannot make it explode).
MAX_PERIODS = 20_000
_FREQ_DAYS = {"day": 1, "week": 7, "month": 28, "year": 365}

# Columns of `query_events` (one row per mention): the `events` table without `event_json`, with the
# mention's cluster and its article's metadata after the ids. Explicit, so the result is a contract
# that does not move when a migration adds a column to `events`.
_EVENT_FIELDS = (
    "sentence_index", "trigger_text", "trigger_start", "trigger_end",
    "source_text", "source_start", "source_end", "source_code", "source_name", "source_country", "source_sector",
    "target_text", "target_start", "target_end", "target_code", "target_name", "target_country", "target_sector",
    "cameo", "cameo_root", "cameo_name", "plover", "plover_mode", "quad", "goldstein", "negated", "modality",
    "date", "date_precision", "date_basis", "location_name", "location_country", "location_lat", "location_lon",
    "location_kind", "location_basis", "relevant", "factual", "background", "carried_by", "speaker_text",
    "speaker_code", "cue", "reported_by", "hedged",
    "quoted",
    "object_text", "object_start", "object_end", "evidence_text", "evidence_start", "evidence_end",
    "rule", "version",
)
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "cluster_id", "article_id", "publisher", "published", "url", "title", *_EVENT_FIELDS,
)
"""Columns of `query_events(...)`, in order (docs/store.md, "Query results")."""

CLUSTER_COLUMNS: tuple[str, ...] = (
    "cluster_id", "source_code", "target_code", "cameo_root", "negated", "anchor_date",
    "location_name", "location_country", "location_lat", "location_lon", "cameo", "cameo_name", "plover",
    "quad", "goldstein", "source_name", "target_name", "date_start", "date_end", "first_reported",
    "n_mentions", "n_articles", "n_sources", "n_hedged", "factual", "location_kind", "location_basis",
)
"""Columns of `query_events(..., clusters=True)`: those of `event_clusters`, in order."""

_CAMEO_PREFIX = re.compile(r"\d{2,4}")
_SERIES_COLUMNS = ("events", "q1", "q2", "q3", "q4", "goldstein_mean", "goldstein_sum")


def _as_date(value: dt.date | str | None, name: str) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as e:
        raise BadFilter(f"{name} must be a date (YYYY-MM-DD), not {value!r}", option=name, value=value) from e


def _text(value: Any, name: str) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        raise BadFilter(f"{name} must not be empty", option=name, value=value)
    return text


#: Where an event's place was found, nearest first (`Location.basis`).
PLACE_BASES = ("clause", "sentence", "occasion", "paragraph", "dateline", "article", "country")
#: What `EventFilter.modality` takes: "factual" (what the text says happened), "nonfactual", "all", or
#: modality names (`parley.types.MODALITIES`).
MODALITY_CHOICES = ("factual", "nonfactual", "all", *MODALITIES)
_FACTUAL_SQL = "(e.modality IS NULL OR (e.modality IN ('future', 'intent') AND e.cameo_root IN ('03', '13')))"


@dataclass(frozen=True)
class EventFilter:
    """Which events to read. Every filter given must hold (AND); `None` means "any".

    An actor (`actor`, `source`, `target`, each side of `dyad`) matches an event's actor when it equals
    its CAMEO actor code (case-insensitive: "sdnmil" finds "SDNMIL") or is part of its name (case-
    insensitive: "sudan" finds "Sudanese military").

    Attributes:
        actor: either side of the event.
        source, target: that side only.
        country: ISO alpha-3 country of either actor (source or target), or several (any of them).
        dyad: `(a, b)`, order-free: events of a on b and of b on a. For one direction give
            `source=a, target=b` instead. A three-letter code also matches the codes that extend it:
            "USA" finds "USAGOV" and "USAMIL" (for every actor filter).
        cluster: the mentions of one event cluster (its `cluster_id`).
        cameo: a CAMEO code or the start of one, as a string of 2 to 4 digits: "19" (the root, every
            19x code), "190", "0211".
        plover: PLOVER event type (case-insensitive), e.g. "ASSAULT".
        quad: quad class 1-4, or several.
        date_from, date_to: inclusive range of the row's date (a mention's date is its event date, else
            its article's publication date; a cluster's is `date_start`). Undated rows never match a range.
        place: part of the event's place name (case-insensitive), or its ISO alpha-3 country.
        place_basis: only events whose place was found at one of these levels ("clause", "sentence",
            "occasion", "paragraph", "dateline", "article", "country"; see docs/schema.md), e.g. ("clause",)
            for places the event's own clause names.
        publisher: part of the article's publisher (case-insensitive).
        relevant_only: True (default) leaves out events that are not political-event data (`Event.relevant`:
            companies, private persons, celebrities in non-political acts); False keeps them.
        attributed_only: only events credited to someone (a speaker, a speech verb or a "reported by").
        unhedged_only: only events not marked as unconfirmed ("reportedly", "allegedly").
        negated: False (default) leaves out events the text says did not happen; True keeps only those;
            None keeps both.
        modality: ("factual",) (default): only acts the text says happened, not what was demanded,
            offered, threatened, planned or set as a condition (`Event.factual`; negation is the
            `negated` filter's); ("nonfactual",) the others; ("all",) both; or modality names
            ("demanded", "offered", ...; docs/schema.md), which keep events with one of them.
        background: False (default) leaves out acts told as earlier history (`Event.background`); True
            keeps only those; None keeps both.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | tuple[str, ...] | None = None
    dyad: tuple[str, str] | None = None
    cameo: str | None = None
    plover: str | None = None
    quad: int | tuple[int, ...] | None = None
    date_from: dt.date | str | None = None
    date_to: dt.date | str | None = None
    place: str | None = None
    place_basis: tuple[str, ...] | None = None
    publisher: str | None = None
    relevant_only: bool = True
    attributed_only: bool = False
    unhedged_only: bool = False
    negated: bool | None = False
    modality: tuple[str, ...] | None = ("factual",)
    background: bool | None = False
    cluster: str | None = None

    def __post_init__(self) -> None:
        for name in ("actor", "source", "target", "plover", "place", "publisher", "cameo", "cluster"):
            object.__setattr__(self, name, _text(getattr(self, name), name))
        if self.country is not None:
            object.__setattr__(self, "country", _countries(self.country))
        if self.cameo is not None and not _CAMEO_PREFIX.fullmatch(self.cameo):
            raise BadFilter(f"cameo must be a CAMEO code or its start as 2 to 4 digits (\"19\", \"190\"), "
                            f"not {self.cameo!r}", option="cameo", value=self.cameo)
        if self.cameo is not None and not any(c.code.startswith(self.cameo) for c in ontology()):
            raise BadFilter(f"cameo {self.cameo!r} is no CAMEO code nor the start of one; the roots are 01 to 20",
                            option="cameo", value=self.cameo)
        if self.plover is not None and self.plover.upper() not in PLOVER_TYPES:
            raise BadFilter(f"plover must be a PLOVER event type ({', '.join(sorted(PLOVER_TYPES))}), not "
                            f"{self.plover!r}", option="plover", value=self.plover)
        if self.dyad is not None:
            if not isinstance(self.dyad, tuple | list) or len(self.dyad) != 2:
                raise BadFilter(f"dyad must be a pair of actors (a, b), not {self.dyad!r}", option="dyad",
                                value=self.dyad)
            object.__setattr__(self, "dyad", (_text(self.dyad[0], "dyad"), _text(self.dyad[1], "dyad")))
        if self.quad is not None:
            quads = (self.quad,) if isinstance(self.quad, int) else tuple(self.quad)
            if not quads or any(isinstance(q, bool) or q not in (1, 2, 3, 4) for q in quads):
                raise BadFilter(f"quad must be 1, 2, 3 or 4 (or several of them), not {self.quad!r}", option="quad",
                                value=self.quad)
            object.__setattr__(self, "quad", quads[0] if len(quads) == 1 else quads)
        if self.place_basis is not None:
            bases = (self.place_basis,) if isinstance(self.place_basis, str) else tuple(self.place_basis)
            wrong = [b for b in bases if b not in PLACE_BASES]
            if not bases or wrong:
                raise BadFilter(f"place_basis must be one or more of {', '.join(PLACE_BASES)}, not "
                                f"{self.place_basis!r}", option="place_basis", value=self.place_basis)
            object.__setattr__(self, "place_basis", bases)
        if self.modality is not None:
            chosen = (self.modality,) if isinstance(self.modality, str) else tuple(self.modality)
            wrong = [m for m in chosen if m not in MODALITY_CHOICES]
            if not chosen or wrong:
                raise BadFilter(f"modality must be one or more of {', '.join(MODALITY_CHOICES)}, not "
                                f"{self.modality!r}", option="modality", value=self.modality)
            object.__setattr__(self, "modality", None if "all" in chosen else chosen)
        object.__setattr__(self, "date_from", _as_date(self.date_from, "date_from"))
        object.__setattr__(self, "date_to", _as_date(self.date_to, "date_to"))

    @classmethod
    def of(cls, filters: EventFilter | None = None, **kwargs: Any) -> EventFilter:
        """A filter from keyword arguments, or `filters` with some of them replaced.

        Raises:
            UnknownFilter: an unknown filter name.
            BadFilter: a filter has an impossible value.
        """
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = set(kwargs) - names
        if unknown:
            raise UnknownFilter(unknown, known=sorted(names))
        return dataclasses.replace(filters, **kwargs) if filters is not None else cls(**kwargs)

    # ---- SQL
    def mention_conditions(self) -> tuple[list[str], list[Any]]:
        """Conditions on a mention (`events e` joined with `cluster_mentions m`), dates and negation aside."""
        where: list[str] = []
        params: list[Any] = []

        def actor(role: str, value: str) -> str:
            if len(value) == 3 and value.isalpha():
                # "USA" also finds "USAGOV", "USAMIL": a country's state organs are the country's
                params.extend([value.upper(), value.lower()])
                return f"(starts_with(e.{role}_code, ?) OR contains(lower(e.{role}_name), ?))"
            params.extend([value.upper(), value.lower()])
            return f"(e.{role}_code = ? OR contains(lower(e.{role}_name), ?))"

        if self.actor is not None:
            where.append(f"({actor('source', self.actor)} OR {actor('target', self.actor)})")
        if self.source is not None:
            where.append(actor("source", self.source))
        if self.target is not None:
            where.append(actor("target", self.target))
        if self.dyad is not None:
            a, b = self.dyad
            where.append(f"(({actor('source', a)} AND {actor('target', b)}) "
                         f"OR ({actor('source', b)} AND {actor('target', a)}))")
        if self.country is not None:
            countries = list(self.country)
            marks = ", ".join("?" * len(countries))
            where.append(f"(e.source_country IN ({marks}) OR e.target_country IN ({marks}))")
            params.extend(countries * 2)
        if self.cluster is not None:
            where.append("m.cluster_id = ?")
            params.append(self.cluster)
        if self.cameo is not None:
            where.append("starts_with(e.cameo, ?)")
            params.append(self.cameo)
        if self.plover is not None:
            where.append("upper(e.plover) = ?")
            params.append(self.plover.upper())
        if self.quad is not None:
            quads = [self.quad] if isinstance(self.quad, int) else list(self.quad)
            where.append(f"e.quad IN ({', '.join('?' * len(quads))})")
            params.extend(quads)
        if self.place is not None:
            where.append("(contains(lower(e.location_name), ?) OR e.location_country = ?)")
            params.extend([self.place.lower(), self.place.upper()])
        self._flag_conditions(where, params)
        return where, params

    def _flag_conditions(self, where: list[str], params: list[Any]) -> None:
        """The place-level, outlet and yes/no filters, appended to `where` and `params`."""
        if self.place_basis is not None:
            where.append(f"e.location_basis IN ({', '.join('?' * len(self.place_basis))})")
            params.extend(self.place_basis)
        if self.publisher is not None:
            where.append("contains(lower(m.publisher), ?)")
            params.append(self.publisher.lower())
        if self.relevant_only:
            where.append("coalesce(e.relevant, true)")
        if self.attributed_only:
            where.append("(e.speaker_text IS NOT NULL OR e.cue IS NOT NULL OR len(e.reported_by) > 0)")
        if self.unhedged_only:
            where.append("NOT e.hedged")
        if self.modality is not None:
            names = [m for m in self.modality if m in MODALITIES]
            either = [f"e.modality IN ({', '.join('?' * len(names))})"] if names else []
            params.extend(names)
            if "factual" in self.modality:
                either.append(_FACTUAL_SQL)
            if "nonfactual" in self.modality:
                either.append(f"NOT {_FACTUAL_SQL}")
            where.append(f"({' OR '.join(either)})")
        if self.background is not None:
            where.append("coalesce(e.background, false)" if self.background else "NOT coalesce(e.background, false)")

    def row_conditions(self, *, date: str, negated: str) -> tuple[list[str], list[Any]]:
        """Conditions on the row itself: its date column and its negated column (by SQL expression)."""
        where: list[str] = []
        params: list[Any] = []
        if self.negated is not None:
            where.append(negated if self.negated else f"NOT {negated}")
        if self.date_from is not None:
            where.append(f"{date} >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            where.append(f"{date} <= ?")
            params.append(self.date_to)
        return where, params


def _countries(value: str | Iterable[str]) -> tuple[str, ...]:
    """ISO alpha-3 codes, checked against the country table; a name or a two-letter code gets a suggestion."""
    given = (value,) if isinstance(value, str) else tuple(value)
    out = []
    for item in given:
        text = _text(item, "country") or ""
        code = text.upper()
        if len(code) == 3 and country_name(code) is not None:
            out.append(code)
            continue
        guess = country_code(text)
        hint = f" (did you mean {guess}?)" if guess else ""
        raise BadFilter(f"country must be an ISO 3166 alpha-3 code such as USA, GBR, UKR, not {item!r}{hint}",
                        option="country", value=item)
    if not out:
        raise BadFilter("country must name at least one country", option="country", value=value)
    return tuple(out)


def _sql_and(conditions: Sequence[str]) -> str:
    return " AND ".join(conditions) if conditions else "TRUE"


def _arrow(store: Store, sql: str, params: Sequence[Any]) -> pa.Table:
    with _mapped(store.path):
        return store.con.sql(sql, params=list(params) if params else None).to_arrow_table()


def _limit(limit: int | None) -> str:
    if limit is None:
        return ""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise BadOption(f"limit must be a whole number of 0 or more, not {limit!r}", option="limit", value=limit)
    return f"LIMIT {int(limit)}"


def _matching_clusters(flt: EventFilter) -> tuple[str, list[Any]]:
    """SQL for the cluster rows (alias c) having at least one mention that passes the filter."""
    mention_where, mention_params = flt.mention_conditions()
    row_where, row_params = flt.row_conditions(date="c.date_start", negated="c.negated")
    where, params = list(row_where), list(row_params)
    if mention_where:
        # A semi-join: only the ids of clusters with a matching mention, then the clusters themselves.
        where.append(f"""c.cluster_id IN (
            SELECT m.cluster_id FROM events e JOIN cluster_mentions m ON m.event_id = e.event_id
            WHERE {_sql_and(mention_where)})""")
        params += mention_params
    return f"FROM event_clusters c WHERE {_sql_and(where)}", params


def _matching_mentions(flt: EventFilter, *, articles: bool = False) -> tuple[str, list[Any]]:
    """SQL for the mentions (aliases e, m; and a for their articles when asked) that pass the filter."""
    mention_where, mention_params = flt.mention_conditions()
    row_where, row_params = flt.row_conditions(date="m.date", negated="e.negated")
    join = " JOIN articles a ON a.id = e.article_id" if articles else ""
    sql = (f"FROM events e JOIN cluster_mentions m ON m.event_id = e.event_id{join} "
           f"WHERE {_sql_and(row_where + mention_where)}")
    return sql, row_params + mention_params


def query_events(store: Store, *, actor: str | None = None, source: str | None = None, target: str | None = None,
                 country: str | Iterable[str] | None = None, dyad: tuple[str, str] | None = None,
                 cameo: str | None = None,
                 plover: str | None = None, quad: int | Iterable[int] | None = None,
                 date_from: dt.date | str | None = None, date_to: dt.date | str | None = None,
                 place: str | None = None, place_basis: tuple[str, ...] | None = None,
                 publisher: str | None = None, relevant_only: bool = True, attributed_only: bool = False,
                 unhedged_only: bool = False, negated: bool | None = False,
                 modality: str | tuple[str, ...] | None = ("factual",), background: bool | None = False,
                 cluster: str | None = None, clusters: bool = False, limit: int | None = None) -> pa.Table:
    """The stored events (or event clusters) that pass every filter given, as an Arrow table.

    Args:
        store: an open store.
        actor, source, target, country, dyad, cameo, plover, quad, date_from, date_to, place, place_basis,
            publisher, relevant_only, attributed_only, unhedged_only, negated, modality, background, cluster:
            the filters, as described by `EventFilter`.
        clusters: one row per event cluster (columns `CLUSTER_COLUMNS`) instead of one per mention
            (`EVENT_COLUMNS`). A cluster is returned when at least one of its mentions passes the
            filters; its counts stay those of the whole cluster.
        limit: at most this many rows.

    Returns:
        Mentions ordered by date (undated last), then ingest order; clusters by `date_start`, then id.

    Raises:
        BadFilter: a filter has an impossible value (cameo "abc", quad 5, a malformed date).
        BadOption: `limit` is negative.
        StoreError: the store could not be read.
    """
    flt = EventFilter(actor=actor, source=source, target=target,
                      country=country if country is None or isinstance(country, str) else tuple(country),
                      dyad=dyad, cameo=cameo,
                      plover=plover, quad=_quads(quad), date_from=date_from, date_to=date_to,
                      place=place, place_basis=place_basis, publisher=publisher, relevant_only=relevant_only,
                      attributed_only=attributed_only, unhedged_only=unhedged_only, negated=negated,
                      modality=modality if not isinstance(modality, str) else (modality,), background=background,
                      cluster=cluster)
    return select_events(store, flt, clusters=clusters, limit=limit)


def _quads(quad: int | Iterable[int] | None) -> int | tuple[int, ...] | None:
    if quad is None or isinstance(quad, int):
        return quad
    return tuple(quad)


def select_events(store: Store, flt: EventFilter, *, clusters: bool = False, limit: int | None = None,
                  offset: int = 0) -> pa.Table:
    """`query_events` with the filters given as one `EventFilter` (what the exports and the web use).

    The order is stable (ties broken by id), so `limit` and `offset` page through the rows.
    """
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise BadOption(f"offset must be a whole number of 0 or more, not {offset!r}", option="offset", value=offset)
    page = f"{_limit(limit)} OFFSET {int(offset)}" if offset else _limit(limit)
    if clusters:
        body, params = _matching_clusters(flt)
        columns = ", ".join(f"c.{name}" for name in CLUSTER_COLUMNS)
        order = "date_start NULLS LAST, {p}cluster_id"
        if limit is None:
            sql = f"SELECT {columns} {body} ORDER BY c.{order.format(p='c.')} {page}"
        else:
            # A page: sort only the keys of the matching rows, then read the whole rows of that page.
            sql = (f"WITH page AS (SELECT c.cluster_id, c.date_start {body} ORDER BY c.{order.format(p='c.')} "
                   f"{page}) SELECT {columns} FROM page p JOIN event_clusters c ON c.cluster_id = p.cluster_id "
                   f"ORDER BY p.{order.format(p='p.')}")
        return _arrow(store, sql, params)
    body, params = _matching_mentions(flt, articles=True)
    columns = ", ".join(["e.event_id", "m.cluster_id", "e.article_id", "m.publisher", "m.published", "a.url",
                         "a.title", *(f"e.{name}" for name in _EVENT_FIELDS)])
    order = "m.date NULLS LAST, a.ingest_seq, e.sentence_index, e.trigger_start, e.event_id"
    if limit is None:
        return _arrow(store, f"SELECT {columns} {body} ORDER BY {order} {page}", params)
    # A page: sort only the keys of the matching mentions (no wide columns through the joins and the sort),
    # then read the whole rows of the page's mentions, in the same order.
    sql = (f"WITH page AS (SELECT e.event_id, m.date AS k_date, a.ingest_seq AS k_seq, "
           f"e.sentence_index AS k_sentence, e.trigger_start AS k_trigger {body} ORDER BY {order} {page}) "
           f"SELECT {columns} FROM page p JOIN events e ON e.event_id = p.event_id "
           "JOIN cluster_mentions m ON m.event_id = e.event_id JOIN articles a ON a.id = e.article_id "
           "ORDER BY p.k_date NULLS LAST, p.k_seq, p.k_sentence, p.k_trigger, p.event_id")
    return _arrow(store, sql, params)


def count_events(store: Store, flt: EventFilter, *, clusters: bool = False) -> int:
    """How many rows `select_events(store, flt, clusters=clusters)` gives without a limit."""
    body, params = _matching_clusters(flt) if clusters else _matching_mentions(flt)
    table = _arrow(store, f"SELECT count(*) AS n {body}", params)
    return int(table.column("n")[0].as_py())


# ---- aggregates ------------------------------------------------------------------------------------


# A mention dated to the day: by the text, or by its article's publication date.
_DAY_DATED = "(e.date IS NULL OR coalesce(e.date_precision, 'day') = 'day')"


def _counted(flt: EventFilter, by_cluster: bool, *, day_dated: bool = False) -> tuple[str, list[Any]]:
    """SQL for the rows counted by the statistics: date, quad, goldstein and the two actors. `day_dated`
    leaves out what is dated only to a month or a year (a cluster counts when one mention is dated to
    the day)."""
    if by_cluster:
        body, params = _matching_clusters(flt)
        if day_dated:
            # Leave out the clusters with no mention dated to the day. Few mentions are dated coarser, so
            # only their clusters are looked at: far cheaper than asking every cluster for a day-dated one.
            coarse = _DAY_DATED.replace("e.", "e2.")
            body += (" AND c.cluster_id NOT IN (SELECT m.cluster_id FROM events e JOIN cluster_mentions m "
                     "ON m.event_id = e.event_id WHERE m.cluster_id IN (SELECT m2.cluster_id FROM events e2 "
                     f"JOIN cluster_mentions m2 ON m2.event_id = e2.event_id WHERE NOT {coarse}) "
                     f"GROUP BY m.cluster_id HAVING NOT bool_or({_DAY_DATED}))")
        return (f"SELECT c.date_start AS date, c.quad, c.goldstein, c.source_code, c.source_name, "
                f"c.target_code, c.target_name {body}"), params
    body, params = _matching_mentions(flt)
    if day_dated:
        body += f" AND {_DAY_DATED}"
    return (f"SELECT m.date AS date, e.quad, e.goldstein, e.source_code, e.source_name, e.target_code, "
            f"e.target_name {body}"), params


def time_series(store: Store, *, actor: str | None = None, dyad: tuple[str, str] | None = None,
                freq: str = "month", by_cluster: bool = True, filters: EventFilter | None = None,
                **more: Any) -> pa.Table:
    """Counts by quad class and Goldstein mean and sum per day, week or month.

    Args:
        store: an open store.
        actor: events where this actor takes part (either side).
        dyad: events between these two actors, either direction.
        freq: "day", "week" (ISO weeks, starting on Monday), "month" or "year".
        by_cluster: count each event cluster once, dated by its `date_start`, with its representative
            quad class and Goldstein weight (default); False counts every mention (every report).
        filters: an `EventFilter` to start from.
        **more: any other filter of `EventFilter` (source, target, cameo, date_from, publisher, ...).

    Returns:
        One row per period from the first to the last period with an event, empty periods included
        (zero counts, null mean), or over the whole range `date_from`..`date_to` when given: `period`
        (DATE, the first day), `events`, `q1`..`q4` (INT64), `goldstein_mean`, `goldstein_sum` (DOUBLE).
        Undated events are not counted; in a daily or weekly series neither are events dated only to a
        month or a year ("in March", "last year"), which count in monthly and yearly series only. At
        most `MAX_PERIODS` periods from the first.

    Raises:
        BadOption: an unknown `freq`, or a `date_from`..`date_to` range of more than `MAX_PERIODS`.
        BadFilter: an impossible filter value.
        UnknownFilter: an unknown filter name.
    """
    if freq not in FREQUENCIES:
        raise BadOption(f"freq must be one of {', '.join(FREQUENCIES)}, not {freq!r}", option="freq", value=freq)
    flt = EventFilter.of(filters, **_given(actor=actor, dyad=dyad), **more)
    if isinstance(flt.date_from, dt.date) and isinstance(flt.date_to, dt.date):
        asked = (flt.date_to - flt.date_from).days // _FREQ_DAYS[freq] + 1
        if asked > MAX_PERIODS:
            raise BadOption(f"{flt.date_from}..{flt.date_to} is about {asked:,} periods of a {freq}; a series has at "
                            f"most {MAX_PERIODS:,}: narrow the dates or count per a longer period", option="freq",
                            value=freq)
    counted, params = _counted(flt, by_cluster, day_dated=freq in ("day", "week"))
    # The range asked for, else the periods with events (dates are checked `dt.date`s: no user text).
    lo = "min(period)" if flt.date_from is None else \
        f"coalesce(CAST(date_trunc('{freq}', DATE '{flt.date_from}') AS DATE), min(period))"
    hi = "max(period)" if flt.date_to is None else \
        f"coalesce(CAST(date_trunc('{freq}', DATE '{flt.date_to}') AS DATE), max(period))"
    # The literal `freq` is one of FREQUENCIES, checked above: never user text.
    sql = f"""
        WITH counted AS ({counted}),
        buckets AS (
            SELECT CAST(date_trunc('{freq}', date) AS DATE) AS period,
                   count(*) AS events,
                   count(*) FILTER (WHERE quad = 1) AS q1, count(*) FILTER (WHERE quad = 2) AS q2,
                   count(*) FILTER (WHERE quad = 3) AS q3, count(*) FILTER (WHERE quad = 4) AS q4,
                   avg(goldstein) AS goldstein_mean, coalesce(sum(goldstein), 0) AS goldstein_sum
            FROM counted WHERE date IS NOT NULL GROUP BY 1
        ),
        periods AS (
            SELECT CAST(p AS DATE) AS period
            FROM (SELECT {lo} AS lo, {hi} AS hi FROM buckets) b,
                 generate_series(CAST(b.lo AS TIMESTAMP),
                                 least(CAST(b.hi AS TIMESTAMP),
                                       CAST(b.lo AS TIMESTAMP) + {MAX_PERIODS - 1} * INTERVAL 1 {freq}),
                                 INTERVAL 1 {freq}) g(p)
            WHERE b.lo IS NOT NULL
        )
        SELECT p.period,
               CAST(coalesce(b.events, 0) AS BIGINT) AS events,
               CAST(coalesce(b.q1, 0) AS BIGINT) AS q1, CAST(coalesce(b.q2, 0) AS BIGINT) AS q2,
               CAST(coalesce(b.q3, 0) AS BIGINT) AS q3, CAST(coalesce(b.q4, 0) AS BIGINT) AS q4,
               CAST(b.goldstein_mean AS DOUBLE) AS goldstein_mean,
               CAST(coalesce(b.goldstein_sum, 0) AS DOUBLE) AS goldstein_sum
        FROM periods p LEFT JOIN buckets b ON b.period = p.period
        ORDER BY p.period"""
    return _arrow(store, sql, params)


def top_actors(store: Store, n: int = 10, *, by_cluster: bool = True, filters: EventFilter | None = None,
               **more: Any) -> pa.Table:
    """The `n` actors (by CAMEO actor code) taking part in the most events, on either side.

    Args:
        store: an open store.
        n: how many actors.
        by_cluster: count event clusters (default) or, when False, mentions.
        filters, **more: which events to count, as for `time_series`.

    Returns:
        `actor_code`, `actor_name` (the name seen most often with the code, ties to the smallest), `events`,
        `as_source`, `as_target` (INT64), `goldstein_mean` (DOUBLE), most events first, then by code. Actors
        without a code are not counted.
    """
    flt = EventFilter.of(filters, **more)
    counted, params = _counted(flt, by_cluster)
    sql = f"""
        WITH counted AS ({counted}),
        sides AS (
            SELECT source_code AS code, source_name AS name, goldstein, 1 AS s, 0 AS t FROM counted
            WHERE source_code IS NOT NULL
            UNION ALL
            SELECT target_code, target_name, goldstein, 0, 1 FROM counted
            WHERE target_code IS NOT NULL AND target_code IS DISTINCT FROM source_code
        ),
        names AS ({_NAMES.format(code="code", name="name", rows="sides")})
        SELECT code AS actor_code, any_value(names.name) AS actor_name, count(*) AS events,
               CAST(sum(s) AS BIGINT) AS as_source, CAST(sum(t) AS BIGINT) AS as_target,
               avg(goldstein) AS goldstein_mean
        FROM sides LEFT JOIN names USING (code)
        GROUP BY code ORDER BY events DESC, actor_code {_limit(n)}"""
    return _arrow(store, sql, params)


# The name seen most often with each code among `rows` (ties to the smallest name), one row per code:
# "USAELI" shows one person throughout a table, not whichever name sorts first.
_NAMES = """
    SELECT code, first(name ORDER BY n DESC, name) AS name FROM (
        SELECT {code} AS code, {name} AS name, count(*) AS n FROM {rows}
        WHERE {code} IS NOT NULL AND {name} IS NOT NULL GROUP BY {code}, {name}
    ) GROUP BY code"""


def top_dyads(store: Store, n: int = 10, *, by_cluster: bool = True, filters: EventFilter | None = None,
              **more: Any) -> pa.Table:
    """The `n` directed dyads (source code, target code) with the most events.

    Args:
        store: an open store.
        n: how many dyads.
        by_cluster: count event clusters (default) or, when False, mentions.
        filters, **more: which events to count, as for `time_series`.

    Returns:
        `source_code`, `source_name`, `target_code`, `target_name`, `events`, `q1`..`q4` (INT64),
        `goldstein_mean`, `goldstein_sum` (DOUBLE), most events first, then by codes. Events without
        both actor codes are not counted.
    """
    flt = EventFilter.of(filters, **more)
    counted, params = _counted(flt, by_cluster)
    sql = f"""
        WITH counted AS ({counted}),
        source_names AS ({_NAMES.format(code="source_code", name="source_name", rows="counted")}),
        target_names AS ({_NAMES.format(code="target_code", name="target_name", rows="counted")})
        SELECT source_code, any_value(sn.name) AS source_name, target_code, any_value(tn.name) AS target_name,
               count(*) AS events,
               count(*) FILTER (WHERE quad = 1) AS q1, count(*) FILTER (WHERE quad = 2) AS q2,
               count(*) FILTER (WHERE quad = 3) AS q3, count(*) FILTER (WHERE quad = 4) AS q4,
               avg(goldstein) AS goldstein_mean, CAST(coalesce(sum(goldstein), 0) AS DOUBLE) AS goldstein_sum
        FROM counted LEFT JOIN source_names sn ON sn.code = counted.source_code
             LEFT JOIN target_names tn ON tn.code = counted.target_code
        WHERE source_code IS NOT NULL AND target_code IS NOT NULL
        GROUP BY source_code, target_code
        ORDER BY events DESC, source_code, target_code {_limit(n)}"""
    return _arrow(store, sql, params)


def _given(**kwargs: Any) -> dict[str, Any]:
    return {k: v for k, v in kwargs.items() if v is not None}
