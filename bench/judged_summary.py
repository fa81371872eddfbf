"""Figures of a judged sample: how many events are real, and how many real ones have each field right.

    python bench/judged_summary.py SAMPLE.judged.jsonl [MORE.judged.jsonl ...] [--table]

Each line of the input is one reader's judgement of one sampled event, with the fields of
`../shared/eval/judging.md` (real, political, root, source, target, date, factuality, attribution,
place) and the event's `event_id`. `--table` also prints one markdown row per event (its id and the
judgements), the form docs/quality.md records samples in.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

FIELDS = ("root", "date", "factuality", "source", "target", "attribution", "place")
GOOD = {
    "root": {"yes"}, "date": {"yes"}, "factuality": {"yes"}, "source": {"yes"},
    "target": {"yes", "rightly-absent"}, "attribution": {"yes", "n.a."}, "place": {"placed-right", "none-named"},
}


def load(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return rows


def summary(rows: list[dict]) -> list[str]:
    real = [r for r in rows if r["real"] == "yes"]
    lines = [f"events judged: {len(rows)}",
             f"real: {len(real)} / {len(rows)} ({len(real) / max(1, len(rows)):.0%})",
             f"political: {sum(r['political'] == 'yes' for r in rows)} / {len(rows)}"]
    for field in FIELDS:
        good = sum(r[field] in GOOD[field] for r in real)
        detail = ", ".join(f"{k} {v}" for k, v in Counter(r[field] for r in real).most_common())
        lines.append(f"{field} right, of real: {good} / {len(real)} ({good / max(1, len(real)):.0%})  [{detail}]")
    every = sum(r["real"] == "yes" and all(r[f] in GOOD[f] for f in FIELDS) for r in rows)
    lines.append(f"right on every field: {every} / {len(rows)}")
    return lines


def table(rows: list[dict]) -> list[str]:
    head = ["event_id", "real", "political", *FIELDS]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out.extend("| " + " | ".join(str(r.get(k, "")) for k in head) + " |" for r in rows)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("judged", type=Path, nargs="+")
    parser.add_argument("--table", action="store_true")
    args = parser.parse_args()
    rows = load(args.judged)
    print("\n".join(summary(rows)))
    if args.table:
        print()
        print("\n".join(table(rows)))


if __name__ == "__main__":
    main()
