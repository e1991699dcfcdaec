"""Command line: `python -m importer SOURCE --out DIR [--force] [--widgets FILE] [--source-url URL]`.

Exit status: 0 done, 1 refused to overwrite an edited page, 2 bad input (or bad usage). Every failure is exactly
one line on stderr, and nothing is written unless the whole article parsed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from importer.config import DEFAULT_PATH, load_config
from importer.errors import OverwriteRefused, SourceError
from importer.html_source import parse_html
from importer.reading import read_source
from importer.render import render
from importer.text_source import parse_text
from importer.writer import write_pages

PARSERS = {"text": parse_text, "html": parse_html}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config(args.widgets)
        text, kind = read_source(args.source)
        article = PARSERS[kind](text, source=args.source_url or args.source.name, config=config)
        pages = render(article, config)
        report = write_pages(args.out, pages, source=article.source, force=args.force)
    except SourceError as exc:
        print(f"importer: error: {exc}", file=sys.stderr)
        return 2
    except OverwriteRefused as exc:
        print(f"importer: error: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        _summary(args.out, article, pages, report)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m importer", description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the raw article: scraped plain text or an HTML page")
    parser.add_argument(
        "--out", type=Path, required=True, help="output folder for the Markdown pages (docs/)"
    )
    parser.add_argument("--force", action="store_true", help="replace pages even if an editor changed them")
    parser.add_argument(
        "--widgets", type=Path, default=DEFAULT_PATH, help="section -> calculator mapping (YAML)"
    )
    parser.add_argument("--source-url", help="where the article was published (front matter `source`)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    return parser


def _summary(out: Path, article, pages: dict[str, str], report) -> None:
    print(
        f"importer: {article.title!r}: {len(article.sections)} sections, widgets: "
        f"{', '.join(article.widgets) or 'none'}; {len(report.written)} pages written, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed in {out}"
    )
    print(f"importer: pages: {', '.join(pages)} (add new ones to `nav` in mkdocs.yml)")
    if article.dropped:
        print("importer: dropped as page chrome: " + "; ".join(repr(line) for line in article.dropped))
