"""Turn one raw article (scraped text or an HTML page) into structured Markdown pages for the Legwork site.

`python -m importer SOURCE` reads the source, drops page chrome, finds the title, byline, sections and
any embedded widget, and writes an overview page plus one page per section into the article's own folder
(`docs/<slug>/`). The pipeline is one-way and small:

    reading (bytes -> text) -> text_source / html_source (-> items) -> structure (-> Article) -> render -> writer

Chrome patterns, heading rules and the section -> calculator map are settings in `importer/settings.yml`.
"""

from importer.cli import main

__all__ = ["main"]
