"""Who acts on whom: a coded clause's arguments resolved to actor mentions and paired.

One source-target pair becomes one event. Coordinated sources of a reciprocal act pair with each
other ("the two ministers met"); otherwise every source pairs with every target (or with none).
A source never acts on itself.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from parley import nouns
from parley.coding.clauses import Clause
from parley.coding.cues import Cues
from parley.coding.mentions import MentionResolver
from parley.coding.policy import default_policy
from parley.coding.syntax import habitual
from parley.types import ActorMention

Pair = tuple[ActorMention, ActorMention | None]


def resolve_pairs(clause: Clause, resolver: MentionResolver) -> list[Pair]:
    """The clause's source-target pairs, its arguments resolved by `resolver`.

    The resolver remembers each source that resolved to a known actor as having done the clause's
    act, so that a later "the mediators" can refer back to it.
    """
    sources = unique([m for tok in clause.sources
                      for m in resolver.mentions(tok, allow_thing=_agentive(tok, resolver.cues.person_nouns))])
    if habitual(clause.head):
        if any(tok.lemma_.lower() in _SHARES for tok in clause.sources):
            return []   # "57 percent of voters oppose it", "a majority of Britons support": a poll, not an act
        # "people want a game they can change", "users ask for dark mode": people in general, not an act
        sources = [s for s in sources if not _people_in_general(s, resolver.cues)]
    if not sources:
        return []
    if clause.targets and default_policy().is_a(clause.code, "fights") \
            and all(nouns.is_animal(tok.lemma_) or nouns.is_hazard(tok.lemma_) for tok in clause.targets):
        return []   # "culled 300,000 pigs", "gained control of the blaze": no force against an actor
    things = acted_on_things(clause, resolver)
    targets = unique([m for tok in clause.targets if tok not in things
                      for m in resolver.mentions(tok, allow_thing=True)])
    if default_policy().is_a(clause.code, "consultations"):
        # "spoke with a newspaper", "talked to reporters": an interview, not a consultation
        press = [t for t in targets if _press(t, resolver.cues)]
        targets = [t for t in targets if t not in press]
        if press and not targets:
            return []
        sources = [s for s in sources if not _press(s, resolver.cues)]   # "Wikinews caught up with her to discuss"
        if not sources:
            return []
    if len(sources) > 1 and clause.code.startswith("04") and clause.targets \
            and all(_the_two_sides(tok) and tok.head.lower_ == "with" for tok in clause.targets):
        # "X and Y opened talks on Monday, with the two sides far apart": the sources themselves, acting together
        targets, clause.reciprocal = [], True
    found = pair_up(clause, sources, targets)
    resolver.record_acts(clause.trigger.i, clause.code, [source for source, _ in found])
    return found


def _the_two_sides(token: Token) -> bool:
    """"the two sides", "both sides", "both delegations": the sides of the act itself."""
    return token.lemma_.lower() in ("side", "delegation", "party", "camp") and token.tag_ == "NNS" and any(
        c.lower_ in ("two", "both") for c in token.children)


def acted_on_things(clause: Clause, resolver: MentionResolver) -> list[Token]:
    """The clause's targets that name no actor: a thing, a place, an act or an idea ("released the
    documents", "condemned the operation", "arrested in Cheltenham") is what the act is about, never whom it
    is aimed at; the event keeps it as its object. A target the knowledge base resolves, a pronoun that
    points at an actor, a person or a body of people ("the man", "voters", "the department"), or a thing
    its modifier says is an actor's ("the U.S. offer", "rebel positions") stays, unless that actor is the source
    ("the minister defended her plan")."""
    return [tok for tok in clause.targets
            if all(m.code is None for m in resolver.mentions(tok, allow_thing=True)) and _names_thing(tok, resolver)
            or _owned_by_source(tok, clause, resolver)]


def _owned_by_source(token: Token, clause: Clause, resolver: MentionResolver) -> bool:
    """A thing of the source's own ("the minister defended her plan", "Hawkins renewed his support"): its
    possessive pronoun points back at the clause's source, which does not act on itself."""
    owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if owner is None or token.pos_ != "NOUN" or not clause.sources or resolver.is_actor_like(token) \
            or nouns.names_person(token.lemma_) or token.lemma_.lower() in resolver.cues.person_nouns \
            or any(c.dep_ == "appos" or c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for c in token.children):
        return False   # ("met his Turkish counterpart Recep Tayyip Erdogan": a person)
    owners = resolver.mentions(owner)
    sources = [m for tok in clause.sources for m in resolver.mentions(tok)]
    return bool(owners) and all(any((o.start, o.end) == (s.start, s.end) or o.code is not None and same_actor(o, s)
                                    for s in sources) for o in owners)


def _names_thing(token: Token, resolver: MentionResolver) -> bool:
    if token.pos_ == "PRON":
        return token.lower_ in resolver.cues.thing_pronouns
    if token.ent_type_ in ("PERSON", "ORG", "NORP"):
        return False
    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return True   # a place no actor stands for (a town, a street)
    if token.pos_ != "NOUN" or resolver.names_actor(token):
        return False
    if any(c.dep_ in ("compound", "amod", "poss", "nmod") and (
            c.ent_type_ in ("NORP", "GPE", "PERSON", "ORG") or resolver.is_actor_like(c)
            or nouns.names_person(c.lemma_)) for c in token.children):
        return False   # "the U.S. truce offer", "insurgent hideouts", "the migrant boat": whose it is is acted on
    lemma = token.lemma_.lower()
    return lemma not in resolver.cues.person_nouns and nouns.can_act(lemma) is False


_SHARES = frozenset({"percent", "%", "cent", "majority", "minority", "proportion", "share", "third", "half",
                     "quarter", "fifth", "two-thirds"})


def pair_up(clause: Clause, sources: list[ActorMention], targets: list[ActorMention]) -> list[Pair]:
    """Source-target pairs of resolved (or given) mentions; a source outside the class of actors the
    pattern requires (`args: {source: ...}`) acts on no one."""
    policy = default_policy()
    sources = [s for s in sources if policy.fits_halt(s, clause.source_class, clause.code)]
    pairs: list[Pair]
    if clause.reciprocal and len(sources) > 1:
        # "X and Y met", "talks between X and Y", "the three governments will meet"
        pairs = list(itertools.permutations(sources, 2))
    else:
        partners: list[ActorMention | None] = [*targets] or [None]
        pairs = [(s, t) for s in sources for t in partners]
    if clause.reciprocal and len(sources) > 1:
        return [(s, t) for s, t in pairs if t is None or not same_actor(s, t)]
    if clause.reciprocal:
        # the same words as source and target ("church-mediated talks") are no act; "the team came back to the
        # guesthouse after decamping to Yerevan", its own capital found nearby, is one without a target
        pairs = [(s, t) for s, t in pairs if t is None or (s.start, s.end) != (t.start, t.end)]
    # "handed the keys back to its tenants" resolved back onto the source: keep the act, drop the target
    return list(dict.fromkeys((s, None if t is not None and same_actor(s, t) else t) for s, t in pairs))


def _agentive(token: Token, person_nouns: frozenset[str]) -> bool:
    """A common-noun subject that may name people even if no actor is known ("farmers", "Kenyan traders",
    "a man"), unless the noun classes say it names a thing or an animal.

    Other singular nouns without a national or named modifier ("the offer", "the decision") are not kept.
    """
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    if lemma in person_nouns:
        return True
    if token.is_upper and len(token) >= 2:
        return True   # an acronym the tagger took for a common noun ("TSA", "FAA")
    if nouns.can_act(lemma) is False:
        # "plastics", "the brochures", "dogs": things and animals (noun classes); but "hundreds of
        # prisoners", "a number of residents" are the people counted, and "thousands" alone are people
        if not nouns.is_amount(lemma):
            return False
        counted = next((pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                        for pobj in prep.children if pobj.dep_ == "pobj"), None)
        if counted is None:
            return token.tag_ == "NNS"   # "thousands protested": people
        return _agentive(counted, person_nouns)
    return token.tag_ == "NNS" or any(c.dep_ in ("compound", "amod") and c.ent_type_ in ("NORP", "GPE", "ORG")
                                      for c in token.children)


def _people_in_general(mention: ActorMention, cues: Cues) -> bool:
    """A mention of people in general ("people", "other users", "the fans"), by its last word."""
    words = mention.text.lower().replace("'s", "").split()
    return bool(words) and words[-1].strip(".,'\"") in cues.generic_people


def _press(mention: ActorMention, cues: Cues) -> bool:
    """Whether a mention is a news outlet or a journalist (by sector, or by a media word in its text)."""
    return mention.sector in cues.media_sectors or any(
        word.strip(".,'\"") in cues.press_nouns for word in mention.text.lower().split())


def unique(mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions without repeats (same span, same actor), in order."""
    seen = set()
    out = []
    for m in mentions:
        key = (m.start, m.end, m.code)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def same_actor(a: ActorMention, b: ActorMention) -> bool:
    """Whether source and target are one actor (then there is no event between them)."""
    if a.country is None and b.country is None and (a.start, a.end) != (b.start, b.end) \
            and not (a.code or "").startswith(("IGO", "NGO", "IMG")):
        return False   # two generic actors ("the government", "the leaders") may well differ
    if a.code is not None or b.code is not None:
        # (a state and its own official are one actor: "the UAE is mediating through its minister of state")
        return a.code == b.code and a.name == b.name or _state_and_its_government(a, b) \
            or _state_and_its_government(b, a)
    return a.start == b.start and a.end == b.end


def _state_and_its_government(state: ActorMention, government: ActorMention) -> bool:
    """Whether `state` is a bare country and `government` its own government or official, named as its ("its
    minister of state", "their envoy"): not a government facing a region the coder took for the state."""
    return state.code is not None and len(state.code) == 3 and state.code == state.country \
        and government.code == f"{state.code}GOV" and government.text.lower().startswith(("its ", "their "))
