"""Argument extraction: who and what a predicate's parse names, from syntax alone.

Given a predicate token of a repaired parse, `Arguments` finds the heads of its subjects (following
passives, coordination, control, relative clauses, participles and purpose infinitives), its objects,
its prepositional phrases, its negation and modality, and the features the lexicon matches on. It
knows no CAMEO code: which arguments become source and target of which event is decided by the
coding policy (`policy.py`) and target finding (`targets.py`).

Whether a token can name an actor is the one question it asks of actor resolution, through the
`is_actor_like`, `is_country` and `names_actor` predicates it is given.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from parley import nouns
from parley.coding.cues import Cues
from parley.lexicon import PredicateFeatures

TokenTest = Callable[[Token], bool]

SUBJ = frozenset({"nsubj", "csubj"})
NEG_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "force", "order", "persuade", "tell", "allow",
                            "press", "pressure", "encourage", "invite", "request", "compel", "help",
                            "appeal", "push", "warn", "advise", "instruct", "demand", "permit"})
REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
# Prepositions after a thing that name whom it concerns ("a blockade of X", "tariffs on X").
OBJECT_PREPS = frozenset({"of", "on", "against", "with", "to", "for", "into", "toward", "towards", "over"})
# Verbs whose bare-infinitive complement the parser may read as a subjectless clause ("let free X").
_BARE_INFINITIVE_HEADS = frozenset({"let", "help", "make"})
_CAUSATIVES = frozenset({"order", "want", "get", "have", "see", "need", "demand"})
_PARTICLES = frozenset({"down", "up", "back", "off", "out", "aside", "away", "over"})
_ON_IDIOMS = frozenset({"ice", "hold"})   # "put the talks on ice", "placed the negotiations on hold"
_PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
# A release told without its agent takes the captives' holder as its agent (`Arguments._captives_holder`).
_RELEASING = frozenset({"free", "release", "return", "repatriate", "exchange", "swap", "hand", "set", "let"})
_HOLDING = frozenset({"hold", "kidnap", "abduct", "seize", "capture", "take", "detain", "keep", "snatch"})
# "talks with the armed group besieging the town", parsed as "with [X besieging Y]" (`Arguments.prep_targets`)
_WITH_DOING = _HOLDING | {"besiege", "encircle", "blockade", "surround", "occupy", "control"}
# ... or "with the union federation leading a strike", but not "with Norway leading the mediation" (who leads the
# talks is no side of them)
_WITH_WAGING = frozenset({"lead", "wage", "stage", "run", "fight", "organize", "organise", "spearhead", "mount"})
_LED_TALKS = frozenset({"talk", "talks", "mediation", "negotiation", "process", "session", "discussion", "dialogue",
                        "delegation", "team", "effort", "round", "meeting", "contact"})
# Talks as the subject of their own end or restart ("the talks broke down", "talks between X and Y resumed"),
# and the rounds they come in ("a second round of talks opened").
# Words the parser takes for a preposition before another one, where they are a verb's particle ("flew out of").
_PARTICLE_PREPS = frozenset({"out", "away", "back", "off"})
# What a side has in talks: "froze its part in the talks", the parser hanging "in the talks" on the noun.
_SHARE_NOUNS = frozenset({"part", "role", "participation", "involvement", "engagement", "seat"})
TALK_HALTING_VERBS = frozenset({"collapse", "stall", "fail", "founder", "falter", "halt", "suspend", "freeze", "end",
                                "derail", "abandon", "cancel", "postpone", "adjourn", "shelve", "deadlock"})
TALK_HALTING_PARTICLES = {"break": "down", "call": "off", "fall": "apart", "grind": "halt"}
TALK_RESUMING_VERBS = frozenset({"resume", "restart", "reconvene", "reopen", "revive", "relaunch", "reactivate"})
# Talks that resume by a verb and its particle: "the talks picked back up on Tuesday".
TALK_RESUMING_PARTICLES = {"pick": "up"}


def resumes_talks(verb: Token) -> bool:
    """Whether `verb` is said of talks that resume ("resumed", "reconvened", "picked back up")."""
    lemma = verb.lemma_.lower()
    if lemma in TALK_RESUMING_VERBS:
        return True
    particle = TALK_RESUMING_PARTICLES.get(lemma)
    if particle is not None and any(c.lower_ == particle for c in verb.children):
        return True
    # "the talks got going again on Thursday", "opened again", "got under way anew"
    return any(c.lower_ in ("again", "anew") for c in verb.children) and (
        lemma in ("go", "open", "begin", "start") or lemma == "get" and _under_way(verb))


_TALK_PLURALS = frozenset({"talks", "negotiations", "consultations", "discussions", "contacts", "rounds"})
_TALK_SINGULARS = frozenset({"dialogue", "dialog", "negotiation", "process", "round", "mediation", "track"})


def talks_named_by_pronoun(token: Token) -> Token | None:
    """The talks a "they" stands for, or None: "they" as the subject, with no object, of a verb of talks
    starting, resuming or ending, right after a sentence of the same paragraph whose subject is talks ("The
    talks had collapsed in August. They were restarted on Tuesday"). "They resumed their strike" has an object;
    "Union leaders met the minister. They resumed ..." has no talks before it."""
    verb = token.head
    if token.lower_ != "they" or token.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB" \
            or token.sent.start == 0 or any(c.dep_ == "dobj" for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    if not (begins_talks(verb) or lemma in TALK_HALTING_VERBS
            or TALK_HALTING_PARTICLES.get(lemma) in {c.lower_ for c in verb.children}):
        return None
    before = token.doc[token.sent.start - 1].sent
    if "\n" in token.doc[before.end - 1:token.sent.start + 1].text:
        return None
    return next((t for t in before if t.lower_ in _TALK_PLURALS and t.dep_ in ("nsubj", "nsubjpass")), None)


def talks_of_pronoun(obj: Token) -> str | None:
    """The talks an object pronoun stands for, named earlier in its sentence: "began negotiations with the US,
    only to break them off later", "opened a dialogue in May but suspended it in June"."""
    if obj.pos_ != "PRON" or obj.lower_ not in ("them", "it"):
        return None
    nouns_ = _TALK_PLURALS if obj.lower_ == "them" else _TALK_SINGULARS
    return next((t.lemma_.lower() for t in reversed(obj.doc[obj.sent.start:obj.i]) if t.lower_ in nouns_
                 and t.pos_ == "NOUN"), None)


def begins_talks(verb: Token) -> bool:
    """Whether `verb` is said of talks that begin or resume ("opened", "began", "got under way", "kicked
    off", "resumed")."""
    lemma = verb.lemma_.lower()
    if lemma in ("open", "begin", "start") or resumes_talks(verb):
        return True
    if lemma == "get":   # "got under way"
        return _under_way(verb)
    return lemma == "kick" and any(c.lower_ == "off" for c in verb.children)


def _under_way(verb: Token) -> bool:
    return any(c.lower_ == "under" and any(o.lower_ == "way" for o in c.children) for c in verb.children)


ROUND_NOUNS = frozenset({"round", "session", "phase", "stage"})
# Verbs of naming someone to a role, whose object takes it: "the AU appointed her as its envoy".
APPOINTING_VERBS = frozenset({"name", "appoint", "designate", "choose", "tap", "select", "nominate", "pick"})
#: Nouns of meetings and talks: a town named before them is their venue ("the Doha talks"), the actor they hold is
#: a side only as the other side ("talks with X").
MEETING_NOUNS = frozenset({"talk", "talks", "negotiation", "meeting", "summit", "dialogue", "conference", "session",
                           "round", "consultation"})


# Nouns of deals, whose passive relative clause the parser may hang on the last side named "between".
#: Verbs that make a deal ("agreed", "reached", "struck", "sealed" ... a deal).
DEAL_MAKING_VERBS = frozenset({"agree", "sign", "reach", "strike", "seal", "conclude", "clinch", "finalise",
                               "finalize", "hammer", "broker"})
#: Verbs of making a deal as its participle or passive tells them ("was worked out", "was initialled").
DEAL_PARTICIPLES = DEAL_MAKING_VERBS | {"work", "initial", "ink"}
DEAL_NOUNS = frozenset({"deal", "agreement", "accord", "arrangement", "pact", "treaty", "truce", "ceasefire",
                        "understanding", "settlement", "swap", "exchange"})


def relative_antecedent(verb: Token) -> Token:
    """What a passive relative clause is about: its head, except for "a deal between X and Y that was sealed
    on Friday" (or talks), which the parser hangs on Y."""
    head = first = verb.head
    while first.dep_ == "conj":
        first = first.head
    if first is not head and first.dep_ == "pobj" and first.head.lower_ == "between" \
            and first.head.head.lemma_.lower() in DEAL_NOUNS | MEETING_NOUNS \
            and any(c.dep_ == "nsubjpass" and c.tag_ == "WDT" for c in verb.children):
        return first.head.head
    return head


# Verbs of relying on someone to do something: the one relied on does it.
_RELYING = frozenset({"rely", "count", "depend", "lean"})


class Arguments:
    """Syntactic arguments of predicates.

    Args:
        cues: the word lists (speech verbs, locative prepositions ...).
        is_actor_like: whether a token heads a phrase that can name an actor.
        is_country: whether a token's phrase names a whole country.
        names_actor: whether a token's phrase names an actor anywhere in it; by default an actor-like
            head or a phrase that holds one (`holds_actor`).
    """

    def __init__(self, cues: Cues, is_actor_like: TokenTest, is_country: TokenTest,
                 names_actor: TokenTest | None = None) -> None:
        self.cues = cues
        self.is_actor_like = is_actor_like
        self.is_country = is_country
        self.names_actor = names_actor or (lambda t: is_actor_like(t) or self.holds_actor(t))

    # ------------------------------------------------------------------ lexicon features
    def features(self, verb: Token, obj: Token | None) -> PredicateFeatures:
        """What the lexicon matches a verb on: lemma, particle, object and its modifiers, prepositions,
        and the lemma of a complement ("agreed to withdraw", "found him guilty")."""
        loose = loose_particle(verb)
        particle = loose.lower_ if loose is not None else None
        preps: list[tuple[str, str | None]] = []
        xcomp = None
        children = list(verb.children) + (list(loose.children) if loose is not None else [])
        for child in children:
            dep = child.dep_
            if dep == "prt" or (loose is not None and child.i == loose.i):
                particle = child.lower_
            elif dep in ("advmod", "oprd", "npadvmod") and child.lower_ in ("home", "halfway") and particle is None:
                particle = child.lower_   # "called its negotiators home", "has met Bolivia halfway"
            elif particle is None and (dep == "advmod" and child.lower_ == "together" or dep == "prep" and any(
                    g.dep_ == "advmod" and g.lower_ == "together" for g in child.children)):
                particle = "together"   # "brought the two sides together (on Monday)"
            elif dep in ("prep", "agent"):
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and pobj.ent_type_ in ("DATE", "TIME"):
                    continue   # "On Nov. 18, X called Y" is no "call on"
                split = _particle_and_prep(child) if pobj is None and particle is None and obj is None else None
                if split is not None:
                    particle = child.lower_
                    preps.append(split)
                    continue
                preps.append((child.lower_, pobj.lemma_.lower() if pobj is not None else None))
            elif dep == "xcomp" and child.pos_ in ("VERB", "AUX"):
                xcomp = _complement_lemma(child)
            elif dep in ("ccomp", "oprd", "xcomp", "acomp") and child.pos_ == "ADJ" and xcomp is None:
                xcomp = child.lemma_.lower()   # "found him guilty", "declared the vote invalid"
        if obj is not None:   # "carried messages between the delegations": the parser hangs it on the object
            preps += _object_preps(obj)
            # "put its negotiations with Sri Lanka over the fishermen on ice": the parser hangs the idiom's "on"
            # on the last noun before it
            held = held_on(verb, nested_only=True)
            if held is not None:
                preps.append(("on", held))
        xcomp = _called_back_to_talks(xcomp, obj)
        if xcomp is None and obj is not None and obj.dep_ == "nsubj" and obj.head.head.i == verb.i \
                and obj.head.dep_ == "ccomp" and obj.head.tag_ == "VBN":
            xcomp = obj.head.lemma_.lower()   # "wants the sanctions lifted": what should become of the object
        if xcomp is None:
            # "phoned the minister on Sunday to thank her": a purpose infinitive the parser hung loosely
            purpose = next((c for c in verb.children if c.pos_ == "VERB" and purpose_infinitive(c)), None)
            if purpose is not None:
                xcomp = purpose.lemma_.lower()
        return PredicateFeatures(lemma=verb.lemma_.lower(), pos="VERB", particle=particle,
                                 obj=talks_of_pronoun(obj) or obj.lemma_.lower() if obj is not None else None,
                                 obj_mods=_object_modifiers(obj) if obj is not None else (),
                                 preps=tuple(preps), xcomp=xcomp,
                                 obj_actor=obj is not None and (self.names_party(obj) or self._holds_named(obj)
                                                                or obj.like_num),   # "killed at least 12"
                                 small_clause=_small_clause(verb), subj=_subject_lemma(verb))

    def noun_features(self, noun: Token) -> PredicateFeatures:
        """What the lexicon matches an event noun on: lemma, modifiers, prepositions, its "of" object."""
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

    def adjective_features(self, adj: Token) -> PredicateFeatures:
        """What the lexicon matches an evaluative adjective on ("concerned over", "skeptical about")."""
        preps = []
        for child in adj.children:
            if child.dep_ == "prep":
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                preps.append((child.lower_, pobj.lemma_.lower() if pobj is not None else None))
        return PredicateFeatures(lemma=adj.lemma_.lower(), pos="ADJ", preps=tuple(preps))

    # ------------------------------------------------------------------ subjects
    def subjects(self, verb: Token, _depth: int = 0) -> list[Token]:
        """Heads of the source arguments of `verb`, following shared-subject constructions; a plural noun that
        an apposition lists ("neighbouring countries Costa Rica and Nicaragua") stands for the things listed."""
        found = self._subjects(verb, _depth)
        return [t for head in found for t in _listed_by_apposition(head)]

    def _subjects(self, verb: Token, _depth: int = 0) -> list[Token]:
        causer = causative_head(verb)
        if causer is not None:
            return self.subjects(causer, _depth + 1)   # "ordered the two mayors detained": the court detains
        if any(c.dep_ in _PASSIVE_DEPS for c in verb.children) or (
                verb.tag_ == "VBN" and (verb.dep_ in ("advcl", "conj") or verb.dep_ == "acl" and verb.i > 0
                                        and (verb.doc[verb.left_edge.i - 1].text == "," or _brokered_talks(verb)))
                and any(c.dep_ == "agent" for c in verb.children)):
            # "opened talks on Monday, hosted by Mexico": Mexico hosts (a participle that restricts a noun, "aid
            # delivered by UN agencies", is part of that noun's phrase, often of what is demanded)
            return self._passive_agent(verb)
        own = self._own_subject(verb)
        if own is not None:
            return own
        if deal_by_participle(verb):
            # "an agreement hammered out in Jeddah", "Under the deal, agreed on Wednesday, ...": the deal stands for
            # its sides (the mention resolver finds them: `deal_sides`)
            return [verb.head]
        if _depth > 4:
            return []
        shared = self._shared_subject_host(verb)
        if isinstance(shared, list):
            return shared
        return self.subjects(shared, _depth + 1) if shared is not None else []

    def _passive_agent(self, verb: Token) -> list[Token]:
        """The "by" agent of a passive, also where the parser hung it on a noun of the verb's phrase."""
        for child in verb.children:
            if child.dep_ == "agent":
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj:
                    return with_conjuncts(pobj[0])
        if verb.dep_ == "acl":   # "aid delivered by the UN" is handled by the agent above
            return []
        return self._misattached_agent(verb) or self._captives_holder(verb) or _deal_itself_passive(verb)

    def _captives_holder(self, verb: Token) -> list[Token]:
        """ "Nine of the aid workers held by the militia were freed": whoever held the captives of a release
        told without its agent frees them (nobody when the text names no holder)."""
        if verb.lemma_.lower() not in _RELEASING:
            return []
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return self.holder_of(patient) if patient is not None else []

    def holder_of(self, patient: Token) -> list[Token]:
        """Who held the captives `patient` names: "nine aid workers held by the militia", "seven of the road
        workers seized by the gang" (nobody when no "by" names the holder)."""
        # "Seven of the 17 road workers held by ...": the captives are the "of" phrase of a number
        captives = [patient, *(p for c in patient.children if c.dep_ == "prep" and c.lower_ == "of"
                               for p in c.children if p.dep_ == "pobj")]
        for captive in captives:
            for holding in (c for c in captive.children if c.dep_ == "acl" and c.tag_ == "VBN"
                            and c.lemma_.lower() in _HOLDING):
                agent = next((p for c in holding.children if c.dep_ == "agent" for p in c.children
                              if p.dep_ == "pobj"), None)
                if agent is not None and self.is_actor_like(agent):
                    return with_conjuncts(agent)
        return []

    def _own_subject(self, verb: Token) -> list[Token] | None:
        """The verb's own subject (a list, maybe empty when it cannot be an actor), or None if it has none."""
        subjects = [c for c in verb.children if c.dep_ in SUBJ]
        if not subjects:
            # "negotiators were once more facing each other": the parser hung the subject on the auxiliary
            subjects = [c for a in verb.children if a.dep_ in ("aux", "auxpass") and a.i < verb.i
                        for c in a.children if c.dep_ in SUBJ and c.pos_ in ("NOUN", "PROPN", "PRON")]
            if subjects:
                return with_conjuncts(subjects[-1])
        if len(subjects) > 1:
            # "LIMA (Reuters): The minister has met ...": a dateline read as a second subject
            subjects = [c for c in subjects if c.i < verb.i][-1:] or subjects[:1]
        for child in verb.children:
            if child.dep_ in SUBJ and child in subjects:
                if child.lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
                    described = verb.head
                    if described.dep_ == "appos" and described.head.ent_type_ == "PERSON":
                        # "Rosli Mat Daud, a retired police chief who has acted as a conduit": the person
                        return with_conjuncts(described.head)
                    return with_conjuncts(described)
                if child.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"):
                    return with_conjuncts(child)
                return []
            if child.dep_ == "expl":
                return []
        return None

    def _shared_subject_host(self, verb: Token) -> Token | list[Token] | None:
        """Where a subjectless verb takes its subject from: a verb to ask in turn, the subject itself
        (a list), or None when nothing supplies one."""
        dep, head = verb.dep_, verb.head
        if dep in ("xcomp", "advcl") and head.lemma_.lower() in _RELYING \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "relying on a committee of clerics to carry proposals": the committee carries them
            relied = next((p for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                           for p in c.children if p.dep_ == "pobj"), None)
            if relied is not None:
                return with_conjuncts(relied)
        if dep == "advcl" and head.lemma_.lower() in ("invite", "ask", "appoint", "name", "choose", "select") \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "both sides invited the bishop ... to chair the discussions", parsed as a purpose: he chairs
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs:
                return with_conjuncts(objs[0])
        if dep == "xcomp":
            raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None and not any(c.dep_ == "agent" for c in head.children):
                return with_conjuncts(raised)   # "the rebels are said to have rejected", "is believed to"
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs and head.lemma_.lower() in OBJECT_CONTROL:
                return with_conjuncts(objs[0])
            return head
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            speech = speech_head(head, self.cues)
            if speech is not None and verb.tag_ == speech.tag_ != head.tag_ \
                    and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children):
                # "X said that Y was ... and accused Z": the second verb is X's, not Y's; but in "X said
                # Y has infected ... and killed ..." the second shares Y's auxiliary.
                return speech
            return head
        if dep == "relcl":
            return with_conjuncts(head)
        if dep == "acl" and verb.tag_ == "VBG":
            if head.pos_ == "NOUN" and head.dep_ == "dobj" and not self.is_actor_like(head) \
                    and head.head.pos_ == "VERB":
                # "adopted a motion censuring X", "released a note faulting X": the act is the
                # author's, i.e. the subject of the verb the document is the object of; but not a broker's
                if head.head.lemma_.lower() in self.cues.brokering_verbs:
                    return []
                return head.head
            if head.lower_ in self.cues.platform_names:
                # "posted a message on Twitter blaming Iran": the parser hung the participle on the platform
                return next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
            return with_conjuncts(head)
        return _subordinate_subject_host(verb)

    def _misattached_agent(self, verb: Token) -> list[Token]:
        """ "was found guilty of fraud by a tribunal": a "by" phrase the parser hung on a noun of the
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
                                return with_conjuncts(pobj)
                        nxt.append(child)
            frontier = nxt
        return []

    # ------------------------------------------------------------------ objects
    def objects(self, verb: Token) -> list[Token]:
        """Heads of the objects of `verb`: a causative's patient, a passive subject, a participle's noun,
        a small clause's subject, datives (recipients first) and direct objects."""
        patients = self._patients(verb)
        if patients is not None:
            return patients
        if not any(c.dep_ in ("dobj", "dative") for c in verb.children):
            small = self._small_clause_object(verb)
            if small is not None:
                return with_conjuncts(small)
        found: list[Token] = []
        for child in verb.children:
            if child.dep_ == "dative" and child.pos_ != "ADP" and self.is_actor_like(child):
                found.extend(with_conjuncts(child))   # "handed Brazil an ultimatum": the recipient first
        for child in verb.children:
            if child.dep_ == "dobj":
                found.extend(t for t in with_conjuncts(child) if t not in found)
        if found:
            return found
        for child in verb.children:
            if child.dep_ == "dative" and child.pos_ != "ADP":
                return with_conjuncts(child)
        for child in verb.children:
            if child.dep_ == "npadvmod" and child.lemma_.lower() in ("day", "week", "round", "session") and any(
                    c.dep_ == "prep" and c.lower_ == "of" and any(p.lemma_.lower() in MEETING_NOUNS
                                                                 for p in c.children) for c in child.children):
                return [child]   # "ended a third day of talks", the day parsed as a time adverb
        if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in verb.children) \
                and not any(c.dep_ in ("ccomp", "xcomp") or c.tag_ in ("WDT", "WP") or c.dep_ == "prep" and not any(
                    g.dep_ in ("pobj", "pcomp") for g in c.children) for c in verb.children) \
                and verb.head.lemma_.lower() not in _ZERO_RELATIVE_ADVERBIALS:
            # "a proposal the Kenyan side threw out", "an arrangement the two delegations had reached": the noun
            # is the object left out (not "the day the talks resumed", "the way they voted")
            return [verb.head]
        return []

    def _patients(self, verb: Token) -> list[Token] | None:
        """Who undergoes a causative ("ordered the journalist released", either parse), a passive or a
        participle ("the convoy attacked near the border"); None when `verb` is none of these."""
        if causative_head(verb) is not None:
            if verb.dep_ == "acl":
                return with_conjuncts(verb.head)
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return with_conjuncts(subj) if subj is not None else []
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                if child.lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
                    return with_conjuncts(relative_antecedent(verb))
                return with_conjuncts(child)
        if verb.dep_ == "acl" and (verb.tag_ == "VBN" or deal_by_participle(verb)):
            return with_conjuncts(verb.head)   # (a deal's participle the tagger took for a past tense: "worked out")
        if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.dep_ == "acl" and verb.head.tag_ == "VBN":
            return with_conjuncts(verb.head.head)   # "a dialogue convened and chaired by the bishops": the dialogue
        talks = talks_participle_object(verb)
        if talks is not None:
            return [talks]
        return None

    def _small_clause_object(self, verb: Token) -> Token | None:
        """ "allowed the plane to land" parsed as a clause: its subject is the verb's object."""
        for child in verb.children:
            gerund = child.tag_ == "VBG" and not any(c.dep_ in ("aux", "mark") for c in child.children) \
                and verb.lemma_.lower() not in self.cues.speech_verbs   # "take in families escaping the drought"
            # "allow inspectors back into the site", "let the convoy through": a particle of motion
            motion = child.pos_ in ("ADV", "ADP") and child.lower_ in ("back", "in", "through", "out", "home")
            # "held talks focused on gas": a participle the parser made a clause of the object
            participle = child.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "mark") for c in child.children)
            if child.dep_ == "ccomp" and (child.pos_ == "ADJ" or gerund or motion or participle or any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in child.children)):
                subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                    return subj
        return None

    def prep_targets(self, token: Token, preps: frozenset[str] | None = None, *,
                     things: bool = False) -> list[Token]:
        """Actors (or, with `things`, any noun) in prepositional phrases of `token`."""
        allowed = preps if preps is not None else self.cues.target_preps
        for child in token.children:
            if child.dep_ in ("prep", "dative", "agent") and child.lower_ in allowed:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (self.is_actor_like(pobj) or things and pobj.pos_ in
                                                ("NOUN", "PROPN") and pobj.ent_type_ not in ("DATE", "TIME")):
                        # "withdrew its staff from Lima": a city after "from" is a place, not an actor.
                        if child.lower_ == "from" and pobj.ent_type_ in ("GPE", "LOC", "FAC") and not things \
                                and not self.is_country(pobj):
                            continue
                        return with_conjuncts(pobj)
                    if pobj.dep_ == "pcomp" and pobj.tag_ == "VBG" and (pobj.lemma_.lower() in _WITH_DOING or (
                            pobj.lemma_.lower() in _WITH_WAGING and any(
                                c.dep_ == "dobj" and c.lemma_.lower() not in _LED_TALKS for c in pobj.children))):
                        # "talks with the armed group holding 17 road workers", parsed as "with [X holding Y]"
                        holder = next((c for c in pobj.children if c.dep_ == "nsubj"), None)
                        if holder is not None and self.is_actor_like(holder):
                            return with_conjuncts(holder)
        return []

    def holds_actor(self, token: Token) -> bool:
        """ "the latest U.S. offer", "the minister's decision", "the plan of the rebels"."""
        for child in token.children:
            if child.dep_ == "poss":
                return True
            if child.dep_ in ("compound", "amod", "nmod", "appos") and child.ent_type_ in ("NORP", "GPE", "ORG",
                                                                                       "PERSON"):
                return True   # "the lawyer Ana Duarte", "a High Court ruling"
            if child.dep_ == "prep" and child.lower_ in ("of", "by", "from"):
                if any(p.dep_ == "pobj" and self.is_actor_like(p) for p in child.children):
                    return True
            if child.dep_ == "acl" and child.tag_ == "VBN":   # "the offer made by the rebels"
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    if any(p.dep_ == "pobj" and self.is_actor_like(p) for p in agent.children):
                        return True
        return False

    def names_party(self, token: Token) -> bool:
        """Whether a phrase can be someone acted on: an actor, or people ("hostages", "a man")."""
        lemma = token.lemma_.lower()
        return self.is_actor_like(token) or lemma in self.cues.person_nouns \
            or token.pos_ == "NOUN" and nouns.names_person(lemma)

    def _holds_named(self, token: Token) -> bool:
        """A thing that names an actor other than by a pronoun ("the province's ban", not "their weapons")."""
        return self.holds_actor(token) and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)

    def own_agent(self, token: Token) -> bool:
        """ "its team", "their own troops" (not "his Russian counterpart")."""
        return own_agent(token) and token.lemma_.lower() not in self.cues.counterpart_nouns

    def deontic_speaker(self, verb: Token, *, any_subject: bool = True) -> tuple[list[Token], list[Token]] | None:
        """The speaker and addressee of "X said Y must/should do Z", or None.

        The addressee is the clause's subject, an actor, or ("escalation has to stop") what is at issue.
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
        return with_conjuncts(speaker[0]), with_conjuncts(addressee[0])

    # ------------------------------------------------------------------ flags
    def negated(self, token: Token) -> bool:
        """Whether `token` carries a negation of its own ("not", "never", "no talks"), or its subject does
        ("neither Brazil nor Chile recognised", "no country recognised")."""
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "preconj") and child.lower_ in NEG_WORDS):
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and any(
                    d.dep_ in ("preconj", "det") and d.lower_ in ("neither", "no") for d in child.children):
                return True
        # "left nothing to negotiate", "there is nobody to talk to": an act of which there is none
        none = ("nothing", "nobody", "none", "no-one")
        return token.pos_ == "VERB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children) and (
            token.dep_ in ("acl", "relcl") and token.head.lower_ in none
            or token.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.lower_ in none and c.i < token.i
                                             for c in token.head.children))

    def modality(self, verb: Token) -> str | None:
        """ "future", "hypothetical" or "purpose" from auxiliaries, conditionals and purpose infinitives."""
        mod = None
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass"):
                low = child.lower_
                if low in self.cues.future_aux:
                    mod = "future"
                elif low == "would" and self._reported_future(verb):
                    mod = "future"   # "said it would sign": the future seen from a past statement
                elif low in self.cues.hypothetical_aux:
                    return "hypothetical"
            elif child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return "hypothetical"
        if _inverted_condition(verb) or verb.dep_ == "xcomp" and _inverted_condition(verb.head) \
                or _of_any_thing(verb):
            # "should the two governments wish to meet again", "had the army withdrawn", "ready to support any
            # arrangement the two governments agree on": none yet
            return "hypothetical"
        if mod is None and verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and verb.head.tag_ == "VBG":
            mod = "future"
        if mod is None and (purpose_infinitive(verb) or _for_someone_to(verb)):
            mod = "purpose"   # "flew in experts to inspect the dam": what the act was for
        if mod is None and verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                                       for c in verb.children):
            return "hypothetical"
        if mod is None and any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" and c.i >= 2
                               and verb.doc[c.i - 2].lower_ == "if" and verb.doc[c.i - 1].lower_ == "and"
                               for c in verb.children):
            return "hypothetical"   # "if and when they sign a peace deal"
        marks = {c.lower_ for c in verb.children if c.dep_ in ("advmod", "mark")}
        if mod is None and verb.dep_ == "advcl" and marks & _TIME_TO_COME and any(
                c.dep_ == "aux" and (c.lower_ in self.cues.future_aux and present_tense(verb)
                                     or c.lower_ == "would" and verb.tag_ in ("VBD", "VBP", "VB")
                                     and marks & {"until", "till", "once"})
                for c in verb.head.children):
            # "will take over the mines when the FARC sign a peace deal", "the stoppage would continue until the
            # employers improved their offer": the signing, the better offer are still to come (not "would respond
            # in kind after the government kicked out three of its diplomats": that happened)
            return "future"
        if mod is None and bare_conjunct(verb):
            return self.modality(verb.head)   # "will free the hostages and leave the town": both ahead
        if mod is None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("able", "likely") \
                and verb.head.dep_ == "acomp":
            return self.modality(verb.head.head)   # "hoped the delegations would be able to sign": not yet
        return mod

    def reports_no_act(self, verb: Token) -> bool:
        """A belief ("analysts believe the navy sank it"), a generic statement ("governments often jail
        critics who speak out": present tense with an adverb of habit) or how hard an act would be ("a hard
        team to beat"), for `verb` or a clause it is part of, three clauses up at most."""
        if _every_time(verb):
            return True   # "Every time they meet, we hope": whenever it happens, not a meeting
        t = verb
        for _ in range(3):
            if present_tense(t) and any(c.dep_ == "advmod" and c.lower_ in self.cues.generic_adverbs
                                        for c in t.children):
                return True   # "are often shelled", "usually centre on": what is usual
            if self._generic_subject(t):
                return True
            if t.tag_ in ("VBP", "VBZ") and any(c.dep_ == "nsubj" and c.lemma_.lower() in self.cues.standing_rule_nouns
                                                for c in t.children):
                return True   # "the constitution prohibits", "EU rules require": a standing rule
            ease = self.cues.ease_adjectives
            adjectives = [t.head] if t.head.pos_ == "ADJ" else \
                [c for c in t.head.children if c.dep_ == "acomp"] if t.dep_ == "xcomp" else []
            if t.dep_ in ("xcomp", "acl", "advcl") and any(a.lemma_.lower() in ease or a.lower_ in ease
                                                          for a in adjectives):
                return True   # "tougher to beat", "hard to negotiate with"
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in self.cues.belief_verbs:
                return True
            if t.dep_ == "relcl" and t.head.head.i != t.head.i:
                t = t.head.head   # "journalists who criticize them": the clause the noun is in
            elif t.dep_ in ("ccomp", "conj", "xcomp") and t.head.i != t.i:
                t = t.head
            else:
                return False
        return False

    def _generic_subject(self, verb: Token) -> bool:
        """ "other people want ...", "most voters may not back him": a present or modal verb whose subject is
        a plural common noun with a quantifier of people in general (cues `generic_quantifiers`)."""
        if not habitual(verb) and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            return False
        return any(c.dep_ == "nsubj" and c.tag_ == "NNS" and any(
            d.dep_ in ("amod", "det") and d.lower_ in self.cues.generic_quantifiers for d in c.children)
            for c in verb.children)

    def conditional(self, verb: Token) -> bool:
        """ "if the assembly votes ...", "unless Ethiopia withdraws ...", "wondered whether Chad had armed ...":
        a condition or an open question asserts no act (nor do the verbs coordinated with it)."""
        t = verb
        for _ in range(4):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
                return True
            # up through coordination and purpose ("whether the party nominated him to help ...")
            if t.head.i == t.i or not (t.dep_ in ("conj", "xcomp") or purpose_infinitive(t)):
                return False
            t = t.head
        return False

    def asks_a_question(self, verb: Token) -> bool:
        """ "asked the minister whether the base would close", "asked how many troops ...": the complement
        is an embedded question, so the verb asks for information and appeals for no act."""
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX") or clause.i < verb.i:
                continue
            if clause.left_edge.lower_ in _QUESTION_WORDS or any(
                    c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children):
                return True
        return False

    def claims(self, verb: Token) -> bool:
        """ "analysts suggested the sanctions had hurt exports": a proposal verb with a finite clause puts
        forward a claim, not a proposal ("suggested the council hold an inquiry", "... should hold")."""
        if verb.lemma_.lower() not in self.cues.proposal_verbs:
            return False
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                       and c.i > verb.i), None)
        if clause is None:
            return False
        words = [clause] + [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if any(w.lower_ in ("should", "shall") for w in words):
            return False
        # Under a past proposal verb a plain present form is a subjunctive ("suggested they meet").
        finite = ("VBD", "VBZ", "MD") if verb.tag_ == "VBD" else ("VBD", "VBZ", "VBP", "MD")
        return any(w.tag_ in finite for w in words)

    def _reported_future(self, verb: Token) -> bool:
        return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.cues.speech_verbs \
            and verb.head.tag_ == "VBD" and not any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children)


# Objects that name talks: a participle with an agent after them is about them ("opened a round of talks,
# hosted by Mexico and facilitated by Norway").
_TALK_OBJECTS = frozenset({"talk", "talks", "round", "negotiation", "dialogue", "meeting", "summit", "conference",
                           "session", "consultation", "discussion", "contact", "process"})


def _of_any_thing(verb: Token) -> bool:
    """Whether `verb` heads a relative clause on "any" thing ("any arrangement the two governments agree on")."""
    return verb.dep_ == "relcl" and any(c.dep_ == "det" and c.lower_ in ("any", "whatever", "whichever")
                                        for c in verb.head.children)


def _called_back_to_talks(xcomp: str | None, obj: Token | None) -> str | None:
    """The complement, or "return to the table" for both sides asked to come back ("asked both delegations to come
    back": a call to resume, no recall)."""
    if xcomp in ("come", "return", "go") and obj is not None and _both_sides(obj):
        return "return to the table"
    return xcomp


def _both_sides(noun: Token) -> bool:
    """Whether a noun is counted as both sides ("both delegations", "the two teams")."""
    return any(c.lower_ in ("both", "two") and c.dep_ in ("det", "predet", "nummod", "amod") for c in noun.children)


_WAITING_MARKS = frozenset({"until", "till", "unless", "if", "once", "before", "when", "whether"})


def _deal_itself_passive(verb: Token) -> list[Token]:
    """The deal of a passive of its making with no agent ("A 30-day truce was agreed on Saturday between the
    government and the rebels"): it stands for its sides (the mention resolver finds them: `deal_sides`)."""
    if verb.lemma_.lower() not in DEAL_MAKING_VERBS or any(
            c.dep_ in ("mark", "advmod") and c.lower_ in _WAITING_MARKS and c.i < verb.i for c in verb.children):
        return []   # ("once a deal was reached", "until a deal was signed": none yet)
    deal = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lemma_.lower() in DEAL_NOUNS), None)
    if deal is None or not any(c.dep_ == "prep" and c.lower_ == "between" for c in verb.children):
        return []   # (only with its sides named "between" on the verb; the deal's own "between" makes its own event)
    return [deal]


def deal_by_participle(verb: Token) -> bool:
    """Whether `verb` is a participle naming the making of the deal it follows, with no agent of its own ("an
    agreement hammered out earlier in the week", "the deal, agreed on Wednesday")."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.lemma_.lower() in DEAL_NOUNS \
        and not any(c.dep_ in SUBJ for c in verb.children) \
        and verb.lemma_.lower() in DEAL_PARTICIPLES and verb.i <= verb.head.i + 2 \
        and not any(c.dep_ == "agent" for c in verb.children)


def _complement_lemma(verb: Token) -> str:
    """The lemma of a verb complement; "leave behind" for one that puts its object somewhere ("asked both
    delegations to leave the microphones outside the door": no walkout)."""
    lemma = verb.lemma_.lower()
    if lemma in ("return", "come", "go", "head") and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(o.lemma_.lower() in _TABLE_WORDS for o in c.children)
            for c in verb.children):
        return "return to the table"   # "asked both delegations to come back to the table": no recall
    return "leave behind" if lemma == "leave" and _left_somewhere(verb) else lemma


_TABLE_WORDS = frozenset({"table", "talk", "talks", "negotiation", "negotiations", "dialogue"})


def _left_somewhere(verb: Token) -> bool:
    """Whether "leave" puts its object somewhere ("leave the phones outside", "left its weapons at home") rather
    than departing from it."""
    return any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ in ("prep", "advmod") and c.lower_ in ("outside", "behind", "aside")
        for c in verb.children)


def _object_preps(obj: Token) -> list[tuple[str, str | None]]:
    """Prepositions the parser hangs on a verb's object that belong to the verb: "carried messages between the
    delegations", "ordered a halt to the contacts" (what is halted), "froze its part in the talks"."""
    found = []
    for child in obj.children:
        if child.dep_ == "prep" and (child.lower_ == "between" or child.lower_ == "to" and obj.lemma_.lower()
                                     in ("halt", "end", "suspension", "freeze", "stop", "pause")
                                     or child.lower_ == "in" and obj.lemma_.lower() in _SHARE_NOUNS):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            found.append((child.lower_, pobj.lemma_.lower() if pobj is not None else None))
        elif child.dep_ == "prep" and child.lower_ == "of":
            # "carried lists of names between the two delegations"
            found += [p for c in child.children if c.dep_ == "pobj" for p in _object_preps(c) if p[0] == "between"]
    return found


def _listed_by_apposition(head: Token) -> list[Token]:
    """The things an apposition lists after a plural noun ("neighbouring countries Costa Rica and Nicaragua"),
    else the noun itself."""
    if head.tag_ not in ("NNS", "NNPS"):
        return [head]
    listed = next((c for c in head.children if c.dep_ == "appos" and c.i == head.i + 1 + sum(
        1 for t in head.doc[head.i + 1:c.i] if t.dep_ == "compound") and any(g.dep_ == "conj" for g in c.children)),
        None)
    return with_conjuncts(listed) if listed is not None else [head]


def _particle_and_prep(prep: Token) -> tuple[str, str | None] | None:
    """ "its negotiators flew out of Kuala Lumpur" parsed as "out" [prep] > "of" [prep]: "out" is the verb's
    particle and "of Kuala Lumpur" its preposition (returned as the preposition and its object's lemma); only for
    a verb with no object ("forced the minister out of the country" keeps "force")."""
    nested = next((c for c in prep.children if c.dep_ == "prep"), None)
    if nested is None or prep.lower_ not in _PARTICLE_PREPS:
        return None
    inner = next((c for c in nested.children if c.dep_ == "pobj"), None)
    return nested.lower_, inner.lemma_.lower() if inner is not None else None


def talks_participle_object(verb: Token) -> Token | None:
    """The talks a passive participle with an agent is about, when it follows a clause whose object names
    talks ("resumed talks on Monday, brokered by Qatar"); None otherwise ("attacked the town, backed by jets"
    is about the attackers)."""
    first = verb
    while first.dep_ == "conj" and first.head.tag_ == "VBN":
        first = first.head
    if verb.tag_ != "VBN" or first.dep_ != "advcl" or not any(c.dep_ == "agent" for c in verb.children) \
            or verb.lemma_.lower() == "host":   # the host of talks is no party to them, nor their mediator
        return None
    obj = next((c for c in first.head.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.lemma_.lower() in _TALK_OBJECTS else None


def _small_clause(verb: Token) -> bool:
    """An opinion frame: a predicate adjective or noun on the verb's object ("considered the deal acceptable",
    "deemed him a flight risk", "considered himself an artist"), or an "as" phrase ("regards it as a threat")."""
    for child in verb.children:
        predicative = child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("ADJ", "NOUN", "PROPN")
        if child.dep_ in ("oprd", "acomp") or predicative:
            return True
        if child.dep_ == "ccomp" and child.lemma_ == "be" and child.tag_ not in ("VBD", "VBZ", "VBP"):
            return True   # "considered him to be a risk"
        if child.dep_ == "prep" and child.lower_ == "as":
            return True
    return False


def _object_modifiers(obj: Token) -> tuple[str, ...]:
    """Lemmas (and forms) of an object's modifiers, its possessive pronoun and its "of" noun: "negotiating
    team" gives both "negotiate" and "negotiating"; "a team of medical experts" gives "expert" and "medical";
    "its weapons" gives "its"."""
    mods = []
    for c in obj.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            mods.append(c.lemma_.lower())
            if c.lower_ != mods[-1]:
                mods.append(c.lower_)
        elif c.dep_ == "poss" and c.pos_ == "PRON":
            mods.append(c.lower_)   # "destroyed its weapons": the source's own
    for c in obj.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    mods.append(p.lemma_.lower())
                    mods.extend(m.lemma_.lower() for m in p.children if m.dep_ in ("amod", "compound"))
    return tuple(mods)


def _subordinate_subject_host(verb: Token) -> Token | None:
    """The verb whose subject a complement, participle, purpose infinitive or gerund shares, or None."""
    dep, head = verb.dep_, verb.head
    if dep == "acomp":
        return head
    if dep == "ccomp" and verb.tag_ == "VB" and head.lemma_.lower() in _BARE_INFINITIVE_HEADS \
            and not any(c.dep_ in ("aux", "mark") for c in verb.children):
        return head   # "the junta let free 40 detainees"
    if dep == "advcl" and verb.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in verb.children):
        return head
    if infinitive_adjunct(verb):
        return head   # "dispatched drones to hit the convoy": the sender's purpose; "only to break them off"
    if dep == "pcomp" and head.head.pos_ == "VERB" and head.lower_ in ("by", "after", "before", "while"):
        return head.head
    if dep == "pcomp" and head.head.pos_ == "ADJ" and head.head.dep_ == "acomp":
        return head.head   # "were guilty of breaching the accord"
    return None


_QUESTION_WORDS = frozenset({"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whether", "if"})


def interrogative(sent: Span) -> bool:
    """Whether a sentence is a question (it ends in a question mark, before closing quotes or brackets)."""
    for token in reversed(sent):
        if token.is_space or token.is_quote or token.is_bracket:
            continue
        return token.text == "?"
    return False


def causative_head(verb: Token) -> Token | None:
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


def loose_particle(verb: Token) -> Token | None:
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


def _for_someone_to(verb: Token) -> bool:
    """ "clearing the way for Abad to sign it": an infinitive with its own subject after "for", not done yet."""
    return verb.tag_ == "VB" and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children) \
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def purpose_infinitive(verb: Token) -> bool:
    """ "dispatched drones *to hit* the convoy", "phoned her on Sunday *to thank* her": an infinitive of
    purpose hung on a verb, with no subject or conjunction of its own."""
    # ("began talks with the US, only to break them off later": what followed, no purpose)
    return infinitive_adjunct(verb) and not any(c.dep_ == "advmod" and c.lower_ == "only" for c in verb.children)


def infinitive_adjunct(verb: Token) -> bool:
    """An infinitive hung on a verb with no subject or conjunction of its own, of purpose ("to hit the convoy")
    or of what followed ("only to break them off"): it shares the verb's subject."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and not any(c.dep_ in ("mark", "nsubj") for c in verb.children)


# Nouns that a clause can tell the content of ("claims that two guards beat inmates", "fears that the army").
_CONTENT_NOUNS = frozenset("""claim allegation accusation report news rumour rumor fear hope evidence proof sign
consent permission demand call request promise pledge assurance guarantee statement warning threat suggestion
proposal idea belief view position insistence condition decision order ruling finding concern suspicion
confirmation announcement""".split())


def small_clause_subject(head: Token, clause: Token) -> Token | None:
    """The subject of a clause that says who a noun or a permission is about: "claims that two guards
    beat inmates", "gave consent for the charity to run clinics"; None for other clauses."""
    about_noun = head.pos_ == "NOUN" and clause.dep_ in ("acl", "ccomp")
    for_to = clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
    if not (about_noun or for_to):
        return None
    if about_noun and head.lemma_.lower() not in _CONTENT_NOUNS and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "prep", "dative", "oprd") for c in clause.children):
        return None   # "waters that Bissau claims", parsed as "claims that ...": a relative clause missing its object
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in REL_PRONOUNS),
                None)


def with_conjuncts(token: Token) -> list[Token]:
    """`token` and the nouns coordinated with it, in text order."""
    out = [token]
    stack = [token]
    while stack:
        t = stack.pop()
        for child in t.children:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(child)
                stack.append(child)
            elif child.dep_ == "appos" and t.tag_ == "NN" and child.pos_ == "PROPN" and child.i <= t.i + 3:
                # "Ghana's trade minister Kojo Mensah and Togo's trade minister Edem Kodjo": the parser hangs
                # the second on the first one's name
                hung = [c for c in child.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
                out.extend(hung)
                stack.extend(hung)
    return sorted(out, key=lambda t: t.i)


def many(sources: list[Token]) -> bool:
    """Several sources: coordinated, or one plural description ("the three governments")."""
    return len(sources) > 1 or (len(sources) == 1 and sources[0].tag_ in ("NNS", "NNPS"))


def habitual(verb: Token) -> bool:
    """A simple present ("want", "asks") or a modal of ability ("can", "may"): what is usual, not an act,
    unless a date phrase or a progressive says it happens now."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    words = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(w.tag_ in ("VBD", "VBG", "VBN") and w is not verb or w.lower_ in ("will", "would", "shall")
           for w in words) or verb.tag_ in ("VBD", "VBG", "VBN"):
        return False
    return any(w.tag_ in ("VBP", "VBZ", "MD") for w in words) and not any(
        c.ent_type_ in ("DATE", "TIME") for c in verb.subtree)


# Conjunctions of a time clause: with a verb in the present under a future one, the act is still to come.
_TIME_TO_COME = frozenset({"when", "once", "after", "until", "till", "before", "whenever"})


def present_tense(verb: Token) -> bool:
    """A present tense, simple or with a present auxiliary ("shell", "are shelled", "have attacked"), not a
    future or a modal of the past."""
    if verb.tag_ in ("VBP", "VBZ"):
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return bool(auxes) and auxes[0].tag_ in ("VBP", "VBZ") and verb.tag_ in ("VBN", "VBG")


def past(verb: Token) -> bool:
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


def bare_role(token: Token) -> bool:
    """ "negotiators", "the troops": a role noun that names no one in particular."""
    return token.pos_ == "NOUN" and token.ent_type_ == "" and not any(
        c.dep_ in ("poss", "compound", "amod") and (c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PRON")
        for c in token.children)


def own_agent(token: Token) -> bool:
    """ "its team", "their own troops": a role noun owned by a pronoun, i.e. by the subject."""
    return token.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children) \
        and token.ent_type_ == ""


def speech_head(token: Token, cues: Cues) -> Token | None:
    """The speech verb whose reported clause contains `token`, if any (nearest)."""
    t = token
    for _ in range(8):
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in cues.speech_verbs:
            return t.head
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def negated_by_governor(verb: Token, cues: Cues) -> bool:
    """ "failed to agree", "did not agree to meet" (negation on the control verb); "denied that its jets
    had struck the market" (a clause under a verb of denial)."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in cues.denial_verbs:
        return True
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "neg") for c in verb.children) \
            and any(c.dep_ == "neg" for c in verb.head.children) \
            and not any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in verb.head.children):
        return True   # "we cannot sit in a room and discuss fines": the negation covers both verbs
    if verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_.lower() in cues.negating_verbs:
            return True
        if head.lemma_ in ("have", "be") and any(c.lower_ == "yet" for c in head.children):
            return True   # "has yet to respond", "is yet to decide"
        return any(c.dep_ == "neg" for c in head.children)
    if verb.dep_ == "acomp" and verb.tag_ in ("VBG", "VBN") and verb.head.lemma_ == "be":
        # "was not mediating" parsed as "was" + the participle as its complement: the "not" hangs on "was"
        return any(c.dep_ == "neg" for c in verb.head.children)
    return False


def not_yet(verb: Token) -> bool:
    """A present perfect or a "yet" ("has not commented", "have not yet agreed", "has yet to respond"): what
    has not happened so far, which is no refusal."""
    for t in (verb, verb.head if verb.dep_ == "xcomp" else None):
        if t is not None and any(c.lower_ == "yet" and c.dep_ == "advmod" or c.dep_ == "aux" and c.lower_ in
                                 ("has", "have", "'s", "'ve") and c.tag_ in ("VBZ", "VBP") for c in t.children):
            return True
    return False


def governor_modality(verb: Token, cues: Cues) -> str | None:
    """The modality a control verb or its auxiliary lends its complement ("plans to", "will agree to"),
    or a schedule ("is to step down", "are due to meet", "is set to sign", "is expected to resign"); what
    something allows ("would allow Beijing to extradite") is hypothetical."""
    if bare_conjunct(verb) and verb.head.dep_ == "xcomp":
        verb = verb.head   # "plans to travel to Oslo and meet the rebels": the plan covers the meeting
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in cues.permission_verbs:
        return "hypothetical"
    if verb.dep_ == "xcomp":
        head = verb.head
        if scheduled_by(head, cues):
            return "future"
        if head.lemma_.lower() in cues.intent_verbs:
            return "intent"
        if any(c.dep_ == "acomp" and c.lower_ in cues.likelihood_adjectives for c in head.children) \
                or head.lower_ in cues.likelihood_adjectives:
            return "hypothetical"   # "is likely to reject", "seems unlikely to accept"
        for c in head.children:
            if c.dep_ == "aux" and c.lower_ in cues.future_aux:
                return "future"
            if c.dep_ == "aux" and c.lower_ in cues.hypothetical_aux:
                return "hypothetical"
    if verb.dep_ in ("ccomp", "xcomp", "oprd") and verb.tag_ in ("VBN", "VBD") \
            and verb.head.lemma_.lower() in ("want", "wish") \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return "demanded"   # "wants the sanctions lifted" (the participle often read as a past tense)
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in cues.intent_verbs \
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        # "wants Somalia to withdraw": what one party wants of another; "expects Iran to retaliate": a forecast
        return "hypothetical" if verb.head.lemma_.lower() == "expect" else "demanded"
    return None


def _every_time(verb: Token) -> bool:
    """A present-tense clause of "every time"/"each time"/"whenever": what happens whenever it happens."""
    if not present_tense(verb):
        return False
    if any(c.dep_ in ("advmod", "mark") and c.lower_ == "whenever" for c in verb.children):
        return True
    return verb.dep_ == "relcl" and verb.head.lower_ == "time" and any(
        c.dep_ == "det" and c.lower_ in ("every", "each") for c in verb.head.children)


def _inverted_condition(verb: Token) -> bool:
    """A condition told by inversion: "should", "were" or "had" before the verb's own subject, inside a longer
    sentence ("Kosice would remain available should the two governments wish to meet")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.i > verb.sent.start and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "were", "had") and c.i < subject.i
        and c.i > verb.sent.start for c in verb.children)


def bare_conjunct(verb: Token) -> bool:
    """A verb conjoined to another with no subject or auxiliary of its own ("will travel to Oslo and meet the
    rebels", "urged them to keep calm and to return"): it shares the first verb's tense, mood and governor."""
    return verb.dep_ == "conj" and verb.pos_ == "VERB" and verb.head.pos_ in ("VERB", "AUX") \
        and verb.head.i < verb.i and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "mark")
                                             or c.dep_ == "aux" and c.tag_ != "TO" for c in verb.children)


def scheduled_by(head: Token, cues: Cues) -> bool:
    """Whether `head` makes its to-complement a future that is not the subject's own intent: the copula of
    "is to step down", a passive or adjective of `future_governors` ("is scheduled to", "are due to").
    The active "expects to sign" stays an intent (`intent_verbs`)."""
    lemma = head.lemma_.lower()
    if lemma == "be" and head.pos_ == "AUX":
        # not "if they were to lock", "is only to protect" (a purpose), "is not to be confused"
        return not any(c.dep_ in ("acomp", "attr", "aux", "neg", "mark", "advmod", "prep") for c in head.children)
    if lemma not in cues.future_governors and head.lower_ not in cues.future_governors:
        return False
    return head.dep_ == "acomp" or head.pos_ == "ADJ" or any(c.dep_ == "auxpass" for c in head.children)


def _subject_lemma(verb: Token) -> str | None:
    """The lemma of the verb's subject head (of the first conjunct's, for a conjoined verb without its own: "the
    rebels walked out, and their negotiators flew out of Kuala Lumpur" has the negotiators fly)."""
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        head = head.head
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ == "they" and subject.i == subject.sent.start:
        # "They returned on Monday": the subject of the sentence before, when it is a plural noun ("the
        # separatist negotiators had filed back ... They returned")
        before = subject.doc[subject.sent.start - 1].sent if subject.sent.start > 0 else None
        previous = next((t for t in before if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None) \
            if before is not None else None
        if previous is not None and previous.tag_ in ("NNS", "NNPS"):
            return previous.lemma_.lower()
        if before is not None and any(t.dep_ == "nsubj" and t.tag_ in ("NNS", "NNPS") and _back_into_talks(t.head)
                                      for t in before):
            return "negotiator"   # "... after the separatists had filed back into the negotiating room. They ..."
    return subject.lemma_.lower() if subject is not None else None


# Where the sides of talks sit: "filed back into the negotiating room", "walked back to the table".
_TALK_VENUES = frozenset({"room", "hall", "table", "talk", "talks", "negotiation", "session", "chamber", "dialogue"})


def _back_into_talks(verb: Token) -> bool:
    """Whether `verb` goes "back into" or "back to" the room or table of talks."""
    return any(c.lower_ == "back" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ in ("into", "to") and any(
            o.dep_ == "pobj" and o.lemma_.lower() in _TALK_VENUES for o in c.children) for c in verb.children)


# Nouns a zero relative clause says when, where, how or why of ("the day the talks resumed"): not its object.
_ZERO_RELATIVE_ADVERBIALS = frozenset({"day", "time", "week", "month", "year", "moment", "night", "morning",
                                       "evening", "afternoon", "hour", "minute", "way", "reason", "place", "point",
                                       "period", "season", "era", "decade", "date", "weekend", "occasion"})

# The participles that name who brokers the talks they follow ("a dialogue facilitated by ECOWAS").
_BROKERING = frozenset({"facilitate", "broker", "mediate", "sponsor", "chair", "convene", "moderate"})
# "according to the accord signed in Beijing by the two ministers": the signers sign it, wherever the deal is named.
_SIGNING = frozenset({"sign", "ink", "initial", "countersign"})


def _brokered_talks(verb: Token) -> bool:
    """ "opened a dialogue facilitated by ECOWAS", "held talks brokered by Qatar": a participle that names who
    brokers the talks it restricts is an act of its own (the agent mediates), unlike "aid delivered by the UN";
    so is one that names who signed the deal it restricts ("under the accord signed by the two ministers")."""
    return verb.lemma_.lower() in _BROKERING and verb.head.lemma_.lower() in _TALK_OBJECTS \
        or verb.lemma_.lower() in _SIGNING and verb.head.lemma_.lower() in DEAL_NOUNS | {"memorandum", "protocol"}


def held_on(verb: Token, *, nested_only: bool = False) -> str | None:
    """ "ice" or "hold" when `verb` puts something "on ice" or "on hold", also where the parser hung the phrase on
    a word of the object ("put its talks with the group besieging the town on hold", "put its negotiations with
    Sri Lanka over the fishermen on ice"); None otherwise. `nested_only`: only such a hung phrase."""
    for t in verb.subtree:
        if t.dep_ != "pobj" or t.head.lower_ != "on" or t.lemma_.lower() not in _ON_IDIOMS:
            continue
        host = t.head.head
        if host.i == verb.i and not nested_only or host.i != verb.i and _phrase_path(host, verb):
            return t.lemma_.lower()
    return None


def _phrase_path(token: Token, top: Token) -> bool:
    """Whether `token` hangs below `top` through nouns, prepositions and participles of the object only (no
    clause of its own between)."""
    while token.i != top.i:
        if token.dep_ in ("relcl", "ccomp", "advcl") or token.pos_ in ("VERB", "AUX") and token.tag_ != "VBG":
            return False
        token = token.head
        if token.i == token.head.i and token.i != top.i:
            return False
    return True
