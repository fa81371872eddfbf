"""The word lists the clause analyser uses (`parley/data/cues.yaml`), loaded once and validated."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from parley.errors import DataFileError

_LIST_KEYS = (
    "speech_verbs", "report_verbs", "media_sectors", "media_nouns", "hedge_adverbs", "hedge_raising",
    "hedge_adjectives", "light_verbs", "aspect_verbs", "negating_verbs", "intent_verbs", "future_aux",
    "future_governors", "hypothetical_aux", "person_pronouns", "thing_pronouns", "plural_pronouns", "locative_preps",
    "target_preps", "reciprocal_verbs", "speech_media", "commitment_verbs", "clausal_control_verbs",
    "first_person_pronouns", "person_nouns", "blame_predicates", "counterpart_nouns",
    "e_final_verbs", "peacekeeping_words", "own_force_nouns", "blocking_verbs", "denial_verbs", "opinion_verbs",
    "patient_nouns", "belief_verbs", "proposal_verbs", "generic_adverbs", "press_nouns",
    "generic_quantifiers", "generic_people", "verbal_attack_verbs", "weapon_words",
    "ease_adjectives", "likelihood_adjectives", "standing_rule_nouns", "brokering_verbs",
    "permission_verbs", "platform_names", "disease_names",
    "occasion_nouns", "document_nouns",
)
_ANAPHOR_KINDS = frozenset({"group", "country", "government", "person", "body", "any"})


@dataclass(frozen=True)
class Cues:
    speech_verbs: frozenset[str]
    report_verbs: frozenset[str]
    media_sectors: frozenset[str]
    media_nouns: frozenset[str]
    document_nouns: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_raising: frozenset[str]
    hedge_adjectives: frozenset[str]
    light_verbs: frozenset[str]
    aspect_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    future_aux: frozenset[str]
    future_governors: frozenset[str]
    hypothetical_aux: frozenset[str]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    locative_preps: frozenset[str]
    target_preps: frozenset[str]
    reciprocal_verbs: frozenset[str]
    speech_media: frozenset[str]
    commitment_verbs: frozenset[str]
    clausal_control_verbs: frozenset[str]
    first_person_pronouns: frozenset[str]
    person_nouns: frozenset[str]
    blame_predicates: frozenset[str]
    counterpart_nouns: frozenset[str]
    e_final_verbs: frozenset[str]
    peacekeeping_words: frozenset[str]
    own_force_nouns: frozenset[str]
    blocking_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    opinion_verbs: frozenset[str]
    patient_nouns: frozenset[str]
    belief_verbs: frozenset[str]
    proposal_verbs: frozenset[str]
    generic_adverbs: frozenset[str]
    press_nouns: frozenset[str]
    generic_quantifiers: frozenset[str]
    generic_people: frozenset[str]
    verbal_attack_verbs: frozenset[str]
    weapon_words: frozenset[str]
    ease_adjectives: frozenset[str]
    likelihood_adjectives: frozenset[str]
    standing_rule_nouns: frozenset[str]
    brokering_verbs: frozenset[str]
    permission_verbs: frozenset[str]
    platform_names: frozenset[str]
    disease_names: frozenset[str]
    occasion_nouns: frozenset[str]
    anaphor_heads: dict[str, str]
    event_roles: dict[str, tuple[str, ...]]

    @property
    def pronouns(self) -> frozenset[str]:
        return self.person_pronouns | self.thing_pronouns | self.plural_pronouns | self.first_person_pronouns


@functools.lru_cache(maxsize=1)
def default_cues() -> Cues:
    """The shipped cue lists (compiled once into the resource cache)."""
    from parley.resource_cache import cached

    return cached("cues", _load_cues, Cues)


def _load_cues() -> Cues:
    path = resources.files("parley") / "data" / "cues.yaml"
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:  # pragma: no cover - shipped data
        raise DataFileError(str(path), [f"not valid YAML: {e}"]) from e
    problems = []
    values: dict[str, Any] = {}
    for key in _LIST_KEYS:
        items = data.get(key)
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            problems.append(f"key {key!r}: expected a list of words")
            continue
        values[key] = frozenset(x.lower() for x in items)
    heads = data.get("anaphor_heads")
    if not isinstance(heads, dict):
        problems.append("key 'anaphor_heads': expected a mapping of noun -> kind")
        heads = {}
    for noun, kind in heads.items():
        if kind not in _ANAPHOR_KINDS:
            problems.append(f"key 'anaphor_heads.{noun}': kind {kind!r} is not one of {sorted(_ANAPHOR_KINDS)}")
    roles = data.get("event_roles") or {}
    if not isinstance(roles, dict) or not all(isinstance(v, list) for v in roles.values()):
        problems.append("key 'event_roles': expected a mapping of noun -> list of CAMEO code prefixes")
        roles = {}
    if problems:
        raise DataFileError(str(path), problems)
    return Cues(anaphor_heads={str(k).lower(): v for k, v in heads.items()},
                event_roles={str(k).lower(): tuple(str(c) for c in v) for k, v in roles.items()}, **values)
