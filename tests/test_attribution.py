"""Attribution of coded events: who says so, who reported it, how firmly, and whether it is a quotation.

Sentences written for these tests, coded end to end by the real pinned model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.coder import Coder
from parley.types import Attribution, Event, Speaker

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2025, 3, 14)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def only(events: list[Event]) -> Event:
    """The one event of a sentence that codes exactly one (the sentence's reported event)."""
    assert len(events) == 1, [(e.source.code, e.cameo, e.trigger.text) for e in events]
    return events[0]


def dyad(event: Event) -> tuple:
    return event.source.code, event.cameo, event.target.code if event.target else None


# ---------------------------------------------------------------- speakers

def test_reported_speech_gives_speaker_and_cue(coder):
    event = only(coder.code("Egypt said that Hamas had rejected the offer.", published=PUBLISHED))
    assert dyad(event) == ("PSEREB", "125", None)
    assert event.attribution == Attribution(speaker=Speaker("Egypt", "EGY"), cue="say")


def test_parenthetical_speech_verb_gives_speaker_and_cue(coder):
    event = only(coder.code("Hamas rejected the offer, Egyptian officials said.", published=PUBLISHED))
    assert dyad(event) == ("PSEREB", "125", None)
    assert event.attribution == Attribution(speaker=Speaker("Egyptian officials", "EGYGOV"), cue="say")


def test_quotation_is_quoted_and_finds_its_speaker(coder):
    event = only(coder.code('"Israel rejected our offer," Hamas said.', published=PUBLISHED))
    assert dyad(event) == ("ISR", "125", None)
    assert event.attribution == Attribution(speaker=Speaker("Hamas", "PSEREB"), cue="say", quoted=True)


def test_quotation_without_a_speech_verb_takes_the_speaker_of_the_previous_sentence(coder):
    events = coder.code('"Hamas has rejected every offer," Egypt\'s foreign minister said on Tuesday. '
                        '"Hamas also criticized Qatar."', published=PUBLISHED)
    criticized = [e for e in events if e.trigger.text == "criticized"]
    assert [dyad(e) for e in criticized] == [("PSEREB", "111", "QAT")]
    assert criticized[0].attribution == Attribution(speaker=Speaker("Egypt's foreign minister", "EGYGOV"),
                                                    cue="say", quoted=True)


def test_first_person_inside_a_quotation_is_the_speaker(coder):
    event = only(coder.code('"We will never meet Israel," Iran\'s foreign minister said on Tuesday.',
                            published=PUBLISHED))
    assert dyad(event) == ("IRNGOV", "125", "ISR")   # "will never meet": a refusal to meet
    assert event.attribution.quoted is True
    assert event.attribution.speaker is not None and event.attribution.speaker.code == "IRNGOV"


# ---------------------------------------------------------------- reporters

def test_according_to_is_reported_by(coder):
    event = only(coder.code("Hamas rejected the offer, according to Reuters.", published=PUBLISHED))
    assert dyad(event) == ("PSEREB", "125", None)
    assert (event.attribution.speaker, event.attribution.reported_by) == (None, ("Reuters",))


@pytest.mark.parametrize(("text", "outlet"), [
    ("Reuters reported that Hamas had rejected the offer.", "Reuters"),
    ("The Washington Post reported that Hamas had rejected the offer.", "The Washington Post"),
])
def test_outlet_reporting_is_reported_by_not_a_speaker(coder, text, outlet):
    event = only(coder.code(text, published=PUBLISHED))
    assert dyad(event) == ("PSEREB", "125", None)
    assert (event.attribution.speaker, event.attribution.reported_by) == (None, (outlet,))


def test_official_telling_a_newspaper(coder):
    event = only(coder.code("An Israeli official told the Post that Hamas had rejected the offer.",
                            published=PUBLISHED))
    assert dyad(event) == ("PSEREB", "125", None)
    assert event.attribution.speaker == Speaker("An Israeli official", "ISRGOV")
    assert "the Post" in event.attribution.reported_by


def test_citing_officials_is_reported_by(coder):
    event = only(coder.code("Hamas rejected the offer, the newspaper said, citing Egyptian officials.",
                            published=PUBLISHED))
    assert dyad(event) == ("PSEREB", "125", None)
    assert set(event.attribution.reported_by) == {"the newspaper", "Egyptian officials"}
    assert event.attribution.speaker is None


def test_first_reported_by_is_reported_by(coder):
    event = only(coder.code("Hamas rejected the offer, as first reported by Axios.", published=PUBLISHED))
    assert dyad(event) == ("PSEREB", "125", None)
    assert event.attribution.reported_by == ("Axios",)


# ---------------------------------------------------------------- hedges

@pytest.mark.parametrize(("text", "expected"), [
    ("Hamas reportedly rejected the offer.", ("PSEREB", "125", None)),
    ("Hamas allegedly rejected the offer.", ("PSEREB", "125", None)),
    ("Hamas is said to have rejected the offer.", ("PSEREB", "125", None)),
    ("Israeli forces are believed to have bombed Gaza.", ("ISRMIL", "195", "PSE")),
    ("The alleged attack by Hamas on Israel continued overnight.", ("PSEREB", "190", "ISR")),
])
def test_hedge_marks_the_event_hedged(coder, text, expected):
    event = only(coder.code(text, published=PUBLISHED))
    assert dyad(event) == expected
    assert event.attribution.hedged is True


def test_plain_event_has_no_attribution(coder):
    event = only(coder.code("Hamas rejected the offer.", published=PUBLISHED))
    assert dyad(event) == ("PSEREB", "125", None)
    assert event.attribution == Attribution()
    assert (event.attribution.speaker, event.attribution.cue, event.attribution.reported_by,
            event.attribution.hedged, event.attribution.quoted) == (None, None, (), False, False)
