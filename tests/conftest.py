"""Shared fixtures: hand-made events, a fake coder for CLI tests, and the shared data folder."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from parley.errors import ArticleError, InputError, ParleyError
from parley.types import ActorMention, Article, Attribution, Event, Speaker, TextSpan

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """The project's shared data folder (gold sets, corpus); tests using it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not available")
    return SHARED


def make_event(**overrides: Any) -> Event:
    """A complete, plausible event; override any field by keyword."""
    fields: dict[str, Any] = dict(
        event_id="a1-0-0",
        article_id="a1",
        sentence_index=0,
        trigger=TextSpan("rejected", 14, 22),
        source=ActorMention("The rebels", 0, 10, "REB", "Rebels", None, "REB"),
        target=ActorMention("the offer", 23, 32, "QAT", "Qatar", "QAT", None),
        cameo="010",
        cameo_name="Make statement",
        plover="CONSULT",
        plover_mode=None,
        quad=1,
        goldstein=0.0,
        negated=False,
        modality=None,
        date="2025-03-14",
        date_precision="day",
        date_basis="published",
        location=None,
        attribution=Attribution(),
        rule="test-rule",
        evidence=TextSpan("The rebels rejected the offer.", 0, 30),
    )
    fields.update(overrides)
    return Event(**fields)


@dataclasses.dataclass(frozen=True)
class FakeResult:
    """Same fields as `parley.coder.CodingResult`."""

    article_id: str | None
    article: Article | None
    events: list[Event]
    error: ParleyError | None


class FakeCoder:
    """Emits one event per article; an article whose text contains "FAIL" fails to code."""

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.articles: list[Article] = []

    def code_articles(
        self, articles: Iterable[Article | InputError], *, n_process: int = 1
    ) -> Iterator[FakeResult]:
        for item in articles:
            if isinstance(item, InputError):
                yield FakeResult(item.article_id, None, [], item)
                continue
            self.articles.append(item)
            if "FAIL" in item.text:
                error = ArticleError("parser gave up", article_id=item.id, step="parse")
                yield FakeResult(item.id, item, [], error)
                continue
            date = item.published.isoformat() if item.published else None
            event = make_event(
                event_id=f"{item.id}-0-0",
                article_id=item.id,
                date=date,
                attribution=Attribution(speaker=Speaker("the envoy", "QATGOV"), cue="said", quoted=True),
            )
            yield FakeResult(item.id, item, [event], None)


@pytest.fixture
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> FakeCoder:
    """Make the CLI use a `FakeCoder`; the fixture value records what it was given."""
    import parley.cli

    coder = FakeCoder()

    def load(**kwargs: Any) -> FakeCoder:
        coder.kwargs = kwargs
        return coder

    monkeypatch.setattr(parley.cli, "load_coder", load)
    return coder


@pytest.fixture(scope="session")
def coder():
    """One real `Coder` (the pinned spaCy model) shared by the whole test session."""
    from parley.coder import Coder

    return Coder()


@pytest.fixture
def boards_of(coder, tmp_path):
    """A function: the negotiation boards `track` finds once the given articles are ingested into a new store
    (with the session's real coder)."""
    from parley.negotiation import track
    from parley.store import Store, ingest

    stores = itertools.count()

    def boards(articles):
        db = tmp_path / f"talks-{next(stores)}.duckdb"   # a new store for each call
        ingest(list(articles), db=db, coder=coder)
        with Store.open(db, read_only=True) as store:
            return track(store)

    return boards
