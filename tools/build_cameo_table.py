"""Build src/parley/data/cameo.tsv from the shared reference tables.

Run from the repository root with the shared folder next to it:

    python tools/build_cameo_table.py [--reference ../shared/reference]

Codes and Goldstein weights come from the GDELT lookup (CAMEO.goldsteinscale.txt);
PLOVER type, mode and most names from openeventdata/PLOVER's CAMEO2PLOVER table
(CC BY-SA 4.0, credited in NOTICE). Names the PLOVER table lacks (roots, 01x, 02x)
are the CAMEO 1.1b3 codebook names, written out below.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT_NAMES = {
    "01": "Make public statement",
    "02": "Appeal",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}

# CAMEO 1.1b3 names for codes the PLOVER table leaves out (PLOVER drops roots 01 and 02).
EXTRA_NAMES = {
    "010": "Make statement",
    "011": "Decline comment",
    "012": "Make pessimistic comment",
    "013": "Make optimistic comment",
    "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility",
    "017": "Engage in symbolic act",
    "018": "Make empathetic comment",
    "019": "Express accord",
    "020": "Make an appeal or request",
    "021": "Appeal for material cooperation",
    "0211": "Appeal for economic cooperation",
    "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation",
    "0214": "Appeal for intelligence",
    "022": "Appeal for diplomatic cooperation (such as policy support)",
    "023": "Appeal for aid",
    "0231": "Appeal for economic aid",
    "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid",
    "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform",
    "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change",
    "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime",
    "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions",
    "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
    # The PLOVER table names 100 after the PLOVER type; CAMEO calls it a demand.
    "100": "Demand",
}

# Spelling slips in the source comments, corrected here so names read cleanly.
NAME_FIXES = {"Apolgize": "Apologize", "adminstrative": "administrative", "Ostruct": "Obstruct"}

# Values in the PLOVER mode column that are contexts shifted into the wrong column.
NOT_MODES = {"pro_autocracy"}

LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,[^#]*)?(?:#\s*(.*))?$")


def quad(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def read_goldstein(path: Path) -> list[tuple[str, float]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            code, weight = line.split("\t")
            rows.append((code.strip(), float(weight)))
    return rows


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = LINE.match(line.strip())
        if not match:
            continue
        code, ptype, mode, name = match.groups()
        mode = (mode or "").strip()
        if mode in NOT_MODES:
            mode = ""
        name = (name or "").split("  ")[0].strip()
        for wrong, right in NAME_FIXES.items():
            name = name.replace(wrong, right)
        # The first line wins: root 08 is listed twice (CONCEDE, then RETREAT); 080 is CONCEDE.
        table.setdefault(code, (ptype, mode, name))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", default="../shared/reference")
    parser.add_argument("--out", default="src/parley/data/cameo.tsv")
    args = parser.parse_args()
    ref = Path(args.reference)
    weights = read_goldstein(ref / "CAMEO.goldsteinscale.txt")
    plover = read_plover(ref / "CAMEO2PLOVER-2021.txt")
    lines = [
        "# CAMEO 1.1b3 event codes. Generated by tools/build_cameo_table.py: edit that script.",
        "# goldstein: GDELT Project's Goldstein lookup (GDELT variant; ICEWS differs on 016, 022, 164, 165).",
        "# quad: 1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),",
        "#       4 material conflict (14-20).",
        "# plover, plover_mode: from openeventdata/PLOVER CAMEO2PLOVER (draft 0.8, 2021), CC BY-SA 4.0;",
        "#       these two columns are a derived work under CC BY-SA 4.0 (see NOTICE).",
        "#       Roots 01 and 02 have no PLOVER type.",
        "code\tname\tgoldstein\tquad\tplover\tplover_mode",
    ]
    for code, weight in weights:
        ptype, mode, name = plover.get(code, ("", "", ""))
        if code[:2] in ("01", "02"):
            ptype, mode = "", ""
        if len(code) == 2:
            name = ROOT_NAMES[code]
        name = EXTRA_NAMES.get(code, name)
        if not name:
            raise SystemExit(f"no name for CAMEO code {code}")
        lines.append(f"{code}\t{name}\t{weight:g}\t{quad(code)}\t{ptype}\t{mode}")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(weights)} codes to {args.out}")


if __name__ == "__main__":
    main()
