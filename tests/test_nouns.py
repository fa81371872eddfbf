"""The noun class table: who can act, what is a thing, an animal or a hazard."""

from __future__ import annotations

import pytest

from parley import nouns


@pytest.mark.parametrize("lemma", ["protester", "militia", "official", "resident", "authority", "crowd"])
def test_people_and_groups_can_act(lemma: str):
    assert nouns.can_act(lemma) is True


@pytest.mark.parametrize("lemma", ["plastic", "brochure", "dog", "typhoon", "virus", "spreadsheet", "warning"])
def test_things_animals_and_hazards_cannot(lemma: str):
    assert nouns.can_act(lemma) is False


def test_an_unlisted_noun_is_unknown():
    assert nouns.can_act("zzqx") is None and nouns.classes("zzqx") is None


def test_classes_come_most_frequent_sense_first():
    assert nouns.classes("bombing")[0] == "act"
    assert nouns.is_occurrence("shooting") and not nouns.is_occurrence("minister")


@pytest.mark.parametrize(("lemma", "animal"), [("pig", True), ("chicken", True), ("drone", False), ("farmer", False)])
def test_animals(lemma: str, animal: bool):
    assert nouns.is_animal(lemma) is animal


def test_amounts_and_persons():
    assert nouns.is_amount("hundred") and nouns.is_amount("number") and not nouns.is_amount("minister")
    assert nouns.names_person("fisherman") and not nouns.names_person("signage")
    assert nouns.is_hazard("cyclone") and not nouns.is_hazard("army")
