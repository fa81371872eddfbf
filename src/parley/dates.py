"""Calendar dates for the temporal expressions spaCy marks as DATE ("last Thursday", "March 3").

`resolve_date(expression, published)` anchors an expression on the article's publication date
and says how precisely the date is known. Hand-written rules (regexes compiled at import) cover
the forms news uses most; only what they do not recognise goes to dateparser, imported lazily
and cached, because it costs about a millisecond a call.

Conventions (what an analyst reading the events should expect):

- Precision is "day", "month" (date = the 1st) or "year" (date = January 1). It is never finer
  than the text: "last month" and "earlier this month" are month precision, "earlier this year",
  "last year" and "in 2014" year precision.
- A week ("this week", "last week", "next week", "earlier this week") is dated to its Monday
  with precision "day", and a weekend ("at the weekend", "last weekend") to its Saturday. The
  three precisions cannot say "week"; Monday keeps the event in the right ISO week, which is how
  analysts bin sub-monthly data, while month precision would throw the week away and be wrong
  for weeks that straddle two months. Consumers that need to know can re-read the expression.
- News reports the past, so unmarked forms lean back: a bare weekday is the latest such day on
  or before publication (the same day if published that day); "at the weekend"/"this weekend"
  is the weekend on or before publication; "last Thursday" (and "this past Thursday") is the latest
  Thursday strictly before publication; "this Thursday" is the Thursday of the publication week; "next Thursday",
  "next week", "tomorrow" resolve forward.
- A month and day without a year ("March 3", "Dec 5") fall in the publication year unless that
  is more than two months after publication, then in the year before (published 2024-01-05,
  "December 28" -> 2023-12-28). A month alone ("in March") follows the same rule.
- "N days ago" counts back from publication. "Two days later", "a week earlier", "the next day",
  "the day before" count from a date of the story, which the expression alone does not give: they
  resolve to None here, and `resolve_from` counts them from the story's date (the coder takes the
  latest date the article gave before them). Weeks count in days (day precision), months and years
  ("three months ago") at month and year precision.
- Too vague to date, so None: decades ("the 1990s" is coarser than the coarsest precision and
  any single year would be invented), "recent days", "the past week/decade", durations
  ("two days", "47 month"), bare numbers ("22"), and story-relative phrases ("the day", "that week",
  "the following day", "the last night" of a convention, "the first week").
- Without a publication date, relative expressions (weekdays, "yesterday", "last week", "March 3")
  return None; expressions with a year ("March 3, 2015", "in 2014") still resolve.
- Results before 1900 or more than five years after publication are rejected. Nothing raises:
  odd input returns None.
"""

from __future__ import annotations

import datetime
import email.utils
import functools
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["PRECISIONS", "ResolvedDate", "parse_published", "resolve_date"]

PRECISIONS = ("day", "month", "year")

_MIN_YEAR = 1900
_MAX_YEARS_AHEAD = 5
_MONTH_DAY_LOOKAHEAD = datetime.timedelta(days=62)
_MAX_LENGTH = 80


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A calendar date and how precisely the text fixes it.

    `date` is the day itself for "day" precision, the 1st of the month for "month" and
    January 1 for "year".
    """

    date: datetime.date
    precision: str  # "day" | "month" | "year"


# --- vocabulary --------------------------------------------------------------------------------

_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "tues": 1, "wednesday": 2, "weds": 2, "thursday": 3, "thurs": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
#: Names of days and months as written in news, lower case ("monday", "sept"): a word the tagger marks as a date
#: is one only when it is one of these; a town called March or Sunday is named otherwise.
CALENDAR_WORDS = frozenset(_WEEKDAYS) | frozenset(_MONTHS)
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30,
}


def count_of(word: str) -> int | None:
    """The number a count word or a numeral names ("a", "three", "12"), or None."""
    word = word.lower()
    return _NUMBERS.get(word) or (int(word) if word.isdigit() else None)


#: Day offsets from publication for fixed phrases (after prepositions and "the" are stripped).
_DAY_WORDS = {
    "today": 0, "now": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "overnight": 0, "right now": 0, "so far today": 0,
    "yesterday": -1, "last night": -1, "last evening": -1, "day before yesterday": -2,
    "tomorrow": 1, "day after tomorrow": 2,
}
#: Words that make an unrecognised expression too vague (or story-relative) to date.
_VAGUE = frozenset(
    "recent recently lately decade decades century centuries few several couple many some same that "
    "those following previous prior preceding day days night nights weeks months years ages time times "
    "period era future soon once while moment hours minutes".split()
)

_WD = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUM = "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r"|\d{1,3}"
_ORD = r"(?:st|nd|rd|th)?"
_RANGE_TAIL = rf"(?:\s*(?:-|–|to|and|or)\s*\d{{1,2}}{_ORD})?"

_PUNCT = re.compile(r"[,.;:!?\"“”()\[\]]|['’]s\b|['’]")
_LEAD = re.compile(
    r"^(?:on|in|at|by|since|from|until|till|through|during|over|around|about|circa|as of|before|after|between"
    r"|of|the|very|sometime|some time|as early as|as late as)\s+"
)
_MODIFIER = re.compile(
    r"^(?:early|earlier|late|later|mid|middle of|start of|beginning of|end of|turn of|first half of"
    r"|second half of|the first half of|the second half of)(?:\s+|-)"
)
_TIME_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night|overnight|midday|noon|midnight|dawn|dusk)$")
#: An hour before the day it falls on: "shortly before midnight Tuesday night", "at dawn on Thursday".
_CLOCK = re.compile(r"^(?:(?:shortly|just|soon|right|around|about|close to)\s+)?(?:(?:before|after|at|by|around)\s+)?"
                    r"(?:midnight|noon|midday|dawn|dusk|daybreak|nightfall)(?:\s+on)?(?:\s+|$)|"
                    # "the early hours of Saturday", "the small hours of Friday"
                    r"^(?:the\s+)?(?:(?:early|small|wee|late|first)\s+)?hours\s+of\s+(?=\w)")
#: A day or month with its year told relatively: "March 20 last year", "in October this year".
_REL_YEAR = re.compile(r"^(.+?)\s+(last|this|next)\s+year$")
_REL_WEEKDAY = re.compile(rf"^(?:(last|this|next|past|coming)\s+)?({_WD})$")
_WEEKEND = re.compile(r"^(?:(last|this|next|past|coming)\s+)?weekend$")
#: A weekday of a week told relatively: "Wednesday of last week", "on Monday of next week".
_WEEKDAY_OF_WEEK = re.compile(rf"^({_WD})\s+of\s+(last|this|next)\s+week$")
_REL_UNIT = re.compile(r"^(last|this|next|past|coming|current)\s+(week|month|year)$")
_AGO = re.compile(
    rf"^({_NUM})\s+(day|week|fortnight|month|year)s?\s+(ago|earlier|before|back|later|after|from now|hence)$"
)
_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:t\d.*)?$")
_ISO_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_NUMERIC = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$")
_MONTH_DAY = re.compile(rf"^(?:(?:{_WD})\s+)?({_MON})\s+(\d{{1,2}}){_ORD}{_RANGE_TAIL}(?:\s+(\d{{4}}))?$")
_DAY_MONTH = re.compile(
    rf"^(?:(?:{_WD})\s+)?(?:the\s+)?(\d{{1,2}}){_ORD}{_RANGE_TAIL}\s+(?:of\s+)?({_MON})(?:\s+(\d{{4}}))?$"
)
_MONTH = re.compile(rf"^(?:(last|this|next|past|coming)\s+)?({_MON})(?:\s+(?:of\s+)?(\d{{4}}))?$")
_YEAR = re.compile(r"^(?:year\s+|fiscal\s+)?(\d{4})(?:\s*(?:-|–|/|to)\s*(?:\d{2}|\d{4}))?$")
_SEASON_YEAR = re.compile(r"^(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})$")
_DECADE = re.compile(r"^(?:\d{4}|\d0)s$")
_DIGITS_ONLY_DAY_MONTH = re.compile(r"^\d{1,2}/\d{1,2}$")
_HAS_YEAR = re.compile(r"\b\d{4}\b")
#: Not a point in time: a duration or an age ("47 month", "two years", "22"), a story-relative "the last
#: night" (of a convention), "the first week", "the next day".
_NOT_A_DATE = re.compile(rf"^(?:(?:{_NUM})(?:\s*-?\s*(?:day|week|fortnight|month|year)s?(?:\s+old|\s+long)?)?"
                         r"|the\s+(?:last|next|first|final|second|third)\s+(?:night|day|days|week|weekend)s?)$")


# --- helpers -----------------------------------------------------------------------------------

def _normalise(expression: str) -> str:
    """Lower-case, drop punctuation and possessives, strip leading prepositions and modifiers."""
    text = " ".join(_PUNCT.sub(" ", expression.lower()).split())
    modified = False
    while True:
        stripped = _LEAD.sub("", text, count=1)
        without_modifier = _MODIFIER.sub("", stripped, count=1)
        modified = modified or without_modifier != stripped
        if without_modifier == text:
            break
        text = without_modifier
    if modified and text in ("week", "month", "year"):  # "earlier in the week"
        text = "this " + text
    if text.startswith("this past "):  # "this past weekend", "this past Monday": the last one
        text = text[len("this "):]
    return text


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _shift_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _sane(resolved: ResolvedDate | None, published: datetime.date | None) -> ResolvedDate | None:
    if resolved is None:
        return None
    latest = (published or datetime.date.today()).year + _MAX_YEARS_AHEAD
    return resolved if _MIN_YEAR <= resolved.date.year <= latest else None


def _day(value: datetime.date) -> ResolvedDate:
    return ResolvedDate(value, "day")


def _month_of(value: datetime.date) -> ResolvedDate:
    return ResolvedDate(value.replace(day=1), "month")


def _year_of(year: int) -> ResolvedDate:
    return ResolvedDate(datetime.date(year, 1, 1), "year")


def _month_day(month: int, day: int, year_text: str | None,
               published: datetime.date | None) -> ResolvedDate | None:
    if year_text:
        return _day(datetime.date(int(year_text), month, day))
    if published is None:
        return None
    try:
        candidate: datetime.date | None = datetime.date(published.year, month, day)
    except ValueError:  # February 29 outside a leap year: try the year before
        candidate = None
    if candidate is None or candidate > published + _MONTH_DAY_LOOKAHEAD:
        candidate = datetime.date(published.year - 1, month, day)
    return _day(candidate)


def _month_alone(month: int, which: str | None, year_text: str | None,
                 published: datetime.date | None) -> ResolvedDate | None:
    if year_text:
        return ResolvedDate(datetime.date(int(year_text), month, 1), "month")
    if published is None:
        return None
    year = published.year
    if which in ("last", "past"):
        year = published.year if month < published.month else published.year - 1
    elif which in ("next", "coming"):
        year = published.year if month > published.month else published.year + 1
    elif which is None and datetime.date(year, month, 1) > published + _MONTH_DAY_LOOKAHEAD:
        year -= 1
    return ResolvedDate(datetime.date(year, month, 1), "month")


def _in_relative_year(match: re.Match[str], published: datetime.date) -> ResolvedDate | None:
    """ "March 20 last year", "in October this year": the day or month in the year counted from publication."""
    offset = {"last": -1, "this": 0, "next": 1}[match.group(2)]
    try:
        absolute = _absolute(f"{match.group(1)} {published.year + offset}", published)
    except (ValueError, OverflowError):
        return None
    return _sane(absolute or None, published)


def _relative(text: str, published: datetime.date) -> ResolvedDate | None:
    """Rules that need the publication date; None when none applies."""
    offset = _DAY_WORDS.get(text)
    if offset is not None:
        return _day(published + datetime.timedelta(days=offset))
    match = _REL_WEEKDAY.match(text)
    if match:
        return _relative_weekday(match, published)
    match = _WEEKEND.match(text)
    if match:
        return _relative_weekend(match, published)
    match = _WEEKDAY_OF_WEEK.match(text)
    if match:
        step = {"last": -1, "next": 1}.get(match.group(2), 0)
        return _day(_monday(published) + datetime.timedelta(weeks=step, days=_WEEKDAYS[match.group(1)]))
    match = _REL_UNIT.match(text)
    if match:
        return _relative_unit(match, published)
    match = _AGO.match(text)
    if match:
        return _ago(match, published)
    return None


def _relative_weekday(match: re.Match[str], published: datetime.date) -> ResolvedDate:
    """A weekday: "this Monday", "next Friday", "last Thursday" (the latest one before yesterday), a bare
    "Tuesday" (the latest one)."""
    which, weekday = match.group(1), _WEEKDAYS[match.group(2)]
    if which == "this":
        return _day(_monday(published) + datetime.timedelta(days=weekday))
    if which in ("next", "coming"):
        return _day(published + datetime.timedelta(days=(weekday - published.weekday()) % 7 or 7))
    back = (published.weekday() - weekday) % 7
    if which in ("last", "past") and back <= 1:
        back += 7   # "last Thursday" written on a Friday is the week before's: yesterday would be "Thursday"
    return _day(published - datetime.timedelta(days=back))


def _relative_weekend(match: re.Match[str], published: datetime.date) -> ResolvedDate:
    """A weekend ("last weekend", "next weekend", "this weekend"): its Saturday."""
    which, monday = match.group(1), _monday(published)
    in_weekend = published.weekday() >= 5
    if which in ("last", "past"):
        return _day(monday - datetime.timedelta(days=2))
    if which in ("next", "coming"):
        return _day(monday + datetime.timedelta(days=12 if in_weekend else 5))
    return _day(monday + datetime.timedelta(days=5 if in_weekend else -2))


def _relative_unit(match: re.Match[str], published: datetime.date) -> ResolvedDate | None:
    """A unit relative to now ("last week", "next month", "this year"); None for "the past week"."""
    which, unit = match.groups()
    if which == "past":  # "the past week": a span ending now, not a point
        return None
    step = {"last": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "week":
        return _day(_monday(published) + datetime.timedelta(weeks=step))
    if unit == "month":
        return ResolvedDate(_shift_months(published, step), "month")
    return _year_of(published.year + step)


def _ago(match: re.Match[str], published: datetime.date) -> ResolvedDate:
    """A count of units before or after ("three days ago", "two weeks later", "a year from now")."""
    count_text, unit, direction = match.groups()
    count = _NUMBERS.get(count_text) or int(count_text)
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if unit in ("day", "week", "fortnight"):
        days = count * {"day": 1, "week": 7, "fortnight": 14}[unit]
        return _day(published + datetime.timedelta(days=sign * days))
    if unit == "month":
        return ResolvedDate(_shift_months(published, sign * count), "month")
    return _year_of(published.year + sign * count)


def _absolute(text: str, published: datetime.date | None) -> ResolvedDate | None | Literal[False]:
    """Rules for calendar forms; False when none applies (None means "recognised, not datable")."""
    match = _ISO.match(text)
    if match:
        return _day(datetime.date(*map(int, match.groups())))
    match = _MONTH_DAY.match(text)
    if match:
        return _month_day(_MONTHS[match.group(1)], int(match.group(2)), match.group(3), published)
    match = _DAY_MONTH.match(text)
    if match:
        return _month_day(_MONTHS[match.group(2)], int(match.group(1)), match.group(3), published)
    match = _MONTH.match(text)
    if match:
        return _month_alone(_MONTHS[match.group(2)], match.group(1), match.group(3), published)
    match = _ISO_MONTH.match(text)
    if match:
        return ResolvedDate(datetime.date(int(match.group(1)), int(match.group(2)), 1), "month")
    match = _YEAR.match(text) or _SEASON_YEAR.match(text)
    if match:
        return _year_of(int(match.group(1)))
    match = _NUMERIC.match(text)
    if match:
        first, second, year = map(int, match.groups())
        if first > 12 >= second:
            return _day(datetime.date(year, second, first))
        if second > 12 >= first:
            return _day(datetime.date(year, first, second))
        return None  # "03/05/2024": day-month order unknown
    if _DECADE.match(text) or _DIGITS_ONLY_DAY_MONTH.match(text):
        return None
    return False


@functools.lru_cache(maxsize=4096)
def _fallback(text: str, published: datetime.date | None) -> ResolvedDate | None:
    """dateparser, for the forms the rules do not know. Cached: it costs ~1 ms a call."""
    if published is None and not _HAS_YEAR.search(text):
        return None  # dateparser would anchor a relative expression on today's date
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                                   "PREFER_DAY_OF_MONTH": "first"}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime.datetime(published.year, published.month, published.day)
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; this function never raises
        return None
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    if data.period == "year":
        return _year_of(found.year)
    if data.period == "month":
        return _month_of(found)
    if data.period == "week":
        return _day(_monday(found))
    return _day(found)


# --- public API ----------------------------------------------------------------------------------

def resolve_date(expression: str, published: datetime.date | None) -> ResolvedDate | None:
    """The calendar date a temporal expression refers to, anchored on the publication date.

    Args:
        expression: the DATE entity text, e.g. "last Thursday", "March 3", "earlier this month".
        published: the article's publication date; None leaves relative expressions unresolved.

    Returns:
        A `ResolvedDate`, or None when the expression is vague, relative without a publication
        date, absurd, or not a date at all. See the module docstring for the conventions.
    """
    if not isinstance(expression, str) or len(expression) > _MAX_LENGTH:
        return None
    if isinstance(published, datetime.datetime):
        published = published.date()
    elif not isinstance(published, datetime.date):
        published = None
    if _NOT_A_DATE.match(" ".join(expression.lower().split())) or story_relative(expression):
        return None
    text = _CLOCK.sub("", _normalise(expression))
    if not text or _NOT_A_DATE.match(text):
        return None
    relative_year = _REL_YEAR.match(text)
    if relative_year is not None and published is not None:
        return _in_relative_year(relative_year, published)
    try:
        bare = _TIME_OF_DAY.sub("", text)
        if bare in ("this", "last") and bare != text:  # "this morning", "last night"
            bare = "today" if bare == "this" else "yesterday"
        if bare and bare not in ("early", "late"):
            text = bare
        if published is not None:
            resolved = _relative(text, published)
            if resolved is not None:
                return _sane(resolved, published)
        absolute = _absolute(text, published)
        if absolute is not False:
            return _sane(absolute or None, published)
    except (ValueError, OverflowError):  # day 31 of a 30-day month, year 0, ...
        return None
    if published is None and (
        text in _DAY_WORDS or _REL_WEEKDAY.match(text) or _WEEKEND.match(text)
        or _REL_UNIT.match(text) or _AGO.match(text)
    ):
        return None
    if _REL_UNIT.match(text) or not _VAGUE.isdisjoint(text.split()):
        return None
    return _sane(_fallback(text, published), published)


_STORY_NEXT = re.compile(r"^(?:the\s+(?:next|following)|following)\s+(day|morning|afternoon|evening|night|week)$")
_STORY_PREVIOUS = re.compile(r"^(?:the\s+)?(?:previous|preceding)\s+(day|morning|afternoon|evening|night|week)$")
_STORY_DAY_AROUND = re.compile(r"^the\s+(day|week)\s+(before|after)$")
_STORY_COUNT = re.compile(rf"^(a|an|{_NUM})\s+(day|week)s?\s+(later|after|afterwards|earlier|before)$")


def story_relative(expression: str) -> bool:
    """Whether a temporal expression counts from a date of the story, not from publication: "the next day",
    "the following week", "the day before", "two days later", "a week earlier"."""
    return _story_offset(expression) is not None


def _story_offset(expression: str) -> datetime.timedelta | None:
    text = " ".join(expression.lower().replace(",", " ").split())
    text = re.sub(r"^(?:on|by|until)\s+", "", text)
    if m := _STORY_NEXT.match(text):
        return datetime.timedelta(weeks=1) if m.group(1) == "week" else datetime.timedelta(days=1)
    if m := _STORY_PREVIOUS.match(text):
        return -datetime.timedelta(weeks=1) if m.group(1) == "week" else -datetime.timedelta(days=1)
    if m := _STORY_DAY_AROUND.match(text):
        step = datetime.timedelta(weeks=1) if m.group(1) == "week" else datetime.timedelta(days=1)
        return step if m.group(2) == "after" else -step
    if m := _STORY_COUNT.match(text):
        count = 1 if m.group(1) in ("a", "an") else _NUMBERS.get(m.group(1)) or int(m.group(1))
        step = datetime.timedelta(weeks=count) if m.group(2) == "week" else datetime.timedelta(days=count)
        return -step if m.group(3) in ("earlier", "before") else step
    return None


def resolve_from(expression: str, anchor: ResolvedDate) -> ResolvedDate | None:
    """A story-relative expression ("the next day", "two days later") counted from `anchor`, the date the
    story gave last; None when it is no such expression or the anchor is coarser than a day."""
    offset = _story_offset(expression)
    if offset is None or anchor.precision != "day":
        return None
    return _day(anchor.date + offset)


_PUBLISHED_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_PUBLISHED_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")


def parse_published(value: str | datetime.date | None) -> datetime.date | None:
    """The publication date from a feed or file value.

    Accepts dates and datetimes, ISO 8601 ("2024-05-03", "2024-05-03T10:00:00Z"; the date is taken
    as written, in the publisher's zone), RFC 2822 as RSS uses it ("Fri, 03 May 2024 10:00:00 GMT"),
    "2024/05/03", "May 3, 2024" and "3 May 2024". Empty strings and None mean "unknown".

    Returns:
        The date, or None for None/empty.

    Raises:
        ValueError: the value is not a date, or is ambiguous such as "03/05/2024" (day and month
            order unknown); the message names the value and the format to use.
    """
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"published date must be a string or a date, got {type(value).__name__} {value!r}")
    text = value.strip()
    if not text:
        return None
    hint = "write it as ISO 8601, e.g. 2024-05-03"
    if _PUBLISHED_NUMERIC.match(text):
        raise ValueError(f"ambiguous published date {value!r}: day/month order is unknown; {hint}")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        match = _PUBLISHED_YEAR_FIRST.match(text)
        if match:
            return datetime.date(*map(int, match.groups()))
        words = " ".join(_PUNCT.sub(" ", text.lower()).split())
        match = _MONTH_DAY.match(words)
        if match and match.group(3):
            return datetime.date(int(match.group(3)), _MONTHS[match.group(1)], int(match.group(2)))
        match = _DAY_MONTH.match(words)
        if match and match.group(3):
            return datetime.date(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
    except ValueError as e:
        raise ValueError(f"invalid published date {value!r}: {e}; {hint}") from e
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"cannot read published date {value!r}; {hint}")
