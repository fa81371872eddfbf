"""One event, many reports: merging events of several articles into event clusters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import FakeResult, make_event
from parley.store import Store, ingest
from parley.store.clusters import cluster_id_for, distance_km
from parley.types import ActorMention, Article, Attribution, Location, Speaker

SDNMIL = ActorMention("Sudanese troops", 0, 15, "SDNMIL", "Sudanese military", "SDN", "MIL")
REB = ActorMention("the rebels", 25, 35, "REB", "Rebels", None, "REB")
UNKNOWN = ActorMention("gunmen", 0, 6, None, None)
CAIRO = Location("Cairo", "EGY", 30.0444, 31.2357)
GIZA = Location("Giza", "EGY", 30.0131, 31.2089)
ALEXANDRIA = Location("Alexandria", "EGY", 31.2001, 29.9187)
PORT_SUDAN = Location("Port Sudan", "SDN", 19.6175, 37.2164)
NYALA = Location("Nyala", "SDN", 12.0489, 24.8807)


def report(article_id: str, *events_kw: dict, publisher: str | None = None,
           published: dt.date | None = dt.date(2025, 3, 14)) -> FakeResult:
    """One article's coding result; each dict overrides `make_event` fields (an attack of SDNMIL on REB)."""
    article = Article(id=article_id, text=f"Report {article_id}.", published=published, publisher=publisher)
    events = []
    for i, kw in enumerate(events_kw):
        fields = dict(event_id=f"{article_id}-{i}", article_id=article_id, sentence_index=i, source=SDNMIL,
                      target=REB, cameo="190", cameo_name="Use conventional military force", quad=4,
                      goldstein=-10.0, date="2025-03-14", location=PORT_SUDAN)
        fields.update(kw)
        events.append(make_event(**fields))
    return FakeResult(article_id, article, events, None)


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "parley.duckdb") as store:
        yield store


def clusters(store: Store) -> list[dict]:
    return store.clusters_table().to_pylist()


def sizes(store: Store) -> list[int]:
    return sorted(c["n_mentions"] for c in clusters(store))


def test_three_outlets_reporting_one_event_make_one_cluster(store: Store) -> None:
    store.write([
        report("reuters", {"date": "2025-03-14"}, publisher="Reuters", published=dt.date(2025, 3, 14)),
        report("ap", {"date": "2025-03-14", "cameo": "193", "cameo_name": "Fight with small arms"},
               publisher="AP", published=dt.date(2025, 3, 15)),
    ])
    store.write([report("afp", {"date": "2025-03-15", "attribution": Attribution(
        speaker=Speaker("a resident", None), cue="said", reported_by=("witnesses",), hedged=True)},
        publisher="AFP", published=dt.date(2025, 3, 15))])
    [cluster] = clusters(store)
    assert (cluster["n_mentions"], cluster["n_articles"], cluster["n_sources"]) == (3, 3, 3)
    assert cluster["cluster_id"] == cluster_id_for("reuters-0")
    assert (cluster["source_code"], cluster["target_code"], cluster["cameo_root"], cluster["cameo"]) == (
        "SDNMIL", "REB", "19", "190")
    assert (cluster["quad"], cluster["goldstein"], cluster["negated"], cluster["n_hedged"]) == (4, -10.0, False, 1)
    assert (cluster["date_start"], cluster["date_end"], cluster["first_reported"]) == (
        dt.date(2025, 3, 14), dt.date(2025, 3, 15), dt.date(2025, 3, 14))
    assert cluster["location_name"] == "Port Sudan"
    mentions = {m["article_id"]: m for m in store.cluster_mentions_table().to_pylist()}
    assert set(mentions) == {"reuters", "ap", "afp"}
    assert {m["cluster_id"] for m in mentions.values()} == {cluster["cluster_id"]}
    afp = mentions["afp"]
    assert (afp["publisher"], afp["speaker_text"], afp["cue"], afp["reported_by"], afp["hedged"], afp["quoted"]) == (
        "AFP", "a resident", "said", ["witnesses"], True, False)


@pytest.mark.parametrize("second", [
    pytest.param({"cameo": "112", "cameo_name": "Accuse", "quad": 3}, id="other CAMEO root"),
    pytest.param({"location": NYALA}, id="same root in a distant city"),
    pytest.param({"target": ActorMention("Chadian troops", 25, 39, "TCDMIL", "Chadian military", "TCD", "MIL")},
                 id="other target"),
    pytest.param({"source": ActorMention("Egyptian troops", 0, 15, "EGYMIL", "Egypt", "EGY", "MIL")},
                 id="other source"),
    pytest.param({"date": "2025-03-17"}, id="three days apart"),
    pytest.param({"location": Location("Cairo", "EGY", None, None)}, id="other country"),
    pytest.param({"negated": True}, id="negated"),
])
def test_distinct_events_between_the_same_actors_stay_apart(store: Store, second: dict) -> None:
    store.write([report("a", {}, publisher="A"), report("b", second, publisher="B")])
    assert sizes(store) == [1, 1]


@pytest.mark.parametrize("second", [
    pytest.param({"location": None}, id="place unknown"),
    pytest.param({"location": Location("Port Sudan", "SDN", None, None)}, id="same place without coordinates"),
    pytest.param({"location": Location("Sawakin", "SDN", 19.1059, 37.3321)}, id="a place 60 km away"),
    pytest.param({"location": Location("Bur Sudan", "SDN", 19.6175, 37.2164)}, id="another name, same point"),
    pytest.param({"date": "2025-03-13"}, id="a day earlier"),
    pytest.param({"date": None}, id="dated by the article"),
])
def test_compatible_reports_merge(store: Store, second: dict) -> None:
    store.write([report("a", {}, publisher="A"), report("b", second, publisher="B")])
    assert sizes(store) == [2]


def test_places_within_100_km_are_one_place_farther_are_not(store: Store) -> None:
    assert distance_km(CAIRO.lat, CAIRO.lon, GIZA.lat, GIZA.lon) < 10
    assert distance_km(CAIRO.lat, CAIRO.lon, ALEXANDRIA.lat, ALEXANDRIA.lon) > 100
    store.write([report("a", {"location": CAIRO}), report("b", {"location": GIZA}),
                 report("c", {"location": ALEXANDRIA})])
    assert sizes(store) == [1, 2]


def test_events_without_a_source_code_are_never_merged(store: Store) -> None:
    store.write([report("a", {"source": UNKNOWN}), report("b", {"source": UNKNOWN})])
    assert sizes(store) == [1, 1]


def test_undated_events_are_never_merged(store: Store) -> None:
    store.write([report("a", {"date": None}, published=None), report("b", {"date": None}, published=None)])
    assert sizes(store) == [1, 1]


def test_negated_events_form_their_own_flagged_clusters(store: Store) -> None:
    store.write([report("a", {}), report("b", {}), report("c", {"negated": True}), report("d", {"negated": True})])
    by_flag = {c["negated"]: c["n_mentions"] for c in clusters(store)}
    assert by_flag == {False: 2, True: 2}


def test_headline_and_lead_of_one_article_are_one_occurrence(store: Store) -> None:
    store.write([report("a", {"sentence_index": 0}, {"sentence_index": 1})])
    [cluster] = clusters(store)
    assert (cluster["n_mentions"], cluster["n_articles"]) == (2, 1)


@pytest.mark.parametrize("second", [
    pytest.param({"cameo": "193", "cameo_name": "Fight with small arms"}, id="another code"),
    pytest.param({"location": Location("Sawakin", "SDN", 19.1059, 37.3321)}, id="another place"),
])
def test_two_occurrences_in_one_article_stay_two(store: Store, second: dict) -> None:
    store.write([report("a", {}, second)])
    assert sizes(store) == [1, 1]


def test_an_article_s_second_occurrence_can_still_join_other_articles(store: Store) -> None:
    other = {"location": Location("Sawakin", "SDN", 19.1059, 37.3321), "cameo": "193"}
    store.write([report("a", {}), report("b", {}, other, publisher="B"), report("c", other, publisher="C")])
    assert sizes(store) == [2, 2]


def test_articles_without_publisher_count_as_one_unknown_source(store: Store) -> None:
    store.write([report("a", {}), report("b", {}), report("c", {}, publisher="Reuters")])
    [cluster] = clusters(store)
    assert (cluster["n_articles"], cluster["n_sources"]) == (3, 2)


def test_replacing_an_article_recounts_its_clusters_and_keeps_ids(store: Store) -> None:
    store.write([report("a", {}, publisher="A"), report("b", {}, publisher="B"), report("c", {}, publisher="C")])
    [before] = clusters(store)
    moved = report("b", {"location": NYALA}, publisher="B")
    moved = FakeResult("b", Article(id="b", text="Corrected.", published=dt.date(2025, 3, 14), publisher="B"),
                       moved.events, None)
    store.write([moved])
    after = {c["cluster_id"]: c for c in clusters(store)}
    assert after[before["cluster_id"]]["n_mentions"] == 2
    assert after[before["cluster_id"]]["n_sources"] == 2
    assert sorted(c["n_mentions"] for c in after.values()) == [1, 2]
    assert len(set(after)) == 2


def test_a_replaced_founder_that_moves_gets_a_new_cluster_id(store: Store) -> None:
    store.write([report("a", {}, publisher="A"), report("b", {}, publisher="B")])
    moved = FakeResult("a", Article(id="a", text="Corrected.", published=dt.date(2025, 3, 14)),
                       report("a", {"location": NYALA}).events, None)
    store.write([moved])
    ids = {c["cluster_id"]: c["n_mentions"] for c in clusters(store)}
    assert ids[cluster_id_for("a-0")] == 1  # the old cluster, now holding b's report only
    assert sorted(ids.values()) == [1, 1] and len(ids) == 2


def test_incremental_clustering_equals_a_rebuild(store: Store) -> None:
    batches = [
        [report("a", {}, publisher="A"), report("b", {"date": "2025-03-15"}, publisher="B")],
        [report("c", {"cameo": "112", "quad": 3}, publisher="C"), report("d", {"location": NYALA})],
        [report("e", {"date": "2025-03-13"}, {"negated": True}, publisher="A"), report("f", {"source": UNKNOWN})],
    ]
    for batch in batches:
        store.write(batch)
    incremental = clusters(store)
    mentions = store.cluster_mentions_table()
    assert store.recluster() == len(incremental)
    assert clusters(store) == incremental
    assert store.cluster_mentions_table().equals(mentions)


def test_recluster_with_a_wider_window_merges_and_keeps_the_setting(store: Store) -> None:
    store.write([report("a", {}), report("b", {"date": "2025-03-17"})])
    assert sizes(store) == [1, 1]
    store.recluster(window_days=3)
    assert sizes(store) == [2]
    assert store.cluster_window_days == 3
    store.write([report("c", {"date": "2025-03-16"})])
    assert sizes(store) == [3]


@pytest.mark.slow
def test_three_outlets_coded_by_the_real_coder(tmp_path: Path, coder) -> None:
    """Three outlets report one shelling; a fourth article reports two other attacks that day."""
    articles = [
        Article(id="wire-1", publisher="Nile Wire", published=dt.date(2025, 3, 11),
                text="Egyptian troops shelled rebels near Kassala on Monday, residents said."),
        Article(id="daily-7", publisher="Red Sea Daily", published=dt.date(2025, 3, 11),
                text="The Egyptian army shelled rebels near Kassala on Monday."),
        Article(id="post-3", publisher="Sahel Post", published=dt.date(2025, 3, 12),
                text="Egypt's military shelled rebel fighters outside Kassala on Monday, according to witnesses."),
        Article(id="desk-9", publisher="Sahel Post", published=dt.date(2025, 3, 11),
                text="Egyptian troops accused the rebels of looting on Monday. "
                     "Egyptian troops shelled rebels near Port Sudan on Monday."),
    ]
    db = tmp_path / "parley.duckdb"
    ingest(articles, db=db, coder=coder)
    with Store.open(db) as store:
        found = {(c["source_code"], c["target_code"], c["cameo"], c["location_name"]):
                 (c["n_mentions"], c["n_articles"], c["n_sources"]) for c in clusters(store)}
    # the rebels take the country of the place the sentence names (Kassala and Port Sudan are in Sudan)
    assert found[("EGYMIL", "SDNREB", "194", "Kassala")] == (3, 3, 3)
    assert found[("EGYMIL", "SDNREB", "194", "Port Sudan")] == (1, 1, 1)
    assert sum(1 for key in found if key[0] == "EGYMIL") == 3


# --- hierarchy, direction, granularity ------------------------------------------------------------------

CVL = ActorMention("protesters", 0, 10, "CVL", "Civilians", None, "CVL")
KENCVL = ActorMention("Kenyan protesters", 0, 17, "KENCVL", "Kenyan civilians", "KEN", "CVL")
KENGOV = ActorMention("the government", 20, 34, "KENGOV", "Kenyan government", "KEN", "GOV")
KENBUS = ActorMention("Kenyan traders", 0, 14, "KENBUS", "Kenyan business", "KEN", "BUS")
SDN_GUESS = Location("Sudan", "SDN", 15.5, 32.5, kind="country", basis="country")


@pytest.mark.parametrize("second", [
    pytest.param({"source": ActorMention("Sudan", 0, 5, "SDN", "Sudan", "SDN", None)}, id="country and its army"),
    pytest.param({"source": ActorMention("Sudanese police", 0, 15, "SDNCOP", "Sudanese police", "SDN", "COP")},
                 id="two organs of one state"),
    pytest.param({"target": None}, id="a report naming no target"),
    pytest.param({"cameo": "190", "source": REB, "target": SDNMIL}, id="a fight told from the other side"),
    pytest.param({"location": SDN_GUESS}, id="a country guessed from the actors"),
    pytest.param({"date": "2025-03-16", "date_basis": "published"}, id="a next-day report dated by its publication"),
])
def test_reports_of_one_event_at_other_granularity_merge(store: Store, second: dict) -> None:
    store.write([report("a", {}, publisher="A"), report("b", second, publisher="B")])
    assert sizes(store) == [2]


@pytest.mark.parametrize("second", [
    pytest.param({"cameo": "112", "cameo_name": "Accuse", "source": REB, "target": SDNMIL, "quad": 3},
                 id="an act with direction told the other way"),
    pytest.param({"date": "2025-03-17", "date_basis": "published"}, id="three days after, even by publication"),
    pytest.param({"source": KENBUS}, id="another sector of another country"),
    pytest.param({"modality": "demanded"}, id="demanded, not done"),
])
def test_near_misses_at_other_granularity_stay_apart(store: Store, second: dict) -> None:
    store.write([report("a", {}, publisher="A"), report("b", second, publisher="B")])
    assert sizes(store) == [1, 1]


def test_a_bare_sector_fits_that_sector_of_a_country_but_not_another(store: Store) -> None:
    protest = dict(cameo="141", cameo_name="Demonstrate or rally", quad=4, goldstein=-6.5, location=None,
                   target=KENGOV)
    store.write([report("a", dict(protest, source=KENCVL), publisher="A"),
                 report("b", dict(protest, source=CVL), publisher="B"),
                 report("c", dict(protest, source=KENBUS), publisher="C")])
    assert sizes(store) == [1, 2]


def test_a_cluster_founded_without_a_target_takes_the_first_and_keeps_others_out(store: Store) -> None:
    store.write([report("a", {"target": None}, publisher="A")])
    store.write([report("b", {}, publisher="B")])
    store.write([report("c", {"target": ActorMention("Chadian troops", 25, 39, "TCDMIL", "Chadian military",
                                                     "TCD", "MIL")}, publisher="C")])
    assert sizes(store) == [1, 2]


def test_a_report_joins_the_cluster_of_its_own_code_before_one_with_equal_actor_codes(store: Store) -> None:
    japan_gov = ActorMention("Japan", 0, 5, "JPNGOV", "Japan", "JPN", "GOV")
    manila_gov = ActorMention("Manila", 10, 16, "PHLGOV", "Philippines", "PHL", "GOV")
    japan = ActorMention("Japan", 0, 5, "JPN", "Japan", "JPN", None)
    manila = ActorMention("Manila", 10, 16, "PHL", "Philippines", "PHL", None)
    sign = {"cameo": "057", "cameo_name": "Sign formal agreement", "quad": 1, "goldstein": 8.0, "location": None}
    cooperate = {"cameo": "050", "cameo_name": "Engage in diplomatic cooperation", "quad": 1, "goldstein": 3.5,
                 "location": None}
    store.write([report("a", {**sign, "source": japan, "target": manila}, publisher="A")])
    # one article tells the signing and, in another sentence, the closer ties: two events of root 05
    store.write([report("b", {**sign, "source": japan_gov, "target": manila_gov},
                        {**cooperate, "source": japan_gov, "target": manila_gov}, publisher="B")])
    store.write([report("c", {**sign, "source": japan_gov, "target": manila_gov, "date": None}, publisher="C",
                        published=dt.date(2025, 3, 15))])
    rows = store.con.execute("SELECT m.cluster_id, e.article_id FROM cluster_mentions m "
                             "JOIN events e ON e.event_id = m.event_id").fetchall()
    by_cluster: dict[str, set[str]] = {}
    for cluster_id, article_id in rows:
        by_cluster.setdefault(cluster_id, set()).add(article_id)
    assert sorted(map(sorted, by_cluster.values())) == [["a", "b", "c"], ["b"]]
