"""The fast attribute ruler and lemmatizer give every token exactly what spaCy's own components give."""

from __future__ import annotations

import pytest
import spacy

from parley.coder import MODEL
from parley.coding.fastpipe import ParleyAttributeRuler, ParleyLemmatizer, use_fast_components

TEXTS = [
    # news prose: names, numbers, passives, quotes, a dateline and line breaks
    "NAIROBI, March 3 - Kenya's foreign ministry said on Tuesday it had summoned the envoys of two neighbours\n\n"
    "after troops were seen crossing the border near Moyale. \"We won't accept this,\" the minister told reporters.",
    "The rebels, who had earlier rejected a 30-day truce, are said to be weighing a shorter one; talks resume in Doha.",
    # forms the tag map and the ruler's special patterns handle: contractions, "gonna", "y'all", "let's", "ain't",
    # an expletive "there is", spaces and odd white space
    "They're gonna walk out, y'all know it. Let's see: there is no deal, and there were no talks.  It ain't over.",
    "C'mon,   we gotta    go!\t\tHe's got to sign it; she'd've signed it yesterday.\n \n",
    # comparatives, past participles, proper nouns in the plural, hyphenated words, abbreviations
    "The Philippines and the Netherlands signed better, broader and longer-lasting accords than the U.S. did in 2019.",
    "Protesters were beaten, detained and later freed; the ministers' meetings were held behind closed doors.",
    "",
]


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(MODEL)
    return stock, use_fast_components(spacy.load(MODEL))


def _attrs(doc):
    return [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in doc]


def test_the_components_are_swapped_in_place(pipelines):
    stock, fast = pipelines
    assert fast.pipe_names == stock.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), ParleyAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), ParleyLemmatizer)
    assert fast.get_pipe("attribute_ruler").indexed


@pytest.mark.parametrize("text", TEXTS)
def test_same_attributes_as_spacy(pipelines, text):
    stock, fast = pipelines
    assert _attrs(fast(text)) == _attrs(stock(text))


def test_same_attributes_through_pipe(pipelines):
    stock, fast = pipelines
    assert [_attrs(d) for d in fast.pipe(TEXTS, batch_size=2)] == [_attrs(d) for d in stock.pipe(TEXTS, batch_size=2)]


def test_same_attributes_twice(pipelines):
    """The second time a form is seen it comes from the memo; it must be the same."""
    stock, fast = pipelines
    text = TEXTS[1] + " " + TEXTS[1]
    assert _attrs(fast(text)) == _attrs(stock(text))


def test_patterns_added_later_are_used(pipelines):
    stock, fast = pipelines
    fresh_stock, fresh_fast = spacy.load(MODEL), use_fast_components(spacy.load(MODEL))
    for nlp in (fresh_stock, fresh_fast):
        nlp.get_pipe("attribute_ruler").add([[{"LOWER": "truce"}]], {"LEMMA": "ceasefire"})
    text = "The truce held."
    assert _attrs(fresh_fast(text)) == _attrs(fresh_stock(text))
    assert fresh_fast(text)[1].lemma_ == "ceasefire"


def test_patterns_it_cannot_index_fall_back_to_spacy():
    stock, fast = spacy.load(MODEL), use_fast_components(spacy.load(MODEL))
    for nlp in (stock, fast):
        # a quantifier and a length test: not in the index
        nlp.get_pipe("attribute_ruler").add([[{"LOWER": "talks"}, {"IS_PUNCT": True, "OP": "?"}]], {"LEMMA": "talk"})
    ruler = fast.get_pipe("attribute_ruler")
    assert not ruler.indexed
    text = "The talks, which began on Monday, ended."
    assert _attrs(fast(text)) == _attrs(stock(text))


def test_other_lemmatizers_are_left_alone():
    lookup = spacy.blank("en")
    lookup.add_pipe("lemmatizer", config={"mode": "lookup"})
    german = spacy.blank("de")
    german.add_pipe("lemmatizer", config={"mode": "rule"})
    for nlp in (lookup, german):
        before = nlp.get_pipe("lemmatizer")
        use_fast_components(nlp)
        assert nlp.get_pipe("lemmatizer") is before


def test_swapping_twice_changes_nothing(pipelines):
    _, fast = pipelines
    ruler, lemmatizer = fast.get_pipe("attribute_ruler"), fast.get_pipe("lemmatizer")
    use_fast_components(fast)
    assert fast.get_pipe("attribute_ruler") is ruler and fast.get_pipe("lemmatizer") is lemmatizer
