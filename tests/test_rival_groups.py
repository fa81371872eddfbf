"""Talks between two named groups that share one code (two gangs of one country, two guerrilla armies of one
country) are a process of two parties, told apart by their names (session 37, stories of our own; the first three
written before the change, the fourth after it; first runs in docs/negotiations.md)."""

from __future__ import annotations

from newswire import article, history


def _party_names(board) -> set[str]:
    return {r.actor.name for r in board.roles if r.role == "party"}


def _with(boards, *names: str):
    found = [b for b in boards if set(names) <= _party_names(b)]
    assert found, [sorted(_party_names(b)) for b in boards]
    return found[0]


_PRISON_TALKS = [
    article("bra-factions", "a", "2047-05-12",
            "SAO PAULO, May 12 - Leaders of the First Capital Command and the Red Command have opened talks on "
            "ending their two-year war over cocaine routes in the Amazon, prison officials said on Monday. The "
            "talks, held by telephone between inmates of two federal prisons, began last Thursday, according to "
            "the newspaper Folha. The Red Command wants access to the river port of Manaus, while the First "
            "Capital Command has demanded that its rival pull its men out of the state of Para. Killings in the "
            "prisons of the north have doubled this year."),
    article("bra-factions", "b", "2047-06-02",
            "BELEM, June 2 - The First Capital Command and the Red Command have agreed a truce after three weeks "
            "of negotiations, police intelligence officers said on Tuesday. Under the pact, the two factions will "
            "share the river routes and stop attacking each other's members in the prisons of Para, the officers "
            "said. Neither group has commented."),
]


def test_two_factions_of_one_country_are_the_two_parties_of_their_talks(boards_of):
    board = _with(boards_of(_PRISON_TALKS), "First Capital Command", "Red Command")
    assert len(_party_names(board)) == 2
    assert board.process.status == "agreement"


_GUERRILLA_TALKS = [
    article("col-catatumbo", "a", "2047-02-20",
            "CUCUTA, Colombia, Feb 20 - Commanders of the ELN and the EPL met on Thursday in the Catatumbo region "
            "for talks on ending a year of fighting between the two guerrilla armies, a bishop who brokered the "
            "meeting said. The ELN demanded that the EPL withdraw its fighters from the town of Hacari. The EPL "
            "rejected the demand, the bishop told reporters, but both sides agreed to meet again in March."),
    article("col-catatumbo", "b", "2047-03-16",
            "CUCUTA, Colombia, March 16 - The ELN and the EPL signed a ceasefire on Sunday after a second round of "
            "talks in the Catatumbo region, ending a war that has driven some 20,000 people from their homes. "
            "The agreement leaves the future of Hacari, which both groups claim, to later talks."),
]


def test_two_guerrilla_armies_of_one_country_make_one_process_from_talks_to_ceasefire(boards_of):
    board = _with(boards_of(_GUERRILLA_TALKS), "ELN", "EPL")
    assert len(_party_names(board)) == 2
    assert [s for s, _ in history(board)][-1] in ("agreement", "partial_agreement")


_ONE_GANG_NAMED = [
    article("slv-gangs", "a", "2047-09-04",
            "SAN SALVADOR, Sept 4 - Jailed leaders of MS-13 and Barrio 18 have been negotiating a truce in the "
            "Zacatecoluca prison since August, the security ministry confirmed on Friday. Barrio 18 has demanded "
            "the transfer of its leaders to prisons with visiting rights, a ministry official said."),
    article("slv-gangs", "b", "2047-09-18",
            "SAN SALVADOR, Sept 18 - MS-13 rejected on Thursday a proposal to extend the truce talks to the "
            "gangs' street cells, a lawyer for the gang's leaders said. The gang also demanded that the army "
            "leave the neighbourhoods it controls, the lawyer said."),
]


def test_a_gang_named_once_and_then_called_the_gang_stays_one_party(boards_of):
    board = _with(boards_of(_ONE_GANG_NAMED), "MS-13", "Barrio 18")
    assert len(_party_names(board)) == 2


_PORT_TRUCE = [
    article("col-tumaco", "a", "2047-11-03",
            "TUMACO, Colombia, Nov 3 - Envoys of the Gulf Clan and Los Rastrojos have held talks in a farmhouse "
            "outside Tumaco on dividing the port's smuggling routes, police intelligence officers said on "
            "Monday. Thirty-one people have been killed in the port since August."),
    article("col-tumaco", "b", "2047-11-24",
            "TUMACO, Colombia, Nov 24 - The two gangs have agreed a ceasefire in Tumaco, the police commander of "
            "Narino province said on Monday, citing intercepted calls between the Gulf Clan and Los Rastrojos. "
            "No killings have been recorded in the port for nine days, he said."),
]


def test_the_two_gangs_of_a_later_report_are_the_two_named_before(boards_of):
    board = _with(boards_of(_PORT_TRUCE), "Gulf Clan", "Los Rastrojos")
    assert len(_party_names(board)) == 2
    assert board.process.status == "agreement"
