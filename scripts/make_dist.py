"""Zip the built site as a downloadable offline copy: `dist/legwork-offline.zip`.

The zip holds one folder, `legwork-offline/`, with the site in `site/`, the standard-library launcher
`serve.py` (a copy of scripts/serve.py: `python3 serve.py` serves `site/` on 127.0.0.1 and opens the browser)
and a short README.txt. Entries are sorted and dated alike, so the same site always gives the same zip.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
FOLDER = "legwork-offline"
FIXED_DATE = (2020, 1, 1, 0, 0, 0)  # zip timestamps cannot say "none"; a constant keeps builds reproducible
README = """\
Legwork, offline copy
=====================

Why legs feel weak after exercise, with calculators that run in your browser. Nothing you type leaves it.

To use the calculators (needs Python 3, nothing else):

    cd legwork-offline
    python3 serve.py

Your browser opens the site on http://127.0.0.1:8000/ (stop with Ctrl+C). On Windows: `py serve.py`.
After that first visit the site also works with the network off, every page and every calculator.

Opening site/index.html straight from disk also works for reading: each calculator then shows its answer
for the default values, because browsers do not run the calculation engine from a file.
"""


def build_zip(site: Path, out: Path) -> Path:
    """Write the offline copy of `site` to `out` and return it."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"no built site in {site} (run `make build`)")
    out.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(path for path in site.rglob("*") if path.is_file())
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        add(archive, "README.txt", README.encode())
        add(archive, "serve.py", (REPO_ROOT / "scripts" / "serve.py").read_bytes(), executable=True)
        for path in files:
            add(archive, f"site/{path.relative_to(site).as_posix()}", path.read_bytes())
    return out


def add(archive: zipfile.ZipFile, name: str, data: bytes, executable: bool = False) -> None:
    info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o755 if executable else 0o644) << 16
    archive.writestr(info, data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Zip the built site with its launcher.")
    parser.add_argument("--site", type=Path, default=REPO_ROOT / "site")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "dist" / "legwork-offline.zip")
    args = parser.parse_args(argv)
    try:
        out = build_zip(args.site, args.out)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
