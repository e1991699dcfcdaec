"""Write the rendered pages safely: never over an editor's change, never half a set of pages.

The manifest (`.importer.json` in the output folder; MkDocs ignores dot-files) records the SHA-256 of every page
the importer wrote. A page may be replaced only if it is byte-identical to what the importer last wrote (or to
what it would write now). Anything else - an edited page, or a page the importer never wrote - is refused, all
offenders named in one line, unless `force` is set. Pages are first written to a temporary folder inside the
output folder and then moved into place with `os.replace`, so a crash leaves either the old page or the new one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from importer.errors import OverwriteRefused

MANIFEST = ".importer.json"


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


def write_pages(out: Path, pages: dict[str, str], *, source: str, force: bool = False) -> WriteReport:
    recorded = _load_manifest(out)
    encoded = {path: text.encode("utf-8") for path, text in pages.items()}
    stale = sorted(set(recorded) - set(encoded))
    conflicts = [
        f"{path} ({why})"
        for path in sorted(encoded) + stale
        if (why := _conflict(out / path, recorded.get(path), encoded.get(path)))
    ]
    if conflicts and not force:
        raise OverwriteRefused(
            f"refusing to overwrite {', '.join(conflicts)} in {out}; re-run with --force to replace them"
        )
    unchanged = tuple(p for p, data in sorted(encoded.items()) if _read(out / p) == data)
    written = tuple(p for p in sorted(encoded) if p not in unchanged)
    manifest = {
        "generator": "python -m importer",
        "source": source,
        "pages": {path: _digest(data) for path, data in sorted(encoded.items())},
    }
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".importer-", dir=out))
    try:
        for path in written:
            (staging / path).parent.mkdir(parents=True, exist_ok=True)
            (staging / path).write_bytes(encoded[path])
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", "utf-8")
        for path in written:
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / path, out / path)
        for path in stale:
            (out / path).unlink(missing_ok=True)
        os.replace(staging / MANIFEST, out / MANIFEST)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return WriteReport(written=written, unchanged=unchanged, removed=tuple(stale))


# ----------------------------------------------------------------------------------------------------------------


def _conflict(target: Path, recorded: str | None, new: bytes | None) -> str:
    current = _read(target)
    if current is None or current == new:
        return ""
    if recorded is None:
        return "not written by the importer"
    if _digest(current) != recorded:
        return "edited since the last import"
    return ""


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _load_manifest(out: Path) -> dict[str, str]:
    data = _read(out / MANIFEST)
    if data is None:
        return {}
    try:
        pages = json.loads(data)["pages"]
    except (ValueError, KeyError, TypeError):
        raise OverwriteRefused(
            f"{out / MANIFEST} is not a valid importer manifest; fix or delete it"
        ) from None
    return {str(k): str(v) for k, v in pages.items()}
