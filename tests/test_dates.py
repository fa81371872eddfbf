import datetime as dt

import pytest

from parley.dates import ResolvedDate, parse_published, resolve_date, resolve_from, story_relative

WEDNESDAY = dt.date(2024, 5, 8)
D = dt.date


def day(y: int, m: int, d: int) -> ResolvedDate:
    return ResolvedDate(D(y, m, d), "day")


def month(y: int, m: int) -> ResolvedDate:
    return ResolvedDate(D(y, m, 1), "month")


def year(y: int) -> ResolvedDate:
    return ResolvedDate(D(y, 1, 1), "year")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # weekdays: on or before publication unless "next"/"this"
        ("Thursday", day(2024, 5, 2)),
        ("on Thursday", day(2024, 5, 2)),
        ("Thursday's", day(2024, 5, 2)),
        ("last Thursday", day(2024, 5, 2)),
        ("Tuesday", day(2024, 5, 7)),
        ("last Wednesday", day(2024, 5, 1)),
        ("this Thursday", day(2024, 5, 9)),
        ("next Tuesday", day(2024, 5, 14)),
        ("next Wednesday", day(2024, 5, 15)),
        ("Monday night", day(2024, 5, 6)),
        ("Friday morning", day(2024, 5, 3)),
        ("late Sunday", day(2024, 5, 5)),
        ("earlier on Monday", day(2024, 5, 6)),
        # fixed day words
        ("yesterday", day(2024, 5, 7)),
        ("today", day(2024, 5, 8)),
        ("now", day(2024, 5, 8)),
        ("earlier today", day(2024, 5, 8)),
        ("this morning", day(2024, 5, 8)),
        ("last night", day(2024, 5, 7)),
        ("yesterday afternoon", day(2024, 5, 7)),
        ("the day before yesterday", day(2024, 5, 6)),
        ("tomorrow", day(2024, 5, 9)),
        # weeks -> Monday, weekends -> Saturday, day precision
        ("this week", day(2024, 5, 6)),
        ("earlier this week", day(2024, 5, 6)),
        ("earlier in the week", day(2024, 5, 6)),
        ("last week", day(2024, 4, 29)),
        ("next week", day(2024, 5, 13)),
        ("at the weekend", day(2024, 5, 4)),
        ("over the weekend", day(2024, 5, 4)),
        ("this weekend", day(2024, 5, 4)),
        ("last weekend", day(2024, 5, 4)),
        ("next weekend", day(2024, 5, 11)),
        # months and years
        ("earlier this month", month(2024, 5)),
        ("this month", month(2024, 5)),
        ("last month", month(2024, 4)),
        ("late last month", month(2024, 4)),
        ("next month", month(2024, 6)),
        ("this year", year(2024)),
        ("earlier this year", year(2024)),
        ("last year", year(2023)),
        ("the end of last year", year(2023)),
        ("next year", year(2025)),
        # counted back (or forward) from publication
        ("two days ago", day(2024, 5, 6)),
        ("3 days ago", day(2024, 5, 5)),
        ("three weeks ago", day(2024, 4, 17)),
        ("two months ago", month(2024, 3)),
        ("a year ago", year(2023)),
        # calendar dates
        ("in 2014", year(2014)),
        ("late 2014", year(2014)),
        ("summer 2014", year(2014)),
        ("March 2015", month(2015, 3)),
        ("March of 2015", month(2015, 3)),
        ("2015-03", month(2015, 3)),
        ("2014-15", year(2014)),
        ("March 3", day(2024, 3, 3)),
        ("on Sept. 11", day(2023, 9, 11)),
        ("Dec 5", day(2023, 12, 5)),
        ("June 20", day(2024, 6, 20)),
        ("May 3-5", day(2024, 5, 3)),
        ("the 4th of July", day(2024, 7, 4)),
        ("3 March 2015", day(2015, 3, 3)),
        ("March 3rd, 2015", day(2015, 3, 3)),
        ("Thursday, March 3, 2016", day(2016, 3, 3)),
        ("2015-03-03", day(2015, 3, 3)),
        ("13/5/2024", day(2024, 5, 13)),
        ("in March", month(2024, 3)),
        ("mid-March", month(2024, 3)),
        ("in June", month(2024, 6)),
        ("in August", month(2023, 8)),
        ("last March", month(2024, 3)),
        ("last June", month(2023, 6)),
        ("next March", month(2025, 3)),
    ],
)
def test_resolve_date_against_a_wednesday(expression: str, expected: ResolvedDate) -> None:
    assert resolve_date(expression, WEDNESDAY) == expected


@pytest.mark.parametrize(
    "expression",
    ["the 1990s", "90s", "recent days", "recent weeks", "in recent months", "the past decade",
     "the past week", "the day", "the same day", "the following day", "that week", "two days",
     "a few days ago", "9/11", "03/05/2024", "1850", "2040", "March 32", "February 30, 2023"],
)
def test_vague_ambiguous_or_absurd_expressions_are_none(expression: str) -> None:
    assert resolve_date(expression, WEDNESDAY) is None


def test_weekday_named_on_publication_day_is_that_day() -> None:
    assert resolve_date("Wednesday", WEDNESDAY) == day(2024, 5, 8)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("December 28", day(2023, 12, 28)), ("in December", month(2023, 12)), ("January 2", day(2024, 1, 2)),
     ("March 1", day(2024, 3, 1)), ("last Friday", day(2023, 12, 29)), ("last month", month(2023, 12))],
)
def test_year_rollover(expression: str, expected: ResolvedDate) -> None:
    assert resolve_date(expression, D(2024, 1, 5)) == expected


def test_february_29_outside_a_leap_year_is_the_last_leap_day() -> None:
    assert resolve_date("Feb. 29", D(2025, 1, 10)) == day(2024, 2, 29)


@pytest.mark.parametrize("expression", ["Thursday", "yesterday", "last week", "March 3", "in March",
                                        "two days ago", "at the weekend", "earlier this year", "now"])
def test_relative_expressions_need_a_publication_date(expression: str) -> None:
    assert resolve_date(expression, None) is None


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("3 March 2015", day(2015, 3, 3)), ("in 2014", year(2014)), ("March 2015", month(2015, 3)),
     ("2015-03-03", day(2015, 3, 3))],
)
def test_absolute_expressions_resolve_without_a_publication_date(
    expression: str, expected: ResolvedDate
) -> None:
    assert resolve_date(expression, None) == expected


def test_a_datetime_as_publication_date_is_its_day() -> None:
    assert resolve_date("yesterday", dt.datetime(2024, 5, 8, 23, 59)) == day(2024, 5, 7)


@pytest.mark.parametrize("expression", ["", "   ", "blah", "!!!", "the the the", "x" * 500, "0000-00-00",
                                        "99 days before the", None, 42])
def test_garbage_is_none(expression: object) -> None:
    assert resolve_date(expression, WEDNESDAY) is None  # type: ignore[arg-type]


def test_fallback_handles_forms_the_rules_do_not() -> None:
    assert resolve_date("noon on July 4, 2019", WEDNESDAY) == day(2019, 7, 4)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-05-03", D(2024, 5, 3)), ("2024-05-03T10:00:00Z", D(2024, 5, 3)),
     ("2024-05-03T23:30:00-05:00", D(2024, 5, 3)), ("2024-05-03 10:00", D(2024, 5, 3)),
     ("2024/05/03", D(2024, 5, 3)), ("May 3, 2024", D(2024, 5, 3)), ("3 May 2024", D(2024, 5, 3)),
     ("Fri, 03 May 2024 10:00:00 GMT", D(2024, 5, 3)), (" 2024-05-03 ", D(2024, 5, 3)),
     (D(2024, 5, 3), D(2024, 5, 3)), (dt.datetime(2024, 5, 3, 10), D(2024, 5, 3)), (None, None), ("", None)],
)
def test_parse_published(value: object, expected: dt.date | None) -> None:
    assert parse_published(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["03/05/2024", "3.5.24", "05-03-2024"])
def test_parse_published_refuses_ambiguous_day_month_order(value: str) -> None:
    with pytest.raises(ValueError, match="ambiguous") as info:
        parse_published(value)
    assert value in str(info.value)


@pytest.mark.parametrize("value", ["yesterday", "not a date", "2024-13-45", "May 32, 2024", "2024", 3.5])
def test_parse_published_rejects_unreadable_values(value: object) -> None:
    with pytest.raises(ValueError, match="published date"):
        parse_published(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("earlier this month", month(2024, 5)), ("at the weekend", day(2024, 5, 4)),
     ("on Monday night", day(2024, 5, 6)), ("late last year", ResolvedDate(D(2023, 1, 1), "year")),
     ("Tuesday's", day(2024, 5, 7)), ("this past weekend", day(2024, 5, 4)),
     ("this past Monday", day(2024, 5, 6)), ("last weekend's", day(2024, 5, 4))],
)
def test_common_news_forms(expression: str, expected: ResolvedDate) -> None:
    assert resolve_date(expression, WEDNESDAY) == expected


@pytest.mark.parametrize(("expression", "expected"), [
    ("the next day", dt.date(2024, 3, 6)),
    ("The following morning", dt.date(2024, 3, 6)),
    ("the day before", dt.date(2024, 3, 4)),
    ("the previous day", dt.date(2024, 3, 4)),
    ("two days later", dt.date(2024, 3, 7)),
    ("a week earlier", dt.date(2024, 2, 27)),
    ("three days after", dt.date(2024, 3, 8)),
])
def test_story_relative_expressions_count_from_the_story_date(expression: str, expected: dt.date) -> None:
    anchor = ResolvedDate(dt.date(2024, 3, 5), "day")
    assert story_relative(expression)
    assert resolve_from(expression, anchor) == ResolvedDate(expected, "day")
    assert resolve_date(expression, dt.date(2024, 5, 8)) is None   # publication is not their anchor


@pytest.mark.parametrize("expression", ["next week", "next day", "two days ago", "Tuesday", "the day"])
def test_other_expressions_are_not_story_relative(expression: str) -> None:
    assert not story_relative(expression)


def test_a_story_date_coarser_than_a_day_anchors_nothing() -> None:
    assert resolve_from("the next day", ResolvedDate(dt.date(2024, 3, 1), "month")) is None


@pytest.mark.parametrize(("expression", "expected"), [
    ("March 20 last year", day(2023, 3, 20)),
    ("on 4 June last year", day(2023, 6, 4)),
    ("in October last year", month(2023, 10)),
    ("January 9 this year", day(2024, 1, 9)),
    ("February next year", month(2025, 2)),
    ("shortly before midnight Tuesday night", day(2024, 5, 7)),
    ("just after midnight on Sunday", day(2024, 5, 5)),
    ("around noon Monday", day(2024, 5, 6)),
    ("at dawn on Thursday", day(2024, 5, 2)),
])
def test_a_day_with_its_year_or_hour_named_relatively(expression: str, expected: ResolvedDate) -> None:
    assert resolve_date(expression, WEDNESDAY) == expected


@pytest.mark.parametrize("expression", ["midnight", "shortly before midnight", "the 20th last year"])
def test_an_hour_or_a_year_alone_names_no_day(expression: str) -> None:
    assert resolve_date(expression, WEDNESDAY) in (None, year(2023))
