"""The core scenario: a mediator recalls its team after an armed group rejects its ceasefire offer.

The article is our own (tests/fixtures/recall_2025-03-14.txt). Every event is listed exactly: a
missing event, an extra one or a changed field fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.coder import Coder

FIXTURE = Path(__file__).parent / "fixtures" / "recall_2025-03-14.txt"
WSJ = ("the Wall Street Journal", "officials")
ENVOY = ("the U.S. special envoy, Daniel Hartley", "USAGOV")
STATE = ("the State Department", "USAGOV")

# (sentence, source text, source code, cameo, plover, target text, target code, date, precision, basis,
#  place, place country, place basis, negated, modality, speaker, cue, reported_by, hedged, quoted)
US = ("Washington, D.C.", "USA", "dateline")    # the article's dateline; its source is American
GAZA = ("Palestine", "PSE", "country")           # no place named for it: Hamas's country
EXPECTED = [
    # Headline: the recall (halt negotiations, dated by the lead's telling of it) and the rejection.
    (0, "U.S.", "USA", "164", "SANCTION", "Hamas", "PSEREB", "2025-03-13", "day", "same_act",
     *US, False, None, None, None, (), False, False),
    # "truce offer" is what is rejected (the event's object), not whom: no target
    (0, "Hamas", "PSEREB", "125", "REJECT", None, None, "2025-03-14", "day", "published",
     *GAZA, False, None, None, None, (), False, False),
    # Lead: recalled on Thursday (the Thursday before the Friday of publication).
    (2, "The United States", "USA", "164", "SANCTION", "Hamas", "PSEREB", "2025-03-13", "day", "text",
     *US, False, None, None, None, (), False, False),
    (2, "Hamas", "PSEREB", "125", "REJECT", "U.S.", "USA", "2025-03-14", "day", "published",
     *GAZA, False, None, None, None, (), False, False),
    # The envoy's accusation, made in a statement; "the group" is Hamas.
    (3, ENVOY[0], "USAGOV", "112", "ACCUSE", "the group", "PSEREB", "2025-03-14", "day", "published",
     *US, False, None, ENVOY, "statement", (), False, False),
    # Two mediators ("the talks" they mediated is the object, not a target).
    (4, "Qatar", "QAT", "045", "CONSULT", None, None, "2025-01-01", "month", "text",
     "Qatar", "QAT", "country", False, None, None, None, (), False, False),
    (4, "Egypt", "EGY", "045", "CONSULT", None, None, "2025-01-01", "month", "text",
     "Egypt", "EGY", "country", False, None, None, None, (), False, False),
    # Three demands, each to both addressees, hedged and reported by the newspaper citing officials.
    *[
        (5, "Hamas", "PSEREB", code, "REQUEST", name, iso, "2025-03-14", "day", "published",
         *GAZA, False, None, None, "report", WSJ, True, False)
        for code in ("100", "1053", "103")
        for name, iso in (("Qatar", "QAT"), ("Egypt", "EGY"))
    ],
    # "The three governments" (the United States, Qatar and Egypt) will meet in Turkey next week.
    *[
        (6, "The three governments", a, "036", "AGREE", "The three governments", b, "2025-03-17", "day", "text",
         "Turkey", "TUR", "clause", False, "future", STATE, "say", (), False, False)
        for a, b in (("USAGOV", "QATGOV"), ("USAGOV", "EGYGOV"), ("QATGOV", "USAGOV"),
                     ("QATGOV", "EGYGOV"), ("EGYGOV", "USAGOV"), ("EGYGOV", "QATGOV"))
    ],
]


def _row(event):
    a = event.attribution
    return (
        event.sentence_index, event.source.text, event.source.code, event.cameo, event.plover,
        event.target.text if event.target else None, event.target.code if event.target else None,
        event.date, event.date_precision, event.date_basis,
        event.location.name if event.location else None, event.location.country if event.location else None,
        event.location.basis if event.location else None,
        event.negated, event.modality, (a.speaker.text, a.speaker.code) if a.speaker else None, a.cue,
        a.reported_by, a.hedged, a.quoted,
    )


@pytest.fixture(scope="module")
def events(coder: Coder):
    return coder.code(FIXTURE.read_text(encoding="utf-8"), published="2025-03-14", article_id="recall")


def test_scenario_events_are_exactly_the_expected_ones(events):
    assert [_row(e) for e in events] == EXPECTED


def test_a_thing_rejected_is_the_object_not_the_target(events):
    headline = next(e for e in events if e.sentence_index == 0 and e.cameo == "125")
    assert headline.target is None and headline.object is not None and headline.object.text == "truce offer"


def test_scenario_evidence_offsets_point_into_the_text(events):
    text = FIXTURE.read_text(encoding="utf-8")
    for e in events:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert text[e.source.start:e.source.end] == e.source.text
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text


def test_scenario_demands_keep_what_is_demanded(events):
    objects = sorted({e.object.text for e in events if e.plover == "REQUEST"})
    assert objects == [
        "aid delivered only by UN agencies",
        "guarantees from Qatar and Egypt that the war will not resume",
        "the release of 200 prisoners",
    ]
