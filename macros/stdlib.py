"""Build step: the standard library trimmed to what the site's Python imports, and the packages, precompiled.

Pyodide spends most of its start compiling standard-library sources to bytecode inside WebAssembly. This step
boots the pinned Pyodide under Node (`precompile.mjs` running `pyodide_compile.py`), traces the modules that its
own start, the bridge, `calculators` and `views` import while every traced message is answered (each
calculator's reference cases and the fuzz corpus when the checkout has them, each calculator's defaults in both
unit systems), adds as a margin every module the packages' source names anywhere and all that those import,
and compiles them there, so the bytecode matches the Pyodide that runs it. Out come:

- a zip of those standard-library modules as sourceless `.pyc`, plus `legwork-left-out.txt` naming every module
  of the stock zip it leaves out (the worker watches for those and falls back to the stock zip);
- a sourceless `.pyc` for each module of the wheel that the browser imports, to stand in its `.py`'s place.

Results are cached in `.cache/stdlib/<hash of every input>/`, so a repeated build costs a hash and a copy.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
PROJECT_DIR = HERE.parent
CACHE_DIR = PROJECT_DIR / ".cache" / "stdlib"
SCRIPT = HERE / "precompile.mjs"
PACKAGES = ("calculators", "views")
# Modules of the wheel the worker never imports (the command line): left to compile from source if ever used.
NOT_PRECOMPILED = ("calculators/__main__.py", "calculators/cli.py", "calculators/scaffold.py")
LEFT_OUT_NAME = "legwork-left-out.txt"
# Inputs besides the Pyodide files and the wheel whose change must mean a new trace.
TRACE_INPUTS = (
    HERE / "stdlib.py",
    HERE / "pyodide_compile.py",
    SCRIPT,
    HERE / "bridge.py",
    PROJECT_DIR / "tests" / "cases.py",
    PROJECT_DIR / "tests" / "test_fuzz_boundary.py",
)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Precompiled:
    folder: Path  # the cache entry: stdlib/ and site/ trees of .pyc, result.json

    @property
    def result(self) -> dict:
        return json.loads((self.folder / "result.json").read_text(encoding="utf-8"))

    def site_pycs(self) -> dict[str, bytes]:
        """`calculators/x.pyc` → bytes, for the wheel."""
        return {name: (self.folder / "site" / name).read_bytes() for name in self.result["site"]}


def precompile(npm_pyodide: Path, wheel: Path, lock: Path, cache_dir: Path = CACHE_DIR) -> Precompiled:
    """The cached precompilation for this Pyodide, this wheel and these trace inputs; made if missing."""
    folder = cache_dir / cache_key(npm_pyodide, wheel)
    if (folder / "result.json").is_file():
        return Precompiled(folder)
    cache_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="work-", dir=cache_dir))
    try:
        (work / "messages.json").write_text(json.dumps(trace_messages()), encoding="utf-8")
        job = {
            "bridge": (HERE / "bridge.py").read_text(encoding="utf-8"),
            "imports": sorted(named_imports()),
            "packages": list(PACKAGES),
            "skip": list(NOT_PRECOMPILED),
        }
        (work / "job.json").write_text(json.dumps(job), encoding="utf-8")
        packages = work / "packages"
        packages.mkdir()
        shutil.copy2(wheel, packages / wheel.name)
        shutil.copy2(lock, packages / "pyodide-lock.json")
        node = shutil.which("node")
        if not node:
            raise FileNotFoundError("node is needed to precompile the standard library (make setup)")
        done = subprocess.run(
            [node, str(SCRIPT), str(npm_pyodide), str(packages), str(work), str(work / "job.json")],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"precompiling in Pyodide failed:\n{done.stderr[-3000:]}")
        (work / "result.json").write_text(done.stdout, encoding="utf-8")
        shutil.rmtree(packages)
        (work / "messages.json").unlink()
        try:
            work.rename(folder)  # another build may have made the same entry meanwhile
        except OSError:
            pass
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Precompiled(folder)


def write_trimmed_zip(precompiled: Precompiled, stock_zip: Path, target: Path) -> list[str]:
    """The trimmed standard library: traced modules as stored `.pyc` (the site gzips the whole file), and the
    names of the stock modules it leaves out. Returns those names."""
    kept = precompiled.result["stdlib"]
    left_out = sorted(set(module_names(stock_zip)) - {module_name(name[:-1]) for name in kept})
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        for name in sorted(kept):
            archive.writestr(
                zipfile.ZipInfo(name, ZIP_DATE), (precompiled.folder / "stdlib" / name).read_bytes()
            )
        archive.writestr(zipfile.ZipInfo(LEFT_OUT_NAME, ZIP_DATE), "\n".join(left_out) + "\n")
    return left_out


def precompile_wheel(wheel: Path, pycs: dict[str, bytes]) -> None:
    """Rewrite `wheel` in place with each `x.py` that has an `x.pyc` replaced by it, and RECORD to match."""
    with zipfile.ZipFile(wheel) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    files = []
    for info, data in entries:
        if info.filename + "c" in pycs:
            data = pycs[info.filename + "c"]
            info = _copy_info(info, info.filename + "c")
        files.append((info, data))
    record_info = next(info for info, _ in files if info.filename.endswith(".dist-info/RECORD"))
    record = [
        f"{info.filename},sha256={_urlsafe(hashlib.sha256(data).digest())},{len(data)}"
        for info, data in files
    ]
    record = [line for line in record if not line.startswith(record_info.filename)] + [
        f"{record_info.filename},,"
    ]
    with zipfile.ZipFile(wheel, "w") as archive:
        for info, data in files:
            archive.writestr(info, ("\n".join(record) + "\n").encode() if info is record_info else data)


def _copy_info(info: zipfile.ZipInfo, name: str) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(name, info.date_time)
    copy.compress_type, copy.external_attr = info.compress_type, info.external_attr
    return copy


# ----------------------------------------------------------------------------------------------------------


def cache_key(npm_pyodide: Path, wheel: Path) -> str:
    """SHA-256 over Pyodide's version and stdlib zip, the wheel's files and every trace input."""
    digest = hashlib.sha256()
    for path in (npm_pyodide / "package.json", npm_pyodide / "python_stdlib.zip", *TRACE_INPUTS):
        digest.update(path.name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-") + b"\0")
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            digest.update(name.encode() + b"\0" + archive.read(name) + b"\0")
    return digest.hexdigest()[:24]


def trace_messages() -> list[dict]:
    """Messages the trace answers: each calculator's defaults and unit conversions, its reference cases and
    the fuzz corpus (from the checkout's tests, when there), every run in both unit systems."""
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))
    import calculators

    runs = []
    converts = []
    for name in calculators.names():
        fields = calculators.schema(name)["inputs"]
        runs.append((name, {f["key"]: f["default"] for f in fields if f.get("default") is not None}))
        converts += [
            {
                "key": f["key"],
                "value": str(f["default"]),
                "from": f["units"][0],
                "to": f["units"][1],
                "step": 1,
            }
            for f in fields
            if len(f.get("units", [])) > 1 and isinstance(f.get("default"), int | float)
        ]
    try:
        runs += importlib.import_module("tests.cases").PARITY_CASES
        runs += [
            (c["name"], c["inputs"]) for c in importlib.import_module("tests.test_fuzz_boundary").draw_cases()
        ]
    except ImportError:  # a copy without the tests (or without hypothesis): the margin below still holds
        pass
    messages = [
        {"id": 0, "type": "run", "name": name, "inputs": inputs, "system": system}
        for name, inputs in runs
        for system in ("metric", "imperial")
    ]
    return [*messages, {"id": 0, "type": "convert", "fields": converts}]


def named_imports() -> set[str]:
    """The margin: every standard-library module the packages' and the bridge's source import anywhere (at
    the top or inside a function); the trace imports each, so all they import comes too."""
    names = set()
    sources = [
        HERE / "bridge.py",
        *(p for package in PACKAGES for p in (PROJECT_DIR / package).rglob("*.py")),
    ]
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if name.split(".")[0] in sys.stdlib_module_names}


def module_names(stock_zip: Path) -> list[str]:
    with zipfile.ZipFile(stock_zip) as archive:
        return [module_name(name) for name in archive.namelist() if name.endswith(".py")]


def module_name(path: str) -> str:
    """`json/__init__.py` → `json`, `json/decoder.py` → `json.decoder`."""
    parts = path[: -len(".py")].split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _urlsafe(digest: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
