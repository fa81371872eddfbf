"""The CAMEO 1.1b3 event ontology: names, Goldstein weights, quad classes and PLOVER types.

The table ships as `parley/data/cameo.tsv` (one row per code, root codes included). Codes are
strings and keep their leading zeros: "010" is not "10".
"""

from __future__ import annotations

import csv
import functools
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from parley.errors import DataFileError, UnknownEventCode

__all__ = ["CameoCode", "Ontology", "UnknownEventCode", "ontology"]

COLUMNS = ("code", "name", "goldstein", "quad", "plover", "plover_mode")
PLOVER_TYPES = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
        "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its weights and PLOVER mapping.

    `quad`: 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08), 3 verbal conflict
    (09-13), 4 material conflict (14-20). `plover` is None for roots 01 and 02.
    """

    code: str
    name: str
    goldstein: float
    quad: int
    plover: str | None
    plover_mode: str | None
    root: str


def expected_quad(code: str) -> int:
    """The quad class implied by a code's root."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


class Ontology:
    """The CAMEO code table, keyed by code string."""

    def __init__(self, codes: dict[str, CameoCode], *, path: str) -> None:
        self._codes = codes
        self.path = path

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Ontology:
        """Read and validate a CAMEO table (TSV with a header; `#` lines are comments).

        Args:
            path: the file to read; None reads the table shipped with Parley.

        Returns:
            The ontology.

        Raises:
            DataFileError: the file cannot be read or has problems (all of them are listed).
        """
        if path is None:
            source = resources.files("parley").joinpath("data", "cameo.tsv")
            shown = str(source)
            try:
                text = source.read_text(encoding="utf-8")
            except OSError as e:
                raise DataFileError(shown, [f"cannot read the shipped ontology: {e}"]) from e
        else:
            shown = os.fspath(path)
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise DataFileError(shown, [f"cannot read the file: {e}"]) from e
        return cls(parse_table(text, shown), path=shown)

    def get(self, code: str) -> CameoCode:
        """The entry for `code`.

        Raises:
            UnknownEventCode: `code` is not a CAMEO 1.1b3 code.
        """
        try:
            return self._codes[code]
        except (KeyError, TypeError):
            raise UnknownEventCode(str(code)) from None

    def __getitem__(self, code: str) -> CameoCode:
        return self.get(code)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    @property
    def codes(self) -> list[str]:
        """Every code, in file order (roots before their children)."""
        return list(self._codes)


def parse_table(text: str, path: str) -> dict[str, CameoCode]:
    """Parse the TSV text of a CAMEO table, collecting every problem before raising."""
    problems: list[str] = []
    codes: dict[str, CameoCode] = {}
    rows = [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not rows:
        raise DataFileError(path, ["the file has no header and no rows"])
    header_line, header = rows[0]
    names = [column.strip() for column in header.split("\t")]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        raise DataFileError(
            path, [f"line {header_line}: header lacks column(s) {', '.join(missing)} (tab-separated)"]
        )
    index = {column: names.index(column) for column in COLUMNS}
    for number, line in rows[1:]:
        cells = next(csv.reader(io.StringIO(line), delimiter="\t", quoting=csv.QUOTE_NONE))
        cells += [""] * (len(names) - len(cells))
        value = {column: cells[i].strip() for column, i in index.items()}
        entry = _parse_row(value, number, codes, problems)
        if entry is not None:
            codes[entry.code] = entry
    for code in codes:
        if len(code) > 2 and code[:2] not in codes:
            problems.append(f"code {code!r}: its root {code[:2]!r} has no row")
    if problems:
        raise DataFileError(path, problems)
    return codes


def _parse_row(value: dict[str, str], number: int, codes: dict[str, CameoCode], problems: list[str]
               ) -> CameoCode | None:
    """One row's entry, or None after adding its problems to `problems` (`codes`: the rows before it)."""
    code = value["code"]
    where = f"line {number}, code {code!r}"
    row_problems = []
    if not (code.isdigit() and 2 <= len(code) <= 4):
        row_problems.append(f"{where}, key 'code': expected 2-4 digits as text")
    elif int(code[:2]) not in range(1, 21):
        row_problems.append(f"{where}, key 'code': root must be 01-20")
    elif code in codes:
        row_problems.append(f"{where}, key 'code': duplicate code")
    if not value["name"]:
        row_problems.append(f"{where}, key 'name': empty")
    goldstein = _goldstein(value["goldstein"], where, row_problems)
    quad = _quad(value["quad"], code, where, row_problems)
    plover = value["plover"] or None
    if plover is not None and plover not in PLOVER_TYPES:
        row_problems.append(f"{where}, key 'plover': {plover!r} is not a PLOVER event type")
    if row_problems:
        problems.extend(row_problems)
        return None
    return CameoCode(
        code=code,
        name=value["name"],
        goldstein=goldstein,
        quad=quad,
        plover=plover,
        plover_mode=value["plover_mode"] or None,
        root=code[:2],
    )


def _goldstein(text: str, where: str, row_problems: list[str]) -> float:
    """The Goldstein weight, -10..10 (0.0 after a problem that it is not a number)."""
    try:
        goldstein = float(text)
    except ValueError:
        row_problems.append(f"{where}, key 'goldstein': {text!r} is not a number")
        return 0.0
    if not -10.0 <= goldstein <= 10.0:
        row_problems.append(f"{where}, key 'goldstein': {goldstein} is outside -10..10")
    return goldstein


def _quad(text: str, code: str, where: str, row_problems: list[str]) -> int:
    """The quad class, which must match the code's root (checked only when the row is sound so far)."""
    if text not in ("1", "2", "3", "4"):
        row_problems.append(f"{where}, key 'quad': {text!r} is not 1, 2, 3 or 4")
        return 0
    quad = int(text)
    if not row_problems and quad != expected_quad(code):
        row_problems.append(
            f"{where}, key 'quad': {quad} does not match root {code[:2]} (expected {expected_quad(code)})"
        )
    return quad


@functools.cache
def ontology() -> Ontology:
    """The shipped CAMEO 1.1b3 ontology, loaded once."""
    return Ontology.load()
