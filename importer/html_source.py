"""An HTML page -> items for `structure.build_article`, via trafilatura.

trafilatura (the reference main-content extractor) removes navigation, ads, sidebars and comments and gives us
the article as a small XML tree (head / p / list / quote / table). We only map that tree onto items; the same
structural rules as for text then apply, and chrome blocks inside the article (a fact-check badge and its
explanation, a disclaimer) are dropped with their reason. The title and author come from the page's own
`<h1>`, `<title>` and `<meta name="author">` first, trafilatura's guesses second. Widgets are looked for in the
whole page's visible text, because extraction (rightly) throws forms away.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
import trafilatura

from importer.chrome import BYLINE, block_reason, chrome_block, normalise
from importer.config import Config
from importer.errors import SourceError
from importer.model import Article, Author, Dropped
from importer.structure import Item, build_article, heading_shaped

# "Why Calves Cramp | RunWell Magazine", "Why Calves Cramp - Mayo Clinic": the site's name after a separator.
_TITLE_SUFFIX = re.compile(r"\s+[|–—·-]\s+[^|–—·-]+$")


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
        page = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise SourceError(f"{source}: cannot parse the HTML ({exc})") from None
    if not xml:
        raise SourceError(f"{source} is HTML with no article in it")
    doc = lxml.etree.fromstring(xml.encode("utf-8"))
    main = doc.find("main")
    dropped: list[Dropped] = []
    items = _drop_chrome_blocks(_items(main), config, dropped) if main is not None else []
    if not items:
        raise SourceError(f"{source} is HTML with no article in it")
    title = _page_title(page) or _clean(doc.get("title") or "") or None
    author = _page_author(page) or (Author(_clean(doc.get("author") or "")) if doc.get("author") else None)
    widgets = tuple(w.id for w in config.widgets if w.matches(_visible_lines(page)))
    return build_article(
        items,
        source=doc.get("url") or source,
        config=config,
        title=title,
        author=author,
        widgets=widgets,
        dropped=dropped,
    )


def _clean(text: str) -> str:
    return " ".join(text.split())


def _page_title(page: lxml.html.HtmlElement) -> str:
    """The article's `<h1>` if the page has exactly one, else `<title>` without the site's name after it."""
    h1 = [_clean(h.text_content()) for h in page.iter("h1")]
    if len(h1) == 1 and h1[0]:
        return h1[0]
    title = page.find(".//title")
    return _TITLE_SUFFIX.sub("", _clean(title.text_content())) if title is not None else ""


def _page_author(page: lxml.html.HtmlElement) -> Author | None:
    """`<meta name="author" content="Jane Doe, RD">`; credentials after the first comma, as in bylines."""
    for meta in page.iter("meta"):
        if (meta.get("name") or "").casefold() == "author" and _clean(meta.get("content") or ""):
            content = _clean(meta.get("content") or "")
            match = BYLINE.match(f"by {content}")
            if match:
                return Author(match["name"].strip(), (match["credentials"] or "").strip(" ,"))
            return Author(content)
    return None


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


def _drop_chrome_blocks(items: list[Item], config: Config, dropped: list[Dropped]) -> list[Item]:
    """An element that heads a chrome block goes, with the element after it when its rule says so."""
    kept: list[Item] = []
    skip_next = reason = ""
    for item in items:
        if skip_next and (skip_next == "next" or item.kind == "bullet" or heading_shaped(item.text)):
            dropped.append(Dropped(item.text, reason))
            skip_next = "links" if skip_next == "links" and item.kind == "bullet" else ""
            continue
        skip_next = ""
        rule = chrome_block(item.text, config.chrome)
        if rule is None:
            kept.append(item)
            continue
        reason = block_reason(rule, item.text)
        dropped.append(Dropped(item.text, reason))
        skip_next = rule.takes if rule.takes != "block" else ""
    return kept


def _visible_lines(page: lxml.html.HtmlElement) -> list[str]:
    page = lxml.html.fromstring(lxml.html.tostring(page))  # a copy: dropping scripts must not change `page`
    for hidden in page.xpath("//script|//style|//noscript"):
        hidden.drop_tree()
    return [normalise(text) for text in page.xpath("//body//text()") if text.strip()]
