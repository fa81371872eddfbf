"""The topic lexicon: which issue an issue statement is about, and the quantities it names.

The shipped topics live in `parley/data/topics.yaml` (its header documents the format); a user file
adds topics or replaces ours by id. Every problem in a file is reported at once, with file, line and key.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from parley.errors import DataFileError
from parley.negotiation.model import Quantity

__all__ = ["Topic", "TopicLexicon", "default_topics", "load_topics"]

FORMAT_VERSION = 1
_TOPIC_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


@dataclass(frozen=True, slots=True)
class Topic:
    """One issue topic: an id, what the board calls it, and the keywords that file a statement under it."""

    id: str
    label: str
    keywords: tuple[str, ...]
    requires: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    excepted: tuple[str, ...] = ()   # phrases that hold a keyword but are not about the topic ("border guards")


# Particles of phrasal verbs, which may stand after the verb's object: "pull its battalions out of ...".
_PARTICLES = frozenset({"out", "back", "off", "away", "down"})


def _keyword_pattern(keyword: str) -> str:
    if " ... " in keyword:
        # "withdraw ... order": a word of that stem, up to four words, then the other ("withdrew an
        # essential-services order")
        first, last = (part.strip() for part in keyword.split(" ... ", 1))
        return rf"\b{re.escape(first)}\w*(?:[\s-]+[\w']+){{0,4}}?[\s-]+{_keyword_pattern(last)[2:]}"
    words = re.split(r"[\s-]+", keyword.strip())
    if len(words) == 2 and words[1].lower() in _PARTICLES:
        # "pull out" also as "pull its battalions out", up to three words between
        return rf"\b{re.escape(words[0])}(?:s|ed|ing)?(?:[\s-]+[\w']+){{0,3}}?[\s-]+{re.escape(words[1])}\b"
    body = r"[\s-]+".join(re.escape(w) for w in words)
    return rf"\b{body}(?:s|es)?\b"


class _Masked:
    """A keyword pattern that does not see the phrases of `excepted` ("border" not in "border guards")."""

    def __init__(self, pattern: re.Pattern[str] | _Masked, excepted: re.Pattern[str]) -> None:
        self.pattern, self.excepted = pattern, excepted

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(self.excepted.sub(lambda m: " " * len(m.group(0)), text))


class TopicLexicon:
    """Topics in priority order, and the units of the quantities to keep.

    Args:
        topics: the topics; at equal position in a statement the earlier topic wins.
        units: unit name -> the words that spell it.
        version: a short hash of the content, to say which lexicon filed a statement.
    """

    def __init__(self, topics: Iterable[Topic], units: dict[str, tuple[str, ...]], *, version: str = "") -> None:
        self.topics: tuple[Topic, ...] = tuple(topics)
        self.units = dict(units)
        self.version = version
        self._by_id = {t.id: t for t in self.topics}
        self._patterns: list[tuple[Topic, re.Pattern[str] | _Masked]] = [
            (t, re.compile("|".join(_keyword_pattern(k) for k in t.keywords), re.IGNORECASE))
            for t in self.topics if t.keywords]
        self._requires = {t.id: re.compile("|".join(_keyword_pattern(k) for k in t.requires), re.IGNORECASE)
                          for t in self.topics if t.requires}
        self._weak = [(t, re.compile("|".join(_keyword_pattern(k) for k in t.weak), re.IGNORECASE))
                      for t in self.topics if t.weak]
        excepted = {t.id: re.compile("|".join(_keyword_pattern(k) for k in t.excepted), re.IGNORECASE)
                    for t in self.topics if t.excepted}
        # a topic's keywords are sought with its excepted phrases blanked out
        self._patterns = [(t, _Masked(pattern, excepted[t.id]) if t.id in excepted else pattern)
                          for t, pattern in self._patterns]
        unit_words = {w.lower(): name for name, words in self.units.items() for w in words}
        self._unit_of = unit_words
        self._quantity: re.Pattern[str] | None = None
        if unit_words:
            alternatives = "|".join(sorted((re.escape(w) for w in unit_words), key=len, reverse=True))
            self._quantity = re.compile(
                rf"\b{_NUMBER}(?:-|\s+)(?:of\s+(?:the\s+|all\s+)?\d[\d,]*\s+)?(?:[A-Za-z][\w'-]*\s+){{0,2}}?"
                rf"({alternatives})\b", re.IGNORECASE)   # "15 of the 37 activists": 15 of them

    def __contains__(self, topic_id: object) -> bool:
        return topic_id in self._by_id

    def label(self, topic_id: str) -> str:
        """What the board calls `topic_id` (the id itself for an unknown one)."""
        topic = self._by_id.get(topic_id)
        return topic.label if topic is not None else topic_id.replace("_", " ").capitalize()

    def topic_of(self, text: str) -> str | None:
        """The id of the topic whose keyword occurs first in `text`, or None.

        A topic with `requires` words takes the text only when one of them occurs too; otherwise the
        text goes to the next topic it names ("the withdrawal of the amendment bill" is about the bill,
        not about forces), and to this topic only when it names no other.
        """
        found: list[tuple[int, int, int, str]] = []
        for rank, (topic, pattern) in enumerate(self._patterns):
            match = pattern.search(text)
            if match:   # the earliest keyword; at one start the longest ("relief from" sanctions, not aid)
                found.append((match.start(), -len(match.group(0)), rank, topic.id))
        found.sort()
        for *_, topic_id in found:
            needed = self._requires.get(topic_id)
            if needed is None or needed.search(text):
                return topic_id
        weak = [topic.id for topic, pattern in self._weak if pattern.search(text)]
        if weak:   # "the bill": governance, when the text names no other matter ("a bill raising duties": trade)
            return weak[0]
        return found[0][3] if found else None

    def topics_of(self, text: str) -> tuple[str, ...]:
        """Every topic `text` names, first named first (`topic_of`'s rules for each): "a ceasefire and
        power-sharing protocol" is about the ceasefire and about governance."""
        first = self.topic_of(text)
        if first is None:
            return ()
        if not any(pattern.search(text) for _, pattern in self._patterns):
            return (first,)   # named by a weak keyword only
        named = sorted((match.start(), -len(match.group(0)), rank, topic.id)
                       for rank, (topic, pattern) in enumerate(self._patterns) if (match := pattern.search(text)))
        others = [topic_id for *_, topic_id in named if topic_id != first
                  and (topic_id not in self._requires or self._requires[topic_id].search(text))]
        return (first, *dict.fromkeys(others))

    def strongly_named(self, text: str) -> bool:
        """Whether `text` names a topic by one of its keywords (not only by a weak word)."""
        return any(pattern.search(text) for _, pattern in self._patterns)

    def weakly_named(self, text: str) -> tuple[str, ...]:
        """The topics whose weak words occur in `text` ("lifting most of its ban": sanctions), whatever
        else it names."""
        return tuple(topic.id for topic, pattern in self._weak if pattern.search(text))

    def quantities(self, text: str) -> tuple[Quantity, ...]:
        """Numbers of people, days, ... named in `text` ("a 42-day truce" -> 42 days)."""
        if self._quantity is None:
            return ()
        found = []
        for match in self._quantity.finditer(text):
            number = float(match.group(1).replace(",", ""))
            value: int | float = int(number) if number.is_integer() else number
            found.append(Quantity(value, self._unit_of[match.group(2).lower()], match.group(0)))
        return tuple(found)

    def merged(self, other: TopicLexicon) -> TopicLexicon:
        """`other`'s topics first (replacing ours with the same id), then ours; units merged likewise."""
        ids = {t.id for t in other.topics}
        topics = [*other.topics, *(t for t in self.topics if t.id not in ids)]
        units = {**self.units, **other.units}
        return TopicLexicon(topics, units, version=f"{self.version}+{other.version}")


class _LineLoader(yaml.SafeLoader):
    """Keeps the line of every mapping so problems can name it."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__keys__"] = {loader.construct_object(k): k.start_mark.line + 1 for k, _ in node.value}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


_META_KEYS = ("__line__", "__keys__")


def _parse(text: str, path: str, *, require_version: bool) -> TopicLexicon:
    import hashlib

    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        raise DataFileError(path, [f"not valid YAML: {e}"]) from e
    if not isinstance(data, dict):
        raise DataFileError(path, ["line 1: the file must be a mapping with `topics:` (and `units:`)"])
    problems = _header_problems(data, require_version=require_version)
    topics = _parse_topics(data.get("topics") or {}, problems)
    units = _parse_units(data.get("units") or {}, problems)
    if problems:
        raise DataFileError(path, problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return TopicLexicon(topics, units, version=digest)


def _header_problems(data: dict[str, Any], *, require_version: bool) -> list[str]:
    """Problems with the file's version and top-level keys."""
    problems: list[str] = []
    version = data.get("version")
    if version is None and require_version:
        problems.append("line 1: key 'version': missing; write `version: 1` at the top")
    elif version is not None and version != FORMAT_VERSION:
        line = data["__keys__"].get("version", 1)
        problems.append(f"line {line}: key 'version': {version!r} is not supported; this Parley reads version 1")
    unknown = sorted(k for k in data if k not in ("version", "topics", "units", *_META_KEYS))
    for key in unknown:
        problems.append(f"line {data['__keys__'][key]}: key {key!r}: unknown; expected version, topics, units")
    return problems


def _parse_topics(raw_topics: Any, problems: list[str]) -> list[Topic]:
    """The topics of the `topics:` mapping; problems are added to `problems`."""
    if not isinstance(raw_topics, dict):
        problems.append("key 'topics': must be a mapping from topic id to {label, keywords}")
        return []
    topics: list[Topic] = []
    for topic_id, spec in raw_topics.items():
        if topic_id in _META_KEYS:
            continue
        line = raw_topics["__keys__"].get(topic_id, raw_topics["__line__"])
        topic = _parse_topic(topic_id, spec, f"line {line}: topic {topic_id!r}", problems)
        if topic is not None:
            topics.append(topic)
    return topics


def _parse_topic(topic_id: Any, spec: Any, where: str, problems: list[str]) -> Topic | None:
    if not isinstance(topic_id, str) or not _TOPIC_ID.match(topic_id):
        problems.append(f"{where}: the id must be lower case letters, digits and _ (e.g. prisoners)")
        return None
    if not isinstance(spec, dict):
        problems.append(f"{where}: must be a mapping with label and keywords")
        return None
    extra = sorted(k for k in spec if k not in ("label", "keywords", "requires", "weak", "except", *_META_KEYS))
    for key in extra:
        problems.append(f"{where}: key {key!r}: unknown; expected label, keywords, requires, weak, except")
    excepted = spec.get("except", [])
    if not isinstance(excepted, list) or any(not isinstance(k, str) or not k.strip() for k in excepted):
        problems.append(f"{where}: key 'except': must be a list of words or phrases")
        excepted = []
    requires = spec.get("requires", [])
    if not isinstance(requires, list) or any(not isinstance(k, str) or not k.strip() for k in requires):
        problems.append(f"{where}: key 'requires': must be a list of words or phrases")
        requires = []
    weak = spec.get("weak", [])
    if not isinstance(weak, list) or any(not isinstance(k, str) or not k.strip() for k in weak):
        problems.append(f"{where}: key 'weak': must be a list of words or phrases")
        weak = []
    label = spec.get("label")
    if not isinstance(label, str) or not label.strip():
        problems.append(f"{where}: key 'label': missing or empty; write what the board should call it")
        label = topic_id
    keywords = spec.get("keywords")
    if not isinstance(keywords, list) or not keywords:
        problems.append(f"{where}: key 'keywords': must be a non-empty list of words or phrases")
        keywords = []
    bad = [k for k in keywords if not isinstance(k, str) or not k.strip()]
    if bad:
        problems.append(f"{where}: key 'keywords': {bad!r} are not words; use non-empty strings")
    return Topic(topic_id, label.strip(), tuple(k.strip().lower() for k in keywords if k not in bad),
                 tuple(k.strip().lower() for k in requires), tuple(k.strip().lower() for k in weak),
                 tuple(k.strip().lower() for k in excepted))


def _parse_units(raw_units: Any, problems: list[str]) -> dict[str, tuple[str, ...]]:
    """The `units:` mapping; problems are added to `problems`."""
    if not isinstance(raw_units, dict):
        problems.append("key 'units': must be a mapping from unit name to a list of words")
        return {}
    units: dict[str, tuple[str, ...]] = {}
    for name, words in raw_units.items():
        if name in _META_KEYS:
            continue
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            line = raw_units["__keys__"].get(name, raw_units["__line__"])
            problems.append(f"line {line}: unit {name!r}: must be a non-empty list of words")
            continue
        units[str(name)] = tuple(w.strip().lower() for w in words)
    return units


@functools.cache
def default_topics() -> TopicLexicon:
    """The shipped topic lexicon (`parley/data/topics.yaml`), loaded once."""
    source = resources.files("parley").joinpath("data", "topics.yaml")
    return _parse(source.read_text(encoding="utf-8"), "parley/data/topics.yaml", require_version=True)


def load_topics(extra: Iterable[str | os.PathLike[str]] = ()) -> TopicLexicon:
    """The shipped topics with user files on top (each file's topics first, replacing ours by id).

    Args:
        extra: paths of user topic files (same format as `parley/data/topics.yaml`).

    Raises:
        DataFileError: a file cannot be read, or is invalid; every problem is listed with its line and key.
    """
    lexicon = default_topics()
    for path in extra:
        try:
            with open(path, encoding="utf-8") as fp:
                text = fp.read()
        except (OSError, UnicodeDecodeError) as e:
            reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            raise DataFileError(os.fspath(path), [f"cannot read the file: {reason}"]) from e
        lexicon = lexicon.merged(_parse(text, os.fspath(path), require_version=False))
    return lexicon
