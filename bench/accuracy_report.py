"""Accuracy figures for docs/accuracy.md: metrics per dataset and confusion matrices, as Markdown.

    python bench/accuracy_report.py [GOLD.jsonl] [--events EVENTS.jsonl]

Runs the coder over the gold items (or reads already coded events), then prints:
- end-to-end metrics per dataset (the reference scorer's definitions, `parley evaluate`);
- given-dyad label accuracy per dataset (`parley evaluate --given-dyads`);
- for each dataset, the confusion matrix of gold label x system label on matched dyads (the first
  matching event's label; "none" when the coder emitted no event between the given mentions in the
  given-dyad matrix).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from parley.evaluate import (
    _dyad_matches,
    _locate,
    _penta_class,
    _plover_root,
    _read_gold,
    evaluate,
    evaluate_given_dyads,
)

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"


def label_of(gold_event: dict, event: dict | None):
    if event is None:
        return "none"
    if gold_event.get("plover") is not None:
        return _plover_root(event.get("plover")) or "(01/02)"
    return _penta_class(event.get("cameo"))


def gold_label(gold_event: dict):
    return gold_event["plover"] if gold_event.get("plover") is not None else gold_event.get("penta")


def matrix(pairs: Counter, title: str) -> str:
    golds = sorted({g for g, _ in pairs}, key=str)
    systems = sorted({s for _, s in pairs}, key=str)
    lines = [f"**{title}** (rows: gold, columns: system)", "",
             "| gold \\ system | " + " | ".join(map(str, systems)) + " | total |",
             "|---" * (len(systems) + 2) + "|"]
    for g in golds:
        row = [pairs.get((g, s), 0) for s in systems]
        lines.append(f"| {g} | " + " | ".join(str(n) if n else "." for n in row) + f" | {sum(row)} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--events", type=Path, help="already coded events (JSON Lines)")
    args = parser.parse_args()

    from parley.coder import Coder

    coder = Coder()
    gold = _read_gold(args.gold, None)
    if args.events:
        events = [json.loads(line) for line in args.events.open(encoding="utf-8") if line.strip()]
        report = evaluate(args.gold, events=events)
    else:
        from parley.evaluate import _code_gold

        coded, _errors = _code_gold(gold, coder, 1)
        events = [e.to_dict() for e in coded]
        report = evaluate(args.gold, events=events)
    given = evaluate_given_dyads(args.gold, coder=coder)

    print("| dataset | items | gold events | dyad recall | label acc. on dyad | end-to-end recall "
          "| label in item | events/item | given-dyad acc. |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, m in report["datasets"].items():
        g = given["datasets"].get(name, {})
        print(f"| {name} | {m['items']} | {m['gold_events']} | {m['dyad_recall']} | {m['label_acc_on_dyad']} | "
              f"{m['e2e_recall']} | {m['label_in_item_recall']} | {m['events_per_item']} | "
              f"{g.get('given_dyad_accuracy')} |")
    print()

    by_item = defaultdict(list)
    for e in events:
        by_item[str(e["article_id"])].append(e)
    e2e: dict[str, Counter] = defaultdict(Counter)
    dyad: dict[str, Counter] = defaultdict(Counter)
    for item in gold:
        text = item.get("text") or ""
        for ge in item["events"]:
            cands = [e for e in by_item.get(str(item["id"]), []) if _dyad_matches(ge, e)]
            if cands:
                hit = next((e for e in cands if label_of(ge, e) == gold_label(ge)), cands[0])
                e2e[item["dataset"]][(gold_label(ge), label_of(ge, hit))] += 1
            sources, targets = ge.get("source") or [], ge.get("target") or []
            if ge.get("reciprocal"):
                targets = [t for t in targets if t != (sources or [None])[0]]
            s, t = _locate(text, (sources or [None])[0]), _locate(text, (targets or [None])[0])
            if s is None or (targets and t is None):
                continue
            event = coder.code_dyad(text, source=s, target=t, article_id=str(item["id"]))
            dyad[item["dataset"]][(gold_label(ge), label_of(ge, event.to_dict() if event else None))] += 1
    for name in sorted(e2e):
        print(matrix(e2e[name], f"{name}: end-to-end, matched dyads"))
        print(matrix(dyad[name], f"{name}: given dyads"))


if __name__ == "__main__":
    main()
