"""When and where: the date and place phrases of a sentence, attached to the predicates they modify."""

from __future__ import annotations

from spacy.tokens import Span, Token

from parley.coding.cues import Cues
from parley.dates import resolve_date
from parley.places import Gazetteer
from parley.types import Article, Location

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# "in the Gaza Strip city", "near the Kassala camp": a place named as a modifier of a place noun only.
_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "border",
                          "capital", "coast", "area", "camp", "port", "county", "governorate", "valley",
                          "strip", "neighborhood", "neighbourhood", "suburb", "island", "territory"})


class Attachments:
    """Temporal and locative expressions of a sentence, keyed by the predicate they attach to."""

    def __init__(self, sent: Span, ents: list[Span], cues: Cues) -> None:
        self.dates: dict[int, list[Span]] = {}
        self.places: dict[int, list[Span]] = {}
        for ent in ents:
            if ent.label_ == "DATE":
                host = _host_predicate(ent.root)
                if host is not None:
                    self.dates.setdefault(host.i, []).append(ent)
            elif ent.label_ in _PLACE_TYPES:
                root = ent.root
                if root.dep_ == "pobj" and root.head.lower_ in cues.locative_preps:
                    self.places.setdefault(root.head.head.i, []).append(ent)
                elif root.dep_ == "compound" and root.head.dep_ == "pobj" and \
                        root.head.head.lower_ in cues.locative_preps and root.head.lemma_.lower() in _PLACE_NOUNS:
                    self.places.setdefault(root.head.head.head.i, []).append(ent)


def _host_predicate(token: Token) -> Token | None:
    """The nearest verb above `token` (at most six arcs up): the predicate a date phrase modifies."""
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.i != token.i:
            return t
        if t.head.i == t.i:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
    return None


def event_date(hosts: list[Token], attachments: Attachments, article: Article) -> tuple[str | None, str | None, str]:
    """The date of the first host predicate's date phrase that resolves, as (ISO date, precision, basis);
    else the article's publication date (basis "published"), else nothing (basis "none")."""
    for host in hosts:
        for ent in attachments.dates.get(host.i, ()):
            resolved = resolve_date(ent.text, article.published)
            if resolved is not None:
                return resolved.date.isoformat(), resolved.precision, "text"
    if article.published is not None:
        return article.published.isoformat(), "day", "published"
    return None, None, "none"


def event_location(hosts: list[Token], attachments: Attachments, gazetteer: Gazetteer) -> Location | None:
    """The first place phrase of a host predicate that the gazetteer knows."""
    for host in hosts:
        for ent in attachments.places.get(host.i, ()):
            found = gazetteer.lookup(ent.text)
            if found is not None:
                return found
    return None
