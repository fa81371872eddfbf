"""Coding policy: which CAMEO code a predicate gets.

A predicate's syntactic features (`syntax.Arguments.features`) are matched against the lexicon's
patterns (`parley/data/lexicon.yaml`); control verbs wrap a complement's code ("refused to meet");
then the code is rewritten by what negation, modality and the clause imply (PLOVER's conventions).
The codes given by construction and the classes of codes the rules speak of are data
(`parley/data/policy.yaml`); the rewrites that map one code to another are the lexicon's control
rules ("refuse", "intend", "threaten", "demand").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Token

from parley.coding.cues import Cues
from parley.coding.syntax import Arguments, purpose_infinitive
from parley.errors import DataFileError
from parley.lexicon import ACTOR_CLASSES, Lexicon, PatternMatch
from parley.ontology import ontology
from parley.types import ActorMention

_CODE_NAMES = ("statement", "deontic_demand", "blame", "peacekeeping", "verbal_attack", "walked_free")
_ACTOR_CLASS_NAMES = ("armed", "political", "state", "police", "civilians")
_CLASS_NAMES = ("refusable", "withheld_concessions", "intendable", "threatenable", "demandable",
                "peacekeeping_deployments",
                "peacekeeping_arrivals", "consultations", "clausal_targets", "state_acts", "fights", "mutual_fights",
                "purpose_blockers",
                "conflict_heads", "cooperative_purposes", "verbal", "threats", "alignments")


@dataclass(frozen=True)
class ActorClass:
    """Who belongs to a class of actors: by sector, by code prefix, or (`countries`) as a bare country."""

    sectors: frozenset[str]
    codes: tuple[str, ...] = ()
    countries: bool = False

    def __contains__(self, mention: object) -> bool:
        if not isinstance(mention, ActorMention):
            return False
        if mention.sector is not None and mention.sector in self.sectors:
            return True
        if mention.code is not None and self.codes and mention.code.startswith(self.codes):
            return True
        return self.countries and mention.code is not None and mention.code == mention.country


@dataclass(frozen=True)
class ForceRules:
    """How a use of force is coded by who uses it against whom (`policy.yaml`, `force`)."""

    codes: tuple[str, ...]
    repression: str
    riot: str
    unconventional: str
    crowd_words: frozenset[str]


@dataclass(frozen=True)
class CodePolicy:
    """The codes given by construction, the named classes of codes (prefix lists), the classes of actors
    and the force rules of `policy.yaml`."""

    codes: dict[str, str]
    classes: dict[str, tuple[str, ...]]
    actors: dict[str, ActorClass] = field(default_factory=dict)
    force: ForceRules | None = None
    deontic_source: str | None = None

    def code(self, name: str) -> str:
        """The code given by construction `name` ("blame", "deontic_demand" ...)."""
        return self.codes[name]

    def is_a(self, code: str, name: str) -> bool:
        """Whether `code` falls in the class `name` (it starts with one of the class's prefixes)."""
        return code.startswith(self.classes[name])

    def fits(self, mention: ActorMention, actor_class: str | None) -> bool:
        """Whether a resolved actor belongs to `actor_class` (always, when there is no class)."""
        return actor_class is None or mention in self.actors[actor_class]

    def fits_halt(self, mention: ActorMention, actor_class: str | None, code: str) -> bool:
        """`fits`, or a body named but unknown to the knowledge base that leaves talks ("The Southern Highlands
        Front suspended its participation in the talks"): who halts talks acts politically."""
        return self.fits(mention, actor_class) or actor_class == "political" and code.startswith("16") \
            and mention.code is None and _named(mention.text)

    def force_by_actors(self, code: str, source: ActorMention,
                        target: ActorMention | None) -> tuple[str, str | None]:
        """A use of force recoded by who uses it against whom; returns the code and a note for the rule
        ("repression", "riot", "unconventional") when it changed."""
        rules = self.force
        if rules is None or not code.startswith(rules.codes):
            return code, None
        crowd = self._crowd(source, rules)
        if source in self.actors["police"] and target is not None \
                and (target in self.actors["civilians"] or self._crowd(target, rules)):
            return rules.repression, "repression"
        if crowd:
            return rules.riot, "riot"
        if source in self.actors["armed"] or source in self.actors["state"]:
            return code, None
        if code.startswith("19"):
            return rules.unconventional, "unconventional"
        return code, None

    @staticmethod
    def _crowd(mention: ActorMention, rules: ForceRules) -> bool:
        return any(word in rules.crowd_words for word in mention.text.lower().split())


@functools.lru_cache(maxsize=1)
def default_policy() -> CodePolicy:
    """The shipped coding policy (`parley/data/policy.yaml`), loaded once."""
    path = resources.files("parley") / "data" / "policy.yaml"
    return parse_policy(path.read_text(encoding="utf-8"), str(path))


def parse_policy(text: str, path: str) -> CodePolicy:
    """Read and check a policy file: every code and prefix must be a CAMEO code, every key known.

    Raises:
        DataFileError: the file is not YAML, misses a key or names a code the ontology does not have;
            every problem is listed.
    """
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        raise DataFileError(path, [f"not valid YAML: {e}"]) from e
    known = set(ontology().codes)
    problems = []
    codes = data.get("codes") or {}
    classes = data.get("classes") or {}
    for name in _CODE_NAMES:
        if not isinstance(codes.get(name), str) or codes[name] not in known:
            problems.append(f"codes.{name}: expected a CAMEO code, got {codes.get(name)!r}")
    for name in _CLASS_NAMES:
        prefixes = classes.get(name)
        if not isinstance(prefixes, list) or not prefixes:
            problems.append(f"classes.{name}: expected a list of CAMEO code prefixes")
            continue
        problems.extend(f"classes.{name}: {p!r} is no CAMEO code or root" for p in prefixes
                        if not isinstance(p, str) or not any(c.startswith(p) for c in known))
    unknown = [f"codes.{k}" for k in sorted(set(codes) - set(_CODE_NAMES))] + \
        [f"classes.{k}" for k in sorted(set(classes) - set(_CLASS_NAMES))]
    problems.extend(f"unknown key {k!r}" for k in unknown)
    actors = _actor_classes(data.get("actor_classes") or {}, problems)
    force = _force_rules(data.get("force"), known, problems)
    deontic_source = data.get("deontic_source")
    if deontic_source is not None and deontic_source not in actors:
        problems.append(f"deontic_source: {deontic_source!r} is not a class of actor_classes")
    if problems:
        raise DataFileError(path, problems)
    return CodePolicy(codes={k: codes[k] for k in _CODE_NAMES},
                      classes={k: tuple(classes[k]) for k in _CLASS_NAMES}, actors=actors, force=force,
                      deontic_source=deontic_source)


def _actor_classes(raw: dict[str, Any], problems: list[str]) -> dict[str, ActorClass]:
    """The `actor_classes` section: every class the lexicon's `args` and the force rules name."""
    out: dict[str, ActorClass] = {}
    for name in sorted(set(_ACTOR_CLASS_NAMES) | set(ACTOR_CLASSES) | set(raw)):
        spec = raw.get(name)
        if not isinstance(spec, dict) or not isinstance(spec.get("sectors", []), list) \
                or not isinstance(spec.get("codes", []), list) or set(spec) - {"sectors", "codes", "countries"}:
            problems.append(f"actor_classes.{name}: expected a mapping with sectors, codes and countries")
            continue
        out[name] = ActorClass(frozenset(spec.get("sectors", [])), tuple(spec.get("codes", [])),
                               bool(spec.get("countries", False)))
    return out


def _force_rules(raw: Any, known: set[str], problems: list[str]) -> ForceRules | None:
    """The `force` section, or None (with a problem) when it is missing or malformed."""
    keys = ("codes", "repression", "riot", "unconventional", "crowd_words")
    if not isinstance(raw, dict) or set(raw) != set(keys):
        problems.append(f"force: expected a mapping with {', '.join(keys)}")
        return None
    for key in ("repression", "riot", "unconventional"):
        if raw[key] not in known:
            problems.append(f"force.{key}: expected a CAMEO code, got {raw[key]!r}")
    return ForceRules(tuple(raw["codes"]), raw["repression"], raw["riot"], raw["unconventional"],
                      frozenset(str(w).lower() for w in raw["crowd_words"]))


class CodingPolicy:
    """Matches predicates to lexicon patterns and rewrites codes by negation, modality and context.

    Args:
        lexicon: verb, noun and adjective patterns, and control rules.
        cues: the word lists (blocking verbs, peacekeeping words ...).
        args: argument extraction over the same sentence.
        policy: codes by construction and classes of codes; the shipped ones by default.
    """

    def __init__(self, lexicon: Lexicon, cues: Cues, args: Arguments, policy: CodePolicy | None = None) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.args = args
        self.codes = policy or default_policy()
        self.intent = lexicon.control("intend")
        self.refuse = lexicon.control("refuse")
        self.threaten = lexicon.control("threaten")
        self.demand = lexicon.control("demand")

    def match(self, verb: Token, objs: list[Token]) -> tuple[PatternMatch | None, Token | None]:
        """Best pattern for `verb` over its object conjuncts; the object that decided it, if any."""
        best: tuple[PatternMatch | None, Token | None] = (None, None)
        candidates: list[Token | None] = [*objs] or [None]
        for obj in candidates:
            match = self.lexicon.match(self.args.features(verb, obj))
            if match is not None and best[0] is None:
                best = (match, obj)
        return best

    def match_alone(self, verb: Token) -> PatternMatch | None:
        """The pattern `verb` matches without any object."""
        return self.lexicon.match(self.args.features(verb, None))

    def construction(self, name: str, rule: str | None = None) -> PatternMatch:
        """A match for a code given by construction (`policy.yaml`'s `codes`), its rule `rule` or `name`."""
        return PatternMatch(code=self.codes.code(name), pattern_id=rule or name, target="obj", reciprocal=False)

    def adjust(self, code: str, negated: bool, modality: str | None,
               past: bool = False, pending: bool = False) -> tuple[str, bool, str | None]:
        """Code changes that negation and modality imply (PLOVER's conventions).

        - "will not accept refugees", "does not recognise": a stance against cooperation is a rejection;
          "did not meet", "failed to attend" (past) stay the act itself, flagged negated, except that a
          concession withheld ("did not grant the licence", "did not hand them over") is a refusal to yield.
        - "will meet", "plans to send aid": future or intended cooperation is an intent (03x).
        - "will launch an operation against", "would boycott the vote": a future or intended material
          conflict is a threat (13x).
        - "has not yet accepted", "has yet to respond" (`pending`): not so far, which is no refusal; the act
          stays, flagged negated.
        Returns the code, whether it is still a negated event, and a note for the rule.
        """
        is_a = self.codes.is_a
        if negated and pending:
            return code, True, None
        if negated and code == self.codes.code("statement") and self.refuse is not None:
            return self.refuse.apply(code) or code, False, "negation"   # "did not comment": declined to
        if negated and (not past or is_a(code, "withheld_concessions")) and is_a(code, "refusable") \
                and self.refuse is not None:
            refused = self.refuse.apply(code)
            if refused is not None:
                return refused, False, "negation"
        if negated:
            return code, True, None
        if modality in ("future", "intent") and is_a(code, "intendable") and self.intent is not None:
            return self.intent.apply(code) or code, False, None
        if modality in ("future", "intent") and is_a(code, "threatenable") and self.threaten is not None:
            threat = self.threaten.apply(code)
            if threat is not None:
                return threat, False, "threat"
        return code, False, None

    def peacekeeping(self, code: str, trigger: Token, sources: list[Token]) -> bool:
        """A deployment, or an arrival or visit, of forces that the clause calls peacekeeping: "deployed
        a battalion for peacekeeping duties", "the peacekeepers reached the border town"."""
        words = self.cues.peacekeeping_words
        if self.codes.is_a(code, "peacekeeping_deployments"):
            return any(t.lemma_.lower() in words or t.lower_ in words for t in trigger.subtree)
        if self.codes.is_a(code, "peacekeeping_arrivals"):
            return any(t.lemma_.lower() in words or t.lower_ in words for s in sources for t in s.subtree)
        return False

    def purpose_adds_nothing(self, verb: Token, code: str) -> bool:
        """Whether `verb` is a purpose infinitive that is no event of its own: its head is already an event
        of the same CAMEO root ("met to discuss", "phoned her to thank her"), or the head works against
        it ("vetoed a bid to extend the mission") or is conflict while it sounds cooperative ("imposed a
        curfew to stop the protests")."""
        if not purpose_infinitive(verb) or self.args.modality(verb) != "purpose":
            return False
        head = verb.head
        if head.lemma_.lower() in self.cues.blocking_verbs:
            return True
        match = self.lexicon.match(self.args.features(head, next(iter(self.args.objects(head)), None)))
        if match is None:
            return False
        head_code = self.codes.code("peacekeeping") if self.peacekeeping(match.code, head, []) else match.code
        is_a = self.codes.is_a
        return head_code[:2] == code[:2] or is_a(head_code, "purpose_blockers") \
            or (is_a(head_code, "conflict_heads") and is_a(code, "cooperative_purposes"))


def _named(text: str) -> bool:
    """Whether a mention is a name ("The Southern Highlands Front"), not a description ("the group")."""
    words = [w for w in text.split() if w.lower() not in ("the", "a", "an")]
    return len(words) >= 2 and all(w[:1].isupper() or w.lower() in ("of", "for", "and", "de", "la") for w in words)
