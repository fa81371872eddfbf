"""Find negotiation processes in the event store and build their boards.

    stored events (negotiation codes) -> normalised actors -> party graph -> processes
        -> moves (events merged per act) -> positions per party and topic -> state and gaps -> Board

Everything comes from the events and their CAMEO codes, triggers and objects, never from a list of
known conflicts. The rules, in brief (docs/negotiations.md has them in full):

- Actors are normalised to their country (USAGOV, USAMIL, USA -> USA) or, for non-state actors, to
  their code (PSEREB for Hamas, IGOUNO); actors without a country or code are left out.
- A *core* event (intent to meet, settle or mediate, mediation, negotiation, signing, demands for talks,
  rejections of talks or plans, threats to halt and halts of talks, or any negotiation event whose object
  names a ceasefire, talks, a proposal or a deal) between two actors links them as parties, unless one of
  them mediates in an article where the other appears. Linked parties form a process.
- Every other negotiation event (demands, offers, concessions, rejections, meetings) joins the process of
  its actors, or the process of its article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from parley.dates import count_of, resolve_date
from parley.errors import UnknownProcess
from parley.negotiation.model import (
    ActorRef,
    Attributed,
    Board,
    Gap,
    Issue,
    Move,
    PartyPosition,
    Position,
    Process,
    Role,
    StateChange,
)
from parley.negotiation.topics import TopicLexicon, default_topics
from parley.nouns import BODY_NAME_HEADS
from parley.types import ActorMention, Event, Location

if TYPE_CHECKING:
    from parley.store import Store
    from parley.store.store import StoredEvent

__all__ = ["DEFAULT_GAP_DAYS", "UnknownProcess", "board", "find_processes", "track"]

DEFAULT_GAP_DAYS = 90

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
CORE_CODES = frozenset({"036", "037", "038", "039", "045", "046", "057", "0871", "106", "107", "108", "125",
                        "126", "127", "134", "135", "164", "165"})
MEDIATOR_CODES = frozenset({"039", "045", "135", "165"})
OTHER_TOPIC = "other"
_GUARANTEES = "guarantees"
_LABOUR = "labour"   # the topic of a union's talks (see `_board`)

_NEGOTIATION_CUE = re.compile(r"\b(?:cease-?fire|truce|talks|negotiat\w*|proposals?|peace|deal|accord|armistice)\b",
                              re.IGNORECASE)
_ROUND = re.compile(r"\b(?:round of (?:\w+ )?talks|(?:peace|ceasefire|truce|border|nuclear|trade) talks|"
                    r"negotiations?)\b", re.IGNORECASE)
_RESUME = re.compile(r"^(?:resum|restart|return|reopen|reviv|came back|come back|reconven|rejoin|pick|took up|take up)",
                     re.IGNORECASE)
_ROUND_ENDED = re.compile(r"^(?:end|conclud|wrap|close|finish)", re.IGNORECASE)
_A_ROUND = re.compile(r"\b(?:round|session|days?|weeks?|hours?)\b", re.IGNORECASE)
# "opened talks", "launched negotiations", "began talks": the start of a negotiation, not a courtesy meeting
_OPEN = re.compile(r"^(?:re-?)?(?:open|launch|begin|began|begun|start|kick|enter)", re.IGNORECASE)
_RECALL = re.compile(r"^(?:recall|withdr|pull)", re.IGNORECASE)
_SEND = re.compile(r"^(?:send|sent|dispatch)", re.IGNORECASE)
_ACCEPT = re.compile(r"^(?:accept|agree|endors|approv)", re.IGNORECASE)
_PROPOSE = re.compile(r"^(?:propos|offer|present|tabl|submit|suggest|put forward|float|bring|brought)", re.IGNORECASE)
_RESPOND = re.compile(r"^(?:respon|repl)", re.IGNORECASE)
_VIOLATE = re.compile(r"^(?:violat|breach)", re.IGNORECASE)
# What talks other than those under way are called: "an earlier process between Manila and the front".
_EARLIER_TALKS = re.compile(r"^(?:an?|the|its|their)\s+(?:earlier|previous|former|past|prior|failed)\s+(?:[\w-]+\s+)?"
                            r"(?:process|talks|negotiations?|rounds?|attempts?|efforts?|dialogue|mediation)\b",
                            re.IGNORECASE)
# What is bargained over in crime and commerce, not in political talks: "negotiates drug flights with Maduro",
# "negotiated the sentence reduction of a convict", "a business alliance between the two gangs", "a plea deal".
_PRIVATE_DEALINGS = re.compile(
    r"\b(?:drugs?|cocaine|heroin|narcotics?|marijuana|methamphetamine|fentanyl)[- ](?:flights?|shipments?|loads?|"
    r"routes?|deals?|sales?|business|trafficking|smuggling|money|trade|purchases?)\b|"
    r"\bsentence (?:reductions?|cuts?)\b|\breduc\w* (?:of )?(?:his|her|their|the|a) (?:prison )?sentences?\b|"
    r"\bplea (?:deals?|bargains?|agreements?)\b|\bbribes?\b|\bkickbacks?\b|"
    r"\b(?:business|criminal|trafficking|smuggling) (?:alliances?|partnerships?|deals?)\b|"
    r"\b(?:sports|baseball|football|soccer|basketball) (?:teams?|clubs?|contracts?)\b",
    re.IGNORECASE)
# What a war is fought over: "talks on ending their war over cocaine routes" are about the war, not a drug deal.
_STRIFE_OVER = re.compile(r"\b(?:war|wars|fighting|feud|conflict|violence|dispute|rivalry|truce|cease-?fire|peace)\b",
                          re.IGNORECASE)


def _said_after_trigger(event: Event) -> str:
    """The event's object, or what its evidence says after the trigger ("negotiated a business alliance between
    the FARC and the ERPAC", where the parser gave no object)."""
    if event.object is not None:
        return event.object.text
    return event.evidence.text[max(0, event.trigger.end - event.evidence.start):]


def _private_dealings(obj: str) -> bool:
    found = _PRIVATE_DEALINGS.search(obj)
    return found is not None and not _STRIFE_OVER.search(obj[:found.start()])


_GOING_BACK = re.compile(r"^(?:return|flew|fly|flies|flying|went|go|head|travel|came|come|fil|troop|march|stream)",
                         re.IGNORECASE)
_MEDIATE = re.compile(r"^(?:mediat|broker|conven)", re.IGNORECASE)
_COLLAPSE = re.compile(
    r"\b(?:collaps\w*|broke(?!\s+off\b)(?:\s+down)?|break down|broken down|called off|call off|abandon\w*|"
    r"scrapp?\w*|"
    r"fell apart|derail\w*|declared (?:dead|over)|pronounced dead|(?:are|is|were|was) over|ended in failure|"
    r"(?:came|come|comes|coming) to an end|"
    r"ended without (?:an? )?(?:agreement|deal|accord))\b", re.IGNORECASE)
_PARTIAL = re.compile(r"\b(?:partial|interim|first phase|first stage|initial|preliminary|limited|framework|"
                      r"first (?:agreement|accord|deal))\b", re.IGNORECASE)
_REF_PROPOSAL = re.compile(r"\b(?:proposals?|offers?|plans?|deal|initiative|terms|package|draft|idea|suggestion)\b",
                           re.IGNORECASE)
_BARE_REFERENCE = re.compile(r"^(?:that|this|it|these|those|them|that idea|the idea|the request)$", re.IGNORECASE)
_REF_DEMAND = re.compile(r"\b(?:demands?|requests?|conditions)\b", re.IGNORECASE)
# "the group's demand for ...", "Kabul's repeated calls for ...": a demand its owner made
_OWNED_DEMAND = re.compile(r"(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,2}(?:demands?|calls?|requests?|insistence)\b",
                           re.IGNORECASE)
# What a deal's own words leave out of it: "a limited agreement that leaves their boundary dispute unresolved"
# "..., while the questions of electoral reform and guarantees were set aside for a second phase"
_LEFT_OUT = re.compile(r"\b(?:(?:that|which|but|while)\s+)?(?:leav(?:es|ing|e)|left|excluding|except)\b.*$|"
                       r"\b(?:while|but|though|although|whereas)\b(?=[^.;]*\b(?:set aside|deferred|postponed|"
                       r"shelved|put off|unresolved|undecided|for a (?:second|later|further|new|future) "
                       r"(?:phase|round|stage))\b).*$", re.IGNORECASE)
_OWNED_DEMAND_PREFIX = re.compile(
    r"^.*?(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,2}(?:demands?|calls?|requests?|insistence)\s+(?:for|that|on)\s+",
    re.IGNORECASE)
_GUARANTEE_FROM = re.compile(r"\bguarant\w*\s+(?:from|by)\s+(.+)", re.IGNORECASE)
# "Malaysia's facilitator, Rosli Mat Daud, flew to Bangkok": an actor named as the owner of a go-between
_GO_BETWEEN = (r"\s+(?:(?:chief|special|lead|main|joint|official)\s+)?"
               r"(?:mediators?|facilitators?|intermediar(?:y|ies)|go-betweens?)\b")
_GO_BETWEEN_TITLE = re.compile(r"^(?:['’]s)?" + _GO_BETWEEN, re.IGNORECASE)   # the words after the name
_GO_BETWEEN_OWNED = re.compile(r"['’]s" + _GO_BETWEEN, re.IGNORECASE)   # inside the mention
_OBSERVER = re.compile(r"\b(?:as (?:an? )?observers?|observer status)\b", re.IGNORECASE)
# The destination right after a verb of going: "back to Tonga", "home to Nuku'alofa", "to Suva".
_DESTINATION = re.compile(r"^\s*(?:(?:back|home|out|away)\s+)?(?:to|for|into)\s+(?:the\s+)?[A-Z][\w'’.-]*"
                          r"(?:\s+[A-Z][\w'’.-]*)*")
_PLACE_AFTER = re.compile(r"\b(?:from|to|in|at)\s+((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*)")

STANCE_OF = {"demand": "demand", "proposal": "offer", "counter_proposal": "offer", "acceptance": "accept",
             "rejection": "reject", "agreement_signed": "agree", "concession": "concede"}
HOSTING_KINDS = frozenset({"meeting", "meeting_planned", "negotiation", "talks_resumed", "delegation_sent",
                           "delegation_recalled", "delegation_returned", "agreement_signed", "talks_halted"})
RESUMING_KINDS = frozenset({"talks_resumed", "delegation_returned", "delegation_sent", "meeting", "negotiation"})
HALTING_KINDS = frozenset({"delegation_recalled", "talks_halted"})
SUPPORT = frozenset({"offer", "accept", "agree", "concede"})


# --- reading the store --------------------------------------------------------------------------------

# The events the tracker reads (`Store.stored_events`): appeals (02, a side's only), intents (03),
# consultations (04), signing (057), concessions (08), demands (10), rejections (12), threats to halt (134,
# 135), halts (164-166), contacts broken off (161, by its object: see `_kind`), and violations and breaches by
# their trigger.
_CODES = ("057", "134", "135", "161", "164", "165", "166")
_CODE_PREFIXES = ("02", "03", "04", "08", "10", "12")
_TRIGGER_PREFIXES = ("violat", "breach")


@dataclass(slots=True)
class _Ev:
    """A stored event with what the tracker derives from it."""

    event: Event
    seq: int
    published: str | None
    cluster_id: str | None
    source: str | None
    target: str | None
    kind: str
    core: bool
    order: int
    process: str | None = None
    move: int | None = None
    virtual: bool = False   # an edge read off a mediation ("X mediated between A and B"): no move of its own
    content: str | None = None   # what a demand, offer or refusal without an object of its own is about

    @property
    def date(self) -> str | None:
        if self.published is None and self.event.date_precision != "day":
            return None   # (a report without a date of its own: "in 2012" is too coarse to order or link its acts)
        return self.event.date or self.published


def _read_events(store: Store) -> list[_Ev]:
    found = []
    stored_events = store.stored_events(codes=_CODES, code_prefixes=_CODE_PREFIXES,
                                        trigger_prefixes=_TRIGGER_PREFIXES)
    memory = _name_memory([stored.event for stored in stored_events])
    _defined_elsewhere(store, stored_events, memory)
    contents: dict[str, str] = {}
    own_side = _own_side_demands(stored_events, memory)
    known = {k for stored in stored_events for a in (stored.event.source, stored.event.target)
             for k in [actor_key(a)] if k}
    by_sector: dict[str, list[str]] = defaultdict(list)   # the store's country actors of each sector
    for k in known:
        if len(k) == 6:
            by_sector[k[3:]].append(k)
    placed = [_placed(_recalled(stored.event, memory), known, by_sector) for stored in stored_events]
    # names of actors the store placed ("the union ENEL", given Greece): a later bare "ENEL" is that union
    later = _name_memory(placed)
    memory.update({k: v for k, v in later.items() if k not in memory})
    placed = [_recalled(event, memory) if actor_key(event.source) is None or event.target is not None
              and actor_key(event.target) is None else event for event in placed]
    rivals = _Rivals(placed, store)
    for stored, event in zip(stored_events, placed, strict=True):
        if event.carried_by is not None:
            # what a demand, offer or threat is about: its carrier is the move, this its content
            contents.setdefault(event.carried_by, _content_text(event))
            continue
        if event.event_id in own_side:
            continue
        kind = _kind(event)
        if kind is None or event.object is not None and _EARLIER_TALKS.match(event.object.text) \
                or _private_dealings(_said_after_trigger(event)):
            continue   # (nor the acts of "an earlier process between Manila and the front": other talks, past; nor
            # a bargain over drug flights or a sentence)
        source, target = rivals.key(event.source, event.article_id), rivals.key(event.target, event.article_id)
        both = rivals.pair(event.source, event.article_id) if event.target is None else None
        if both is not None:
            source, target = both   # "the two gangs have agreed a ceasefire": the one with the other
        if source is None:
            continue  # a move needs someone who makes it
        if target == source and event.target is not None and event.target.text.lower() in _OWN_WORDS:
            target = None   # "the MFDC set out its demands": its own, not a demand on itself
        if kind == "talks_resumed" and len(source) == 3 and _GOING_BACK.match(event.trigger.text) \
                and event.location is not None and event.location.basis == "clause" \
                and event.location.kind == "city" and event.location.country == source \
                and not _TALKS_CUE.search(event.evidence.text):
            continue  # "the Jordanian delegation flew back to Amman": a state's team home, not back at the table
        published = stored.published.isoformat() if stored.published is not None else None
        found.append(_Ev(event, stored.ingest_seq, published, stored.cluster_id, source, target, kind,
                         _is_core(event), 0))
        if both is not None:   # (and the other with the one: a joint act, as the coder tells "A and B agreed")
            found.append(_Ev(event, stored.ingest_seq, published, stored.cluster_id, target, source, kind,
                             _is_core(event), 0))
    # Text order (article, sentence, trigger, source, target), so that "Qatar and Egypt" stay in that order.
    found.sort(key=lambda e: (e.seq, e.event.sentence_index, e.event.trigger.start, e.event.source.start,
                              e.event.target.start if e.event.target else -1, e.event.event_id))
    for order, ev in enumerate(found):
        ev.order = order
        ev.content = contents.get(ev.event.event_id)
    _name_go_betweens_apart(found)
    return found


# Possessives that name the actor itself.
_OWN_WORDS = frozenset({"its", "their", "his", "her", "its own", "their own"})


def _placed(event: Event, known: set[str], by_sector: dict[str, list[str]]) -> Event:
    """`event` with a domestic side the coder left without a country ("the union" in a report datelined
    Jakarta) given the country where the event happened, when the store already knows that country's actor of
    that sector (a union of Indonesia) from other reports, else the one actor of that sector it knows."""
    place = event.location.country if event.location is not None else None

    def placed(actor: ActorMention | None) -> ActorMention | None:
        if actor is None or actor.country is not None or not actor.code or len(actor.code) != 3 \
                or actor.code != actor.sector or actor.code not in _DOMESTIC_SIDES:
            return None   # (a bare government is often the host's or a go-between's: "the government" in a
            # report datelined from the venue)
        sector = actor.code
        key = (place or "") + sector
        if key not in known:
            # ("the rebels' negotiators rejoined the sessions" in a report from the venue abroad): the one
            # actor of that sector the store knows
            only = by_sector.get(sector, [])
            if len(only) != 1:
                return None
            key = only[0]
        return replace(actor, code=key, country=key[:3])

    source, target = placed(event.source), placed(event.target)
    if source is None and target is None:
        return event
    event = replace(event, source=source or event.source, target=target or event.target)
    for mine, other in ((event.source, event.target), (event.target, event.source)):
        if mine is not None and other is not None and mine.country is None and mine.code in STATE_SECTORS \
                and other.country is not None and other.sector in _DOMESTIC_SIDES:
            # "the transport ministry demanded that the union end its strike": the union's own state
            state = replace(mine, code=other.country + mine.code, country=other.country)
            return replace(event, source=state) if mine is event.source else replace(event, target=state)
    return event


def _own_side_demands(stored_events: list[StoredEvent], memory: dict[str, Counter[ActorMention]]) -> set[str]:
    """The demands a side makes of its own members ("the union told its members to clear the blockades"): no
    position at the table. By the ids of the demands, whose carried content is done by the side's own."""
    by_id = {stored.event.event_id: stored.event for stored in stored_events}
    out: set[str] = set()
    for stored in stored_events:
        content = stored.event
        carrier = by_id.get(content.carried_by) if content.carried_by is not None else None
        if carrier is None or not content.source.text.lower().startswith(("its ", "their ", "his ", "her ")):
            continue
        own = actor_key(_recalled(content, memory).source)
        if own is not None and own == actor_key(_recalled(carrier, memory).source):
            out.add(carrier.event_id)
    return out


# A body's own name: two or more capitalised words ("Central Organisation of Trade Unions").
_ORG_NAME = re.compile(r"^[A-Z][\w'’-]*(?:\s+(?:of|for|and|the|de|des|du|la|le)?\s*[A-Z][\w'’-]*)+$")


def _name_go_betweens_apart(events: list[_Ev]) -> None:
    """A named domestic go-between whose code one of the sides shares in the same article is told apart by its name:
    "the Central Organisation of Trade Unions acting as mediator" between Kenya's government and a teachers'
    union (both unions are KENLAB). Its other acts, by the same name, follow it."""
    sides: dict[str, set[str]] = defaultdict(set)
    side_names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ev in events:
        if not _is_mediating(ev) and ev.core and ev.source and ev.target and not _counted_sides(ev):
            # the sides of a meeting, a deal ... as doers (not whom "both sides invited" to chair, nor the
            # go-between a misread act lands on: "a setback for talks convened by the bishops")
            sides[ev.event.article_id].add(ev.source)
            side_names[(ev.event.article_id, ev.source)].add(_bare_name(ev.event.source.text))
    renamed: dict[tuple[str, str], str] = {}
    for ev in events:
        source = ev.event.source
        name = _bare_name(source.text)
        if ev.source is not None and _is_mediating(ev) and ev.source in sides[ev.event.article_id] \
                and source.country is not None and ev.source == source.code and source.sector is not None \
                and source.sector not in STATE_SECTORS \
                and _ORG_NAME.match(name) \
                and not any(side[:1].isupper() and name.endswith(" " + side)
                            for side in side_names[(ev.event.article_id, ev.source)]):
            # a domestic body (a union, a party), not a state or the UN; nor the body itself under a shorter name
            # ("the Catholic Church" that brokered a truce and "the Church" the gangs talk to are one)
            renamed[(ev.source, name.lower())] = f"{ev.source}.{_slug(name)}"   # ("KENLAB.CENTRALORGANISATION...")
    if not renamed:
        return
    for ev in events:
        for attr, actor in (("source", ev.event.source), ("target", ev.event.target)):
            key = getattr(ev, attr)
            own = renamed.get((key, _bare_name(actor.text).lower())) if key is not None and actor is not None \
                else None
            if own is not None:
                setattr(ev, attr, own)


# Verbs of leaving a place, said of those who are to leave ("the troops withdraw", "units pull out").
_LEAVING_VERBS = re.compile(r"(?:pull|withdr[ae]w|retreat|leave|left|evacuat|vacat|redeploy)", re.IGNORECASE)


def _content_text(event: Event) -> str:
    """What a carried act says in a few words: "withdrawal of the border guards", "release 30 members"."""
    what = event.object.text if event.object else event.target.text if event.target else ""
    if not what and event.source is not None and _LEAVING_VERBS.match(event.trigger.text.strip()):
        # "insisted that ranger units pull out of the villages": the pullout of those who are to leave
        return f"withdrawal of {event.source.text}"
    removal = _removal(event.trigger.text, what) if what else None
    if removal and removal != what:
        return removal
    return " ".join(filter(None, (event.trigger.text, what)))


# A name's abbreviation given in brackets after it ("the Equatoria People's Liberation Movement (EPLM)"),
# as the mention's span ends; and the words before a name that are no part of it.
_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Z0-9&-]{1,9})(?:\)|\s*$)")
_NOT_NAME = re.compile(r"^(?:the|a|an|rebel|armed|militant|insurgent)\s+", re.IGNORECASE)


def _bare_name(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _NOT_NAME.sub("", text.strip())
    return text.removesuffix("'s").removesuffix("’s")


def _name_keys(text: str) -> tuple[str | None, str | None]:
    """The bracketed abbreviation of a mention ("EPLM") and its name before the bracket or a comma, lower case
    ("equatoria people's liberation movement"); None for a name of fewer than two words or not capitalised."""
    bracket = _ABBREVIATION.search(text)
    abbreviation = bracket.group(1) if bracket else None
    head = text[:bracket.start()] if bracket else text.split(",")[0]
    name = _bare_name(head)
    return abbreviation, (name.lower() if len(name.split()) >= 2 and name[:1].isupper() else None)


# The name of an armed movement: "the West Papua National Liberation Army (TPNPB)".
_ARMED_NAME = re.compile(r"\b(?:Liberation|Army|Front|Resistance|Rebels?|Militia|Brigades?|Insurgency)\b")
_ARMED_NAME_SECTOR = "REB"


def _defined_elsewhere(store: Store, stored_events: list, memory: dict[str, Counter[ActorMention]]) -> None:
    """Abbreviations that reports use bare ("the IMOU walked out") and that no coded actor defined: where an
    article defines one in brackets where it is no actor of a coded event ("brought the Island Medical
    Officers' Union (IMOU) face to face with ..."), the actor of the same sector that article's events coded
    with a country ("the union", LKALAB) is what the abbreviation means (added to `memory`)."""
    from parley.actors.kb import default_kb
    from parley.coding.mentions import DEFINED_ABBREVIATION

    bare = {word for stored in stored_events for actor in (stored.event.source, stored.event.target)
            if actor is not None and actor_key(actor) is None
            for word in _bare_name(actor.text).split() if word.isupper() and len(word) > 1 and word not in memory}
    if not bare:
        return
    by_article: dict[str, list[ActorMention]] = defaultdict(list)
    for stored in stored_events:
        for actor in (stored.event.source, stored.event.target):
            if actor is not None and actor.country and actor.sector:
                by_article[stored.event.article_id].append(actor)
                for short in [w for w in bare if f"({w})" in actor.text and w not in memory]:
                    # "the West Papua National Liberation Army (TPNPB)", coded: whatever the initials spell
                    memory[short] = Counter([ActorMention("", 0, 0, actor.code, actor.name, actor.country,
                                                          actor.sector)])
    bare -= set(memory)
    if not bare:
        return
    kb = default_kb()
    for article_id, text in store.article_texts(by_article).items():
        if not any(f"({short})" in text for short in bare):
            continue
        for found in DEFINED_ABBREVIATION.finditer(text):
            name, short = found.group("name"), found.group("short")
            if short not in bare or short in memory:
                continue
            actor = kb.resolve(name) if name[0] == short[0] else None
            sector = actor.sector if actor is not None else _ARMED_NAME_SECTOR if \
                _ARMED_NAME.search(name) and len(short) >= 3 else None   # (initials of another language)
            if sector is None:
                continue
            same = Counter(ActorMention("", 0, 0, a.code, a.name, a.country, a.sector)
                           for a in by_article[article_id] if a.sector == sector)
            if len({a.code for a in same}) == 1:   # one such actor in the article: the abbreviation's
                memory[short] = same


def _initials(text: str) -> str | None:
    """The initials of a name of three or more capitalised words, as a later report abbreviates it ("the Union
    des Forces de la Vakaga" -> "UFV"), or None."""
    from parley.coding.mentions import name_initials

    initials = name_initials(_bare_name(text.split(",")[0]))
    return initials if len(initials) >= 3 else None


def _name_memory(events: list[Event]) -> dict[str, Counter[ActorMention]]:
    """Names and bracketed abbreviations of coded actors across the store's articles, with how often each
    was coded as which actor: a later report that writes only "the EPLM" means the actor an earlier one
    coded, and a group that one report places in the venue's country is the one the others place."""
    seen: dict[str, Counter[ActorMention]] = defaultdict(Counter)
    for event in events:
        for actor in (event.source, event.target):
            if actor is None or actor_key(actor) is None:
                continue
            resolved = ActorMention("", 0, 0, actor.code, actor.name, actor.country, actor.sector)
            abbreviation, name = _name_keys(actor.text)
            # ("the dockworkers' union SETTS": a later "SETTS" alone is that union)
            named_by = [w for w in _bare_name(actor.text).split()[1:] if w.isupper() and len(w) > 2 and w.isalpha()]
            surname = f"surname:{name.split()[-1]}" if name is not None and len(name.split()) == 2 \
                and (actor.code or "").startswith(("IGO", "NGO")) else None
            for key in (abbreviation, name, _initials(actor.text) if abbreviation is None else None,
                        _name_tail(name), *named_by, surname, _name_core(_bare_name(actor.text.split(",")[0])),
                        _body_head(name)):
                if key:
                    seen[key][resolved] += 1
    return dict(seen)


# Last words of names that name no one on their own ("the Front", "the Movement").
_GENERIC_TAILS = frozenset("""front movement army party union council alliance forces force group coalition congress
league committee government organisation organization brigade brigades militia authority federation association
assembly people""".split())


# Titles held "of" a place ("Bishop X of Deva", "the Emir of Kano"): the place is no short name of the holder.
_SEE_TITLES = frozenset({"bishop", "archbishop", "cardinal", "patriarch", "metropolitan", "mufti", "imam", "emir",
                         "sultan", "king", "queen", "prince", "governor", "mayor", "duke", "chief"})


def _name_tail(name: str | None) -> str | None:
    """The key of the last word of a name of three words or more ("Frente de Resistencia do Lurio"), under which a
    report that the parser left with that word alone ("Lurio") finds the name; None for a generic last word."""
    if name is None or len(name.split()) < 3:
        return None
    if name.split()[0].lower() in _SEE_TITLES and " of " in name:
        return None   # "Bishop Visarion of Deva": "Deva" is his see, a town, not him
    last = name.split()[-1]
    return None if last in _GENERIC_TAILS or not last.isalpha() else f"tail:{last}"


def _body_head(name: str | None) -> str | None:
    """The key of the last word of a body's name when it says what kind of body it is ("body:front" for "the
    Citizen Unity Front"), under which a later report's "the Front" finds the one such body the store names."""
    if name is None or len(name.split()) < 2 or name.split()[-1] not in BODY_NAME_HEADS:
        return None
    return f"body:{name.split()[-1]}"


# A mention of a body by the last word of its name alone, with the team it sends ("negotiators of the Front").
_BODY_BY_HEAD = re.compile(r"^(?:(?:[Nn]egotiators?|[Dd]elegations?|[Dd]elegates?|[Rr]epresentatives?|[Ee]nvoys?|"
                           r"[Tt]eam|[Ll]eaders?)\s+(?:of|from)\s+)?(?:[Tt]he\s+)?([A-Z][a-z]+)(?:['’]s)?$")


# Words of a group's name that say what kind of group it is, in English or the group's language: "the Valle Rojo
# guerrillas" and "the Frente Valle Rojo" share the core "valle rojo".
_KIND_WORDS = _GENERIC_TAILS | frozenset("""guerrillas guerrilla rebels rebel insurgents militants fighters frente
movimiento ejercito ejército fuerzas fronts""".split())


def _name_core(name: str | None) -> str | None:
    """The key of a group's name without the words that say what kind of group it is ("core:valle rojo"), when two
    capitalised words or more remain; None otherwise."""
    if name is None:
        return None
    words = [w for w in name.split() if w.lower() not in _KIND_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "core:" + " ".join(w.lower() for w in words)


def _majority(counts: Counter[ActorMention]) -> ActorMention | None:
    """The actor coded most often (by code: "Rebels" and "the Frente ..." coded MOZREB are one), None on a tie."""
    by_code: Counter[str | None] = Counter()
    for mention, n in counts.items():
        by_code[mention.code] += n
    ranked = by_code.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return max((m for m in counts if m.code == ranked[0][0]), key=lambda m: counts[m])


_TEAM_TAIL = re.compile(r"(?<=\w)\s+(?:delegation|delegates|negotiators|negotiating team|team)$")


def _recall(actor: ActorMention | None, memory: dict[str, Counter[ActorMention]]) -> ActorMention | None:
    """`actor` resolved from the memory, or None to keep it: when the coder could not tell who it is (no code,
    or a bare sector without a country) and its text holds a remembered name or abbreviation; or when the
    store's reports code the same name more often as another actor of the same sector."""
    if actor is None:
        return None
    abbreviation, name = _name_keys(actor.text)
    if actor_key(actor) is None:
        # ("the Convergence delegation": the team of the body a report named "the National Democratic Convergence")
        bare = _TEAM_TAIL.sub("", _bare_name(actor.text))
        # "the group" that the coder took for an earlier "the BRN" carries that name
        names = [bare, *([actor.name] if actor.name and actor.name != actor.code else [])]
        counts = next((memory[n.lower()] for n in names if n.lower() in memory), None) or next(
            (memory[k] for k in (name, abbreviation, _name_core(bare)) if k and k in memory), None) or next(
            (memory[word] for n in names for word in n.split() if word.isupper() and word in memory), None) or (
            memory.get(f"tail:{bare.lower()}") if bare[:1].isupper() and len(bare.split()) == 1 else None) or (
            _one_body(memory, actor.text))
        known = _majority(counts) if counts else None
    else:
        counts = memory.get(name) if name else memory.get(abbreviation) if abbreviation else None
        official = _body_official(actor, name, counts, memory)
        if official is not None:
            return replace(actor, code=official.code, name=official.name, country=official.country,
                           sector=official.sector)
        known = _majority(counts) if counts else None
        own = ActorMention("", 0, 0, actor.code, actor.name, actor.country, actor.sector)
        if known is None or known == own or known.sector != actor.sector or counts is None \
                or counts[known] <= counts[own]:
            return None
    if known is None:
        return None
    return replace(actor, code=known.code, name=known.name, country=known.country, sector=known.sector)


def _one_body(memory: dict[str, Counter[ActorMention]], text: str) -> Counter[ActorMention] | None:
    """The remembered codings of the one body whose name ends in the word `text` names it by ("the Front",
    "negotiators of the Alliance"); None when the store names no such body or several."""
    m = _BODY_BY_HEAD.match(text.strip())
    counts = memory.get(f"body:{m.group(1).lower()}") if m is not None else None
    if counts is None or len({c.code for c in counts}) != 1:
        return None
    return counts


def _body_official(actor: ActorMention, name: str | None, counts: Counter[ActorMention] | None,
                   memory: dict[str, Counter[ActorMention]]) -> ActorMention | None:
    """The international or non-governmental body a person named in another report is an official of ("Marta
    Lindqvist, a deputy director-general in the European Commission's agriculture department"), when this report
    gives the same name ("Marta Lindqvist, the Commission official", "Lindqvist") another code whose country no
    word of the mention names: the country came from the story, not from her."""
    if actor.code is None or actor.code.startswith(("IGO", "NGO")) or _names_a_country(actor.text):
        return None
    bare = _bare_name(actor.text.split(",")[0])
    if counts is None and name is None and re.fullmatch(r"[A-Z][a-z'’-]+", bare):
        counts = memory.get(f"surname:{bare.lower()}")
    bodies = Counter({m: n for m, n in (counts or {}).items() if m.code and m.code.startswith(("IGO", "NGO"))})
    if not bodies or len({m.code for m in bodies}) > 1:
        return None
    return bodies.most_common(1)[0][0]



def _names_a_country(text: str) -> bool:
    """Whether a capitalised word of `text` is a country's name or its people's ("Polish", "Kenya")."""
    from parley.actors.countries import country_code, demonym_code
    return any(country_code(w) or demonym_code(w) for w in re.findall(r"\b[A-Z][\w'’-]+", text))


def _recalled(event: Event, memory: dict[str, Counter[ActorMention]]) -> Event:
    source, target = _recall(event.source, memory), _recall(event.target, memory)
    if source is None and target is None:
        return event
    return replace(event, source=source or event.source, target=target or event.target)


# --- actors and kinds ---------------------------------------------------------------------------------


# A state's ministry, department or secretary of any sector ("the health ministry", "the labour secretary").
_MINISTRY = re.compile(r"\b(?:ministry|ministries|minister|ministers|department)\b", re.IGNORECASE)
# Sectors a state's ministries are coded with beside the state organs ("LKAHLH" for a health ministry).
_MINISTRY_SECTORS = frozenset({"HLH", "EDU", "AGR", "ENV", "MED", "BUS", "REL", "SPT"})


def actor_key(actor: ActorMention | None) -> str | None:
    """The normalised id of an actor: its country for state actors, else its code; None when unknown.

    USAGOV, USAMIL and USA -> "USA"; PSEREB (Hamas) -> "PSEREB"; IGOUNO -> "IGOUNO"; a bare sector
    ("GOV" for "the mediators", "REB") -> None, since it cannot be told apart from others.
    """
    if actor is None or not actor.code:
        return None
    code = actor.code
    if actor.country and (code == actor.country or actor.sector in STATE_SECTORS or actor.sector in
                          _MINISTRY_SECTORS and _MINISTRY.search(actor.text)):
        return actor.country   # "Sri Lanka's health ministry" (LKAHLH) is the state at the table
    if actor.country is None and len(code) <= 3:
        return None
    if actor.country and actor.sector in _PROFESSIONS and code == actor.country + actor.sector:
        return actor.country + "LAB"   # "striking teachers" at the table are their union's side (labour)
    if actor.country and code == actor.country + "INS":
        return actor.country + "REB"   # "the guerrilla front" (insurgents) and "the guerrillas" (rebels): one side
    return code


# Sectors of named groups of which one country may have several, each its own side: two gangs (MS-13 and
# Barrio 18, both SLVCRM), two guerrilla armies (the ELN and the EPL, both COLREB), two parties.
_GROUP_SECTORS = frozenset({"CRM", "REB", "INS", "SEP", "PTY", "OPP", "UAF", "PRM"})


class _Rivals:
    """Named groups that share one code and that the store's own events set face to face ("the MS13 and Barrio
    18 negotiated", "a truce between the PCC and Red Command"): for such a code, each named group is its own
    actor ("SLVCRM.MS13"), and an unnamed mention of the code ("the gang") is the one group of that code its
    article names, if it names only one. Codes without rivals keep one key (`actor_key`)."""

    def __init__(self, events: list[Event], store: Store) -> None:
        self._names: dict[str, str | None] = {}
        self.codes: set[str] = set()
        written: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))   # code: group: as written
        self._keys_seen: dict[str, Counter[str]] = defaultdict(Counter)   # a group's name: the keys its mentions got
        for event in events:
            for actor in (event.source, event.target):
                if actor is not None and actor.name and actor.country and actor.sector in _GROUP_SECTORS \
                        and (seen := actor_key(actor)):
                    self._keys_seen[actor.name][seen] += 1
            a, b = self.group(event.source), self.group(event.target)
            if a and b and a != b and event.target is not None and event.source.code == event.target.code \
                    and event.source.code:
                self.codes.add(event.source.code)
            for actor, name in ((event.source, a), (event.target, b)):
                if actor is not None and actor.code and name:
                    abbreviation = _name_keys(actor.text)[0]
                    written[actor.code][name] |= {name, _bare_name(actor.text), *([abbreviation] if abbreviation
                                                                                   else [])}
        # the groups of a rival code each article names anywhere in its text (also where no move of theirs is
        # coded: "the truce it brokered between leaders of the MS-13 and Barrio 18 gangs")
        unnamed = {event.article_id for event in events for actor in (event.source, event.target)
                   if actor is not None and actor.code in self.codes and self.group(actor) is None}
        self._in_article: dict[str, dict[str, set[str]]] = defaultdict(dict)
        self._other_groups: dict[str, set[str]] = {}
        for article_id, text in store.article_texts(sorted(unnamed)).items():
            for code in self.codes:
                self._in_article[article_id][code] = {name for name, forms in written[code].items()
                                                      if any(_says(form, text) for form in forms)}
            self._other_groups[article_id] = _groups_named(text)
        self._written = written

    def group(self, actor: ActorMention | None) -> str | None:
        """The knowledge base's name of the named group `actor` is ("ELN" for the ELN's leaders), None for an
        unnamed mention ("Criminals of Mexico", "the gang"), a person or another kind of actor."""
        if actor is None or not actor.name or not actor.country or actor.sector not in _GROUP_SECTORS:
            return None
        if actor.name not in self._names:
            from parley.actors.kb import SECTORS, default_kb
            known = default_kb().resolve(actor.name)
            generic = known is None or known.country != actor.country or known.name in SECTORS.values() \
                or any(known.name.startswith(label + " of ") for label in SECTORS.values())
            self._names[actor.name] = None if generic else known.name   # type: ignore[union-attr]
        return self._names[actor.name]

    def key(self, actor: ActorMention | None, article_id: str) -> str | None:
        key = actor_key(actor)
        if actor is None or key is None or key != actor.code or key not in self.codes:
            return key
        name = self.group(actor)
        if name is None:
            # ("the leaders of the Rastrojos drug gang", coded as a bare gang of Colombia)
            named = {n for n, forms in self._written[key].items() if any(_says(form, actor.text) for form in forms)}
            in_text = bool(named)
            named = named or self._in_article.get(article_id, {}).get(key, set())
            others = {o.split(":", 1)[1] for o in self._other_groups.get(article_id, ())
                      if o.startswith(key[:3] + ":")} - named
            if not in_text and not named and len(others) == 1:
                # "the guerrillas" in a report that names only the FARC (a party by the knowledge base's last
                # word, so no rival of the code): that group
                seen = self._keys_seen.get(next(iter(others)))
                return seen.most_common(1)[0][0] if seen else key
            if len(named) != 1 or not in_text and others:
                return key   # (not "guerrilla representatives" for the AUC, in a report that also names the FARC)
            name = next(iter(named))
        return key + "." + _slug(name)

    def pair(self, actor: ActorMention | None, article_id: str) -> tuple[str, str] | None:
        """The two groups "the two gangs" or "both factions" stand for: the two of the mention's rival code its
        article names, None otherwise."""
        if actor is None or actor.code not in self.codes or self.group(actor) is not None \
                or not _TWO_OF_THEM.search(actor.text):
            return None
        named = sorted(self._in_article.get(article_id, {}).get(actor.code, set()))
        if len(named) != 2:
            return None
        code = actor.code or ""
        return code + "." + _slug(named[0]), code + "." + _slug(named[1])


def _groups_named(text: str) -> set[str]:
    """The named groups the knowledge base knows (armed groups, gangs, parties) that `text` names, as
    "COUNTRY:name"."""
    from parley.actors.kb import SECTORS, default_kb
    kb = default_kb()
    found = set()
    for words in set(re.findall(r"\b[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*", text)):
        known = kb.resolve(words)
        if known is not None and known.name and known.country and known.sector in _GROUP_SECTORS \
                and known.name not in SECTORS.values() and known.code != known.country:
            found.add(f"{known.country}:{known.name}")
    return found


# "the two gangs", "both factions", "the two rival groups"
_TWO_OF_THEM = re.compile(r"^(?:the\s+)?(?:two|both)\b", re.IGNORECASE)


def _says(form: str | None, text: str) -> bool:
    """Whether `text` holds the name `form` as whole words."""
    return bool(form) and re.search(r"(?<!\w)" + re.escape(form or "") + r"(?!\w)", text) is not None


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "", name).upper()


# Sectors of people by their work, who bargain as labour: teachers, doctors and nurses.
_PROFESSIONS = frozenset({"EDU", "HLH"})


def _kind(event: Event) -> str | None:
    """The move kind of an event, from its CAMEO code and trigger; None for events the tracker ignores."""
    cameo, trigger = event.cameo, event.trigger.text.strip()
    if _VIOLATE.match(trigger):
        return "violation"
    if _RESPOND.match(trigger) and cameo[:2] in ("03", "04", "10", "12"):
        return "response"
    halting = _halting_kind(cameo, trigger)
    if cameo == "161" and event.object is not None and _CONTACTS.match(event.object.text):
        halting = "talks_halted"   # "broke off contacts with the government": the channel of talks, not relations
    if halting == "talks_halted" and _ROUND_ENDED.match(trigger) and event.object is not None \
            and _A_ROUND.search(event.object.text):
        return "meeting"   # "ended four days of talks", "concluded the latest round": a round, not the process
    if halting is not None:
        return halting
    if cameo == "028":
        return "mediation"   # a side's call on a go-between to mediate: no demand on the issues
    if cameo == "126":
        return None   # "Cyprus is not a party to these talks and is not mediating them": no position on an issue
    if cameo.startswith("03") and event.object is not None and _PROCEDURE.match(event.object.text):
        return "meeting_planned"   # "the two delegations agreed a schedule of daily sessions": how to talk, no deal
    if cameo.startswith("03"):
        return _intent_kind(cameo, trigger)
    if cameo == "046" and _ENDED_ABSENCE.match(trigger) and event.object is not None \
            and _ABSENCE.search(event.object.text):
        return "talks_resumed"   # "the negotiators ended a twelve-day absence from Lucerne"
    if cameo == "046" and event.rule.split("+")[-1] in _RETURNING_RULES:
        return "talks_resumed"   # "the guerrilla negotiators went back into session", "the team flew back"
    if cameo.startswith("04"):
        return _consult_kind(cameo, trigger)
    if cameo == "057":
        return "agreement_signed"
    return _ROOT_KINDS.get(cameo[:2])


# Contacts and talks broken off (CAMEO 161 names relations and ties too, which are no talks).
_CONTACTS = re.compile(r"^(?:all\s+|its\s+|their\s+)?(?:direct\s+|indirect\s+)?(?:contacts?|talks|dialogue|"
                       r"negotiations)\b", re.IGNORECASE)


# Patterns of sides coming back to talks, whatever the verb ("went back into session", "filed back in").
_RETURNING_RULES = frozenset({"consult.pick_up_talks", "consult.return_to_table", "consult.walk_back_into_talks",
                              "consult.negotiators_walk_back", "consult.negotiators_returned",
                              "consult.negotiators_return", "consult.negotiators_end_absence",
                              "consult.negotiators_take_seats", "consult.negotiators_back", "consult.back_at_table",
                              "consult.back_around_table", "consult.reconvene"})


# How the talks will run: "a schedule of daily sessions", "the agenda", "a timetable for the talks".
_PROCEDURE = re.compile(r"^(?:(?:a|an|the|their|its)\s+)?(?:[\w-]+\s+){0,2}?(?:schedule|agenda|timetable|format|"
                        r"procedure|procedures|rules of procedure|ground rules|calendar)\b(?!\s+(?:for|of)\s+"
                        r"(?:the\s+)?(?:withdrawal|release|pullback|pullout|handover|disarmament|elections?))",
                        re.IGNORECASE)
_ENDED_ABSENCE = re.compile(r"^(?:end|broke|break)", re.IGNORECASE)
_ABSENCE = re.compile(r"\b(?:absence|boycott|walkout)\b", re.IGNORECASE)


# "called for the release of 900 detainees", "pressed for a longer truce": a side's appeal at the table is a
# demand (`_may_join` takes appeals only from a process's own sides: a third party's appeal is no position)
_ROOT_KINDS = {"02": "demand", "08": "concession", "10": "demand", "12": "rejection"}


def _halting_kind(cameo: str, trigger: str) -> str | None:
    """Halts (164-166) and threats to halt (134, 135)."""
    if cameo in ("164", "166"):
        return "delegation_recalled" if _RECALL.match(trigger) else "talks_halted"
    if cameo == "165":
        return "talks_halted"
    if cameo in ("134", "135"):
        return "threat_to_halt"
    return None


def _intent_kind(cameo: str, trigger: str) -> str:
    """Intents to cooperate (03x)."""
    if cameo == "036":
        return "talks_resumed" if _RESUME.match(trigger) else "meeting_planned"
    if cameo == "039":
        return "mediation"
    if _ACCEPT.match(trigger) or cameo == "038":
        return "acceptance"
    if _PROPOSE.match(trigger) or cameo == "037":
        return "proposal"
    return "concession" if cameo.startswith("035") else "proposal"


def _consult_kind(cameo: str, trigger: str) -> str:
    """Consultations (04x)."""
    if cameo == "045":
        return "mediation"
    if cameo == "046":
        return "talks_resumed" if _RESUME.match(trigger) else "negotiation"
    if cameo == "042":
        if _SEND.match(trigger):
            return "delegation_sent"
        return "delegation_returned" if _RESUME.match(trigger) else "meeting"
    return "talks_resumed" if _RESUME.match(trigger) else "meeting"


# Non-state sides of a domestic dispute: a government's meeting or deal with them is a negotiation ("the
# government and the nurses' union sat down", "signed a wage agreement"), unlike a meeting of two states.
_DOMESTIC_SIDES = frozenset({"REB", "INS", "SEP", "OPP", "PTY", "LAB", "PRM", "UAF", "HLH", "EDU", "AGR"})


def _domestic_dispute(event: Event) -> bool:
    """Whether the event is between a state and a non-state side of the same country."""
    source, target = event.source, event.target
    if source is None or target is None or not source.country or source.country != target.country:
        return False
    def state(a: ActorMention) -> bool:
        return a.code == a.country or a.sector in STATE_SECTORS
    def side(a: ActorMention) -> bool:
        if a.sector == "PTY":
            # a party meets or deals with the state in talks only when the words say so: a campaign's conventions,
            # rallies and pledges are no talks ("the Democratic Party kicked off its convention, meeting to ...")
            told = " ".join(filter(None, (event.object.text if event.object else None, event.evidence.text)))
            return bool(_NEGOTIATION_CUE.search(told))
        return a.sector in _DOMESTIC_SIDES
    def workers(a: ActorMention) -> bool:
        return a.sector == "LAB" or a.sector in _PROFESSIONS
    # (a union and the company that employs its members bargain too: "the union and the plantation's
    # management sat down for talks")
    return state(source) and side(target) or side(source) and state(target) \
        or workers(source) and target.sector == "BUS" or source.sector == "BUS" and workers(target)


def _is_core(event: Event) -> bool:
    if event.cameo in CORE_CODES:
        return True
    if (event.cameo.startswith("04") or event.cameo == "057") and _domestic_dispute(event):
        return True
    text = " ".join(filter(None, (event.object.text if event.object else None, event.trigger.text)))
    if event.cameo.startswith("04"):
        # a meeting is a negotiation only when its object says so: "opened a new round of talks",
        # "resumed the ceasefire talks" (not "held talks" with a visiting minister)
        obj = event.object.text if event.object else ""
        return bool(_ROUND.search(obj) or _NEGOTIATION_CUE.search(obj) and (
            _RESUME.match(event.trigger.text) or _OPEN.match(event.trigger.text)))
    return bool(_NEGOTIATION_CUE.search(text))


_CONTRASTED = re.compile(r"\b(?:rather than|instead of|not|never)\s+$", re.IGNORECASE)


# Words that name no one in particular: "facilitated by people who are not transparent" names no go-between.
_NO_ONE_IN_PARTICULAR = re.compile(r"^\W*(?:the\s+|some\s+|other\s+)?(?:people|persons|individuals|someone|somebody|"
                                   r"others|those|anyone|everyone)\b", re.IGNORECASE)


def _is_mediating(ev: _Ev) -> bool:
    if ev.event.negated or ev.event.cameo.startswith(("02", "12")):
        return False   # "stressed that it was not mediating", "refused to mediate", "asked him to mediate"
    if _NO_ONE_IN_PARTICULAR.match(ev.event.source.text):
        return False
    said = ev.event.evidence.text
    before = said[:max(0, ev.event.trigger.start - ev.event.evidence.start)]
    if _CONTRASTED.search(before):
        return False   # "made clear that it is hosting rather than mediating"
    if _HOSTING.match(ev.event.trigger.text.strip()):
        return False   # "Kenya, whose government is hosting the negotiations": a host, no go-between
    return ev.event.cameo in MEDIATOR_CODES or bool(_MEDIATE.match(ev.event.trigger.text.strip()))



def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    cleaned = " ".join(text.split()).strip(" ,;:")
    return cleaned or None


# --- processes ----------------------------------------------------------------------------------------


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(slots=True, eq=False)
class _Proc:
    root: str
    edges: list[_Ev] = field(default_factory=list)
    events: list[_Ev] = field(default_factory=list)
    parties: set[str] = field(default_factory=set)
    mediators: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


def _go_betweens_by_article(events: list[_Ev]) -> dict[str, set[str]]:
    """article -> the actors that mediate in it, as news (not history: "Croatia had withdrawn from the arbitration
    in 2071" makes no go-between of a side)."""
    found: dict[str, set[str]] = defaultdict(set)
    for ev in events:
        if _is_mediating(ev) and ev.source and not ev.event.background and not _long_past(ev):
            found[ev.event.article_id].add(ev.source)
    return found


def _mediator_contexts(events: list[_Ev], go_betweens: dict[str, set[str]]) -> dict[str, set[str]]:
    """actor -> the actors that appear in the articles where it mediates (`go_betweens`, from
    `_go_betweens_by_article`), but for its fellow go-betweens there: "the Oficina de Envigado and the Urabenos are
    reported to have brokered the truce" does not keep the two from a truce of their own."""
    by_article: dict[str, set[str]] = defaultdict(set)
    # "the transport ministry and the drivers' union opened talks, with the ombudsman's office as mediator": an
    # organ of a state mediating in the state's own dispute with its union, rebels or opposition is no reason to
    # take the state for a go-between
    facing = {(ev.event.article_id, k) for ev in events if ev.core and ev.source and ev.target
              for k, other in ((ev.source, ev.target), (ev.target, ev.source))
              if len(k) == 3 and len(other) == 6 and other[:3] == k and other[3:] in _DOMESTIC_SIDES}
    # nor is a side of the talks the report tells: one another go-between mediates for ("the Commission is
    # facilitating the talks ..."), or one that acts jointly with another side ("Officials from North Macedonia
    # and Bulgaria met in Brussels"), whatever role the coder gave an official of the talks' chair
    facing |= {(ev.event.article_id, ev.target) for ev in events
               if _is_mediating(ev) and ev.source and ev.target and ev.source != ev.target
               and ev.source in go_betweens.get(ev.event.article_id, ()) and not ev.event.background}
    joint = {(ev.event.article_id, ev.event.trigger.start, ev.source, ev.target) for ev in events
             if ev.core and ev.source and ev.target and not ev.event.background
             and ev.kind in ("meeting", "negotiation", "talks_resumed", "talks_halted", "agreement_signed")}
    facing |= {(article, k) for article, at, k, other in joint if (article, at, other, k) in joint
               and other not in go_betweens.get(article, ())}
    for ev in events:
        by_article[ev.event.article_id].update(k for k in (ev.source, ev.target) if k)
    fellows = {article: {a for a in actors if (article, a) not in facing} for article, actors in go_betweens.items()}
    mediating: dict[str, set[str]] = defaultdict(set)
    for article, actors in fellows.items():
        for actor in actors:
            mediating[actor].add(article)
    return {actor: set().union(*(by_article[a] - fellows[a] for a in articles)) - {actor}
            for actor, articles in mediating.items()}


def _mediates_for(contexts: dict[str, set[str]], actor: str, other: str) -> bool:
    """Whether `actor` (or its state, for its government) mediates where `other` (or its state) takes part."""
    inside = {_as_state(k) for key in {actor, _as_state(actor)} for k in contexts.get(key, ())}
    return _as_state(other) in inside


def _as_state(key: str) -> str:
    """A government's key as its state's ("AREGOV" -> "ARE"); any other key as it is."""
    return key[:3] if len(key) == 6 and key.endswith("GOV") else key


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)


def _build_processes(events: list[_Ev], topics: TopicLexicon, *, gap_days: int,
                     apart: frozenset[str] = frozenset()) -> list[_Proc]:
    """The processes of `events`; those in `apart` (told "Separately, ..." or "In other news, ...") join the
    others of their article only by their own actors."""
    # (talks told apart whose sides are only the coder's guess from talks named before are no one's edge)
    edges = [e for e in _party_edges(events)
             if not (e.event.event_id in apart and _TALKS_AS_SIDES.match(e.event.source.text))]
    procs = _edge_processes(edges, _linked_edges(edges, gap_days, apart))
    _attach_events(events, procs, topics, gap_days=gap_days, apart=apart)
    for proc in procs.values():
        proc.events.sort(key=lambda e: e.order)
        proc.edges.sort(key=lambda e: e.order)
    return sorted(procs.values(), key=lambda p: p.edges[0].order)


def _party_edges(events: list[_Ev]) -> list[_Ev]:
    """The core events that link two actors as parties (not negated, no mediator on either side)."""
    go_betweens = _go_betweens_by_article(events)
    contexts = _mediator_contexts(events, go_betweens)
    hosting = _hosting_clauses(events)
    edges: list[_Ev] = []
    for ev in events:
        if not ev.core or ev.source is None or ev.target is None or ev.source == ev.target or ev.event.negated:
            continue
        if {ev.source, ev.target} <= go_betweens[ev.event.article_id]:
            continue  # "the US, Egypt and Qatar will meet" after "Qatar and Egypt have mediated": co-mediators
        if ev.source in go_betweens[ev.event.article_id] and ev.event.target is not None \
                and _COUNTED_SIDES.match(ev.event.target.text.strip()):
            continue  # "Kang said she would meet the two delegations": the go-between, no side
        if _counted_sides(ev):
            continue  # "the two delegations reached an arrangement": the sides of the talks the article tells of
            # (joined by `_attach_events`), not a pair of their own
        if (ev.event.article_id, ev.event.trigger.start, ev.source) in hosting:
            continue  # "Mozambique is ready to welcome the two delegations": the host, not a side
        if _mediates_for(contexts, ev.source, ev.target) or _mediates_for(contexts, ev.target, ev.source):
            continue  # one of the two mediates between the other and someone else (its government's calls to
            # Moscow, "the UAE is mediating" told before, are the go-between's: "AREGOV" is "ARE")
        if _is_mediating(ev):
            continue
        if _long_past(ev):
            continue  # "the two countries signed a treaty in 2025": history the report recalls founds no talks
        if _BARE_TALKS.match(ev.event.source.text.strip()):
            continue  # "With peace negotiations called off, ...": sides the coder guessed from other sentences
        if ev.event.cameo == "057" and ev.event.object is not None and _SIGNED_INSTRUMENT.search(ev.event.object.text) \
                and not _DEAL_NOUN.search(ev.event.object.text):
            continue  # "the contracts they signed with the debate commission", "signed the bill": no deal of talks
        if ev.event.rule.startswith("control.attempt"):
            continue  # "Bonilla, who tried twice to negotiate his surrender": an attempt, no talks
        if ev.event.modality in ("hypothetical", "conditional"):
            continue  # "the venue remains available should the two governments wish to meet": no one's side
        if _court(ev.source) or _court(ev.target):
            continue  # "refused to discuss a referral to the International Court of Justice": courts judge, no side
        edges.append(ev)
    return edges + _mediated_edges(events)


def _court(actor_id: str) -> bool:
    """Whether an actor is a court, which rules on a dispute and bargains with no one."""
    code = actor_id.split(".")[0]
    return code in _COURTS or code.endswith("JUD")   # (a state's courts are of its judiciary)


def _long_past(ev: _Ev) -> bool:
    """An act dated over a year before its report ("Roosevelt mediated the peace between Japan and Russia in
    1905", in a campaign round-up): history, whatever its tense."""
    return (_days(ev.date, ev.published) or 0) > _HISTORY_DAYS


_HISTORY_DAYS = 365
# What one signs that is no deal of talks: a contract, a licence, a bill into law.
_SIGNED_INSTRUMENT = re.compile(r"\b(?:contracts?|licen[cs]es?|leases?|loans?|petitions?|waivers?|bills?|laws?|"
                                r"executive orders?|decrees?)\b", re.IGNORECASE)


_HOSTING = re.compile(r"^(?:host|welcom|receiv)", re.IGNORECASE)
_COUNTED_SIDES = re.compile(r"^(?:the\s+)?(?:two|both)\s+(?:sides|delegations|parties|teams|camps|negotiating teams)$",
                            re.IGNORECASE)


# "negotiators returned to the table in Kunming": no side named, both meant (the coder may give them the venue's
# country)
_BARE_NEGOTIATORS = re.compile(r"^(?:the\s+)?(?:negotiators|delegates|delegations)$", re.IGNORECASE)


def _unowned_negotiators(ev: _Ev, proc: _Proc) -> bool:
    """Whether the event's source is bare "negotiators" that the coder gave someone other than a side."""
    return ev.event.source is not None and ev.source not in proc.parties \
        and bool(_BARE_NEGOTIATORS.match(ev.event.source.text.strip()))


def _counted_sides(ev: _Ev) -> bool:
    """Whether the event's sides are "the two delegations", "both sides" and the like."""
    return ev.event.source is not None and bool(_COUNTED_SIDES.match(ev.event.source.text.strip()))


def _hosting_clauses(events: list[_Ev]) -> set[tuple[str, int, str]]:
    """(article, trigger offset, source) of clauses where one actor hosts or welcomes two or more others at
    once: it receives the sides of the talks, it is not one of them."""
    targets: dict[tuple[str, int, str], set[str | None]] = defaultdict(set)
    talks = set()
    for ev in events:
        if ev.source is not None and _HOSTING.match(ev.event.trigger.text.strip()):
            # an unresolved member ("both delegations", one of them found) counts as one of the others
            key = (ev.event.article_id, ev.event.trigger.start, ev.source)
            targets[key].add(ev.target)
            offset = ev.event.trigger.start - ev.event.evidence.start
            if offset >= 0 and _HOSTS_TALKS.match(ev.event.evidence.text[offset:]):
                talks.add(key)   # "Australia is hosting a resumed round of talks": the host, whoever it names
    return {key for key, found in targets.items() if len(found) >= 2} | talks


# A host's clause whose object is the talks ("hosting a resumed round of talks", "to host the negotiations").
_HOSTS_TALKS = re.compile(r"^host\w*\s+(?:(?:a|an|the|this|these|their|its)\s+)?(?:[\w-]+\s+){0,3}?(?:round|rounds|"
                          r"talks|negotiations|dialogue|meeting|meetings|session|sessions|summit|conference|"
                          r"general assembly|assembly|congress|forum|gathering)\b",
                          re.IGNORECASE)


def _mediated_edges(events: list[_Ev]) -> list[_Ev]:
    """ "Egypt and Qatar mediated between the government and the group": the two sides a mediator acts on in
    one sentence are parties to one another, though the text has no act between them (indirect talks)."""
    sides: dict[tuple[str, int, str], list[_Ev]] = defaultdict(list)
    for ev in events:
        if ev.source is not None and ev.target is not None and not ev.event.negated and _is_mediating(ev) \
                and ev.event.carried_by is None and not _long_past(ev):
            sides[(ev.event.article_id, ev.event.sentence_index, ev.source)].append(ev)
    edges = []
    for group in sides.values():
        targets = list(dict.fromkeys(ev.target for ev in group if ev.target))
        for i, a in enumerate(targets):
            for b in targets[i + 1:]:
                edges.append(replace(group[0], source=a, target=b, core=True, virtual=True))
    return edges


def _pair(ev: _Ev) -> tuple[str, str]:
    a, b = ev.source or "", ev.target or ""  # an edge has both
    return (a, b) if a <= b else (b, a)


def _linked_edges(edges: list[_Ev], gap_days: int, apart: frozenset[str] = frozenset()) -> _Union:
    """Edges of one pair of parties belong together while no more than `gap_days` pass between them; edges
    of one article that share an actor belong together (multilateral talks). A busy actor (the United
    States) therefore does not pull all its negotiations into one."""
    union = _Union()
    by_pair: dict[tuple[str, str], list[_Ev]] = defaultdict(list)
    by_article: dict[str, list[_Ev]] = defaultdict(list)
    for ev in edges:
        union.find(ev.event.event_id)
        by_pair[_pair(ev)].append(ev)
        by_article[ev.event.article_id].append(ev)
    for pair_edges in by_pair.values():
        dated = sorted((e for e in pair_edges if e.date), key=lambda e: (e.date or "", e.order))
        for a, b in zip(dated, dated[1:], strict=False):
            if (_days(a.date, b.date) or 0) <= gap_days:
                union.union(a.event.event_id, b.event.event_id)
        anchor = dated[0] if dated else pair_edges[0]
        for e in pair_edges:
            if not e.date:
                union.union(anchor.event.event_id, e.event.event_id)
    for article_edges in by_article.values():
        for i, a in enumerate(article_edges):
            for b in article_edges[i + 1:]:
                if {a.source, a.target} & {b.source, b.target} and not (
                        {a.event.event_id, b.event.event_id} & apart and _pair(a) != _pair(b)) \
                        and not _undated_other_pairs(a, b):
                    union.union(a.event.event_id, b.event.event_id)
    return union


def _undated_other_pairs(a: _Ev, b: _Ev) -> bool:
    """Two pairs of sides an undated report names (the government's talks with the FARC and its talks with the
    ELN): with no date to tie them, one report's word is no proof that they are one set of talks (and the pairs'
    other undated reports would follow them into one)."""
    return _pair(a) != _pair(b) and not a.published and not b.published


def _edge_processes(edges: list[_Ev], union: _Union) -> dict[str, _Proc]:
    """One process per set of linked edges, keyed by its root."""
    procs: dict[str, _Proc] = {}
    for ev in edges:
        root = union.find(ev.event.event_id)
        proc = procs.setdefault(root, _Proc(root))
        proc.edges.append(ev)
        proc.parties.update(_pair(ev))
        proc.articles.add(ev.event.article_id)
        if not ev.virtual:
            proc.events.append(ev)
            ev.process = proc.root
    return procs


# Talks standing for their sides ("those talks, which resumed in Washington, were proceeding separately"): the sides
# are the coder's guess from the talks named before.
_BARE_TALKS = re.compile(r"^(?:(?:the|those|these|such|their|its)\s+)?(?:[\w-]+\s+){0,2}(?:talks|negotiations|contacts|"
                         r"discussions|dialogue)$", re.IGNORECASE)
_TALKS_AS_SIDES = re.compile(r"^(?:the|those|these|such|their|its)\s+(?:[\w-]+\s+)?(?:talks|negotiations|contacts|"
                             r"discussions)$", re.IGNORECASE)


def _attach_events(events: list[_Ev], procs: dict[str, _Proc], topics: TopicLexicon, *, gap_days: int,
                   apart: frozenset[str] = frozenset()) -> None:
    """Every other event joins a process: one of the same article that shares an actor (or any, for a core
    or mediation event), else one whose members are all its actors, within `gap_days` of its edges. An
    event with one known actor joins that way only when it is about talks or a topic."""
    by_article: dict[str, list[_Proc]] = defaultdict(list)
    by_member: dict[str, list[_Proc]] = defaultdict(list)
    for proc in procs.values():
        for article_id in proc.articles:
            by_article[article_id].append(proc)
        for actor in proc.parties:
            by_member[actor].append(proc)
    told_apart = {proc.root for proc in procs.values() if all(e.event.event_id in apart for e in proc.edges)}
    told_in: Counter[tuple[str, str]] = Counter((proc.root, e.event.article_id) for proc in procs.values()
                                                for e in (*proc.edges, *proc.events))   # what each article tells
    # two passes: a go-between's mediation told before the event that brings its article into a process (the
    # conciliator chairing the opening session, told before the union's demand) joins on the second; other acts do
    # not (the Red Cross visiting detainees, a campaign round-up's acts of a state that mediates elsewhere)
    for ev in [*events, *(e for e in events if e.kind == "mediation")]:
        if ev.process is not None:
            continue
        actors = {k for k in (ev.source, ev.target) if k}
        article_id = ev.event.article_id
        nearby = dict.fromkeys([*by_article.get(article_id, ()), *(p for a in actors for p in by_member[a])])
        if not nearby and _counted_sides(ev) and ev.event.target is None:
            # "the two delegations took up their places again in Lome", in a report naming neither side (and the
            # coder giving them the venue's country): the talks under way then
            nearby = dict.fromkeys(p for p in procs.values() if _near(p, ev, gap_days))
        # an event told apart joins only the talks of both its sides (one side alone may deal with anyone: "The
        # health ministry and the interns' association signed ... That dispute was handled separately"), and talks
        # told apart only their own sides' events
        bare_talks = _BARE_TALKS.match(ev.event.source.text.strip()) is not None   # (sides guessed elsewhere)
        candidates = [proc for proc in nearby if _may_join(ev, actors, proc, topics, gap_days)
                      and not (bare_talks and not actors & proc.parties)
                      and not (ev.event.event_id in apart and (not (actors <= proc.parties and len(actors) >= 2)
                                                               or _TALKS_AS_SIDES.match(ev.event.source.text)))
                      and not (ev.event.event_id not in apart and proc.root in told_apart
                               and not (len(actors) == 2 and actors <= proc.parties))]
        if not candidates:
            continue
        # a process of its own sides before another told in the same article ("Myanmar recalled its delegation
        # from the Kunming talks" beside a paragraph on Thai talks in Kuala Lumpur)
        # and of two that share as much with it, one already under way by its date, then the nearest in time (a
        # hostage story's later reports, not a power-line deal one of its sides signed the week after)
        # (of two told in the same article, the one the article tells more of: a go-between who "again
        # presided over the sessions" mediates the story's talks, not those of a paragraph on other talks)
        proc = max(candidates, key=lambda p: (bool(actors & p.parties),
                                              not ev.date and len(actors) > 1 and actors <= p.parties,
                                              article_id in p.articles,
                                              len(actors & p.parties), told_in[(p.root, article_id)], _begun_by(p, ev),
                                              -_distance(p, ev), max(e.seq for e in (p.events or p.edges)), p.root))
        ev.process = proc.root
        told_in[(proc.root, article_id)] += 1
        if (_counted_sides(ev) or _unowned_negotiators(ev, proc)) and ev.source and proc.edges \
                and (ev.event.target is None or ev.target is not None and ev.event.target.text == ev.event.source.text):
            # "the two delegations" whose words the coder could not pin on the process's sides (or gave the
            # venue's country alone): those sides (not "both sides invited the bishop")
            first = proc.edges[0]
            if first.source and first.target and {ev.source, ev.target} != {first.source, first.target}:
                ev.source, ev.target = (first.source, first.target) if ev.target is None or ev.source < ev.target \
                    else (first.target, first.source)
        proc.events.append(ev)
        if article_id not in proc.articles:
            proc.articles.add(article_id)
            by_article[article_id].append(proc)
        if _is_mediating(ev) and ev.source and ev.source not in proc.parties and ev.source not in proc.mediators:
            proc.mediators.add(ev.source)
            by_member[ev.source].append(proc)


def _may_join(ev: _Ev, actors: set[str], proc: _Proc, topics: TopicLexicon, gap_days: int) -> bool:
    if ev.event.cameo.startswith("02") and (ev.source not in proc.parties or ev.event.cameo[:3] in _PROCESS_APPEALS
                                            and not (ev.event.cameo == "028" and ev.target not in proc.parties)):
        return False   # appeals count as demands of the sides only, and appeals for talks or mediation as none,
        # but a side's call on someone else to mediate ("both sides invited the bishop to chair") names a go-between
    members = proc.parties | proc.mediators
    if actors and not actors & proc.parties and actors <= proc.mediators and ev.kind in _SIDES_OWN_KINDS \
            and not _counted_sides(ev) and not _unowned_negotiators(ev, proc):
        return False   # a go-between's own deals, concessions and refusals with no side of the talks are its own
        # business ("the United States" conceding an election, in a round-up that says it brokered the deals); not
        # "the two delegations" the coder gave the go-between's country, who are the sides
    if _counted_sides(ev) and ev.event.target is None and ev.event.article_id not in proc.articles:
        return _about_talks(ev, topics) and _near(proc, ev, gap_days)
    if ev.event.article_id in proc.articles:
        # (not the core act of others the article tells of in passing: "Zambia concluded a round of debt talks")
        return bool(actors & members) or ev.core and (_counted_sides(ev) or not _known_outsiders(
            actors, proc.parties, members)) or _is_mediating(ev)
    if ev.event.cameo in _CODE_TOPICS and ev.target not in members:
        # "seven road workers held by the group were freed": the captives freed are no side of the talks
        actors = actors - {ev.target}
        return bool(actors) and actors <= members and _near(proc, ev, gap_days)
    return actors <= members and _near(proc, ev, gap_days) and (len(actors) == 2 or _about_talks(ev, topics))


_PROCESS_APPEALS = frozenset({"026", "027", "028"})   # appeals to meet, to settle, to accept mediation
# Moves only a side of the talks makes in them: a go-between's such acts on no side are no move of the talks.
_SIDES_OWN_KINDS = frozenset({"concession", "rejection", "agreement_signed", "acceptance", "demand"})


def _known_outsiders(actors: set[str], parties: set[str], members: set[str]) -> bool:
    """Whether an event's actors are all states or bodies apart from a process's members (by the parties'
    countries too: a mediating state's gas company signing a deal of its own is no side)."""
    countries = {m[:3] for m in parties}
    return bool(actors) and all(a not in members and a[:3] not in countries and a[:3].isupper() and len(a) in (3, 6)
                                for a in actors)


def _about_talks(ev: _Ev, topics: TopicLexicon) -> bool:
    """An event whose object names a topic or talks, or a resumption, halt or signing ("talks between the
    government and the TUC resumed" with the union unknown to this article)."""
    if ev.kind in ("talks_resumed", "talks_halted", "agreement_signed", "delegation_recalled", "delegation_returned",
                   "negotiation", "threat_to_halt"):
        return True   # a signing ends talks, whatever the text calls what was signed ("signed a revised Annex C")
    if ev.kind == "meeting" and _counted_sides(ev):
        return True   # "the two delegations gathered again in Lome": the sides of talks
    obj = ev.event.object.text if ev.event.object else ""
    return bool(obj) and (topics.topic_of(obj) is not None or bool(_NEGOTIATION_CUE.search(obj)))


def _begun_by(proc: _Proc, ev: _Ev) -> bool:
    """Whether `proc`'s first dated edge is no later than `ev` (True when either has no date)."""
    dates = [e.date for e in proc.edges if e.date]
    return not (ev.date and dates and ev.date < min(dates))


def _distance(proc: _Proc, ev: _Ev) -> int:
    """Days from `ev` to the nearest dated edge of `proc` (0 when either has no date)."""
    days = [_days(ev.date, e.date) for e in proc.edges if e.date] if ev.date else []
    return min((d for d in days if d is not None), default=0)


def _near(proc: _Proc, ev: _Ev, gap_days: int) -> bool:
    """Whether `ev` falls within `gap_days` of the process's dated edges (never, when either has no date)."""
    if not ev.date:
        return False
    dates = [e.date for e in proc.edges if e.date]
    if not dates:
        return False
    lo, hi = min(dates), max(dates)
    return (_days(ev.date, lo) or 0) <= gap_days if ev.date < lo else (
        (_days(ev.date, hi) or 0) <= gap_days if ev.date > hi else True)


# --- moves --------------------------------------------------------------------------------------------


def _merge_moves(events: list[_Ev], topics: TopicLexicon) -> list[list[_Ev]]:
    """Group the events of one process into acts: one trigger (all addressees), headline and lead, one cluster."""
    union = _Union()
    for ev in events:
        union.find(ev.event.event_id)
    by_trigger: dict[tuple[str, int, int, int], str] = {}
    by_cluster: dict[str, str] = {}
    for ev in events:
        obj_start = ev.event.object.start if ev.event.object else -1
        key = (ev.event.article_id, ev.event.sentence_index, ev.event.trigger.start, obj_start)
        if key in by_trigger:
            union.union(by_trigger[key], ev.event.event_id)
        else:
            by_trigger[key] = ev.event.event_id
        if ev.cluster_id:
            if ev.cluster_id in by_cluster:
                union.union(by_cluster[ev.cluster_id], ev.event.event_id)
            else:
                by_cluster[ev.cluster_id] = ev.event.event_id
    # The same act told twice in one article (headline and lead): same code, same source, same topic.
    seen: dict[tuple[str, str, str | None, str], list[_Ev]] = defaultdict(list)
    for ev in events:
        obj = _clean(ev.event.object.text) if ev.event.object else None
        topic = topics.topic_of(obj) if obj else None
        told = (ev.event.article_id, ev.event.cameo, ev.source, topic or "")
        for other in seen[told]:
            if other.event.sentence_index != ev.event.sentence_index and (
                    other.target is None or ev.target is None or other.target == ev.target) \
                    and not _told_apart_in_time(other, ev) and other.event.background == ev.event.background:
                # (not an act the article retells as history beside its news: "had left the talks once already,
                # on Feb. 14" and "ended in failure late on Saturday")
                union.union(other.event.event_id, ev.event.event_id)
                break
        seen[told].append(ev)
    # An act a later article retells as background ("a week after talks resumed") and the report of it, by
    # kind, day and actor.
    reported: dict[tuple[str, str | None, str | None], _Ev] = {
        (ev.kind, ev.date, ev.source): ev for ev in events if not ev.event.background and ev.date}
    for ev in events:
        first = reported.get((ev.kind, ev.date, ev.source)) if ev.event.background else None
        if first is not None and first.event.article_id != ev.event.article_id:
            union.union(first.event.event_id, ev.event.event_id)
    groups: dict[str, list[_Ev]] = defaultdict(list)
    for ev in events:
        groups[union.find(ev.event.event_id)].append(ev)
    return list(groups.values())


def _told_apart_in_time(a: _Ev, b: _Ev) -> bool:
    """Whether two tellings of one kind of act in an article are two acts by their dates: each dated by its own
    words, on different days or months ("the talks broke down last month" and "since India called its
    negotiators home on Feb. 22")."""
    if a.event.date_basis not in _OWN_DATE or b.event.date_basis not in _OWN_DATE or not a.date or not b.date:
        return False
    both_days = a.event.date_precision == "day" and b.event.date_precision == "day"
    return a.date != b.date if both_days else a.date[:7] != b.date[:7]


_OWN_DATE = frozenset({"text", "sentence"})


#: Dates from the text first: the event's own clause or sentence, another telling of it, the narrative.
_BASIS_RANK = {"text": 0, "sentence": 0, "same_act": 1, "occasion": 1, "paragraph": 2, "lead": 2, "title": 3}


def _primary(group: list[_Ev]) -> _Ev:
    """The report a move is shown by: one that names its sides (not "The deal was signed", where the deal stands
    for both: `_stand_in`, when another report of the same day names them), a date from the text, news before a
    retelling, a target, an object, then the earliest."""
    named_days = {e.event.date for e in group if not _stand_in(e.event)}
    return min(group, key=lambda e: (_stand_in(e.event) and e.event.date in named_days,
                                     _BASIS_RANK.get(e.event.date_basis, len(_BASIS_RANK)),
                                     e.event.background,
                                     e.event.target is None or e.target is None, e.event.object is None, e.order))


def _stand_in(event: Event) -> bool:
    """Whether one phrase stands for both sides of a deal ("The deal was signed in the early hours"): a report of
    the deal that names its sides and what it is about shows it better."""
    return event.cameo == "057" and event.target is not None and event.target.start == event.source.start


def _attribution(event: Event) -> Attributed:
    a = event.attribution
    return Attributed(a.speaker.text if a.speaker else None, tuple(a.reported_by), a.hedged, a.quoted)


def _own_place(event: Event) -> Location | None:
    """The event's place when its own clause or sentence names it: a venue, not the dateline, the article's
    dominant place or an actor's country (`Location.basis`)."""
    location = event.location
    if location is None or location.basis not in (None, "clause", "sentence"):
        return None
    return location


_DEFINITE_NOUN = re.compile(r"\bthe\s+([a-z]{4,})\b")


# Words too common in statements of talks to tie one statement to another.
_COMMON_WORDS = frozenset("""about after again against also before being between both each every from further
have into more most must only other over same some such than that their them then there these they this those
through under until very what when where which while will with would within without release demand demands offer
offers proposal talks deal agreement side sides government governments country countries first second last next
week weeks month months days year years percent number""".split())


def _content_words(text: str) -> set[str]:
    """The words of a statement that say what it is about: nouns of four letters or more and numbers above one,
    lower case, without the words every statement of talks uses."""
    words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]{3,}", text)} - _COMMON_WORDS
    numbers = {n for n in re.findall(r"\b\d+\b", text) if int(n) > 1}
    return {w.rstrip("s") for w in words} | numbers


# A statement about the talks themselves: a round, a session, an invitation to them.
_TALKS_ITSELF = re.compile(r"^(?:(?:a|an|the|their|its|any|further|another|new|next|fresh|second|third|fourth|"
                           r"final|last)\s+)*(?:round|rounds|session|sessions|talks|negotiations|meeting|meetings|"
                           r"invitation|invitations)\b(?!\s+(?:on|over|about)\b)", re.IGNORECASE)


def _topics_by_shared_words(tracked: list[_Tracked], topics: TopicLexicon) -> None:
    """A statement no topic names takes the topic of the latest earlier statement of the process that shares
    one of its words: "freed nine of the 16 detained fishermen" after "the release of all 16 fishermen"
    (prisoners); a bare "the proposal" or "the demand" is left to `_referents`. So does one named by a weak word
    only, from a statement that names its topic outright: "the removal of all 34 bans" beside "lifting its import
    ban" is about trade, not sanctions."""
    filed: list[tuple[set[str], str, bool]] = []   # words, topic, named outright
    loose: set[str] = set()   # moves no topic names outright: open to their neighbours' topics
    for item in tracked:
        move = item.move
        if not move.object or move.kind not in STANCE_OF:
            continue
        words = _content_words(move.object)
        outright = move.topic is not None and topics.strongly_named(move.object)
        if move.topic is None and _TALKS_ITSELF.match(move.object):
            continue   # "rejects a second round that had been due to open in Geneva": the talks, no issue
        if not outright and not _REF_PROPOSAL.search(move.object) and not _REF_DEMAND.search(move.object):
            loose.add(move.id)
            topic = _shared_topic(reversed(filed), words, move.topic)
            if topic is not None:
                item.move = move = replace(move, topic=topic)
        if move.topic is not None:
            filed.append((words, move.topic, outright))
    for item in tracked:   # ... else of the earliest later one ("reinstate 14 of those inspectors", then "to let
        move = item.move   # seven UN nuclear inspectors return")
        if move.id in loose and move.object:
            topic = _shared_topic(filed, _content_words(move.object), move.topic, other=True)
            if topic is not None:
                item.move = replace(move, topic=topic)


def _shared_topic(filed: Iterable[tuple[set[str], str, bool]], words: set[str], current: str | None, *,
                  other: bool = False) -> str | None:
    """The topic of the first filed statement sharing one of `words`; for a statement already filed under a topic,
    only one a statement names outright (`other`: and not that topic)."""
    return next((topic for seen, topic, outright in filed if seen & words
                 and (current is None or outright and not (other and topic == current))), None)


def _topic_by_fuller_name(obj: str, texts: list[str], topics: TopicLexicon) -> str | None:
    """The topic of a statement that names its matter by a short definite noun that its article, else
    another report of the process, names in full ("parity on the commission" after "the electoral
    commission": governance), or None."""
    for noun in _DEFINITE_NOUN.findall(obj):
        for text in texts:
            for fuller in re.finditer(rf"\b([A-Za-z]+)\s+{re.escape(noun)}\b", text):
                if fuller.group(1).lower() in ("the", "a", "an", "this", "that", "its", "their", "his", "her"):
                    continue
                topic = topics.topic_of(fuller.group(0))
                if topic is not None:
                    return topic
    return None


# Codes whose act is about one issue whatever its object says: releasing people (prisoners and hostages).
_CODE_TOPICS = {"0841": "prisoners", "0353": "prisoners", "1053": "prisoners"}


def _topic_by_code(cameo: str, obj: str | None, topics: TopicLexicon) -> str | None:
    """ "demanded 40 of its fighters freed", "offered to release four of them": the release of people is about
    prisoners, when the object names people (a number or a plural) and no topic of its own."""
    topic = _CODE_TOPICS.get(cameo)
    if topic is None or topic not in topics or not obj or not re.search(r"\d|\b(?:them|those|all|both)\b|s\b", obj):
        return None
    return topic


def _make_move(group: list[_Ev], names: dict[str, str], topics: TopicLexicon) -> Move:
    group = sorted(group, key=lambda e: e.order)
    main = _primary(group)
    event = main.event
    sources = _unique(e.source for e in group if e.source)
    targets = [k for k in _unique(e.target for e in group if e.target) if k not in sources]
    obj = _removal(event.trigger.text, _clean(event.object.text) if event.object else None)
    if obj is None and main.content and main.kind in ("demand", "proposal", "counter_proposal", "rejection",
                                                      "concession", "acceptance"):
        obj = main.content   # "demanded that Tajikistan withdraw its border guards": the withdrawal of the guards
    kind = main.kind
    if kind in ("concession", "acceptance") and len(sources) >= 2 and any(
            e.kind == "agreement_signed" and not e.event.background and e.event.modality is None
            and not e.event.negated for e in group):
        # "Bolivia agreed on Monday to lift its ban ...", told with "The partial deal was signed ... by" both
        # ministers: one side's yes and the signing of the two are one deal
        kind = "agreement_signed"
    scaled = _SCALED_DEMAND.match(obj) if obj and kind == "concession" else None
    if scaled is not None and obj:
        # "scaled back their call for army withdrawals from five bases to three": a demand that moved, not given up
        kind, obj = "demand", obj[scaled.end():]
    location = _own_place(event)
    place = location.name if location else None
    country = location.country if location else None
    return Move(
        id="m" + hashlib.sha1(group[0].event.event_id.encode("utf-8")).hexdigest()[:10],
        date=main.date,
        kind=kind,
        sources=tuple(ActorRef(k, names[k]) for k in sources),
        targets=tuple(ActorRef(k, names[k]) for k in targets),
        cameo=event.cameo,
        trigger=event.trigger.text,
        evidence=" ".join(event.evidence.text.split()),
        object=obj,
        topic=(topics.topic_of(obj) if obj else None) or next(
            (t for e in group if (t := _topic_by_code(e.event.cameo, obj, topics))), None),
        quantities=topics.quantities(obj) if obj else (),
        place=place,
        place_country=country,
        modality=event.modality,
        negated=event.negated,
        # (a deal told as news in one report and retold with its date, the same day, in a later one is news)
        background=event.background and not any(not e.event.background and e.event.date == event.date
                                                 for e in group),
        attribution=_attribution(event),
        article_id=event.article_id,
        event_ids=tuple(e.event.event_id for e in group),
    )


# Verbs that undo what their object names: a demand "that the sanctions be lifted" is a demand for their
# lifting, not for the sanctions (the form before the object, by the verb's stem).
_REMOVALS = (("lift", "lifting of"), ("eas", "easing of"), ("end", "an end to"), ("remov", "removal of"),
             ("withdr", "withdrawal of"), ("pull", "withdrawal of"), ("halt", "a halt to"), ("stop", "a halt to"),
             ("suspend", "suspension of"),
             ("cancel", "cancellation of"), ("scrap", "scrapping of"), ("drop", "dropping of"),
             ("abolish", "abolition of"), ("dismantl", "dismantling of"), ("unfreez", "unfreezing of"))
_REMOVAL_NOUNS = re.compile(r"^(?:the\s+)?(?:lifting|easing|end|removal|withdrawal|halt|suspension|cancell?ation|"
                            r"scrapping|dropping|abolition|dismantling|unfreezing)\b", re.IGNORECASE)


_SCALED_DEMAND = re.compile(r"^(?:their|its|his|her|the)\s+(?:[\w-]+\s+)?(?:calls?|demands?|claims?|requests?)\s+"
                            r"(?:for|that|on)\s+", re.IGNORECASE)


def _removal(trigger: str, obj: str | None) -> str | None:
    """`obj` as what is to be undone when the trigger undoes it ("lifted" + "all oil sanctions" ->
    "lifting of all oil sanctions"); `obj` itself otherwise."""
    if not obj or _REMOVAL_NOUNS.match(obj):
        return obj
    word = trigger.strip().lower()
    for stem, phrase in _REMOVALS:
        if word.startswith(stem) and (stem != "end" or word in ("end", "ends", "ended", "ending")):
            return f"{phrase} {obj}"
    return obj


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --- positions ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tracked:
    """A move with its events, place in time, and the actors behind it."""

    move: Move
    events: list[_Ev]
    sort_key: tuple[str, int, int]
    actors: list[str]
    final: bool = False   # a deal its sentence calls final: an agreement, whatever it leaves open
    opened: str | None = None   # the day its report says the talks it tells began (`_told_start`)


def _positions(tracked: list[_Tracked], names: dict[str, str], topics: TopicLexicon,
               texts: dict[str, str] | None = None) -> list[Position]:
    positions: list[Position] = []
    by_move: dict[str, list[Position]] = {}
    for i, item in enumerate(tracked):
        move = item.move
        stance = STANCE_OF.get(move.kind)
        if stance is None or move.negated or move.object is None:
            continue
        actors = item.actors if move.kind == "agreement_signed" else [a.id for a in move.sources]
        statements = _statements(item, stance, tracked[:i], by_move, topics, texts)
        made = []
        for actor in actors:
            for topic_id, text, via, quantities in statements:
                made.append(Position(ActorRef(actor, names[actor]), topic_id, stance, text, quantities, move.date,
                                     move.id, via=via, attribution=move.attribution))
        # Rejecting "the U.S. ceasefire offer" says the United States offered a ceasefire; rejecting "the
        # group's demand for a transitional administration" says the group demands one.
        implied = "offer" if _REF_PROPOSAL.search(move.object) else "demand" if _OWNED_DEMAND.search(
            move.object) else None
        if stance == "reject" and implied is not None:
            for target in move.targets:
                if target.id not in actors:
                    for topic_id, text, via, quantities in statements:
                        if via is None:
                            if implied == "demand":   # "the group's demand for X": the group demands X
                                text = _OWNED_DEMAND_PREFIX.sub("", text, count=1) or text
                            made.append(Position(target, topic_id, implied, text, quantities, move.date, move.id,
                                                 implied=True, attribution=move.attribution))
        by_move[move.id] = made
        positions.extend(made)
    return positions


_Statement = tuple[str, str, str | None, tuple[Any, ...]]   # topic, text, what it refers to, quantities


def _statements(item: _Tracked, stance: str, before: list[_Tracked], by_move: dict[str, list[Position]],
                topics: TopicLexicon, texts: dict[str, str] | None) -> list[_Statement]:
    """What a move states, as (topic, text, what it refers to, quantities): a deal settles every issue it names; a
    demand, offer or refusal is filed under its topic, and each further thing its events name under its own; a
    statement that names no issue under the issue of what it refers to ("rejected it"), else under no issue."""
    move = item.move
    assert move.object is not None
    statements: list[_Statement] = []
    named = tuple(dict.fromkeys(topics.topics_of(kept := _LEFT_OUT.sub("", move.object))
                                + topics.weakly_named(kept))) if stance == "agree" \
        else tuple(filter(None, [move.topic]))
    if move.kind == "agreement_signed":
        # (and what the rest of its sentence says it settles: "... under which Turkey will release 450 cubic
        # metres a second, and Syria will lift the surcharge")
        named = tuple(dict.fromkeys(named + _deal_sentence_topics(item, texts, topics)))
    if named:
        statements.extend((topic, move.object, None, move.quantities) for topic in named)
        if stance != "agree":
            # "kept their demands for the withdrawal of six battalions and the release of 58 prisoners"
            statements.extend(_further_objects(item, named, topics))
        return statements
    further = _further_objects(item, (), topics) if stance != "agree" else []
    if further:
        return further   # "set out its demands: the release of 118 fighters ... and the withdrawal of the army"
    for ref in _referents(before, item, by_move):
        statements.append((ref.topic, move.object, ref.text, ref.quantities))
    return statements or [(OTHER_TOPIC, move.object, None, move.quantities)]


def _further_objects(item: _Tracked, named: tuple[str, ...], topics: TopicLexicon) -> list[_Statement]:
    """The other things a move's events name, each under an issue the move's own topic does not cover."""
    found: list[_Statement] = []
    seen = set(named)
    for ev in item.events:
        text = ev.event.object.text if ev.event.object else None
        topic = topics.topic_of(text) if text else None
        if text and topic and topic not in seen:
            seen.add(topic)
            found.append((topic, text, None, topics.quantities(text)))
    return found


def _deal_sentence_topics(item: _Tracked, texts: dict[str, str] | None, topics: TopicLexicon) -> tuple[str, ...]:
    """The issues a deal's own sentence says it settles, without what it leaves out ("signed an agreement on
    Monday raising the minimum wage by 22 percent"); none when the article's text is not at hand."""
    if not texts or item.move.article_id not in texts:
        return ()
    return topics.topics_of(_LEFT_OUT.sub("", _sentences_of(item, texts)[0]))


# A side's own demand named by a possessive pronoun ("dropped its demand", "their own call").
_OWN_DEMAND = re.compile(r"\b(?:its|their|his|her|our)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:demands?|requests?|calls?|"
                         r"conditions?|insistence)\b", re.IGNORECASE)


def _referents(before: list[_Tracked], item: _Tracked, by_move: dict[str, list[Position]]) -> list[Position]:
    """The statements a bare "the proposal" or "the demand" points back to: the latest package by others."""
    move = item.move
    text = move.object or ""
    if _REF_DEMAND.search(text):
        wanted = {"demand"}
    elif _REF_PROPOSAL.search(text):
        wanted = {"offer"}
    elif _BARE_REFERENCE.match(text) and move.kind in ("rejection", "acceptance"):
        wanted = {"demand", "offer"}   # "rejected that outright": the other side's latest demand or offer
    else:
        return []
    mine = {a.id for a in move.sources}
    if wanted == {"demand"} and _OWN_DEMAND.search(text):
        # "dropping of its demand": the side's own demand, not the other's
        own = [p for earlier in reversed(before) for p in by_move.get(earlier.move.id, ())
               if p.stance == "demand" and p.actor.id in mine and p.topic != OTHER_TOPIC and not p.implied]
        return own[:1]
    latest: _Tracked | None = None
    for earlier in reversed(before):
        made = [p for p in by_move.get(earlier.move.id, ()) if p.stance in wanted and p.actor.id not in mine
                and p.topic != OTHER_TOPIC and not p.implied]
        if made:
            latest = earlier
            break
    if latest is None:
        return []
    if wanted == {"demand", "offer"}:   # a bare "that": the one statement before, not its whole package
        return [p for p in by_move.get(latest.move.id, ()) if p.stance in wanted and p.actor.id not in mine
                and p.topic != OTHER_TOPIC and not p.implied]
    package: dict[str, Position] = {}
    for earlier in before:
        if earlier.move.article_id != latest.move.article_id:
            continue
        for p in by_move.get(earlier.move.id, ()):
            if p.stance in wanted and p.actor.id not in mine and p.topic != OTHER_TOPIC and not p.implied:
                current = package.get(p.topic)
                if current is None or (p.quantities and not current.quantities) or (
                        bool(p.quantities) == bool(current.quantities)):
                    package[p.topic] = p
    return list(package.values())


# --- state and gaps -----------------------------------------------------------------------------------


# What an agreement leaves open: "agreed on X but left the question of Y open", "..., but they remained
# divided over Y", "while Y was left for later talks", "but Y remains unresolved".
# "leaving the fight over job cuts to be resolved later"
_LATER = (r"to be (?:resolved|settled|decided|negotiated|discussed|agreed|addressed|tackled|dealt with|worked out)\s+"
          r"(?:later|at a later (?:date|stage)|in (?:later|future|further) (?:talks|negotiations|rounds?))")
_LEFT_OPEN = re.compile(
    r"(?:\b(?:but|while|though|although|yet|whereas)\b|,(?=\s*(?:and\s+)?leaving\b))"
    r"(?P<rest>[^.;]*?\b(?:(?:put|putting|puts) off\b[^.;]*|"
    # "but pushes the thorniest questions, the army's forward posts and the rebels' weapons, to a later round"
    r"(?:push|pushes|pushed|pushing|defers?|deferred|deferring|postpones?|postponed|postponing)\b[^.;]*?"
    r"\b(?:to|until|for) (?:a |the )?(?:later|further|second|new|future|next) (?:date|round|stage|session|phase|"
    r"talks|negotiations)[^.;]*|"
    r"(?:left|leaving|leaves?)\b[^.;]*\bout of (?:the|this|that|its|their) (?:deal|agreement|accord|exchange|"
    r"arrangement|first phase)\b[^.;]*|"
    # "but they left the central question of who owns the village to a joint boundary commission"
    r"(?:left|leaving|leaves?|hand(?:s|ed|ing)?|referr(?:ed|ing)|refers?)\b[^.;]*?\bto (?:a |an |the )?"
    r"(?:[\w-]+\s+){0,3}?(?:commission|committee|panel|tribunal|arbitration|arbitrators?|court)\b[^.;]*|"
    r"(?:left|leaving|leaves?)\b[^.;]*\b(?:open|"
    r"unresolved|undecided|unsettled|unanswered|undetermined|in abeyance|"
    r"(?:for|to) (?:later|future|further) (?:talks|negotiations|discussion|rounds?)|"
    r"(?:for|until) later\b|"   # "left the question of sovereignty ... for later"
    r"for another (?:day|time|round)|"
    r"(?:for|to) a (?:later|further|second|new|future) (?:date|round|stage|session|phase)|" + _LATER + r")|"
    r"remains? "
    r"(?:open|unresolved|undecided|outstanding|disputed|in dispute|contested|unsettled|divided|at odds|apart|split|"
    r"unsigned|pending|on hold)|"
    r"remained (?:open|unresolved|unsigned|"
    r"undecided|outstanding|disputed|in dispute|contested|unsettled|divided|at odds|apart|split|deadlocked)|"
    r"(?:are|were|was|is) still (?:divided|at odds|apart)|still at odds|"
    r"(?:was|were|is|are) (?:left )?(?:unresolved|undecided|deferred|postponed|put off|shelved|set aside)|"
    r"failed to (?:agree|resolve|settle)|(?:did|could) not (?:agree|resolve|settle)|no agreement (?:on|over)|"
    r"yet to (?:agree|be agreed|be resolved|resolve)|differences (?:remain|remained|persist)\w*)[^.;]*)",
    re.IGNORECASE)


# What a deal says nothing of: "though the deal is silent on the disputed frontier", "makes no mention of the
# border". A deal on what it settles, not a partial one; but a demand on what it is silent on stays open.
_SILENT_ON = re.compile(r"\b(?:is|was|remains|remained|stays) silent (?:on|about)\b(?P<rest>[^.;]*)|"
                        r"\bmakes? no (?:mention|reference) (?:of|to)\b(?P<rest2>[^.;]*)", re.IGNORECASE)


def _still_contested(rest: str, positions: list[Position], topics: TopicLexicon) -> bool:
    """Whether the latest position on the topic of `rest` is a demand or a refusal (what a deal is silent on is
    open only if a side still wants it: not after "dropped their call for relief from oil sanctions")."""
    topic = topics.topic_of(rest)
    on_it = sorted((p for p in positions if p.topic == topic), key=lambda p: p.date or "")
    return topic is not None and bool(on_it) and on_it[-1].stance in ("demand", "reject")


def _silent_on(tracked: list[_Tracked], texts: dict[str, str]) -> dict[str, str]:
    """Deal move id -> what the deal's sentence, or the next, says it is silent on."""
    found = {}
    for item in tracked:
        if item.move.kind != "agreement_signed" or item.move.background or item.move.article_id not in texts:
            continue
        sentence, _ = _sentences_of(item, texts)
        for said in [sentence, *_later_sentences(item, texts)[:1]]:
            hit = _SILENT_ON.search(said)
            if hit is not None:
                found[item.move.id] = (hit.group("rest") or hit.group("rest2") or "").strip()
                break
    return found


# ... or the deal's own relative clause: "an interim protocol that explicitly leaves the removal of the stockpile
# for later talks"
_LEFT_OPEN_THAT = re.compile(
    r"\b(?:that|which)\s+(?:explicitly\s+|also\s+|expressly\s+)?(?P<rest>(?:leaves|left)\s+[^.;]*?\b(?:open|"
    r"unresolved|undecided|unsettled|aside|for (?:later|future|further|a later|a second|another) "
    r"(?:talks|negotiations|round|stage|phase|date)|(?:for|until) later|" + _LATER + r")\b|"
    # "a first phase that pushes the fate of detainees into later rounds"
    r"(?:pushes|pushed|defers|deferred|postpones|postponed|puts off|put off)\s+[^.;]*?\b(?:to|into|until|for) "
    r"(?:a |the )?(?:later|further|second|future|next|subsequent) (?:rounds?|stages?|phases?|talks|negotiations|"
    r"sessions?|date)\b)", re.IGNORECASE)


# The sentence after a deal, saying what it left open.
_LEFT_OPEN_AFTER = re.compile(
    r"^(?P<rest>[^.;]*?\b(?:was|were|is|are|remains?|remained|has been|have been)\s+(?:still\s+|also\s+)?"
    r"(?:left\s+)?"
    r"(?:open|unresolved|undecided|outstanding|for (?:later|future|further|a later) (?:talks|negotiations|"
    r"discussions?|rounds?|stage)|for another (?:day|time|round)|deferred|postponed|shelved|put off)\b[^.;]*)",
    re.IGNORECASE)
# A later sentence of the deal's article whose subject is the deal and which says what it leaves out: "The
# accord, however, leaves unresolved X", "It leaves X for later negotiations", "The agreement does not settle
# X", "The deal is silent on X"; and "X will remain the subject of further talks".
_DEAL_SUBJECT = (r"^(?:(?:but|however|yet),?\s+)?(?:(?:the|this|that|their|its|the new)\s+(?:[\w-]+\s+){0,2}?"
                 r"(?:deal|accord|agreement|arrangement|pact|settlement|text|memorandum|compromise|document|phase|"
                 r"protocol|understanding)\b"
                 r"(?:\s*,[^.;]{1,120}?,)?|it)\s+(?:(?:however|also|explicitly|expressly|still),?\s+)?")
_UNSETTLED = r"(?:unresolved|open|unsettled|undecided|unaddressed|unanswered|aside|untouched)"
_DEAL_LEAVES_OUT = re.compile(
    _DEAL_SUBJECT + r"(?:(?:leaves|left)\s+" + _UNSETTLED + r"\s+(?P<rest>[^.;]+)|"
    r"(?:leaves|left)\s+(?P<rest2>[^.;]+?)\s+(?:" + _UNSETTLED + r"\b|(?:for|to) (?:later|future|further|a later|"
    r"another|a future|a new|a second|a third|the next|a further)\b)|"
    r"(?:leaves|left)\s+(?P<rest12>[^.;]+?)\s+behind\b|"   # "The deal leaves 23 Sri Lankans behind."
    r"(?:does|did) not (?:settle|address|resolve|cover|deal with|include|touch on|mention)\s+(?P<rest3>[^.;]+)|"
    r"(?:sets|set|puts|put|pushes|pushed)\s+aside\s+(?P<rest9>[^.;]+)|"
    r"(?:defers|deferred|postpones|postponed|shelves|shelved|parks|parked)\s+(?P<rest10>[^.;]+)|"
    r"(?:is|was|remains) silent (?:on|about)\s+(?P<rest4>[^.;]+)|says nothing (?:on|about)\s+(?P<rest5>[^.;]+))|"
    r"(?:^|\bthat\s+)(?P<rest6>[^.;]+?)\s+(?:will|would|is to|are to)\s+remain\s+(?:the\s+)?(?:subject|matter|"
    r"object|topic)\s+of\s+(?:further|future|later|continued|separate)\b|"
    r"\bagreed\s+(?:only\s+)?to\s+(?:take up|discuss|revisit|return to|come back to|address)\s+(?P<rest8>[^.;]+?)\s+"
    r"(?:at|in|during)\s+(?:a|the)\s+(?:second|later|next|further|future|new|third|separate)\s+"
    r"(?:round|stage|phase|session|meeting)|"
    r"(?:^|\bthat\s+)(?!(?:nothing|no|none)\b)(?P<rest11>[^.;]+?)\s+(?:had been|has been|have been|was|were|is|are)\s+"
    r"(?:left|put off|held "
    r"over|deferred|postponed)\s+(?:for|to|until)\s+(?:later|future|further|a later|another|a future|a new|a second|"
    r"a third|the next|a further|a final|the final)\b|"
    # "The permits were left out.", "The quota is still open."
    r"^(?!(?:nothing|no|none|it|this|that)\b)(?P<rest13>[^.;,]+?)\s+(?:was|were|has been|have been|had been)\s+"
    r"left out\b|"
    r"^(?!(?:nothing|no|none|it|this|that)\b)(?P<rest14>[^.;,]+?)\s+(?:is|are|was|were|remains?|remained)\s+"
    r"(?:still (?:open|unresolved|unsettled|undecided)|unresolved|unsettled|undecided)\b|"
    r"^(?P<rest7>[^.;]+?)\s+(?:is|are|was|were)\s+not\s+(?:covered|settled|addressed|included|resolved|dealt with|"
    r"mentioned)\s+(?:by|in)\s+(?:the|this|that|its)\s+(?:[\w-]+\s+){0,2}?(?:deal|accord|agreement|text|arrangement|"
    r"pact|document|memorandum|protocol)\b",
    re.IGNORECASE)


# What a deal does not cover because it was never part of these talks: no open issue of theirs.
_OUTSIDE_TALKS = re.compile(
    r"\b(?:never|not)\s+(?:been\s+)?(?:on|part of)\s+(?:the|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:agenda|talks|negotiations|table)\b|"
    r"\bseparate\s+(?:[\w-]+\s+)?(?:conflict|insurgency|dispute|war|rebellion|talks|process|negotiations?)\b",
    re.IGNORECASE)


def _left_out(sentence: str) -> str | None:
    """What a sentence after a deal says the deal leaves out, or None (also when what it leaves out was never
    part of the talks: "forces deployed against the separate insurgency in the north, which was never on the
    agenda, are not covered")."""
    found = _DEAL_LEAVES_OUT.search(sentence.strip().strip("\"“”"))
    if found is None or _OUTSIDE_TALKS.search(sentence):
        return None
    return next(v for k, v in found.groupdict().items() if v is not None)


_AGREED = re.compile(r"\bagree[ds]?\b", re.IGNORECASE)
# A truce or deal told as the subject of its own making ("A 60-day truce between X and Y was agreed on Friday").
_TRUCE_AGREED = re.compile(r"^(?:truce|ceasefire|cease-fire|deal|accord|agreement|pact)\b[^.;]{0,120}?\b"
                           r"(?:was|were|has been|had been|have been)\s+"
                           r"(?:agreed|reached|signed|sealed|struck|concluded)\b", re.IGNORECASE)
# An agreement its sentence calls a stage of a larger one.
_PHASE = re.compile(r"\b(?:first|initial|opening)[ -](?:phase|stage|step|tranche)\b|"
                    r"\b(?:interim|partial) (?:deal|accord|agreement|arrangement)\b", re.IGNORECASE)
# What one side's concession does when it settles the matter: "China agreed to abolish the fee, settling a dispute
# that had choked ...", "agreed to scrap the levy, ending the row".
_SETTLING = re.compile(
    r"\b(?:settling|ending|resolving|closing|defusing)\s+(?:a|the|their|its|this|that)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:dispute|row|stand-?off|conflict|strike|quarrel|feud|wrangle|impasse)\b", re.IGNORECASE)
# "agreed to take back the dismissed workers, in a partial deal with the union"
_IN_A_DEAL = re.compile(r"\b(?:in|under|as part of) (?:a|an|the) (?:(?!to\b)[\w-]+\s+){0,3}?(?:deal|agreement|accord|"
                        r"arrangement|settlement|compromise) (?:with|between)\b", re.IGNORECASE)
# "agreed to continue working", "agreed to meet again": no deal, only more talks
_AGREED_TO_TALK = re.compile(
    r"\bagree[ds]?\s+not\s+to\s+(?:brief|comment|speak|talk|disclose|reveal|discuss)\b|"   # ("not to brief the media")
    r"\bagree[ds]?\s+(?:only\s+)?to\s+[\"“']?(?:continue|keep|go on|meet|resume|talk|hold|stay|return|consult|"
    r"take up|discuss|revisit|come back to|look again at)\b|"
    r"\bagree[ds]?\b[^.;]{0,30}?\bto\s+(?:use|take|treat)\b[^.;]{0,80}?\bas\s+[\"“']?(?:a|the)\s+"
    r"(?:working\s+|starting\s+)?(?:basis|starting point|reference)", re.IGNORECASE)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence of `text` that holds [start, end) begins and ends: from the last full stop or line
    break before it to the next one after it (the full stop included)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return left, (min(right_candidates) if right_candidates else len(text)) + 1


def _sentences_of(item: _Tracked, texts: dict[str, str]) -> tuple[str, str]:
    """The sentence of a move's main event, and the sentence after it ("" when its text is not at hand)."""
    text = texts.get(item.move.article_id, "")
    event = _primary(item.events).event
    start, end = _sentence_bounds(text, event.trigger.start, event.trigger.end)
    following = text[slice(*_sentence_bounds(text, end + 1, end + 1))] if end < len(text) - 1 else ""
    return text[start:end].strip(), following.strip()


def _later_sentences(item: _Tracked, texts: dict[str, str]) -> list[str]:
    """The sentences after a move's main event in its article: the next one, then those of the rest of the
    article."""
    text = texts.get(item.move.article_id, "")
    end = _primary(item.events).event.trigger.end
    start = _sentence_bounds(text, end, end)[1]
    return [s for s in re.split(r"(?<=[.!?])[\"”’]?\s+|\n+", text[start:]) if s.strip()]


# Captives freed under a deal: the release carries out a deal ("were freed on Sunday under a first-phase
# arrangement reached late on Friday", "released ... in exchange for four jailed fighters").
_UNDER_DEAL = re.compile(
    r"\b(?:under|as part of|in line with|in accordance with)\s+(?:the|a|an|this|that|their|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:deal|arrangement|agreement|accord|understanding|bargain|swap|exchange)\b(?P<rest>[^.;]*)|"
    r"\bin (?:exchange|return) for\b", re.IGNORECASE)
# "late on Friday", "on Monday": the day named (the named group "day" is closed by each use)
_ON_WEEKDAY = (r"(?:late\s+|early\s+)?(?:on\s+)?"
               r"(?P<day>(?:last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
# the day the deal itself was made, when its sentence gives one ("an arrangement reached late on Friday")
_DEAL_DAY = re.compile(
    r"\b(?:reached|struck|settled|sealed|agreed|concluded|signed|clinched|finali[sz]ed|hammered out|worked out)\s+"
    + _ON_WEEKDAY + r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})\b")
# the day of a release its sentence tells ("were released on Monday under a final deal")
_RELEASE_DAY = re.compile(r"\b(?:released|freed|walked free|went free|set free|handed over)\s+" + _ON_WEEKDAY + r")\b")
_FIRST_STEP = re.compile(r"\b(?:first|initial)\s+(?:step|tranche|batch|group|release)\b", re.IGNORECASE)


def _release_under_deal(item: _Tracked, texts: dict[str, str]) -> tuple[str | None, bool, bool] | None:
    """Whether a release of captives carries out a deal its sentence names; if so, the day the deal was made
    (None when the sentence gives none: the release's own), whether the sentence or the next calls it a first
    step (partial) and whether the sentence calls it final (an agreement even if it leaves an issue open:
    "under a final deal ...; the deal does not cover the demand that troops leave")."""
    move = item.move
    if move.kind != "concession" or move.cameo != "0841" or move.modality is not None or move.negated \
            or move.background or move.article_id not in texts:
        return None
    sentence, following = _sentences_of(item, texts)
    found = _UNDER_DEAL.search(sentence)
    if found is None:
        return None
    day = _DEAL_DAY.search(found.group("rest") or "")
    primary = _primary(item.events)
    if day is None and primary.event.date_basis not in ("text", "same_act"):
        # "were released on Monday under a final deal ..., in which Niger freed 18 detainees": the day of the
        # release the sentence tells, for a release inside it told without a day of its own
        day = _RELEASE_DAY.search(sentence)
    published = primary.published
    resolved = resolve_date(day.group("day"), dt.date.fromisoformat(published)) if day and published else None
    date = resolved.date.isoformat() if resolved is not None and resolved.precision == "day" else None
    told = f"{sentence} {following}"
    # ("a first step rather than a final settlement" is a first step)
    partial = _PARTIAL.search(told) is not None or _PHASE.search(told) is not None \
        or _FIRST_STEP.search(told) is not None
    return date, partial, not partial and _FINAL.search(sentence) is not None


def _after_trigger(item: _Tracked, texts: dict[str, str]) -> str:
    """The rest of a move's sentence from its trigger on."""
    sentence = _sentences_of(item, texts)[0]
    trigger = item.move.trigger
    return sentence[sentence.find(trigger):] if trigger in sentence else sentence


def _agreements(tracked: list[_Tracked], parties: set[str], texts: dict[str, str],
                topics: TopicLexicon | None = None) -> dict[str, str]:
    """Agreements that two parties reach together ("the two sides agreed on a prisoner exchange") become
    `agreement_signed` moves, as do releases of captives under a deal; returns, per agreement move id, what
    its sentence says it left open."""
    left_open: dict[str, str] = {}
    for item in tracked:
        move = item.move
        released = _release_under_deal(item, texts)
        if released is not None:
            date, partial, item.final = released
            # (the captives freed are no side of the deal)
            move = item.move = replace(move, kind="agreement_signed", date=date or move.date,
                                       targets=tuple(a for a in move.targets if a.id in parties))
            item.sort_key = (move.date or "", *item.sort_key[1:])
            item.actors = [a for a in item.actors if a in parties or a in {s.id for s in move.sources}]
            if partial:
                left_open[move.id] = ""
        sides = {a.id for a in move.sources} & parties
        agreed = move.trigger.lower().startswith("agree") or _AGREED.search(move.evidence or "") is not None \
            or move.article_id in texts and _TRUCE_AGREED.match(_after_trigger(item, texts)) is not None
        if move.kind in ("acceptance", "concession", "proposal") and agreed and len(sides) >= 2 \
                and move.modality in (None, "intent", "promised") and not move.negated \
                and not _AGREED_TO_TALK.search(_sentences_of(item, texts)[0] if move.article_id in texts else ""):
            # "the two sides agreed on a prisoner exchange", "agreed to release 80 prisoners": a deal
            move = item.move = replace(move, kind="agreement_signed")
        elif move.kind in ("acceptance", "concession", "proposal") and agreed and len(sides) == 1 \
                and move.modality in (None, "intent") and not move.negated and not move.background \
                and move.article_id in texts and (
                    move.kind != "proposal" and {a.id for a in move.targets} & parties
                    and _SETTLING.search(_after_trigger(item, texts))
                    or _IN_A_DEAL.search(_after_trigger(item, texts))):
            # "China agreed on Friday to abolish the fee, settling the dispute", "the government has agreed to
            # take back the dismissed workers, in a partial deal with the union": one side's yes, the deal made
            move = item.move = replace(move, kind="agreement_signed")
        if move.kind != "agreement_signed" or move.article_id not in texts:
            continue
        sentence, following = _sentences_of(item, texts)
        told = _after_trigger(item, texts)
        found = _LEFT_OPEN.search(told) or _LEFT_OPEN_THAT.search(told)
        if found is None and _settles_everything(item, texts):
            item.final = True   # "There is nothing left hanging": whatever was demanded before is settled
            continue
        found = found or _LEFT_OPEN_AFTER.search(following)   # "The question of autonomy was left for later talks."
        rest = found.group("rest") if found else None
        later = _later_sentences(item, texts) if found is None else []
        for i, said in enumerate(later):
            rest = _left_out(said)
            if rest is not None:
                for said_next in later[i + 1:i + 3]:
                    if topics is None or topics.topic_of(rest) is not None:
                        break
                    # "The accord does not settle the dispute that started the crisis. The FCD still wants ...":
                    # the next sentence (or the one after) says what the issue is
                    rest = f"{rest}; {_CLAUSE_AFTER.split(said_next, maxsplit=1)[0]}"
                break
        if rest is not None:
            # (not what the sentence goes on to tell: "leaving the fate of 14 more people to later negotiations,
            # after a third round of talks in Bender")
            rest = "; ".join(_CLAUSE_AFTER.split(piece, maxsplit=1)[0] for piece in rest.split("; "))
            left_open[move.id] = " ".join(rest.split()).strip(" ,")
        elif _PHASE.search(sentence):
            left_open[move.id] = ""   # "the first phase of an exchange the two governments agreed": partial
    return left_open


_CLAUSE_AFTER = re.compile(r",\s+(?:after|before|when|while|following|as|once)\b", re.IGNORECASE)


def _names_a_place(text: str) -> bool:
    """Whether `text` names a town or region ("the status of Badme"): an open issue about a place is one of
    territory."""
    from parley.places import default_gazetteer

    gazetteer = default_gazetteer()
    for match in re.finditer(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", text):
        found = gazetteer.lookup(match.group(0))
        if found is not None and found.kind in ("city", "region"):
            return True
    return False


def _with_left_open(gaps: list[Gap], tracked: list[_Tracked], left_open: dict[str, str],
                    topics: TopicLexicon, state: StateChange | None = None,
                    texts: dict[str, str] | None = None) -> list[Gap]:
    """The gaps with the issues an agreement explicitly left open (kind "left_open"), unless a later
    agreement or a gap on that topic already covers them, or the talks have since reached a full agreement
    (`state`: "a comprehensive ceasefire agreement ... settling the prisoner exchange" left out of the first)."""
    covered = {g.topic for g in gaps}
    out = list(gaps)
    for item in tracked:
        rest = left_open.get(item.move.id)
        if not rest:
            continue   # (none, or a deal partial by name that says nothing of what it left)
        if state is not None and state.status == "agreement" and state.date and item.move.date \
                and item.move.date < state.date:
            continue
        for topic in _left_open_topics(rest, item, tracked, topics, texts):
            later = [t for t in tracked if t.move.kind == "agreement_signed" and t.move.topic == topic
                     and t.sort_key > item.sort_key]
            if topic in covered or later:
                continue
            covered.add(topic)
            summary = f"left open by the agreement of {item.move.date}: {rest}"
            out.append(Gap(topic, topics.label(topic) if topic != OTHER_TOPIC else "Other", "left_open", summary,
                           ()))
    return sorted(out, key=lambda g: (g.kind != "conflict", g.topic))


_LIST_SEPARATOR = re.compile(r",\s*|;\s*|\s+and\s+")


def _left_open_topics(rest: str, item: _Tracked, tracked: list[_Tracked], topics: TopicLexicon,
                      texts: dict[str, str] | None = None) -> list[str]:
    """The topics of what an agreement left open: of each item of a list ("how far the forces must pull back
    and where the boundary runs": withdrawal, territory), else of the whole, a place named (territory), the
    words of an earlier demand, what the deal is about, or the words of the deal's own sentence ("signed a
    protocol fixing 112 km of their undelimited border, but left the stretch around the monastery for later
    talks": territory)."""
    pieces = _LIST_SEPARATOR.split(rest)
    deal_topics = topics.topics_of(item.move.object) if item.move.object else ()
    strong = [t for piece in pieces if topics.strongly_named(piece) for t in [topics.topic_of(piece)] if t]
    # ("leaves a ban on bananas and a charge on other cargo unresolved" after a trade deal: an import ban named by
    # its weak word alone is a matter of the deal's own kind, the one the other items name, not sanctions)
    deal_topic = next((t for t in strong if t in deal_topics), None)

    def filed(piece: str) -> str | None:
        topic = topics.topic_of(piece)
        return deal_topic if topic and deal_topic and not topics.strongly_named(piece) else topic

    found = _unique(t for t in map(filed, pieces) if t)
    if found:
        return found
    words = _content_words(rest)
    return [("territory" if "territory" in topics and _names_a_place(rest) else None) or next(
        (t.move.topic for t in reversed(tracked) if t.move.topic and t.move.object and t.sort_key <= item.sort_key
         and _content_words(t.move.object) & words), None)   # named by the words of an earlier demand
        or item.move.topic or (topics.topic_of(_sentences_of(item, texts)[0]) if texts
                               and item.move.article_id in texts else None) or OTHER_TOPIC]
    # (else a part of what the deal itself is about)


# A sentence that says talks are over for good: "ended without agreement", "declared the process dead".
_ENDED_FOR_GOOD = re.compile(
    r"\b(?:ended|end|ending|closed|broke up)\s+without\s+(?:an?\s+)?(?:agreement|deal|result|breakthrough)|"
    r"\b(?:ended|ending|ends)\s+in\s+failure\b|"
    r"\bdeclar(?:ed|ing|es)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:process|talks|negotiations|dialogue|"
    r"channel)(?:\s+(?:with|between|in)\s+[^.;]{1,80}?)?"
    r"\s+(?:dead|over|finished)|\bprocess\s+(?:is|was)\s+dead|"
    r"\b(?:were|was|been|are|is)\s+(?:declared|pronounced)\s+(?:dead|over)|"
    r"\b(?:this|the|our|that)\s+(?:process|dialogue|negotiation)\s+(?:is|was)\s+(?:over|finished|dead)\b|"
    r"\bno\s+basis\s+on\s+which\s+to\s+(?:reconvene|resume|restart)|"
    r"\b(?:talks|negotiations|dialogue|process|contacts)\b[^.;\"“”]{0,120}?\b(?:are|is|were|was)\s+(?:now\s+)?over\b|"
    r"\b(?:called off|abandoned|ended|broken off|broke off|over)\b[^.;]{0,60}?\bfor good\b|"
    r"\b(?:has|had|have)\s+[\"“]?run (?:its|their) course\b|"
    r"\bno\s+(?:new|further)\s+(?:meeting|round|talks)\s+(?:was|were|is|are|has been|have been)\s+scheduled|"
    r"\b(?:leav|quit|abandon|walk)\w*\s+(?:away\s+from\s+|out\s+of\s+)?(?:this|the|these|our)\s+"
    r"(?:process|talks|dialogue|negotiations|table)\s+for\s+good\b|\bnothing\s+(?:left\s+)?to\s+negotiate\b|"
    r"\bno\s+basis\s+for\s+(?:reconvening|resuming|returning|further\s+(?:meetings|talks|sessions|rounds))|"
    r"\b(?:declar|conclud|announc|said|say)\w*\s+that\s+the\s+(?:talks|negotiations|mediation|dialogue|process)\b"
    r"[^.;]{0,80}?\s+(?:had|has|have)\s+failed\b|"
    r"\b(?:the\s+)?file\s+is\s+closed\b",
    re.IGNORECASE)


# A round that ended with the next one set: "ended on Wednesday, although both sides agreed to meet again".
# (not one side "ready to resume talks ... after Damascus ordered its negotiators home": no round is set)
_TO_MEET_AGAIN = re.compile(
    r"\b(?:agreed to meet again|(?:will|would|(?<!ready )(?<!willing )(?<!prepared )(?<!open )to|agreed to) "
    r"(?:meet again|resume|reconvene)|(?:next|another|a further|a new) round\b|"
    # "at a second round of talks that ended on Friday ..., leaving a final push for early next month"
    r"(?:first|second|third|fourth|fifth|sixth|opening|latest) round of (?:\w+ )?(?:talks|negotiations) "
    r"(?:that|which) (?:ended|closed|concluded|wrapped up)|leaving (?:a|the) (?:final|last) (?:push|round|session))",
    re.IGNORECASE)


def _reread_halts(tracked: list[_Tracked], rounds_ended: set[str], texts: dict[str, str]) -> None:
    """A round that ended with the next one set is a meeting, not a halt; a boycott announced "until further
    notice" ("said its delegation would stay away from the sessions until further notice") is a halt, not a
    threat."""
    for item in tracked:
        if item.move.id in rounds_ended:
            item.move = replace(item.move, kind="meeting")
        elif item.move.kind == "threat_to_halt" and item.move.article_id in texts \
                and _UNTIL_NOTICE.search(_sentences_of(item, texts)[0]):
            item.move = replace(item.move, kind="talks_halted", modality=None)
        elif item.move.kind in HALTING_KINDS and item.move.article_id in texts:
            # "Talks between X and Y broke off in Vilnius": the particle after the word that ends the evidence
            trigger = _primary(item.events).event.trigger
            after = _PARTICLE_AFTER.match(texts[item.move.article_id], trigger.end)
            if after is not None and item.move.evidence.endswith(trigger.text):
                item.move = replace(item.move, evidence=item.move.evidence + after.group(0))


_PARTICLE_AFTER = re.compile(r"\s+(?:off|down|up|out|apart)\b", re.IGNORECASE)
_UNTIL_NOTICE = re.compile(r"\buntil further notice\b|\bindefinitely\b", re.IGNORECASE)


def _rounds_ended(tracked: list[_Tracked], texts: dict[str, str]) -> set[str]:
    """Ids of halting moves whose own sentence sets the next meeting: a round ended, the talks go on."""
    out = set()
    for item in tracked:
        move = item.move
        if move.kind == "talks_halted" and move.article_id in texts \
                and _TO_MEET_AGAIN.search(_sentences_of(item, texts)[0]):
            out.add(move.id)
    return out


def _collapses(tracked: list[_Tracked], texts: dict[str, str]) -> set[str]:
    """Ids of halting moves whose sentence (or the next, or any later one of an article that reports no other
    halt) says the talks ended for good."""
    out = set()
    halts = Counter(t.move.article_id for t in tracked if t.move.kind in HALTING_KINDS and not t.move.background)
    for item in tracked:
        move = item.move
        if move.kind not in HALTING_KINDS or move.article_id not in texts:
            continue
        told = list(_sentences_of(item, texts))
        if halts[move.article_id] == 1 and not move.background:
            # the one halt an article reports, and its end told anywhere in it ("This process is over," the
            # minister said, three paragraphs on)
            told += _later_sentences(item, texts)
        if any(_ended_for_good(s) for s in told) and not _ON_HOLD.search(told[0]):
            out.add(move.id)   # (not talks its own sentence says are "on hold", whatever else it says of them)
    return out


_ON_HOLD = re.compile(r"\b(?:on hold|on ice|paused|in abeyance|suspended|frozen)\b", re.IGNORECASE)


# "neither side had formally declared the process dead": an end denied
_DENIED = re.compile(r"\b(?:not|never|neither|nor|nobody|no one|none)\b|n't\b", re.IGNORECASE)


def _ended_for_good(sentence: str) -> bool:
    """Whether a sentence says talks ended for good (`_ENDED_FOR_GOOD`), not that no one said so."""
    return any(not _DENIED.search(re.split(r"[,;:]|\band\b|\bbut\b", sentence[max(0, m.start() - 40):m.start()])[-1])
               for m in _ENDED_FOR_GOOD.finditer(sentence))


# Contact that is not talks: a call or a word with someone ("had spoken to both foreign ministers")
_CONTACT = re.compile(r"^(?:spo?k|speak|phon|call|talk(?:ed|ing|s)? to|telephon|contact|consult)", re.IGNORECASE)


def _shuttle(move: Move, go_betweens: frozenset[str]) -> bool:
    """A go-between meeting one side alone ("the facilitator flew to Bangkok to meet security officials") or
    calling the sides: shuttle diplomacy, which does not bring them back to the table."""
    if go_betweens and move.sources and _ENVOY_FIRST.match(move.evidence) and len(move.targets) <= 1:
        return True   # "special envoy Fatmata Kamara-Sesay travelled to Lome and met opposition leaders" (the envoy
        # coded with the country she visits)
    if not move.sources or any(a.id not in go_betweens for a in move.sources):
        return False
    # ... or calling both sides by telephone ("the Qatari minister spoke to both foreign ministers")
    return len({a.id for a in move.targets} - go_betweens) <= 1 or bool(_CONTACT.match(move.trigger))


# A move told of a go-between by title: "special envoy X met ...", "the mediator flew to ...".
_ENVOY_FIRST = re.compile(r"^(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:special\s+)?"
                          r"(?:envoy|mediator|facilitator|go-between)s?\b", re.IGNORECASE)
# A go-between meeting the sides one at a time ("met the minister and the coalition's spokesman separately").
# A go-between meeting the sides one at a time ("met each delegation", "saw both teams separately"): no opening.
_SEPARATELY = re.compile(r"\b(?:separately|one by one|one after the other|in turn|on (?:its|their) own|"
                         r"individually)\b", re.IGNORECASE)
_ONE_AT_A_TIME = re.compile(_SEPARATELY.pattern + r"|\beach (?:delegation|side|party|team)\b", re.IGNORECASE)


# Talks named by a noun alone ("after three weeks of negotiations between the government and the separatists
# failed"): a mention of the talks, not a new act of them.
_TALK_NOUN_TRIGGER = re.compile(r"^(?:talks|negotiations|discussions|contacts|consultations|dialogue)$", re.IGNORECASE)
# A meeting with the press ("asked about the strike at his morning news conference"): no talks.
_PRESS_EVENT = re.compile(r"\b(?:news|press|media)\s+(?:conference|briefing)s?\b", re.IGNORECASE)
# ... unless a verb takes them up again: "the two delegations took up the negotiations again at the ministry"
_TAKEN_UP_AGAIN = re.compile(
    r"\b(?:t[ao]ok|take[sn]?|taking|pick(?:ed|s|ing)?|beg[au]n|begins?|beginning|start(?:ed|s|ing)?|open(?:ed|s|ing)?|"
    r"h[eo]ld(?:s|ing)?|launch(?:ed|es|ing)?)(?:\s+up)?\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:talks|negotiations|discussions|dialogue|consultations)\b[^.;]{0,40}?\b(?:again|anew|afresh|once more)\b",
    re.IGNORECASE)


# "had concluded a new round of talks with bondholders": talks with someone the coder could not name
_TALKS_WITH = re.compile(r"\b(?:talks|negotiations|consultations|discussions)\s+with\b", re.IGNORECASE)


def _only_contact(move: Move) -> bool:
    """A meeting move that is a call or a word, with no talks named, or one side's talks or meeting with someone
    unnamed or unknown: it does not resume suspended talks, nor open a new round."""
    return move.kind == "meeting" and bool(_CONTACT.match(move.trigger)) and not _TALKS_CUE.search(
        " ".join(filter(None, (move.object, move.evidence)))) \
        or len(move.sources) == 1 and not move.targets and bool(_TALKS_WITH.search(move.object or "")) \
        or move.kind == "meeting" and len(move.sources) == 1 and not move.targets and _MET_SOMEONE.search(
            move.evidence or "") is not None and not _TALKS_CUE.search(move.evidence or "")


# One side meeting someone the tracker cannot name ("who leads the government team, met Oyelaran-Haas"): a
# contact, perhaps with a go-between, not the talks resumed.
_MET_SOMEONE = re.compile(r"\b(?:met|meets|meeting|met with|spoke (?:to|with)|talked (?:to|with))\s+[A-Z][\w'’-]+",
                          re.IGNORECASE)


def _resumes_nothing(move: Move) -> bool:
    """A move that does not resume suspended or ended talks: `_only_contact`, or talks named by a noun alone
    ("after three weeks of negotiations between the government and the separatists failed")."""
    return _only_contact(move) or _PRESS_EVENT.search(move.evidence or "") is not None \
        or _opened_in_a_relative(move) \
        or move.kind in ("negotiation", "meeting") \
        and bool(_TALK_NOUN_TRIGGER.match(move.trigger.strip())) and not _TAKEN_UP_AGAIN.search(move.evidence) \
        or move.cameo == "042" and move.kind == "meeting" and not move.targets \
        or _LOOKED_BACK.search(f"{move.evidence} ") is not None and move.kind == "negotiation"
    # ("several members flew to Lagos"; 'said Greece had "negotiated in good faith to the very end"')


# A side's own look back at its bargaining: 'Greece had "negotiated in good faith to the very end"'.
_LOOKED_BACK = re.compile(r"\bhad\s+(?:always\s+)?[\"“']?(?:negotiated|bargained)\b", re.IGNORECASE)


# The start of the talks told in a relative clause on a side: "The workers, who opened the talks demanding 40
# percent, ...": a description of the side, not the talks resuming.
_OPENED_IN_A_RELATIVE = re.compile(r",\s*(who|which)\s+(?:had\s+)?(?:opened|began|started|launched|entered)\b",
                                   re.IGNORECASE)


def _opened_in_a_relative(move: Move) -> bool:
    """ "The workers, who opened the talks demanding 40 percent", "the CDA, which opened the talks demanding ...":
    the start of the talks told of a side (not "the negotiations, which had opened on Monday": the talks)."""
    found = _OPENED_IN_A_RELATIVE.search(move.evidence or "")
    return found is not None and (found.group(1).lower() == "who" or bool(move.object) and bool(
        re.match(r"(?:the|its|their)\s", move.object or "", re.IGNORECASE)))
_FINAL = re.compile(r"\b(?:final|comprehensive|full|complete|definitive|overall)\b", re.IGNORECASE)
# What the report of a deal says to call it whole: "There is nothing left hanging", "the accord covered
# everything on the agenda", "every point in our petition has an answer", "all of the union's demands were met".
_ALL_SETTLED = re.compile(
    r"\bnothing (?:is |was )?(?:left|remains?|remained|outstanding|unresolved|pending)\b(?! to do)|"
    r"\b(?:covers?|covered|settles?|settled|resolves?|resolved|addresses|addressed|answers?|answered)\s+"
    r"(?:everything|all (?:the |of the |our |their )?(?:outstanding |remaining |open )?(?:issues|points|questions|"
    r"demands|items|matters))\b|"
    r"\bevery (?:point|demand|issue|item|question|grievance)\b[^.]{0,40}\b(?:has an answer|answered|was met|"
    r"has been met|is met|addressed|settled|resolved)\b|"
    r"\ball (?:of )?(?:the |our |their |its )?(?:[\w'’-]+ )?(?:demands|issues|points|grievances)\s+(?:were|have been|"
    r"had been|are)\s+(?:met|settled|resolved|addressed|answered)\b|"
    r"\bno (?:issue|point|question|item|demand)s? (?:is |was )?(?:left|remains?|remained) (?:open|unresolved|"
    r"outstanding|pending)\b", re.IGNORECASE)
_SETTLED_WITHIN = 12   # sentences of a deal's report, from its own, that may say it settled everything


def _settles_everything(item: _Tracked, texts: dict[str, str]) -> bool:
    """Whether the report of a deal says it settled everything (`_ALL_SETTLED`), in its sentence or soon
    after."""
    if item.move.article_id not in texts:
        return False
    sentence, _ = _sentences_of(item, texts)
    return any(_ALL_SETTLED.search(said) for said in [sentence, *_later_sentences(item, texts)[:_SETTLED_WITHIN]])


def _open_elsewhere(tracked: list[_Tracked], positions: list[Position], topics: TopicLexicon,
                    texts: dict[str, str] | None = None) -> dict[str, str]:
    """Agreements that leave other issues open: a party's demand or refusal on an issue the deal does not name
    stands unanswered by any agreement on it ("agreed to six flights a week" while the withdrawal and the
    prisoners are still demanded). A deal called final, full or comprehensive is taken at its word."""
    out: dict[str, str] = {}
    article_of = {t.move.id: t.move.article_id for t in tracked}
    for item in tracked:
        move = item.move
        if move.kind != "agreement_signed" or move.negated or not move.object or _FINAL.search(
                f"{move.object} {move.evidence}"):
            continue
        covered = set(topics.topics_of(move.object))   # none: a deal on procedure ("to take X up later")
        covered |= set(_deal_sentence_topics(item, texts, topics))
        if texts and move.article_id in texts:   # "with Port-au-Prince lifting most of its ban": the ban too
            covered |= set(topics.weakly_named(_LEFT_OUT.sub("", _sentences_of(item, texts)[0])))
        when = move.date or ""
        open_topics = set()
        for topic in {p.topic for p in positions} - covered - {OTHER_TOPIC}:
            # what was said by then, and what the agreement's own report says ("had dropped their call")
            told = [p for p in positions if p.topic == topic and ((p.date or "") <= when
                                                                  or article_of.get(p.move_id) == move.article_id)]
            latest = {}
            for p in sorted(told, key=lambda p: p.date or ""):
                latest[p.actor.id] = p
            if any(p.stance in ("demand", "reject") for p in latest.values()) and not any(
                    p.stance in ("agree", "concede") for p in latest.values()):
                open_topics.add(topic)
        if open_topics:
            out[move.id] = ", ".join(sorted(open_topics))
    return out


_NOT_DONE = frozenset({"hypothetical", "future", "purpose"})   # modalities of a signing not (yet) done
# modalities of a halt that did not happen: what could happen, what a side asks or threatens ("it could spur the
# rebels to abandon the peace process", "demanded that the talks be suspended")
_NO_HALT = frozenset({"hypothetical", "purpose", "conditional", "demanded", "requested", "threatened", "proposed",
                      "offered", "promised"})


def _changes_no_state(item: _Tracked, move: Move, history: bool, news: bool) -> bool:
    """What did not happen, or history a later article retells, changes no state (it may only say that talks
    were under way before the first news of them); nor does a signing not done ("the sentence both sides can
    sign", "will sign on Friday"), nor a halt that could happen or that one side demands ("could spur the rebels
    to abandon the peace process"), nor an act dated only by its year ("has acted as a conduit between the two
    sides since 2026") when the process has news of its own."""
    return move.negated or move.background and (
        history or news or move.kind in HALTING_KINDS or move.kind == "agreement_signed") \
        or move.kind == "agreement_signed" and move.modality in _NOT_DONE \
        or move.kind in HALTING_KINDS and move.modality in _NO_HALT \
        or news and _primary(item.events).event.date_precision == "year"


def _states(tracked: list[_Tracked], left_open: dict[str, str] | None = None,
            collapsed: set[str] | None = None, go_betweens: frozenset[str] = frozenset(),
            separate: set[str] | None = None, late: set[str] | None = None,
            other_deals: set[str] | None = None, named_states: dict[str, str] | None = None,
            ended_deals: set[str] | None = None) -> list[StateChange]:
    """The state history of a process from its new moves (see the module docstring). `go_betweens` are its
    mediators, hosts and observers: their rounds of visits to one side at a time do not resume talks, nor do
    the meetings in `separate` (a go-between's meetings with each side "separately"); a return in `late`, told
    as background, resumes suspended talks (see `_late_returns`); the deals in `other_deals` are of other talks
    (see `_other_talks_deals`); `named_states` holds the state the moves' words name the talks in (`_named_states`)."""
    history: list[StateChange] = []
    news = any(not t.move.background and not t.move.negated and _primary(t.events).event.date_precision != "year"
               for t in tracked)
    for item in sorted(tracked, key=lambda t: t.sort_key):
        move = item.move
        if move.background and move.id in (late or ()) and history and history[-1].status == (
                "suspended" if move.kind not in HALTING_KINDS else "ongoing"):
            move = replace(move, background=False)
        if _changes_no_state(item, move, bool(history), news) or move.id in (other_deals or ()) \
                or not history and _halt_before_the_talks(move, tracked):
            continue
        status = history[-1].status if history else None
        new: str | None = None
        if move.kind in HALTING_KINDS or move.id in (ended_deals or ()):
            # ("This follows the collapse of a truce between the country's two major gangs": a deal told as ended)
            new = _halted(move, status, collapsed, go_betweens) if move.kind in HALTING_KINDS else "collapsed"
        elif move.kind == "agreement_signed" and move.topic is None and move.sources \
                and {a.id for a in move.sources} <= go_betweens and not _counted_sides(_primary(item.events)):
            continue   # "Kazakhstan brokered an understanding under which the report goes to the board": a
            # go-between's arrangement on no issue of the talks is no deal of the sides
        elif move.kind == "agreement_signed":
            text = " ".join(filter(None, (move.object, move.evidence)))
            new = "partial_agreement" if _PARTIAL.search(text) or move.id in (left_open or {}) and not item.final \
                else "agreement"
            if status == "agreement" and not (new == "partial_agreement" and history[-1].date == move.date):
                new = "agreement"   # (a deal the same day's report calls interim is partial: `_one_deal_a_day`)
            elif status == "partial_agreement" and (history[-1].date == move.date
                                                    or _told_with_last_change(item, history[-1], tracked)):
                new = status   # the same signing told again ("The accord ... was signed by ..."), not a second deal
        elif move.kind in RESUMING_KINDS and move.modality is None and status in ("suspended", "collapsed") \
                and not _resumes_nothing(move) and not _shuttle(move, go_betweens) and move.id not in (separate or ()) \
                and not (move.cameo == "042" and move.targets and {a.id for a in move.targets} <= go_betweens) \
                and not ((status == "collapsed" or move.kind == "meeting")
                         and _told_with_last_change(item, history[-1], tracked)):
            new = "ongoing"   # (not a side's visit to the host or a go-between: "The Lebanese side came to Amman";
            # not a return the report of the collapse tells undated: "The end came three days
            # after the team flew back"; nor a meeting the report of a walkout tells undated: "We went to Singapore
            # to lower walls")
        elif status == "partial_agreement" and _new_round(move, history[-1].date):
            new = "ongoing"   # "a second round opened on Monday": talks on what the partial deal left open
        elif status is None and not (move.id in (separate or ()) and _ONE_AT_A_TIME.search(move.evidence or "")) \
                and _may_open(move, tracked, _primary(item.events).event.date_precision):
            new = "ongoing"
        named = (named_states or {}).get(move.id)
        # ("mediators tried to revive the suspended talks")
        new = new or (named if status == "ongoing" else None)
        if new is None:
            continue
        if status == new:
            last = history[-1]
            if move.kind in HALTING_KINDS or move.kind == "agreement_signed" or new == "ongoing" and (
                    move.kind in RESUMING_KINDS):
                history[-1] = replace(last, move_ids=(*last.move_ids, move.id))
            continue
        history.extend(_changes(new, item, named))
    return history


def _deals_ended(tracked: list[_Tracked], texts: dict[str, str]) -> set[str]:
    """Ids of deals and truces, told as news, whose own words say they ended: "the collapse of a truce between the
    country's two major gangs", "the breakdown of El Salvador's gang truce", "El Salvador's truce unraveled this
    year"."""
    out = set()
    for item in tracked:
        move = item.move
        if move.kind not in ("agreement_signed", "concession") or move.background or move.negated \
                or move.article_id not in texts or _singular(move.trigger) not in _DEAL_TRIGGERS:
            continue
        event = _primary(item.events).event
        text = texts[move.article_id]
        start, end = _sentence_bounds(text, event.trigger.start, event.trigger.end)
        if _ENDED_BEFORE.search(text[start:event.trigger.start]) or _ENDED_AFTER.match(text[event.trigger.end:end]):
            out.add(move.id)
    return out


# The words of a deal told as a thing ("a truce between ...", "El Salvador's gang truce"): the coder's deal nouns
# (`parley.coding.syntax.DEAL_NOUNS`, which the tracker does not import: it must not load spaCy) and their spellings.
_DEAL_TRIGGERS = frozenset({"deal", "agreement", "accord", "arrangement", "pact", "treaty", "truce", "ceasefire",
                            "understanding", "settlement", "swap", "exchange", "cease-fire", "armistice"})


def _singular(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and word[:-1] in _DEAL_TRIGGERS else word
# "the collapse of a truce between ...", "the breakdown of El Salvador's gang truce"
_ENDED_BEFORE = re.compile(r"\b(?:collapse|breakdown|break-down|demise|unravell?ing|failure|death)\s+of\s+"
                           r"(?:the\s+|a\s+|this\s+|that\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
# "the truce unraveled this year", "the pact has collapsed"
_ENDED_AFTER = re.compile(r"^\s*(?:has\s+|had\s+|have\s+)?(?:\w+ly\s+)?(?:collapsed|broken down|broke down|unravell?ed|"
                          r"fell apart|fallen apart|crumbled|disintegrated)\b", re.IGNORECASE)


def _changes(new: str, item: _Tracked, named: str | None) -> list[StateChange]:
    """The state changes a move makes: `new` (talks open on their opening day); talks that open named in a state
    ("In recently suspended talks between the government and opposition -- brokered by Norway") were under way
    before and are now in that state."""
    move = item.move
    date = (item.opened or _opening_day(move)) if new == "ongoing" else move.date
    changes = [StateChange(new, date, (move.id,), _state_summary(new, move))]
    if new == "ongoing" and named is not None:
        changes.append(StateChange(named, move.date, (move.id,), _state_summary(named, move)))
    return changes


# the talks named with their state: "the recently suspended talks", "the collapsed negotiations"
_STATE_WORDS = (r"(?:(?:the|these|those|its|their|his|her)\s+)?(?:(?:now|recently|since|lately)\s+)?"
                r"(?P<state>suspended|frozen|paused|broken[- ]off|collapsed|failed|abandoned|defunct)\s+"
                r"(?:(?:peace|ceasefire|truce|trade|border|pay|wage)\s+)?")
_NAMED_STATE = re.compile(_STATE_WORDS + r"(?:talks|negotiations|dialogue|process)\b", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"\b" + _STATE_WORDS + r"$", re.IGNORECASE)   # before a talks noun that is the move
_ENDED_STATES = frozenset({"collapsed", "failed", "abandoned", "defunct"})


def _named_states(tracked: list[_Tracked], texts: dict[str, str]) -> dict[str, str]:
    """The state the talks a move is about are named in, by move: the talks that are the object of a move (not a
    halt, a deal or a resumption: "mediators tried to revive the suspended talks"), or the talks noun that is the
    move ("In the recently suspended talks between the government and the opposition"): suspended, or collapsed
    ("the failed negotiations")."""
    named = {}
    for item in tracked:
        move = item.move
        if move.kind in HALTING_KINDS or move.kind == "agreement_signed" or move.modality is not None \
                or move.negated:
            continue
        trigger = _primary(item.events).event.trigger
        found = None
        if move.object and move.kind not in RESUMING_KINDS:
            found = _NAMED_STATE.match(move.object.strip())
        elif _TALK_NOUN_TRIGGER.match(trigger.text) and move.article_id in texts:
            before = texts[move.article_id][max(0, trigger.start - 60):trigger.start]
            found = _NAMED_BEFORE.search(re.split(r"[.;:!?]", before)[-1])
        if found is not None:
            named[move.id] = "collapsed" if found["state"].lower() in _ENDED_STATES else "suspended"
    return named


def _told_with_last_change(item: _Tracked, last: StateChange, tracked: list[_Tracked]) -> bool:
    """Whether a move dated only by its report belongs to the report of the last change, told around it: a deal
    retold ("reached a pay agreement in the early hours of Thursday ... the two sides agreed only to set up a joint
    commission"), a return that led up to a collapse ("The end came three days after the team flew back")."""
    articles = {t.move.article_id for t in tracked if t.move.id in last.move_ids}
    return item.move.article_id in articles and _primary(item.events).event.date_basis == "published"


def _halt_before_the_talks(move: Move, tracked: list[_Tracked]) -> bool:
    """A halt told before any state, dated before talks met later ("struck on January 9 after talks on a new
    agreement had stalled", before the conciliation talks that "opened on Tuesday"): earlier bargaining, no
    state of these talks."""
    return move.kind in HALTING_KINDS and bool(move.date) and any(
        t.move.kind in RESUMING_KINDS and not t.move.background and t.move.modality is None
        and not t.move.negated and (t.move.date or "") > (move.date or "") for t in tracked)


# A go-between's words that end its mediation for good, not for a while ("ended", "called off", "terminated").
_ENDED_MEDIATION = re.compile(r"\b(?:end(?:ed|s|ing)?|terminat\w*|call(?:ed|s|ing)? off|abandon\w*|wound up|"
                              r"gave up|given up)\b", re.IGNORECASE)


def _mediation_ended(move: Move, go_betweens: frozenset[str]) -> bool:
    """Whether the move is a go-between ending its own mediation ("The OAS called off its mediation", "she had
    ended the mediation"): the talks it carried have collapsed, not paused."""
    return move.cameo == "165" and bool(move.sources) and {a.id for a in move.sources} <= go_betweens \
        and _ENDED_MEDIATION.search(f"{move.trigger} {move.evidence}") is not None \
        and not re.search(r"\b(?:suspend\w*|paus\w*|adjourn\w*|freez\w*|froze\w*|temporar\w*)\b", move.evidence,
                          re.IGNORECASE)


def _halted(move: Move, status: str | None, collapsed: set[str] | None,
            go_betweens: frozenset[str] = frozenset()) -> str | None:
    """The state a halt leaves: "broke off the talks" is a walkout (suspended), "the talks broke down" an end
    (collapsed); None when it changes nothing (a go-between "ending its facilitation" after the talks
    collapsed)."""
    # ("the State Mediator said she had ended the mediation": the go-between's end of its own mediation)
    new = "collapsed" if _collapse_said(move) or move.id in (collapsed or ()) or _mediation_ended(move, go_betweens) \
        else "suspended"
    return None if status == "collapsed" and new == "suspended" else new


def _one_deal_a_day(history: list[StateChange]) -> list[StateChange]:
    """One deal a day: "agreed on Thursday to let inspectors in, signing an interim protocol that leaves the
    troops open" is the partial agreement the same day's words call it, not an agreement and then a partial one."""
    out: list[StateChange] = []
    for change in history:
        if out and out[-1].date == change.date and {out[-1].status, change.status} == {"agreement",
                                                                                         "partial_agreement"}:
            out[-1] = replace(change, move_ids=(*out[-1].move_ids, *change.move_ids))
            continue
        out.append(change)
    return out


def _may_open(move: Move, tracked: list[_Tracked], precision: str | None = None) -> bool:
    """Whether a move opens the process: an act told as done (talks "expected to meet again this month" open
    nothing before the talks that did, unless nothing was done), and not a refusal of something no issue or talk
    names ("around 140 of them have refused to come to the surface").)"""
    if move.cameo.startswith("02") or move.kind == "meeting_planned" and move.modality is None:
        return False   # "both sides asked the chamber's president last week to mediate", "the bishops invited both
        # sides on Monday", "the prime minister's office has urged both sides to settle": talks still to come
    if move.kind == "rejection" and move.topic is None and not _TALKS_CUE.search(
            " ".join(filter(None, (move.object, move.evidence)))):
        return False
    if move.kind in _POSITION_KINDS and any(_opens_soon_after(t.move, move) for t in tracked):
        return False   # "has offered 2.8 percent" dated the day before the talks "opened on Tuesday": the opening
    if precision in ("month", "year") and move.kind in _POSITION_KINDS | {"mediation"} \
            and any(_opens_soon_after(t.move, move, within=None) for t in tracked):
        return False   # "the envoy, who has shuttled between the two camps since August", before talks that "began
        # on Wednesday": what led to the talks
    if precision == "month" and move.date and any(
            t.move is not move and t.move.date and t.move.date[:7] == move.date[:7] and t.move.date > move.date
            and _opens_soon_after(t.move, move, within=None) for t in tracked):
        return False   # "the union began the talks in September", retold after a report that they "began on
        # Monday" the 9th: that opening, told by its month
    if precision == "month" and move.kind in _POSITION_KINDS and move.date and any(
            t.move.kind in RESUMING_KINDS and not t.move.background and t.move.modality is None
            and not t.move.negated and (t.move.date or "")[:7] == move.date[:7]
            and _primary(t.events).event.date_precision == "day" for t in tracked):
        return False   # "the union cut its demand to 22 percent last month", told after the talks held on a day of
        # that month: a position of the talks, dated only by its month
    return move.modality is None or not any(t.move.modality is None and not t.move.negated for t in tracked)


_POSITION_KINDS = frozenset({"proposal", "counter_proposal", "demand", "concession", "acceptance", "rejection"})


def _opens_soon_after(opening: Move, move: Move, within: int | None = 7) -> bool:
    """Whether `opening` opens talks, told as done, after `move` (within `within` days, or at any time later)."""
    if opening.kind not in RESUMING_KINDS or not _OPEN.match(opening.trigger) or opening.background \
            or opening.modality is not None or opening.negated or not opening.date or not move.date:
        return False
    days = (dt.date.fromisoformat(opening.date[:10]) - dt.date.fromisoformat(move.date[:10])).days
    return 0 < days and (within is None or days <= within)


def _collapse_said(move: Move) -> bool:
    """Whether a halt's words say the talks ended ("the talks broke down", "called off"); one side that
    "abandoned its negotiations" has walked out, unless the talks themselves were abandoned."""
    said = move.evidence if move.trigger in move.evidence else f"{move.trigger} {move.evidence}"
    found = _COLLAPSE.search(said)
    if found is None:
        return False
    return not (found.group(0).lower().startswith("abandon") and len(move.sources) == 1
                and not re.search(r"\b(?:was|were|been|being)\s+abandon", said, re.IGNORECASE))


_NEXT_ROUND = re.compile(
    r"\b(?:second|third|fourth|fifth|new|next|further|another|fresh|later)\s+(?:round|phase|stage)\b", re.IGNORECASE)


_DAYS_OF_TALKS = re.compile(r"\b(\w+)\s+days\s+of\s+(?:talks|negotiations|consultations|meetings|discussions)\b",
                            re.IGNORECASE)
# "ended a third day of talks on Wednesday": the talks began two days before
_NTH_DAY_OF_TALKS = re.compile(r"\b(second|third|fourth|fifth|sixth|seventh)\s+(?:straight\s+|full\s+)?day\s+of\s+"
                               r"(?:talks|negotiations|consultations|meetings|discussions)\b", re.IGNORECASE)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}


# "The exchanges started on Monday", "the contacts began late on Sunday": when the talks a report tells began
_TALKS_STARTED = re.compile(
    r"\b(?i:the|these|those|such|their|its)\s+(?:[\w-]+\s+)?(?:exchanges|contacts|talks|negotiations|discussions|"
    r"consultations|messages|sessions)\s+(?:had\s+|have\s+)?(?:started|began|begun|opened|got under way|kicked off)\s+"
    + _ON_WEEKDAY + r")\b")
_STARTED_WITHIN = 2   # sentences after a move's own that may tell when its talks began


def _told_start(tracked: list[_Tracked], texts: dict[str, str]) -> None:
    """Sets `opened` on each move of talks whose sentence, or one of the next two, says when the talks began,
    a day before the move's own date: "has begun passing messages between the government and the group ... The
    exchanges started on Monday"."""
    for item in tracked:
        move = item.move
        if move.kind not in RESUMING_KINDS | {"mediation"} or move.background or move.modality is not None \
                or not move.date or move.article_id not in texts:
            continue
        sentence, _ = _sentences_of(item, texts)
        published = _primary(item.events).published
        for said in [sentence, *_later_sentences(item, texts)[:_STARTED_WITHIN]]:
            found = _TALKS_STARTED.search(said)
            resolved = resolve_date(found.group("day"), dt.date.fromisoformat(published)) \
                if found is not None and published else None
            if resolved is not None and resolved.precision == "day" \
                    and 0 < (dt.date.fromisoformat(move.date) - resolved.date).days <= 7:
                item.opened = resolved.date.isoformat()
                break


def _told_departure(tracked: list[_Tracked], texts: dict[str, str]) -> None:
    """Dates a walkout or recall its report tells without a day ("Niger has ordered its negotiators home ... and
    put the discussions on hold") by the day one of the next two sentences gives the team's leaving ("Trade
    Minister Garba and his team left the border town of Gaya on Saturday"), when that day is in the week before."""
    for item in tracked:
        move = item.move
        if move.kind not in HALTING_KINDS or move.background or move.modality is not None or not move.date \
                or move.article_id not in texts or _primary(item.events).event.date_basis in _OWN_DATE:
            continue
        published = _primary(item.events).published
        for said in _later_sentences(item, texts)[:_STARTED_WITHIN]:
            found = _TEAM_LEFT.search(said)
            resolved = resolve_date(found.group("day"), dt.date.fromisoformat(published)) \
                if found is not None and published else None
            if resolved is not None and resolved.precision == "day" \
                    and 0 < (dt.date.fromisoformat(move.date) - resolved.date).days <= 7:
                day = resolved.date.isoformat()
                item.move = replace(move, date=day)
                item.sort_key = (day, *item.sort_key[1:])
                break


# "his team left the border town of Gaya on Saturday", "the delegation flew home late on Friday"
_TEAM_LEFT = re.compile(r"\b(?:team|delegation|delegates|negotiators|envoys)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:left|departed|flew out|flew home|flew back|headed home|went home|walked out|packed up)\b"
                        r"[^.;]{0,80}?\b" + _ON_WEEKDAY + r")\b")


def _days_from_another_act(tracked: list[_Tracked], texts: dict[str, str]) -> None:
    """Dates a return its report tells only by its distance from another act of the same report ("whose
    delegation had flown back and taken its seats again nine days before the signing"): that act's day, less or
    more the days told."""
    for item in tracked:
        move = item.move
        if move.kind not in RESUMING_KINDS or move.modality is not None or move.article_id not in texts \
                or _primary(item.events).event.date_basis in _OWN_DATE:
            continue
        sentence, _ = _sentences_of(item, texts)
        found = _DAYS_FROM_ACT.search(sentence)
        days = count_of(found.group("n")) if found is not None else None
        if found is None or days is None:
            continue
        kinds = {"agreement_signed"} if found.group("act").lower() in _DEAL_WORDS else HALTING_KINDS
        anchor = next((t.move for t in tracked if t.move.article_id == move.article_id and t.move.kind in kinds
                       and t.move.date and not t.move.background and t is not item), None)
        if anchor is None or anchor.date is None:
            continue
        shift = -days if found.group("way").lower() == "before" else days
        day = (dt.date.fromisoformat(anchor.date) + dt.timedelta(days=shift)).isoformat()
        item.move = replace(move, date=day, background=False)
        item.sort_key = (day, *item.sort_key[1:])


# "nine days before the signing", "two days after the walkout": a day told by its distance from another act
_DAYS_FROM_ACT = re.compile(r"\b(?P<n>\w+)\s+days?\s+(?P<way>before|after)\s+(?:the|its|their)\s+"
                            r"(?P<act>signing|agreement|deal|accord|walkout|recall|collapse|suspension|breakdown)\b",
                            re.IGNORECASE)
_DEAL_WORDS = frozenset({"signing", "agreement", "deal", "accord"})


def _opening_day(move: Move) -> str | None:
    """The day talks began that a move reports at their end: "ended two days of talks on Tuesday" began on
    Monday, "ended a third day of talks on Wednesday" on Monday."""
    found = _DAYS_OF_TALKS.search(move.object or "") if _ROUND_ENDED.match(move.trigger) else None
    days = count_of(found.group(1)) if found is not None else None
    nth = _NTH_DAY_OF_TALKS.search(move.object or "") if _ROUND_ENDED.match(move.trigger) else None
    if nth is not None:
        days = _ORDINALS[nth.group(1).lower()]
    if days is None or not move.date:
        return move.date
    return (dt.date.fromisoformat(move.date) - dt.timedelta(days=days - 1)).isoformat()


def _new_round(move: Move, since: str | None) -> bool:
    """Whether `move` opens talks after `since`: a round opened, begun or resumed ("the negotiations, which
    opened on Monday", "a second round of talks began"), not a meeting on the day of the deal."""
    if move.kind not in RESUMING_KINDS or move.modality is not None or move.background or not move.date \
            or since is None or move.date <= since or _only_contact(move) \
            or _opened_in_a_relative(move):
        return False   # (nor "the CDA, which opened the talks demanding the release of 214 people")
    said = " ".join(filter(None, (move.trigger, move.object, move.evidence)))
    return bool(_NEXT_ROUND.search(said) or (_OPEN.match(move.trigger) or _RESUME.match(move.trigger))
                and (_NEGOTIATION_CUE.search(said) or _THE_ROUND.search(said)))


_THE_ROUND = re.compile(r"\b(?:the|a|this|that) round\b", re.IGNORECASE)   # "The round, which opened on Tuesday"


def _state_summary(status: str, move: Move) -> str:
    who = " and ".join(a.name for a in move.sources)
    if status == "suspended":
        return f"{who} {move.trigger} ({move.kind.replace('_', ' ')})"
    if status == "collapsed":
        return f"talks collapsed: {who} {move.trigger}"
    if status in ("agreement", "partial_agreement"):
        return f"{who} {move.trigger} {move.object or 'an agreement'}"
    return f"{who} {move.trigger} ({move.kind.replace('_', ' ')})"


def _gaps(issues: list[Issue], topics: TopicLexicon) -> list[Gap]:
    gaps = []
    for issue in issues:
        if issue.topic == OTHER_TOPIC:
            continue  # statements no topic knows cannot be compared
        latest = [pp.latest for pp in issue.positions]
        if len({p.actor.id for p in latest}) == 0:
            continue
        agreed = [p for p in latest if p.stance == "agree"]
        if len(agreed) >= 2 and len(agreed) == len(latest):
            continue
        demands = [p for p in latest if p.stance == "demand"]
        rejects = [p for p in latest if p.stance == "reject"]
        supports = [p for p in latest if p.stance in SUPPORT]
        if rejects and not demands and supports and all(_WITHDRAWN_DEMAND.search(p.text or "") for p in supports):
            continue   # "dropped their call for sanctions relief": the side that demanded gave it up
        conflict: list[Position] = []
        if rejects and (supports or demands):
            conflict = [*demands, *supports, *rejects]
        elif len({p.actor.id for p in rejects}) >= 2:
            conflict = rejects   # each side refuses what the other wants ("will not lift the fine", "will not end
            # the strike")
        elif len({p.actor.id for p in demands}) >= 2 and not supports:
            conflict = demands   # each side asks something of the other ("a 20,000-rupee increase"; "keep emergency
            # care running")
        elif demands and supports:
            for d in demands:
                for s in supports:
                    # an offer the demanding side has not taken up meets the demand only when it gives as much
                    if s.actor.id != d.actor.id and (_values_differ(d, s) or s.stance == "offer"
                                                     and not _values_equal(d, s)):
                        conflict = [d, s]
        if conflict:
            kind = "conflict"
            gap_positions = tuple(sorted(set(conflict), key=lambda p: latest.index(p)))
        elif demands and len(latest) == 1:
            kind, gap_positions = "open_demand", tuple(demands)
        else:
            continue
        summary = "; ".join(f"{p.actor.name} {_verb(p)} {p.text}" + (f": {p.via}" if p.via else "")
                            for p in gap_positions)
        gaps.append(Gap(issue.topic, issue.label, kind, summary, gap_positions))
    return sorted(gaps, key=lambda g: (g.kind != "conflict", g.topic))


def _gaps_after_deal(positions: list[Position], tracked: list[_Tracked], day: str | None, parties: list[str],
                     mediators: set[str], topics: TopicLexicon) -> list[Gap]:
    """The gaps of talks that ended in a full agreement: it settled what was asked before it, so only what a
    side demands or refuses after it, as said and done (not "said it would ask"), stays open."""
    deal_articles = {t.move.article_id for t in tracked if t.move.kind == "agreement_signed" and t.move.date == day}
    # (the report of the deal retells what was asked on the way, dated by the report: settled too, unless the
    # text dates it after the deal)
    said = {t.move.id for t in tracked if t.move.modality is None and not t.move.background and (
        t.move.article_id not in deal_articles or _primary(t.events).event.date_basis in ("text", "sentence"))}
    later = [p for p in positions if day is not None and (p.date or "") > day and p.move_id in said]
    return _gaps(_issues(later, parties, mediators, topics), topics)


# What the other side put on the table: "a government offer of a 60-day ceasefire", "Jakarta's proposal".
_OTHERS_OFFER = re.compile(r"\b(?:offer|proposal|plan|draft|terms)\b", re.IGNORECASE)


def _settled_by_partial_deal(gaps: list[Gap], state: StateChange, tracked: list[_Tracked], left_open: dict[str, str],
                             topics: TopicLexicon, texts: dict[str, str]) -> list[Gap]:
    """The gaps without those a partial deal settles in its own words, before what it leaves open ("agreed that
    the troops would pull back ..., but left the question of who owns the village to a commission"): the positions
    taken on that issue before the deal are met by it."""
    deals = [t for t in tracked if t.move.id in state.move_ids and t.move.kind == "agreement_signed"
             and t.move.article_id in texts and not t.move.background]
    settled: set[str] = set()
    for item in deals:
        sentence = _sentences_of(item, texts)[0]
        rest = left_open.get(item.move.id)
        cut = sentence.find(rest.strip()) if rest else -1
        agreed = sentence[:cut] if cut > 0 else sentence if rest is None else ""
        turn = _DEAL_TURN.search(agreed)   # (what follows "but", "leaving" is no part of what it settles)
        settled |= set(topics.topics_of(agreed[:turn.start()] if turn else agreed))
    if not settled or state.date is None:
        return gaps
    return [g for g in gaps if g.topic not in settled
            or any(p.date is None or p.date > state.date for p in g.positions)]


# Where a deal's sentence turns from what it settles to what it does not.
_DEAL_TURN = re.compile(r"\b(?:but|while|though|although|yet|whereas|except|excluding|leav\w*|left|because|without)\b",
                        re.IGNORECASE)


def _gaps_at_collapse(gaps: list[Gap], issues: list[Issue]) -> list[Gap]:
    """Talks that collapsed settled nothing they had not signed: an issue on which the sides took positions of
    their own (a demand, an offer or a refusal) and did not all sign stays open, even where the latest offers
    seemed to meet ("Nothing that had been on the table has been settled")."""
    out = list(gaps)
    have = {g.topic for g in gaps}
    for issue in issues:
        latest = [pp.latest for pp in issue.positions]
        own = [p for p in latest if not p.implied and p.stance in ("demand", "offer", "reject", "concede")]
        if issue.topic == OTHER_TOPIC or issue.topic in have or not own or all(p.stance == "agree" for p in latest):
            continue
        kind = "conflict" if len({p.actor.id for p in latest}) >= 2 else "open_demand"
        if kind == "open_demand" and not any(p.stance == "demand" for pp in issue.positions for p in pp.history) \
                and not any(p.stance == "reject" and _OTHERS_OFFER.search(p.text or "") for p in latest):
            continue   # (a side's own offer after its demand does not settle what it asked: "a first convoy"; a
            # side that last rejected the other's offer left the issue open: "rejected a government offer of ...")
        summary = "; ".join(f"{p.actor.name} {_verb(p)} {p.text}" + (f": {p.via}" if p.via else "") for p in latest)
        out.append(Gap(issue.topic, issue.label, kind, summary, tuple(latest)))
    return sorted(out, key=lambda g: (g.kind != "conflict", g.topic))


# A demand given up: "dropping of their call for relief", "abandoned its insistence on a referendum".
_WITHDRAWN_DEMAND = re.compile(r"\b(?:drop\w*|abandon\w*|withdr[ae]w\w*|gave up|giv\w+ up|waiv\w+|shelv\w+)\b"
                               r"[^.;]{0,25}\b(?:call|demand|request|insistence|condition|claim)s?\b", re.IGNORECASE)


def _values_equal(a: Position, b: Position) -> bool:
    """Whether two positions name the same amount of something (the same value in a shared unit)."""
    units_a = {q.unit: q.value for q in a.quantities}
    return any(q.unit in units_a and units_a[q.unit] == q.value for q in b.quantities)


def _values_differ(a: Position, b: Position) -> bool:
    units_a = {q.unit: q.value for q in a.quantities}
    return any(q.unit in units_a and units_a[q.unit] != q.value for q in b.quantities)


def _verb(position: Position) -> str:
    return {"demand": "demands", "offer": "offers", "accept": "accepts", "reject": "rejects", "agree": "agreed to",
            "concede": "concedes"}[position.stance]


# --- roles --------------------------------------------------------------------------------------------


def _place_after_trigger(event: Event, text: str, *, right_after: bool = False) -> tuple[str, str] | None:
    """A delegation recalled "from Doha" or sent "to Cairo": the place named right after the trigger (with
    `right_after`, only as the trigger's own destination: "flew back to Tonga", not "came back to the table ...
    after a court in Antananarivo freed him")."""
    from parley.places import default_gazetteer

    tail = text[event.trigger.end:event.trigger.end + 80]
    tail = re.split(r"[.;\n]\s|\n", tail, maxsplit=1)[0]
    if right_after:
        tail = m.group(0) if (m := _DESTINATION.match(tail)) else ""
    gazetteer = default_gazetteer()
    for match in _PLACE_AFTER.finditer(tail):
        words = match.group(1).split()
        for n in range(len(words), 0, -1):
            location = gazetteer.lookup(" ".join(words[:n]))
            if location is not None and location.country:
                return location.name, location.country
    return None


def _titled_go_between(source: ActorMention, text: str | None) -> bool:
    """Whether the source is named as the owner of a mediator or facilitator ("Malaysia's facilitator")."""
    if _GO_BETWEEN_OWNED.search(source.text):
        return True
    return text is not None and bool(_GO_BETWEEN_TITLE.match(text[source.end:source.end + 40]))


# A person told as a body's go-between: "the regional bloc's facilitator", "whom SADC leaders named as their
# facilitator", "on behalf of the West African bloc".
_ENVOY_OF_BODY = re.compile(r"\b(?:bloc|body|organi[sz]ation|union|community|commission|league|[A-Z]{3,})['’]s\s+"
                            r"(?:\w+\s+)?(?:facilitator|envoy|mediator|representative)|\bnamed\s+(?:\w+\s+)?as\s+"
                            r"(?:their|its)\s+(?:\w+\s+)?(?:facilitator|envoy|mediator)|\bon behalf of the\b")


def _drop_states_of_body_envoys(mediators: dict[str, list[str]], tracked: list[_Tracked],
                                texts: dict[str, str]) -> None:
    """Drop from `mediators` a state known only through a body's envoy ("steered by former Zambian vice-president
    Mwila Kabaso, whom SADC leaders named as their facilitator": the body's go-between, not his country's, though
    the parser took the nationality for the agent), when the body mediates too."""
    for k in [k for k in mediators if len(k) == 3 and any(o.startswith("IGO") for o in mediators)]:
        told = [_sentences_of(t, texts)[0] for t in tracked
                if t.move.id in mediators[k] and t.move.article_id in texts]
        if told and all(_ENVOY_OF_BODY.search(sentence) for sentence in told):
            del mediators[k]


def _without_envoys_of_bodies(mediators: dict[str, list[str]], parties: list[str]) -> dict[str, list[str]]:
    """A person known only by nationality who chairs where a body or a state mediates is its envoy ("Fatmata X, a
    former Sierra Leonean justice minister, is chairing the sessions on behalf of the West African bloc"), not a
    go-between of his own country; nor is one of a side's country a go-between of that country."""
    others = any(not k.endswith("ELI") for k in mediators)
    countries = {k[:3] for k in parties}
    return {k: ids for k, ids in mediators.items() if not (k.endswith("ELI") and (others or k[:3] in countries))}


def _one_per_state(mediators: dict[str, list[str]]) -> dict[str, list[str]]:
    """The mediators with a state's government, elite or army folded into the state when it mediates too
    ("Finland" and "a former Finnish president": Finland; the Holy See and a cardinal it sends)."""
    out = dict(mediators)
    for k in [k for k in out if len(k) == 6 and k[:3] in out and (
            k[3:] in ("GOV", "ELI", "MIL") or k[3:] == "REL" and k[:3] in _CHURCH_STATES)]:
        out[k[:3]] = out[k[:3]] + out.pop(k)
    return out


# States whose government is a church: the Holy See's cardinals and its diplomacy are one mediator.
_CHURCH_STATES = frozenset({"VAT"})


def _talks_place(item: _Tracked, texts: dict[str, str]) -> tuple[str | None, str] | None:
    """The place and country where a move of the talks took place, or None; never a summit's city ("due to meet at
    a summit of Central Asian leaders in Dushanbe": the summit's venue, not the talks')."""
    move = item.move
    if move.article_id in texts and _AT_A_GATHERING.search(_sentences_of(item, texts)[0]):
        return None
    if move.place_country:
        return move.place, move.place_country
    if move.kind.startswith("delegation") and move.article_id in texts:
        return _place_after_trigger(_primary(item.events).event, texts[move.article_id])
    return None


def _venue_lender(item: _Tracked, party_countries: set[str], texts: dict[str, str]) -> str | None:
    """The country of a state, no side's, whose move lends the room for the talks (`_lends_venue`), or None."""
    move = item.move
    lender = next((a.id[:3] for a in move.sources if len(a.id) == 3 or a.id.endswith("GOV")), None)
    if lender and lender not in party_countries and not move.negated and _lends_venue(item, texts):
        return lender
    return None


# A gathering of others where sides meet: "due to meet at a summit of Central Asian leaders in Dushanbe".
_AT_A_GATHERING = re.compile(r"\b(?:at|during|on the (?:sidelines|margins) of) (?:an?|the|this|next) "
                             r"(?:[\w-]+\s+){0,3}?(?:summit|forum|congress|general assembly)\b", re.IGNORECASE)


def _roles(proc: _Proc, tracked: list[_Tracked], parties: list[str], names: dict[str, str],
           texts: dict[str, str]) -> list[Role]:
    from parley.actors.countries import country_name

    roles: list[Role] = [Role(ActorRef(k, names[k]), "party",
                              tuple(t.move.id for t in tracked if k in t.actors)) for k in parties]
    mediators: dict[str, list[str]] = defaultdict(list)
    hosts: dict[str, tuple[str, list[str]]] = {}
    guarantors: dict[str, list[str]] = defaultdict(list)
    observers: dict[str, list[str]] = defaultdict(list)
    party_countries = {k[:3] for k in parties}
    for item in tracked:
        move = item.move
        for ev in item.events:
            if ev.source and ev.source not in parties and (_is_mediating(ev) or ev.event.source is not None and (
                    _titled_go_between(ev.event.source, texts.get(move.article_id)))):
                mediators[ev.source].append(move.id)
            if ev.target and ev.target not in parties and (ev.event.cameo == "038" or ev.event.cameo == "028"
                                                            and ev.source in parties and not ev.event.negated):
                mediators[ev.target].append(move.id)   # accepted as go-between, or asked by a side to be one
            obj = ev.event.object.text if ev.event.object else ""
            found = _GUARANTEE_FROM.search(obj)
            if found and ev.event.target and ev.target and ev.target not in parties and (
                    ev.event.target.text in found.group(1)):
                guarantors[ev.target].append(move.id)
            if ev.event.trigger.text.lower().startswith("guarant") and ev.source and ev.source not in parties:
                guarantors[ev.source].append(move.id)
            if _OBSERVER.search(ev.event.evidence.text) and ev.source and ev.source not in parties:
                observers[ev.source].append(move.id)
        lender = _venue_lender(item, party_countries, texts)
        if lender:
            # "Turkmenistan had offered a government guesthouse for the meeting": the state that lends the room
            hosts.setdefault(lender, (names.get(lender) or country_name(lender) or lender, []))[1].append(move.id)
        if move.kind in HOSTING_KINDS and not move.negated:
            place = _talks_place(item, texts)
            if place is not None and place[1] and place[1] not in party_countries:
                # talks in a side's own country (a go-between's visit to its capital) have no host apart
                name, iso = place[0], place[1]
                hosts.setdefault(iso, (name or iso, []))[1].append(move.id)
    _drop_states_of_body_envoys(mediators, tracked, texts)
    for k, ids in _one_per_state(_without_envoys_of_bodies(mediators, parties)).items():
        roles.append(Role(ActorRef(k, names[k]), "mediator", tuple(_unique(ids))))
    for iso, (host_place, ids) in hosts.items():
        roles.append(Role(ActorRef(iso, names.get(iso) or country_name(iso) or iso), "host", tuple(_unique(ids)),
                          place=host_place))
    for k, ids in guarantors.items():
        roles.append(Role(ActorRef(k, names[k]), "guarantor", tuple(_unique(ids))))
    for k, ids in observers.items():
        roles.append(Role(ActorRef(k, names[k]), "observer", tuple(_unique(ids))))
    return roles


# --- putting it together ------------------------------------------------------------------------------


def _names(events: list[_Ev]) -> dict[str, str]:
    from parley.actors.countries import country_name
    from parley.actors.kb import SECTORS

    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    people: dict[str, Counter[str]] = defaultdict(Counter)
    for ev in events:
        for key, actor in ((ev.source, ev.event.source), (ev.target, ev.event.target)):
            if key and actor is not None:
                # (a side the coder placed without a name, "the teachers' unions" of GHALAB: its sector's label)
                label = SECTORS.get(key[3:]) if len(key) == 6 and not actor.name else None
                counts[key][actor.name or label or actor.text] += 1
                people[key].update(_people_named(actor.text))
    names = {}
    for key, seen in counts.items():
        own = [n for n in seen if "." in key and _slug(_bare_name(n)) == key.split(".", 1)[1]]
        if own:
            names[key] = max(own, key=lambda n: (seen[n], n))   # a named group among rivals: its own name
        elif len(key) == 3 and key.isalpha() and key.isupper():
            names[key] = country_name(key) or max(seen, key=lambda n: (seen[n], n))
        else:
            names[key] = max(seen, key=lambda n: (seen[n], n))
            country = country_name(key[:3]) if len(key) == 6 and key[3:] in SECTORS else None
            labels = {n for n in seen if n in SECTORS.values()}
            if country and names[key] in labels and key[3:] == "LAB" and len(labels) > 1:
                names[key] = SECTORS["LAB"]   # teachers and their union at one table: labour
            if country and names[key] in SECTORS.values():
                names[key] = f"{names[key]} ({country})"   # "Rebels (Colombia)", not a bare "Rebels"
            named = [n for n, _ in people[key].most_common(2)]
            if country and key[3:] not in STATE_SECTORS and named and (
                    names[key].startswith(tuple(SECTORS.values())) or names[key] in labels):
                # "Criminals of Colombia (Daniel Barrera Barrera, Maximiliano Bonilla)": the men the side is
                names[key] = f"{names[key]} ({', '.join(named)})"
    return names


# A person's name inside a mention: two to four capitalised words ("Daniel Barrera Barrera").
_PERSON_NAME = re.compile(r"(?<![\w'’])([A-Z][a-z]+(?:\s+(?:de\s+|del\s+|da\s+)?[A-Z][a-z]+){1,3})(?![\w'’])")


def _people_named(text: str) -> list[str]:
    """The names of people a mention gives ("Colombia's most notorious trafficker, Daniel Barrera Barrera", "the
    now-captured Maximiliano Bonilla"): capitalised words after a comma, after lower-case words only or opening the
    mention, that name no country and do not open with a title or an article."""
    found = []
    for m in _PERSON_NAME.finditer(text):
        name = m.group(1)
        before = text[:m.start()].rstrip()
        if before and not before.endswith((",", "-", "–")) and any(w[:1].isupper() for w in before.split()) \
                or _names_a_country(name) \
                or name.split()[0].lower() in _NOT_PERSON_FIRST:
            continue
        found.append(name)
    return found


# First words of capitalised phrases that are no person's name ("The Front", "Los Rastrojos").
_NOT_PERSON_FIRST = frozenset({"the", "los", "las", "el", "la", "a", "an", "this", "that", "both", "former",
                               "president", "minister", "general", "commander", "leader", "bishop"})


def _process_id(proc: _Proc) -> str:
    first = proc.edges[0]
    founders = "|".join(sorted((first.source or "", first.target or "")))
    return "n" + hashlib.sha1(f"{founders}|{first.date}".encode()).hexdigest()[:10]


def _resuming_nothing(tracked: list[_Tracked], party_ids: list[str], go_betweens: frozenset[str],
                      texts: dict[str, str]) -> set[str]:
    """Meetings and returns that resume no talks: a go-between meeting the sides "separately"; the lead-up to
    a resumption its sentence tells ("talks resumed on Wednesday, two days after the president met union
    leaders"); a side going home between rounds of talks abroad ("the chief negotiator flew back to Tonga")."""
    found = {t.move.id for t in tracked if t.move.kind == "meeting" and t.move.article_id in texts
             and ({a.id for a in t.move.sources} <= go_betweens or {a.id for a in t.move.targets} & go_betweens)
             and _SEPARATELY.search(_sentences_of(t, texts)[0])}
    resumed_in = {(t.move.article_id, e.event.sentence_index): t.move.date for t in tracked
                  if t.move.kind == "talks_resumed" for e in t.events}
    found |= {t.move.id for t in tracked if t.move.kind in RESUMING_KINDS and t.move.kind != "talks_resumed"
              and any((resumed := resumed_in.get((t.move.article_id, e.event.sentence_index))) is not None
                      and t.move.date is not None and t.move.date < resumed for e in t.events)}
    # ... a meeting of one side with someone outside the talks ("the United States and Venezuela wrapped up a
    # round on oil licences"): other talks
    found |= {t.move.id for t in tracked if t.move.kind in ("meeting", "negotiation")
              and any(a.id not in party_ids and a.id not in go_betweens for a in (*t.move.sources, *t.move.targets))}
    countries = {k[:3] for k in party_ids}
    abroad = any((venue := e.event.location) is not None
                 and venue.basis in (None, "clause", "sentence", "occasion", "paragraph", "dateline")
                 and venue.country not in countries
                 for t in tracked if t.move.kind in ("meeting", "negotiation", "talks_resumed") for e in t.events)
    if len(countries) > 1 or abroad:   # (one country's sides talking abroad go home between rounds too)
        found |= {t.move.id for t in tracked if t.move.kind in RESUMING_KINDS and t.move.sources
                  and _GOING_BACK.match(t.move.trigger) and t.move.article_id in texts
                  and (place := _place_after_trigger(_primary(t.events).event, texts[t.move.article_id],
                                                     right_after=True))
                  and all(a.id[:3] == place[1] for a in t.move.sources)}
    return found


def _opposition_as_one(proc: _Proc) -> None:
    """A coalition of parties that the text calls "the coalition" in one report and "the main opposition
    coalition" in another is one side: a party grouping of a country whose opposition is already a side of the
    talks is that opposition. Likewise a company of a country whose state bargains with the country's workers is
    the state's side ("the Gafsa Phosphate Company" beside the minister facing the miners' union)."""
    keys = {k for e in proc.events for k in (e.source, e.target) if k}
    merged = {k: k[:3] + "OPP" for k in keys if len(k) == 6 and k.endswith("PTY") and k[:3] + "OPP" in proc.parties}
    merged |= {k: k[:3] for k in keys if len(k) == 6 and k.endswith("BUS") and k[:3] in proc.parties
               and k not in proc.mediators
               and any(o[:3] == k[:3] and (o[3:] == "LAB" or o[3:] in _PROFESSIONS) for o in proc.parties)}
    if not merged:
        return
    for ev in [*proc.events, *proc.edges]:
        ev.source = merged.get(ev.source, ev.source) if ev.source else ev.source
        ev.target = merged.get(ev.target, ev.target) if ev.target else ev.target
    proc.parties = {merged.get(k, k) for k in proc.parties}


# What a deal of talks is called (a contract or a licence one side signs is no deal of the talks).
_DEAL_NOUN = re.compile(r"\b(?:agreements?|deals?|accords?|protocols?|memorand\w+|text|document|declaration|"
                        r"road ?map|framework|cease-?fires?|truces?|treat(?:y|ies)|pacts?|communiq\w+|understanding|"
                        r"arrangements?|settlement|compromise|package)\b|^(?:it|this|that|them)$", re.IGNORECASE)


def _other_talks_deals(tracked: list[_Tracked], parties: set[str], texts: dict[str, str],
                       topics: TopicLexicon) -> set[str]:
    """Deals of other talks told beside these: signed by no side of the process ("four Dutch parties concluded a
    coalition agreement" beside talks held in the Netherlands), or by one side alone on an issue no other move
    of the process is about ("the government and the labour congress reached a deal lifting the minimum wage",
    in a hostage story)."""
    discussed = {t.move.topic for t in tracked if t.move.kind != "agreement_signed" and t.move.topic}
    found = set()
    for item in tracked:
        move = item.move
        if move.kind != "agreement_signed" or _counted_sides(_primary(item.events)):
            continue
        signers = {a.id for a in (*move.sources, *move.targets)} & parties
        settled = {move.topic} if move.topic else set(_deal_sentence_topics(item, texts, topics))
        if not signers or len(signers) < 2 and settled and discussed and not settled & discussed:
            found.add(move.id)
        elif len(signers) < 2 and move.cameo == "057" and move.object and not _DEAL_NOUN.search(move.object):
            found.add(move.id)   # "the petroleum ministry signed an exploration contract": no deal of the talks
    return found


_AGAIN = re.compile(r"\b(?:again|once more|anew)\b", re.IGNORECASE)


def _late_returns(tracked: list[_Tracked], proc: _Proc, texts: dict[str, str]) -> set[str]:
    """Returns to the table told as background (well before their report's date) that happened after every
    earlier report of the process, in an article that tells no other return: news to the process, though not
    to the day ("walked back into the seminary on Monday of last week", in the first report since a boycott)."""
    published = {e.event.article_id: e.published for e in proc.events if e.published}
    told = {t.move.article_id for t in tracked if t.move.kind in ("talks_resumed", "delegation_returned")
            and not t.move.background}
    found = set()
    for item in tracked:
        move = item.move
        own = published.get(move.article_id)
        earlier = [p for p in published.values() if own and p < own]
        # ("took its place in the hall again on Monday, March 29, ending a 12-day absence")
        # (not a walkout: "the day after the delegation walked out of the first round")
        returning = move.kind not in HALTING_KINDS and (
            move.kind in ("talks_resumed", "delegation_returned") or _GOING_BACK.match(move.trigger)
            or move.trigger.lower().startswith("walk") or move.kind in RESUMING_KINDS and move.article_id in texts
            and _AGAIN.search(_sentences_of(item, texts)[0]) is not None)
        if move.background and returning and move.article_id not in told and move.date \
                and earlier and move.date > max(earlier):
            found.add(move.id)
    return found


def _late_halts(tracked: list[_Tracked]) -> set[str]:
    """Walkouts and recalls a later report retells with a day of their own ("The Front had frozen its participation
    on July 1 following her arrest") when no report told them as news near that day: the talks were halted then,
    though the first report of it was missed (they change the state only of talks then under way)."""
    news_halts = [t.move.date for t in tracked if t.move.kind in HALTING_KINDS and not t.move.background
                  and t.move.date]
    found = set()
    for item in tracked:
        move = item.move
        event = _primary(item.events).event
        if move.kind in HALTING_KINDS and move.background and move.modality is None and not move.negated \
                and move.date and event.date_basis in _OWN_DATE and event.date_precision == "day" \
                and not any(abs(_days(move.date, day) or 0) <= 3 for day in news_halts):
            found.add(move.id)
    return found


# Dealings of a side with someone else that are no part of these talks: deals, meetings, rounds and what is
# given up in them ("ending a strike").
_OTHER_DEALINGS = frozenset({"agreement_signed", "meeting", "negotiation", "meeting_planned", "talks_resumed",
                             "concession"})


def _other_talks_sides(tracked: list[_Tracked], founders: list[str], mediators: set[str], texts: dict[str, str],
                       topics: TopicLexicon) -> set[str]:
    """The sides of other talks told beside these: actors whose every move is a deal, meeting or round with one
    of the two sides that opened the talks, never with both nor with a go-between, on no issue the sides
    themselves take up ("Serbia and Kosovo agreed a protocol on a reservoir" in a report of Serbia's dialogue
    with its opposition; "the education ministry and the teachers' union concluded a salary deal" beside a
    truce)."""
    sides = set(founders) - mediators
    if len(sides) < 2:
        return set()
    found: set[str] = set()
    candidates = {a for t in tracked for a in t.actors} - sides - mediators
    if not candidates:
        return found
    told = [_issues_told(t, texts, topics) for t in tracked]   # (once per move: read on every board)
    for k in candidates:
        own = [i for i, t in enumerate(tracked) if k in t.actors]
        issues = {x for i, t in enumerate(tracked) if k not in t.actors and set(t.actors) & sides for x in told[i]}
        if own and all(tracked[i].move.kind in _OTHER_DEALINGS and len(set(tracked[i].actors) & sides) <= 1
                       and not set(tracked[i].actors) & mediators and not told[i] & issues for i in own):
            found.add(k)
    return found


# Lending the room for the talks: "Jordan offered the venue, a conference hall at its foreign ministry", "it was
# pleased to have provided a neutral space for the negotiations"
_LENT_VENUE = re.compile(r"^(?:offer|provid|lend|lent|made|make|put|place)\w*\b(?:\W+\w+){0,6}?\W+"
                         r"(?:venue|venues|hall|halls|premises|facilities|neutral (?:space|ground|venue)|a room|"
                         r"guest ?houses?|conference (?:room|centre|center))\b", re.IGNORECASE)


def _only_hosts(key: str, tracked: list[_Tracked], texts: dict[str, str]) -> bool:
    """Whether every move `key` makes is hosting, welcoming or lending the venue (and it makes one at least)."""
    own = [t for t in tracked if key in {a.id for a in t.move.sources}]
    return bool(own) and all(t.move.trigger and (_HOSTING.match(t.move.trigger.strip()) or _lends_venue(t, texts))
                             for t in own)


def _lends_venue(item: _Tracked, texts: dict[str, str]) -> bool:
    """Whether a move offers or provides the room for the talks ("offered the venue", "provided a neutral
    space")."""
    for ev in item.events:
        text = texts.get(ev.event.article_id)
        if text and _LENT_VENUE.match(text[ev.event.trigger.start:ev.event.trigger.start + 160]):
            return True
    return False


def _issues_told(item: _Tracked, texts: dict[str, str], topics: TopicLexicon) -> set[str]:
    """The issue of a move and those its sentence names ("met Togo's negotiators to discuss the maritime
    boundary")."""
    told = set(filter(None, [item.move.topic]))
    if item.move.article_id in texts:
        told |= set(topics.topics_of(_sentences_of(item, texts)[0]))
    return told


def _board(proc: _Proc, names: dict[str, str], topics: TopicLexicon, texts: dict[str, str]) -> Board:
    _opposition_as_one(proc)
    # each actor by the name its own talks call it most ("Los Rastrojos", not the rival gang of the same code
    # that the rest of the store names more often)
    names = {**names, **_names(proc.events)}
    groups = _merge_moves(proc.events, topics)
    tracked = []
    articles = list(dict.fromkeys(e.event.article_id for e in proc.events))
    for group in groups:
        move = _make_move(group, names, topics)
        if move.topic is None and move.object and not _REF_PROPOSAL.search(move.object) \
                and not _REF_DEMAND.search(move.object):
            # (a bare "the proposal" or "the demand" points back to its package instead: `_referents`)
            told = [texts[a] for a in sorted(articles, key=lambda a: a != move.article_id) if a in texts]
            topic = _topic_by_fuller_name(move.object, told, topics)
            if topic is not None:
                move = replace(move, topic=topic)
        first = min(group, key=lambda e: e.order)
        actors = _unique(k for e in group for k in (e.source, e.target) if k)
        tracked.append(_Tracked(move, group, (move.date or "", first.seq, first.order), actors))
    _order_undated_reports(tracked, texts)
    tracked.sort(key=lambda t: t.sort_key)
    if not any(len(k) == 6 and (k[3:] == "LAB" or k[3:] in _PROFESSIONS) for k in proc.parties):
        # talks without a union have no labour issue: "reinstate 14 of those inspectors" is about the inspectors
        for item in tracked:
            if item.move.topic == _LABOUR and item.move.object:
                rest = [t for t in topics.topics_of(item.move.object) if t != _LABOUR]
                item.move = replace(item.move, topic=rest[0] if rest else None)
    _topics_by_shared_words(tracked, topics)
    first_edge = proc.edges[0]
    founders = _unique(k for k in (first_edge.source, first_edge.target) if k)
    others = _other_talks_sides(tracked, founders, {e.source for e in proc.events if _is_mediating(e) and e.source},
                                texts, topics)
    tracked = [t for t in tracked if not set(t.actors) & others]
    left_open = _agreements(tracked, proc.parties, texts, topics)
    collapsed = _collapses(tracked, texts)
    rounds_ended = _rounds_ended(tracked, texts)
    _reread_halts(tracked, rounds_ended - collapsed, texts)
    # Counter-proposals: a party's proposal after another party proposed.
    proposers: set[str] = set()
    for item in tracked:
        if item.move.kind in ("proposal", "counter_proposal") and item.move.object:
            mine = {a.id for a in item.move.sources} & proc.parties
            if mine and proposers - mine:
                item.move = replace(item.move, kind="counter_proposal")
            proposers |= mine
    mediators = {k for t in tracked for e in t.events if _is_mediating(e) and e.source for k in [e.source]}
    mediators -= set(founders)
    mediators -= proc.parties
    other_deals = _other_talks_deals(tracked, proc.parties, texts, topics)
    # (what the deals of other talks settle is no position in these)
    positions = [p for p in _positions(tracked, names, topics, texts) if p.move_id not in other_deals]
    on_issues = {p.actor.id for p in positions if p.topic != OTHER_TOPIC}
    if _LABOUR in topics and any(len(k) == 6 and (k[3:] == "LAB" or k[3:] in _PROFESSIONS) for k in proc.parties):
        # a union's talks with its counterpart are about its members' work: an issue no topic names (the fine
        # for driving without a licence, in a drivers' strike) is theirs, and so are the guarantees it seeks (a
        # written pledge of no compulsory redundancies)
        positions = [replace(p, topic=_LABOUR) if p.topic in (OTHER_TOPIC, _GUARANTEES) else p for p in positions]
    # the country that hosts the rounds is a side only when it takes part in the talks themselves, not by a
    # position of someone the text leaves without a country of his own (taken from the venue); nor is one whose
    # only positions are on no issue of the talks ("around 140 of them have refused to come to the surface")
    hosting = {t.move.place_country for t in tracked if t.move.kind in HOSTING_KINDS and t.move.place_country}
    party_ids = _unique([*founders, *sorted(proc.parties - set(founders) - others,
                                            key=lambda k: (_first_seen(k, tracked), k)),
                         *(p.actor.id for p in positions if p.actor.id not in mediators and p.actor.id not in _COURTS
                           and (p.actor.id in proc.parties or p.actor.id not in hosting and p.actor.id in on_issues))])
    # "the rebel leadership" a go-between's envoy meets, coded as the go-between's own rebels, are the rebels
    # already at the table
    go_between_states = {m[:3] for m in mediators if len(m) == 3 or m.endswith("GOV")}   # (states, not churches)
    party_ids = [k for k in party_ids if not (len(k) == 6 and k[3:] in _DOMESTIC_SIDES and k[:3] in go_between_states
                                              and any(o != k and o[3:] == k[3:] for o in party_ids))]
    # a side's own citizens (the detainees it wants back, the relatives who protest) are no side of their own,
    # unless the talks began with them ("the government and the protesters opened talks"); nor are the people of
    # the country that lends the venue
    party_ids = [k for k in party_ids if not (len(k) == 6 and k[3:] == "CVL" and k not in founders
                                              and (k[:3] in party_ids or k[:3] in hosting))]
    # a state whose every act is hosting or welcoming the talks ("Switzerland is hosting the talks", "Switzerland,
    # which hosted the talks, said it was prepared to welcome the delegations again") lends the venue: no side
    party_ids = [k for k in party_ids if k in founders or not _only_hosts(k, tracked, texts)]
    # the unnamed gangs of a code whose named groups sit at the table ("the gangs", "gang leaders") are those
    # groups (`_Rivals`), no side of their own
    party_ids = [k for k in party_ids if sum(o.startswith(k + ".") for o in party_ids) < 2]
    roles = _roles(proc, tracked, party_ids, names, texts)
    mediator_refs = tuple(r.actor for r in roles if r.role == "mediator")
    issues = _issues(positions, party_ids, {m.id for m in mediator_refs}, topics)
    go_betweens = frozenset(r.actor.id for r in roles if r.role != "party") - set(party_ids)
    separate = _resuming_nothing(tracked, party_ids, go_betweens, texts)
    _told_start(tracked, texts)
    _told_departure(tracked, texts)
    _days_from_another_act(tracked, texts)
    tracked.sort(key=lambda t: t.sort_key)
    history = _one_deal_a_day(_states(tracked, {**_open_elsewhere(tracked, positions, topics, texts), **left_open},
                                      collapsed, go_betweens, separate,
                                      _late_returns(tracked, proc, texts) | _late_halts(tracked),
                                      other_deals, _named_states(tracked, texts), _deals_ended(tracked, texts)))
    state = history[-1] if history else StateChange("ongoing", None, (), "")
    gaps = _gaps(issues, topics) if state.status != "agreement" else _gaps_after_deal(
        positions, tracked, state.date, party_ids, {m.id for m in mediator_refs}, topics)
    if state.status == "collapsed":
        gaps = _gaps_at_collapse(gaps, issues)
    elif state.status == "partial_agreement":
        gaps = _settled_by_partial_deal(gaps, state, tracked, left_open, topics, texts)
    silent = {k: rest for k, rest in _silent_on(tracked, texts).items() if _still_contested(rest, positions, topics)}
    gaps = _with_left_open(gaps, tracked, {**silent, **left_open}, topics, state, texts)
    parties = tuple(ActorRef(k, names[k]) for k in party_ids)
    name = "–".join(p.name for p in parties[:3]) + (" and others" if len(parties) > 3 else "") + " talks"
    name += _name_detail(positions, tracked, topics)
    if mediator_refs:
        name += f" ({', '.join(m.name for m in mediator_refs)} mediating)"
    dates = sorted(t.move.date for t in tracked if t.move.date)
    process = Process(
        id=_process_id(proc), name=name, parties=parties, mediators=mediator_refs,
        hosts=tuple(r.actor for r in roles if r.role == "host"),
        first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None, status=state.status,
        n_moves=len(tracked), n_articles=len({t.move.article_id for t in tracked}),
    )
    return Board(process, tuple(roles), tuple(issues), tuple(t.move for t in tracked), state, tuple(history),
                 tuple(gaps), topics.version)


# International courts: what they order ("the International Court of Justice ordered both countries to remove
# their troops") is a ruling on the sides, no position of a side.
_COURTS = frozenset({"IGOUNOICJ", "IGOICC"})


# Moves whose place is the venue of the talks.
_VENUE_KINDS = frozenset({"meeting", "talks_resumed", "negotiation", "agreement_signed", "mediation"})


def _name_detail(positions: list[Position], tracked: list[_Tracked], topics: TopicLexicon) -> str:
    """What a reader adds to the parties to name talks: the issue most positions are about ("on
    sanctions") and the town most of the meetings took place in ("in Muscat")."""
    detail = ""
    by_topic = Counter(p.topic for p in positions if p.topic != OTHER_TOPIC)
    if by_topic:
        topic = max(by_topic, key=lambda t: (by_topic[t], -next(i for i, p in enumerate(positions)
                                                                if p.topic == t)))
        detail += " on " + re.split(r",| and ", topics.label(topic))[0].strip().lower()
    venues = Counter(t.move.place for t in tracked if t.move.kind in _VENUE_KINDS and t.move.place)
    if venues:
        first: dict[str | None, int] = {}
        for t in tracked:
            first.setdefault(t.move.place, len(first))
        detail += " in " + max(venues, key=lambda v: (venues[v], -first.get(v, 0)))
    return detail


def _order_undated_reports(tracked: list[_Tracked], texts: dict[str, str]) -> None:
    """Undated reports (no publication date, no date of their own) in the order their contents tell: a report of
    the talks resuming that also tells of their halt ("the government and the ELN resumed peace talks ... Violent
    actions caused the talks to be suspended until recently") comes after the reports of the halt alone, whatever
    the order the store holds them in."""
    if any(t.move.date for t in tracked):
        return
    halted = {t.move.article_id: t.sort_key[1] for t in tracked
              if t.move.kind in HALTING_KINDS and not t.move.background and not t.move.negated}
    if not halted:
        return
    last = max(halted.values())
    for item in tracked:
        article = item.move.article_id
        if article not in halted and any(t.move.article_id == article and t.move.kind == "talks_resumed"
                                         and not t.move.background for t in tracked) \
                and _TELLS_A_HALT.search(texts.get(article, "")):
            item.sort_key = (item.sort_key[0], last + 1 + item.sort_key[1], item.sort_key[2])


# Words of a halt of talks, which a report of their resumption may recall.
_TELLS_A_HALT = re.compile(r"\b(?:suspend(?:ed|ing|s)?|suspension|recall(?:ed|ing)?|broke off|broken off|walked out|"
                           r"walkout|halted|froze|frozen|pause[ds]?)\b", re.IGNORECASE)


def _first_seen(key: str, tracked: list[_Tracked]) -> int:
    return next((i for i, t in enumerate(tracked) if key in t.actors), len(tracked))


def _issues(positions: list[Position], parties: list[str], mediators: set[str], topics: TopicLexicon) -> list[Issue]:
    by_topic: dict[str, list[Position]] = defaultdict(list)
    for p in positions:
        by_topic[p.topic].append(p)
    order = [t.id for t in topics.topics] + [OTHER_TOPIC]
    issues = []
    for topic in sorted(by_topic, key=lambda t: (order.index(t) if t in order else len(order), t)):
        found = by_topic[topic]
        party_positions = []
        for party in parties:
            mine = [p for p in found if p.actor.id == party and party not in mediators]
            if mine:
                party_positions.append(PartyPosition(mine[0].actor, mine[-1], tuple(mine)))
        proposals = tuple(p for p in found if p.actor.id in mediators)
        if party_positions or proposals:
            issues.append(Issue(topic, topics.label(topic), tuple(party_positions), proposals))
    return issues


def track(store: Store, *, topics: TopicLexicon | None = None, gap_days: int = DEFAULT_GAP_DAYS) -> list[Board]:
    """Every negotiation process in the store, as full boards, in order of first appearance.

    Args:
        store: an open `parley.store.Store` (read-only is enough).
        topics: the topic lexicon; the shipped one by default (`load_topics` adds user files).
        gap_days: how long two parties may go without a negotiation event before their next one starts
            a new process.

    Returns:
        One `Board` per process.

    Raises:
        StoreError: the events cannot be read.
    """
    topics = topics or default_topics()
    events = _read_events(store)
    all_texts = store.article_texts(sorted({e.event.article_id for e in events}))
    _meetings_to_settle(events, all_texts)
    apart = _told_apart(events, all_texts)
    procs = _build_processes(events, topics, gap_days=gap_days, apart=apart)
    names = _names(events)
    wanted = [e.event.article_id for p in procs for e in p.events
              if e.kind.startswith("delegation") and _own_place(e.event) is None or e.kind == "meeting"
              or e.kind in ("agreement_signed", "acceptance", "concession", "proposal", "talks_halted", "demand",
                            "rejection", "counter_proposal", "mediation", "talks_resumed", "negotiation",
                            "threat_to_halt")]
    texts = {a: all_texts[a] for a in wanted if a in all_texts}
    boards = [_board(proc, names, topics, texts) for proc in procs]
    titles = store.article_titles(all_texts)
    return [b for b in boards if _shows_talks(b) and _told_at_length(b, all_texts, titles)]


# A meeting's purpose of settling a quarrel: "met in Vienna on Tuesday to end a dispute over a toll", "met ... in a
# bid to resolve their row over fishing rights", "met ... for talks on".
_TO_SETTLE = re.compile(r"^[^.;]{0,80}?\b(?:(?:in (?:a|an) (?:bid|effort|attempt)|seeking|trying|hoping) )?to "
                        r"(?:end|settle|resolve|defuse|ease|break)\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,3}?"
                        r"(?:dispute|row|quarrel|standoff|stand-off|deadlock|impasse|feud|crisis|conflict)\b|"
                        r"^[^.;]{0,60}?\bfor (?!(?:unrelated|separate|other|different)\b)(?:\w+ )?"
                        r"(?:talks|negotiations)\b", re.IGNORECASE)


def _meetings_to_settle(events: list[_Ev], texts: dict[str, str]) -> None:
    """Meetings of two sides that their sentence says were to settle a dispute ("Czech and Slovak ministers met in
    Vienna on Tuesday to end a dispute over a barge toll") are talks: core events."""
    for ev in events:
        if ev.core or ev.kind != "meeting" or not ev.source or not ev.target or ev.source == ev.target \
                or not ev.event.cameo.startswith("04") or ev.event.modality is not None or ev.event.negated:
            continue
        text = texts.get(ev.event.article_id)
        if text and _TO_SETTLE.match(text[ev.event.trigger.end:ev.event.trigger.end + 200]):
            ev.core = True


# Where a text's sentences end: a full stop, question or exclamation mark (a closing quote may follow) before white
# space, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d]?\s+|\n+")


# A long article tells of talks at length when one sentence in this many names them or their moves.
_SHARE_OF_LONG = 10


def _told_at_length(board: Board, texts: dict[str, str], titles: dict[str, str] | None = None) -> bool:
    """Whether some article of the process tells of talks at more than a passing mention: in three sentences or
    more that are a tenth of its sentences at least, or in a quarter of its sentences (a brief), counting those
    that name talks and those that tell its moves, or whose title names the talks or their deal ("Kurds announce
    deal with ..."). A sentence or two of a long report about something else (a report on army training that
    recalls the peace negotiations, a campaign round-up recalling a deal) is no process a reader would follow.
    Without the articles' texts, or with texts that do not hold the moves' words, nothing can be judged: kept."""
    news = [m for m in board.moves if not m.background]
    known = {a: texts[a] for a in {m.article_id for m in news} if a in texts}
    if not known:
        return True
    for article_id, text in known.items():
        title = (titles or {}).get(article_id, "")
        if _TALKS_CUE.search(title) or _DEAL_IN_TITLE.search(title):
            return True
        sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
        evidence = [m.evidence for m in news if m.article_id == article_id and m.evidence]
        if not any(e in text for e in evidence):
            return True   # a text that does not hold the moves' words (another version of the article)
        told = sum(bool(_TALKS_CUE.search(s)) or any(e in s or s in e for e in evidence) for s in sentences)
        if told >= 3 and told * _SHARE_OF_LONG >= len(sentences) or told * 4 >= len(sentences) > 0:
            return True   # (six sentences of a 260-sentence campaign round-up are passing mentions)
    return False


# A sentence that says it tells of something else than the paragraphs before it.
_APART = re.compile(r"^\W*(?:separately|elsewhere|in (?:a |an )?(?:separate|unrelated|different) (?:development|move|"
                    r"case|announcement|negotiation|dispute|deal|set of talks|talks)|in other news|meanwhile,? in|"
                    r"in (?:a |an )?(?:separate|unrelated) [\w-]+|"   # "In a separate ceremony on Tuesday, ..."
                    r"in (?:[\w.'-]+ ){0,2}[\w.'-]+, meanwhile)\b",
                    re.IGNORECASE)


# ... or that calls what it tells separate ("..., concluding a separate round of contacts hosted by Oman",
# "Saudi Arabia and the Houthis separately agreed ...")
_APART_INSIDE = re.compile(r"\b(?:(?:a|an|its|their|the) )?(?:separate|unrelated) (?:round|set|track|channel|"
                           r"negotiation|process|"
                           r"deal|agreement|accord|arrangement|dispute|contacts?|talks)s?\b|"
                           r"\bseparately (?:agreed|signed|reached|concluded|struck|sealed|settled)\b|"
                           r"\bseparately (?:preparing|organi[sz]ing|arranging|planning|brokering|mediating|convening|"
                           r"hosting|negotiating|talking|holding talks|in talks|in negotiations|engaged in)\b|"
                           # "Algeria and Italy signed a five-year extension of their own gas supply arrangement"
                           r"\btheir own\s+(?:[\w-]+\s+){0,3}?(?:deal|agreement|arrangement|accord|talks|contract|"
                           r"pact|negotiations)\b|"
                           r"\b(?:proceeding|held|conducted|handled|negotiated|running|taking place)\s+separately\b|"
                           # "Rwanda's foreign minister was separately in Luanda for another round of talks"
                           r"\b(?:was|were|is|are)\s+(?:also\s+)?separately\b|"
                           # "The Panama talks are unrelated to Colombia's negotiations with the European Union"
                           r"\b(?:unrelated|separate|distinct) (?:to|from)\b|"
                           r"\bnot (?:connected|linked|related) (?:to|with)\b",
                           re.IGNORECASE)


# ... or whose next sentence says so ("That dispute was handled separately, in talks at the health ministry.")
_APART_NEXT = re.compile(r"^\W*(?:that|this|those|these|the latter|the other)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:was|were|is|are|has been|have been|had been)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:separately|separate|apart|unrelated|not (?:part|linked|connected|related))\b",
                         re.IGNORECASE)


# A sentence that says its paragraph tells of something else ("It has no bearing on the Lebanese dispute.", "The
# budget dispute ... is unrelated to the talks with Syria.")
_APART_PARAGRAPH = re.compile(r"\b(?:has|have|had|bears?|bore) no bearing on\b|\bunconnected (?:to|with)\b|"
                              r"\b(?:is|are|was|were|remains?|remained) (?:also )?(?:entirely |wholly )?"
                              r"(?:unrelated|not (?:connected|linked|related)) (?:to|with)?\b",
                              re.IGNORECASE)


# A title that tells of a deal ("Kurds announce deal with Assad's government as Turkey invades").
_DEAL_IN_TITLE = re.compile(r"\b(?:deal|deals|agreement|agreements|accord|accords|pact|pacts)\b", re.IGNORECASE)


def _told_apart(events: list[_Ev], texts: dict[str, str]) -> frozenset[str]:
    """The ids of events whose sentence opens "Separately, ...", "Elsewhere, ...", "In other news, ..." or calls
    what it tells separate, or whose next sentence does ("That dispute was handled separately"): another story
    of the article ("Separately, the economy ministry reached an agreement with the IMF"); such an event joins
    only talks of both its sides."""
    found = set()
    for ev in events:
        text = texts.get(ev.event.article_id)
        if text:
            start, end = _sentence_bounds(text, ev.event.trigger.start, ev.event.trigger.end)
            following = text[end:end + 300].lstrip()
            paragraph = text.rfind("\n", 0, start) + 1   # ("In a separate development, ... A joint statement
            # said the two leaders had agreed ...": the whole paragraph tells the other story)
            if _APART.match(text[start:ev.event.trigger.start]) or _APART_INSIDE.search(text[start:end]) \
                    or _APART_NEXT.match(following) or paragraph < start and _APART.match(text[paragraph:start]) \
                    or _APART_PARAGRAPH.search(_paragraph_of(text, start)):
                found.add(ev.event.event_id)
    return frozenset(found)


def _paragraph_of(text: str, at: int) -> str:
    """The paragraph of `text` around offset `at`."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1:end if end >= 0 else len(text)]


# Words that say talks are going on: a process of signed deals, offers and rejections alone ("signed a
# security cooperation agreement", "sealed a deal") is no negotiation a reader would follow.
_TALKS_CUE = re.compile(r"\b(?:talks|negotiat\w*|mediat\w*|cease-?fire|truce|dialogue|armistice|"
                        r"peace (?:process|talks|deal|accord|agreement|plan|proposal))\b", re.IGNORECASE)
_TALK_KINDS = frozenset({"negotiation", "talks_resumed", "talks_halted", "mediation", "delegation_sent",
                         "delegation_recalled", "delegation_returned"})


def _shows_talks(board: Board) -> bool:
    """Whether a process shows talks: a move of talks (negotiating, resuming, halting, mediating, sending or
    recalling a delegation) or one whose words name talks, a ceasefire or a peace process."""
    news = [m for m in board.moves if not m.background]
    if len(news) < 2 and not (news and _is_talks(news[0], domestic=_armed_or_political(news[0])
                                                 or news[0].kind == "agreement_signed")
                              and news[0].kind not in ("concession", "rejection")
                              and all(_may_negotiate(r.actor.id) for r in board.roles if r.role == "party")):
        # one act alone is a process only when it is talks (or their deal) between states, international bodies or
        # armed and political groups ("Russia and Ukraine negotiated", "the SDF reached an agreement with the
        # Syrian government"), or a state's deal with its own unions, farmers or opponents ("the government and
        # coca farmers came to an agreement"); "a company negotiated the purchase", "the two sides broke off their
        # ...", a truce mentioned in passing are no process a reader would follow
        return False
    if sum(r.role == "party" for r in board.roles) < 2:
        return False   # "the dissidents abandoned the peace process": talks need two sides
    # talks that happened, told as news (not "could be hypothetically reached", "will act as mediators", "did
    # not meet", nor the 1905 mediation a round-up recalls)
    return any(_is_talks(m) and m.modality is None and not m.negated and not m.background for m in board.moves)


def _is_talks(move: Move, *, domestic: bool = True) -> bool:
    if domestic and move.kind in ("meeting", "agreement_signed") and _domestic_sides(move):
        return True   # a government meeting or settling with its own unions, opposition or rebels
    return move.kind in _TALK_KINDS or bool(_TALKS_CUE.search(" ".join(filter(None, (move.trigger, move.object,
                                                                                     move.evidence)))))


# Sectors of a state's armed and political opponents, whose one deal with it is the end of talks.
_ARMED_OR_POLITICAL = frozenset({"REB", "INS", "SEP", "OPP", "PTY", "UAF", "PRM"})


def _armed_or_political(move: Move) -> bool:
    return any(len(a.id) == 6 and a.id[3:] in _ARMED_OR_POLITICAL for a in (*move.sources, *move.targets))


def _domestic_sides(move: Move) -> bool:
    ids = [a.id for a in (*move.sources, *move.targets)]
    states = {i for i in ids if len(i) == 3 and i.isalpha()}
    return any(len(i) == 6 and i[:3] in states and i[3:] in _DOMESTIC_SIDES for i in ids)


# Sectors of actors who take part in talks without being parties to a conflict or a political dispute
_NOT_NEGOTIATING_SECTORS = ("BUS", "CVL", "EDU", "MED", "HLH", "JRN", "REF", "ELI")


def _may_negotiate(actor_id: str) -> bool:
    code = actor_id.split(".")[0]   # (a named group among rivals of one code: "SLVCRM.MS13")
    return not (len(code) >= 3 and code[-3:] in _NOT_NEGOTIATING_SECTORS)


def find_processes(store: Store, *, topics: TopicLexicon | None = None,
                   gap_days: int = DEFAULT_GAP_DAYS) -> list[Process]:
    """The negotiation processes found in the store's events, in order of first appearance.

    Args:
        store: an open `parley.store.Store` (read-only is enough).
        topics: the topic lexicon; the shipped one by default.
        gap_days: see `track`.

    Returns:
        One `Process` per connected set of parties (id, name, roles, period, state).
    """
    return [b.process for b in track(store, topics=topics, gap_days=gap_days)]


def board(store: Store, process_id: str, *, topics: TopicLexicon | None = None,
          gap_days: int = DEFAULT_GAP_DAYS) -> Board:
    """The board of one process: roles, issues and positions, moves, state and gaps.

    Args:
        store: an open `parley.store.Store`.
        process_id: a process id, or a prefix of one that no other id shares.
        topics: the topic lexicon; the shipped one by default.
        gap_days: see `track`.

    Raises:
        UnknownProcess: no process has this id, or the prefix is ambiguous.
    """
    boards = track(store, topics=topics, gap_days=gap_days)
    exact = [b for b in boards if b.process.id == process_id]
    if exact:
        return exact[0]
    matches = [b for b in boards if process_id and b.process.id.startswith(process_id)]
    if len(matches) == 1:
        return matches[0]
    raise UnknownProcess(process_id, candidates=[b.process.id for b in matches])
