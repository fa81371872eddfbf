"""Actors: countries, organisations, people and role nouns resolved to CAMEO-style codes."""

from parley.actors.countries import capital_of, country_code, country_name, demonym_code

__all__ = ["capital_of", "country_code", "country_name", "demonym_code"]
