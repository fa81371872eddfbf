from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import FakeCoder, make_event
from parley.errors import InputError
from parley.evaluate import evaluate, format_report, spans_match
from parley.types import ActorMention


def gold_item(item_id: str, events: list[dict[str, Any]], dataset: str = "plv") -> dict[str, Any]:
    return {
        "id": item_id,
        "dataset": dataset,
        "text": "Text of " + item_id + ".",
        "published": None,
        "events": events,
    }


def gold_event(
    source: list[str],
    target: list[str],
    plover: str | None = None,
    penta: int | None = None,
    reciprocal: bool = False,
) -> dict[str, Any]:
    return {"source": source, "target": target, "plover": plover, "penta": penta, "reciprocal": reciprocal}


def system_event(
    article_id: str, source: str | None, target: str | None, plover: str | None = None, cameo: str = "010"
) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "source": {"text": source} if source is not None else None,
        "target": {"text": target} if target is not None else None,
        "plover": plover,
        "cameo": cameo,
    }


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Turkish Foreign Minister Hakan Fidan", "Fidan", True),
        ("the United Nations", "United Nations Security Council", True),  # 2 of the shorter's 2 words
        ("Security Council of the UN", "the European Council", True),  # 1 of the shorter's 2: half
        ("Security Council of the UN", "the European Union", False),
        ("Russia's army", "the army of Russia", True),
        ("Russia’s army", "Russia army", True),  # curly apostrophe, "s" is a stop word
        ("the", "the", False),  # no content words
        ("", "Qatar", False),
        (None, "Qatar", False),
    ],
)
def test_spans_match(a: str | None, b: str, expected: bool) -> None:
    assert spans_match(a, b) is expected


def test_metrics_on_hand_made_items(tmp_path: Path) -> None:
    gold = write_jsonl(
        tmp_path / "gold.jsonl",
        [
            gold_item("p1", [gold_event(["Qatar"], ["the rebels"], plover="ACCUSE")]),
            gold_item("p2", [gold_event(["Egypt"], ["Israel"], plover="YIELD")]),
            gold_item("p3", [gold_event(["Turkey"], [], plover="CONSULT")]),
            gold_item("c1", [gold_event(["Kenya"], ["Somalia"], penta=4)], dataset="conflibert"),
        ],
    )
    events = [
        system_event("p1", "Qatar", "rebels", plover="ACCUSE"),  # dyad + label
        system_event("p2", "Egypt", "Israel", plover="CONCEDE"),  # CONCEDE counts as YIELD
        system_event("p3", "Greece", None, plover="CONSULT"),  # no dyad, label in item
        system_event("c1", "Kenya", "Somalia", cameo="0211"),  # class 0, gold 4: confusion
    ]
    report = evaluate(gold, events=events)
    assert report["datasets"] == {
        "conflibert": {
            "items": 1,
            "gold_events": 1,
            "dyad_recall": 1.0,
            "label_acc_on_dyad": 0.0,
            "e2e_recall": 0.0,
            "label_in_item_recall": 0.0,
            "events_per_item": 1.0,
        },
        "plv": {
            "items": 3,
            "gold_events": 3,
            "dyad_recall": 0.667,
            "label_acc_on_dyad": 1.0,
            "e2e_recall": 0.667,
            "label_in_item_recall": 1.0,
            "events_per_item": 1.0,
        },
    }
    assert report["confusions"] == [{"dataset": "conflibert", "gold": 4, "system": 0, "count": 1}]
    assert report["errors"] == []


@pytest.mark.parametrize(
    ("gold_ev", "source", "target", "dyad"),
    [
        (gold_event([], ["Israel"], plover="ACCUSE"), "anyone", "Israel", True),  # empty source: anything
        (gold_event([], ["Israel"], plover="ACCUSE", reciprocal=True), "anyone", "Israel", False),
        (gold_event(["Egypt"], [], plover="ACCUSE", reciprocal=True), "Egypt", None, True),
        (gold_event(["Egypt"], ["Israel"], plover="ACCUSE"), "Egypt", None, False),  # no system target
        (gold_event(["Egypt", "Cairo"], ["Israel"], plover="ACCUSE"), "officials in Cairo", "Israel", True),
    ],
)
def test_dyad_rules(
    tmp_path: Path, gold_ev: dict[str, Any], source: str, target: str | None, dyad: bool
) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [gold_item("x", [gold_ev])])
    report = evaluate(gold, events=[system_event("x", source, target, plover="ACCUSE")])
    assert report["datasets"]["plv"]["dyad_recall"] == (1.0 if dyad else 0.0)


def test_dataset_filter(tmp_path: Path) -> None:
    gold = write_jsonl(
        tmp_path / "gold.jsonl",
        [
            gold_item("p1", [gold_event(["Qatar"], [], plover="ACCUSE")]),
            gold_item("c1", [gold_event(["Kenya"], [], penta=4)], dataset="conflibert"),
        ],
    )
    assert list(evaluate(gold, events=[], datasets=["conflibert"])["datasets"]) == ["conflibert"]


def test_runs_the_coder_over_gold_items(tmp_path: Path) -> None:
    gold = write_jsonl(
        tmp_path / "gold.jsonl",
        [
            gold_item("p1", [gold_event(["The rebels"], ["the offer"], plover="CONSULT")]),
            gold_item("p2", [gold_event(["Egypt"], [], plover="ACCUSE")]) | {"text": "FAIL here"},
        ],
    )
    coder = FakeCoder()
    report = evaluate(gold, coder=coder)  # type: ignore[arg-type]
    assert [a.id for a in coder.articles] == ["p1", "p2"]
    assert report["datasets"]["plv"]["e2e_recall"] == 0.5
    assert report["errors"] == ["skipped article 'p2': parse: parser gave up"]


def test_accepts_event_records(tmp_path: Path) -> None:
    gold = write_jsonl(
        tmp_path / "gold.jsonl", [gold_item("a1", [gold_event(["rebels"], [], plover="CONSULT")])]
    )
    report = evaluate(gold, events=[make_event()])
    assert report["datasets"]["plv"]["e2e_recall"] == 1.0


def test_bad_gold_line_raises(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        evaluate(gold, events=[])


def test_report_text() -> None:
    report = {
        "datasets": {"plv": {"items": 1, "dyad_recall": 0.5}},
        "confusions": [{"dataset": "plv", "gold": "ACCUSE", "system": "THREATEN", "count": 2}],
        "errors": [],
    }
    assert format_report(report) == (
        "plv items=1 dyad_recall=0.5\n"
        "most common label confusions on matched dyads (dataset, gold, system):\n"
        "  plv ACCUSE -> THREATEN: 2\n"
    )


# --- the same figures as the reference scorer --------------------------------------------------------


def run_reference(shared: Path, gold: Path, events: Path, *extra: str) -> str:
    scorer = shared / "eval" / "score.py"
    done = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(events), *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def synthetic_pair(tmp_path: Path) -> tuple[Path, Path]:
    """Gold items and events that exercise every rule: labels, empty lists, reciprocity, repeats."""
    gold = [
        gold_item("g1", [gold_event(["President Ruto of Kenya"], ["Somali officials"], plover="ACCUSE")]),
        gold_item(
            "g2",
            [
                gold_event(["Egypt"], ["Israel"], plover="CONCEDE"),
                gold_event(["Israel"], ["Egypt"], plover="RETREAT"),
            ],
        ),
        gold_item("g3", [gold_event([], ["the ceasefire"], plover="REJECT")]),
        gold_item("g4", [gold_event(["Qatar", "Egypt"], [], plover="CONSULT", reciprocal=True)]),
        gold_item("g5", [gold_event(["Kenya's army"], ["al-Shabaab"], penta=4)], dataset="conflibert"),
        gold_item("g6", [gold_event(["police"], ["protesters"], penta=3)], dataset="conflibert"),
        gold_item("g7", [gold_event(["The minister"], ["reporters"], penta=0)], dataset="conflibert"),
        gold_item("g8", [], dataset="conflibert"),
        gold_item("g9", [gold_event(["Mali"], ["France"], plover=None, penta=None)], dataset="plover-gsr"),
    ]
    events = [
        system_event("g1", "Ruto", "officials", plover="ACCUSE"),
        system_event("g1", "Ruto", "officials", plover="THREATEN"),
        system_event("g2", "Egypt", "Israel", plover="yield"),
        system_event("g2", "Israel", "Egypt", plover="REJECT"),
        system_event("g3", "Hamas", "ceasefire", plover="REJECT"),
        system_event("g4", "Egypt", None, plover="CONSULT"),
        system_event("g5", "Kenya’s army", "al-Shabaab", cameo="190"),
        system_event("g6", "police", "protesters", cameo="145"),
        system_event("g6", "police", "protesters", cameo="112"),
        system_event("g7", "minister", "reporters", cameo="bogus"),
        system_event("g8", "anyone", None, cameo="010"),
        system_event("g9", "Mali", "France", cameo=""),
        system_event("not-in-gold", "x", "y", plover="ACCUSE"),
    ]
    return write_jsonl(tmp_path / "gold.jsonl", gold), write_jsonl(tmp_path / "events.jsonl", events)


def test_same_figures_as_the_reference_scorer(tmp_path: Path, shared_dir: Path) -> None:
    gold, events = synthetic_pair(tmp_path)
    ours = evaluate(gold, events=[json.loads(line) for line in events.read_text().splitlines()])
    assert ours["datasets"] == json.loads(run_reference(shared_dir, gold, events, "--json"))
    assert format_report(ours) == run_reference(shared_dir, gold, events)


def test_same_figures_on_dev_items(tmp_path: Path, shared_dir: Path) -> None:
    """Noisy events built from the real dev gold spans: many matches, misses and confusions."""
    rng = random.Random(7)
    labels = ["ACCUSE", "CONSULT", "COOPERATE", "REJECT", "THREATEN", "ASSAULT", "YIELD", "CONCEDE"]
    gold_lines = (shared_dir / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[::5]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(gold_lines) + "\n", encoding="utf-8")
    events = []
    for line in gold_lines:
        item = json.loads(line)
        for ge in item["events"]:
            for _ in range(rng.randint(0, 2)):
                source = rng.choice((ge["source"] or ["someone"]) + ["a bystander"])
                target = rng.choice((ge["target"] or ["nobody"]) + [None])
                events.append(
                    system_event(
                        item["id"],
                        source,
                        target,
                        plover=rng.choice(labels),
                        cameo=f"{rng.randint(1, 20):02d}{rng.randint(0, 9)}",
                    )
                )
    events_path = write_jsonl(tmp_path / "events.jsonl", events)
    ours = evaluate(gold, events=events)
    assert ours["datasets"] == json.loads(run_reference(shared_dir, gold, events_path, "--json"))
    assert format_report(ours) == run_reference(shared_dir, gold, events_path)


def test_actor_mention_text_is_used_for_matching(tmp_path: Path) -> None:
    gold = write_jsonl(
        tmp_path / "gold.jsonl", [gold_item("a1", [gold_event(["Qatar"], [], plover="CONSULT")])]
    )
    event = make_event(source=ActorMention("Qatar", 0, 5, "QAT", "Qatar"))
    assert evaluate(gold, events=[event])["datasets"]["plv"]["dyad_recall"] == 1.0
