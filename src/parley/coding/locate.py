"""Where an event happened: the nearest place the text gives for it, and from which level it came.

An event's place is looked for in this order, and the first found is kept with its `basis`:

1. ``clause``: a place phrase of the event's own clause — a locative phrase of its predicate ("clashed
   in Cairo", "talks in Doha"), of its target or object, a town or region the act is done to
   ("shelled Kharkiv"), or where a visit or a deployment goes ("travelled to Canada");
2. ``sentence``: a place in a locative phrase of a predicate above the trigger ("was due to sign the deal
   in Doha") or of a participle of its clause ("speaking at a rally in Kano, the leader accused ..."), the
   nearest to the trigger; not a place elsewhere in the sentence ("corruption in Ukraine");
3. ``occasion``: the place the article gave, where it dated it, to the occasion the act took place at ("met for
   a debate in Bremerhaven on Monday ... During the debate, X accused Y"; "the meeting was attended by");
4. ``paragraph``: for material acts and meetings (CAMEO roots 04, 06-08 and 14-20), the town or region the
   paragraph last named as where a past act happened ("In the port city of Valparaiso, protesters clashed with
   police ... Riot police fired tear gas"; "visited Racine ... She met the family"), when it is of the act's
   side's country; a paragraph starts with none;
5. ``dateline``: the article's dateline ("KABUL, Afghanistan (Agency) —");
6. ``article``: for material acts only (CAMEO roots 06-08 and 14-20; statements are made anywhere), the
   article's dominant place, when the event's actors do not belong to another country (either side for
   protest, coercion and force, the source otherwise): the town or region that its locative mentions name
   (when one of them dominates the top country's mentions), else that country;
7. ``country``: the country of the event's source (for protest, coercion and force: its target, else its
   source) when the text gives no place for it at all.

Ambiguous names are resolved by the countries the article names: a namesake in one of them wins
over the gazetteer's default (see `Gazetteer.lookup`).

`ArticlePlaces.with_country` gives a bare sector actor ("the police" -> ``COP``, "the governor" ->
``GOV``) the country the text supports, in this order: a place or nationality inside its own mention
("Toronto police", "Chelyabinsk's governor"); the event's place when its clause, sentence or dateline
names it ("police in Lagos"); for a state organ, the country of the speaker the event is credited to
("Kenyan officials said the army would withdraw"); the article's subject country (the country its
places and nationalities name most, at least twice and half as often again as the next; not its dateline,
which is often the venue of talks). It stays bare when none of these holds.
International, non-governmental and transnational actors (IGO, NGO, IMG, MNC codes) have no country and
are left alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from parley import nouns
from parley.actors.countries import capital_of, country_code, country_name, demonym_code
from parley.actors.kb import ActorKB
from parley.coding.context import GUESSED_PLACE, PLACE_PARTS, occasion_told_before, paragraph_starts
from parley.coding.cues import Cues
from parley.coding.syntax import MEETING_NOUNS
from parley.places import Gazetteer
from parley.types import ActorMention, Article, Attribution, Location

__all__ = ["ArticlePlaces"]

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Prepositions whose object is where something happens, beyond the cue list's: "along the border", "off
# the coast", "into the city"; "on" only before a site or area ("on London Bridge", "on the Golan Heights"),
# since "called on Egypt" and "sanctions on Iran" name actors.
_MORE_LOCATIVE = frozenset({"off", "along", "into", "throughout", "outside", "inside", "through", "across"})
_SITE_ONLY = frozenset({"on"})
_AT_TARGET = frozenset({"14", "15", "17", "18", "19", "20"})
# Visits and deployments: where they go is where they happen.
_MOVES = ("042", "043", "15", "0874")
# Material acts, which take the article's main place when they have none of their own.
_MATERIAL = frozenset({"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})
# Nouns a place name can modify and still name the place: "the Gaza Strip city of Rafah" aside, "in the
# Idlib province", "at the Kassala camp".
_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "border",
                          "capital", "coast", "area", "camp", "port", "county", "governorate", "valley",
                          "strip", "neighborhood", "neighbourhood", "suburb", "island", "territory",
                          "municipality", "department", "prison", "airport", "base", "embassy", "parliament"})
# Verbs whose direct object can be the place the act is done to ("shelled Kharkiv", "entered Mosul").
_PLACE_OBJECT_CODES = ("18", "19", "20", "15", "17", "14")
# A dateline: the first line's place, an optional country or state, an optional agency, then a dash.
# (Letters with accents count: "BOGOTÁ", "SÃO PAULO", "ŁÓDŹ".)
_UPPER, _LETTER = "A-Z\u00C0-\u00DE\u0100-\u017F", "A-Za-z\u00C0-\u024F"
_DATELINE = re.compile(rf"\s*(?P<place>[{_UPPER}][{_LETTER}'.\- ]{{1,40}}?)"
                       rf"(?:,\s*(?P<region>[{_UPPER}][{_LETTER}'.\- ]{{1,30}}?))?"
                       r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"   # a date: "ADDIS ABABA, April 20 -"
                       r"\s*(?:\([^()\n]{1,40}\))?\s*(?:[-\u2013\u2014]{1,2}|:)\s")
# A dateline to keep out of the parse: an upper-case place, an optional short addition (a country, a date),
# an optional agency in brackets, then a dash: "ADDIS ABABA, Aug 12 -", "GOMA, Congo (Agency) —".
_DATELINE_PREFIX = re.compile(rf"[{_UPPER}][{_UPPER}.'\- ]{{1,40}}"
                              r"(?:,[^\n,()\-\u2013\u2014]{1,30}){0,2}\s*(?:\([^()\n]{1,40}\))?\s*[-\u2013\u2014]{1,2}\s")


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the dateline that opens the article lies ("ADDIS ABABA, Aug 12 - "), as character offsets, or
    None. The parser reads "ABABA, Aug 12 - Ethiopia and Eritrea signed" as one noun phrase; the coder
    parses the text with the dateline blanked out (the offsets stay). A dateline after a headline is left:
    there the line break already parts them, and blanking it changes how the small model reads the
    headline."""
    start = len(text) - len(text.lstrip())
    found = _DATELINE_PREFIX.match(text, start)
    if found is not None and any(c.isalpha() for c in text[found.end():found.end() + 3]):
        return found.start(), found.end()
    return None


# Labels the small model gives some towns ("in Hyderabad" as ORG): taken in a locative phrase when the
# gazetteer knows the name as a town or region.
_MISTAGGED = frozenset({"ORG", "PERSON"})
_TRANSNATIONAL = ("IGO", "NGO", "IMG", "MNC", "NGM")
_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_NEAR_BASES = frozenset({"clause", "sentence", "occasion", "paragraph", "dateline"})
# Sectors that face their own state: an opposition, rebels, insurgents, separatists, civilians.
_DOMESTIC = frozenset({"OPP", "REB", "INS", "SEP", "CVL", "AGR", "LAB", "EDU"})
# Sectors a dateline does not place: they are reported from the venues of their talks.
_ABROAD_SECTORS = frozenset({"GOV", "REL"} | _DOMESTIC - {"CVL"})   # (churches that mediate travel with the talks)
# Named parties and gangs: a bare state organ dealing with one ("the government and the FARC") is its state's.
_NAMED_FOES = frozenset({"PTY", "CRM"})


class ArticlePlaces:
    """The places an article names, and where each of its events happened (see the module docstring)."""

    def __init__(self, doc: Doc, article: Article, gazetteer: Gazetteer, cues: Cues,
                 kb: ActorKB | None = None) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.cues = cues
        self.published = article.published
        self.locative = cues.locative_preps | _MORE_LOCATIVE
        ents = [e for e in doc.ents if e.label_ in _PLACE_TYPES or e.label_ == "NORP"]
        mentioned: Counter[str] = Counter()
        venues: set[str] = set()
        for ent in ents:
            if _venue_of_talks(ent):
                found = gazetteer.lookup(ent.text)
                if not (found is not None and found.kind == "region" and ent.root.dep_ in ("compound", "nmod", "amod")):
                    # (but "the Balochistan talks", like "the Cameroon peace talks", are about the region)
                    venue = found.country if found is not None else country_code(ent.text)
                    if venue:
                        venues.add(venue)
                    continue   # ("the Accra process", "peace talks in Ghana": where the talks are, not whom about)
            code = demonym_code(ent.text) if ent.label_ == "NORP" else _named_country(ent, gazetteer)
            if code:
                mentioned[code] += 1
        for ent in doc.ents:
            # a country's name the recogniser took for a person or a body ("Togo's government" with "Togo"
            # tagged PERSON); not the names that are also given names ("Jordan", "Chad", "Georgia")
            if ent.label_ in ("PERSON", "ORG") and ent.text not in _GIVEN_NAMES:
                code = country_code(ent.text)
                if code:
                    mentioned[code] += 1
        mentioned.update(_untagged_countries(doc))
        self.countries = frozenset(mentioned)
        self.dateline = self._dateline(article.text)
        if self.dateline is not None and self.dateline.country and set(mentioned) <= {self.dateline.country}:
            # the dateline names the story's country once more, when the text names no other: a story
            # datelined at the venue of talks abroad is about the countries it names
            mentioned[self.dateline.country] += 1
        self.subject = _dominant_country(mentioned)
        if self.subject is None and kb is not None:
            # no place settles it: the countries of the people and bodies the knowledge base knows count too
            # ("Pelosi", "the Pentagon" and "Trump" in a story that names no American place twice)
            self.subject = _dominant_country(mentioned + _actor_countries(doc, kb, article), least=3)
        # the state whose organs the article names with their country ("Myanmar's military", "the Thai
        # government"), the lead's twice: bare state organs ("the army") are that state's
        self.venues = frozenset(venues)   # countries where the article says talks are held
        organs = _state_organ_countries(doc, kb) if kb is not None else Counter()
        self.state_subject = _dominant_country(organs, least=2)
        if self.state_subject in venues and len(organs) > 1:
            # the host of talks held abroad speaks often ("Ghana's foreign minister said the centre stays
            # open"); the state the talks are about is the other one whose organs the article names
            rest = Counter({k: n for k, n in organs.items() if k not in venues})
            self.state_subject = _dominant_country(rest, least=1)
        if self.state_subject is None and organs and self.dateline is not None and self.dateline.country \
                and organs[self.dateline.country] >= max(organs.values()) >= 2:
            # (the dateline settles a tie of the states named; not the host's, for talks it lends its capital to)
            rest = Counter({k: n for k, n in organs.items() if k not in venues})
            self.state_subject = _dominant_country(rest, least=2) if self.dateline.country in venues \
                else self.dateline.country
        if self.state_subject is not None and self.subject != self.state_subject and self.dateline is not None \
                and self.dateline.country == self.state_subject:
            # the dateline and the state organs agree on the story's country, against places named in passing
            # ("Elsewhere in the region, Vanuatu's parliament voted ..." in a report from Honiara)
            self.subject = self.state_subject
        # countries the text settled for a bare sector's words (by their start and end), for every act they are in
        self._settled: dict[tuple[int, int], str] = {}
        # the country a domestic sector (rebels, an opposition, a union) was first seen facing a state of
        self._domestic: dict[str, str] = {}
        self._people: frozenset[str] | None = None
        self._paragraphs: dict[int, Location] | None = None
        self.dominant = self._dominant([e for e in ents if e.label_ in _PLACE_TYPES])

    @classmethod
    def of(cls, doc: Doc, article: Article, gazetteer: Gazetteer, cues: Cues,
           kb: ActorKB | None = None) -> ArticlePlaces:
        """The places of `doc`, computed once per document."""
        held = doc.user_data.get("parley_places")
        if not isinstance(held, ArticlePlaces):
            held = cls(doc, article, gazetteer, cues, kb)
            doc.user_data["parley_places"] = held
        return held

    def lookup(self, name: str) -> Location | None:
        """The place `name` means in this article (namesakes in the article's countries first)."""
        found = self.gazetteer.lookup(name, countries=self.countries)
        if found is not None and found.kind == "region" and _compass_name(name) and found.country not in (
                *self.countries, self.dateline.country if self.dateline is not None else None):
            return None   # "West Coast" in a report on Canada is no New Zealand region
        return found

    # -- the event's place ------------------------------------------------------------------------------
    def locate(self, places: list[Span], trigger: Token, code: str,
               source: ActorMention | None, target: ActorMention | None, offset: int,
               guesses: Sequence[Span] = ()) -> Location | None:
        """Where the event with these host predicates, clause places and actors happened (with its basis).

        Args:
            places: place phrases attached to the clause's predicates, targets and object
                (`Attachments.places`), nearest first.
            guesses: the sentence's place phrases the entity recogniser missed (label `GUESSED_PLACE`).
            trigger: the event's trigger token.
            code: its CAMEO code.
            source, target: its actor mentions, in article offsets.
            offset: where the `Doc` starts in the article text.
        """
        for ent in places:
            found = self.lookup(ent.text)
            if found is not None and (ent.label_ != GUESSED_PLACE or found.kind in ("city", "region")):
                return dataclasses.replace(found, basis="clause")
        found = self._object_place(trigger, code) or self._target_place(target, code) \
            or self._seat_of_state(trigger, code, source, target)
        if found is not None:
            return dataclasses.replace(found, basis="clause")
        found = self._sentence_place(trigger, guesses)
        if found is not None:
            return dataclasses.replace(found, basis="sentence")
        found = self._occasion_place(trigger)
        if found is not None:
            return dataclasses.replace(found, basis="occasion")
        # Where an act takes place follows its source for words and cooperation ("Washington sanctioned
        # Hamas" happens in the US), its target for protest, coercion and force ("Israel struck Hamas"
        # happens where Hamas is).
        countries = self._sides(code, source, target)
        if code[:2] in _MATERIAL or code.startswith("04"):
            found = self._paragraph_places().get(trigger.sent.start)
            if found is not None and (not countries or found.country in countries):
                return dataclasses.replace(found, basis="paragraph")
        # the article's main place only for material acts: statements are made anywhere
        for place in (self.dateline, self._article_place(code, countries, source)):
            if place is not None and (not countries or place.country in countries):
                basis = "dateline" if place is self.dateline else "article"
                return dataclasses.replace(place, basis=basis)
        return self.country_place(code, source, target)

    @staticmethod
    def _sides(code: str, source: ActorMention | None, target: ActorMention | None) -> set[str]:
        """The countries the act's place may be in: its source's, and for protest, coercion and force its
        target's too."""
        source_country = source.country if source is not None else None
        target_country = target.country if target is not None else None
        if code[:2] in _AT_TARGET:
            return {c for c in (source_country, target_country) if c}
        return {source_country} if source_country else set()

    def _paragraph_places(self) -> dict[int, Location]:
        """The town or region each sentence's paragraph last named as where a past act happened, by sentence
        start ("In the port city of Valparaiso, protesters clashed with police ... Riot police fired tear gas":
        Valparaiso); a paragraph starts with none. Computed once per `Doc`."""
        if self._paragraphs is not None:
            return self._paragraphs
        out: dict[int, Location] = {}
        current: Location | None = None
        for sent in self.doc.sents:
            if paragraph_starts(self.doc, sent):
                current = None
            if current is not None:
                out[sent.start] = current
            for ent in sent.ents:
                visited = ent.root.dep_ == "dobj" and ent.root.head.lemma_.lower() in _VISITING
                if ent.label_ not in _PLACE_TYPES | _MISTAGGED or not (visited or self._locative(ent)):
                    continue
                host = ent.root.head if visited else _predicate_above(ent.root)
                if host is None or not (host.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in (
                        "had", "has", "have", "was", "were") for c in host.children)):
                    continue   # (where something is, or will be, says nothing of where the next act was)
                found = self.lookup(ent.text)
                if found is not None and found.kind in ("city", "region"):
                    current = found
        self._paragraphs = out
        return out

    def _occasion_place(self, trigger: Token) -> Location | None:
        """Where the occasion the act took place at was placed when the article dated it ("met for a debate in
        Bremerhaven on Monday ... During the debate, X accused Y"; "had met in Arequipa last Tuesday ... The
        meeting was attended by"): a place phrase of that earlier mention or of its clause."""
        found = occasion_told_before([trigger], self.cues, self.published)
        if found is None:
            return None
        earlier = found[0]
        clause = earlier
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        for head in (earlier, clause):
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in self.locative:
                    continue
                for ent in head.sent.ents:
                    if ent.root.head.i != prep.i:
                        continue
                    place = self.lookup(ent.text)
                    if place is not None and (ent.label_ in _PLACE_TYPES or place.kind in ("city", "region")):
                        return place   # (a town the recogniser took for a body: "met in Arequipa")
        return None

    def _article_place(self, code: str, countries: set[str], source: ActorMention | None) -> Location | None:
        """The article's main place for an act with none of its own: for a material act, when it is not of
        another country; for words, only the town a story about that town's country is about, and only when
        no side has a country to place them in and the speaker is no organ of a state but the police ("the
        hospital in Berlin ... The hospital asked for patience": said in Berlin; but "the government rejected
        the demands" is placed in its country, not in the town of the protests; nor a region: "Scotland" for
        whatever is said in a report on a Scottish court)."""
        dominant = self.dominant
        if dominant is None or code[:2] in _MATERIAL:
            return dominant
        organ = source is not None and source.code is not None and source.code[:3] in _STATE - {"COP"}
        return dominant if dominant.kind == "city" and not countries and not organ \
            and self.subject == dominant.country else None

    def country_place(self, code: str, source: ActorMention | None,
                      target: ActorMention | None) -> Location | None:
        """The country-level place of an act with nothing better: its target's country for protest, coercion
        and force, else its source's (basis "country")."""
        source_country = source.country if source is not None else None
        target_country = target.country if target is not None else None
        fallback = [target_country, source_country] if code[:2] in _AT_TARGET else [source_country]
        for country in fallback:
            if country:
                found = self.gazetteer.lookup(country_name(country) or country)
                if found is not None and found.kind == "country":
                    return dataclasses.replace(found, basis="country")
        return None

    # -- countries of bare sector actors -----------------------------------------------------------------
    def with_country(self, mention: ActorMention, location: Location | None, attribution: Attribution | None,
                     offset: int, *, is_source: bool, other: ActorMention | None = None,
                     mediated: bool = False, talks: bool = False) -> ActorMention:
        """`mention` with the country the text supports when its code is a bare sector (see the module
        docstring); otherwise `mention` itself. With `attribution` None only the mention's own words count
        (used before the event is placed). The article's subject country is not given when the event's
        other side is that country's state ("the ministry accused Cairo" in a story about Egypt and
        Ethiopia): a state acting on itself is far rarer than a description of the other state. An
        opposition, rebels, insurgents, separatists or civilians acting with a state (`_DOMESTIC`) are that
        state's, before any place ("the government and the opposition met in Mexico City"), unless the state
        only mediates (`mediated`: "talks between the government and the opposition brokered by Norway"); and
        the place of talks (`talks`: meeting, negotiating, signing, walking out) is no country of theirs ("the
        rebels returned to the table in the Ethiopian capital")."""
        code = mention.code
        if code is None or mention.country is not None or not _bare_sector(code):
            return mention
        # (in talks, "the rebels in Norway" are where the talks are, not of that country)
        # (but "dockworkers at the port of Gothenburg" are of their workplace, in talks or not)
        country = self._country_inside(mention, offset, located=not (talks and code[:3] in _DOMESTIC - {"LAB"})) \
            or self._settled.get((mention.start, mention.end))
        if country is None and (attribution is None or self._of_many_countries(mention, offset)):
            return mention   # (nor does anything give people of many countries one: "African leaders")
        if country is None and code[:3] in _DOMESTIC:
            # the rebels or the opposition the article already saw facing their state stay that state's, whoever
            # they meet later ("Botswana's facilitator met both delegations")
            country = self._domestic.get(code[:3])
        if country is None and code[:3] in _DOMESTIC and other is not None and other.country is not None \
                and not mediated and not _abroad(other):
            if other.code == other.country + "GOV" or other.code == other.country and _names_a_state(other.text):
                # "the government and the opposition met in Oslo": Venezuela's opposition; "negotiations between
                # Cameroon and Anglophone separatists": Cameroon's
                country = other.country
                self._domestic.setdefault(code[:3], country)   # "the rebels" later in the article
            elif other.code == other.country + (other.sector or "") and other.sector in _STATE_ORGANS \
                    and not _placed_abroad(location, other.country):
                country = other.country   # "the rebels accused the Malian army"
            if country is not None:
                self._settled[(mention.start, mention.end)] = country   # the same words in another act
        if country is None and code[:3] in _STATE | {"BUS"} and other is not None and other.country is not None \
                and (other.sector in _DOMESTIC - {"CVL"} or code[:3] in _STATE and other.sector in _NAMED_FOES
                     and other.name is not None) and other.code == other.country + other.sector:
            # "the rebels accused the federal army", "the government and the OLA signed": the state the
            # rebels or the opposition face is their own, wherever the act is told to happen, and so is the one
            # that talks to a party or a gang the knowledge base knows ("government negotiators met the Gulf
            # Clan"); the company a union walks out on is of the union's country
            country = other.country
            self._settled[(mention.start, mention.end)] = country
        # (a named person, a legislature or a court facing its own state's government: "President Zelensky
        # declined Prime Minister Honcharuk's offer", "the Congress and the president could not agree")
        named = self._names_a_person(mention, offset) or code[:3] in ("LEG", "JUD") and other is not None \
            and other.sector == "GOV"
        if country is None and code[:3] in _STATE and self.state_subject is not None \
                and not (other is not None and other.country == self.state_subject and not named and (
                    other.sector == code[:3] or is_source and other.sector in _STATE)) \
                and not (_placed_abroad(location, self.state_subject)
                         and not (location is not None and location.country in self.venues)):
            # "Myanmar's military recalled its negotiators from Chiang Mai ... the army said": the one state the
            # article names organs of, before the places it names (the venue, the host's own news)
            country = self.state_subject
        if country is None and code[:3] in _DOMESTIC:
            country = (_employer_country(other, location) if code[:3] == "LAB" else None) \
                or self._story_state(code, other)
        if country is None:
            country = self._place_country(code, location, other, talks)
        speaker = attribution.speaker if attribution is not None else None
        if country is None and is_source and speaker is not None and speaker.code and code[:3] in _STATE:
            country = _country_of_code(speaker.code)
        if country is None and not (code[:3] in _STATE | _ABROAD_SECTORS | {"PTY"} and other is not None
                                    and other.country == self.subject and not named
                                    and (other.sector is None or other.sector in _STATE)):
            # (a former prime minister or a business facing the story's government are its own; a bare party is
            # not given it, which made campaign round-ups into talks of a party with its state)
            country = self.subject
        if country is None:
            return mention
        return dataclasses.replace(mention, code=country + code, country=country,
                                   sector=mention.sector or code[:3])

    def _place_country(self, code: str, location: Location | None, other: ActorMention | None,
                       talks: bool) -> str | None:
        """The country of the event's place, when it says whose a bare sector is: a place of the clause, the
        sentence or the dateline, or for the police the story's own place."""
        if location is None:
            return None
        if code[:3] == "COP" and location.basis == "article":
            # the police act where the story happens, whatever country its words name most ("Thames Valley Police"
            # in a report from Oxfordshire on a golden toilet called "America")
            return location.country
        if location.basis not in _NEAR_BASES \
                or location.basis == "dateline" and (code[:3] in _ABROAD_SECTORS or self.subject not in (
                    None, location.country)) \
                or code[:3] in _DOMESTIC - {"CVL"} and (other is None or other.code is None) \
                and (talks or self.subject not in (None, location.country)) \
                or talks and code[:3] in _ABROAD_SECTORS and (other is None or other.country is None):
            # (rebels or an opposition in a story about their country meet wherever the talks are: "the
            # separatist negotiators took their seats again in Aburi" are not Ghana's; nor is a government
            # whose talks with a side of no known country a sentence places in Ghana)
            # a dateline places the police or the army it reports on; governments, their negotiators, rebels
            # and oppositions are often reported from wherever they meet ("ASHGABAT - Negotiators returned"),
            # and so is everyone in a story about another country (talks on Thailand datelined Kuala Lumpur)
            return None
        return location.country

    def _story_state(self, code: str, other: ActorMention | None) -> str | None:
        """The country of bare rebels, an opposition or a union (not civilians) from the article's subject: the
        state whose organs it names (not the venue's, nor a foreign envoy's, though another state's forces
        fight their own rebels), else, acting alone, the country the story is about."""
        if code[:3] == "CVL":
            return None
        if self.state_subject is not None:
            foreign_force = other is not None and other.country is not None \
                and other.country != self.state_subject and other.sector in _FORCES
            return None if foreign_force else self.state_subject
        return self.subject if other is None else None

    def not_itself(self, sources: list[ActorMention], target: ActorMention, offset: int) -> ActorMention:
        """`target` without the country an unnamed description took from the event's own source or a source
        coordinated with it ("Norway and Switzerland mediated between the government and the rebels": the
        government is neither Norway's nor Switzerland's): a state does not act on itself as one actor."""
        if target.country is None or any(s.start == target.start for s in sources) or not any(
                s.country == target.country and s.code in (s.country, target.code) for s in sources):
            return target   # also "the three governments will meet": each side of a joint act is one of them
        span = self.doc.char_span(target.start - offset, target.end - offset, alignment_mode="expand")
        if span is None or any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in span):
            return target
        sector = target.sector or (target.code[3:6] if target.code and len(target.code) >= 6 else None)
        return dataclasses.replace(target, code=sector, country=None, name=None)

    def _names_a_person(self, mention: ActorMention, offset: int) -> bool:
        """Whether the mention names a person ("Prime Minister Oleksiy Honcharuk"): one of the state's own
        people, not a description that may stand for another state ("the ministry")."""
        span = self.doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
        return span is not None and any(t.ent_type_ == "PERSON" and t.pos_ == "PROPN" for t in span)

    def _person_words(self) -> frozenset[str]:
        """The words of the people's names the article tags (computed once)."""
        if self._people is None:
            self._people = frozenset(t.text for e in self.doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e)
        return self._people

    def _of_many_countries(self, mention: ActorMention, offset: int) -> bool:
        """Whether the mention names people or bodies of many countries: a region's ("African leaders", "Arab
        states", "European governments") or several states counted ("seven member states", "54 nations"),
        which no one country's code fits."""
        span = self.doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
        if span is None:
            return False
        head = span.root
        words = [t.lower_ for t in span if t.i < head.i and t.dep_ in ("amod", "compound", "nmod", "npadvmod")
                 and t.head.i == head.i or t.head.head.i == head.i and t.i < head.i]
        pairs = zip(["", *words], words, strict=False)
        if head.tag_ == "NNS" and any(w in _REGION_ADJECTIVES or f"{a} {w}" in _REGION_ADJECTIVES for a, w in pairs):
            return True   # ("the rebel Western People's Democratic Front" is one body)
        return head.lower_ in _COUNTRY_NOUNS and any(
            t.like_num and t.lower_ not in ("one", "1") or t.lower_ in ("member", "members", "many", "several", "all")
            for t in span if t.i < head.i)

    def _country_inside(self, mention: ActorMention, offset: int, *, located: bool = True) -> str | None:
        """The country of a place or nationality named inside the mention ("Toronto police"); without `located`,
        or for people sent to talk ("envoys", "the delegation"), not of a place after "in" or "at" ("communist
        rebels in Norway", where talks are held; "government envoys in Geneva")."""
        span = self.doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
        if span is None:
            return None
        if not located or span.root.lemma_.lower() in _SENT_ABROAD:
            # ("government envoys in Geneva" are where they were sent, not of that country)
            cut = next((t.i for t in span if t.dep_ == "prep" and t.lower_ in ("in", "at") and t.head.i == span.root.i),
                       None)
            if cut is not None:
                span = self.doc[span.start:cut]
        # (a lower-case word the tagger took for a name is none: "the national nurses' union")
        # (a word of a longer name is no place of its own: "the Valle Rojo guerrillas" are not of Honduras's Valle)
        # (nor a common noun capitalised at the start of a sentence: "Union negotiators stormed out")
        # (nor a person's name the article gave in full before: "Shahi" after "Dambar Singh Shahi")
        tagged = list(span.ents)
        ents = tagged or [span[i:i + 1] for i, t in enumerate(span) if t.pos_ == "PROPN"
                          and t.text[:1].isupper() and not _in_longer_name(t) and not _group_word_first(t)
                          and t.text not in self._person_words()]
        for ent in ents:
            if all(t.lower_ in nouns.BODY_NAME_HEADS or t.pos_ == "DET" for t in ent):
                continue   # "the Alliance", a body named before by its full name, is no town of that name
            if ent.label_ == "PERSON" and ent.root.i == span.root.i or ent.text in self._person_words():
                continue   # "Shahi", the person the mention is (named in full before), is no town of that name
            if ent.label_ == "NORP":
                code = demonym_code(ent.text)
            else:
                found = self.lookup(ent.text)
                # a name tagged as a person or organisation counts only as a town or region ("the governor
                # of Chelyabinsk" with the town tagged PERSON)
                usable = found is not None and (ent.label_ in _PLACE_TYPES or found.kind in ("city", "region")) \
                    and (bool(tagged) or found.country in self.countries or ent.start != ent.sent.start)
                # (an untagged capital word opening the sentence names no town of a country the article never
                # names: "Federal mediators" are not of Federal, Argentina)
                code = found.country if found is not None and usable else None
            if code:
                return code
        return None

    def _object_place(self, trigger: Token, code: str) -> Location | None:
        """A town or region the act is done to ("shelled Kharkiv", "stormed Mosul"), or the destination of a
        visit or a deployment ("travelled to Canada", "sent troops to the Gulf")."""
        if code.startswith(_MOVES):
            for prep in trigger.children:
                if prep.dep_ == "prep" and prep.lower_ in ("to", "into"):
                    for pobj in prep.children:
                        ent = next((e for e in trigger.sent.ents if e.start <= pobj.i < e.end), None)
                        if pobj.dep_ == "pobj" and ent is not None and ent.label_ in _PLACE_TYPES:
                            found = self.lookup(ent.text)
                            if found is not None:
                                return found
        if not code.startswith(_PLACE_OBJECT_CODES):
            return None
        for child in trigger.children:
            if child.dep_ in ("dobj", "advmod", "npadvmod") and child.i > trigger.i and \
                    child.ent_type_ in _PLACE_TYPES | {"ORG"}:
                ent = next((e for e in trigger.sent.ents if e.start <= child.i < e.end), None)
                if ent is not None:
                    found = self.lookup(ent.text)
                    if found is not None and found.kind in ("city", "region"):
                        return found
        return None

    def _seat_of_state(self, trigger: Token, code: str, source: ActorMention | None,
                       target: ActorMention | None) -> Location | None:
        """The capital, for an act at a state's parliament or presidential palace named without a name of its own
        ("threw stones in front of parliament", "tried to storm the presidential palace", "rallied outside
        parliament"): the capital of the act's country, or of the state the article is about; not a parliament
        with a modifier of its own ("the regional parliament", "the European Parliament")."""
        seat = None
        # the act's own predicate, and a clause of its moment ("As they tried to storm parliament, police fired")
        during = [c for c in trigger.children if c.dep_ == "advcl"
                  and any(m.dep_ == "mark" and m.lower_ in ("as", "when", "while") for m in c.children)]
        during += [x for c in during for x in c.children if x.dep_ == "xcomp"]
        children = [*trigger.children, *(c for clause in during for c in clause.children)]
        for child in children:
            if child.dep_ == "dobj" and (code.startswith(_PLACE_OBJECT_CODES) or child.head.i != trigger.i):
                seat = seat or (child if _a_seat(child) else None)
            elif child.dep_ == "prep" and child.lower_ in self.locative:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    if pobj.lower_ == "front":   # "in front of parliament"
                        of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                        pobj = next((c for c in of.children if c.dep_ == "pobj"), pobj) if of is not None else pobj
                    seat = seat or (pobj if _a_seat(pobj) else None)
        if seat is None:
            return None
        countries = [m.country for m in (source, target) if m is not None and m.country]
        country = countries[0] if countries else self.state_subject or self.subject
        capital = capital_of(country) if country else None
        found = self.gazetteer.lookup(capital, countries=(country,)) if capital and country else None
        return found if found is not None and found.country == country and found.kind == "city" else None

    def _target_place(self, target: ActorMention | None, code: str) -> Location | None:
        """A town or region that stands as the act's target ("an air strike on Khan Younis", "bombed
        Kharkiv"): no actor, a place where the act was done."""
        if target is None or target.code is not None or not code.startswith(_PLACE_OBJECT_CODES):
            return None
        name = target.text
        for article in ("the ", "The "):
            name = name.removeprefix(article)
        found = self.lookup(name)
        return found if found is not None and found.kind in ("city", "region") else None

    def _sentence_place(self, trigger: Token, guesses: Sequence[Span] = ()) -> Location | None:
        """The place of a locative phrase governed by the trigger's own chain of predicates — a verb above
        the trigger ("was due to sign the deal in Doha"), or a participle of its clause ("speaking at a rally
        in Kano, the leader accused ...") — nearest to the trigger. A place elsewhere in the sentence
        ("corruption in Ukraine", "the court in The Hague") is where something else is."""
        sent = trigger.sent
        chain = {t.i for t in trigger.ancestors} | {trigger.i}
        best: tuple[int, Location] | None = None
        for ent in list(sent.ents) + list(guesses):
            if ent.label_ not in _PLACE_TYPES | _MISTAGGED | {GUESSED_PLACE} or not self._locative(ent):
                continue
            host = _predicate_above(ent.root)
            if host is None or not (host.i in chain or host.dep_ == "advcl" and host.tag_ == "VBG"
                                    and host.head.i in chain):
                continue
            found = self.lookup(ent.text)
            if found is None or ent.label_ in _MISTAGGED | {GUESSED_PLACE} and found.kind not in ("city", "region"):
                continue
            distance = abs(ent.root.i - trigger.i)
            if best is None or distance < best[0]:
                best = (distance, found)
        return best[1] if best is not None else None

    def _locative(self, ent: Span) -> bool:
        """Whether `ent` names where something is or happens: the object of a locative preposition, a
        modifier of a place noun that is one ("in the Idlib province"), or an apposition to one."""
        root = ent.root
        if root.dep_ == "appos" and root.head.ent_type_ in _PLACE_TYPES:
            root = root.head
        if root.dep_ == "compound" and root.head.lemma_.lower() in _PLACE_NOUNS:
            root = root.head
        part = False
        if root.dep_ == "pobj" and root.head.lower_ in ("of",) and root.head.head.lemma_.lower() in _PLACE_NOUNS:
            root = root.head.head
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PLACE_PARTS:
            root, part = root.head.head, True   # "on the outskirts of Nabatieh"
        if root.dep_ != "pobj":
            return False
        prep = root.head.lower_
        return prep in self.locative or (prep in _SITE_ONLY and ent.label_ in ("FAC", "LOC")) \
            or part and prep == "on"

    # -- article-level places -------------------------------------------------------------------------
    def _dateline(self, text: str) -> Location | None:
        """The place of a dateline opening the article's first or second paragraph (the first may be a
        headline or a date line): "GOMA, Congo (Agency) —", "WASHINGTON —"."""
        for paragraph in [p for p in re.split(r"\n\s*\n", text.lstrip()[:2000]) if p.strip()][:2]:
            first_line = paragraph.strip().split("\n", 1)[0]
            m = _DATELINE.match(first_line)
            if m is None:
                continue
            place = m.group("place").strip()
            if not (place.isupper() or m.group("region")) or len(place.split()) > 4:
                continue
            region = self.gazetteer.lookup(m.group("region")) if m.group("region") else None
            countries = {region.country} if region is not None and region.country else self.countries
            found = self.gazetteer.lookup(place.title() if place.isupper() else place, countries=countries)
            if found is not None:
                return found
        return None

    def _dominant(self, ents: list[Span]) -> Location | None:
        """The article's main place: the country most of its locative mentions lie in, narrowed to a town
        or region when that one takes at least two thirds of the country's town and region mentions."""
        by_country: Counter[str] = Counter()
        local: dict[str, Counter[Location]] = {}
        first: dict[Location, int] = {}
        for ent in ents:
            if not self._locative(ent):
                continue
            found = self.lookup(ent.text)
            if found is None or found.country is None:
                continue
            by_country[found.country] += 1
            first.setdefault(found, ent.start)
            if found.kind != "country":
                local.setdefault(found.country, Counter())[found] += 1
        if self.dateline is not None and self.dateline.country is not None:
            by_country[self.dateline.country] += 2
        if not by_country:
            return None
        top = max(by_country, key=lambda c: (by_country[c], -min(
            (i for place, i in first.items() if place.country == c), default=10**9)))
        places = local.get(top)
        if places:
            place, count = max(places.items(), key=lambda kv: (kv[1], -first[kv[0]]))
            if count * 3 >= sum(places.values()) * 2:
                return place
        return self.gazetteer.lookup(top)


# Country names that are also given names: tagged PERSON, they are more often people.
_GIVEN_NAMES = frozenset({"Jordan", "Chad", "Georgia", "Israel", "India", "Kenya"})

# Organs of a state whose domestic counterparts are of the same country, unless the act is placed elsewhere
# ("Egyptian troops shelled rebels near Kassala": Sudanese rebels).
_STATE_ORGANS = frozenset({"MIL", "COP", "JUD", "LEG"})


# Nouns of talks whose place names their venue ("the Accra process", "talks in Ghana").
_TALK_NOUNS = MEETING_NOUNS | {"process", "track", "format", "channel"}
_VENUE_PREPS = frozenset({"in", "at", "outside", "near"})


# Verbs whose object is the town someone went to ("visited Racine").
_VISITING = frozenset({"visit", "tour", "reach", "enter"})
# People sent to talk, who are where the talks are rather than of that place ("government envoys in Geneva").
_SENT_ABROAD = frozenset({"envoy", "delegation", "delegate", "negotiator", "diplomat", "ambassador", "mediator",
                          "emissary", "representative", "team"})
_SEATS = frozenset({"parliament"})
_SEAT_PHRASES = frozenset({("presidential", "palace"), ("parliament", "building"), ("national", "assembly")})


def _a_seat(token: Token) -> bool:
    """Whether `token` names the parliament or the presidential palace of a state with no name or modifier of its
    own: "parliament", "the parliament building", "the presidential palace" (not "the regional parliament", "the
    European Parliament", "Kenya's parliament")."""
    mods = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod", "det")]
    words = [c.lower_ for c in mods if c.dep_ != "det"]
    if any(c.dep_ == "det" and c.lower_ != "the" for c in mods) or token.ent_type_ and token.lower_ != "parliament":
        return False
    if token.lemma_.lower() in _SEATS and not words:
        return True
    return len(words) == 1 and (words[0], token.lower_) in _SEAT_PHRASES


def _venue_of_talks(ent: Span) -> bool:
    """Whether a place names the venue of talks: a town modifying a noun of talks ("the Accra track"), or any
    place after "in", "at", "outside" or "near" on one ("the peace talks in Ghana")."""
    root = ent.root
    if _hosts_talks(root):
        return True   # "Switzerland is hosting the talks", "Qatar, which hosted the last round": the host's country
    if root.dep_ in ("compound", "nmod", "amod") and root.head.lemma_.lower() in _TALK_NOUNS:
        return country_code(ent.text) is None   # ("the Cameroon peace talks" are about Cameroon)
    talks = root.head.head
    if root.dep_ == "pobj" and root.head.lower_ in _VENUE_PREPS and talks.pos_ in ("VERB", "AUX") \
            and talks.lemma_.lower() in _TALK_VERBS:
        # "signed an agreement in Brisbane", "the talks had restarted in Brisbane": where the sides met
        return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and (c.lemma_.lower() in _TALK_NOUNS
                                                                 or c.lemma_.lower() in _DEAL_WORDS
                                                                 or c.lower_ in ("sides", "delegations"))
                   for c in talks.children)
    return root.dep_ == "pobj" and root.head.lower_ in _VENUE_PREPS and talks.lemma_.lower() in _TALK_NOUNS \
        and not (talks.lemma_.lower() in _OWN_GATHERINGS and any(c.dep_ == "poss" and c.pos_ == "PRON"
                                                                 for c in talks.children))


def _hosts_talks(root: Token) -> bool:
    """Whether a place is the subject of hosting talks, in its own clause or in a relative clause on it."""
    talk_words = _TALK_NOUNS | {"round", "session", "meeting"}
    if root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lemma_.lower() == "host":
        # "The talks are being hosted by Oman"
        return any(c.dep_ == "nsubjpass" and c.lemma_.lower() in talk_words for c in root.head.head.children)
    verbs = [root.head] if root.dep_ == "nsubj" else []
    verbs += [c for c in root.children if c.dep_ == "relcl"]
    return any(v.lemma_.lower() == "host" and any(c.dep_ == "dobj" and c.lemma_.lower() in talk_words
                                                  for c in v.children) for v in verbs)


# Verbs of holding talks and signing their deals: a place of theirs is the venue ("signed an accord in Oslo").
_TALK_VERBS = frozenset({"sign", "negotiate", "meet", "resume", "restart", "reopen", "convene", "initial", "open"})
_DEAL_WORDS = frozenset({"agreement", "accord", "deal", "pact", "truce", "ceasefire", "treaty", "memorandum"})


# A body's own gathering ("their last conference in south Colombia"): where it met, not talks held abroad.
_OWN_GATHERINGS = frozenset({"conference", "congress", "convention", "assembly", "plenum"})


def _group_word_first(token: Token) -> bool:
    """A word opening its sentence whose first sense is a group, not a place ("Union", "Council")."""
    found = nouns.classes(token.lower_)
    return bool(token.is_sent_start) and found is not None and len(found) > 0 and found[0] == "group"


# Adjectives of a region or a group of countries, not of one country.
_REGION_ADJECTIVES = frozenset({"african", "european", "asian", "arab", "latin american", "western", "nordic",
                                "balkan", "caribbean", "middle eastern", "scandinavian", "central american",
                                "south american", "southeast asian", "south asian", "gulf arab", "baltic",
                                "pan-african", "sub-saharan", "regional", "international", "foreign", "world"})
# Plural nouns of states ("seven member states", "54 nations").
_COUNTRY_NOUNS = frozenset({"states", "nations", "countries", "governments"})


# Words of a region's name that any country's coast or province may bear ("West Coast", "Northern", "Central").
_COMPASS_PLACE_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                                  "central", "north-east", "north-west", "south-east", "south-west", "northeast",
                                  "northwest", "southeast", "southwest", "coast", "coastal", "province", "region",
                                  "highlands", "lowlands", "upper", "lower", "middle", "the", "islands", "lakes",
                                  "plateau", "valley", "interior", "frontier", "border", "mountains", "savanes",
                                  "littoral", "centre", "center", "capital", "district"})


def _named_country(ent: Span, gazetteer: Gazetteer) -> str | None:
    """The country a place name counts for in an article: its own, a place's ("Gaza City"), or a country's formal
    or older name the gazetteer lacks ("the Slovak Republic"); none for a region of a compass name ("West Coast",
    "Northern": a region of that name in some country, or any coast)."""
    found = gazetteer.lookup(ent.text)
    if found is not None and found.kind == "region" and _compass_name(ent.text):
        return None
    return found.country if found is not None else country_code(ent.text) if ent.label_ == "GPE" else None


def _compass_name(name: str) -> bool:
    """Whether a place name is made of compass and landform words only ("West Coast", "the Northern Region")."""
    return all(w in _COMPASS_PLACE_WORDS for w in name.lower().replace("-", " ").split())


def _dominant_country(mentioned: Counter[str], least: int = 2) -> str | None:
    """The country named at least `least` times and half as often again as the next, or None."""
    ranked = mentioned.most_common(2)
    if ranked and ranked[0][1] >= least and (len(ranked) == 1 or ranked[0][1] * 2 >= ranked[1][1] * 3):
        return ranked[0][0]
    return None


_FORCES = frozenset({"MIL", "COP", "SPY"})
# Verbs of saying: a country that only speaks ("Qatar, which hosts the talks, said ...") is no organ acting.
_SAYING = frozenset({"say", "tell", "announce", "state", "add", "note", "stress", "insist", "claim", "report",
                     "declare", "deny", "confirm", "warn", "welcome", "call", "urge"})


def _untagged_countries(doc: Doc) -> Counter[str]:
    """Countries named by two or three capitalised words that the entity recogniser left untagged ("Solomon
    Islands' government", "Sierra Leone's army"), each time they are named."""
    found: Counter[str] = Counter()
    i = 0
    while i < len(doc):
        if doc[i].ent_type_ or not doc[i].text[:1].isupper() or not doc[i].is_alpha:
            i += 1
            continue
        for n in (3, 2):
            words = doc[i:i + n]
            if len(words) == n and all(t.is_alpha and t.text[:1].isupper() and not t.ent_type_ for t in words):
                code = country_code(words.text)
                if code:
                    found[code] += 1
                    i += n - 1
                    break
        i += 1
    return found


def _state_organ_countries(doc: Doc, kb: ActorKB) -> Counter[str]:
    """How often the article names a state organ with its country ("Myanmar's military government",
    "Negotiators for Myanmar's army", "the Thai government"); those of the lead sentence of an article (of more
    than one sentence) count three times: the lead names whom the story is about."""
    found: Counter[str] = Counter()
    sents = [s for s in doc.sents if any(t.is_alpha for t in s)]
    told = [s for s in sents if any(t.pos_ == "VERB" for t in s)]
    lead = told[0] if len(told) > 1 else None   # a lone sentence has no lead to weigh
    found.update(_office_holders(doc, kb))
    apart = _apart_paragraphs(doc.text)
    # ("South Sudan's" at times a LOC; not in a paragraph of another story: "Separately, Jordanian and Iraqi trade
    # officials met in Baghdad ...")
    for ent in [e for e in doc.ents if e.label_ in ("GPE", "NORP", "PERSON", "ORG", "LOC")
                and not any(start <= e.start_char < end for start, end in apart)]:
        root = ent.root
        acting = country_code(ent.text) if ent.label_ == "GPE" and root.dep_ == "nsubj" and root.head.pos_ == "VERB" \
            and root.head.lemma_.lower() not in _SAYING else None
        if acting is not None:
            # "Niger freed nine prisoners": a country that acts is its state
            found[acting] += 3 if lead is not None and lead.start <= root.i < lead.end else 1
            continue
        if root.dep_ in ("nsubj", "dobj", "poss") and len(ent) <= 2 and country_code(ent.text) is None:
            # "accusing Niamey of bad faith", "Niamey's refusal": a seat of government standing for its state
            # (at times tagged as a person or a body)
            seat = kb.resolve(ent.text)
            if seat is not None and seat.country and seat.sector == "GOV" and seat.code == seat.country + "GOV" \
                    and kb.person(ent.text) is None:
                found[seat.country] += 3 if lead is not None and lead.start <= root.i < lead.end else 1
            continue
        if root.dep_ not in ("poss", "compound", "amod", "nmod"):
            continue
        organ = root.head
        sector = kb.role_sector(organ.lemma_.lower())
        if sector not in _STATE and organ.dep_ in ("amod", "compound") and organ.head.i > organ.i:
            organ = organ.head   # "Myanmar's military government"
            sector = kb.role_sector(organ.lemma_.lower())
        if sector not in _STATE and organ.i > root.i + 1:
            # "a Colombian air force strike": the organ is a compound between the country and the head
            sector = next((found_sector for t in doc[root.i + 1:organ.i] if t.dep_ == "compound" and t.head.i == organ.i
                           and (found_sector := kb.role_sector(t.lemma_.lower())) in _STATE), sector)
        if organ.lemma_.lower() in _ABROAD_ROLES:
            continue   # "Canada's envoy to the talks": a state acting abroad, not the story's state
        in_lead = lead is not None and lead.start <= root.i < lead.end
        if sector not in _STATE and not (in_lead and sector is not None):
            continue   # (the lead's actor of a country says whom the story is about: "Peru's biggest union")
        named = ent.text.removesuffix("'s").removesuffix("’s")
        code = demonym_code(named) if ent.label_ == "NORP" else country_code(named)
        if code:
            found[code] += 3 if in_lead else 1
    for token in doc:
        # "South Sudan's government" where the tagger saw no entity: a country's name owning a state organ
        if token.dep_ == "poss" and token.pos_ == "PROPN" and not token.ent_type_ \
                and kb.role_sector(token.head.lemma_.lower()) in _STATE:
            words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            code = country_code(" ".join(t.text for t in [*words, token]))
            if code:
                found[code] += 3 if lead is not None and lead.start <= token.i < lead.end else 1
    return found


# A paragraph that opens by saying it tells another story.
_APART_OPENING = re.compile(r"^\W*(?:separately|elsewhere|in other news|in (?:a |an )?(?:separate|unrelated) "
                            r"(?:development|move|case|announcement)|meanwhile, in)\b", re.IGNORECASE)


def _apart_paragraphs(text: str) -> list[tuple[int, int]]:
    """The character ranges of the paragraphs that open "Separately, ...", "Elsewhere, ...", "In other news, ..."."""
    found = []
    for m in re.finditer(r"[^\n]+", text):
        if _APART_OPENING.match(m.group(0)):
            found.append((m.start(), m.end()))
    return found


def _office_holders(doc: Doc, kb: ActorKB) -> Counter[str]:
    """The countries of the heads of state and ministers the knowledge base knows that the article names, each
    person once ("Juan Manuel Santos"): state organs named without their country's name."""
    found: Counter[str] = Counter()
    seen: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and ent.text not in seen:
            seen.add(ent.text)
            person = kb.person(ent.text)
            if person is not None and person.country and person.sector in _STATE:
                found[person.country] += 1
    return found


def _actor_countries(doc: Doc, kb: ActorKB, article: Article) -> Counter[str]:
    """How often the article names a person or an organisation of each country that the knowledge base
    knows, each actor once ("Trump" twenty times, or "the White House" and "The White House", is one
    American actor, not twenty)."""
    found: Counter[str] = Counter()
    names: set[str] = set()
    actors: set[tuple[str | None, str | None]] = set()
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG") or ent.text.lower() in names:
            continue
        names.add(ent.text.lower())
        actor = kb.resolve(ent.text, on=article.published)
        if actor is not None and actor.country and (actor.code, actor.name) not in actors:
            actors.add((actor.code, actor.name))
            found[actor.country] += 1
    return found


# Roles of a state's people abroad: their country is not the state a story is about.
_ABROAD_ROLES = frozenset({"envoy", "ambassador", "emissary", "mediator", "facilitator", "diplomat", "embassy",
                           "consul", "consulate", "representative"})


def _abroad(mention: ActorMention) -> bool:
    """Whether a mention names a state's person abroad ("Its special envoy, Ingrid Aasen", "the Norwegian
    facilitator"): the sides such a person moves between are not of that state."""
    return any(w in _ABROAD_ROLES for w in re.findall(r"[a-z]+", mention.text.split(",")[0].lower()))


def _names_a_state(text: str) -> bool:
    """Whether a mention's words are a state's name ("Cameroon", "the United States"), not a person or a
    thing of that country ("a Canadian nurse")."""
    return all(w[:1].isupper() or w in ("the", "of", "and") for w in text.split())


def _in_longer_name(token: Token) -> bool:
    """Whether a capitalised proper noun stands next to another one ("Valle Rojo")."""
    doc = token.doc
    return any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()
               for j in (token.i - 1, token.i + 1))


def _placed_abroad(location: Location | None, country: str) -> bool:
    """Whether the act's own clause or sentence places it outside `country`."""
    return location is not None and location.basis in ("clause", "sentence") and location.country != country


def _predicate_above(token: Token) -> Token | None:
    """The nearest verb above `token` (at most six arcs up)."""
    t = token
    for _ in range(6):
        if t.head.i == t.i:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _bare_sector(code: str) -> bool:
    """A code made of sector codes only ("GOV", "COP", "GOVMIL"): no country, not transnational."""
    return code.isalpha() and code.isupper() and len(code) % 3 == 0 and not code.startswith(_TRANSNATIONAL) \
        and _country_of_code(code) is None


def _country_of_code(code: str) -> str | None:
    """The ISO3 country a CAMEO actor code starts with ("IRNGOV" -> "IRN"), if it does."""
    head = code[:3]
    return head if len(code) >= 3 and country_name(head) is not None else None


def _employer_country(other: ActorMention | None, location: Location | None) -> str | None:
    """The country of workers facing a company ("the union and the Tema Port Company sat down"): the company's,
    else the place the text gives their meeting (a union and its employer bargain where they work)."""
    if other is None or other.sector != "BUS":
        return None
    if other.country is not None and other.code == other.country + "BUS":
        return other.country
    return location.country if location is not None and location.basis in _NEAR_BASES else None
