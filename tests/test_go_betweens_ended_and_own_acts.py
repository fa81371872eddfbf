"""Constructions that set 55 showed the coder and the tracker missing, tested with sentences and stories of our own: a
go-between that calls off or ends its own mediation ends the talks; a go-between's government calling on one side is
no side; an act a speaker tells as her own is dated by the telling; a state and its own government are one actor;
a coordinator takes the sector of the body he coordinates; a town where an accord was endorsed is no side."""

from __future__ import annotations

from newswire import article, board_of, history


def test_a_go_between_calling_off_its_mediation_ends_the_talks(boards_of):
    boards = boards_of([
        article("co", "a", "2063-02-06", "LUSAKA, Feb 6 (Wire) - Malawi's government and the opposition Alliance "
                "for Change opened talks in Lusaka on Tuesday under the mediation of the Southern African "
                "Development Community, on the date of the next election."),
        article("co", "b", "2063-02-21", "LUSAKA, Feb 21 (Wire) - The opposition Alliance for Change suspended its "
                "participation in the talks with Malawi's government on Monday after police detained two of its "
                "organisers."),
        article("co", "c", "2063-03-07", "LUSAKA, March 7 (Wire) - The Southern African Development Community "
                "called off its mediation between Malawi's government and the opposition on Wednesday, two weeks "
                "after the opposition suspended its participation.")])
    states = history(board_of(boards, "MWI", "MWIOPP"))
    assert [s for s, _ in states][-2:] == ["suspended", "collapsed"], states
    assert states[-1][1] == "2063-03-07", states


def test_a_mediator_who_says_she_ended_the_mediation_ends_the_talks_that_day(boards_of):
    boards = boards_of([
        article("me", "a", "2063-05-15", "HELSINKI, May 15 (Wire) - State mediation between Finland's dockworkers' "
                "union and the port operators opened in Helsinki on Tuesday, with the union demanding a pay rise "
                "of 6 percent."),
        article("me", "b", "2063-05-26", "HELSINKI, May 26 (Wire) - Finland's national conciliator, Aino Rautio, "
                "told reporters late on Friday that she had ended the mediation between the dockworkers' union "
                "and the port operators. \"There is nothing left to put to them,\" she said.")])
    board = board_of(boards, "FINLAB", "FINBUS")
    states = history(board)
    assert states[-1] == ("collapsed", "2063-05-25"), states


def test_a_mediator_who_adjourns_does_not_end_the_talks(boards_of):
    # guard: a go-between's pause is a suspension
    boards = boards_of([
        article("ma", "a", "2063-05-15", "HELSINKI, May 15 (Wire) - State mediation between Finland's dockworkers' "
                "union and the port operators opened in Helsinki on Tuesday."),
        article("ma", "b", "2063-05-19", "HELSINKI, May 19 (Wire) - Finland's national conciliator, Aino Rautio, "
                "suspended the mediation between the dockworkers' union and the port operators on Friday until "
                "further notice.")])
    states = [s for s, _ in history(board_of(boards, "FINLAB", "FINBUS"))]
    assert "collapsed" not in states, states


def test_a_go_betweens_government_calling_one_side_is_no_side(boards_of):
    boards = boards_of([
        article("gb", "a", "2064-09-02", "DOHA, Sept 2 (Wire) - Sudanese and South Sudanese negotiators began talks "
                "in Doha on Tuesday on the return of detained traders. Qatar, which has brokered earlier deals "
                "between the two countries, is mediating the talks through its minister of state, Khalid al-Sada."),
        article("gb", "b", "2064-09-10", "DOHA, Sept 10 (Wire) - Sudan and South Sudan resumed their talks in Doha "
                "on Monday after several telephone calls by Qatari minister of state Khalid al-Sada to Khartoum "
                "and a visit to Juba by a senior Qatari official, the Qatari foreign ministry said.")])
    board = board_of(boards, "SDN", "SSD")
    roles = {(r.actor.id, r.role) for r in board.roles}
    assert ("QAT", "mediator") in roles, roles
    assert not any(k.startswith("QAT") and role == "party" for k, role in roles), roles


def test_a_state_and_its_own_official_are_no_pair(coder):
    events = coder.code("Norway is mediating the talks through its special envoy, Ola Brekke.", published="2064-09-02")
    pairs = [(e.source.code, e.target.code) for e in events if e.target is not None]
    assert not any(s and t and s[:3] == t[:3] == "NOR" for s, t in pairs), pairs


def test_opposition_coordinators_are_of_the_opposition(coder):
    events = coder.code("Opposition coordinators met the interior minister on Monday.", published="2064-09-02")
    sources = [e.source.code for e in events if e.source is not None and "coordinators" in e.source.text]
    assert sources and all((code or "").endswith("OPP") for code in sources), \
        [(e.source.text, e.source.code) for e in events if e.source is not None]


def test_a_speakers_own_past_act_is_dated_by_the_telling_but_no_one_elses(coder):
    events = coder.code("The envoy told reporters on Monday that she had halted the talks. She said on Tuesday that "
                        "the army had shelled the town.", published="2064-09-04")
    halted = [e for e in events if e.cameo.startswith("16")]
    shelled = [e for e in events if e.cameo.startswith("19")]
    assert halted and all(e.date == "2064-09-01" for e in halted), [(e.date, e.date_basis) for e in halted]
    assert shelled and all(e.date != "2064-09-02" for e in shelled), [(e.date, e.date_basis) for e in shelled]


def test_a_go_betweens_own_concessions_with_no_side_are_no_moves_of_the_talks(boards_of):
    boards = boards_of([
        article("gc", "a", "2064-10-06", "DOHA, Oct 6 (Wire) - Sudanese and South Sudanese negotiators opened talks "
                "in Doha on Monday on the return of detained traders, with Qatar mediating.\n\nQatar also conceded "
                "the football federation's election to its rival on Monday and rejected a lawsuit over the vote.")])
    board = board_of(boards, "SDN", "SSD")
    moves = [m for m in board.moves if any(a.id.startswith("QAT") for a in m.sources)]
    assert all(m.kind in ("mediation", "proposal", "meeting") for m in moves), [(m.kind, m.evidence) for m in moves]
