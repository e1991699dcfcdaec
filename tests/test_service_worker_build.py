"""The service worker the build writes: its precache list covers the whole site, hashes match, versions move.

Checks `site/sw.js` of a real build (the `built_site` fixture); the browser tests check what it does.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

from macros import offline
from tests.articles import calculator_urls
from tests.paths import REPO_ROOT

SW_LIST = re.compile(r"const VERSION = \"([0-9a-f]+)\";\nconst PRECACHE = (\{.*?\n\});", re.S)


def read_sw(site: Path) -> tuple[str, dict[str, str]]:
    """(version, manifest) as written into `site/sw.js`."""
    match = SW_LIST.search((site / "sw.js").read_text(encoding="utf-8"))
    assert match, "sw.js lost its VERSION / PRECACHE lines"
    return match[1], json.loads(match[2])


def test_sw_js_sits_at_the_site_root_with_no_placeholder_left(built_site: Path) -> None:
    source = (built_site / "sw.js").read_text(encoding="utf-8")
    assert "__LEGWORK_" not in source
    assert not list(built_site.rglob("sw.template.js"))


def test_precache_lists_every_file_a_reader_needs(built_site: Path) -> None:
    _, manifest = read_sw(built_site)
    files = {
        path.relative_to(built_site).as_posix()
        for path in built_site.rglob("*")
        if path.is_file() and not path.name.endswith((".map", ".gz", ".br"))
    }
    # The stock standard library is the worker's fallback only: fetched if ever needed, never precached.
    assert set(manifest) == files - {"sw.js", "pyodide/python_stdlib.zip"}
    assert "pyodide/python_stdlib.zip" in files
    wheel = [name for name in manifest if name.startswith("pyodide/") and name.endswith(".whl")]
    assert len(wheel) == 1
    for needed in (
        "index.html",
        "404.html",
        next(iter(calculator_urls(REPO_ROOT / "docs").values())) + "index.html",  # a calculator page
        "search/search_index.json",
        "sitemap.xml",
        "pyodide/pyodide.mjs",
        "pyodide/pyodide.asm.mjs",
        "pyodide/pyodide.asm.wasm",
        "pyodide/python_stdlib_legwork.zip",
        "assets/legwork/shipped.mjs",
        "assets/legwork/worker.mjs",
        "assets/legwork/bridge.py",
        "assets/legwork/offline.mjs",
    ):
        assert needed in manifest, needed


def test_each_hash_is_the_files_sha256(built_site: Path) -> None:
    _, manifest = read_sw(built_site)
    for name, integrity in manifest.items():
        digest = base64.b64encode(hashlib.sha256((built_site / name).read_bytes()).digest()).decode()
        assert integrity == f"sha256-{digest}", name


def test_a_changed_file_means_a_new_cache_version(built_site: Path, tmp_path: Path) -> None:
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    before, _ = read_sw(site)
    assert offline.write_service_worker(site) and read_sw(site)[0] == before  # same files, same version
    page = site / "about" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- edited -->", encoding="utf-8")
    offline.write_service_worker(site)
    after, manifest = read_sw(site)
    assert after != before
    assert manifest["about/index.html"] == offline.integrity(page.read_bytes())
