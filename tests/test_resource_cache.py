"""The compiled-resources cache: built once, read back, a damaged or foreign copy rebuilt, turned off."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from parley.places import Gazetteer
from parley.resource_cache import cache_dir, cached, package_hash
from parley.types import Location


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, int]:
        self.calls += 1
        return {"built": self.calls}


def test_a_resource_is_built_once_then_read_from_the_cache(folder: Path) -> None:
    build = Counting()
    assert cached("thing", build, dict) == {"built": 1}
    assert cached("thing", build, dict) == {"built": 1}
    assert build.calls == 1
    assert [p.name for p in folder.iterdir()] == [f"thing-{package_hash()}.pickle"]
    assert folder.stat().st_mode & 0o077 == 0   # the user's own


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(["a list, not a dict"])[:-3],
                                     pickle.dumps(["a list, not a dict"])])
def test_a_damaged_or_foreign_copy_is_ignored_and_rebuilt(folder: Path, content: bytes) -> None:
    folder.mkdir()
    (folder / f"thing-{package_hash()}.pickle").write_bytes(content)
    build = Counting()
    assert cached("thing", build, dict) == {"built": 1}
    assert cached("thing", build, dict) == {"built": 1}   # the rebuilt copy replaced the damaged one
    assert build.calls == 1


def test_copies_for_another_version_of_the_package_are_removed(folder: Path) -> None:
    folder.mkdir()
    old = folder / "thing-0123456789abcdef01234567.pickle"
    old.write_bytes(pickle.dumps({"built": 0}))
    assert cached("thing", Counting(), dict) == {"built": 1}
    assert not old.exists()


def test_an_empty_cache_dir_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARLEY_CACHE_DIR", "")
    assert cache_dir() is None
    build = Counting()
    cached("thing", build, dict)
    cached("thing", build, dict)
    assert build.calls == 2


def test_the_default_folder_is_under_the_users_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PARLEY_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "parley"


def test_a_folder_that_cannot_be_written_only_costs_the_speed_up(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(blocker / "cache"))
    assert cached("thing", Counting(), dict) == {"built": 1}


def test_the_cached_gazetteer_finds_what_the_built_one_finds(folder: Path) -> None:
    built = Gazetteer.load()
    cached("gazetteer", Gazetteer.load, Gazetteer)
    from_cache = cached("gazetteer", lambda: pytest.fail("rebuilt"), Gazetteer)
    for name in ("Doha", "Hyderabad", "Cairo", "Khartoum", "Texas", "Sudan", "El Fasher"):
        assert from_cache.namesakes(name) == built.namesakes(name), name
    assert len(from_cache) == len(built)


def test_a_location_survives_pickling() -> None:
    place = Location("Doha", "QAT", 25.29, 51.53, kind="city", basis="clause")
    assert pickle.loads(pickle.dumps(place)) == place


def test_a_resource_that_cannot_be_pickled_is_built_each_time(folder: Path, caplog: pytest.LogCaptureFixture) -> None:
    build = Counting()

    def unpicklable() -> dict:
        build()
        return {"memo": lambda: None}

    assert set(cached("thing", unpicklable, dict)) == {"memo"}
    assert set(cached("thing", unpicklable, dict)) == {"memo"}
    assert build.calls == 2
    assert "cannot cache" in caplog.text
    assert not list(folder.glob("*.pickle")) and not list(folder.glob(".*tmp"))


def test_the_cached_knowledge_base_resolves_what_the_built_one_resolves(folder: Path) -> None:
    from parley.actors.kb import ActorKB

    built = ActorKB.load()
    cached("kb", ActorKB.load, ActorKB)
    from_cache = cached("kb", lambda: pytest.fail("rebuilt"), ActorKB)
    for text in ("Hamas", "the Sudanese army", "Kenyan police", "the European Union", "Moscow", "rebels"):
        assert from_cache.resolve(text) == built.resolve(text), text
    assert from_cache.resolve("Hamas") is from_cache.resolve("Hamas")   # the memo works after unpickling


def test_the_cached_cues_equal_the_built_ones(folder: Path) -> None:
    from parley.coding.cues import Cues, _load_cues

    cached("cues", _load_cues, Cues)
    assert cached("cues", lambda: pytest.fail("rebuilt"), Cues) == _load_cues()
