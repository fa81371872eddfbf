"""Given-dyad coding: the best event between two actor mentions the caller already knows.

Users with their own actor annotations (and the published zero-shot coders' benchmark) ask a
different question from open coding: not "which events are in this text" but "what did the
actor at these offsets do to the actor at those offsets". The answer is the coded predicate whose
arguments best cover the two mentions; when no coded predicate links them, the predicate that
governs both mentions in the parse is coded on its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from parley.coding.clauses import Clause, ClauseAnalyzer
from parley.coding.mentions import np_bounds
from parley.coding.to_events import CodedClause, Resources, coded_clauses, standalone
from parley.lexicon import PatternMatch, PredicateFeatures
from parley.types import ActorMention, Article, Event


def best_dyad_event(doc: Doc, article: Article, resources: Resources, source: tuple[int, int],
                    target: tuple[int, int] | None) -> Event | None:
    """The event between the mention at `source` and the one at `target` (character offsets).

    Args:
        doc: the parse of `article.text`.
        article: the article.
        resources: the coder's resources.
        source: (start, end) of the source mention.
        target: (start, end) of the target mention, or None when the event has no target.

    Returns:
        The best event, with the given mentions as source and target; None when no predicate of
        the text links them.
    """
    text = article.text
    src = _mention(text, doc, resources, source, article)
    tgt = _mention(text, doc, resources, target, article) if target is not None else None
    best: tuple[tuple, CodedClause] | None = None
    for coded in coded_clauses(doc, article, resources):
        score = _score(coded.clause, source, target)
        if score is None:
            continue
        if best is None or score > best[0]:
            best = (score, coded)
    if best is None or best[0][0] == 0:
        fallback = _governing_predicate(doc, article, resources, source, target)
        if fallback is not None:
            best = ((0,), fallback)
    if best is None:
        return None
    events = best[1].events(sources=[src], targets=[tgt] if tgt is not None else [])
    return events[0] if events else None


def _head_of(doc: Doc, span: tuple[int, int]) -> Token | None:
    """The syntactic head of the tokens inside a character span."""
    tokens = [t for t in doc if t.idx < span[1] and t.idx + len(t) > span[0]]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads else tokens[0]


def _path(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence (large if in different sentences)."""
    ancestors = {a.i: 0}
    t, d = a, 0
    while t.head.i != t.i:
        t, d = t.head, d + 1
        ancestors[t.i] = d
    t, d = b, 0
    while True:
        if t.i in ancestors:
            return ancestors[t.i] + d
        if t.head.i == t.i:
            return 100
        t, d = t.head, d + 1


def _governing_predicate(doc: Doc, article: Article, resources: Resources, source: tuple[int, int],
                         target: tuple[int, int] | None) -> CodedClause | None:
    """The lexicon predicate nearest to both mentions in the parse, coded without its own arguments."""
    src = _head_of(doc, source)
    if src is None:
        return None
    tgt = _head_of(doc, target) if target is not None else None
    sent = src.sent
    analyzer = ClauseAnalyzer(resources.lexicon, resources.cues, lambda t: True, lambda t: False)
    best: tuple[int, Token, PatternMatch] | None = None
    for token in sent:
        if token.pos_ == "VERB":
            match = analyzer.policy.match(token, analyzer.args.objects(token))[0]
        elif token.pos_ in ("NOUN", "PROPN") and resources.lexicon.is_trigger(token.lemma_.lower(), "NOUN"):
            match = resources.lexicon.match(analyzer.args.noun_features(token))
        elif token.pos_ == "ADJ" and resources.lexicon.is_trigger(token.lemma_.lower(), "ADJ"):
            match = resources.lexicon.match(PredicateFeatures(lemma=token.lemma_.lower(), pos="ADJ"))
        else:
            continue
        if match is None or token.i == src.i or (tgt is not None and token.i == tgt.i):
            continue
        distance = _path(token, src) + (_path(token, tgt) if tgt is not None else 0)
        if best is None or distance < best[0]:
            best = (distance, token, match)
    if best is None:
        return None
    _, token, match = best
    code = match.code
    negated = analyzer.args.negated(token)
    modality = analyzer.args.modality(token) if token.pos_ == "VERB" else None
    code, negated, _note = analyzer.policy.adjust(code, negated, modality)
    clause = Clause(trigger=token, head=token, anchor=token, code=code, rule=f"{match.pattern_id}+given-dyad",
                    sources=[], targets=[], negated=negated)
    sent_index = sum(1 for s in doc.sents if s.start < sent.start)
    return standalone(clause, doc, article, resources, sent, sent_index)


def _mention(text: str, doc: Doc, resources: Resources, span: tuple[int, int], article: Article) -> ActorMention:
    start, end = span
    phrase = text[start:end]
    actor = resources.kb.resolve(phrase, on=article.published) if phrase.strip() else None
    if actor is None:
        return ActorMention(phrase, start, end, None, None)
    return ActorMention(phrase, start, end, actor.code, actor.name, actor.country, actor.sector)


def _char_range(token: Token) -> tuple[int, int]:
    start, end = np_bounds(token)
    doc = token.doc
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _score(clause: Clause, source: tuple[int, int], target: tuple[int, int] | None) -> tuple | None:
    """How well a clause's arguments cover the given mentions; None when it touches neither."""
    src_hit = max((_overlap(_char_range(t), source) for t in clause.sources), default=0)
    tgt_hit = 0
    if target is not None:
        tgt_hit = max((_overlap(_char_range(t), target) for t in clause.targets), default=0)
        if not tgt_hit:
            # the target may sit inside the trigger's phrase ("attack on X") or be the other side
            tgt_hit = max((_overlap(_char_range(t), target) for t in clause.sources), default=0) if \
                clause.reciprocal else 0
    trig = clause.trigger.idx
    between = 0
    if target is not None:
        lo, hi = sorted((source[0], target[0]))
        between = 1 if lo <= trig <= max(hi, source[1], target[1]) else 0
    if not src_hit and not tgt_hit:
        # No argument covers them: a predicate between or right next to the mentions still may be it.
        near = min(abs(trig - source[1]), abs(trig - (target[0] if target else source[1])))
        if not between and near > 40:
            return None
        return (0, 0, between, -near)
    return (2 if src_hit and (tgt_hit or target is None) else 1, bool(src_hit), between, -abs(trig - source[1]))
