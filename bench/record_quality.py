"""How complete the records are: places, actor codes, countries, relevance.

    python bench/record_quality.py EVENTS.jsonl [EVENTS2.jsonl ...]
    python bench/record_quality.py --code ARTICLES.jsonl [--limit N] [--processes 2]

EVENTS.jsonl is the output of `parley code ARTICLES --format jsonl`; with `--code` the articles are
coded here first. For each file it prints: the share of events placed, by `location.basis` (clause,
sentence, dateline, article, country — see docs/schema.md); the share with a source code, a target
code and both (over all events and over relevant ones); the share of coded sources without a country;
and the share of relevant events (`relevant`, see docs/schema.md). No timings: this is about content.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

BASES = ("clause", "sentence", "occasion", "paragraph", "dateline", "article", "country")
TRANSNATIONAL = ("IGO", "NGO", "IMG", "MNC", "NGM")


def load_events(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [e for e in (json.loads(line) for line in f if line.strip()) if "event_id" in e]


def code_file(path: Path, limit: int | None, processes: int) -> list[dict]:
    import itertools

    from parley import Coder
    from parley.readers import read_jsonl

    coder = Coder()
    articles = itertools.islice(read_jsonl(path), limit)
    out: list[dict] = []
    for result in coder.code_articles(articles, n_process=processes):
        out.extend(json.loads(json.dumps(e.to_dict(), default=str)) for e in result.events)
    return out


def _share(part: int, whole: int) -> str:
    return f"{part:>6} / {whole:<6} {part / whole:6.1%}" if whole else f"{part:>6} / {whole:<6}    n/a"


def report(name: str, events: Iterable[dict]) -> None:
    events = list(events)
    n = len(events)
    placed = [e for e in events if e.get("location")]
    bases = Counter((e["location"].get("basis") or "unknown") for e in placed)
    has_source = [e for e in events if (e.get("source") or {}).get("code")]
    has_target = [e for e in events if (e.get("target") or {}).get("code")]
    both = [e for e in has_source if (e.get("target") or {}).get("code")]
    relevant = [e for e in events if e.get("relevant", True)]
    relevant_both = [e for e in relevant if (e.get("source") or {}).get("code")
                     and (e.get("target") or {}).get("code")]
    no_country = [e for e in has_source if not e["source"].get("country")]
    bare = [e for e in no_country if not e["source"]["code"].startswith(TRANSNATIONAL)]
    print(f"== {name}: {n} events")
    print(f"placed                          {_share(len(placed), n)}")
    for basis in (*BASES, "unknown"):
        if bases.get(basis):
            print(f"  at {basis:<27} {_share(bases[basis], n)}")
    near = sum(bases.get(b, 0) for b in ("clause", "sentence", "occasion", "paragraph", "dateline"))
    print(f"  clause to dateline (text-given)  {_share(near, len(placed))}  (of placed)")
    print(f"with source code                {_share(len(has_source), n)}")
    print(f"with target code                {_share(len(has_target), n)}")
    print(f"with both codes                 {_share(len(both), n)}")
    print(f"relevant                        {_share(len(relevant), n)}")
    print(f"with both codes, of relevant    {_share(len(relevant_both), len(relevant))}")
    print(f"coded sources without country   {_share(len(no_country), len(has_source))}")
    print(f"  bare sectors (not IGO/NGO/IMG) {_share(len(bare), len(has_source))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--code", action="store_true", help="the files are articles: code them first")
    parser.add_argument("--limit", type=int, help="with --code: only the first N articles of each file")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--save", type=Path, help="with --code and one file: write the events here (JSON lines)")
    args = parser.parse_args()
    for path in args.files:
        events = code_file(path, args.limit, args.processes) if args.code else load_events(path)
        if args.save:
            with open(args.save, "w", encoding="utf-8") as f:
                f.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in events)
        report(path.name, events)


if __name__ == "__main__":
    main()
