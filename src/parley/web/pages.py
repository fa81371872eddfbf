"""The dashboard's pages, rendered by the server (Jinja2) with their data embedded for Plotly.js.

Every page reads the same filter state from its URL (`parley.web.filters`), so any view can be
bookmarked and shared; the filter bar and every clickable mark change the URL, never hidden state.
Each page links to the API call that gives its data (JSON, CSV, GeoJSON) with the same filter.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from parley.errors import BadFilter
from parley.web import data
from parley.web.filters import FILTER_NAMES, Query, parse_query
from parley.web.server import Server

__all__ = ["error_page", "router"]

router = APIRouter(include_in_schema=False)
_env = Environment(loader=FileSystemLoader(str(resources.files("parley.web") / "templates")),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
PAGES = (("/", "Overview"), ("/events", "Events"), ("/map", "Map"), ("/dyads", "Dyads"),
         ("/changes", "Changes"), ("/actors", "Actors"), ("/negotiations", "Negotiations"))


def _json(value: Any) -> Markup:
    """Data for a page's script, safe inside <script type="application/json">."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


_env.filters["tojson_safe"] = _json


def _server(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


def _query(request: Request, *view: str) -> Query:
    raw = {k: request.query_params.getlist(k) for k in request.query_params}
    return parse_query(raw, allowed_view=view, strict=False)


def _render(request: Request, template: str, q: Query | None, title: str, *, filters: bool = True,
            **context: Any) -> HTMLResponse:
    """A page; `filters=False` leaves out the filter bar (pages of one item, which no filter narrows)."""
    html = _env.get_template(template).render(
        request=request, q=q, title=title, pages=PAGES, path=request.url.path, show_filters=filters,
        filter_names=FILTER_NAMES, given=dict(q.given) if q else {}, **context)
    return HTMLResponse(html)


def error_page(request: Request, status: int, message: str) -> Response:
    """An error as a short page (the API answers JSON instead)."""
    html = _env.get_template("error.html").render(request=request, q=None, title=f"Error {status}", pages=PAGES,
                                                  path=request.url.path, status=status, message=message,
                                                  filter_names=FILTER_NAMES, given={})
    return HTMLResponse(html, status_code=status)


def _choice(q: Query, name: str, choices: Sequence[str], default: str) -> str:
    return q.view_choice(name, choices, default)


# ---- pages ------------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    q = _query(request, "freq", "unit")
    freq = _choice(q, "freq", ("day", "week", "month"), "week")
    unit = _choice(q, "unit", data.UNITS, "events")
    server = _server(request)
    with server.reader() as store:
        view = data.overview(store, q.filters, freq=freq, unit=unit, cache=server.cached)
        actors = data.rows(_top_actors(store, q))
    return _render(request, "overview.html", q, "Overview", view=view, actors=actors, freq=freq, unit=unit,
                   api=q.url("/api/v1/overview"))


def _top_actors(store: Any, q: Query) -> Any:
    from parley.store import top_actors

    return top_actors(store, 10, filters=q.filters)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    q = _query(request, "unit", "limit", "offset")
    unit = _choice(q, "unit", data.UNITS, "events")
    limit = q.view_int("limit", 50, low=1, high=data.MAX_LIMIT)
    offset = q.view_int("offset", 0, low=0)
    server = _server(request)
    with server.reader() as store:
        page = data.events_page(store, q.filters, clusters=unit == "events", limit=limit, offset=offset,
                                cache=server.cached)
    endpoint = "/api/v1/clusters" if unit == "events" else "/api/v1/events"
    return _render(request, "events.html", q, "Events", page=page, unit=unit, limit=limit, offset=offset,
                   api=q.url(endpoint, unit=None))


@router.get("/events/{cluster_id}", response_class=HTMLResponse)
def event_page(request: Request, cluster_id: str) -> Response:
    q = _query(request)
    with _server(request).reader() as store:
        try:
            view = data.cluster_view(store, cluster_id)
        except BadFilter as e:
            return error_page(request, 404, str(e))
    return _render(request, "event.html", q, "Event", filters=False, view=view, api=f"/api/v1/clusters/{cluster_id}")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    q = _query(request, "unit")
    unit = _choice(q, "unit", data.UNITS, "events")
    server = _server(request)
    with server.reader() as store:
        view = data.map_view(store, q.filters, unit=unit)
        listed = data.events_page(store, q.filters, clusters=True, limit=20, cache=server.cached)
    return _render(request, "map.html", q, "Map", view=view, unit=unit, listed=listed,
                   api=q.url("/api/v1/map", unit=None))


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(request: Request) -> HTMLResponse:
    q = _query(request, "a", "b", "freq", "unit")
    freq = _choice(q, "freq", ("week", "month", "year"), "month")
    unit = _choice(q, "unit", data.UNITS, "events")
    a, b = q.view.get("a"), q.view.get("b")
    if (a is None or b is None) and q.filters.dyad is not None:
        a, b = q.filters.dyad
    from parley.store import top_dyads

    with _server(request).reader() as store:
        top = data.rows(top_dyads(store, 15, by_cluster=unit == "events", filters=q.filters))
        if (a is None or b is None) and top:
            a, b = top[0]["source_code"], top[0]["target_code"]
        view = data.dyad_view(store, q.filters, a, b, freq=freq, unit=unit, limit=15) if a and b else None
    api = q.url("/api/v1/dyad", a=a, b=b) if a and b else q.url("/api/v1/dyads")
    return _render(request, "dyads.html", q, "Dyads", view=view, top=top, freq=freq, unit=unit, api=api)


@router.get("/changes", response_class=HTMLResponse)
def changes_page(request: Request) -> HTMLResponse:
    q = _query(request, "freq", "baseline", "by", "unit")
    freq = _choice(q, "freq", ("week", "month"), "week")
    baseline = int(_choice(q, "baseline", ("4", "52"), "4"))
    by = _choice(q, "by", ("actor", "dyad"), "actor")
    unit = _choice(q, "unit", data.UNITS, "events")
    with _server(request).reader() as store:
        view = data.changes(store, q.filters, freq=freq, baseline=baseline, by=by, unit=unit)
    return _render(request, "changes.html", q, "Changes", view=view, freq=freq, baseline=baseline, by=by,
                   unit=unit, api=q.url("/api/v1/changes"))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    q = _query(request, "n", "unit")
    n = q.view_int("n", 40, low=1, high=200)
    unit = _choice(q, "unit", data.UNITS, "events")
    with _server(request).reader() as store:
        view = data.network(store, q.filters, n=n, unit=unit)
    _layout(view)
    return _render(request, "actors.html", q, "Actors", view=view, n=n, unit=unit,
                   api=q.url("/api/v1/network"))


def _layout(view: dict[str, Any]) -> None:
    """Place the network's nodes on a circle, heaviest first (stable and readable for tens of nodes)."""
    nodes = sorted(view["nodes"], key=lambda node: (-node["events"], node["code"]))
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / max(len(nodes), 1)
        node["x"], node["y"] = round(math.cos(angle), 4), round(math.sin(angle), 4)
    view["nodes"] = nodes


@router.get("/negotiations", response_class=HTMLResponse)
def negotiations_page(request: Request) -> HTMLResponse:
    q = _query(request)
    processes = data.negotiations(_server(request).boards())
    return _render(request, "negotiations.html", q, "Negotiations", filters=False, processes=processes,
                   api="/api/v1/negotiations")


@router.get("/negotiations/{process_id}", response_class=HTMLResponse)
def negotiation_page(request: Request, process_id: str) -> HTMLResponse:
    q = _query(request)
    board = data.negotiation(_server(request).boards(), process_id)
    parties = [p for p in board["roles"] if p["role"] == "party"]
    return _render(request, "negotiation.html", q, board["process"]["name"], filters=False, board=board,
                   parties=parties, api=f"/api/v1/negotiations/{board['process']['id']}")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> Response:
    q = _query(request)
    with _server(request).reader() as store:
        try:
            view = data.article_view(store, article_id)
        except BadFilter as e:
            return error_page(request, 404, str(e))
    return _render(request, "article.html", q, view["article"].get("title") or article_id, filters=False,
                   view=view, segments=_segments(view), api=f"/api/v1/articles/{article_id}")


def _segments(view: dict[str, Any]) -> list[dict[str, Any]]:
    """The article text cut into plain and marked stretches (triggers, actors), for the article page."""
    text = view["article"]["text"] or ""
    marks: dict[int, tuple[int, str, int]] = {}
    for i, event in enumerate(view["events"]):
        for role in ("source", "trigger", "target"):
            start, end = event.get(f"{role}_start"), event.get(f"{role}_end")
            if start is None or end is None or not 0 <= start < end <= len(text):
                continue
            if all(end <= s or start >= e for s, (e, _, _) in marks.items()):
                marks[start] = (end, role, i)
    out, at = [], 0
    for start in sorted(marks):
        end, role, i = marks[start]
        if start > at:
            out.append({"text": text[at:start]})
        out.append({"text": text[start:end], "role": role, "event": i})
        at = end
    out.append({"text": text[at:]})
    return out
