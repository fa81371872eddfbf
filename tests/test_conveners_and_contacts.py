"""Constructions that set 39's stories (the last four of session 38) showed the coder and the tracker missing,
tested with sentences of our own (written after the change; all but two fail on the code before it: the church
council placed by a dateline abroad and the state talking at home are guards, since these sentences do not
reproduce the conditions of the stories)."""

from __future__ import annotations

from newswire import article, board_of, history


def test_a_minister_who_brings_the_sides_together_convenes_them(coder):
    events = coder.code("RABAT, May 4 - Morocco's labour minister brought the striking train drivers and the railway "
                        "company together on Monday for their first talks since the walkout.", published="2068-05-04")
    convened = [e for e in events if e.cameo == "045"]
    assert convened and all(e.date == "2068-04-30" for e in convened), [(e.cameo, e.date) for e in events]


def test_an_armed_group_named_in_its_own_language_is_rebels(coder):
    events = coder.code("ENCARNACION, June 2 - A small armed group, the Movimiento Agrario Revolucionario (MAR), "
                        "demanded the release of 12 prisoners on Tuesday, the bishop who speaks to the rebels said.",
                        published="2068-06-02")
    named = [e for e in events if e.source.text.startswith("the Movimiento")]
    assert named and all(e.source.sector == "REB" for e in named), [(e.source.text, e.source.code) for e in events]


def test_an_acronym_told_in_words_names_the_body(coder):
    events = coder.code("ANTANANARIVO, May 4 - The talks are chaired by the Union of Reformed Churches of the Island, "
                        "known by its local acronym FJKM. FJKM leaders met the opposition on Monday.",
                        published="2068-05-04")
    assert any(e.source.text.startswith("FJKM") and e.source.sector == "REL" for e in events), \
        [(e.source.text, e.source.code) for e in events]


def test_a_church_council_is_not_placed_by_a_dateline_abroad(coder):
    text = ("GABORONE, Nov 9 - Madagascar's government and opposition signed a partial accord in Gaborone on "
            "Sunday. Clergy from the national church council spent much of October carrying proposals between the "
            "presidency and the opposition in Antananarivo.")
    events = coder.code(text, published="2068-11-09")
    clergy = [e for e in events if e.source.text.startswith("Clergy")]
    assert clergy and all(e.source.country != "BWA" for e in clergy), [(e.source.text, e.source.code) for e in clergy]


def test_a_state_talking_at_home_stays_the_story_s_state(coder):
    text = ("AMMAN, Oct 5 - Jordan's labour minister chaired talks between the port union and the terminal operator "
            "at the ministry in Amman on Monday. The union is demanding an 18 percent raise.\n\nSeparately, Jordanian "
            "and Iraqi trade officials met in Baghdad on Sunday. An Iraqi trade ministry statement said the two "
            "sides would meet again.")
    events = coder.code(text, published="2068-10-05")
    union = [e for e in events if e.source.text == "The union"]
    assert union and all(e.source.code == "JORLAB" for e in union), [(e.source.text, e.source.code) for e in union]


_CAPTIVES = [
    article("py-captives", "a", "2069-05-12",
            "CONCEPCION, May 12 - Paraguay's government and the armed group holding three soldiers held their first "
            "talks through a bishop on Saturday. The group demands the release of 12 of its members."),
    article("py-captives", "b", "2069-06-16",
            "CONCEPCION, June 16 - The armed group holding three Paraguayan soldiers said it had broken off contacts "
            "with the government on Monday, a day after troops killed one of its commanders."),
]


def test_contacts_broken_off_halt_the_talks(boards_of):
    board = board_of(boards_of(_CAPTIVES), "PRY", "PRYREB")
    assert [s for s, _ in history(board)] == ["ongoing", "suspended"]


_MADAGASCAR = [
    article("mdg-talks", "a", "2069-09-22",
            "GABORONE, Sept 22 - Madagascar's government and the opposition opened talks in Gaborone on Saturday. "
            "The opposition demands an election in 12 months."),
    article("mdg-talks", "b", "2069-10-08",
            "ANTANANARIVO, Oct 8 - Madagascar's opposition suspended its part in the Gaborone talks on Monday after "
            "police arrested one of its deputies."),
    article("mdg-talks", "c", "2069-11-10",
            "GABORONE, Nov 10 - The opposition had pulled out of the talks on October 7 and came back to the table "
            "only on October 26, four days after a court in Antananarivo freed the deputy. The two sides signed a "
            "partial accord on Saturday, leaving the detainees to a later round."),
]


def test_a_return_is_not_a_trip_home_because_a_home_town_follows(boards_of):
    board = board_of(boards_of(_MADAGASCAR), "MDG", "MDGOPP")
    assert history(board) == [("ongoing", "2069-09-21"), ("suspended", "2069-10-07"), ("ongoing", "2069-10-26"),
                              ("partial_agreement", "2069-11-09")]
