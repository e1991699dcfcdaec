"""README.md's speed table is the latest run's, between two markers.

`python -m bench --update-readme` does it at the end of a run; `python -m bench.readme` from the last run's
`bench-results/latest.md`.
"""

from __future__ import annotations

from pathlib import Path

START = "<!-- bench:latest -->"
END = "<!-- /bench:latest -->"


def update(readme: Path, table_md: str) -> None:
    """Replace what lies between the markers with `table_md` (bench-results/latest.md)."""
    text = readme.read_text(encoding="utf-8")
    head, found, rest = text.partition(START)
    _, found_end, tail = rest.partition(END)
    if not (found and found_end):
        raise ValueError(f"{readme} lacks the {START} … {END} markers")
    readme.write_text(f"{head}{START}\n{table_md.strip()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":  # python -m bench.readme: the README from the last run's bench-results/latest.md
    root = Path(__file__).resolve().parents[1]
    update(root / "README.md", (root / "bench-results" / "latest.md").read_text(encoding="utf-8"))
