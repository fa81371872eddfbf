"""Talks named by a pronoun ("They were revived"), deals whose signers a participle names inside another phrase
("according to the accord signed by ..."), and a one-sided acceptance that settles a dispute (written before the
change, in session 39, after set 40's Mongolian story showed them)."""

from __future__ import annotations

from newswire import article, board_of, history


def test_talks_named_by_they_resume(coder):
    events = coder.code("ULAANBAATAR, Oct 9 - Talks between Kazakhstan and Uzbekistan on water quotas had collapsed "
                        "in Tashkent in August. They were restarted in Almaty on Tuesday, officials said.",
                        published="2070-10-09")
    resumed = [e for e in events if e.trigger.text == "restarted"]
    assert resumed and {e.source.code for e in resumed} == {"KAZ", "UZB"}, \
        [(e.cameo, e.trigger.text, e.source.text, e.source.code) for e in events]
    assert all(e.date == "2070-10-07" for e in resumed)


def test_they_for_people_is_still_people(coder):
    events = coder.code("Union leaders met the minister on Monday. They resumed their strike on Tuesday.",
                        published="2070-10-09")
    assert not any(e.trigger.text == "resumed" and e.cameo.startswith("04") for e in events), \
        [(e.cameo, e.trigger.text, e.source.text) for e in events]


def test_signers_named_by_a_participle_inside_according_to(coder):
    events = coder.code("Ghana will reopen two border posts, according to the accord signed at the presidency by "
                        "Ghana's trade minister Kojo Mensah and Togo's trade minister Edem Kodjo.",
                        published="2070-03-02")
    signed = [e for e in events if e.cameo == "057"]
    assert {e.source.code[:3] for e in signed} == {"GHA", "TGO"}, [(e.cameo, e.source.text) for e in events]


def test_signers_of_a_memorandum_named_after_the_noun(coder):
    events = coder.code("Under the memorandum signed by Laos and Thailand on Friday, river traffic will double.",
                        published="2070-03-02")
    assert {e.source.code for e in events if e.cameo == "057"} == {"LAO", "THA"}, \
        [(e.cameo, e.source.text, e.source.code) for e in events]


_CEMENT = [
    article("cement", "a", "2070-02-10", "HANOI, Feb 10 (Mekong Wire) - Vietnam and Laos opened talks in Hanoi on "
            "Monday over a Laotian levy on Vietnamese cement trucks. Laos wants a levy of 9 percent; Vietnam demanded "
            "that the levy be scrapped.\n\nThe two delegations are due to meet again next week."),
    article("cement", "b", "2070-03-03", "VIENTIANE, March 3 (Mekong Wire) - The talks between Vietnam and Laos over "
            "the cement levy broke down on Monday, when the Vietnamese team walked out.\n\nThe Laotian trade minister "
            "said the levy would stay."),
    article("cement", "c", "2070-04-18", "VIENTIANE, April 18 (Mekong Wire) - Vietnam and Laos settled their cement "
            "dispute on Friday. The talks had broken down in March. They were relaunched in Vientiane on Wednesday, "
            "and on Friday Laos agreed to scrap the levy on Vietnamese cement trucks, according to the agreement "
            "signed by the two trade ministers.\n\nBoth delegations said nothing was left to settle."),
]


def test_talks_revived_by_pronoun_and_settled_by_a_signed_deal(boards_of):
    board = board_of(boards_of(_CEMENT), "VNM", "LAO")
    assert history(board) == [("ongoing", "2070-02-10"), ("collapsed", "2070-03-03"), ("ongoing", "2070-04-16"),
                              ("agreement", "2070-04-18")], history(board)


def test_a_weekday_before_a_name_dates_the_act(coder):
    events = coder.code("The talks resumed in Dili on Monday, and on Thursday Brunei rejected the new map.",
                        published="2070-05-16")
    rejected = [e for e in events if e.trigger.text == "rejected"]
    assert rejected and rejected[0].source.code == "BRN" and rejected[0].date == "2070-05-15", \
        [(e.cameo, e.source.text, e.date) for e in events]


def test_talks_relaunched_resume(coder):
    events = coder.code("Talks between Peru and Bolivia on the lake had stalled in May. They were relaunched in La "
                        "Paz on Tuesday.", published="2070-06-20")
    assert any(e.trigger.text == "relaunched" and e.date == "2070-06-17" for e in events), \
        [(e.cameo, e.trigger.text, e.date) for e in events]
