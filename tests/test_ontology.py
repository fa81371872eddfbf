from pathlib import Path

import pytest

from parley.errors import DataFileError
from parley.ontology import CameoCode, Ontology, UnknownEventCode, ontology

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"

HEADER = "code\tname\tgoldstein\tquad\tplover\tplover_mode\n"


def write(tmp_path, text):
    path = tmp_path / "cameo.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_table_has_every_cameo_code():
    assert len(ontology()) == 311
    assert len(ontology().codes) == 311


def test_root_codes_are_rows():
    roots = [code for code in ontology().codes if len(code) == 2]
    assert roots == [f"{n:02d}" for n in range(1, 21)]


def test_leading_zeros_are_kept():
    assert "010" in ontology()
    assert "10" in ontology()
    assert ontology().get("010").name == "Make statement"
    assert ontology().get("10").name == "Demand"


@pytest.mark.parametrize(
    ("root", "quad"),
    [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)],
)
def test_quad_follows_root(root, quad):
    for entry in ontology():
        if entry.root == root:
            assert entry.quad == quad, entry.code


@pytest.mark.parametrize(
    ("code", "name", "goldstein", "plover", "mode"),
    [
        ("0871", "Declare truce, ceasefire", 9.0, "RETREAT", "ceasefire"),
        ("164", "Halt negotiations", -7.0, "SANCTION", "withdraw"),
        ("165", "Halt mediation", -6.5, "SANCTION", "withdraw"),
        ("045", "Engage in mediation", 5.0, "CONSULT", None),
        ("046", "Engage in negotiation", 7.0, "CONSULT", None),
        ("036", "Express intent to meet or negotiate", 4.0, "AGREE", None),
        ("125", "Reject proposal to meet, discuss, negotiate", -5.0, "REJECT", "meet"),
        ("163", "Impose embargo, boycott, or sanctions", -8.0, "COERCE", "restrict"),
        ("016", "Deny responsibility", -2.0, None, None),
        ("055", "Apologize", 7.0, "SUPPORT", None),
        ("1053", "Demand release of persons or property", -5.0, "REQUEST", "yield"),
    ],
)
def test_known_values(code, name, goldstein, plover, mode):
    entry = ontology().get(code)
    assert (entry.name, entry.goldstein, entry.plover, entry.plover_mode) == (name, goldstein, plover, mode)


def test_statements_and_appeals_have_no_plover_type():
    assert {entry.plover for entry in ontology() if entry.root in ("01", "02")} == {None}


def test_get_returns_frozen_record():
    entry = ontology().get("057")
    assert isinstance(entry, CameoCode)
    assert entry.root == "05"
    with pytest.raises(AttributeError):
        entry.name = "x"  # type: ignore[misc]


@pytest.mark.parametrize("code", ["999", "36", "0360", 36])
def test_unknown_code_raises(code):
    with pytest.raises(UnknownEventCode) as info:
        ontology().get(code)
    assert isinstance(info.value, KeyError)
    assert "unknown CAMEO event code" in str(info.value)


def test_loads_a_custom_file(tmp_path):
    rows = "04\tConsult\t1.0\t1\tCONSULT\t\n040\tConsult\t1\t1\tCONSULT\t\n"
    path = write(tmp_path, "# comment\n" + HEADER + rows)
    loaded = Ontology.load(path)
    assert loaded.codes == ["04", "040"]
    assert loaded.get("040").plover_mode is None


def test_every_problem_is_reported_with_line_and_key(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "04\tConsult\t1.0\t1\tCONSULT\t\n"
        + "040\t\tabc\t1\tCONSULT\t\n"
        + "041\tPhone\t1\t3\tCONSULT\tphone\n"
        + "042\tVisit\t1\t1\tVISIT\t\n"
        + "04\tConsult again\t1\t1\tCONSULT\t\n"
        + "4x\tBad\t1\t1\t\t\n",
    )
    with pytest.raises(DataFileError) as info:
        Ontology.load(path)
    message = str(info.value)
    assert str(path) in message
    assert "line 3, code '040', key 'name'" in message
    assert "line 3, code '040', key 'goldstein'" in message
    assert "line 4, code '041', key 'quad'" in message
    assert "line 5, code '042', key 'plover'" in message
    assert "line 6, code '04', key 'code': duplicate" in message
    assert "line 7, code '4x', key 'code'" in message
    assert len(info.value.problems) == 6


def test_missing_column_is_reported(tmp_path):
    path = write(tmp_path, "code\tname\tgoldstein\n01\tx\t0\n")
    with pytest.raises(DataFileError, match="quad, plover, plover_mode"):
        Ontology.load(path)


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        Ontology.load(tmp_path / "absent.tsv")


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="shared reference tables not available")
def test_weights_match_the_gdelt_lookup():
    lines = (REFERENCE / "CAMEO.goldsteinscale.txt").read_text(encoding="utf-8").splitlines()[1:]
    expected = {code: float(weight) for code, weight in (line.split("\t") for line in lines if line)}
    assert {entry.code: entry.goldstein for entry in ontology()} == expected
