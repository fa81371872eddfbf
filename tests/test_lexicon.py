import pytest

from parley.errors import DataFileError
from parley.lexicon import NO_EVENT, Lexicon, PredicateFeatures, default_lexicon
from parley.ontology import ontology


def verb(lemma, **kwargs):
    return PredicateFeatures(lemma=lemma, pos="VERB", **kwargs)


def noun(lemma, **kwargs):
    return PredicateFeatures(lemma=lemma, pos="NOUN", **kwargs)


def adj(lemma, **kwargs):
    return PredicateFeatures(lemma=lemma, pos="ADJ", **kwargs)


def write(tmp_path, text, name="mine.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path, text):
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as info:
        Lexicon.load([path], include_default=False)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)
    return "\n".join(info.value.problems)


def test_shipped_lexicon_loads():
    lexicon = default_lexicon()
    assert len({pattern.id for pattern in lexicon.patterns}) >= 300
    assert lexicon.version and lexicon.version == Lexicon.load().version


def test_every_root_is_covered():
    roots = {pattern.cameo[:2] for pattern in default_lexicon().patterns if pattern.cameo != NO_EVENT}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_every_shipped_code_is_in_the_ontology():
    for pattern in default_lexicon().patterns:
        assert pattern.cameo in ontology() or pattern.cameo == NO_EVENT, pattern.id


@pytest.mark.parametrize(
    ("features", "code"),
    [
        (verb("reject"), "120"),
        (verb("reject", obj="proposal"), "125"),
        (verb("turn", particle="down", obj="invitation"), "125"),
        (verb("reject", obj="plan", obj_mods=("peace",)), "127"),
        (verb("rebuff", obj="mediation"), "126"),
        (verb("halt", obj="negotiation"), "164"),
        (verb("suspend", obj="mediation"), "165"),
        (verb("recall", obj="team", obj_mods=("negotiating",)), "164"),
        (verb("recall", obj="ambassador"), "161"),
        (verb("declare", obj="ceasefire"), "0871"),
        (verb("declare", obj="fire", obj_mods=("cease",)), "0871"),
        (verb("offer", obj="truce"), "0356"),
        (verb("offer", obj="aid", obj_mods=("humanitarian",)), "0333"),
        (verb("mediate", preps=(("between", "faction"),)), "045"),
        (verb("negotiate"), "046"),
        (verb("hold", obj="talk"), "040"),
        (verb("hold", obj="talk", obj_mods=("peace",)), "046"),
        (verb("sign", obj="agreement"), "057"),
        (verb("strike", obj="deal"), "057"),
        (verb("strike"), "190"),
        (verb("release", obj="prisoner"), "0841"),
        (verb("demand", obj="release"), "1053"),
        (verb("demand", obj="ceasefire"), "1056"),
        (verb("demand", obj="talk"), "106"),
        (verb("accuse"), "112"),
        (verb("condemn"), "111"),
        (verb("praise"), "051"),
        (verb("visit"), "042"),
        (verb("host"), "043"),
        (verb("arrest"), "173"),
        (verb("impose", obj="sanction"), "163"),
        (verb("expel", obj="observer"), "1662"),
        (verb("apologize"), "055"),
        (verb("deny", obj="involvement"), "016"),
        (verb("launch", obj="airstrike"), "195"),
        (verb("launch", obj="investigation"), "090"),
        (noun("talk", obj_mods=("peace",)), "046"),
        (noun("release", preps=(("of", "hostage"),)), "0841"),
        (noun("attack", obj_mods=("suicide",)), "1831"),
        # "the rebels attacked an army base": physical unless a statement or policy is attacked
        (verb("attack", obj="base", obj_mods=("army",)), "190"),
        (verb("attack", obj="policy"), "111"),
        (verb("launch", obj="attack", obj_mods=("scathing",)), "111"),
        (verb("launch", obj="attack", obj_mods=("air",)), "195"),
        (noun("attack", obj_mods=("verbal",)), "111"),
        # a phone call to a titled counterpart; "called on X" stays an appeal
        (verb("call", obj="salman", obj_mods=("king",)), "041"),
        (verb("call", obj="minister", preps=(("on", "friday"),)), "041"),
        (verb("call", preps=(("on", "government"),)), "020"),
        # agreeing to / on an agreement is settling it (SUPPORT); agreeing to a plan is intent
        (verb("agree", preps=(("to", "deal"),)), "057"),
        (verb("agree", preps=(("on", "text"),)), "057"),
        (verb("agree", obj="agreement"), "057"),
        (verb("agree", preps=(("to", "plan"),)), "037"),
        (verb("pledge", obj="support", preps=(("for", "government"),)), "051"),
        (verb("reiterate", obj="support"), "051"),
        (verb("pledge", obj="aid"), "033"),
        (verb("announce", obj="suspension", obj_mods=("aid",)), "162"),
        (verb("announce", obj="aid"), "070"),
        (verb("begin", obj="round", obj_mods=("exercise", "joint")), "062"),
        (verb("return", obj="painting", preps=(("to", "museum"),)), "0842"),
        (verb("order", obj="release", obj_mods=("journalist",)), "0841"),
        (verb("grant", obj="permission"), "080"),
        (verb("lift", obj="boycott"), "080"),
        (verb("lift", obj="embargo"), "085"),
        (verb("reduce", obj="tariff"), "085"),
        (verb("revoke", obj="decision"), "0832"),
        (verb("provide", obj="million", obj_mods=("$",)), "071"),
        (verb("supply", obj="equipment", obj_mods=("military",)), "072"),
        (verb("fly", obj="medicine"), "073"),
        (verb("deploy", obj="observer", obj_mods=("election",)), "074"),
        (verb("use", obj="civilian", preps=(("as", "shield"),)), "184"),
        (verb("stop", obj="work"), "143"),
        (verb("convey", obj="concern"), "012"),
        (verb("charge", preps=(("with", "fraud"),)), "1121"),
        (verb("arrest"), "173"),
        # evaluative adjectives: "X is skeptical about Y", "X is critical of Y"
        (adj("skeptical", preps=(("about", "plan"),)), "012"),
        (adj("concerned"), "012"),
        (adj("optimistic"), "013"),
        (adj("critical", preps=(("of", "government"),)), "111"),
        (adj("angry"), "110"),
        (adj("grateful", preps=(("to", "india"),)), "051"),
        # rejecting what someone said is a rejection; rejecting an accusation a denial
        (verb("reject", obj="suggestion"), "120"),
        (verb("dispute", obj="report"), "120"),
        (verb("reject", obj="accusation"), "016"),
        # calls for sanctions against X disapprove of X; calls for aid stay appeals
        (verb("call", preps=(("for", "sanction"), ("against", "russia"))), "110"),
        (verb("call", preps=(("for", "aid"),)), "023"),
        (verb("seek", obj="refuge"), "103"),
        (verb("launch", obj="appeal"), "020"),
        (verb("file", obj="appeal"), "115"),
        # reaffirming a commitment is support now; showing one is intent
        (verb("reaffirm", obj="commitment"), "051"),
        (verb("signal", obj="commitment"), "030"),
        # "agree with X" (a view) vs "agree with X on Y" (a settlement)
        (verb("agree", preps=(("with", "senate"),)), "019"),
        (verb("agree", preps=(("with", "iran"), ("on", "plan"))), "030"),
        (verb("contribute", obj="troop"), "074"),
        (noun("deployment", preps=(("of", "peacekeeper"),)), "074"),
        (noun("deployment"), "154"),
        (verb("open", obj="border", preps=(("to", "refugee"),)), "075"),
        (verb("open", obj="border"), "086"),
        (verb("fight", obj="epidemic"), "073"),
        (verb("fight", obj="rebel"), "190"),
        (verb("overrun", obj="base"), "190"),
        # taking a town by force is an armed assault; holding or annexing it occupies territory
        (verb("capture", obj="town"), "190"),
        (verb("occupy", obj="town"), "192"),
        (verb("annex", obj="peninsula"), "192"),
        (verb("search", obj="residence"), "090"),
        (verb("give", obj="deadline"), "139"),
        (verb("remain", preps=(("on", "alert"),)), "152"),
        (verb("launch", obj="warfare"), "190"),
        (verb("leave", obj="meeting"), "125"),
        (verb("support", obj="assistance"), "070"),
        # coverage round: synonym families and deciding objects found with written sentences
        (verb("convene"), "040"),
        (verb("exchange", obj="view"), "040"),
        (verb("conclude", obj="round"), "040"),
        (verb("endorse", obj="plan"), "051"),
        (verb("accept", obj="plan"), "037"),
        (verb("side", preps=(("with", "venezuela"),)), "051"),
        (verb("throw", obj="weight", preps=(("behind", "mission"),)), "051"),
        (verb("supply", obj="system", obj_mods=("defence", "air")), "072"),
        (verb("launch", obj="operation", obj_mods=("joint",)), "060"),
        (verb("launch", obj="operation"), "190"),
        (verb("scrap", obj="tax", obj_mods=("fuel",)), "0832"),
        (verb("lift", obj="veto"), "080"),
        (verb("drop", obj="objection"), "080"),
        (verb("question", obj="suspect"), "090"),
        (verb("question", obj="decision"), "111"),
        (verb("issue", obj="list", obj_mods=("demand",)), "100"),
        (verb("present", obj="demand"), "100"),
        (verb("hit", preps=(("at", "washington"), ("over", "control"))), "111"),
        (verb("hit", particle="back", preps=(("at", "criticism"),)), "111"),
        (verb("hit", preps=(("at", "target"),)), "190"),
        (verb("vote", particle="down", obj="budget"), "129"),
        (verb("brush", obj="warning"), "120"),
        (verb("throw", particle="out", obj="petition"), "120"),
        (verb("throw", particle="out"), "166"),
        (verb("nix", obj="proposal"), "125"),
        (verb("rally", preps=(("against", "law"),)), "141"),
        (verb("campaign", preps=(("against", "law"),)), "113"),
        (verb("stage", obj="in", obj_mods=("sit",)), "141"),
        (verb("walk", preps=(("off", "job"),)), "143"),
        (verb("send", obj="tank", preps=(("into", "city"),)), "154"),
        (verb("send", obj="tank", preps=(("to", "ukraine"),)), "072"),
        (verb("reinforce", obj="garrison"), "154"),
        (verb("put", obj="army", preps=(("on", "level"),)), "152"),
        (verb("freeze", obj="revenue"), "162"),
        (verb("retaliate", preps=(("with", "tariff"),)), "163"),
        (verb("retaliate"), "190"),
        (verb("revoke", obj="licence"), "172"),
        (verb("deny", obj="permission"), "120"),
        (verb("block", obj="access", preps=(("to", "internet"),)), "1721"),
        (verb("intercept", obj="flotilla"), "170"),
        (verb("hunt", particle="down"), "173"),
        (verb("hack", preps=(("to", "death"),)), "1823"),
        (verb("slam", preps=(("into", "block"),)), "190"),
        (verb("slam"), "111"),
        (verb("carry", particle="out", obj="campaign", obj_mods=("cleansing", "ethnic")), "203"),
        (verb("commit", obj="massacre"), "202"),
        (noun("call", preps=(("for", "truce"),)), "0256"),
        (noun("call", preps=(("for", "solution"),)), "020"),
        (adj("open", preps=(("to", "talk"),)), "036"),
        (adj("ready", preps=(("for", "negotiation"),)), "036"),
        (verb("quash", obj="order"), "120"),
        (verb("launch", obj="effort", obj_mods=("mediation",)), "045"),
        # peacekeeping decides over a plain troop deployment
        (noun("deployment", obj="troop", preps=(("on", "mission"),)), "074"),
        (noun("deployment", obj="troop"), "154"),
        (verb("send", obj="troop", preps=(("to", "force"),)), "074"),
        (verb("send", obj="troop", preps=(("to", "border"),)), "154"),
        (verb("deploy", obj="soldier", preps=(("as", "peacekeeper"),)), "074"),
        (verb("intensify", obj="force"), "154"),
        # joint exercises are cooperation, a unilateral war game a show of force
        (verb("perform", obj="game", obj_mods=("joint", "war")), "062"),
        (verb("stage", obj="game", obj_mods=("war",)), "150"),
        (verb("open", obj="border", preps=(("to", "people"),)), "075"),
        (verb("open", obj="border", preps=(("to", "trade"),)), "086"),
        (verb("violate", obj="ban"), "128"),
        (noun("suspension", obj="link"), "161"),
        (noun("suspension", obj="flight"), "160"),
        (verb("burn", obj="flag"), "141"),
        # visitors received, delegations led abroad, honours conferred
        (verb("receive", obj="ambassador"), "043"),
        (verb("lead", obj="delegation", preps=(("to", "moscow"),)), "042"),
        (verb("award", obj="medal"), "051"),
        (verb("confer", obj="order", obj_mods=("merit",)), "051"),
        # probes headed or set up, court steps, prosecutors' requests
        (verb("head", obj="inquiry"), "090"),
        (verb("set", particle="up", obj="commission", obj_mods=("inquiry",)), "090"),
        (verb("seek", obj="sentence", obj_mods=("jail",)), "115"),
        (verb("order", obj="retrial"), "115"),
        (verb("grant", obj="injunction"), "080"),
        (verb("drop", obj="investigation"), "0832"),
        (verb("drop", obj="charge"), "0832"),
        # verbal disapproval and pressure
        (verb("call", particle="out", obj="government"), "111"),
        (verb("challenge", obj="decision"), "111"),
        (verb("challenge", obj="report"), "120"),
        (verb("increase", obj="pressure", preps=(("on", "iran"),)), "100"),
        (verb("express", obj="surprise"), "010"),
        # aid: medical teams, military know-how; its suspension
        (verb("send", obj="team", obj_mods=("medical",)), "073"),
        (verb("send", obj="doctor"), "073"),
        (verb("provide", obj="expertise", obj_mods=("military",)), "072"),
        (noun("suspension", obj="aid"), "162"),
        # closures, emergencies, captures, displacement, fire across a line
        (verb("close", obj="point", obj_mods=("crossing",)), "172"),
        (verb("declare", obj="state", obj_mods=("siege",)), "1724"),
        (verb("commence", obj="assault"), "190"),
        (verb("capture", obj="mosque"), "190"),
        (verb("displace", obj="people"), "201"),
        (verb("fire", preps=(("across", "line"),)), "190"),
        (adj("responsible", preps=(("for", "killing"),)), "190"),
        # handing over weapons is disarmament; approving monitors lets them in
        (verb("hand", particle="over", obj="percent", obj_mods=("arm",)), "0873"),
        (verb("approve", obj="deployment", obj_mods=("team",)), "0861"),
        # small units are troops too; taking in people is asylum; peacekeeping service is aid
        (verb("send", obj="platoon", preps=(("to", "country"),)), "154"),
        (verb("dispatch", obj="contingent"), "154"),
        (verb("accept", obj="people"), "075"),
        (verb("take", particle="in", obj="family"), "075"),
        (verb("participate", preps=(("in", "mission"),)), "074"),
        (noun("operation", obj_mods=("peacekeeping",)), "074"),
        (verb("extend", obj="mission"), "070"),
        (verb("reinstate", obj="minister"), "080"),
        (verb("reappoint"), "080"),
        # refusing a permission is a rejection; a travel warning cuts contact; compensation concedes
        (verb("deny", obj="permission"), "120"),
        (verb("issue", obj="warning", obj_mods=("travel",)), "160"),
        (verb("pay", obj="compensation"), "080"),
        (verb("pay", obj="aid", preps=(("as", "compensation"),)), "080"),
        (verb("pay", obj="money"), "071"),
        # ordering someone to appear or testify is a demand
        (verb("order", xcomp="appear"), "100"),
        (verb("set", obj="prisoner"), "0841"),
        # "staged" (lemma repaired from the model's "stag") a protest, a strike, war games, an attack
        (verb("stage", obj="protest"), "141"),
        (verb("stage", obj="strike"), "143"),
        (verb("stage", obj="game", obj_mods=("war",)), "150"),
        (verb("stage", obj="attack"), "190"),
        # a condemnation voiced is a condemnation; voiced irritation is disapproval
        (verb("express", obj="condemnation", obj_mods=("strong",)), "111"),
        (verb("voice", obj="disgust"), "111"),
        (verb("express", obj="irritation"), "110"),
        # sanctions: prolonged or enforced ones are sanctions; demanded ones disapprove; lifting is easing
        (verb("prolong", obj="sanction"), "163"),
        (verb("enforce", obj="embargo"), "163"),
        (verb("demand", obj="sanction", preps=(("against", "junta"),)), "110"),
        (verb("demand", obj="lifting", obj_mods=("sanction",)), "1054"),
        (verb("ban", obj="import", obj_mods=("wine",)), "163"),
        (verb("suspend", obj="export", preps=(("to", "qatar"),)), "163"),
        # cyber attacks are attacks
        (verb("carry", particle="out", obj="cyberattack"), "190"),
        (noun("cyberattack", preps=(("on", "bank"),)), "190"),
        # custody, property burnt, the internet cut, officials removed
        (verb("place", obj="leader", preps=(("under", "arrest"),)), "173"),
        (verb("take", obj="suspect", preps=(("into", "custody"),)), "173"),
        (verb("set", obj="fire", preps=(("to", "home"),)), "1712"),
        (verb("cut", particle="off", obj="access", obj_mods=("internet",)), "1721"),
        (verb("dismiss", obj="governor"), "172"),
        (verb("sack", obj="chief", obj_mods=("army",)), "172"),
        (verb("dismiss", obj="lawsuit"), "120"),
        # revenge vowed is a threat of force; impeachment a legal action; aircraft shot down is force
        (verb("vow", obj="revenge"), "138"),
        (verb("promise", obj="retaliation"), "138"),
        (verb("impeach"), "115"),
        (noun("impeachment", preps=(("of", "president"),)), "115"),
        (verb("shoot", particle="down", obj="jet"), "190"),
        (verb("down", obj="drone"), "190"),
        (verb("shoot", particle="down", obj="bill"), "129"),
        # troops on alert: the place they are on alert in is the target
        (verb("remain", preps=(("on", "alert"), ("in", "manila"))), "152"),
        # blockades, sieges and police cordons restrict movement (CAMEO 191)
        (verb("impose", obj="blockade", preps=(("on", "port"),)), "191"),
        (verb("lay", obj="siege", preps=(("to", "city"),)), "191"),
        (verb("blockade", obj="headquarters"), "191"),
        (noun("blockade", preps=(("of", "qatar"),)), "191"),
        (verb("cordon", particle="off", obj="area"), "191"),
        (verb("impose", obj="zone", obj_mods=("closure",)), "191"),
        (verb("lift", obj="blockade"), "0872"),
        # seizing control by force is an assault; taking or assuming control occupies
        (verb("seize", obj="control"), "190"),
        (verb("overrun", obj="base", obj_mods=("military",)), "190"),
        (verb("take", obj="control"), "192"),
        # freed captives, hopes and fears voiced
        (verb("let", obj="prisoner", obj_mods=("free",)), "0841"),
        (verb("hope"), "013"),
        (verb("hope", preps=(("for", "deal"),)), "013"),
        (verb("fear"), "012"),
        # phone calls made to apologize, congratulate or console take the purpose's code
        (verb("call", obj="erdogan", xcomp="apologize"), "055"),
        (verb("call", obj="biden", xcomp="congratulate"), "051"),
        (verb("call", obj="widow", xcomp="console"), "018"),
        # cooperation and joint exercises named as events
        (noun("cooperation", preps=(("between", "philippines"),)), "060"),
        (noun("partnership", preps=(("with", "japan"),)), "060"),
        (noun("exercise", obj_mods=("joint", "naval")), "062"),
        (noun("drill", preps=(("with", "navy"),)), "062"),
        # coups remove a ruler; doctors sent are medical aid; vaccination is humanitarian aid
        (verb("overthrow", obj="president"), "172"),
        (verb("topple", obj="regime"), "172"),
        (verb("oust", obj="leader"), "172"),
        (verb("topple"), "172"),
        (verb("send", obj="team", obj_mods=("physician",)), "073"),
        (verb("vaccinate", obj="child"), "073"),
        (verb("rape", obj="woman"), "1821"),
        # asylum granted is asylum, not generic aid; appeals for sums of money are appeals for aid
        (verb("grant", obj="asylum"), "075"),
        (verb("give", obj="refuge"), "075"),
        (verb("appeal", preps=(("for", "billion"),)), "023"),
        # money pledged is a promise of aid; money given is aid
        (verb("pledge", obj="billion"), "0331"),
        (verb("commit", obj="million"), "0331"),
        (verb("provide", obj="billion"), "071"),
        # weapons tested are a show of force
        (verb("test", obj="missile"), "150"),
        (verb("test", obj="missile", obj_mods=("ballistic",)), "150"),
    ],
)
def test_shipped_patterns(features, code):
    match = default_lexicon().match(features)
    assert match is not None
    assert match.code == code


def test_object_words_stay_narrow():
    # a "game" is only an exercise when it is a war game; burning a house is no protest
    assert default_lexicon().match(verb("stage", obj="game")) is None
    # "set a date" frees no one; a plain "operation" is no peacekeeping
    assert default_lexicon().match(verb("set", obj="date")) is None
    operation = default_lexicon().match(noun("operation"))
    assert operation is None or operation.code != "074"
    burn = default_lexicon().match(verb("burn", obj="house"))
    assert burn is None or burn.code != "141"
    # a court grants an injunction, but "issued an order" is no concession; an arbitrary object of
    # "responsible" or a plain deployment approval codes nothing new
    issued = default_lexicon().match(verb("issue", obj="order"))
    assert issued is None or issued.code != "080"
    assert default_lexicon().match(adj("responsible", preps=(("for", "security"),))) is None
    approved = default_lexicon().match(verb("approve", obj="deployment", obj_mods=("troop",)))
    assert approved is None or approved.code != "0861"


def test_new_families_stay_narrow():
    # "set a date" and "set fire" without a target of the fire are no destruction
    fire = default_lexicon().match(verb("set", obj="fire"))
    assert fire is None or fire.code != "1712"
    # "down" only codes force with an aircraft or missile as object
    assert default_lexicon().match(verb("down", obj="tool")) is None or \
        default_lexicon().match(verb("down", obj="tool")).code != "190"
    # dismissing a claim stays a rejection; placing under a plan is nothing
    assert default_lexicon().match(verb("dismiss", obj="claim")).code == "120"
    placed = default_lexicon().match(verb("place", preps=(("under", "plan"),)))
    assert placed is None or placed.code != "173"
    # a plain "remain" is no alert
    assert default_lexicon().match(verb("remain")) is None
    assert default_lexicon().match(verb("remain", preps=(("on", "alert"),))).target == "prep:in|along|near|at"


def test_third_round_families_stay_narrow():
    lexicon = default_lexicon()
    # refugees fleeing are not troops retreating
    assert lexicon.match(verb("flee")) is None
    # "let" alone frees no one; "rapped the government" (criticized) is no assault
    assert lexicon.match(verb("let", obj="prisoner")) is None
    rapped = lexicon.match(verb("rap", obj="government"))
    assert rapped is None or rapped.code != "1821"
    # a plain "cooperation" or "exercise" with no second party is no event of its own
    assert lexicon.match(noun("cooperation")) is None
    assert lexicon.match(noun("exercise")) is None
    # a plain phone call to a named person stays unknown; testing a theory is nothing
    assert lexicon.match(verb("test", obj="theory")) is None
    # surrounding a building is a cordon, not an assault
    assert lexicon.match(verb("surround", obj="building")).code == "191"
    # the hope target is the preposition object or the clause subject, never "for" alone
    assert lexicon.match(verb("hope")).target == "obj"


def test_coverage_round_families_stay_narrow():
    lexicon = default_lexicon()
    # a bare "system" is no weapon; an intercepted missile is no coercion of a boat's crew
    assert lexicon.match(verb("supply", obj="system")) is None
    assert lexicon.match(verb("intercept", obj="missile")) is None
    # a phone call stays a consultation; "a call for" is the appeal
    assert lexicon.match(noun("call", obj_mods=("phone",))).code == "041"
    # "open to talks" needs the talks: a plain "open" adjective is nothing
    assert lexicon.match(adj("open")) is None


def test_no_match_returns_none():
    assert default_lexicon().match(verb("photosynthesize")) is None
    assert default_lexicon().match(noun("reject")) is None


def test_is_trigger():
    assert default_lexicon().is_trigger("reject", "VERB")
    assert default_lexicon().is_trigger("talk", "NOUN")
    assert not default_lexicon().is_trigger("photosynthesize", "VERB")


PLAIN = """
patterns:
  - {id: t.reject, lemma: reject, cameo: "120"}
  - {id: t.reject.proposal, lemma: [reject, "turn down"], obj: [proposal, offer], cameo: "125"}
  - {id: t.reject.plan.mod, lemma: reject, obj: [plan], obj_mod: [peace], cameo: "127"}
  - {id: t.call_off, lemma: "call off", obj: [talk], cameo: "164"}
  - {id: t.call_for, lemma: "call for", obj: [ceasefire], cameo: "0256", target: none}
  - {id: t.against, lemma: protest, prep: {against: null}, cameo: "141", target: "prep:against"}
  - {id: t.on_strike, lemma: go, prep: {on: [strike]}, cameo: "143", target: none}
  - {id: t.xcomp, lemma: decline, xcomp: [comment], cameo: "011", target: none}
  - {id: t.meet, lemma: meet, cameo: "040", reciprocal: true}
"""


@pytest.fixture
def small(tmp_path):
    return Lexicon.load([write(tmp_path, PLAIN)], include_default=False)


def test_object_constraint_beats_plain_pattern(small):
    assert small.match(verb("reject")).pattern_id == "t.reject"
    assert small.match(verb("reject", obj="proposal")).pattern_id == "t.reject.proposal"
    assert small.match(verb("reject", obj="letter")).pattern_id == "t.reject"


def test_object_matches_on_a_modifier(small):
    assert small.match(verb("reject", obj="initiative", obj_mods=("offer",))).code == "125"


def test_more_constraints_win(small):
    match = small.match(verb("reject", obj="plan", obj_mods=("peace",)))
    assert match.pattern_id == "t.reject.plan.mod"


def test_particle_spelling(small):
    assert small.match(verb("turn", particle="down", obj="offer")).code == "125"
    assert small.match(verb("call", particle="off", obj="talk")).code == "164"


def test_plain_pattern_does_not_match_a_phrasal_verb(small):
    assert small.match(verb("reject", particle="out")) is None
    assert small.match(verb("turn", obj="offer")) is None


def test_prepositional_spelling_reads_the_preposition_object(small):
    match = small.match(verb("call", preps=(("for", "ceasefire"),)))
    assert match.code == "0256"
    assert small.match(verb("call", preps=(("for", "lunch"),))) is None


def test_time_phrase_is_not_a_prepositional_verb(small, tmp_path):
    lexicon = Lexicon.load([write(tmp_path, PLAIN + '  - {id: t.call_on, lemma: "call on", cameo: "020"}\n')],
                           include_default=False)
    assert lexicon.match(verb("call", obj="putin", preps=(("on", "saturday"),))) is None
    assert lexicon.match(verb("call", preps=(("on", "tuesday"), ("on", "leader")))).pattern_id == "t.call_on"
    assert small.match(verb("protest", preps=(("against", "monday"),))) is None


def test_preposition_constraint(small):
    match = small.match(verb("protest", preps=(("against", "government"),)))
    assert (match.code, match.target) == ("141", "prep:against")
    assert small.match(verb("protest")) is None
    assert small.match(verb("go", preps=(("on", "strike"),))).code == "143"
    assert small.match(verb("go", preps=(("on", "holiday"),))) is None


def test_xcomp_constraint(small):
    assert small.match(verb("decline", xcomp="comment")).code == "011"
    assert small.match(verb("decline", xcomp="attend")) is None


def test_reciprocal_and_default_target(small):
    match = small.match(verb("meet"))
    assert match.reciprocal is True
    assert match.target == "obj"


def test_user_patterns_take_precedence(tmp_path):
    user = write(tmp_path, 'patterns:\n  - {id: my.reject, lemma: reject, cameo: "128"}\n')
    lexicon = Lexicon.load([user])
    assert lexicon.match(verb("reject")).pattern_id == "my.reject"
    # a more specific shipped pattern still wins over a less specific user one
    assert lexicon.match(verb("reject", obj="proposal")).code == "125"
    assert lexicon.version != default_lexicon().version


def test_earlier_user_file_wins(tmp_path):
    first = write(tmp_path, 'patterns:\n  - {id: a, lemma: parley, cameo: "046"}\n', "a.yaml")
    second = write(tmp_path, 'patterns:\n  - {id: b, lemma: parley, cameo: "040"}\n', "b.yaml")
    assert Lexicon.load([first, second], include_default=False).match(verb("parley")).pattern_id == "a"


@pytest.mark.parametrize(
    ("lemma", "particle", "complement", "code"),
    [
        ("agree", None, "046", "036"),
        ("agree", None, "0871", "0356"),
        ("agree", None, "0841", "0353"),
        ("offer", None, "045", "039"),
        ("pledge", None, "073", "0333"),
        ("vow", None, "195", "1384"),
        ("refuse", None, "040", "125"),
        ("refuse", None, "0841", "1243"),
        ("refuse", None, "057", "127"),
        ("decline", None, "010", "011"),
        ("threaten", None, "164", "134"),
        ("threaten", None, "163", "1312"),
        ("threaten", None, "190", "1384"),
        ("urge", None, "046", "026"),
        ("call", "on", "0841", "0253"),
        ("call", "on", "087", "0256"),
        ("demand", None, "0841", "1053"),
        ("demand", None, "087", "1056"),
        ("demand", None, "040", "106"),
        ("order", None, "173", "173"),
        ("try", None, "186", "185"),
        # an offer of troops is an offer of military help, a promise of troops a threat
        ("offer", None, "154", "0332"),
        ("offer", None, "071", "0331"),
        ("vow", None, "154", "138"),
        ("consider", None, "073", "014"),
        ("fail", None, "057", "127"),
        # "refused to allow X to land": a refusal whose complement the lexicon does not know
        ("refuse", None, "", "120"),
        # agreeing or committing to send troops or police is an offer of help, vowing to send them a threat
        ("agree", None, "154", "0332"),
        ("agree", None, "153", "0332"),
        ("commit", None, "154", "0332"),
        ("agree", None, "0841", "0353"),
        ("hope", None, "046", "036"),
    ],
)
def test_control_maps(lemma, particle, complement, code):
    rule = default_lexicon().control(lemma, particle)
    assert rule is not None
    assert rule.apply(complement) == code


def test_control_without_mapping_returns_none():
    assert default_lexicon().control("refuse").apply("190") is None
    assert default_lexicon().control("fail").apply("040") is None
    # "decided to lift sanctions" is the act itself, not an intent
    assert default_lexicon().control("decide") is None
    assert default_lexicon().control("photosynthesize") is None
    assert default_lexicon().control("call") is None


def test_control_modality():
    assert default_lexicon().control("promise").modality == "intent"
    assert default_lexicon().control("refuse").modality == "negation"


def test_user_file_may_hold_only_control(tmp_path):
    path = write(tmp_path, 'control:\n  - {id: c.mull, lemma: mull, modality: intent, map: {"*": keep}}\n')
    lexicon = Lexicon.load([path])
    assert lexicon.control("mull").apply("046") == "046"
    assert lexicon.control("agree").apply("046") == "036"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('patterns:\n  - {id: x, lemma: meet, cameo: "999"}\n', "patterns[0] (id 'x'), line 2, key 'cameo'"),
        ("patterns:\n  - {id: x, lemma: meet, cameo: 36}\n", "key 'cameo': 36 must be a quoted string"),
        ('patterns:\n  - {id: x, lemma: meet, cameo: "040", colour: red}\n', "key 'colour': unknown key"),
        ('patterns:\n  - {id: x, lemma: meet, cameo: "040", pos: ADVERB}\n', "key 'pos'"),
        ('patterns:\n  - {id: x, lemma: 5, cameo: "040"}\n', "key 'lemma'"),
        ('patterns:\n  - {id: x, lemma: "take hostage", cameo: "181"}\n', "key 'lemma': in 'take hostage'"),
        ('patterns:\n  - {id: x, lemma: meet, obj: [], cameo: "040"}\n', "key 'obj': empty list"),
        ('patterns:\n  - {id: x, lemma: meet, prep: [with], cameo: "040"}\n', "key 'prep'"),
        ('patterns:\n  - {id: x, lemma: meet, target: subj, cameo: "040"}\n', "key 'target'"),
        ('patterns:\n  - {id: x, lemma: meet, reciprocal: maybe, cameo: "040"}\n', "key 'reciprocal'"),
        ("patterns:\n  - {id: x, lemma: meet}\n", "key 'cameo': missing"),
        (
            'patterns:\n  - {id: x, lemma: meet, cameo: "040"}\n  - {id: x, lemma: see, cameo: "040"}\n',
            "patterns[1] (id 'x'), line 3, key 'id': duplicate id",
        ),
        (
            'control:\n  - {id: c, lemma: vow, map: {"*": "999"}}\n',
            "control[0] (id 'c'), line 2, key 'map.*'",
        ),
        ('control:\n  - {id: c, lemma: vow, map: {4: "030"}}\n', "key 'map': prefix 4"),
        ('control:\n  - {id: c, lemma: vow, modality: maybe, map: {"*": keep}}\n', "key 'modality'"),
        ('rules: []\n', "unknown top-level key 'rules'"),
        ('version: 2\n', "key 'version'"),
        ('patterns:\n  - {id: x, id: y, lemma: meet, cameo: "040"}\n', "line 2: key 'id' appears twice"),
    ],
)
def test_validation_names_file_and_key(tmp_path, text, expected):
    assert expected in problems_of(tmp_path, text)


def test_every_problem_is_reported(tmp_path):
    text = (
        "patterns:\n"
        '  - {id: a, lemma: meet, cameo: "999"}\n'
        '  - {id: b, lemma: meet, colour: red, cameo: "040"}\n'
        '  - {id: c, lemma: meet, target: nowhere, cameo: "040"}\n'
    )
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as info:
        Lexicon.load([path], include_default=False)
    assert len(info.value.problems) == 3


def test_malformed_yaml_reports_its_line(tmp_path):
    text = 'patterns:\n  - {id: x, lemma: meet, cameo: "040"\n  - {id: y}\n'
    assert "line 3" in problems_of(tmp_path, text)


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        Lexicon.load([tmp_path / "absent.yaml"])


def test_a_fixed_phrase_beats_the_event_pattern_of_its_verb():
    assert default_lexicon().match(verb("plead", xcomp="guilty")) is None
    assert default_lexicon().match(verb("plead", preps=(("with", "rebel"),))) is not None


def test_an_object_constraint_keeps_the_political_sense():
    lexicon = default_lexicon()
    hostages = PredicateFeatures(lemma="release", pos="VERB", obj="hostage", obj_actor=True)
    album = PredicateFeatures(lemma="release", pos="VERB", obj="album", obj_actor=False)
    assert lexicon.match(hostages) is not None and lexicon.match(hostages).code.startswith("08")
    assert lexicon.match(album) is None


def test_args_are_checked(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text('patterns:\n  - {id: x.y, lemma: shove, args: {obj: thing, source: pirates}, cameo: "182"}\n',
                    encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        Lexicon.load([path])
    assert any("obj 'thing' must be 'actor'" in p for p in info.value.problems)
    assert any("source 'pirates' must be one of" in p for p in info.value.problems)
