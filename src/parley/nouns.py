"""Noun classes: whether a common noun can name someone who acts, a thing, an animal or a natural hazard.

The table `data/noun_classes.tsv` (built from WordNet 3.0 by tools/build_noun_classes.py) lists the
semantic classes of each noun's most frequent senses. The coder asks it when an argument names no
actor it knows: "protesters" and "the militia" may act; "plastics", "the brochures", "dogs" and "the
typhoon" do not, though a tagger marks all of them as plural or proper nouns.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

#: Classes of a noun that names people or an organised body of them.
AGENT_CLASSES = frozenset({"person", "group"})
#: A noun whose first sense is one of these never acts, whatever its rarer senses ("dog": a person, too).
INERT_CLASSES = frozenset({"animal", "plant", "substance", "food", "body", "object", "phenomenon"})
#: Hazards that "kill" and "destroy" in the news without being actors (WordNet files most of them as
#: events or states, beside wars and elections, so they are listed).
HAZARD_NOUNS = frozenset({
    "avalanche", "blaze", "blizzard", "coronavirus", "covid", "cyclone", "disease", "drought", "earthquake",
    "epidemic", "eruption", "fire", "flood", "flooding", "heatwave", "hurricane", "illness", "infection",
    "landslide", "monsoon", "mudslide", "outbreak", "pandemic", "quake", "rain", "rainfall", "storm",
    "tornado", "tsunami", "typhoon", "virus", "wildfire", "wind",
})

#: Last words of the names of bodies that a report may use alone for the body it named in full ("the Front"
#: after "the Citizen Unity Front"): no town, nor anyone of their own.
BODY_NAME_HEADS = frozenset({"front", "alliance", "coalition", "bloc", "movement", "congress", "convention", "rally",
                             "union", "council", "league", "federation", "assembly", "forum", "platform"})


#: Nouns of those who mediate between others ("the mediator", "acted as facilitator"), and with them the nouns of
#: anyone standing between the sides: conciliators, envoys, arbitrators ("the two federal mediators" are no sides).
MEDIATOR_NOUNS = frozenset({"mediator", "facilitator", "intermediary", "go-between", "broker", "guarantor",
                            "interlocutor", "moderator", "convener", "convenor"})
GO_BETWEEN_NOUNS = MEDIATOR_NOUNS | {"conciliator", "envoy", "arbitrator", "ombudsman"}


#: Nouns whose sense in the news is not WordNet's first: a drone is an aircraft, hawks and doves are
#: politicians, a mole is a spy.
NEWS_SENSES: dict[str, tuple[str, ...]] = {
    "drone": ("artifact",), "hawk": ("person", "animal"), "dove": ("person", "animal"), "mole": ("person",),
    # WordNet files these under groups (of rules, things, events), which no one is in the news: "passed a law",
    # "held campaign rallies", "proposed an arrangement", "a package of measures"
    "law": ("communication", "cognition"), "arrangement": ("cognition",), "rally": ("event", "act"),
    "package": ("artifact", "communication"), "series": ("communication",), "collection": ("communication",),
    "category": ("cognition",), "bundle": ("artifact",), "batch": ("quantity",), "array": ("artifact",),
    "sequence": ("attribute",), "levee": ("artifact",), "set": ("artifact",),
}


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    text = files("parley").joinpath("data", "noun_classes.tsv").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            lemma, _, classes = line.partition("\t")
            table[lemma] = tuple(classes.split(","))
    table.update(NEWS_SENSES)
    return table


def classes(lemma: str) -> tuple[str, ...] | None:
    """The classes of a noun's most frequent senses, most frequent first; None for a noun not listed."""
    return _table().get(lemma.lower())


def can_act(lemma: str) -> bool | None:
    """Whether a common noun can name someone who acts: a person or a group among its first senses, and
    its first sense no animal, substance, natural phenomenon ...; None for a noun not listed."""
    lemma = lemma.lower()
    if lemma in HAZARD_NOUNS:
        return False
    found = classes(lemma)
    if found is None:
        return None
    return found[0] not in INERT_CLASSES and not AGENT_CLASSES.isdisjoint(found)


def is_hazard(lemma: str) -> bool:
    """A natural hazard or a disease ("typhoon", "the virus")."""
    return lemma.lower() in HAZARD_NOUNS


def is_occurrence(lemma: str) -> bool:
    """A noun whose first sense is an act or an event ("bombing", "shooting", "attack")."""
    found = classes(lemma)
    return found is not None and found[0] in ("act", "event")


def is_amount(lemma: str) -> bool:
    """A noun that counts or measures what its "of" phrase names ("hundreds of", "a number of", "a group of")."""
    found = classes(lemma)
    return found is not None and ("quantity" in found or found[0] in ("Tops", "group", "relation"))


def is_animal(lemma: str) -> bool:
    """A noun whose first or second sense is an animal, and whose first is no person ("pigs", "the bear",
    "chickens", which WordNet lists as food first)."""
    found = classes(lemma)
    return found is not None and "animal" in found[:2] and found[0] != "person"


def names_person(lemma: str) -> bool:
    """A noun whose first sense is a person ("fishermen", "riders"): someone who can be acted on."""
    found = classes(lemma)
    return found is not None and found[0] == "person"
