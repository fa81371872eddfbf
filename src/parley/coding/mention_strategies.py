"""How an argument's noun phrase becomes actor mentions: an ordered list of strategies.

`MentionResolver.mentions` asks each strategy of `STRATEGIES` in turn. A strategy looks at one
construction ("the two countries", "its envoy", "UK and EU negotiators" ...) and answers with the
mentions it stands for, or with None when the construction is not its own, so that the next is asked.
An empty list is an answer too: the phrase names no actor. The order is the priority: pronouns and
descriptions before names, names before what a thing's phrase holds. To add a construction, write a
function of the same shape and put it in `STRATEGIES` where its priority lies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from parley import nouns
from parley.actors import countries
from parley.coding.coreference import (
    ACTOR_ENTITY_TYPES,
    NUMBER_WORDS,
    STATE_SECTORS,
    Antecedent,
    conjuncts,
    np_bounds,
    own_subject_range,
    side_key,
    with_sector,
)
from parley.coding.syntax import (
    DEAL_NOUNS,
    DEAL_PARTICIPLES,
    MEETING_NOUNS,
    ROUND_NOUNS,
    TALK_HALTING_PARTICLES,
    TALK_HALTING_VERBS,
    TALK_RESUMING_PARTICLES,
    TALK_RESUMING_VERBS,
    begins_talks,
    deal_by_participle,
    talks_named_by_pronoun,
    talks_of_pronoun,
    with_conjuncts,
)
from parley.types import Actor, ActorMention

if TYPE_CHECKING:
    from parley.coding.mentions import MentionResolver


@dataclass(frozen=True)
class Phrase:
    """An argument's noun phrase and what every strategy asks of it."""

    token: Token            # its head
    start: int              # token range [start, end) of the phrase
    end: int
    lemma: str
    kind: str | None        # what a description's head refers to ("group", "country" ...), from the cues
    has_name: bool          # a proper noun or a named entity other than the head
    poss: Token | None      # its possessor
    allow_thing: bool       # keep a phrase that names no actor, with a null code

    @classmethod
    def of(cls, resolver: MentionResolver, token: Token, allow_thing: bool) -> Phrase:
        doc = token.doc
        start, end = np_bounds(token)
        lemma = token.lemma_.lower()
        has_name = any(doc[i].pos_ == "PROPN" or doc[i].ent_type_ in ACTOR_ENTITY_TYPES
                       for i in range(start, end) if i != token.i or token.pos_ == "PROPN")
        poss = next((c for c in token.children if c.dep_ == "poss"), None)
        return cls(token, start, end, lemma, resolver.cues.anaphor_heads.get(lemma), has_name, poss, allow_thing)

    def whole(self, r: MentionResolver, actor: Actor | None) -> list[ActorMention]:
        """The whole phrase as one mention of `actor`."""
        return [r.mention_of(self.start, self.end, actor)]


Strategy = Callable[["MentionResolver", Phrase], "list[ActorMention] | None"]


_TALK_HEADS = frozenset({"talk", "talks", "negotiation", "negotiations", "dialogue", "contact", "contacts",
                         "consultation", "consultations", "discussion", "discussions", "round", "rounds",
                         "session", "sessions"})


def _a_round_of_something_else(token: Token) -> bool:
    """ "a round of shelling", "a new round of sanctions": a round that is not one of talks."""
    return token.lemma_.lower() == "round" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.lemma_.lower() not in _TALK_HEADS
                                                      for o in c.children) for c in token.children)


# Verbs of talks that resume or end, with the talks as their subject ("the talks resumed on Monday").
_TALKS_STARTING_OR_ENDING = TALK_RESUMING_VERBS | TALK_HALTING_VERBS | frozenset(TALK_HALTING_PARTICLES) \
    | frozenset(TALK_RESUMING_PARTICLES) | frozenset({"open", "begin", "start"})


_NAMING = frozenset({"GPE", "NORP", "ORG"})


def _named_before_talks(r: MentionResolver, token: Token) -> list[tuple[Token, Actor]]:
    """The actors named before a talks noun: "the Ethiopia-Eritrea border talks", "Indonesian-Vietnamese talks"."""
    named: list[tuple[Token, Actor]] = []
    for child in token.subtree:
        if (child.pos_ in ("PROPN", "ADJ") or child.ent_type_ in ("NORP", "GPE")) and child.i < token.i \
                and child.dep_ in ("compound", "amod", "nmod"):
            actor = r.kb_resolve(child.text)
            if actor is not None and actor.code and all(a.code != actor.code for _, a in named):
                named.append((child, actor))
    return named


def _talks_between(r: MentionResolver, token: Token) -> list[ActorMention] | None:
    """The sides talks name with "between" ("contacts between the government and the Houthis ... have been put on
    ice"), else those of the latest "between" before them; [] when their own "between" names no two sides
    ("talks between Libya's rival administrations": sides of their own, not those of other talks)."""
    own = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "between"]
    between = next((sides for c in own for sides in [_between_sides(r, c)] if sides is not None), None)
    if between is None and own:
        return []
    return between or _latest_between(r, token)


def talks_pronoun(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "They" for talks the sentence before named as its subject (`syntax.talks_named_by_pronoun`): the sides of those
    talks, found as for talks named without their sides."""
    talks = talks_named_by_pronoun(p.token)
    if talks is None:
        return None
    named = [m for m in r.mentions(talks) if m.code]   # the sides the talks themselves stood for
    if len({m.code for m in named}) >= 2:
        return [r.mention_of(p.start, p.end, Actor(code=m.code, name=m.name or m.text, country=m.country,
                                                   sector=m.sector)) for m in named]
    return _sides_before(r, p, p.token) or None


# Acts of bargaining whose two sides are the sides of talks or a deal named without them (not two bodies that
# inspect convoys together).
_BARGAINING_ROOTS = ("03", "04", "05", "08", "16")


def _sides_before(r: MentionResolver, p: Phrase, token: Token) -> list[ActorMention] | None:
    """The sides of talks or a deal named without them: those of the latest "between X and Y", else the two of
    the latest act of bargaining two actors did together (not any two named together or acting together: "a
    joint team of World Food Programme staff and army officers")."""
    between = _latest_between(r, token)
    if between is not None:
        return [r.mention_of(p.start, p.end, Actor(code=m.code, name=m.name or m.text, country=m.country,
                                                   sector=m.sector)) for m in between]
    together = _latest_joint_act(r, token.i, _BARGAINING_ROOTS)
    if together is not None:
        return [r.mention_of(p.start, p.end, actor) for actor in together]
    return None


def _sides_named_before(r: MentionResolver, p: Phrase, token: Token) -> list[ActorMention] | None:
    """The sides of a deal told in the passive whose report names them before it but never together ("Hungary will
    cut its fee for Serbian lorries under a deal struck on Friday. The agreement was reached late on Friday"): the
    two actors named most before it, never a go-between."""
    go_betweens = frozenset(side_key(a) for i, code, a in r.acted if i < token.i and code.startswith("045"))
    sides = r.coref.find_many(token.i, 2, kinds=frozenset({"country", "government", "group"}), exclude=go_betweens,
                              sectors_out=_BYSTANDERS)
    return [r.mention_of(p.start, p.end, actor) for actor in sides] if len(sides) == 2 else None




# ("No agreement was reached between the ELN and EPL leaders" is a deal denied: its sides, and the negation)
_NO_DEAL_YET = frozenset({"any", "every", "each", "whichever", "whatever"})


def deal_sides(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """A deal told in the passive with no side named ("The swap was agreed late on Thursday in Valletta"): the
    sides of the talks before it, found as for talks named without their sides."""
    token = p.token
    if token.lemma_.lower() not in DEAL_NOUNS or p.poss is not None \
            or any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in token.children):
        return None   # (a deal's own "between" is read where deals are: "the truce between MS-13 and Barrio 18")
    if any(c.dep_ == "det" and c.lower_ in _NO_DEAL_YET for c in token.children):
        return []   # "wanted the ban lifted the day any deal was signed": no deal, no sides
    verb: Token | None
    if token.dep_ == "nsubjpass":
        verb = token.head
    else:
        # "The agreement, reached at the ministry after four days of sessions, ...": the deal named by its participle
        verb = next((c for c in token.children if deal_by_participle(c)), None)
        if verb is None:
            return None
    if verb.lemma_.lower() not in DEAL_PARTICIPLES or any(c.dep_ == "agent" for c in verb.children):
        return None
    between = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    first = next((c for c in between.children if c.dep_ == "pobj"), None) if between is not None else None
    if first is not None:
        # "A truce ... was agreed on Saturday in Muscat between the government and the front": the two named
        sides = [m for t in with_conjuncts(first) for m in r.mentions(t) if m.code]
        if len(sides) >= 2:
            return [r.mention_of(p.start, p.end, Actor(m.code, m.name or m.text, m.country, m.sector)) for m in sides]
    if token.dep_ != "nsubjpass" or any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        # ("the peace deal signed with the FARC last year": one side named, the other not the one named most)
        return _sides_before(r, p, token) or _sides_of_the_clause_under_it(r, p, token) or None
    return _sides_before(r, p, token) or _sides_named_before(r, p, token) or None


def _sides_of_the_clause_under_it(r: MentionResolver, p: Phrase, token: Token) -> list[ActorMention] | None:
    """ "Poland will abolish its levy on Lithuanian fertiliser under an agreement initialled in Warsaw": a deal named
    without its sides as what a clause is done under is the deal of that clause's subject and the one other country
    its object names."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("under", "through", "by") or token.head.head.pos_ != "VERB":
        return None
    clause = token.head.head
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    first = next((m for m in r.mentions(subject)[:1] if m.code and m.country), None) if subject is not None else None
    if first is None:
        return None
    others = {found.country: found for obj in clause.children if obj.dep_ == "dobj" for t in obj.subtree
              if t.ent_type_ in ("NORP", "GPE", "PERSON") and t.pos_ in ("PROPN", "ADJ")
              for found in [r.kb_resolve(t.text)] if found is not None and found.country
              and found.country != first.country and found.code == found.country}
    if len(others) != 1:
        return None
    other = next(iter(others.values()))
    return [r.mention_of(p.start, p.end, Actor(first.code, first.name or first.text, first.country, first.sector)),
            r.mention_of(p.start, p.end, other)]


def talks_sides(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """Talks as the subject of their own halt ("the Ethiopia-Eritrea border talks were suspended", "the
    talks broke down"): the names modifying them when they name two actors, else the two sides of the
    latest "between X and Y" before them."""
    token = p.token
    of_round = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in ROUND_NOUNS
    # "a week of talks that had restarted on Monday": the talks are the subject of their relative clause
    relative = any(c.dep_ == "relcl" and (c.lemma_.lower() in _TALKS_STARTING_OR_ENDING or begins_talks(c))
                   for c in token.children)
    if token.lemma_.lower() in _TALK_HEADS and token.dep_ == "pobj" and token.head.lower_ in ("from", "out") \
            and p.poss is None and not any(c.i < token.i and (c.pos_ == "PROPN" or c.ent_type_ in _NAMING)
                                           for c in token.children):
        # "recalled its delegation from aid talks in northern Thailand": the talks left, not the venue's state;
        # their sides are those of the latest talks "between" two actors, or of the latest act two did together
        between = _latest_between(r, token)
        if between is not None:
            return [r.mention_of(p.start, p.end, Actor(code=m.code, name=m.name or m.text, country=m.country,
                                                       sector=m.sector)) for m in between]
        together = _latest_joint_act(r, token.i)
        if together is not None:
            return [r.mention_of(p.start, p.end, actor) for actor in together]
        return p.whole(r, None) if p.allow_thing else []
    if token.lemma_.lower() not in _TALK_HEADS or token.dep_ not in ("nsubj", "nsubjpass") and not of_round \
            and not relative or _a_round_of_something_else(token):
        return None
    named = _named_before_talks(r, token)
    if len(named) >= 2:
        return [r.mention_of(t.i, t.i + 1, a) for t, a in named]
    between = _talks_between(r, token)
    if between == []:
        return []
    if between is not None:
        return [r.mention_of(p.start, p.end, Actor(code=m.code, name=m.name or m.text, country=m.country,
                                                   sector=m.sector)) for m in between]
    with_sides = _sides_standing_apart(r, token)
    if with_sides is not None:
        return with_sides
    bare_or_the = all(c.lower_ == "the" for c in token.children if c.dep_ == "det")   # "Talks in Togo stalled"
    if relative or bare_or_the and (token.head.lemma_.lower() in _TALKS_STARTING_OR_ENDING
                                    or token.dep_ == "nsubj" and begins_talks(token.head)):
        # "the talks resumed on Monday" after "the government and the OLA signed ...": the two named together as
        # a subject (not "inspected by a joint team of WFP staff and army officers")
        # (never those who convened or chaired them: "The talks, convened by Saudi Arabia and the United States")
        conveners = {m.code for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"
                     for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                     for t in with_conjuncts(o) for m in r.mentions(t)[:1] if m.code}
        pair = next((a for a in reversed(r.coref.history) if a.kind == "coordination" and a.token_i < token.i
                     and len(a.members) == 2 and a.subject), None)
        if pair is not None and not {m.code for m in pair.members} & conveners:
            return [r.mention_of(p.start, p.end, actor) for actor in pair.members]
        # "... signed in Mendoza on Friday. The talks had restarted on Tuesday": the two sides of the latest
        # act two actors did together
        together = _latest_joint_act(r, token.i)
        if together is not None and not {a.code for a in together} & conveners:
            return [r.mention_of(p.start, p.end, actor) for actor in together]
        if conveners:
            return []
        following = _sides_of_what_followed(r, p)
        if following is not None:
            return following
        if any(c.dep_ == "prep" and c.lower_ in r.cues.locative_preps for c in token.children):
            return []   # "Talks in Togo stalled": the venue is not a side
    return _strike_sides(r, p)


def _sides_of_what_followed(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "Talks to end the lockout collapsed on Thursday after the operators tabled a final offer and the union
    turned it down": talks named without sides in a report's first words are those of the two actors the clause
    of what ended or moved them names as its subjects."""
    verb = p.token.head
    subjects: list[Token] = []
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                   and any(m.dep_ == "mark" and m.lower_ in ("after", "when", "as") for m in c.children)):
        for act in (clause, *(c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))):
            subjects += [s for s in act.children if s.dep_ in ("nsubj", "nsubjpass")]
    found: list[ActorMention] = []
    for subject in subjects:
        for m in r.mentions(subject)[:1]:
            if m.code and m.sector not in _BYSTANDERS - {"BUS"} and all(side_key(_actor_of(f)) != side_key(_actor_of(m))
                                                              for f in found):
                found.append(m)
    if len(found) != 2:
        return None
    return [r.mention_of(p.start, p.end, _actor_of(m)) for m in found]


def _actor_of(m: ActorMention) -> Actor:
    return Actor(code=m.code, name=m.name or m.text, country=m.country, sector=m.sector)


_STOPPAGES = frozenset({"strike", "stoppage", "walkout", "lockout"})


def _strike_sides(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "Talks to end the strike at the Du River Rubber Company resumed": talks over a strike at a company are the
    company's and its workers'."""
    for t in p.token.subtree:
        if t.lemma_.lower() in _STOPPAGES and t.i > p.token.i:
            at = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "by")), None)
            firm = next((c for c in at.children if c.dep_ == "pobj"), None) if at is not None else None
            found = [m for m in r.mentions(firm) if m.code and m.sector == "BUS" and m.country] \
                if firm is not None else []
            if len(found) == 1 and found[0].country:
                company, country = found[0], found[0].country
                workers = r.kb_resolve("workers")
                if workers is None:
                    return None
                staff = with_sector(Actor(country, country, country), workers.sector)
                return [r.mention_of(p.start, p.end, staff),
                        r.mention_of(p.start, p.end, Actor(company.code, company.name or company.text,
                                                           company.country, company.sector))]
    return None


def _sides_standing_apart(r: MentionResolver, token: Token) -> list[ActorMention] | None:
    """ "Conciliation talks opened on Tuesday, with the union and the company still far apart": the two sides a
    "with" phrase on the talks' own verb names, when both are actors."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        sides = conjuncts(pobj) if pobj is not None else []
        if len(sides) != 2:
            continue
        found = [m for side in sides for m in r.mentions(side)[:1] if m.code]
        if len(found) == 2 and found[0].code != found[1].code:
            return found
    return None


def _latest_joint_act(r: MentionResolver, before: int, roots: tuple[str, ...] = ()) -> tuple[Actor, Actor] | None:
    """The two actors of the latest act before token `before` that exactly two actors did to each other
    (recorded once per direction: "the two governments signed"); with `roots`, an act of one of those CAMEO
    roots."""
    by_token: dict[int, list[Actor]] = {}
    for i, code, actor in r.acted:
        if roots and not code.startswith(roots):
            continue
        if i < before and actor.code and all(a.code != actor.code for a in by_token.get(i, ())):
            by_token.setdefault(i, []).append(actor)
    for i in sorted(by_token, reverse=True):
        actors = by_token[i]
        if len(actors) == 2:
            return actors[0], actors[1]
    return None


def joint_body(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "the joint border commission had resumed its work": a body both sides sit on, named by "joint" and no
    owner, stands for the two who last bargained together."""
    token = p.token
    if token.lemma_.lower() not in _JOINT_BODIES or p.poss is not None or p.has_name \
            or not any(c.dep_ == "amod" and c.lower_ == "joint" for c in token.children) \
            or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    together = _latest_joint_act(r, token.i, _BARGAINING_ROOTS) or _latest_joint_act(r, token.i)
    return [r.mention_of(p.start, p.end, actor) for actor in together] if together else None


_JOINT_BODIES = frozenset({"commission", "committee", "panel", "working group", "team"})


def pronoun(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "he", "they", "we": the speaker of reported speech first, else the antecedent in the article."""
    token = p.token
    if token.pos_ != "PRON":
        return None
    if token.lower_ == "it" and _hazard_antecedent(token) or token.dep_ == "dobj" and talks_of_pronoun(token):
        return []   # (nor is "them" an actor in "began negotiations with the US, only to break them off")
    speaker = r.speaker_antecedent(token)
    if speaker:
        return speaker
    own = _own_subject(token)
    if own is not None:
        # "British negotiators lowered their demand": the owner is the clause's own subject
        found = [m for m in r.mentions(own) if m.code]
        if found:
            return found
    actors = r.pronoun_actors(token)
    ante = r.coref.last_found()
    if actors and ante is not None and r.sentence_start(ante.span[0]) == r.sentence_start(token.i) \
            and ante.span[1] <= token.i:
        # Antecedent in the same sentence: point at the name, not the pronoun.
        return [r.mention_of(ante.span[0], ante.span[1], actors[0])]
    return [r.mention_of(token.i, token.i + 1, a) for a in actors]


def _own_subject(token: Token) -> Token | None:
    """The subject of the clause whose object a possessive "their" or "its" qualifies, when the two agree in
    number and the subject is a noun ("the negotiators lowered their demand", "the union raised its offer")."""
    if token.dep_ != "poss" or token.lower_ not in ("their", "its") or token.head.dep_ != "dobj":
        return None
    verb = token.head.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.i > token.i:
        return None
    plural = subject.tag_ in ("NNS", "NNPS")
    return subject if plural == (token.lower_ == "their") else None


#: Words that open the name of a storm ("Typhoon Haiyan", "Hurricane Maria").
STORM_TITLES = frozenset({"typhoon", "hurricane", "cyclone", "storm"})


def hazard(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "the typhoon", "the virus", "Cyclone Idris": a natural hazard or a disease names no actor, though
    it "kills" and "destroys"."""
    token = p.token
    if token.pos_ == "NOUN" and p.poss is None and nouns.is_hazard(p.lemma):
        return []
    first = token.doc[p.start]
    if token.pos_ == "PROPN" and first.i < token.i and first.lower_ in STORM_TITLES and first.is_title:
        return []
    return None


def place_of_occurrence(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "a Kabul car bombing", "the El Paso shooting": a town or region before an act's noun says where it
    happened, not who did it; a country there is an actor ("a US strike"), and so is a group or a nationality
    ("a Hamas attack", "an Israeli raid")."""
    token = p.token
    if token.pos_ != "NOUN" or p.poss is not None or not nouns.is_occurrence(p.lemma):
        return None
    if r.role(token) is not None:
        return None   # "the Tuareg separatist movement": a group, not a movement of something
    inside = [e for e in r.doc[p.start:token.i].ents if e.label_ in ACTOR_ENTITY_TYPES]
    if not inside or any(not _town_or_region(r, e) for e in inside):
        return None
    if any(c.dep_ in ("prep", "acl") for c in token.children):
        return None   # "the Gaza bombing by the air force": the agent is named further on
    return p.whole(r, None) if p.allow_thing else []


def _town_or_region(r: MentionResolver, ent: Span) -> bool:
    """A place entity that is no country (a country's name before an act is its state acting)."""
    if ent.label_ not in ("GPE", "LOC", "FAC"):
        return False
    actor = r.kb_resolve(ent.text)
    return actor is None or not (actor.sector is None and actor.code == actor.country)


def _hazard_antecedent(token: Token) -> bool:
    """Whether "it" most likely stands for a hazard: the latest singular noun subject before it, in its
    sentence or the one before, is one ("The virus spread fast. Officials said it has killed two.")."""
    doc = token.doc
    sent = token.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for i in range(token.i - 1, start - 1, -1):
        t = doc[i]
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NN", "NNP"):
            return nouns.is_hazard(t.lemma_) or t.pos_ == "PROPN" and doc[t.left_edge.i].lower_ in STORM_TITLES
    return False


def counterpart(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "his Kenyan counterpart": the other side's office holder."""
    if p.lemma not in r.cues.counterpart_nouns:
        return None
    return [r.counterpart(p.token, p.start, p.end)]


def _description(r: MentionResolver, p: Phrase) -> bool:
    """A description with no name and no pronoun owner ("the group", "both sides")."""
    return p.kind is not None and not p.has_name and (p.poss is None or p.poss.pos_ != "PRON")


def counted_description(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "the two countries", "both sides", "the three governments": the latest coordination of that many
    actors, else the most mentioned actors of that kind."""
    token = p.token
    if not _description(r, p) or token.tag_ != "NNS":
        return None
    number = next((NUMBER_WORDS.get(c.lower_) for c in token.children if c.lower_ in NUMBER_WORDS), None)
    if number is None and token.lemma_.lower() in ("delegation", "negotiator") and token.dep_ == "nsubj" \
            and token.head.lemma_.lower() in _BACK_TO_TALKS and any(c.lower_ == "the" for c in token.children):
        # "The delegations returned to the table on Monday": the two who last acted together
        pair = next((a for a in reversed(r.coref.history) if a.kind == "coordination" and a.token_i < token.i
                     and len(a.members) == 2), None)
        together = tuple(pair.members) if pair is not None else _latest_joint_act(r, token.i)
        return [r.mention_of(p.start, p.end, a) for a in together] if together else None
    if number is None or token.lemma_.lower() in nouns.GO_BETWEEN_NOUNS:
        return None   # ("the two federal mediators" are no two sides named before)
    own_sector = _own_role_sector(r, p)
    kinds = frozenset({"country", "government"}) if p.kind in ("country", "government") \
        else frozenset({"country", "government", "group", "other"})
    # the sides of talks are no "children" or "aid workers"
    sectors_out = _BYSTANDERS if token.lemma_.lower() in _SIDE_NOUNS else frozenset()
    if any(a.actor.sector == "LAB" for a in r.coref.history if a.token_i < token.i):
        sectors_out -= {"BUS"}   # (in a labour dispute the employers are a side)
    own = own_subject_range(token)
    pairs = [a for a in reversed(r.coref.history) if a.kind == "coordination"
             and a.token_i < token.i and len(a.members) == number and not (own[0] <= a.span[0] < own[1])]
    go_betweens: frozenset[str | None] = frozenset()
    if token.lemma_.lower() in _SIDE_NOUNS:
        # "the two sides", "both parties": the two a conflict or a mediation is between ("mediated between
        # the government and the group"), before the mediators who happen to be named together; never one who
        # mediated ("talks brokered by Togo ... the two delegations": not Togo's)
        go_betweens = frozenset(side_key(a) for i, code, a in r.acted if i < token.i and code.startswith("045"))
        pairs = [a for a in pairs if not {side_key(m) for m in a.members} & go_betweens
                 and not any(m.sector in _BYSTANDERS for m in a.members)]   # (nor "civilians, schools")
        pairs = [a for a in pairs if _between(r, a.span)] + [a for a in pairs if not _between(r, a.span)]
    if own_sector is not None:
        # "the three religious leaders": three of the clerics named before, not the last three actors
        pairs = [a for a in pairs if all(m.sector == own_sector for m in a.members)]
    pair = pairs[0] if pairs else None
    if token.lemma_.lower() in _SIDE_NOUNS and number == 2 and (pair is None or not _between(r, pair.span)):
        between = _latest_between(r, token)
        if between is not None:
            return [r.mention_of(p.start, p.end, Actor(code=m.code, name=m.name or m.text, country=m.country,
                                                       sector=m.sector)) for m in between]
    # "the envoy moved between the two delegations": the sides are others than the clause's own subject
    subject = frozenset(side_key(a.actor) for a in r.coref.history if own[0] <= a.token_i < own[1]) | go_betweens
    # ("Labour minister X urged both sides to return": not her state, which only urges)
    subject |= frozenset(a.actor.country for a in r.coref.history if own[0] <= a.token_i < own[1]
                         and a.actor.sector in ("GOV", "ELI") and a.actor.country)
    clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
    if clause is not None and clause.head.i < token.i:
        # "Qatar, whose diplomats had shuttled between the two sides": not Qatar either
        subject |= frozenset(side_key(Actor(m.code, m.name or m.text, m.country, m.sector))
                             for m in r.mentions(clause.head) if m.code)
    if token.lemma_.lower() in _SIDE_NOUNS and number == 2 and pair is None:
        # "the union and the company sat down for talks ... The two sides met again": the two who last
        # bargained together, not the two most often named (the minister who chairs them); never the clause's own
        # subject or a go-between ("the Red Cross carried lists between the two delegations")
        together = _latest_joint_act(r, token.i, _BARGAINING_ROOTS)
        if together is not None and not {side_key(a) for a in together} & subject - {None} \
                and not any(a.sector in _BYSTANDERS for a in together):
            return [r.mention_of(p.start, p.end, actor) for actor in together]
    many = list(pair.members) if pair is not None else r.coref.find_many(token.i, number, kinds=kinds,
                                                                         exclude=subject, sectors_out=sectors_out)
    if own_sector is not None and any(a.sector != own_sector for a in many):
        return None   # (the role the words name: "religious leaders" are clerics, whoever was named before)
    if not many:
        return None
    sector = "GOV" if p.kind == "government" else None
    return [r.mention_of(p.start, p.end, with_sector(a, sector)) for a in many]


def _own_role_sector(r: MentionResolver, p: Phrase) -> str | None:
    """The sector a counted description's own words name when it is no state's ("the three religious leaders":
    REL, "both union leaders": LAB), else None."""
    if p.kind in ("country", "government") or p.token.lemma_.lower() in _SIDE_NOUNS:
        return None   # ("the two teams" of negotiators are no sports teams)
    words = [t.text for t in p.token.doc[p.start:p.end] if t.i >= p.token.i or t.dep_ in ("amod", "compound")]
    actor = r.kb.resolve(" ".join(words)) if words else None
    if actor is None or actor.sector is None or actor.sector in STATE_SECTORS or actor.code != actor.sector:
        return None
    return actor.sector


# Verbs of sides coming back to talks ("the delegations returned to the table", "the negotiators reconvened").
_BACK_TO_TALKS = frozenset({"return", "resume", "reconvene", "restart", "come", "go", "sit"})
# Sectors of people a conflict or a negotiation is about, not its sides.
_BYSTANDERS = frozenset({"CVL", "HLH", "EDU", "MED", "JRN", "REF", "BUS"})
# Nouns for the sides of a conflict or a negotiation.
_SIDE_NOUNS = frozenset({"side", "party", "camp", "belligerent", "delegation", "panel", "team"})


def _between(r: MentionResolver, span: tuple[int, int]) -> bool:
    """Whether the coordination starting at `span` is the object of "between" ("between X and Y")."""
    first = r.doc[span[0]:span[1]].root
    return first.dep_ == "pobj" and first.head.lower_ == "between"


def _latest_between(r: MentionResolver, token: Token) -> list[ActorMention] | None:
    """The two resolved actors of the latest "between X and Y" in the ten sentences up to `token`."""
    sent = token.sent
    start = sent.start
    for _ in range(10):
        if start == 0:
            break
        start = r.doc[start - 1].sent.start
    for t in reversed(r.doc[start:sent.start]):
        if t.lower_ == "between":
            sides = _between_sides(r, t)
            if sides is not None:
                return sides
    return None


def _between_sides(r: MentionResolver, between: Token) -> list[ActorMention] | None:
    """The two resolved actors of "between X and Y", or None."""
    pobj = next((c for c in between.children if c.dep_ == "pobj"), None)
    if pobj is None:   # "between striking dockworkers and ...", parsed as a verb and its object
        verb = next((c for c in between.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
        pobj = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None
    if pobj is not None and not any(c.dep_ == "conj" for c in pobj.children):
        # "Talks between Tanzania's government and striking railway workers got under way": the parser hung the
        # second side on the talks, or made it a second object of "between"
        hung = next((c for c in (*between.head.children, *between.children)
                     if c.dep_ in ("conj", "pobj") and c.i > pobj.i
                     and any(t.lower_ == "and" for t in r.doc[pobj.i + 1:c.left_edge.i])), None)
        if hung is None:
            return None
        sides = [m for c in (pobj, hung) for m in r.mentions(c) if m.code]
        return sides if len(sides) == 2 else None
    if pobj is None:
        return None
    sides = [m for c in conjuncts(pobj) for m in r.mentions(c) if m.code]
    return sides if len(sides) == 2 else None


def definite_description(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "the group", "the envoy", "this country": the latest fitting actor named before."""
    token = p.token
    if p.kind is None or not _description(r, p) or token.tag_ != "NN" \
            or not any(c.lower_ in ("the", "this", "that") for c in token.children):
        return None
    found = r.description(token, p.kind)
    if found is not None and found.code and (found.code.startswith(("NGO", "IGO")) or found.sector is not None
                                             and found.sector not in _ARMED_SECTORS) and any(
            c.dep_ in ("amod", "compound") and c.lower_ in _ARMED_WORDS for c in token.children):
        return None   # "the armed group" after "the Red Cross": not the aid body, but what its words say
    return p.whole(r, found) if found is not None else None


# An armed description ("the armed group", "the rebel movement") means an armed actor named before, or none.
_ARMED_WORDS = frozenset({"armed", "rebel", "militant", "jihadist", "insurgent", "separatist", "guerrilla",
                          "criminal", "extremist", "paramilitary"})
_ARMED_SECTORS = frozenset({"REB", "INS", "SEP", "UAF", "PRM", "CRM", "MIL", "RAD"})


# Heads that name a group by its patron ("the al Qaeda affiliate", "the Iranian proxy"): the group meant is
# one named before, not the patron.
AFFILIATE_HEADS = frozenset({"affiliate", "offshoot", "franchise", "proxy", "splinter"})


def affiliate_description(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "the al Qaeda affiliate": the latest group named before that is not the patron itself."""
    token = p.token
    if p.lemma not in AFFILIATE_HEADS or token.tag_ != "NN" \
            or not any(c.lower_ in ("the", "this", "that") for c in token.children):
        return None
    patrons = frozenset(m.code for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i
                        for m in r.mentions(c) if m.code)
    found = r.coref.find(token.i, kinds=frozenset({"group"}), exclude=patrons)
    return p.whole(r, found)   # with no group named before, an unknown group: never the patron


def coordinated_modifiers(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "Greek and Turkish diplomats", "Thai and Khmer officers": one mention per named side."""
    return r.coordinated_modifiers(p.token, p.start, p.end) or None


def doc_start(p: Phrase) -> int:
    """The character offset where a phrase starts."""
    return p.token.doc[p.start].idx


def role_for_sides(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "negotiators for the government and the rebels": one mention per side, in the head's role."""
    sector = r.role(p.token)
    if sector is None or p.poss is not None:
        return None   # ("ASEAN's special envoy for Myanmar, Maritess X": the owner's, whatever the parse joins)
    for child in p.token.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            # (also "leaders of the MS-13 and Barrio 18 gangs": one head, two named sides before it)
            if pobj is not None and (any(c.dep_ == "conj" for c in pobj.children)
                                     or any(c.dep_ == "cc" for m in pobj.lefts for c in m.children)):
                sides = [m for t in conjuncts(pobj) for m in r.mentions(t)]
                if len(sides) > 1:
                    # each side's own words ("Negotiators for Peru's government", "the nurses' federation")
                    doc, first = p.token.doc, doc_start(p)
                    return [ActorMention(doc.text[start:m.end], start, m.end,
                                         (m.country + sector) if m.country and m.sector is None else m.code,
                                         m.name or m.text, m.country, sector if m.sector is None else m.sector)
                            for i, m in enumerate(sides) for start in [first if i == 0 else m.start]]
    return None


_BODY_NAME_START = re.compile(r"^(?:the\s+)?(?:Front|Frente|Movement|Mouvement|Alliance|Coalition|Union|Council)\b",
                               re.IGNORECASE)


def member_of_body(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "the two envoys of the Front pour la Défense du Liptako", "negotiators for the Sahel Freedom Front":
    people in a role for a named body other than a state are that body (known or not), not a government's
    ("the ICRC's head of delegation for the South Caucasus": the owner says whose)."""
    if r.role(p.token) is None or p.poss is not None:
        return None
    for child in p.token.children:
        if child.dep_ != "prep" or child.lower_ not in ("of", "for", "from"):
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ != "PROPN" or pobj.ent_type_ in ("GPE", "NORP") \
                or any(c.dep_ == "conj" for c in pobj.children):
            continue
        found = r.mentions(pobj)
        if len(found) != 1:
            continue
        body = found[0]
        if body.code is None and pobj.ent_type_ != "ORG" and not _BODY_NAME_START.match(body.text):
            continue   # "head of delegation for the South Caucasus": a place, not a body
        if body.code is None and p.token.tag_ in ("NNP", "NNPS"):
            continue   # (a word of the body's own name: "the rebel Movement for Justice of Casamance"; but "the
            # General Assembly of the OAS" is that body's)
        if body.code is not None and (body.sector in STATE_SECTORS or body.code == body.country
                                      or body.sector is None):
            continue   # "the envoys of the Kenyan government", "envoys of Kenya": the role's own reading
        return p.whole(r, Actor(code=body.code, name=body.name or body.text, country=body.country,
                                sector=body.sector))
    return None


def owner_body(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "the union's delegation", "the rebels' negotiators": people in a role for a body other than a state
    (named by a noun, not a pronoun) are that body, not a government's."""
    poss, token = p.poss, p.token
    if poss is None or poss.pos_ == "PRON" or token.pos_ != "NOUN" or r.role(token) is None \
            or token.ent_type_ and poss.ent_type_ == token.ent_type_ and poss.ent_iob_ != "O" and token.ent_iob_ == "I":
        return None   # ("the People's Liberation Movement": a name, not the people's movement)
    found = [m for m in r.mentions(poss) if m.code]
    if len(found) != 1 or found[0].sector is None or found[0].sector in STATE_SECTORS:
        return None
    body = found[0]
    return p.whole(r, Actor(code=body.code, name=body.name or body.text, country=body.country, sector=body.sector))


def event_role(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "the mediators": those who mediated earlier in the article."""
    if p.has_name or p.poss is not None or not any(c.lower_ in ("the", "both") for c in p.token.children):
        return None
    actors = r.by_event_role(p.token)
    return [r.mention_of(p.start, p.end, a) for a in actors] if actors else None


def named_apposition(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "her longtime ally Maria Lopez": a possessed noun with a name in apposition is the person named."""
    token, poss = p.token, p.poss
    if poss is None or poss.pos_ != "PRON" or r.role(token) is not None:
        return None
    named = next((c for c in token.children if c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON"
                  or c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("", "PERSON")), None)
    if named is None:
        return None
    start, end = np_bounds(named, keep_appos=False)
    return p.whole(r, r.kb_resolve(token.doc[start:end].text))


def relative_owner(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "Qatar, whose diplomats had shuttled between the two sides": people in a role whose owner is "whose" are
    of the noun the relative clause describes."""
    poss, token = p.poss, p.token
    if poss is None or poss.lower_ != "whose" or r.role(token) is None:
        return None
    clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
    if clause is None:
        # the relative clause read as a verb of its own ("..., whose president chaired"): the name before "whose"
        described = next((t for t in reversed(token.doc[token.sent.start:poss.i]) if not t.is_punct), None)
        if described is None or described.pos_ not in ("PROPN", "NOUN"):
            return None
        clause = poss
    elif clause.head.i >= token.i:
        return None
    else:
        described = clause.head
    named = next((e for e in token.doc.ents if e.start <= described.i < e.end), None) if described.ent_type_ else None
    if named is not None:   # "the Organization of American States, whose envoy": the name, not "States"
        described = named.root
    owners = [m for m in r.mentions(described) if m.code]
    if len({m.code for m in owners}) != 1:
        return None
    owner = Actor(code=owners[0].code, name=owners[0].name or owners[0].text, country=owners[0].country,
                  sector=owners[0].sector)
    sector = r.role(token)
    return p.whole(r, owner if owner.sector or sector is None else with_sector(owner, sector, role=p.lemma))


def owner_pronoun(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "its envoy", "their leader": the owner's country in the head's role; "his country": the owner's
    country itself; a thing the owner has, when things are kept: the owner."""
    poss = p.poss
    if poss is None or poss.pos_ != "PRON" or poss.lower_ not in r.cues.pronouns:
        return None
    owners = r.pronoun_actors(poss)
    if not owners:
        return None
    owner = owners[0]
    sector = r.role(p.token)
    if sector is not None and (p.token.lower_ in _TEAM_NOUNS or r.kb.role_inherits(p.lemma)) and owner.code \
            and owner.sector is not None and owner.sector not in STATE_SECTORS:
        # "its delegates" of an alliance or a union, "its chairman" of a council of churches: the body itself, not
        # a state's
        return p.whole(r, owner)
    if sector is not None:
        return p.whole(r, with_sector(owner, sector, role=p.lemma))
    if p.kind == "country" and owner.country:
        name = countries.country_name(owner.country) or owner.country
        return p.whole(r, Actor(owner.country, name, owner.country))
    if p.allow_thing:
        return [r.mention_of(poss.i, poss.i + 1, owner)]
    return None


def unnamed_group(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "the Free Speech movement", "the Silver Rivers group": a group by a name the knowledge base does
    not know: an actor without a code."""
    token = p.token
    if p.kind != "group" or p.has_name or not any(
            c.dep_ in ("amod", "compound", "nmod") and c.i < token.i and c.text[:1].isupper() and c.i > p.start
            for c in token.children):
        return None
    return p.whole(r, None)


# Lines between two places, which the places after "between" only locate.
_LINES = frozenset({"border", "frontier", "boundary", "crossing"})


def thing_head(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """A head that is a thing ("a High Court ruling", "the latest French offer"): its actor is inside; a
    headline name the tagger took for a common noun is looked up as a name first."""
    token = p.token
    if token.pos_ != "NOUN" or token.ent_type_ != "" or r.role(token) is not None or p.kind is not None:
        return None
    if token.is_title or token.is_upper:
        named = r.kb_resolve(token.doc[p.start:p.end].text)
        if named is not None:
            return p.whole(r, named)
    if nouns.is_animal(p.lemma) and p.poss is not None and p.poss.pos_ == "PRON":
        return p.whole(r, None) if p.allow_thing else []   # "killed by his dogs": an owner's animals are not him
    inner = r.inner_actor(token, p.start, p.end)
    if inner is not None and token.lemma_.lower() in MEETING_NOUNS and (_a_town_of_talks(token, inner)
                                                                         or _convened_by(token, inner)):
        inner = None   # "the Monrovia talks": where they are held, not who holds them; "the talks, convened by
        # Saudi Arabia": who convened them
    if inner is not None and token.lemma_.lower() in DEAL_NOUNS and _a_town_it_is_in(token, inner):
        inner = None   # "endorsed an accord in Nassau": where it was made, not who made it (but "an attack on a
        # mosque in Christchurch" is on the town's people)
    if inner is not None and token.lemma_.lower() in _LINES \
            and any(c.dep_ == "prep" and c.lower_ == "between" for c in token.children):
        inner = None   # "flew them to the border between Belarus and Ukraine": a place, not its states
    if inner is not None:
        return [inner]
    return p.whole(r, None) if p.allow_thing else []


def _a_town_it_is_in(token: Token, inner: ActorMention) -> bool:
    """Whether the actor found inside a thing's phrase is a town after "in" or "at" on it ("an accord in Nassau"):
    where it is, not whose (a country's name there still stands for its state)."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC", "FAC") \
                    and pobj.left_edge.idx <= inner.start <= pobj.idx \
                    and countries.country_code(pobj.text) is None:
                return True
    return False


def _convened_by(token: Token, inner: ActorMention) -> bool:
    """Whether the actor found inside a talks phrase is the agent of a participle on it ("the talks, convened
    jointly by Saudi Arabia and the United States"): who convened or chaired them, not a side."""
    agents = [a for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children
              if a.dep_ == "agent"]
    return any(a.left_edge.idx <= inner.start < a.right_edge.idx + len(a.right_edge) for a in agents)


def _a_town_of_talks(token: Token, inner: ActorMention) -> bool:
    """Whether the one name inside a phrase of talks is a town modifying them ("the Monrovia talks"), not a
    country ("the Cameroon peace talks" are about Cameroon) nor a body."""
    doc = token.doc
    named = [t for t in doc[token.left_edge.i:token.i] if t.dep_ == "compound" and t.head.i == token.i
             and t.pos_ == "PROPN"]
    return len(named) == 1 and named[0].text in inner.text and countries.country_code(named[0].text) is None \
        and countries.seat_of(named[0].text) is not None


# Nouns for the people a side sends to talks: "the rebel delegation", "the union's negotiators".
_TEAM_NOUNS = frozenset({"delegation", "delegations", "negotiator", "negotiators", "team", "delegate", "delegates",
                         "envoy", "envoys", "representative", "representatives", "panel"})
# Sectors of the domestic sides a team stands for, and the sectors of the same side ("the rebel delegation" after
# "the insurgents").
_TEAM_SECTORS = {"REB": frozenset({"REB", "INS", "SEP"}), "INS": frozenset({"REB", "INS", "SEP"}),
                 "SEP": frozenset({"REB", "INS", "SEP"}), "OPP": frozenset({"OPP", "PTY"}),
                 "PTY": frozenset({"OPP", "PTY"}), "LAB": frozenset({"LAB"})}


def sector_team(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "the rebel delegation filed back into the hall in Brasilia": the team of the side of that sector named
    before (the ELN, Colombia's rebels), not rebels of the country where it sits."""
    token = p.token
    if p.lemma not in _TEAM_NOUNS and token.lower_ not in _TEAM_NOUNS or p.has_name or p.poss is not None \
            or not any(c.lower_ in ("the", "this", "that") for c in token.children):
        return None
    sector = next((found for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i
                   and (found := r.kb.role_sector(c.lemma_.lower()) or r.kb.role_sector(c.lower_)) in _TEAM_SECTORS),
                  None)
    if sector is None:
        return None
    ante = next((a for a in reversed(r.coref.history) if a.token_i < p.start and a.actor.country
                 and a.actor.sector in _TEAM_SECTORS[sector]), None)
    return p.whole(r, ante.actor) if ante is not None else None


def named_team(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "The Convergence delegation returned": the team of the body named before by that name ("the Civic
    Convergence", coded), when the lists do not know the name."""
    token, doc = p.token, p.token.doc
    if token.lower_ not in _TEAM_NOUNS or not p.has_name:
        return None
    names = [t.text for t in doc[p.start:token.i] if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if not names or r.kb_resolve(" ".join(names)) is not None:
        return None
    for earlier in reversed(doc[:p.start]):
        if earlier.text != names[-1]:
            continue
        head = earlier
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        found = next((m for m in r.mentions(head) if m.code), None)
        if found is not None:
            return p.whole(r, Actor(code=found.code, name=found.name or found.text, country=found.country,
                                    sector=found.sector))
    return None


# Prepositions of where someone is: a body named after them is the place's, not the phrase's head's.
_WHERE_PREPS = frozenset({"across", "at", "around", "inside", "outside", "near", "beside"})


def person_by_office(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """A person whose relative clause says what body he heads or serves ("Ingrid Solvang, the Norwegian diplomat
    who serves as the UN Secretary-General's envoy"), or whose apposition says who sent him as its envoy ("X, a
    former Angolan minister appointed as special envoy by the African Union"): that body's, before what his
    nationality says."""
    token = p.token
    if token.ent_type_ != "PERSON" or not any(c.dep_ in ("appos", "relcl") for c in token.children):
        return None
    name = next((e.text for e in token.doc.ents if e.start <= token.i < e.end), token.text)
    actor = r.office_of(token, name) or r.sent_as_envoy(token, name)
    return p.whole(r, actor) if actor is not None else None


def known_phrase(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """The phrase, or its part up to the head, in the knowledge base; a bare "the government" or "the
    army" inside a named speaker's reported speech is the speaker's country's."""
    token, doc = p.token, p.token.doc
    if _a_site(r, token):
        # "the city's congress centre", "the army base": a building or a site, whatever body its modifiers name
        return p.whole(r, None) if p.allow_thing else []
    placed = token.i + 1 < p.end and doc[token.i + 1].lower_ in _WHERE_PREPS and doc[token.i + 1].head.i == token.i
    # ("the Sudanese government delegation across the African Union's table": the delegation, not the Union)
    actor = r.kb_resolve(doc[p.start:token.i + 1].text) if placed else None
    actor = actor or r.kb_resolve(doc[p.start:p.end].text)
    if actor is None and p.end - p.start > 1:
        actor = r.kb_resolve(doc[p.start:token.i + 1].text)
    if (actor is None or actor.sector == "GOV" and not p.has_name) and _striking_people(doc[p.start:p.end]):
        # "leaders of some 4,000 striking rubber tappers", "the striking nurses": labour, whatever the noun
        actor = r.kb_resolve("strikers")
    if actor is None:
        return None
    if actor.country is None and actor.sector in STATE_SECTORS:
        body = _body_cut_off(r, p)
        if body is not None:
            return [r.mention_of(body[0], p.end, body[1])]
    if actor.country is None and actor.sector in STATE_SECTORS and not p.has_name:
        speaker = r.speaker_of(token) if token.tag_ == "NN" else []
        if speaker and speaker[0].country:
            country = speaker[0].country
            actor = with_sector(Actor(country, country, country), actor.sector, role=p.lemma)
    return p.whole(r, actor)


def _striking_people(span: Span) -> bool:
    """Whether `span` holds people said to be on strike ("striking tappers"; not "a striking example")."""
    return any(t.lower_ == "striking" and t.dep_ == "amod" and nouns.names_person(t.head.lemma_.lower()) for t in span)


def _body_cut_off(r: MentionResolver, p: Phrase) -> tuple[int, Actor] | None:
    """ "IGAD Executive Secretary Mohamed Abdi Warsame", whose body's name the parser cut off the phrase: where the
    phrase opens with a capitalised title right after the proper name of an international body or a state, that
    body's official (the start of the widened phrase, and the actor), else None."""
    doc = p.token.doc
    start = p.start
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].is_upper) and doc[start - 1].is_alpha \
            and doc[start - 1].text[:1].isupper() \
            and (not doc[start - 1].is_sent_start or doc[start - 1].is_upper) and p.start - start < 4:
        start -= 1
    if start == p.start:
        return None
    body = r.kb_resolve(doc[start:p.start].text)
    if body is None or not body.code or not (body.code.startswith(("IGO", "NGO")) or body.country
                                             and doc[p.start].text[:1].isupper()):
        return None   # ("ECOWAS defence chiefs met": the bloc's; a country's only before a capitalised title)
    return start, Actor(code=body.code, name=body.name, country=body.country, sector=body.sector)


def _a_site(r: MentionResolver, token: Token) -> bool:
    """Whether a lower-case head names a building or a site (its first sense a location or an artifact, no
    sense an agent's): "centre", "base", "hall", "station"; or a named bank of the sea where something lies or
    happens ("fishing on the disputed Anemos Bank", "off the Dogger Bank")."""
    if token.lower_ == "bank" and token.pos_ == "PROPN" and token.dep_ == "pobj" \
            and token.head.lower_ in ("on", "off", "over", "around", "near", "across") \
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
        known = r.kb_resolve(token.doc[token.left_edge.i:token.i + 1].text)
        return known is None or known.code == known.sector   # (not "the World Bank": a body the lists know)
    if token.pos_ != "NOUN" or not token.is_lower or r.role(token) is not None:
        return False
    found = nouns.classes(token.lemma_)
    if not found:
        return False
    return found[0] in ("location", "artifact") and nouns.can_act(token.lemma_) is False


def body_by_last_word(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """ "the Front", "the front" after "the Citizen Unity Front (FUC)" or "the Karnali People's Liberation Front":
    the body the article named in full with that last word, known to the lists or not."""
    token = p.token
    if token.lower_ not in nouns.BODY_NAME_HEADS or token.tag_ not in ("NN", "NNP") \
            or [t.i for t in token.doc[p.start:p.end] if t.pos_ != "DET" and not t.is_punct] != [token.i] \
            or not any(c.lower_ in ("the", "this") for c in token.children):
        return None
    # (the latest such name, past the lower-case mentions of the word in between: "the council's plan")
    ante = next((a for a in reversed(r.coref.history) if a.token_i < token.i and a.head == token.lemma_.lower()
                 and _named_body_head(token.doc, a.token_i, token.lower_)), None)
    if ante is None:
        return None
    return p.whole(r, ante.actor)


def earlier_name(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """A person named again by surname ("Schiff" after "Representative Adam Schiff"): the actor the full
    mention resolved to, when it had a code."""
    token = p.token
    words = sum(1 for t in token.doc[p.start:p.end] if not t.is_punct)   # "Kanu-Bangura" is one word
    if token.pos_ != "PROPN" or words > 2 or r.kb_resolve(token.doc[p.start:p.end].text) is not None:
        return None
    # "Johnson" after "Boris Johnson" and an unresolved "Johnson's": the name the knowledge base knew
    found = r.coref.find(token.i, kinds=frozenset(), head=token.lemma_.lower(), coded=True)
    ante = r.coref.last_found()
    if found is None or found.code is None or ante is None or not (
            ante.kind == "person" or _person_named_by_role(token.doc, ante)):
        # "Lu" after "China's special envoy, Lu Zhenhai": a family name first, not the name's last word
        doc = token.doc
        ante = next((a for a in reversed(r.coref.history) if a.kind == "person" and a.token_i < token.i
                     and a.actor.code and a.span[1] - a.span[0] <= 4
                     and token.text == next((t.text for t in doc[a.span[0]:a.span[1]] if t.ent_type_ == "PERSON"),
                                            None) != doc[a.token_i].text), None)
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if ante is None and words == 1 and not (after is not None and (
                after.lower_ in ("and", "of", "&", "for") or after.text[:1].isupper())):
            # "Brecknock" after "Brecknock Energy": a body named again by the first word of its name (not the first
            # word of a longer name the parser split: "Food" of "the Food and Agriculture Organization")
            ante = next((a for a in reversed(r.coref.history) if a.token_i < token.i and a.actor.code
                         and a.kind != "person" and a.span[1] - a.span[0] >= 2
                         and next((t.text for t in doc[a.span[0]:a.span[1]] if t.pos_ != "DET"), None) == token.text
                         and doc[a.token_i].text != token.text), None)
        return p.whole(r, ante.actor) if ante is not None and words == 1 else None
    return p.whole(r, found)


def _person_named_by_role(doc: Doc, ante: Antecedent) -> bool:
    """Whether `ante` is a first and last name after a person's role word ("independent candidate Brock
    Pierce", however the tagger typed the name)."""
    i = ante.token_i
    return i > ante.span[0] + 1 and doc[i].pos_ == "PROPN" and doc[i - 1].pos_ == "PROPN" \
        and any(t.pos_ == "NOUN" and t.is_lower and (nouns.classes(t.lemma_) or ())[:1] == ("person",)
                for t in doc[ante.span[0]:i - 1])


def _named_body_head(doc: Doc, i: int, word: str) -> bool:
    """Whether token `i` is the capitalised last word `word` of a name of two capitalised words or more."""
    return doc[i].lower_ == word and doc[i].text[:1].isupper() and i > 0 and doc[i - 1].text[:1].isupper() \
        and doc[i - 1].pos_ in ("PROPN", "ADJ", "NOUN")


def unknown(r: MentionResolver, p: Phrase) -> list[ActorMention] | None:
    """Nothing known: the actor inside a phrase whose head is none, else a named but unknown actor
    (without a code), else the thing itself when things are kept."""
    token = p.token
    if not r.is_actor_like(token) or token.pos_ == "NOUN" and r.role(token) is None:
        inner = r.inner_actor(token, p.start, p.end)
        if inner is not None:
            return [inner]
        return p.whole(r, None) if p.allow_thing else []
    if token.ent_type_ in ACTOR_ENTITY_TYPES or token.pos_ == "PROPN" or token.lower_ in r.cues.pronouns:
        return p.whole(r, None)
    if p.has_name and r.role(token) is not None:
        return p.whole(r, None)   # "the TPNPB delegation": the team of a body no list knows
    return p.whole(r, None) if p.allow_thing else []


STRATEGIES: tuple[Strategy, ...] = (
    talks_pronoun,
    pronoun,
    talks_sides,
    deal_sides,
    joint_body,
    body_by_last_word,
    hazard,
    place_of_occurrence,
    counterpart,
    counted_description,
    definite_description,
    affiliate_description,
    coordinated_modifiers,
    role_for_sides,
    member_of_body,
    owner_body,
    relative_owner,
    event_role,
    named_apposition,
    owner_pronoun,
    unnamed_group,
    thing_head,
    sector_team,
    named_team,
    person_by_office,
    known_phrase,
    earlier_name,
    unknown,
)
