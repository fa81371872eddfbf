from pathlib import Path

import pytest

from parley.errors import DataFileError
from parley.places import Gazetteer, default_gazetteer, place_key


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize(
    ("name", "country", "display"),
    [("Russia", "RUS", "Russia"), ("the U.S.", "USA", "United States"), ("Britain", "GBR", "United Kingdom"),
     ("Côte d'Ivoire", "CIV", "Ivory Coast"), ("Ivory Coast", "CIV", "Ivory Coast"),
     ("Russia's", "RUS", "Russia"), ("Georgia", "GEO", "Georgia"), ("Kosovo", "XKX", "Kosovo"),
     ("Mexico", "MEX", "Mexico"), ("Kuwait", "KWT", "Kuwait")],
)
def test_countries_and_aliases(gazetteer: Gazetteer, name: str, country: str, display: str) -> None:
    location = gazetteer.lookup(name)
    assert location is not None
    assert (location.name, location.country) == (display, country)
    assert location.lat is not None and location.lon is not None


def test_country_point_lies_in_the_country(gazetteer: Gazetteer) -> None:
    france = gazetteer.lookup("France")
    assert france is not None and france.lat is not None and france.lon is not None
    assert 42 < france.lat < 51 and -5 < france.lon < 8


def test_a_demonym_is_not_a_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Russian") is None


@pytest.mark.parametrize(
    ("name", "display", "country"),
    [("Paris", "Paris", "FRA"), ("Kyiv", "Kyiv", "UKR"), ("Kiev", "Kyiv", "UKR"), ("Bombay", "Mumbai", "IND"),
     ("Sao Paulo", "São Paulo", "BRA"), ("SÃO PAULO", "São Paulo", "BRA"),
     ("St. Petersburg", "Saint Petersburg", "RUS"),
     ("Mexico City", "Mexico City", "MEX"), ("Kuwait City", "Kuwait City", "KWT"), ("Sana'a", "Sanaa", "YEM"),
     ("Khartoum", "Khartoum", "SDN"), ("Goma", "Goma", "COD")],
)
def test_cities(gazetteer: Gazetteer, name: str, display: str, country: str) -> None:
    location = gazetteer.lookup(name)
    assert location is not None
    assert (location.name, location.country) == (display, country)


@pytest.mark.parametrize(
    ("name", "country", "lat_range"),
    [("London", "GBR", (51, 52)),          # not London, Ontario
     ("Alexandria", "EGY", (31, 32)),      # not Alexandria, Virginia
     ("Springfield", "USA", (37, 38)),     # the largest Springfield (Missouri)
     ("Odessa", "UKR", (46, 47)),          # Odesa's old name beats Odessa, Texas
     ("Tripoli", "LBY", (32, 33))],        # not Tripoli, Lebanon
)
def test_ambiguous_names_pick_the_largest_place(
    gazetteer: Gazetteer, name: str, country: str, lat_range: tuple[float, float]
) -> None:
    location = gazetteer.lookup(name)
    assert location is not None and location.lat is not None
    assert location.country == country
    assert lat_range[0] < location.lat < lat_range[1]


@pytest.mark.parametrize(
    ("name", "display", "country"),
    [("Texas", "Texas", "USA"), ("Florida", "Florida", "USA"), ("Washington", "Washington, D.C.", "USA"),
     ("Washington D.C.", "Washington, D.C.", "USA"), ("New York", "New York City", "USA")],
)
def test_us_states_and_overrides(gazetteer: Gazetteer, name: str, display: str, country: str) -> None:
    location = gazetteer.lookup(name)
    assert location is not None
    assert (location.name, location.country) == (display, country)


@pytest.mark.parametrize(
    ("name", "display", "country"),
    [("Gaza", "Gaza Strip", "PSE"), ("the Gaza Strip", "Gaza Strip", "PSE"),
     ("Gaza City", "Gaza City", "PSE"),
     ("West Bank", "West Bank", "PSE"), ("Donbass", "Donbas", "UKR"), ("Crimea", "Crimea", "UKR"),
     ("Darfur", "Darfur", "SDN"), ("Kashmir", "Kashmir", None), ("Idlib province", "Idlib province", "SYR"),
     ("Tigray region", "Tigray", "ETH"), ("North Kivu", "North Kivu", "COD"), ("Sinai", "Sinai", "EGY"),
     ("Kurdistan", "Kurdistan", None), ("Catatumbo", "Catatumbo", "COL"),
     ("Nagorno Karabakh", "Nagorno-Karabakh", "AZE")],
)
def test_regions(gazetteer: Gazetteer, name: str, display: str, country: str | None) -> None:
    location = gazetteer.lookup(name)
    assert location is not None
    assert (location.name, location.country) == (display, country)


@pytest.mark.parametrize("name", ["Narnia", "", "   ", "the", "Gotham City", "xyzzy province"])
def test_unknown_names_are_none(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) is None


def test_place_key_folds_case_accents_punctuation_and_the() -> None:
    assert place_key("The Côte d’Ivoire's") == "cote divoire"
    assert place_key("Saint-Denis") == place_key("St. Denis") == "st denis"


def test_default_gazetteer_is_cached() -> None:
    assert default_gazetteer() is default_gazetteer()


def test_user_regions_take_precedence(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("name\tcountry\tlat\tlon\taliases\nParis Camp\tFRA\t50.9\t1.9\tParis\n", encoding="utf-8")
    gazetteer = Gazetteer.load(extra=[path])
    location = gazetteer.lookup("Paris")
    assert location is not None and location.name == "Paris Camp"


def test_bad_user_regions_report_every_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("name\tcountry\tlat\tlon\taliases\nA\tfrance\t1\t2\t\nB\tFRA\tnorth\t2\t\nC\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        Gazetteer.load(extra=[path])
    assert [p.split(":")[0] for p in info.value.problems] == ["line 2", "line 3", "line 4"]
    assert info.value.path == str(path)


def test_a_capital_of_that_name_beats_another_city_s_other_name(gazetteer: Gazetteer) -> None:
    # "Bridgetown" is also among Portland's other names; the capital of Barbados is meant. A town that merely
    # bears an old city name keeps losing to the city ("Calcutta" is Kolkata).
    found = gazetteer.lookup("Bridgetown")
    assert found is not None and found.country == "BRB"
    calcutta = gazetteer.lookup("Calcutta")
    assert calcutta is not None and calcutta.country == "IND"
