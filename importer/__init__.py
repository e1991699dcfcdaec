"""Turn one raw article (scraped text or an HTML page) into structured Markdown pages for the Legwork site.

`python -m importer SOURCE --out docs/` reads the source, drops page chrome, finds the title, byline, sections and
any embedded widget, and writes an overview page plus one page per section. The pipeline is one-way and small:

    reading (bytes -> text) -> text_source / html_source (-> items) -> structure (-> Article) -> render -> writer

The importer knows calculators only by the names in `importer/widgets.yml`.
"""

from importer.cli import main

__all__ = ["main"]
