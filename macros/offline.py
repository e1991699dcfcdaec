"""MkDocs hook: write `sw.js`, the service worker that makes the whole site work offline after one visit.

Registered under `hooks:` in mkdocs.yml, so its `on_post_build` runs after every plugin's (search index, the
macros' copy of Pyodide and the calculators wheel) and sees the finished site. The worker's source is
`sw.template.js`; this module only fills in the precache list (each file's SHA-256, used as the fetch
integrity check at install) and a version derived from that list, so any changed file means a new cache.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

SW_NAME = "sw.js"
TEMPLATE = Path(__file__).with_name("sw.template.js")
VERSION_MARK = "__LEGWORK_VERSION__"
PRECACHE_MARK = "/* __LEGWORK_PRECACHE__ */ {}"
# Not needed by a reader: source maps, precompressed twins of files already listed, the sitemap's gzip copy.
SKIPPED_SUFFIXES = (".map", ".gz", ".br")
# Pyodide's stock standard library, when the trimmed one ships beside it: the worker's fallback, fetched only if
# Python ever needs a module the trimmed zip left out, so no reader downloads its 2.5 MB in advance.
FALLBACK_ONLY = {"pyodide/python_stdlib.zip": "pyodide/python_stdlib_legwork.zip"}


def on_post_build(config, **kwargs) -> None:
    """Write site/sw.js for the site MkDocs just built."""
    write_service_worker(Path(config["site_dir"]))


# ----------------------------------------------------------------------------------------------------------


def write_service_worker(site_dir: Path) -> dict[str, str]:
    """Write `site_dir/sw.js` and return its manifest (path → integrity)."""
    manifest = precache_manifest(site_dir)
    source = TEMPLATE.read_text(encoding="utf-8")
    if VERSION_MARK not in source or PRECACHE_MARK not in source:
        raise ValueError(f"{TEMPLATE} lost its placeholders")
    source = source.replace(VERSION_MARK, manifest_version(manifest))
    source = source.replace(PRECACHE_MARK, json.dumps(manifest, indent=1, sort_keys=True))
    (site_dir / SW_NAME).write_text(source, encoding="utf-8")
    return manifest


def precache_manifest(site_dir: Path) -> dict[str, str]:
    """Every file a reader may need, by URL path relative to the site root, with its SRI sha256."""
    manifest = {}
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.is_file() and relative != SW_NAME and not relative.endswith(SKIPPED_SUFFIXES):
            if relative in FALLBACK_ONLY and (site_dir / FALLBACK_ONLY[relative]).is_file():
                continue
            manifest[relative] = integrity(path.read_bytes())
    return manifest


def manifest_version(manifest: dict[str, str]) -> str:
    """A short hash of the whole manifest: the cache name changes whenever any file does."""
    digest = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()
    return digest[:16]


def integrity(content: bytes) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(content).digest()).decode()
