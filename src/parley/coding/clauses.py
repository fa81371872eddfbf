"""Clauses: each predicate of a parsed sentence, coded, with its arguments.

A predicate is a verb, an adjective that evaluates ("is concerned over"), or an event noun such as
"talks", "ceasefire", "attack", "sanctions". For each, `ClauseAnalyzer` runs the three steps of coding:

1. argument extraction (`syntax.Arguments`): subjects, objects, complements, negation, modality;
2. coding policy (`policy.CodingPolicy`): the lexicon pattern and code, control verbs ("refused to
   meet" -> reject a meeting), demands in reported speech, and the rewrites negation and modality imply;
3. target finding (`targets.TargetFinder`): which arguments the coded act is done to.

The result is a `Clause`: still spaCy tokens; `to_events` resolves its actors and turns it into records.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from parley import nouns
from parley.actors.countries import seat_of
from parley.coding.cues import Cues
from parley.coding.policy import CodingPolicy
from parley.coding.syntax import (
    APPOINTING_VERBS,
    DEAL_NOUNS,
    MEETING_NOUNS,
    OBJECT_CONTROL,
    OBJECT_PREPS,
    ROUND_NOUNS,
    TALK_HALTING_PARTICLES,
    TALK_HALTING_VERBS,
    TALK_RESUMING_VERBS,
    Arguments,
    TokenTest,
    bare_conjunct,
    begins_talks,
    governor_modality,
    held_on,
    interrogative,
    loose_particle,
    negated_by_governor,
    not_yet,
    past,
    present_tense,
    relative_antecedent,
    resumes_talks,
    speech_head,
    talks_named_by_pronoun,
    with_conjuncts,
)
from parley.coding.targets import TargetFinder
from parley.lexicon import ControlRule, Lexicon, PatternMatch

# An event noun inside the name of an organisation, a building, a law or a work ("the National
# Conference of ...", "the Paris Agreement") names it, and is no event of its own.
_NAME_TYPES = frozenset({"ORG", "FAC", "LAW", "WORK_OF_ART", "PRODUCT"})


@dataclass
class Clause:
    """One coded predicate with its arguments, still as tokens."""

    trigger: Token
    head: Token                      # the matrix token of a control chain; else the trigger
    anchor: Token                    # the verb whose clause gives date, place and attribution
    code: str
    rule: str
    sources: list[Token]
    targets: list[Token]
    negated: bool = False
    modality: str | None = None
    reciprocal: bool = False
    object_token: Token | None = None   # what is demanded, offered, rejected ... when not an actor
    extra_tokens: list[Token] = field(default_factory=list)
    source_class: str | None = None     # the class of actor the source must be (the pattern's `args`)
    carrier: Clause | None = None       # the demand, offer ... whose content this is; the act a condition is of
    part: int = 0                       # the item of a listed object ("demanded A, B and C": 0, 1, 2)


@dataclass
class _Frame:
    """A predicate on its way to a clause: what coding found so far."""

    trigger: Token
    head: Token
    match: PatternMatch
    sources: list[Token]
    objs: list[Token]
    negated: bool
    modality: str | None
    rule: str | None = None
    addressees: list[Token] | None = None
    predicate_obj: Token | None = None
    content: Token | None = None   # a complement that is no event of its own: what is offered or demanded



# The prepositions that put talks under a sponsor: "under the auspices of", "through the good offices of".
_SPONSORING_PREPS = frozenset({"under", "through", "via"})


class ClauseAnalyzer:
    """Finds and codes the predicates of sentences.

    Args:
        lexicon: patterns and control rules.
        cues: the word lists.
        is_actor_like, is_country, names_actor: what actor resolution says of a token (see `Arguments`).
    """

    def __init__(self, lexicon: Lexicon, cues: Cues, is_actor_like: TokenTest, is_country: TokenTest,
                 names_actor: TokenTest | None = None) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.args = Arguments(cues, is_actor_like, is_country, names_actor)
        self.policy = CodingPolicy(lexicon, cues, self.args)
        self.targets = TargetFinder(self.args, cues, self.policy.codes)

    # ------------------------------------------------------------------ sentence
    def clauses(self, sent: Span) -> list[Clause]:
        """Every coded predicate in `sent`, verbs first, then event nouns not already used; none in a
        question, which reports no act ("Did the army shell the town?")."""
        if interrogative(sent):
            return []
        out: list[Clause] = []
        used: set[int] = set()
        for token in sent:
            if token.i in used:
                continue
            if token.lemma_ == "be" and token.dep_ in ("ccomp", "parataxis"):
                out.extend(self._blame(token))
            if token.pos_ == "VERB":
                out.extend(self._verb(token, used))
            elif token.pos_ == "ADJ" and token.dep_ == "acomp":
                out.extend(self._adjective(token, used))
        for token in sent:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in used and token.dep_ not in ("compound", "amod") \
                    and token.ent_type_ not in _NAME_TYPES and self.lexicon.is_trigger(token.lemma_.lower(), "NOUN"):
                clause = self._noun(token)
                if clause is not None:
                    used.add(token.i)
                    out.append(clause)
        out.extend(self._talks_begun(sent, {c.trigger.i for c in out}))
        mediating = self._as_mediator(sent, used | {c.trigger.i for c in out}) + self._brokered_talks(sent)
        if mediating:
            go_betweens = {t.i for clause in mediating for t in clause.sources}
            for clause in out:   # the talks are between the others, not with the go-between
                kept = [t for t in clause.targets if t.i not in go_betweens]
                if len(kept) < len(clause.targets):
                    clause.targets = kept
                    clause.reciprocal = clause.reciprocal or not kept
        out.extend(mediating)
        return _linked(out + self._listed_items(out))

    def _listed_items(self, clauses: list[Clause]) -> list[Clause]:
        """ "demanded a referendum, the release of 300 members and the withdrawal of troops": a demand, an
        offer or a refusal of each further item of a listed object that no clause of its own holds (each item
        is an issue of its own to the negotiation tracker)."""
        held = {c.object_token.i for c in clauses if c.object_token is not None}
        out = []
        for clause in clauses:
            obj = _package_with(clause.trigger) or clause.object_token
            if obj is None or clause.part or not clause.code.startswith(("03", "10", "12")):
                continue
            items = [t for t in _list_items(obj) or _colon_list(obj) if t.pos_ == "NOUN" and t.i not in held
                     and not self.args.is_actor_like(t)]
            for n, item in enumerate(items, start=1):
                held.add(item.i)
                out.append(replace(clause, object_token=item, part=n, targets=list(clause.targets),
                                   sources=list(clause.sources)))
        return out

    def _serving_as_mediator(self, noun: Token, verb: Token, used: set[int]) -> list[Clause]:
        """ "the Red Cross is taking part as a neutral intermediary", "Kuwait will serve as mediator": the
        verb's subject mediates (not its object: "named her as facilitator" is the appointing's)."""
        if verb.lemma_.lower() in _APPOINTING or verb.i in used \
                or any(c.dep_ == "dobj" and self.args.is_actor_like(c) for c in verb.children):
            return []
        sources = [t for t in self.args.subjects(verb) if self.args.is_actor_like(t)]
        if not sources:
            return []
        return [Clause(trigger=noun, head=noun, anchor=verb, code="045", rule="consult.serving_as_mediator",
                       sources=sources, targets=[], negated=self.args.negated(verb),
                       modality=self.args.modality(verb))]

    def _as_mediator(self, sent: Span, used: set[int]) -> list[Clause]:
        """ "opened talks on Monday, with Malaysia as facilitator", "with Qatar as mediator", "under the
        auspices of IGAD", "under the good offices of an envoy", "through the mediation of Norway": the one named
        mediates between the doers of
        the verb the phrase hangs on."""
        found = []
        for noun in sent:
            if noun.i in used or noun.dep_ != "pobj":
                continue
            if (noun.lower_ in ("auspices", "aegis", "mediation", "facilitation") or noun.lower_ == "offices" and any(
                    c.lower_ == "good" for c in noun.children)) and noun.head.lower_ in _SPONSORING_PREPS:
                sponsor = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                for p in c.children if p.dep_ == "pobj"), None) \
                    or next((c for c in noun.children if c.dep_ == "poss"), None)   # "under Norway's facilitation"
                rule = "consult.under_auspices"
            elif noun.lemma_.lower() in _MEDIATOR_NOUNS and noun.head.lower_ == "as":
                sponsor = noun.head.head
                if not (sponsor.dep_ == "pobj" and sponsor.head.lower_ == "with"):
                    # "opened talks, with Malaysia as facilitator": "as" hung on the verb or the talks
                    verb = sponsor
                    sponsor = next((p for c in sponsor.children if c.dep_ == "prep" and c.lower_ == "with"
                                    and c.i < noun.i for p in c.children if p.dep_ == "pobj"), None)
                    if sponsor is None and verb.pos_ in ("VERB", "AUX"):
                        found.extend(self._serving_as_mediator(noun, verb, used))
                        continue
                rule = "consult.with_as_mediator"
            elif noun.head.lower_ in ("through", "via") and _carries_talks(noun.head.head) \
                    and noun.ent_type_ not in ("GPE", "LOC", "FAC") and self.args.is_actor_like(noun):
                # "began indirect negotiations through the bishop of Esmeraldas": the one the talks pass through
                sponsor, rule = noun, "consult.talks_through"
            else:
                continue
            if sponsor is None or sponsor.dep_ not in ("pobj", "poss") or not self.args.is_actor_like(sponsor):
                continue
            verb = sponsor.head.head
            for _ in range(4):   # "held talks in Cairo with Egypt as mediator": up to the verb
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            if rule == "consult.under_auspices" and not (verb.lemma_.lower() in _UNDER_AUSPICES or any(
                    t.lemma_.lower() in _TALK_NOUNS or _carries_talks(t) for t in sent)):
                continue   # "committed abuses while under the auspices of their governments": no talks sponsored
            parties = [t for t in self.args.subjects(verb) if t.i != sponsor.i]
            found.append(Clause(trigger=noun, head=noun, anchor=verb, code="045", rule=rule,
                                sources=with_conjuncts(sponsor), targets=parties, negated=self.args.negated(verb),
                                modality=self.args.modality(verb)))
        return found

    def _brokered_talks(self, sent: Span) -> list[Clause]:
        """ "SADC-brokered boundary talks", "Qatar-mediated talks": the one named before the participle
        mediates the talks (it is not one of their sides)."""
        found = []
        for participle in sent:
            sponsor = _sponsor_of(participle)
            if sponsor is None or not self.args.is_actor_like(sponsor):
                continue
            found.append(Clause(trigger=participle, head=participle, anchor=participle.head, code="045",
                                rule="consult.brokered_talks", sources=[sponsor], targets=[], negated=False,
                                modality=None))
        return found

    # ------------------------------------------------------------------ verbs
    def _verb(self, verb: Token, used: set[int]) -> list[Clause]:
        if self._shared_opinion(verb) or self.args.reports_no_act(verb) or self.args.claims(verb) \
                or self.args.asks_a_question(verb):
            return []
        if _condition(verb):
            # "will sign only if the army withdraws": the withdrawal is coded as the condition it is
            clauses = self._verb_clauses(verb, used)
            for clause in clauses:
                clause.modality = "conditional"
            return clauses
        if self.args.conditional(verb):
            return []
        return self._verb_clauses(verb, used)

    def _verb_clauses(self, verb: Token, used: set[int]) -> list[Clause]:
        lemma = verb.lemma_.lower()
        cues = self.cues
        loose = loose_particle(verb)
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), loose.lower_ if loose else None)
        comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if comp is None and particle is not None and self.lexicon.control(lemma, particle) is not None:
            # "ruled out withdrawing its police", with the gerund parsed as a clause of its own
            comp = next((c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i <= verb.i + 2
                         and not any(g.dep_ in ("mark", "nsubj", "nsubjpass") for g in c.children)), None)
        control, addressee = self._control_rule(verb, comp, particle)
        objs = self.args.objects(verb)
        if control is not None and comp is not None:
            return self._control(verb, comp, control, used, addressee=addressee)
        if comp is None and lemma in cues.clausal_control_verbs:
            clausal = self._clausal_control(verb, particle)
            if clausal is not None:
                return self._control(verb, clausal[0], clausal[1], used, clausal=True)
        if comp is not None and lemma in cues.hedge_raising and any(c.dep_ == "nsubjpass" for c in verb.children):
            return []   # "is said to have", "are believed to": a hedge on the complement, not an event
        if comp is not None and (lemma in cues.aspect_verbs or lemma in cues.intent_verbs
                                 or lemma in cues.negating_verbs) and not objs:
            if lemma in cues.aspect_verbs or lemma in cues.negating_verbs \
                    or self.policy.match(comp, self.args.objects(comp))[0] is not None:
                return []   # the complement is coded on its own, with the subject passed down
            # "suggested placing the strip under joint administration": the complement is no event of its
            # own, so a verb of proposing is, with the complement as what it proposes
            return [replace(c, object_token=c.object_token or comp) for c in self._verb_with(verb, objs, used)
                    if c.code.startswith("03")]
        if lemma in _GOING_FREE and any(c.dep_ in ("acomp", "advmod", "oprd") and c.lower_ == "free"
                                        for c in verb.children):
            return self._walked_free(verb)
        things = [o for o in objs if not self.args.is_actor_like(o)]
        if len(things) > 1 and len(things) == len(objs):
            # "wants guarantees, the release of prisoners and aid": one demand per thing demanded.
            shared: list[Token] = []
            for thing in things:
                shared = shared or self.args.prep_targets(thing, frozenset({"from", "of", "to", "on", "with"}))
            return [c for thing in things for c in self._verb_with(verb, [thing], used, shared)]
        clauses = self._verb_with(verb, objs, used)
        if comp is not None and not things and self.policy.match(comp, self.args.objects(comp))[0] is None:
            # "suggested placing the islands under joint management": what is proposed is the complement
            clauses = [replace(c, object_token=c.object_token or comp) if c.code.startswith("03") else c
                       for c in clauses]
        return clauses

    def _walked_free(self, verb: Token) -> list[Clause]:
        """ "Seven of the road workers held by the militia walked free on Sunday": the holder released them
        (no event when the text names no holder)."""
        captives = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if captives is None:
            return []
        holder = self.args.holder_of(captives)
        if not holder:
            return []
        match = self.policy.construction("walked_free")
        return self._finish(_Frame(verb, verb, match, holder, [captives], self.args.negated(verb),
                                   self.args.modality(verb)), verb)

    def _shared_opinion(self, verb: Token) -> bool:
        """ "The two doctors agreed that the vaccine works": an opinion about something that is no actor,
        not an agreement between parties ("agreed that their envoys would meet" stays one)."""
        if verb.lemma_.lower() not in self.cues.opinion_verbs:
            return False
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        if clause is None or any(c.dep_ in ("xcomp", "prep", "dobj") for c in verb.children):
            return False
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        return subj is None or not self.args.names_party(subj)

    def _control_rule(self, verb: Token, comp: Token | None,
                      particle: str | None) -> tuple[ControlRule | None, Token | None]:
        """The control rule of a verb with an infinitive complement, and the addressee of a prepositional
        one ("called on the army to withdraw", "appealed to the rebels to ...")."""
        if comp is None:
            return None, None
        lemma = verb.lemma_.lower()
        if particle is None and not any(c.dep_ == "dobj" for c in verb.children):
            for child in verb.children:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None) if child.dep_ == "prep" else None
                rule = self.lexicon.control(lemma, child.lower_) if pobj is not None else None
                if rule is not None:
                    return rule, pobj
        return self.lexicon.control(lemma, particle), None

    def _clausal_control(self, verb: Token, particle: str | None) -> tuple[Token, ControlRule] | None:
        """ "warned that the union would halt the port", "demanded that the army withdraw"."""
        ccomp = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                      and c.lemma_.lower() not in self.cues.speech_verbs), None)
        if ccomp is None:
            return None
        control = self.lexicon.control(verb.lemma_.lower(), particle)
        if control is None:
            return None
        if control.modality in ("demand", "appeal") and verb.lemma_.lower() in self.cues.speech_verbs \
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in ccomp.children):
            return None   # "maintains it is obeying the court order": an assertion, not a demand
        return ccomp, control

    def _verb_with(self, verb: Token, objs: list[Token], used: set[int],
                   addressees: list[Token] | None = None) -> list[Clause]:
        policy = self.policy
        match, decided_by = policy.match(verb, objs)
        if match is not None and policy.codes.is_a(match.code, "threats") \
                and (decided_by is not None and _hazard_named(decided_by) or _warns_of_hazard(verb)):
            return []   # "issued a flood warning", "lifted its storm warnings", "warned colleagues about the virus"
        if match is None:
            if self.args.deontic_speaker(verb, any_subject=True) is None:
                return []
            # "X said the government must ensure security": a demand even when the act is not in the lexicon
            match = replace(policy.construction("deontic_demand", "demand"), source_class=policy.codes.deontic_source)
        code = match.code
        # A speech verb that introduces reported content is only an event when it is more than "said".
        if code == policy.codes.code("statement") and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
            return []
        # Light verb + event noun ("held talks", "launched an attack"): the noun carries the event
        # unless the verb's own pattern needed that object.
        alone = policy.match_alone(verb) if decided_by is not None else None
        if decided_by is not None and verb.lemma_.lower() in self.cues.light_verbs and decided_by.pos_ == "NOUN" \
                and self.lexicon.is_trigger(decided_by.lemma_.lower(), "NOUN") \
                and alone is not None and alone.pattern_id == match.pattern_id \
                and self.lexicon.match(self.args.noun_features(decided_by)) is not None:
            return []   # (not "agreed an exchange": the noun alone codes nothing here, the verb does)
        deontic = self.args.deontic_speaker(verb)
        if deontic is not None and policy.demand is not None:
            # "the minister said the rebels must disarm": the minister demands it of the rebels.
            speaker, addressees = deontic
            demanded = policy.demand.apply(code) or code
            rule = f"deontic+{match.pattern_id}"
            demand = PatternMatch(code=demanded, pattern_id=rule, target="obj", reciprocal=False,
                                  source_class=policy.codes.deontic_source)
            carriers = self._finish(_Frame(verb, verb, demand, speaker, addressees, False, None, rule=rule), verb)
            if carriers and not self.args.negated(verb):
                carriers += self._content(verb, verb, match, addressees, objs, "demanded", carriers[0])
            return carriers
        if policy.purpose_adds_nothing(verb, code):
            return []   # "will meet in Oslo to discuss the reply": the purpose adds no event of its own
        if policy.codes.is_a(code, "alignments") and present_tense(verb) \
                and any(c.dep_ == "auxpass" for c in verb.children) \
                and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children) \
                and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
            return []   # "the rebels are backed by Iran", "who is supported by Beijing": a standing alignment (not
            # "a deal has been reached", an act)
        sources = self.args.subjects(verb) or self.targets.implied_state(verb, code) \
            or (_deal_sides(verb) or self._announcing_side(verb) or _deal_itself(verb) if code == _SIGN_AGREEMENT
                else [])
        if not sources:
            return []
        if self._words_between_people(verb, code, sources, objs):
            match = policy.construction("verbal_attack", f"verbal+{match.pattern_id}")
        elif code == "040" and verb.lemma_.lower() == "convene" and (
                all(_go_between_noun(t) for t in sources)
                or verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)):
            # ("The talks, convened jointly by Saudi Arabia and the United States": the conveners, not two sides)
            # "talks convened by the ministry's chief conciliation officer": a go-between convenes others' talks
            match = PatternMatch(code="045", pattern_id=f"convened_by_go_between+{match.pattern_id}",
                                 target="prep:between", reciprocal=False, source_class=match.source_class)
        negated = self.args.negated(verb) or negated_by_governor(verb, self.cues) or \
            (decided_by is not None and any(c.lower_ == "no" for c in decided_by.children))
        modality = self.args.modality(verb) or governor_modality(verb, self.cues)
        if negated and code == policy.codes.code("statement") and not_yet(verb):
            return []   # "has not commented", "has yet to comment": no act ("declined to comment" is one)
        predicate_obj = None
        if decided_by is not None and (alone is None or alone.pattern_id != match.pattern_id):
            used.add(decided_by.i)   # "held talks": the noun is part of this event, not one of its own
            predicate_obj = decided_by   # "expressed concern over X": the object is part of the predicate
        return self._finish(_Frame(verb, verb, match, sources, objs, negated, modality, addressees=addressees,
                                   predicate_obj=predicate_obj), verb)

    def _announcing_side(self, verb: Token) -> list[Token]:
        """ '"A deal has been struck with the ministry," the union said': a deal told in the passive without an
        agent, with one side named by "with", inside the other side's own statement, is the speaker's."""
        if not any(c.dep_ == "nsubjpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
            return []
        deal = next(c for c in verb.children if c.dep_ == "nsubjpass")
        if not any(c.dep_ == "prep" and c.lower_ == "with" for host in (verb, deal) for c in host.children):
            return []
        speech = speech_head(verb, self.cues)
        if speech is None:
            return []
        speakers = self.args.subjects(speech)
        return speakers if speakers and all(self.args.is_actor_like(t) for t in speakers) else []

    def _finish(self, frame: _Frame, anchor: Token) -> list[Clause]:
        """Targets, code rewrites and the clause itself."""
        policy, trigger, head = self.policy, frame.trigger, frame.head
        code = frame.match.code
        object_token = frame.content or next((o for o in frame.objs if not self.args.is_actor_like(o)), None)
        if object_token is not None and (object_token.tag_ in ("WDT", "WP") or object_token.left_edge.tag_ in (
                "WDT", "WP")):
            # "a withdrawal, which Addis Ababa rejected", "the landing ban, which Suva had asked it to lift", "a
            # truce, which the army wanted to reject": what the relative pronoun stands for, not the pronoun
            start = object_token.head if object_token.tag_ in ("WDT", "WP") else trigger
            relative = next((a for a in (start, *list(start.ancestors)[:2]) if a.dep_ == "relcl"), None)
            if relative is not None and relative.head.pos_ in ("NOUN", "PROPN"):
                object_token = relative.head
                if object_token.dep_ == "pobj" and object_token.head.dep_ == "prep" \
                        and object_token.head.head.pos_ == "NOUN":
                    object_token = object_token.head.head   # "a withdrawal from Badme, which ...": the withdrawal
        if object_token is None and trigger.pos_ == "VERB":
            if code.startswith("03") or code == "057":
                object_token = self._prep_content(trigger, ("on", "to", "over", "upon"))
            elif code.startswith(("02", "10")):
                # "called for the release of 900 members", "insists on a permanent ceasefire"
                object_token = self._prep_content(trigger, ("for", "on", "upon"))
        targets, reciprocal = self.targets.targets(trigger, head, frame.match, code, frame.sources, frame.objs,
                                                   frame.addressees, frame.predicate_obj)
        rule = frame.rule or frame.match.pattern_id
        if policy.peacekeeping(code, trigger, frame.sources):
            code, rule = policy.codes.code("peacekeeping"), f"peacekeeping+{rule}"
        code, negated, note = policy.adjust(code, frame.negated, frame.modality, past(head), not_yet(head))
        if note:
            rule = f"{note}+{rule}"
        targets, reciprocal, rule = self.targets.settle(trigger, head, code, frame.match, frame.sources, frame.objs,
                                                        targets, reciprocal, rule)
        targets = [t for t in targets if _sponsor_of(t.head) is not t]   # "church-brokered talks": no side
        return [Clause(trigger=trigger, head=head, anchor=anchor, code=code, rule=rule, sources=frame.sources,
                       targets=targets, negated=negated, modality=frame.modality, reciprocal=reciprocal,
                       object_token=object_token, source_class=frame.match.source_class)]

    def _demanded_clause(self, verb: Token, comp: Token, control: ControlRule) -> list[Clause]:
        """ "insisted that Hanoi accept the 2003 line as the boundary": a demand of the clause's subject whose
        content, no event of its own, is the clause."""
        if control.modality != "demand":
            return []
        subject = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # a subjunctive ("that Hanoi accept", which the tagger may read as a plural present) or "should" asks
        # for something; "insisted that Uganda was to blame" asserts
        subjunctive = comp.tag_ == "VB" or comp.tag_ == "VBP" and subject is not None and subject.tag_ in ("NN", "NNP")
        if not subjunctive and not any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in comp.children):
            return []
        sources = self.args.subjects(verb)
        if not sources or subject is None or not self.args.is_actor_like(subject):
            return []
        demand = self.policy.construction("deontic_demand", f"{control.id}+clause")
        return self._finish(_Frame(verb, verb, demand, sources, [subject], self.args.negated(verb),
                                   self.args.modality(verb), content=comp), verb)

    def _prep_content(self, verb: Token, preps: tuple[str, ...]) -> Token | None:
        """What an agreement, a promise or an appeal is about when a preposition names it: "agreed on Friday on
        an interim tariff", "agreed to a seven-day pause", "pressed for a 10 percent rise" (not the day, not a
        party)."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME") and pobj.pos_ in ("NOUN", "PROPN") \
                        and not self.args.is_actor_like(pobj) and not _for_ones_part(pobj):
                    return pobj
        return None

    # ------------------------------------------------------------------ control
    def _control(self, verb: Token, comp: Token, control: ControlRule, used: set[int], *, clausal: bool = False,
                 addressee: Token | None = None) -> list[Clause]:
        """ "agreed to withdraw", "refused to meet", "urged X to talk", "threatened to strike".

        `addressee` is the object of a prepositional control verb ("called on the junta to ...").
        """
        used.add(comp.i)
        comp_objs = self.args.objects(comp)
        match, decided_by = self.policy.match(comp, comp_objs)
        further = self._coded_conjunct(comp, used) if match is None and not clausal and control.id in _CONTENT \
            else None
        if further is not None:
            # "pressed the delegations to stay calm and resume talks": what is asked is the coded conjunct
            return self._control(verb, further, control, used, addressee=addressee)
        own_match, own_objs = match, comp_objs
        verb_objs = [c for c in verb.children if c.dep_ == "dobj"] or ([addressee] if addressee is not None else [])
        ordered_outside = control.id == "control.order" and bool(verb_objs) and self._outside_party(verb_objs[0])
        if ordered_outside and match is not None and self.policy.codes.is_a(match.code, "demandable") \
                and self.policy.demand is not None:
            # "instructed the city council to rehire the teachers": a demand of the council, not its concession
            # ("told the magazine to close its offices" stays the coercion it is)
            control = self.policy.demand
        coded = self._control_code(verb, comp, control, match, decided_by, comp_objs, verb_objs, clausal)
        if coded is None:
            if match is not None:
                used.discard(comp.i)   # no combined event: the complement is coded on its own
                return []
            if clausal:
                return self._demanded_clause(verb, comp, control)
            # "proposed placing the strip under joint administration": the complement is no event of its
            # own; a verb of proposing codes it, with the complement as what it proposes ("wants to be
            # president" stays no event)
            return [replace(c, object_token=c.object_token or comp)
                    for c in self._verb_with(verb, self.args.objects(verb), used) if c.code.startswith("03")]
        code, match, decided_by, comp_objs = coded
        if decided_by is not None:
            used.add(decided_by.i)
        sources = self.args.subjects(verb)
        if not sources:
            return []
        negated = self.args.negated(verb) or negated_by_governor(verb, self.cues)
        modality = _control_modality(control, self.args.modality(verb))
        if clausal:
            objs, match = self._clausal_objects(comp, comp_objs, control, match)
        elif (verb.lemma_.lower() in OBJECT_CONTROL or addressee is not None) and verb_objs \
                and (control.id != "control.order" or ordered_outside):   # "ordered his troops to attack X": X
            objs = with_conjuncts(verb_objs[0])
            match = PatternMatch(code=match.code, pattern_id=match.pattern_id, target="obj", reciprocal=False)
        else:
            objs = comp_objs
            if not any(self.args.is_actor_like(o) for o in objs):
                # "agreed with Ghana to swap cocoa for fuel", "refused to hand the auditors any files"
                extra = self.args.prep_targets(verb, frozenset({"with", "to"})) or self.args.prep_targets(comp)
                if extra:
                    objs = extra + objs
        rule = control.id if match.pattern_id == control.id else f"{control.id}+{match.pattern_id}"
        trigger = verb if match.pattern_id == control.id else comp
        # A control verb ("appealed to help", "agreed to back") is an actor's act: the complement's
        # requirement on its own source does not apply.
        # "offered to let inspectors visit two sites": the complement, no event of its own, is what is offered
        offered = comp if own_match is None and comp.pos_ in ("VERB", "AUX") and comp.dep_ == "xcomp" else None
        carriers = self._finish(_Frame(trigger, verb, replace(match, code=code, source_class=None), sources, objs,
                                       negated, modality, rule=rule, content=offered), verb)
        content = _content_modality(control, verb)
        if content is None or negated or not carriers:
            return carriers
        if clausal:
            subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            doers = with_conjuncts(subj) if subj is not None and self.args.is_actor_like(subj) else []
        elif (verb.lemma_.lower() in OBJECT_CONTROL or addressee is not None) and verb_objs:
            doers = with_conjuncts(verb_objs[0])
        else:
            doers = sources
        own = [] if own_match is None or own_match.code.startswith("01") else \
            self._content(comp, verb, own_match, doers, own_objs, content, carriers[0])
        return carriers + own + self._conjoined_content(comp, verb, doers, content, carriers[0], used)

    def _coded_conjunct(self, comp: Token, used: set[int]) -> Token | None:
        """The first verb conjoined to `comp`, with no subject of its own, that the lexicon codes; or the infinitive
        of purpose it serves ("urged both sides to use the truce to allow the Red Cross in": the letting in is
        asked)."""
        return next((c for c in comp.children if (bare_conjunct(c) or c.dep_ in ("xcomp", "advcl") and any(
            a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)) and c.i not in used
                     and self.policy.match(c, self.args.objects(c))[0] is not None), None)

    def _conjoined_content(self, comp: Token, verb: Token, doers: list[Token], modality: str, carrier: Clause,
                           used: set[int]) -> list[Clause]:
        """The further acts a control verb asks for, offers or refuses: "urged both sides to show restraint and
        return to dialogue" asks the return too (not a return that happened)."""
        found: list[Clause] = []
        for conj in comp.children:
            if not bare_conjunct(conj) or conj.i in used:
                continue
            objs = self.args.objects(conj)
            match, _ = self.policy.match(conj, objs)
            if match is None or match.code.startswith("01"):
                continue
            used.add(conj.i)
            found += self._content(conj, verb, match, doers, objs, modality, carrier)
        return found

    def _content(self, act: Token, anchor: Token, match: PatternMatch, doers: list[Token], objs: list[Token],
                 modality: str, carrier: Clause) -> list[Clause]:
        """What a demand, appeal, offer, threat or refusal is about, as an act of its own that is not a fact:
        "urged Russia to return the children" also gives Russia returning the children, `requested`."""
        if not doers or not any(self.args.is_actor_like(d) for d in doers):
            return []
        clauses = self._finish(_Frame(act, act, match, doers, objs, False, modality,
                                      rule=f"content+{match.pattern_id}"), anchor)
        for clause in clauses:
            clause.carrier = carrier
        return clauses

    def _control_code(self, verb: Token, comp: Token, control: ControlRule, match: PatternMatch | None,
                      decided_by: Token | None, comp_objs: list[Token], verb_objs: list[Token],
                      clausal: bool) -> tuple[str, PatternMatch, Token | None, list[Token]] | None:
        """The code of a control construction: the rule applied to the complement's code; without a coded
        complement, the matrix verb's own pattern or the commitment itself; None when there is no event."""
        if match is not None:
            code = control.apply(match.code)
            return (code, match, decided_by, comp_objs) if code is not None else None
        # "refused to comment" is no event; "refused" with a coded object of its own is.
        own, own_obj = self.policy.match(verb, self.args.objects(verb))
        default = control.apply("") if verb.lemma_.lower() in self.cues.commitment_verbs else None
        clausal_actor = clausal and any(
            c.dep_ in ("nsubj", "nsubjpass") and self.args.is_actor_like(c) for c in comp.children)
        if own is not None and (verb_objs or clausal_actor):
            return own.code, own, own_obj, comp_objs
        if default is not None:
            # "agreed to open a field hospital", "threatened to retaliate": the commitment itself;
            # "declined to answer letters from 12 senators": what the complement is about
            commitment = PatternMatch(code=default, pattern_id=control.id, target="obj", reciprocal=False)
            return default, commitment, decided_by, comp_objs or self.args.prep_targets(comp, things=True)
        return None

    def _clausal_objects(self, comp: Token, comp_objs: list[Token], control: ControlRule,
                         match: PatternMatch) -> tuple[list[Token], PatternMatch]:
        """Targets of a that-clause control verb: the complement's actor objects, else the clause's subject
        when it is the one asked ("demanded that the governor step down")."""
        comp_subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        objs = [o for o in comp_objs if self.args.is_actor_like(o)] or self.args.prep_targets(comp)
        for obj in comp_objs:
            objs = objs or self.args.prep_targets(obj)
        if comp_subj is not None and self.args.is_actor_like(comp_subj) and comp_subj.pos_ != "PRON" \
                and (not objs or match.target == "none" or control.modality in ("demand", "appeal")):
            # the one asked, whatever the complement's own target
            return with_conjuncts(comp_subj), PatternMatch(code=match.code, pattern_id=match.pattern_id,
                                                           target="obj", reciprocal=False)
        return objs or comp_objs, match

    def _outside_party(self, token: Token) -> bool:
        """A party of its own ("the city council", "the weekly magazine"), not the orderer's forces ("its
        troops", "the army", "police")."""
        if self.args.own_agent(token) or token.lemma_.lower() in self.cues.own_force_nouns:
            return False
        return token.pos_ in ("NOUN", "PROPN")

    # ------------------------------------------------------------------ blame
    def _blame(self, be: Token) -> list[Clause]:
        """ "Officials said the militia was responsible", "said the cartel was behind the attack": the
        speaker accuses the reported clause's subject."""
        speech = be.head
        if speech.lemma_.lower() not in self.cues.speech_verbs:
            return []
        blame = self.cues.blame_predicates
        predicate = next((c for c in be.children if (c.dep_ == "acomp" and c.lemma_.lower() in blame)
                          or (c.dep_ == "prep" and c.lower_ in blame and any(p.dep_ == "pobj" for p in c.children))),
                         None)
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        if predicate is None or subj is None or not self.args.is_actor_like(subj) or self.args.negated(be):
            return []
        speakers = self.args.subjects(speech)
        if not speakers or not any(self.args.is_actor_like(s) for s in speakers):
            return []
        return [Clause(trigger=predicate, head=be, anchor=speech, code=self.policy.codes.code("blame"),
                       rule="accuse.blame_predicate", sources=speakers, targets=with_conjuncts(subj),
                       modality=self.args.modality(be))]

    # ------------------------------------------------------------------ adjectives
    def _adjective(self, adj: Token, used: set[int]) -> list[Clause]:
        """ "is willing to withdraw" (control), "X is skeptical about Y", "said it was concerned over Y"."""
        comp = next((c for c in adj.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        control = self.lexicon.control(adj.lemma_.lower()) if comp is not None else None
        if comp is not None and control is not None:
            return self._control(adj, comp, control, used)
        if not self.lexicon.is_trigger(adj.lemma_.lower(), "ADJ"):
            return []
        match = self.lexicon.match(self.args.adjective_features(adj))
        if match is None:
            return []
        sources = self.args.subjects(adj)
        if not sources:
            return []
        head = adj.head
        args = self.args
        targets = args.prep_targets(adj) or args.prep_targets(adj, things=True) \
            or self.targets.clausal_target(adj, match.code)
        if not targets:
            comp = next((c for c in adj.children if c.dep_ == "ccomp"), None)
            subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None) if comp else None
            targets = [subj] if subj is not None else []
        return [Clause(trigger=adj, head=adj, anchor=head, code=match.code, rule=match.pattern_id,
                       sources=sources, targets=targets, negated=args.negated(head) or args.negated(adj),
                       modality=args.modality(head), source_class=match.source_class)]

    # ------------------------------------------------------------------ nouns
    def _talks_begun(self, sent: Span, triggers: set[int]) -> list[Clause]:
        """The openings and resumptions of talks told in relative clauses (see `_opened_in_relative`) that no
        clause of the sentence holds yet."""
        found = []
        for token in sent:
            if token.pos_ == "NOUN" and token.lemma_.lower() in _REJOINED:
                told = self._opened_in_relative(token)
                if told is not None and told.trigger.i not in triggers:
                    found.append(told)
            elif token.pos_ == "PRON" and token.head.i not in triggers and talks_named_by_pronoun(token) is not None:
                # "The talks had collapsed in August. They were restarted on Tuesday": "they" stands for the
                # talks, and so for their sides (`mention_strategies.talks_pronoun`)
                verb = token.head
                halted = not begins_talks(verb)
                found.append(Clause(trigger=verb, head=verb, anchor=verb, code=_HALT_TALKS if halted else "040",
                                    rule="halted.pronoun" if halted else "consult.talks_began.pronoun",
                                    sources=[token], targets=[], negated=self.args.negated(verb),
                                    modality=self.args.modality(verb), reciprocal=True))
        return found

    def _opened_in_relative(self, noun: Token) -> Clause | None:
        """ "The talks, which resumed in Muscat on Sunday, ended on Tuesday", "the consultations, which opened
        on Monday, were convened by ASEAN": talks that began or resumed, told in a relative clause beside what
        the sentence says of them; the talks stand for their sides."""
        for verb in noun.children:
            if verb.dep_ == "relcl" and verb.pos_ == "VERB" and begins_talks(verb) \
                    and _talks_subject(noun, verb) and noun.lemma_.lower() in _TALK_NOUNS:
                return Clause(trigger=verb, head=verb, anchor=verb, code="040", rule="consult.talks_began.relative",
                              sources=[noun], targets=[], negated=self.args.negated(verb),
                              modality=self.args.modality(verb), reciprocal=True)
            if verb.dep_ == "relcl" and verb.pos_ == "VERB" and verb.lemma_.lower() in _REJOINING \
                    and any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in verb.children):
                # "the talks, which Kyrgyz negotiators rejoined on Monday": the subject came back to them
                subjects = [t for t in self.args.subjects(verb) if self.args.is_actor_like(t)
                            or t.text.isupper() and len(t.text) > 1 and t.text.isalpha()]   # (an abbreviation)
                if subjects:
                    return Clause(trigger=verb, head=verb, anchor=verb, code="046", rule="consult.rejoined.relative",
                                  sources=subjects, targets=[], negated=self.args.negated(verb),
                                  modality=self.args.modality(verb), reciprocal=True)
        return None

    def _noun(self, noun: Token) -> Clause | None:
        match = self.lexicon.match(self.args.noun_features(noun))
        if match is None or self.policy.codes.is_a(match.code, "threats") and _hazard_named(noun):
            return None
        if _talks_left(noun) or _given_up(noun):
            # "walked out of its talks with the government": the walkout is the act, not a meeting; "the
            # abandonment of its demand": the demand is given up, not made
            return None
        sources, targets, reciprocal = self._noun_arguments(noun, match)
        anchor = noun
        governor, holder = _noun_governor(noun)
        if governor is not None and (governor.pos_ in ("VERB", "AUX") or _declared_over_clause(governor)):
            if self.args.reports_no_act(governor) or _a_body_acting(noun, governor):
                return None   # "the summits usually centre on trade", "analysts believe the talks failed"; "the
                # bishops' conference invited both sides": a body that acts, not a meeting
            anchor = governor
            if not sources and noun.dep_ in ("dobj", "attr") and (governor.lemma_.lower() in self.cues.light_verbs
                                                                   or governor.lemma_ == "be"):
                sources = self.args.subjects(governor)   # "held talks", "launched an attack": the doer of the verb
            if not targets and noun.dep_ == "dobj":
                targets = self.args.prep_targets(governor)
        if not sources and anchor is not noun and (_talks_halted(noun, anchor) or _talks_resumed(noun, anchor)
                                                    or _talks_began(noun, anchor) or holder is not None):
            # "the talks were suspended", "the Ethiopia-Eritrea talks broke down": the talks stand for their
            # sides, which the resolver finds (`mention_strategies.talks_sides`)
            sources, reciprocal = [noun], True
        if not sources:
            return None
        if match.target == "none":
            targets = []
        elif not targets:
            targets = self._noun_object_targets(noun)
        negated = self.args.negated(noun) or (anchor is not noun and (self.args.negated(anchor)
                                                                      or negated_by_governor(anchor, self.cues))
                                              and not _fulfilment_of(noun, anchor, match.code))
        modality = self.args.modality(anchor) if anchor is not noun else None
        code = match.code
        if anchor is not noun and self.policy.purpose_adds_nothing(anchor, code):
            return None   # "vetoed a bid to extend the mission"
        if anchor is not noun and anchor.lemma_.lower() in self.cues.intent_verbs:
            modality = "intent"
        code, negated, note = self.policy.adjust(code, negated, modality, past(anchor), not_yet(anchor))
        rule = match.pattern_id if not note else f"{note}+{match.pattern_id}"
        reciprocal = reciprocal or (not targets and match.reciprocal)
        if anchor is not noun and _talks_halted(noun, anchor):
            # "talks between X and Y broke down", "the negotiations collapsed": the talks ended, no meeting
            return Clause(trigger=anchor, head=anchor, anchor=anchor, code=_HALT_TALKS, rule=f"halted+{rule}",
                          sources=sources, targets=targets, negated=negated, modality=modality,
                          reciprocal=reciprocal, source_class=match.source_class)
        if anchor is not noun and _talks_subject(noun, anchor) and noun.lemma_.lower() in _TALK_NOUNS \
                and resumes_talks(anchor):
            # "talks between the government and the union resumed": the resuming is the act
            return Clause(trigger=anchor, head=anchor, anchor=anchor, code=code, rule=f"resumed+{rule}",
                          sources=sources, targets=targets, negated=negated, modality=modality,
                          reciprocal=reciprocal, source_class=match.source_class)
        return Clause(trigger=noun, head=noun, anchor=anchor, code=code, rule=rule,
                      sources=sources, targets=targets, negated=negated, modality=modality,
                      reciprocal=reciprocal, source_class=match.source_class,
                      object_token=holder or (_revised_to(noun) if code[:2] in ("03", "10") else None)
                      or (self._demanded_thing(noun) if code.startswith("10") else None))

    def _demanded_thing(self, noun: Token) -> Token | None:
        """What a demand noun asks for: "its demand for a full withdrawal", "the front's demands include a
        referendum ...", "their main demand is the release of ..."."""
        found = self._prep_content(noun, ("for",))
        if found is not None:
            return found
        if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in ("include", "be", "remain"):
            return next((c for c in noun.head.children if c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN"
                         and not self.args.is_actor_like(c)), None)
        return None

    def _noun_arguments(self, noun: Token, match: PatternMatch) -> tuple[list[Token], list[Token], bool]:
        """Sources and targets inside an event noun's own phrase: its possessor, "by", "between", the
        pattern's prepositions, a named "of" object, a national modifier ("Turkish strikes")."""
        sources: list[Token] = []
        targets: list[Token] = []
        reciprocal = False
        is_actor_like = self.args.is_actor_like
        patient_possessor = noun.lemma_.lower() in self.cues.patient_nouns and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        for child in noun.children:
            pobjs = [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else []
            low = child.lower_
            if child.dep_ == "poss" and is_actor_like(child) and patient_possessor:
                targets = [child]   # "the reporter's murder": the reporter was murdered
            elif child.dep_ == "poss" and is_actor_like(child):
                sources = [child]
            elif not pobjs:
                continue
            elif low == "between":
                group = with_conjuncts(pobjs[0])
                if len(group) > 1:
                    sources, reciprocal = group, True
            elif low == "by" and not sources and is_actor_like(pobjs[0]):
                sources = with_conjuncts(pobjs[0])
            elif low in self.cues.target_preps and not targets and is_actor_like(pobjs[0]):
                targets = with_conjuncts(pobjs[0])
            elif low == "of" and not targets and match.target != "none" and is_actor_like(pobjs[0]) \
                    and pobjs[0].ent_type_ in ("GPE", "ORG", "PERSON", "NORP"):
                targets = with_conjuncts(pobjs[0])
        if not sources:
            sources = next(([c] for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
                            and self._modifier_acts(c, match.code)), [])
        return sources, targets, reciprocal

    def _words_between_people(self, verb: Token, code: str, sources: list[Token], objs: list[Token]) -> bool:
        """ "the senator attacked her rival", "Lopez slammed Ortiz": force from one named person (or "he",
        "she") to another, with no weapon, injury or police in the sentence, is criticism."""
        if not code.startswith(("18", "19")) or not objs or verb.lemma_.lower() not in self.cues.verbal_attack_verbs:
            return False
        if any(c.dep_ == "prt" and f"{verb.lemma_.lower()} {c.lower_}" not in self.cues.verbal_attack_verbs
               for c in verb.children):
            return False
        if not all(_named_person(t) for t in sources + objs):
            return False
        return not any(t.lower_ in self.cues.weapon_words or t.lemma_.lower() in self.cues.weapon_words
                       for t in verb.sent)

    def _modifier_acts(self, modifier: Token, code: str) -> bool:
        """Whether a name before an event noun is who acts: a nationality or an organisation ("Turkish
        strikes", "a Hamas offer"), a country ("a US strike"), a seat of government in a non-violent act
        ("a Moscow proposal"); a town before an act of force or before talks is where it happened ("a Kabul
        bombing", "the Doha talks")."""
        if modifier.ent_type_ == "ORG" and modifier.head.lemma_.lower() in MEETING_NOUNS \
                and seat_of(modifier.text) is not None and modifier.i + 1 == modifier.head.i:
            return False   # "the Monrovia talks" with the town tagged as a body: where they are held
        if modifier.ent_type_ in ("NORP", "ORG"):
            return True
        if modifier.ent_type_ != "GPE":
            return False
        if self.args.is_country(modifier):
            return True
        if modifier.head.lemma_.lower() in MEETING_NOUNS:
            return False   # "the Amman talks", "the Geneva round": where they are held
        return self.args.names_actor(modifier) and not self.policy.codes.is_a(code, "fights")

    def _noun_object_targets(self, noun: Token) -> list[Token]:
        """ "criticism of the cabinet's handling", "a halt to trade with four neighbours", "its demand
        that the landlord lower rents": what an event noun with no actor target of its own is about."""
        targets = self.args.prep_targets(noun, OBJECT_PREPS | {"into"}, things=True)
        if targets and not self.args.is_actor_like(targets[0]):
            deeper = self.args.prep_targets(targets[0], frozenset({"with", "to", "against", "of"}))
            targets = deeper or targets
        if not targets and noun.dep_ == "dobj" and noun.lemma_.lower() in _MEDIATION_NOUNS:
            # "opened mediation on Tuesday between the mine's owner and the union": the sides on the verb's
            # "between"
            targets = [t for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "between" and c.i > noun.i
                       for o in c.children if o.dep_ == "pobj" for t in (o, *(x for x in o.conjuncts if x.i > o.i))
                       if self.args.is_actor_like(t)]
        if not targets:
            clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")),
                          None)
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
                if clause is not None else None
            if subj is not None and self.args.is_actor_like(subj):
                targets = [subj]
        return targets


_MEDIATION_NOUNS = frozenset({"mediation", "conciliation", "facilitation", "arbitration", "talks", "negotiations",
                              "dialogue"})


def _named_person(token: Token) -> bool:
    """A person by name ("Harris", "Maria Lopez") or by a personal pronoun."""
    return token.ent_type_ == "PERSON" or token.lower_ in ("he", "she", "him", "her")


# What the content of a control verb is, by its rule (and, for some rules, its verb): "urged X to",
# "offered to", "threatened to" ... A rule or verb not listed here gives no content event ("plans to
# visit" is coded as the intent it is; "began to shell" is the shelling).
_CONTENT = {"control.demand": "demanded", "control.appeal": "requested", "control.advocate": "requested",
            "control.threaten": "threatened", "control.refuse": "refused"}
_CONTENT_BY_VERB = {"offer": "offered", "volunteer": "offered", "propose": "proposed", "suggest": "proposed",
                    "promise": "promised", "pledge": "promised", "vow": "promised", "agree": "promised",
                    "commit": "promised", "undertake": "promised", "consent": "promised"}


# Verbs of coming back to talks that are their object ("the talks, which the rebels rejoined on Monday").
_REJOINING = frozenset({"rejoin", "resume", "reenter", "re-enter"})
# Verbs whose object, not subject, takes the role "as" names: "named her as facilitator", "accepted Norway as
# mediator".
_APPOINTING = APPOINTING_VERBS | {"accept", "propose", "see", "regard", "describe", "reject"}
# Nouns for a go-between: "with Norway as mediator".
_MEDIATOR_NOUNS = nouns.MEDIATOR_NOUNS
# Nouns of giving up what follows them ("the dropping of their call for relief").
_GIVING_UP = frozenset({"dropping", "abandonment", "withdrawal", "waiving", "waiver", "renunciation"})


def _deal_sides(verb: Token) -> list[Token]:
    """ "a deal between the government and the rebels was reached on Friday", "an accord struck between X and
    Y": the sides of a deal told in the passive without an agent, named by "between" on the verb or the deal."""
    deal = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if deal is not None and deal.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        deal = relative_antecedent(verb)   # "a deal between X and Y that was settled on Friday"
    if deal is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        deal = verb.head   # "an accord reached on Friday between X and Y"
    for host in (verb, deal):
        for child in host.children if host is not None else ():
            if child.dep_ == "prep" and child.lower_ == "between":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and len(sides := with_conjuncts(pobj)) > 1:
                    return sides
    return []


_GO_BETWEEN_HEADS = nouns.GO_BETWEEN_NOUNS


def _go_between_noun(token: Token) -> bool:
    """A go-between by the noun that names him: "a conciliator", "the UN envoy", "the chief conciliation officer"
    (also through the apposition a name carries: "Grace Kalua, the ministry's conciliator")."""
    nouns_ = [token, *(c for c in token.children if c.dep_ == "appos")]
    if token.dep_ == "appos":
        nouns_.append(token.head)
    return any(n.lemma_.lower() in _GO_BETWEEN_HEADS or n.lemma_.lower() == "officer" and any(
        c.lemma_.lower() in ("conciliation", "mediation", "liaison") for c in n.children) for n in nouns_)


def _deal_itself(verb: Token) -> list[Token]:
    """ "The swap was agreed late on Thursday", "a deal was reached on Friday": a deal told in the passive with no
    side named stands for its sides, whom the resolver finds in the text before (`mention_strategies.deal_sides`)."""
    deal = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if deal is None or deal.lemma_.lower() not in DEAL_NOUNS or any(c.dep_ == "agent" for c in verb.children) \
            or any(c.dep_ in ("mark", "advmod") and c.lower_ in _NOT_YET_MARKS and c.i < deal.i for c in verb.children):
        return []   # ("would keep their tractors in place until a deal was signed": none yet)
    return [deal]


_NOT_YET_MARKS = frozenset({"until", "till", "unless", "if", "once", "before", "whether", "lest"})


def _given_up(noun: Token) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _GIVING_UP
# Talks that end: the verb whose subject the talks are ("broke down", "collapsed", "were suspended").
_HALT_TALKS = "164"
_SIGN_AGREEMENT = "057"   # a deal reached or signed
_GOING_FREE = frozenset({"walk", "go"})   # "walked free", "went free"
_TALK_NOUNS = frozenset({"talk", "talks", "negotiation", "dialogue", "round", "contact", "consultation", "discussion",
                         "conciliation", "session"})
# What a side rejoins: the talks, or the table ("the table, which the union rejoined on Monday").
_REJOINED = _TALK_NOUNS | {"table"}


def _talks_halted(noun: Token, verb: Token) -> bool:
    """Whether `verb` says that the talks `noun` names ended or stopped: the talks are its subject."""
    if _talk_noun(noun) and noun.dep_ == "dobj" and noun.head.i == verb.i and (
            _declared_over(verb) or _put_on_hold(verb)):
        return True   # "the government declared its dialogue with the opposition over", "put its talks on hold"
    if _talk_noun(noun) and _talks_subject(noun, verb) and verb.lemma_ == "be" and any(
            c.lower_ == "over" and c.dep_ in ("advmod", "acomp", "prt", "prep") for c in verb.children):
        return True   # "the indirect talks are over, both sides said"
    if not _talk_noun(noun) or not _talks_subject(noun, verb):
        return False
    if _declared_over_clause(verb):
        return True   # "declared its negotiations with Croatia finished", "declared its talks dead" (read as a
        # clause of its own)
    if verb.pos_ != "VERB":
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False   # "no date has been set for the talks to end": no end yet
    lemma = verb.lemma_.lower()
    if lemma in TALK_HALTING_VERBS:
        return True
    if lemma in ("come", "grind", "draw") and noun.lemma_.lower() not in ("round", "session", "meeting") and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(p.lemma_.lower() in ("end", "halt", "standstill", "close")
                                                          for p in c.children) for c in verb.children):
        return True   # "the national dialogue came to an end late on Friday", "the talks ground to a halt"
    particle = TALK_HALTING_PARTICLES.get(lemma)
    if particle is not None and any(c.lower_ == particle for c in verb.children):
        return True
    if lemma == "break" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children) and not any(
            c.dep_ == "prep" and c.lower_ == "for" and any(p.lemma_.lower() in _PLANNED_BREAKS for p in c.children)
            for c in verb.children):
        # "Talks between Lithuania and Poland ... broke off in Vilnius on Friday" (not "broke off on Friday for a
        # scheduled pause")
        return True
    if _declared_over(verb):
        return True   # "the talks were declared dead on Friday"
    return _put_on_hold(verb)   # "the talks were put on hold", "put on ice"


# What talks break off for when they mean to go on: "broke off for a scheduled pause".
_PLANNED_BREAKS = frozenset({"pause", "break", "recess", "holiday", "weekend", "lunch", "night", "prayer", "prayers"})


# Verbs of what is done under a go-between's auspices: meeting, holding talks, signing, agreeing.
_UNDER_AUSPICES = frozenset({"meet", "hold", "sign", "agree", "open", "resume", "reach", "conclude", "begin", "start",
                             "continue", "convene", "reconvene", "gather", "sit", "take", "ink", "seal", "initial",
                             "launch", "be", "release", "free", "exchange", "swap", "hand", "return", "end"})


def _revised_to(noun: Token) -> Token | None:
    """What an offer or a demand was moved to: "improved its offer to a 12.5 percent share of the catch", "lowered
    their demand from 22 percent to 18 percent" (the figure after "to"), or None."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in _REVISING_VERBS:
        return None
    preps = [c for c in verb.children if c.dep_ == "prep"]
    # ("from 9 percent to 10.5 percent", with "to" hung on the first figure)
    preps += [t for prep in preps if prep.lower_ == "from"
              for t in (*prep.children, *(g for p in prep.children if p.dep_ == "pobj" for g in p.children))
              if t.dep_ == "prep"]
    return next((p for prep in preps if prep.lower_ == "to" for p in prep.children if p.dep_ == "pobj"), None)


# Verbs that move an offer or a demand to a new figure.
_REVISING_VERBS = frozenset({"raise", "lower", "improve", "cut", "increase", "reduce", "sweeten", "trim", "revise",
                             "lift", "drop", "scale", "bring", "boost", "up", "change", "adjust", "pare", "narrow"})


def _declared_over_clause(word: Token) -> bool:
    """ "dead" in "declared its talks with Iceland dead", parsed as a clause of its own under the declaring."""
    return word.dep_ == "ccomp" and word.lower_ in ("finished", "ended", "over", "dead") and _declared_over(word.head)


def _talk_noun(noun: Token) -> bool:
    """Talks named by a noun: "the talks", "the dialogue", and "the peace process" (not "the legal process")."""
    lemma = noun.lemma_.lower()
    return lemma in _TALK_NOUNS or lemma == "process" and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in ("peace", "negotiating", "negotiation", "dialogue")
        for c in noun.children)


def _put_on_hold(verb: Token) -> bool:
    """ "put the talks on hold", "put on ice", also with the phrase hung on a word of the object (`held_on`)."""
    return verb.lemma_.lower() == "put" and held_on(verb) is not None


_BROKERING = frozenset({"broker", "mediate", "sponsor", "facilitate", "chair"})


def _sponsor_of(participle: Token) -> Token | None:
    """The X of "X-brokered talks" (`participle` is "brokered"), or None."""
    if participle.tag_ != "VBN" or participle.dep_ != "amod" or participle.lemma_.lower() not in _BROKERING \
            or participle.head.lemma_.lower() not in _TALK_NOUNS | {"negotiation", "process", "dialogue", "deal"}:
        return None
    return next((c for c in participle.children if c.dep_ in ("npadvmod", "compound", "nmod")
                 and c.i < participle.i), None)


def _noun_governor(noun: Token) -> tuple[Token | None, Token | None]:
    """The verb an event noun is an argument of, and the round it is "of" when the round is that argument
    ("a second round of talks ... opened on Monday": the round's verb)."""
    holder = _round_of(noun)
    if holder is not None:
        return holder.head, holder
    governor = noun.head if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "conj") else None
    if governor is not None and governor.dep_ == "conj" and noun.dep_ == "conj":
        governor = None
    return governor or _talks_relative(noun), None   # "a week of talks that had restarted on Monday"


def _round_of(noun: Token) -> Token | None:
    """The round a talks noun is "of" when that round is a verb's subject or object ("a second round of talks
    opened", "held a new round of negotiations"); None otherwise."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    holder = noun.head.head
    if holder.lemma_.lower() in ROUND_NOUNS and holder.dep_ in ("nsubj", "nsubjpass", "dobj") \
            and holder.head.pos_ == "VERB":
        return holder
    return None


# Verbs of leaving, with the particle they need: "walked out of", "pulled out of", "withdrew from", "quit".
_LEAVING = {"walk": ("out", "away"), "pull": ("out",), "storm": ("out",), "withdraw": (), "quit": (), "exit": (),
            "leave": (), "abandon": (), "march": ("out",), "stalk": ("out",), "stride": ("out",), "decamp": (),
            "boycott": (), "shun": (), "snub": (), "sit": ("out",), "skip": ()}


def _talks_left(noun: Token) -> bool:
    """Whether the talks `noun` names are what someone walks out of, withdraws from or quits: that is a
    walkout, coded on its verb, and the talks themselves are no new meeting."""
    if noun.lemma_.lower() not in _TALK_NOUNS:
        return False
    verb = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in ("session", "sitting") \
            and noun.head.head.dep_ == "dobj":   # "boycotted Thursday's session of the dialogue"
        noun = noun.head.head
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in ("of", "from"):
        verb = noun.head.head
        if verb.lower_ in ("out", "away") and verb.dep_ in ("prt", "prep", "advmod"):   # "walked out of"
            verb = verb.head
    elif noun.dep_ != "dobj":
        return False
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _LEAVING:
        return False
    particles = _LEAVING[lemma]
    return not particles or any(c.lower_ in particles for c in verb.children) or noun.head.head.lower_ in particles


def _talks_resumed(noun: Token, verb: Token) -> bool:
    """Whether `verb` says that the talks `noun` names resumed ("the talks resumed on Monday")."""
    return noun.lemma_.lower() in _TALK_NOUNS and _talks_subject(noun, verb) and verb.pos_ == "VERB" \
        and resumes_talks(verb)


def _a_body_acting(noun: Token, verb: Token) -> bool:
    """Whether a "conference" is a body doing something ("the bishops' conference invited both sides"), not a
    meeting that opens, ends or takes place."""
    return noun.lemma_.lower() == "conference" and noun.dep_ == "nsubj" and verb.lemma_ != "be" \
        and not begins_talks(verb) and not _talks_halted(noun, verb) \
        and verb.lemma_.lower() not in ("take", "end", "close", "conclude", "continue")


def _talks_began(noun: Token, verb: Token) -> bool:
    """Whether `verb` says that the talks `noun` names began ("the talks opened at the seminary on Monday")."""
    return noun.lemma_.lower() in _TALK_NOUNS and noun.dep_ == "nsubj" and _talks_subject(noun, verb) \
        and verb.pos_ == "VERB" and begins_talks(verb) and verb.dep_ in ("ROOT", "conj", "ccomp")
    # (not "the villa where the talks began in May", "since the talks began": a time or place they name)


_RELATIVE_PRONOUNS = frozenset({"that", "which"})


def _talks_subject(noun: Token, verb: Token) -> bool:
    """Whether the talks `noun` names are what `verb` is said of: its subject ("the talks resumed"), or the
    head of its relative clause ("the talks, which resumed on Monday", "a week of talks that had stalled")."""
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i:
        return True
    return verb.dep_ == "relcl" and verb.head.i == noun.i and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVE_PRONOUNS for c in verb.children)


def _talks_relative(noun: Token) -> Token | None:
    """The verb of a relative clause that says the talks `noun` names resumed or stopped ("talks that had
    restarted on Monday", "the negotiations, which stalled in May"), or None."""
    if noun.lemma_.lower() not in _TALK_NOUNS:
        return None
    for verb in noun.children:
        if verb.dep_ == "relcl" and verb.pos_ == "VERB" and _talks_subject(noun, verb) and (
                verb.lemma_.lower() in TALK_RESUMING_VERBS | TALK_HALTING_VERBS
                or TALK_HALTING_PARTICLES.get(verb.lemma_.lower()) in {c.lower_ for c in verb.children}):
            return verb
    return None


def _condition(verb: Token) -> bool:
    """A condition set on another act: an "if" or "unless" clause that modifies a verb."""
    return verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


# Verbs of meeting what someone asked: "the demand was not met" denies the meeting of it, not the demand.
_FULFILLING_VERBS = frozenset({"meet", "satisfy", "fulfil", "fulfill", "grant", "heed", "answer", "address", "honour",
                               "honor", "accept", "accommodate"})


def _fulfilment_of(noun: Token, anchor: Token, code: str) -> bool:
    """Whether the verb a demand noun hangs on is the (unmet) fulfilment of that demand ("Congo's demand that Uganda
    withdraw was not met"): the demand was made all the same."""
    return code[:2] in ("10", "02") and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == anchor.i \
        and anchor.lemma_.lower() in _FULFILLING_VERBS


# Modalities of an act that has not happened: what a noun inside its object names has not happened either.
_UNREAL = frozenset({"demanded", "requested", "offered", "proposed", "promised", "threatened", "refused",
                     "conditional", "purpose", "hypothetical", "future"})
# Acts whose object is what someone wants, offers or refuses: appeals, intents and promises, demands,
# rejections, threats ("promised to organise negotiations": the negotiations are promised).
_UNREAL_BY_ROOT = {"02": "requested", "03": "promised", "10": "demanded", "12": "refused", "13": "threatened"}
# "proposed a truce instead of the earlier offer", "called for talks after the attack": what these
# prepositions name is no part of what is wanted.
_REAL_PREPS = frozenset({"instead", "than", "unlike", "despite", "after", "before", "since", "following",
                         "amid", "because", "like"})
# "demanded an end to the shelling": the shelling happened; what is asked is that it stop.
_STOPPING_NOUNS = frozenset({"end", "halt", "stop", "cessation", "removal", "lifting", "suspension", "freeze",
                             "investigation", "inquiry", "probe", "condemnation", "apology", "compensation"})


# Arcs that leave a noun's own phrase for another clause: a subject, a relative or participle clause ...
_CLAUSE_EDGES = frozenset({"nsubj", "nsubjpass", "relcl", "acl", "advcl", "ccomp", "conj"})


def _inherit_unreal(clauses: list[Clause]) -> None:
    """A talk, visit or deal named by a noun in the object of an act that has not happened shares its
    modality: "offered to host negotiations between A and B" (the negotiations are offered too), "proposed
    a meeting of the two leaders". Not across a noun of stopping ("demanded an end to the shelling")."""
    heads: dict[int, tuple[Clause, str]] = {}
    for clause in clauses:
        if clause.negated:
            continue
        modality = clause.modality if clause.modality in _UNREAL else \
            _UNREAL_BY_ROOT.get(clause.code[:2]) if clause.modality in (None, "intent") else None
        if modality is not None:
            heads.setdefault(clause.trigger.i, (clause, modality))
            heads.setdefault(clause.head.i, (clause, modality))
    if not heads:
        return
    for clause in clauses:
        trigger = clause.trigger
        if clause.modality is None and clause.carrier is None and trigger.pos_ in ("VERB", "AUX") \
                and trigger.dep_ in ("acl", "ccomp") and trigger.head.pos_ == "NOUN" and trigger.head.i in heads \
                and heads[trigger.head.i][0] is not clause:
            # "Congo's demand that Uganda withdraw its unit": what the demand noun's clause says is demanded
            clause.carrier, clause.modality = heads[trigger.head.i]
            continue
        if clause.modality is not None or trigger.pos_ != "NOUN" or clause.carrier is not None:
            continue
        token = trigger
        for _ in range(8):
            if token.dep_ in _CLAUSE_EDGES or token.head.i == token.i:
                break
            below, token = token, token.head
            if token.lemma_.lower() in _STOPPING_NOUNS or token.dep_ == "prep" and token.lower_ in _REAL_PREPS:
                break
            found = heads.get(token.i)
            # only inside what the act is about: its object ("proposed talks", "called for talks", "offered to
            # host talks"), not a phrase of circumstance ("proposed a truce in the earlier offer")
            within = below.dep_ in ("dobj", "xcomp", "attr", "oprd") or below.dep_ == "prep" and below.lower_ in (
                "for", "to", "on", "of", "into")
            if found is not None and found[0] is not clause:
                if within:
                    clause.carrier, clause.modality = found
                break


def _linked(clauses: list[Clause]) -> list[Clause]:
    """Each demanded content ("want the army to withdraw") and each condition linked to the clause that
    carries it, the clause of its governing verb; a condition of no coded act is dropped."""
    _inherit_unreal(clauses)
    kept = []
    for clause in clauses:
        if clause.carrier is None and clause.modality in ("demanded", "conditional"):
            governor = clause.head.head
            clause.carrier = next((c for c in clauses if c is not clause and c.carrier is None
                                   and governor in (c.head, c.trigger)), None)
            if clause.carrier is None and clause.modality == "conditional":
                continue
        kept.append(clause)
    return kept


def _control_modality(control: ControlRule, verb_modality: str | None) -> str | None:
    """The modality of a control verb's act: an intent is one, unless the verb is a condition ("should the two
    governments wish to meet again")."""
    return "intent" if control.modality == "intent" and verb_modality != "hypothetical" else verb_modality


def _content_modality(control: ControlRule, verb: Token) -> str | None:
    """The modality of what `control` (on `verb`) is about, or None when it is no content of another act."""
    if control.id in ("control.offer", "control.intent"):
        return _CONTENT_BY_VERB.get(verb.lemma_.lower())
    return _CONTENT.get(control.id)


def _hazard_named(noun: Token) -> bool:
    """A noun modified by a natural hazard or a disease ("storm warnings", "the flood threat")."""
    return any(c.dep_ in ("compound", "amod") and nouns.is_hazard(c.lemma_) for c in noun.children)


def _warns_of_hazard(verb: Token) -> bool:
    """ "warned colleagues about the outbreak", "warned of floods": a warning of a hazard, which threatens no one."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]   # "warned colleagues about": on the object
    return any(prep.dep_ == "prep" and prep.lower_ in ("about", "of", "over") and any(
        pobj.dep_ == "pobj" and nouns.is_hazard(pobj.lemma_) for pobj in prep.children)
        for head in heads for prep in head.children)


def _declared_over(verb: Token) -> bool:
    """ "declared ... dead", "pronounced ... over", "declared ... finished" (also "declared the talks between
    the government and the separatists over", with "over" hung on the last noun of the object)."""
    return verb.lemma_.lower() in ("declare", "pronounce") and (any(
        c.dep_ in ("oprd", "acomp", "xcomp", "attr", "ccomp", "advmod", "prt") and c.lower_ in ("dead", "over",
                                                                                               "finished")
        or c.dep_ == "prep" and c.lower_ == "over" and not any(o.dep_ == "pobj" for o in c.children)
        for c in verb.children) or any(
        t.lower_ in ("over", "dead", "finished") and t.i > verb.i and t.dep_ in ("prep", "advmod", "amod", "acl")
        and not any(c.dep_ == "pobj" for c in t.children) for obj in verb.children if obj.dep_ == "dobj"
        for t in obj.subtree))


def _carries_talks(head: Token) -> bool:
    """Whether `head` is talks ("negotiations through the bishop") or a verb of talking or of holding talks
    ("negotiated through an imam", "began indirect negotiations through ...")."""
    if head.lemma_.lower() in _TALK_NOUNS or head.lemma_.lower() in ("negotiate", "talk", "communicate", "contact"):
        return True
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in _TALK_NOUNS for c in head.children)


# Nouns that name a package of things listed after a colon ("three main demands, according to a document: the
# release of 310 people, three council seats and a date for an election").
_PACKAGE_NOUNS = frozenset({"demand", "condition", "proposal", "point", "term", "request", "offer"})


def _package_with(verb: Token) -> Token | None:
    """The package a side comes with ("arrived with three main demands"), or None."""
    return next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                 for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in _PACKAGE_NOUNS), None)


def _colon_list(package: Token) -> list[Token]:
    """The items listed after a colon that follows a package noun in its sentence: the first noun phrase after
    the colon and the further items of its list."""
    if package.lemma_.lower() not in _PACKAGE_NOUNS or package.tag_ != "NNS":
        return []
    sent = package.sent
    colon = next((t for t in sent if t.i > package.i and t.text == ":"), None)
    if colon is None:
        return []
    # the phrases after the colon that hang on something before it (the parser hangs the items anywhere), and the
    # further items of their lists
    tops = [t for t in sent if t.i > colon.i and t.pos_ == "NOUN" and t.head.i < colon.i]
    return sorted({t.i: t for top in tops for t in (top, *_list_items(top))}.values(), key=lambda t: t.i)


def _list_items(first: Token) -> list[Token]:
    """The further items of a list that `first` begins: its conjuncts ("A and B"), and an apposition that
    continues with a conjunct of its own, as the parser reads "A, B and C"."""
    out: list[Token] = []
    for child in first.children:
        if child.dep_ == "conj":
            out.extend(with_conjuncts(child))
        elif child.dep_ == "appos":
            if any(c.dep_ == "conj" for c in child.children):
                out.extend(with_conjuncts(child))
            else:   # "A, the rehiring of 40 workers and C": C read as a conjunct inside the second item
                last = [t for t in child.subtree if t.dep_ == "conj" and t.head.i != child.i and t.pos_ == "NOUN"]
                if last:
                    out.extend([child, last[-1]])
    return sorted({t.i: t for t in out}.values(), key=lambda t: t.i)


def _for_ones_part(noun: Token) -> bool:
    """ "for its part", "for their part": a stance marker, not what a demand is for."""
    return noun.lemma_.lower() == "part" and any(c.dep_ == "poss" for c in noun.children)

