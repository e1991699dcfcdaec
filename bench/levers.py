"""Each speed lever of issue 13, undone on the benchmark's private copy of the site, to measure what it gives.

`--lever-off NAME` (repeatable) turns one off after the build, then rewrites `sw.js` so the service worker's
precache list matches the changed files:

- `stdlib`: the worker starts from Pyodide's stock `python_stdlib.zip` (no trimmed, precompiled zip);
- `wheel-pyc`: the wheel as hatchling builds it, sources only, no `.pyc`;
- `inline-lock`: no lock data in `shipped.mjs`, so Pyodide fetches `pyodide-lock.json` itself first;
- `sw-as-is`: the service worker re-wraps every cached response in a new `Response`, as it used to;
- `snapshot`: no snapshot of Python shipped (`shipped.mjs` names none), so every visit starts Python afresh;
- `brotli`: no `.br` copies, so every compressed file crosses the wire gzipped.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

from macros import assets, offline, snapshot

REPO_ROOT = Path(__file__).resolve().parents[1]

LEVERS = ("stdlib", "wheel-pyc", "inline-lock", "sw-as-is", "snapshot", "brotli")
SHIPPED_LINE = re.compile(r"export const SHIPPED = (\{.*\});", re.S)
AS_IS = "  if (asked.href === key && key !== SITEMAP) return hit;\n"


def turn_off(site: Path, levers: list[str]) -> None:
    shipped_path = site / assets.RUNTIME_DIR / assets.SHIPPED_MODULE
    text = shipped_path.read_text(encoding="utf-8")
    shipped = json.loads(SHIPPED_LINE.search(text)[1])
    pyodide = site / assets.PYODIDE_DIR
    if "stdlib" in levers:  # gone, so the service worker precaches the stock zip in its place
        shipped["stdlib"] = None
        for trimmed in pyodide.glob(assets.TRIMMED_STDLIB + "*"):
            trimmed.unlink()
    if "wheel-pyc" in levers:
        for old in pyodide.glob("*.whl"):
            old.unlink()
        with tempfile.TemporaryDirectory() as tmp:
            plain = assets.build_wheel(REPO_ROOT, Path(tmp))
            wheel = Path(shutil.copy2(plain, pyodide / plain.name))
        npm = REPO_ROOT / "node_modules" / "pyodide"
        with tempfile.TemporaryDirectory() as tmp:
            lock = Path(tmp) / "pyodide-lock.json"
            assets.write_lock(npm, wheel, lock)
            shipped["lock"] = json.loads(lock.read_text(encoding="utf-8"))
        shipped["wheel"] = wheel.name
    if "inline-lock" in levers:  # the lock file back beside Pyodide, for Pyodide to fetch
        (pyodide / "pyodide-lock.json").write_text(json.dumps(shipped["lock"]), encoding="utf-8")
        shipped["lock"] = None
    if "snapshot" in levers or "stdlib" in levers:  # the snapshot is of a Python on the trimmed zip
        shipped["snapshot"] = shipped["snapshotSha256"] = None
        for made in pyodide.glob("*" + snapshot.SUFFIX + "*"):
            made.unlink()
    if "brotli" in levers:
        for copy in site.rglob("*.br"):
            copy.unlink()
    shipped_path.write_text(SHIPPED_LINE.sub(f"export const SHIPPED = {json.dumps(shipped)};", text), "utf-8")
    offline.write_service_worker(site)
    if "sw-as-is" in levers:
        sw = site / offline.SW_NAME
        source = sw.read_text(encoding="utf-8")
        if AS_IS not in source:
            raise ValueError("sw.js no longer returns cached responses as they are: update bench/levers.py")
        sw.write_text(source.replace(AS_IS, ""), encoding="utf-8")
