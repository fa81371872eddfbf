import datetime as dt

import pytest

from parley.actors import capital_of, country_code, country_name, demonym_code, seat_of
from parley.actors.kb import ActorKB, default_kb
from parley.errors import DataFileError

HEADER = "kind\tnames\tname\tcode\tcountry\tsector\tstart\tend\tnote\n"


@pytest.fixture(scope="module")
def kb():
    return default_kb()


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Russia", "RUS"),
        ("russian", "RUS"),
        ("the U.S.", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("the UK", "GBR"),
        ("Great Britain", "GBR"),
        ("Ivory Coast", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Vietnam", "VNM"),
        ("Laos", "LAO"),
        ("Bolivia", "BOL"),
        ("Venezuela", "VEN"),
        ("Tanzania", "TZA"),
        ("Moldova", "MDA"),
        ("Czechia", "CZE"),
        ("Czech Republic", "CZE"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("DRC", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("DR Congo", "COD"),
        ("Democratic Republic of Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Palestinian territories", "PSE"),
        ("Palestine", "PSE"),
        ("Kosovo", "XKX"),
        ("Taiwan", "TWN"),
        ("the Netherlands", "NLD"),
        ("Holland", "NLD"),
        ("Burma", "MMR"),
        ("East Timor", "TLS"),
        ("Swaziland", "SWZ"),
        ("Eswatini", "SWZ"),
        ("Cape Verde", "CPV"),
        ("Russia's", "RUS"),
        ("RUS", "RUS"),
    ],
)
def test_country_code_aliases(name, iso3):
    assert country_code(name) == iso3


@pytest.mark.parametrize("name", ["Narnia", "", "the"])
def test_country_code_unknown(name):
    assert country_code(name) is None


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Israeli", "ISR"),
        ("Israelis", "ISR"),
        ("Russian", "RUS"),
        ("British", "GBR"),
        ("American", "USA"),
        ("Chinese", "CHN"),
        ("Saudi", "SAU"),
        ("Emirati", "ARE"),
        ("Qatari", "QAT"),
        ("Egyptian", "EGY"),
        ("Sudanese", "SDN"),
        ("South Sudanese", "SSD"),
        ("Congolese", "COD"),
        ("Colombian", "COL"),
        ("Mexican", "MEX"),
        ("Salvadoran", "SLV"),
        ("Honduran", "HND"),
        ("Guatemalan", "GTM"),
        ("Venezuelan", "VEN"),
        ("Ukrainian", "UKR"),
        ("Afghan", "AFG"),
        ("Pakistani", "PAK"),
        ("Filipino", "PHL"),
        ("Philippine", "PHL"),
        ("Yemeni", "YEM"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Dutch", "NLD"),
    ],
)
def test_demonym_code(word, iso3):
    assert demonym_code(word) == iso3


def test_country_name_and_capital():
    assert country_name("CIV") == "Ivory Coast"
    assert capital_of("UKR") == "Kyiv"
    assert country_name("ZZZ") is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the Pentagon", ("USA", "MIL")),
        ("the White House", ("USA", "GOV")),
        ("the Kremlin", ("RUS", "GOV")),
        ("Downing Street", ("GBR", "GOV")),
        ("the Élysée", ("FRA", "GOV")),
        ("Kiev", ("UKR", "GOV")),
        ("Jerusalem", ("ISR", "GOV")),
        ("Bogotá", ("COL", "GOV")),
        ("Nairobi", ("KEN", "GOV")),
    ],
)
def test_seat_of(phrase, expected):
    assert seat_of(phrase) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Kremlin", "RUSGOV"),
        ("Washington", "USAGOV"),
        ("the Pentagon", "USAMIL"),
        ("Tehran", "IRNGOV"),
        ("Israeli officials", "ISRGOV"),
        ("Iran's foreign minister", "IRNGOV"),
        ("the Syrian army", "SYRMIL"),
        ("Colombian police", "COLCOP"),
        ("a senior U.S. official", "USAGOV"),
        ("the Sudanese government", "SDNGOV"),
        ("Qatari and Egyptian mediators", "QATGOV"),
        ("Ukrainian troops", "UKRMIL"),
        ("government troops", "MIL"),
        ("Gaza residents", "PSECVL"),
        ("former Israeli officials", "ISRELI"),
        ("Israeli military spokesman", "ISRMIL"),
        ("Russian-backed separatists", "UKRREB"),
        ("Turkish security forces", "TURCOP"),
    ],
)
def test_resolve_composition(kb, text, code):
    assert kb.resolve(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("rebels", "REB"),
        ("militants", "REB"),
        ("protesters", "CVL"),
        ("lawmakers", "LEG"),
        ("judges", "JUD"),
        ("journalists", "MED"),
        ("refugees", "REF"),
        ("rebel leader John Doe", "REB"),
        ("rebel forces", "REB"),
        ("opposition leader", "OPP"),
    ],
)
def test_resolve_role_only(kb, text, code):
    actor = kb.resolve(text)
    assert (actor.code, actor.country) == (code, None)


@pytest.mark.parametrize("text", ["the group", "", "it", "us", "the situation"])
def test_resolve_no_signal(kb, text):
    assert kb.resolve(text) is None


@pytest.mark.parametrize(
    ("noun", "sector"),
    [
        ("army", "MIL"),
        ("rebels", "REB"),
        ("police officers", "COP"),
        ("security forces", "COP"),
        ("insurgents", "INS"),
        ("court", "JUD"),
        ("parliament", "LEG"),
        ("students", "EDU"),
        ("unions", "LAB"),
        ("spokeswoman", "GOV"),
        ("dragon", None),
    ],
)
def test_role_sector(kb, noun, sector):
    assert kb.role_sector(noun) == sector


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("the U.N. Security Council", "IGOUNO", "UN Security Council"),
        ("UNHCR", "IGOUNOHCR", "UNHCR"),
        ("the European Union", "IGOEEC", "European Union"),
        ("NATO", "IGONAT", "NATO"),
        ("the European Union's foreign policy chief", "IGOEEC", "European Union"),
        ("ECOWAS", "IGOWAS", "ECOWAS"),
        ("the Red Cross", "NGOIRC", "Red Cross"),
        ("Amnesty International", "NGOHRIAMN", "Amnesty International"),
        ("Hamas", "PSEREB", "Hamas"),
        ("Houthi rebels", "YEMREB", "Houthis"),
        ("ISIS", "IMGMOSISI", "Islamic State"),
        ("al-Qaeda", "IMGMOSALQ", "al-Qaeda"),
        ("Sinaloa Cartel hitmen", "MEXCRM", "Sinaloa Cartel"),
        ("U.S.-backed Syrian Democratic Forces", "SYRREB", "Syrian Democratic Forces"),
        ("Hezbollah fighters", "LBNREB", "Hezbollah"),
        ("the Palestinian Authority", "PSEGOV", "Palestinian Authority"),
        ("M23 rebels", "CODREB", "M23"),
        ("UN peacekeepers", "IGOUNOPKO", "UN peacekeepers"),
    ],
)
def test_resolve_organisations(kb, text, code, name):
    actor = kb.resolve(text)
    assert (actor.code, actor.name) == (code, name)


@pytest.mark.parametrize(
    ("text", "on", "code"),
    [
        ("Taliban", dt.date(2010, 1, 1), "AFGREB"),
        ("Taliban", dt.date(2022, 1, 1), "AFGGOV"),
        ("RSF", dt.date(2020, 1, 1), "SDNMIL"),
        ("RSF", dt.date(2024, 1, 1), "SDNREB"),
    ],
)
def test_organisation_code_by_date(kb, text, on, code):
    assert kb.resolve(text, on=on).code == code


@pytest.mark.parametrize(
    ("text", "on", "code", "name"),
    [
        ("Secretary of State John Kerry", dt.date(2015, 6, 1), "USAGOV", "John Kerry"),
        ("Mr. Kerry", dt.date(2019, 6, 1), "USAELI", "John Kerry"),
        ("Secretary of State Mike Pompeo", dt.date(2019, 6, 1), "USAGOV", "Mike Pompeo"),
        ("Pompeo", dt.date(2015, 6, 1), "USAELI", "Mike Pompeo"),
        ("Russian President Vladimir Putin", dt.date(2015, 1, 1), "RUSGOV", "Vladimir Putin"),
        ("Netanyahu", dt.date(2022, 1, 1), "ISROPP", "Benjamin Netanyahu"),
        ("Netanyahu", dt.date(2024, 1, 1), "ISRGOV", "Benjamin Netanyahu"),
        ("UN Secretary-General Antonio Guterres", dt.date(2020, 1, 1), "IGOUNO", "António Guterres"),
        ("Prime Minister May", dt.date(2017, 1, 1), "GBRGOV", "Theresa May"),
        ("Ahmed al-Sharaa", dt.date(2025, 3, 1), "SYRGOV", "Ahmed al-Sharaa"),
    ],
)
def test_resolve_people_at_date(kb, text, on, code, name):
    actor = kb.resolve(text, on=on)
    assert (actor.code, actor.name) == (code, name)


def test_surname_only_alias_needs_a_title(kb):
    assert kb.resolve("May", on=dt.date(2017, 1, 1)) is None


def test_possessive_person_gives_their_code_not_their_name(kb):
    actor = kb.resolve("Putin's spokesman", on=dt.date(2020, 1, 1))
    assert (actor.code, actor.name) == ("RUSGOV", "Government of Russia")


def test_person_lookup(kb):
    assert kb.person("Kerry", on=dt.date(2015, 1, 1)).code == "USAGOV"
    assert kb.person("Nobody Known") is None


def test_shared_surname_resolved_by_date(kb):
    assert kb.person("Mr. Sharif", on=dt.date(2017, 3, 1)).name == "Nawaz Sharif"


def test_user_file_overrides_shipped_entry(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(
        HEADER
        + "org\tHamas|Islamic Resistance Movement\tHamas\tIMGMOSHAM\t\tIMG\t\t\tmy choice\n"
        + "org\tAcme Militia\tAcme Militia\t\tSYR\tREB\t\t\t\n",
        encoding="utf-8",
    )
    kb = ActorKB.load(extra=[path])
    assert kb.resolve("Hamas").code == "IMGMOSHAM"
    assert kb.resolve("Acme Militia fighters").code == "SYRREB"
    assert default_kb().resolve("Hamas").code == "PSEREB"


def test_invalid_user_file_reports_every_problem(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text(
        HEADER + "thing\tX\tX\tBADCODE!\tZZZ\tNOPE\t2020-13\t\t\n" + "person\t\t\t\t\t\t2020\t2019\t\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as err:
        ActorKB.load(extra=[path])
    problems = "\n".join(err.value.problems)
    assert err.value.path == str(path)
    for fragment in (
        "line 2, kind",
        "line 2, code",
        "line 2, country",
        "line 2, sector",
        "line 2, start",
        "line 3, names",
        "line 3, end",
    ):
        assert fragment in problems


def test_missing_header_is_reported(tmp_path):
    path = tmp_path / "noheader.tsv"
    path.write_text("org\tX\tX\tIGOXXX\t\tIGO\t\t\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="header"):
        ActorKB.load(extra=[path])


def test_unreadable_user_file(tmp_path):
    with pytest.raises(DataFileError):
        ActorKB.load(extra=[tmp_path / "missing.tsv"])


def test_shared_surname_ambiguous_on_date_is_none(kb):
    # Nawaz Sharif (prime minister) and Raheel Sharif (army chief) both served in 2015.
    assert kb.person("Mr. Sharif", on=dt.date(2015, 1, 1)) is None
