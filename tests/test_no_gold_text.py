"""Gold text stays out of the project: no six-word run of a dev-set sentence in src/, tests/ or docs/.

The dev set is for measuring. A test, a comment or a doc that quotes one of its sentences tunes the coder
to that sentence and hides how it does on text it has not seen.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
SCANNED = ("src", "tests", "docs")
# Names of organisations and people are facts, not sentences: the actor tables hold full official names of
# six words or more (UN agencies and missions, long personal names) that dev sentences also print, and
# checking them would fail on facts. The gazetteer needs no exclusion: none of its rows has six words of a
# dev sentence.
EXCLUDED = (ROOT / "src" / "parley" / "data" / "actors",)
N = 6
WORD = re.compile(r"[a-z0-9]+")


def ngrams(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + N]) for i in range(len(words) - N + 1)}


def text_files() -> list[Path]:
    files = []
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            if any(path.is_relative_to(excluded) for excluded in EXCLUDED):
                continue
            files.append(path)
    return files


def read_text(path: Path) -> str | None:
    data = path.read_bytes()
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def test_no_dev_sentence_is_quoted_in_the_project():
    if not DEV.is_file():
        pytest.skip(f"no dev set at {DEV}")
    gold: dict[str, str] = {}
    with DEV.open(encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            for gram in ngrams(item["text"]):
                gold.setdefault(gram, item["id"])
    leaks = []
    for path in text_files():
        text = read_text(path)
        if text is None:
            continue
        ids = sorted({gold[gram] for gram in ngrams(text) if gram in gold})
        if ids:
            leaks.append(f"{path.relative_to(ROOT)}: {', '.join(ids)}")
    assert not leaks, "six-word runs of dev sentences (replace them with text of your own):\n" + "\n".join(leaks)
