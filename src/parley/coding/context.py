"""When and where: the date and place phrases of a sentence, attached to the predicates they modify."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from parley.coding.cues import Cues
from parley.coding.syntax import DEAL_MAKING_VERBS, DEAL_NOUNS, MEETING_NOUNS
from parley.dates import CALENDAR_WORDS, ResolvedDate, count_of, resolve_date, resolve_from, story_relative
from parley.types import ActorMention, Article, Event

_PAST_AUX = frozenset({"had", "has", "have", "'ve", "did", "was", "were"})
# A TIME entity that names a day: "Monday night", "last night", "this morning", "early on Tuesday".
_DAY_TIME = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight"
                       r"|tomorrow|last night|this (?:morning|afternoon|evening))\b", re.IGNORECASE)
_BOUND_PREPS = frozenset({"until", "till", "by", "before", "after", "ahead"})   # "since January" dates a start
# Paragraph dates carry only within the news of the days before publication, not background history.
_NARRATIVE_WINDOW = datetime.timedelta(days=10)
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# "in the Gaza Strip city", "near the Kassala camp": a place named as a modifier of a place noun only.
_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "border",
                          "capital", "coast", "area", "camp", "port", "county", "governorate", "valley",
                          "strip", "neighborhood", "neighbourhood", "suburb", "island", "territory"})


# Parts of a place: "on the outskirts of Nabatieh", "in the centre of Lyon", "in the north of the country".
PLACE_PARTS = frozenset({"outskirts", "outskirt", "edge", "edges", "centre", "center", "heart", "north", "south",
                         "east", "west", "northeast", "northwest", "southeast", "southwest", "part", "parts",
                         "suburbs", "streets", "street", "outside", "vicinity"})
#: The label of a place phrase the entity recogniser missed, kept only when the gazetteer knows a town or region.
GUESSED_PLACE = "PLACE_GUESS"


class Attachments:
    """Temporal and locative expressions of a sentence, keyed by the predicate they attach to."""

    def __init__(self, sent: Span, ents: list[Span], cues: Cues) -> None:
        self.sent = sent
        self.cues = cues
        self.dates: dict[int, list[Span]] = {}
        self.loose_dates: list[Span] = []   # date phrases with no predicate above them
        self.places: dict[int, list[Span]] = {}
        self.guesses: list[Span] = []   # proper nouns after a locative preposition that no entity covers
        for ent in ents:
            if _is_date(ent):
                ent = _date_part(ent)
                if _start_of_what(ent):
                    continue   # ("a 14 percent rise from January": when what is asked would start)
                host = _host_predicate(ent.root)
                if host is not None:
                    self.dates.setdefault(host.i, []).append(ent)
                else:
                    self.loose_dates.append(ent)
            elif ent.label_ in _PLACE_TYPES:
                self._add_place(ent)
        # a town the entity recogniser missed ("struck the port in Odesa"): a proper noun after a locative
        # preposition, kept as a guess that only a town or region of the gazetteer confirms
        inside = {i for ent in ents for i in range(ent.start, ent.end) if ent.label_ in _PLACE_TYPES}
        for token in sent:
            if token.pos_ == "PROPN" and token.dep_ == "pobj" and token.i not in inside \
                    and token.head.lower_ in cues.locative_preps and token.text[:1].isupper() \
                    and token.ent_type_ not in ("DATE", "TIME") and token.lower_ not in CALENDAR_WORDS:
                start = token.i
                while start > sent.start and token.doc[start - 1].dep_ == "compound" \
                        and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].head.i == token.i:
                    start -= 1
                guess = Span(token.doc, start, token.i + 1, label=GUESSED_PLACE)
                self.guesses.append(guess)
                self._add_place(guess)
            elif token.lower_ == "capital" and token.dep_ == "pobj" and token.head.lower_ in cues.locative_preps:
                # "in the Jordanian capital", "in the Georgian capital": the gazetteer knows whose capital
                whose = next((c for c in token.children if c.i < token.i and c.dep_ in ("amod", "compound")
                              and c.ent_type_ in ("NORP", "GPE")), None)
                if whose is not None:
                    guess = Span(token.doc, whose.i, token.i + 1, label=GUESSED_PLACE)
                    self.guesses.append(guess)
                    self._add_place(guess)

    def _add_place(self, ent: Span) -> None:
        """File a place phrase under the predicate of its locative phrase: "in Cairo", "in the Idlib
        province", "on the outskirts of Nabatieh" (a part of a place after "on" or a locative preposition)."""
        root = ent.root
        locative = self.cues.locative_preps
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_PARTS \
                and root.head.head.dep_ == "pobj" and root.head.head.head.lower_ in locative | {"on"}:
            root = root.head.head
        if root.dep_ == "pobj" and root.head.lower_ in locative:
            self.places.setdefault(root.head.head.i, []).append(ent)
        elif root.dep_ == "compound" and root.head.dep_ == "pobj" and \
                root.head.head.lower_ in locative and root.head.lemma_.lower() in _PLACE_NOUNS:
            self.places.setdefault(root.head.head.head.i, []).append(ent)

    def all_dates(self) -> list[Span]:
        return [ent for ents in self.dates.values() for ent in ents] + self.loose_dates


def _is_date(ent: Span) -> bool:
    """A DATE entity, or a TIME entity that names a day ("Monday night", "last night", "this morning"); not a
    deadline or bound ("until Thursday", "by Friday", "after Monday's vote"), which is not when the act happened."""
    if ent.label_ != "DATE" and (ent.label_ != "TIME" or _DAY_TIME.search(ent.text) is None):
        return False
    root = ent.root
    return not (root.dep_ == "pobj" and root.head.lower_ in _BOUND_PREPS)


_MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})


def _date_part(ent: Span) -> Span:
    """A date entity cut before a verb the recogniser ran on into ("on Tuesday, ending years of wrangling"
    read as one date): the date, whose root is then the day, not the verb."""
    for token in ent[1:]:
        if token.pos_ in ("VERB", "AUX"):
            end = token.i
            while end > ent.start + 1 and ent.doc[end - 1].is_punct:
                end -= 1   # "Tuesday, ending": without the comma ("November 15, 2017" keeps its year)
            return Span(ent.doc, ent.start, end, label=ent.label_)
        if token.text == "," and token.i + 1 < ent.end and ent.doc[token.i + 1].like_num \
                and not re.fullmatch(r"(?:1[89]|2\d)\d\d", ent.doc[token.i + 1].text) \
                and not (token.i + 2 < len(ent.doc) and ent.doc[token.i + 2].lower_[:3] in _MONTH_ABBREVIATIONS):
            # "on Sunday, 17 days after it was called home": the day, not the span that follows it
            return Span(ent.doc, ent.start, token.i, label=ent.label_)
    return ent


def _modifies_noun(ent: Span) -> bool:
    """ "the November 27 agreement", "Tuesday's vote": a date that dates a thing, not a predicate."""
    root = ent.root
    return root.dep_ in ("compound", "poss", "nmod", "amod", "nummod") and root.head.pos_ in ("NOUN", "PROPN")


def _dates_an_argument(ent: Span) -> bool:
    """ "the 2019 winner criticised", "criticised the 2019 budget": a date inside the subject or the object,
    which dates that thing; not one inside a phrase of time or circumstance ("on Saturday morning", "at
    Tuesday's hearing", "in the November 27 deal"), which dates the act."""
    head = ent.root.head
    if head.dep_ == "prep" and head.lower_ in _SPAN_PREPS and head.head.dep_ in ("dobj", "nsubjpass", "attr") \
            and head.head.pos_ == "NOUN":
        return True   # "offered a 10 percent rise from January": when the rise starts, not when it was offered
    argument = head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos", "conj") or (
        head.dep_ == "pobj" and head.head.lower_ in _ARGUMENT_PREPS)   # "called for the 2003 line"
    return _modifies_noun(ent) and argument and head.lemma_.lower() not in _TIME_NOUNS


_TIME_NOUNS = frozenset({"morning", "afternoon", "evening", "night", "day", "week", "weekend"})
_SPAN_PREPS = frozenset({"from", "until", "till", "through"})   # the span of a thing: "a rise from January"
_ARGUMENT_PREPS = frozenset({"for", "of", "against", "about", "over", "with"})


def _host_predicate(token: Token) -> Token | None:
    """The nearest verb above `token` (at most six arcs up): the predicate a date phrase modifies."""
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.i != token.i:
            return t
        if t.head.i == t.i:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
    return None


def event_date(hosts: list[Token], attachments: Attachments, article: Article,
               modality: str | None = None, *, lead: bool = True) -> tuple[str | None, str | None, str]:
    """The date of an event, as (ISO date, precision, basis).

    In order (the first that resolves against the publication date wins; see docs/schema.md, `date_basis`):

    - "text": a date phrase of the event's own predicate (its trigger, head or anchor), or of an event noun;
    - "sentence": a date phrase of a predicate that governs the event's clause ("On Monday police arrested X
      and charged Y"), the nearest up the tree; never across a speech verb into a reported past act ("said on
      Friday that the army had shelled the town": not Friday), never from a clause of time or a relative
      clause; else a date phrase of the sentence that hangs on no predicate;
    - "paragraph": the narrative date of the paragraph (see `_narrative_dates`), for a past act whose sentence
      has no date phrase of its own;
    - "lead": for such an act in a later paragraph that has no narrative date of its own (yet), the narrative
      date the article's lead paragraph ends with: news opens with the day of its story (not in a round-up);
    - "occasion": the act took place at an occasion the article named and dated earlier ("During the debate,
      X accused Y" after "a debate in Leeds on Tuesday"; "at the hearing" after "a hearing was held on
      February 20"): the occasion's date (`occasion_nouns` in cues.yaml);
    - "title": in a round-up whose title names a month that ended before publication ("..., October 2020"),
      that month (month precision), for an actual act;
    - "published": the article's publication date; "none" when there is none.

    Args:
        hosts: the event's trigger, head and anchor.
        attachments: the date and place phrases of the event's sentence.
        article: the article, for its publication date.
        modality: the event's modality ("future" ... ); only an actual act takes the paragraph's date.
        lead: whether the lead's date may date the act (not a verbal act: see policy.yaml, `verbal`).
    """
    published = article.published
    found = _clause_date(hosts, attachments, published)
    if found is not None and modality is None and published is not None and found[0].date > published:
        found = None   # "tabled an extension to 2029": an act told as done is not dated after the report
    if found is not None:
        resolved, basis = found
        day = resolved.date
        if modality in _AHEAD and published is not None and resolved.precision == "month" \
                and day.year == published.year - 1 and not _YEAR.search(_date_words(hosts, attachments, day)):
            # "will meet in September", written in May: the coming September, not the last one
            day = day.replace(year=published.year)
        elif modality == "future" and basis == "text" and published is not None and resolved.precision == "day" \
                and day < published \
                and _WEEKDAY.search(words := _date_words(hosts, attachments, day)) and not _YEAR.search(words):
            # "are due to meet again on Thursday", written on a Tuesday: the coming Thursday
            day += datetime.timedelta(days=7)
        return day.isoformat(), resolved.precision, basis
    earlier = _told_as_before(hosts[-1], attachments, published)
    if earlier is not None:
        return earlier.isoformat(), "day", "sentence"
    occasion = _occasion_date(hosts, attachments.cues, published)
    if occasion is not None:
        return occasion.date.isoformat(), occasion.precision, "occasion"
    period = roundup_month(article.title, published)
    if modality is None and published is not None and any(_past(t) for t in hosts[1:]) \
            and not any(repeated(t) for t in hosts) \
            and not any(resolve_in_story(ent, published) for ent in attachments.all_dates()):
        carried = _narrative_dates(attachments.sent.doc, published, attachments.cues).get(attachments.sent.start)
        if carried is not None and (lead and period is None or carried[1] != "lead"):
            narrative, basis = carried
            return narrative.date.isoformat(), narrative.precision, basis
    if period is not None and modality is None:
        return period.isoformat(), "month", "title"
    if published is not None:
        return published.isoformat(), "day", "published"
    return None, None, "none"


_SPAN_DAYS = {"day": 1, "week": 7}


def _told_as_before(verb: Token, attachments: Attachments, published: datetime.date | None) -> datetime.date | None:
    """ "signed a deal on Wednesday, a week after talks resumed": the act of a clause set a number of days or
    weeks before its governing act, which the text dates to the day; None otherwise."""
    after = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "after"), None)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "after" and verb.head.dep_ == "prep":
        # "signed a truce on Wednesday, two days after returning to the table": the gerund of "after"
        after, verb = verb.head, verb.head
    elif verb.dep_ != "advcl" or after is None:
        return None
    # "a week after talks resumed": the span hangs on the verb, or on "after" ("two days after the
    # negotiators took their seats again")
    span = next((c for c in (*verb.children, *after.children, *verb.head.children) if c.dep_ == "npadvmod"
                 and c.lemma_.lower() in _SPAN_DAYS and (c.head.i != verb.head.i or 0 < after.i - c.i <= 2)), None)
    if span is None:
        return None
    count = next((c for c in span.children if c.dep_ in ("nummod", "det")), None)
    if count is None:
        return None
    n = count_of(count.text)
    if n is None:
        return None
    governor = verb.head
    found = _clause_date([governor, governor, governor], attachments, published)
    if found is None and governor.dep_ == "ccomp":   # "said on Thursday that a deal was close, two days after"
        found = _clause_date([governor.head] * 3, attachments, published)
    if found is None or found[0].precision != "day":
        return None
    return found[0].date - datetime.timedelta(days=n * _SPAN_DAYS[span.lemma_.lower()])


# Modalities of acts still to come, whose bare month names the next such month.
_AHEAD = frozenset({"future", "intent", "promised", "proposed", "threatened"})
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b|\blast\b|\bago\b|\bprevious\b", re.IGNORECASE)


def _date_words(hosts: list[Token], attachments: Attachments, day: datetime.date) -> str:
    """The words of the date phrases at the event's hosts (to see whether a month came with its year)."""
    return " ".join(ent.text for host in hosts for ent in attachments.dates.get(host.i, ())) or " ".join(
        ent.text for ent in attachments.all_dates())


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_TITLE_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def roundup_month(title: str | None, published: datetime.date | None) -> datetime.date | None:
    """The first day of the month a round-up's title names ("On the campaign trail, October 2020"), when that
    month ended before publication: its acts without a date of their own happened in that month, not on the
    day the round-up came out."""
    if not title or published is None:
        return None
    found = _TITLE_MONTH.findall(title)
    if len(found) != 1:
        return None
    month, year = _MONTHS.index(found[0][0].lower()) + 1, int(found[0][1])
    first = datetime.date(year, month, 1)
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first if next_month <= published else None


REPEAT_WORDS = frozenset({"again", "anew", "afresh"})


def repeated(token: Token) -> bool:
    """ "bombed the town again", "met anew": an act done once more is not the one dated before."""
    return any(c.dep_ == "advmod" and c.lower_ in REPEAT_WORDS for c in token.children)


def share_dates(events: list[Event], text: str) -> list[Event]:
    """The same act told twice in an article takes the date one telling gives it ("The Senate censured the
    minister on Tuesday. ... When the Senate censured the minister, ..."): an event dated only by the
    narrative, the lead, a round-up's title or the publication date takes the date of an event of the same
    code, trigger word and source, and a target that may be the same, dated from the text (basis "sentence"
    or "text"), unless it is done again ("again", "anew") or such events disagree. A telling by "another" of the
    source's kind ("another judge sentenced him") is no telling of the same act, and a day the event's own
    paragraph gave it is replaced only by an earlier telling's. Its basis becomes "same_act"."""
    dated: dict[tuple, list[tuple[ActorMention | None, str | None, str | None, int]]] = {}
    for e in events:
        if e.date_basis in ("text", "sentence") and not e.negated and e.modality is None \
                and not _another(e.source):
            dated.setdefault(_act_key(e), []).append((e.target, e.date, e.date_precision, e.trigger.start))
    if not dated:
        return events
    out = []
    for e in events:
        if e.date_basis in ("paragraph", "lead", "title", "published") and not e.negated and e.modality is None \
                and _act_key(e) in dated and not _told_again(e, text):
            # a day its own paragraph gave the act is replaced only by a telling before it: one told later with
            # a day of its own is more often another such act ("sentenced on Wednesday ... In last week's case,
            # another judge sentenced him")
            found = {(date, precision) for target, date, precision, start in dated[_act_key(e)]
                     if _same_target(target, e.target)
                     and (e.date_basis != "paragraph" or start < e.trigger.start)}
            if len(found) == 1:
                date, precision = found.pop()
                e = replace(e, date=date, date_precision=precision, date_basis="same_act")
        out.append(e)
    return out


# The endings a noun that retells an act adds to its verb ("recall", "withdrawal", "suspension", "walkout").
_RETELLING_ENDINGS = ("al", "ion", "sion", "tion", "ation", "ment", "ure")
_RETELLING_DETERMINERS = frozenset({"the", "this", "that"})
_UNDATED_BASES = frozenset({"paragraph", "lead", "published"})


def dated_by_retelling(events: list[Event], doc: Doc, article: Article, cues: Cues,
                       char_offset: int = 0) -> list[Event]:
    """An act told without a date of its own ("Sudan has recalled its negotiators from the talks") takes the
    date of one of the next two sentences that retells it with a definite noun of its own word as subject
    ("The recall was announced on Thursday", "The walkout came on Monday"). Its basis becomes "same_act"."""
    published = article.published
    if published is None:
        return events
    sentences = list(doc.sents)
    index = {s.start: n for n, s in enumerate(sentences)}
    out = []
    for e in events:
        if e.date_basis in _UNDATED_BASES and not e.negated and (
                e.modality is None or e.modality == "intent" and e.trigger.text.lower().startswith("agree")):
            span = doc.char_span(e.trigger.start - char_offset, e.trigger.end - char_offset,
                                 alignment_mode="expand")
            if span is not None and len(span):
                found = _retold_date(span.root, sentences[index[span.root.sent.start] + 1:][:2], cues, published)
                if found is not None:
                    e = replace(e, date=found.date.isoformat(), date_precision=found.precision,
                                date_basis="same_act")
        out.append(e)
    return out


def _retold_date(trigger: Token, following: list[Span], cues: Cues,
                 published: datetime.date) -> ResolvedDate | None:
    verb = trigger.lemma_.lower()
    particle = next((c.lower_ for c in trigger.children if c.dep_ == "prt"), "")
    if trigger.pos_ != "VERB" or len(verb) < 4:
        return None
    for sent in following:
        for token in sent:
            if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _RETELLING_DETERMINERS
                                               for c in token.children):
                continue
            host = _retelling_host(token, verb)
            if host is not None:
                # "Under the deal, which was announced late on Thursday", "The party announced the decision on
                # Sunday": the act told again in a clause of its own
                found = _clause_date([host, host, host], Attachments(sent, list(sent.ents), cues), published)
                if found is not None and found[1] == "text" and found[0].date <= published:
                    return found[0]
                continue
            if token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            noun = token.lemma_.lower()
            if not _retells(noun, verb, particle) and not (
                    token.dep_ == "nsubjpass" and noun in _DEAL_NOUNS and (token.head.lemma_.lower() == verb or (
                        verb in DEAL_MAKING_VERBS and token.head.lemma_.lower() in DEAL_MAKING_VERBS))):
                continue   # ("signed a return-to-work agreement ... The deal was signed in the early hours of ...";
                # "have agreed to let 85 trucks ... The deal was reached in a session that ran into Thursday")
            found = _clause_date([token.head, token.head, token.head], Attachments(sent, list(sent.ents), cues),
                                 published)
            if found is not None and found[1] == "text" and found[0].date <= published:
                return found[0]
            inside = _one_day_inside(token.head, token, published)
            if inside is not None and noun in _DEAL_NOUNS:
                return inside   # "The deal was reached in a session that ran overnight into Thursday"
    return None


_DECISION_NOUNS = frozenset({"decision", "move"})
_ANNOUNCING = frozenset({"announce", "confirm", "disclose", "make", "take"})


def _retelling_host(token: Token, verb: str) -> Token | None:
    """The verb of a clause that tells the act of `verb` again through the noun `token`: a relative clause of
    making or announcing on a deal after a deal was made ("the deal, which was announced late on Thursday"), or
    the announcing of "the decision" ("announced the decision on Sunday")."""
    noun = token.lemma_.lower()
    if noun in _DEAL_NOUNS and verb in DEAL_MAKING_VERBS:
        doc = token.doc
        after = doc[token.i + 2] if token.i + 2 < len(doc) and doc[token.i + 1].text == "," else None
        if after is not None and after.pos_ == "VERB" and after.tag_ in ("VBN", "VBD") \
                and after.lemma_.lower() in DEAL_MAKING_VERBS:
            return after   # "Under the deal, agreed on Wednesday, ...", whatever the parser hung the participle on
        return next((c for c in token.children if c.dep_ == "relcl"
                     and (c.lemma_.lower() in DEAL_MAKING_VERBS or c.lemma_.lower() == "announce")), None)
    if noun in _DECISION_NOUNS and token.dep_ == "dobj" and token.head.lemma_.lower() in _ANNOUNCING:
        return token.head
    return None


def _start_of_what(ent: Span) -> bool:
    """Whether a date phrase says from when what is asked or offered would run ("demanding a 14 percent rise from
    January", "starting next month"): no date of the act, unless it opens a span ("from Monday to Wednesday")."""
    prep = ent.root.head
    if prep.dep_ != "prep" or prep.lower_ not in ("from", "starting"):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("to", "until", "till", "through") for c in prep.head.children) \
        and not any(c.dep_ == "prep" and c.lower_ in ("to", "until", "till", "through") for c in ent.root.children)


def _one_day_inside(verb: Token, subject: Token, published: datetime.date) -> ResolvedDate | None:
    """The one day, on or before publication, that the phrases of `verb` (not its subject) name, if one."""
    skip = {t.i for t in subject.subtree}
    days = []
    for ent in verb.doc.ents:
        if _is_date(ent) and verb.left_edge.i <= ent.start and ent.end <= verb.right_edge.i + 1 \
                and ent.start not in skip:
            resolved = resolve_in_story(_date_part(ent), published)
            if resolved is not None and resolved.precision == "day" and resolved.date <= published:
                days.append(resolved)
    return days[0] if len({d.date for d in days}) == 1 else None


# (`DEAL_MAKING_VERBS`: a deal reached retells one agreed or signed.)
# Nouns of deals and their texts, whose passive retells the act that made them ("The deal was signed on Wednesday").
_DEAL_NOUNS = DEAL_NOUNS | {"memorandum", "protocol", "document", "text"}


def _retells(noun: str, verb: str, particle: str) -> bool:
    """Whether `noun` names the act of `verb` ("recall"/"recall", "walkout"/"walk out", "withdrawal"/"withdraw",
    "announcement"/"announce", "suspension"/"suspend")."""
    if noun == verb or particle and noun == verb + particle:
        return True
    stem = verb[:-1] if verb.endswith("e") else verb
    return len(stem) >= 5 and any(noun == base + ending for base in (verb, stem, stem[:-1])
                                  for ending in _RETELLING_ENDINGS)


def _act_key(e: Event) -> tuple[str, str, str | None]:
    """Code, trigger word (its first five letters: "censure", "censured") and source (by code, else by the
    last word of its text)."""
    source = e.source.code or (e.source.text.lower().split() or [""])[-1]
    return e.cameo, e.trigger.text.lower()[:5], source


def _another(mention: ActorMention | None) -> bool:
    """Whether a mention is told as another of its kind ("another judge", "a different court")."""
    return mention is not None and mention.text.lower().startswith(("another ", "a different ", "a separate ",
                                                                      "other "))


def _same_target(a: ActorMention | None, b: ActorMention | None) -> bool:
    """Targets that may be one: either missing, the same code, or one without a country ("the diplomats")."""
    if a is None or b is None or a.code == b.code:
        return True
    return a.country is None or b.country is None


def _told_again(e: Event, text: str) -> bool:
    """ "bombed the town again", "met for a second time": words of repetition just after the trigger."""
    window = text[e.trigger.start:max(e.evidence.end, e.trigger.end) + 40].lower()
    return any(f" {w}" in window for w in REPEAT_WORDS) or " once more" in window or " second time" in window


_DATE_MODIFIERS = frozenset({"last", "this", "next", "past", "coming", "early", "late", "mid"})


def resolve_in_story(ent: Span, published: datetime.date | None) -> ResolvedDate | None:
    """The date a date phrase of the article names: against the publication date, or, for a story-relative
    phrase ("the next day", "two days later"), from the latest day the article named before it. Without a
    publication date, only what the phrase itself says ("in 2012", "on March 3, 2015") is resolved."""
    key = f"parley.story_dates.{published.isoformat() if published is not None else 'none'}"
    table: dict[int, ResolvedDate | None] | None = ent.doc.user_data.get(key)
    if table is None:
        table = {}
        last: ResolvedDate | None = None
        for other in ent.doc.ents:
            if not _is_date(other):
                continue
            other = _date_part(other)
            text = date_text(other)
            if story_relative(text):
                resolved = resolve_from(text, last) if last is not None else None
            else:
                resolved = resolve_date(text, published)
            if resolved is not None and resolved.precision == "day" and (published is None
                                                                         or resolved.date <= published):
                last = resolved
            table[other.start] = resolved
        ent.doc.user_data[key] = table
    if ent.start in table:
        return table[ent.start]
    return resolve_date(date_text(ent), published)


def date_text(ent: Span) -> str:
    """A date phrase with a modifier the entity recogniser left out before it ("On *last* Thursday")."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ in _DATE_MODIFIERS:
        return f"{doc[ent.start - 1].text} {ent.text}"
    return ent.text


def _clause_date(hosts: list[Token], attachments: Attachments,
                 published: datetime.date | None) -> tuple[ResolvedDate, str] | None:
    """A date phrase of the event's own predicate ("text"), else of a governing one or of none ("sentence")."""
    trigger = hosts[0]
    for host in hosts:
        # "criticised the 2019 budget": a date that dates a thing other than the act's own noun is not its date
        ents = [ent for ent in attachments.dates.get(host.i, [])
                if not _dates_an_argument(ent) or ent.root.head.i == trigger.i]
        resolved = _nearest(ents, host, trigger, published)
        if resolved is not None:
            return resolved, "text"
    following = _the_following_day(trigger, attachments, published)
    if following is not None:
        return following, "text"
    if trigger.pos_ == "VERB":   # "stormed out of talks with the government on Thursday evening"
        talks = {t.i for t in _talks_left_or_joined(trigger)}
        own = [ent for ent in attachments.all_dates() if _on_a_day(ent) and _under_talks(ent, talks)]
        resolved = _nearest(own, trigger, trigger, published)
        if resolved is not None:
            return resolved, "text"
    for host in hosts:   # "sat out Wednesday's session", "boycotted the Monday round": the day of the session
        sessions = [c for c in host.children if c.dep_ == "dobj" and c.lemma_.lower() in _SESSION_NOUNS]
        own = [ent for ent in attachments.all_dates() for obj in sessions
               if ent.root.head.i == obj.i and ent.root.dep_ in ("poss", "compound")]
        resolved = _nearest(own, host, trigger, published)
        if resolved is not None:
            return resolved, "text"
    if trigger.pos_ in ("NOUN", "PROPN"):   # "the talks on Monday" under another verb's clause
        own = [ent for ent in attachments.all_dates() if _under_noun(ent.root, trigger)]
        resolved = _nearest(own, trigger, trigger, published)
        if resolved is not None:
            return resolved, "text"
    found = _predicate_dates(hosts, attachments, trigger, published)
    if found is not None:
        return found
    for clause in _simultaneous_clauses(hosts):   # "When announcing the curfew on Monday, the mayor urged ..."
        resolved = _nearest(attachments.dates.get(clause.i, []), clause, trigger, published)
        if resolved is not None:
            return resolved, "sentence"
    for governor in _governors(hosts):
        ents = [ent for ent in attachments.dates.get(governor.i, []) if not _modifies_noun(ent)]
        resolved = _nearest(ents, governor, trigger, published)
        if resolved is not None:
            return resolved, "sentence"
    loose = [ent for ent in attachments.loose_dates if not _modifies_noun(ent)]
    resolved = _nearest(loose, trigger.sent.root, trigger, published)
    return (resolved, "sentence") if resolved is not None else None


def _talks_left_or_joined(verb: Token) -> list[Token]:
    """The talks a verb's prepositions lead to ("stormed out of talks", "returned to the negotiations"): the
    parser hangs a day told after them on the talks, though it dates the walkout or the return."""
    found = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for inner in (prep, *(c for c in prep.children if c.dep_ == "prep")):
            found += [c for c in inner.children if c.dep_ == "pobj" and c.lemma_.lower() in _TALK_WORDS]
    return found


def _the_following_day(trigger: Token, attachments: Attachments,
                       published: datetime.date | None) -> ResolvedDate | None:
    """ "were freed on Sunday, and the delegation returned to the talks the following morning": a verb told "the
    following/next morning" (words the entity recogniser leaves out) happened the day after the latest day its
    sentence names before it."""
    told = next((c for c in trigger.children if c.dep_ in ("npadvmod", "advmod") and c.lemma_.lower() in _PARTS_OF_DAY
                 and any(m.lower_ in ("following", "next") for m in c.children)), None)
    if told is None or published is None:
        return None
    before = [ent for ent in attachments.all_dates() if ent.end <= told.i]
    found = [d for d in (resolve_in_story(ent, published) for ent in sorted(before, key=lambda e: e.start))
             if d is not None and d.precision == "day"]
    return resolve_from("the next day", found[-1]) if found else None


_PARTS_OF_DAY = frozenset({"morning", "day", "afternoon", "evening", "night"})


def _under_talks(ent: Span, talks: set[int]) -> bool:
    """Whether a date phrase hangs on one of `talks` through nouns and prepositions alone (not "talks that had
    begun on Monday")."""
    for a in list(ent.root.ancestors)[:3]:
        if a.i in talks:
            return True
        if a.pos_ in ("VERB", "AUX"):
            return False
    return False


def _on_a_day(ent: Span) -> bool:
    """Whether a date phrase hangs on "on" or "at" ("on Thursday evening"), not "since" or "from"."""
    return any(a.dep_ == "prep" and a.lower_ in ("on", "at") for a in list(ent.root.ancestors)[:2])


_TALK_WORDS = MEETING_NOUNS | {"table"}
_SIMULTANEOUS = frozenset({"when", "while", "as"})
_SESSION_NOUNS = MEETING_NOUNS | {"sitting", "hearing"}
_OCCASION_PREPS = frozenset({"during", "at", "in", "on"})


def _predicate_dates(hosts: list[Token], attachments: Attachments, trigger: Token,
                     published: datetime.date | None) -> tuple[ResolvedDate, str] | None:
    """The date of a predicate the parser hung elsewhere: on the object ("declared its negotiations with X
    finished on Thursday"), or on a relative clause in the present simple ("the company that runs the mine on
    Monday"), or on the day a relative clause describes ("sessions that began on Thursday, when the
    delegation took its seats again", "on May 26, the day the negotiators came back")."""
    for host in hosts:
        small = [t for obj in host.children if obj.dep_ == "dobj" for t in obj.subtree
                 if t.dep_ == "acl" and t.tag_ in ("VBN", "VBD") and t.lower_ in _SMALL_CLAUSE_ENDS]
        resolved = _nearest([e for t in small for e in attachments.dates.get(t.i, [])], host, trigger, published)
        if resolved is not None:
            return resolved, "text"
    for host in hosts:
        # "sat down with managers of the company that runs the mine on Monday": a day the parser hung on a
        # relative clause in the present simple, which a day cannot date, dates the act it describes a party to
        present = [t for t in host.subtree if t.dep_ == "relcl" and t.tag_ in ("VBZ", "VBP") and t.i > host.i]
        resolved = _nearest([e for t in present for e in attachments.dates.get(t.i, [])], host, trigger, published)
        if resolved is not None:
            return resolved, "sentence"
    for host in hosts:
        day = _described_day(host)
        if day is not None:
            own = [ent for ent in attachments.all_dates() if ent.start <= day.i < ent.end]
            if not own and day.dep_ == "npadvmod":   # "laid it before them on May 26, the day ..."
                own = attachments.dates.get(day.head.i, [])
            resolved = _nearest(own, host, trigger, published)
            if resolved is not None:
                return resolved, "sentence"
    return None


_DAY_NOUNS = frozenset({"day", "date", "night", "morning", "afternoon", "evening"})
_SMALL_CLAUSE_ENDS = frozenset({"finished", "ended", "closed", "over", "dead", "suspended", "frozen"})


def _described_day(host: Token) -> Token | None:
    """The date word a relative clause describes ("Thursday, when ...", "May 26, the day ..."), or the day noun
    that hangs on a dated predicate ("... on May 26, the day ..."), or None; also for a later verb of the clause
    ("late on Wednesday, when the delegation gathered up its files and left")."""
    while host.dep_ == "conj" and host.head.pos_ in ("VERB", "AUX") and host.head.i != host.i:
        host = host.head
    if host.dep_ != "relcl":
        return None
    noun = host.head
    if noun.lemma_.lower() in _DAY_NOUNS and noun.dep_ == "npadvmod":
        return noun
    if noun.lemma_.lower() in _DAY_NOUNS and noun.dep_ == "appos":
        noun = noun.head
    return noun if noun.ent_type_ in ("DATE", "TIME") else None


def _occasion_date(hosts: list[Token], cues: Cues, published: datetime.date | None) -> ResolvedDate | None:
    """The date of the occasion an act took place at ("during the debate", "at the summit", "in the course of
    the hearing", "the meeting was attended by ..."), from the nearest earlier mention of that occasion that
    carries a date: its own modifier ("the October 8 debate"), a participle ("the summit held March 4"), its
    clause ("a hearing was held on February 20", "met for a debate on Tuesday") or the verb of the occasion
    ("had met in Lima last Tuesday ... The meeting was attended by")."""
    found = occasion_told_before(hosts, cues, published)
    return found[1] if found is not None else None


def occasion_told_before(hosts: list[Token], cues: Cues,
                         published: datetime.date | None) -> tuple[Token, ResolvedDate] | None:
    """The predicate or noun of the nearest earlier dated mention of the occasion the act took place at (see
    `_occasion_date`), with that date; None when the act names no definite occasion or none was dated."""
    occasion = _occasion_of(hosts, cues)
    if occasion is None:
        return None
    doc = occasion.doc
    dates = [ent for ent in doc.ents if _is_date(ent) and ent.start < occasion.i]
    host_of = {ent.start: _host_predicate(ent.root) for ent in dates}
    lemma = occasion.lemma_.lower()
    verb = _OCCASION_VERBS.get(lemma)
    for earlier in reversed(doc[:occasion.i]):
        if earlier.lemma_.lower() == verb and earlier.pos_ == "VERB":
            own = [ent for ent in dates if getattr(host_of[ent.start], "i", None) == earlier.i]
            for ent in own:   # "had met in Lima last Tuesday ... The meeting was attended by"
                resolved = resolve_in_story(ent, published)
                if resolved is not None:
                    return earlier, resolved
            continue
        if earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
            continue
        scope = {t.i for t in earlier.subtree}
        clause = earlier.head if earlier.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else None
        while clause is not None and clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head   # "met for a debate": the debate's clause is the meeting's
        own = [ent for ent in dates if ent.root.i in scope]
        governing = [ent for ent in dates if clause is not None and clause.pos_ in ("VERB", "AUX")
                     and getattr(host_of[ent.start], "i", None) == clause.i and ent.root.i not in scope]
        for ent in own + governing:
            resolved = resolve_in_story(ent, published)
            if resolved is not None:
                return earlier, resolved
    return None


# The verb an occasion's noun is made of, whose earlier clause can date it ("met ... The meeting was ...").
_OCCASION_VERBS = {"meeting": "meet", "debate": "debate", "vote": "vote", "hearing": "hear", "visit": "visit",
                   "rally": "rally", "march": "march", "signing": "sign", "briefing": "brief", "gathering": "gather",
                   "protest": "protest", "talk": "talk"}
# Verbs whose direct object, or passive subject, is the occasion the act took place at ("attended the summit",
# "the meeting was attended by the minister").
_ATTENDING = frozenset({"attend", "address", "chair", "join", "boycott", "skip", "observe"})


def _occasion_of(hosts: list[Token], cues: Cues) -> Token | None:
    """A definite occasion in a phrase of the act's own predicate ("during the debate", "at the summit"), or
    the occasion attended ("attended the summit", "The meeting was attended by")."""
    for host in hosts:
        for child in host.children:
            if child.dep_ in ("dobj", "nsubjpass") and host.lemma_.lower() in _ATTENDING:
                noun: Token | None = child
            elif child.dep_ == "prep" and child.lower_ in _OCCASION_PREPS:
                noun = next((c for c in child.children if c.dep_ == "pobj"), None)
            else:
                continue
            if noun is not None and noun.lemma_.lower() == "course":   # "during the course of the debate"
                of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if noun is None or noun.lemma_.lower() not in cues.occasion_nouns:
                continue
            if any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "that", "this", "its", "their")
                   for c in noun.children) and not any(_is_date(ent) for ent in noun.doc.ents
                                                        if ent.root.i in {t.i for t in noun.subtree}):
                return noun
    return None


def _simultaneous_clauses(hosts: list[Token]) -> list[Token]:
    """Clauses under the event's predicate that happen at its time: "when"/"while"/"as" clauses and participle
    clauses without a conjunction ("announcing the curfew on Monday, the mayor ...")."""
    out = []
    for host in hosts:
        for child in host.children:
            if child.dep_ != "advcl" or child.pos_ not in ("VERB", "AUX"):
                continue
            marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
            if marks & _SIMULTANEOUS or (not marks and child.tag_ == "VBG"):
                out.append(child)
    return out


def _nearest(ents: list[Span], host: Token, trigger: Token, published: datetime.date | None) -> ResolvedDate | None:
    """The date of the phrase nearest `host` in the tree (then nearest the trigger in the text) that resolves;
    a coarser one gives way to a day of the clause that lies inside it ("marched on Wednesday, in one of the
    largest protests this year": Wednesday)."""
    found = [r for r in (resolve_in_story(ent, published) for ent in
                         sorted(ents, key=lambda e: (_depth(e.root, host), abs(e.root.i - trigger.i))))
             if r is not None]
    if not found:
        return None
    best = found[0]
    if best.precision != "day":
        inside = [r for r in found[1:] if r.precision == "day" and _within(r.date, best)]
        if inside:
            return inside[0]
        # "began indirect talks on Tuesday on freeing guards captured in a clash late last year": the parser hangs
        # the year on the verb, past the day the verb's own "on" gives, nearer in the text
        by_text = sorted(ents, key=lambda e: abs(e.root.i - trigger.i))
        nearest = resolve_in_story(by_text[0], published) if by_text else None
        if nearest is not None and nearest.precision == "day" and by_text[0].root.head.lower_ in ("on", "at") \
                and by_text[0].root.head.head.i == host.i:
            return nearest
    return best


def _within(day: datetime.date, coarse: ResolvedDate) -> bool:
    if coarse.precision == "month":
        return (day.year, day.month) == (coarse.date.year, coarse.date.month)
    return coarse.precision == "year" and day.year == coarse.date.year


def _depth(token: Token, ancestor: Token) -> int:
    depth, t = 0, token
    while t.i != ancestor.i and t.head.i != t.i and depth < 12:
        t, depth = t.head, depth + 1
    return depth


def _under_noun(token: Token, noun: Token) -> bool:
    """Whether `token` dates `noun` itself: "Tuesday's talks", "the talks on Monday" (not "the investigation of
    the 2016 election", where the year dates the election)."""
    if token.head.i == noun.i:
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i == noun.i


def _governors(hosts: list[Token]) -> list[Token]:
    """The predicates above the event's clause whose date is the event's, nearest first: up through coordinated
    predicates, control and raising verbs ("agreed to", "is due to") and participle clauses ("..., killing
    three"); through a reported clause only to a present or future one ("said on Thursday it would host talks":
    the statement's date is the date of the intent). Not from a clause of time or condition ("after X attacked
    Y on Sunday"), a relative clause, or a reported past act."""
    out: list[Token] = []
    t = hosts[-1]
    for _ in range(5):
        if t.head.i == t.i or not _date_passes_down(t):
            break
        t = t.head
        if all(t.i != h.i for h in hosts):
            out.append(t)
    return out


def _date_passes_down(token: Token) -> bool:
    """Whether the date of `token`'s head is also `token`'s (see `_governors`)."""
    dep = token.dep_
    if dep == "conj":
        return token.pos_ in ("VERB", "AUX") and token.head.pos_ in ("VERB", "AUX")
    if dep in ("xcomp", "acomp", "oprd"):
        return True
    if dep == "advcl":
        return not any(c.dep_ == "mark" for c in token.children)
    if dep == "ccomp" and token.lower_ in _SMALL_CLAUSE_ENDS and token.head.lemma_.lower() in ("declare", "pronounce"):
        return True   # "on Wednesday declared its negotiations finished": the declaring ends them
    if dep in ("ccomp", "parataxis"):
        # "said on Monday that it was freezing its presence": a present act told in the past tense of the report
        progressive = token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("was", "were")
                                                  for c in token.children)
        return token.pos_ in ("VERB", "AUX") and (not _past(token) or progressive or _own_act_told(token))
    return False


def _own_act_told(token: Token) -> bool:
    """Whether a reported past act is the speaker's own, told by "he", "she", "I" or "we" ("told reporters shortly
    before midnight on Friday that she had ended the mediation"): done on the day of the telling at the latest,
    which dates it better than the report's publication."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speaker = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and speaker is not None and subject.lower_ in ("he", "she", "i", "we") \
        and (speaker.lower_ == subject.lower_ or speaker.pos_ != "PRON")


def _past(token: Token) -> bool:
    """Whether `token` is a predicate of the past: "attacked", "had attacked", "has met", "was shelled"."""
    if token.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PAST_AUX for c in token.children)


def _speaks(token: Token, cues: Cues) -> bool:
    lemma = token.lemma_.lower()
    return lemma in cues.speech_verbs or lemma in cues.report_verbs


def _narrative_dates(doc: Doc, published: datetime.date,
                     cues: Cues) -> dict[int, tuple[ResolvedDate, str] | None]:
    """The narrative date each sentence inherits from the sentences before it in its paragraph (blank lines
    separate paragraphs), with its basis ("paragraph"), by sentence start; computed once per `Doc`. A paragraph
    after the lead starts from the lead's narrative date (basis "lead") until a date of its own replaces it
    or a speech date clears it. The lead is the first paragraph with a verb (not a dateline or a byline).

    The narrative date is the day of the latest past act dated to the day earlier in the paragraph ("Troops
    entered the town on Monday. They arrested the mayor.": Monday). A month or year ("in 1994", "earlier this
    year") does not carry, nor a day more than ten days before publication: those usually date background, or
    open a summary whose sentences go on through later days; the publication date is then the closer guess.
    A date on a speech verb ("officials said on Tuesday") is not an act's and clears it: the acts a statement
    goes on to report may be older than the statement, and a strict reader counts a wrong date from the text
    as wrong, while the publication date is at most a day or two from the statement. A date ahead of
    publication, or on a present or future predicate, leaves it as it was.
    """
    key = f"parley.narrative_dates.{published.isoformat()}"
    cached: dict[int, tuple[ResolvedDate, str] | None] | None = doc.user_data.get(key)
    if cached is not None:
        return cached
    out: dict[int, tuple[ResolvedDate, str] | None] = {}
    ents = [e for e in doc.ents if _is_date(e)]
    k = 0
    narrative: tuple[ResolvedDate, str] | None = None
    lead: tuple[ResolvedDate, str] | None = None
    in_lead = False   # inside the lead paragraph
    lead_seen = False
    for sent in doc.sents:
        if paragraph_starts(doc, sent):
            if in_lead:
                lead = None if narrative is None else (narrative[0], "lead")
                in_lead = False
            narrative = lead
        if not lead_seen and any(t.pos_ in ("VERB", "AUX") for t in sent):
            lead_seen = in_lead = True
        out[sent.start] = narrative
        while k < len(ents) and ents[k].start < sent.end:
            before = narrative[0] if narrative is not None else None
            after = _next_narrative(ents[k], before, published, cues)
            if after is not before:
                narrative = None if after is None else (after, "paragraph")
            k += 1
    doc.user_data[key] = out
    return out


def _next_narrative(ent: Span, narrative: ResolvedDate | None, published: datetime.date,
                    cues: Cues) -> ResolvedDate | None:
    """The narrative date after the date phrase `ent` (see `_narrative_dates`)."""
    resolved = resolve_in_story(ent, published)
    host = _host_predicate(ent.root)
    if resolved is None or host is None:
        return narrative
    if _speaks(host, cues):
        return None
    if host.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _EARLIER_MARKS for c in host.children) \
            and narrative is not None:
        # "signed the accord late on Friday, after talks ... were revived on Tuesday": the clause of time dates
        # what came before the act the sentence tells, which keeps its own day
        return narrative
    if _past(host) and resolved.precision == "day" and published - _NARRATIVE_WINDOW <= resolved.date <= published \
            and not _modifies_noun(ent) and not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "has", "have")
                                                    for c in host.children) \
            and not (ent.root.head.dep_ == "prep" and ent.root.head.lower_ == "since"):
        # (not a date of history told in the past perfect, "had called the strike on August 25", nor the start of
        # a state lasting up to now, "a strike that has idled dozens of factories since last week")
        return resolved
    return narrative


_EARLIER_MARKS = frozenset({"after", "since", "once"})


def paragraph_starts(doc: Doc, sent: Span) -> bool:
    """Whether a blank line (two line breaks) comes before `sent`, or it is the first of the `Doc`."""
    if sent.start == 0:
        return True
    # the white space before the sentence (at most 100 characters), from the tokens before it: `doc.text`
    # would join every token of the Doc again for each sentence
    before = ""
    for token in reversed(doc[max(0, sent.start - 50):sent.start]):
        before = token.text_with_ws + before
        if token.text.strip() or len(before) >= 100:
            break
    before = before[-100:]
    return before[len(before.rstrip()):].count("\n") >= 2
