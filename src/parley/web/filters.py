"""One filter state for every page and API call: parsed from a URL's query, written back into one.

The names are `EventFilter`'s (docs/store.md), so `?source=SDNMIL&cameo=19&date_from=2025-01-01` means
in the browser what `query_events(store, source="SDNMIL", cameo="19", date_from="2025-01-01")` means
in Python. Lists are repeated keys or comma-separated values (`country=SDN&country=TCD` or
`country=SDN,TCD`); a dyad is two actors separated by a comma (`dyad=SDNMIL,REB`). Yes/no filters take
`true`/`false` (and `any` where `EventFilter` takes None).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from parley.errors import BadFilter
from parley.store.query import EventFilter

__all__ = ["FILTER_NAMES", "VIEW_NAMES", "Query", "parse_query"]

_TEXT = ("actor", "source", "target", "cameo", "plover", "date_from", "date_to", "place", "publisher", "cluster")
_LISTS = ("country", "quad", "place_basis", "modality")
_FLAGS = ("relevant_only", "attributed_only", "unhedged_only")
_TRISTATE = ("negated", "background")
#: The filter keys every page and API call takes, in the order they are written into a URL.
FILTER_NAMES: tuple[str, ...] = (*_TEXT[:3], "dyad", *_TEXT[3:], *_LISTS, *_FLAGS, *_TRISTATE)
#: The view keys some pages and calls take besides the filters (which periods, how counted, which page).
VIEW_NAMES: tuple[str, ...] = ("freq", "unit", "limit", "offset", "format", "baseline", "n", "a", "b", "by")
_DEFAULTS = {f: getattr(EventFilter(), f) for f in ("relevant_only", "attributed_only", "unhedged_only", "negated",
                                                    "background", "modality")}
_YES = {"true": True, "1": True, "yes": True, "on": True, "false": False, "0": False, "no": False, "off": False}


def _values(query: Mapping[str, Sequence[str]], name: str) -> list[str]:
    out: list[str] = []
    for raw in query.get(name, ()):
        out.extend(part.strip() for part in raw.split(",") if part.strip())
    return out


def _one(query: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = [v for v in query.get(name, ()) if v.strip()]
    if len(values) > 1:
        raise BadFilter(f"{name} is given {len(values)} times; give it once", option=name, value=values)
    return values[0].strip() if values else None


def _flag(text: str, name: str, *, tristate: bool) -> bool | None:
    if tristate and text.lower() in ("any", "all", "both"):
        return None
    if text.lower() not in _YES:
        choices = "true, false or any" if tristate else "true or false"
        raise BadFilter(f"{name} must be {choices}, not {text!r}", option=name, value=text)
    return _YES[text.lower()]


@dataclass(frozen=True)
class Query:
    """A parsed query: the event filter, the view settings, and the filter keys as given (for URLs)."""

    filters: EventFilter
    given: tuple[tuple[str, str], ...]
    view: Mapping[str, str]

    def url(self, path: str = "", **changes: str | None) -> str:
        """`path` with this query's filters and view, `changes` applied (None removes a key)."""
        pairs: dict[str, str] = dict(self.given)
        pairs.update({k: v for k, v in self.view.items()})
        for key, value in changes.items():
            if value is None:
                pairs.pop(key, None)
            else:
                pairs[key] = value
        ordered = [(k, pairs[k]) for k in sorted(pairs, key=_order)]
        text = urlencode(ordered)
        return f"{path}?{text}" if text else path

    @property
    def filter_query(self) -> str:
        """The filter part only, as URL query text (for links to other views of the same filter)."""
        return urlencode(list(self.given))

    def view_int(self, name: str, default: int, *, low: int = 0, high: int | None = None) -> int:
        """A whole-number view setting, checked against its bounds."""
        text = self.view.get(name)
        if text is None:
            return default
        try:
            value = int(text)
        except ValueError:
            raise BadFilter(f"{name} must be a whole number, not {text!r}", option=name, value=text) from None
        if value < low or (high is not None and value > high):
            bound = f"between {low} and {high}" if high is not None else f"at least {low}"
            raise BadFilter(f"{name} must be {bound}, not {value}", option=name, value=value)
        return value

    def view_choice(self, name: str, choices: Sequence[str], default: str) -> str:
        """A view setting that takes one of `choices`."""
        text = self.view.get(name, default)
        if text not in choices:
            raise BadFilter(f"{name} must be one of {', '.join(choices)}, not {text!r}", option=name, value=text)
        return text


def _order(key: str) -> tuple[int, str]:
    names = FILTER_NAMES + VIEW_NAMES
    return (names.index(key) if key in names else len(names), key)


def parse_query(query: Mapping[str, Sequence[str]], *, allowed_view: Iterable[str] = VIEW_NAMES,
                strict: bool = True) -> Query:
    """The filter and view of a URL query (`{key: [values]}`, as `parse_qs` or Starlette give it).

    Args:
        query: the query's keys and their values.
        allowed_view: the view keys this page or call takes.
        strict: an unknown key is an error (the API); otherwise it is ignored (pages).

    Raises:
        BadFilter: a value is impossible, or (strict) a key is unknown; the message names it.
    """
    allowed = set(allowed_view)
    unknown = sorted(k for k in query if k not in FILTER_NAMES and k not in allowed)
    if unknown and strict:
        raise BadFilter(f"unknown parameter {', '.join(map(repr, unknown))}; the filters are "
                        f"{', '.join(FILTER_NAMES)}" + (f" and this call also takes {', '.join(sorted(allowed))}"
                                                        if allowed else ""), option=unknown[0], value=None)
    kwargs: dict[str, Any] = {}
    given: list[tuple[str, str]] = []
    for name in _TEXT:
        value = _one(query, name)
        if value is not None:
            kwargs[name] = value
            given.append((name, value))
    dyad = _values(query, "dyad")
    if dyad:
        if len(dyad) != 2:
            raise BadFilter(f"dyad must be two actors separated by a comma (dyad=SDNMIL,REB), not {dyad!r}",
                            option="dyad", value=dyad)
        kwargs["dyad"] = (dyad[0], dyad[1])
        given.append(("dyad", ",".join(dyad)))
    for name in _LISTS:
        values = _values(query, name)
        if not values:
            continue
        given.append((name, ",".join(values)))
        if name == "quad":
            try:
                kwargs[name] = tuple(int(v) for v in values)
            except ValueError:
                raise BadFilter(f"quad must be 1, 2, 3 or 4 (or several, comma-separated), not {values!r}",
                                option="quad", value=values) from None
        else:
            kwargs[name] = tuple(values)
    for name in (*_FLAGS, *_TRISTATE):
        value = _one(query, name)
        if value is not None:
            flag = _flag(value, name, tristate=name in _TRISTATE)
            kwargs[name] = flag
            if flag != _DEFAULTS[name]:
                given.append((name, "any" if flag is None else str(flag).lower()))
    view = {k: v[-1] for k, v in query.items() if k in allowed and v}
    return Query(filters=EventFilter(**kwargs), given=tuple(given), view=view)
