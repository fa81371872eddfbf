"""The coder's Python API: bad input, batches, long articles, stable ids and faithful offsets."""

from __future__ import annotations

import datetime as dt

import pytest

import parley
from parley.coder import Coder, CodingResult
from parley.errors import InputError
from parley.types import Article, Event

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2025, 3, 14)

ARTICLE = (
    "CAIRO — Egypt’s foreign minister, Badr Abdelatty, met Qatar’s prime minister in Cairo on Thursday. "
    "He later criticized Israel.\n\n"
    "“Hamas has rejected every offer,” an Israeli official told the Post. "
    "Iran and Saudi Arabia met in Baghdad, according to Reuters.\n\n"
    "Russia’s attack on Ukraine continued. Israel did not bomb Lebanon, officials said."
)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def dyads(events: list[Event]) -> list[tuple]:
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in events]


def assert_offsets_point_at_their_text(text: str, events: list[Event]) -> None:
    for event in events:
        spans = [("trigger", event.trigger), ("source", event.source), ("evidence", event.evidence)]
        if event.target is not None:
            spans.append(("target", event.target))
        if event.object is not None:
            spans.append(("object", event.object))
        for name, span in spans:
            assert text[span.start:span.end] == span.text, (event.event_id, name, span)


# ---------------------------------------------------------------- bad input, one text

@pytest.mark.parametrize(("text", "problem"), [
    ("", "empty"),
    ("   \n\t  \n", "empty"),
    (123, "must be a string"),
    (None, "must be a string"),
    (b"Egypt met Qatar in Cairo.", "must be a string"),
    ("Egypt met Qatar\x00\x00 in Cairo.", "NUL"),
])
def test_bad_text_is_an_input_error_naming_the_article(coder, text, problem):
    with pytest.raises(InputError) as info:
        coder.code(text, published=PUBLISHED, article_id="cairo-7")
    assert info.value.article_id == "cairo-7"
    assert "'cairo-7'" in str(info.value)
    assert problem in str(info.value)


def test_article_over_max_chars_is_refused_with_the_limit(coder):
    small = Coder(nlp=coder.nlp, max_chars=100)
    text = "Egypt met Qatar in Cairo on Thursday. " * 5
    with pytest.raises(InputError) as info:
        small.code(text, published=PUBLISHED, article_id="long-1")
    message = str(info.value)
    assert info.value.article_id == "long-1"
    assert "'long-1'" in message and "too long" in message and "100" in message and f"{len(text)}" in message


def test_article_at_max_chars_is_coded(coder):
    text = "Egypt met Qatar in Cairo."
    small = Coder(nlp=coder.nlp, max_chars=len(text))
    assert dyads(small.code(text, published=PUBLISHED)) == [("EGY", "040", "QAT")]


@pytest.mark.parametrize("published", ["not a date", "2025-13-45", 42, 3.5, ["2025-03-14"]])
def test_published_that_is_not_a_date_is_an_input_error(coder, published):
    with pytest.raises(InputError) as info:
        coder.code("Egypt met Qatar in Cairo.", published=published, article_id="cairo-8")
    assert info.value.article_id == "cairo-8"
    assert "published" in str(info.value) and "'cairo-8'" in str(info.value)


@pytest.mark.parametrize("published", [dt.date(2025, 3, 14), "2025-03-14", dt.datetime(2025, 3, 14, 18, 30)])
def test_published_as_date_string_or_datetime(coder, published):
    events = coder.code("Egypt met Qatar in Cairo.", published=published)
    assert [(e.date, e.date_basis) for e in events] == [("2025-03-14", "published")]


# ---------------------------------------------------------------- batches

def test_bad_article_in_a_batch_is_reported_and_the_rest_coded_in_order(coder):
    articles = [
        Article("good-1", "Egypt met Qatar in Cairo.", published=PUBLISHED),
        Article("empty-1", "  ", published=PUBLISHED),
        Article("good-2", "Jordan praised Egypt.", published=PUBLISHED),
        Article("binary-1", "Jordan\x00praised Egypt.", published=PUBLISHED),
        Article("none-1", None, published=PUBLISHED),  # type: ignore[arg-type]
        Article("good-3", "Turkey condemned Sweden.", published=PUBLISHED),
    ]
    results = list(coder.code_articles(articles))
    assert all(isinstance(r, CodingResult) for r in results)
    assert [r.article_id for r in results] == ["good-1", "empty-1", "good-2", "binary-1", "none-1", "good-3"]
    assert [type(r.error).__name__ if r.error else None for r in results] == \
        [None, "InputError", None, "InputError", "InputError", None]
    for result in results:
        if result.error is not None:
            assert result.events == []
            assert result.error.article_id == result.article_id
            assert repr(result.article_id) in str(result.error)
    assert [dyads(r.events) for r in results if r.error is None] == \
        [[("EGY", "040", "QAT")], [("JOR", "051", "EGY")], [("TUR", "111", "SWE")]]
    assert [e.article_id for r in results for e in r.events] == ["good-1", "good-2", "good-3"]


def test_reader_error_in_a_batch_passes_through_in_order(coder):
    items = [
        Article("good-1", "Egypt met Qatar in Cairo.", published=PUBLISHED),
        InputError("not valid JSON", source="news.jsonl", line=2),
        Article("good-2", "Jordan praised Egypt.", published=PUBLISHED),
    ]
    results = list(coder.code_articles(items))
    assert [(r.article_id, r.error is items[1], len(r.events)) for r in results] == \
        [("good-1", False, 1), (None, True, 0), ("good-2", False, 1)]


def test_too_long_article_in_a_batch_does_not_stop_it(coder):
    small = Coder(nlp=coder.nlp, max_chars=60)
    articles = [
        Article("long-1", "Egypt met Qatar in Cairo. " * 5, published=PUBLISHED),
        Article("good-1", "Jordan praised Egypt.", published=PUBLISHED),
    ]
    results = list(small.code_articles(articles))
    assert [(r.article_id, type(r.error).__name__ if r.error else None, dyads(r.events)) for r in results] == \
        [("long-1", "InputError", []), ("good-1", None, [("JOR", "051", "EGY")])]


# ---------------------------------------------------------------- long articles

def test_long_article_is_coded_in_pieces_with_article_offsets(coder):
    paragraph = ("Egypt’s foreign minister met Qatar’s prime minister in Cairo on Thursday. "
                 "Jordan praised Egypt.\n\n"
                 "Iran and Saudi Arabia met in Baghdad. Hamas rejected the offer, Egyptian officials said.\n\n")
    repeats = 250_000 // len(paragraph) + 1
    text = paragraph * repeats
    assert len(text) > 250_000
    events = coder.code(text, published=PUBLISHED, article_id="long")
    per_paragraph = [("EGYGOV", "040", "QATGOV"), ("JOR", "051", "EGY"), ("IRN", "040", "SAU"),
                     ("SAU", "040", "IRN"), ("PSEREB", "125", None)]
    assert dyads(events) == per_paragraph * repeats
    assert_offsets_point_at_their_text(text, events)
    assert events[-1].trigger.start > 240_000
    assert events[-1].sentence_index == 4 * repeats - 1
    assert len({e.event_id for e in events}) == len(events)


# ---------------------------------------------------------------- ids and offsets

def test_event_ids_are_stable_across_runs(coder):
    first = coder.code(ARTICLE, published=PUBLISHED, article_id="cairo-1")
    second = coder.code(ARTICLE, published=PUBLISHED, article_id="cairo-1")
    again = Coder(nlp=coder.nlp).code(ARTICLE, published=PUBLISHED, article_id="cairo-1")
    assert first
    assert [e.event_id for e in first] == [e.event_id for e in second] == [e.event_id for e in again]
    assert first == second


def test_event_ids_are_unique_and_differ_between_articles(coder):
    one = coder.code(ARTICLE, published=PUBLISHED, article_id="cairo-1")
    two = coder.code(ARTICLE, published=PUBLISHED, article_id="cairo-2")
    assert len({e.event_id for e in one}) == len(one)
    assert not {e.event_id for e in one} & {e.event_id for e in two}


def test_article_is_coded_exactly(coder):
    events = coder.code(ARTICLE, published=PUBLISHED, article_id="cairo-1")
    assert [(e.trigger.text, e.source.code, e.cameo, e.target.code if e.target else None, e.negated)
            for e in events] == [
        ("met", "EGYGOV", "040", "QATGOV", False),
        ("criticized", "EGYGOV", "111", "ISR", False),    # "He": the foreign minister, the previous subject
        ("rejected", "PSEREB", "125", None, False),
        ("met", "IRN", "040", "SAU", False),
        ("met", "SAU", "040", "IRN", False),
        ("attack", "RUS", "190", "UKR", False),
        ("bomb", "ISR", "195", "LBN", True),
    ]


def test_every_offset_points_at_its_text(coder):
    events = coder.code(ARTICLE, published=PUBLISHED, article_id="cairo-1")
    assert len(events) >= 5
    assert_offsets_point_at_their_text(ARTICLE, events)


def test_evidence_spans_source_trigger_and_target(coder):
    text = "On Thursday, Jordan warmly praised Egypt for its efforts."
    events = coder.code(text, published=PUBLISHED)
    assert dyads(events) == [("JOR", "051", "EGY")]
    evidence = events[0].evidence
    assert (evidence.text, evidence.start, evidence.end) == ("Jordan warmly praised Egypt", 13, 40)


def test_events_come_in_text_order(coder):
    events = coder.code(ARTICLE, published=PUBLISHED, article_id="cairo-1")
    assert [e.sentence_index for e in events] == sorted(e.sentence_index for e in events)


# ---------------------------------------------------------------- API surface

def test_parley_code_returns_events():
    events = parley.code("Qatar and Egypt met in Cairo on Monday.", published="2025-03-14")
    assert all(isinstance(e, Event) for e in events)
    assert [(e.source.code, e.cameo, e.target.code, e.date, e.date_basis, e.location.name) for e in events] == [
        ("QAT", "040", "EGY", "2025-03-10", "text", "Cairo"),
        ("EGY", "040", "QAT", "2025-03-10", "text", "Cairo"),
    ]


def test_parley_code_rejects_bad_input_with_input_error():
    with pytest.raises(parley.InputError):
        parley.code("", published="2025-03-14")


def test_event_to_dict_is_plain_data(coder):
    event = coder.code("Jordan praised Egypt.", published=PUBLISHED)[0]
    data = event.to_dict()
    assert data["cameo"] == "051" and data["source"]["code"] == "JOR" and data["target"]["code"] == "EGY"
    assert data["attribution"] == {"speaker": None, "cue": None, "reported_by": (), "hedged": False,
                                   "quoted": False}


def test_an_internal_failure_is_a_coding_error_not_bad_input(coder: Coder, monkeypatch: pytest.MonkeyPatch):
    import parley.coding.to_events as to_events_module
    from parley.errors import CodingError

    real = to_events_module.to_events

    def broken(doc, article, resources, **kwargs):
        if article.id == "bad":
            raise KeyError("no such slot")
        return real(doc, article, resources, **kwargs)

    monkeypatch.setattr(to_events_module, "to_events", broken)
    articles = [Article(id="bad", text="Chile recalled its ambassador.", published=PUBLISHED),
                Article(id="good", text="Peru recalled its ambassador.", published=PUBLISHED)]
    results = list(coder.code_articles(articles))
    assert [r.article_id for r in results] == ["bad", "good"]
    error = results[0].error
    assert isinstance(error, CodingError) and not isinstance(error, InputError)
    assert error.article_id == "bad" and error.step == "coding"
    assert isinstance(error.__cause__, KeyError) and "KeyError" in str(error)
    assert results[1].error is None and results[1].events


def test_a_pipeline_of_ones_own_gets_the_repairs(coder: Coder):
    import spacy

    from parley.coder import MODEL

    nlp = spacy.load(MODEL)
    own = Coder(nlp=nlp)
    assert own.nlp is nlp
    assert nlp.pipe_names[-1] == "parley_repairs"
    assert nlp.pipe_names.index("parley_paragraphs") < nlp.pipe_names.index("parser")
    # the repair is on the Doc itself: the model's lemma "hop" for "hoped" is mended
    doc = nlp("The minister hoped the talks would resume.")
    assert [t.lemma_ for t in doc if t.text == "hoped"] == ["hope"]
    text = "Peru hoped Chile would return its ambassador."
    assert dyads(own.code(text, published=PUBLISHED)) == dyads(coder.code(text, published=PUBLISHED))


def test_code_dyads_of_one_text_agree_with_one_dyad_at_a_time(coder: Coder):
    text = "Peru recalled its ambassador from Chile after Chile expelled two Peruvian diplomats."
    peru, chile = (0, 4), (34, 39)
    both = coder.code_dyads(text, [(peru, chile), (chile, None)], published=PUBLISHED)
    one_by_one = [coder.code_dyad(text, source=peru, target=chile, published=PUBLISHED),
                  coder.code_dyad(text, source=chile, target=None, published=PUBLISHED)]
    assert both == one_by_one and both[0] is not None and both[0].source.text == "Peru"
