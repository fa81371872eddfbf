"""The one place a parsed spaCy `Doc` becomes plain `Event` records.

The stages, in order, for each sentence of an article:

1. actor registration: the resolver notes the actors the sentence names, for later pronouns;
2. clause analysis (`clauses.py`): each predicate found, its arguments extracted (`syntax.py`), coded
   (`policy.py`) and its targets found (`targets.py`);
3. actor resolution (`pairs.py`, `mentions.py`): arguments become actor mentions, paired source-target;
4. attribution (`attribution.py`), date and place (`context.py`);
5. assembly: one `Event` per pair, with its evidence and provenance.

Parse repairs run before all of this, as the spaCy component `parley_repairs` (`repairs.py`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parley.actors.kb import ActorKB
from parley.coding.attribution import Attributor
from parley.coding.clauses import Clause, ClauseAnalyzer
from parley.coding.context import Attachments, dated_by_retelling, event_date
from parley.coding.cues import Cues
from parley.coding.locate import ArticlePlaces
from parley.coding.mentions import MentionResolver
from parley.coding.pairs import Pair, acted_on_things, pair_up, resolve_pairs
from parley.coding.policy import CodePolicy, default_policy
from parley.coding.relevance import is_relevant
from parley.coding.syntax import DEAL_NOUNS
from parley.lexicon import Lexicon
from parley.ontology import Ontology
from parley.places import Gazetteer
from parley.types import ActorMention, Article, Event, TextSpan


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
        doc: the spaCy parse of `article.text` (or of a piece of it starting at `char_offset`), with
            Parley's components run (see `parley.coder.add_components`).
        article: the article, for its id and published date.
        resources: lexicon, actor knowledge base, cue lists, ontology and gazetteer.
        char_offset: where `doc` starts in the article text (long articles are parsed in pieces).
        sentence_offset: the index of `doc`'s first sentence in the article.

    Returns:
        The events in text order.
    """
    events: list[Event] = []
    seen: set[str] = set()
    first_event: dict[int, str] = {}   # id() of a clause -> its first event's id, for what it carries
    # content told before the demand noun that carries it ("Congo's demand that Uganda withdraw ..."), by carrier
    waiting: dict[int, list[Event]] = {}

    def add(made: list[Event]) -> None:
        for event in made:
            if event.event_id not in seen:
                seen.add(event.event_id)
                events.append(event)

    for coded in coded_clauses(doc, article, resources, char_offset=char_offset, sentence_offset=sentence_offset):
        made = coded.events()
        carrier = coded.clause.carrier
        if carrier is not None:
            if id(carrier) not in first_event:
                # the demand or the conditioned act gave no event (yet): its content is no event either
                waiting.setdefault(id(carrier), []).extend(made)
                continue
            made = [dataclasses.replace(e, carried_by=first_event[id(carrier)]) for e in made]
        if made:
            first_event[id(coded.clause)] = made[0].event_id
        add(made)
        for held in waiting.pop(id(coded.clause), []) if made else []:
            add([dataclasses.replace(held, carried_by=made[0].event_id)])
    return dated_by_retelling(events, doc, article, resources.cues, char_offset)


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
    attachments: Attachments
    offset: int

    @property
    def policy(self) -> CodePolicy:
        return default_policy()

    def events(self, *, sources: list[ActorMention] | None = None,
               targets: list[ActorMention] | None = None) -> list[Event]:
        """The clause's events; `sources`/`targets` replace the resolved arguments (given-dyad mode)."""
        if sources is None:
            things = acted_on_things(self.clause, self.resolver)
            return self._assemble(resolve_pairs(self.clause, self.resolver), shift=True,
                                  thing=things[0] if things else None)
        # given mentions are in article offsets already
        return self._assemble(pair_up(self.clause, sources, targets or []), shift=False)

    def _assemble(self, pairs: list[Pair], *, shift: bool, thing: Token | None = None) -> list[Event]:
        """One event per pair, with the clause's code, attribution, date, place and evidence; `shift` moves
        resolved mentions from the piece's offsets to the article's; `thing` is a target that names no actor,
        the event's object when the clause has none."""
        if not pairs:
            return []
        clause, sent, article = self.clause, self.sent, self.article
        hosts = [clause.trigger, clause.head, clause.anchor]
        date, precision, basis = event_date(hosts, self.attachments, article, clause.modality,
                                            lead=not self.policy.is_a(clause.code, "verbal"))
        owners = hosts + clause.targets + ([clause.object_token] if clause.object_token is not None else [])
        places = [ent for host in owners for ent in self.attachments.places.get(host.i, ())]
        locator = ArticlePlaces.of(sent.doc, article, self.resources.gazetteer, self.resources.cues,
                                   self.resources.kb)
        background = is_background(date, precision, basis, clause.anchor, article, self.resources.cues)
        attribution = self.attributor.attribution(clause.anchor, clause.head, sent)
        trigger = clause.trigger
        trig = TextSpan(trigger.text, trigger.idx + self.offset, trigger.idx + len(trigger.text) + self.offset)
        obj = None
        if clause.object_token is not None:
            relative = clause.trigger if clause.trigger.dep_ == "relcl" else clause.head
            span = _object_span(clause.object_token, relative if relative.dep_ == "relcl" else None)
            obj = TextSpan(article.text[span.start_char + self.offset:span.end_char + self.offset],
                           span.start_char + self.offset, span.end_char + self.offset)
        elif thing is not None:
            span = _object_span(thing)
            obj = TextSpan(article.text[span.start_char + self.offset:span.end_char + self.offset],
                           span.start_char + self.offset, span.end_char + self.offset)
        elif clause.code.startswith("10") and clause.rule.startswith("control.") and trigger.pos_ == "VERB" \
                and trigger.dep_ in ("ccomp", "xcomp") and trigger.right_edge.i > trigger.i:
            # "demanded that Fiji recognise the reefs as Tongan territory": what is demanded is the act asked for
            span = _object_span(trigger)
            span = span.doc[trigger.i:span.end]
            if len(span) > 1:
                obj = TextSpan(article.text[span.start_char + self.offset:span.end_char + self.offset],
                               span.start_char + self.offset, span.end_char + self.offset)
        out = []
        co_sources = [_shift(s, self.offset) if shift else s for s, _ in pairs]
        for source, target in pairs:
            if shift:
                source = _shift(source, self.offset)
                target = _shift(target, self.offset) if target is not None else None
            source = _as_written(source, article.text) or source
            target = _as_written(target, article.text)
            code, note = self.policy.force_by_actors(clause.code, source, target)
            talks = code.startswith(("03", "04", "057", "164", "165"))
            source = locator.with_country(source, None, None, self.offset, is_source=True, talks=talks)
            if target is not None:
                target = locator.not_itself(co_sources, target, self.offset)
                target = locator.with_country(target, None, None, self.offset, is_source=False, talks=talks)
            location = locator.locate(places, clause.trigger, code, source, target, self.offset,
                                      guesses=self.attachments.guesses)
            # a go-between's country says nothing of the sides it mediates between ("talks between the
            # government and the opposition brokered by Norway": Venezuela's opposition, not Norway's)
            mediating = code.startswith("045")
            source = locator.with_country(source, location, attribution, self.offset, is_source=True,
                                          other=target, mediated=mediating, talks=talks)
            if target is not None:
                target = locator.with_country(target, location, attribution, self.offset, is_source=False,
                                              other=source, mediated=mediating, talks=talks)
            if location is None:   # a country the text gave a bare sector ("Congress" in a story about the US)
                location = locator.country_place(code, source, target)
            info = self.resources.ontology.get(code)
            rule = f"{note}+{clause.rule}" if note else clause.rule
            evidence = _evidence(article.text, trig, source, target, sent, self.offset)
            key = f"{article.id}|{self.sent_index}|{trig.start}|{source.start}|{target.start if target else -1}|" \
                  f"{target.code if target else ''}|{source.code}|{clause.code}"
            if clause.part:   # a further item of a listed object: an event of its own
                key += f"|{clause.part}"
            out.append(Event(
                event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:20], article_id=article.id,
                sentence_index=self.sent_index, trigger=trig, source=source, target=target, cameo=info.code,
                cameo_name=info.name, plover=info.plover, plover_mode=info.plover_mode, quad=info.quad,
                goldstein=info.goldstein, negated=clause.negated, modality=clause.modality, date=date,
                date_precision=precision, date_basis=basis, location=location, attribution=attribution,
                rule=rule, evidence=evidence, object=obj, relevant=is_relevant(info.code, source, target),
                background=background,
            ))
        return out


def _as_written(mention: ActorMention | None, text: str) -> ActorMention | None:
    """The mention with its words as the article writes them: the parser read a name with its particles
    capitalised ("Front Pour La Défense"; see `parley.coder._names_joined`)."""
    if mention is None:
        return None
    written = text[mention.start:mention.end]
    if written == mention.text or written.lower() != mention.text.lower():
        return mention
    return dataclasses.replace(mention, text=written, name=written if mention.name == mention.text else mention.name)


# An act dated more than this many days before the publication date is history, not news.
BACKGROUND_DAYS = 7


def is_background(date: str | None, precision: str | None, basis: str, anchor: Token, article: Article,
                  cues: Cues) -> bool:
    """Whether an act is told as earlier history: its own date (from the text) ends more than
    `BACKGROUND_DAYS` before the publication date ("in 2014", "last year", "on 3 March 2019" in a later
    article); or, with no date of its own, its verb is in the past perfect outside reported speech
    ("after the envoy had left the talks"; "said the army had withdrawn" is reported news), or in a clause
    of time before or during such a verb ("had been pulled out before the talks resumed", "had been ordered
    while the sides were negotiating"). An act in
    the present perfect is never history: it reaches up to now ("have mediated since January")."""
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children):
        return False   # the present perfect reaches up to now: "have mediated since January" is still going on
    if _weeks_before(verb):
        return True   # "talks resumed on Monday, two weeks after Caracas recalled its negotiators"
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("before", "while", "after")
                                    for c in verb.children) \
            and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.head.children):
        # "the troops had been pulled out before the talks resumed", "a strike had been ordered while the two
        # sides were negotiating", "the diversion had been announced the day after the delegation walked out":
        # told as a time of then
        return True
    if _history_beside(verb, basis, cues) or _described_before(verb, basis, cues):
        return True
    if verb.dep_ == "advcl" and verb.head.tag_ == "VBN" and verb.head.dep_ in ("acl", "amod") \
            and any(c.dep_ == "mark" and c.lower_ in ("before", "after") for c in verb.children) \
            and basis not in ("text", "sentence"):
        return True   # "both proposals, tabled before the talks broke down, remain": a time of what is described
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("was", "were")
                                                           for c in verb.children) \
            and any(c.dep_ == "mark" and c.lower_ == "while" for c in verb.children):
        return True   # "ambushed a convoy while its envoys were still negotiating": the state of things then
    if verb.dep_ == "advcl" and any(c.lower_ == "when" for c in verb.children) and _past_perfect(verb.head) \
            and not any(a.lemma_.lower() in cues.speech_verbs for a in verb.head.ancestors):
        return True   # "the talks had been interrupted in August when the delegation walked out": that history
    if verb.dep_ == "relcl" and verb.head.ent_type_ in ("DATE", "TIME"):
        # "had been suspended once, in July, when the government withdrew its team": a time of that history
        dated = next((a for a in verb.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if dated is not None and _past_perfect(dated):
            return True
    governor = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "dobj" else verb.head
    if verb.dep_ in ("advcl", "xcomp", "acl") and verb.tag_ == "VBG" and not any(
            c.dep_ in ("mark", "nsubj", "nsubjpass") for c in verb.children) and _past_perfect(governor) \
            and not any(a.lemma_.lower() in cues.speech_verbs for a in governor.ancestors):
        return True   # "the union had opened the talks demanding 60 percent": what it did then
    if precision in ("month", "year") and _past_perfect(verb) \
            and not any(a.lemma_.lower() in cues.speech_verbs for a in verb.ancestors):
        return True   # "had refused to discuss the duty during the first round earlier this month": then, not now
    if date is not None and basis not in ("published", "none", "lead", "title"):
        if article.published is None:
            return False
        return period_end(date, precision) < article.published - dt.timedelta(days=BACKGROUND_DAYS)
    if not _past_perfect(verb):
        return False
    return not any(a.lemma_.lower() in cues.speech_verbs for a in verb.ancestors)


def _described_before(verb: Token, basis: str, cues: Cues) -> bool:
    """ "the guesthouse where the delegations had been meeting": a relative clause in the past perfect with no date
    of its own describes from before (not "the undersecretary, who had been chairing the talks since they opened":
    who she still is)."""
    return verb.dep_ == "relcl" and _past_perfect(verb) and basis not in ("text", "sentence") \
        and not any(c.lower_ in ("who", "whom") for c in verb.children) and not _within_speech(verb, cues)


def _within_speech(verb: Token, cues: Cues) -> bool:
    """Whether `verb` is part of what a speech verb above it reports ("said the army had withdrawn"), not of the
    description of its speaker ("Algerian officials, who lent the guesthouse where the delegations had been
    meeting, said ...")."""
    below = verb
    for above in verb.ancestors:
        if above.lemma_.lower() in cues.speech_verbs and below.dep_ not in ("nsubj", "nsubjpass"):
            return True
        below = above
    return False


def _history_beside(verb: Token, basis: str, cues: Cues) -> bool:
    """Acts told beside history: "had at first offered four before agreeing in September to add one" (a gerund
    of time on a past-perfect act), "to respect the treaty our presidents signed" (a deal's relative clause with
    no date of its own: the deal it names, made before)."""
    if verb.dep_ == "relcl" and verb.lemma_.lower() in _SEALING and verb.head.lemma_.lower() in DEAL_NOUNS \
            and verb.tag_ == "VBD" and basis not in ("text", "sentence"):
        return True
    if verb.dep_ == "relcl" and verb.lemma_.lower() in _CONVENING and verb.tag_ == "VBD" \
            and verb.head.pos_ in ("PROPN", "NOUN") and basis not in ("text", "sentence") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _TALKS_HELD and any(d.lower_ == "the" for d in c.children)
                for c in verb.children):
        return True   # "the Christian Association, which convened the talks, said ...": who it is, not news
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ not in ("before", "after", "while"):
        return False
    told = verb.head.head
    while told.dep_ == "xcomp" and told.head.i != told.i:
        told = told.head   # ("had offered to free four before agreeing ...": the offer)
    return _past_perfect(told) and not any(a.lemma_.lower() in cues.speech_verbs for a in told.ancestors)


# Verbs of convening or chairing talks, and the talks: "X, which convened the talks" says what X is.
_CONVENING = frozenset({"convene", "host", "broker", "mediate", "chair", "organise", "organize", "call", "sponsor",
                        "facilitate"})
_TALKS_HELD = frozenset({"talk", "talks", "dialogue", "negotiation", "negotiations", "meeting", "process"})


# Verbs of making a deal: a relative clause of one on the deal it describes tells whose deal it is, not news.
_SEALING = frozenset({"sign", "conclude", "seal", "ink", "reach", "strike", "negotiate", "broker", "agree"})


def _past_perfect(verb: Token) -> bool:
    """Whether `verb` is in the past perfect ("had opened", "had been ordered", "had been meeting")."""
    # ("had walked out", tagged as a simple past)
    had = any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.children)
    return had and (verb.tag_ in ("VBN", "VBD") or verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ == "been" for c in verb.children))   # ("had been meeting")


_LONG_UNITS = frozenset({"week", "month", "year"})


def _weeks_before(verb: Token) -> bool:
    """Whether `verb` heads a clause of time set weeks or more before its governing act: "two weeks after
    the army withdrew", "months after the deal was signed" ("a day after" and "hours after" are news)."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head   # "two months after Dhaka cut short the round and put the process on hold": both acts
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ == "npadvmod" and child.lemma_.lower() in _LONG_UNITS | {"day"}:
            if child.lemma_.lower() in _LONG_UNITS:
                return True
            number = next((c for c in child.children if c.dep_ == "nummod"), None)
            if number is not None and number.like_num:
                try:
                    return float(number.text) >= 7
                except ValueError:
                    return number.lower_ in ("seven", "eight", "nine", "ten", "eleven", "twelve", "several")
    return False


def period_end(date: str, precision: str | None) -> dt.date:
    """The last day of the period a date of `precision` ("day", "month", "year") stands for."""
    day = dt.date.fromisoformat(date)
    if precision == "year":
        return dt.date(day.year, 12, 31)
    if precision == "month":
        following = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return day


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
    turns = transcript_turns(doc.text)
    for sent_index, sent in enumerate(doc.sents, start=sentence_offset):
        sent_ents = []
        while k < len(ents) and ents[k].start < sent.end:
            if ents[k].start >= sent.start:
                sent_ents.append(ents[k])
            k += 1
        resolver.sent_ents[sent.start] = sent_ents
        resolver.observe_sentence(sent)
        if turns and any(start <= sent.start_char < end for start, end in turns):
            continue   # a question or an answer of an interview transcript: talk, not news narration
        clauses = analyzer.clauses(sent)
        if not clauses:
            continue
        if attributor is None:
            attributor = Attributor(cues, resolver, doc)
        attachments = Attachments(sent, sent_ents, cues)
        for clause in clauses:
            yield CodedClause(clause, sent, sent_index, article, resources, resolver, attributor, attachments,
                              char_offset)


# A paragraph that opens with a speaker's label: "((Reporter))", "((Jane Doe))", "Q:", "A:", "Question:",
# "Answer:", "Interviewer:".
_TURN = re.compile(r"\(\([^()\n]{1,40}\)\)|(?:Q|A|Question|Answer|Interviewer)\s*:", re.IGNORECASE)
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


def transcript_turns(text: str) -> list[tuple[int, int]]:
    """The character ranges of the paragraphs of an interview transcript (questions and answers, each opening
    with its speaker's label). Their sentences are talk in an interview, not what the article reports: the
    coder skips them and codes the article's own narration (the introduction, the report around it)."""
    turns = []
    start = 0
    for m in [*_PARAGRAPH.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        if _TURN.match(text, start):
            turns.append((start, end))
        start = m.end() if m is not None else end
    return turns


def standalone(clause: Clause, doc: Doc, article: Article, resources: Resources, sent: Span,
               sent_index: int) -> CodedClause:
    """A `CodedClause` for a clause built outside `coded_clauses` (given-dyad fallback)."""
    resolver = MentionResolver(resources.kb, resources.cues, doc, article.published)
    ents = [e for e in doc.ents if sent.start <= e.start < sent.end]
    resolver.sent_ents[sent.start] = ents
    return CodedClause(clause, sent, sent_index, article, resources, resolver,
                       Attributor(resources.cues, resolver, doc), Attachments(sent, ents, resources.cues), 0)


def _evidence(text: str, trig: TextSpan, source: ActorMention, target: ActorMention | None, sent: Span,
              offset: int) -> TextSpan:
    """The text from the first to the last of trigger, source and target, those inside the sentence."""
    ends = [trig] + [m for m in (source, target) if m is not None and _inside(m, sent, offset)]
    start = min(m.start for m in ends)
    end = max(m.end for m in ends)
    return TextSpan(text[start:end], start, end)


def _object_span(token: Token, relative: Token | None = None) -> Span:
    """The whole phrase of what is demanded or offered, clauses included ("aid run only by UN agencies"),
    without its coordinated siblings, attribution ("according to ...") or dates ("on Wednesday"), nor
    the relative clause (`relative`) that reported the act ("..., which Addis Ababa rejected")."""
    doc = token.doc
    start, end = token.i, token.i
    stack = [token]
    while stack:
        t = stack.pop()
        for child in t.children:
            if relative is not None and child.i == relative.i or child.dep_ == "relcl" and (
                    doc[child.left_edge.i - 1].text == ","):
                continue   # "a new proposal, which the government turned down": another act
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


def _inside(mention: ActorMention, sent: Span, offset: int) -> bool:
    return sent.start_char + offset <= mention.start < sent.end_char + offset


def _shift(m: ActorMention, offset: int) -> ActorMention:
    if not offset:
        return m
    return ActorMention(m.text, m.start + offset, m.end + offset, m.code, m.name, m.country, m.sector)
