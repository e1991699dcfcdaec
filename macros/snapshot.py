"""Build step: a memory snapshot of the site's Python, ready to answer, shipped beside Pyodide.

Starting Python costs a reader's first visit more than anything else: Pyodide runs its own start, some 230
modules, on a freshly compiled WebAssembly module. `snapshot.mjs` does that once, at build time, under Node, with
the very files the site ships (Pyodide, the trimmed standard library, the wheel, `bridge.py`,
`python-start.mjs`), and writes Pyodide's memory snapshot of the interpreter once it has imported every module
of the trimmed zip and every calculator, packed to its non-zero pages (`runtime/snapshot-file.mjs`: 13 of its
31 MB). The worker restores it (`_loadSnapshot`) and falls back to starting Python itself if it does not
restore (the option is private in Pyodide 314).

The snapshot's file name carries a hash of everything it is made of, so a browser never restores an old
interpreter into a new build, and `.cache/snapshot/` keeps it by that hash: a repeated build copies it.
Since the restored interpreter holds every module it may import, it is given an empty standard library zip
(`EMPTY_STDLIB`) instead of downloading the trimmed one; a module left out of the trimmed zip still makes the
worker fall back to the stock one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
SCRIPT = HERE / "snapshot.mjs"
CACHE_DIR = HERE.parent / ".cache" / "snapshot"
EMPTY_STDLIB = "python_stdlib_empty.zip"
SUFFIX = ".snapshot"
# The runtime files the snapshotted interpreter ran: a change to either makes a new snapshot.
RUNTIME_INPUTS = ("bridge.py", "python-start.mjs", "snapshot-file.mjs")


def write_snapshot(
    pyodide_dir: Path, runtime_dir: Path, stdlib: str, wheel: Path, lock: Path, cache_dir: Path = CACHE_DIR
) -> tuple[str, str]:
    """Put this build's snapshot (made, or copied from the cache) and the empty zip into `pyodide_dir`;
    returns the snapshot's file name and its SHA-256 (hex), which the worker checks before restoring."""
    key = snapshot_key(pyodide_dir, runtime_dir)
    name = f"python-{key}{SUFFIX}"
    cached = cache_dir / name
    if not cached.is_file():
        _make(pyodide_dir, runtime_dir, stdlib, wheel, lock, cached)
    shutil.copy2(cached, pyodide_dir / name)
    write_empty_zip(pyodide_dir / EMPTY_STDLIB)
    return name, hashlib.sha256(cached.read_bytes()).hexdigest()


def snapshot_key(pyodide_dir: Path, runtime_dir: Path) -> str:
    """A hash of everything the snapshot is made of: Pyodide's files, the trimmed zip, the wheel and lock data
    in `pyodide_dir`, the runtime files that start Python, and the step that makes it."""
    digest = hashlib.sha256()
    inputs = [
        *sorted(p for p in pyodide_dir.iterdir() if p.suffix not in (".gz", ".br", SUFFIX)),
        *(runtime_dir / name for name in RUNTIME_INPUTS),
        SCRIPT,
    ]
    for path in inputs:
        if path.is_file() and path.name != EMPTY_STDLIB:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def write_empty_zip(target: Path) -> None:
    """A zip with no members: what Pyodide installs as the standard library of a restored interpreter."""
    with zipfile.ZipFile(target, "w") as archive:
        archive.comment = b"Legwork: the modules of this Python are in its memory snapshot."


def _make(pyodide_dir: Path, runtime_dir: Path, stdlib: str, wheel: Path, lock: Path, target: Path) -> None:
    node = shutil.which("node")
    if not node:
        raise FileNotFoundError("node is needed to make the snapshot of Python (make setup)")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".part", delete=False) as handle:
        part = Path(handle.name)
    try:
        args = [pyodide_dir, runtime_dir, stdlib, wheel.name, lock, part]
        done = subprocess.run(
            [node, str(SCRIPT), *map(str, args)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"making the snapshot of Python failed:\n{done.stderr[-3000:]}")
        made = json.loads(done.stdout)
        if made["bytes"] != part.stat().st_size:
            raise RuntimeError(f"the snapshot step wrote {part.stat().st_size} bytes, not {made['bytes']}")
        part.chmod(0o644)
        os.replace(part, target)  # another build may read the cache at the same moment
    finally:
        part.unlink(missing_ok=True)
