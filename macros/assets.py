"""Build-time files for the browser: Pyodide's core, the calculators wheel, a site-local lock file, the runtime.

Runs after every `mkdocs build`, so the wheel is always built from the current source (never a stale copy) and
the site holds everything it needs: no request ever leaves it. Pyodide comes from the npm cache that `npm ci`
fills from package-lock.json (pinned and integrity-checked); only the four files the browser loads are copied.
Beside them goes the standard library trimmed to what the site imports, precompiled (`stdlib.py`); the stock
zip stays as the worker's fallback. The wheel carries its modules as `.pyc`, and `shipped.mjs` in the runtime
tells the worker the file names and holds the lock data inline (the lock file itself is not shipped).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

from hatchling.builders.wheel import WheelBuilder
from pyodide_lock import PyodideLockSpec
from pyodide_lock.spec import InfoSpec, PackageSpec
from pyodide_lock.utils import update_package_sha256

from . import stdlib

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
    copy_runtime(site_dir / RUNTIME_DIR)
    write_shipped(site_dir / RUNTIME_DIR / SHIPPED_MODULE, lock, wheel)
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


def write_shipped(target: Path, lock: Path, wheel: Path) -> None:
    """The worker's `shipped.mjs` for this build: the lock data inline, the wheel's and both standard libraries'
    names, and the hash that keys the worker's memory snapshot of Python (`python-snapshot.mjs`)."""
    shipped = {
        "lock": json.loads(lock.read_text(encoding="utf-8")),
        "wheel": wheel.name,
        "stdlib": TRIMMED_STDLIB,
        "stock": STOCK_STDLIB,
        "build": python_build_id(target.parent, wheel.parent),
    }
    target.write_text(
        "// Written by macros/assets.py at build time; the source's copy holds placeholders.\n"
        f"export const SHIPPED = {json.dumps(shipped, separators=(',', ':'), sort_keys=True)};\n",
        encoding="utf-8",
    )


def python_build_id(runtime_dir: Path, pyodide_dir: Path) -> str:
    """A hash of everything a snapshot of the worker's Python is made of: Pyodide, both standard libraries, the
    wheel, and the runtime files that start Python. Any change names a new snapshot, so an old one is never
    restored into a new build."""
    digest = hashlib.sha256()
    for path in [*sorted(pyodide_dir.iterdir()), runtime_dir / "bridge.py", runtime_dir / "python-start.mjs"]:
        if path.is_file() and path.suffix != ".gz":
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:32]
