"""Write an article's files into its own folder safely: never over an editor's change, never a silent deletion,
never half a set of files, never anything outside the folder.

The manifest (`.importer.json` in the folder; MkDocs ignores dot-files) records the SHA-256 of every file the
importer wrote. A file may be replaced only if it is byte-identical to what the importer last wrote (or to what it
would write now); a file the last import wrote and this one does not is deleted only when asked. Anything else -
an edited page, a page the importer never wrote, a deletion - is refused, every file named, unless `force` is set.
Files are first written to a temporary folder inside the output folder and then moved into place with
`os.replace`, so a crash leaves either the old file or the new one.
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
class WritePlan:
    """What writing would do, file by file (paths relative to `out`)."""

    out: Path
    write: tuple[str, ...]  # new, or changed since the last import
    unchanged: tuple[str, ...]
    remove: tuple[str, ...]  # written by the last import, not produced by this one
    conflicts: tuple[str, ...]  # "path (why)": an editor's change or a file the importer does not own

    def refusal(self) -> str:
        """The one-line error for a write that needs --force, or "" when none is needed."""
        parts = []
        if self.conflicts:
            parts.append(f"overwrite {', '.join(self.conflicts)}")
        if self.remove:
            parts.append(
                f"delete {', '.join(f'{p} (written by the last import, not by this one)' for p in self.remove)}"
            )
        if not parts:
            return ""
        return f"refusing to {' and to '.join(parts)} in {self.out}; re-run with --force to do so"


def plan_writes(out: Path, files: dict[str, str]) -> WritePlan:
    recorded = _load_manifest(out)
    encoded = {path: text.encode("utf-8") for path, text in files.items()}
    stale = tuple(p for p in sorted(set(recorded) - set(encoded)) if (out / p).exists())
    conflicts = tuple(
        f"{path} ({why})"
        for path in sorted(encoded)
        if (why := _conflict(out / path, recorded.get(path), encoded[path]))
    )
    unchanged = tuple(p for p, data in sorted(encoded.items()) if _read(out / p) == data)
    write = tuple(p for p in sorted(encoded) if p not in unchanged)
    return WritePlan(out=out, write=write, unchanged=unchanged, remove=stale, conflicts=conflicts)


def write_files(
    out: Path, files: dict[str, str], *, source: str, dropped: list[str], force: bool = False
) -> WritePlan:
    """Write `files` into `out` as planned; raise `OverwriteRefused` naming every file when --force is needed."""
    plan = plan_writes(out, files)
    if plan.refusal() and not force:
        raise OverwriteRefused(plan.refusal())
    encoded = {path: text.encode("utf-8") for path, text in files.items()}
    manifest = {
        "generator": "python -m importer",
        "source": source,
        "pages": {path: _digest(data) for path, data in sorted(encoded.items())},
        # What the importer left out of the article as page chrome: the nothing-lost check reads it.
        "dropped": dropped,
    }
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".importer-", dir=out))
    try:
        for path in plan.write:
            (staging / path).parent.mkdir(parents=True, exist_ok=True)
            (staging / path).write_bytes(encoded[path])
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", "utf-8")
        for path in plan.write:
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / path, out / path)
        for path in plan.remove:
            (out / path).unlink(missing_ok=True)
        os.replace(staging / MANIFEST, out / MANIFEST)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return plan


# ----------------------------------------------------------------------------------------------------------------


def _conflict(target: Path, recorded: str | None, new: bytes) -> str:
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
    except (FileNotFoundError, NotADirectoryError):
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
