"""Repairs of parse errors the small English model makes often, as a spaCy pipeline component.

`parley_repairs` runs last in the pipeline (it needs tags, lemmas and entities) and fixes each
sentence's parse in place, so every later stage, and any user of the `Doc`, sees the repaired tree.
Only repairs that are safe in general belong here, each guarded so that a correct parse is never
changed. Each repair is also a function over one sentence, to be tested alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from parley import nouns
from parley.actors.kb import LANGUAGE_WORDS
from parley.coding.syntax import TALK_HALTING_VERBS, TALK_RESUMING_VERBS
from parley.lexicon import Lexicon


class ParseRepairs:
    """The `parley_repairs` component: every repair below, sentence by sentence.

    Args:
        lexicon: which lemmas are verb and noun triggers (repairs only ever turn a parse into one
            that has a trigger where the model missed it).
        e_final_verbs: verbs whose lemma ends in "e" ("hope", "stage"), for `repair_lemmas`.
    """

    def __init__(self, lexicon: Lexicon, e_final_verbs: frozenset[str]) -> None:
        self.lexicon = lexicon
        self.e_final_verbs = e_final_verbs

    def __call__(self, doc: Doc) -> Doc:
        repair_language_names(doc)
        for sent in doc.sents:
            repair_lemmas(sent, self.e_final_verbs)
            repair_verb_noun_tags(sent, self.lexicon)
            repair_noun_compounds(sent, self.lexicon)
            repair_noun_root(sent, self.lexicon)
            repair_detached_apposition(sent)
            repair_split_subject(sent)
            repair_participle_root(sent)
            repair_home_particle(sent)
            repair_together_particle(sent)
            repair_ampersand_name(sent)
            repair_conjunct_under_apposition(sent)
            repair_participle_between(sent)
            repair_relative_as_adverbial(sent)
            repair_coordinated_modifier(sent)
            repair_dangling_and(sent)
            repair_late_apposition(sent)
            repair_adverb_subject(sent)
            repair_zero_relative(sent)
            repair_detached_title(sent)
            repair_be_back(sent)
            repair_face_to_face(sent)
            repair_control_across_phrase(sent, self.lexicon)
            repair_with_gerund(sent)
            repair_aimed_root(sent)
            repair_fronted_zero_relative(sent)
            repair_detached_name(sent)
            repair_talks_as_verb(sent)
            repair_subordinate_root(sent)
            repair_day_in_name(sent)
            repair_co_prefix(sent)
            repair_side_under_of(sent)
            repair_of_after_conjunct(sent)
            repair_conjunction_as_preposition(sent)
        return doc


@Language.factory("parley_repairs", default_config={"patterns": []})
def make_parse_repairs(nlp: Language, name: str, patterns: Sequence[str]) -> ParseRepairs:
    """Build the component with the shipped lexicon, or with user pattern files (paths) before it."""
    from parley.coding.cues import default_cues
    from parley.lexicon import default_lexicon

    lexicon = Lexicon.load(list(patterns)) if patterns else default_lexicon()
    return ParseRepairs(lexicon, default_cues().e_final_verbs)


def repair_language_names(doc: Doc) -> None:
    """ "Cameroon's English-speaking regions", "French-language schools": a language, not the nation of that name
    (the entity is dropped, so that it gives no country)."""
    dropped = [ent for ent in doc.ents if ent.label_ in ("NORP", "LANGUAGE", "GPE") and ent.end + 1 < len(doc)
               and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ in LANGUAGE_WORDS]
    if not dropped:
        return
    doc.set_ents([ent for ent in doc.ents if ent not in dropped], default="outside")
    for ent in dropped:
        for token in ent:
            token.pos_, token.tag_ = "ADJ", "JJ"   # (nor a name that gives one)


def repair_noun_compounds(sent: Span, lexicon: Lexicon) -> None:
    """ "rejected the latest ceasefire offer" misread as "[the latest ceasefire] [offer ...]".

    The model sometimes reads the last noun of a compound as a present-tense verb whose subject is
    the noun before it. When that "verb" is an event noun, has no auxiliary, and the words before its
    "subject" are a verb left without an object, the reading is turned back into a noun phrase
    that is the object of that verb.
    """
    doc = sent.doc
    for token in sent:
        if token.pos_ != "VERB" or token.tag_ not in ("VBP", "VBZ") or token.i == sent.start:
            continue
        subj = doc[token.i - 1]
        if subj.dep_ != "nsubj" or subj.head.i != token.i or subj.pos_ != "NOUN":
            continue
        if any(c.dep_ in ("aux", "auxpass", "neg") for c in token.children):
            continue
        if not lexicon.is_trigger(token.lemma_.lower(), "NOUN"):
            continue
        before = subj.left_edge.i - 1
        if before < sent.start:
            continue
        verb = doc[before]
        if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
            continue
        if token.head.i == verb.i:
            if token.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "dep"):
                continue
        elif verb.head.i == token.i:
            # The verb was parsed as a dependent of the mistaken one: it takes over its place.
            if token.head.i == token.i:
                verb.head = verb
                verb.dep_ = "ROOT"
            else:
                verb.head = token.head
                verb.dep_ = token.dep_
        # Other dependents of the mistaken verb (", a setback for ...") hang off the new noun.
        for child in list(token.children):
            if child.i != subj.i and child.dep_ in ("dobj", "npadvmod", "attr"):
                child.dep_ = "appos"
        token.pos_ = "NOUN"
        token.tag_ = "NN"
        token.head = verb
        token.dep_ = "dobj"
        subj.dep_ = "compound"


_TRUE_CHE = frozenset({"ache", "cache", "douche", "niche"})   # verbs whose lemma does end in -che


def repair_lemmas(sent: Span, e_final_verbs: frozenset[str]) -> None:
    """ "hoped", "staged", "fined" lemmatized "hop", "stag", "fin": give e-final verbs their lemma back; and
    "relaunched" lemmatized "relaunche": a verb in -ch or -sh loses the "e" the model added.

    Only a verb whose form is the short lemma plus -ed, -es or -ing with no doubled consonant
    ("hopped", "scrapped" are left alone), and whose lemma plus "e" is in `e_final_verbs`.
    """
    for token in sent:
        if token.pos_ not in ("VERB", "AUX", "NOUN"):
            continue
        lemma = token.lemma_.lower()
        full = lemma + "e"
        if full in e_final_verbs and token.lower_ in (lemma + "ed", lemma + "es", lemma + "ing"):
            token.lemma_ = full
        elif lemma.endswith(("che", "she")) and lemma not in _TRUE_CHE and token.lower_ in (lemma + "d", lemma + "s"):
            token.lemma_ = lemma[:-1]   # "relaunched", "pushed" lemmatized "relaunche", "pushe"


def repair_noun_root(sent: Span, lexicon: Lexicon) -> None:
    """ "A Senate committee report urged curbs on chip exports": read as a noun phrase whose
    verb is a reduced relative ("a report [that was] called ..."). When a sentence's root is a noun,
    the sentence has no other verb, and a participle of the root is a lexicon verb with no passive agent
    and no auxiliary, the participle is the predicate and the noun its subject.
    """
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return
    # (past a participle of the subject's own: "Bulgaria, represented by Deputy Minister X, offered to ...")
    verb = next((c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i > root.i
                 and not (any(d.dep_ == "agent" for d in c.children) and root.doc[c.i - 1].is_punct
                          and any(d.dep_ == "acl" and d.i > c.i and d.tag_ in ("VBN", "VBD")
                                  for d in root.children))), None)
    if verb is None and root.lemma_.lower() in ("talk", "talks", "negotiation", "negotiations", "dialogue"):
        # "Talks between X and Y on an exchange of prisoners ended without agreement": the verb hung on the
        # last noun of the talks' phrase
        verb = next((t for t in root.subtree if t.dep_ == "acl" and t.tag_ in ("VBN", "VBD") and t.i > root.i
                     and t.lemma_.lower() in TALK_HALTING_VERBS | TALK_RESUMING_VERBS), None)
    if verb is None or not lexicon.is_trigger(verb.lemma_.lower(), "VERB") \
            and verb.lemma_.lower() not in TALK_HALTING_VERBS | TALK_RESUMING_VERBS:
        return
    inside = {t.i for t in verb.subtree}
    # another finite verb is the sentence's own predicate, unless it heads a clause of time, cause or
    # condition ("... while negotiations were under way") or lies inside the participle's phrase
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod", "relcl") and t.i != root.i
           and t.i not in inside and (t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.dep_ == "ROOT")
           and not _subordinate(t) for t in sent):
        return
    if any(c.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return
    after = [c for c in root.children if c.i > verb.i]
    verb.head = verb
    verb.dep_ = "ROOT"
    verb.tag_ = "VBD"
    root.head = verb
    root.dep_ = "nsubj"
    for child in after:   # ", accusing the army ...", the full stop: the predicate's, not the subject's
        child.head = verb
        if child.dep_ == "acl":
            child.dep_ = "advcl"


def _subordinate(verb: Token) -> bool:
    """A verb of a clause introduced by "while", "after", "because", "if" ... (or under such a verb)."""
    t = verb
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ != "to" for c in t.children):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


# Nouns of talks and of those at them that open a sentence, capitalised, and that the tagger may take for names
# ("LIMA, Aug 17 - Talks ...", "Negotiators for both sides were back ...").
_TALK_NOUNS = frozenset({"talks", "negotiations", "dialogue", "contacts", "consultations", "discussions",
                         "negotiators", "delegations", "delegates", "mediators", "envoys", "officials", "rebels",
                         "troops", "soldiers", "protesters", "strikers", "workers"})


def repair_verb_noun_tags(sent: Span, lexicon: Lexicon) -> None:
    """Headline-style verbs tagged as nouns, and nouns tagged as verbs, where the tree says otherwise.

    "Militia rejects truce offer": "rejects" comes out a plural noun that has a subject of its own,
    and "offer" a verb that is the object of it. A noun heading a clause (it has a subject) whose
    lemma the lexicon knows as a verb is retagged a verb; a "verb" that is an object, has no
    subject and no auxiliary, and is an event noun in the lexicon is retagged a noun.
    """
    for token in sent:
        deps = {c.dep_ for c in token.children}
        if token.pos_ == "NOUN" and "nsubj" in deps and token.dep_ in ("ROOT", "advcl", "ccomp", "conj", "relcl") \
                and lexicon.is_trigger(token.lemma_.lower(), "VERB"):
            token.pos_ = "VERB"
            token.tag_ = "VBZ" if token.lower_.endswith("s") else "VBP"
        elif token.pos_ == "VERB" and token.dep_ in ("dobj", "pobj") and not deps & {"nsubj", "aux", "dobj", "mark"} \
                and lexicon.is_trigger(token.lemma_.lower(), "NOUN"):
            token.pos_ = "NOUN"
            token.tag_ = "NN"
        elif token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and token.dep_ in ("nsubj", "nsubjpass") \
                and all(t.is_punct or t.is_space for t in sent.doc[sent.start:token.i]) \
                and token.lower_ in _TALK_NOUNS:
            # "LIMA, Aug 17 - Talks between ... restarted": a capitalised first word, not a name
            token.pos_ = "NOUN"
            token.tag_ = "NNS" if token.lower_.endswith("s") else "NN"
            token.lemma_ = token.lower_[:-1] if token.lower_.endswith("s") else token.lower_


def repair_detached_apposition(sent: Span) -> None:
    """ "mediated between the government and the Front (FCS), a guerrilla group based in ..." misread with
    "a guerrilla group" as a second object of "mediated".

    A noun with "a"/"an" right after a comma that follows a name (or its parenthesised abbreviation),
    attached to a verb whose other argument already holds that name, is the name's apposition.
    """
    doc = sent.doc
    for token in sent:
        if token.pos_ != "NOUN" or token.dep_ not in ("dobj", "npadvmod", "attr") or token.head.pos_ != "VERB":
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            continue
        comma = token.left_edge.i - 1
        if comma <= sent.start or doc[comma].text != ",":
            continue
        name = doc[comma - 1]
        if name.text == ")" and name.head.pos_ == "PROPN":
            name = name.head
        verb = token.head
        if name.pos_ != "PROPN" or not name.ent_type_ or name.i < verb.i or name.i > token.i:
            continue
        holder = next((c for c in verb.children if c.i != token.i and c.left_edge.i <= name.i <= c.right_edge.i),
                      None)
        if holder is None or any(a.i == token.i for a in name.ancestors):
            continue
        token.head = name
        token.dep_ = "appos"


_SENDING_HOME = frozenset({"order", "call", "summon", "bring", "send"})


def repair_home_particle(sent: Span) -> None:
    """ "Russia ordered its delegation home" misread with "home" as an adverb on the delegation: the verb's
    particle, as in "called its negotiators home" (a recall)."""
    for token in sent:
        if token.lower_ == "home" and token.dep_ in ("advmod", "npadvmod") and token.head.dep_ == "dobj" \
                and token.head.head.lemma_.lower() in _SENDING_HOME and token.i == token.head.i + 1:
            token.head, token.dep_ = token.head.head, "prt"
        elif token.lower_ == "home" and token.dep_ in ("oprd", "advmod") \
                and token.head.lemma_.lower() in _SENDING_HOME and token.i == token.head.i + 1:
            # "Georgia called home its experts": the noun after "home" is the verb's object
            sent_objects = [c for c in token.head.children if c.dep_ == "oprd" and c.i > token.i
                            and c.pos_ in ("NOUN", "PROPN")]
            if sent_objects and not any(c.dep_ == "dobj" for c in token.head.children):
                token.dep_ = "prt"
                sent_objects[0].dep_ = "dobj"


def repair_conjunct_under_apposition(sent: Span) -> None:
    """ "signed by Namibia's trade minister, Ndapewa Shikongo, and South Africa's deputy minister, Sipho Dlamini"
    misread with the second minister a conjunct of the first one's name: a conjunct of the first minister (both
    sign)."""
    for noun in sent:
        if noun.dep_ != "conj" or noun.pos_ != "NOUN" or noun.head.pos_ not in ("VERB", "AUX") \
                or not any(a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in noun.children):
            continue
        # ("... and Malawi's deputy minister, Chikondi Phiri, at the ministry" hung on the verb itself)
        verb = noun.head
        first = next((o for c in verb.children if c.dep_ == "agent" and c.i < noun.i for o in c.children
                      if o.dep_ == "pobj" and o.pos_ == "NOUN"
                      and any(a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in o.children)), None)
        if first is None:
            continue
        noun.head = first
        for cc in [c for c in verb.children if c.dep_ == "cc" and first.i < c.i < noun.i]:
            cc.head = first
        for prep in [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "on")]:
            prep.head = verb   # "at the ministry", "on Friday": where and when it was signed
    for name in sent:
        if name.dep_ != "appos" or name.ent_type_ != "PERSON" or name.head.pos_ != "NOUN":
            continue
        for conj in [c for c in name.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                     and any(a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in c.children)]:
            conj.head = name.head
            for cc in [c for c in name.children if c.dep_ == "cc" and c.i < conj.i]:
                cc.head = name.head


def repair_ampersand_name(sent: Span) -> None:
    """ "Daeyang Shipbuilding & Marine Engineering" misread as two names coordinated by "&": one name, headed by
    its last word, in the place of the first part (with what hung on that part: "... and the company's
    management")."""
    for ent in sent.ents:
        amp = next((t for t in ent if t.text == "&" and t.dep_ == "cc"), None)
        if amp is None or ent[-1].i == amp.i or ent.root.i == ent[-1].i:
            continue
        first, last = ent.root, ent[-1]
        if last.dep_ != "conj" or not any(a.i == first.i for a in last.ancestors):
            continue
        last.head, last.dep_ = (last if first.head.i == first.i else first.head), first.dep_
        for child in [c for c in first.children if c.i > last.i]:
            child.head = last   # ("... & Marine Engineering and the company's management": the name's conjunct)
        for token in ent:
            if token.i != last.i and token.head.i in (first.i, last.i) or token.i == first.i:
                token.head, token.dep_ = last, "compound" if token.i != amp.i else "cc"


_BRINGING_TOGETHER = frozenset({"bring", "get", "draw", "call"})


def repair_together_particle(sent: Span) -> None:
    """ "Mediators brought the operators of the terminals and the union representing their workers together in
    Vancouver" misread with "together" (and what follows it) under the participle inside the object: "together"
    is the particle of "brought", and the places and days after it are the verb's."""
    for token in sent:
        if token.lower_ != "together" or token.dep_ not in ("advmod", "prt", "advcl"):
            continue
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")
                     and a.lemma_.lower() in _BRINGING_TOGETHER), None)
        inner = token.head if token.head.pos_ == "VERB" else next(
            (a for a in token.ancestors if a.pos_ == "VERB"), None)
        if verb is None or inner is None or inner.i == verb.i or inner.dep_ not in ("acl", "relcl") \
                or not any(c.dep_ == "dobj" and c.i < token.i for c in verb.children):
            continue
        token.head, token.dep_ = verb, "prt"
        # "together in Vancouver on Monday": the place and the day of the meeting, whether the parser hung them on
        # "together" or on the participle
        for child in [c for c in inner.children if c.dep_ in ("prep", "npadvmod") and c.i > token.i]:
            child.head = verb


def repair_participle_between(sent: Span) -> None:
    """ "talks between striking dockworkers and the operators" misread with "striking" as a verb taking the
    dockworkers as its object: a participle before the noun of a "between" or "with" phrase describes that
    noun, which is the phrase's object."""
    for token in sent:
        if token.dep_ == "pcomp" and token.tag_ in ("VBG", "VBN") and token.head.lower_ in ("between", "with") \
                and token.head.dep_ == "prep" and token.i == token.head.i + 1 \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            # (not "with Oman carrying messages between them": a participle with its own subject)
            obj = next((c for c in token.children if c.dep_ == "dobj" and c.i == token.i + 1
                        and c.pos_ in ("NOUN", "PROPN")), None)
            if obj is None:
                continue
            prep = token.head
            for child in list(token.children):
                if child.dep_ == "prep":
                    child.head = prep.head   # ("in Lisbon": where the talks are)
            obj.head, obj.dep_ = prep, "pobj"
            token.head, token.dep_, token.pos_ = obj, "amod", "ADJ"


def repair_relative_as_adverbial(sent: Span) -> None:
    """ "At the table, which the union rejoined on Monday, the sides stayed apart" misread with "rejoined" as an
    adverbial clause of the main verb: a clause whose object is "which" right after a noun and a comma is a
    relative clause on that noun."""
    for verb in sent:
        if verb.dep_ != "advcl" or verb.pos_ != "VERB":
            continue
        which = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "which" and c.i < verb.i), None)
        if which is None or which.i < sent.start + 2:
            continue
        comma, noun = sent.doc[which.i - 1], sent.doc[which.i - 2]
        if comma.text == "," and noun.pos_ == "NOUN" and not verb.is_ancestor(noun):
            verb.head, verb.dep_ = noun, "relcl"


def repair_participle_root(sent: Span) -> None:
    """ "The government and the union leading a strike that has crippled the oil industry opened negotiations"
    misread with "leading" as the main verb and "the oil industry" as the subject of "opened".

    A participle root without an auxiliary whose object has a relative clause missing its object, coordinated with
    a finite verb whose subject follows that clause, is a participle on the last noun of the subject; the finite
    verb is the main verb, of the root's subject, and its subject is the relative clause's object.
    """
    root = sent.root
    if root.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    main = next((c for c in root.children if c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ", "VBP")), None)
    if subject is None or obj is None or main is None:
        return
    clause = next((c for c in obj.children if c.dep_ == "relcl" and not any(d.dep_ == "dobj" for d in c.children)),
                  None)
    misread = next((c for c in main.children if c.dep_ == "nsubj"), None)
    if clause is None or misread is None or not clause.i < misread.i < main.i:
        return
    last = max([subject, *(c for c in subject.children if c.dep_ == "conj")], key=lambda t: t.i)
    main.head, main.dep_ = main, "ROOT"
    subject.head, subject.dep_ = main, "nsubj"
    root.head, root.dep_ = last, "acl"
    misread.head, misread.dep_ = clause, "dobj"


def repair_split_subject(sent: Span) -> None:
    """ "the government and the opposition Unity Platform opened talks" misread with two subjects,
    "government" (with "opposition" as its conjunct) and "Platform".

    A second subject of a verb that starts right after the last word of the first subject's phrase (or after a
    comma there, for a person's name) is a name in apposition to that word; one that starts right after an
    "and" ending the first subject's phrase is its conjunct.
    """
    for verb in sent:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        detached = [c for c in verb.children if c.dep_ == "dep" and c.pos_ == "NOUN" and c.i < verb.i]
        if len(subjects) == 1 and len(detached) == 1 and subjects[0].ent_type_ == "PERSON" \
                and subjects[0].left_edge.i == detached[0].right_edge.i + 2 \
                and sent.doc[detached[0].right_edge.i + 1].text == ",":
            # "Singapore's special envoy for the talks, Tan Wei Ming, presided", the role left detached
            first, second = detached[0], subjects[0]
            first.dep_ = second.dep_
            second.head = first
            second.dep_ = "appos"
            continue
        if len(subjects) != 2:
            continue
        first, second = sorted(subjects, key=lambda t: t.i)
        last = first.doc[first.right_edge.i]
        if last.dep_ == "cc" and last.head.i == first.i and second.left_edge.i == last.i + 1:
            # "The Bolivian government and the opposition opened talks" read as two subjects, the "and"
            # left on the first: the second is the first's conjunct
            second.head = first
            second.dep_ = "conj"
            continue
        doc = first.doc
        comma = first.right_edge.i + 1 if doc[first.right_edge.i].text != "," else first.right_edge.i
        place = doc[comma - 1]
        if place.dep_ == "pobj" and place.ent_type_ in ("GPE", "LOC") and second.ent_type_ in ("GPE", "LOC") \
                and second.left_edge.i == comma + 1 and doc[comma].text == ",":
            # "Unions representing crews on routes to Sicily, Sardinia and Italy's smaller islands opened talks":
            # the list of places goes on; the second "subject" is the next place in it
            second.head = place
            second.dep_ = "conj"
            continue
        if first.pos_ == "NOUN" and second.ent_type_ == "PERSON" and second.left_edge.i == first.right_edge.i + 2 \
                and doc[first.right_edge.i + 1].text == ",":
            # "Singapore's special envoy for the talks, Tan Wei Ming, presided": the name in apposition
            second.head = first
            second.dep_ = "appos"
            continue
        if second.left_edge.i != first.right_edge.i + 1 or last.pos_ not in ("NOUN", "PROPN") \
                or second.pos_ != "PROPN":
            continue
        second.head = last
        second.dep_ = "appos"


# Heads of actor phrases that the parser takes for a modifier of the next noun ("Congo's government and M23
# rebels" as "government and M23" modifying "rebels")
_ACTOR_HEADS = frozenset({"government", "army", "military", "authorities", "administration", "junta", "forces",
                          "police", "opposition", "rebels", "ministry", "cabinet", "regime", "union", "delegation"})


def repair_coordinated_modifier(sent: Span) -> None:
    """ "Congo's government and M23 rebels opened talks" misread as one phrase headed by "rebels", with
    "government" as its modifier and "M23" that modifier's conjunct: two phrases, "Congo's government" and
    "M23 rebels", coordinated.

    Only when the modifier is an actor's head noun, its conjunct comes before the phrase's head, and the
    head is a subject or an object.
    """
    for head in sent:
        if head.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or head.pos_ not in ("NOUN", "PROPN"):
            continue
        first = next((c for c in head.children if c.dep_ in ("nmod", "compound", "amod")
                      and c.lemma_.lower() in _ACTOR_HEADS and c.i < head.i), None)
        if first is None:
            continue
        second = next((c for c in first.children if c.dep_ == "conj" and first.i < c.i < head.i), None)
        cc = next((c for c in first.children if c.dep_ == "cc" and first.i < c.i < (second.i if second else 0)), None)
        if second is None or cc is None:
            continue
        outer, outer_dep = head.head, head.dep_
        owners = [c for c in head.children if c.dep_ in ("poss", "det") and c.i < first.i]
        first.head, first.dep_ = (outer if outer.i != head.i else first), outer_dep
        head.head, head.dep_ = first, "conj"
        second.head, second.dep_ = head, "compound"
        for owner in owners:
            owner.head = first


def repair_dangling_and(sent: Span) -> None:
    """ "Negotiators for Peru's government and the National Nurses' Federation (FNE) sat down" misread with
    the "and" left on "government" and "Federation" made an apposition of "Negotiators": the phrase right
    after an "and" whose head has no conjunct is that head's conjunct.
    """
    doc = sent.doc
    for cc in sent:
        if cc.dep_ != "cc" or cc.lower_ not in ("and", "or") or cc.i + 1 >= sent.end:
            continue
        head = cc.head
        if head.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "conj" for c in head.children):
            continue
        start = cc.i + 1
        # the top of the phrase that starts right after the "and"
        phrases = [t for t in doc[start:sent.end] if t.left_edge.i == start]
        top = max(phrases, key=lambda t: t.right_edge.i) if phrases else None
        if top is None or top.pos_ not in ("NOUN", "PROPN") or top.dep_ not in ("appos", "dep", "npadvmod") \
                or any(a.i == cc.i for a in top.ancestors) or any(a.i == top.i for a in head.ancestors):
            continue
        top.head = head
        top.dep_ = "conj"


def repair_late_apposition(sent: Span) -> None:
    """ "Myanmar's government and the Shan Hills Liberation Army (SHLA), an ethnic armed group fighting in
    the north, began talks" misread with "an ethnic armed group" in apposition to "government": an
    apposition that comes after a head's last conjunct describes that conjunct.
    """
    for head in sent:
        conjuncts = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        if not conjuncts:
            continue
        last = max(conjuncts, key=lambda c: c.i)
        for child in list(head.children):
            if child.dep_ == "appos" and child.i > last.right_edge.i and child.pos_ in ("NOUN", "PROPN"):
                child.head = last


def repair_adverb_subject(sent: Span) -> None:
    """ "Thai negotiators and the BRN, the main rebel group in the country's far south, opened talks" misread
    with the adverb "south" as the subject of "opened" and "negotiators" as the subject of "south": the noun
    under the adverb is the verb's subject, and the adverb ends the phrase before it ("far south").

    Only for an adverb or adjective subject that has a noun subject of its own, both before the verb.
    """
    doc = sent.doc
    for word in sent:
        verb = word.head
        if word.dep_ != "nsubj" or word.pos_ not in ("ADV", "ADJ") or verb.i <= word.i \
                or verb.pos_ not in ("VERB", "AUX"):
            continue
        noun = next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")
                     and c.i < word.i), None)
        if noun is None:
            continue
        noun.head, noun.dep_ = verb, word.dep_
        before = word.left_edge.i - 1
        inside = before > sent.start and noun.left_edge.i <= before <= noun.right_edge.i
        word.head, word.dep_ = (doc[before] if inside else noun), "npadvmod"


def repair_zero_relative(sent: Span) -> None:
    """ "released the crew under a deal the two governments signed on Friday" misread with "the two
    governments" as a second object of "released" and "signed" as a participle on it: a noun phrase right
    after another noun, followed by a verb with no object of its own, is the subject of a relative clause on
    that noun ("a deal [that] the two governments signed").

    Only when the verb has no subject, object or "by" agent of its own, and the phrase starts with a
    determiner or a number right after the noun (no comma, no "and").
    """
    doc = sent.doc
    for verb in sent:
        if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or verb.pos_ != "VERB":
            continue
        subject = verb.head
        if subject.i >= verb.i or subject.pos_ not in ("NOUN", "PROPN") or subject.dep_ not in ("dobj", "pobj",
                                                                                                  "appos"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") for c in verb.children):
            continue
        first = doc[subject.left_edge.i]
        if first.i <= sent.start or first.dep_ not in ("det", "nummod", "poss"):
            continue
        noun = doc[first.i - 1]
        if noun.pos_ != "NOUN" or noun.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass") \
                or any(a.i == subject.i for a in noun.ancestors) or any(a.i == noun.i for a in subject.ancestors):
            continue
        subject.head, subject.dep_ = verb, "nsubj"
        verb.head, verb.dep_ = noun, "relcl"


def repair_detached_title(sent: Span) -> None:
    """ "AU envoy Mariama Toure-Sissoko said ..." misread with "AU" as a clause of its own on "said", or as a
    second subject beside the name: a proper noun right before the title noun of a person's name is part of
    that name's phrase (a compound on the name), as "Nigerian envoy" would be.

    Only for a proper noun or an acronym (which the tagger may take for a verb) attached to a verb, as a clause
    or as a second subject of the verb the name is the subject of, right before a common noun that is a
    compound on a proper noun after it.
    """
    for word in sent:
        title = word.nbor(1) if word.i + 1 < sent.end else None
        if title is None or not (word.pos_ == "PROPN" or word.is_upper and len(word) > 1 and word.is_alpha) \
                or word.head.pos_ not in ("VERB", "AUX") or word.dep_ in ("compound", "poss", "amod", "dobj", "pobj",
                                                                          "appos"):
            continue
        name = title.head
        if word.dep_ in ("nsubj", "nsubjpass") and not (name.dep_ == word.dep_ and name.head == word.head):
            continue   # a subject of its own, unless the name is a second subject of the same verb
        if title.pos_ != "NOUN" or title.dep_ != "compound" or name.pos_ != "PROPN" or name.i <= title.i \
                or word.is_ancestor(name) or any(c.dep_ != "punct" for c in word.children):
            continue
        word.head, word.dep_ = name, "compound"
        if word.pos_ != "PROPN":
            word.pos_, word.tag_ = "PROPN", "NNP"


def repair_be_back(sent: Span) -> None:
    """ "the delegations were back at the table", "negotiators were back in Doha": "be back" is a verb of
    returning, whose place hangs on "back" in the parse; the verb takes the place (and the tag of a verb), so
    that the lexicon can read it as "be back" + "at"/"in".

    Only for a form of "be" with a subject and "back" as its adverb.
    """
    for verb in sent:
        if verb.lemma_ != "be" or verb.pos_ != "AUX" or verb.dep_ not in ("ROOT", "conj", "ccomp", "advcl") \
                or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        back = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "back"), None)
        if back is None:
            continue
        verb.pos_ = "VERB"
        for prep in [c for c in back.children if c.dep_ == "prep"]:
            prep.head = verb



def repair_face_to_face(sent: Span) -> None:
    """ "the two delegations were face to face again on Wednesday", "met face to face again", misread with the
    second "face" as a verb that takes the rest of the clause: the idiom is the verb's object (the lexicon reads
    "be" with the object "face"), and what hung on the second "face" ("again", the day, the place) belongs to the verb.

    Only for the three words "face to face" whose first word hangs on a verb or a form of "be" with a subject.
    """
    for first in sent:
        if first.lower_ != "face" or first.i + 2 >= sent.end or first.nbor(1).lower_ != "to" \
                or first.nbor(2).lower_ != "face":
            continue
        host = first.head
        if host.pos_ not in ("VERB", "AUX") or host.i > first.i \
                or not any(c.dep_ in ("nsubj", "nsubjpass") for c in host.children):
            continue
        to, second = first.nbor(1), first.nbor(2)
        for child in [c for c in second.children if c.i not in (first.i, to.i)]:
            child.head = host
        if host.pos_ == "AUX":
            host.pos_ = "VERB"
        first.head, first.dep_ = host, "dobj"
        to.head, to.dep_ = host, "dep"
        second.head, second.dep_, second.pos_ = host, "advmod", "ADV"


def repair_control_across_phrase(sent: Span, lexicon: Lexicon) -> None:
    """ "the delegation offered on Wednesday to free five captives", "the union threatened late on Monday to
    extend the strike": a phrase of time or place between a control verb and its infinitive makes the parser
    read the infinitive as a clause of purpose, or as the sentence's verb with the control verb a clause of the
    subject; the infinitive is the control verb's complement.

    Only for a verb the lexicon has a control rule for, with no object of its own, and only a phrase of
    prepositions, adverbs and their objects between it and the "to" of the infinitive.
    """
    for verb in sent:
        finite = verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and verb.dep_ == "acl"
        if verb.pos_ != "VERB" or not finite or lexicon.control(verb.lemma_.lower()) is None \
                or any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children):
            continue
        to = next((t for t in sent if t.i > verb.i + 1 and t.lower_ == "to" and t.dep_ == "aux"), None)
        if to is None or to.head.tag_ != "VB" or to.head.i != to.i + 1:
            continue
        between = sent.doc[verb.i + 1:to.i]
        if not all(t.dep_ in ("prep", "pobj", "advmod", "compound", "det", "amod", "nummod", "npadvmod")
                   and t.head.i in range(verb.i, to.i) for t in between):
            continue
        infinitive = to.head
        if infinitive.dep_ == "advcl" and infinitive.head.i == verb.i:
            infinitive.dep_ = "xcomp"   # "threatened late on Monday to extend"
        elif infinitive.dep_ == "ROOT" and verb.dep_ == "acl" and verb.head.dep_ == "nsubj" \
                and verb.head.head.i == infinitive.i and verb.i == verb.head.i + 1:
            # "The delegation offered on Wednesday to free five": "offered" the verb of "delegation"
            subject = verb.head
            for punct in [c for c in infinitive.children if c.dep_ == "punct"]:
                punct.head = verb
            verb.tag_ = "VBD"
            _make_root(verb, subject, infinitive, verb, "xcomp")


# Gerunds of brokering talks that the parser reads as nouns after "with X": their verbs.
_BROKERING_GERUNDS = {"mediating": "mediate", "facilitating": "facilitate", "brokering": "broker",
                      "hosting": "host", "presiding": "preside", "chairing": "chair", "moderating": "moderate"}


def repair_with_gerund(sent: Span) -> None:
    """ "opened talks on Monday, with Qatar mediating", misread as a noun "mediating" with "Qatar" its compound:
    the gerund is a verb whose subject is the name before it (as in "with Norway acting as facilitator").

    Only for a gerund of brokering that is the object of "with", with a proper name before it.
    """
    for gerund in sent:
        verb = _BROKERING_GERUNDS.get(gerund.lower_)
        if verb is None or gerund.pos_ != "NOUN" or gerund.dep_ != "pobj" or gerund.head.lower_ != "with":
            continue
        names = [c for c in gerund.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not names:
            continue
        gerund.pos_, gerund.tag_, gerund.lemma_, gerund.dep_ = "VERB", "VBG", verb, "pcomp"
        names[-1].dep_ = "nsubj"


# Participles of purpose that head a reduced relative ("talks aimed at freeing the hostages").
_PURPOSE_PARTICIPLES = frozenset({"aim", "design", "intend", "mean", "meant"})


def repair_aimed_root(sent: Span) -> None:
    """ "Talks in Togo aimed at freeing five aid workers stalled on Wednesday" misread with "aimed" as the
    sentence's verb and "stalled" as a clause of it (or of "workers"): the participle modifies the subject,
    and the later finite verb, which has no subject of its own, is the sentence's.

    Only for a participle of purpose with no auxiliary ("were aimed at" is a verb) and a later verb in the
    past or present tense without a subject.
    """
    root = sent.root
    if root.tag_ != "VBN" or root.lemma_.lower() not in _PURPOSE_PARTICIPLES \
            or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return
    candidates = [t for t in sent if t.i > root.i and t.tag_ in ("VBD", "VBZ", "VBP", "VBN") and t.dep_ in (
        "advcl", "acl", "conj", "ccomp", "relcl") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") or c.tag_ in ("WRB", "WDT")
            for c in t.children)]
    last = max((t.i for t in sent if not t.is_punct and not t.is_space), default=root.i)
    # a finite verb; else a participle read as a relative clause of the last noun ("... workers stalled on
    # Wednesday") that ends the sentence
    verb = next((t for t in candidates if t.tag_ != "VBN"), None) or next(
        (t for t in reversed(candidates) if t.right_edge.i >= last), None)
    if verb is None:
        return
    _make_root(verb, subject, root, subject, "acl")


def _make_root(verb: Token, subject: Token, old_root: Token, new_head: Token, new_dep: str) -> None:
    """Make `verb` the sentence's verb with `subject` its subject, and hang the old root on `new_head`."""
    verb.head = verb
    verb.dep_ = "ROOT"
    subject.head = verb
    subject.dep_ = "nsubj"
    old_root.head = new_head
    old_root.dep_ = new_dep


def repair_fronted_zero_relative(sent: Span) -> None:
    """ "Under an arrangement the two delegations had reached in Lome last Thursday, Niger freed nine
    prisoners" misread with the opening phrase hung on "reached" and "reached" a clause of "freed": "reached"
    is a relative clause of "arrangement" (its object left out), and the phrase belongs to the main verb.

    Only for a sentence that opens with a preposition whose object is directly followed by the subject of a
    verb without an object, that verb a clause of the verb after the next comma.
    """
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    if first is None or first.dep_ != "prep" or first.pos_ != "ADP":
        return
    verb = first.head
    noun = next((c for c in first.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
    main = verb.head
    if noun is None or verb.dep_ not in ("ccomp", "advcl") or verb.pos_ != "VERB" or main.i <= verb.i \
            or any(c.dep_ in ("dobj", "mark", "ccomp", "xcomp") for c in verb.children):
        return
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.left_edge.i != noun.i + 1:
        return
    if not any(t.text == "," for t in sent.doc[verb.i:main.i]):
        return
    verb.head = noun
    verb.dep_ = "relcl"
    first.head = main


def repair_detached_name(sent: Span) -> None:
    """ "mediated by China's special envoy for Asian affairs, Liu Jianhua, and ASEAN's special envoy, X"
    misread with the name "Liu Jianhua" as an adverbial of the verb and the second envoy as its conjunct: the
    name is in apposition to the noun before its comma, and the conjunct is that noun's.

    Only for a proper noun right after a comma, attached to the verb whose argument phrase (its subject,
    object or the object of its preposition) ends right before that comma with a common noun.
    """
    doc = sent.doc
    for name in sent:
        if name.pos_ != "PROPN" or name.dep_ != "npadvmod" or name.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = name.head
        comma = name.left_edge.i - 1
        if comma <= sent.start or doc[comma].text != ",":
            continue
        arguments = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")] + [
            p for c in verb.children if c.dep_ in ("agent", "prep") for p in c.children if p.dep_ == "pobj"]
        noun = next((a for a in arguments if a.right_edge.i == comma - 1 and a.pos_ == "NOUN"), None)
        if noun is None:
            continue
        name.head = noun
        name.dep_ = "appos"
        for conj in [c for c in name.children if c.dep_ == "conj"]:
            conj.head = noun


def repair_talks_as_verb(sent: Span) -> None:
    """ "boycotted the opening of its fisheries talks with Indonesia on Wednesday" misread with "talks" as a
    verb (a clause of "boycotted") after the noun "fisheries": "talks" is the noun that "fisheries" modifies,
    the object of "of", and what hangs on it ("with Indonesia", "on Wednesday") stays with it.

    Only for "talks" or "negotiations" without a subject or an auxiliary, right after a noun that is the
    object of a preposition.
    """
    for token in sent:
        if token.lower_ not in ("talks", "negotiations") or token.pos_ != "VERB" or token.i == sent.start \
                or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children):
            continue
        noun = token.doc[token.i - 1]
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
            continue
        token.head = noun.head
        token.dep_ = "pobj"
        noun.head = token
        noun.dep_ = "compound"
        token.pos_ = "NOUN"
        token.tag_ = "NNS"
        token.lemma_ = "talk" if token.lower_ == "talks" else "negotiation"


def repair_subordinate_root(sent: Span) -> None:
    """ "Indonesian and Vietnamese negotiators reconvened in Putrajaya on Tuesday, three weeks after Hanoi had
    stayed away" misread with "stayed" (a clause of time) as the sentence's verb, "negotiators" its subject and
    "reconvened" a participle of it: the past-tense verb right after the first subject is the sentence's verb,
    and the clause with "after" is its clause of time.

    Only when the sentence's verb has a subordinating mark and another subject of its own after the mark.
    """
    root = sent.root
    mark = next((c for c in root.children if c.dep_ == "mark" and c.lower_ in _TIME_MARKS), None)
    if mark is None:
        return
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    first = next((c for c in subjects if c.i < mark.i), None)
    if first is None or not any(c.i > mark.i for c in subjects):
        return
    verb = next((c for c in first.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i > first.i), None)
    if verb is None:
        return
    _make_root(verb, first, root, verb, "advcl")
    for child in [c for c in first.children if c.dep_ == "punct" and c.i > verb.i]:
        child.head = verb


_TIME_MARKS = frozenset({"after", "before", "since", "until", "when", "while", "as"})


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def repair_day_in_name(sent: Span) -> None:
    """ "on Friday Laos agreed to scrap the levy" misread with "Friday" as part of the subject's name and "on"
    left without an object: the weekday is the object of "on", and the name is the subject alone.

    Only for a weekday right after an "on" that has no object, as a compound on the proper noun after it.
    """
    for day in sent:
        if day.lower_ not in _WEEKDAYS or day.dep_ != "compound" or day.i == sent.start or day.i + 1 >= sent.end:
            continue
        on, name = day.nbor(-1), day.nbor(1)
        if on.lower_ != "on" or on.dep_ != "prep" or any(c.dep_ in ("pobj", "pcomp") for c in on.children) \
                or day.head.i != name.i or name.pos_ != "PROPN":
            continue
        day.head, day.dep_ = on, "pobj"


def repair_co_prefix(sent: Span) -> None:
    """ "The talks are co-chaired by X and Y", split by the tokenizer into "co", "-" and "chaired", misread with
    "co" and "-" as complements of the auxiliary and the subject hung on it: the prefix and its hyphen belong to
    the verb, and so do the subject and the auxiliary.

    Only for "co" and a hyphen right before a verb that neither of them governs.
    """
    for co in sent:
        if co.lower_ != "co" or co.i + 2 >= sent.end:
            continue
        hyphen, verb = co.nbor(1), co.nbor(2)
        if hyphen.text != "-" or verb.tag_ not in ("VBN", "VBD", "VBG", "VBZ", "VBP", "VB") \
                or verb.head.i in (co.i, hyphen.i) or co.is_ancestor(verb) or hyphen.is_ancestor(verb):
            continue
        saved = [(t.head, t.dep_, t.tag_, t.pos_) for t in sent]
        _attach_co_prefix(sent, co, hyphen, verb)
        if _cyclic(sent):   # (never leave a tree the parser could not have made)
            for t, (head, dep, tag, pos) in zip(sent, saved, strict=True):
                t.head, t.dep_, t.tag_, t.pos_ = head, dep, tag, pos


def _cyclic(sent: Span) -> bool:
    """Whether some token of `sent` does not reach the sentence's root through its heads."""
    for token in sent:
        seen = set()
        while token.head.i != token.i:
            if token.i in seen or not sent.start <= token.head.i < sent.end:
                return True
            seen.add(token.i)
            token = token.head
    return False


def _attach_co_prefix(sent: Span, co: Token, hyphen: Token, verb: Token) -> None:
    """Hang "co", its hyphen, the subject and the auxiliaries on the verb (see `repair_co_prefix`)."""
    described, host = co.head, verb.head
    if co.dep_ == "relcl" and described.i < co.i and host.i not in (described.i, verb.i) \
            and (described.head.i == verb.i and described.dep_ in ("nsubj", "nsubjpass")
                 and not described.is_ancestor(host) or not verb.is_ancestor(described)):
        # "The Council of Churches, which co-convenes the dialogue, held ...": the verb is the relative clause,
        # and the noun it describes the subject of the verb the prefixed one was hung on
        if described.head.i == verb.i:
            described.head = host
        verb.head, verb.dep_ = described, "relcl"
    auxes = [t for t in sent if t.head.i in (co.i, hyphen.i, verb.i) and t.dep_ in ("aux", "auxpass")
             and t.i < co.i]
    passive = any(a.dep_ == "auxpass" for a in auxes)
    for token in sent:
        if token.i in (co.i, hyphen.i, verb.i):
            continue
        if token.head.i in (co.i, hyphen.i) or token.dep_ in ("nsubj", "nsubjpass") and (
                token.head in auxes or token.head.i == verb.i):
            token.head = verb
            if token.dep_ in ("nsubj", "nsubjpass"):
                token.dep_ = "nsubjpass" if passive else "nsubj"
    co.head, co.dep_, co.tag_, co.pos_ = verb, "advmod", "AFX", "ADJ"
    hyphen.head, hyphen.dep_, hyphen.tag_, hyphen.pos_ = verb, "punct", "HYPH", "PUNCT"


#: Verbs of two sides sitting down together, whose one subject cannot hold both sides.
_MEETING_VERBS = frozenset({"sit", "meet", "talk", "negotiate", "confer"})
#: Nouns that stand for one side's people ("the leaders of the strikers").
_SIDE_AGENTS = frozenset({"leader", "representative", "delegate", "negotiator", "delegation", "envoy", "official"})


_STAFF_SIDES = frozenset({"union", "worker", "employee", "staff", "workforce"})
_TALKS_OBJECTS = frozenset({"talk", "talks", "negotiation", "negotiations", "dialogue", "mediation", "bargaining"})


def repair_side_under_of(sent: Span) -> None:
    """ "Leaders of the striking tappers and the management of the company sat down for talks": the parser hangs
    the second side on the first side's "of" object; a meeting's one subject of a side's people with a
    determined noun conjoined under its "of" is two sides (the conjunct and what follows are moved)."""
    for subj in sent:
        verb = subj.head
        talks = verb.lemma_.lower() in _MEETING_VERBS or any(
            c.dep_ == "dobj" and c.lemma_.lower() in _TALKS_OBJECTS for c in verb.children)
        if subj.dep_ != "nsubj" or not talks or subj.lemma_.lower() not in _SIDE_AGENTS | _STAFF_SIDES \
                or any(c.dep_ == "conj" for c in subj.children):
            continue
        # ("the union at Daeyang Shipbuilding and the company's management began wage talks")
        of = next((c for c in subj.children if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "at"
                                                                      and subj.lemma_.lower() in _STAFF_SIDES)), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            continue
        conj = next((c for c in pobj.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                     and any(d.dep_ in ("det", "poss") and d.left_edge.i == c.left_edge.i for d in c.children)), None)
        cc = next((c for c in pobj.children
                   if c.dep_ == "cc" and conj is not None and c.i == conj.left_edge.i - 1), None)
        if conj is None or cc is None:
            continue
        cc.head = subj
        conj.head = subj


def repair_of_after_conjunct(sent: Span) -> None:
    """ "Indonesian government negotiators and leaders of the Aceh Sovereignty Front": the parser hangs the "of"
    phrase after the second conjunct on the first; it belongs to the nearer noun (the front's leaders, not the
    government's)."""
    for first in sent:
        if first.pos_ != "NOUN" or not nouns.can_act(first.lemma_):
            continue   # (acts share the phrase: "the arrest and detention of the former president")
        second = next((c for c in first.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > first.i), None)
        if second is None or not nouns.can_act(second.lemma_) \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in second.children):
            continue
        for child in list(first.children):
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == second.i + 1:
                child.head = second


_TIME_CONJUNCTIONS = frozenset({"after", "before", "since", "until", "till", "once", "while"})


def repair_conjunction_as_preposition(sent: Span) -> None:
    """ "one day after the joint border commission had resumed its work": "after" read as a preposition with
    "the commission" its object, and the clause's verb left with no subject. When a verb with an auxiliary and no
    subject has such a preposition of its own whose object ends right before the verb's auxiliaries, the object
    is the verb's subject and the preposition its conjunction."""
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
                                                   for c in verb.children):
            continue
        helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
        if not any(c.dep_ in ("aux", "auxpass") for c in helpers):
            continue
        first = min(c.i for c in helpers)
        if any(t.i not in {c.i for c in helpers} and t.dep_ != "advmod" for t in sent.doc[first:verb.i]):
            continue
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in _TIME_CONJUNCTIONS
                     and c.i < first), None)
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if prep is None or noun is None or max(t.i for t in noun.subtree) != first - 1 \
                or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        noun.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in helpers) else "nsubj"
        noun.head = verb
        prep.dep_ = "mark"

