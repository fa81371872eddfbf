"""The actor knowledge base: organisations, people (with terms of office) and role nouns.

Data lives in `parley/data/actors/{orgs,people,roles}.tsv`, one format for all three (and for
user files passed to `ActorKB.load(extra=...)`), described in the header of each file and in
docs/actors.md. Countries, demonyms and seats of power come from `parley.actors.countries`.

`ActorKB.resolve` reads an actor noun phrase as printed in news ("Russian President Vladimir
Putin", "the Kremlin", "Iran's foreign minister", "rebels") and returns an `Actor`:

1. a known person in the phrase gives the code of the office they hold on the date (outside
   every term: their country + ELI); a known organisation gives its code. "X's spokesman"
   takes X's code.
2. otherwise the code is composed: the first country signal (name, demonym, capital, seat of
   power) + the sector of the head role noun ("Syrian army" -> SYRMIL); a seat of power brings
   its own sector ("the Pentagon" -> USAMIL); "former" turns an office into ELI.
3. no country and no role -> None.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from parley.actors import countries
from parley.errors import DataFileError
from parley.types import Actor

__all__ = ["COLUMNS", "KINDS", "SECTORS", "ActorKB", "default_kb"]

#: Columns of every actor file, in order.
COLUMNS = ("kind", "names", "name", "code", "country", "sector", "start", "end", "note")
#: Row kinds: named organisation, named person, head role noun, inheriting role noun.
KINDS = ("org", "person", "role", "agent")

#: Sector codes accepted in actor files, with the label used in composed display names.
SECTORS: dict[str, str] = {
    "GOV": "Government",
    "MIL": "Military",
    "COP": "Police",
    "REB": "Rebels",
    "INS": "Insurgents",
    "SEP": "Separatists",
    "OPP": "Opposition",
    "JUD": "Judiciary",
    "LEG": "Legislature",
    "SPY": "Intelligence services",
    "UAF": "Armed forces",
    "PRM": "Paramilitary forces",
    "PTY": "Political party",
    "BUS": "Business",
    "CRM": "Criminals",
    "CVL": "Civilians",
    "EDU": "Education",
    "ELI": "Elites",
    "ENV": "Environmental groups",
    "HLH": "Health workers",
    "HRI": "Human rights groups",
    "LAB": "Labour",
    "MED": "Media",
    "REF": "Refugees",
    "AGR": "Agriculture",
    "DEV": "Development",
    "REL": "Religious groups",
    "IGO": "Intergovernmental body",
    "NGO": "Non-governmental organisation",
    "IMG": "International militant group",
    "MNC": "Multinational corporation",
    "NGM": "Non-governmental movement",
}
#: Offices that become ELI (former officials) under "former"/"ex-" or outside a person's term.
_OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
_SHIPPED = ("orgs.tsv", "people.tsv", "leaders.tsv", "roles.tsv")
_CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3}){0,4}$")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TOKEN_RE = re.compile(r"[^\W_]+(?:[.'’&][^\W_]*)*\.?", re.UNICODE)
_MAX_N = 12   # (the longest shipped names: "International Federation of Red Cross and Red Crescent Societies")

#: Words after a country that mean the country is a sponsor, not the actor ("U.S.-backed forces").
_SPONSOR_WORDS = frozenset(
    {
        "backed",
        "led",
        "funded",
        "allied",
        "aligned",
        "supported",
        "sponsored",
        "brokered",
        "armed",
        "trained",
        "based",
        "born",
        "run",
        "controlled",
    }
)
# Words after a demonym that make it a language ("English-speaking", "French-language").
LANGUAGE_WORDS = frozenset({"speaking", "speaker", "speakers", "language", "medium"})
_FORMER = frozenset({"former", "ex", "retired", "onetime", "erstwhile"})
#: Honorifics that license a surname-only alias marked "^" ("Mr. Kerry", "Mrs. May").
_HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "gen",
        "general",
        "sen",
        "senator",
        "rep",
        "col",
        "lt",
        "adm",
        "admiral",
        "sheikh",
        "ayatollah",
        "president",
        "premier",
        "chancellor",
        "minister",
        "secretary",
        "king",
        "queen",
        "prince",
        "emir",
        "marshal",
        "field",
        "commander",
        "chief",
    }
)


@dataclass(frozen=True, slots=True)
class _Term:
    code: str
    country: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class _Named:
    """An organisation or person: one identity, one or more dated codes."""

    kind: str
    name: str
    terms: tuple[_Term, ...]

    def term_on(self, on: dt.date | None) -> _Term | None:
        """The term covering `on` (latest start wins); with no date, the most recent term."""
        if on is None:
            return max(self.terms, key=lambda t: t.start or dt.date.min)
        covering = [
            t for t in self.terms if (t.start is None or t.start <= on) and (t.end is None or on <= t.end)
        ]
        return max(covering, key=lambda t: t.start or dt.date.min) if covering else None

    @property
    def home(self) -> str | None:
        return next((t.country for t in self.terms if t.country), None)


@dataclass(frozen=True, slots=True)
class _Role:
    sector: str
    inherits: bool  # an "agent": takes the sector of what it belongs to (spokesman, official)


@dataclass(frozen=True, slots=True)
class _Hit:
    """One dictionary match inside a phrase: tokens [start, end)."""

    start: int
    end: int
    kind: str  # person | org | seat | country | demonym | role | surname
    value: object


# "X-linked group Y": X is Y's patron or ally, not Y.
_PATRON_PARTICIPLES = frozenset({"linked", "backed", "affiliated", "allied", "aligned", "inspired", "sponsored",
                                 "funded", "supported", "armed", "trained"})


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Split into (normalized token, capitalized?) pairs; "'s" becomes its own token."""
    out: list[tuple[str, bool]] = []
    for match in _TOKEN_RE.finditer(text.replace("’", "'")):
        raw = match.group()
        possessive = raw.endswith(("'s", "'S")) and len(raw) > 2
        if possessive:
            raw = raw[:-2]
        raw = raw.strip("'")
        key = countries.normalize(raw) if raw else ""
        if key == "the" and out:
            out.append(("the", False))
        elif key:
            out.append((key, raw[0].isupper()))
        if possessive:
            out.append(("'s", False))
    return out


def _key(text: str) -> str:
    return " ".join(tok for tok, _ in _tokens(text))


def _parse_date(value: str) -> dt.date:
    match = _DATE_RE.match(value)
    if not match:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    return dt.date(int(year), int(month or 1), int(day or 1))


@dataclass(frozen=True, slots=True)
class _Row:
    source: str
    line: int
    kind: str
    names: tuple[str, ...]
    name: str
    term: _Term


def _read_rows(path: str | os.PathLike[str], text: str) -> list[_Row]:
    """Parse and validate one actor file; every problem is collected before raising."""
    problems: list[str] = []
    rows: list[_Row] = []
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header_seen:
            header_seen = True
            if tuple(fields) != COLUMNS:
                expected = ", ".join(COLUMNS)
                problems.append(f"line {lineno}: header must be the tab-separated columns {expected}")
                break
            continue
        row = _read_row(str(path), lineno, fields, problems)
        if row is not None:
            rows.append(row)
    if not header_seen and not problems:
        problems.append("line 1: missing header line (" + ", ".join(COLUMNS) + ")")
    if problems:
        raise DataFileError(str(path), problems)
    return rows


def _read_row(source: str, lineno: int, fields: list[str], problems: list[str]) -> _Row | None:
    """One data line as a row, or None after adding its problems to `problems`."""
    if len(fields) < len(COLUMNS):
        fields = fields + [""] * (len(COLUMNS) - len(fields))
    if len(fields) > len(COLUMNS):
        problems.append(f"line {lineno}: {len(fields)} fields, expected {len(COLUMNS)} (tab-separated)")
        return None
    rec = dict(zip(COLUMNS, fields, strict=True))
    before = len(problems)

    def bad(column: str, message: str) -> None:
        problems.append(f"line {lineno}, {column}: {message}")

    kind = rec["kind"]
    if kind not in KINDS:
        bad("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    names = tuple(n.strip() for n in rec["names"].split("|") if n.strip())
    if not names and not rec["name"]:
        bad("names", "give at least one name (names or name)")
    country = rec["country"].upper() or None
    if country and countries.country_name(country) is None:
        bad("country", f"{rec['country']!r} is not a known ISO 3166 alpha-3 code")
    sector = rec["sector"].upper() or None
    if sector and sector not in SECTORS:
        bad("sector", f"{rec['sector']!r} is not a known sector ({', '.join(sorted(SECTORS))})")
    code = _row_code(rec, kind, country, sector, bad)
    start, end = _row_dates(rec, bad)
    if len(problems) > before:
        return None
    display = rec["name"] or names[0]
    return _Row(source, lineno, kind, names or (display,), display, _Term(code, country, sector, start, end))


def _row_code(rec: dict[str, str], kind: str, country: str | None, sector: str | None,
              bad: Callable[[str, str], None]) -> str:
    """The row's CAMEO-style code: as given, or built from country and sector (roles need only a sector)."""
    code = rec["code"].upper()
    if kind in ("role", "agent"):
        if not sector:
            bad("sector", "a role needs a sector")
    elif not code:
        if country and sector:
            code = country + sector
        else:
            bad("code", "give a code, or a country and a sector to build it from")
    if code and not _CODE_RE.match(code):
        bad("code", f"{code!r} is not a CAMEO-style code (groups of 3 letters/digits, at most 15)")
    return code


def _row_dates(rec: dict[str, str], bad: Callable[[str, str], None]) -> tuple[dt.date | None, dt.date | None]:
    """The row's start and end dates (None: open)."""
    dates: dict[str, dt.date | None] = {"start": None, "end": None}
    for column in dates:
        if rec[column] and rec[column].lower() != "open":
            try:
                dates[column] = _parse_date(rec[column])
            except ValueError as e:
                bad(column, str(e))
    start, end = dates["start"], dates["end"]
    if start and end and end < start:
        bad("end", f"{rec['end']} is before start {rec['start']}")
    return start, end


# Capitals that are also ordinary words, left out of the seats table (tools/build_countries.py): they stand for
# their government only when capitalised and alone in their phrase.
_BARE_SEATS = {"male": ("MDV", "GOV")}


class ActorKB:
    """Known organisations, people and role nouns, compiled into a lowercase n-gram index."""

    def __init__(self, rows: Sequence[_Row]) -> None:
        """Build from parsed rows; a later identity (same kind and name) replaces an earlier one.

        Use `ActorKB.load`; this constructor is internal.
        """
        named: dict[tuple[str, str], tuple[str, list[str], list[_Term], str]] = {}
        roles: dict[str, _Role] = {}
        for row in rows:
            if row.kind in ("role", "agent"):
                for noun in row.names:
                    roles[_key(noun)] = _Role(row.term.sector or "", row.kind == "agent")
                continue
            ident = (row.kind, row.name.lower())
            prior = named.get(ident)
            if prior is None or prior[3] != row.source:
                # First sight, or the same identity in a later file: start afresh (override).
                named[ident] = (row.name, [], [], row.source)
            _, names, terms, _ = named[ident]
            names.extend(n for n in (row.name, *row.names) if n not in names)
            terms.append(row.term)
        self._roles = roles
        self._index: dict[str, list[tuple[str, object]]] = {}
        self._lower_ok: set[str] = set()  # aliases printed lower-case in the data ("al-Qaeda")
        self._named: list[_Named] = []
        surnames: dict[str, list[_Named]] = {}
        for (kind, _), (display, names, terms, _) in named.items():
            entity = _Named(kind, display, tuple(terms))
            self._named.append(entity)
            for alias in names:
                if alias.startswith("^"):  # surname usable only after a title or honorific
                    surnames.setdefault(_key(alias[1:]), []).append(entity)
                    continue
                key = _key(alias)
                self._add(key, kind, entity)
                if alias[:1].islower():
                    self._lower_ok.add(key)
        for key, people in surnames.items():
            self._add(key, "surname", tuple(people))
        tables = countries._tables()
        for key, iso3 in tables.by_alias.items():
            self._add(_key(key), "country", iso3)
        for key, iso3 in tables.by_demonym.items():
            self._add(_key(key), "demonym", iso3)
        for key, (iso3, sector) in tables.seats.items():
            self._add(_key(key), "seat", (iso3, sector))
        for key, role in roles.items():
            self._add(key, "role", role)
        self._max_n = min(_MAX_N, max((k.count(" ") + 1 for k in self._index), default=1))
        self.resolve = functools.lru_cache(maxsize=200_000)(self._resolve)  # type: ignore[method-assign]

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        del state["resolve"]   # a per-instance memo of `_resolve`, rebuilt on unpickling
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.resolve = functools.lru_cache(maxsize=200_000)(self._resolve)  # type: ignore[method-assign]

    def _add(self, key: str, kind: str, value: object) -> None:
        if not key:
            return
        bucket = self._index.setdefault(key, [])
        if kind in ("org", "person"):
            # An alias claimed by a later identity (a user file) moves to it.
            bucket[:] = [(k, v) for k, v in bucket if k not in ("org", "person")]
        elif any(k == kind for k, _ in bucket):
            return
        bucket.append((kind, value))

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Sequence[str | os.PathLike[str]] = ()) -> ActorKB:
        """Load the shipped actor files, then `extra` user files, which override shipped entries.

        Args:
            extra: paths of user actor files (same tab-separated format as the shipped files,
                see docs/actors.md). An organisation or person with the same display name as a
                shipped one replaces it; an alias claimed by a user entry moves to it.

        Raises:
            DataFileError: a file is invalid; lists every problem with line and column.
        """
        rows: list[_Row] = []
        base = resources.files("parley").joinpath("data/actors")
        for filename in _SHIPPED:
            rows += _read_rows(
                f"parley/data/actors/{filename}", base.joinpath(filename).read_text(encoding="utf-8")
            )
        for path in extra:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise DataFileError(str(path), [f"cannot read the file: {e}"]) from e
            rows += _read_rows(path, text)
        return cls(rows)

    # -- lookups ---------------------------------------------------------------------------

    def role_sector(self, noun: str) -> str | None:
        """The sector code a role noun implies ("army" -> "MIL", "rebels" -> "REB"), or None."""
        role = self._roles.get(_key(noun))
        return role.sector if role else None

    def role_inherits(self, noun: str) -> bool:
        """Whether a role noun is an agent's ("spokesman", "chairman"): it takes the sector of what it belongs to."""
        role = self._roles.get(_key(noun))
        return role is not None and role.inherits

    def person(self, name: str, *, on: dt.date | None = None) -> Actor | None:
        """The actor a person's full name or unambiguous surname stands for on date `on`.

        Args:
            name: "John Kerry", "Kerry", "Mr. Kerry".
            on: the article's date; None means the person's most recent office.

        Returns:
            The office's code during a term; the person's country + ELI outside every term;
            None for an unknown name.
        """
        toks = _tokens(name)
        while toks and toks[0][0] in _HONORIFICS:
            toks = toks[1:]
        key = " ".join(t for t, _ in toks)
        for kind, value in self._index.get(key, ()):
            if kind == "person":
                return self._person_actor(value, on)  # type: ignore[arg-type]
            if kind == "surname":
                entity = self._pick_surname(value, on)  # type: ignore[arg-type]
                if entity:
                    return self._person_actor(entity, on)
        return None

    def names_an_org(self, name: str) -> bool:
        """Whether `name` ("Kataib Hezbollah", "the SDF") is a name or alias of an organisation the base knows."""
        toks = _tokens(name)
        if toks and toks[0][0] == "the":
            toks = toks[1:]
        return any(kind == "org" for kind, _ in self._index.get(" ".join(t for t, _ in toks), ()))

    def __len__(self) -> int:
        return len(self._named)

    def counts(self) -> dict[str, int]:
        """Numbers of organisations, people and role nouns in the base."""
        out = {"org": 0, "person": 0, "role": len(self._roles)}
        for entity in self._named:
            out[entity.kind] += 1
        return out

    # -- resolution ------------------------------------------------------------------------

    def resolve(self, text: str, *, on: dt.date | None = None) -> Actor | None:  # replaced per instance
        """The best actor for a noun phrase as printed in news, on the article's date `on`.

        Args:
            text: "Russian President Vladimir Putin", "the Kremlin", "Israeli officials",
                "Iran's foreign minister", "rebels", "the U.N. Security Council", "Mr. Kerry".
            on: the article's date (None: a person's most recent office).

        Returns:
            An `Actor`, or None when the phrase carries no actor signal ("the group").
        """
        return self._resolve(text, on=on)

    def _resolve(self, text: str, *, on: dt.date | None = None) -> Actor | None:
        toks = _tokens(text)
        if not toks:
            return None
        lenient = text == text.lower()
        hits = list(self._scan(toks, lenient))
        bare = [tok for tok, _ in toks if tok != "'s"]
        if not hits and len(bare) == 1 and toks[0][1] and bare[0] in _BARE_SEATS:
            # "Male also rejected Colombo's demand": the capital that is also a word stands for its government
            # only as the whole phrase ("Male voters" is no seat)
            hits = [_Hit(0, 1, "seat", _BARE_SEATS[bare[0]])]
        if not hits:
            # "the Baloch National Resistance Front", a body the lists lack named after no country: rebels by the
            # words of its name, whose country the text gives
            if _named_armed_body(toks):
                return Actor("REB", _composed_name(None, "REB", "REB"), None, "REB")
            # "Brecknock Energy", "Ostrava Steel": a company the lists lack, by the last word of its name
            return Actor("BUS", _composed_name(None, "BUS", "BUS"), None, "BUS") if _named_company(toks) else None
        former = any(tok in _FORMER for tok, _ in toks)
        # 1. A known person or organisation wins; 2. else compose country + sector.
        named = self._named_actor(toks, hits, on=on, former=former)
        if named is not None:
            return named
        if _UNKNOWN_INITIALS_TEAM.search(text):
            return None   # "the TPNPB delegation": the team of a body the lists do not know, no state's
        team_of = _TEAM_OF_NAME.match(text)
        if team_of is not None and text[team_of.end() - 1].isupper() and not any(
                h.kind in ("country", "demonym", "seat") or h.kind == "role" and h.start > 1
                and not (h.value.sector == "CVL" and toks[h.start][1]) for h in hits):  # type: ignore[attr-defined]
            return None   # "negotiators of the Citizens' Democratic Alliance": a body the lists do not know
        return _composed_actor(toks, hits, former=former)

    def _named_actor(self, toks: list[tuple[str, bool]], hits: list[_Hit], *, on: dt.date | None,
                     former: bool) -> Actor | None:
        """The actor of the first known person (else organisation) among `hits`, or None.

        "X's spokesman" keeps X's code, not X's name.
        """
        named_hits = sorted(
            (h for h in hits if h.kind in ("person", "org", "surname")),
            key=lambda h: (h.kind == "org", h.start),
        )  # people before organisations
        # "the al Qaeda-linked group JNIM", "the Iran-backed Kataib Hezbollah": the patron names another actor
        patrons = [h for h in named_hits if h.end < len(toks) and toks[h.end][0] in _PATRON_PARTICIPLES]
        if patrons and len(patrons) < len(named_hits):
            named_hits = [h for h in named_hits if h not in patrons]
        for hit in named_hits:
            entity = self._hit_entity(hit, on)
            if entity is None or hit.kind == "org" and _inside_longer_name(toks, hits, hit) \
                    or hit.kind in ("person", "surname") and _one_word_of_another_name(toks, hits, hit):
                continue
            owned = hit.end < len(toks) and toks[hit.end][0] == "'s"
            tail_role = any(h.kind == "role" and h.start >= hit.end for h in hits)
            if entity.kind == "person":
                actor = self._person_actor(entity, on, former=former)
            else:
                actor = self._org_actor(entity, on)
            if owned and tail_role:
                return Actor(
                    actor.code,
                    _composed_name(actor.country, actor.sector, actor.code or ""),
                    actor.country,
                    actor.sector,
                )
            return actor
        return None

    def _hit_entity(self, hit: _Hit, on: dt.date | None) -> _Named | None:
        """The person or organisation a hit names; for a bare surname, the one person it can be (or None)."""
        if hit.kind == "surname":
            return self._pick_surname(hit.value, on)  # type: ignore[arg-type]
        return hit.value  # type: ignore[return-value]

    def _scan(self, toks: list[tuple[str, bool]], lenient: bool) -> Iterator[_Hit]:
        """Greedy longest-match of index n-grams, left to right."""
        index = self._index
        i, n_toks = 0, len(toks)
        while i < n_toks:
            matched = False
            for n in range(min(self._max_n, n_toks - i), 0, -1):
                key = toks[i][0] if n == 1 else " ".join(t for t, _ in toks[i : i + n])
                bucket = index.get(key)
                if not bucket:
                    continue
                hit = self._choose(bucket, toks, i, n, key, lenient)
                if hit is None or hit.kind == "demonym" and i + n < n_toks and toks[i + n][0] in LANGUAGE_WORDS:
                    continue   # ("the English-speaking regions": a language, not the nation)
                yield hit
                i += n
                matched = True
                break
            if not matched:
                i += 1

    def _choose(
        self,
        bucket: list[tuple[str, object]],
        toks: list[tuple[str, bool]],
        i: int,
        n: int,
        key: str,
        lenient: bool,
    ) -> _Hit | None:
        capitalized = toks[i][1]
        first = toks[i][0]
        for kind, value in sorted(bucket, key=lambda kv: _PRIORITY[kv[0]]):
            if kind == "role":
                return _Hit(i, i + n, kind, value)
            if first == "us" and n == 1 and not capitalized:
                continue  # the pronoun, not the country
            if not (
                capitalized
                or lenient
                or first.isdigit()
                or (kind in ("org", "person") and key in self._lower_ok)
            ):
                continue
            if kind == "surname":
                prev = toks[i - 1][0] if i else ""
                if not capitalized or (prev not in _HONORIFICS and prev not in self._roles):
                    continue
            return _Hit(i, i + n, kind, value)
        return None

    def _pick_surname(self, people: tuple[_Named, ...], on: dt.date | None) -> _Named | None:
        if len(people) == 1:
            return people[0]
        if on is not None:
            serving = [p for p in people if p.term_on(on) is not None]
            if len(serving) == 1:
                return serving[0]
        return None

    def _person_actor(self, entity: _Named, on: dt.date | None, *, former: bool = False) -> Actor:
        term = entity.term_on(on)
        if term is None or former:
            country = entity.home
            return Actor(f"{country or ''}ELI", entity.name, country, "ELI")
        return Actor(term.code, entity.name, term.country, term.sector)

    def _org_actor(self, entity: _Named, on: dt.date | None) -> Actor:
        term = entity.term_on(on)
        if term is None:  # before or after every dated code: the nearest one
            when = on or dt.date.max
            term = min(
                entity.terms,
                key=lambda t: min(abs(((t.start or when) - when).days), abs(((t.end or when) - when).days)),
            )
        return Actor(term.code, entity.name, term.country, term.sector)


_PRIORITY = {"person": 0, "org": 1, "surname": 2, "seat": 3, "country": 4, "demonym": 5, "role": 6}


def _one_word_of_another_name(toks: list[tuple[str, bool]], hits: list[_Hit], hit: _Hit) -> bool:
    """Whether a person's one-word name stands among capitalised words of another name: "Victoria Lungu-Ciobanu"
    is no Lungu, "Getachew Alemu Bekele" no Getachew Reda (a title, a role or a country beside it is no name)."""
    if hit.end - hit.start != 1:
        return False
    covered = {i for h in hits if h is not hit for i in range(h.start, h.end)}
    roles = {i for h in hits if h.kind == "role" for i in range(h.start, h.end)}
    after, before = hit.end, hit.start - 1
    if after < len(toks) and toks[after][1] and toks[after][0] != "'s" and after not in roles:
        return True
    return before >= 0 and toks[before][1] and before not in covered and toks[before][0] not in _HONORIFICS \
        and toks[before][0] not in _FORMER and toks[before][0] not in ("the", "'s")


def _inside_longer_name(toks: list[tuple[str, bool]], hits: list[_Hit], hit: _Hit) -> bool:
    """Whether a capitalised name the lists know ends a longer name they do not: "the Karen National Liberation
    Army" is no "National Liberation Army" (Colombia's ELN), "the West Papua National Liberation Army" neither."""
    before = hit.start - 1   # (a capital word that opens the phrase may be the sentence's: "Leftist National ...")
    return before >= 1 and toks[before][1] and toks[before][0] not in ("the", "a", "an", "'s", "and", "of") \
        and all(cap for _, cap in toks[hit.start:hit.end]) and not any(h.start <= before < h.end for h in hits)


def _a_word_of_a_name(toks: list[tuple[str, bool]], hit: _Hit, role: _Role, head: str | None, head_pos: int) -> bool:
    """Whether a role word is a word of a name that says nothing of the group's kind: a civilian word before more of
    the name ("the Citizens' Democratic Alliance", "the Western People's Front"), or any capitalised role word after
    a lower-case descriptor of the group ("the rebel Union of Patriotic Forces")."""
    after = hit.end + (hit.end < len(toks) and toks[hit.end][0] == "'s")
    if role.sector == "CVL" and toks[hit.start][1] and after < len(toks) and toks[after][1]:
        return True
    if toks[hit.start][1] and role.sector == "MIL" and any(
            capital and word in _BODY_HEADS and i + 1 < hit.start and toks[i + 1][0] in ("of", "for")
            for i, (word, capital) in enumerate(toks[:hit.start])):
        return True   # "the Movement of Democratic Forces of ...", "the Front for the Patriotic Forces": a body
    if toks[hit.start][1] and head == "BUS" and role.sector == "MIL":
        return True   # "Hallam Shipbuilding & Marine Engineering": a company's name, no marines
    return toks[hit.start][1] and head is not None and not toks[head_pos][1] and head != "GOV"


def _union_of_forces(toks: list[tuple[str, bool]]) -> str | None:
    """ "the Union of Patriotic Forces for Renewal", "the Union of Resistance Forces": no workers' union but an armed
    movement (REB); "the Union of Democratic Forces": a party (PTY); None for a union of workers."""
    if not toks or toks[0][0] not in ("the", "union") or not any(
            t in _REBEL_NAME_WORDS | {"forces", "patriotic"} for t, capital in toks if capital):
        return None
    return "PTY" if any(t in _PARTY_NAME_WORDS for t, _ in toks) else "REB"


def _composed_actor(toks: list[tuple[str, bool]], hits: list[_Hit], *, former: bool) -> Actor | None:
    """An actor composed from the phrase's country (or seat) and role sector, or None when it has neither."""
    country: str | None = None
    seat_sector: str | None = None
    head: str | None = None
    head_pos = agent_pos = -1
    agent: str | None = None
    of_head = False
    for hit in hits:
        if hit.kind in ("country", "demonym", "seat") and country is None:
            nxt = toks[hit.end][0] if hit.end < len(toks) else ""
            if nxt in _SPONSOR_WORDS:
                continue
            # "Qatari and Egyptian mediators": the first country wins.
            if hit.kind == "seat" and hit.end < len(toks) and toks[hit.end][1] \
                    and not any(h.start == hit.end for h in hits):
                continue   # "President Santiago Ordonez", "Lima Mendes": a given name, not the seat of government
            if hit.kind == "seat":
                country, seat_sector = hit.value  # type: ignore[misc]
            else:
                country = hit.value  # type: ignore[assignment]
        elif hit.kind == "role" and not of_head:
            role: _Role = hit.value  # type: ignore[assignment]
            if _a_word_of_a_name(toks, hit, role, head, head_pos):
                continue
            if role.inherits:
                agent, agent_pos = role.sector, hit.start
            else:
                head, head_pos = role.sector, hit.start
                # "the Ministry of Industry": a state organ before "of" heads the phrase, whatever role follows
                # ("the Federation of Chambers of Commerce" is the chambers' body)
                of_head = hit.end < len(toks) and toks[hit.end][0] == "of" \
                    and toks[hit.end - 1][0] in _OF_HEADS
    # "the Western Grain Terminals Council": a body of its own name, not a government's
    agent = _agent_of_body(agent, toks, agent_pos, hits) if head is None and country is None else agent
    sector: str | None
    if agent and agent != "GOV" and head == "GOV" and agent_pos > head_pos:
        sector = agent  # "government troops" are the military, not the government
    else:
        sector = head or seat_sector or agent
    if former and sector in _OFFICE_SECTORS:
        sector = "ELI"
    sector = _workers_or_not(toks, sector, head_pos)
    if sector == "":
        return None   # "the Union for the Renewal of the Centre": a body the lists lack, of no trade
    if country is None and sector is None:
        return None
    owner = next((i for i, (t, _) in enumerate(toks) if t == "'s"), len(toks))
    if (sector is None or owner < len(toks)) and _unknown_body(toks[:owner], [h for h in hits if h.end <= owner]):
        # "the South Sudan Redemption Movement" and its negotiators: a body of that country the knowledge base
        # lacks, the country's rebels or party by the words of its name, else unknown
        words = {t for t, _ in toks[:owner]}
        sector = "REB" if words & _REBEL_NAME_WORDS else "PTY" if words & _PARTY_NAME_WORDS else None
        if sector is None:
            return None
    code = (country or "") + (sector or "")
    return Actor(code, _composed_name(country, sector, code), country, sector)


# Words of the names of state bodies: "the National Security Council", "the Supreme Council".
_STATE_NAME_WORDS = frozenset({"national", "supreme", "security", "state", "federal", "presidential", "ministerial",
                               "transitional", "revolutionary", "sovereignty", "sovereign", "executive", "regional",
                               "provincial", "municipal", "city", "county", "district", "legislative", "privy",
                               "constitutional", "electoral", "military", "defence", "defense", "royal", "public",
                               "central", "governing", "ruling", "interim", "joint", "european", "people's",
                               "peoples", "islamic", "popular", "high", "general", "grand", "economic", "social"})
_BODY_AGENT_WORDS = frozenset({"council", "committee", "commission", "board", "panel", "agency", "office"})


def _agent_of_body(agent: str | None, toks: list[tuple[str, bool]], agent_pos: int, hits: list[_Hit]) -> str | None:
    """The sector an agent's word gives a phrase with no other role nor country: none for the name of a body of
    its own ("the Western Grain Terminals Council"), which is no government's."""
    return None if agent == "GOV" and (_privately_named(toks, agent_pos, hits)
                                       or _office_of_named_body(toks, agent_pos, hits)) else agent


# Offices a body of any kind has: its president is no government unless the body is a state's.
_BODY_OFFICES = frozenset({"president", "presidents", "vice", "chairman", "chairwoman", "chairperson", "chairmen"})
# Capitalised words after "the President of the ...": the state itself ("the President of the Republic").
_STATE_ITSELF = frozenset({"republic", "nation", "country", "state", "federation", "confederation", "union",
                           "government", "council", "commission", "assembly", "senate", "house", "court"})
# Words before an office that say which holder, not which body: "Acting President", "Former Vice President".
_OFFICE_MODIFIERS = frozenset({"acting", "former", "deputy", "outgoing", "incoming", "new", "newly", "elected",
                               "then", "late", "first", "sitting", "current", "ousted", "exiled", "embattled",
                               "self-declared", "self-proclaimed", "de", "facto", "mr", "mr.", "mrs", "mrs.", "ms",
                               "ms.", "madam", "madame", "dear", "our", "his", "her", "their", "its", "also"})


def _office_of_named_body(toks: list[tuple[str, bool]], agent_pos: int, hits: list[_Hit]) -> bool:
    """Whether a body's office ("president", "chairman") belongs to a body named by capitalised words of no state's
    that the lists lack: "Hindu Mahasabha president Chakrapani", "the president of the Hindu Mahasabha"."""
    if agent_pos < 0 or toks[agent_pos][0] not in _BODY_OFFICES or any(h.kind != "role" for h in hits):
        return False
    before = [(t, cap) for t, cap in toks[:agent_pos] if t not in ("the", "'s")]
    if before:
        return all(cap for _, cap in before) \
            and not any(t in _STATE_NAME_WORDS | _STATE_ITSELF | _OFFICE_MODIFIERS for t, _ in before)
    end = agent_pos + 1 + (toks[agent_pos][0] == "vice")
    if end + 1 >= len(toks) or toks[end][0] != "of":
        return False
    after = [(t, cap) for t, cap in toks[end + 1:] if t != "the"]
    return bool(after) and all(cap for _, cap in after) \
        and not any(t in _STATE_NAME_WORDS | _STATE_ITSELF for t, _ in after)


def _privately_named(toks: list[tuple[str, bool]], agent_pos: int, hits: list[_Hit]) -> bool:
    """Whether a phrase is the proper name of a body that ends in an agent's word ("council", "committee") after
    capitalised words of no state's ("the Western Grain Terminals Council", "the Cocoa Haulage Board"): a body the
    knowledge base lacks, no government organ ("the National Security Council" is one)."""
    if agent_pos < 2 or toks[agent_pos][0] not in _BODY_AGENT_WORDS or not toks[agent_pos][1] \
            or agent_pos != len(toks) - 1 and toks[agent_pos + 1][0] not in ("'s",):
        return False
    words = [(t, cap) for t, cap in toks[:agent_pos] if t not in ("the", "and", "'s")]
    return len(words) >= 2 and all(cap for _, cap in words) \
        and not any(t in _STATE_NAME_WORDS for t, _ in words) \
        and not any(h.start < agent_pos for h in hits if h.kind != "role")


# Initials before the team a side sends to talks ("the TPNPB delegation").
# "Negotiators of the Citizens' Democratic Alliance (CDA)": the team of a body named after it.
_TEAM_OF_NAME = re.compile(r"^(?:the\s+)?(?:negotiators?|delegations?|delegates?|team|negotiating team|envoys?|"
                           r"representatives?)\s+(?:of|from|for)\s+(?:the\s+)?[A-Z]", re.IGNORECASE)
_UNKNOWN_INITIALS_TEAM = re.compile(r"\b[A-Z][A-Z0-9-]{2,}\s+(?:delegation|delegations|negotiators|negotiator|team|"
                                    r"delegates|delegate|negotiating team)\b")


# State organs that head a phrase before "of" ("the Ministry of Industry", "the Department of Labor").
_OF_HEADS = frozenset({"ministry", "ministries", "department", "secretariat", "directorate"})


# Last words of the names of bodies: a name that holds a country's name and ends so is a body, not the state.
_BODY_HEADS = frozenset({"movement", "front", "alliance", "congress", "union", "council", "league", "federation",
                         "coalition", "organisation", "organization", "association", "party", "brigade", "brigades",
                         "militia", "group", "convention", "rally", "assembly"})


# Words of the names of armed movements and of political parties.
_REBEL_NAME_WORDS = frozenset({"liberation", "redemption", "resistance", "revolutionary", "salvation", "insurgency",
                               "army", "militia", "brigade", "brigades", "mujahideen", "armed", "fighters"})
_PARTY_NAME_WORDS = frozenset({"democratic", "democrats", "party", "socialist", "progressive", "republican",
                               "conservative", "liberal", "rally", "convention", "congress", "alliance"})


def _unknown_body(toks: list[tuple[str, bool]], hits: list[_Hit]) -> bool:
    """Whether a phrase is the proper name of a body that holds a country's name among other capitalised words
    ("the Kenya Democratic Front", "South Sudan Redemption Movement's"): no actor the knowledge base knows."""
    words = [(t, cap) for t, cap in toks if t not in ("the", "'s", "of", "for", "and")]
    place = next((h for h in hits if h.kind in ("country", "demonym", "seat")), None)
    if place is None or len(words) < 3 or words[-1][0] not in _BODY_HEADS or not all(cap for _, cap in words):
        return False
    return any(cap for t, cap in toks[place.end:] if t not in _BODY_HEADS and t not in ("'s", "of", "for", "and"))


def _named_armed_body(toks: list[tuple[str, bool]]) -> bool:
    """Whether a phrase is the proper name of a body (three capitalised words or more, ending in "Front", "Movement"
    ...) with a word of armed struggle in it ("Resistance", "Liberation")."""
    words = [(t, cap) for t, cap in toks if t not in ("the", "'s", "of", "for", "and")]
    return len(words) >= 3 and all(cap for _, cap in words) and words[-1][0] in _BODY_HEADS \
        and any(t in _REBEL_NAME_WORDS for t, _ in words)


# Last words of company names that are no role nouns of their own ("energy" alone is no company).
_COMPANY_NAME_HEADS = frozenset({"energy", "oil", "gas", "power", "resources", "holdings", "steel", "foods",
                                 "minerals", "metals", "cement", "textiles", "telecom", "telecoms", "pharma",
                                 "pharmaceuticals", "brewery", "breweries", "mills", "plantations", "refinery",
                                 "refineries", "shipyard", "shipyards", "ports", "terminals", "freight", "cargo"})


def _named_company(toks: list[tuple[str, bool]]) -> bool:
    """Whether a phrase is a company's proper name: capitalised words, the last a word of trade ("Brecknock Energy",
    "the Volta Cement")."""
    words = [(t, cap) for t, cap in toks if t not in ("the", "'s", "&", "and")]
    return 2 <= len(words) <= 5 and all(cap for _, cap in words) and words[-1][0] in _COMPANY_NAME_HEADS


_COUNT_WORDS = frozenset({"hundreds", "thousands", "dozens", "some", "about", "around", "nearly", "over"})


# Words of a workers' union's name: "the Union of Dock Workers", "the National Union of Teachers".
_WORKER_NAME_WORDS = frozenset({"workers", "worker", "employees", "labour", "labor", "trade", "trades", "teachers",
                                "nurses", "miners", "dockers", "drivers", "journalists", "doctors", "students",
                                "farmers", "staff", "officers", "engineers", "seafarers", "transport", "railway",
                                "metalworkers", "textile", "professionals", "civil", "servants", "pilots", "crews"})


def _workers_or_not(toks: list[tuple[str, bool]], sector: str | None, head_pos: int) -> str | None:
    """The sector after a second look at unions and operators: a union of forces is armed ("the Union of Patriotic
    Forces"), a union of no trade none of labour ("" for a body the lists lack), "some 410 operators" are workers."""
    if sector == "LAB":
        sector = _union_of_forces(toks) or sector
        if sector == "LAB" and _union_of_no_workers(toks):
            return ""
    if sector == "BUS" and head_pos > 0 and toks[head_pos][0] in ("operators", "drivers") \
            and any(t.isdigit() or t in _COUNT_WORDS for t, _ in toks[:head_pos]):
        return "LAB"   # "some 410 operators" on the platforms are its workers, not companies
    return sector


def _union_of_no_workers(toks: list[tuple[str, bool]]) -> bool:
    """Whether a phrase is the name of a body that opens with "Union for/of" and names no workers' trade ("the
    Union for the Renewal of the Centre"): no trade union."""
    words = [t for t, _ in toks if t not in ("the", "'s")]
    i = next((k for k, (t, cap) in enumerate(toks) if t == "union" and cap), None)
    return i is not None and i + 1 < len(toks) and toks[i + 1][0] in ("for", "of") \
        and not any(t in _WORKER_NAME_WORDS or t.endswith("workers") for t in words)


def _composed_name(country: str | None, sector: str | None, code: str) -> str:
    label = SECTORS.get(sector or "")
    place = countries.country_name(country) if country else None
    if label and place:
        return f"{label} of {place}"
    return label or place or code


@functools.cache
def default_kb() -> ActorKB:
    """The knowledge base built from the shipped data files (cached for the process, and compiled once into
    the resource cache)."""
    from parley.resource_cache import cached

    return cached("kb", ActorKB.load, ActorKB)
