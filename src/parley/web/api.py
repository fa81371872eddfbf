"""The REST API under /api/v1: the same filters and field names as the CLI's exports.

Every read endpoint takes the event filters (`parley.web.filters.FILTER_NAMES`) as query parameters;
tables come as JSON (default), CSV or JSON Lines (`format=`), the map also as GeoJSON. Lists page with
`limit`/`offset` in a stable order. Writing endpoints (`POST /code`, `POST /articles`) check the token
when the server has one. Errors are one JSON shape: `{"error": {"status", "message", "parameter"}}`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hmac
import io
import json
from collections.abc import Callable, Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from parley.errors import BadFilter, InputError
from parley.types import Article
from parley.web import data
from parley.web.filters import Query as FilterQuery
from parley.web.filters import parse_query
from parley.web.server import Server

__all__ = ["ApiError", "MAX_TEXT", "router"]

MAX_TEXT = 200_000
MAX_ARTICLES = 200
FREQS = ("day", "week", "month", "year")


class ApiError(Exception):
    """An error answered as `{"error": {...}}` with this status."""

    def __init__(self, status: int, message: str, parameter: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter


def _server(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


def filter_params(
    request: Request,
    actor: Annotated[str | None, Query(description="Either side: CAMEO actor code or part of a name.")] = None,
    source: Annotated[str | None, Query(description="Source actor: code or part of a name.")] = None,
    target: Annotated[str | None, Query(description="Target actor: code or part of a name.")] = None,
    dyad: Annotated[str | None, Query(description="Two actors, comma-separated, either direction.")] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code or its start (2-4 digits).")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type.")] = None,
    date_from: Annotated[str | None, Query(description="First day (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, Query(description="Last day (YYYY-MM-DD).")] = None,
    place: Annotated[str | None, Query(description="Part of the place name, or its ISO alpha-3 country.")] = None,
    publisher: Annotated[str | None, Query(description="Part of the outlet's name.")] = None,
    cluster: Annotated[str | None, Query(description="One merged event's id.")] = None,
    country: Annotated[list[str] | None, Query(description="ISO alpha-3 country of either actor.")] = None,
    quad: Annotated[list[str] | None, Query(description="Quad class 1-4.")] = None,
    place_basis: Annotated[list[str] | None,
                           Query(description="clause, sentence, occasion, paragraph, dateline, article, "
                                             "country.")] = None,
    modality: Annotated[list[str] | None, Query(description="factual (default), nonfactual, all, or names.")]
    = None,
    relevant_only: Annotated[str | None, Query(description="true (default) or false.")] = None,
    attributed_only: Annotated[str | None, Query(description="true or false (default).")] = None,
    unhedged_only: Annotated[str | None, Query(description="true or false (default).")] = None,
    negated: Annotated[str | None, Query(description="false (default), true or any.")] = None,
    background: Annotated[str | None, Query(description="false (default), true or any.")] = None,
) -> FilterQuery:
    """The filter of a request, from its raw query (declared above for the OpenAPI schema)."""
    del actor, source, target, dyad, cameo, plover, date_from, date_to, place, publisher, cluster, country, quad
    del place_basis, modality, relevant_only, attributed_only, unhedged_only, negated, background
    allowed = request.scope.get("parley_view", ())
    raw = {k: request.query_params.getlist(k) for k in request.query_params}
    return parse_query(raw, allowed_view=allowed)


def _view(*names: str) -> Callable[[Request], None]:
    def mark(request: Request) -> None:
        request.scope["parley_view"] = names
    return mark


Filters = Annotated[FilterQuery, Depends(filter_params)]
Format = Annotated[str, Query(description="json (default), csv or jsonl.", pattern="^(json|csv|jsonl)$")]
Freq = Annotated[str, Query(description="day, week, month or year.", pattern="^(day|week|month|year)$")]
Unit = Annotated[str, Query(description="events (merged) or reports (every mention).", pattern="^(events|reports)$")]
Limit = Annotated[int, Query(ge=1, le=data.MAX_LIMIT, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip (stable order).")]

router = APIRouter(prefix="/api/v1")


# ---- output -----------------------------------------------------------------------------------------


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def table_response(rows: Iterable[dict[str, Any]], fmt: str, *, name: str, extra: dict[str, Any] | None = None
                   ) -> Response:
    """Rows as JSON (`{"rows": [...], **extra}`), CSV or JSON Lines."""
    rows = list(rows)
    if fmt == "csv":
        out = io.StringIO()
        columns = list(rows[0]) if rows else []
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    if fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        return Response(text, media_type="application/x-ndjson; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.jsonl"'})
    return JSONResponse({**(extra or {}), "rows": rows})


# ---- reading ----------------------------------------------------------------------------------------


@router.get("/meta", summary="Totals, coverage by outlet and freshness of the store")
def meta(request: Request, q: Filters) -> dict[str, Any]:
    server = _server(request)
    with server.reader() as store:
        view = data.overview(store, q.filters, freq="year", cache=server.cached)
    view.pop("series")
    return view


@router.get("/overview", summary="Counts over time by quad class, with totals and coverage",
            dependencies=[Depends(_view("freq", "unit"))])
def overview(request: Request, q: Filters, freq: Freq = "week", unit: Unit = "events") -> dict[str, Any]:
    server = _server(request)
    with server.reader() as store:
        return data.overview(store, q.filters, freq=freq, unit=unit, cache=server.cached)


@router.get("/series", summary="Time series of the filtered events",
            dependencies=[Depends(_view("freq", "unit", "format"))])
def series(request: Request, q: Filters, freq: Freq = "month", unit: Unit = "events", format: Format = "json"
           ) -> Response:
    from parley.store import time_series

    with _server(request).reader() as store:
        table = time_series(store, freq=freq, by_cluster=unit == "events", filters=q.filters)
    return table_response(data.rows(table), format, name="series", extra={"freq": freq, "unit": unit})


@router.get("/events", summary="Reports (one row per mention), a page at a time",
            dependencies=[Depends(_view("limit", "offset", "format"))])
def events(request: Request, q: Filters, limit: Limit = 50, offset: Offset = 0, format: Format = "json"
           ) -> Response:
    server = _server(request)
    with server.reader() as store:
        page = data.events_page(store, q.filters, clusters=False, limit=limit, offset=offset, cache=server.cached)
    return table_response(page.pop("rows"), format, name="events", extra=page)


@router.get("/clusters", summary="Merged events (one row per event cluster), a page at a time",
            dependencies=[Depends(_view("limit", "offset", "format"))])
def clusters(request: Request, q: Filters, limit: Limit = 50, offset: Offset = 0, format: Format = "json"
             ) -> Response:
    server = _server(request)
    with server.reader() as store:
        page = data.events_page(store, q.filters, clusters=True, limit=limit, offset=offset, cache=server.cached)
    return table_response(page.pop("rows"), format, name="clusters", extra=page)


@router.get("/clusters/{cluster_id}", summary="One merged event with every report of it")
def cluster(request: Request, cluster_id: str) -> dict[str, Any]:
    with _server(request).reader() as store:
        return _found(lambda: data.cluster_view(store, cluster_id))


@router.get("/actors", summary="Top actors by events, either side",
            dependencies=[Depends(_view("n", "unit", "format"))])
def actors(request: Request, q: Filters, n: Annotated[int, Query(ge=1, le=1000)] = 20, unit: Unit = "events",
           format: Format = "json") -> Response:
    from parley.store import top_actors

    with _server(request).reader() as store:
        table = top_actors(store, n, by_cluster=unit == "events", filters=q.filters)
    return table_response(data.rows(table), format, name="actors")


@router.get("/dyads", summary="Top directed dyads by events", dependencies=[Depends(_view("n", "unit", "format"))])
def dyads(request: Request, q: Filters, n: Annotated[int, Query(ge=1, le=1000)] = 20, unit: Unit = "events",
          format: Format = "json") -> Response:
    from parley.store import top_dyads

    with _server(request).reader() as store:
        table = top_dyads(store, n, by_cluster=unit == "events", filters=q.filters)
    return table_response(data.rows(table), format, name="dyads")


@router.get("/dyad", summary="A->B and B->A side by side: series and latest events",
            dependencies=[Depends(_view("a", "b", "freq", "unit"))])
def dyad(request: Request, q: Filters, a: Annotated[str, Query(min_length=1, max_length=200)],
         b: Annotated[str, Query(min_length=1, max_length=200)], freq: Freq = "month", unit: Unit = "events"
         ) -> dict[str, Any]:
    with _server(request).reader() as store:
        return data.dyad_view(store, q.filters, a, b, freq=freq, unit=unit)


@router.get("/network", summary="Who acts on whom: weighted directed edges and their actors",
            dependencies=[Depends(_view("n", "unit"))])
def network(request: Request, q: Filters, n: Annotated[int, Query(ge=1, le=500)] = 60, unit: Unit = "events"
            ) -> dict[str, Any]:
    with _server(request).reader() as store:
        return data.network(store, q.filters, n=n, unit=unit)


@router.get("/changes", summary="The latest period against its baseline, per actor or dyad",
            dependencies=[Depends(_view("freq", "baseline", "by", "unit", "format"))])
def changes(request: Request, q: Filters, freq: Annotated[str, Query(pattern="^(week|month)$")] = "week",
            baseline: Annotated[int, Query(description="Periods before the latest: 4 or 52.", ge=1, le=104)] = 4,
            by: Annotated[str, Query(pattern="^(actor|dyad)$")] = "actor", unit: Unit = "events",
            format: Format = "json") -> Response:
    with _server(request).reader() as store:
        view = data.changes(store, q.filters, freq=freq, baseline=baseline, by=by, unit=unit)
    return table_response(view.pop("rows"), format, name="changes", extra=view)


@router.get("/map", summary="Events per country of their place, and placed events as points",
            dependencies=[Depends(_view("unit", "format"))])
def map_(request: Request, q: Filters, unit: Unit = "events",
         format: Annotated[str, Query(pattern="^(json|geojson|csv)$")] = "json") -> Response:
    with _server(request).reader() as store:
        view = data.map_view(store, q.filters, unit=unit)
    if format == "geojson":
        return JSONResponse(data.geojson(view), media_type="application/geo+json")
    if format == "csv":
        return table_response(view["countries"], "csv", name="map_countries")
    return JSONResponse(view)


@router.get("/negotiations", summary="Negotiation processes", dependencies=[Depends(_view("format"))])
def negotiations(request: Request, format: Format = "json") -> Response:
    _no_filters(request, "format")
    return table_response(data.negotiations(_server(request).boards()), format, name="negotiations")


@router.get("/negotiations/{process_id}", summary="The board of one negotiation process")
def negotiation(request: Request, process_id: str) -> dict[str, Any]:
    _no_filters(request)
    return data.negotiation(_server(request).boards(), process_id)


@router.get("/articles", summary="Stored articles (metadata), a page at a time",
            dependencies=[Depends(_view("limit", "offset", "format"))])
def articles(request: Request, limit: Limit = 50, offset: Offset = 0, format: Format = "json",
             publisher: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    _no_filters(request, "limit", "offset", "format", "publisher")
    with _server(request).reader() as store:
        where, params = ("WHERE contains(lower(publisher), ?)", [publisher.lower()]) if publisher else ("", [])
        total = store._arrow(f"SELECT count(*) AS n FROM articles {where}", params).column("n")[0].as_py()
        table = store._arrow(f"""SELECT * EXCLUDE (text) FROM articles {where}
                                 ORDER BY ingest_seq, id LIMIT {int(limit)} OFFSET {int(offset)}""", params)
    return table_response(data.rows(table), format, name="articles",
                          extra={"total": total, "limit": limit, "offset": offset})


@router.get("/articles/{article_id}", summary="One article's text with its coded events")
def article(request: Request, article_id: str) -> dict[str, Any]:
    with _server(request).reader() as store:
        return _found(lambda: data.article_view(store, article_id))


def _found(view: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        return view()
    except BadFilter as e:
        raise ApiError(404, str(e)) from None


def _no_filters(request: Request, *allowed: str) -> None:
    unknown = sorted(k for k in request.query_params if k not in allowed)
    if unknown:
        raise ApiError(400, f"unknown parameter {', '.join(map(repr, unknown))}; this call takes "
                            f"{', '.join(allowed) or 'none'}", unknown[0])


# ---- writing ----------------------------------------------------------------------------------------


def check_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writing endpoints: the server's token as `Authorization: Bearer <token>`, when it has one."""
    token: str | None = request.app.state.token
    if token is None:
        return
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "this endpoint writes: send the server's token as 'Authorization: Bearer <token>'")


class CodeRequest(BaseModel):
    """A text to code (nothing is stored)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    published: dt.date | None = None


class ArticleIn(BaseModel):
    """An article to ingest (as a JSON Lines record, docs/cli.md)."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=500)
    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=2000)
    published: dt.date | None = None
    url: str | None = Field(default=None, max_length=4000)
    publisher: str | None = Field(default=None, max_length=500)


class IngestRequest(BaseModel):
    """Articles to code and store (at most 200 a request)."""

    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


@router.post("/code", summary="Code a text and return its events (nothing is stored)",
             dependencies=[Depends(check_token)])
def code(request: Request, body: CodeRequest) -> dict[str, Any]:
    try:
        events = _server(request).code(body.text, published=body.published)
    except InputError as e:
        raise ApiError(400, str(e), "text") from None
    return {"events": [json.loads(json.dumps(e.to_dict(), default=str)) for e in events]}


@router.post("/articles", summary="Code articles and store them (one transaction)",
             dependencies=[Depends(check_token)])
def ingest(request: Request, body: IngestRequest) -> dict[str, Any]:
    articles = [Article(id=a.id, text=a.text, title=a.title, published=a.published, url=a.url,
                        publisher=a.publisher) for a in body.articles]
    report = _server(request).ingest(articles)
    return {k: getattr(report, k) for k in ("read", "coded", "skipped_unchanged", "replaced", "failed", "events")}


@router.post("/inbox/merge", summary="Merge the batches waiting in the inbox now",
             dependencies=[Depends(check_token)])
def merge(request: Request) -> dict[str, Any]:
    report = _server(request).merge_inbox()
    return {k: getattr(report, k) for k in ("read", "coded", "skipped_unchanged", "replaced", "failed", "events")}

