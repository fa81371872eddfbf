"""Actors: countries, organisations, people and role nouns resolved to CAMEO-style codes."""

from parley.actors.countries import capital_of, country_code, country_name, demonym_code, seat_of
from parley.actors.kb import ActorKB, default_kb

__all__ = ["ActorKB", "capital_of", "country_code", "country_name", "default_kb", "demonym_code", "seat_of"]
