"""Ingest throughput against `Coder` throughput, and peak memory of an ingest for N and 4N articles.

    python bench/bench_store.py [--limit 200] [--batch-size 200] [--rounds 2] [CORPUS.jsonl ...]

Articles come from ../shared/corpus (round robin over its files), or are generated when it is absent.
They are written to a JSON Lines file first, so every run reads the same input from disk.

- throughput: in one process with the model loaded, `Coder.code_articles` over the N articles (results
  consumed and dropped, as `parley code` does before formatting) and `parley.store.ingest` of the same
  file into a new store (read, skip check, code, write, cluster), in turns, best of `--rounds` each;
  the time spent inside `Store.write` is measured too, and a rerun (everything skipped);
- memory: an ingest of N and one of 4N articles, and coding alone of the same, each in a fresh process, so
  peak memory (maxrss) belongs to that run alone. The store should add nothing that grows with the input:
  compare the ingest's growth with the coder's own (spaCy's string store grows with new words, and the
  peak follows the longest article parsed).

The model is loaded before timing starts in every stage. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT_FILES = ("wikinews.jsonl", "insightcrime.jsonl")


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if platform.system() == "Darwin" else rss / 1024


def corpus_records(paths: list[Path], limit: int) -> list[dict]:
    """Up to `limit` article records, taken from the files in turn."""
    def read(path: Path):
        with open(path, encoding="utf-8") as fp:
            for line in fp:
                if line.strip():
                    yield json.loads(line)

    mixed = (r for group in itertools.zip_longest(*(read(p) for p in paths)) for r in group if r is not None)
    return list(itertools.islice(mixed, limit))


def generated_records(n: int) -> list[dict]:
    actors = ["Qatar", "Egypt", "Sudanese troops", "The rebels", "Russia", "Ukraine", "Kenya", "The United Nations"]
    targets = ["Sudan", "the rebels", "Ethiopia", "Ukraine", "Russia", "Egypt", "Somalia", "Qatar"]
    verbs = ["accused", "met", "criticized", "praised", "attacked", "thanked", "condemned", "threatened"]
    places = ["Cairo", "Doha", "Khartoum", "Nairobi", "Kyiv", "Moscow", "Addis Ababa", "Mogadishu"]
    records = []
    for i in range(n):
        sentences = [
            f"{actors[(i + k) % 8]} {verbs[(i * 3 + k) % 8]} {targets[(i * 5 + k) % 8]} in {places[(i + 2 * k) % 8]} "
            f"on Monday, officials said."
            for k in range(12)
        ]
        records.append({"id": f"gen-{i}", "text": " ".join(sentences), "published": f"2025-03-{1 + i % 28:02d}",
                        "publisher": f"Outlet {i % 5}"})
    return records


def _code(coder, path: Path) -> tuple[float, int]:
    from parley.readers import read_jsonl

    t0 = time.perf_counter()
    events = sum(len(result.events) for result in coder.code_articles(read_jsonl(path)))
    return time.perf_counter() - t0, events


def _ingest(coder, path: Path, batch_size: int, write_s: list[float]) -> dict:
    from parley.store import Store, ingest

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        write_s[0] = 0.0
        t0 = time.perf_counter()
        report = ingest([path], db=db, coder=coder, batch_size=batch_size)
        figures = {"run_s": time.perf_counter() - t0, "write_s": write_s[0], "events": report.events,
                   "coded": report.coded, "failed": report.failed}
        with Store.open(db) as store:
            figures["clusters"] = store.clusters_table().num_rows
        figures["db_mb"] = db.stat().st_size / 1e6
        t1 = time.perf_counter()
        again = ingest([path], db=db, coder=coder, batch_size=batch_size)
        figures.update(rerun_s=time.perf_counter() - t1, rerun_skipped=again.skipped_unchanged)
    return figures


def stage(name: str, path: Path, batch_size: int, rounds: int) -> dict:
    """"compare": code and ingest in turns, best of `rounds` each; "code", "ingest": one run, for its memory."""
    from parley.coder import Coder
    from parley.store import store as store_module

    coder = Coder()
    coder.nlp("Warm up the pipeline.")
    write_s = [0.0]
    original = store_module.Store.write

    def timed_write(self, *args, **kwargs):
        t = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            write_s[0] += time.perf_counter() - t

    store_module.Store.write = timed_write  # type: ignore[method-assign]
    figures: dict = {}
    if name == "compare":
        codes, ingests = [], []
        for _ in range(rounds):
            codes.append(_code(coder, path))
            ingests.append(_ingest(coder, path, batch_size, write_s))
        figures["code_s"], figures["code_events"] = min(codes)
        figures.update(min(ingests, key=lambda f: f["run_s"]))
    elif name == "code":
        figures["run_s"], figures["events"] = _code(coder, path)
    else:
        figures.update(_ingest(coder, path, batch_size, write_s))
    figures["peak_rss_mb"] = peak_rss_mb()
    return figures


def run_stage(name: str, path: Path, batch_size: int, rounds: int = 1) -> dict:
    cmd = [sys.executable, __file__, "--stage", name, "--input", str(path), "--batch-size", str(batch_size),
           "--rounds", str(rounds)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"stage {name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="JSON Lines corpus files (default: ../shared/corpus)")
    parser.add_argument("--limit", type=int, default=200, help="N, articles for the throughput runs (default 200)")
    parser.add_argument("--batch-size", type=int, default=200, help="articles per transaction (default 200)")
    parser.add_argument("--rounds", type=int, default=2, help="throughput runs of each, best kept (default 2)")
    parser.add_argument("--stage", choices=("compare", "code", "ingest"), help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(stage(args.stage, args.input, args.batch_size, args.rounds)))
        return

    paths = args.paths or [DEFAULT_CORPUS / name for name in DEFAULT_FILES]
    if all(p.is_file() for p in paths):
        records = corpus_records(paths, 4 * args.limit)
        origin = ", ".join(p.name for p in paths)
    else:
        records = generated_records(4 * args.limit)
        origin = "generated articles (../shared/corpus not found)"
    n = min(args.limit, len(records) // 4) or len(records)
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "n.jsonl", Path(tmp) / "4n.jsonl"
        for path, count in ((small, n), (large, 4 * n)):
            path.write_text("".join(json.dumps(r) + "\n" for r in records[:count]), encoding="utf-8")
        chars = sum(len(r["text"]) for r in records[:n])
        print(f"N = {n} articles ({chars:,} characters) from {origin}; batch size {args.batch_size}")
        both = run_stage("compare", small, args.batch_size, args.rounds)
        ingest = run_stage("ingest", small, args.batch_size)
        ingest4 = run_stage("ingest", large, args.batch_size)
        code1 = run_stage("code", small, args.batch_size)
        code4 = run_stage("code", large, args.batch_size)

    print(f"throughput on N (best of {args.rounds} runs each, same process, model loaded):")
    print(f"  code   (Coder.code_articles) {both['code_s']:7.2f} s  {n / both['code_s']:6.1f} articles/s  "
          f"{both['code_events']} events")
    print(f"  ingest (read, code, store)    {both['run_s']:7.2f} s  {n / both['run_s']:6.1f} articles/s  "
          f"{both['events']} events, {both['clusters']} clusters")
    print(f"  ingest throughput / code throughput: {both['code_s'] / both['run_s']:.1%} (target >= 90%)")
    print(f"  time in Store.write (articles, events, errors, clusters): {both['write_s']:.2f} s = "
          f"{both['write_s'] / both['run_s']:.1%} of the ingest")
    print(f"  rerun of the same input (all skipped before parsing): {both['rerun_s']:.2f} s "
          f"({both['rerun_skipped']} skipped)")
    print("memory: one fresh process per ingest (maxrss, model included)")
    for label, count, fig in (("N", n, ingest), ("4N", 4 * n, ingest4)):
        print(f"  {label:3} {count:6} articles  peak {fig['peak_rss_mb']:6.0f} MB  run {fig['run_s']:7.2f} s  "
              f"write {fig['write_s']:5.2f} s  events {fig['events']:6}  store {fig['db_mb']:5.1f} MB")
    for label, count, fig in (("N", n, code1), ("4N", 4 * n, code4)):
        print(f"  {label:3} {count:6} articles  peak {fig['peak_rss_mb']:6.0f} MB  run {fig['run_s']:7.2f} s  "
              f"(code only, no store)")
    grow_ingest = ingest4["peak_rss_mb"] - ingest["peak_rss_mb"]
    grow_code = code4["peak_rss_mb"] - code1["peak_rss_mb"]
    print(f"  peak memory growth for 4x the input: ingest {grow_ingest:+.0f} MB, code alone {grow_code:+.0f} MB; "
          f"due to the store: {grow_ingest - grow_code:+.0f} MB")
    print(f"  ingest peak minus code peak: {ingest['peak_rss_mb'] - code1['peak_rss_mb']:+.0f} MB at N, "
          f"{ingest4['peak_rss_mb'] - code4['peak_rss_mb']:+.0f} MB at 4N")


if __name__ == "__main__":
    main()
