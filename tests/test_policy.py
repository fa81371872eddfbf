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
