"""The one place a parsed spaCy `Doc` becomes plain `Event` records."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parley.actors.kb import ActorKB
from parley.coding.attribution import Attributor
from parley.coding.clauses import Clause, ClauseAnalyzer
from parley.coding.cues import Cues
from parley.coding.mentions import MentionResolver
from parley.dates import resolve_date
from parley.lexicon import Lexicon
from parley.ontology import Ontology
from parley.places import Gazetteer
from parley.types import Actor, ActorMention, Article, Event, Location, TextSpan

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# "in the Gaza Strip city", "near the Kassala camp": a place named as a modifier of a place noun only.
_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "border",
                          "capital", "coast", "area", "camp", "port", "county", "governorate", "valley",
                          "strip", "neighborhood", "neighbourhood", "suburb", "island", "territory"})


@dataclass(frozen=True)
class Resources:
    """What coding needs besides the parse: all loaded and validated once."""

    lexicon: Lexicon
    kb: ActorKB
    cues: Cues
    ontology: Ontology
    gazetteer: Gazetteer


def to_events(doc: Doc, article: Article, resources: Resources, *, char_offset: int = 0,
              sentence_offset: int = 0) -> list[Event]:
    """Code every event in a parsed article.

    Args:
        doc: the spaCy parse of `article.text` (or of a piece of it starting at `char_offset`).
        article: the article, for its id and published date.
        resources: lexicon, actor knowledge base, cue lists, ontology and gazetteer.
        char_offset: where `doc` starts in the article text (long articles are parsed in pieces).
        sentence_offset: the index of `doc`'s first sentence in the article.

    Returns:
        The events in text order.
    """
    events: list[Event] = []
    seen: set[str] = set()
    for coded in coded_clauses(doc, article, resources, char_offset=char_offset, sentence_offset=sentence_offset):
        for event in coded.events():
            if event.event_id not in seen:
                seen.add(event.event_id)
                events.append(event)
                if event.source.code is not None:
                    coded.resolver.note_event(coded.clause.trigger.i, event.cameo, Actor(
                        event.source.code, event.source.name or event.source.text, event.source.country,
                        event.source.sector))
    return events


@dataclass
class CodedClause:
    """A coded predicate with everything needed to turn it into events."""

    clause: Clause
    sent: Span
    sent_index: int
    article: Article
    resources: Resources
    resolver: MentionResolver
    attributor: Attributor
    attachments: _Attachments
    offset: int

    def events(self, *, sources: list[ActorMention] | None = None,
               targets: list[ActorMention] | None = None) -> list[Event]:
        """The clause's events; `sources`/`targets` replace the resolved arguments (given-dyad mode)."""
        return _clause_events(self.clause, self.sent, self.sent_index, self.article, self.resources,
                              self.resolver, self.attributor, self.attachments, self.offset,
                              sources=sources, targets=targets)


def coded_clauses(doc: Doc, article: Article, resources: Resources, *, char_offset: int = 0,
                  sentence_offset: int = 0) -> Iterator[CodedClause]:
    """Every coded predicate of a parsed article, in text order, before it becomes events."""
    cues = resources.cues
    resolver = MentionResolver(resources.kb, cues, doc, article.published)
    analyzer = ClauseAnalyzer(resources.lexicon, cues, resolver.is_actor_like, resolver.is_country,
                              resolver.names_actor)
    attributor: Attributor | None = None
    # `Span.ents` scans every entity of the document: bucket them once, or coding grows quadratically.
    ents = list(doc.ents)
    k = 0
    for sent_index, sent in enumerate(doc.sents, start=sentence_offset):
        sent_ents = []
        while k < len(ents) and ents[k].start < sent.end:
            if ents[k].start >= sent.start:
                sent_ents.append(ents[k])
            k += 1
        resolver.sent_ents[sent.start] = sent_ents
        resolver.observe_sentence(sent)
        clauses = analyzer.clauses(sent)
        if not clauses:
            continue
        if attributor is None:
            attributor = Attributor(cues, resolver, doc)
        attachments = _Attachments(sent, sent_ents, cues)
        for clause in clauses:
            yield CodedClause(clause, sent, sent_index, article, resources, resolver, attributor, attachments,
                              char_offset)


def standalone(clause: Clause, doc: Doc, article: Article, resources: Resources, sent: Span,
               sent_index: int) -> CodedClause:
    """A `CodedClause` for a clause built outside `coded_clauses` (given-dyad fallback)."""
    resolver = MentionResolver(resources.kb, resources.cues, doc, article.published)
    ents = [e for e in doc.ents if sent.start <= e.start < sent.end]
    resolver.sent_ents[sent.start] = ents
    return CodedClause(clause, sent, sent_index, article, resources, resolver,
                       Attributor(resources.cues, resolver, doc), _Attachments(sent, ents, resources.cues), 0)


class _Attachments:
    """Temporal and locative expressions of a sentence, keyed by the predicate they attach to."""

    def __init__(self, sent: Span, ents: list[Span], cues: Cues) -> None:
        self.dates: dict[int, list[Span]] = {}
        self.places: dict[int, list[Span]] = {}
        for ent in ents:
            if ent.label_ in ("DATE", "TIME") and ent.label_ == "DATE":
                host = _host_predicate(ent.root)
                if host is not None:
                    self.dates.setdefault(host.i, []).append(ent)
            elif ent.label_ in _PLACE_TYPES:
                root = ent.root
                if root.dep_ == "pobj" and root.head.lower_ in cues.locative_preps:
                    self.places.setdefault(root.head.head.i, []).append(ent)
                elif root.dep_ == "compound" and root.head.dep_ == "pobj" and \
                        root.head.head.lower_ in cues.locative_preps and root.head.lemma_.lower() in _PLACE_NOUNS:
                    self.places.setdefault(root.head.head.head.i, []).append(ent)


def _host_predicate(token: Token) -> Token | None:
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.i != token.i:
            return t
        if t.head.i == t.i:
            return t if t.pos_ in ("VERB", "AUX") else None
        if t.pos_ == "NOUN" and t.i != token.i and t.dep_ in ("dobj", "nsubj", "pobj"):
            # "talks on Monday" - the noun itself may be the predicate; keep climbing but remember it
            pass
        t = t.head
    return None


def _clause_events(clause: Clause, sent: Span, sent_index: int, article: Article, resources: Resources,
                   resolver: MentionResolver, attributor: Attributor, attachments: _Attachments,
                   offset: int, *, sources: list[ActorMention] | None = None,
                   targets: list[ActorMention] | None = None) -> list[Event]:
    given = sources is not None
    if sources is None:
        sources = _unique([m for tok in clause.sources
                           for m in resolver.mentions(tok, allow_thing=_agentive(tok))])
    if not sources:
        return []
    if targets is None:
        targets = _unique([m for tok in clause.targets for m in resolver.mentions(tok, allow_thing=True)])
    info = resources.ontology.get(clause.code)
    if clause.reciprocal and len(sources) > 1:
        # "X and Y met", "talks between X and Y", "the three governments will meet"
        pairs = list(itertools.permutations(sources, 2))
    else:
        pairs = [(s, t) for s in sources for t in (targets or [None])]
    if clause.reciprocal:
        pairs = [(s, t) for s, t in pairs if t is None or not _same_actor(s, t)]
    else:
        # "returned the painting to its owners" resolved back onto the source: keep the act, drop the target
        pairs = list(dict.fromkeys((s, None if t is not None and _same_actor(s, t) else t) for s, t in pairs))
    if not pairs:
        return []
    trigger = clause.trigger
    hosts = [clause.trigger, clause.head, clause.anchor]
    date, precision, basis = _date(hosts, attachments, article)
    location = _location(hosts + clause.targets + ([clause.object_token] if clause.object_token is not None else []),
                         attachments, resources.gazetteer)
    attribution = attributor.attribution(clause.anchor, clause.head, sent)
    trig = TextSpan(trigger.text, trigger.idx + offset, trigger.idx + len(trigger.text) + offset)
    obj = None
    if clause.object_token is not None:
        span = _object_span(clause.object_token)
        obj = TextSpan(span.text, span.start_char + offset, span.end_char + offset)
    out = []
    for source, target in pairs:
        if not given:
            source = _shift(source, offset)
            target = _shift(target, offset) if target is not None else None
        ev_start = min(trig.start, source.start if _inside(source, sent, offset) else trig.start,
                       target.start if target is not None and _inside(target, sent, offset) else trig.start)
        ev_end = max(trig.end, source.end if _inside(source, sent, offset) else trig.end,
                     target.end if target is not None and _inside(target, sent, offset) else trig.end)
        text = article.text
        evidence = TextSpan(text[ev_start:ev_end], ev_start, ev_end)
        key = f"{article.id}|{sent_index}|{trig.start}|{source.start}|{target.start if target else -1}|" \
              f"{target.code if target else ''}|{source.code}|{clause.code}"
        event_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
        out.append(Event(
            event_id=event_id, article_id=article.id, sentence_index=sent_index, trigger=trig,
            source=source, target=target, cameo=info.code, cameo_name=info.name, plover=info.plover,
            plover_mode=info.plover_mode, quad=info.quad, goldstein=info.goldstein,
            negated=clause.negated, modality=clause.modality, date=date, date_precision=precision,
            date_basis=basis, location=location, attribution=attribution, rule=clause.rule,
            evidence=evidence, object=obj,
        ))
    return out


def _object_span(token: Token) -> Span:
    """The whole phrase of what is demanded or offered, clauses included ("aid run only by UN agencies"),
    without its coordinated siblings, attribution ("according to ...") or dates ("on Wednesday")."""
    doc = token.doc
    start, end = token.i, token.i
    stack = [token]
    while stack:
        t = stack.pop()
        for child in t.children:
            if t.i == token.i and (child.dep_ in ("conj", "cc", "appos")
                                   or (child.dep_ == "punct" and child.i > token.i)):
                continue
            if child.dep_ == "prep" and (child.lower_ == "according" or any(
                    c.ent_type_ in ("DATE", "TIME") for c in child.children if c.dep_ == "pobj")):
                continue
            if child.ent_type_ in ("DATE", "TIME") and child.dep_ in ("npadvmod", "tmod"):
                continue
            start = min(start, child.i)
            end = max(end, child.i)
            stack.append(child)
    while end > start and (doc[end].is_punct or doc[end].is_space or doc[end].dep_ == "cc"):
        end -= 1
    return doc[start:end + 1]


def _agentive(token: Token) -> bool:
    """A common-noun subject that may name people even if no actor is known ("musicians", "Afghan traders").

    Singular nouns without a national or named modifier ("the offer", "the decision") are not kept.
    """
    if token.pos_ != "NOUN":
        return False
    if token.is_upper and len(token) >= 2:
        return True   # an acronym the tagger took for a common noun ("ICE", "DHS")
    return token.tag_ == "NNS" or any(c.dep_ in ("compound", "amod") and c.ent_type_ in ("NORP", "GPE", "ORG")
                                      for c in token.children)


def _inside(mention: ActorMention, sent: Span, offset: int) -> bool:
    return sent.start_char + offset <= mention.start < sent.end_char + offset


def _shift(m: ActorMention, offset: int) -> ActorMention:
    if not offset:
        return m
    return ActorMention(m.text, m.start + offset, m.end + offset, m.code, m.name, m.country, m.sector)


def _unique(mentions: list[ActorMention]) -> list[ActorMention]:
    seen = set()
    out = []
    for m in mentions:
        key = (m.start, m.end, m.code)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _same_actor(a: ActorMention, b: ActorMention) -> bool:
    """Whether source and target are one actor (then there is no event between them)."""
    if a.country is None and b.country is None and (a.start, a.end) != (b.start, b.end) \
            and not (a.code or "").startswith(("IGO", "NGO", "IMG")):
        return False   # two generic actors ("the government", "the leaders") may well differ
    if a.code is not None or b.code is not None:
        return a.code == b.code and a.name == b.name
    return a.start == b.start and a.end == b.end


def _date(hosts: list[Token], attachments: _Attachments, article: Article) -> tuple[str | None, str | None, str]:
    for host in hosts:
        for ent in attachments.dates.get(host.i, ()):
            resolved = resolve_date(ent.text, article.published)
            if resolved is not None:
                return resolved.date.isoformat(), resolved.precision, "text"
    if article.published is not None:
        return article.published.isoformat(), "day", "published"
    return None, None, "none"


def _location(hosts: list[Token], attachments: _Attachments, gazetteer: Gazetteer) -> Location | None:
    for host in hosts:
        for ent in attachments.places.get(host.i, ()):
            found = gazetteer.lookup(ent.text)
            if found is not None:
                return found
    return None
