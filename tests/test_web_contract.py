"""Contract fuzzing of the REST API from its own OpenAPI schema (Schemathesis): whatever the parameters
and bodies the schema allows — and the malformed ones Schemathesis derives from it — no endpoint answers
with a server error. Bounded example counts keep the run short in CI.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
pytest.importorskip("fastapi")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from conftest import FakeResult, make_event  # noqa: E402
from parley.store import Store  # noqa: E402
from parley.types import Article  # noqa: E402
from parley.web import create_app  # noqa: E402
from parley.web.app import LOOPBACK_HOSTS  # noqa: E402

TOKEN = "contract-token"


def _store() -> Path:
    path = Path(tempfile.mkdtemp(prefix="parley-contract-")) / "news.duckdb"
    results = []
    for i, day in enumerate(("2025-01-06", "2025-01-07", "2025-02-11")):
        article = Article(id=f"c{i}", text=f"The rebels rejected the offer {i}.", published=dt.date.fromisoformat(day),
                          publisher="Contract Post")
        results.append(FakeResult(article.id, article, [make_event(event_id=f"c{i}-0-0", article_id=article.id,
                                                                   date=day)], None))
    with Store.open(path) as store:
        store.write(results)
    return path


class _Coder:
    """The server's coder for this test: codes nothing, fast (the coder has its own fuzzing suite)."""

    def code(self, text: str, *, published: object = None) -> list[object]:
        return []

    def code_articles(self, articles: object, *, n_process: int = 1) -> list[object]:
        return [FakeResult(a.id, a, [], None) for a in articles]  # type: ignore[attr-defined]


# Schemathesis's in-process client calls itself "testserver": a loopback name for this test.
app = create_app(_store(), token=TOKEN, merge_interval=3600, allowed_hosts=(*LOOPBACK_HOSTS, "testserver"))
app.state.server._coder = _Coder()
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_endpoint_answers_with_a_server_error(case: schemathesis.Case) -> None:
    response = case.call(headers={"authorization": f"Bearer {TOKEN}"})
    case.validate_response(response, checks=[not_a_server_error])
