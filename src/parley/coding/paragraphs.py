"""A pipeline component that starts a sentence after every line break.

Headlines, datelines and paragraphs carry no final full stop; without this the parser runs a
headline into the first sentence and reads one clause across both.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("parley_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the token after a line break as a sentence start."""
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc
