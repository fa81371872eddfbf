"""Faster equivalents of two of the English pipeline's own components: the attribute ruler and the rule
lemmatizer.

In `en_core_web_sm` these two do little (a tag map and a suffix-rule lemmatizer) but they do it token by
token in Python: on news they take about a fifth of the pipeline's CPU time, as much as the parser. The
components here give every token exactly the same attributes (tested, and checked on a corpus by
`bench/bench_fastpipe.py`) with the work done once per distinct word form:

* `parley_attribute_ruler` matches the ruler's patterns through an index on each token's lower-case form
  and fine tag, instead of running the `Matcher` over every pattern, and writes the attributes through
  `Doc.from_array`. Rules are applied in the ruler's order (later rules win), as spaCy does. Patterns it
  cannot index (operators other than `IN`, `NOT_IN`, `REGEX`, quantifiers, attributes other than `TAG`,
  `LOWER`, `DEP`, `IS_SPACE`) make it use spaCy's matcher, unchanged.
* `parley_lemmatizer` is spaCy's English rule lemmatizer; only its per-token loop changes: lemmas come from
  the lemmatizer's own cache, keyed as spaCy keys it (form, part of speech, morphology), read through arrays.

`use_fast_components(nlp)` swaps them in where the pipeline has spaCy's own; any other pipeline is left
alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG  # type: ignore[import-not-found]
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# the token attributes a pattern may test, as columns of `Doc.to_array`
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_READ = [TAG, LOWER, DEP, IS_SPACE]
_CACHE_LIMIT = 500_000   # distinct keys a memo holds before it starts again


class _Unsupported(Exception):
    """A pattern the index cannot hold."""


class _TokenTest:
    """One token of a pattern: every condition must hold."""

    __slots__ = ("checks",)

    def __init__(self, spec: dict[str, Any], strings: Any) -> None:
        self.checks: list[tuple[int, str, Any]] = []
        for key, value in spec.items():
            if key not in _COLUMNS:
                raise _Unsupported(key)
            col = _COLUMNS[key]
            if key == "IS_SPACE":
                if not isinstance(value, bool):
                    raise _Unsupported(f"{key}={value!r}")
                self.checks.append((col, "eq", int(value)))
            elif isinstance(value, str):
                self.checks.append((col, "eq", strings.add(value)))
            elif isinstance(value, dict) and len(value) == 1:
                (op, arg), = value.items()
                if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
                    self.checks.append((col, op.lower(), frozenset(strings.add(a) for a in arg)))
                elif op == "REGEX" and isinstance(arg, str) and key == "LOWER":
                    self.checks.append((col, "regex", (re.compile(arg), {})))
                else:
                    raise _Unsupported(f"{key}={value!r}")
            else:
                raise _Unsupported(f"{key}={value!r}")

    def keys(self, name: str) -> frozenset[int] | None:
        """The values of attribute `name` this test requires (None when it does not require one)."""
        col = _COLUMNS[name]
        for c, op, arg in self.checks:
            if c == col and op == "eq":
                return frozenset({arg})
            if c == col and op == "in":
                return arg
        return None

    def __call__(self, row: tuple[int, int, int, int], strings: Any) -> bool:
        for col, op, arg in self.checks:
            value = row[col]
            if op == "eq":
                if value != arg:
                    return False
            elif op == "in":
                if value not in arg:
                    return False
            elif op == "not_in":
                if value in arg:
                    return False
            else:
                pattern, memo = arg
                hit = memo.get(value)
                if hit is None:
                    hit = memo[value] = pattern.search(strings[value]) is not None
                if not hit:
                    return False
        return True


class _Rule:
    """One pattern of one attribute set: its token tests and the token (by offset) that takes the attributes.
    `sure` when the index key alone decides the match (one token, one condition)."""

    __slots__ = ("attr_id", "tests", "index", "sure")

    def __init__(self, attr_id: int, tests: list[_TokenTest], index: int) -> None:
        self.attr_id = attr_id
        self.tests = tests
        self.index = index if index >= 0 else len(tests) + index
        if not 0 <= self.index < len(tests):
            raise _Unsupported(f"index {index}")
        self.sure = len(tests) == 1 and len(tests[0].checks) == 1 and tests[0].checks[0][1] in ("eq", "in")

    def matches(self, rows: list[tuple[int, int, int, int]], i: int, strings: Any) -> bool:
        if self.sure:
            return True
        if i + len(self.tests) > len(rows):
            return False
        return all(test(rows[i + k], strings) for k, test in enumerate(self.tests))


class _Index:
    """Rules by a value their first token requires: its lower-case form, else its tag, its dependency
    label or whether it is white space; `anywhere` holds the rest. `memo` remembers the rules a
    (form, tag) pair can start."""

    def __init__(self) -> None:
        self.by_lower: dict[int, list[_Rule]] = {}
        self.by_tag: dict[int, list[_Rule]] = {}
        self.by_dep: dict[int, tuple[_Rule, ...]] = {}
        self.by_space: dict[int, tuple[_Rule, ...]] = {}
        self.anywhere: tuple[_Rule, ...] = ()
        self.written: set[int] = set()
        self.labels: list[int] = []   # the matcher's key of each attribute set, as spaCy's `match` reports it
        self.memo: dict[tuple[int, int], tuple[_Rule, ...]] = {}

    def add(self, rule: _Rule) -> None:
        first = rule.tests[0]
        for name, table in (("LOWER", self.by_lower), ("TAG", self.by_tag)):
            keys = first.keys(name)
            if keys is not None:
                for key in keys:
                    table.setdefault(key, []).append(rule)
                return
        for name, small in (("DEP", self.by_dep), ("IS_SPACE", self.by_space)):
            keys = first.keys(name)
            if keys is not None:
                for key in keys:
                    small[key] = (*small.get(key, ()), rule)
                return
        self.anywhere = (*self.anywhere, rule)


@Language.factory("parley_attribute_ruler", default_config={"validate": False})
def make_attribute_ruler(nlp: Language, name: str, validate: bool) -> ParleyAttributeRuler:
    return ParleyAttributeRuler(nlp.vocab, name, validate=validate)


class ParleyAttributeRuler(AttributeRuler):
    """spaCy's `AttributeRuler` with an indexed matcher; see the module's docstring."""

    def __init__(self, vocab: Any, name: str = "attribute_ruler", *, validate: bool = False) -> None:
        super().__init__(vocab, name, validate=validate)
        self._index: _Index | None = None
        self._compiled = False

    def add(self, patterns: Iterable[Any], attrs: dict, index: int = 0) -> None:
        super().add(list(patterns), attrs, index)
        self._compiled = False

    def clear(self) -> None:
        super().clear()
        self._compiled = False

    @property
    def indexed(self) -> bool:
        """Whether every pattern is in the index (else spaCy's matcher does the work)."""
        if not self._compiled:
            self._compile()
        return self._index is not None

    def _compile(self) -> None:
        """Index every pattern by a value its first token requires; no index when some pattern cannot be."""
        self._compiled, self._index = True, None
        index = _Index()
        strings = self.vocab.strings
        try:
            for attr_id in range(len(self.attrs)):
                if "_" in self.attrs[attr_id]:
                    raise _Unsupported("extension attributes")
                index.written.update(self.attrs[attr_id])
                for pattern in self.matcher.get(str(attr_id))[1]:
                    if any(not spec for spec in pattern):
                        raise _Unsupported("a token without conditions")
                    index.add(_Rule(attr_id, [_TokenTest(spec, strings) for spec in pattern], self.indices[attr_id]))
        except _Unsupported:
            return
        if not index.written <= {POS, MORPH, LEMMA, TAG, DEP}:
            return
        index.labels = [strings[str(attr_id)] for attr_id in range(len(self.attrs))]
        self._index = index

    def match(self, doc: Doc) -> list:
        """The matches spaCy's `match` returns, (attr id, match id, start, end) sorted, from the index."""
        if not self.indexed:
            return super().match(doc)
        labels = self._index.labels   # type: ignore[union-attr]
        return sorted((attr_id, labels[attr_id], start, end) for attr_id, start, end in self._matches(doc))

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(attr id, start, end) of every pattern match in `doc`, in no order."""
        index = self._index
        assert index is not None
        if not len(doc):
            return []
        strings = self.vocab.strings
        rows = [tuple(row) for row in doc.to_array(_READ).tolist()]
        memo, by_dep, by_space, anywhere = index.memo, index.by_dep, index.by_space, index.anywhere
        if len(memo) > _CACHE_LIMIT:
            memo.clear()
        out = []
        for i, row in enumerate(rows):
            key = (row[1], row[0])
            candidates = memo.get(key)
            if candidates is None:
                candidates = memo[key] = (*index.by_lower.get(row[1], ()), *index.by_tag.get(row[0], ()))
            extra = by_dep.get(row[2], ()) + by_space.get(row[3], ())
            for rule in (*candidates, *extra, *anywhere) if extra or anywhere else candidates:
                if rule.matches(rows, i, strings):
                    out.append((rule.attr_id, i, i + len(rule.tests)))
        return out

    def set_annotations(self, doc: Doc, matches: list) -> None:
        """Every match's attributes on its token, later rules over earlier ones (`matches` come sorted), written
        in one array instead of token by token."""
        if not self.indexed:
            return super().set_annotations(doc, matches)
        if not matches:
            return None
        written: Any = sorted(self._index.written)   # type: ignore[union-attr]
        column = {attr: c for c, attr in enumerate(written)}
        values: Any = doc.to_array(written)
        for attr_id, _, start, end in matches:
            index = self.indices[attr_id]
            token = start + index if index >= 0 else end + index
            for attr, value in self.attrs[attr_id].items():
                values[token, column[attr]] = value
        doc.from_array(written, values)
        return None


@Language.factory("parley_lemmatizer", default_config={"mode": "rule", "overwrite": False})
def make_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> ParleyLemmatizer:
    return ParleyLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


class _Members(list):
    """A list of words that answers `in` from a set (spaCy's lemmatizer asks it of a 57,000-word index)."""

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(words)
        self._set = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._set


class ParleyLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer with its per-token loop over arrays; see the module's docstring."""

    def initialize(self, get_examples: Any = None, *, nlp: Any = None, lookups: Lookups | None = None) -> None:
        super().initialize(get_examples, nlp=nlp, lookups=lookups)
        fast = Lookups()   # a copy: the tables passed in may be another lemmatizer's
        for name in self.lookups.tables:
            table = self.lookups.get_table(name)
            fast.add_table(name, {key: _Members(value) if name == "lemma_index" and isinstance(value, list) else value
                                  for key, value in table.items()})
        self.lookups = fast

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        error_handler = self.get_error_handler()
        try:
            self._lemmatize(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _lemmatize(self, doc: Doc) -> None:
        if not len(doc):
            return
        rows: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas: Any = rows[:, 3].copy()
        strings, overwrite = self.vocab.strings, self.overwrite
        # spaCy's cache skips the forms it returns early (proper nouns, base forms); the lemma is a function
        # of (form, part of speech, morphology) all the same, so every one is remembered here
        memo = self.__dict__.setdefault("_memo", {})
        if len(memo) > _CACHE_LIMIT:
            memo.clear()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            text = memo.get(key)
            if text is None:
                text = self.rule_lemmatize(doc[i])[0]
                if pos:   # an unknown part of speech warns on every token, as spaCy's does
                    memo[key] = text
            lemmas[i] = strings.add(text)
        doc.from_array([LEMMA], lemmas)

def use_fast_components(nlp: Language) -> Language:
    """Swap spaCy's English attribute ruler and rule lemmatizer in `nlp` for the equivalents above, keeping
    their names, places, patterns and tables; other pipelines (other languages, other modes, patterns the
    index cannot hold) are left as they are. Returns `nlp`."""
    names = nlp.pipe_names
    ruler: Any = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in names else None
    if type(ruler) is AttributeRuler:
        patterns = ruler.patterns
        trial = ParleyAttributeRuler(nlp.vocab)
        trial.add_patterns(patterns)
        if trial.indexed:
            fast: Any = nlp.replace_pipe("attribute_ruler", "parley_attribute_ruler")
            fast.add_patterns(patterns)
    old: Any = nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
    if type(old) is EnglishLemmatizer and old.mode == "rule":
        config = {"mode": "rule", "overwrite": old.overwrite}
        lemmatizer: Any = nlp.replace_pipe("lemmatizer", "parley_lemmatizer", config=config)
        lemmatizer.initialize(lookups=old.lookups)
    return nlp
