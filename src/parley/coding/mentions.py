"""Actor mentions: the noun phrase an argument stands for, its resolution, and coreference.

An argument token (the head of a subject or object) becomes an `ActorMention` by:
1. cutting its noun phrase out of the parse (`np_bounds`),
2. resolving pronouns and definite descriptions ("he", "the group", "the two countries") against
   the actors mentioned earlier in the same article (`Coreference`),
3. otherwise asking the actor knowledge base about the phrase, and, when the head is not itself
   an actor ("its latest offer", "a High Court ruling"), about the actor inside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from parley import nouns
from parley.actors import countries
from parley.actors.kb import SECTORS, ActorKB
from parley.coding.coreference import (
    ACTOR_ENTITY_TYPES,
    NON_ACTOR_ENTITY_TYPES,
    SPACE,
    STATE_SECTORS,
    Coreference,
    np_bounds,
    widen_entity,
    with_sector,
)
from parley.coding.cues import Cues
from parley.coding.mention_strategies import AFFILIATE_HEADS, STRATEGIES, Phrase
from parley.coding.syntax import APPOINTING_VERBS
from parley.types import Actor, ActorMention

#: How many sentences back a pronoun may find its antecedent (its own sentence not counted).
PRONOUN_REACH = 3


# Nouns for those who speak or negotiate for a side, and the sectors they imply alone.
_REPRESENTATIVE_NOUNS = frozenset({"delegation", "delegate", "negotiator", "representative", "leader", "leadership",
                                   "coalition", "team", "envoy", "spokesman", "spokeswoman", "spokesperson",
                                   "official", "commander", "chief", "alliance"})
_REPRESENTATIVE_SECTORS = frozenset({"GOV", "PTY", "ELI"})
# A union of a trade's people is labour: "the Union of Teachers", "the nurses' union".
_UNION_HEADS = frozenset({"union", "federation", "confederation", "syndicate"})
_TRADES = frozenset({"EDU", "HLH", "CVL", "MED", "JRN", "BUS", "AGR"})
# Sides that are not the state: rebels, insurgents, separatists, the opposition, unions, students.
_NON_STATE_SIDES = frozenset({"REB", "INS", "SEP", "OPP", "LAB", "EDU", "UAF", "PRM"})


# A name and the abbreviation defined for it in brackets: capitalised words, then the abbreviation in
# parentheses ("the Trades Union Congress (TUC)", "the Union des Forces de la Vakaga (UFV)", "the Front pour
# l'Unité Nationale (FUN)", with French elision); the negotiation
# tracker reads it across an article's reports too.
DEFINED_ABBREVIATION = re.compile(r"(?P<name>(?!The\s)(?:[A-Z][\w'’-]*\s+"
                                  r"(?:(?:of|for|and|the|de|des|du|la|le|pour|en)\s+){0,2}(?:[ld][’'](?=[A-Z]))?){1,7}"
                                  r"[A-Z][\w'’-]*)\s+\((?P<short>[A-Z][A-Za-z0-9-]{1,9})\)")


# An abbreviation told in words after a name: "the Council of Christian Churches in Madagascar, known by its Malagasy
# acronym FFKM" (no initials need match: the acronym may be of the name in another language).
_NAMED_ACRONYM = re.compile(r"(?P<name>(?!The\s)(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the|in|de|des|du|la|le)\s+){0,2})"
                            r"{1,7}[A-Z][\w'’-]*),?\s+(?:(?:better|widely|also)\s+)?known\s+(?:by\s+(?:its|their)\s+"
                            r"(?:[\w-]+\s+)?(?:acronym|initials|abbreviation)|as)\s+(?:the\s+)?(?P<short>[A-Z]{2,9})\b")


# A name of three or more capitalised words, with the connectors names use ("Citizens Coalition for Change").
_LONG_NAME = re.compile(r"\b(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the|de|des|du|la|le|pour|en)\s+){0,2}){2,7}"
                        r"[A-Z][\w'’-]*")
# A name of two words or more (a body's: "European Commission", "Support Mission in Libya").
_BODY_NAME = re.compile(r"\b(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the|in)\s+){0,2}){1,7}[A-Z][\w'’-]*")


def _after_owner_pronoun(token: Token, start: int) -> int:
    """Where a noun phrase starting at `start` begins without the possessive pronoun that opens it ("its main
    opposition alliance" -> "main opposition alliance")."""
    return next((c.i + 1 for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON" and c.i == start), start)


def name_initials(name: str) -> str:
    """The initials of a name's capitalised words, an elided article skipped ("Coalition pour l'Alternance
    Democratique" -> "CAD")."""
    words = (re.sub(r"^[ld][’']", "", w) for w in name.split())
    return "".join(w[0] for w in words if w[:1].isupper())


# Verbs of a journey, whose "to" and "from" name places ("flew back to Abuja"), not actors.
_JOURNEY_VERBS = frozenset({"return", "travel", "fly", "head", "go", "come", "drive", "sail", "move", "arrive",
                            "depart", "leave", "relocate", "flee", "walk"})


# Verbs whose clause is what someone wants, not what happened ("demanded that the commission be rebuilt").
_WANTING_VERBS = frozenset({"demand", "insist", "urge", "ask", "request", "want", "propose", "call", "press",
                            "require", "suggest", "seek"})


def _salient_subject(token: Token) -> bool:
    """Whether `token` is a subject a later pronoun prefers: any clause's subject except that of a clause
    saying what someone wants ("CAD demanded that the commission be rebuilt. It also pressed ...": "it" is
    CAD)."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    clause = token.head
    return not (clause.dep_ in ("ccomp", "xcomp") and clause.head.lemma_.lower() in _WANTING_VERBS)


# A name that calls its bearer a party or a grouping of parties by its first word ("the Alliance for a New
# Gabon", "Movement for Democratic Change").
_PARTY_NAME = re.compile(r"^(?:[Tt]he\s+)?(?:Alliance|Coalition|Bloc|Party|Movement|Rally|Convention|Congress)"
                         r"\s+(?:for|of|pour|des|du|de)\s+(?:(?:a|an|the|la|le)\s+|l['’])?[A-Z]")

# Words of a story of parties and parliaments, where an unknown front or alliance is a political grouping.
_POLITICS_WORDS = frozenset({"opposition", "parliament", "parliamentary", "election", "seat", "party", "bloc",
                             "lawmaker", "legislator", "mp"})

# Words that name the Democratic Republic of the Congo, not the Republic of the Congo.
_KINSHASA = re.compile(r"\bKinshasa\b|\bDemocratic Republic\b|\bDRC\b|\bDR Congo\b|\bD\.R\.C\.")

# The name of a front the lists lack ("the Citizen Unity Front (FUC)"): a political grouping, unless the story is of
# armed groups (see `_ARMED_NAME`).
_FRONT_NAME = re.compile(r"^(?:[Tt]he\s+)?(?:[A-Z][\w'’-]+\s+){1,4}(?:Front|Alliance|Bloc)(?:\s+\([A-Z]{2,8}\))?$")

# Heads of a grouping of parties that an opposition can be ("the opposition coalition"), and words that say
# a grouping rules.
_PARTY_GROUP_HEADS = frozenset({"coalition", "alliance", "bloc", "front"})
# A name an armed group may go by ("the Northern Hills Solidarity Front", "the Popular Resistance Army"), and
# the words that tell a story of armed groups.
_ARMED_NAME = re.compile(r"^(?:[Tt]he\s+)?(?:(?:[A-Z][\w'’-]+\s+){1,5}"
                         r"(?:Front|Army|Forces|Brigades?|Resistance|Militia)|"
                         # "the Movement of Democratic Forces of Casamance", "the Front for the Liberation of ..."
                         r"(?:[A-Z][\w'’-]+\s+){0,2}(?:Movement|Front|Union|Alliance|Coalition)\s+(?:of|for)\s+"
                         r"(?:the\s+)?(?:[A-Z][\w'’-]+\s+){0,3}(?:Forces|Army|Fighters|Resistance|Liberation)\b.*|"
                         r"(?:Front|Frente|Armée|Ejército|Exército|Forces|Fuerzas|Forças)\s+(?i:pour|de|du|des|del|"
                         r"para|por|da|do|dos|das|populaire|popular|patriotique|armée|armadas?|nationale?)\b.*|"
                         # "the Ejército Campesino Revolucionario (ECR)": a name in the group's language
                         r"(?:Ejército|Exército|Armée|Frente|Fuerzas|Forças|Movimiento|Movimento)\s+"
                         r"(?:[A-Z][\w'’-]+\s+){0,3}(?:Revolucionari[oa]s?|Revolucionári[oa]s?|Révolutionnaire|"
                         r"Guerriller[oa]s?|Patri[oó]tic[oa]|Insurgente|Rebelde)\b.*)$")
# Words of a state's own forces in a name ("the Special Forces", "the National Defence Forces").
_STATE_FORCE_WORDS = re.compile(r"\b(?:Special|Armed|Defen[cs]e|Security|National|Government|Federal|Royal|Air|"
                                r"Naval|Police|Border|Republican|Presidential)\b")
_REBEL_WORDS = frozenset({"rebel", "insurgent", "insurgency", "guerrilla", "militant", "militia", "jihadist", "fighter",
                          "separatist", "secessionist", "rebellion", "insurrection",
                          "hostage", "captive", "kidnap", "kidnapping", "abduct", "abduction", "kidnapper"})
_RULING_WORDS = frozenset({"ruling", "governing", "government", "majority"})


# Verbs that name who speaks or negotiates for a side ("is represented by", "is led by").
_REPRESENTING_VERBS = frozenset({"represent", "lead", "head"})

# Verbs of heading a body: "who heads the delegation", "who leads the panel", "who chairs the committee".
_SERVING_VERBS = frozenset({"serve", "act", "work"})
# The bodies of an actor named with their owner ("the ELN's central command", "the front's leadership").
_OWNED_BODY_NOUNS = frozenset({"command", "leadership", "secretariat", "directorate", "politburo", "presidium",
                               "headquarters", "executive", "bureau"})
# "which bargains for six companies", "that represents the growers": a body speaks for its members.
_SPEAKING_FOR_VERBS = frozenset({"represent", "bargain", "speak", "negotiate", "group", "unite"})
_WORKPLACES = frozenset({"mill", "plant", "factory", "terminal", "mine", "estate", "yard", "shipyard", "refinery",
                         "port", "dock", "depot", "smelter", "works", "farm", "plantation", "airline", "hospital",
                         "school", "bank", "carrier", "haulier", "hauler", "exporter", "importer", "producer"})
_MEMBER_SECTORS = frozenset({"BUS", "LAB", "AGR", "EDU", "MED", "REL", "CVL", "HLH", "REB", "INS"})
_HEADING_VERBS = frozenset({"head", "lead", "chair", "run", "direct", "command"})
# "ECOWAS has named X as facilitator", "the AU appointed X its envoy": X acts for the one who named him.
_ENVOY_NOUNS = frozenset({"mediator", "facilitator", "co-facilitator", "intermediary", "go-between", "envoy",
                          "representative", "emissary", "negotiator", "moderator", "convener", "convenor"})


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
        self.acted: list[tuple[int, str, Actor]] = []   # (token, CAMEO code, source actor) of acts so far
        self.sent_ents: dict[int, list] = {}   # sentence start -> its entities, filled by the caller
        self._hazards: frozenset[str] | None = None
        self._abbrevs: dict[str, str] | None = None
        self._opposition_heads: frozenset[str] | None = None
        self._rebel_story: bool | None = None
        self._political_story: tuple[bool, bool] | None = None
        self._congo: bool | None = None
        self._defined: frozenset[str] = frozenset()   # names the article defines an abbreviation for
        self._bodies: dict[str, str] | None = None   # "Commission" -> "European Commission" (see `_body_of_word`)

    def record_acts(self, token_i: int, code: str, sources: list[ActorMention]) -> None:
        """Remember who did what (the known actors among `sources` did `code` at token `token_i`), for
        descriptions like "the mediators"."""
        for m in sources:
            if m.code is not None:
                self.acted.append((token_i, code, Actor(m.code, m.name or m.text, m.country, m.sector)))

    def by_event_role(self, token: Token) -> list[Actor]:
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
    def observe_sentence(self, sent: Span) -> None:
        """Record the actors a sentence names, in order, so later anaphors can find them."""
        first_new = len(self.coref.history)
        ents = self.sent_ents.get(sent.start)
        for ent in (ents if ents is not None else list(sent.ents)):
            self._observe_entity(ent, sent)
        for token in sent:
            self._observe_role_noun(token, sent)
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

    def _observe_entity(self, ent: Span, sent: Span) -> None:
        """A named actor, and the role words before its name ("envoy" in "U.S. envoy Jane Roe")."""
        if ent.label_ not in ACTOR_ENTITY_TYPES or ent.text.lower() in self.cues.platform_names:
            return
        root = ent.root
        if ent.label_ == "GPE" and root.dep_ == "pobj" and (
                root.head.lower_ in self.cues.locative_preps or root.head.lower_ in ("to", "from")
                and root.head.head.lemma_.lower() in _JOURNEY_VERBS
                or root.head.lower_ == "of" and root.head.head.lower_ == "out"):
            return   # "met in Cairo", "was returning to Abuja", "flew out of Djibouti": a place, not an actor to
            # refer back to
        if root.dep_ in ("compound", "amod", "nmod") and root.head.lemma_.lower() in AFFILIATE_HEADS \
                and any(c.lower_ in ("the", "this", "that") for c in root.head.children):
            # "The al Qaeda affiliate": the group named before is meant (a later "it" is that group)
            head = root.head
            patron = self.kb_resolve(ent.text)
            found = self.coref.find(head.i, kinds=frozenset({"group"}),
                                    exclude=frozenset({patron.code}) if patron is not None and patron.code else
                                    frozenset())
            if found is not None:
                self.coref.add(head.i, found, kind="group", plural=False, head=head.lemma_.lower(),
                               span=np_bounds(head), subject=_salient_subject(head), sent=sent.start)
            return
        actor = self.kb_resolve(ent.text)
        if actor is None and ent.label_ == "PERSON" and root.dep_ == "appos":
            # "Malaysia's facilitator, Rosli Mat Daud, a retired police chief": the phrase the name is in
            # apposition to says whose he is, before what the name's own apposition says of his past
            head = root.head
            start, end = np_bounds(head, keep_appos=False)
            described = self.kb_resolve(self.doc[start:end].text) if end <= ent.start else None
            if described is not None and described.code and (described.country or described.sector in ("IGO", "NGO")):
                actor = Actor(code=described.code, name=ent.text, country=described.country, sector=described.sector)
        if ent.label_ == "PERSON" and (actor is None or actor.country is None or actor.sector == "ELI"):
            # "General X, the retired officer who heads Thailand's dialogue panel": what he heads says whose he is
            actor = self.office_of(root, ent.text) or actor
        if ent.label_ == "ORG" and (actor is None or actor.country is None and actor.code == actor.sector):
            # "the Grain Terminals Council, which bargains for six companies": the body of those it speaks for
            actor = self._body_of_members(root, ent.text) or actor
        represented = self._represents(root, ent.text) if ent.label_ in ("PERSON", "ORG") and actor is None \
            else None
        actor = represented or actor
        appointed = self._appointed_by(root, ent.text) if ent.label_ in ("PERSON", "ORG") else None
        actor = appointed or actor   # (a person named envoy is at times tagged ORG)
        # "the Southern Peasant Front", "the Red Sea Liberation Movement": a kind from the name, no country yet
        typed_by_name = actor is not None and actor.country is None and actor.sector is not None \
            and actor.code == actor.sector and represented is None
        if (actor is None or typed_by_name) and ent.label_ in ("ORG", "PERSON"):
            # Unknown to the knowledge base: the apposition may say what it is ("X, an armed group");
            # else keep it by name, so that "the group" or "he" can still refer back to it.
            start, end = np_bounds(root)
            actor = self.kb_resolve(self.doc[start:end].text) if end - start > len(ent) else actor
            if actor is None or actor.country is None and actor.code == actor.sector:
                country = self._apposition_country(ent, end) if actor is not None and actor.sector else None
                actor = Actor(code=(country or "") + actor.code if actor and actor.code else None, name=ent.text,
                              country=country, sector=actor.sector if actor else None)
        if actor is None:
            return
        span = widen_entity(ent)
        subject = _salient_subject(root) or (root.dep_ == "compound" and _salient_subject(root.head))
        # (a person who speaks for a side, at times tagged as a body: "represented by Sunil Weerakoon Banda")
        person = appointed or represented and (ent.label_ == "PERSON" or root.lower_ not in nouns.BODY_NAME_HEADS
                                               and not root.is_upper)
        self.coref.add(root.i, actor, kind="person" if person else self._kind(actor, root), plural=False,
                       head=root.lemma_.lower(), span=span, subject=subject, sent=sent.start)
        for i in range(span[0], ent.start):
            # "U.S. envoy Jane Roe": "the envoy" later refers to her
            if self.role(self.doc[i]) is not None:
                self.coref.add(i, actor, kind="person", plural=False, head=self.doc[i].lemma_.lower(),
                               span=span, subject=subject, sent=sent.start)

    def office_of(self, root: Token, name: str) -> Actor | None:
        """The state body a person heads, by a relative clause on the name or its apposition ("who heads
        Thailand's dialogue panel", "who leads the Kenyan delegation"), as that person's actor; or None."""
        described = [root, *(c for c in root.children if c.dep_ == "appos")]
        for noun in described:
            for verb in noun.children:
                if verb.dep_ != "relcl":
                    continue
                if verb.lemma_.lower() in _HEADING_VERBS:
                    objects = [c for c in verb.children if c.dep_ == "dobj"]
                elif verb.lemma_.lower() in _SERVING_VERBS:
                    # "the Norwegian diplomat who serves as the UN Secretary-General's personal envoy": the body
                    # whose role he holds, not his nationality
                    objects = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                               for o in c.children if o.dep_ == "pobj"]
                else:
                    continue
                for obj in objects:
                    start, end = np_bounds(obj, keep_appos=False)
                    body = self.kb_resolve(self.doc[start:end].text)
                    if body is not None and body.country and body.sector in STATE_SECTORS:
                        return Actor(code=body.code, name=name, country=body.country, sector=body.sector)
                    if body is not None and body.code and body.sector in ("IGO", "NGO") \
                            and verb.lemma_.lower() in _SERVING_VERBS:
                        return Actor(code=body.code, name=name, country=body.country, sector=body.sector)
        return None

    def _body_of_members(self, root: Token, name: str) -> Actor | None:
        """A body named after no role, by what a relative clause on its name or its apposition says it speaks for
        ("the X Council, which bargains for the six companies that run the terminals", "the Y Board, which
        represents 40 trucking firms", "Z, a body that speaks for the planters"): that role's sector, or None."""
        last = root.right_edge.i   # (a relative clause right after the name that the parser hung higher up)
        following = [t for t in root.sent if t.dep_ == "relcl" and t.lemma_.lower() in _SPEAKING_FOR_VERBS
                     and last < t.left_edge.i <= last + 3
                     and all(x.is_punct for x in self.doc[last + 1:t.left_edge.i])]
        for noun in (root, *(c for c in root.children if c.dep_ == "appos"), None):
            verbs = following if noun is None else \
                [c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in _SPEAKING_FOR_VERBS]
            for verb in verbs:
                members = [c for c in verb.children if c.dep_ == "dobj"] + [
                    p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on")
                    for p in c.children if p.dep_ == "pobj"]
                for member in members:
                    start, end = np_bounds(member, keep_appos=False)
                    while start < member.i and self.doc[start].dep_ in ("det", "nummod", "amod") \
                            and self.doc[start].ent_type_ not in ("GPE", "NORP"):
                        start += 1   # "the six companies that run ...": the role noun, not its numbers
                    body = self.kb_resolve(self.doc[start:member.i + 1].text)
                    if body is None and member.lemma_.lower() in _WORKPLACES:   # "the nine sugar mills": employers
                        body = Actor(code="BUS", name="Business", country=None, sector="BUS")
                    if body is not None and body.sector in _MEMBER_SECTORS:
                        return Actor(code=(body.country or "") + body.sector, name=name, country=body.country,
                                     sector=body.sector)
        return None

    def _represents(self, root: Token, name: str) -> Actor | None:
        """The side a person unknown to the lists leads or speaks for by the passive that names him ("The front is
        represented by Dambar Singh Shahi", "the rebel delegation is headed by X"): that side's actor, or None."""
        head = root
        while head.dep_ in ("compound", "appos") and head.head.i != head.i:
            head = head.head
        if head.dep_ != "pobj" or head.head.dep_ != "agent":
            return None
        verb = head.head.head
        if verb.lemma_.lower() not in _REPRESENTING_VERBS:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None:
            return None
        body = self.coref.find(subject.i, kinds=frozenset(), head=subject.lemma_.lower()) \
            if subject.lower_ in nouns.BODY_NAME_HEADS else None
        if body is None:
            start, end = np_bounds(subject, keep_appos=False)
            body = self.kb_resolve(self.doc[start:end].text)
        if body is None or not body.code or body.sector in (None, "ELI", "CVL"):
            return None
        return Actor(code=body.code, name=name, country=body.country, sector=body.sector)

    def _appointed_by(self, token: Token, name: str) -> Actor | None:
        """The body or state that named the person `token` stands in as its go-between ("ECOWAS has named
        X, a former prime minister of Cape Verde, as facilitator": X and the former prime minister act for
        ECOWAS), or None."""
        sent_by = self.sent_as_envoy(token, name)
        if sent_by is not None:
            return sent_by
        head = token
        while head.dep_ in ("compound", "appos") and head.head.i != head.i:
            head = head.head
        verb = head.head
        if head.dep_ != "dobj" or verb.lemma_.lower() not in APPOINTING_VERBS:
            return None
        named_as = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                    for p in c.children if p.dep_ == "pobj"] + [c for c in verb.children if c.dep_ == "oprd"]
        if not any(n.lemma_.lower() in _ENVOY_NOUNS for n in named_as):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        start, end = np_bounds(subject, keep_appos=False)
        body = self.kb_resolve(self.doc[start:end].text)
        if body is None or not body.code or not (body.country or body.sector in ("IGO", "NGO")):
            return None
        return Actor(code=body.code, name=name, country=body.country, sector=body.sector)

    def sent_as_envoy(self, token: Token, name: str) -> Actor | None:
        """ "Archbishop X, an Italian diplomat sent by the Vatican as its special envoy": the body that sent or
        named him as its go-between, whatever his own nationality; or None."""
        for appos in (c for c in token.children if c.dep_ == "appos"):
            for verb in (c for c in appos.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")
                         and c.lemma_.lower() in APPOINTING_VERBS | {"send", "dispatch", "assign", "delegate"}):
                named_as = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                            for p in c.children if p.dep_ == "pobj"]
                agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children
                              if p.dep_ == "pobj"), None) or next(
                    (p for n in named_as for c in n.children if c.dep_ == "prep" and c.lower_ == "by"
                     for p in c.children if p.dep_ == "pobj"), None)   # ("as special envoy by ECOWAS", so parsed)
                if agent is None or not any(n.lemma_.lower() in _ENVOY_NOUNS for n in named_as):
                    continue
                start, end = np_bounds(agent, keep_appos=False)
                body = self.kb_resolve(self.doc[start:end].text)
                if body is not None and body.code and (body.country or body.sector in ("IGO", "NGO")):
                    return Actor(code=body.code, name=name, country=body.country, sector=body.sector)
        return None

    def _apposition_country(self, ent: Span, end: int) -> str | None:
        """The one country an apposition after `ent` names ("the RSLM, an armed group fighting government
        forces in eastern Sudan"), by a place or a nationality; None when it names none or several."""
        for appos in ent.root.children:
            if appos.dep_ == "appos":
                end = max(end, appos.right_edge.i + 1)   # "an armed group fighting ... in eastern Sudan"
        found = set()
        for other in self.doc[ent.end:end].ents:
            if other.label_ == "GPE":
                found.add(countries.country_code(other.text))
            elif other.label_ == "NORP":
                found.add(countries.demonym_code(other.text))
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def _observe_role_noun(self, token: Token, sent: Span) -> None:
        """A role noun the knowledge base resolves ("Sudanese troops", "the Kenyan government")."""
        doc = self.doc
        # a role noun outside any entity, even when tagged as a proper noun ("Ethiopia's foreign ministry")
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos",
                                                                     "conj", "poss") \
                or token.ent_type_ != "" or token.lemma_.lower() in self.cues.speech_media:
            return
        if self.role(token) is None:
            if not self._observe_owned_body(token, sent) and not self._observe_company(token, sent):
                self._observe_description(token, sent)
            return
        if token.dep_ == "appos" and token.head.ent_type_ in ACTOR_ENTITY_TYPES:
            return   # "The Northern Hills Front, an armed group": the name, observed already, is the one meant
        start, end = np_bounds(token, keep_appos=False)
        if self.role(token) not in STATE_SECTORS:
            start = _after_owner_pronoun(token, start)   # "its main opposition alliance": the phrase without "its"
        if any(doc[i].lower_ in self.cues.pronouns for i in range(start, end)):
            return
        actor = self._appointed_by(token, doc[start:end].text) or self.kb_resolve(doc[start:end].text)
        if actor is not None:
            sector = self._modifier_sector(token, actor.sector)
            if sector is not None:
                actor = Actor(code=(actor.country or "") + sector, name=sector, country=actor.country, sector=sector)
            self.coref.add(token.i, actor, kind=self._kind(actor, token),
                           plural=token.tag_ in ("NNS", "NNPS"), head=token.lemma_.lower(),
                           span=(start, end), subject=_salient_subject(token),
                           sent=sent.start)

    def _observe_company(self, token: Token, sent: Span) -> bool:
        """A company named by capitalised words ending in a word of trade that the entity recogniser left
        untagged ("accused Harlow Cement"): remembered, so that "Harlow" later is that company; whether it was."""
        if token.pos_ != "PROPN":
            return False
        start, end = np_bounds(token, keep_appos=False)
        actor = self.kb_resolve(self.doc[start:end].text)
        if actor is None or actor.code != "BUS":
            return False
        self.coref.add(token.i, actor, kind="group", plural=False, head=token.lemma_.lower(), span=(start, end),
                       subject=_salient_subject(token), sent=sent.start)
        return True

    def _observe_owned_body(self, token: Token, sent: Span) -> bool:
        """ "The ELN's central command said ...", "the union's leadership": a body of an actor named as its owner
        stands for that actor (a later "it" is the ELN); whether it was recorded."""
        if token.lemma_.lower() not in _OWNED_BODY_NOUNS or token.dep_ not in ("nsubj", "nsubjpass"):
            return False
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ not in self.cues.pronouns), None)
        if owner is None:
            return False
        start, end = np_bounds(owner, keep_appos=False)
        actor = self.kb_resolve(re.sub(r"['’]s?$", "", self.doc[start:end].text).strip())
        if actor is None or not actor.code:
            return False
        self.coref.add(token.i, actor, kind=self._kind(actor, owner), plural=False, head=token.lemma_.lower(),
                       span=np_bounds(token, keep_appos=False), subject=_salient_subject(token), sent=sent.start)
        return True

    def _observe_description(self, token: Token, sent: Span) -> None:
        """ "The alliance had walked out ...": a group named by a description ("an alliance of opposition parties",
        again "the alliance") is the latest antecedent of a later "its" ("Its delegates ended their boycott"), not
        someone named before it."""
        if token.tag_ != "NN" or self.cues.anaphor_heads.get(token.lemma_.lower()) != "group":
            return
        det = next((c.lower_ for c in token.children if c.dep_ == "det"), None)
        start, end = np_bounds(token, keep_appos=False)
        if det in ("the", "this", "that"):
            found = self.description(token, "group")
        elif det in ("a", "an") or det is None and any(c.dep_ == "poss" for c in token.children):
            # "an alliance of opposition parties", "Haiti's main opposition alliance": what the phrase says it is
            found = self.kb_resolve(self.doc[_after_owner_pronoun(token, start):end].text)
            found = found if found is not None and found.sector not in (None, *STATE_SECTORS) else None
        else:
            return
        if found is not None and found.code:
            self.coref.add(token.i, found, kind="group", plural=False, head=token.lemma_.lower(), span=(start, end),
                           subject=_salient_subject(token), sent=sent.start)

    def _kind(self, actor: Actor, token: Token) -> str:
        if token.ent_type_ == "PERSON" and self.kb.names_an_org(self._entity_text(token)):
            return "group"   # "Kataib Hezbollah", tagged as a person's name: the militia, "it"
        if token.ent_type_ == "PERSON" or (self.role(token) and (
                self.cues.anaphor_heads.get(token.lemma_.lower()) == "person"
                or token.tag_ == "NN" and (nouns.classes(token.lemma_.lower()) or ())[:1] == ("person",))):
            return "person"   # (also "a police officer ... he then drew his pistol": one person of a role)
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

    def _entity_text(self, token: Token) -> str:
        start, end = self._name_span(token)
        return self.doc[start:end].text

    def kb_resolve(self, text: str) -> Actor | None:
        text = SPACE.sub(" ", text).strip()
        if not text:
            return None
        found = self.kb.resolve(text, on=self.published)
        short = re.sub(r"^(?:the|The)\s+", "", text)
        abbreviations = self._abbreviations()
        if found is None:
            # "the Trades Union Congress (TUC)" ... "the TUC": an abbreviation the article defined; or the
            # tail of such a name that a misparse cut off ("l'Unite Nationale" of "Coalition pour l'Unite
            # Nationale (CUN)")
            full = abbreviations.get(short) or next(
                (name for name in self._defined if len(short) > 8 and name.endswith(" " + short)), None)
            if full is not None and full != text:
                found = self.kb.resolve(full, on=self.published)
                text = full
        if found is None or found.country is None and found.sector in STATE_SECTORS | {"LAB"} \
                and found.code == found.sector:
            # "the Commission", "Marta Lindqvist, the Commission official" after "the European Commission": the
            # body the article named in full, not a government or a union of no country
            found = self._short_body_name(text) or found
        first = re.match(r"([A-Z][A-Za-z0-9-]+)(?:['’]s)?\s", short)
        if first is not None and first.group(1) in abbreviations:
            # "CAD spokeswoman Afi Mensah-Dogbe", "the TUC's leader": the body the abbreviation stands for (or
            # no one the knowledge base knows, not a government's spokesman)
            text = abbreviations[first.group(1)] + short[first.end(1):]
            body = self.kb.resolve(abbreviations[first.group(1)], on=self.published)
            found = self.kb.resolve(text, on=self.published) if body is not None else None
        head = _PARTY_NAME.match(text) or (_FRONT_NAME.match(text) if found is None and self._tells_of_politics(
            text.rstrip(")").split("(")[0].split()[-1].lower()) else None)
        if head is not None and (found is None or found.sector is None and found.code == found.country):
            # "the Alliance for a New Gabon", "the Movement des Democrates": a party, not the state it names
            country = found.country if found is not None else None
            found = Actor(code=(country or "") + "PTY", name=text, country=country, sector="PTY")
        if found is not None and found.sector == "PTY" and found.code == (found.country or "") + "PTY" \
                and (found.name.startswith(SECTORS["PTY"]) or found.name == text):   # not a party the base knows
            found = self._as_opposition(found, text)
        if found is not None and found.country == "COD" and self._brazzaville_story() \
                and not _KINSHASA.search(text):
            # "Congo's government" in a report from or about Brazzaville: the Republic of the Congo
            found = Actor(code="COG" + (found.code or "")[3:], name=found.name.replace(
                "Democratic Republic of the Congo", "Republic of the Congo"), country="COG", sector=found.sector)
        name = text.split(",", 1)[0].strip()   # "the X Forces, the largest armed separatist coalition in ..."
        if (found is None or found.code in ("MIL", "PTY") or name != text and found.sector in ("MIL", "PTY")) \
                and _ARMED_NAME.match(name) and not _STATE_FORCE_WORDS.search(name) and self._tells_of_rebels():
            # "the Northern Shan Solidarity Front", "the Ambazonia Restoration Forces" in a story of rebels,
            # separatists and their fighters: an armed group (not "the military" its last word would say)
            found = Actor(code="REB", name=name, country=None, sector="REB")
        return found

    def _short_body_name(self, text: str) -> Actor | None:
        """The body a phrase names by the last word of its full name alone (see `_body_of_word`)."""
        words = list(re.finditer(r"[\w'’-]+", text))
        for i, m in enumerate(words):
            word = re.sub(r"['’]s$", "", m.group(0))
            before = words[i - 1].group(0) if i > 0 else "the"
            after = words[i + 1].group(0) if i + 1 < len(words) and word == m.group(0) else "x"
            if not re.fullmatch(r"[A-Z][a-z]{3,}", word) or after[:1].isupper() \
                    or before[:1].isupper() and before not in ("The", "A", "An"):
                continue   # (a word of a longer name: "European Commission", "Commission President")
            full = self._body_of_word(word)
            if full is not None and full not in text:
                found = self.kb.resolve(text[:m.start()] + full + text[m.start() + len(word):], on=self.published)
                if found is not None and (found.code or "").startswith(("IGO", "NGO")):
                    return found
        return None

    def _body_of_word(self, word: str) -> str | None:
        """The one international or non-governmental body the article names in full with `word` as its last
        word ("European Commission" for "Commission"), or None."""
        if self._bodies is None:
            codes: dict[str, set[str]] = {}
            names: dict[str, str] = {}
            for m in _BODY_NAME.finditer(self.doc.text):
                name = re.sub(r"^The\s+", "", m.group(0))
                actor = self.kb.resolve(name, on=self.published) if " " in name else None
                if actor is not None and actor.code is not None and actor.code.startswith(("IGO", "NGO")):
                    last = name.rsplit(" ", 1)[-1]
                    codes.setdefault(last, set()).add(actor.code)
                    names.setdefault(last, name)
            self._bodies = {last: names[last] for last, found in codes.items() if len(found) == 1}
        return self._bodies.get(word)

    def _tells_of_rebels(self) -> bool:
        """Whether the article speaks of rebels, insurgents, fighters, hostages or an armed group (and of no
        opposition)."""
        if self._rebel_story is None:
            lemmas = {t.lemma_.lower() for t in self.doc}
            self._rebel_story = bool(lemmas & _REBEL_WORDS or re.search(r"\barmed groups?\b", self.doc.text)) \
                and "opposition" not in lemmas
        return self._rebel_story

    def _brazzaville_story(self) -> bool:
        """Whether the article is about the Republic of the Congo: it names Brazzaville or that republic, and
        nothing of the Democratic Republic (Kinshasa, "DRC")."""
        if self._congo is None:
            text = self.doc.text
            self._congo = bool(re.search(r"\bBrazzaville\b|\bRepublic of (?:the )?Congo\b", text)) \
                and not _KINSHASA.search(text)
        return self._congo

    def _tells_of_politics(self, head: str) -> bool:
        """Whether an unknown front, alliance or bloc (`head`) is a political grouping by what the article speaks
        of and not of rebels, fighters, hostages or an armed group: the opposition for a front (a front may be an
        armed movement's name), or the opposition, parties, a parliament or an election for an alliance or bloc."""
        if self._political_story is None:
            lemmas = {t.lemma_.lower() for t in self.doc}
            armed = bool(lemmas & _REBEL_WORDS) or re.search(r"\barmed groups?\b", self.doc.text) is not None
            self._political_story = (not armed and "opposition" in lemmas,
                                      not armed and bool(lemmas & _POLITICS_WORDS))
        front, grouping = self._political_story
        return bool(front if head == "front" else grouping)

    def _as_opposition(self, actor: Actor, text: str) -> Actor:
        """A coalition, alliance or bloc the article calls the opposition's ("the main opposition coalition"
        ... "the Coalition pour l'Alternance Democratique" ... "the coalition") is the opposition, unless the
        phrase itself says it rules."""
        if self._opposition_heads is None:
            self._opposition_heads = frozenset(
                t.lemma_.lower() for t in self.doc if t.lemma_.lower() in _PARTY_GROUP_HEADS | {"party"}
                and any(c.lower_ == "opposition" and c.dep_ in ("amod", "compound", "nmod") for c in t.children)) \
                | frozenset("opposition" for t in self.doc if t.lower_ == "opposition" and t.dep_ in (
                    "nsubj", "nsubjpass", "dobj", "pobj", "conj") and any(c.lower_ == "the" for c in t.children))
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
        named = text[:1].isupper() or bool(re.match(r"(?:the|The)\s+[A-Z]", text))
        # a description needs the same head ("the coalition" after "the opposition coalition"); a name of a
        # grouping of parties needs any opposition grouping or the opposition named as an actor ("the Citizens
        # Coalition for Change" after "the main opposition party" or "talks with the opposition")
        heads = self._opposition_heads - {"opposition"} if not named \
            else self._opposition_heads and _PARTY_GROUP_HEADS | {"party"}
        if not words & heads or words & _RULING_WORDS:
            return actor
        name = actor.name.replace(SECTORS["PTY"], SECTORS["OPP"]) if actor.name.startswith(SECTORS["PTY"]) \
            else actor.name
        return Actor(code=(actor.country or "") + "OPP", name=name, country=actor.country, sector="OPP")

    def _abbreviations(self) -> dict[str, str]:
        """Abbreviations the article defines in parentheses after a name: "Trades Union Congress (TUC)"."""
        if self._abbrevs is None:
            self._abbrevs = {}
            for m in DEFINED_ABBREVIATION.finditer(self.doc.text):
                name, short = m.group("name"), m.group("short")
                if short[0] == name_initials(name)[:1] and len(short) >= 2:
                    self._abbrevs.setdefault(short, name)
            for m in _NAMED_ACRONYM.finditer(self.doc.text):
                self._abbrevs.setdefault(m.group("short"), m.group("name"))
            self._defined = frozenset(self._abbrevs.values())
            for m in _LONG_NAME.finditer(self.doc.text):
                # "the Citizens Coalition for Change" ... "the CCC": a long name's initials, undefined
                name = re.sub(r"^The\s+", "", m.group(0))
                initials = name_initials(name)
                if len(initials) >= 3 and initials.isupper():
                    self._abbrevs.setdefault(initials, name)
        return self._abbrevs

    # ---- resolution of an argument ----
    def is_actor_like(self, token: Token) -> bool:
        """Whether a token heads a phrase that can name an actor at all."""
        low = token.lower_
        if token.ent_type_ in NON_ACTOR_ENTITY_TYPES or low in self.cues.platform_names:
            return False
        if token.pos_ == "PRON":
            return low in self.cues.pronouns
        if token.ent_type_ in ACTOR_ENTITY_TYPES:
            return True
        if token.pos_ == "PROPN":
            return True
        lemma = token.lemma_.lower()
        return self.role(token) is not None or lemma in self.cues.anaphor_heads

    def names_actor(self, token: Token) -> bool:
        """Whether the phrase headed by `token` names an actor anywhere ("a clerk at the Dutch embassy")."""
        if self.is_actor_like(token):
            return True
        # "their arms", "its decision": an owner pronoun mostly points back at the one who acts
        if any(m.code is not None and m.text.lower() not in self.cues.pronouns
               for m in self.mentions(token, allow_thing=True)):
            return True
        # "the blogger Ana Varga": a named person or organisation the knowledge base does not know
        start, end = np_bounds(token)
        return any(e.label_ in ("PERSON", "ORG") for e in self._ents_between(start, end))

    def role(self, token: Token) -> str | None:
        """The sector a role noun implies ("troops" -> MIL), by lemma or as written, or with the modifier right
        before it ("the lower house", "the district attorney": the noun alone is no role)."""
        found = self.kb.role_sector(token.lemma_.lower()) or self.kb.role_sector(token.lower_)
        if found is None and token.i > 0:
            before = token.doc[token.i - 1]
            if before.head.i == token.i and before.dep_ in ("compound", "amod"):
                found = self.kb.role_sector(f"{before.lower_} {token.lower_}")
        return found

    def is_country(self, token: Token) -> bool:
        """Whether the phrase headed by `token` names a whole country ("Peru", not "Lima")."""
        start, end = np_bounds(token, keep_appos=False)
        actor = self.kb_resolve(self.doc[start:end].text)
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

    def mention_of(self, start: int, end: int, actor: Actor | None) -> ActorMention:
        span = self.doc[start:end]
        if actor is None:
            return ActorMention(span.text, span.start_char, span.end_char, None, None)
        return ActorMention(span.text, span.start_char, span.end_char, actor.code, actor.name,
                            actor.country, actor.sector)

    def hazard_names(self) -> frozenset[str]:
        """Names that stand for a natural hazard or a disease in this text: the names of storms ("Hurricane
        Dorian", then "Dorian") and the diseases of `disease_names` in cues.yaml."""
        if self._hazards is None:
            named = {t.lower_ for t in self.doc if t.pos_ == "PROPN" and any(
                c.dep_ == "compound" and c.i < t.i and nouns.is_hazard(c.lemma_) for c in t.children)}
            self._hazards = frozenset(named) | self.cues.disease_names
        return self._hazards

    def _mentions(self, token: Token, allow_thing: bool) -> list[ActorMention]:
        whole = self.doc[token.left_edge.i:token.i + 1].text.lower()   # "SARS-CoV-2" is headed by "CoV-2"
        if not allow_thing and (token.lower_ in self.cues.platform_names or token.lower_ in self.hazard_names()
                                or whole in self.hazard_names()):
            return []   # "YouTube hosts the videos", "Dorian destroyed homes": a platform, a storm is no actor
        phrase = Phrase.of(self, token, allow_thing)
        for strategy in STRATEGIES:
            found = strategy(self, phrase)
            if found is not None:
                return [self._by_modifier_role(token, self._as_observed(token, m)) for m in found]
        return []   # pragma: no cover - the last strategy always answers

    def _by_modifier_role(self, token: Token, mention: ActorMention) -> ActorMention:
        """ "the rebel delegation", "the rebel coalition", "union leaders", "the opposition negotiators": a
        noun for someone's representatives (a delegation, negotiators, leaders, a coalition) takes the sector
        of a non-state role word before it, not the state or party sector the noun alone implies."""
        if token.lemma_.lower() in _UNION_HEADS and mention.sector in _TRADES:
            # "the Kenya National Union of Teachers", "the doctors' union": a trade union (labour)
            return dataclasses.replace(mention, code=(mention.country or "") + "LAB", sector="LAB", name=None)
        sector = self._modifier_sector(token, mention.sector)
        if sector is None:
            return mention
        return dataclasses.replace(mention, code=(mention.country or "") + sector, sector=sector, name=None)

    def _modifier_sector(self, token: Token, sector: str | None) -> str | None:
        """The non-state sector of a role word before a representative noun ("rebel" in "the rebel
        delegation"), when the noun alone implies a state or party sector; else None."""
        if sector not in _REPRESENTATIVE_SECTORS or token.lemma_.lower() not in _REPRESENTATIVE_NOUNS:
            return None
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
                found = self.role(child)
                if found in _NON_STATE_SIDES and found != sector:
                    return found
        return None

    def _as_observed(self, token: Token, mention: ActorMention) -> ActorMention:
        """A bare sector ("REB") for a name observed with its country ("the FCS, a guerrilla group based in
        southern Colombia": COLREB) takes that country."""
        sent = self.sent_as_envoy(token, mention.text) if token.pos_ == "PROPN" else None
        if sent is not None:   # "X, an Italian diplomat sent by the Vatican as its envoy": the Vatican's
            return dataclasses.replace(mention, code=sent.code, country=sent.country, sector=sent.sector)
        person = token.ent_type_ == "PERSON"
        if token.ent_type_ == "ORG" and mention.code == mention.sector and mention.country is None:
            # "the X Council, which bargains for ...": read again, for the observation may have been replaced by
            # the name and its bracketed initials, which the knowledge base does not know
            named = self._body_of_members(token, mention.text)
            if named is not None and named.sector != mention.sector:
                return dataclasses.replace(mention, code=named.code, country=named.country, sector=named.sector,
                                           name=None)
        if mention.country is not None or not (mention.code or person) or mention.code \
                and mention.code != mention.sector:
            return mention
        observed = next((a.actor for a in self.coref.history if a.token_i == token.i and a.kind != "coordination"),
                        None)
        if observed is None or observed.country is None:
            return mention
        if observed.sector != mention.sector:
            if not person or not observed.code:
                return mention
            # "Malaysia's facilitator, Rosli Mat Daud, a retired police chief": Malaysia's man, not a bare elite
            return dataclasses.replace(mention, code=observed.code, country=observed.country, sector=observed.sector)
        return dataclasses.replace(mention, code=observed.code, country=observed.country)

    def counterpart(self, token: Token, start: int, end: int) -> ActorMention:
        """ "her Chilean counterpart, Rosa Vidal": the office holder of the country named, or the
        person named; never the possessor's side."""
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ not in NON_ACTOR_ENTITY_TYPES:
                actor = self.kb_resolve(child.text)
                if actor is not None and actor.country:
                    return self.mention_of(start, end, with_sector(actor, "GOV"))
        for child in token.children:
            if child.dep_ == "appos" or child.dep_ == "compound" and child.ent_type_ == "PERSON":
                s, e = np_bounds(child, keep_appos=False)
                actor = self.kb_resolve(self.doc[s:e].text)
                if actor is not None:
                    return self.mention_of(start, end, actor)
        return self.mention_of(start, end, None)

    def coordinated_modifiers(self, token: Token, start: int, end: int) -> list[ActorMention]:
        """ "Greek and Turkish diplomats" -> "Greek" and "Turkish diplomats", each in the head's role; [] otherwise.

        Only for a plural head that names people in a role ("negotiators", "officials", "troops").
        """
        if token.tag_ not in ("NNS", "NNPS") or not (self.role(token) or self.kb.role_sector(token.lower_)
                                                     or self.is_actor_like(token)):
            return []
        mods = []
        for child in token.children:
            if child.i < token.i and child.dep_ in ("compound", "nmod", "amod", "poss") and (
                    child.ent_type_ in ("GPE", "NORP", "ORG") or child.pos_ == "PROPN"
                    or child.pos_ == "ADJ" and countries.demonym_code(child.text) is not None):
                mods.append(child)
                # (the parser may take a demonym for a person: "Czech and Slovak transport ministers")
                mods.extend(c for c in child.children if c.dep_ == "conj" and c.i < token.i
                            and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN"
                                 or c.pos_ == "ADJ" and countries.demonym_code(c.text) is not None))
        coordinated = any(c.dep_ == "cc" for m in mods for c in m.children)
        mods = sorted({m.i: m for m in mods}.values(), key=lambda m: m.i)
        if len(mods) < 2 or not coordinated:
            return []
        sector = self.role(token)
        out = []
        for k, mod in enumerate(mods):
            m_start, m_end = self._name_span(mod)
            while k == len(mods) - 1 and m_end < token.i and self.doc[m_end].head.i == token.i \
                    and self.doc[m_end].dep_ in ("nummod", "compound") and self.doc[m_end].tag_ in ("CD", "NNP"):
                m_end += 1   # ("the MS-13 and Barrio 18 gangs": the parser hangs the "18" of the name on the head)
            actor = self.kb_resolve(self.doc[m_start:m_end].text)
            if actor is not None and sector is not None and actor.sector is None:
                # (a named body keeps its own: "Moroccan and Polisario Front negotiators" are the Front's)
                actor = with_sector(actor, sector, role=token.lemma_.lower())
            span_end = end if k == len(mods) - 1 else m_end
            out.append(self.mention_of(m_start, span_end, actor))
        return out

    def inner_actor(self, token: Token, start: int, end: int) -> ActorMention | None:
        """The actor inside a phrase whose head is not one: a named possessor, a named entity
        ("a High Court ruling in Kenya", "her old ally Maria Lopez"), a pronoun possessor ("its
        offer"), or the object of "of/by/from"."""
        owner_pronoun = None
        for child in token.children:
            if child.dep_ == "poss":
                if child.pos_ == "PRON":
                    owner_pronoun = child
                    continue
                found = self.mentions(child)
                if found:
                    return found[0]
        named = self._named_inside(start, end)
        if named is not None:
            return named
        if owner_pronoun is not None:
            owners = self.pronoun_actors(owner_pronoun)
            if owners:
                return self.mention_of(owner_pronoun.i, owner_pronoun.i + 1, owners[0])
        for child in token.children:
            preps = [child] if child.dep_ == "prep" and child.lower_ in ("of", "by", "from") else \
                [c for c in child.children if c.dep_ == "agent"] if child.dep_ == "acl" and child.tag_ == "VBN" \
                else []   # "the plan of the rebels", "the offer made by the junta"
            for prep in preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and self.is_actor_like(pobj) \
                            and (prep.dep_ == "prep" or pobj.pos_ != "PRON"):
                        found = self.mentions(pobj)
                        if found:
                            return found[0]
        return None

    def _named_inside(self, start: int, end: int) -> ActorMention | None:
        """A named actor inside tokens [start, end), widened to the compound phrase around it ("U.S. High
        Court"), or an unknown named person or organisation."""
        doc = self.doc
        for ent in self._ents_between(start, end):
            if ent.label_ in ACTOR_ENTITY_TYPES:
                actor = self.kb_resolve(ent.text)
                if actor is not None or ent.label_ in ("PERSON", "ORG"):
                    s, e = ent.start, ent.end
                    while e < end and doc[e].pos_ == "PROPN" and doc[e].dep_ in ("compound", "pobj", "nsubj",
                                                                                 "dobj", "appos"):
                        e += 1
                    wider = self.kb_resolve(doc[s:e].text) if e > ent.end else None
                    return self.mention_of(s, e, wider or actor)
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

    def speaker_of(self, token: Token) -> list[ActorMention]:
        """The speaker's mention when `token` is the subject of a clause reported by a named speaker."""
        if token.dep_ not in ("nsubj", "nsubjpass"):
            return []
        subj = self._reporter(token)
        if subj is None or subj.pos_ == "PRON" or subj.i > token.i:
            return []
        return self.mentions(subj, allow_thing=True)[:1]

    def speaker_antecedent(self, token: Token) -> list[ActorMention]:
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
        """The tokens of the named entity `token` is in ("Turkish" in "Greek and Turkish diplomats"), else the token."""
        sent_start = self.sentence_start(token.i)
        ents = self.sent_ents.get(sent_start)
        if ents is None:
            ents = list(token.doc[token.i:token.i + 1].sent.ents)
        found = next((e for e in ents if e.start <= token.i < e.end), None)
        return (found.start, found.end) if found is not None else (token.i, token.i + 1)

    def _ents_between(self, start: int, end: int) -> list:
        sent_start = self.sentence_start(start)
        ents = self.sent_ents.get(sent_start)
        if ents is None:
            return list(self.doc[start:end].ents)
        return [e for e in ents if e.start >= start and e.end <= end]

    def pronoun_actors(self, token: Token) -> list[Actor]:
        low = token.lower_
        cues = self.cues
        exclude, heads = self._clause_subject(token)
        since = self._pronoun_reach(token)
        if low in cues.person_pronouns:
            # "He met the rebel negotiators ... and said he was talking to Naypyitaw": one person, not a group
            found = self.coref.find(token.i, kinds=frozenset({"person"}), plural=False, exclude=exclude, since=since,
                                    exclude_heads=heads)
        elif low in cues.thing_pronouns:
            found = self.coref.find(token.i, kinds=frozenset({"group", "country", "government", "other"}),
                                    plural=False, exclude=exclude, since=since,
                                    exclude_heads=heads)
        elif low in cues.plural_pronouns:
            found = self.coref.find(token.i, kinds=frozenset({"group", "other", "government", "person",
                                                              "coordination"}),
                                    plural=True, exclude=exclude, since=since, exclude_heads=heads)
            ante = self.coref.last_found()
            if found is not None and ante is not None and ante.members:
                return list(ante.members)
            if found is None:
                found = self.coref.find(token.i, kinds=frozenset({"group", "country", "government"}),
                                        exclude=exclude, since=since, exclude_heads=heads)
        else:
            found = None
        return [found] if found is not None else []

    def _pronoun_reach(self, token: Token) -> int:
        """The first token a pronoun's antecedent may be at: the start of the sentence `PRONOUN_REACH`
        sentences back. Further back, "they" in an interview answer would find a country named two
        questions earlier."""
        start = token.sent.start
        for _ in range(PRONOUN_REACH):
            if start == 0:
                break
            start = self.doc[start - 1].sent.start
        return start

    def _clause_subject(self, token: Token) -> tuple[frozenset[str], frozenset[str]]:
        """ "The governor pardoned him": an object pronoun (not "himself") never refers to its own clause's subject,
        known to the lists (its codes) or not (its head word: "Sirhan shot him")."""
        if token.dep_ not in ("dobj", "dative", "pobj") or token.lower_.endswith(("self", "selves")):
            return frozenset(), frozenset()
        verb = token.head if token.dep_ != "pobj" else token.head.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ == "PRON" or subj.i == token.i:
            return frozenset(), frozenset()
        name = subj.lemma_.lower()
        # (and the description the name was given in apposition: "a former aide, Rudolf Marr ... Marr shot him")
        named = [a.span[0] for a in self.coref.history if subj.pos_ == "PROPN" and a.head == name]
        heads = {name} | {a.head for a in self.coref.history
                          if any(0 <= start - a.span[1] <= 1 for start in named)}
        return frozenset(m.code for m in self.mentions(subj) if m.code), frozenset(heads)

    def description(self, token: Token, kind: str) -> Actor | None:
        lemma = token.lemma_.lower()
        if kind == "person":
            return self.coref.find(token.i, kinds=frozenset(), head=lemma)
        if kind == "body":
            found = self.coref.find(token.i, kinds=frozenset(), head=lemma)
            if found is not None and found.code != found.sector:
                return found
            # the latest international or non-governmental body named before, even in a word the recogniser
            # left untagged ("UNICEF-brokered contacts ..., the agency said")
            for t in reversed(self.doc[:token.i]):
                if t.is_upper and len(t) > 2 and t.is_alpha:
                    body = self.kb_resolve(t.text)
                    if body is not None and body.sector in ("IGO", "NGO"):
                        return body
            return None
        if kind == "any":
            return None
        kinds = {"group": frozenset({"group"}), "country": frozenset({"country", "government"}),
                 "government": frozenset({"government", "country"})}[kind]
        # "the ministry" is the ministry named before, even when another government was named since
        found = self.coref.find(token.i, kinds=frozenset(), head=lemma) if kind != "country" else None
        if found is None:
            found = self.coref.find(token.i, kinds=kinds)
        if found is not None and kind == "government" and found.country:
            return with_sector(found, "GOV")
        return found
