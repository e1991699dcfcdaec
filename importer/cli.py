"""Command line: `python -m importer SOURCE [--out DIR] [--dry-run] [--force] [--settings FILE] [--source-url URL]`.

The article goes into its own folder, `docs/<slug-of-its-title>/` unless `--out` names another; nothing outside
that folder is touched. Exit status: 0 done (or planned, with --dry-run), 1 refused to overwrite or delete a file
(every one named; --force to proceed), 2 bad input, bad settings or bad usage. Every failure is exactly one line
on stderr, and nothing is written unless the whole article parsed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from importer.config import DEFAULT_PATH, Config, load_config
from importer.errors import OverwriteRefused, SourceError
from importer.html_source import parse_html
from importer.model import Article
from importer.reading import read_source
from importer.render import article_slug, render
from importer.text_source import parse_text
from importer.writer import WritePlan, plan_writes, write_files

PARSERS = {"text": parse_text, "html": parse_html}
DOCS = Path("docs")
SOURCE_COPY = ".importer-source.{ext}"  # the raw article beside its pages, for the nothing-lost check


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config(args.settings)
        text, kind = read_source(args.source)
        article = PARSERS[kind](text, source=args.source_url or args.source.name, config=config)
        out = args.out or DOCS / article_slug(article)
        files = render(article, config)
        files[SOURCE_COPY.format(ext="html" if kind == "html" else "txt")] = text
        if args.dry_run:
            _print_plan(out, article, config, files, plan_writes(out, files))
            return 0
        dropped = [line.text for line in article.dropped]
        plan = write_files(out, files, source=article.source, dropped=dropped, force=args.force)
    except SourceError as exc:
        print(f"importer: error: {exc}", file=sys.stderr)
        return 2
    except OverwriteRefused as exc:
        print(f"importer: error: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        _print_done(out, article, plan)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m importer", description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the raw article: scraped plain text or an HTML page")
    parser.add_argument(
        "--out", type=Path, help="the article's own folder (default: docs/<slug of its title>/)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the page plan and what would be dropped; write nothing"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace edited pages and delete pages the last import wrote"
    )
    parser.add_argument(
        "--settings", type=Path, default=DEFAULT_PATH, help="chrome, heading and calculator settings (YAML)"
    )
    parser.add_argument("--source-url", help="where the article was published (front matter `source`)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    return parser


def _print_plan(out: Path, article: Article, config: Config, files: dict[str, str], plan: WritePlan) -> None:
    """The page plan: every page with its sections and calculator, every dropped line with its reason."""
    print(f"importer: plan for {article.title!r} in {out}/ (dry run: nothing written)")
    author = article.author.name if article.author else "none found"
    print(f"  author: {author}; lead: {len(article.lead)} blocks; sections: {len(article.sections)}")
    pages = [p for p in files if p.endswith(".md")]
    print(f"  pages ({len(pages)}):")
    print(f"    {out / 'index.md'}: overview (title, author, lead, links to the sections)")
    for path, section in zip(pages[1:], article.sections, strict=False):
        mapping = config.calculator_for(section.title)
        extra = f" + calculator {mapping.calculator!r}" if mapping else ""
        print(f"    {out / path}: section {section.title!r} (blocks: {len(section.blocks)}){extra}")
    for widget in (w for w in config.widgets if w.id in article.widgets):
        print(f"    {out / widget.page}: the {widget.id!r} widget as calculator {widget.calculator!r}")
    print(f"  dropped ({len(article.dropped)} lines):")
    for line in article.dropped:
        print(f"    - {line.text!r}: {line.reason}")
    print(
        f"  would write: {', '.join(plan.write) or 'nothing'}; unchanged: {', '.join(plan.unchanged) or 'none'}"
    )
    if plan.refusal():
        print(f"  needs --force: {plan.refusal()}")


def _print_done(out: Path, article: Article, plan: WritePlan) -> None:
    print(
        f"importer: {article.title!r} in {out}/: {len(plan.write)} files written, "
        f"{len(plan.unchanged)} unchanged, {len(plan.remove)} removed"
    )
    for path in plan.write:
        print(f"  wrote {out / path}")
    for path in plan.remove:
        print(f"  removed {out / path} (written by the last import, not by this one)")
    if article.dropped:
        print(f"  dropped ({len(article.dropped)} lines):")
        for line in article.dropped:
            print(f"    - {line.text!r}: {line.reason}")
