"""The web application: REST API, dashboard pages, local static files, and the rules that keep it safe.

Safe by default: the CLI binds to 127.0.0.1 and checks the Host header against loopback names (no DNS
rebinding); another address needs `--allow-remote` and a token, which every writing endpoint checks.
Request bodies are bounded; every error is answered in one JSON shape (pages: a short HTML message),
never with a stack trace.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from parley.errors import BadOption, MissingExtra, ParleyError, StoreError, UnknownProcess
from parley.web.api import ApiError, router
from parley.web.server import DEFAULT_SERVE_MEMORY, Server

__all__ = ["DEFAULT_MAX_BODY", "LOOPBACK_HOSTS", "create_app"]

DEFAULT_MAX_BODY = 5 * 1024 * 1024
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
log = logging.getLogger("parley.web")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413, by Content-Length or while streaming."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _too_large(self.limit, send)
            return
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        # Read the body up to the limit before the app sees it (bodies here are small: articles, texts),
        # so that a streamed body over the limit is a 413 however it is sent.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                await _too_large(self.limit, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


async def _too_large(limit: int, send: Send) -> None:
    response = JSONResponse({"error": {"status": 413, "message": f"the request body is over {limit} bytes",
                                       "parameter": None}}, status_code=413)
    await response({"type": "http"}, _nothing, send)


async def _nothing() -> Message:
    return {"type": "http.disconnect"}


def _plotly_js() -> Path | None:
    try:
        import plotly
    except ImportError:
        return None
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return path if path.is_file() else None


def _error(status: int, message: str, parameter: str | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message, "parameter": parameter}},
                        status_code=status)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


def create_app(db: str | os.PathLike[str], *, token: str | None = None, allowed_hosts: tuple[str, ...] | None =
               LOOPBACK_HOSTS, max_body: int = DEFAULT_MAX_BODY, merge_interval: float = 1.0,
               memory_limit: str | None = DEFAULT_SERVE_MEMORY) -> FastAPI:
    """The web app serving the store at `db` (which it opens for writing and owns while it runs).

    Args:
        db: the store file (created when missing).
        token: when given, every writing endpoint requires it (`Authorization: Bearer <token>`).
        allowed_hosts: Host header values accepted (loopback names by default; None accepts any).
        max_body: the largest request body accepted, in bytes.
        merge_interval: seconds between looks into the inbox (`parley ingest` while serving).
        memory_limit: DuckDB's memory limit for the store ("2GB"; None: DuckDB's default, 80% of RAM).

    Raises:
        MissingExtra: the web extra is not installed.
        StoreLocked, StoreError: the store cannot be opened for writing.
    """
    try:
        from fastapi_offline import FastAPIOffline
    except ImportError as e:
        raise MissingExtra("the web server", extra="web", module=e.name or "fastapi") from e
    from parley.web.pages import router as pages_router

    server = Server(db, merge_interval=merge_interval, memory_limit=memory_limit)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        server.start()
        try:
            yield
        finally:
            server.stop()

    app = FastAPIOffline(title="Parley", version=_version(), lifespan=lifespan,
                         description="Events coded from news (CAMEO/PLOVER), merged reports, negotiations. "
                                     "docs/web.md documents every endpoint and filter.",
                         favicon_url="/static/favicon.svg")
    app.state.server = server
    app.state.token = token
    app.include_router(router)
    app.include_router(pages_router)
    static = resources.files("parley.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    plotly_js = _plotly_js()

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly() -> Response:
        if plotly_js is None:
            return _error(404, "plotly is not installed: pip install 'parley[web]'")
        from fastapi.responses import FileResponse

        return FileResponse(plotly_js, media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    _handlers(app)
    app.add_middleware(BodyLimit, limit=max_body)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return app


def _version() -> str:
    import parley

    return parley.__version__


def _handlers(app: FastAPI) -> None:
    from parley.web.pages import error_page

    def answer(request: Request, status: int, message: str, parameter: str | None = None) -> Response:
        if _wants_html(request):
            return error_page(request, status, message)
        return _error(status, message, parameter)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, e: ApiError) -> Response:
        return answer(request, e.status, e.message, e.parameter)

    @app.exception_handler(BadOption)
    async def bad_option(request: Request, e: BadOption) -> Response:
        option = getattr(e, "option", None)
        return answer(request, 400, str(e), option if isinstance(option, str) else None)

    @app.exception_handler(UnknownProcess)
    async def unknown_process(request: Request, e: UnknownProcess) -> Response:
        return answer(request, 404, str(e), "process_id")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, e: StoreError) -> Response:
        log.error("store error: %s", e)
        first = e.message.strip().splitlines()[0] if e.message.strip() else "database error"
        return answer(request, 503, f"the store cannot be read now: {first}")

    @app.exception_handler(ParleyError)
    async def parley_error(request: Request, e: ParleyError) -> Response:
        return answer(request, 400, str(e))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, e: RequestValidationError) -> Response:
        problems = []
        parameter = None
        for err in e.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
            parameter = parameter or where or None
            problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return answer(request, 422, "; ".join(problems) or "invalid request", parameter)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, e: StarletteHTTPException) -> Response:
        message = str(e.detail) if e.status_code != 404 else f"no such page or endpoint: {request.url.path}"
        return answer(request, e.status_code, message)

    @app.exception_handler(Exception)
    async def crash(request: Request, e: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return answer(request, 500, "internal error (logged by the server); please report it")

