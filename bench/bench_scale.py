"""Throughput on one machine: bare spaCy, Parley in one process, and a Dask ingest with 1 and 2 workers.

    python bench/bench_scale.py [CORPUS.jsonl ...] [--limit 300] [--shard-size 25] [--workers 1,2]

Every stage runs in its own fresh Python process on the same articles (taken in turn from the corpus
files). Stage "spacy" is `nlp.pipe` with the pinned model; "coder" is `Coder.code_articles` (the parse plus
everything Parley adds); "ingest" is `parley.store.ingest` into a new store in one process (coding, clusters,
DuckDB); "dask N" is `parley.scale.dask_ingest` into a new store on a LocalCluster of N single-threaded
worker processes (the cluster is started before the clock starts; loading the coder on the workers, coding,
the shard files and the merge are inside it). CPU seconds are the stage's own process, plus, for Dask, the
workers' (read from each worker). Start-up is `Coder()` against `spacy.load` in the same kind of process,
with the compiled-resources cache warm. Worker memory is each worker's resident size when half the shards are
merged and at the end (flat means it does not grow with the input). Stages run with bytecode caching on, as
an installed package has it. Prints figures; asserts nothing. Skips (exit code 0) when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_coder import DEFAULT_CORPUS, DEFAULT_FILES, MODEL, load_articles  # noqa: E402  (the same input)


def cpu() -> float:
    return time.process_time()


def stage_start_spacy() -> dict:
    """A fresh process's `import spacy; spacy.load(...)`, before anything else is imported."""
    c0 = cpu()
    import spacy

    spacy.load(MODEL)
    return {"load_cpu": cpu() - c0}


def stage_start_coder() -> dict:
    """A fresh process's `from parley.coder import Coder; Coder()`, before anything else is imported."""
    c0 = cpu()
    from parley.coder import Coder

    Coder()
    return {"load_cpu": cpu() - c0}


def stage_spacy(articles: list, args: argparse.Namespace) -> dict:
    import spacy

    nlp = spacy.load(MODEL)
    c1, t1 = cpu(), time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe((a.text for a in articles), batch_size=8))
    return {"run_cpu": cpu() - c1, "run_s": time.perf_counter() - t1, "tokens": tokens}


def stage_coder(articles: list, args: argparse.Namespace) -> dict:
    from parley.coder import Coder

    coder = Coder()
    c1, t1 = cpu(), time.perf_counter()
    events = sum(len(r.events) for r in coder.code_articles(articles))
    return {"run_cpu": cpu() - c1, "run_s": time.perf_counter() - t1, "events": events}


def stage_ingest(articles: list, args: argparse.Namespace) -> dict:
    from parley.coder import Coder
    from parley.store import ingest

    coder = Coder()
    with tempfile.TemporaryDirectory() as tmp:
        c1, t1 = cpu(), time.perf_counter()
        report = ingest(articles, db=os.path.join(tmp, "one.duckdb"), coder=coder)
        return {"run_cpu": cpu() - c1, "run_s": time.perf_counter() - t1, "events": report.events}


def _worker_figures() -> dict:
    import resource

    import psutil

    process = psutil.Process()
    times = process.cpu_times()
    return {"cpu": times.user + times.system, "rss_mb": process.memory_info().rss / 2**20,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def stage_dask(articles: list, args: argparse.Namespace) -> dict:
    import distributed

    from parley.scale import dask_ingest, local_cluster

    with local_cluster(args.n_workers) as cluster, distributed.Client(cluster) as client, \
            tempfile.TemporaryDirectory() as tmp:
        before = client.run(_worker_figures)
        half: dict = {}

        def progress(report) -> None:
            if not half and report.read >= len(articles) // 2:
                half.update(client.run(_worker_figures))

        c1, t1 = cpu(), time.perf_counter()
        report = dask_ingest(articles, db=os.path.join(tmp, "dask.duckdb"), cluster=client,
                             shard_size=args.shard_size, progress=progress)
        run_s, client_cpu = time.perf_counter() - t1, cpu() - c1
        after = client.run(_worker_figures)
    return {"run_s": run_s, "client_cpu": client_cpu, "events": report.events,
            "worker_cpu": sum(after[w]["cpu"] - before[w]["cpu"] for w in after),
            "rss_half_mb": [round(f["rss_mb"]) for f in half.values()],
            "rss_end_mb": [round(f["rss_mb"]) for f in after.values()],
            "maxrss_mb": [round(f["maxrss_mb"]) for f in after.values()]}


STAGES = {"spacy": stage_spacy, "coder": stage_coder, "ingest": stage_ingest, "dask": stage_dask}
STARTS = {"start-spacy": stage_start_spacy, "start-coder": stage_start_coder}


def run_stage(stage: str, args: argparse.Namespace, n_workers: int = 0) -> dict:
    """Run one stage in a fresh interpreter and return its figures."""
    cmd = [sys.executable, __file__, "--stage", stage, "--limit", str(args.limit), "--shard-size",
           str(args.shard_size), "--n-workers", str(n_workers), *map(str, args.paths)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=_stage_environ())
    if done.returncode != 0:
        sys.exit(f"stage {stage} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _stage_environ() -> dict[str, str]:
    """The environment of a stage: this one, with bytecode written and read as an installed package has it
    (`PYTHONDONTWRITEBYTECODE` would make every start compile Parley's sources, while spaCy's come compiled)."""
    environ = dict(os.environ)
    environ.pop("PYTHONDONTWRITEBYTECODE", None)
    return environ


def run_pair(args: argparse.Namespace) -> float:
    """The longer parse of two bare-spaCy stages started at once (wall seconds): what two processes get from
    this machine at that moment."""
    cmd = [sys.executable, __file__, "--stage", "spacy", "--limit", str(args.limit), *map(str, args.paths)]
    children = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                 env=_stage_environ())
                for _ in range(2)]
    outputs = [child.communicate()[0] for child in children]
    return max(json.loads(out.strip().splitlines()[-1])["run_s"] for out in outputs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="JSON Lines corpus files (default: both shared files)")
    parser.add_argument("--limit", type=int, default=300, help="articles to use (default 300)")
    parser.add_argument("--shard-size", type=int, default=25, help="records per Dask shard (default 25)")
    parser.add_argument("--workers", default="1,2", help="Dask worker counts to run (default 1,2)")
    parser.add_argument("--stage", choices=(*STAGES, *STARTS), help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=3, help="start-up runs of each kind, least kept (default 3)")
    parser.add_argument("--n-workers", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.paths:
        args.paths = [DEFAULT_CORPUS / name for name in DEFAULT_FILES]
    if args.stage in STARTS:
        print(json.dumps(STARTS[args.stage]()))
        return
    missing = [str(p) for p in args.paths if not p.is_file()]
    if missing:
        print(f"skipped: corpus not found: {', '.join(missing)}")
        return

    articles = load_articles(args.paths, args.limit)
    if args.stage:
        print(json.dumps(STAGES[args.stage](articles, args)))
        return

    from parley.coder import Coder

    Coder()   # fills the compiled-resources cache, so that every stage starts warm
    n, chars = len(articles), sum(len(a.text) for a in articles)
    print(f"{n} articles, {chars:,} characters, from {', '.join(p.name for p in args.paths)}; model {MODEL}; "
          f"{os.cpu_count()} cores; load average before {os.getloadavg()[0]:.2f}")
    start_spacy = min(run_stage("start-spacy", args)["load_cpu"] for _ in range(args.repeat))
    start_coder = min(run_stage("start-coder", args)["load_cpu"] for _ in range(args.repeat))
    spacy_fig = run_stage("spacy", args)
    coder_fig = run_stage("coder", args)
    ingest_fig = run_stage("ingest", args)
    dask_figs = {int(k): run_stage("dask", args, int(k)) for k in args.workers.split(",")}
    pair_s = run_pair(args)   # right after the 2-worker run, to see what two processes could get meanwhile

    print(f"\n{'':26}{'wall s':>8}{'articles/s':>12}{'CPU s':>8}{'art/CPU-s':>11}  notes")
    rows = [("bare spaCy (parse only)", spacy_fig["run_s"], spacy_fig["run_cpu"], ""),
            ("Parley Coder, 1 process", coder_fig["run_s"], coder_fig["run_cpu"], f"{coder_fig['events']} events"),
            ("Parley ingest, 1 process", ingest_fig["run_s"], ingest_fig["run_cpu"], "coding + store")]
    for k, fig in dask_figs.items():
        cpu_s = fig["worker_cpu"] + fig["client_cpu"]
        rows.append((f"Dask ingest, {k} worker{'s' if k > 1 else ''}", fig["run_s"], cpu_s,
                     f"workers {fig['worker_cpu']:.1f} + client {fig['client_cpu']:.1f} CPU s"))
    for name, wall, cpu_s, note in rows:
        print(f"{name:26}{wall:8.2f}{n / wall:12.2f}{cpu_s:8.2f}{n / cpu_s:11.2f}  {note}")

    print("\nratios")
    print(f"  Parley CPU / bare spaCy CPU, same texts, 1 process: {coder_fig['run_cpu'] / spacy_fig['run_cpu']:.2f}x")
    print(f"  start-up, fresh process, least of {args.repeat}: Coder() {start_coder:.2f} CPU s vs spacy.load "
          f"{start_spacy:.2f} CPU s: {start_coder - start_spacy:+.2f} s")
    base = dask_figs.get(1)
    for k, fig in dask_figs.items():
        line = f"  Dask {k} worker(s): {n / fig['run_s']:.2f} articles/s"
        if base is not None and k != 1:
            line += f" = {base['run_s'] / fig['run_s']:.2f}x one worker"
        line += f" = {ingest_fig['run_s'] / fig['run_s']:.2f}x one-process ingest"
        print(line)
    print(f"  control: two bare-spaCy processes at once parsed in {pair_s:.1f} s what one parsed alone in "
          f"{spacy_fig['run_s']:.1f} s: the machine gave two processes {2 * spacy_fig['run_s'] / pair_s:.2f}x one")
    print(f"load average after: {os.getloadavg()[0]:.2f} (this benchmark's own workers count too)")
    print("\nworker memory (resident MB per worker): when half merged -> at the end; peak")
    for k, fig in dask_figs.items():
        print(f"  {k} worker(s): {fig['rss_half_mb']} -> {fig['rss_end_mb']}; peak {fig['maxrss_mb']}")


if __name__ == "__main__":
    main()
