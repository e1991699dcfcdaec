"""Recognising page furniture: chrome lines and blocks to drop (rules from settings.yml), bylines and photo
credits to keep as metadata.

Every rule matches a *whole line* after `normalise` and with a leading bullet removed, so a body sentence that
merely contains "advertisement" or "comments" is never dropped. Each drop carries its reason, naming the rule's
line in the settings file, and the importer prints them all.
"""

from __future__ import annotations

import re

from importer.config import Chrome, ChromeBlock, Rule

BULLET = re.compile(r"^\s*[•·▪◦●‣∙*+-]\s+")  # numbered lines stay paragraphs: the number is content

# "author image Jane Doe", "By Jane Doe, MS, RD", "Written by Jane Doe".
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_CREDENTIALS = r"(?:,\s*[A-Z][A-Za-z.]{1,7})+"
BYLINE = re.compile(
    rf"^(?:author (?:image|photo|avatar)|avatar|headshot|(?:written )?by:?)\s+"
    rf"(?P<name>{_NAME})(?P<credentials>{_CREDENTIALS})?$",
    re.I,
)
# "Reviewed by Dana Brooks, RD": the reviewer is credited in the author box, never taken for the author.
REVIEWER = re.compile(
    rf"^(?:medically |expert |fact[- ]checked and )?reviewed by:?\s+(?P<name>{_NAME})(?P<credentials>{_CREDENTIALS})?$",
    re.I,
)
# "A woman is stretching her legs. Photo Credit: someone/iStock/Getty Images"
PHOTO_CREDIT = re.compile(
    r"^(?P<caption>.*?)\s*\b(?:photo|image|picture)\s*(?:credit|courtesy|by)s?\s*:\s*(?P<credit>\S.*)$", re.I
)


def normalise(line: str) -> str:
    """Plain-ASCII apostrophes and single spaces, for matching only (never for output)."""
    return " ".join(line.replace("’", "'").replace("‘", "'").split())


def strip_bullet(line: str) -> tuple[str, bool]:
    """Return the line without its bullet marker, and whether it had one."""
    match = BULLET.match(line)
    return (line[match.end() :].strip(), True) if match else (line.strip(), False)


def bare(line: str) -> str:
    """The line as rules see it: no bullet, straight apostrophes, single spaces."""
    return normalise(strip_bullet(line)[0])


def chrome_line(line: str, chrome: Chrome) -> Rule | None:
    """The `chrome.lines` rule that makes this whole line furniture, if any."""
    return _first(chrome.lines, line)


def chrome_block(line: str, chrome: Chrome) -> ChromeBlock | None:
    """The `chrome.blocks` rule this line heads, if any."""
    text = bare(line)
    return next((block for block in chrome.blocks if block.head.matches(text)), None)


def ends_article(line: str, chrome: Chrome) -> Rule | None:
    """The `chrome.ends_article` rule (a comments label) this line matches, if any."""
    return _first(chrome.ends_article, line)


def line_reason(rule: Rule) -> str:
    return f"page chrome ({rule.where}: {rule.pattern.pattern})"


def block_reason(block: ChromeBlock, label: str) -> str:
    short = label if len(label) <= 40 else label[:39].rstrip() + "…"
    return f"in the {short!r} block ({block.head.where}: takes {block.takes})"


def end_reason(rule: Rule, label: str) -> str:
    return f"after {label!r}: readers' comments, not the article ({rule.where})"


def _first(rules: tuple[Rule, ...], line: str) -> Rule | None:
    text = bare(line)
    return next((rule for rule in rules if rule.matches(text)), None)
