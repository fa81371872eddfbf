"""Record hygiene: what `reported_by` holds, and which events are marked as not political-event data."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.coding.relevance import is_relevant
from parley.types import ActorMention

PUBLISHED = dt.date(2025, 6, 12)


def mention(code: str | None, country: str | None = None, sector: str | None = None) -> ActorMention:
    return ActorMention("x", 0, 1, code, None, country, sector)


# ---- reported_by -----------------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Militiamen attacked a market in the north, according to a report by Radio Okapi.", ("Radio Okapi",)),
    ("Guards beat the detainees, according to a new Human Rights Watch report.", ("Human Rights Watch",)),
    ("Soldiers looted the shops, according to the interior ministry's investigation.", ("the interior ministry",)),
    ("Gunmen stormed the village, the broadcaster reported, citing police officials.",
     ("the broadcaster", "police officials")),
    ("Rebels ambushed the patrol, which was first reported by local media.", ()),
    ("Troops fired on the crowd, according to videos shared online.", ()),
    ("Police beat the marchers, according to reports.", ()),
])
def test_reported_by_holds_those_who_report(coder, text: str, expected: tuple[str, ...]) -> None:
    events = coder.code(text, published=PUBLISHED)
    assert events
    assert {e.attribution.reported_by for e in events} == {expected}


# ---- relevance --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cameo", "source", "target", "expected"), [
    ("036", mention("USAGOV", "USA", "GOV"), mention("QAT", "QAT"), True),      # states
    ("051", mention("IGOUNO"), None, True),                                      # an international body
    ("042", mention("REB", None, "REB"), None, True),                            # an armed group, no country
    ("071", mention("BUS", None, "BUS"), mention(None), False),                 # a company's donation
    ("057", mention("USABUS", "USA", "BUS"), mention(None), False),             # a country's business alone
    ("040", mention(None), mention(None), False),                               # private persons
    ("190", mention(None), mention(None), True),                                # violence, whoever commits it
    ("141", mention(None), None, True),                                          # a protest
    ("043", mention("KENHLH", "KEN", "HLH"), mention("CVL", None, "CVL"), True),  # civilians are political
])
def test_relevance(cameo: str, source: ActorMention, target: ActorMention | None, expected: bool) -> None:
    assert is_relevant(cameo, source, target) is expected


@pytest.mark.slow
def test_coded_events_carry_relevance(coder) -> None:
    events = coder.code("The bakery donated bread to the shelter. Kenya's president praised the army.",
                        published=PUBLISHED)
    flags = {e.trigger.text: e.relevant for e in events}
    assert flags.get("praised") is True
    assert flags.get("donated") in (False, None)
