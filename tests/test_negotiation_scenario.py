"""The negotiation scenario: recall, resumption with a mediators' proposal, partial deal.

Three articles of our own (tests/fixtures) are ingested in turn with the real coder into one store; after
each, the board is checked exactly: roles, state, every party's position history per issue, and the gaps.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from parley.negotiation import Board, board, find_processes, format_board
from parley.negotiation.cli import negotiation_command, negotiations_command
from parley.store import Store, ingest
from parley.types import Article

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = [("recall_2025-03-14.txt", "2025-03-14"), ("resume_2025-03-20.txt", "2025-03-20"),
            ("deal_2025-03-27.txt", "2025-03-27")]
# The name grows with what the articles tell: the issue first, then the venue once talks are held there.
NAMES = ["United States–Hamas talks on ceasefire terms (Qatar, Egypt mediating)",
         "United States–Hamas talks on ceasefire terms in Cairo (Qatar, Egypt mediating)",
         "United States–Hamas talks on ceasefire terms in Cairo (Qatar, Egypt mediating)"]
WSJ = ("the Wall Street Journal", "officials")

ROLES_RECALL = [("party", "USA", None), ("party", "PSEREB", None), ("mediator", "QAT", None),
                ("mediator", "EGY", None), ("host", "QAT", "Doha"), ("host", "TUR", "Turkey"),
                ("guarantor", "QAT", None), ("guarantor", "EGY", None)]
ROLES_LATER = [*ROLES_RECALL[:6], ("host", "EGY", "Cairo"), *ROLES_RECALL[6:]]

# (stance, statement, what it points back to, quantities, date)
US_OFFER = ("offer", "the latest U.S. ceasefire offer", None, [], "2025-03-14")
HAMAS_REJECTS = ("reject", "the latest U.S. ceasefire offer", None, [], "2025-03-14")
HAMAS_200 = ("demand", "the release of 200 prisoners", None, [(200, "prisoners")], "2025-03-14")
HAMAS_AID = ("demand", "aid delivered only by UN agencies", None, [], "2025-03-14")
HAMAS_GUARANTEES = ("demand", "guarantees from Qatar and Egypt that the war will not resume", None, [], "2025-03-14")
TRUCE_42 = ("a 42-day truce", [(42, "days")])
PRISONERS_120 = ("the release of 120 prisoners instead of 200", [(120, "prisoners")])
US_ACCEPTS = [("accept", "the proposal", TRUCE_42[0], TRUCE_42[1], "2025-03-20"),
              ("accept", "the proposal", PRISONERS_120[0], PRISONERS_120[1], "2025-03-20")]
HAMAS_ACCEPTS = [("accept", "the new proposal", TRUCE_42[0], TRUCE_42[1], "2025-03-20"),
                 ("accept", "the new proposal", PRISONERS_120[0], PRISONERS_120[1], "2025-03-20")]
HAMAS_GUARANTEES_AGAIN = ("demand", "guarantees that the war will not resume", None, [], "2025-03-20")
SIGNED = ("agree", "a partial agreement on Wednesday to exchange prisoners", None, [], "2025-03-26")
SWAP = ("concede", "30 hostages held in Gaza in exchange for 120 Palestinian prisoners", None,
        [(30, "hostages"), (120, "prisoners")], "2025-03-27")

ISSUES = [
    {
        "ceasefire": {"USA": [US_OFFER], "PSEREB": [HAMAS_REJECTS]},
        "prisoners": {"PSEREB": [HAMAS_200]},
        "humanitarian_aid": {"PSEREB": [HAMAS_AID]},
        "guarantees": {"PSEREB": [HAMAS_GUARANTEES]},
    },
    {
        "ceasefire": {"USA": [US_OFFER, US_ACCEPTS[0]], "PSEREB": [HAMAS_REJECTS, HAMAS_ACCEPTS[0]]},
        "prisoners": {"USA": [US_ACCEPTS[1]], "PSEREB": [HAMAS_200, HAMAS_ACCEPTS[1]]},
        "humanitarian_aid": {"PSEREB": [HAMAS_AID]},
        "guarantees": {"PSEREB": [HAMAS_GUARANTEES, HAMAS_GUARANTEES_AGAIN]},
    },
    {
        "ceasefire": {"USA": [US_OFFER, US_ACCEPTS[0]], "PSEREB": [HAMAS_REJECTS, HAMAS_ACCEPTS[0]]},
        "prisoners": {"USA": [US_ACCEPTS[1], SIGNED], "PSEREB": [HAMAS_200, HAMAS_ACCEPTS[1], SIGNED, SWAP]},
        "humanitarian_aid": {"PSEREB": [HAMAS_AID]},
        "guarantees": {
            "USA": [("reject", "the demand", "guarantees from the United States", [], "2025-03-27")],
            "PSEREB": [HAMAS_GUARANTEES, HAMAS_GUARANTEES_AGAIN,
                       ("demand", "guarantees from the United States", None, [], "2025-03-27")],
        },
    },
]
PROPOSALS = [
    {},
    {"ceasefire": [("QAT", "a new ceasefire proposal"), ("EGY", "a new ceasefire proposal"),
                   ("QAT", "a 42-day truce"), ("EGY", "a 42-day truce")],
     "prisoners": [("EGY", "the release of 120 prisoners instead of 200")]},
]
PROPOSALS.append(PROPOSALS[1])
STATES = [
    [("ongoing", "2025-01-01"), ("suspended", "2025-03-13")],
    [("ongoing", "2025-01-01"), ("suspended", "2025-03-13"), ("ongoing", "2025-03-19")],
    [("ongoing", "2025-01-01"), ("suspended", "2025-03-13"), ("ongoing", "2025-03-19"),
     ("partial_agreement", "2025-03-26")],
]
GAPS = [
    [("ceasefire", "conflict", [("USA", "offer"), ("PSEREB", "reject")]),
     ("guarantees", "open_demand", [("PSEREB", "demand")]),
     ("humanitarian_aid", "open_demand", [("PSEREB", "demand")]),
     ("prisoners", "open_demand", [("PSEREB", "demand")])],
    [("guarantees", "open_demand", [("PSEREB", "demand")]),
     ("humanitarian_aid", "open_demand", [("PSEREB", "demand")])],
    [("guarantees", "conflict", [("USA", "reject"), ("PSEREB", "demand")]),
     ("humanitarian_aid", "open_demand", [("PSEREB", "demand")])],
]
# (date, kind, sources, targets, object, attribution: speaker, reported_by, hedged)
MOVES_RECALL = [
    ("2025-01-01", "mediation", ["QAT", "EGY"], [], "the talks", None, (), False),
    ("2025-03-13", "delegation_recalled", ["USA"], ["PSEREB"], None, None, (), False),
    ("2025-03-14", "rejection", ["PSEREB"], ["USA"], "the latest U.S. ceasefire offer", None, (), False),
    ("2025-03-14", "demand", ["PSEREB"], ["QAT", "EGY"], "the release of 200 prisoners", None, WSJ, True),
    ("2025-03-14", "demand", ["PSEREB"], ["QAT", "EGY"], "aid delivered only by UN agencies", None, WSJ, True),
    ("2025-03-14", "demand", ["PSEREB"], ["QAT", "EGY"],
     "guarantees from Qatar and Egypt that the war will not resume", None, WSJ, True),
    ("2025-03-17", "meeting_planned", ["USA", "EGY", "QAT"], [], None, "the State Department", (), False),
]
MOVES_RESUME = [
    ("2025-03-19", "talks_resumed", ["USA", "PSEREB"], [], "talks in Cairo", None, (), False),
    ("2025-03-20", "proposal", ["QAT", "EGY"], ["USA", "PSEREB"], "a new ceasefire proposal", None, (), False),
    ("2025-03-20", "proposal", ["QAT", "EGY"], [], "a 42-day truce", "Egyptian officials", (), False),
    ("2025-03-20", "proposal", ["USA"], [], None, "Egyptian officials", (), False),
    ("2025-03-20", "proposal", ["EGY"], [], "the release of 120 prisoners instead of 200", None, (), False),
    ("2025-03-20", "acceptance", ["PSEREB"], [], "the new proposal", "a spokesman for the group", (), False),
    ("2025-03-20", "acceptance", ["USA"], [], "the proposal", "the State Department", (), False),
    ("2025-03-20", "delegation_sent", ["USA"], [], None, "the State Department", (), False),
    ("2025-03-20", "demand", ["PSEREB"], [], "guarantees that the war will not resume", None,
     ("Egyptian officials",), False),
]
MOVES_DEAL = [
    ("2025-03-26", "agreement_signed", ["USA", "PSEREB"], [], "a partial agreement on Wednesday to exchange prisoners",
     None, (), False),
    ("2025-03-27", "concession", ["PSEREB"], [], "30 hostages held in Gaza in exchange for 120 Palestinian prisoners",
     "the mediators", (), False),
    ("2025-03-27", "demand", ["PSEREB"], ["USA"], "guarantees from the United States", None, (), False),
    ("2025-03-27", "rejection", ["USA"], [], "the demand", None, (), False),
]
MOVES = [MOVES_RECALL, MOVES_RECALL + MOVES_RESUME, MOVES_RECALL + MOVES_RESUME + MOVES_DEAL]


@pytest.fixture(scope="module")
def boards(coder, tmp_path_factory) -> list[tuple[str, Board]]:
    """The store after each article: (process id, board), and the store path last."""
    db = tmp_path_factory.mktemp("negotiation") / "scenario.duckdb"
    found = []
    for name, published in ARTICLES:
        article = Article(id=name, text=(FIXTURES / name).read_text(encoding="utf-8"),
                          published=dt.date.fromisoformat(published))
        with Store.open(db) as store:
            ingest([article], db=store, coder=coder)
            processes = find_processes(store)
            assert len(processes) == 1
            found.append((processes[0].id, board(store, processes[0].id)))
    found.append((str(db), None))
    return found


def _issues(b: Board):
    return {issue.topic: {pp.party.id: [(p.stance, p.text, p.via, [(q.value, q.unit) for q in p.quantities], p.date)
                                        for p in pp.history] for pp in issue.positions}
            for issue in b.issues}


def _moves(b: Board):
    return [(m.date, m.kind, [a.id for a in m.sources], [a.id for a in m.targets], m.object, m.attribution.speaker,
             m.attribution.reported_by, m.attribution.hedged) for m in b.moves]


STEPS = [0, 1, 2]


@pytest.mark.parametrize("step", STEPS)
def test_one_process_with_a_stable_id_and_a_name_a_reader_would_use(boards, step):
    process_id, b = boards[step]
    assert process_id == boards[0][0]
    assert b.process.name == NAMES[step]
    assert [p.id for p in b.process.parties] == ["USA", "PSEREB"]
    assert [p.name for p in b.process.parties] == ["United States", "Hamas"]
    assert [m.id for m in b.process.mediators] == ["QAT", "EGY"]


@pytest.mark.parametrize("step", STEPS)
def test_roles_parties_mediators_hosts_guarantors(boards, step):
    b = boards[step][1]
    assert [(r.role, r.actor.id, r.place) for r in b.roles] == (ROLES_RECALL if step == 0 else ROLES_LATER)


@pytest.mark.parametrize("step", STEPS)
def test_state_suspended_then_ongoing_then_partial_agreement(boards, step):
    b = boards[step][1]
    assert [(s.status, s.date) for s in b.state_history] == STATES[step]
    assert b.state == b.state_history[-1]
    assert b.process.status == STATES[step][-1][0]


def test_state_evidence_names_the_moves(boards):
    moves = {m.id: m for m in boards[2][1].moves}
    suspended, resumed, agreed = boards[2][1].state_history[1:]
    assert [(moves[i].kind, moves[i].trigger) for i in suspended.move_ids] == [("delegation_recalled", "recalled")]
    assert [(moves[i].kind, moves[i].trigger) for i in resumed.move_ids] == [("talks_resumed", "resumed")]
    assert [(moves[i].kind, moves[i].trigger) for i in agreed.move_ids] == [("agreement_signed", "signed")]


@pytest.mark.parametrize("step", STEPS)
def test_issues_with_each_partys_position_history(boards, step):
    assert _issues(boards[step][1]) == ISSUES[step]


@pytest.mark.parametrize("step", STEPS)
def test_mediators_proposals(boards, step):
    b = boards[step][1]
    found = {i.topic: [(p.actor.id, p.text) for p in i.proposals] for i in b.issues if i.proposals}
    assert found == PROPOSALS[step]


@pytest.mark.parametrize("step", STEPS)
def test_gaps(boards, step):
    b = boards[step][1]
    assert [(g.topic, g.kind, [(p.actor.id, p.stance) for p in g.positions]) for g in b.gaps] == GAPS[step]


def test_remaining_conflict_is_guarantees(boards):
    (gap,) = [g for g in boards[2][1].gaps if g.kind == "conflict"]
    assert gap.summary == ("United States rejects the demand: guarantees from the United States; "
                           "Hamas demands guarantees from the United States")


@pytest.mark.parametrize("step", STEPS)
def test_moves_timeline(boards, step):
    assert _moves(boards[step][1]) == MOVES[step]


def test_recall_is_one_move_from_headline_and_lead(boards):
    (recall,) = [m for m in boards[0][1].moves if m.kind == "delegation_recalled"]
    assert len(recall.event_ids) == 2


def test_board_is_json_ready(boards):
    import json

    data = boards[2][1].to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["version"] == "1.0"
    assert data["state"]["status"] == "partial_agreement"


@pytest.mark.parametrize("width", [80, 100, 120])
def test_board_text_fits_the_terminal(boards, width):
    text = format_board(boards[2][1], width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "State: PARTIAL AGREEMENT since 2025-03-26" in text
    assert "! Guarantees (conflict)" in text


def test_cli_lists_and_shows_the_process(boards):
    db, process_id = boards[3][0], boards[0][0]
    runner = CliRunner()
    listed = runner.invoke(negotiations_command, ["--db", db])
    assert listed.exit_code == 0, listed.output
    assert process_id in listed.output and "partial agreement" in listed.output
    shown = runner.invoke(negotiation_command, [process_id[:6], "--db", db])
    assert shown.exit_code == 0, shown.output
    assert shown.output.startswith(NAMES[-1])
    as_json = runner.invoke(negotiation_command, [process_id, "--db", db, "--json"])
    assert as_json.exit_code == 0
    import json

    assert json.loads(as_json.output)["process"]["id"] == process_id
