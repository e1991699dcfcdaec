"""MkDocs hook: gzip copies of the site's large, compressible files, for servers that serve them.

`scripts/serve.py` (and most static hosts) answer a request for `file` with `file.gz` and
`Content-Encoding: gzip` when that copy exists, so Pyodide's 9.6 MB WebAssembly crosses the wire as 3.5 MB and
its 1.2 MB JavaScript as 0.26 MB, with no compression work per request. A copy is kept only when it saves at
least 10 %: `python_stdlib.zip` and the wheel are zip files already and stay as they are.

Registered under `hooks:` in mkdocs.yml. Its `on_post_build` runs last (lowest priority), after the macros
copy Pyodide and build the wheel and after the service worker hook lists the site (that hook skips `.gz`).
Compressed bytes are cached by content hash in `.cache/precompress/`, because Pyodide's files are the same at
every build and level 9 on the WebAssembly takes over a second.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

from mkdocs.plugins import event_priority

COMPRESSIBLE = frozenset(
    {".wasm", ".mjs", ".js", ".json", ".css", ".html", ".svg", ".xml", ".py", ".txt", ".zip"}
)
MIN_SIZE = 10_000  # bytes: below this the saving is lost in a request's headers
MAX_RATIO = 0.9  # keep a copy only if it is at most this share of the original
LEVEL = 9
CACHE_DIR = Path(__file__).resolve().parents[1] / ".cache" / "precompress"


@event_priority(-100)
def on_post_build(config, **kwargs) -> None:
    """Write `file.gz` beside every large compressible file of the built site."""
    precompress_site(Path(config["site_dir"]))


# ----------------------------------------------------------------------------------------------------------


def precompress_site(site_dir: Path, cache_dir: Path = CACHE_DIR) -> dict[str, tuple[int, int]]:
    """Compress what pays; returns {relative path: (original bytes, gzip bytes)} of the copies written."""
    written = {}
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE or path.stat().st_size < MIN_SIZE:
            continue
        content = path.read_bytes()
        packed = _compressed(content, cache_dir)
        if len(packed) <= MAX_RATIO * len(content):
            path.with_name(path.name + ".gz").write_bytes(packed)
            written[path.relative_to(site_dir).as_posix()] = (len(content), len(packed))
    return written


def _compressed(content: bytes, cache_dir: Path) -> bytes:
    """gzip level 9 with a zero timestamp (the same input gives the same bytes), cached by SHA-256."""
    cached = cache_dir / f"{hashlib.sha256(content).hexdigest()}.gz"
    if cached.is_file():
        return cached.read_bytes()
    packed = gzip.compress(content, compresslevel=LEVEL, mtime=0)
    if len(content) >= 1_000_000:  # only the big ones are worth a cache entry
        cache_dir.mkdir(parents=True, exist_ok=True)
        # Write then rename: other builds may read the cache at the same moment.
        with tempfile.NamedTemporaryFile(dir=cache_dir, delete=False) as handle:
            handle.write(packed)
        os.replace(handle.name, cached)
    return packed
