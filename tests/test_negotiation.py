"""The negotiation tracker on hand-built events: actors, move kinds, topics, processes, states, errors."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from click.testing import CliRunner

import parley.negotiation
from conftest import FakeResult, make_event
from parley.errors import DataFileError
from parley.negotiation import ActorRef, UnknownProcess, board, find_processes, load_topics
from parley.negotiation.cli import negotiation_command, negotiations_command
from parley.negotiation.tracker import _kind, actor_key
from parley.store import Store
from parley.types import ActorMention, Article, TextSpan


def _actor(text: str, code: str | None, country: str | None = None, sector: str | None = None) -> ActorMention:
    return ActorMention(text, 0, len(text), code, text, country, sector)


USA = _actor("Washington", "USAGOV", "USA", "GOV")
HAMAS = _actor("Hamas", "PSEREB", "PSE", "REB")
RUS = _actor("Moscow", "RUSGOV", "RUS", "GOV")
UKR = _actor("Kyiv", "UKRGOV", "UKR", "GOV")
QAT = _actor("Qatar", "QAT", "QAT", None)


def _event(article: str, n: int, source, target, cameo: str, trigger: str, *, date: str, obj: str | None = None,
           **kw):
    return make_event(event_id=f"{article}-{n}", article_id=article, sentence_index=n, source=source, target=target,
                      cameo=cameo, trigger=TextSpan(trigger, 0, len(trigger)), date=date,
                      object=TextSpan(obj, 0, len(obj)) if obj else None, **kw)


def _store(tmp_path, articles: dict[str, list]) -> Store:
    store = Store.open(tmp_path / "t.duckdb")
    results = []
    for article_id, events in articles.items():
        date = dt.date.fromisoformat(events[0].date) if events else None
        results.append(FakeResult(article_id, Article(article_id, "text " * 40, published=date), events, None))
    store.write(results)
    return store


# --- actors and kinds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("actor", "key"), [
    (USA, "USA"),
    (_actor("U.S.", "USA", "USA", None), "USA"),
    (_actor("the army", "USAMIL", "USA", "MIL"), "USA"),
    (HAMAS, "PSEREB"),
    (_actor("the UN", "IGOUNO", None, "IGO"), "IGOUNO"),
    (_actor("the mediators", "GOV", None, "GOV"), None),
    (_actor("someone", None), None),
])
def test_actor_key_normalises_to_country_or_organisation(actor, key):
    assert actor_key(actor) == key


@pytest.mark.parametrize(("cameo", "trigger", "kind"), [
    ("164", "recalled", "delegation_recalled"),
    ("164", "suspended", "talks_halted"),
    ("165", "halted", "talks_halted"),
    ("134", "threatened", "threat_to_halt"),
    ("036", "meet", "meeting_planned"),
    ("037", "accepted", "acceptance"),
    ("037", "presented", "proposal"),
    ("0356", "proposed", "proposal"),
    ("0353", "free", "concession"),
    ("040", "resumed", "talks_resumed"),
    ("040", "met", "meeting"),
    ("042", "sent", "delegation_sent"),
    ("045", "mediated", "mediation"),
    ("046", "negotiated", "negotiation"),
    ("057", "signed", "agreement_signed"),
    ("0871", "declared", "concession"),
    ("1053", "demanded", "demand"),
    ("125", "rejected", "rejection"),
    ("190", "violated", "violation"),
    ("190", "shelled", None),
])
def test_move_kind_from_code_and_trigger(cameo, trigger, kind):
    event = make_event(cameo=cameo, trigger=TextSpan(trigger, 0, len(trigger)))
    assert _kind(event) == kind


# --- topics -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "topic"), [
    ("the release of 200 prisoners", "prisoners"),
    ("a 42-day truce", "ceasefire"),
    ("guarantees that the war will not resume", "guarantees"),
    ("aid delivered only by UN agencies", "humanitarian_aid"),
    ("the withdrawal of troops from the city", "withdrawal"),
    ("the new proposal", None),
])
def test_topic_is_the_first_keyword(text, topic):
    assert load_topics().topic_of(text) == topic


@pytest.mark.parametrize(("text", "quantities"), [
    ("a 42-day truce", [(42, "days")]),
    ("the release of 1,200 prisoners", [(1200, "prisoners")]),
    ("30 hostages in exchange for 120 Palestinian prisoners", [(30, "hostages"), (120, "prisoners")]),
    ("a truce of six weeks", []),
])
def test_quantities_keep_values_and_units(text, quantities):
    assert [(q.value, q.unit) for q in load_topics().quantities(text)] == quantities


def test_user_topics_come_first_and_replace_ours(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("topics:\n  water:\n    label: Water rights\n    keywords: [water, river]\n"
                    "  prisoners:\n    label: Detainees\n    keywords: [detainee]\n", encoding="utf-8")
    topics = load_topics([path])
    assert topics.topic_of("access to the river") == "water"
    assert topics.label("prisoners") == "Detainees"
    assert topics.topic_of("200 prisoners") is None


def test_a_user_topic_may_except_phrases_that_hold_its_keywords(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("topics:\n  water:\n    label: Water rights\n    keywords: [water, river]\n"
                    "    except: [river police]\n", encoding="utf-8")
    topics = load_topics([path])
    assert topics.topic_of("the river police patrols") != "water"
    assert topics.topic_of("access to the river") == "water"
    bad = tmp_path / "bad.yaml"
    bad.write_text("topics:\n  water:\n    label: Water\n    keywords: [water]\n    except: river police\n",
                   encoding="utf-8")
    with pytest.raises(DataFileError, match="except"):
        load_topics([bad])


def test_invalid_topics_file_lists_every_problem(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("version: 2\ncolour: red\ntopics:\n  Bad-Id:\n    label: x\n    keywords: [a]\n"
                    "  fine:\n    keywords: []\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_topics([path])
    problems = info.value.problems
    assert len(problems) == 5
    assert "version" in problems[0]
    assert any("'colour'" in p for p in problems)
    assert any("'Bad-Id'" in p and "line 4" in p for p in problems)
    assert any("'fine'" in p and "label" in p for p in problems)
    assert any("'fine'" in p and "keywords" in p for p in problems)


# --- processes ----------------------------------------------------------------------------------------


def test_a_busy_party_does_not_join_two_negotiations(tmp_path):
    store = _store(tmp_path, {
        "a1": [_event("a1", 0, USA, HAMAS, "046", "negotiated", date="2025-03-01")],
        "a2": [_event("a2", 0, USA, RUS, "046", "negotiated", date="2025-03-02")],
    })
    with store:
        names = [p.name for p in find_processes(store)]
    assert names == ["United States–Hamas talks", "United States–Russia talks"]


def test_a_long_silence_starts_a_new_process(tmp_path):
    store = _store(tmp_path, {
        "a1": [_event("a1", 0, RUS, UKR, "046", "negotiated", date="2022-03-01")],
        "a2": [_event("a2", 0, RUS, UKR, "046", "negotiated", date="2025-05-16")],
    })
    with store:
        assert [(p.first_date, p.last_date) for p in find_processes(store)] == [
            ("2022-03-01", "2022-03-01"), ("2025-05-16", "2025-05-16")]
        assert len(find_processes(store, gap_days=5000)) == 1


def test_process_id_is_stable_when_articles_are_added(tmp_path):
    first = {"a1": [_event("a1", 0, RUS, UKR, "046", "negotiated", date="2025-05-16")]}
    store = _store(tmp_path, first)
    with store:
        before = find_processes(store)[0].id
        store.write([FakeResult("a2", Article("a2", "more text", published=dt.date(2025, 5, 20)),
                                [_event("a2", 0, UKR, RUS, "125", "rejected", date="2025-05-20", obj="the plan")],
                                None)])
        after = find_processes(store)
    assert [p.id for p in after] == [before]
    assert after[0].n_moves == 2


def test_mediator_is_not_a_party(tmp_path):
    store = _store(tmp_path, {"a1": [
        _event("a1", 0, RUS, UKR, "046", "negotiated", date="2025-05-16"),
        _event("a1", 1, QAT, None, "045", "mediated", date="2025-05-16", obj="the talks"),
        _event("a1", 2, RUS, QAT, "036", "meet", date="2025-05-16", modality="future"),
    ]})
    with store:
        (process,) = find_processes(store)
    assert [p.id for p in process.parties] == ["RUS", "UKR"]
    assert [m.id for m in process.mediators] == ["QAT"]
    assert process.name.startswith("Russia–Ukraine talks") and process.name.endswith("(Qatar mediating)")


@pytest.mark.parametrize(("trigger", "evidence", "status"), [
    ("suspended", "Moscow suspended the talks", "suspended"),
    ("called off", "Moscow called off the talks, which collapsed", "collapsed"),
])
def test_halts_suspend_or_collapse(tmp_path, trigger, evidence, status):
    store = _store(tmp_path, {"a1": [
        _event("a1", 0, RUS, UKR, "046", "negotiated", date="2025-05-16"),
        _event("a1", 1, RUS, UKR, "164", trigger, date="2025-05-17",
               evidence=TextSpan(evidence, 0, len(evidence))),
    ]})
    with store:
        (process,) = find_processes(store)
    assert process.status == status


def test_full_agreement_without_a_partial_word(tmp_path):
    store = _store(tmp_path, {"a1": [
        _event("a1", 0, RUS, UKR, "057", "signed", date="2025-05-16", obj="a peace agreement",
               evidence=TextSpan("Moscow and Kyiv signed a peace agreement", 0, 40)),
    ]})
    with store:
        assert find_processes(store)[0].status == "agreement"


def test_unknown_and_ambiguous_ids(tmp_path):
    store = _store(tmp_path, {"a1": [_event("a1", 0, RUS, UKR, "046", "negotiated", date="2025-05-16")]})
    with store:
        with pytest.raises(UnknownProcess, match="parley negotiations"):
            board(store, "nothere")
        with pytest.raises(UnknownProcess, match="matches 1 processes|no negotiation"):
            board(store, "")


# --- surface ------------------------------------------------------------------------------------------


def test_all_is_sorted_and_exists():
    assert parley.negotiation.__all__ == sorted(parley.negotiation.__all__)
    for name in parley.negotiation.__all__:
        assert hasattr(parley.negotiation, name), name


def test_tracker_never_imports_spacy():
    code = ("import sys, parley.negotiation, parley.negotiation.cli, parley.store; "
            "sys.exit('spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_cli_missing_store_is_one_line_and_exit_1(tmp_path):
    result = CliRunner().invoke(negotiations_command, ["--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"parley: error: {tmp_path / 'none.duckdb'}: no such store; create it with `parley ingest`"]


def test_cli_unknown_process_is_one_line_and_exit_1(tmp_path):
    store = _store(tmp_path, {"a1": [_event("a1", 0, RUS, UKR, "046", "negotiated", date="2025-05-16")]})
    store.close()
    result = CliRunner().invoke(negotiation_command, ["nothere", "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert "no negotiation process 'nothere'" in result.output


def test_cli_lists_processes_as_json(tmp_path):
    import json

    store = _store(tmp_path, {"a1": [_event("a1", 0, RUS, UKR, "046", "negotiated", date="2025-05-16")]})
    store.close()
    result = CliRunner().invoke(negotiations_command, ["--db", str(tmp_path / "t.duckdb"), "--json"])
    assert result.exit_code == 0
    (line,) = result.output.splitlines()
    assert json.loads(line)["name"] == "Russia–Ukraine talks"


@pytest.mark.parametrize(("trigger", "obj", "shown"), [
    ("lifted", "all oil sanctions", "lifting of all oil sanctions"),
    ("ease", "the curfew", "easing of the curfew"),
    ("end", "the blockade of the port", "an end to the blockade of the port"),
    ("withdraw", "troops from the border", "withdrawal of troops from the border"),
    ("lift", "the lifting of the embargo", "the lifting of the embargo"),
    ("release", "300 prisoners", "300 prisoners"),
    ("endorsed", "the plan", "the plan"),
])
def test_what_is_to_be_undone_reads_as_its_undoing(trigger, obj, shown):
    from parley.negotiation.tracker import _removal

    assert _removal(trigger, obj) == shown


@pytest.mark.parametrize("source, target, cameo, trigger, listed", [
    (_actor("the tobacco firm", "GTMBUS", "GTM", "BUS"), _actor("Guatemala", "GTMGOV", "GTM", "GOV"), "046",
     "negotiated", False),
    (_actor("Madrid", "ESPGOV", "ESP", "GOV"), _actor("the villagers", "ESPCVL", "ESP", "CVL"), "164", "broke", False),
    (_actor("Managua", "NICGOV", "NIC", "GOV"), _actor("the gang", "NICREB", "NIC", "REB"), "0831", "accepted",
     False),
    (USA, HAMAS, "046", "negotiated", True),
])
def test_one_act_alone_is_a_process_only_when_it_is_talks_between_parties_to_a_dispute(
        tmp_path, source, target, cameo, trigger, listed):
    store = _store(tmp_path, {"a1": [_event("a1", 0, source, target, cameo, trigger, date="2025-05-16",
                                            obj="the talks")]})
    with store:
        assert bool(find_processes(store)) is listed


def test_a_government_meeting_a_domestic_side_is_a_negotiation(tmp_path):
    union = _actor("the nurses' union", "PERLAB", "PER", "LAB")
    lima = _actor("the government", "PERGOV", "PER", "GOV")
    store = _store(tmp_path, {
        "a1": [_event("a1", 0, lima, union, "040", "met", date="2025-05-07")],
        "a2": [_event("a2", 0, union, lima, "057", "signed", date="2025-05-25", obj="a wage agreement")],
    })
    with store:
        processes = find_processes(store)
    assert [(p.parties, p.status) for p in processes] == [((ActorRef("PER", "Peru"), ActorRef("PERLAB",
                                                                                               "the nurses' union")),
                                                            "agreement")]


def test_two_states_meeting_without_talks_are_no_negotiation(tmp_path):
    store = _store(tmp_path, {
        "a1": [_event("a1", 0, RUS, UKR, "040", "met", date="2025-05-07")],
        "a2": [_event("a2", 0, UKR, RUS, "040", "met", date="2025-05-09")],
    })
    with store:
        assert find_processes(store) == []


@pytest.mark.parametrize("deal, status", [("a prisoner exchange", "partial_agreement"),
                                          ("a final prisoner exchange deal", "agreement")])
def test_a_deal_that_leaves_a_standing_demand_open_is_partial(tmp_path, deal, status):
    store = _store(tmp_path, {
        "a1": [_event("a1", 0, RUS, UKR, "046", "negotiated", date="2025-05-01", obj="talks"),
               _event("a1", 1, UKR, RUS, "100", "demanded", date="2025-05-01",
                      obj="the withdrawal of troops from the city")],
        "a2": [_event("a2", 0, RUS, UKR, "057", "signed", date="2025-05-20", obj=deal,
                      evidence=TextSpan(f"Moscow and Kyiv signed {deal}", 0, 20 + len(deal)))],
    })
    with store:
        assert [p.status for p in find_processes(store)] == [status]
