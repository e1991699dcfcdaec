"""Recognising page furniture in scraped text: chrome to drop, bylines and photo credits to keep as metadata.

Every pattern matches a *whole line* (after a leading bullet is removed), so a body sentence that merely contains
"advertisement" or "comments" is never dropped. Add new patterns here when an editor reports chrome that got
through; the importer lists everything it dropped, so a pattern that bites too much is visible at once.
"""

from __future__ import annotations

import re

_CHROME_LINES = (
    # Membership badges, notifications, video and ad slots
    r"(?:gold |silver |premium )?member(?:ship)? badge",
    r"you(?:'re| are) all caught up!?",
    r"video of the day",
    r"(?:advertisement|advertising|ad|sponsored(?: content)?|promoted|paid content)",
    # Sharing, navigation, account and search controls
    r"share(?: this(?: article| story| page)?)?(?: on \w+)?|pin it|tweet|e-?mail|print|save|bookmark",
    r"skip to (?:main )?content|menu|search|home|log ?in|sign ?in|sign ?up|subscribe(?: now)?|close",
    r"(?:sign up|subscribe)(?: to| for)? (?:our |the )?newsletters?.*",
    r"(?:home|menu)(?:\s*[>›»/|]\s*[\w &'-]+)+",  # breadcrumbs
    # Recirculation and comments
    r"related(?: articles| stories| posts| reading)?|you (?:may|might) also like|recommended(?: for you)?",
    r"read (?:more|next)|more from [\w .'&-]+|trending(?: now)?|popular(?: now)?|top stories|most read",
    r"\d* ?comments?(?: \(\d+\))?|leave a (?:comment|reply)|show comments|load more",
    # Publisher footers
    r"demand media|leaf group(?: ltd\.?)?|livestrong\.com",
    r"(?:copyright|©|\(c\)) .*|all rights reserved\.?",
    r"(?:terms of (?:use|service)|privacy (?:policy|notice)|cookie (?:policy|settings)|about us|contact us)"
    r"(?:\s*[|·•]\s*.+)?",
    r"loading\.*|advertisement - continue reading below",
    # Form residue of embedded widgets (unit labels with no field)
    r"(?:ft|in|lb|lbs|kg|cm)\.?(?:\s+(?:ft|in|lb|lbs|kg|cm)\.?)*",
)
CHROME = re.compile("|".join(f"(?:{pattern})" for pattern in _CHROME_LINES), re.I)

# The comments area ends the article: everything after its label is readers' text, not the author's.
COMMENTS_HEAD = r"\d* ?comments?(?: \(\d+\))?|leave a (?:comment|reply)|show comments|join the conversation"
# Labels that head a whole block of recirculation links or comments: the block goes with its label.
_CHROME_BLOCK_HEADS = (
    r"related(?: articles| stories| posts| reading)?|you (?:may|might) also like|recommended(?: for you)?",
    r"read (?:more|next)|more from [\w .'&-]+|trending(?: now)?|popular(?: now)?|top stories|most read",
    COMMENTS_HEAD,
)
CHROME_BLOCK_HEAD = re.compile("|".join(f"(?:{pattern})" for pattern in _CHROME_BLOCK_HEADS), re.I)

BULLET = re.compile(r"^\s*[•·▪◦●‣∙*+-]\s+")  # numbered lines stay paragraphs: the number is content

# "author image Jane Doe", "By Jane Doe, MS, RD", "Written by Jane Doe".
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_CREDENTIALS = r"(?:,\s*[A-Z][A-Za-z.]{1,7})+"
BYLINE = re.compile(
    rf"^(?:author (?:image|photo|avatar)|avatar|headshot|(?:written |reviewed |medically reviewed )?by:?)\s+"
    rf"(?P<name>{_NAME})(?P<credentials>{_CREDENTIALS})?$",
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


def is_chrome(line: str) -> bool:
    return bool(CHROME.fullmatch(normalise(line)))


def heads_chrome_block(line: str) -> bool:
    return bool(CHROME_BLOCK_HEAD.fullmatch(normalise(strip_bullet(line)[0])))


def heads_comments(line: str) -> bool:
    return bool(re.fullmatch(COMMENTS_HEAD, normalise(strip_bullet(line)[0]), re.I))
