"""Plain, frozen records that flow out of the coder: articles, actors, events.

This module imports nothing else of Parley's and nothing of spaCy's: the store, the
CLI and every later consumer work on these records only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"


# The modalities of content and conditions: what was demanded, offered ... is not a fact.
CONTENT_MODALITIES = ("demanded", "requested", "offered", "proposed", "promised", "threatened", "refused",
                      "conditional")
# Every modality an event may carry (None aside), documented in docs/schema.md.
MODALITIES = (*CONTENT_MODALITIES, "future", "intent", "hypothetical", "purpose", "attempt")
# A plan or a future that the code itself states: an expression of intent (03x) or a threat (13x).
_STATED_MODALITIES = ("future", "intent")
_STATEMENT_ROOTS = ("03", "13")


def is_factual(modality: str | None, negated: bool, cameo: str) -> bool:
    """Whether an event with this modality, negation and CAMEO code counts as having happened (`Event.factual`)."""
    if negated:
        return False
    return modality is None or (modality in _STATED_MODALITIES and cameo[:2] in _STATEMENT_ROOTS)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article to code.

    `published` is the article's date (the base for relative dates), or None when unknown.
    """

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the article text; `start`/`end` are character offsets into `Article.text`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: CAMEO-style code plus a display name.

    `code` is e.g. "USAGOV", "RUSMIL", "IGOUNO", "PSEREB" or a bare sector such as "REB"
    when the country is unknown, or None for a named actor the knowledge base does not know.
    `country` is ISO 3166 alpha-3 or None; `sector` the primary role code (GOV, MIL, COP, REB, ...).
    """

    code: str | None
    name: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor as it appears in the text (span) with its resolution."""

    text: str
    start: int
    end: int
    code: str | None
    name: str | None
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """A place: its name, ISO3 country, a representative point, and what kind of place it is.

    `kind`: "city" (a town or city), "region" (a first-level division, a territory or a named area),
    "country". `basis`, on an event's location: where the coder found it, nearest first: "clause" (a
    place phrase of the event's own clause), "sentence" (elsewhere in its sentence), "occasion" (where the
    article placed the occasion the act took place at: "During the debate, ..."), "paragraph" (the town its
    paragraph last named as where an act happened), "dateline" (the
    article's dateline), "article" (the article's dominant place), "country" (the country of the
    event's actors when the article names no place) — see docs/schema.md.
    """

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str | None = None
    basis: str | None = None

    def __reduce__(self) -> tuple[type[Location], tuple[str, str | None, float | None, float | None, str | None,
                                                         str | None]]:
        # the constructor, not the frozen dataclass's field-by-field __setstate__: the compiled gazetteer
        # (`parley.resource_cache`) holds some 38,000 of these, and unpickles a third faster so
        return (Location, (self.name, self.country, self.lat, self.lon, self.kind, self.basis))


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    code: str | None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says an event happened, and how firmly.

    `speaker`: who said it (reported speech or a quotation), with `cue` the speech verb.
    `reported_by`: outlets or sources the claim is credited to ("according to X", "X reported").
    `hedged`: marked as unconfirmed (reportedly, allegedly, is said to, ...).
    `quoted`: the evidence sits inside quotation marks.
    """

    speaker: Speaker | None = None
    cue: str | None = None
    reported_by: tuple[str, ...] = ()
    hedged: bool = False
    quoted: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when and where, and who says so.

    `object` is what is demanded, offered, accepted or rejected when that is not an actor
    ("the release of 200 prisoners"); `evidence` covers source, trigger and target in the text.
    `date_basis` says where `date` came from: "text" (a date phrase of the event's own clause), "sentence"
    (one governing its clause), "paragraph" (the date of the paragraph's latest dated act), "lead" (the date
    the article's lead paragraph ends with, for a material act in a later paragraph without one), "same_act"
    (the date another telling of the same act in the article gives it), "occasion" (the date of an occasion
    named earlier that the act took place at: "during the debate"), "title" (the past month a round-up's
    title names, month precision), "published"
    (the fallback) or "none".
    `relevant` is False for an event that is not political-event data: none of its actors is a state,
    its organs, an armed group, a party, an international or organised civil-society body, protesters
    or civilians, and it is no protest, coercion or violence (a company's deal, a singer's tour, a
    private person's act; see docs/schema.md). Statistics and queries leave such events out unless
    asked.
    `modality` says what the text asserts of the coded act: None, it happened (as reported); "demanded",
    "requested", "offered", "proposed", "promised", "threatened", "refused" — it is the content of
    another event (a demand, an appeal, an offer ...), whose id is `carried_by`; "conditional" — a
    condition set by the event `carried_by` ("will sign only if the army withdraws"); "future",
    "intent", "hypothetical", "purpose", "attempt" — planned, possible or aimed at. `factual` tells
    which events count as having happened (see `FACTUAL_MODALITIES`).
    `background` is True for an act the article tells as earlier history (past perfect outside reported
    speech, or a date of its own well before the publication date): it keeps its own date, and
    statistics leave it out unless asked.
    """

    event_id: str
    article_id: str
    sentence_index: int
    trigger: TextSpan
    source: ActorMention
    target: ActorMention | None
    cameo: str
    cameo_name: str
    plover: str | None
    plover_mode: str | None
    quad: int
    goldstein: float
    negated: bool
    modality: str | None
    date: str | None
    date_precision: str | None
    date_basis: str
    location: Location | None
    attribution: Attribution
    rule: str
    evidence: TextSpan
    object: TextSpan | None = None
    relevant: bool = True
    carried_by: str | None = None
    background: bool = False
    version: str = SCHEMA_VERSION
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def factual(self) -> bool:
        """Whether the text asserts the coded act happened: not negated, and no modality, or a statement
        of intent or a threat (CAMEO 03x, 13x) made as a plan or a future ("will send aid" is an
        expression of intent that was made)."""
        return is_factual(self.modality, self.negated, self.cameo)

    def to_dict(self) -> dict[str, Any]:
        """The event as JSON-ready plain data (the documented output contract), with `factual` added."""
        data = dataclasses.asdict(self)
        data["factual"] = self.factual
        return data
