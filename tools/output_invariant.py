"""Check that a change leaves the coder's output as it was: code fixed inputs, compare with a saved baseline.

    python tools/output_invariant.py save ../parley-baseline      # before the change
    python tools/output_invariant.py check ../parley-baseline     # after it: exit 1 and a report if anything moved

The inputs default to the dev set and the Wikinews corpus of `../shared`; `--input` names others. The
baseline is kept outside the repository (it quotes the inputs, which must not enter the project).
Events are compared by id, field by field, after sorting; `--show N` prints up to N differing events.
Both inputs are coded at once, one process each, with the checkout's own `parley` (`python -m parley`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [ROOT.parent / "shared" / "eval" / "dev.jsonl", ROOT.parent / "shared" / "corpus" / "wikinews.jsonl"]


def code_inputs(inputs: list[Path], out_dir: Path) -> None:
    """Code every input into `out_dir/<name>` with `python -m parley code`, all at once."""
    out_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    procs = []
    for path in inputs:
        with open(out_dir / path.name, "w", encoding="utf-8") as out:
            procs.append((path, subprocess.Popen([sys.executable, "-m", "parley", "code", str(path)],
                                                 stdout=out, env=env)))
    for path, proc in procs:
        if proc.wait() != 0:
            sys.exit(f"coding {path} failed with exit code {proc.returncode}")


def load(path: Path) -> dict[str, dict]:
    """Events of a JSON Lines output by id (error lines are kept under their article id)."""
    events: dict[str, dict] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            key = record.get("event_id") or f"error:{record.get('article_id')}"
            events[key] = record
    return events


def compare(before: dict[str, dict], after: dict[str, dict], *, show: int) -> int:
    """Print what moved between two outputs; returns the number of differing events."""
    removed = sorted(set(before) - set(after))
    added = sorted(set(after) - set(before))
    changed = [k for k in sorted(set(before) & set(after)) if before[k] != after[k]]
    fields: Counter[str] = Counter()
    for k in changed:
        fields.update(f for f in set(before[k]) | set(after[k]) if before[k].get(f) != after[k].get(f))
    print(f"  {len(before)} events before, {len(after)} after: {len(removed)} removed, {len(added)} added, "
          f"{len(changed)} changed" + (f" ({dict(fields.most_common())})" if fields else ""))
    shown = 0
    for label, keys, src in (("removed", removed, before), ("added", added, after)):
        for k in keys[:max(0, show - shown)]:
            e = src[k]
            print(f"    {label} {k} {e.get('article_id')} {e.get('cameo')} {e.get('rule')} "
                  f"{(e.get('evidence') or {}).get('text')!r}")
            shown += 1
    for k in changed[:max(0, show - shown)]:
        diff = {f: (before[k].get(f), after[k].get(f)) for f in fields if before[k].get(f) != after[k].get(f)}
        print(f"    changed {k} {before[k].get('article_id')}: {diff}")
    return len(removed) + len(added) + len(changed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("baseline", type=Path, help="folder of the saved outputs (outside the repository)")
    parser.add_argument("--input", type=Path, action="append", help="an input file (default: dev set, Wikinews)")
    parser.add_argument("--show", type=int, default=10, help="differing events to print")
    args = parser.parse_args()
    inputs = args.input or DEFAULT_INPUTS
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        sys.exit(f"input not found: {', '.join(missing)}")
    if args.action == "save":
        code_inputs(inputs, args.baseline)
        print(f"saved {len(inputs)} outputs in {args.baseline}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        code_inputs(inputs, Path(tmp))
        total = 0
        for path in inputs:
            print(path.name)
            total += compare(load(args.baseline / path.name), load(Path(tmp) / path.name), show=args.show)
    print("identical" if total == 0 else f"{total} events differ")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
