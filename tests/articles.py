"""The articles of a docs folder, found by their importer manifests, and what "nothing lost" means for each.

Every imported article lives in its own folder with `.importer.json` (what the importer wrote and what it
dropped as page chrome) and `.importer-source.txt|html` (the raw article). Tests walk these instead of naming
any article or page, so a second article is checked the moment it is imported.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html

SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*$")
BULLET = re.compile(r"^\s*[•·▪◦●‣∙*+-]\s+")


@dataclass(frozen=True)
class ImportedArticle:
    folder: Path  # docs/<slug>
    source: Path  # the raw article beside its pages
    pages: tuple[str, ...]  # Markdown pages the importer wrote, relative to the folder
    dropped: tuple[str, ...]  # lines the importer reported as page chrome

    @property
    def slug(self) -> str:
        return self.folder.name


def imported_articles(docs: Path) -> list[ImportedArticle]:
    found = []
    for manifest_path in sorted(docs.glob("*/.importer.json")):
        manifest = json.loads(manifest_path.read_text("utf-8"))
        folder = manifest_path.parent
        sources = sorted(folder.glob(".importer-source.*"))
        assert len(sources) == 1, f"{folder}: expected one .importer-source.* beside the pages"
        found.append(
            ImportedArticle(
                folder=folder,
                source=sources[0],
                pages=tuple(p for p in manifest["pages"] if p.endswith(".md")),
                dropped=tuple(manifest.get("dropped", ())),
            )
        )
    return found


def source_lines(path: Path) -> list[str]:
    """The raw article as prose lines: hard-wrapped text joined back, one line per HTML block element."""
    text = path.read_text("utf-8")
    if path.suffix == ".html":
        tree = lxml.html.fromstring(text)
        for hidden in tree.xpath("//script|//style|//nav|//header|//footer|//aside|//form|//title|//meta"):
            hidden.drop_tree()
        root = next(iter(tree.xpath("//article|//main")), tree)
        blocks = root.xpath(".//p|.//li|.//h1|.//h2|.//h3|.//h4|.//td")
        return [" ".join(b.text_content().split()) for b in blocks if b.text_content().strip()]
    lines: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        previous_open = False
        for raw in block.splitlines():
            line = " ".join(raw.split())
            if not line:
                continue
            if previous_open and line[:1].islower() and not BULLET.match(line):
                lines[-1] += " " + line
            else:
                lines.append(BULLET.sub("", line))
            previous_open = not SENTENCE_END.search(lines[-1])
    return lines


def sentences(lines: list[str]) -> list[str]:
    """Every sentence (ending . ! or ?) of four words or more, and every list item, of the given lines."""
    found = []
    for line in lines:
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line):
            if len(sentence.split()) >= 4 and SENTENCE_END.search(sentence):
                found.append(sentence)
    return found


def plain(text: str) -> str:
    """Compare words, not typography: dashes, quotes and whitespace are normalised."""
    text = text.replace("—", "--").replace("–", "--").replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def lost_sentences(article: ImportedArticle, site_text: str) -> list[str]:
    """Sentences of the raw article that are neither in `site_text` nor among the lines reported as dropped."""
    on_site = plain(site_text)
    dropped = plain(" ".join(article.dropped))
    return [
        s
        for s in sentences(source_lines(article.source))
        if plain(s) not in on_site and plain(s) not in dropped
    ]


def page_url(src: str) -> str:
    """The site-relative URL of a docs page (`a/b.md` -> `a/b/`, `a/index.md` -> `a/`), directory URLs on."""
    stem = src.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else f"{stem}/"


def calculator_urls(docs: Path) -> dict[str, str]:
    """Each calculator -> the URL of the first page that embeds it, discovered from the pages themselves."""
    from macros.articles import calculator_pages

    return {name: page_url(pages[0][0]) for name, pages in calculator_pages(docs).items() if pages}
