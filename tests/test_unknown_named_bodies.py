"""A side the knowledge base does not know, introduced by its full name and named again by the last word of that
name ("the Front", "the Alliance"): an opposition grouping of the story's country, or its rebels in a story of
armed groups (session 38, stories of our own written before the change; first runs in docs/negotiations.md)."""

from __future__ import annotations

from newswire import article, board_of, history

_PARAGUAY_DIALOGUE = [
    article("pry-front", "a", "2061-03-10",
            "ASUNCION, March 10 - Paraguay's government and the National Concord Front (FNC), an alliance of four "
            "opposition parties, began a dialogue on Tuesday on the date of the next general election, at a "
            "meeting chaired by the Catholic bishops. The Front wants the vote held within eight months and the "
            "release of 30 activists jailed during April's protests. Interior Minister Ramon Oviedo Duarte said "
            "the government could not hold an election before a new voter roll was ready, in two years."),
    article("pry-front", "b", "2061-03-24",
            "ASUNCION, March 24 - The opposition National Concord Front suspended its part in the church-chaired "
            "dialogue on Monday after police arrested two of its deputies at a rally in Ciudad del Este. \"We "
            "will not sit at a table while our deputies sit in a cell,\" the Front's spokesman, Hugo Benitez "
            "Rojas, told reporters. The bishops said they would keep speaking to both sides."),
    article("pry-front", "c", "2061-04-09",
            "ASUNCION, April 9 - Negotiators of the Front went back to the dialogue with the government on "
            "Wednesday, two days after a judge freed the two deputies on bail. The Front has lowered its demand "
            "to an election within 12 months, while the government now offers 18 months, the bishops said."),
]


def test_an_opposition_front_the_lists_lack_is_a_side_of_its_country(boards_of):
    board = board_of(boards_of(_PARAGUAY_DIALOGUE), "PRY", "PRYOPP")
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"PRY", "PRYOPP"}
    assert history(board) == [("ongoing", "2061-03-08"), ("suspended", "2061-03-21"), ("ongoing", "2061-04-06")]


_GAMBIA_ALLIANCE = [
    article("gmb-alliance", "a", "2062-07-02",
            "BANJUL, July 2 - The Gambian government opened talks on Saturday with the Coastal Renewal Alliance, "
            "a grouping of three opposition parties, on changes to the electoral law, after weeks of protests "
            "in Serekunda. The Alliance is demanding an independent electoral commission and an end to the ban "
            "on rallies. Justice Minister Awa Sowe said the government was ready to listen."),
    article("gmb-alliance", "b", "2062-07-19",
            "BANJUL, July 19 - The Alliance walked out of the talks on electoral reform on Tuesday, saying the "
            "government had refused to lift the ban on rallies. \"There is nothing to discuss while our "
            "supporters cannot gather,\" said Lamin Jatta, the Alliance's secretary general."),
]


def test_an_opposition_alliance_named_again_by_its_last_word_walks_out(boards_of):
    board = board_of(boards_of(_GAMBIA_ALLIANCE), "GMB", "GMBOPP")
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"GMB", "GMBOPP"}
    assert history(board) == [("ongoing", "2062-07-01"), ("suspended", "2062-07-18")]


_CHAD_REBELS = [
    article("tcd-front", "a", "2063-11-05",
            "N'DJAMENA, Nov 5 - Chad's government and the Ennedi Patriotic Front, a rebel group that has fought "
            "the army in the northeast since 2060, opened ceasefire talks in the capital on Sunday, mediated by "
            "the African Union. The rebels want the army to pull its troops out of Fada and the release of 40 "
            "fighters held in N'Djamena."),
    article("tcd-front", "b", "2063-11-21",
            "N'DJAMENA, Nov 21 - The Front and the government signed a ceasefire on Tuesday after two weeks of "
            "talks under the African Union, the bloc's envoy said. The question of the 40 jailed fighters was "
            "left to a later round, he said."),
]


def test_a_rebel_front_the_lists_lack_signs_a_truce_with_its_state(boards_of):
    board = board_of(boards_of(_CHAD_REBELS), "TCD", "TCDREB")
    assert {r.actor.id for r in board.roles if r.role == "party"} == {"TCD", "TCDREB"}
    assert [s for s, _ in history(board)] == ["ongoing", "partial_agreement"]
