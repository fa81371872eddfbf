"""Nine negotiation stories written by a helper who never saw the tracker's code, each with the board the
writer expects (tests/fixtures/stories_unseen/expected.json; actor codes are the knowledge base's). What
the tracker does not get yet is a strict xfail, so that the day it passes is noticed; the first-sight
record is in docs/negotiations.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.coder import Coder
from parley.negotiation import Board, track
from parley.readers import read_jsonl
from parley.store import Store, ingest

STORIES = Path(__file__).parent / "fixtures" / "stories_unseen"
EXPECTED = json.loads((STORIES / "expected.json").read_text(encoding="utf-8"))
STATE_SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG")

# (story, aspect) the tracker does not get yet, with why
NOT_YET = {
}


def _norm(code: str) -> str:
    return code[:3] if len(code) == 6 and code[3:] in STATE_SECTORS else code


@pytest.fixture(scope="module")
def boards(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Board]]:
    coder = Coder()
    out = {}
    for story in EXPECTED:
        db = tmp_path_factory.mktemp(story) / "talks.duckdb"
        ingest(list(read_jsonl(STORIES / f"{story}.jsonl")), db=db, coder=coder)
        with Store.open(db, read_only=True) as store:
            out[story] = track(store)
    return out


def _cases(aspect: str) -> list:
    return [pytest.param(story, marks=pytest.mark.xfail(strict=True, reason=NOT_YET[(story, aspect)]))
            if (story, aspect) in NOT_YET else story for story in sorted(EXPECTED)]


def _one(boards: dict[str, list[Board]], story: str) -> Board:
    found = boards[story]
    assert len(found) == 1, [b.process.name for b in found]
    return found[0]


@pytest.mark.parametrize("story", _cases("parties"))
def test_parties(boards, story):
    board = _one(boards, story)
    assert {r.actor.id for r in board.roles if r.role == "party"} == {_norm(c) for c in EXPECTED[story]["parties"]}


@pytest.mark.parametrize("story", _cases("mediators"))
def test_mediators(boards, story):
    board = _one(boards, story)
    assert {r.actor.id for r in board.roles if r.role == "mediator"} == set(EXPECTED[story]["mediators"])


@pytest.mark.parametrize("story", _cases("history"))
def test_state_history(boards, story):
    board = _one(boards, story)
    assert [[s.status, s.date] for s in board.state_history] == EXPECTED[story]["history"]


@pytest.mark.parametrize("story", _cases("gaps"))
def test_gaps(boards, story):
    board = _one(boards, story)
    assert {g.topic for g in board.gaps} == set(EXPECTED[story]["gaps"])
