"""The `parley` command: a thin skin over the Python API.

Each command parses its options, calls one API function (`Coder.code_articles`, `evaluate`),
and formats the result. Library errors become one `parley: error: ...` line and exit code 1
(a traceback only with `--debug`); a bad record is one `parley: skipped ...` line and the run goes on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sys
import traceback
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

import click

from parley.errors import BadFilter, InputError, ParleyError, StoreError, interrupt_seen
from parley.formats import OUTPUT_FORMATS, format_error, output_format, output_formats
from parley.readers import READERS

if TYPE_CHECKING:
    from parley.coder import Coder
    from parley.types import Article

FORMATS = output_formats("events")
"""The formats of `parley code --format`, from the registry `parley.formats.OUTPUT_FORMATS`."""
INPUT_FORMATS = ("auto", *READERS)
"""The choices of `parley code --input-format`, from the registry `parley.readers.READERS`."""


def _formats_help(names: Sequence[str]) -> str:
    return "; ".join(f"{name}: {OUTPUT_FORMATS[name].description}" for name in names)


def _input_formats_help() -> str:
    readers = "; ".join(f"{reader.name}: {reader.description}" for reader in READERS.values())
    return (f"How to read inputs. auto: by the form of each FILE (folder, URL, suffix, else plain text; stdin is "
            f"JSON Lines when it starts with '{{'). Or one reader for every FILE: {readers}.")


def load_coder(*, actors: Sequence[str] = (), patterns: Sequence[str] = (), max_chars: int | None = None) -> Coder:
    """Build the coder the commands use (a seam for tests: they replace it with a fake)."""
    from parley.coder import DEFAULT_MAX_CHARS, Coder

    return Coder(actors=actors, patterns=patterns, max_chars=max_chars or DEFAULT_MAX_CHARS)


def _echo_err(message: str) -> None:
    click.echo(f"parley: {message}", err=True)


@contextlib.contextmanager
def fatal_errors(debug: bool) -> Iterator[None]:
    """Turn a library error into one line on stderr and exit code 1 (re-raise it under --debug).

    Every command runs inside it (the negotiation commands too), so any `ParleyError` reaches the user
    as `parley: error: <message>` and no traceback.
    """
    try:
        try:
            yield
        except RuntimeError as e:
            if "interrupted" not in str(e).lower():
                raise
            raise KeyboardInterrupt from e   # DuckDB's answer to Ctrl-C during a query ("Query interrupted")
        except ParleyError as e:
            if interrupt_seen():
                raise KeyboardInterrupt from e   # an error on the way out of a run the user interrupted
            raise
    except KeyboardInterrupt:
        _echo_err("interrupted: what was written before stays; run the same command again to go on")
        sys.stdout.flush()
        sys.stderr.flush()
        # Not sys.exit: at exit, multiprocessing would wait for the queues of the ended parser workers.
        # Everything the command opened was closed on the way here (the store by `finally`).
        os._exit(130)
    except ParleyError as e:
        if debug:
            raise
        _echo_err(f"error: {e}")
        sys.exit(1)
    except BrokenPipeError:
        # The reader went away (`parley events | head -1`): end quietly, as the other tools of a pipe do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except OSError as e:
        if debug:
            raise
        where = f"{e.filename}: " if e.filename else ""
        _echo_err(f"error: {where}{e.strerror or e}")
        sys.exit(1)


def _published_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    from parley.dates import parse_published

    try:
        return parse_published(value)
    except (ValueError, TypeError) as e:
        raise click.BadParameter(str(e)) from e


# Options several commands share.
_ACTORS_OPTION = click.option(
    "--actors", multiple=True, type=click.Path(dir_okay=False), help="An extra actors file (repeatable)."
)
_PATTERNS_OPTION = click.option(
    "--patterns",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="An extra verb patterns file (repeatable).",
)
_PROCESSES_OPTION = click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for parsing.",
)
_DEBUG_OPTION = click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
_BATCH_OPTION = click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Articles written per transaction.",
)
_PUBLISHED_OPTION = click.option(
    "--published",
    metavar="DATE",
    callback=_published_callback,
    help="Publication date (YYYY-MM-DD) of plain text articles, the base for relative dates.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="parley", prog_name="parley")
def main() -> None:
    """Code news text into CAMEO/PLOVER events with attribution."""


@main.command("code")
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="jsonl",
    show_default=True,
    help=f"Output format. {_formats_help(FORMATS)}.",
)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help=_input_formats_help(),
)
@_PUBLISHED_OPTION
@_ACTORS_OPTION
@_PATTERNS_OPTION
@_PROCESSES_OPTION
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Write events to this file instead of stdout.",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=None,
    help="Refuse articles longer than this many characters (default 1,000,000).",
)
@_DEBUG_OPTION
def code_command(
    files: tuple[str, ...],
    fmt: str,
    input_format: str,
    published: dt.date | None,
    actors: tuple[str, ...],
    patterns: tuple[str, ...],
    processes: int,
    output: str,
    max_chars: int | None,
    debug: bool,
) -> None:
    """Code articles from FILES (or stdin) and write their events.

    A FILE may be a folder, a URL (a feed or a page), a JSON Lines file (.jsonl, .json), a CSV file,
    an HTML page, a WARC archive (.warc, .warc.gz), an RSS/Atom feed (.xml, .rss, .atom) or any other
    file as one plain text article whose id is the file name. '-' is stdin.
    """
    with fatal_errors(debug):
        coder = load_coder(actors=actors, patterns=patterns, **({"max_chars": max_chars} if max_chars else {}))
        articles = _read_inputs(files, input_format=input_format, published=published)
        results = _with_progress(coder.code_articles(articles, n_process=processes))
        with _open_output(output) as out:
            n_coded, n_failed, n_events = _write_results(results, out, fmt, debug=debug)
    if n_coded == 0:
        _echo_err("error: no article could be coded" if n_failed else "error: no articles in the input")
        sys.exit(1)


def _read_inputs(
    files: Sequence[str], *, input_format: str, published: dt.date | None
) -> Iterator[Article | InputError]:
    from parley.readers import iter_articles

    return iter_articles(files or ("-",), format=input_format, published=published,
                         stdin=click.get_binary_stream("stdin"))


def _with_progress(results: Iterable[Any]) -> Iterable[Any]:
    """Wrap in a progress bar only when a person watches stderr."""
    stderr = sys.stderr
    if not (hasattr(stderr, "isatty") and stderr.isatty()):
        return results
    from tqdm import tqdm

    return tqdm(results, unit="article", file=stderr, leave=False, dynamic_ncols=True)


@contextlib.contextmanager
def _open_output(output: str) -> Iterator[IO[str]]:
    if output == "-":
        yield click.get_text_stream("stdout")
        return
    with open(output, "w", encoding="utf-8", newline="") as fp:
        yield fp


def _write_results(results: Iterable[Any], out: IO[str], fmt: str, *, debug: bool) -> tuple[int, int, int]:
    n_coded = n_failed = n_events = 0
    sink = output_format(fmt, "events").writer("events")(out, width=shutil.get_terminal_size((120, 24)).columns)
    for result in results:
        if result.error is not None:
            n_failed += 1
            _report_skipped(result.error, debug=debug)
            continue
        n_coded += 1
        n_events += sink.write(result.events)
    sink.close()
    out.flush()
    return n_coded, n_failed, n_events


def _report_skipped(error: ParleyError, *, debug: bool) -> None:
    line = f"parley: {format_error(error)}"
    try:
        from tqdm import tqdm

        tqdm.write(line, file=sys.stderr)
    except ImportError:  # pragma: no cover - tqdm comes with spaCy
        click.echo(line, err=True)
    if debug and (error.__cause__ is not None or error.__traceback__ is not None):
        click.echo("".join(traceback.format_exception(error)), err=True, nl=False)


@main.command("evaluate")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option(
    "--dataset",
    "datasets",
    multiple=True,
    metavar="NAME",
    help="Score only the items of this dataset (repeatable).",
)
@click.option(
    "--events",
    "events_path",
    type=click.Path(exists=True, dir_okay=False),
    help="Score these already coded events (JSON Lines) instead of running the coder.",
)
@_ACTORS_OPTION
@_PATTERNS_OPTION
@_PROCESSES_OPTION
@click.option(
    "--given-dyads",
    is_flag=True,
    help="Give the coder each gold source and target mention and score the label it codes between them.",
)
@_DEBUG_OPTION
def evaluate_command(
    gold: str,
    as_json: bool,
    datasets: tuple[str, ...],
    events_path: str | None,
    actors: tuple[str, ...],
    patterns: tuple[str, ...],
    processes: int,
    given_dyads: bool,
    debug: bool,
) -> None:
    """Score the coder against GOLD (JSON Lines gold items) and print metrics per dataset."""
    from parley.evaluate import evaluate, evaluate_given_dyads, format_report

    with fatal_errors(debug):
        if given_dyads:
            coder = load_coder(actors=actors, patterns=patterns)
            report = evaluate_given_dyads(gold, coder=coder, datasets=datasets or None)
        elif events_path is not None:
            report = evaluate(gold, events=_read_event_dicts(events_path), datasets=datasets or None)
        else:
            coder = load_coder(actors=actors, patterns=patterns)
            report = evaluate(gold, coder=coder, datasets=datasets or None, n_process=processes)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
    else:
        click.echo(format_report(report), nl=False)
    if not report["datasets"]:
        _echo_err("error: no gold items" + (f" in dataset(s) {', '.join(datasets)}" if datasets else ""))
        sys.exit(1)


def _read_event_dicts(path: str) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fp:
        for number, line in enumerate(fp, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"malformed JSON: {e.msg}", source=os.fspath(path), line=number) from e
            except (ValueError, RecursionError) as e:
                raise InputError(f"unreadable JSON: {e or 'nested too deeply'}", source=os.fspath(path),
                                 line=number) from e
            if not isinstance(record, dict):
                raise InputError("expected an event object", source=os.fspath(path), line=number)
            yield record


# --- the event store ------------------------------------------------------------------------------

_DB_OPTION = click.option(
    "--db",
    default="parley.duckdb",
    show_default=True,
    type=click.Path(),
    help="The event store (a DuckDB file; to read, also the folder of a Parquet dataset of one).",
)


def _report_line(db: str, report: Any) -> str:
    return (
        f"{db}: read {report.read}, coded {report.coded} (replaced {report.replaced}), "
        f"unchanged {report.skipped_unchanged}, failed {report.failed}, events {report.events}"
    )


def _store_progress(*, total: int | None = None) -> Any:
    """A progress callback drawing a bar when a person watches stderr, else None; with `total`, an ETA too."""
    stderr = sys.stderr
    if not (hasattr(stderr, "isatty") and stderr.isatty()):
        return None
    from tqdm import tqdm

    bar = tqdm(unit="article", file=stderr, leave=False, dynamic_ncols=True, total=total)

    def update(report: Any) -> None:
        bar.update(report.read - bar.n)
        bar.set_postfix(events=report.events, failed=report.failed, refresh=False)

    return update


def _finish_store_run(db: str, report: Any) -> None:
    click.echo(_report_line(db, report))
    if report.failed:
        _echo_err(f"{report.failed} record(s) failed; `parley errors --db {db}` lists them")
    if report.read == 0:
        _echo_err("error: no articles in the input")
        sys.exit(1)
    if report.coded == 0 and report.skipped_unchanged == 0:
        _echo_err("error: no article could be coded")
        sys.exit(1)


@main.command("ingest")
@click.argument("sources", nargs=-1, required=True, type=click.Path(allow_dash=True))
@_DB_OPTION
@_PUBLISHED_OPTION
@_ACTORS_OPTION
@_PATTERNS_OPTION
@_PROCESSES_OPTION
@_BATCH_OPTION
@click.option("--dask", "cluster", metavar="CLUSTER",
              help="Code on a Dask cluster: local, local:N (N worker processes), a scheduler address "
                   "(tcp://host:8786) or a scheduler file (.json); --batch-size is then the shard size.")
@click.option("--shard-dir", metavar="DIR", help="With --dask: where workers write shard files (shared with "
                                                 "this machine; default FILE.shards next to the store).")
@click.option("--dataset", metavar="DIR", help="Then write the whole store to DIR as a Parquet dataset "
                                               "partitioned by month (replaced if there), which `events` and "
                                               "`stats` read with --db DIR.")
@_DEBUG_OPTION
def ingest_command(
    sources: tuple[str, ...],
    db: str,
    published: dt.date | None,
    actors: tuple[str, ...],
    patterns: tuple[str, ...],
    processes: int,
    batch_size: int,
    cluster: str | None,
    shard_dir: str | None,
    dataset: str | None,
    debug: bool,
) -> None:
    """Read, code and store the articles of SOURCES in the event store, in batches.

    Articles already stored with the same content are skipped; changed ones replace their events.
    Records that cannot be read or coded go to the errors table (`parley errors`). Safe to run again
    after an interruption. '-' reads standard input.
    """
    from parley.store import ingest

    _check_sources_exist(sources)
    if cluster is not None:
        if processes > 1:
            raise click.BadParameter("--processes is for one machine; with --dask each worker is a process",
                                     param_hint="--processes")
        _dask_ingest(sources, db=db, published=published, actors=actors, patterns=patterns, cluster=cluster,
                     shard_size=batch_size, shard_dir=shard_dir, dataset=dataset, debug=debug)
        return
    if _served(db):
        _ingest_to_server(sources, db=db, published=published, actors=actors, patterns=patterns,
                          processes=processes, batch_size=batch_size, debug=debug)
        return
    with fatal_errors(debug):
        coder = load_coder(actors=actors, patterns=patterns)
        report = ingest(
            _store_sources(sources, published=published),
            db=db,
            coder=coder,
            batch_size=batch_size,
            n_process=processes,
            published=published,
            progress=_store_progress(),
        )
        _write_dataset(db, dataset)
    _finish_store_run(db, report)


def _write_dataset(db: str, dataset: str | None) -> None:
    """`ingest --dataset DIR`: the store, once written, as a partitioned Parquet dataset."""
    if dataset is None:
        return
    from parley.store import Store
    from parley.store.dataset import write_dataset

    with Store.open(db, read_only=True) as store:
        write_dataset(store, dataset)


def _dask_ingest(sources: Sequence[str], *, db: str, published: dt.date | None, actors: Sequence[str],
                 patterns: Sequence[str], cluster: str, shard_size: int, shard_dir: str | None, dataset: str | None,
                 debug: bool) -> None:
    """`ingest --dask`: the coding runs on the cluster's workers; this process merges their shards into the store."""
    with fatal_errors(debug):
        from parley.scale import dask_ingest

        total = None
        # a bar with a total and an ETA: count the records first (standard input cannot be read twice)
        if getattr(sys.stderr, "isatty", lambda: False)() and "-" not in sources:
            from parley.store import read_sources

            total = sum(1 for _ in read_sources(sources, published=published))
        report = dask_ingest(_store_sources(sources, published=published), db=db, cluster=cluster,
                             shard_size=shard_size, shard_dir=shard_dir, actors=actors, patterns=patterns,
                             published=published, progress=_store_progress(total=total))
        _write_dataset(db, dataset)
    _finish_store_run(db, report)


def _served(db: str) -> bool:
    """Whether a live `parley serve` owns the store (then ingest hands batches to it)."""
    from parley.web.inbox import serving_pid

    return serving_pid(db) is not None


def _ingest_to_server(sources: Sequence[str], *, db: str, published: dt.date | None, actors: Sequence[str],
                      patterns: Sequence[str], processes: int, batch_size: int, debug: bool) -> None:
    from parley.web.inbox import inbox_path, ingest_to_inbox

    _echo_err(f"parley: {db} is served by `parley serve`: coded batches go to its inbox ({inbox_path(db)}), "
              "which the server merges")
    with fatal_errors(debug):
        coder = load_coder(actors=actors, patterns=patterns)
        report = ingest_to_inbox(_store_sources(sources, published=published), db=db, coder=coder,
                                 batch_size=batch_size, n_process=processes, published=published,
                                 progress=_store_progress())
    click.echo(f"handed {report.read} records to the server ({report.coded} coded, {report.failed} failed, "
               f"{report.events} events); articles already stored unchanged are skipped as it merges")
    if report.failed:
        _echo_err(f"{report.failed} record(s) failed; `parley errors --db {db}` lists them once merged")
    if report.read == 0:
        _echo_err("error: no articles in the input")
        sys.exit(1)


def _check_sources_exist(sources: Sequence[str]) -> None:
    """A path named on the command line that does not exist is a usage error, found before the store is
    created or opened (a URL and '-' are not paths)."""
    missing = [s for s in sources if s != "-" and "://" not in s and not os.path.lexists(s)]
    if missing:
        raise click.BadParameter(f"no such file or folder: {', '.join(missing)}", param_hint="SOURCES")


def _store_sources(sources: Sequence[str], *, published: dt.date | None) -> Iterator[Any]:
    from parley.readers import read_stdin

    for source in sources:
        if source == "-":
            yield from read_stdin(click.get_binary_stream("stdin"), published=published)
        else:
            yield source


@main.command("serve")
@_DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback needs --allow-remote and --token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option("--allow-remote", is_flag=True, help="Allow listening on an address other than loopback.")
@click.option("--token", envvar="PARLEY_TOKEN", default=None,
              help="Token every writing endpoint requires (also from $PARLEY_TOKEN); required with --allow-remote.")
@click.option("--max-body", type=click.IntRange(min=1024), default=5 * 1024 * 1024, show_default=True,
              help="Largest request body accepted, in bytes.")
@click.option("--memory-limit", default="2GB", show_default=True,
              help="DuckDB's memory limit for the served store (e.g. 4GB).")
@_DEBUG_OPTION
def serve_command(db: str, host: str, port: int, allow_remote: bool, token: str | None, max_body: int,
                  memory_limit: str, debug: bool) -> None:
    """Serve the store at --db: the web dashboard and the REST API (docs/web.md).

    The server owns the store while it runs; `parley ingest --db` the same file still works: it hands
    coded batches to the server, which merges them.
    """
    loopback = host in ("127.0.0.1", "localhost", "::1")
    if not loopback and not allow_remote:
        raise click.BadParameter(f"{host} is not loopback: add --allow-remote (and --token) to listen on it",
                                 param_hint="--host")
    if not loopback and not token:
        raise click.BadParameter("listening beyond loopback needs --token (or $PARLEY_TOKEN), which every "
                                 "writing endpoint checks", param_hint="--token")
    with fatal_errors(debug):
        try:
            import uvicorn

            from parley.web.app import LOOPBACK_HOSTS, create_app
        except ImportError as e:
            from parley.errors import MissingExtra

            raise MissingExtra("parley serve", extra="web", module=e.name or "fastapi") from e
        app = create_app(db, token=token, allowed_hosts=LOOPBACK_HOSTS if loopback else None, max_body=max_body,
                         memory_limit=memory_limit)
    _echo_err(f"parley: serving {db} on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops")
    uvicorn.run(app, host=host, port=port, log_level="info" if debug else "warning", server_header=False)


@main.command("recode")
@_DB_OPTION
@_ACTORS_OPTION
@_PATTERNS_OPTION
@_PROCESSES_OPTION
@_BATCH_OPTION
@_DEBUG_OPTION
def recode_command(
    db: str, actors: tuple[str, ...], patterns: tuple[str, ...], processes: int, batch_size: int, debug: bool
) -> None:
    """Re-code every stored article with the current lexicon and actors, replacing its events."""
    from parley.store import recode

    with fatal_errors(debug):
        if not os.path.exists(db):
            raise StoreError("no such store; create it with `parley ingest`", path=db)
        coder = load_coder(actors=actors, patterns=patterns)
        report = recode(db=db, coder=coder, batch_size=batch_size, n_process=processes,
                        progress=_store_progress())
    _finish_store_run(db, report)


@main.command("check")
@_DB_OPTION
@_DEBUG_OPTION
def check_command(db: str, debug: bool) -> None:
    """Read every table of the store end to end and verify its links: every event has its article and a
    cluster, every cluster its mentions, no id twice, each article's event count. Exit code 1 when
    something is damaged."""
    from parley.store import Store

    if not os.path.exists(db):
        _echo_err(f"error: {db}: no such store")
        sys.exit(1)
    with fatal_errors(debug), Store.open(db, read_only=True) as store:
        counts, problems = store.check()
    shown = ", ".join(f"{n:,} {table}" for table, n in counts.items())
    for problem in problems:
        _echo_err(f"damaged: {problem}")
    if problems:
        _echo_err(f"{db}: {len(problems)} problem(s) found ({shown}); restore a backup, or ingest the "
                  "sources again into a new store")
        sys.exit(1)
    click.echo(f"{db}: ok ({shown})")


@main.command("errors")
@_DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per error.")
@_DEBUG_OPTION
def errors_command(db: str, as_json: bool, debug: bool) -> None:
    """List the records that could not be read or coded, from the errors table of the store."""
    from parley.store import Store

    with fatal_errors(debug), Store.open(db, read_only=True) as store:
        rows = store.errors().to_pylist()
    for row in rows:
        if as_json:
            row["at"] = row["at"].isoformat(timespec="seconds") if row["at"] else None
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        where = [str(row["source"])] if row["source"] else []
        if row["line"] is not None:
            where.append(f"line {row['line']}")
        if row["article_id"] is not None:
            where.append(f"article {row['article_id']!r}")
        click.echo(f"{' '.join(where) or '-'}\t{row['step']}\t{' '.join(row['message'].split())}")
    if not rows and not as_json:
        _echo_err("no errors recorded")


# --- reading the store: events, stats, export -----------------------------------------------------


def _date_option_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from e


# The values of --modality (`parley.store.query.MODALITY_CHOICES`, spelled out to keep imports light).
_MODALITY_CHOICES = ("factual", "nonfactual", "all", "demanded", "requested", "offered", "proposed", "promised",
                     "threatened", "refused", "conditional", "future", "intent", "hypothetical", "purpose", "attempt")

_FILTER_OPTIONS = (
    click.option("--actor", metavar="ACTOR", help="Events where ACTOR (a code, or part of a name) takes part."),
    click.option("--source", metavar="ACTOR", help="Events whose source actor is ACTOR."),
    click.option("--target", metavar="ACTOR", help="Events whose target actor is ACTOR."),
    click.option("--country", metavar="ISO3", multiple=True,
                 help="Events with an actor of this country (ISO alpha-3; repeatable: any of them)."),
    click.option("--dyad", nargs=2, metavar="A B", default=None,
                 help="Events between A and B, either direction (use --source/--target for one)."),
    click.option("--cameo", metavar="CODE", help="A CAMEO code or its start: 19 (the root), 190, 0211."),
    click.option("--plover", metavar="TYPE", help="A PLOVER event type, e.g. ASSAULT."),
    click.option("--quad", type=click.IntRange(1, 4), multiple=True, help="Quad class 1-4 (repeatable)."),
    click.option("--from", "date_from", metavar="DATE", callback=_date_option_callback,
                 help="Events on or after DATE (YYYY-MM-DD)."),
    click.option("--to", "date_to", metavar="DATE", callback=_date_option_callback,
                 help="Events on or before DATE (YYYY-MM-DD)."),
    click.option("--place", metavar="TEXT", help="Events at a place whose name contains TEXT, or in country TEXT."),
    click.option("--place-basis", "place_basis", multiple=True,
                 type=click.Choice(["clause", "sentence", "occasion", "paragraph", "dateline", "article",
                                   "country"]),
                 help="Only events whose place was found at this level (repeatable): clause for places the "
                      "event's own clause names."),
    click.option("--publisher", metavar="TEXT", help="Events reported by a publisher whose name contains TEXT."),
    click.option("--all-actors", "all_actors", is_flag=True,
                 help="Include events that are not political-event data (companies, private persons)."),
    click.option("--attributed", is_flag=True, help="Only events credited to a speaker or source."),
    click.option("--unhedged", is_flag=True, help="Only events not marked as unconfirmed."),
    click.option("--negated", type=click.Choice(["exclude", "include", "only"]), default="exclude",
                 show_default=True, help="Events the text says did not happen."),
    click.option("--modality", "modality", multiple=True, type=click.Choice(_MODALITY_CHOICES),
                 help="Which events by what the text asserts (repeatable): factual (the default: what happened), "
                      "nonfactual, all, or a modality such as demanded, offered, threatened, conditional."),
    click.option("--background", type=click.Choice(["exclude", "include", "only"]), default="exclude",
                 show_default=True, help="Events told as earlier history (past perfect, an old date)."),
    click.option("--cluster", "cluster", metavar="ID", help="The reports of one event cluster (its id)."),
)
_FILTER_NAMES = ("actor", "source", "target", "country", "dyad", "cameo", "plover", "quad", "date_from", "date_to",
                 "place", "place_basis", "publisher", "all_actors", "attributed", "unhedged", "negated", "modality",
                 "background", "cluster")


def _filter_options(command: Any) -> Any:
    for option in reversed(_FILTER_OPTIONS):
        command = option(command)
    return command


def _event_filter(options: dict[str, Any]) -> Any:
    """The `EventFilter` of the filter options (taken out of `options`); a bad value is a usage error."""
    from parley.store import EventFilter

    given = {name: options.pop(name) for name in _FILTER_NAMES}
    try:
        return EventFilter(
            actor=given["actor"], source=given["source"], target=given["target"],
            country=tuple(given["country"]) or None,
            dyad=tuple(given["dyad"]) if given["dyad"] else None, cameo=given["cameo"], plover=given["plover"],
            quad=tuple(given["quad"]) or None, date_from=given["date_from"], date_to=given["date_to"],
            place=given["place"], place_basis=tuple(given["place_basis"]) or None, publisher=given["publisher"],
            relevant_only=not given["all_actors"], attributed_only=given["attributed"],
            unhedged_only=given["unhedged"],
            negated={"exclude": False, "only": True, "include": None}[given["negated"]],
            modality=tuple(given["modality"]) or ("factual",),
            background={"exclude": False, "only": True, "include": None}[given["background"]],
            cluster=given["cluster"],
        )
    except BadFilter as e:
        raise click.UsageError(str(e)) from e


def _output_option(help: str) -> Any:
    return click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-", help=help)


_TABLE_FORMATS = output_formats("rows")


def _table_format_option(default: str) -> Any:
    return click.option("--format", "fmt", type=click.Choice(_TABLE_FORMATS), default=default, show_default=True,
                        help=f"Output format. {_formats_help(_TABLE_FORMATS)}.")


def _write_result(table: Any, output: str, fmt: str, *, kind: str) -> None:
    from parley.store import write_table

    if OUTPUT_FORMATS[fmt].binary and output == "-":
        raise click.UsageError(f"--format {fmt} needs --output FILE")
    if output == "-":
        width = shutil.get_terminal_size((120, 24)).columns
        write_table(table, click.get_text_stream("stdout"), format=fmt, width=width, kind=kind)
    else:
        write_table(table, output, format=fmt, kind=kind)


def _open_store_read_only(db: str) -> Any:
    from parley.store import Store

    return Store.open(db, read_only=True)


@main.command("events")
@_DB_OPTION
@_filter_options
@click.option("--clusters", is_flag=True, help="One row per event cluster instead of one per mention.")
@_table_format_option("table")
@_output_option("Write to this file instead of stdout.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N rows.")
@_DEBUG_OPTION
def events_command(db: str, clusters: bool, fmt: str, output: str, limit: int | None, debug: bool,
                   **options: Any) -> None:
    """List the stored events (or event clusters) that pass every filter given."""
    from parley.store.query import select_events

    flt = _event_filter(options)
    with fatal_errors(debug), _open_store_read_only(db) as store:
        table = select_events(store, flt, clusters=clusters, limit=limit)
        if flt.cluster is not None and table.num_rows == 0 and not store.con.execute(
                "SELECT count(*) FROM event_clusters WHERE cluster_id = ?", [flt.cluster]).fetchone()[0]:
            raise click.BadParameter(f"no event cluster {flt.cluster!r} in {db} (`parley events --clusters` "
                                     "lists them with their ids)", param_hint="--cluster")
        kind = "clusters" if clusters else "reports" if flt.cluster is not None else "events"
        _write_result(table, output, fmt, kind=kind)


@main.command("stats")
@_DB_OPTION
@_filter_options
@click.option("--freq", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True,
              help="Period of the time series.")
@click.option("--mentions", is_flag=True, help="Count every report (mention) instead of each event cluster once.")
@click.option("--top", type=click.IntRange(min=1), default=None, metavar="N",
              help="The N actors (or dyads, with --of dyads) with the most events instead of a time series.")
@click.option("--of", "top_of", type=click.Choice(["actors", "dyads"]), default="actors", show_default=True,
              help="What --top ranks.")
@_table_format_option("table")
@_output_option("Write to this file instead of stdout.")
@_DEBUG_OPTION
def stats_command(db: str, freq: str, mentions: bool, top: int | None, top_of: str, fmt: str, output: str,
                  debug: bool, **options: Any) -> None:
    """A time series of the matching events (counts by quad class, Goldstein mean and sum), or --top N."""
    from parley.store import time_series, top_actors, top_dyads

    flt = _event_filter(options)
    with fatal_errors(debug), _open_store_read_only(db) as store:
        if top is not None:
            rank = top_actors if top_of == "actors" else top_dyads
            table = rank(store, top, by_cluster=not mentions, filters=flt)
            kind = f"top_{top_of}"
        else:
            table = time_series(store, freq=freq, by_cluster=not mentions, filters=flt)
            kind = "time_series"
        _write_result(table, output, fmt, kind=kind)


_EXPORT_FORMATS = output_formats("export")


@main.command("export")
@_DB_OPTION
@click.option("--as", "as_format", type=click.Choice(_EXPORT_FORMATS), required=True,
              help=f"{_formats_help(_EXPORT_FORMATS)}. Those not per event cluster write events (or clusters, "
                   "with --clusters).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True, help="The file to write.")
@click.option("--clusters", is_flag=True, help="parquet and csv: one row per event cluster.")
@_filter_options
@_DEBUG_OPTION
def export_command(db: str, as_format: str, output: str, clusters: bool, debug: bool, **options: Any) -> None:
    """Export the events passing the filters to a file, in a documented schema (docs/store.md)."""
    from parley.store import export_events

    flt = _event_filter(options)
    with fatal_errors(debug), _open_store_read_only(db) as store:
        n = export_events(store, output, format=as_format, clusters=clusters, filters=flt)
    unit = "event cluster" if clusters or OUTPUT_FORMATS[as_format].per_cluster else "event"
    click.echo(f"{output}: {n} {unit}{'' if n == 1 else 's'}")


def _register_negotiation_commands() -> None:
    from parley.negotiation.cli import negotiation_command, negotiations_command

    main.add_command(negotiations_command)
    main.add_command(negotiation_command)


_register_negotiation_commands()
