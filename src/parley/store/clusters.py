"""One event, many reports: which stored events describe the same occurrence.

A mention (one stored event) joins an existing cluster when all of these hold:

- the same CAMEO root, the same `negated` flag and the same `factual` flag (what was demanded or
  threatened never merges with what happened);
- the same source actor, matched hierarchically: equal codes, or one code extends the other ("ISR"
  and "ISRMIL": a country and its military or government); never null (an event without a source
  code is a cluster of its own). Two different sectors of one country ("ISRMIL", "ISRGOV") stay apart;
- the same target, matched the same way (two reports without a target match, for a verbal act only
  with the same full code); for a material act
  (`MATERIAL_ROOTS`: quad classes 2 and 4) a report that names no target fits a cluster with one, and a
  cluster founded without a target takes the first target that joins it (a statement or an appeal
  without an addressee is too common to identify one event);
- for a symmetric act (`SYMMETRIC_CODES`: meet, consult, negotiate, cooperate, agree, sign, fight)
  either direction: "A met B" and "B met A" are one meeting (a bare sector then matches only itself);
- its date (the event date, else the article's publication date; never unknown: an undated event is a
  cluster of its own, as is one dated only to a month or a year, and one told as background) lies
  within `window_days` of the cluster's anchor date (the date of the mention that founded the cluster),
  one day more when the mention's date is only its publication date (a report the next day of an
  undated act);
- compatible places: same country or either unknown; a country fits any place in it, and a country
  guessed from the actors (`location_basis` "country") is no evidence and fits any place; when both
  have coordinates, within `distance_km` of each other or the same place name;
- if the cluster already holds a mention from the same article, the new one must be that mention
  reported twice (headline and lead): the same full CAMEO code (or two codes of one meeting, 040-046)
  and the same place (or no place).

Several clusters may fit: the one whose anchor is closest in date wins, then one with the same full CAMEO
code, then one whose actor codes are equal rather than only related, then the nearer place, then the
larger cluster, then the smaller id. A cluster's id is a hash of its founding event's id, so it stays the
same as long as the cluster exists.

This module decides membership only, over plain records (`Mention`, `Cluster`): `assign_clusters`
takes the new mentions and the existing clusters they may join, and returns an `Assignment`. The
store reads those records, and writes and counts what the assignment says.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from parley.actors.countries import country_name

DEFAULT_WINDOW_DAYS = 1
DEFAULT_DISTANCE_KM = 100.0

#: CAMEO codes of acts that have no direction: the two sides do them together. Consult (040), by
#: telephone (041), a visit and its hosting (042, 043: "A visited B" is "B hosted A"), meet at a third
#: place (044), negotiate (046), diplomatic cooperation (050), sign an agreement (057), material
#: cooperation (060-063), fight (190 use conventional force, 193 small arms).
SYMMETRIC_CODES = frozenset({"040", "041", "042", "043", "044", "046", "050", "057", "060", "061", "062", "063",
                             "190", "193"})


# Codes of one meeting that one article may tell with two words ("hosted", "discussed").
_MEETINGS = frozenset({"040", "041", "042", "043", "044", "046"})


#: CAMEO roots of material acts (quad classes 2 and 4): acts that can be told without naming the one they
#: are done to ("Israeli jets struck Khan Younis") and still be one identifiable event.
MATERIAL_ROOTS = frozenset({"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})

# Organs of a state that outlets name for one another ("the police", "the authorities", "security forces").
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})


#: Sectors of the people in a crowd, which outlets name for one another in a protest ("tens of thousands of
#: people", "students and opposition supporters", "trade unionists"): for protest codes (root 14) one of
#: them fits another of the same country.
CROWD_SECTORS = frozenset({"CVL", "EDU", "LAB", "OPP", "HRI", "REL", "PTY"})


def same_crowd(a: str | None, b: str | None) -> bool:
    """Whether two codes can name one protesting crowd: crowd sectors (`CROWD_SECTORS`) of the same country,
    or a bare crowd sector and a crowd sector of a country ("CVL", "SRBEDU")."""
    if a is None or b is None:
        return False
    sector_a, sector_b = (a[3:6] if len(a) >= 6 else a), (b[3:6] if len(b) >= 6 else b)
    if sector_a not in CROWD_SECTORS or sector_b not in CROWD_SECTORS:
        return False
    if len(a) >= 6 and len(b) >= 6:
        return a[:3] == b[:3]
    return len(a) == 3 or len(b) == 3


def related_actors(a: str | None, b: str | None, *, loose: bool = True) -> bool:
    """Whether two actor codes can name the same actor in two reports: equal; one extends the other ("SDN",
    "SDNMIL"); two organs of one state (`STATE_SECTORS`: "BLRCOP" and "BLRGOV", "ISRMIL" and "ISRGOV"); or
    a bare sector and that sector of a country ("CVL" and "KENCVL")."""
    if a is None or b is None:
        return False
    if a == b or (len(a) >= 3 and len(b) >= 3 and (a.startswith(b) or b.startswith(a))):
        return True
    if len(a) >= 6 and len(b) >= 6 and a[:3] == b[:3]:
        return a[3:6] in STATE_SECTORS and b[3:6] in STATE_SECTORS
    if not loose:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) == 3 and len(long) >= 6 and long[3:6] == short and country_name(short) is None


@dataclass(frozen=True, slots=True)
class Mention:
    """What clustering needs to know about one stored event."""

    event_id: str
    article_id: str
    source_code: str | None
    target_code: str | None
    cameo_root: str
    cameo: str
    negated: bool
    date: dt.date | None
    location_name: str | None = None
    location_country: str | None = None
    location_lat: float | None = None
    location_lon: float | None = None
    factual: bool = True
    dated_by_text: bool = True   # False when `date` is only the publication date
    location_kind: str | None = None
    location_basis: str | None = None   # "country": a guess from the actors, no evidence of the place
    background: bool = False            # told as earlier history
    day_dated: bool = True              # False for a date known only to the month or year

    @property
    def key(self) -> tuple[str, bool, bool]:
        return (self.cameo_root, self.negated, self.factual)

    @property
    def clusterable(self) -> bool:
        return self.source_code is not None and self.date is not None and self.day_dated and not self.background


@dataclass(slots=True)
class Cluster:
    """A cluster's fixed description (key, anchor date, place) and the mentions it gained in this run."""

    cluster_id: str
    source_code: str | None
    target_code: str | None
    cameo_root: str
    negated: bool
    anchor_date: dt.date | None
    location_name: str | None = None
    location_country: str | None = None
    location_lat: float | None = None
    location_lon: float | None = None
    n_mentions: int = 0
    cameo: str | None = None
    factual: bool = True
    location_kind: str | None = None
    location_basis: str | None = None
    by_article: dict[str, list[Mention]] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, bool, bool]:
        return (self.cameo_root, self.negated, self.factual)

    def actors_fit(self, mention: Mention) -> tuple[bool, bool]:
        """Whether the mention's actors fit this cluster's (see the module doc), and whether they are equal."""
        material = mention.cameo_root in MATERIAL_ROOTS
        if self._sides_fit(mention.source_code, mention.target_code, material=material,
                           same_code=mention.cameo == self.cameo, crowd=mention.cameo_root == "14"):
            return True, (mention.source_code, mention.target_code) == (self.source_code, self.target_code)
        symmetric = mention.cameo in SYMMETRIC_CODES and self.cameo in SYMMETRIC_CODES
        if symmetric and mention.target_code is not None and self.target_code is not None \
                and self._sides_fit(mention.target_code, mention.source_code, material=False, loose=False):
            return True, (mention.target_code, mention.source_code) == (self.source_code, self.target_code)
        return False, False

    def _sides_fit(self, source: str | None, target: str | None, *, material: bool, loose: bool = True,
                   same_code: bool = False, crowd: bool = False) -> bool:
        """`loose` allows a bare sector for a country's (not in a reversed telling); `material` lets a side
        without a target fit (a statement without an addressee is too common to identify an event: two
        such reports fit only with the same full code); `crowd` lets protesters named by different crowd
        sectors fit (`same_crowd`)."""
        if not (related_actors(self.source_code, source, loose=loose)
                or crowd and same_crowd(self.source_code, source)):
            return False
        if target is None or self.target_code is None:
            return material or target is None and self.target_code is None and same_code
        return related_actors(self.target_code, target, loose=loose)


def cluster_id_for(event_id: str) -> str:
    """The id of a cluster founded by `event_id`."""
    return "c" + hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:16]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _places_compatible(a_name: str | None, a_country: str | None, a_lat: float | None, a_lon: float | None,
                       b: Mention, max_km: float, a_kind: str | None = None, a_basis: str | None = None) -> bool:
    if "country" in (a_basis, b.location_basis):
        return True   # a country guessed from the actors says nothing of where the act was
    if a_country is not None and b.location_country is not None and a_country != b.location_country:
        return False
    if "country" in (a_kind, b.location_kind):
        return True   # a country holds every place in it
    if None not in (a_lat, a_lon, b.location_lat, b.location_lon):
        same_name = a_name is not None and b.location_name is not None and (
            a_name.casefold() == b.location_name.casefold())
        return same_name or distance_km(a_lat, a_lon, b.location_lat, b.location_lon) <= max_km  # type: ignore[arg-type]
    return True


def _same_place(a: Mention, b: Mention) -> bool:
    """Within one article: the same place, or one of the two is not placed at all (or only guessed from
    its actors' country)."""
    if a.location_name is None and a.location_country is None or b.location_name is None and (
            b.location_country is None) or "country" in (a.location_basis, b.location_basis):
        return True
    if a.location_country != b.location_country:
        return False
    if a.location_name is not None and b.location_name is not None and (
            a.location_name.casefold() == b.location_name.casefold()):
        return True
    if None not in (a.location_lat, a.location_lon, b.location_lat, b.location_lon):
        return distance_km(a.location_lat, a.location_lon, b.location_lat, b.location_lon) < 1.0  # type: ignore[arg-type]
    return a.location_name is None or b.location_name is None


class Clusterer:
    """Assigns mentions to clusters, one at a time, in the order given.

    Args:
        clusters: existing clusters that may receive mentions (the store passes those whose key and
            anchor date fit the new mentions).
        window_days: how far (in days) a mention's date may be from a cluster's anchor date.
        max_km: how far apart two located places may be and still be the same place.
    """

    def __init__(self, clusters: Iterable[Cluster] = (), *, window_days: int = DEFAULT_WINDOW_DAYS,
                 max_km: float = DEFAULT_DISTANCE_KM, taken: Callable[[str], bool] | None = None) -> None:
        self.window = dt.timedelta(days=window_days)
        self._taken = taken
        self.max_km = max_km
        self._by_key: dict[tuple[str, bool, bool], list[Cluster]] = {}
        self.touched: dict[str, Cluster] = {}
        for cluster in clusters:
            self._by_key.setdefault(cluster.key, []).append(cluster)

    def assign(self, mention: Mention) -> Cluster:
        """The cluster `mention` joins (a new one when none fits); it is marked as touched."""
        best: Cluster | None = None
        if mention.clusterable:
            fits = [c for c in self._by_key.get(mention.key, ()) if self._fits(c, mention)]
            if fits:
                best = min(fits, key=lambda c: self._rank(c, mention))
        if best is None:
            best = Cluster(self._new_id(mention.event_id), mention.source_code, mention.target_code,
                           mention.cameo_root, mention.negated, mention.date, cameo=mention.cameo,
                           factual=mention.factual)
            if mention.clusterable:
                self._by_key.setdefault(best.key, []).append(best)
        elif best.target_code is None and mention.target_code is not None and mention.cameo_root in MATERIAL_ROOTS \
                and best.actors_fit(mention)[0] and related_actors(best.source_code, mention.source_code):
            best.target_code = mention.target_code   # a cluster founded without a target takes the first one
        no_place = best.location_country is None and best.location_lat is None and best.location_name is None
        guessed = best.location_basis == "country" and mention.location_basis not in (None, "country")
        if no_place or guessed or (best.location_kind == "country"
                                   and mention.location_kind not in (None, "country")):
            # the first place, or a town or region of the cluster's country instead of the country
            best.location_name = mention.location_name
            best.location_country = mention.location_country
            best.location_lat = mention.location_lat
            best.location_lon = mention.location_lon
            best.location_kind = mention.location_kind
            best.location_basis = mention.location_basis
        elif best.location_country is None and mention.location_country is not None:
            best.location_country = mention.location_country
        best.n_mentions += 1
        best.by_article.setdefault(mention.article_id, []).append(mention)
        self.touched[best.cluster_id] = best
        return best

    @staticmethod
    def _rank(cluster: Cluster, mention: Mention) -> tuple[object, ...]:
        """Closest date first, then the same full code, then equal actor codes, then the nearer place, then the
        larger cluster."""
        if None not in (cluster.location_lat, cluster.location_lon, mention.location_lat, mention.location_lon):
            km = distance_km(cluster.location_lat, cluster.location_lon,  # type: ignore[arg-type]
                             mention.location_lat, mention.location_lon)  # type: ignore[arg-type]
        else:
            km = 0.0
        return (abs(cluster.anchor_date - mention.date), cluster.cameo != mention.cameo,  # type: ignore[operator]
                not cluster.actors_fit(mention)[1], km, -cluster.n_mentions, cluster.cluster_id)

    def _new_id(self, event_id: str) -> str:
        # A cluster outlives its founding event when that event is replaced; if the event comes back
        # (same id) but fits elsewhere, its new cluster must not take the old one's id.
        cluster_id, n = cluster_id_for(event_id), 0
        while cluster_id in self.touched or (self._taken is not None and self._taken(cluster_id)):
            n += 1
            cluster_id = cluster_id_for(f"{event_id}#{n}")
        return cluster_id

    def _fits(self, cluster: Cluster, mention: Mention) -> bool:
        window = self.window if mention.dated_by_text else self.window + dt.timedelta(days=1)
        if cluster.anchor_date is None or abs(cluster.anchor_date - mention.date) > window:  # type: ignore[operator]
            return False
        if not cluster.actors_fit(mention)[0]:
            return False
        if not _places_compatible(cluster.location_name, cluster.location_country, cluster.location_lat,
                                  cluster.location_lon, mention, self.max_km, cluster.location_kind,
                                  cluster.location_basis):
            return False
        for twin in cluster.by_article.get(mention.article_id, ()):
            # The same article may only report the same occurrence twice (headline and lead); a meeting
            # or a fight of the same two sides may be told with two words ("hosted", "discussed").
            same_act = twin.cameo == mention.cameo or {twin.cameo, mention.cameo} <= _MEETINGS and (
                twin.target_code is not None and mention.target_code is not None)
            if not same_act or not _same_place(twin, mention):
                return False
        return True


@dataclass(frozen=True, slots=True)
class Assignment:
    """What clustering decided: the cluster of each mention, and every cluster created or joined.

    Attributes:
        links: `(event_id, cluster_id)` per mention, in the order the mentions were given.
        touched: the clusters that gained mentions (new ones included), each once.
    """

    links: tuple[tuple[str, str], ...]
    touched: tuple[Cluster, ...]


def assign_clusters(mentions: Sequence[Mention], candidates: Iterable[Cluster] = (), *,
                    window_days: int = DEFAULT_WINDOW_DAYS, max_km: float = DEFAULT_DISTANCE_KM,
                    taken: Callable[[str], bool] | None = None) -> Assignment:
    """Put `mentions` (in order) into clusters: one of `candidates` when it fits, else a new one.

    Args:
        mentions: the new mentions, in ingest order.
        candidates: existing clusters they may join (the store passes those whose key and anchor date fit).
        window_days: how far (in days) a mention's date may be from a cluster's anchor date.
        max_km: how far apart two located places may be and still be the same place.
        taken: whether a cluster id is already used (a new cluster never takes one).

    Returns:
        Each mention's cluster and the clusters touched.
    """
    clusterer = Clusterer(candidates, window_days=window_days, max_km=max_km, taken=taken)
    links = tuple((m.event_id, clusterer.assign(m).cluster_id) for m in mentions)
    return Assignment(links, tuple(clusterer.touched.values()))
