"""Actor mentions: the noun phrase an argument stands for, its resolution, and coreference.

An argument token (the head of a subject or object) becomes an `ActorMention` by:
1. cutting its noun phrase out of the parse (`np_bounds`),
2. resolving pronouns and definite descriptions ("he", "the group", "the two countries") against
   the actors mentioned earlier in the same article (`Coreference`),
3. otherwise asking the actor knowledge base about the phrase, and, when the head is not itself
   an actor ("its latest offer", "a Supreme Court decision"), about the actor inside it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from parley.actors import countries
from parley.actors.kb import ActorKB
from parley.coding.cues import Cues
from parley.types import Actor, ActorMention

# Dependents that end a noun phrase: clauses and coordinated siblings are not part of it.
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "cc", "punct", "xcomp",
                       "mark", "dep", "advmod", "preconj", "npadvmod"})
_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Parts of a state that a speaker's "the government", "the army" stand for.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_ACTOR_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NON_ACTOR_ENTITY_TYPES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
                                     "LAW", "WORK_OF_ART", "LANGUAGE", "PRODUCT", "EVENT"})
_NUMBER_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "all": 0}
_SPACE = re.compile(r"\s+")


@dataclass
class _Antecedent:
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

    history: list[_Antecedent] = field(default_factory=list)

    def add(self, token_i: int, actor: Actor, *, kind: str, plural: bool, head: str,
            span: tuple[int, int] | None = None, subject: bool = False, sent: int = 0,
            members: tuple = ()) -> None:
        if self.history and self.history[-1].token_i == token_i and self.history[-1].actor == actor \
                and not members:
            return
        self.history.append(_Antecedent(token_i, actor, span or (token_i, token_i + 1), kind, plural, head,
                                        subject, sent, members))

    def last_found(self) -> _Antecedent | None:
        return self._last

    _last: _Antecedent | None = None

    def find(self, before: int, *, kinds: frozenset[str], plural: bool | None = None,
             head: str | None = None, exclude: frozenset[str] = frozenset()) -> Actor | None:
        self._last = None
        best: _Antecedent | None = None
        for ante in reversed(self.history):
            if ante.token_i >= before or ante.actor.code in exclude:
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

    def find_many(self, before: int, n: int, *, kinds: frozenset[str]) -> list[Actor]:
        """The `n` most salient distinct actors of the given kinds mentioned before `before`.

        Salience is the number of mentions (an actor named three times outranks one named once),
        then recency; "the two countries" rarely means the last two names in the text.
        """
        counts: dict[str, list] = {}
        for pos, ante in enumerate(self.history):
            kind = "group" if ante.kind == "coordination" else ante.kind
            if ante.token_i >= before or kind not in kinds:
                continue
            key = ante.actor.country or ante.actor.code
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


def np_bounds(token: Token, *, keep_appos: bool = True) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by `token`, without clauses and conjuncts."""
    start = end = token.i
    stack = [token]
    while stack:
        t = stack.pop()
        for child in t.children:
            if child.dep_ in _CUT_DEPS and not (child.dep_ == "punct" and start < child.i < end) \
                    and not (t.i < token.i and child.dep_ in ("npadvmod", "punct")):   # "Armenian-backed"
                continue
            if child.dep_ == "appos" and not keep_appos:
                continue
            if child.dep_ == "prep" and child.lower_ in ("according", "after", "before", "during", "since"):
                continue
            if child.dep_ == "prep" and any(c.dep_ == "pcomp" and c.pos_ == "VERB" or c.ent_type_ in ("DATE", "TIME")
                                            for c in child.children):
                continue   # "accused the group of acting selfishly"
            start = min(start, child.left_edge.i if child.dep_ != "prep" else child.i)
            end = max(end, child.i)
            stack.append(child)
    doc = token.doc
    while end > start and (doc[end].is_punct or doc[end].dep_ in ("cc", "case") and doc[end].text != "'s"):
        if doc[end].text == ")" and any(doc[i].text == "(" for i in range(start, end)):
            break   # "the Libyan National Army (LNA)"
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    return start, end + 1


class MentionResolver:
    """Turns argument tokens into `ActorMention`s for one article."""

    def __init__(self, kb: ActorKB, cues: Cues, doc: Doc, published: dt.date | None) -> None:
        self.kb = kb
        self.cues = cues
        self.doc = doc
        self.published = published
        self.coref = Coreference()
        self._cache: dict[tuple[int, bool], list[ActorMention]] = {}
        self._sent_starts: list[int] | None = None
        self.acted: list[tuple[int, str, Actor]] = []   # (token, CAMEO code, source actor) of events so far
        self.sent_ents: dict[int, list] = {}   # sentence start -> its entities, filled by the caller

    def note_event(self, token_i: int, code: str, actor: Actor) -> None:
        """Remember who did what, for descriptions like "the mediators"."""
        self.acted.append((token_i, code, actor))

    def _by_role(self, token: Token) -> list[Actor]:
        prefixes = self.cues.event_roles.get(token.lemma_.lower())
        if not prefixes:
            return []
        found: list[Actor] = []
        for i, code, actor in self.acted:
            if i < token.i and code.startswith(prefixes) and all(a.code != actor.code for a in found):
                found.append(actor)
        if token.tag_ == "NN":
            return found[-1:]
        return found

    def sentence_start(self, i: int) -> int:
        """Index of the first token of the sentence holding token `i` (cheap, unlike `Token.sent`)."""
        if self._sent_starts is None:
            starts = [0] * len(self.doc)
            for sent in self.doc.sents:
                starts[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
            self._sent_starts = starts
        return self._sent_starts[i]

    # ---- registration of actors as the article goes on ----
    def observe_sentence(self, sent) -> None:
        """Record the actors a sentence names, in order, so later anaphors can find them."""
        doc = self.doc
        ents = self.sent_ents.get(sent.start)
        if ents is None:
            ents = list(sent.ents)
        first_new = len(self.coref.history)
        for ent in ents:
            if ent.label_ not in _ACTOR_ENTITY_TYPES:
                continue
            root = ent.root
            if ent.label_ == "GPE" and root.dep_ == "pobj" and root.head.lower_ in self.cues.locative_preps:
                continue   # "met in Cairo": a place, not an actor to refer back to
            actor = self._kb_resolve(self._phrase_of_entity(ent))
            if actor is None and ent.label_ in ("ORG", "PERSON"):
                # Unknown to the knowledge base: the apposition may say what it is ("X, an armed group");
                # else keep it by name, so that "the group" or "he" can still refer back to it.
                start, end = np_bounds(root)
                actor = self._kb_resolve(self.doc[start:end].text) if end - start > len(ent) else None
                if actor is None or actor.country is None and actor.code == actor.sector:
                    actor = Actor(code=actor.code if actor else None, name=ent.text, country=None,
                                  sector=actor.sector if actor else None)
            if actor is not None:
                root = ent.root
                span = _widen_entity(ent)
                subject = root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "compound" and
                                                                 root.head.dep_ in ("nsubj", "nsubjpass"))
                self.coref.add(root.i, actor, kind=self._kind(actor, root), plural=False,
                               head=root.lemma_.lower(), span=span, subject=subject, sent=sent.start)
                for i in range(span[0], ent.start):
                    # "U.S. envoy Steve Witkoff": "the envoy" later refers to him
                    if self._role(self.doc[i]) is not None:
                        self.coref.add(i, actor, kind="person", plural=False, head=self.doc[i].lemma_.lower(),
                                       span=span, subject=subject, sent=sent.start)
        for token in sent:
            if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj") \
                    and token.ent_type_ == "" and token.lemma_.lower() not in self.cues.speech_media:
                sector = self._role(token)
                if sector is None:
                    continue
                start, end = np_bounds(token, keep_appos=False)
                if any(doc[i].lower_ in self.cues.pronouns for i in range(start, end)):
                    continue
                actor = self._kb_resolve(doc[start:end].text)
                if actor is not None:
                    self.coref.add(token.i, actor, kind=self._kind(actor, token),
                                   plural=token.tag_ in ("NNS", "NNPS"), head=token.lemma_.lower(),
                                   span=(start, end), subject=token.dep_ in ("nsubj", "nsubjpass"),
                                   sent=sent.start)
        # "Qatar and Egypt proposed ...": the coordination itself, for a later "they".
        added = self.coref.history[first_new:]
        by_token = {a.token_i: a for a in added}
        for ante in list(added):
            tok = self.doc[ante.token_i]
            conj = [c.i for c in tok.children if c.dep_ == "conj" and c.i in by_token]
            if conj and tok.dep_ != "conj":
                members = (ante.actor, *(by_token[i].actor for i in conj))
                self.coref.add(max(conj), ante.actor, kind="coordination", plural=True, head=tok.lemma_.lower(),
                               span=ante.span, subject=ante.subject, sent=sent.start, members=members)
        # Entities and role nouns were added in two passes: put this sentence's antecedents in text order.
        self.coref.history[first_new:] = sorted(self.coref.history[first_new:], key=lambda a: a.token_i)

    def _phrase_of_entity(self, ent) -> str:
        # Include a title or role noun just before a name ("envoy Jane Doe", "President X").
        return ent.text

    def _kind(self, actor: Actor, token: Token) -> str:
        if token.ent_type_ == "PERSON" or (self._role(token) and
                                            self.cues.anaphor_heads.get(token.lemma_.lower()) == "person"):
            return "person"
        if actor.sector is None and actor.country and token.ent_type_ in ("GPE", "NORP"):
            return "country"
        if actor.sector == "GOV" and token.ent_type_ == "GPE":
            return "country"
        if actor.sector in ("REB", "INS", "SEP", "UAF", "CRM", "PRM") or \
                (actor.code or "").startswith(("IMG", "NGO", "IGO")) or \
                (actor.code is None and token.ent_type_ == "ORG"):
            return "group"
        if actor.sector == "GOV":
            return "government"
        return "other"

    def _kb_resolve(self, text: str) -> Actor | None:
        text = _SPACE.sub(" ", text).strip()
        if not text:
            return None
        return self.kb.resolve(text, on=self.published)

    # ---- resolution of an argument ----
    def is_actor_like(self, token: Token) -> bool:
        """Whether a token heads a phrase that can name an actor at all."""
        low = token.lower_
        if token.ent_type_ in _NON_ACTOR_ENTITY_TYPES:
            return False
        if token.pos_ == "PRON":
            return low in self.cues.pronouns
        if token.ent_type_ in _ACTOR_ENTITY_TYPES:
            return True
        if token.pos_ == "PROPN":
            return True
        lemma = token.lemma_.lower()
        return self._role(token) is not None or lemma in self.cues.anaphor_heads

    def names_actor(self, token: Token) -> bool:
        """Whether the phrase headed by `token` names an actor anywhere ("an employee of the U.S. consulate")."""
        if self.is_actor_like(token):
            return True
        # "their arms", "its decision": an owner pronoun mostly points back at the one who acts
        if any(m.code is not None and m.text.lower() not in self.cues.pronouns
               for m in self.mentions(token, allow_thing=True)):
            return True
        # "the journalist Moussa Tchangari": a named person or organisation the knowledge base does not know
        start, end = np_bounds(token)
        return any(e.label_ in ("PERSON", "ORG") for e in self._ents_between(start, end))

    def _role(self, token: Token) -> str | None:
        """The sector a role noun implies ("troops" -> MIL), by lemma or as written."""
        return self.kb.role_sector(token.lemma_.lower()) or self.kb.role_sector(token.lower_)

    def is_country(self, token: Token) -> bool:
        """Whether the phrase headed by `token` names a whole country ("Liberia", not "Doha")."""
        start, end = np_bounds(token, keep_appos=False)
        actor = self._kb_resolve(self.doc[start:end].text)
        return actor is not None and actor.sector is None and actor.country is not None \
            and actor.code == actor.country

    def mentions(self, token: Token, *, allow_thing: bool = False) -> list[ActorMention]:
        """Mentions for the argument headed by `token` (several for "the two countries").

        Args:
            token: head of the argument noun phrase.
            allow_thing: keep a phrase that names no actor ("the proposal") with a null code.
        """
        key = (token.i, allow_thing)
        if key not in self._cache:
            self._cache[key] = self._mentions(token, allow_thing)
        return self._cache[key]

    def _mention(self, start: int, end: int, actor: Actor | None) -> ActorMention:
        span = self.doc[start:end]
        if actor is None:
            return ActorMention(span.text, span.start_char, span.end_char, None, None)
        return ActorMention(span.text, span.start_char, span.end_char, actor.code, actor.name,
                            actor.country, actor.sector)

    def _mentions(self, token: Token, allow_thing: bool) -> list[ActorMention]:
        doc = self.doc
        low = token.lower_
        start, end = np_bounds(token)
        if token.pos_ == "PRON":
            speaker = self._speaker_antecedent(token)
            if speaker:
                return speaker
            actors = self._pronoun(token)
            ante = self.coref.last_found()
            if actors and ante is not None and self.sentence_start(ante.span[0]) == self.sentence_start(token.i) \
                    and ante.span[1] <= token.i:
                # Antecedent in the same sentence: point at the name, not the pronoun.
                return [self._mention(ante.span[0], ante.span[1], actors[0])]
            return [self._mention(token.i, token.i + 1, a) for a in actors]
        lemma = token.lemma_.lower()
        if lemma in self.cues.counterpart_nouns:
            return [self._counterpart(token, start, end)]
        kind = self.cues.anaphor_heads.get(lemma)
        has_name = any(doc[i].pos_ == "PROPN" or doc[i].ent_type_ in _ACTOR_ENTITY_TYPES
                       for i in range(start, end) if i != token.i or token.pos_ == "PROPN")
        poss = next((c for c in token.children if c.dep_ == "poss"), None)
        # "the two countries", "both sides", "the three governments"
        if kind is not None and not has_name and (poss is None or poss.pos_ != "PRON"):
            number = next((_NUMBER_WORDS.get(c.lower_) for c in token.children
                           if c.lower_ in _NUMBER_WORDS), None)
            if number is not None and token.tag_ == "NNS":
                kinds = frozenset({"country", "government"}) if kind in ("country", "government") \
                    else frozenset({"country", "government", "group", "other"})
                # "both sides", "the two countries": first the latest coordination of that many actors
                own = _own_subject_range(token)
                pair = next((a for a in reversed(self.coref.history) if a.kind == "coordination"
                             and a.token_i < token.i and len(a.members) == number
                             and not (own[0] <= a.span[0] < own[1])), None)
                many = list(pair.members) if pair is not None else self.coref.find_many(token.i, number, kinds=kinds)
                if many:
                    sector = "GOV" if kind == "government" else None
                    return [self._mention(start, end, _with_sector(a, sector)) for a in many]
            if any(c.lower_ in ("the", "this", "that") for c in token.children) and token.tag_ == "NN":
                found = self._description(token, kind)
                if found is not None:
                    return [self._mention(start, end, found)]
        # "UK and EU negotiators", "Israeli and Palestinian officials": one mention per named side.
        sides = self._coordinated_modifiers(token, start, end)
        if sides:
            return sides
        # "negotiators for the United States and Hamas": one mention per side, in the head's role.
        sector = self._role(token)
        if sector is not None:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("for", "of", "from"):
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None and any(c.dep_ == "conj" for c in pobj.children):
                        sides = [m for t in _conjuncts(pobj) for m in self.mentions(t)]
                        if len(sides) > 1:
                            return [self._mention(start, end, Actor(
                                code=(m.country + sector) if m.country and m.sector is None else m.code,
                                name=m.name or m.text, country=m.country,
                                sector=sector if m.sector is None else m.sector)) for m in sides]
        # "the mediators": those who mediated earlier in the article.
        if not has_name and poss is None and any(c.lower_ in ("the", "both") for c in token.children):
            actors = self._by_role(token)
            if actors:
                return [self._mention(start, end, a) for a in actors]
        # "its envoy", "their leader": the possessor's country with the head's role.
        named = next((c for c in token.children if c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON"
                      or c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("", "PERSON")), None)
        if named is not None and poss is not None and poss.pos_ == "PRON" and self._role(token) is None:
            # "his presidential rival Laurent Gbagbo": the person named, not the owner
            s_, e_ = np_bounds(named, keep_appos=False)
            return [self._mention(start, end, self._kb_resolve(doc[s_:e_].text))]
        if poss is not None and poss.pos_ == "PRON" and poss.lower_ in self.cues.pronouns:
            owners = self._pronoun(poss)
            sector = self._role(token)
            if owners:
                owner = owners[0]
                if sector is not None:
                    return [self._mention(start, end, _with_sector(owner, sector, role=lemma))]
                if kind == "country" and owner.country:
                    # "his country", "their nation": the owner's country itself
                    name = countries.country_name(owner.country) or owner.country
                    return [self._mention(start, end, Actor(owner.country, name, owner.country))]
                if allow_thing:
                    return [self._mention(poss.i, poss.i + 1, owner)]
        if kind == "group" and not has_name and any(
                c.dep_ in ("amod", "compound", "nmod") and c.i < token.i and c.text[:1].isupper() and c.i > start
                for c in token.children):
            # "The LetUsSpeak movement", "the Sovereign Citizens group": a group by a name nobody told us
            return [self._mention(start, end, None)]
        if token.pos_ == "NOUN" and token.ent_type_ == "" and self._role(token) is None \
                and kind is None:
            if token.is_title or token.is_upper:
                # "Trump urges UN ...": a headline name the tagger took for a common noun
                named = self._kb_resolve(doc[start:end].text)
                if named is not None:
                    return [self._mention(start, end, named)]
            # The head is a thing ("a Supreme Court decision", "the latest U.S. offer"): its actor is inside.
            inner = self._inner_actor(token, start, end)
            if inner is not None:
                return [inner]
            return [self._mention(start, end, None)] if allow_thing else []
        text = doc[start:end].text
        actor = self._kb_resolve(text)
        if actor is None and end - start > 1:
            actor = self._kb_resolve(doc[start:token.i + 1].text)
        if actor is not None and actor.country is None and actor.sector in _STATE_SECTORS and not has_name:
            # "Holness announced that the government will extend the curfew": the speaker's government
            speaker = self._speaker_of(token) if token.tag_ == "NN" else []
            if speaker and speaker[0].country:
                actor = _with_sector(Actor(speaker[0].country, speaker[0].country, speaker[0].country),
                                     actor.sector, role=lemma)
        if actor is not None:
            return [self._mention(start, end, actor)]
        # The head names no actor: look for one inside ("a Supreme Court decision", "the plan of X").
        if not self.is_actor_like(token) or token.pos_ == "NOUN" and self._role(token) is None:
            inner = self._inner_actor(token, start, end)
            if inner is not None:
                return [inner]
            if allow_thing:
                return [self._mention(start, end, None)]
            return []
        if token.ent_type_ in _ACTOR_ENTITY_TYPES or token.pos_ == "PROPN" or low in self.cues.pronouns:
            return [self._mention(start, end, None)]
        return [self._mention(start, end, None)] if allow_thing else []

    def _counterpart(self, token: Token, start: int, end: int) -> ActorMention:
        """ "his Jordanian counterpart, Omar al-Razza": the office holder of the country named, or the
        person named; never the possessor's side."""
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ not in _NON_ACTOR_ENTITY_TYPES:
                actor = self._kb_resolve(child.text)
                if actor is not None and actor.country:
                    return self._mention(start, end, _with_sector(actor, "GOV"))
        for child in token.children:
            if child.dep_ == "appos" or child.dep_ == "compound" and child.ent_type_ == "PERSON":
                s, e = np_bounds(child, keep_appos=False)
                actor = self._kb_resolve(self.doc[s:e].text)
                if actor is not None:
                    return self._mention(start, end, actor)
        return self._mention(start, end, None)

    def _coordinated_modifiers(self, token: Token, start: int, end: int) -> list[ActorMention]:
        """ "UK and EU negotiators" -> "UK" and "EU negotiators", each in the head's role; [] otherwise.

        Only for a plural head that names people in a role ("negotiators", "officials", "troops").
        """
        if token.tag_ not in ("NNS", "NNPS") or not (self._role(token) or self.kb.role_sector(token.lower_)
                                                     or self.is_actor_like(token)):
            return []
        mods = []
        for child in token.children:
            if child.i < token.i and child.dep_ in ("compound", "nmod", "amod", "poss") and (
                    child.ent_type_ in ("GPE", "NORP", "ORG") or child.pos_ == "PROPN"):
                mods.append(child)
                mods.extend(c for c in child.children if c.dep_ == "conj" and c.i < token.i
                            and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN"))
        coordinated = any(c.dep_ == "cc" for m in mods for c in m.children)
        mods = sorted({m.i: m for m in mods}.values(), key=lambda m: m.i)
        if len(mods) < 2 or not coordinated:
            return []
        sector = self._role(token)
        out = []
        for k, mod in enumerate(mods):
            m_start, m_end = self._name_span(mod)
            actor = self._kb_resolve(self.doc[m_start:m_end].text)
            if actor is not None and sector is not None:
                actor = _with_sector(actor, sector, role=token.lemma_.lower())
            span_end = end if k == len(mods) - 1 else m_end
            out.append(self._mention(m_start, span_end, actor))
        return out

    def _inner_actor(self, token: Token, start: int, end: int) -> ActorMention | None:
        """The actor inside a phrase whose head is not one: a named possessor, a named entity
        ("a U.S. Supreme Court decision", "his rival Laurent Gbagbo"), a pronoun possessor ("its
        offer"), or the object of "of/by/from"."""
        doc = self.doc
        owner_pronoun = None
        for child in token.children:
            if child.dep_ == "poss":
                if child.pos_ == "PRON":
                    owner_pronoun = child
                    continue
                found = self.mentions(child)
                if found:
                    return found[0]
        for ent in self._ents_between(start, end):
            if ent.label_ in _ACTOR_ENTITY_TYPES:
                actor = self._kb_resolve(ent.text)
                if actor is not None or ent.label_ in ("PERSON", "ORG"):
                    # Widen to the compound phrase around the entity ("U.S. Supreme Court").
                    s, e = ent.start, ent.end
                    while e < end and doc[e].pos_ == "PROPN" and doc[e].dep_ in ("compound", "pobj", "nsubj",
                                                                                 "dobj", "appos"):
                        e += 1
                    wider = self._kb_resolve(doc[s:e].text) if e > ent.end else None
                    return self._mention(s, e, wider or actor)
        if owner_pronoun is not None:
            owners = self._pronoun(owner_pronoun)
            if owners:
                return self._mention(owner_pronoun.i, owner_pronoun.i + 1, owners[0])
        for child in token.children:
            preps = [child] if child.dep_ == "prep" and child.lower_ in ("of", "by", "from") else \
                [c for c in child.children if c.dep_ == "agent"] if child.dep_ == "acl" and child.tag_ == "VBN" \
                else []   # "the plan of the rebels", "the offer made by the Taliban"
            for prep in preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and self.is_actor_like(pobj) \
                            and (prep.dep_ == "prep" or pobj.pos_ != "PRON"):
                        found = self.mentions(pobj)
                        if found:
                            return found[0]
        return None

    def _reporter(self, token: Token) -> Token | None:
        """The subject of the speech verb whose reported clause `token` is in ("X said ... token ..."), or None."""
        t = token.head
        for _ in range(4):
            if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in self.cues.speech_verbs:
                return next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if t.head.i == t.i:
                return None
            t = t.head
        return None

    def _speaker_of(self, token: Token) -> list[ActorMention]:
        """The speaker's mention when `token` is the subject of a clause reported by a named speaker."""
        if token.dep_ not in ("nsubj", "nsubjpass"):
            return []
        subj = self._reporter(token)
        if subj is None or subj.pos_ == "PRON" or subj.i > token.i:
            return []
        return self.mentions(subj, allow_thing=True)[:1]

    def _speaker_antecedent(self, token: Token) -> list[ActorMention]:
        """ "X said they would withdraw": a subject pronoun in reported speech is first the speaker.

        A first-person pronoun ("we", "our") in reported speech is always the speaker.
        """
        first = token.lower_ in self.cues.first_person_pronouns
        if token.dep_ not in ("nsubj", "nsubjpass") and not first:
            return []
        subj = self._reporter(token)
        if subj is None or subj.pos_ == "PRON" or (subj.i > token.i and not first):
            return []
        # Whoever speaks is an actor, even one the knowledge base does not know.
        found = self.mentions(subj, allow_thing=True)
        if not found:
            return []
        if first:
            return found[:1]
        person = token.lower_ in self.cues.person_pronouns
        if not person and self.cues.anaphor_heads.get(subj.lemma_.lower()) == "person":
            # "a spokesman for the group said it would ...": "it" is the group he speaks for
            for child in subj.children:
                inner = None
                if child.dep_ == "poss":
                    inner = child
                elif child.dep_ == "prep" and child.lower_ in ("for", "of"):
                    inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if inner is not None and inner.pos_ != "PRON":
                    owner = self.mentions(inner, allow_thing=True)
                    if owner:
                        return owner[:1]
        is_person = subj.ent_type_ == "PERSON" or self.cues.anaphor_heads.get(subj.lemma_.lower()) == "person" \
            or subj.lemma_.lower() in self.cues.person_nouns and subj.tag_ == "NN"
        if person != is_person and not (token.lower_ in ("they", "we") and is_person):
            return []
        return found[:1]

    def _name_span(self, token: Token) -> tuple[int, int]:
        """The tokens of the named entity `token` is in ("EU" in "UK and EU negotiators"), else the token."""
        sent_start = self.sentence_start(token.i)
        ents = self.sent_ents.get(sent_start)
        if ents is None:
            ents = token.doc[token.i:token.i + 1].sent.ents
        found = next((e for e in ents if e.start <= token.i < e.end), None)
        return (found.start, found.end) if found is not None else (token.i, token.i + 1)

    def _ents_between(self, start: int, end: int) -> list:
        sent_start = self.sentence_start(start)
        ents = self.sent_ents.get(sent_start)
        if ents is None:
            return list(self.doc[start:end].ents)
        return [e for e in ents if e.start >= start and e.end <= end]

    def _pronoun(self, token: Token) -> list[Actor]:
        low = token.lower_
        cues = self.cues
        exclude = self._clause_subject_codes(token)
        if low in cues.person_pronouns:
            found = self.coref.find(token.i, kinds=frozenset({"person"}), exclude=exclude)
        elif low in cues.thing_pronouns:
            found = self.coref.find(token.i, kinds=frozenset({"group", "country", "government", "other"}),
                                    plural=False, exclude=exclude)
        elif low in cues.plural_pronouns:
            found = self.coref.find(token.i, kinds=frozenset({"group", "other", "government", "person",
                                                              "coordination"}),
                                    plural=True, exclude=exclude)
            ante = self.coref.last_found()
            if found is not None and ante is not None and ante.members:
                return list(ante.members)
            if found is None:
                found = self.coref.find(token.i, kinds=frozenset({"group", "country", "government"}),
                                        exclude=exclude)
        else:
            found = None
        return [found] if found is not None else []

    def _clause_subject_codes(self, token: Token) -> frozenset[str]:
        """ "Kiir pardoned him": an object pronoun (not "himself") never refers to its own clause's subject."""
        if token.dep_ not in ("dobj", "dative", "pobj") or token.lower_.endswith(("self", "selves")):
            return frozenset()
        verb = token.head if token.dep_ != "pobj" else token.head.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ == "PRON" or subj.i == token.i:
            return frozenset()
        return frozenset(m.code for m in self.mentions(subj) if m.code)

    def _description(self, token: Token, kind: str) -> Actor | None:
        lemma = token.lemma_.lower()
        if kind == "person":
            return self.coref.find(token.i, kinds=frozenset(), head=lemma)
        if kind == "any":
            return None
        kinds = {"group": frozenset({"group"}), "country": frozenset({"country", "government"}),
                 "government": frozenset({"government", "country"})}[kind]
        found = self.coref.find(token.i, kinds=kinds)
        if found is not None and kind == "government" and found.country:
            return _with_sector(found, "GOV")
        return found


def _own_subject_range(token: Token) -> tuple[int, int]:
    """Token range of the subject of the clause `token` is in ("Qatar and Egypt presented it to both
    sides": both sides are not Qatar and Egypt)."""
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj.left_edge.i, subj.right_edge.i + 1
            return (0, 0)
        if t.head.i == t.i:
            break
        t = t.head
    return (0, 0)


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


def _widen_entity(ent) -> tuple[int, int]:
    """An entity with the title or role words right before it ("President X", "envoy X")."""
    start = ent.start
    doc = ent.doc
    while start > 0 and not doc[start].is_sent_start and doc[start - 1].dep_ == "compound" and \
            doc[start - 1].head.i in \
            range(ent.start, ent.end):
        start -= 1
    return start, ent.end


def _with_sector(actor: Actor, sector: str | None, *, role: str | None = None) -> Actor:
    if sector is None or actor.country is None:
        return actor
    code = actor.country + sector
    if code == actor.code:
        return actor
    name = actor.name if role is None else f"{role.capitalize()} of {actor.name}"
    return Actor(code=code, name=name, country=actor.country, sector=sector)
