"""The article as the importer understands it, independent of where it came from (text or HTML).

Both sources produce the same `Article`, so rendering and the "nothing lost" guarantee do not depend on the input
format. Everything is frozen: the renderer must not change what the parser found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "list", "caption"]


@dataclass(frozen=True)
class Block:
    """A paragraph, a bullet list (one entry per item) or a photo caption (caption, credit)."""

    kind: BlockKind
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Author:
    name: str
    credentials: str = ""
    bio: str = ""


@dataclass(frozen=True)
class Dropped:
    """A line the importer left out, and why (shown to the editor, recorded in the manifest)."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    title: str
    source: str
    lead: tuple[Block, ...]
    sections: tuple[Section, ...]
    author: Author | None = None
    reviewer: Author | None = None
    widgets: tuple[str, ...] = ()
    # What was thrown away as page chrome, reported to the editor so a bad guess is visible.
    dropped: tuple[Dropped, ...] = field(default=(), compare=False)
