"""The pages the benchmark adds to its private copy of the built site, and the checks read from files.

- `bench/bare.html`: the floor, a page whose module worker boots the site's own `pyodide/` and runs `1+1`, with
  the npm package's own `pyodide-lock.json` beside it (the site inlines its lock data and ships no lock file).
- `<article>/bench-with-widgets.html` and `<article>/bench-no-widgets.html`: the same article page, the second
  without its widgets, the widget runtime's tags (boot.js, which starts the Python worker, main.mjs, widget.css)
  and any Pyodide hints, for the LCP ratio: what a page with no calculator would cost. The rest of the site's
  scripts (search, the offline service worker) stay: they are not widgets. Both go through the same parser and
  sit in the article's own folder, so their relative URLs and byte-level treatment match.
Nothing here is ever written into `docs/` or the checkout's `site/`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from lxml import html as lxml_html

WEB_DIR = Path(__file__).parent / "web"
NPM_PYODIDE = Path(__file__).resolve().parents[1] / "node_modules" / "pyodide"
BARE_FILES = ("bare.html", "bare.mjs", "bare-worker.mjs")
BARE_PAGE = "bench/bare.html"
WITH_WIDGETS = "bench-with-widgets.html"
NO_WIDGETS = "bench-no-widgets.html"
# Files a browser never needs: the REPL page, TypeScript types, source maps, the non-module loader.
UNNEEDED_PYODIDE = re.compile(r"(\.html|\.d\.ts|\.map|^pyodide\.js)$")


def add_bench_pages(site: Path, article: str) -> None:
    """Write the bare page and the two LCP variants of `article` (a folder such as "water-loss/")."""
    target = site / "bench"
    target.mkdir(exist_ok=True)
    for name in BARE_FILES:
        shutil.copy2(WEB_DIR / name, target / name)
    # The npm package's own lock file, for the bare page: the site ships none (its lock data is inline).
    shutil.copy2(NPM_PYODIDE / "pyodide-lock.json", target / "pyodide-lock.json")
    source = (site / article / "index.html").read_text(encoding="utf-8")
    (site / article / WITH_WIDGETS).write_text(reserialize(source, strip=False), encoding="utf-8")
    (site / article / NO_WIDGETS).write_text(reserialize(source, strip=True), encoding="utf-8")


def reserialize(page: str, strip: bool) -> str:
    """The page through lxml; with `strip`, minus every widget and every tag that loads the runtime."""
    doc = lxml_html.document_fromstring(page)
    # A copy at another address than its canonical one would report a wrong site_url (runtime/site-url.mjs) in a
    # status line that becomes the largest paint; the real page never shows it.
    for canonical in doc.xpath("//link[@rel='canonical']"):
        canonical.drop_tree()
    if strip:
        doomed = doc.xpath(
            "//*[@data-calculator]"
            " | //script[contains(@src, 'legwork/main.mjs') or contains(@src, 'legwork/boot.js')"
            " or contains(@src, 'pyodide/')]"
            " | //link[contains(@href, 'legwork/widget.') or contains(@href, 'legwork/main.')"
            " or contains(@href, 'legwork/client.') or contains(@href, 'pyodide/')]"
        )
        for element in doomed:
            element.drop_tree()
    return "<!doctype html>\n" + lxml_html.tostring(doc, encoding="unicode")


def calculator_pages(site: Path) -> list[str]:
    """Folders ("leg-weakness-after-exercise/calories/") of the built pages that hold at least one widget, in path
    order, at any depth (each article has its own folder)."""
    found = []
    for index in sorted(site.rglob("index.html")):
        if index.parent != site and "data-calculator=" in index.read_text(encoding="utf-8"):
            found.append(f"{index.parent.relative_to(site).as_posix()}/")
    return found


def answer_in_html(site: Path, page: str) -> bool:
    """Every widget's outputs carry a non-empty answer in the HTML as served (before any script runs)."""
    doc = lxml_html.document_fromstring((site / page / "index.html").read_text(encoding="utf-8"))
    roots = doc.xpath("//*[@data-calculator]")
    return bool(roots) and all(
        (outputs := root.xpath(".//output[@data-output]"))
        and all(o.text_content().strip() and o.get("data-value") is not None for o in outputs)
        for root in roots
    )


def shipped_pyodide(site: Path) -> dict[str, int]:
    """Files in `site/pyodide/` (precompressed copies aside) and their sizes."""
    return {
        path.name: path.stat().st_size
        for path in sorted((site / "pyodide").iterdir())
        if path.is_file() and path.suffix not in (".gz", ".br")
    }


def unneeded(names: list[str]) -> list[str]:
    return [name for name in names if UNNEEDED_PYODIDE.search(name)]
