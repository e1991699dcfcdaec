"""MkDocs hook: brotli and gzip copies of the site's large, compressible files, for servers that serve them.

`scripts/serve.py` (and most static hosts) answer a request for `file` with `file.br` and
`Content-Encoding: br` when the browser accepts brotli and that copy exists, else with `file.gz` and gzip, so
Pyodide's 9.6 MB WebAssembly crosses the wire as 2.8 MB (3.5 MB gzipped) and the 31 MB snapshot of the site's
Python as 3.4 MB, with no compression work per request. A copy is kept only when it saves at least 10 %:
`python_stdlib.zip` and the wheel are zip files already and stay as they are.

Registered under `hooks:` in mkdocs.yml. Its `on_post_build` runs last (lowest priority), after the macros
copy Pyodide and build the wheel and after the service worker hook lists the site (that hook skips `.gz`).
Compressed bytes are cached by content hash in `.cache/precompress/`, because Pyodide's files and the snapshot
are the same at every build and brotli's best level takes half a minute on each of the two largest.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

import brotli
from mkdocs.plugins import event_priority

COMPRESSIBLE = frozenset(
    {".wasm", ".mjs", ".js", ".json", ".css", ".html", ".svg", ".xml", ".py", ".txt", ".zip", ".snapshot"}
)
MIN_SIZE = 10_000  # bytes: below this the saving is lost in a request's headers
MAX_RATIO = 0.9  # keep a copy only if it is at most this share of the original
LEVEL = 9
BROTLI_WINDOW_BITS = 24  # brotli's largest window: the snapshot repeats itself over megabytes
CACHE_FROM_BYTES = 1_000_000  # only the big ones are worth a cache entry
CACHE_DIR = Path(__file__).resolve().parents[1] / ".cache" / "precompress"


@event_priority(-100)
def on_post_build(config, **kwargs) -> None:
    """Write `file.br` and `file.gz` beside every large compressible file of the built site."""
    precompress_site(Path(config["site_dir"]))


# ----------------------------------------------------------------------------------------------------------


def precompress_site(site_dir: Path, cache_dir: Path = CACHE_DIR) -> dict[str, dict[str, int]]:
    """Compress what pays; returns {relative path: {"bytes": original, ".gz": gzip bytes, ".br": brotli
    bytes}} of the files that got copies."""
    written = {}
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE or path.stat().st_size < MIN_SIZE:
            continue
        content = path.read_bytes()
        sizes = {}
        for suffix, compress in COMPRESSORS.items():
            packed = _compressed(content, suffix, compress, cache_dir)
            if len(packed) <= MAX_RATIO * len(content):
                path.with_name(path.name + suffix).write_bytes(packed)
                sizes[suffix] = len(packed)
        if sizes:
            written[path.relative_to(site_dir).as_posix()] = {"bytes": len(content), **sizes}
    return written


def _gzip(content: bytes) -> bytes:
    """Level 9 with a zero timestamp: the same input gives the same bytes."""
    return gzip.compress(content, compresslevel=LEVEL, mtime=0)


def _brotli(content: bytes) -> bytes:
    return brotli.compress(content, quality=11, lgwin=BROTLI_WINDOW_BITS)


COMPRESSORS = {".br": _brotli, ".gz": _gzip}


def _compressed(content: bytes, suffix: str, compress, cache_dir: Path) -> bytes:
    """`compress(content)`, cached by SHA-256 for large files."""
    cached = cache_dir / f"{hashlib.sha256(content).hexdigest()}{suffix}"
    if cached.is_file():
        return cached.read_bytes()
    packed = compress(content)
    if len(content) >= CACHE_FROM_BYTES:
        cache_dir.mkdir(parents=True, exist_ok=True)
        # Write then rename: other builds may read the cache at the same moment.
        with tempfile.NamedTemporaryFile(dir=cache_dir, delete=False) as handle:
            handle.write(packed)
        os.replace(handle.name, cached)
    return packed
