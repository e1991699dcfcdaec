"""Run inside Pyodide under Node by `macros/precompile.mjs`, never imported by the build or the site.

It traces what the site's Python imports (Pyodide's own start, the bridge, `calculators` and `views`, every
module their source names, and every traced message answered through `bridge.handle`) as the `sys.modules` this
leaves behind, then compiles, with this very Pyodide so the bytecode's magic number matches: each traced
standard-library module to a sourceless `.pyc` (for the trimmed zip) and each module of the site's packages to
a sourceless `.pyc` that replaces its `.py` in the wheel, docstrings left out (nothing reads them, and the
wheel must stay small); its header keeps the source's hash, so a test can tell it was made from the current
source. Heavier imports wait until the trace is taken.
"""

import json
import sys


def main(job_json: str) -> str:
    """`{"root", "bridge", "imports", "packages", "skip"}` → JSON of what was traced and written under root."""
    job = json.loads(job_json)
    root = job["root"]
    with open(f"{root}/messages.json", encoding="utf-8") as handle:
        messages = json.load(handle)
    namespace = {"__name__": "legwork_bridge"}
    exec(compile(job["bridge"], "bridge.py", "exec"), namespace)
    for name in job["imports"]:
        try:
            __import__(name)
        except ImportError:  # a name the source guards, or one Pyodide does not have
            pass
    for message in messages:
        namespace["handle"](json.dumps(message))
    traced = sorted(sys.modules)
    return json.dumps(
        {
            "traced": traced,
            "stdlib": write_stdlib(traced, f"{root}/stdlib"),
            "site": write_packages(job["packages"], job["skip"], f"{root}/site"),
            "python": sys.version,
        }
    )


def write_stdlib(names: list[str], out: str) -> list[str]:
    """Each traced module loaded from the standard library zip, as `<its path in the zip>c`."""
    from importlib import _bootstrap_external as external

    archive = next(entry for entry in sys.path if entry.endswith(".zip"))
    written = []
    for name in names:
        spec = getattr(sys.modules.get(name), "__spec__", None)
        origin = getattr(spec, "origin", None) or ""
        if not (origin.startswith(archive + "/") and origin.endswith(".py")):
            continue  # built in, frozen, or from site-packages
        code = compile(spec.loader.get_source(name), origin, "exec", dont_inherit=True)
        # No source beside it in the zip, so zipimport takes a timestamp-0 .pyc as it is.
        written.append(_write(f"{out}/{origin[len(archive) + 1 :]}c", external._code_to_timestamp_pyc(code)))
    return [path[len(out) + 1 :] for path in written]


def write_packages(packages: list[str], skip: list[str], out: str) -> list[str]:
    """Every module of the installed `packages` but `skip` (never imported in the browser), as
    `<package>/<module>.pyc`."""
    import ast
    import importlib.util
    import os
    from importlib import _bootstrap_external as external

    site = next(entry for entry in sys.path if entry.endswith("site-packages"))
    written = []
    for package in packages:
        for folder, _, files in sorted(os.walk(f"{site}/{package}")):
            for file in sorted(files):
                path = f"{folder}/{file}"
                if not file.endswith(".py") or path[len(site) + 1 :] in skip:
                    continue
                with open(path, "rb") as handle:
                    source = handle.read()
                code = compile(_without_docstrings(ast.parse(source, path)), path, "exec", dont_inherit=True)
                data = external._code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)
                written.append(_write(f"{out}/{path[len(site) + 1 :]}c", data))
    return [path[len(out) + 1 :] for path in written]


def _without_docstrings(tree):
    """The module with every module, class and function docstring removed (line numbers unchanged)."""
    import ast

    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            first = body[0] if body and isinstance(body[0], ast.Expr) else None
            if first and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                node.body = body[1:] or [ast.Pass(lineno=first.lineno, col_offset=first.col_offset)]
    return tree


def _write(path: str, data: bytes) -> str:
    import os

    os.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    return path
