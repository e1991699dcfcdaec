"""Load `widgets.yml`: the only place the importer learns calculator names.

Kept as plain frozen dataclasses so a typo in the YAML fails at start-up with the key that is wrong, not halfway
through writing pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from importer.errors import SourceError

DEFAULT_PATH = Path(__file__).with_name("widgets.yml")


@dataclass(frozen=True)
class SectionCalculator:
    calculator: str
    notes: str = ""


@dataclass(frozen=True)
class Widget:
    id: str
    calculator: str
    page: str
    title: str
    description: str
    intro: str
    notes: str
    option: re.Pattern[str]
    min_options: int

    def matches(self, lines: list[str]) -> bool:
        return sum(bool(self.option.match(line)) for line in lines) >= self.min_options


@dataclass(frozen=True)
class Config:
    sections: dict[str, SectionCalculator]
    widgets: tuple[Widget, ...]

    def calculator_for(self, section_title: str) -> SectionCalculator | None:
        return self.sections.get(title_key(section_title))


def title_key(title: str) -> str:
    """Case- and punctuation-blind key, so "Over-training syndrome" finds "Over-Training Syndrome"."""
    return re.sub(r"[^a-z0-9]+", "", title.casefold())


def load_config(path: Path = DEFAULT_PATH) -> Config:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SourceError(f"cannot read widget mapping {path}: {exc}") from None
    try:
        sections = {
            title_key(title): SectionCalculator(str(entry["calculator"]), str(entry.get("notes", "")))
            for title, entry in (raw.get("sections") or {}).items()
        }
        widgets = tuple(
            Widget(
                id=str(widget_id),
                calculator=str(entry["calculator"]),
                page=str(entry["page"]),
                title=str(entry["title"]),
                description=str(entry.get("description", "")).strip(),
                intro=str(entry.get("intro", "")).strip(),
                notes=str(entry.get("notes", "")),
                option=re.compile(entry["option"]),
                min_options=int(entry.get("min_options", 3)),
            )
            for widget_id, entry in (raw.get("widgets") or {}).items()
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise SourceError(f"widget mapping {path} is invalid: {exc!r}") from None
    return Config(sections, widgets)
