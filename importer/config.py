"""Load `settings.yml`: chrome patterns, heading rules, and the only place the importer learns calculator names.

Everything is checked at start-up and turned into frozen dataclasses, so a mistake fails before a page is read,
with the file, the line and the key that is wrong ("settings.yml line 14: chrome.lines[3]: bad pattern ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from importer.errors import SourceError

DEFAULT_PATH = Path(__file__).with_name("settings.yml")
BlockTakes = Literal["block", "next", "links"]
BLOCK_TAKES: tuple[str, ...] = ("block", "next", "links")


@dataclass(frozen=True)
class Rule:
    """One pattern from the settings, with where it was written (for the reason printed when it drops a line)."""

    pattern: re.Pattern[str]
    where: str  # "settings.yml line 14"

    def matches(self, line: str) -> bool:
        return bool(self.pattern.fullmatch(line))


@dataclass(frozen=True)
class ChromeBlock:
    head: Rule
    takes: BlockTakes


@dataclass(frozen=True)
class Chrome:
    lines: tuple[Rule, ...]
    blocks: tuple[ChromeBlock, ...]
    ends_article: tuple[Rule, ...]


@dataclass(frozen=True)
class HeadingRules:
    max_words: int = 12
    max_chars: int = 90
    short_words: int = 6
    questions: bool = True
    sentence_case: bool = True


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
        return sum(bool(self.option.fullmatch(line)) for line in lines) >= self.min_options


@dataclass(frozen=True)
class Config:
    chrome: Chrome
    headings: HeadingRules
    sections: dict[str, SectionCalculator]
    widgets: tuple[Widget, ...]

    def calculator_for(self, section_title: str) -> SectionCalculator | None:
        return self.sections.get(title_key(section_title))


def title_key(title: str) -> str:
    """Case- and punctuation-blind key, so "Over-training syndrome" finds "Over-Training Syndrome"."""
    return re.sub(r"[^a-z0-9]+", "", title.casefold())


def load_config(path: Path = DEFAULT_PATH) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceError(f"cannot read settings {path}: {exc.strerror or exc}") from None
    try:
        raw = yaml.load(text, Loader=_LineLoader) or {}
    except yaml.YAMLError as exc:
        raise SourceError(f"settings {path} are not valid YAML: {' '.join(str(exc).split())}") from None
    return _Reader(path.name).config(raw)


# ----------------------------------------------------------------------------------------------------------------


class _Str(str):
    """A string that remembers the line of the settings file it came from."""

    line: int


class _Map(dict):
    line: int


class _List(list):
    line: int


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose strings, mappings and lists carry their line number, for error messages."""


def _with_line(kind: type, construct):
    def constructor(loader: _LineLoader, node: yaml.Node) -> Any:
        value = construct(loader, node)
        if kind is _Map:
            value = _Map(value)
        elif kind is _List:
            value = _List(value)
        else:
            value = _Str(value)
        value.line = node.start_mark.line + 1
        return value

    return constructor


_LineLoader.add_constructor("tag:yaml.org,2002:str", _with_line(_Str, yaml.SafeLoader.construct_yaml_str))
_LineLoader.add_constructor(
    "tag:yaml.org,2002:map", _with_line(_Map, lambda loader, node: loader.construct_mapping(node, deep=True))
)
_LineLoader.add_constructor(
    "tag:yaml.org,2002:seq",
    _with_line(_List, lambda loader, node: loader.construct_sequence(node, deep=True)),
)


class _Reader:
    """Turns the loaded YAML into a `Config`, failing with "<file> line N: <key>: what is wrong"."""

    def __init__(self, name: str) -> None:
        self.name = name

    def config(self, raw: Any) -> Config:
        raw = self.mapping(raw, "the settings", allowed={"chrome", "headings", "sections", "widgets"})
        chrome = self.mapping(
            raw.get("chrome", _Map()), "chrome", allowed={"lines", "blocks", "ends_article"}
        )
        return Config(
            chrome=Chrome(
                lines=tuple(self.rules(chrome, "lines", "chrome")),
                blocks=tuple(self.blocks(chrome)),
                ends_article=tuple(self.rules(chrome, "ends_article", "chrome")),
            ),
            headings=self.headings(raw.get("headings", _Map())),
            sections=self.sections(raw.get("sections", _Map())),
            widgets=tuple(self.widgets(raw.get("widgets", _Map()))),
        )

    # -- pieces ---------------------------------------------------------------------------------------------------

    def blocks(self, chrome: dict) -> list[ChromeBlock]:
        blocks = []
        for index, entry in enumerate(self.sequence(chrome.get("blocks", _List()), "chrome.blocks")):
            key = f"chrome.blocks[{index}]"
            entry = self.mapping(entry, key, allowed={"head", "takes"}, required={"head", "takes"})
            takes = entry["takes"]
            if takes not in BLOCK_TAKES:
                self.fail(takes, f"{key}.takes", f"must be one of {', '.join(BLOCK_TAKES)}, not {takes!r}")
            blocks.append(ChromeBlock(self.rule(entry["head"], f"{key}.head"), takes))
        return blocks

    def headings(self, raw: Any) -> HeadingRules:
        defaults = HeadingRules()
        raw = self.mapping(raw, "headings", allowed=set(defaults.__dataclass_fields__))
        values: dict[str, Any] = {}
        for key, value in raw.items():
            want = type(getattr(defaults, key))
            if type(value) is not want or (want is int and value < 1):
                kind = "a whole number of at least 1" if want is int else "true or false"
                self.fail(value, f"headings.{key}", f"must be {kind}, not {value!r}", fallback=raw)
            values[key] = value
        return HeadingRules(**values)

    def sections(self, raw: Any) -> dict[str, SectionCalculator]:
        sections = {}
        for title, entry in self.mapping(raw, "sections").items():
            key = f"sections.{title}"
            entry = self.mapping(entry, key, allowed={"calculator", "notes"}, required={"calculator"})
            sections[title_key(title)] = SectionCalculator(
                self.text(entry["calculator"], f"{key}.calculator"),
                self.text(entry.get("notes", ""), f"{key}.notes", empty=True),
            )
        return sections

    def widgets(self, raw: Any) -> list[Widget]:
        widgets = []
        fields = {"calculator", "page", "title", "description", "intro", "notes", "option", "min_options"}
        for widget_id, entry in self.mapping(raw, "widgets").items():
            key = f"widgets.{widget_id}"
            entry = self.mapping(
                entry, key, allowed=fields, required={"calculator", "page", "title", "option"}
            )
            page = self.text(entry["page"], f"{key}.page")
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*\.md", page) or page == "index.md":
                self.fail(
                    entry["page"], f"{key}.page", f"must be a file name such as calories.md, not {page!r}"
                )
            min_options = entry.get("min_options", 3)
            if type(min_options) is not int or min_options < 1:
                self.fail(
                    min_options, f"{key}.min_options", "must be a whole number of at least 1", fallback=entry
                )
            widgets.append(
                Widget(
                    id=str(widget_id),
                    calculator=self.text(entry["calculator"], f"{key}.calculator"),
                    page=page,
                    title=self.text(entry["title"], f"{key}.title"),
                    description=self.text(
                        entry.get("description", ""), f"{key}.description", empty=True
                    ).strip(),
                    intro=self.text(entry.get("intro", ""), f"{key}.intro", empty=True).strip(),
                    notes=self.text(entry.get("notes", ""), f"{key}.notes", empty=True),
                    option=self.rule(entry["option"], f"{key}.option").pattern,
                    min_options=min_options,
                )
            )
        return widgets

    # -- checked values -------------------------------------------------------------------------------------------

    def rules(self, parent: dict, name: str, prefix: str) -> list[Rule]:
        items = self.sequence(parent.get(name, _List()), f"{prefix}.{name}")
        return [self.rule(item, f"{prefix}.{name}[{index}]") for index, item in enumerate(items)]

    def rule(self, value: Any, key: str) -> Rule:
        text = self.text(value, key)
        try:
            pattern = re.compile(text, re.I)
        except re.error as exc:
            self.fail(value, key, f"bad pattern {text!r}: {exc.msg} at position {exc.pos}")
        return Rule(pattern, f"{self.name} line {getattr(value, 'line', '?')}")

    def text(self, value: Any, key: str, *, empty: bool = False) -> str:
        if not isinstance(value, str) or (not empty and not value.strip()):
            self.fail(value, key, f"must be a non-empty text, not {value!r}")
        return str(value)

    def mapping(
        self, value: Any, key: str, *, allowed: set[str] | None = None, required: set[str] = frozenset()
    ):
        if not isinstance(value, dict):
            self.fail(value, key, f"must be a mapping of keys to values, not {type(value).__name__}")
        unknown = [name for name in value if allowed is not None and str(name) not in allowed]
        if unknown:
            known = ", ".join(sorted(allowed or ()))
            self.fail(unknown[0], key, f"unknown key {str(unknown[0])!r} (known: {known})", fallback=value)
        missing = sorted(required - set(map(str, value)))
        if missing:
            self.fail(value, key, f"missing key {missing[0]!r}")
        return value

    def sequence(self, value: Any, key: str) -> list:
        if not isinstance(value, list):
            self.fail(value, key, f"must be a list, not {type(value).__name__}")
        return value

    def fail(self, value: Any, key: str, message: str, *, fallback: Any = None) -> None:
        line = getattr(value, "line", None) or getattr(fallback, "line", None)
        where = f"{self.name} line {line}" if line else self.name
        raise SourceError(f"{where}: {key}: {message}")
