"""The benchmark's helpers work: no browser, no timing. Speed targets live in `make bench`, never here.

Checks that the table renders from the raw record of one run, that the no-widget page really has no widget
and no runtime, and that the precompress hook keeps only the copies that pay.
"""

from __future__ import annotations

import gzip
import importlib.util
import os
from pathlib import Path

import brotli

from bench import pages, report

REPO_ROOT = Path(__file__).resolve().parents[1]

PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="../assets/legwork/widget.css">
<link rel="modulepreload" href="../pyodide/pyodide.mjs">
</head><body><h1>Water loss</h1><p>Before.</p>
<script src="../assets/legwork/boot.js"></script><div class="lw-calculator" data-calculator="hydration" data-state="static"><form><input name="weight_kg"></form>
<output data-output="sweat_rate_l_per_h" data-value="1.2">1.2</output></div>
<p>After.</p><script src="../assets/legwork/main.mjs" type="module"></script>
<script src="../assets/legwork/offline.mjs" type="module"></script>
<script src="../assets/javascripts/bundle.js"></script></body></html>"""


def one_run() -> dict:
    """The raw record `python -m bench --runs 1` keeps, with made-up but plausible numbers."""
    visit = {"ready": 3000.0, "bootMs": 2800, "firstAnswerAfterDcl": 0, "workers": 1, "error": None}
    return {
        "meta": {
            "date": "2026-01-01 00:00 UTC",
            "commit": "abc1234",
            "runs": 1,
            "chromium": "Chromium 1",
            "pyodide": "314.0.7",
            "cpus": 2,
            "load": "1.0",
            "pages": {"calculator": "calories/", "second": "water-loss/", "article": "water-loss/"},
        },
        "builds": {"clean": [2.0], "repeated": [1.5]},
        "static": {
            "answer_in_html": True,
            "pyodide_files": {
                "pyodide.mjs": 1,
                "pyodide.asm.wasm": 2,
                "legwork-0.1-py3-none-any.whl": 35_000,
            },
            "unneeded": [],
        },
        "calculator": [
            {
                "cold": visit,
                "warm": {**visit, "ready": 2000.0},
                "bytes": {"/pyodide/pyodide.mjs": 10, "/pyodide/pyodide.asm.wasm": 20, "/calories/": 5},
                "latency": {"field": "age_years", "samples": [5.0, 6.0, None]},
                "navigation": {"ms": 30.0, "swapMs": 25.0, "sameDocument": True, "workersStarted": 1},
            }
        ],
        "bare": [{"cold": 2900.0, "warm": 1900.0}],
        "lcp": [{"widgets": 200.0, "plain": 190.0}],
        "escapes": [],
    }


def test_the_table_renders_every_row_from_one_run(tmp_path: Path) -> None:
    raw = one_run()
    table = report.rows(raw)
    keys = [row["key"] for row in table]
    assert keys[:3] == ["first_answer_ms", "cold_ready_ratio", "warm_ready_ratio"]
    assert {"navigation_ready_ms", "input_latency_p95_ms", "lcp_ratio", "cold_bytes", "wheel_bytes"} <= set(
        keys
    )
    by_key = {row["key"]: row for row in table}
    assert by_key["cold_ready_ratio"]["value"] == 3000 / 2900
    assert by_key["input_latency_p95_ms"]["pass"] is False  # an input that never updated counts as infinite
    assert by_key["pyodide_files"]["pass"] is False  # the wheel was shipped but not fetched in this record
    report.write(tmp_path, table, raw)
    text = (tmp_path / "latest.md").read_text(encoding="utf-8")
    assert text.count("\n| ") == len(table) + 2  # header, rule, one line per row
    assert (tmp_path / "latest.json").is_file()


def test_the_plain_variant_has_no_widget_and_no_runtime() -> None:
    plain = pages.reserialize(PAGE, strip=True)
    assert "data-calculator" not in plain
    assert "main.mjs" not in plain and "widget.css" not in plain and "pyodide/" not in plain
    assert "boot.js" not in plain  # it starts the Python worker: a page without widgets has none
    assert "offline.mjs" in plain  # not a widget: the page keeps it
    assert "Before." in plain and "After." in plain and "bundle.js" in plain
    assert "data-calculator" in pages.reserialize(PAGE, strip=False)


def test_precompress_keeps_only_copies_that_pay(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("precompress", REPO_ROOT / "macros" / "precompress.py")
    precompress = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(precompress)
    site = tmp_path / "site"
    (site / "pyodide").mkdir(parents=True)
    (site / "pyodide" / "big.mjs").write_text("export const x = 1;\n" * 2_000)
    (site / "pyodide" / "small.mjs").write_text("export const y = 2;\n")
    (site / "pyodide" / "random.wasm").write_bytes(os.urandom(50_000))  # incompressible
    written = precompress.precompress_site(site, cache_dir=tmp_path / "cache")
    assert list(written) == ["pyodide/big.mjs"]
    original = (site / "pyodide/big.mjs").read_bytes()
    assert gzip.decompress((site / "pyodide" / "big.mjs.gz").read_bytes()) == original
    assert brotli.decompress((site / "pyodide" / "big.mjs.br").read_bytes()) == original
    assert written["pyodide/big.mjs"][".br"] < written["pyodide/big.mjs"][".gz"] < len(original)
    assert not list(site.rglob("small.mjs.*")) and not list(site.rglob("random.wasm.*"))


def test_the_readme_table_is_rewritten_between_its_markers(tmp_path: Path) -> None:
    from bench import readme

    target = tmp_path / "README.md"
    target.write_text(f"# Title\n\n{readme.START}\nold table\n{readme.END}\n\nAfter.\n", encoding="utf-8")
    readme.update(target, "| new | table |\n")
    assert target.read_text(encoding="utf-8") == (
        f"# Title\n\n{readme.START}\n| new | table |\n{readme.END}\n\nAfter.\n"
    )
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert text.count(readme.START) == 1 and text.index(readme.START) < text.index(readme.END)


def test_each_lever_can_be_undone_on_a_copy_of_the_site(built_site: Path, tmp_path: Path) -> None:
    import json
    import shutil
    import zipfile

    from bench import levers
    from macros import assets, offline

    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    assert levers.AS_IS in (site / offline.SW_NAME).read_text(encoding="utf-8")
    levers.turn_off(site, list(levers.LEVERS))
    shipped = (site / assets.RUNTIME_DIR / assets.SHIPPED_MODULE).read_text(encoding="utf-8")
    values = json.loads(levers.SHIPPED_LINE.search(shipped)[1])
    assert values["stdlib"] is None and values["lock"] is None and values["snapshot"] is None
    assert not list(site.rglob("*.br")) and not list((site / assets.PYODIDE_DIR).glob("*.snapshot*"))
    (wheel,) = (site / assets.PYODIDE_DIR).glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert not [n for n in archive.namelist() if n.endswith(".pyc")]
    sw = (site / offline.SW_NAME).read_text(encoding="utf-8")
    assert levers.AS_IS not in sw
    # The precache list still matches every changed file, or the service worker would install nothing.
    manifest = offline.precache_manifest(site)
    assert manifest["assets/legwork/shipped.mjs"] == offline.integrity(shipped.encode())
    assert json.dumps(manifest, indent=1, sort_keys=True) in sw
    assert "pyodide/python_stdlib.zip" in manifest  # the worker's standard library now
