"""From a flat list of items (lines or HTML blocks) to an `Article`: chrome out, byline, title, sections.

This is where an article the importer has never seen gets its structure, so the rules are shape-based, not
site-specific:

* chrome is a whole line matching a `chrome.lines` rule of the settings, or a heading-shaped line that nothing
  follows (an orphan such as a trailing publisher name);
* the title is a heading-shaped line before the first paragraph, preferring one the page repeats (scraped pages
  print it twice: as heading and as image alt text); later copies are dropped;
* a section heading is a short line with no final full stop followed by a paragraph or a list, and which the
  settings' heading rules accept (title case, a few words, a question, or any sentence-case line);
* everything else that reads as prose is a paragraph and is kept verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from importer.chrome import BYLINE, PHOTO_CREDIT, REVIEWER, chrome_line, line_reason, normalise
from importer.config import Config, HeadingRules
from importer.errors import SourceError
from importer.model import Article, Author, Block, Dropped, Section

ItemKind = Literal["line", "paragraph", "bullet", "heading", "caption"]

DEFAULT_HEADINGS = HeadingRules()
MIN_ARTICLE_WORDS = 8  # a source whose longest paragraph is shorter than this has no article in it
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or", "per"}
    | {"the", "to", "vs", "via", "with", "after", "before", "over", "under"}
)
_TERMINAL = re.compile(r"[.!:;,…]['\"”’)\]]*$")


@dataclass
class Item:
    kind: ItemKind
    text: str
    credit: str = ""  # captions only


def build_article(
    items: list[Item],
    *,
    source: str,
    config: Config,
    title: str | None = None,
    author: Author | None = None,
    widgets: tuple[str, ...] = (),
    dropped: list[Dropped] | None = None,
) -> Article:
    dropped = list(dropped or [])
    items = _drop_chrome(items, config, dropped)
    items, reviewer = _take_reviewer(items)
    items, byline = _take_byline(items)
    author = byline or author
    items = [_as_caption(item) for item in items]
    if title is None:
        title = _find_title(items, source, config.headings)
    items = _drop_title_copies(items, title, dropped)
    items = _classify(items, config.headings, dropped)
    if not any(i.kind == "paragraph" and len(i.text.split()) >= MIN_ARTICLE_WORDS for i in items):
        raise SourceError(f"{source} has no article text (no paragraph of {MIN_ARTICLE_WORDS} words or more)")
    lead, sections = _group(items)
    return Article(
        title=title,
        source=source,
        lead=lead,
        sections=sections,
        author=author,
        reviewer=reviewer,
        widgets=widgets,
        dropped=tuple(dropped),
    )


def heading_shaped(text: str, rules: HeadingRules = DEFAULT_HEADINGS) -> bool:
    """Short, starts like a heading, and does not end like a sentence (a final "?" is allowed)."""
    words = text.split()
    return (
        0 < len(words) <= rules.max_words
        and len(text) <= rules.max_chars
        and (text[0].isupper() or text[0].isdigit())
        and not _TERMINAL.search(text)
    )


def title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’]*", text)
    significant = [w for i, w in enumerate(words) if i == 0 or w.lower() not in _SMALL_WORDS]
    return bool(significant) and sum(w[0].isupper() for w in significant) >= 0.75 * len(significant)


# ----------------------------------------------------------------------------------------------------------------


def _drop_chrome(items: list[Item], config: Config, dropped: list[Dropped]) -> list[Item]:
    kept = []
    for item in items:
        rule = chrome_line(item.text, config.chrome)
        if rule is not None:
            dropped.append(Dropped(item.text, line_reason(rule)))
        else:
            kept.append(item)
    return kept


def _take_reviewer(items: list[Item]) -> tuple[list[Item], Author | None]:
    """ "Reviewed by Dana Brooks, RD" near the top: credited in the author box (not a paragraph, not the author)."""
    for index, item in enumerate(items[:15]):
        match = REVIEWER.match(normalise(item.text))
        if match:
            reviewer = Author(match["name"].strip(), (match["credentials"] or "").strip(" ,"))
            return items[:index] + items[index + 1 :], reviewer
    return items, None


def _take_byline(items: list[Item]) -> tuple[list[Item], Author | None]:
    """Find "author image Jane Doe" / "By Jane Doe, RD" near the top; the paragraph after it that starts with
    the author's name is the author's bio (it moves to the author box, it is not lost)."""
    for index, item in enumerate(items[:15]):
        if item.kind == "heading" and index > 0:
            break
        match = BYLINE.match(normalise(item.text))
        if not match:
            continue
        name = match["name"].strip()
        credentials = (match["credentials"] or "").strip(" ,")
        rest = items[:index] + items[index + 1 :]
        bio = ""
        if index < len(rest) and rest[index].kind in ("line", "paragraph"):
            candidate = rest[index].text
            if candidate.startswith(name.split()[0]) and not heading_shaped(candidate):
                bio = candidate
                del rest[index]
        return rest, Author(name=name, credentials=credentials, bio=bio)
    return items, None


def _as_caption(item: Item) -> Item:
    match = PHOTO_CREDIT.match(item.text) if item.kind in ("line", "paragraph") else None
    if not match:
        return item
    return Item("caption", match["caption"].strip(), credit=match["credit"].strip())


def _find_title(items: list[Item], source: str, rules: HeadingRules) -> str:
    candidates = []
    for item in items:
        if item.kind == "caption":
            continue
        if item.kind == "paragraph" or (item.kind == "line" and not heading_shaped(item.text, rules)):
            break
        if item.kind in ("line", "heading") and heading_shaped(item.text, rules):
            candidates.append(item.text)
    if not candidates:
        raise SourceError(f"{source} has no title (expected a short heading line before the first paragraph)")
    keys = [normalise(text).casefold() for text in candidates]
    all_keys = [normalise(item.text).casefold() for item in items]
    repeated = [text for text, key in zip(candidates, keys, strict=True) if all_keys.count(key) > 1]
    return (repeated or candidates)[0]


def _drop_title_copies(items: list[Item], title: str, dropped: list[Dropped]) -> list[Item]:
    key = normalise(title).casefold()
    kept = []
    for item in items:
        if item.kind != "caption" and normalise(item.text).casefold() == key:
            dropped.append(Dropped(item.text, "the title again (it is the page's heading)"))
        else:
            kept.append(item)
    return kept


def _classify(items: list[Item], rules: HeadingRules, dropped: list[Dropped]) -> list[Item]:
    """Resolve "line" items into paragraphs and headings; drop headings nothing follows (orphans)."""
    resolved: list[Item] = []
    for index, item in enumerate(items):
        if item.kind not in ("line", "heading"):
            resolved.append(item)
            continue
        if item.kind == "line" and not heading_shaped(item.text, rules):
            resolved.append(Item("paragraph", item.text))
            continue
        following = next((i for i in items[index + 1 :] if i.kind != "caption"), None)
        followed_by_body = following is not None and (
            following.kind in ("paragraph", "bullet")
            or (following.kind == "line" and not heading_shaped(following.text, rules))
        )
        if followed_by_body and _accepted_heading(item, rules):
            resolved.append(Item("heading", item.text))
        elif followed_by_body:
            dropped.append(
                Dropped(item.text, "sentence-case line before text (headings.sentence_case is off)")
            )
        else:
            # An orphan: a label with no prose after it ("Video of the Day", a trailing publisher name, a
            # grouping heading). It is not a sentence, so dropping it loses no text; it is reported.
            dropped.append(Dropped(item.text, "a heading with no text after it"))
    return resolved


def _accepted_heading(item: Item, rules: HeadingRules) -> bool:
    """Which heading-shaped lines before text the settings accept as headings."""
    text = item.text
    return (
        item.kind == "heading"
        or title_case(text)
        or len(text.split()) <= rules.short_words
        or (rules.questions and text.rstrip().endswith("?"))
        or rules.sentence_case
    )


def _group(items: list[Item]) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    lead: list[Block] = []
    sections: list[tuple[str, list[Block]]] = []
    for item in items:
        if item.kind == "heading":
            sections.append((item.text, []))
            continue
        blocks = sections[-1][1] if sections else lead
        if item.kind == "bullet":
            if blocks and blocks[-1].kind == "list":
                blocks[-1] = Block("list", (*blocks[-1].lines, item.text))
            else:
                blocks.append(Block("list", (item.text,)))
        elif item.kind == "caption":
            blocks.append(Block("caption", (item.text, item.credit)))
        else:
            blocks.append(Block("paragraph", (item.text,)))
    return tuple(lead), tuple(Section(title, tuple(blocks)) for title, blocks in sections if blocks)
