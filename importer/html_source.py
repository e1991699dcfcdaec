"""An HTML page -> items for `structure.build_article`, via trafilatura.

trafilatura (the reference main-content extractor) removes navigation, ads, sidebars and comments and gives us
the article as a small XML tree (head / p / list / quote / table) plus metadata (title, author, URL). We only
map that tree onto items; the same structural rules as for text then apply. Widgets are looked for in the whole
page's visible text, because extraction (rightly) throws forms away.
"""

from __future__ import annotations

import lxml.etree
import lxml.html
import trafilatura

from importer.chrome import normalise
from importer.config import Config
from importer.errors import SourceError
from importer.model import Article, Author
from importer.structure import Item, build_article


def parse_html(html: str, *, source: str, config: Config) -> Article:
    try:
        xml = trafilatura.extract(
            html,
            output_format="xml",
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
        )
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise SourceError(f"{source}: cannot parse the HTML ({exc})") from None
    if not xml:
        raise SourceError(f"{source} is HTML with no article in it")
    doc = lxml.etree.fromstring(xml.encode("utf-8"))
    main = doc.find("main")
    items = _items(main) if main is not None else []
    if not items:
        raise SourceError(f"{source} is HTML with no article in it")
    title = _clean(doc.get("title") or "") or None
    author = Author(_clean(doc.get("author") or "")) if doc.get("author") else None
    widgets = tuple(w.id for w in config.widgets if w.matches(_visible_lines(html)))
    return build_article(items, source=doc.get("url") or source, title=title, author=author, widgets=widgets)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _items(main: lxml.etree._Element) -> list[Item]:
    items: list[Item] = [Item("line", _clean(main.text))] if (main.text or "").strip() else []
    for element in main:
        text = _clean("".join(element.itertext()))
        if element.tag == "head" and text:
            items.append(Item("heading", text))
        elif element.tag in ("p", "quote") and text:
            items.append(Item("paragraph", text))
        elif element.tag == "list":
            items.extend(Item("bullet", t) for t in (_clean("".join(i.itertext())) for i in element) if t)
        elif element.tag == "table":
            for row in element.iter("row"):
                cells = [_clean("".join(cell.itertext())) for cell in row]
                if any(cells):
                    items.append(Item("bullet", " | ".join(cells)))
        elif text:
            items.append(Item("line", text))
    return items


def _visible_lines(html: str) -> list[str]:
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.LxmlError):
        return []
    for hidden in tree.xpath("//script|//style|//noscript"):
        hidden.drop_tree()
    return [normalise(text) for text in tree.xpath("//body//text()") if text.strip()]
