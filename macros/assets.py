"""Build-time files for the browser: Pyodide's core, the calculators wheel, a site-local lock file, the runtime.

Runs after every `mkdocs build`, so the wheel is always built from the current source (never a stale copy) and
the site holds everything it needs: no request ever leaves it. Pyodide comes from the npm cache that `npm ci`
fills from package-lock.json (pinned and integrity-checked); only the four files the browser loads are copied.
Beside them go the standard library trimmed to what the site imports, precompiled (`stdlib.py`), and a memory
snapshot of the site's Python started from it (`snapshot.py`), which the worker restores; the trimmed zip and
the stock one stay as its fallbacks. The wheel carries its modules as `.pyc`, and `shipped.mjs` in the runtime
tells the worker the file names and holds the lock data inline (the lock file itself is not shipped).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hatchling.builders.wheel import WheelBuilder
from pyodide_lock import PyodideLockSpec
from pyodide_lock.spec import InfoSpec, PackageSpec
from pyodide_lock.utils import update_package_sha256

from . import snapshot, stdlib

PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE = "legwork-calculators"
PYODIDE_DIR = "pyodide"  # site/pyodide/: Pyodide's core, the wheel and pyodide-lock.json
RUNTIME_DIR = "assets/legwork"  # site/assets/legwork/: the ES modules, the CSS and bridge.py
RUNTIME_SOURCE = Path(__file__).parent / "runtime"
BRIDGE_SOURCE = Path(__file__).parent / "bridge.py"
STOCK_STDLIB = "python_stdlib.zip"
TRIMMED_STDLIB = "python_stdlib_legwork.zip"  # the trimmed, precompiled standard library
SHIPPED_MODULE = "shipped.mjs"


def install(project_dir: Path, site_dir: Path) -> None:
    """Put Pyodide, the wheel, its lock file and the runtime into `site_dir`."""
    npm_pyodide = project_dir / "node_modules" / "pyodide"
    if not (npm_pyodide / "pyodide.asm.wasm").is_file():
        raise FileNotFoundError(f"{npm_pyodide} is missing Pyodide: run `make setup` (npm ci) first")
    pyodide_dir = site_dir / PYODIDE_DIR
    if pyodide_dir.exists():
        shutil.rmtree(pyodide_dir)
    pyodide_dir.mkdir(parents=True)
    for name in PYODIDE_CORE:
        shutil.copy2(npm_pyodide / name, pyodide_dir / name)
    wheel = build_wheel(project_dir, pyodide_dir)
    lock = pyodide_dir / "pyodide-lock.json"
    write_lock(npm_pyodide, wheel, lock)
    precompiled = stdlib.precompile(npm_pyodide, wheel, lock)
    stdlib.write_trimmed_zip(precompiled, npm_pyodide / STOCK_STDLIB, pyodide_dir / TRIMMED_STDLIB)
    stdlib.precompile_wheel(wheel, precompiled.site_pycs())
    write_lock(npm_pyodide, wheel, lock)  # the wheel's hash changed
    runtime_dir = site_dir / RUNTIME_DIR
    copy_runtime(runtime_dir)
    made = snapshot.write_snapshot(pyodide_dir, runtime_dir, TRIMMED_STDLIB, wheel, lock)
    write_shipped(runtime_dir / SHIPPED_MODULE, lock, wheel, made)
    lock.unlink()  # its content is inline in shipped.mjs: Pyodide never fetches the file


def build_wheel(project_dir: Path, out_dir: Path) -> Path:
    """Build the calculators wheel from the working tree with hatchling, in-process (no network, ~50 ms)."""
    with tempfile.TemporaryDirectory(prefix="legwork-wheel-") as tmp:
        built = Path(next(iter(WheelBuilder(str(project_dir)).build(directory=tmp, versions=["standard"]))))
        return Path(shutil.copy2(built, out_dir / built.name))


def write_lock(npm_pyodide: Path, wheel: Path, lock_path: Path) -> PyodideLockSpec:
    """A lock file that lists only the calculators wheel, with Pyodide's own `info` block.

    Pyodide checks only `info.abi_version` against itself; `version` (which pyodide-lock 0.1.2 requires and
    newer Pyodide lock files omit) is taken from the npm package. Package entries of the upstream file are
    dropped: the site ships no other package, so listing them would only invite requests that 404.
    """
    upstream = json.loads((npm_pyodide / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    version = json.loads((npm_pyodide / "package.json").read_text(encoding="utf-8"))["version"]
    info = InfoSpec(
        **{"version": version, **{key: upstream[key] for key in InfoSpec.model_fields if key in upstream}}
    )
    wheel_version = wheel.name.split("-")[1]
    package = PackageSpec(
        name=PACKAGE,
        version=wheel_version,
        file_name=wheel.name,
        install_dir="site",
        imports=list(stdlib.PACKAGES),  # the wheel holds .pyc, which pyodide-lock cannot read names from
        depends=[],
    )
    update_package_sha256(package, wheel)
    spec = PyodideLockSpec(info=info, packages={PACKAGE: package})
    spec.check_wheel_filenames()
    spec.to_json(lock_path, indent=1)
    return spec


def copy_runtime(target: Path) -> None:
    """The runtime's ES modules and CSS, plus `bridge.py`, which the worker runs inside Pyodide."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(RUNTIME_SOURCE, target)
    shutil.copy2(BRIDGE_SOURCE, target / "bridge.py")


def write_shipped(target: Path, lock: Path, wheel: Path, made: tuple[str, str] | None) -> None:
    """The worker's `shipped.mjs` for this build: the lock data inline, the names of the wheel and both standard
    libraries, the snapshot of Python's name and SHA-256 (`made`), and the empty zip a restored Python is given."""
    shipped = {
        "lock": json.loads(lock.read_text(encoding="utf-8")),
        "wheel": wheel.name,
        "stdlib": TRIMMED_STDLIB,
        "stock": STOCK_STDLIB,
        "snapshot": made[0] if made else None,
        "snapshotSha256": made[1] if made else None,
        "empty": snapshot.EMPTY_STDLIB,
    }
    target.write_text(
        "// Written by macros/assets.py at build time; the source's copy holds placeholders.\n"
        f"export const SHIPPED = {json.dumps(shipped, separators=(',', ':'), sort_keys=True)};\n",
        encoding="utf-8",
    )
