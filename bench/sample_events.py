"""Draw a random sample of coded events for judging by reading, and count where event dates come from.

    python bench/sample_events.py EVENTS.jsonl ARTICLES.jsonl --seed 7 -n 100 -o sample.jsonl
    python bench/sample_events.py EVENTS.jsonl ARTICLES.jsonl --dates

EVENTS.jsonl is the output of `parley code ARTICLES.jsonl`. The sample (events drawn with
`random.seed(S); random.sample(events, N)`) is written one object a line: the event, the article's
publication date and title, and the text around the event's evidence (about 300 characters either
side), ready for a reader to judge with `../shared/eval/judging.md`. `--dates` prints how many events
take their date from the text, from the publication date, or have none (`date_basis`).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

CONTEXT = 300


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sample(events: list[dict], articles: dict[str, dict], seed: int, n: int) -> list[dict]:
    """`n` events drawn with `seed`, each with the context a reader needs."""
    random.seed(seed)
    drawn = random.sample(events, min(n, len(events)))
    out = []
    for k, event in enumerate(drawn, start=1):
        article = articles.get(event["article_id"], {})
        text = article.get("text", "")
        start, end = event["evidence"]["start"], event["evidence"]["end"]
        out.append({
            "n": k, "event_id": event["event_id"], "article_id": event["article_id"],
            "published": article.get("published"), "title": article.get("title"),
            "context": text[max(0, start - CONTEXT):end + CONTEXT],
            "event": event,
        })
    return out


def date_bases(events: list[dict]) -> Counter[str]:
    return Counter(e.get("date_basis") or "none" for e in events if "event_id" in e)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("events", type=Path)
    parser.add_argument("articles", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("-o", "--out", type=Path)
    parser.add_argument("--dates", action="store_true", help="print where event dates come from")
    args = parser.parse_args()
    events = [e for e in load_jsonl(args.events) if "event_id" in e]
    if args.dates:
        bases = date_bases(events)
        total = sum(bases.values())
        for basis, count in bases.most_common():
            print(f"{basis:<10} {count:>6}  {count / total:6.1%}")
        print(f"{'all':<10} {total:>6}")
        return
    articles = {a["id"]: a for a in load_jsonl(args.articles)}
    drawn = sample(events, articles, args.seed, args.n)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for row in drawn:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.out:
        out.close()
        print(f"{len(drawn)} events (seed {args.seed}) written to {args.out}")


if __name__ == "__main__":
    main()
