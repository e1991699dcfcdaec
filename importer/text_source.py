"""Scraped plain text -> items for `structure.build_article`.

Scraped text has no markup, only line shapes: blank lines separate blocks, a bullet starts a list item, "#"
marks a Markdown-style heading. Hard-wrapped prose (a line without a final stop followed by one starting in lower
case) is joined back into one paragraph. Embedded widgets, chrome blocks ("Related Articles", "What does fact
checked mean?", a disclaimer) and the comments that end a page are recognised per block, before anything else,
so their option lists, links and boilerplate never reach the page; each dropped line carries its reason.
"""

from __future__ import annotations

import re

from importer.chrome import bare, block_reason, chrome_block, end_reason, ends_article, strip_bullet
from importer.config import Config
from importer.model import Article, Dropped
from importer.structure import Item, build_article, heading_shaped

_MD_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*$")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*$")


def parse_text(text: str, *, source: str, config: Config) -> Article:
    dropped: list[Dropped] = []
    widgets: list[str] = []
    items: list[Item] = []
    blocks = _blocks(text)
    taken: set[int] = set()  # blocks a chrome label before them took along
    for index, block in enumerate(blocks):
        if index in taken:
            continue
        end = ends_article(block[0], config.chrome)
        if end is not None:
            reason = end_reason(end, block[0])
            dropped.extend(Dropped(line, reason) for rest in blocks[index:] for line in rest)
            break
        rule = chrome_block(block[0], config.chrome)
        if rule is not None:
            reason = block_reason(rule, block[0])
            dropped.extend(Dropped(line, reason) for line in block)
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following and len(block) == 1 and _takes_next(rule.takes, following):
                dropped.extend(Dropped(line, reason) for line in following)
                taken.add(index + 1)
            continue
        widget = next((w for w in config.widgets if w.matches([bare(line) for line in block])), None)
        if widget is not None:
            if widget.id not in widgets:
                widgets.append(widget.id)
            block = _keep_prose(block, dropped, f"label or option of the {widget.id!r} widget (own page)")
        items.extend(_items(_unwrap(block)))
    return build_article(items, source=source, config=config, widgets=tuple(widgets), dropped=dropped)


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = " ".join(raw.replace("\u00a0", " ").split())
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _takes_next(takes: str, block: list[str]) -> bool:
    """A label standing alone takes the next block: always ("next"), or when it is a list of links ("links")."""
    if takes == "next":
        return True
    return takes == "links" and all(strip_bullet(line)[1] or heading_shaped(line) for line in block)


def _keep_prose(block: list[str], dropped: list[Dropped], reason: str) -> list[str]:
    """Inside a widget block only full sentences survive; the widget's labels and options are dropped."""
    kept = []
    for line in block:
        if len(line.split()) >= 12 and _SENTENCE_END.search(line):
            kept.append(line)
        else:
            dropped.append(Dropped(line, reason))
    return kept


def _unwrap(block: list[str]) -> list[str]:
    lines: list[str] = []
    for line in block:
        if lines and not _SENTENCE_END.search(lines[-1]) and line[:1].islower() and not strip_bullet(line)[1]:
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def _items(lines: list[str]) -> list[Item]:
    items = []
    for line in lines:
        heading = _MD_HEADING.match(line)
        text, is_bullet = strip_bullet(line)
        if heading:
            items.append(Item("heading", heading["text"]))
        elif is_bullet:
            items.append(Item("bullet", text))
        else:
            items.append(Item("line", text))
    return items
