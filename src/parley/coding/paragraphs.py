"""A pipeline component that starts a sentence after every line break.

Headlines, datelines and paragraphs carry no final full stop; without this the parser runs a
headline into the first sentence and reads one clause across both.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_DASHES = frozenset({"-", "--", "—", "–", ":"})


@Language.component("parley_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the token after a line break, and after a dateline ("CAIRO (AP) --"), as a sentence start."""
    starts = {0}
    for token in doc[:-1]:
        if token.is_space:
            if token.i > 0:
                token.is_sent_start = False   # blank lines belong to the sentence before them
            if "\n" in token.text and not doc[token.i + 1].is_space:
                doc[token.i + 1].is_sent_start = True
                starts.add(token.i + 1)
        elif "\n" in token.whitespace_ and not doc[token.i + 1].is_space:
            doc[token.i + 1].is_sent_start = True
            starts.add(token.i + 1)
    for start in starts:
        _dateline(doc, start)
    return doc


def _dateline(doc: Doc, start: int) -> None:
    """A dateline is a few words without a verb, the first capitalised, then a dash, in the first 12 tokens."""
    if start >= len(doc) or not doc[start].is_title and not doc[start].is_upper or not doc[start].is_alpha:
        return
    for token in doc[start + 1:start + 12]:
        if token.tag_.startswith("VB") or token.tag_ == "MD":
            return
        if token.text in _DASHES and (token.text != "-" or doc[token.i - 1].whitespace_):
            # a dash set off by a space ("CAIRO -"), not the hyphen of "Russia-backed"
            if token.i + 1 < len(doc) and not doc[token.i + 1].is_space:
                for inner in doc[start + 1:token.i + 1]:
                    inner.is_sent_start = False   # the dateline is one sentence
                doc[token.i + 1].is_sent_start = True
            return
        if "\n" in token.whitespace_ or token.is_space or token.text in (".", "!", "?"):
            return
