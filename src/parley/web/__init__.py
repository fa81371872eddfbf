"""The web dashboard and REST API (`parley serve`; docs/web.md). Needs the `web` extra.

    >>> from parley.web import create_app
    >>> app = create_app("news.duckdb")      # an ASGI app: uvicorn.run(app, host="127.0.0.1")

The inbox (`parley.web.inbox`), through which `parley ingest` hands batches to a running server, needs
nothing beyond Parley itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app"]


def create_app(db: Any, **options: Any) -> FastAPI:
    """The web app serving the store at `db` (see `parley.web.app.create_app`)."""
    from parley.web.app import create_app as create

    return create(db, **options)
