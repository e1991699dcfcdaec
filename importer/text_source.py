"""Scraped plain text -> items for `structure.build_article`.

Scraped text has no markup, only line shapes: blank lines separate blocks, a bullet starts a list item, "#"
marks a Markdown-style heading. Hard-wrapped prose (a line without a final stop followed by one starting in lower
case) is joined back into one paragraph. Embedded widgets and blocks headed by "Related Articles" or "Comments"
are recognised per block, before anything else, so their option lists and links never reach the page.
"""

from __future__ import annotations

import re

from importer.chrome import heads_chrome_block, heads_comments, normalise, strip_bullet
from importer.config import Config
from importer.model import Article
from importer.structure import Item, build_article, heading_shaped

_MD_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*$")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*$")


def parse_text(text: str, *, source: str, config: Config) -> Article:
    dropped: list[str] = []
    widgets: list[str] = []
    items: list[Item] = []
    blocks = _blocks(text)
    for index, block in enumerate(blocks):
        if heads_comments(block[0]):
            dropped.extend(line for rest in blocks[index:] for line in rest)
            break
        if heads_chrome_block(block[0]) or (index and _is_link_list_after_label(blocks[index - 1], block)):
            dropped.extend(block)
            continue
        widget = next((w for w in config.widgets if w.matches([_bare(line) for line in block])), None)
        if widget is not None:
            if widget.id not in widgets:
                widgets.append(widget.id)
            block = _keep_prose(block, dropped)
        items.extend(_items(_unwrap(block)))
    return build_article(items, source=source, widgets=tuple(widgets), dropped=dropped)


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = " ".join(raw.replace("\u00a0", " ").split())
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _is_link_list_after_label(previous: list[str], block: list[str]) -> bool:
    """A "Related Articles" label on its own, then a block of bullets or headline-like lines: its links."""
    return (
        len(previous) == 1
        and heads_chrome_block(previous[0])
        and all(strip_bullet(line)[1] or heading_shaped(line) for line in block)
    )


def _bare(line: str) -> str:
    return normalise(strip_bullet(line)[0])


def _keep_prose(block: list[str], dropped: list[str]) -> list[str]:
    """Inside a widget block only full sentences survive; the widget's labels and options are dropped."""
    kept = []
    for line in block:
        if len(line.split()) >= 12 and _SENTENCE_END.search(line):
            kept.append(line)
        else:
            dropped.append(line)
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
