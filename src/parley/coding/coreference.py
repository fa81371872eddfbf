"""Coreference memory and noun-phrase bounds for actor resolution.

`Coreference` keeps the actors an article has named so far, newest last, so that pronouns and
descriptions ("he", "the group", "the two countries") can be resolved against them; `np_bounds` cuts
an argument's noun phrase out of the parse. Both are plain helpers of `mentions.MentionResolver`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from parley.dates import CALENDAR_WORDS
from parley.types import Actor

# Dependents that end a noun phrase: clauses and coordinated siblings are not part of it.
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "cc", "punct", "xcomp",
                       "mark", "dep", "advmod", "preconj", "npadvmod"})
# Parts of a state that a speaker's "the government", "the army" stand for.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
ACTOR_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NON_ACTOR_ENTITY_TYPES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
                                    "LAW", "WORK_OF_ART", "LANGUAGE", "PRODUCT", "EVENT"})
NUMBER_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "all": 0}
SPACE = re.compile(r"\s+")



@dataclass
class Antecedent:
    token_i: int
    actor: Actor
    span: tuple[int, int]  # token range of the antecedent mention
    kind: str  # person | group | country | government | other
    plural: bool
    head: str
    subject: bool = False   # the mention was a clause subject (more salient for pronouns)
    sent: int = 0           # first token of its sentence
    members: tuple = ()     # for "Qatar and Egypt": each coordinated actor, so "they" can mean both


@dataclass
class Coreference:
    """Actors mentioned so far in one article, newest last."""

    history: list[Antecedent] = field(default_factory=list)

    def add(self, token_i: int, actor: Actor, *, kind: str, plural: bool, head: str,
            span: tuple[int, int] | None = None, subject: bool = False, sent: int = 0,
            members: tuple = ()) -> None:
        if self.history and self.history[-1].token_i == token_i and self.history[-1].actor == actor \
                and not members:
            return
        self.history.append(Antecedent(token_i, actor, span or (token_i, token_i + 1), kind, plural, head,
                                        subject, sent, members))

    def last_found(self) -> Antecedent | None:
        return self._last

    _last: Antecedent | None = None

    def find(self, before: int, *, kinds: frozenset[str], plural: bool | None = None,
             head: str | None = None, exclude: frozenset[str] = frozenset(), since: int = 0,
             coded: bool = False, exclude_heads: frozenset[str] = frozenset()) -> Actor | None:
        """The most salient compatible antecedent mentioned before token `before` (and not before token
        `since`: a pronoun reaches back only a few sentences); with `coded`, one the knowledge base resolved;
        none coded in `exclude` nor headed by a word of `exclude_heads`."""
        self._last = None
        best: Antecedent | None = None
        for ante in reversed(self.history):
            if ante.token_i < since or ante.token_i >= before or ante.actor.code in exclude \
                    or coded and ante.actor.code is None or ante.head in exclude_heads:
                continue
            if head is not None and ante.head == head:
                best = ante
                break
            if ante.kind in kinds and (plural is None or ante.plural == plural):
                if best is None:
                    best = ante          # the most recent compatible actor ...
                    if ante.subject:
                        break
                elif ante.sent != best.sent:
                    break
                elif ante.subject:
                    best = ante          # ... unless its sentence has a compatible subject: subjects first
                    break
        if best is None:
            return None
        self._last = best
        return best.actor

    def find_many(self, before: int, n: int, *, kinds: frozenset[str],
                  exclude: frozenset[str | None] = frozenset(), sectors_out: frozenset[str] = frozenset()
                  ) -> list[Actor]:
        """The `n` most salient distinct actors of the given kinds mentioned before `before`, other than those
        keyed (see `side_key`) in `exclude` and those of the sectors in `sectors_out`.

        Salience is the number of mentions (an actor named three times outranks one named once),
        then recency; "the two countries" rarely means the last two names in the text.
        """
        counts: dict[str | None, list[Any]] = {}
        for pos, ante in enumerate(self.history):
            kind = "group" if ante.kind == "coordination" else ante.kind
            if ante.token_i >= before or kind not in kinds:
                continue
            key = side_key(ante.actor)
            if key in exclude or ante.actor.sector in sectors_out:
                continue
            entry = counts.setdefault(key, [0, 0, ante.actor])
            entry[0] += 1
            entry[1] = pos
            if ante.actor.sector is None or entry[2].sector is not None and ante.actor.sector == "GOV":
                entry[2] = ante.actor
        ranked = sorted(counts.values(), key=lambda e: (e[0], e[1]), reverse=True)
        if not n or len(ranked) < n:
            return []
        chosen = ranked[:n]
        chosen.sort(key=lambda e: e[1])
        return [e[2] for e in chosen]


def side_key(actor: Actor) -> str | None:
    """Which side an actor is on when counting sides: its country ("Yemen's government", "the Yemeni army"),
    but the rebels, the opposition or the churches of that country apart from its state ("YEMREB")."""
    if actor.sector is not None and actor.sector not in STATE_SECTORS and actor.country:
        return actor.country + actor.sector
    return actor.country or actor.code


def _a_time(token: Token) -> bool:
    """A word of a date phrase; a proper noun only when it names a day or a month ("the government of Niger" is no
    date, though the tagger may say so after "on Saturday")."""
    return token.ent_type_ in ("DATE", "TIME") and (token.pos_ != "PROPN" or token.lower_ in CALENDAR_WORDS)


def np_bounds(token: Token, *, keep_appos: bool = True) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by `token`, without clauses and conjuncts."""
    start = end = token.i
    governor = token
    while governor.dep_ == "conj" and governor.head.i != governor.i:
        governor = governor.head
    governor = governor.head
    stack = [token]
    while stack:
        t = stack.pop()
        for child in t.children:
            if child.dep_ in _CUT_DEPS and not (child.dep_ == "punct" and start < child.i < end) \
                    and not (t.i < token.i and child.dep_ in ("npadvmod", "punct")):   # "Kremlin-backed"
                continue
            if child.dep_ == "appos" and (not keep_appos or token.i < governor.i < child.i):
                continue   # (an apposition the parser hung across the phrase's own verb is none)
            if child.dep_ == "prep" and child.lower_ in ("according", "after", "before", "during", "since"):
                continue
            if child.dep_ == "prep" and any(c.dep_ == "pcomp" and c.pos_ == "VERB" or _a_time(c)
                                            for c in child.children):
                continue   # "accused the group of acting selfishly"
            start = min(start, child.left_edge.i if child.dep_ != "prep" else child.i)
            end = max(end, child.i)
            stack.append(child)
    doc = token.doc
    while end > start and (doc[end].is_punct or doc[end].is_space
                           or doc[end].dep_ in ("cc", "case") and doc[end].text != "'s"):
        if doc[end].text == ")" and any(doc[i].text == "(" for i in range(start, end)):
            break   # "the Rapid Support Forces (RSF)"
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1   # a blanked dateline is white space before the first word
    opened = sum(doc[i].text == "(" for i in range(start, end + 1)) - sum(doc[i].text == ")"
                                                                          for i in range(start, end + 1))
    if opened > 0 and end + 1 < len(doc) and doc[end + 1].text == ")":
        end += 1   # "the National Nurses' Federation (FNE)": the bracket closes inside the phrase
    return start, end + 1


def own_subject_range(token: Token) -> tuple[int, int]:
    """Token range of the subject of the clause `token` is in ("Qatar and Egypt presented it to both
    sides": both sides are not Qatar and Egypt)."""
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj.left_edge.i, subj.right_edge.i + 1
            if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"):
                t = t.head   # "X chaired the session and has moved between the two delegations": X's
                continue
            return (0, 0)
        if t.head.i == t.i:
            break
        t = t.head
    return (0, 0)


def conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def widen_entity(ent: Span) -> tuple[int, int]:
    """An entity with the title or role words right before it ("President X", "envoy X")."""
    start = ent.start
    doc = ent.doc
    while start > 0 and not doc[start].is_sent_start and doc[start - 1].dep_ == "compound" and \
            doc[start - 1].head.i in \
            range(ent.start, ent.end):
        start -= 1
    return start, ent.end


def with_sector(actor: Actor, sector: str | None, *, role: str | None = None) -> Actor:
    if sector is None or actor.country is None:
        return actor
    code = actor.country + sector
    if code == actor.code:
        return actor
    name = actor.name if role is None else f"{role.capitalize()} of {actor.name}"
    return Actor(code=code, name=name, country=actor.country, sector=sector)
