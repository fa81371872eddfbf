"""Attribution: who says an event happened, who reported it, how hedged, whether quoted."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from parley import nouns
from parley.coding.cues import Cues
from parley.coding.mentions import MentionResolver, np_bounds
from parley.types import Attribution, Speaker

_QUOTE_CHARS = re.compile(r"[\"“”«»]")


class QuoteRegions:
    """Character ranges of an article's text that sit inside quotation marks."""

    def __init__(self, text: str) -> None:
        starts: list[int] = []
        ends: list[int] = []
        open_at: int | None = None
        for m in _QUOTE_CHARS.finditer(text):
            ch = m.group()
            if ch in "“«" and open_at is None:
                open_at = m.end()
            elif ch in "”»" and open_at is not None:
                starts.append(open_at)
                ends.append(m.start())
                open_at = None
            elif ch == '"':
                if open_at is None:
                    open_at = m.end()
                else:
                    starts.append(open_at)
                    ends.append(m.start())
                    open_at = None
            # A quote left open at a paragraph break closes there (news style repeats the mark).
        self._starts = starts
        self._ends = ends

    def contains(self, char: int) -> bool:
        i = bisect.bisect_right(self._starts, char) - 1
        return i >= 0 and char < self._ends[i]

    def region_of(self, char: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._starts, char) - 1
        if i >= 0 and char < self._ends[i]:
            return self._starts[i], self._ends[i]
        return None


class Attributor:
    """Computes the `Attribution` of events in one article."""

    def __init__(self, cues: Cues, resolver: MentionResolver, doc: Doc) -> None:
        self.cues = cues
        self.resolver = resolver
        self.doc = doc
        self.quotes = QuoteRegions(doc.text)
        self._sent_reporters: dict[int, list[str]] = {}

    def attribution(self, anchor: Token, trigger: Token, sent: Span) -> Attribution:
        """Who said the clause of `anchor` (speaker and cue), who reported it, and whether it is hedged or
        quoted; `trigger` is the predicate's own word."""
        reported_by = list(self._reporters(sent))
        hedged, said = self._governing_speech(anchor, reported_by)
        if said is None:
            said = self._inverted_speech(anchor, reported_by)
        if said is None:
            said = self._medium(anchor)   # "In a statement, X accused Y ...": made in a statement, a letter ...
        speaker, cue = said if said is not None else (None, None)
        if any(c.dep_ == "amod" and c.lower_ in self.cues.hedge_adjectives for c in trigger.children):
            hedged = True
        quoted = self.quotes.contains(trigger.idx)
        if quoted and speaker is None:
            found_speech = self._quote_speaker(trigger, sent)
            if found_speech is not None:
                speaker, cue = found_speech
        return Attribution(speaker=speaker, cue=cue, reported_by=tuple(dict.fromkeys(reported_by)),
                           hedged=hedged, quoted=quoted)

    def _governing_speech(self, anchor: Token,
                          reported_by: list[str]) -> tuple[bool, tuple[Speaker | None, str] | None]:
        """Climbing from `anchor`: whether a hedge governs it ("reportedly", "is said to have"), and the
        first speech verb whose reported clause holds it, with its speaker."""
        cues = self.cues
        hedged = False
        said: tuple[Speaker | None, str] | None = None
        t = anchor
        for _ in range(10):
            if any(c.dep_ == "advmod" and c.lower_ in cues.hedge_adverbs for c in t.children):
                hedged = True
            if t.dep_ == "xcomp" and t.head.lemma_.lower() in cues.hedge_raising and \
                    any(c.dep_ in ("auxpass", "nsubjpass") for c in t.head.children):
                hedged = True   # "is said to have", "are believed to be"
            head = t.head
            if t.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in cues.speech_verbs and said is None:
                said = (self._credit(head, reported_by), head.lemma_.lower())
            if head.i == t.i:
                break
            t = head
        return hedged, said

    def _inverted_speech(self, anchor: Token, reported_by: list[str]) -> tuple[Speaker | None, str] | None:
        """ "Y happened, X said": the speech verb hangs off the reported clause (parataxis), or the same
        misparsed as a clausal complement after a comma."""
        for child in anchor.children:
            inverted = child.dep_ == "ccomp" and child.i > anchor.i and child.i > 0 and \
                any(t.text == "," for t in self.doc[max(anchor.i, child.left_edge.i - 1):child.i])
            if (child.dep_ == "parataxis" or inverted) and child.lemma_.lower() in self.cues.speech_verbs:
                return self._credit(child, reported_by), child.lemma_.lower()
        return None

    def _credit(self, verb: Token, reported_by: list[str]) -> Speaker | None:
        """The speaker of speech verb `verb`; a reporting outlet goes to `reported_by` instead."""
        speaker = None
        found = self._speaker_of(verb)
        if found is not None:
            if self._is_reporter(verb, found):
                subj = self._subject(verb)
                credited = self._credited(subj) if subj is not None else None
                if credited is not None:
                    reported_by.append(found[0] if subj is not None and subj.pos_ == "PRON" else credited)
            else:
                speaker = Speaker(text=found[0], code=found[1])
        self._speech(verb, reported_by)
        return speaker

    # ---- helpers
    def _medium(self, verb: Token) -> tuple[Speaker, str] | None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "during", "through", "via"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() in self.cues.speech_media:
                    found = self._speaker_of(verb)
                    if found is not None:
                        return Speaker(text=found[0], code=found[1]), pobj.lemma_.lower()
        return None

    def _subject(self, verb: Token) -> Token | None:
        """The speaker's head token: the subject, or the agent of a passive ("it was reported by X")."""
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.dep_ == "nsubjpass":
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return subj

    def _credited(self, token: Token) -> str | None:
        """Who a report is credited to, as `reported_by` holds it: an outlet, an agency, an organisation, a named
        person or officials; the body behind a document ("a report by El Tiempo" -> "El Tiempo", "a recent
        Amnesty International report" -> "Amnesty International"); None for what names nobody (a relative
        pronoun, "these videos", "reports", "sources", a bare nationality)."""
        if token.pos_ in ("PRON", "DET") or token.tag_ in ("WDT", "WP"):
            return token.text if token.lower_ in self.cues.person_pronouns else None
        lemma = token.lemma_.lower()
        if lemma in self.cues.document_nouns:
            for child in token.children:
                if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "of"):
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return self._credited(pobj)
            for child in token.children:
                if child.dep_ == "poss" and child.pos_ != "PRON" or child.dep_ == "compound" and (
                        child.ent_type_ or child.pos_ == "PROPN"):
                    start, end = np_bounds(child)
                    text = self.doc[start:end].text
                    return text[:-2].rstrip() if text.endswith(("'s", "’s")) else text
            return None
        if token.ent_type_ == "NORP" and not any(c.dep_ in ("compound", "amod") for c in token.children) and \
                token.pos_ != "NOUN":
            return None   # "Mexican" alone
        start, end = np_bounds(token)
        text = self.doc[start:end].text
        if token.ent_type_ or token.pos_ == "PROPN" or lemma in self.cues.media_nouns:
            return text
        if nouns.can_act(lemma) or self.resolver.role(token) is not None:
            return text   # officials, police, prosecutors, witnesses
        return None

    def _speaker_of(self, verb: Token) -> tuple[str, str | None] | None:
        subj = self._subject(verb)
        if subj is None:
            return None
        mentions = self.resolver.mentions(subj, allow_thing=True)
        if mentions:
            m = mentions[0]
            text = m.text
            if subj.pos_ == "PRON" and m.name:
                text = f"{subj.text} ({m.name})"
            return text, m.code
        start, end = np_bounds(subj)
        return self.doc[start:end].text, None

    def _is_reporter(self, verb: Token, found: tuple[str, str | None]) -> bool:
        if verb.lemma_.lower() in self.cues.report_verbs:
            return True
        code = found[1] or ""
        if code[3:6] in self.cues.media_sectors or code[:3] in self.cues.media_sectors:
            return True
        words = found[0].lower().replace(".", " ").split()
        return bool(words) and words[-1] in self.cues.media_nouns

    def _speech(self, verb: Token, reported_by: list[str]) -> None:
        """Reporters around a speech verb: "told the Post", "citing officials"."""
        for child in verb.children:
            if child.dep_ in ("dative", "dobj") and verb.lemma_ in ("tell", "brief"):
                start, end = np_bounds(child)
                text = self.doc[start:end].text
                words = text.lower().replace(".", " ").split()
                if child.ent_type_ == "ORG" or (words and words[-1] in self.cues.media_nouns):
                    reported_by.append(text)
            elif child.dep_ == "advcl" and child.lemma_ == "cite":
                for obj in child.children:
                    if obj.dep_ == "dobj" and (credited := self._credited(obj)) is not None:
                        reported_by.append(credited)

    def _reporters(self, sent: Span) -> list[str]:
        """ "according to X" and "first reported by X" anywhere in the sentence."""
        key = sent.start
        if key in self._sent_reporters:
            return self._sent_reporters[key]
        found: list[str] = []
        for token in sent:
            low = token.lower_
            if low == "according":
                to = next((c for c in token.children if c.lower_ == "to"), None)
                if to is None and token.i + 1 < sent.end and self.doc[token.i + 1].lower_ == "to":
                    to = self.doc[token.i + 1]
                if to is not None:
                    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                    if pobj is not None and (credited := self._credited(pobj)) is not None:
                        found.append(credited)
            elif token.lemma_ == "report" and token.tag_ == "VBN" and token.dep_ in ("acl", "advcl", "ROOT"):
                agent = next((c for c in token.children if c.dep_ == "agent"), None)
                if agent is not None:
                    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if pobj is not None and (credited := self._credited(pobj)) is not None:
                        found.append(credited)
        self._sent_reporters[key] = found
        return found

    def _quote_speaker(self, trigger: Token, sent: Span) -> tuple[Speaker, str] | None:
        """The speaker of a quotation: a speech verb outside the quote, in this or a next/previous sentence."""
        region = self.quotes.region_of(trigger.idx)
        sents = [sent]
        doc = self.doc
        if sent.end < len(doc):
            sents.append(doc[sent.end].sent)
        if sent.start > 0:
            sents.append(doc[sent.start - 1].sent)
        for s in sents:
            for token in s:
                if token.lemma_.lower() in self.cues.speech_verbs and token.pos_ == "VERB" and \
                        (region is None or not region[0] <= token.idx < region[1]) and \
                        not self.quotes.contains(token.idx):
                    found = self._speaker_of(token)
                    if found is not None:
                        return Speaker(text=found[0], code=found[1]), token.lemma_.lower()
        return None
