"""MkDocs hook: old addresses keep working after a page moves (an article into its own folder, say).

`extra.legwork.redirects` in mkdocs.yml maps an old page to its new one (`water-loss.md: leg-weakness-after-
exercise/water-loss.md`). After the build, a tiny HTML page at each old address sends the reader on with
`<meta http-equiv="refresh">` and a plain link. No script: the maintained mkdocs-redirects plugin writes an
inline `<script>` into each stub, which the site's strict Content-Security-Policy blocks, so we write our own.
Registered before `offline.py` so the service worker precaches the stubs too. The stubs are not pages: they are
not in the navigation, the search index or the sitemap (which Material's instant navigation follows).
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

STUB = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>This page has moved</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>This page has moved to <a href="{url}">its new address</a>.</p>
</body>
</html>
"""


@event_priority(50)  # before offline.py (default priority) lists the site's files for the service worker
def on_post_build(config, **kwargs) -> None:
    """Write a redirect stub at every old address named in `extra.legwork.redirects`."""
    redirects = ((config.get("extra") or {}).get("legwork") or {}).get("redirects") or {}
    site = Path(config["site_dir"])
    for old, new in redirects.items():
        old_url, new_url = page_url(old, config), page_url(new, config)
        if not _target(site, new_url).is_file():
            raise PluginError(f"extra.legwork.redirects: {old} -> {new}: {new} is not a page of the site")
        stub = _target(site, old_url)
        if stub.exists():
            raise PluginError(f"extra.legwork.redirects: {old} is still a page; remove it or the redirect")
        relative = posixpath.relpath(new_url, posixpath.dirname(old_url) or ".")
        relative += "/" if new_url.endswith("/") and not relative.endswith("/") else ""
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(STUB.format(url=html.escape(relative, quote=True)), encoding="utf-8")


def page_url(src: str, config) -> str:
    """The URL path (relative to the site root) MkDocs gives the page `src` (`a/b.md` -> `a/b/`)."""
    stem = src.removesuffix(".md")
    if not config.get("use_directory_urls", True):
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def _target(site: Path, url: str) -> Path:
    return site / url / "index.html" if url.endswith("/") or not url else site / url
