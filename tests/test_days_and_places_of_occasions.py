"""Days and places told once for an occasion and once more for what happened at it (issue 11), on short articles
of our own: "last Thursday" written on a Friday, a meeting or a summit named again as what people attended, a
sentencing told in the lead and again with the judge's name beside another judge's sentence, a debate's town for
what was said during it, and an airport named after its city."""

from __future__ import annotations

import datetime

import pytest

from parley.dates import resolve_date


def _by_trigger(events, word: str):
    return [e for e in events if e.trigger.text.lower().startswith(word)]


@pytest.mark.parametrize(("published", "expression", "expected"), [
    ("2031-05-16", "last Thursday", "2031-05-08"),    # written on a Friday: not yesterday, which is "Thursday"
    ("2031-05-16", "last Friday", "2031-05-09"),      # the week before, as before
    ("2031-05-12", "last Sunday", "2031-05-04"),      # written on a Monday: not yesterday
    ("2031-05-16", "last Tuesday", "2031-05-13"),     # three days back: this week's
    ("2031-05-14", "last Friday", "2031-05-09"),      # written on a Wednesday: the latest Friday
])
def test_last_weekday_is_never_yesterday(published, expression, expected):
    found = resolve_date(expression, datetime.date.fromisoformat(published))
    assert found is not None and found.date.isoformat() == expected and found.precision == "day"


def test_a_meeting_named_again_as_attended_takes_the_meetings_day_and_town(coder):
    events = coder.code("SANTIAGO (Wire) - The delegations of Chile and Peru had met in Arequipa last Tuesday to "
                        "sign a fisheries accord, officials said on Friday. The meeting was attended by the "
                        "Ecuadorean foreign minister, who called the accord a model for the region.",
                        published="2031-05-16")
    attended = _by_trigger(events, "attend")
    assert attended, [(e.cameo, e.trigger.text) for e in events]
    assert all(e.date == "2031-05-13" for e in attended), [(e.date, e.date_basis) for e in attended]
    assert all(e.location is not None and e.location.name == "Arequipa" for e in attended), \
        [(e.location.name if e.location else None) for e in attended]


def test_a_summit_attended_after_it_was_dated_and_placed(coder):
    events = coder.code("The presidents of Ghana and Togo held a summit in Kumasi on June 3 to discuss border "
                        "trade.\n\nBenin's president attended the summit as an observer, a Ghanaian official said.",
                        published="2044-06-09")
    attended = _by_trigger(events, "attend")
    assert attended, [(e.cameo, e.trigger.text) for e in events]
    assert all(e.date == "2044-06-03" for e in attended), [(e.date, e.date_basis) for e in attended]
    assert all(e.location is not None and e.location.name == "Kumasi" for e in attended), \
        [(e.location.name if e.location else None, e.location.basis if e.location else None) for e in attended]


def test_what_was_said_during_a_debate_is_placed_in_the_debates_town(coder):
    events = coder.code("Two candidates for governor, Lidia Brandt and Oskar Wendt, met for a televised debate in "
                        "Bremerhaven on Monday.\n\nDuring the debate, Brandt accused the federal government of "
                        "neglecting the port.",
                        published="2052-09-18")
    accused = [e for e in events if e.cameo.startswith("11") and e.source is not None and "Brandt" in e.source.text]
    assert accused, [(e.cameo, e.source.text if e.source else None) for e in events]
    assert all(e.location is not None and e.location.name == "Bremerhaven" for e in accused), \
        [(e.location.name if e.location else None, e.location.basis if e.location else None) for e in accused]
    assert all(e.date == "2052-09-16" for e in accused)


def test_another_judges_sentence_told_later_does_not_redate_the_leads(coder):
    events = coder.code("A former port director was sentenced in a Lisbon court on Wednesday. Rui Falcao was "
                        "sentenced by Judge Marta Leal to six years in prison for taking bribes.\n\n"
                        "The judge said her sentence was not tied to the one Falcao received in a separate case "
                        "last month. In last month's case, another judge sentenced Falcao to three years for tax "
                        "fraud.",
                        published="2046-02-16")
    leal = [e for e in events if e.source is not None and "Leal" in e.source.text]
    assert leal, [(e.cameo, e.source.text if e.source else None) for e in events]
    assert all(e.date == "2046-02-14" for e in leal), [(e.date, e.date_basis) for e in leal]


def test_a_strike_at_an_airport_is_placed_in_the_airports_city(coder):
    events = coder.code("Turkish drones struck a convoy at Kirkuk airport on Sunday, killing three fighters, "
                        "a Kurdish security official said.",
                        published="2041-11-04")
    strikes = [e for e in events if e.cameo.startswith(("18", "19"))]
    assert strikes, [(e.cameo, e.trigger.text) for e in events]
    assert all(e.location is not None and e.location.name == "Kirkuk" for e in strikes), \
        [(e.location.name if e.location else None) for e in strikes]


def test_an_airport_with_international_in_its_name_is_its_citys(coder):
    events = coder.code("Militants fired rockets at Erbil International Airport late on Tuesday, the "
                        "regional government said.",
                        published="2041-11-05")
    fired = [e for e in events if e.cameo.startswith(("18", "19"))]
    assert fired, [(e.cameo, e.trigger.text) for e in events]
    assert all(e.location is not None and e.location.name == "Erbil" for e in fired), \
        [(e.location.name if e.location else None) for e in fired]


def test_a_summit_that_happened_twice_keeps_each_day(coder):
    # guard: an occasion dated once is not the day of a later one of the same name
    events = coder.code("The presidents of Ghana and Togo held a summit in Kumasi on June 3.\n\nThey held another "
                        "summit in Lome on Monday, where the Togolese president accused smugglers of fuelling "
                        "violence.",
                        published="2044-06-09")
    accused = [e for e in events if e.cameo.startswith("11")]
    assert all(e.date != "2044-06-03" for e in accused), [(e.date, e.date_basis) for e in accused]


def test_a_landmark_names_its_town(coder):
    events = coder.code("Thousands of protesters rallied in Tahrir Square on Friday, and riot police dispersed "
                        "them with water cannon.",
                        published="2047-03-08")
    acts = [e for e in events if e.cameo[:2] in ("14", "17", "18")]
    assert acts, [(e.cameo, e.trigger.text) for e in events]
    assert all(e.location is not None and e.location.name == "Cairo" for e in acts), \
        [(e.location.name if e.location else None) for e in acts]


def test_the_white_house_is_no_moroccan_town(coder):
    events = coder.code("The Kenyan president met the US president at the White House on Tuesday to discuss "
                        "security aid.",
                        published="2047-03-08")
    met = _by_trigger(events, "met")
    assert met and all(e.location is not None and e.location.country == "USA" for e in met), \
        [(e.location.name if e.location else None) for e in met]


def test_parliament_stormed_is_in_the_capital(coder):
    events = coder.code("Protests against the Bulgarian government's new fuel tax entered a third night on "
                        "Saturday, and Bulgaria's interior ministry said 40 people were detained.\n\n"
                        "Protesters threw stones in front of parliament. As they tried to storm parliament, "
                        "police fired tear gas at them.",
                        published="2047-07-13")
    acts = [e for e in events if e.cameo[:2] in ("17", "18", "19")]
    assert acts, [(e.cameo, e.trigger.text) for e in events]
    assert all(e.location is not None and e.location.name == "Sofia" for e in acts), \
        [(e.cameo, e.location.name if e.location else None) for e in acts]


def test_a_regional_parliament_is_not_the_capital(coder):
    # guard: a parliament with a modifier of its own is not the national one
    events = coder.code("Farmers blocked the entrance of the regional parliament in Bavaria on Monday, and "
                        "German police removed them.",
                        published="2047-07-13")
    acts = [e for e in events if e.location is not None]
    assert all(e.location.name != "Berlin" for e in acts), [(e.cameo, e.location.name) for e in acts]


def test_envoys_in_a_town_abroad_are_not_of_its_country(coder):
    events = coder.code("Rebel commanders met government envoys in Geneva on Monday for a first round of "
                        "talks on a ceasefire, a Western diplomat said.",
                        published="2047-04-16")
    met = _by_trigger(events, "met")
    assert met, [(e.cameo, e.trigger.text) for e in events]
    codes = [c for e in met for c in (e.source.code, e.target.code if e.target else None) if c]
    assert codes and not any(c.startswith("CHE") for c in codes), codes


def test_workers_at_a_port_abroad_are_of_its_country_in_talks_too(coder):
    events = coder.code("OSLO, June 3 (Wire) - Norway's offshore union walked out of state mediation on Tuesday.\n\n"
                        "In neighbouring Denmark, dockworkers at the port of Aarhus on Monday approved a two-year "
                        "agreement with their employers, their union said.",
                        published="2049-06-03")
    approved = [e for e in events if e.source is not None and "dockworkers" in e.source.text]
    assert approved and all(e.source.code == "DNKLAB" for e in approved), \
        [(e.source.code, e.source.text) for e in events]


def test_states_that_locate_a_border_are_not_acted_on(coder):
    events = coder.code("Qatar has offered to fly freed detainees to the border between Armenia and Georgia, "
                        "where earlier handovers took place.",
                        published="2048-06-25")
    targets = [e.target.code for e in events if e.target is not None and e.target.code]
    assert not any(c.startswith(("ARM", "GEO")) for c in targets), [(e.cameo, e.target.text if e.target else None)
                                                                   for e in events]


def test_the_town_where_an_accord_was_endorsed_is_no_target(coder):
    events = coder.code("KINGSTON, March 4 (Wire) - Guyana's government and the opposition People's Front endorsed "
                        "an accord in Kingston on Friday setting elections within a year, the Commonwealth said.",
                        published="2049-03-05")
    targets = [e.target.code for e in events if e.target is not None and e.target.code]
    assert not any(c.startswith("JAM") for c in targets), [(e.cameo, e.target.text if e.target else None)
                                                          for e in events]


def test_an_act_told_after_its_paragraph_named_the_town_is_placed_there(coder):
    events = coder.code("SANTIAGO, March 4 (Wire) - Thousands of students marched through Santiago on Friday against "
                        "the education budget, and the march ended peacefully.\n\n"
                        "In the port city of Valparaiso, protesters clashed with police outside the regional "
                        "government's offices on Friday night. Riot police fired tear gas and detained 40 people, "
                        "the Chilean interior ministry said.",
                        published="2051-03-04")
    acts = [e for e in events if e.cameo.startswith("17") or e.trigger.text.lower().startswith(("detain", "fired"))]
    assert acts, [(e.cameo, e.trigger.text) for e in events]
    assert all(e.location is not None and e.location.name == "Valparaíso" for e in acts), \
        [(e.trigger.text, e.location.name if e.location else None, e.location.basis if e.location else None)
         for e in acts]


def test_a_visit_places_the_meetings_its_paragraph_tells_next(coder):
    events = coder.code("Senator Ruth Adair visited Racine on Tuesday, a week after a police shooting there. She met "
                        "the family of the man who was shot and the city's police chief.",
                        published="2051-09-03")
    met = _by_trigger(events, "met")
    assert met, [(e.cameo, e.trigger.text) for e in events]
    assert all(e.location is not None and e.location.name == "Racine" for e in met), \
        [(e.location.name if e.location else None, e.location.basis if e.location else None) for e in met]


def test_words_about_an_attack_are_not_placed_where_it_struck(coder):
    # guard: a ministry's condemnation is not made where the shelling was
    events = coder.code("KYIV, May 6 (Wire) - Russian forces shelled Kharkiv on Monday, killing four people. "
                        "Ukraine's foreign ministry condemned the attack.",
                        published="2051-05-06")
    words = [e for e in events if e.cameo.startswith("11") or e.trigger.text.lower().startswith("condemn")]
    assert words, [(e.cameo, e.trigger.text) for e in events]
    assert all(e.location is None or e.location.name != "Kharkiv" for e in words), \
        [(e.location.name, e.location.basis) for e in words]
