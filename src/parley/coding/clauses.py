"""Clause analysis: find each predicate in a parsed sentence, code it, and find its arguments.

A predicate is a verb, or an event noun such as "talks", "ceasefire", "attack", "sanctions".
For each we find:
- the source argument(s): the subject; the *by*-agent of a passive; a subject shared through
  coordination, control ("agreed to withdraw"), relative clauses and participles; for nouns the
  possessor, a national adjective ("Israeli strikes"), "by X" or "between X and Y";
- the target argument(s): the direct object (or the passive subject), else an actor in a
  prepositional phrase ("talks with", "sanctions on");
- the CAMEO code from the lexicon, after control verbs ("refused to meet" -> reject a meeting)
  and future or intended cooperation (-> CAMEO 03x intent codes) are applied;
- negation and modality.

This module knows spaCy tokens; `to_events` turns its `Clause`s into plain records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from parley.coding.cues import Cues
from parley.lexicon import Lexicon, PatternMatch, PredicateFeatures

_SUBJ = frozenset({"nsubj", "csubj"})
_OBJ = frozenset({"dobj", "dative", "attr", "oprd"})
_NEG_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
_OBJECT_CONTROL = frozenset({"urge", "ask", "call", "force", "order", "persuade", "tell", "allow",
                             "press", "pressure", "encourage", "invite", "request", "compel", "help",
                             "appeal", "push", "warn", "advise", "instruct", "demand", "permit"})
_ACTOR_DEPS_FOR_NOUN_SOURCE = frozenset({"poss"})
_REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Nearest-actor search: how deep, and which dependents it does not enter.
_NEAR_DEPTH = 8
_NEAR_SKIP = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "parataxis", "ccomp", "appos", "mark",
                        "punct", "cc", "aux", "auxpass", "neg", "npadvmod", "advmod", "conj", "det", "relcl",
                        "dep", "meta", "prt"})
# "according to officials", "despite US pressure", "instead of the U.S. plan": not who is acted on.
_NEAR_SKIP_PREPS = frozenset({"according", "despite", "instead", "unlike", "like", "than", "besides", "except",
                              "amid", "because", "as"})
# "... following the killings by Indian troops": when a thing was found already, time phrases are not searched.
_NEAR_TIME_PREPS = frozenset({"following", "after", "before", "since", "during", "until", "ahead", "prior",
                              "throughout"})
_NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
_OBJECT_PREPS = frozenset({"of", "on", "against", "with", "to", "for", "into", "toward", "towards", "over"})


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


class ClauseAnalyzer:
    """Finds and codes the predicates of sentences."""

    def __init__(self, lexicon: Lexicon, cues: Cues, is_actor_like, is_country, names_actor=None) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.is_actor_like = is_actor_like
        self.is_country = is_country
        # Whether a phrase names an actor anywhere in it ("an employee of the U.S. consulate").
        self.names_actor = names_actor or (lambda t: is_actor_like(t) or self._holds_actor(t))
        self._intent = lexicon.control("intend")
        self._refuse = lexicon.control("refuse")
        self._threaten = lexicon.control("threaten")
        self._demand = lexicon.control("demand")

    def adjust(self, code: str, negated: bool, modality: str | None,
               past: bool = False) -> tuple[str, bool, str | None]:
        """Code changes that negation and modality imply (PLOVER's conventions).

        - "will not accept refugees", "does not recognise": a stance against cooperation is a rejection;
          "did not meet", "failed to attend" (past) stay the act itself, flagged negated, except that a
          concession withheld ("did not give permission", "did not release them") is a refusal to yield.
        - "will meet", "plans to send aid": future or intended cooperation is an intent (03x).
        - "will launch an operation against", "would boycott the vote": a future or intended material
          conflict is a threat (13x).
        Returns the code, whether it is still a negated event, and a note for the rule.
        """
        root = code[:2]
        if negated and code == "010" and self._refuse is not None:
            return self._refuse.apply(code) or code, False, "negation"   # "did not comment": declined to
        if negated and (not past or root == "08") and "03" <= root <= "08" and self._refuse is not None:
            # "will not accept refugees", "did not give permission for the rally": refusals
            refused = self._refuse.apply(code)
            if refused is not None:
                return refused, False, "negation"
        if negated:
            return code, True, None
        if modality in ("future", "intent") and "04" <= root <= "08" and self._intent is not None:
            return self._intent.apply(code) or code, False, None
        if modality in ("future", "intent") and "14" <= root <= "20" and self._threaten is not None:
            threat = self._threaten.apply(code)
            if threat is not None:
                return threat, False, "threat"
        return code, False, None

    # ------------------------------------------------------------------ sentence
    def clauses(self, sent: Span) -> list[Clause]:
        """Every coded predicate in `sent`, verbs first, then event nouns not already used."""
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
                # "is willing to withdraw", "is ready to talk": adjectives that control a complement.
                comp = next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
                control = self.lexicon.control(token.lemma_.lower()) if comp is not None else None
                if control is not None:
                    out.extend(self._control(token, comp, control, used))
                elif self.lexicon.is_trigger(token.lemma_.lower(), "ADJ"):
                    out.extend(self._adjective(token))
        for token in sent:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in used and token.dep_ not in ("compound", "amod") \
                    and self.lexicon.is_trigger(token.lemma_.lower(), "NOUN"):
                clause = self._noun(token)
                if clause is not None:
                    used.add(token.i)
                    out.append(clause)
        return out

    # ------------------------------------------------------------------ features
    def features(self, verb: Token, obj: Token | None) -> PredicateFeatures:
        loose = _loose_particle(verb)
        particle = loose.lower_ if loose is not None else None
        preps: list[tuple[str, str | None]] = []
        xcomp = None
        children = list(verb.children) + (list(loose.children) if loose is not None else [])
        for child in children:
            dep = child.dep_
            if dep == "prt" or child is loose:
                particle = child.lower_
            elif dep in ("prep", "agent"):
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and pobj.ent_type_ in ("DATE", "TIME"):
                    continue   # "On Nov. 18, X called Y" is no "call on"
                preps.append((child.lower_, pobj.lemma_.lower() if pobj is not None else None))
            elif dep == "xcomp" and child.pos_ in ("VERB", "AUX"):
                xcomp = child.lemma_.lower()
            elif dep in ("ccomp", "oprd", "xcomp", "acomp") and child.pos_ == "ADJ" and xcomp is None:
                xcomp = child.lemma_.lower()   # "found him guilty", "declared the vote invalid"
        if xcomp is None:
            # "called Morrison on Wednesday to congratulate him": a purpose infinitive the parser hung loosely
            purpose = next((c for c in verb.children if c.pos_ == "VERB" and _purpose_infinitive(c)), None)
            if purpose is not None:
                xcomp = purpose.lemma_.lower()
        obj_mods: tuple[str, ...] = ()
        obj_lemma = None
        if obj is not None:
            obj_lemma = obj.lemma_.lower()
            mods = []
            for c in obj.children:
                if c.dep_ in ("compound", "amod", "nmod"):
                    mods.append(c.lemma_.lower())
                    if c.lower_ != mods[-1]:
                        mods.append(c.lower_)   # "negotiating team": both "negotiate" and "negotiating"
            for c in obj.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":   # "a team of medical experts": "expert" and "medical"
                            mods.append(p.lemma_.lower())
                            mods.extend(m.lemma_.lower() for m in p.children if m.dep_ in ("amod", "compound"))
            obj_mods = tuple(mods)
        return PredicateFeatures(lemma=verb.lemma_.lower(), pos="VERB", particle=particle, obj=obj_lemma,
                                 obj_mods=obj_mods, preps=tuple(preps), xcomp=xcomp)

    def noun_features(self, noun: Token) -> PredicateFeatures:
        preps: list[tuple[str, str | None]] = []
        obj = None
        for child in noun.children:
            if child.dep_ == "prep":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                plemma = pobj.lemma_.lower() if pobj is not None else None
                preps.append((child.lower_, plemma))
                if child.lower_ == "of" and obj is None:
                    obj = plemma
        mods = tuple({w for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                      for w in (c.lemma_.lower(), c.lower_)})
        return PredicateFeatures(lemma=noun.lemma_.lower(), pos="NOUN", obj=obj, obj_mods=mods,
                                 preps=tuple(preps))

    # ------------------------------------------------------------------ arguments
    def subjects(self, verb: Token, _depth: int = 0) -> list[Token]:
        """Heads of the source arguments of `verb`, following shared-subject constructions."""
        causer = _causative_head(verb)
        if causer is not None:
            return self.subjects(causer, _depth + 1)   # "ordered nine ministers jailed": the judge jails
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if passive:
            for child in verb.children:
                if child.dep_ == "agent":
                    pobj = [c for c in child.children if c.dep_ == "pobj"]
                    if pobj:
                        return _with_conjuncts(pobj[0])
            if verb.dep_ == "acl":   # "aid delivered by the UN" is handled by the agent above
                return []
            return self._misattached_agent(verb)
        subjects = [c for c in verb.children if c.dep_ in _SUBJ]
        if len(subjects) > 1:
            # "KABUL (Pajhwok): President Ghani has held ...": a dateline read as a second subject
            subjects = [c for c in subjects if c.i < verb.i][-1:] or subjects[:1]
        for child in verb.children:
            if child.dep_ in _SUBJ and child in subjects:
                if child.lower_ in _REL_PRONOUNS and verb.dep_ == "relcl":
                    return _with_conjuncts(verb.head)
                if child.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"):
                    return _with_conjuncts(child)
                return []
            if child.dep_ == "expl":
                return []
        if _depth > 4:
            return []
        dep, head = verb.dep_, verb.head
        if dep == "xcomp":
            raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None and not any(c.dep_ == "agent" for c in head.children):
                return _with_conjuncts(raised)   # "Hamas is said to have rejected", "is believed to"
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs and head.lemma_.lower() in _OBJECT_CONTROL:
                return _with_conjuncts(objs[0])
            return self.subjects(head, _depth + 1)
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            speech = _speech_head(head, self.cues)
            if speech is not None and verb.tag_ == speech.tag_ != head.tag_:
                # "X said that Y was ... and accused Z": the second verb is X's, not Y's.
                return self.subjects(speech, _depth + 1)
            return self.subjects(head, _depth + 1)
        if dep == "relcl":
            return _with_conjuncts(head)
        if dep == "acomp":
            return self.subjects(head, _depth + 1)
        if dep == "ccomp" and verb.tag_ == "VB" and head.lemma_.lower() in _BARE_INFINITIVE_HEADS \
                and not any(c.dep_ in ("aux", "mark") for c in verb.children):
            return self.subjects(head, _depth + 1)   # "Ethiopia let free 74 political leaders"
        if dep == "acl" and verb.tag_ == "VBG":
            if head.pos_ == "NOUN" and head.dep_ == "dobj" and not self.is_actor_like(head) \
                    and head.head.pos_ == "VERB":
                # "passed a resolution criticizing X", "issued a statement condemning X": the act is the
                # author's, i.e. the subject of the verb the document is the object of.
                return self.subjects(head.head, _depth + 1)
            return _with_conjuncts(head)
        if dep == "advcl" and verb.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in verb.children):
            return self.subjects(head, _depth + 1)
        if _purpose_infinitive(verb):
            return self.subjects(head, _depth + 1)   # "sent jets to destroy the reactor": the sender's purpose
        if dep == "pcomp" and head.head.pos_ == "VERB" and head.lower_ in ("by", "after", "before", "while"):
            return self.subjects(head.head, _depth + 1)
        if dep == "pcomp" and head.head.pos_ == "ADJ" and head.head.dep_ == "acomp":
            return self.subjects(head.head, _depth + 1)   # "were guilty of violating the truce"
        return []

    def _misattached_agent(self, verb: Token) -> list[Token]:
        """ "was found guilty of corruption by a court": a "by" phrase the parser hung on a noun of the
        verb's own prepositional phrases is still the passive's agent."""
        frontier = [verb]
        for _ in range(5):
            nxt = []
            for token in frontier:
                for child in token.children:
                    if child.dep_ in ("prep", "pobj", "oprd", "acomp") and child.i > verb.i:
                        if child.dep_ == "prep" and child.lower_ == "by" and token is not verb:
                            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                            if pobj is not None and self.is_actor_like(pobj) and pobj.pos_ != "PRON":
                                return _with_conjuncts(pobj)
                        nxt.append(child)
            frontier = nxt
        return []

    def objects(self, verb: Token) -> list[Token]:
        if _causative_head(verb) is not None:
            # "ordered the journalist released" (either parse): the one released
            if verb.dep_ == "acl":
                return _with_conjuncts(verb.head)
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return _with_conjuncts(subj) if subj is not None else []
        passive = any(c.dep_ in ("nsubjpass",) for c in verb.children)
        if passive:
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    if child.lower_ in _REL_PRONOUNS and verb.dep_ == "relcl":
                        return _with_conjuncts(verb.head)
                    return _with_conjuncts(child)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return _with_conjuncts(verb.head)
        found: list[Token] = []
        if not any(c.dep_ in ("dobj", "dative") for c in verb.children):
            for child in verb.children:
                # "allowed the plane to land" parsed as a clause: its subject is the verb's object
                gerund = child.tag_ == "VBG" and not any(c.dep_ in ("aux", "mark") for c in child.children) \
                    and verb.lemma_.lower() not in self.cues.speech_verbs   # "accept refugees fleeing the war"
                if child.dep_ == "ccomp" and (child.pos_ == "ADJ" or gerund or any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in child.children)):
                    subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
                    if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                        return _with_conjuncts(subj)
        for child in verb.children:
            if child.dep_ == "dative" and child.pos_ != "ADP" and self.is_actor_like(child):
                found.extend(_with_conjuncts(child))   # "gave Canada a deadline": the recipient first
        for child in verb.children:
            if child.dep_ == "dobj":
                found.extend(t for t in _with_conjuncts(child) if t not in found)
        if found:
            return found
        for child in verb.children:
            if child.dep_ == "dative" and child.pos_ != "ADP":
                return _with_conjuncts(child)
        return []

    def prep_targets(self, token: Token, preps: frozenset[str] | None = None, *,
                     things: bool = False) -> list[Token]:
        """Actors (or, with `things`, any noun) in prepositional phrases of `token`."""
        allowed = preps if preps is not None else self.cues.target_preps
        for child in token.children:
            if child.dep_ in ("prep", "dative", "agent") and child.lower_ in allowed:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (self.is_actor_like(pobj) or things and pobj.pos_ in
                                                ("NOUN", "PROPN") and pobj.ent_type_ not in ("DATE", "TIME")):
                        # "recalled its team from Doha": a city after "from" is a place, not an actor.
                        if child.lower_ == "from" and pobj.ent_type_ in ("GPE", "LOC", "FAC") and not things \
                                and not self.is_country(pobj):
                            continue
                        return _with_conjuncts(pobj)
        return []

    def _holds_actor(self, token: Token) -> bool:
        """ "the latest U.S. offer", "Netanyahu's decision", "the plan of the rebels"."""
        for child in token.children:
            if child.dep_ == "poss":
                return True
            if child.dep_ in ("compound", "amod", "nmod", "appos") and child.ent_type_ in ("NORP", "GPE", "ORG",
                                                                                       "PERSON"):
                return True   # "the journalist Moussa Tchangari", "a Supreme Court decision"
            if child.dep_ == "prep" and child.lower_ in ("of", "by", "from"):
                if any(p.dep_ == "pobj" and self.is_actor_like(p) for p in child.children):
                    return True
            if child.dep_ == "acl" and child.tag_ == "VBN":   # "the offer made by the Taliban"
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    if any(p.dep_ == "pobj" and self.is_actor_like(p) for p in agent.children):
                        return True
        return False

    def fallback_targets(self, trigger: Token, objs: list[Token]) -> list[Token]:
        """When nothing else names a target: "lifted its blockade of Yemen", "tariffs on China's exports",
        "announced a ceasefire in Idlib", "provided aid to support Syrian refugees"."""
        for obj in objs:
            found = self.prep_targets(obj, _OBJECT_PREPS) or self.prep_targets(obj, _OBJECT_PREPS, things=True)
            if found:
                return found
        found = self.prep_targets(trigger, self.cues.locative_preps)
        for obj in objs:
            found = found or self.prep_targets(obj, self.cues.locative_preps)   # "imposed blockades in X"
        for child in trigger.children:   # "remained on alert in X"
            if child.dep_ == "prep" and not found:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = found or self.prep_targets(pobj, self.cues.locative_preps)
        if found:
            return found
        for child in trigger.children:
            if child.dep_ in ("advcl", "xcomp") and child.pos_ == "VERB" and child.tag_ == "VB":
                inner = [o for o in self.objects(child) if self.is_actor_like(o)]
                if inner:
                    return inner
        return []

    def nearby_actor(self, roots: list[Token], sources: list[Token], objs: list[Token], *,
                     named_only: bool = False) -> list[Token]:
        """The closest actor inside the phrases of `roots` (objects, prepositional phrases, participles),
        breadth first and nearest first; not inside a subject, another finite clause or a source.

        Objects already weighed (`objs`) and the source's own agents ("its troops") are passed over;
        with `named_only`, so are role nouns ("the army") and places after "in", "at", "near".
        """
        blocked = {t.i for s in sources for t in s.subtree}
        seen = {r.i for r in roots} | blocked | {o.i for o in objs}
        frontier = list(roots) + [o for o in objs if o.i not in blocked]
        anchor = roots[0].i
        via_place: set[int] = set()
        for _ in range(_NEAR_DEPTH):
            level = self._near_level(frontier, seen, via_place, named_only)
            # After "in", "at", "near" only a place is a target ("a curfew in Bangkok"), not a thing that
            # names an actor ("proposed a truce in the earlier U.S. offer").
            found = sorted((t for t in level if self._near_candidate(t, named_only)
                            and (t.i not in via_place or t.ent_type_ in ("GPE", "LOC", "FAC") or t.pos_ == "PROPN")),
                           key=lambda t: (t.i < anchor, abs(t.i - anchor)))
            if found:
                return _with_conjuncts(found[0])
            frontier = level
        return []

    def _near_level(self, frontier: list[Token], seen: set[int], via_place: set[int],
                    named_only: bool) -> list[Token]:
        """One breadth-first step of `nearby_actor`: the dependents of `frontier` it may enter."""
        level: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.i in seen or child.dep_ in _NEAR_SKIP or child.lower_ in _NEAR_SKIP_PREPS:
                    continue
                if child.pos_ in ("VERB", "AUX"):
                    subj = _small_clause_subject(token, child)
                    if subj is not None and subj.i not in seen:
                        seen.add(subj.i)
                        level.append(subj)
                    if any(c.dep_ in _SUBJ or c.dep_ == "mark" and c.lower_ != "to" for c in child.children):
                        continue   # another clause with its own subject, or "after", "because", "while" ...
                locative = child.dep_ == "prep" and child.lower_ in self.cues.locative_preps
                if named_only and (locative or child.dep_ == "prep" and child.lower_ in _NEAR_TIME_PREPS):
                    continue
                if locative or token.i in via_place:
                    via_place.add(child.i)
                seen.add(child.i)
                level.append(child)
        return level

    def _outside_party(self, token: Token) -> bool:
        """A party of its own ("Poland", "the daily newspaper"), not the orderer's forces ("its troops",
        "the army", "police")."""
        if self._own_agent(token) or token.lemma_.lower() in self.cues.own_force_nouns:
            return False
        return token.pos_ in ("NOUN", "PROPN")

    def _own_agent(self, token: Token) -> bool:
        """ "its team", "their own troops" (not "his Russian counterpart")."""
        return _own_agent(token) and token.lemma_.lower() not in self.cues.counterpart_nouns

    def _near_candidate(self, token: Token, named_only: bool) -> bool:
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "amod") or self._own_agent(token):
            return False
        if token.ent_type_ in _NON_ACTOR_ENTS:
            return False
        if named_only:
            return token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") \
                or self._holds_actor(token) or self.is_actor_like(token) and not _bare_role(token)
        return self.names_actor(token)

    def deontic_speaker(self, verb: Token, *, any_subject: bool = True) -> tuple[list[Token], list[Token]] | None:
        """The speaker and addressee of "X said Y must/should do Z" (a demand), or None.

        The addressee is the clause's subject, an actor, or ("intervention must be avoided") what is at issue.
        """
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in self.cues.speech_verbs:
            return None
        if not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children):
            return None
        speaker = [c for c in verb.head.children if c.dep_ == "nsubj"]
        addressee = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                     and (self.is_actor_like(c) or any_subject and c.pos_ in ("NOUN", "PROPN"))]
        if not speaker or not addressee or not self.is_actor_like(speaker[0]):
            return None
        return _with_conjuncts(speaker[0]), _with_conjuncts(addressee[0])

    def implied_state(self, verb: Token, code: str) -> list[Token]:
        """ "A journalist was arrested in Niger", "inspectors were expelled from North Korea": a state act
        in the passive without an agent is the act of the country where it happened."""
        if code[:2] not in ("08", "16", "17") or not any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "by"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (pobj.ent_type_ == "GPE" or self.is_country(pobj)):
                        return [pobj]   # a country, or a town the state there stands for
        return []

    def clausal_target(self, verb: Token, code: str) -> list[Token]:
        """ "demanded that the government resign", "warned that Iran would ...": the clause's subject."""
        if code[:2] not in ("02", "10", "11", "12", "13", "03") and not ("011" <= code[:3] <= "019"):
            return []   # "said it hoped that the insurers would pay", "fears that Moscow will cut gas"
        for child in verb.children:
            if child.dep_ == "ccomp":
                subj = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and self.is_actor_like(subj):
                    return _with_conjuncts(subj)
        return []

    def reaction_targets(self, verb: Token) -> list[Token]:
        """ "A recalled its team after B rejected the offer": A acts on B."""
        for child in verb.children:
            if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "because", "since", "when",
                                                                              "as", "until", "unless")
                                             for c in child.children):
                # "until their demands are met by the authorities": the agent of a passive, else the subject
                agent = next((p for c in child.children if c.dep_ == "agent" for p in c.children
                              if p.dep_ == "pobj"), None)
                if agent is not None and agent.pos_ in ("NOUN", "PROPN"):
                    return [agent]   # whoever a passive's "by" names acts, even if unknown to the actor lists
                subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subj is not None and self.is_actor_like(subj) and subj.pos_ != "PRON":
                    return [subj]
        return []

    # ------------------------------------------------------------------ flags
    def negated(self, token: Token) -> bool:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "preconj") and child.lower_ in _NEG_WORDS):
                return True
        return False

    def modality(self, verb: Token) -> str | None:
        mod = None
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass"):
                low = child.lower_
                if low in self.cues.future_aux:
                    mod = "future"
                elif low == "would" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.cues.speech_verbs \
                        and verb.head.tag_ == "VBD" and not any(c.dep_ == "mark" and c.lower_ == "if"
                                                                for c in verb.children):
                    mod = "future"   # "said it would sign": the future seen from a past statement
                elif low in self.cues.hypothetical_aux:
                    return "hypothetical"
            elif child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return "hypothetical"
        if mod is None and verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and verb.head.tag_ == "VBG":
            mod = "future"
        if mod is None and _purpose_infinitive(verb):
            mod = "purpose"   # "sent a team to audit the election": what the act was for
        if mod is None and verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                                       for c in verb.children):
            return "hypothetical"
        return mod

    # ------------------------------------------------------------------ verbs
    def _match(self, verb: Token, objs: list[Token]) -> tuple[PatternMatch | None, Token | None]:
        """Best pattern for `verb` over its object conjuncts; the object that decided it, if any."""
        best: tuple[PatternMatch | None, Token | None] = (None, None)
        for obj in objs or [None]:
            match = self.lexicon.match(self.features(verb, obj))
            if match is not None and best[0] is None:
                best = (match, obj)
        return best

    def _verb(self, verb: Token, used: set[int]) -> list[Clause]:
        lemma = verb.lemma_.lower()
        cues = self.cues
        loose = _loose_particle(verb)
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), loose.lower_ if loose else None)
        comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        control = self.lexicon.control(lemma, particle) if comp is not None else None
        addressee = None
        if comp is not None and particle is None and not any(c.dep_ == "dobj" for c in verb.children):
            # "called on Egypt to release ...", "appealed to the rebels to ...": a prepositional control verb
            for child in verb.children:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None) if child.dep_ == "prep" else None
                rule = self.lexicon.control(lemma, child.lower_) if pobj is not None else None
                if rule is not None:
                    control, addressee = rule, pobj
                    break
        objs = self.objects(verb)
        if control is not None and comp is not None:
            return self._control(verb, comp, control, used, addressee=addressee)
        if comp is None and lemma in cues.clausal_control_verbs:
            # "threatened that the CIA would sever ties", "demanded that the army withdraw"
            ccomp = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                          and c.lemma_.lower() not in cues.speech_verbs), None)
            control = self.lexicon.control(lemma, particle) if ccomp is not None else None
            if control is not None and control.modality in ("demand", "appeal") and lemma in cues.speech_verbs \
                    and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in ccomp.children):
                control = None   # "insists it is enforcing the sanctions": an assertion, not a demand
            if control is not None:
                return self._control(verb, ccomp, control, used, clausal=True)
        if comp is not None and lemma in cues.hedge_raising and any(c.dep_ == "nsubjpass" for c in verb.children):
            return []   # "is said to have", "are believed to": a hedge on the complement, not an event
        if comp is not None and (lemma in cues.aspect_verbs or lemma in cues.intent_verbs
                                 or lemma in cues.negating_verbs) and not objs:
            return []   # the complement is coded on its own, with the subject passed down
        things = [o for o in objs if not self.is_actor_like(o)]
        if len(things) > 1 and len(things) == len(objs):
            # "wants guarantees, the release of prisoners and aid": one demand per thing demanded.
            shared: list[Token] = []
            for thing in things:
                shared = shared or self.prep_targets(thing, frozenset({"from", "of", "to", "on", "with"}))
            out: list[Clause] = []
            for thing in things:
                out.extend(self._verb_with(verb, [thing], used, shared))
            return out
        return self._verb_with(verb, objs, used)

    def _verb_with(self, verb: Token, objs: list[Token], used: set[int],
                   addressees: list[Token] | None = None) -> list[Clause]:
        cues = self.cues
        lemma = verb.lemma_.lower()
        match, decided_by = self._match(verb, objs)
        if match is None:
            deontic = self.deontic_speaker(verb, any_subject=True)
            if deontic is None:
                return []
            # "X said the government must ensure security": a demand even when the act is not in the lexicon
            match = PatternMatch(code="100", pattern_id="demand", target="obj", reciprocal=False)
        code = match.code
        # A speech verb that introduces reported content is only an event when it is more than "said".
        if code == "010" and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
            return []
        # Light verb + event noun ("held talks", "launched an attack"): the noun carries the event
        # unless the verb's own pattern needed that object.
        if decided_by is not None and lemma in cues.light_verbs and decided_by.pos_ == "NOUN" \
                and self.lexicon.is_trigger(decided_by.lemma_.lower(), "NOUN"):
            plain = self.lexicon.match(self.features(verb, None))
            if plain is not None and plain.pattern_id == match.pattern_id:
                return []
        deontic = self.deontic_speaker(verb)
        if deontic is not None and self._demand is not None:
            # "Egypt said Israel must end its raids": Egypt demands it of Israel.
            speaker, addressees = deontic
            demanded = self._demand.apply(code) or code
            rule = f"deontic+{match.pattern_id}"
            match = PatternMatch(code=demanded, pattern_id=rule, target="obj", reciprocal=False)
            return self._finish(verb, verb, verb, demanded, match, speaker, addressees, False, None, used,
                                rule=rule)
        if self._purpose_adds_nothing(verb, code):
            return []   # "will meet in Turkey to discuss the reply": the purpose adds no event of its own
        sources = self.subjects(verb) or self.implied_state(verb, code)
        if not sources:
            return []
        negated = self.negated(verb) or _negated_by_governor(verb, cues) or \
            (decided_by is not None and any(c.lower_ == "no" for c in decided_by.children))
        modality = self.modality(verb) or _governor_modality(verb, cues)
        predicate_obj = None
        if decided_by is not None:
            plain = self.lexicon.match(self.features(verb, None))
            if plain is None or plain.pattern_id != match.pattern_id:
                used.add(decided_by.i)   # "held talks": the noun is part of this event, not one of its own
                predicate_obj = decided_by   # "expressed concern over X": the object is part of the predicate
        return self._finish(verb, verb, verb, code, match, sources, objs, negated, modality, used,
                            addressees=addressees, predicate_obj=predicate_obj)

    def _finish(self, trigger: Token, head: Token, anchor: Token, code: str, match: PatternMatch,
                sources: list[Token], objs: list[Token], negated: bool, modality: str | None,
                used: set[int], rule: str | None = None, addressees: list[Token] | None = None,
                predicate_obj: Token | None = None) -> list[Clause]:
        target_kind = match.target or "obj"
        # "recalled its negotiating team": the source's own agents are not a target.
        actor_objs = [o for o in objs if self.is_actor_like(o) and not self._own_agent(o)]
        thing = next((o for o in objs if not self.is_actor_like(o)), None)
        object_token = thing
        if predicate_obj is not None and predicate_obj is thing and not self._holds_actor(thing):
            thing = None   # "expressed concern over X": look for X, not at "concern"
        hosts = [t for t in (trigger, head, thing, predicate_obj) if t is not None]
        # "The US and Hamas resumed talks after Qatar proposed ...": several sources of a reciprocal act act
        # on each other; a clause they react to does not name their target.
        matrix_reciprocal = head.lemma_.lower() in self.cues.reciprocal_verbs
        together = _many(sources) and (match.reciprocal or trigger.lemma_.lower() in self.cues.reciprocal_verbs
                                       or matrix_reciprocal)
        # "called for sanctions against X": the object of the pattern's preposition hosts the target too
        # (only without a direct object: "attacked a camp near the border with X" is about the camp).
        for child in (trigger.children if not objs else ()):
            if child.dep_ == "prep":
                hosts.extend(p for p in child.children if p.dep_ == "pobj" and p.pos_ == "NOUN"
                             and not self.is_actor_like(p))
        targets: list[Token] = []
        if target_kind.startswith("prep:"):
            preps = frozenset(target_kind[5:].split("|"))
            for host in hosts:
                targets = targets or self.prep_targets(host, preps)
            if not targets and addressees:
                targets = addressees
            if not targets:
                # "recalled its mediators from X": a bare role object is the source's own, not a target
                targets = [o for o in actor_objs if not _bare_role(o)]
            for host in hosts:   # "launched airstrikes on militant targets": what the pattern names, not a place
                targets = targets or [t for t in self.prep_targets(host, preps, things=True)
                                      if t.ent_type_ not in ("GPE", "LOC", "FAC")]
            if not targets and not together:
                targets = self.reaction_targets(head)   # "recalled its team from Doha after Hamas rejected ..."
            for host in hosts:
                targets = targets or self.prep_targets(host, preps, things=True)
            if not targets and thing is not None:
                targets = [thing]
        elif target_kind != "none":
            # An actor object, then a thing that names one ("Russia's attack"), then an actor in a
            # prepositional phrase ("flew medicine into Afghanistan"), then the thing itself.
            targets = actor_objs
            if not targets and thing is not None and self._holds_actor(thing):
                targets = [thing]
            if not targets:
                for host in hosts:
                    targets = targets or self.prep_targets(host)
            if not targets and thing is not None:
                targets = [thing]
            if not targets:
                targets = self.clausal_target(head, code) or (self.reaction_targets(head) if not together else [])
            if not targets and predicate_obj is not None:
                for host in hosts:
                    targets = targets or self.prep_targets(host, things=True)
                targets = targets or [predicate_obj]
        named_target = any(self.is_actor_like(t) and t not in sources for t in targets)
        reciprocal = not actor_objs and not named_target and (
            match.reciprocal or trigger.lemma_.lower() in self.cues.reciprocal_verbs or matrix_reciprocal)
        if not targets and target_kind != "none" and not (reciprocal and _many(sources)):
            targets = self.fallback_targets(trigger, objs)
        elif target_kind == "none":
            # "allowed the WFP to deliver food": the subject of a small clause is who is allowed
            targets = [o for o in actor_objs if o.dep_ == "nsubj" and o.head.dep_ == "ccomp"]
            # "opened its borders to Somali refugees": an actor named in the object's phrase is still its target
            for obj in objs:
                targets = targets or self.prep_targets(obj, _OBJECT_PREPS | {"from", "by"})
            for obj in objs:   # "lifted the ban on women drivers"
                targets = targets or self.prep_targets(obj, frozenset({"on", "against"}), things=True)
            targets = targets or (self.reaction_targets(head) if not together else []) \
                or self.fallback_targets(trigger, objs) \
                or self.prep_targets(trigger, frozenset({"on", "against", "with", "to", "into"}), things=True)

        rule = rule or match.pattern_id
        if self._peacekeeping(code, trigger, sources):
            code, rule = "074", f"peacekeeping+{rule}"
        code, negated, note = self.adjust(code, negated, modality, _past(head))
        if note:
            rule = f"{note}+{rule}"
        targets, reciprocal, rule = self._settle_targets(trigger, head, code, match, sources, objs, targets,
                                                         reciprocal, rule)
        clause = Clause(trigger=trigger, head=head, anchor=anchor, code=code, rule=rule,
                        sources=sources, targets=targets, negated=negated, modality=modality,
                        reciprocal=reciprocal, object_token=object_token)
        return [clause]

    def _purpose_adds_nothing(self, verb: Token, code: str) -> bool:
        """Whether `verb` is a purpose infinitive that is no event of its own: its head is already an event
        of the same CAMEO root ("met to discuss", "called X to congratulate him"), or the head works against
        it ("blocked a push to renew the inquiry") or is conflict while it sounds cooperative ("imposed a
        curfew to stop the protests")."""
        if not _purpose_infinitive(verb) or self.modality(verb) != "purpose":
            return False
        head = verb.head
        if head.lemma_.lower() in self.cues.blocking_verbs:
            return True
        match = self.lexicon.match(self.features(head, next(iter(self.objects(head)), None)))
        if match is None:
            return False
        head_code = "074" if self._peacekeeping(match.code, head, []) else match.code
        head_root, root = head_code[:2], code[:2]
        return head_root == root or head_root == "12" or ("10" <= head_root <= "20" and "03" <= root <= "08")

    def _peacekeeping(self, code: str, trigger: Token, sources: list[Token]) -> bool:
        """A deployment (15x) or an arrival or visit (042/043) of forces that the clause calls peacekeeping:
        "sent 200 troops to serve as a peacekeeping force", "peacekeepers arrived in Juba" (CAMEO 074)."""
        if not (code[:2] == "15" or code in ("042", "043")):
            return False
        words = self.cues.peacekeeping_words
        if code[:2] != "15":
            return any(t.lemma_.lower() in words or t.lower_ in words for s in sources for t in s.subtree)
        return any(t.lemma_.lower() in words or t.lower_ in words for t in trigger.subtree)

    def _settle_targets(self, trigger: Token, head: Token, code: str, match: PatternMatch, sources: list[Token],
                        objs: list[Token], targets: list[Token], reciprocal: bool,
                        rule: str) -> tuple[list[Token], bool, str]:
        """The last steps of target finding, once the pattern's own places were looked at: one-sided
        complements of coordinated subjects, mutual fights, people acted on, and the nearest actor."""
        target_kind = match.target or "obj"
        if reciprocal and _many(sources) and trigger is not head and not match.reciprocal \
                and trigger.lemma_.lower() not in self.cues.reciprocal_verbs:
            # "X and Y agreed to lift a ban on Z": an actor named in a one-sided complement is the target of
            # each; without one ("X and Y agreed to a ceasefire") they act on each other.
            near = [t for t in targets if self.names_actor(t)] \
                or self.nearby_actor([trigger], sources, objs, named_only=True)
            if near:
                targets, reciprocal = near, False
                rule = f"{rule}+near"
        if not targets and not reciprocal and len(sources) > 1 and ("17" <= code[:2] <= "20" or code == "196"):
            # "Syria and Israel fired across the ceasefire line", "both sides violated the truce": with no one
            # else named, coordinated sides of a fight act on each other.
            reciprocal = True
        people = [o for o in objs if o.lemma_.lower() in self.cues.person_nouns and not self._own_agent(o)]
        if not targets and people and not (reciprocal and _many(sources)):
            targets = people   # "freed 30 hostages", "detained several suspects": the people acted on
        if not (reciprocal and _many(sources)) and not any(self.names_actor(t) for t in targets) \
                and not any(t.lemma_.lower() in self.cues.person_nouns for t in targets):
            # Nothing found names an actor: the nearest actor in the predicate's own phrase is the target
            # ("ordered the release of aid to Egypt", "dismissed the protest filed by X"). A thing that was
            # found ("lifted the blockade") gives way only to a named actor, not to a place it happened in.
            near = self.nearby_actor([trigger, head], sources, objs, named_only=bool(targets)) \
                if not targets or target_kind == "none" or any(t in objs or t.head in objs or t.head.head in objs
                                                                for t in targets) else []
            if near:
                targets = near
                rule = f"{rule}+near"
        return targets, reciprocal, rule

    def _control(self, verb: Token, comp: Token, control, used: set[int], *, clausal: bool = False,
                 addressee: Token | None = None) -> list[Clause]:
        """ "agreed to withdraw", "refused to meet", "urged X to talk", "threatened to strike".

        `addressee` is the object of a prepositional control verb ("called on Egypt to ...").
        """
        used.add(comp.i)
        comp_objs = self.objects(comp)
        match, decided_by = self._match(comp, comp_objs)
        verb_objs = [c for c in verb.children if c.dep_ == "dobj"] or ([addressee] if addressee is not None else [])
        ordered_outside = control.id == "control.order" and bool(verb_objs) and self._outside_party(verb_objs[0])
        if ordered_outside and match is not None and "03" <= match.code[:2] <= "08" and self._demand is not None:
            # "ordered Poland to reinstate the judges": a demand of Poland, not Poland's concession
            # ("ordered the newspaper to suspend publication" stays the coercion it is)
            control = self._demand
        if match is None:
            # "refused to comment" is no event; "refused" with a coded object of its own is.
            own, own_obj = self._match(verb, self.objects(verb))
            default = control.apply("") if verb.lemma_.lower() in self.cues.commitment_verbs else None
            clausal_actor = clausal and any(
                c.dep_ in ("nsubj", "nsubjpass") and self.is_actor_like(c) for c in comp.children)
            if own is not None and (verb_objs or clausal_actor):
                match, decided_by = own, own_obj
                code = match.code
            elif default is not None:
                # "agreed to set up a centre", "threatened to retaliate": the commitment itself.
                match = PatternMatch(code=default, pattern_id=control.id, target="obj", reciprocal=False)
                code = default
                # "refused to respond to a request from 20 MPs": what the complement is about
                comp_objs = comp_objs or self.prep_targets(comp, things=True)
            else:
                return []
        else:
            code = control.apply(match.code)
            if code is None:
                used.discard(comp.i)   # no combined event: the complement is coded on its own
                return []
        if decided_by is not None:
            used.add(decided_by.i)
        sources = self.subjects(verb)
        if not sources:
            return []
        negated = self.negated(verb) or _negated_by_governor(verb, self.cues)
        modality = control.modality if control.modality in ("intent",) else self.modality(verb)
        if clausal:
            comp_subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            objs = [o for o in comp_objs if self.is_actor_like(o)] or self.prep_targets(comp)
            for obj in comp_objs:
                objs = objs or self.prep_targets(obj)
            if comp_subj is not None and self.is_actor_like(comp_subj) and comp_subj.pos_ != "PRON" \
                    and (not objs or match.target == "none" or control.modality in ("demand", "appeal")):
                # "demanded that X step down": X is asked, whatever the complement's own target
                objs = _with_conjuncts(comp_subj)
                match = PatternMatch(code=match.code, pattern_id=match.pattern_id, target="obj",
                                     reciprocal=False)
            objs = objs or comp_objs
        elif (verb.lemma_.lower() in _OBJECT_CONTROL or addressee is not None) and verb_objs \
                and (control.id != "control.order" or ordered_outside):   # "ordered his troops to attack X": X
            objs = _with_conjuncts(verb_objs[0])
            match = PatternMatch(code=match.code, pattern_id=match.pattern_id, target="obj",
                                 reciprocal=False)
        else:
            objs = comp_objs
            if not any(self.is_actor_like(o) for o in objs):
                # "agreed with Iran to exchange technology", "refused to give the US military any data"
                extra = self.prep_targets(verb, frozenset({"with", "to"})) or self.prep_targets(comp)
                if extra:
                    objs = extra + objs
        rule = control.id if match.pattern_id == control.id else f"{control.id}+{match.pattern_id}"
        trigger = verb if match.pattern_id == control.id else comp
        return self._finish(trigger, verb, verb, code, match, sources, objs, negated, modality, used, rule=rule)

    # ------------------------------------------------------------------ blame
    def _blame(self, be: Token) -> list[Clause]:
        """ "Officials said the rebels were responsible", "said Iran was behind the attack": the speaker
        accuses the reported clause's subject (CAMEO 112)."""
        speech = be.head
        if speech.lemma_.lower() not in self.cues.speech_verbs:
            return []
        blame = self.cues.blame_predicates
        predicate = next((c for c in be.children if (c.dep_ == "acomp" and c.lemma_.lower() in blame)
                          or (c.dep_ == "prep" and c.lower_ in blame and any(p.dep_ == "pobj" for p in c.children))),
                         None)
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        if predicate is None or subj is None or not self.is_actor_like(subj) or self.negated(be):
            return []
        speakers = self.subjects(speech)
        if not speakers or not any(self.is_actor_like(s) for s in speakers):
            return []
        return [Clause(trigger=predicate, head=be, anchor=speech, code="112", rule="accuse.blame_predicate",
                       sources=speakers, targets=_with_conjuncts(subj), modality=self.modality(be))]

    # ------------------------------------------------------------------ adjectives
    def _adjective(self, adj: Token) -> list[Clause]:
        """ "X is skeptical about Y", "X said it was concerned over Y": evaluative statements."""
        preps = []
        for child in adj.children:
            if child.dep_ == "prep":
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                preps.append((child.lower_, pobj.lemma_.lower() if pobj is not None else None))
        features = PredicateFeatures(lemma=adj.lemma_.lower(), pos="ADJ", preps=tuple(preps))
        match = self.lexicon.match(features)
        if match is None:
            return []
        sources = self.subjects(adj)
        if not sources:
            return []
        head = adj.head
        targets = self.prep_targets(adj) or self.prep_targets(adj, things=True) or self.clausal_target(adj, match.code)
        if not targets:
            comp = next((c for c in adj.children if c.dep_ == "ccomp"), None)
            subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None) if comp else None
            targets = [subj] if subj is not None else []
        return [Clause(trigger=adj, head=adj, anchor=head, code=match.code, rule=match.pattern_id,
                       sources=sources, targets=targets, negated=self.negated(head) or self.negated(adj),
                       modality=self.modality(head))]

    # ------------------------------------------------------------------ nouns
    def _noun(self, noun: Token) -> Clause | None:
        match = self.lexicon.match(self.noun_features(noun))
        if match is None:
            return None
        sources: list[Token] = []
        targets: list[Token] = []
        reciprocal = False
        anchor = noun
        governor = noun.head if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "conj") else None
        if governor is not None and governor.dep_ == "conj" and noun.dep_ == "conj":
            governor = None
        for child in noun.children:
            if child.dep_ == "poss" and self.is_actor_like(child):
                sources = [child]
            elif child.dep_ == "prep":
                low = child.lower_
                pobjs = [c for c in child.children if c.dep_ == "pobj"]
                if not pobjs:
                    continue
                if low == "between":
                    group = _with_conjuncts(pobjs[0])
                    if len(group) > 1:
                        sources, reciprocal = group, True
                elif low == "by" and not sources and self.is_actor_like(pobjs[0]):
                    sources = _with_conjuncts(pobjs[0])
                elif low in self.cues.target_preps and not targets and self.is_actor_like(pobjs[0]):
                    targets = _with_conjuncts(pobjs[0])
                elif low == "of" and not targets and match.target != "none" and self.is_actor_like(pobjs[0]) \
                        and pobjs[0].ent_type_ in ("GPE", "ORG", "PERSON", "NORP"):
                    targets = _with_conjuncts(pobjs[0])
        if not sources:
            for child in noun.children:
                if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG") \
                        and child.i < noun.i:
                    sources = [child]
                    break
        if governor is not None and governor.pos_ in ("VERB", "AUX"):
            anchor = governor
            if not sources and noun.dep_ in ("dobj", "attr") and (governor.lemma_.lower() in self.cues.light_verbs
                                                                   or governor.lemma_ == "be"):
                sources = self.subjects(governor)   # "held talks", "launched an attack": the doer of the verb
            if not targets and noun.dep_ == "dobj":
                targets = self.prep_targets(governor)
        if not sources:
            return None
        if match.target == "none":
            targets = []
        elif not targets:
            # "criticism of the government's handling", "suspension of air links with 21 countries",
            # "its demand that the US ease sanctions"
            targets = self.prep_targets(noun, _OBJECT_PREPS | {"into"}, things=True)
            if targets and not self.is_actor_like(targets[0]):
                deeper = self.prep_targets(targets[0], frozenset({"with", "to", "against", "of"}))
                targets = deeper or targets
            if not targets:
                clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")),
                              None)
                subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
                    if clause is not None else None
                if subj is not None and self.is_actor_like(subj):
                    targets = [subj]
        negated = self.negated(noun) or (anchor is not noun and (self.negated(anchor)
                                                                 or _negated_by_governor(anchor, self.cues)))
        modality = self.modality(anchor) if anchor is not noun else None
        code = match.code
        if anchor is not noun and self._purpose_adds_nothing(anchor, code):
            return None   # "blocked a push to renew the investigation"
        if anchor is not noun and anchor.lemma_.lower() in self.cues.intent_verbs:
            modality = "intent"
        code, negated, note = self.adjust(code, negated, modality, _past(anchor))
        rule = match.pattern_id if not note else f"{note}+{match.pattern_id}"
        reciprocal = reciprocal or (not targets and match.reciprocal)
        return Clause(trigger=noun, head=noun, anchor=anchor, code=code, rule=rule,
                      sources=sources, targets=targets, negated=negated, modality=modality,
                      reciprocal=reciprocal)


# Verbs whose bare-infinitive complement the parser may read as a subjectless clause ("let free X").
_BARE_INFINITIVE_HEADS = frozenset({"let", "help", "make"})
_CAUSATIVES = frozenset({"order", "want", "get", "have", "see", "need", "demand"})


def _causative_head(verb: Token) -> Token | None:
    """The verb of "ordered X jailed", "wants him extradited" when `verb` is the participle, else None."""
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return None
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "dobj" and head.head.pos_ == "VERB" \
            and head.head.lemma_.lower() in _CAUSATIVES and not any(c.dep_ == "agent" for c in verb.children):
        return head.head
    if head.lemma_.lower() not in _CAUSATIVES or head.pos_ != "VERB":
        return None
    if verb.dep_ in ("ccomp", "xcomp", "oprd") and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return head
    return None


_PARTICLES = frozenset({"down", "up", "back", "off", "out", "aside", "away", "over"})


def _loose_particle(verb: Token) -> Token | None:
    """A verb particle the parser read as an adverb or a preposition without an object, right after the
    verb: "stepped down over the scandal", "pulled out of the talks", "brushed aside the warnings"."""
    if verb.i + 1 >= len(verb.doc):
        return None
    nxt = verb.doc[verb.i + 1]
    if nxt.head.i != verb.i or nxt.lower_ not in _PARTICLES or nxt.dep_ not in ("advmod", "prep", "prt"):
        return None
    if nxt.dep_ == "prep" and any(c.dep_ == "pobj" for c in nxt.children):
        return None   # "fled over the border" is a preposition with its object
    return nxt


def _purpose_infinitive(verb: Token) -> bool:
    """ "sent jets *to destroy* the reactor", "called X on Wednesday *to congratulate* him": an infinitive
    of purpose hung on a verb, with no subject or conjunction of its own."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and not any(c.dep_ in ("mark", "nsubj") for c in verb.children)


def _small_clause_subject(head: Token, clause: Token) -> Token | None:
    """The subject of a clause that says who a noun or a permission is about: "claims that two servicemen
    abused children", "gave approval for the UN to deliver aid"; None for other clauses."""
    about_noun = head.pos_ == "NOUN" and clause.dep_ in ("acl", "ccomp")
    for_to = clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
    if not (about_noun or for_to):
        return None
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _REL_PRONOUNS),
                None)


def _with_conjuncts(token: Token) -> list[Token]:
    out = [token]
    stack = [token]
    while stack:
        t = stack.pop()
        for child in t.children:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _many(sources: list[Token]) -> bool:
    """Several sources: coordinated, or one plural description ("the three governments")."""
    return len(sources) > 1 or (len(sources) == 1 and sources[0].tag_ in ("NNS", "NNPS"))


def _past(verb: Token) -> bool:
    """Whether a clause reports a past act ("did not meet", "has not signed", "failed to attend")."""
    for t in (verb, verb.head if verb.dep_ == "xcomp" else None):
        if t is None:
            continue
        for child in t.children:
            if child.dep_ == "aux":
                low = child.lower_
                if low in ("did", "had", "has", "have"):
                    return True
                if low in ("will", "would", "does", "do", "can", "could", "shall", "'ll", "wo", "ca"):
                    return False
        if t.tag_ == "VBD":
            return True
    return False


def _bare_role(token: Token) -> bool:
    """ "negotiators", "the troops": a role noun that names no one in particular."""
    return token.pos_ == "NOUN" and token.ent_type_ == "" and not any(
        c.dep_ in ("poss", "compound", "amod") and (c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PRON")
        for c in token.children)


def _own_agent(token: Token) -> bool:
    """ "its team", "their own troops": a role noun owned by a pronoun, i.e. by the subject."""
    return token.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children) \
        and token.ent_type_ == ""


def _speech_head(token: Token, cues: Cues) -> Token | None:
    """The speech verb whose reported clause contains `token`, if any (nearest)."""
    t = token
    for _ in range(8):
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in cues.speech_verbs:
            return t.head
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _negated_by_governor(verb: Token, cues: Cues) -> bool:
    """ "failed to agree", "did not agree to meet" (negation on the control verb)."""
    if verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_.lower() in cues.negating_verbs:
            return True
        return any(c.dep_ == "neg" for c in head.children)
    return False


def _governor_modality(verb: Token, cues: Cues) -> str | None:
    if verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_.lower() in cues.intent_verbs:
            return "intent"
        for c in head.children:
            if c.dep_ == "aux" and c.lower_ in cues.future_aux:
                return "future"
            if c.dep_ == "aux" and c.lower_ in cues.hypothetical_aux:
                return "hypothetical"
    return None
