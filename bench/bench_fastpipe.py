"""spaCy's own English pipeline against the same pipeline with Parley's attribute ruler and lemmatizer
(`parley.coding.fastpipe`): CPU seconds per component on the same texts, and how many tokens differ in any
attribute (it must be none).

    python bench/bench_fastpipe.py [CORPUS.jsonl ...] [--limit 300]

Each pipeline runs its components one after another over all the texts (tokenizer, then each component's
`pipe`), so that each component's time is its own. Prints figures; asserts nothing. Skips (exit code 0) when
the corpus is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_coder import DEFAULT_CORPUS, DEFAULT_FILES, MODEL, load_articles  # noqa: E402  (the same input)


def run(nlp, texts: list[str]) -> tuple[dict[str, float], list]:
    """Each component's CPU seconds over `texts`, and the docs."""
    times: dict[str, float] = {}
    c0 = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    times["tokenizer"] = time.process_time() - c0
    for name, component in nlp.pipeline:
        c0 = time.process_time()
        docs = list(component.pipe(docs, batch_size=8)) if hasattr(component, "pipe") else [component(d) for d in docs]
        times[name] = time.process_time() - c0
    return times, docs


def attributes(token) -> tuple:
    return (token.text, token.pos_, token.tag_, token.dep_, token.head.i, str(token.morph), token.lemma_,
            token.ent_type_, token.ent_iob_, token.is_sent_start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="JSON Lines corpus files (default: both shared files)")
    parser.add_argument("--limit", type=int, default=300, help="articles to use (default 300)")
    args = parser.parse_args()
    paths = args.paths or [DEFAULT_CORPUS / name for name in DEFAULT_FILES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"skipped: corpus not found: {', '.join(missing)}")
        return
    import spacy

    from parley.coding.fastpipe import use_fast_components

    texts = [a.text for a in load_articles(paths, args.limit)]
    stock = spacy.load(MODEL)
    fast = use_fast_components(spacy.load(MODEL))
    for nlp in (stock, fast):   # warm both up on a few texts
        list(nlp.pipe(texts[:5]))
    stock_times, stock_docs = run(stock, texts)
    fast_times, fast_docs = run(fast, texts)
    tokens = sum(len(d) for d in stock_docs)
    pairs = list(zip(stock_docs, fast_docs, strict=True))
    differing = sum(len(x) != len(y) for x, y in pairs)
    differing += sum(attributes(a) != attributes(b) for x, y in pairs if len(x) == len(y)
                     for a, b in zip(x, y, strict=True))
    print(f"{len(texts)} articles, {tokens:,} tokens; model {MODEL}\n")
    print(f"{'component':18}{'spaCy CPU s':>12}{'Parley CPU s':>14}")
    for name in stock_times:
        print(f"{name:18}{stock_times[name]:12.2f}{fast_times[name]:14.2f}")
    total_stock, total_fast = sum(stock_times.values()), sum(fast_times.values())
    print(f"{'whole pipeline':18}{total_stock:12.2f}{total_fast:14.2f}   {total_fast / total_stock:.2f}x")
    print(f"\ntokens with any attribute different (text, tags, parse, morphology, lemma, entity, sentence start): "
          f"{differing}")


if __name__ == "__main__":
    main()
