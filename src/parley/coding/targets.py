"""Target finding: which of a coded predicate's arguments it acts on.

The pattern a predicate matched says where its target is (`target`: the object, a preposition's
object, or none); this module looks there first, then in the places the construction implies, in a
fixed order: an actor object, a thing that names an actor, an actor in a prepositional phrase, the
subject of a that-clause, the actor of a clause the predicate reacts to, and last the nearest actor
in the predicate's own phrase (rule suffix `+near`). It also decides when coordinated sources act on
each other (reciprocal events).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.actors.countries import country_code, seat_of
from parley.coding.cues import Cues
from parley.coding.policy import CodePolicy
from parley.coding.syntax import (
    MEETING_NOUNS,
    NON_ACTOR_ENTS,
    OBJECT_PREPS,
    SUBJ,
    Arguments,
    bare_role,
    many,
    small_clause_subject,
    talks_participle_object,
    with_conjuncts,
)
from parley.lexicon import PatternMatch

# Nearest-actor search: how deep, and which dependents it does not enter.
_NEAR_DEPTH = 8
_NEAR_SKIP = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "parataxis", "ccomp", "appos", "mark",
                        "punct", "cc", "aux", "auxpass", "neg", "npadvmod", "advmod", "conj", "det", "relcl",
                        "dep", "meta", "prt"})
# "according to officials", "despite US pressure", "instead of the French plan": not who is acted on.
_NEAR_SKIP_PREPS = frozenset({"according", "despite", "instead", "unlike", "like", "than", "besides", "except",
                              "amid", "because", "as"})
# "... following the raids by federal police": when a thing was found already, time phrases are not searched.
_NEAR_TIME_PREPS = frozenset({"following", "after", "before", "since", "during", "until", "ahead", "prior",
                              "throughout"})
_PLACES = ("GPE", "LOC", "FAC")
_PATH_PREPS = frozenset({"through", "across", "along", "throughout", "around", "past"})
_REACTION_MARKS = frozenset({"after", "because", "since", "when", "as", "until", "unless"})


# Roots whose acts happen somewhere rather than to a place: a place after "in", "at" is the venue of talks,
# cooperation, a walkout from talks or a protest, never whom they are aimed at ("walked out of the talks in
# Kunming", "met in Geneva", "rallied in Nairobi"); visits (042, 043) are to the place.
_VENUE_ROOTS = ("03", "04", "05", "06", "14", "164", "165")
_HALTS = frozenset({"164", "165", "166"})   # halts of negotiations, mediation and other talks
# Verbs of going somewhere: where they go to is a place ("returned to Singapore"), not whom they act on (unlike
# "handed their arms over to the United Nations").
_GOING = frozenset({"return", "go", "come", "fly", "travel", "head", "move", "walk", "file", "sail", "drive", "arrive",
                    "march", "troop", "rush", "hurry"})
# Where talks sit: "returned to the table in Brasilia" names a place, no one acted on.
# Heads of the names of state offices, whose "of" names their domain ("the Ministry of Industry").
_OFFICE_HEADS = frozenset({"ministry", "department", "office", "secretariat", "bureau"})
_VENUE_NOUNS = frozenset({"table", "hall", "room", "venue", "chamber", "hotel", "residence", "building", "compound"})


class TargetFinder:
    """Finds the targets of coded predicates.

    Args:
        args: argument extraction over the same sentence.
        cues: the word lists (reciprocal verbs, person nouns ...).
        codes: the classes of codes of the coding policy.
    """

    def __init__(self, args: Arguments, cues: Cues, codes: CodePolicy) -> None:
        self.args = args
        self.cues = cues
        self.codes = codes

    # ------------------------------------------------------------------ by pattern
    def targets(self, trigger: Token, head: Token, match: PatternMatch, code: str, sources: list[Token],
                objs: list[Token], addressees: list[Token] | None,
                predicate_obj: Token | None) -> tuple[list[Token], bool]:
        """Targets where the pattern and the construction put them, and whether the act is reciprocal."""
        args, cues = self.args, self.cues
        talks = talks_participle_object(trigger)
        if talks is not None:
            # "opened talks on Monday, hosted by Mexico and facilitated by Norway": the talks' parties
            first = trigger
            while first.dep_ == "conj":
                first = first.head
            parties = [s for s in args.subjects(first.head) if s not in sources]
            if parties:
                return parties, False
        target_kind = match.target or "obj"
        # "recalled its negotiating team": the source's own agents are not a target.
        actor_objs = [o for o in objs if args.is_actor_like(o) and not args.own_agent(o)]
        thing = next((o for o in objs if not args.is_actor_like(o)), None)
        if predicate_obj is not None and predicate_obj is thing and not args.holds_actor(thing):
            thing = None   # "expressed concern over X": look for X, not at "concern"
        hosts = [t for t in (trigger, head, thing, predicate_obj) if t is not None]
        # "The two parties resumed talks after Norway proposed ...": several sources of a reciprocal act act
        # on each other; a clause they react to does not name their target.
        reciprocal_verb = match.reciprocal or trigger.lemma_.lower() in cues.reciprocal_verbs \
            or head.lemma_.lower() in cues.reciprocal_verbs
        together = many(sources) and reciprocal_verb
        # "pressed for penalties against X": the object of the pattern's preposition hosts the target too
        # (only without a direct object: "shelled a depot close to the frontier with X" is about the depot).
        for child in (trigger.children if not objs else ()):
            if child.dep_ == "prep":
                hosts.extend(p for p in child.children if p.dep_ == "pobj" and p.pos_ == "NOUN"
                             and not args.is_actor_like(p))
        targets: list[Token] = []
        if target_kind.startswith("prep:"):
            targets = self._by_preposition(frozenset(target_kind[5:].split("|")), hosts, head, thing, actor_objs,
                                           addressees, together)
        elif target_kind != "none":
            targets = self._by_object(hosts, head, thing, actor_objs, predicate_obj, code, together)
        named_target = any(args.is_actor_like(t) and t not in sources for t in targets)
        reciprocal = not actor_objs and not named_target and reciprocal_verb
        if not targets and target_kind != "none" and not (reciprocal and many(sources)):
            # "freed nine aid workers near Gao": people acted on are the target, not the place it happened
            people = any(o.lemma_.lower() in cues.person_nouns for o in objs)
            # (nor the town where people praise or endorse: "endorsed an accord in Nassau")
            targets = self.fallback_targets(trigger, objs, locative=not code.startswith(("14", "05")) and not people)
        elif target_kind == "none":
            targets = self._untargeted(trigger, head, objs, actor_objs, together)
            if code.startswith("04"):   # "took their seats again in Colombo": the venue of talks is no target,
                # nor is whoever a clause of time names ("took its seats again after the envoy visited Sanaa")
                reaction = self.reaction_targets(head)
                targets = [t for t in targets if t.ent_type_ not in ("GPE", "LOC", "FAC") and t not in reaction]
            elif code in _HALTS and targets and targets == self.reaction_targets(head):
                # "called its negotiators home two days after a crowd set fire to three lorries": the talks are
                # halted with the other side, not with those the halt answers
                targets = []
        if code in ("164", "165") or code.startswith("04"):
            # "decamped from the border talks in Tbilisi", "sat out the Amman talks": the venue is no target, nor
            # are talks left that name no other side
            targets = [t for t in targets if not _venue(t) and not (
                code.startswith("16") and t.lemma_.lower() in MEETING_NOUNS and not any(
                    c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in t.children))]
        return targets, reciprocal

    def _by_preposition(self, preps: frozenset[str], hosts: list[Token], head: Token, thing: Token | None,
                        actor_objs: list[Token], addressees: list[Token] | None, together: bool) -> list[Token]:
        """A pattern that names its target's preposition ("mediated between", "sanctions on")."""
        args = self.args
        targets: list[Token] = []
        for host in hosts:
            targets = targets or args.prep_targets(host, preps)
        if not targets and addressees:
            targets = addressees
        if not targets:
            # "recalled its mediators from X": a bare role object is the source's own, not a target
            targets = [o for o in actor_objs if not bare_role(o)]
        for host in hosts:   # "responded to firing by Indian troops": the doer of the act named
            loose = [c for c in host.children if c.dep_ in ("prt", "prep") and c.lower_ in ("out", "away", "back")]
            named = [] if targets else [t for h in (host, *loose) for t in args.prep_targets(h, preps, things=True)]
            for thing_ in named:
                # the "by" phrase of the thing, or one the parser hung on an active verb as its agent
                # ... or the other side of talks: "walked out of wage talks with the government"
                talks = thing_.lemma_.lower() in ("talk", "talks", "negotiation", "dialogue", "meeting", "round")
                by = [c for c in thing_.children if c.dep_ == "prep" and (
                    c.lower_ == "by" or talks and c.lower_ == "with")] + [
                    c for c in host.children if c.dep_ == "agent" and c.i > thing_.i
                    and not any(a.dep_ == "auxpass" for a in host.children)]
                agents = [p for c in by for p in c.children if p.dep_ == "pobj" and args.is_actor_like(p)]
                if agents:
                    targets = with_conjuncts(agents[0])
                    break
        for host in hosts:   # "fired rockets at army barracks": what the pattern names, not a place
            targets = targets or [t for t in args.prep_targets(host, preps, things=True)
                                  if t.ent_type_ not in _PLACES]
        if not targets and thing is not None:
            # "suspended its participation in the talks with the government after police detained ...": the other
            # side the talks name, before whoever the clause of time names
            targets = self._other_side_of_talks(thing)
        if not targets and not together:
            targets = self.reaction_targets(head)   # "recalled its team from Oslo after the rebels rejected ..."
        for host in hosts:
            targets = targets or args.prep_targets(host, preps, things=True)
        if not targets and thing is not None:
            targets = [] if self._only_placed(thing) else [thing]
        return targets

    def _only_placed(self, thing: Token) -> bool:
        """Whether the only names in a thing's phrase are places it is in ("negotiating a gang ceasefire in El
        Salvador": where the truce holds, no side of the talks)."""
        first, last = thing.left_edge.i, thing.right_edge.i
        named = [e for e in thing.doc.ents if first <= e.start and e.end <= last + 1 and not e.start <= thing.i < e.end]
        return bool(named) and all(
            e.label_ in _PLACES and e.root.head.dep_ == "prep" and e.root.head.lower_ in self.cues.locative_preps
            for e in named)

    def _other_side_of_talks(self, thing: Token) -> list[Token]:
        """ "suspended its participation in the talks with Nigeria": the other side of the talks named in the
        object's phrase."""
        for child in thing.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "at", "of"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in MEETING_NOUNS:
                        found = self.args.prep_targets(pobj, frozenset({"with", "between", "among"}))
                        if found:
                            return found
        return []

    def _by_object(self, hosts: list[Token], head: Token, thing: Token | None, actor_objs: list[Token],
                   predicate_obj: Token | None, code: str, together: bool) -> list[Token]:
        """An actor object, then a thing that names one ("the army's offensive"), then an actor in a
        prepositional phrase ("trucked vaccines into the valley"), then the thing itself."""
        args = self.args
        targets = actor_objs
        if not targets and thing is not None and args.holds_actor(thing):
            targets = [thing]
        if not targets:
            for host in hosts:
                targets = targets or args.prep_targets(host)
        if not targets and thing is not None:
            targets = [thing]
        if not targets:
            targets = self.clausal_target(head, code) or (self.reaction_targets(head) if not together else [])
        if not targets and predicate_obj is not None:
            for host in hosts:
                targets = targets or args.prep_targets(host, things=True)
            targets = targets or [predicate_obj]
        return targets

    def _untargeted(self, trigger: Token, head: Token, objs: list[Token], actor_objs: list[Token],
                    together: bool) -> list[Token]:
        """A pattern without a target of its own may still concern someone named nearby."""
        args = self.args
        # "let the inspectors visit the plant": the subject of a small clause is who is allowed
        targets = [o for o in actor_objs if o.dep_ == "nsubj" and o.head.dep_ == "ccomp"]
        # "left the Ministry of Industry": the ministry, not what its "of" names
        targets = targets or [o for o in objs if o.lemma_.lower() in _OFFICE_HEADS and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in o.children) and args.names_actor(o)]
        # "opened its ports to stranded sailors": an actor named in the object's phrase is still its target
        for obj in objs:
            targets = targets or args.prep_targets(obj, OBJECT_PREPS | {"from", "by"})
        for obj in objs:   # "lifted curbs on foreign banks"
            targets = targets or args.prep_targets(obj, frozenset({"on", "against"}), things=True)
        return targets or (self.reaction_targets(head) if not together else []) \
            or self.fallback_targets(trigger, objs) \
            or args.prep_targets(trigger, frozenset({"on", "against", "with", "to", "into"}), things=True)

    # ------------------------------------------------------------------ after the pattern
    def settle(self, trigger: Token, head: Token, code: str, match: PatternMatch, sources: list[Token],
               objs: list[Token], targets: list[Token], reciprocal: bool, rule: str) -> tuple[list[Token], bool, str]:
        """The last steps of target finding, once the pattern's own places were looked at: one-sided
        complements of coordinated subjects, mutual fights, people acted on, and the nearest actor."""
        args, cues = self.args, self.cues
        if reciprocal and many(sources) and trigger is not head and not match.reciprocal \
                and trigger.lemma_.lower() not in cues.reciprocal_verbs:
            # "X and Y agreed to drop their tariffs on Z": an actor named in a one-sided complement is the target of
            # each; without one ("X and Y agreed to a ceasefire") they act on each other.
            near = [t for t in targets if args.names_actor(t)] \
                or self.nearby_actor([trigger], sources, objs, named_only=True)
            if near:
                targets, reciprocal = near, False
                rule = f"{rule}+near"
        if not targets and not reciprocal and len(sources) > 1 and self.codes.is_a(code, "mutual_fights"):
            # "the two navies traded fire at sea", "both sides broke the truce": with no one
            # else named, coordinated sides of a fight act on each other.
            reciprocal = True
        if not reciprocal and len(sources) > 1 and code in _HALTS \
                and not any(args.names_actor(t) for t in targets):
            # so do two sides that end their talks ("Serbia and Kosovo ended a third day of talks in Oslo with
            # no agreement": no agreement is no one they act on)
            targets, reciprocal = [], True
        people = [o for o in objs if o.lemma_.lower() in cues.person_nouns and not args.own_agent(o)]
        if not targets and people and not (reciprocal and many(sources)):
            targets = people   # "freed 30 hostages", "arrested four smugglers": the people acted on
        if not (reciprocal and many(sources)) and not any(args.names_actor(t) for t in targets) \
                and not any(t.lemma_.lower() in cues.person_nouns for t in targets) and code != "164":
            # Nothing found names an actor: the nearest actor in the predicate's own phrase is the target
            # ("authorised fuel deliveries to the island", "threw out the complaint lodged by X"). A thing that was
            # found ("lifted the blockade") gives way only to a named actor, not to a place it happened in. Not for
            # a walkout: "trooped out of the boardroom at the council's secretariat" walks out on no council.
            near = self.nearby_actor([trigger, head], sources, objs, named_only=bool(targets),
                                     places=not code.startswith(_VENUE_ROOTS) or code.startswith(("042", "043"))) \
                if not targets or match.target == "none" or any(t in objs or t.head in objs or t.head.head in objs
                                                                for t in targets) else []
            if near:
                targets = near
                rule = f"{rule}+near"
        return targets, reciprocal, rule

    def fallback_targets(self, trigger: Token, objs: list[Token], *, locative: bool = True) -> list[Token]:
        """When nothing else names a target: "lifted its blockade of the port", "tariffs on Brazil's steel",
        "announced a truce in the province", "shipped grain to feed flood victims". Without `locative`, a
        place after "in", "at" is where the act happened, not whom it is aimed at ("rallied in Belgrade")."""
        args = self.args
        for obj in objs:
            found = args.prep_targets(obj, OBJECT_PREPS) or args.prep_targets(obj, OBJECT_PREPS, things=True)
            if found:
                return found
        if not locative:
            return []
        found = args.prep_targets(trigger, self.cues.locative_preps)
        for obj in objs:
            found = found or args.prep_targets(obj, self.cues.locative_preps)   # "imposed curfews in X"
        for child in trigger.children:   # "stayed on high alert in X"
            if child.dep_ == "prep" and not found:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = found or args.prep_targets(pobj, self.cues.locative_preps)
        if found:
            return found
        for child in trigger.children:
            if child.dep_ in ("advcl", "xcomp") and child.pos_ == "VERB" and child.tag_ == "VB":
                inner = [o for o in args.objects(child) if args.is_actor_like(o)]
                if inner:
                    return inner
        return []

    def implied_state(self, verb: Token, code: str) -> list[Token]:
        """ "two activists were held in Bolivia", "observers were thrown out of Laos": a state act in the
        passive without an agent is the act of the country where it happened."""
        if not self.codes.is_a(code, "state_acts") or not any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "by"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (pobj.ent_type_ == "GPE" or self.args.is_country(pobj)):
                        return [pobj]   # a country, or a town the state there stands for
        return []

    def clausal_target(self, verb: Token, code: str) -> list[Token]:
        """ "demanded that the cabinet resign", "warned that Ankara would ...": the clause's subject."""
        if not self.codes.is_a(code, "clausal_targets"):
            return []   # "said it hoped that the lenders would wait", "fears that the utility will cut power"
        for child in verb.children:
            if child.dep_ == "ccomp":
                subj = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and self.args.is_actor_like(subj):
                    return with_conjuncts(subj)
        return []

    def reaction_targets(self, verb: Token) -> list[Token]:
        """ "A recalled its team after B rejected the offer": A acts on B."""
        for child in verb.children:
            if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _REACTION_MARKS
                                             for c in child.children):
                # "until their wages are paid by the ministry": the agent of a passive, else the subject
                agent = next((p for c in child.children if c.dep_ == "agent" for p in c.children
                              if p.dep_ == "pobj"), None)
                if agent is not None and agent.pos_ in ("NOUN", "PROPN"):
                    return [agent]   # whoever a passive's "by" names acts, even if unknown to the actor lists
                subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subj is not None and self.args.is_actor_like(subj) and subj.pos_ != "PRON":
                    return [subj]
        return []

    # ------------------------------------------------------------------ nearest actor
    def nearby_actor(self, roots: list[Token], sources: list[Token], objs: list[Token], *,
                     named_only: bool = False, places: bool = True) -> list[Token]:
        """The closest actor inside the phrases of `roots` (objects, prepositional phrases, participles),
        breadth first and nearest first; not inside a subject, another finite clause or a source.

        Objects already weighed (`objs`) and the source's own agents ("its troops") are passed over;
        with `named_only`, so are role nouns ("the army") and places after "in", "at", "near". Without
        `places`, a place after such a preposition is never the target ("protested in Nairobi": where, not
        against whom).
        """
        blocked = {t.i for s in sources for t in s.subtree}
        seen = {r.i for r in roots} | blocked | {o.i for o in objs}
        frontier = list(roots) + [o for o in objs if o.i not in blocked]
        anchor = roots[0].i
        via_place: set[int] = set()
        for _ in range(_NEAR_DEPTH):
            level = self._near_level(frontier, seen, via_place, named_only, places)
            # After "in", "at", "near" only a place is a target ("a curfew in the capital"), not a thing that
            # names an actor ("backed a pause in the latest Swiss plan").
            # (without `places`, a name reached through a place is where it happened unless it names a body: "the
            # meeting, at a guesthouse on the edge of Ashgabat, is chaired by ...", Ashgabat tagged a person)
            found = sorted((t for t in level if self._near_candidate(t, named_only)
                            and (t.i not in via_place or places and (t.ent_type_ in _PLACES or t.pos_ == "PROPN")
                                 or t.pos_ == "PROPN" and t.ent_type_ not in _PLACES
                                 and (places or t.ent_type_ in ("ORG", "NORP")))),
                           key=lambda t: (t.i < anchor, abs(t.i - anchor)))
            if found:
                return with_conjuncts(found[0])
            frontier = level
        return []

    def _near_level(self, frontier: list[Token], seen: set[int], via_place: set[int],
                    named_only: bool, places: bool = True) -> list[Token]:
        """One breadth-first step of `nearby_actor`: the dependents of `frontier` it may enter (without
        `places`, where a verb goes to is a place too: "returned to Singapore")."""
        level: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.i in seen or child.dep_ in _NEAR_SKIP or child.lower_ in _NEAR_SKIP_PREPS:
                    continue
                if child.pos_ in ("VERB", "AUX"):
                    subj = small_clause_subject(token, child)
                    if subj is not None and subj.i not in seen:
                        seen.add(subj.i)
                        level.append(subj)
                    if any(c.dep_ in SUBJ or c.dep_ == "mark" and c.lower_ != "to" for c in child.children):
                        continue   # another clause with its own subject, or "after", "because", "while" ...
                if child.dep_ == "prep" and child.lower_ in _PATH_PREPS:
                    continue   # "marched through the capital": the way taken, never who is acted on
                locative = child.dep_ == "prep" and (child.lower_ in self.cues.locative_preps
                                                     or not places and child.lower_ in ("to", "into")
                                                     and token.lemma_.lower() in _GOING)
                if named_only and (locative or child.dep_ == "prep" and child.lower_ in _NEAR_TIME_PREPS):
                    continue
                other_side = token.lemma_.lower() in MEETING_NOUNS and child.dep_ == "prep" \
                    and child.lower_ in ("with", "between", "among")   # "in the talks with Togo": the other side
                if locative or token.i in via_place and not other_side:
                    via_place.add(child.i)
                seen.add(child.i)
                level.append(child)
        return level

    def _near_candidate(self, token: Token, named_only: bool) -> bool:
        args = self.args
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "amod") or args.own_agent(token):
            return False
        if token.ent_type_ in NON_ACTOR_ENTS:
            return False
        if named_only:
            return token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") \
                or args.holds_actor(token) or args.is_actor_like(token) and not bare_role(token)
        if token.lemma_.lower() in MEETING_NOUNS or token.lemma_.lower() in _VENUE_NOUNS:
            # "walked out of the talks with Moscow": Moscow; "... of the talks in London": no one (the venue)
            return any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") and args.names_actor(c)
                       for c in token.children)
        return args.names_actor(token)


def _venue(token: Token) -> bool:
    """A place that is where something happens ("in Tbilisi", "at the guesthouse in Vake", "the Doha talks")."""
    if token.head.dep_ == "prep" and token.head.lower_ == "from" and _team_called_back(token.head.head):
        # "recalled its negotiators from Monrovia": the city where the talks were held, not the side they face
        # ("recalled its negotiators from Kenya" keeps the country: a side may be named by its country)
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        name = ent.text if ent is not None else token.text
        return country_code(name) is None and (ent is not None and ent.label_ in _PLACES
                                               or seat_of(name) is not None)
    if token.head.dep_ == "prep" and token.head.lower_ in ("on", "in", "at", "near", "off") \
            and (token.head.head.lemma_.lower() in _BUILDINGS
                 or any(c.dep_ == "dobj" and c.lemma_.lower() in _BUILDINGS for c in token.head.head.children)):
        return True   # "left the ministry building on Capitol Hill": where the building stands, whatever it stands for
    if token.ent_type_ not in _PLACES:
        return False
    if token.dep_ == "compound":   # "the Amman talks", "the Amman convoy talks"
        head = token.head
        while head.dep_ == "compound" and head.head is not head:
            head = head.head
        return head.lemma_.lower() in MEETING_NOUNS
    return token.head.dep_ == "prep" and token.head.lower_ in ("in", "at")


# Buildings a delegation leaves or meets in.
_BUILDINGS = frozenset({"building", "hotel", "villa", "compound", "residence", "ministry", "headquarters", "premises",
                        "palace", "hall", "centre", "center", "office", "offices", "guesthouse", "embassy"})


# The teams a side sends to talks: "recalled its negotiators from X".
_TEAMS = frozenset({"delegation", "negotiator", "negotiators", "team", "delegate", "delegates", "mediator",
                    "mediators", "envoys"})


def _team_called_back(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _TEAMS for c in verb.children)
