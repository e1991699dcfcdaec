"""How a calculator's answer is laid out, declared once next to its outputs: the headline, the groups, guideline
ranges read as one phrase, the article set beside the guideline, and what unlocks an output that does not apply.

The page (at build time and in the browser) and the CLI both lay the answer out from `Presentation.to_dict()`,
which `Calculator.schema()` publishes as `schema["presentation"]`. An item names an output by its key, or a
range by its stem: `Range("pre_exercise_guideline_ml", ...)` joins `pre_exercise_guideline_ml_min` and `..._max`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .fields import Output


@dataclass(frozen=True)
class Range:
    """Two outputs `<stem>_min` and `<stem>_max` shown as one range ("350–490 mL")."""

    stem: str
    label: str

    def to_dict(self) -> dict:
        return {"type": "range", "label": self.label, "min": f"{self.stem}_min", "max": f"{self.stem}_max"}

    def keys(self) -> tuple[str, ...]:
        return (f"{self.stem}_min", f"{self.stem}_max")


@dataclass(frozen=True)
class Compare:
    """The article's advice beside the guideline's, for the reader's own numbers: each side an output or a range."""

    label: str
    article: str | Range
    guideline: str | Range
    article_label: str = "The article"
    guideline_label: str = "The guideline"

    def to_dict(self) -> dict:
        return {
            "type": "compare",
            "label": self.label,
            "article": _item(self.article, self.article_label),
            "guideline": _item(self.guideline, self.guideline_label),
        }

    def keys(self) -> tuple[str, ...]:
        return _keys(self.article) + _keys(self.guideline)


Item = str | Range | Compare


@dataclass(frozen=True)
class Group:
    """Outputs that belong together under one heading ("After this session")."""

    label: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Presentation:
    """The answer's layout. `unlock` says, for an output or range that does not apply, what would make it apply."""

    headline: Item
    groups: tuple[Group, ...] = ()
    unlock: dict[str, str] = field(default_factory=dict)

    def to_dict(self, outputs: tuple[Output, ...]) -> dict:
        labels = {output.key: output.label for output in outputs}
        return {
            "headline": _item(self.headline, _label(self.headline, labels)),
            "groups": [
                {"label": group.label, "items": [_item(item, _label(item, labels)) for item in group.items]}
                for group in self.groups
            ],
            "unlock": dict(self.unlock),
        }

    def problems(self, outputs: tuple[Output, ...]) -> list[str]:
        """Items that name no declared output, and declared outputs that appear nowhere (each must be shown)."""
        declared = {output.key for output in outputs}
        used = [key for item in self.items() for key in _keys(item)]
        unknown = sorted(set(used) - declared)
        unshown = [output.key for output in outputs if output.key not in used]
        messages = [f"presentation names unknown output {key!r}." for key in unknown]
        messages += [f"output {key!r} is declared but not placed in the presentation." for key in unshown]
        messages += [
            f"unlock names unknown item {key!r}." for key in self.unlock if not _known(key, declared)
        ]
        return messages

    def items(self) -> list[Item]:
        return [self.headline, *(item for group in self.groups for item in group.items)]


def default_presentation(outputs: tuple[Output, ...]) -> Presentation:
    """For a calculator that declares none: the first output as headline, the rest in one group, `_min`/`_max`
    pairs joined into ranges under the `_min` output's label."""
    keys = [output.key for output in outputs]
    labels = {output.key: output.label for output in outputs}
    items: list[Item] = []
    for key in keys:
        if key.endswith("_max") and key[:-4] + "_min" in labels:
            continue
        if key.endswith("_min") and key[:-4] + "_max" in labels:
            items.append(Range(key[:-4], labels[key]))
        else:
            items.append(key)
    return Presentation(headline=items[0], groups=(Group("", tuple(items[1:])),) if items[1:] else ())


def _item(item: Item, label: str) -> dict:
    if isinstance(item, Range | Compare):
        data = item.to_dict()
        if isinstance(item, Range) and label:
            data["label"] = label
        return data
    return {"type": "value", "key": item, "label": label}


def _label(item: Item, labels: dict[str, str]) -> str:
    if isinstance(item, Range | Compare):
        return item.label
    return labels.get(item, item)


def _keys(item: Item) -> tuple[str, ...]:
    return item.keys() if isinstance(item, Range | Compare) else (item,)


def _known(key: str, declared: set[str]) -> bool:
    return key in declared or {f"{key}_min", f"{key}_max"} <= declared
