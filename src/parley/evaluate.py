"""Measure the coder against gold items (the shared evaluation format).

The figures are the reference scorer's, by the same rules:

* A system event is a candidate for a gold event of the same item when its source matches one of
  the gold source spans and its target one of the gold target spans; an empty gold list matches
  anything, except that a reciprocal gold event ("X and Y met") always needs a source match. The gold
  target column holds whatever is acted on, an actor or a thing ("seized the documents"); Parley keeps a
  thing as the event's object, never its target, so an event without a target offers its object there.
* Two spans match when their content words (lower-cased `[a-z0-9]+` runs, minus a short stop
  list) overlap by at least half of the shorter span's words.
* The label is the PLOVER root (CONCEDE and RETREAT count as YIELD) when the gold event has one,
  else the five-way class of the CAMEO root: 01-02 -> 0, 03-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from parley.errors import InputError, ParleyError
from parley.types import Article, Event

if TYPE_CHECKING:
    from parley.coder import Coder

__all__ = ["evaluate", "format_report", "spans_match"]

_STOP_WORDS = frozenset(
    {"the", "a", "an", "of", "to", "in", "on", "for", "and", "its", "their", "his", "her", "'s", "’s", "s"}
)
_WORD = re.compile(r"[a-z0-9]+")
_TOP_CONFUSIONS = 12


def _content_words(text: str | None) -> set[str]:
    lowered = (text or "").lower().replace("’", "'")
    return {w for w in _WORD.findall(lowered) if w not in _STOP_WORDS}


def spans_match(a: str | None, b: str | None) -> bool:
    """True when the content words of `a` and `b` overlap by at least half of the shorter one's."""
    words_a, words_b = _content_words(a), _content_words(b)
    if not words_a or not words_b:
        return False
    return 2 * len(words_a & words_b) >= min(len(words_a), len(words_b))


def _penta_class(cameo: Any) -> int | None:
    try:
        root = int(str(cameo)[:2])
    except ValueError:
        return None
    for upper, label in ((2, 0), (5, 1), (8, 2), (13, 3)):
        if root <= upper:
            return label
    return 4


def _plover_root(value: Any) -> str:
    root = (value or "").upper()
    return "YIELD" if root in {"CONCEDE", "RETREAT"} else root


def _span_text(value: Any) -> str:
    if isinstance(value, Mapping):
        return value.get("text") or ""
    return value or ""


def evaluate(
    gold_path: str | os.PathLike[str],
    *,
    coder: Coder | None = None,
    events: Iterable[Event | Mapping[str, Any]] | None = None,
    datasets: Collection[str] | None = None,
    n_process: int = 1,
) -> dict[str, Any]:
    """Score coded events against a gold file, per dataset.

    Runs `coder` (a default `Coder` when None) over the gold items, each item's `id` becoming the
    article id, unless precomputed `events` are given.

    Args:
        gold_path: JSON Lines gold items `{id, dataset, text, published, events: [...]}`.
        coder: the coder to run.
        events: already coded events (records or their JSON dicts); then nothing is coded.
        datasets: score only the items of these datasets.
        n_process: processes for the coder.

    Returns:
        `{"datasets": {name: {items, gold_events, dyad_recall, label_acc_on_dyad, e2e_recall,
        label_in_item_recall, events_per_item}}, "confusions": [{dataset, gold, system, count}, ...],
        "errors": [message, ...]}`; confusions are the most common label mistakes on matched dyads.

    Raises:
        InputError: the gold file cannot be read or a line is not a gold item.
    """
    gold = _read_gold(gold_path, datasets)
    errors: list[str] = []
    if events is None:
        events, errors = _code_gold(gold, coder, n_process)
    by_item: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for event in events:
        record = event.to_dict() if isinstance(event, Event) else event
        by_item[str(record.get("article_id"))].append(record)

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    confusions: Counter[tuple[str, Any, Any]] = Counter()
    for item in gold:
        dataset = item["dataset"]
        system = by_item.get(str(item["id"]), [])
        c = counts[dataset]
        c["items"] += 1
        c["system_events"] += len(system)
        for gold_event in item["events"]:
            c["gold"] += 1
            label: Callable[[Mapping[str, Any]], Any]
            if gold_event.get("plover") is not None:
                gold_label: Any = gold_event["plover"]
                label = lambda e: _plover_root(e.get("plover"))  # noqa: E731
            else:
                gold_label = gold_event.get("penta")
                label = lambda e: _penta_class(e.get("cameo"))  # noqa: E731
            candidates = [e for e in system if _dyad_matches(gold_event, e)]
            if any(label(e) == gold_label for e in system):
                c["label_in_item"] += 1
            if not candidates:
                continue
            c["dyad"] += 1
            if any(label(e) == gold_label for e in candidates):
                c["dyad_label"] += 1
            else:
                confusions[(dataset, gold_label, label(candidates[0]))] += 1

    report: dict[str, dict[str, Any]] = {}
    for dataset in sorted(counts):
        c = counts[dataset]
        n_gold = c["gold"] or 1
        report[dataset] = {
            "items": c["items"],
            "gold_events": c["gold"],
            "dyad_recall": round(c["dyad"] / n_gold, 3),
            "label_acc_on_dyad": round(c["dyad_label"] / (c["dyad"] or 1), 3),
            "e2e_recall": round(c["dyad_label"] / n_gold, 3),
            "label_in_item_recall": round(c["label_in_item"] / n_gold, 3),
            "events_per_item": round(c["system_events"] / (c["items"] or 1), 2),
        }
    return {
        "datasets": report,
        "confusions": [
            {"dataset": d, "gold": g, "system": s, "count": n}
            for (d, g, s), n in confusions.most_common(_TOP_CONFUSIONS)
        ],
        "errors": errors,
    }


def evaluate_given_dyads(
    gold_path: str | os.PathLike[str],
    *,
    coder: Coder | None = None,
    datasets: Collection[str] | None = None,
) -> dict[str, Any]:
    """Label accuracy when the source and target mentions are given (the zero-shot coders' task).

    For each gold event the first source and first target span are located in the item's text
    (the first occurrence), `Coder.code_dyads` returns the best event between them, and its label
    (PLOVER root, or the five-way class) is compared with the gold label. An event whose spans
    cannot be found, or for which no event is returned, counts as wrong.

    Returns:
        `{"datasets": {name: {gold_events, located, no_event, given_dyad_accuracy}},
        "confusions": [...], "errors": [...]}`.
    """
    gold = _read_gold(gold_path, datasets)
    if coder is None:
        from parley.coder import Coder

        coder = Coder()
    from parley.dates import parse_published

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    confusions: Counter[tuple[str, Any, Any]] = Counter()
    errors: list[str] = []
    for item in gold:
        dataset, text = item["dataset"], item.get("text") or ""
        c = counts[dataset]
        dyads = []
        golds = []
        for gold_event in item["events"]:
            c["gold"] += 1
            sources = gold_event.get("source") or []
            targets = gold_event.get("target") or []
            if gold_event.get("reciprocal"):
                # "X and Y met": both lists name both sides; the dyad is one side and the other.
                targets = [t for t in targets if t != (sources or [None])[0]]
            source = _locate(text, (sources or [None])[0])
            target = _locate(text, (targets or [None])[0])
            if source is None:
                continue
            # A target that does not occur in the text ("a recipient") is an annotator's placeholder
            # for "no target": the event is coded without one.
            c["located"] += 1
            dyads.append((source, target))
            golds.append(gold_event)
        if not dyads:
            continue
        try:
            events = coder.code_dyads(text, dyads, published=parse_published(item.get("published")),
                                      article_id=str(item["id"]))
        except (ParleyError, ValueError) as e:
            errors.append(f"{item['id']}: {e}")
            continue
        for gold_event, event in zip(golds, events, strict=True):
            system: str | int | None  # a PLOVER root, or a penta class
            if gold_event.get("plover") is not None:
                gold_label: Any = gold_event["plover"]
                system = _plover_root(event.plover) if event is not None else None
            else:
                gold_label = gold_event.get("penta")
                system = _penta_class(event.cameo) if event is not None else None
            if event is None:
                c["no_event"] += 1
            if system == gold_label:
                c["correct"] += 1
            else:
                confusions[(dataset, gold_label, system)] += 1
    report = {
        dataset: {
            "gold_events": c["gold"],
            "located": c["located"],
            "no_event": c["no_event"],
            "given_dyad_accuracy": round(c["correct"] / (c["gold"] or 1), 3),
        }
        for dataset, c in sorted(counts.items())
    }
    return {
        "datasets": report,
        "confusions": [
            {"dataset": d, "gold": g, "system": s, "count": n}
            for (d, g, s), n in confusions.most_common(_TOP_CONFUSIONS)
        ],
        "errors": errors,
    }


def _locate(text: str, span: str | None) -> tuple[int, int] | None:
    """Offsets of a gold span in its text: exact, then ignoring case and the spaces tokenizers add."""
    if not span:
        return None
    at = text.find(span)
    if at >= 0:
        return at, at + len(span)
    at = text.lower().find(span.lower())
    if at >= 0:
        return at, at + len(span)
    # Gold spans are sometimes detokenized differently ("U.S. -backed", "Jean - Pierre").
    pattern = r"\s*".join(re.escape(ch) for ch in span.replace(" ", ""))
    m = re.search(pattern, text, flags=re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def _dyad_matches(gold_event: Mapping[str, Any], event: Mapping[str, Any]) -> bool:
    sources = gold_event.get("source") or []
    targets = gold_event.get("target") or []
    source, target = _span_text(event.get("source")), _span_text(event.get("target") or event.get("object"))
    # A reciprocal event always names its sides, so an empty source list matches nothing there.
    source_ok = any(spans_match(source, s) for s in sources) or (
        not sources and not gold_event.get("reciprocal")
    )
    target_ok = not targets or any(spans_match(target, t) for t in targets)
    return source_ok and target_ok


def _read_gold(path: str | os.PathLike[str], datasets: Collection[str] | None) -> list[dict[str, Any]]:
    source = os.fspath(path)
    items = []
    try:
        with open(path, encoding="utf-8") as fp:
            for number, line in enumerate(fp, start=1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                    ok = isinstance(item, dict) and all(k in item for k in ("id", "dataset", "events"))
                except (ValueError, RecursionError):   # malformed, a huge integer, nested too deeply
                    ok = False
                if not ok:
                    message = "not a gold item {id, dataset, text, events}"
                    raise InputError(message, source=source, line=number)
                if datasets is None or item["dataset"] in datasets:
                    items.append(item)
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read gold file: {e}", source=source) from e
    return items


def _code_gold(
    gold: list[dict[str, Any]], coder: Coder | None, n_process: int
) -> tuple[list[Event], list[str]]:
    from parley.dates import parse_published
    from parley.formats import format_error

    if coder is None:
        from parley.coder import Coder

        coder = Coder()

    def articles() -> Iterable[Article | InputError]:
        seen: set[str] = set()
        for item in gold:
            article_id = str(item["id"])
            if article_id in seen:
                continue
            seen.add(article_id)
            try:
                published = parse_published(item.get("published"))
            except (ValueError, TypeError) as e:
                yield InputError(f"bad 'published': {e}", article_id=article_id)
                continue
            yield Article(id=article_id, text=item.get("text") or "", published=published)

    events: list[Event] = []
    errors: list[str] = []
    for result in coder.code_articles(articles(), n_process=n_process):
        if result.error is not None:
            errors.append(format_error(result.error))
        events.extend(result.events)
    return events, errors


def format_report(report: Mapping[str, Any]) -> str:
    """The report of `evaluate` as text: one line of metrics per dataset, then the top confusions."""
    lines = []
    for dataset, metrics in report["datasets"].items():
        lines.append(dataset + " " + " ".join(f"{k}={v}" for k, v in metrics.items()))
    if report["confusions"]:
        lines.append("most common label confusions on matched dyads (dataset, gold, system):")
        for c in report["confusions"]:
            lines.append(f"  {c['dataset']} {c['gold']} -> {c['system']}: {c['count']}")
    if report.get("errors"):
        lines.append(f"{len(report['errors'])} item(s) could not be coded")
    return "\n".join(lines) + "\n"
