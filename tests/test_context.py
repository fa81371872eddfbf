"""Where an event's date comes from: its own clause, a clause that governs it, its sentence, its paragraph, or
the publication date. Coded end to end by the real pinned model.

Every sentence here was written for these tests. `PUBLISHED` is a Friday, so "on Tuesday" is 2025-03-11,
"last week" is Monday 2025-03-03 and "Sunday" is 2025-03-09.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.coder import Coder
from parley.coding.cues import default_cues
from parley.coding.syntax import governor_modality
from parley.types import Article, Event

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2025, 3, 14)  # a Friday


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def dated(events: list[Event]) -> list[tuple]:
    """(source, target, date, precision, basis) of each event, order-free."""
    rows = [(e.source.code, e.target.code if e.target else None, e.date, e.date_precision, e.date_basis)
            for e in events]
    return sorted(set(rows), key=str)


def dates_of(events: list[Event], source: str, target: str) -> set[tuple]:
    """(date, basis) of the events from `source` to `target`."""
    return {(e.date, e.date_basis) for e in events
            if e.source.code == source and e.target is not None and e.target.code == target}


# ---------------------------------------------------------------- the event's own clause

@pytest.mark.parametrize(("text", "date"), [
    ("Israel bombed Lebanon on Wednesday.", "2025-03-12"),
    ("On Wednesday, Israel bombed Lebanon.", "2025-03-12"),
    ("Israel bombed Lebanon yesterday.", "2025-03-13"),
    ("Israel bombed Lebanon on Monday night.", "2025-03-10"),
    ("Israel bombed Lebanon at the weekend.", "2025-03-08"),
])
def test_a_date_on_the_event_itself_dates_it(coder, text, date):
    assert dated(coder.code(text, published=PUBLISHED)) == [("ISR", "LBN", date, "day", "text")]


def test_an_explicit_past_date_with_a_year_is_taken_as_written(coder):
    events = coder.code("Israel bombed Lebanon on November 15, 2017.", published=dt.date(2019, 6, 3))
    assert dated(events) == [("ISR", "LBN", "2017-11-15", "day", "text")]


def test_a_month_phrase_gives_month_precision(coder):
    events = coder.code("Israel bombed Lebanon earlier this month.", published=PUBLISHED)
    assert dated(events) == [("ISR", "LBN", "2025-03-01", "month", "text")]


# ---------------------------------------------------------------- a governing clause

def test_a_date_on_the_first_of_two_coordinated_acts_dates_both(coder):
    events = coder.code("On Tuesday Israel bombed Lebanon and shelled Syria.", published=PUBLISHED)
    assert dates_of(events, "ISR", "LBN") == {("2025-03-11", "text")}
    assert dates_of(events, "ISR", "SYR") == {("2025-03-11", "sentence")}


def test_a_participle_clause_takes_the_date_of_the_act_it_follows(coder):
    events = coder.code("Israel bombed Lebanon on Tuesday, accusing Hamas of hiding weapons there.",
                        published=PUBLISHED)
    assert dates_of(events, "ISR", "PSEREB") == {("2025-03-11", "sentence")}


# ---------------------------------------------------------------- not across a speech verb

def test_a_reported_past_act_keeps_its_own_date_not_the_speech_date(coder):
    events = coder.code("Jordan said on Thursday that Israel had bombed Lebanon last week.", published=PUBLISHED)
    assert dates_of(events, "ISR", "LBN") == {("2025-03-03", "text")}


def test_a_reported_past_act_without_a_date_is_not_dated_by_the_speech_verb(coder):
    events = coder.code("Jordan said on Thursday that Israel had bombed Lebanon.", published=PUBLISHED)
    assert dates_of(events, "ISR", "LBN") == {("2025-03-14", "published")}


def test_a_stated_intention_is_dated_by_the_statement(coder):
    events = coder.code("Egypt said on Thursday that it would host talks with Israel.", published=PUBLISHED)
    assert dates_of(events, "EGY", "ISR") == {("2025-03-13", "sentence")}


# ---------------------------------------------------------------- not from another predicate's clause

def test_a_date_in_a_subordinate_clause_of_time_does_not_date_the_main_act(coder):
    events = coder.code("After Hamas attacked Egypt on Sunday, Israel bombed Lebanon.", published=PUBLISHED)
    assert dates_of(events, "PSEREB", "EGY") == {("2025-03-09", "text")}
    assert dates_of(events, "ISR", "LBN") == {("2025-03-14", "published")}


def test_a_date_in_a_relative_clause_does_not_date_the_main_act(coder):
    events = coder.code("Jordan condemned Hamas, which attacked Egypt on Sunday.", published=PUBLISHED)
    assert dates_of(events, "JOR", "PSEREB") == {("2025-03-14", "published")}
    assert dates_of(events, "PSEREB", "EGY") == {("2025-03-09", "text")}


def test_the_nearest_of_two_dates_wins(coder):
    events = coder.code("On Tuesday Israel bombed Lebanon, and it shelled Syria on Wednesday.", published=PUBLISHED)
    assert dates_of(events, "ISR", "LBN") == {("2025-03-11", "text")}
    assert dates_of(events, "ISR", "SYR") == {("2025-03-12", "text")}


# ---------------------------------------------------------------- the paragraph's narrative date

def test_the_paragraph_date_carries_to_a_later_sentence(coder):
    text = "Israel bombed Lebanon on Tuesday. Israel also shelled Syria."
    events = coder.code(text, published=PUBLISHED)
    assert dates_of(events, "ISR", "SYR") == {("2025-03-11", "paragraph")}


def test_a_date_of_its_own_overrides_the_paragraph_date(coder):
    text = "Israel bombed Lebanon on Tuesday. Jordan condemned Israel on Wednesday."
    events = coder.code(text, published=PUBLISHED)
    assert dates_of(events, "JOR", "ISR") == {("2025-03-12", "text")}


def test_the_paragraph_date_stops_at_a_blank_line(coder):
    text = "Tension rose along the border.\n\nIsrael bombed Lebanon on Tuesday.\n\nJordan condemned Israel."
    events = coder.code(text, published=PUBLISHED)
    assert dates_of(events, "JOR", "ISR") == {("2025-03-14", "published")}


# ---------------------------------------------------------------- the lead's date

def test_the_lead_date_carries_to_a_past_act_in_a_later_paragraph(coder):
    text = "On Tuesday, Israeli jets bombed targets in southern Lebanon.\n\nThe strikes hit a depot.\n\n" \
           "The Lebanese army shelled Israel."
    events = coder.code(text, published=PUBLISHED)
    assert dates_of(events, "LBNMIL", "ISR") == {("2025-03-11", "lead")}


def test_the_lead_date_does_not_carry_to_a_verbal_reaction(coder):
    text = "On Tuesday, Israeli jets bombed targets in southern Lebanon.\n\nThe strikes hit a depot.\n\n" \
           "Lebanon condemned Israel."
    events = coder.code(text, published=PUBLISHED)
    assert dates_of(events, "LBN", "ISR") == {("2025-03-14", "published")}


def test_the_lead_comes_after_a_dateline(coder):
    text = "Friday, March 14, 2025\n\nOn Thursday, the Ghanaian army arrested two Togolese smugglers.\n\n" \
           "Togolese police detained a Ghanaian trader."
    events = coder.code(text, published=PUBLISHED)
    assert dates_of(events, "TGOCOP", "GHA") == {("2025-03-13", "lead")}


@pytest.mark.xfail(strict=True, reason="the parser makes a sentence of 'Yesterday' alone after a dateline")
def test_a_bare_yesterday_after_a_dateline_dates_the_lead(coder):
    text = "Friday, March 14, 2025\n\nYesterday the Ghanaian army arrested two Togolese smugglers.\n\n" \
           "Togolese police detained a Ghanaian trader."
    events = coder.code(text, published=PUBLISHED)
    assert dates_of(events, "TGOCOP", "GHA") == {("2025-03-13", "lead")}


def test_a_later_paragraph_with_its_own_date_overrides_the_lead(coder):
    text = "On Monday, Serbian police detained a Kosovo official.\n\n" \
           "On Wednesday, Kosovo expelled a Serbian diplomat. Serbia denounced Kosovo."
    events = coder.code(text, published=PUBLISHED)
    assert dates_of(events, "SRB", "XKX") == {("2025-03-12", "paragraph")}


@pytest.mark.parametrize("text", [
    "On Tuesday, Israeli jets bombed targets in southern Lebanon.\n\nLebanon condemns Israel.",
    "Israel will bomb targets in Lebanon on Tuesday, officials said.\n\nLebanon condemned Israel.",
    "Officials said on Tuesday that Israeli jets had bombed Lebanon.\n\nLebanon condemned Israel.",
])
def test_the_lead_date_does_not_date_a_present_act_or_follow_a_future_or_a_statement(coder, text):
    events = coder.code(text, published=PUBLISHED)
    assert dates_of(events, "LBN", "ISR") == {("2025-03-14", "published")}


def test_a_speech_date_does_not_become_the_paragraph_date(coder):
    text = "Jordan said on Tuesday that the talks had stalled. Israel bombed Lebanon."
    events = coder.code(text, published=PUBLISHED)
    assert dates_of(events, "ISR", "LBN") == {("2025-03-14", "published")}


def test_the_paragraph_date_does_not_date_a_present_statement(coder):
    text = "Israel bombed Lebanon on Tuesday. Jordan condemns the bombing by Israel."
    events = coder.code(text, published=PUBLISHED)
    assert dates_of(events, "JOR", "ISR") <= {("2025-03-14", "published")}


# ---------------------------------------------------------------- futures

@pytest.mark.parametrize("text", [
    "Egypt is to host talks with Israel.",
    "Egypt and Israel are due to meet in Cairo.",
    "Egypt is scheduled to meet Israel in Cairo.",
    "Egypt and Jordan are slated to sign a trade deal.",
])
def test_scheduled_acts_are_futures(coder, text):
    events = coder.code(text, published=PUBLISHED)
    assert events
    assert {e.modality for e in events} == {"future"}


@pytest.mark.parametrize(("text", "modality"), [
    ("Egypt is set to sign a trade deal with Jordan.", "future"),
    ("Egypt is expected to sign a trade deal with Jordan.", "future"),  # a forecast, not Egypt's intent
    ("The ministers are poised to approve the plan.", "future"),
    ("Egypt expects to sign a trade deal with Jordan.", "intent"),      # the subject's own expectation
    ("Egypt has to sign the deal.", None),
    ("The goal is to sign the deal.", "future"),
])
def test_the_governor_of_a_to_complement_gives_its_modality(coder, text, modality):
    doc = coder.nlp(text)
    comp = next(t for t in doc if t.dep_ == "xcomp")
    assert governor_modality(comp, default_cues()) == modality


def test_a_modifier_left_out_of_the_date_entity_still_counts(coder):
    # published on a Thursday: "last Thursday" is a week before, not the same day
    events = coder.code("On last Thursday, the delegations of Peru and Chile met in Lima.", published="2020-01-09")
    assert {e.date for e in events} == {"2020-01-02"}


def test_a_when_clause_dates_the_act_it_accompanies(coder):
    events = coder.code("When announcing the curfew on Monday, the Kenyan president urged residents to stay home.",
                        published="2025-03-14")
    assert {(e.date, e.date_basis) for e in events if e.cameo.startswith("0")} == {("2025-03-10", "sentence")}


# ---------------------------------------------------------------- the same act told twice in an article

def test_the_same_act_told_again_takes_the_date_it_was_given(coder):
    text = ("The Senate voted on Tuesday to censure the defence minister over the arms contracts.\n\n"
            "Opposition leaders called the vote overdue.\n\n"
            "When the Senate censured the minister, three members of his own party joined the majority.")
    events = coder.code(text, published=PUBLISHED)
    censures = [e for e in events if e.cameo.startswith("11") and e.source.text.endswith("Senate")]
    assert censures and {e.date for e in censures} == {"2025-03-11"}


def test_the_same_act_recalled_in_a_reaction_takes_the_date_it_was_given(coder):
    text = ("Kenya expelled two Somali diplomats on Monday, the foreign ministry said.\n\n"
            "The ministry gave no reason. Somalia called the decision hostile.\n\n"
            "Analysts said Kenya expelled the diplomats to signal its anger over the border raids.")
    events = coder.code(text, published=PUBLISHED)
    expulsions = [e for e in events if e.cameo.startswith("16") and e.source.code == "KEN"]
    assert len(expulsions) >= 2 and {e.date for e in expulsions} == {"2025-03-10"}


def test_an_act_done_again_keeps_its_own_date(coder):
    text = ("Israel bombed Lebanon on Monday.\n\nThe army said the strikes hit a depot.\n\n"
            "Israel bombed Lebanon again after the talks broke down.")
    events = coder.code(text, published=PUBLISHED)
    assert {e.date for e in events if e.source.code == "ISR" and e.cameo.startswith("19")} \
        >= {"2025-03-10", "2025-03-14"}


# ---------------------------------------------------------------- round-ups: a title that names a month

ROUNDUP = ("Across the region, the month was dominated by budget fights.\n\n"
           "In Lagos, the governor vetoed the transport bill. Opposition lawmakers criticised the governor.\n\n"
           "On February 12, Ghana recalled its ambassador from Togo.")


def code_titled(coder, text, title, published):
    return coder.code_article(Article(id="roundup", text=text, title=title, published=published))


def test_a_roundup_of_a_past_month_dates_its_undated_acts_to_that_month(coder):
    events = code_titled(coder, ROUNDUP, "Around West Africa, February 2025", dt.date(2025, 3, 3))
    criticism = [e for e in events if e.cameo.startswith("11")]
    assert criticism and {(e.date, e.date_precision, e.date_basis) for e in criticism} \
        == {("2025-02-01", "month", "title")}


def test_a_roundup_keeps_the_dates_its_text_gives(coder):
    events = code_titled(coder, ROUNDUP, "Around West Africa, February 2025", dt.date(2025, 3, 3))
    recall = [e for e in events if e.cameo.startswith("16")]
    assert recall and {e.date for e in recall} == {"2025-02-12"}


def test_a_title_naming_the_month_of_publication_changes_nothing(coder):
    events = code_titled(coder, ROUNDUP, "Around West Africa, March 2025", dt.date(2025, 3, 28))
    criticism = [e for e in events if e.cameo.startswith("11")]
    assert criticism and {e.date_basis for e in criticism} == {"published"}


@pytest.mark.parametrize("text", [
    "The 2019 champion, Ana Silva, criticised the organisers.",
    "Silva criticised the 2019 budget.",
])
def test_a_year_that_names_a_thing_does_not_date_the_act(coder, text):
    events = coder.code(text, published=PUBLISHED)
    assert events and {(e.date, e.date_basis) for e in events} == {("2025-03-14", "published")}


# ---------------------------------------------------------------- dates relative to the story's last date

def test_the_next_day_counts_from_the_date_before_it(coder):
    text = ("On Monday, rebels attacked the garrison in Kidal.\n\nThe next day, the army shelled rebel positions "
            "outside the town. Two days later, Mali expelled the French ambassador.")
    events = coder.code(text, published=PUBLISHED)
    shelling = [e for e in events if e.cameo.startswith("19") and e.source.text == "the army"]
    expulsion = [e for e in events if e.cameo.startswith("16")]
    assert {(e.date, e.date_basis) for e in shelling} == {("2025-03-11", "text")}
    assert {(e.date, e.date_basis) for e in expulsion} == {("2025-03-13", "text")}


def test_a_story_relative_date_with_nothing_before_it_dates_nothing(coder):
    events = coder.code("A day later, Mali expelled the French ambassador.", published=PUBLISHED)
    assert events and {e.date_basis for e in events} == {"published"}


# ---------------------------------------------------------------- the occasion an act took place at

def test_an_act_during_an_occasion_named_earlier_takes_the_occasions_date(coder):
    text = ("The candidates met for a televised debate in Leeds on Tuesday.\n\n"
            "Turnout in the region has been low for a decade.\n\n"
            "During the debate, the Green candidate accused the mayor of wasting public money.")
    events = coder.code(text, published=PUBLISHED)
    accusations = [e for e in events if e.cameo.startswith("11")]
    assert accusations and {(e.date, e.date_basis) for e in accusations} == {("2025-03-11", "occasion")}


def test_an_occasion_dated_by_its_own_modifier_or_participle_dates_acts_at_it(coder):
    text = ("At the final summit held March 4 in Lagos, the leaders signed a trade accord.\n\n"
            "Security was tight around the venue.\n\n"
            "At the summit, Ghana criticized Togo over the border closures.")
    events = coder.code(text, published=PUBLISHED)
    criticism = [e for e in events if e.cameo.startswith("11") and e.source.code == "GHA"]
    assert criticism and {e.date for e in criticism} == {"2025-03-04"}


def test_an_apology_during_a_hearing_held_weeks_earlier_takes_the_hearings_date(coder):
    text = ("A Senate hearing was held on February 20. The committee found no breach of the law.\n\n"
            "The broadcaster's chief apologized to the president during the hearing.")
    events = coder.code(text, published=PUBLISHED)
    apologies = [e for e in events if e.cameo.startswith("055")]
    assert apologies and {e.date for e in apologies} == {"2025-02-20"}


def test_an_occasion_never_dated_gives_no_date(coder):
    text = ("Unions and employers resumed their talks on pensions.\n\n"
            "During the talks, the union leader accused the employers of stalling.")
    events = coder.code(text, published=PUBLISHED)
    assert events and "occasion" not in {e.date_basis for e in events}
