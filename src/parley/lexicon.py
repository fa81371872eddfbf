"""Verb and noun patterns that map a predicate to a CAMEO event code, loaded from YAML.

The shipped patterns live in `parley/data/lexicon.yaml`; its header documents the format.
Users add their own files (`--patterns`), which are tried before the shipped ones.

The coder describes each candidate predicate as `PredicateFeatures` (plain strings, no spaCy)
and asks `Lexicon.match` for the most specific pattern. Matching is a dictionary lookup on
(lemma, pos) followed by set-membership tests: it runs for every verb of every sentence.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from parley.errors import DataFileError
from parley.ontology import Ontology, ontology

__all__ = [
    "ControlRule",
    "Lexicon",
    "Pattern",
    "PatternMatch",
    "PredicateFeatures",
    "default_lexicon",
]

FORMAT_VERSION = 1
# Objects of "on"/"in"/... that date an event rather than complete a prepositional verb.
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day",
                         "weekend", "morning", "afternoon", "evening", "night", "eve", "occasion", "anniversary"})
POS_VALUES = ("VERB", "NOUN", "ADJ")
PATTERN_KEYS = frozenset(
    {"id", "lemma", "pos", "obj", "obj_mod", "prep", "particle", "xcomp", "subj", "cameo", "target", "reciprocal",
     "args"}
)
# `cameo: none`: a fixed phrase that looks like an event verb but is none ("plead guilty"); being more
# specific than the verb's event patterns, it wins over them.
NO_EVENT = "none"
# What `args` may require: the object names an actor (or a person), the source is of an actor class
# (the classes are defined in data/policy.yaml).
ACTOR_CLASSES = ("armed", "belligerent", "political", "protesters")
CONTROL_KEYS = frozenset({"id", "lemma", "modality", "map"})
TOP_KEYS = frozenset({"version", "patterns", "control"})
MODALITIES = frozenset({"intent", "negation", "appeal", "demand", "threat", "attempt"})
# The second word of a spelling such as "turn down" or "call for": a verb particle or a
# preposition attached to the verb ("home" too: "called its negotiators home"). Anything else ("take hostage")
# belongs in `obj`.
PARTICLES = frozenset(
    """about above across after against ahead along amid among apart around as aside at away back before
    behind below beneath beside between beyond by despite down for forth forward from home in inside into near
    halfway of off on onto opposite out outside over past per round through throughout to together toward towards
    under until up upon via with within without""".split()
)
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
WORD_RE = re.compile(r"^[^\W_][\w'.-]*$")


@dataclass(frozen=True, slots=True)
class PredicateFeatures:
    """What the coder saw around one candidate trigger token.

    For a NOUN trigger, `obj_mods` holds the noun's own compound/amod modifiers and `obj` the
    head of its "of" phrase ("ceasefire offer", "release of prisoners").
    """

    lemma: str
    pos: str
    particle: str | None = None
    obj: str | None = None
    obj_mods: tuple[str, ...] = ()
    preps: tuple[tuple[str, str | None], ...] = ()
    xcomp: str | None = None
    obj_actor: bool | None = None   # whether the object names an actor or a person; None when not known
    small_clause: bool = False      # an opinion frame: "considered the deal acceptable", "deemed him a risk"
    subj: str | None = None         # the lemma of the subject's head ("negotiators returned to Algiers")


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """The pattern chosen for a predicate.

    `target` is "obj", "none" or "prep:<word>[|<word>...]" (take the object of the first of
    those prepositions that is present); `reciprocal` marks events where both sides act.
    """

    code: str
    pattern_id: str
    target: str
    reciprocal: bool
    source_class: str | None = None   # the class of actor the source must belong to (`args.source`)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled pattern for one lemma spelling (a list of lemmas gives several)."""

    id: str
    lemma: str
    pos: str
    word: str | None
    obj: frozenset[str] | None
    obj_mod: frozenset[str] | None
    preps: tuple[tuple[str, frozenset[str] | None], ...]
    xcomp: frozenset[str] | None
    cameo: str
    target: str
    reciprocal: bool
    rank: int
    source: str
    obj_actor: bool = False            # `args: {obj: actor}`: the object must name an actor or a person
    source_class: str | None = None    # `args: {source: <class>}`
    no_small_clause: bool = False      # `args: {clause: none}`: no opinion frame ("considered it unwise")
    obj_required: bool = False         # `args: {obj: any}`: the verb must have an object ("declined the offer")
    obj_forbidden: bool = False        # `args: {obj: none}`: the verb has no object ("the delegations gathered")
    subj: frozenset[str] | None = None  # lemma(s) of the subject's head ("negotiators", "delegation")

    def score(self, f: PredicateFeatures) -> tuple[int, int, int, int] | None:
        """A sort key for how specifically this pattern fits `f`, or None when it does not fit.

        The key is (constraints satisfied, constraints satisfied from an explicit lemma list,
        object matched on its head, -rank): larger is better.
        """
        word_fits, word_obj = self._word_fit(f)
        if not word_fits:
            return None
        head = self._object_head(f, word_obj)
        if head is None:
            return None
        if self.obj_mod is not None and not any(mod in self.obj_mod for mod in f.obj_mods):
            return None
        if not all(_prep_fits(f, prep, allowed) for prep, allowed in self.preps):
            return None
        if self.xcomp is not None and f.xcomp not in self.xcomp:
            return None
        if self.obj_actor and f.obj_actor is False:
            return None   # "released its new album", "blasted through the rock": the word in another sense
        if self.obj_required and f.obj is None:
            return None   # "support has declined": the word in another sense
        if self.obj_forbidden and f.obj is not None:
            return None   # "gathered their papers": the word in another sense
        if self.no_small_clause and f.small_clause:
            return None   # "considered the deal acceptable": an opinion, not a deliberation
        if self.subj is not None and f.subj not in self.subj:
            return None
        # Every constraint fits: count them, and those that name their words.
        words = (self.word, self.obj, self.obj_mod, self.xcomp, self.subj)
        n = sum(constraint is not None for constraint in words) + len(self.preps)
        listed = n - sum(allowed is None for _, allowed in self.preps)
        return (n, listed, head, -self.rank)

    def _word_fit(self, f: PredicateFeatures) -> tuple[bool, str | None]:
        """Whether the particle spelled in the lemma ("call on") fits `f`, and the object of the
        preposition standing in for it ("called on Putin" -> "putin"), if any."""
        if self.word is None:
            return f.particle is None, None
        if f.particle == self.word:
            return True, None
        if f.particle is not None:
            return False, None
        for prep, prep_obj in f.preps:
            # "called Putin on Saturday" is no "call on": a time phrase is not the verb's preposition.
            if prep == self.word and prep_obj not in _TIME_WORDS:
                return True, prep_obj
        return False, None

    def _object_head(self, f: PredicateFeatures, word_obj: str | None) -> int | None:
        """1 when the object constraint matched an object's head, 0 when it matched a modifier (or there
        is none), None when it does not fit."""
        if self.obj is None:
            return 0
        if f.obj is not None and f.obj in self.obj:
            return 1
        if word_obj is not None and word_obj in self.obj:
            return 1
        if any(mod in self.obj for mod in f.obj_mods):
            return 0
        if self.pos == "NOUN" and any(prep == "of" and prep_obj in self.obj for prep, prep_obj in f.preps):
            return 1
        return None


def _prep_fits(f: PredicateFeatures, prep: str, allowed: frozenset[str] | None) -> bool:
    """Whether `f` has the preposition `prep` with an allowed object (any but a time word or a bare number when
    open: "went to 20 in mid-February" is a figure, no journey)."""
    for got, got_obj in f.preps:
        if got == prep and (got_obj in allowed if allowed is not None else got_obj not in _TIME_WORDS
                            and not (got_obj or "x").replace(",", "").replace(".", "").isdigit()):
            return True
    return False


@dataclass(frozen=True, slots=True)
class ControlRule:
    """A matrix verb that wraps a complement event ("agreed to withdraw", "urged X to talk").

    `mapping` pairs complement-code prefixes with the resulting code; "keep" keeps the
    complement's code and None means the control verb gives no event for that complement.
    """

    id: str
    lemmas: tuple[str, ...]
    modality: str | None
    mapping: tuple[tuple[str, str | None], ...]

    def apply(self, code: str) -> str | None:
        """The code for this control verb wrapped around a complement coded `code`.

        Returns:
            The mapped code (the longest matching prefix wins, then "*"), or None when the
            rule has no event for this complement.
        """
        table = dict(self.mapping)
        for length in range(len(code), 0, -1):
            prefix = code[:length]
            if prefix in table:
                return _resolve(table[prefix], code)
        if "*" in table:
            return _resolve(table["*"], code)
        return None


def _resolve(value: str | None, code: str) -> str | None:
    return code if value == "keep" else value


class Lexicon:
    """Patterns and control rules indexed for fast lookup."""

    def __init__(self, patterns: Iterable[Pattern], controls: Iterable[ControlRule], *, version: str,
                 sources: Sequence[str] = ()) -> None:
        self.patterns: tuple[Pattern, ...] = tuple(patterns)
        self.controls: tuple[ControlRule, ...] = tuple(controls)
        self.version = version
        self.sources = tuple(sources)
        index: dict[tuple[str, str], list[Pattern]] = {}
        for pattern in self.patterns:
            index.setdefault((pattern.lemma, pattern.pos), []).append(pattern)
        self._index = {key: tuple(sorted(group, key=lambda p: p.rank)) for key, group in index.items()}
        control_index: dict[tuple[str, str | None], ControlRule] = {}
        for rule in self.controls:
            for spelling in rule.lemmas:
                lemma, _, word = spelling.partition(" ")
                control_index.setdefault((lemma, word or None), rule)
        self._controls = control_index

    @classmethod
    def load(cls, paths: Sequence[str | os.PathLike[str]] = (), *, include_default: bool = True,
             ontology_: Ontology | None = None) -> Lexicon:
        """Read and validate pattern files.

        Args:
            paths: user pattern files; they take precedence over the shipped file and over
                each other in the order given.
            include_default: also load the patterns shipped with Parley (after the user's).
            ontology_: the ontology codes are checked against; the shipped one by default.

        Returns:
            The lexicon.

        Raises:
            DataFileError: a file cannot be read or has problems (all of one file's problems
                are listed together).
        """
        onto = ontology_ if ontology_ is not None else ontology()
        texts: list[tuple[str, str]] = []
        for path in paths:
            shown = os.fspath(path)
            try:
                texts.append((shown, Path(path).read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as e:
                raise DataFileError(shown, [f"cannot read the patterns file: {e}"]) from e
        if include_default:
            source = resources.files("parley").joinpath("data", "lexicon.yaml")
            texts.append((str(source), source.read_text(encoding="utf-8")))
        patterns: list[Pattern] = []
        controls: list[ControlRule] = []
        digest = hashlib.sha256()
        for shown, text in texts:
            file_patterns, file_controls = parse_lexicon(text, shown, onto, first_rank=len(patterns))
            patterns.extend(file_patterns)
            controls.extend(file_controls)
            digest.update(text.encode("utf-8"))
            digest.update(b"\0")
        return cls(patterns, controls, version=digest.hexdigest()[:12], sources=[s for s, _ in texts])

    def match(self, f: PredicateFeatures) -> PatternMatch | None:
        """The most specific pattern for a predicate, or None when no pattern fits."""
        candidates = self._index.get((f.lemma, f.pos))
        if not candidates:
            return None
        best: Pattern | None = None
        best_key: tuple[int, int, int, int] | None = None
        for pattern in candidates:
            key = pattern.score(f)
            if key is not None and (best_key is None or key > best_key):
                best, best_key = pattern, key
        if best is None or best.cameo == NO_EVENT:
            return None   # no pattern, or a fixed phrase that is no event ("pleaded guilty")
        target = best.target
        if target == "obj" and best.word is not None and f.particle != best.word:
            # "called on Iran": the target of a prepositional verb is the preposition's object.
            target = f"prep:{best.word}"
        return PatternMatch(best.cameo, best.id, target, best.reciprocal, best.source_class)

    def control(self, lemma: str, particle: str | None = None) -> ControlRule | None:
        """The control rule for a matrix verb, or None.

        For prepositional control verbs ("called on X to ...", "appealed to X to ...") pass the
        preposition as `particle`.
        """
        return self._controls.get((lemma, particle))

    def is_trigger(self, lemma: str, pos: str) -> bool:
        """Whether any pattern has this lemma and part of speech (a cheap pre-check)."""
        return (lemma, pos) in self._index


@functools.cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once (compiled once per installed package: `parley.resource_cache`)."""
    from parley.resource_cache import cached

    return cached("lexicon", Lexicon.load, Lexicon)


# ---------------------------------------------------------------------------------- parsing


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping and spots duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.lines: dict[int, int] = {}
        self.duplicates: list[tuple[int, str]] = []


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> Any:
    data: dict[Any, Any] = {}
    loader.lines[id(data)] = node.start_mark.line + 1
    yield data
    seen: set[str] = set()
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.value in seen:
                loader.duplicates.append((key_node.start_mark.line + 1, key_node.value))
            seen.add(key_node.value)
    data.update(loader.construct_mapping(node))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
# YAML 1.1 reads on/off/yes/no as booleans, which would turn `prep: {on: null}` into {True: None}.
# Only true/false are booleans in pattern files.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _load_yaml(text: str, path: str) -> tuple[Any, dict[int, int], list[tuple[int, str]]]:
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e)
        raise DataFileError(path, [f"{where}malformed YAML: {problem}"]) from e
    finally:
        loader.dispose()
    return data, loader.lines, loader.duplicates


def parse_lexicon(text: str, path: str, onto: Ontology, *, first_rank: int = 0
                  ) -> tuple[list[Pattern], list[ControlRule]]:
    """Validate and compile one pattern file, collecting every problem before raising."""
    data, lines, duplicates = _load_yaml(text, path)
    problems = [f"line {line}: key {key!r} appears twice in one mapping" for line, key in duplicates]
    raw_patterns, raw_controls = _sections(data, lines, path, problems)
    patterns = _compile_patterns(raw_patterns, lines, onto, path, first_rank, problems)
    controls = _compile_controls(raw_controls, lines, onto, problems)
    if problems:
        raise DataFileError(path, problems)
    return patterns, controls


def _sections(data: Any, lines: dict[int, int], path: str, problems: list[str]) -> tuple[list[Any], list[Any]]:
    """The raw `patterns` and `control` lists of a pattern file, after checking its top level."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DataFileError(path, ["the file must be a mapping with `patterns:` and/or `control:`"])
    for key in data:
        if key not in TOP_KEYS:
            problems.append(f"line {lines.get(id(data), 1)}: unknown top-level key {key!r} "
                            f"(expected {', '.join(sorted(TOP_KEYS))})")
    if "version" in data and data["version"] != FORMAT_VERSION:
        problems.append(f"key 'version': {data['version']!r} is not a supported format version "
                        f"(use {FORMAT_VERSION})")
    raw_patterns = data.get("patterns") or []
    raw_controls = data.get("control") or []
    if not isinstance(raw_patterns, list):
        problems.append("key 'patterns': expected a list of patterns")
        raw_patterns = []
    if not isinstance(raw_controls, list):
        problems.append("key 'control': expected a list of control rules")
        raw_controls = []
    return raw_patterns, raw_controls


def _compile_patterns(raw_patterns: list[Any], lines: dict[int, int], onto: Ontology, path: str,
                      first_rank: int, problems: list[str]) -> list[Pattern]:
    """Every valid pattern of the list, ranked in file order from `first_rank`; problems go to `problems`."""
    patterns: list[Pattern] = []
    seen_ids: dict[str, str] = {}
    for index, raw in enumerate(raw_patterns):
        rank = first_rank + len(patterns)
        compiled, pattern_problems = _compile_pattern(raw, index, lines, onto, path, rank)
        where = _where("patterns", index, raw, lines)
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            if raw["id"] in seen_ids:
                pattern_problems.append(f"{where}, key 'id': duplicate id (first at {seen_ids[raw['id']]})")
            else:
                seen_ids[raw["id"]] = where
        problems.extend(pattern_problems)
        patterns.extend(compiled)
    return patterns


def _compile_controls(raw_controls: list[Any], lines: dict[int, int], onto: Ontology,
                      problems: list[str]) -> list[ControlRule]:
    """Every valid control rule of the list; problems go to `problems`."""
    controls: list[ControlRule] = []
    seen_control: dict[str, str] = {}
    for index, raw in enumerate(raw_controls):
        rule, control_problems = _compile_control(raw, index, lines, onto)
        where = _where("control", index, raw, lines)
        if rule is not None:
            if rule.id in seen_control:
                control_problems.append(f"{where}, key 'id': duplicate id (first at {seen_control[rule.id]})")
            else:
                seen_control[rule.id] = where
        problems.extend(control_problems)
        if rule is not None and not control_problems:
            controls.append(rule)
    return controls


def _where(section: str, index: int, raw: Any, lines: dict[int, int]) -> str:
    label = f"{section}[{index}]"
    if isinstance(raw, dict):
        if isinstance(raw.get("id"), str):
            label += f" (id {raw['id']!r})"
        if id(raw) in lines:
            label += f", line {lines[id(raw)]}"
    return label


def _words(value: Any, key: str, where: str, problems: list[str], *, allow_space: bool = False
           ) -> list[str] | None:
    """A one-or-many list of lower-case words, or None after recording a problem."""
    items = value if isinstance(value, list) else [value]
    if not items:
        problems.append(f"{where}, key {key!r}: empty list (drop the key to leave it open)")
        return None
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            problems.append(f"{where}, key {key!r}: {item!r} is not a word (write lemmas as text)")
            return None
        parts = item.split()
        bad = any(not WORD_RE.match(p) or p != p.lower() for p in parts)
        if len(parts) > (2 if allow_space else 1) or bad:
            hint = "a lemma, or a verb and its particle" if allow_space else "one lower-case lemma"
            problems.append(f"{where}, key {key!r}: {item!r} is not {hint}")
            return None
        out.append(" ".join(parts))
    return out


def _compile_pattern(raw: Any, index: int, lines: dict[int, int], onto: Ontology, path: str, rank: int
                     ) -> tuple[list[Pattern], list[str]]:
    where = _where("patterns", index, raw, lines)
    if not isinstance(raw, dict):
        return [], [f"{where}: expected a mapping with id, lemma and cameo"]
    problems = _key_problems(raw, PATTERN_KEYS, ("id", "lemma", "cameo"), where)
    pattern_id = raw.get("id")
    pos = raw.get("pos", "VERB")
    if pos not in POS_VALUES:
        problems.append(f"{where}, key 'pos': {pos!r} must be VERB, NOUN or ADJ")
    lemmas = _words(raw["lemma"], "lemma", where, problems, allow_space=True) if "lemma" in raw else None
    particle = _particle(raw, where, problems)
    spellings = _spellings(lemmas or [], particle, pos, where, problems)
    obj = _optional_set(raw, "obj", where, problems)
    obj_mod = _optional_set(raw, "obj_mod", where, problems)
    xcomp = _optional_set(raw, "xcomp", where, problems)
    subj = _optional_set(raw, "subj", where, problems)
    preps = _preps(raw, where, problems)
    cameo = raw.get("cameo")
    obj_kind, source_class, no_small_clause = _args(raw, where, problems)
    if "cameo" in raw and cameo != NO_EVENT:
        if not isinstance(cameo, str):
            problems.append(f"{where}, key 'cameo': {cameo!r} must be a quoted string such as \"036\" "
                            f"(unquoted codes lose their leading zeros)")
        elif cameo not in onto:
            problems.append(f"{where}, key 'cameo': {cameo!r} is not a CAMEO 1.1b3 code")
    target = raw.get("target", "obj")
    if not _valid_target(target):
        problems.append(f"{where}, key 'target': {target!r} must be obj, none or prep:<word>[|<word>...]")
    reciprocal = raw.get("reciprocal", False)
    if not isinstance(reciprocal, bool):
        problems.append(f"{where}, key 'reciprocal': {reciprocal!r} must be true or false")
    # Without problems, the id and the code are text (a missing or non-text one is a problem).
    if problems or not isinstance(pattern_id, str) or not isinstance(cameo, str):
        return [], problems
    compiled = [
        Pattern(
            id=pattern_id,
            lemma=lemma,
            pos=pos,
            word=word,
            obj=obj,
            obj_mod=obj_mod,
            preps=preps,
            xcomp=xcomp,
            cameo=cameo,
            target=target,
            reciprocal=reciprocal,
            rank=rank,
            source=path,
            obj_actor=obj_kind == "actor",
            subj=subj,
            obj_required=obj_kind == "any",
            obj_forbidden=obj_kind == "none",
            source_class=source_class,
            no_small_clause=no_small_clause,
        )
        for lemma, word in spellings
    ]
    return compiled, []


def _args(raw: dict[str, Any], where: str, problems: list[str]) -> tuple[str | None, str | None, bool]:
    """The pattern's `args` key: `{obj: actor | any | none}`, `{source: <actor class>}` and/or `{clause: none}`."""
    args = raw.get("args")
    if args is None:
        return None, None, False
    if not isinstance(args, dict) or set(args) - {"obj", "source", "clause"}:
        problems.append(f"{where}, key 'args': {args!r} must be a mapping with obj, source and/or clause")
        return None, None, False
    if args.get("clause", "none") != "none":
        problems.append(f"{where}, key 'args': clause {args['clause']!r} must be 'none'")
    if args.get("obj", "actor") not in ("actor", "any", "none"):
        problems.append(f"{where}, key 'args': obj {args['obj']!r} must be 'actor', 'any' or 'none'")
    source = args.get("source")
    if source is not None and source not in ACTOR_CLASSES:
        problems.append(f"{where}, key 'args': source {source!r} must be one of {', '.join(ACTOR_CLASSES)}")
        source = None
    obj = args.get("obj")
    return (obj if obj in ("actor", "any", "none") else None), source, "clause" in args


def _key_problems(raw: dict[Any, Any], known: frozenset[str], required: tuple[str, ...], where: str) -> list[str]:
    """Unknown and missing keys of a pattern or control rule, and a malformed id."""
    problems: list[str] = []
    for key in raw:
        if key not in known:
            expected = ", ".join(sorted(known))
            problems.append(f"{where}, key {key!r}: unknown key (expected one of {expected})")
    for key in required:
        if key not in raw:
            problems.append(f"{where}, key {key!r}: missing")
    rule_id = raw.get("id")
    if "id" in raw and not (isinstance(rule_id, str) and ID_RE.match(rule_id)):
        problems.append(f"{where}, key 'id': {rule_id!r} must be text of letters, digits, '.', '_' or '-'")
    return problems


def _particle(raw: dict[str, Any], where: str, problems: list[str]) -> str | None:
    """The pattern's `particle` key: one verb particle, or None."""
    if "particle" not in raw:
        return None
    got = _words(raw["particle"], "particle", where, problems)
    if got is None:
        return None
    if len(got) != 1 or got[0] not in PARTICLES:
        problems.append(f"{where}, key 'particle': {raw['particle']!r} is not a verb particle")
        return None
    return got[0]


def _spellings(lemmas: list[str], particle: str | None, pos: Any, where: str, problems: list[str]
               ) -> list[tuple[str, str | None]]:
    """(lemma, particle) pairs of a pattern's lemma list ("call on" -> ("call", "on")), without repeats."""
    spellings: list[tuple[str, str | None]] = []
    for lemma in lemmas:
        head, _, word = lemma.partition(" ")
        if word and word not in PARTICLES:
            problems.append(f"{where}, key 'lemma': in {lemma!r} the second word must be a particle or "
                            f"preposition; put an object in 'obj'")
            continue
        if word and pos == "NOUN":
            problems.append(f"{where}, key 'lemma': {lemma!r}: a NOUN lemma is one word; "
                            f"put modifiers in 'obj'")
            continue
        if word and particle and word != particle:
            problems.append(f"{where}, key 'particle': {particle!r} contradicts the lemma spelling {lemma!r}")
            continue
        spelling = (head, word or particle)
        if spelling not in spellings:
            spellings.append(spelling)
    return spellings


def _preps(raw: dict[str, Any], where: str, problems: list[str]) -> tuple[tuple[str, frozenset[str] | None], ...]:
    """The pattern's `prep` key: (preposition, allowed objects or None for any)."""
    if "prep" not in raw:
        return ()
    if not isinstance(raw["prep"], dict) or not raw["prep"]:
        problems.append(f"{where}, key 'prep': expected a mapping such as {{against: null}}")
        return ()
    preps: list[tuple[str, frozenset[str] | None]] = []
    for prep, allowed in raw["prep"].items():
        if not isinstance(prep, str) or prep not in PARTICLES:
            problems.append(f"{where}, key 'prep': {prep!r} is not a preposition")
            continue
        if allowed is None:
            preps.append((prep, None))
            continue
        words = _words(allowed, f"prep.{prep}", where, problems)
        if words is not None:
            preps.append((prep, frozenset(words)))
    return tuple(preps)


def _optional_set(raw: dict[str, Any], key: str, where: str, problems: list[str]) -> frozenset[str] | None:
    if key not in raw:
        return None
    words = _words(raw[key], key, where, problems)
    return frozenset(words) if words is not None else None


def _valid_target(target: Any) -> bool:
    if target in ("obj", "none"):
        return True
    if not isinstance(target, str) or not target.startswith("prep:"):
        return False
    words = target[5:].split("|")
    return all(word in PARTICLES for word in words)


def _compile_control(raw: Any, index: int, lines: dict[int, int], onto: Ontology
                     ) -> tuple[ControlRule | None, list[str]]:
    where = _where("control", index, raw, lines)
    if not isinstance(raw, dict):
        return None, [f"{where}: expected a mapping with id, lemma and map"]
    problems = _key_problems(raw, CONTROL_KEYS, ("id", "lemma", "map"), where)
    rule_id = raw.get("id")
    lemmas = _words(raw["lemma"], "lemma", where, problems, allow_space=True) if "lemma" in raw else None
    for lemma in lemmas or []:
        _, _, word = lemma.partition(" ")
        if word and word not in PARTICLES:
            problems.append(f"{where}, key 'lemma': in {lemma!r} the second word must be a particle "
                            f"or preposition")
    modality = raw.get("modality")
    if modality is not None and modality not in MODALITIES:
        allowed = ", ".join(sorted(MODALITIES))
        problems.append(f"{where}, key 'modality': {modality!r} must be one of {allowed} or null")
    mapping = _control_map(raw, onto, where, problems)
    if problems or lemmas is None or not isinstance(rule_id, str):
        return None, problems
    return ControlRule(rule_id, tuple(dict.fromkeys(lemmas)), modality, mapping), problems


def _control_map(raw: dict[str, Any], onto: Ontology, where: str, problems: list[str]
                 ) -> tuple[tuple[str, str | None], ...]:
    """The control rule's `map` key: (code prefix or "*", resulting code, "keep" or None)."""
    table = raw.get("map")
    if "map" not in raw:
        return ()
    if not isinstance(table, dict) or not table:
        problems.append(f"{where}, key 'map': expected a mapping of code prefixes to codes")
        return ()
    mapping: list[tuple[str, str | None]] = []
    for prefix, value in table.items():
        is_prefix = isinstance(prefix, str) and (
            prefix == "*" or prefix.isdigit() and 2 <= len(prefix) <= 4
        )
        if not is_prefix:
            problems.append(f"{where}, key 'map': prefix {prefix!r} must be a quoted code prefix "
                            f"such as \"04\" or \"*\"")
            continue
        known = isinstance(value, str) and (value == "keep" or value in onto)
        if value is not None and not known:
            problems.append(f"{where}, key 'map.{prefix}': {value!r} is not a CAMEO 1.1b3 code, "
                            f"'keep' or null")
            continue
        mapping.append((prefix, value))
    return tuple(mapping)
