"""The coding policy file: the shipped one loads, a broken one is refused with every problem named."""

from __future__ import annotations

import pytest

from parley.coding.policy import default_policy, parse_policy
from parley.errors import DataFileError


def test_the_shipped_policy_loads_and_classes_match_by_prefix():
    policy = default_policy()
    assert policy.code("blame") == "112"
    assert policy.is_a("0411", "intendable") and policy.is_a("081", "withheld_concessions")
    assert not policy.is_a("112", "refusable")
    assert policy.is_a("196", "fights") and policy.is_a("195", "threatenable") and not policy.is_a("036", "fights")


def test_a_broken_policy_names_every_problem():
    text = """
codes:
  statement: "010"
  deontic_demand: "999"
  blame: "112"
  peacekeeping: "074"
  surrender: "0871"
classes:
  refusable: ["03", "4x"]
"""
    with pytest.raises(DataFileError) as info:
        parse_policy(text, "mine.yaml")
    problems = info.value.problems
    assert "codes.deontic_demand: expected a CAMEO code, got '999'" in problems
    assert "classes.refusable: '4x' is no CAMEO code or root" in problems
    assert "unknown key 'codes.surrender'" in problems
    assert "classes.fights: expected a list of CAMEO code prefixes" in problems
    assert info.value.path == "mine.yaml"


def test_a_policy_that_is_not_yaml_is_refused():
    with pytest.raises(DataFileError, match="not valid YAML"):
        parse_policy("codes: [unclosed", "bad.yaml")


def mention(text: str, code: str | None = None, country: str | None = None, sector: str | None = None):
    from parley.types import ActorMention

    return ActorMention(text, 0, len(text), code, text, country, sector)


@pytest.mark.parametrize(("code", "source", "target", "expected"), [
    ("193", mention("police", "COP", None, "COP"), mention("two marchers", "CVL", None, "CVL"), ("175", "repression")),
    ("182", mention("riot police", "KENCOP", "KEN", "COP"), mention("the crowd", "CVL", None, "CVL"),
     ("175", "repression")),
    ("190", mention("protesters", "CVL", None, "CVL"), mention("parliament", "ALBLEG", "ALB", "LEG"), ("145", "riot")),
    ("190", mention("the army", "SYRMIL", "SYR", "MIL"), None, ("190", None)),
    ("195", mention("Russia", "RUS", "RUS"), mention("Ukraine", "UKR", "UKR"), ("195", None)),
    ("190", mention("rebels", "REB", None, "REB"), None, ("190", None)),
    ("190", mention("a man"), mention("shoppers"), ("180", "unconventional")),
    ("182", mention("a mob", "CVL", None, "CVL"), mention("two men"), ("182", None)),
    ("111", mention("police", "COP", None, "COP"), mention("protesters", "CVL", None, "CVL"), ("111", None)),
])
def test_force_is_coded_by_who_uses_it_against_whom(code, source, target, expected):
    assert default_policy().force_by_actors(code, source, target) == expected


def test_actor_classes_by_sector_code_and_country():
    policy = default_policy()
    assert policy.fits(mention("Peru", "PER", "PER"), "armed")
    assert policy.fits(mention("peacekeepers", "IGOUNOPKO"), "armed")
    assert not policy.fits(mention("the company", "BUS", None, "BUS"), "political")
    assert not policy.fits(mention("a man"), "political")
    assert policy.fits(mention("a man"), None)
