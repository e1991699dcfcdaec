"""The warning signs ("red flags"), in three tiers, from one declaration: `docs/includes/red-flags.yml` (the tiers
and the signs on every page) plus the topic files `docs/includes/red-flags/<topic>.yml` an article chooses in its
front matter (`red_flags: [topic]`), each adding its own signs to a tier.

Every sign names its sources by id; the link a reader follows and the References page's citation both come from
`calculators.sources`, so no citation is typed in docs/. Each page gets the full tiers at its end, under a heading
the short box near the top of an article page links to (the emergency numbers are in both). A declaration that
is wrong (unknown tier, key or source, a source without a URL or access date, an emergency sign without its
short text) raises ValueError naming the file, which the macros turn into a build failure naming the page.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from calculators.sources import SOURCES, Source

SHARED = "includes/red-flags.yml"  # the tiers and the signs on every page
TOPICS = "includes/red-flags"  # includes/red-flags/<topic>.yml, chosen with `red_flags: [topic]`
TIERS = ("emergency", "urgent", "soon")  # most urgent first
ADMONITION = {"emergency": "danger", "urgent": "warning", "soon": "info"}
HEADING = "When to see a doctor"
ANCHOR = "when-to-see-a-doctor"
REFERENCES = "references.md"  # docs/references.md, its section `#red-flags` lists every source cited here
SIGN_KEYS = {"sign", "condition", "short", "sources"}


@dataclass(frozen=True)
class Sign:
    text: str
    condition: str
    short: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Declaration:
    """One file's contents: tier titles (the shared file only), an intro line, and signs by tier."""

    path: str
    titles: dict[str, str]
    short: str
    intro: str
    signs: dict[str, tuple[Sign, ...]]


def topics(docs: Path) -> list[str]:
    """The topic sets an article may choose."""
    return sorted(p.stem for p in (docs / TOPICS).glob("*.yml"))


def check_topics(chosen: object, docs: Path) -> list[str]:
    """`red_flags` from front matter as a list of known topics; ValueError naming what is wrong otherwise."""
    chosen = chosen or []
    if not isinstance(chosen, list) or not all(isinstance(t, str) for t in chosen):
        raise ValueError(f"red_flags must be a list of topic names, not {chosen!r}")
    known = topics(docs)
    unknown = [t for t in chosen if t not in known]
    if unknown:
        raise ValueError(f"red_flags: no topic {unknown[0]!r} in docs/{TOPICS}/ (known: {', '.join(known)})")
    return chosen


def full_markdown(docs: Path, chosen: list[str], src_uri: str) -> str:
    """The end-of-page section: a heading, each tier as an admonition with its signs (shared first, then each
    chosen topic's), each sign linked to its sources, and a link to the References page. Empty when the site
    declares no red flags."""
    shared = _shared(docs)
    if shared is None:
        return ""
    sets = [shared, *(_topic(docs, topic) for topic in chosen)]
    lines = [f"## {HEADING} {{ #{ANCHOR} }}", ""]
    lines += [f"{d.intro}\n" for d in sets if d.intro]
    for tier in TIERS:
        signs = [sign for d in sets for sign in d.signs.get(tier, ())]
        if not signs:
            continue
        lines += [f'!!! {ADMONITION[tier]} "{shared.titles[tier]}"', ""]
        lines += [f"    - {_sign_markdown(sign)}" for sign in signs]
        lines.append("")
    references = _references_link(docs, src_uri)
    lines.append(
        "This site is educational and does not replace advice from a health professional."
        + (f" Full citations are on the [References]({references}) page." if references else "")
    )
    return "\n".join(lines) + "\n"


def short_markdown(docs: Path, chosen: list[str]) -> str:
    """The short box for the top of an article page: the emergency numbers with the emergency signs in a few
    words, and a link to the full tiers at the end of the page."""
    shared = _shared(docs)
    if shared is None:
        return ""
    sets = [shared, *(_topic(docs, topic) for topic in chosen)]
    emergency = [sign.short for d in sets for sign in d.signs.get("emergency", ())]
    others = " or ".join(
        shared.titles[tier].lower() for tier in TIERS[1:] if any(d.signs.get(tier) for d in sets)
    )
    if not emergency:  # a site that declares no emergency signs still gives the numbers
        emergency = ["any sign that you or someone with you is in danger"]
    listed = "; ".join(emergency[:-1]) + ("; or " if len(emergency) > 1 else "") + emergency[-1]
    more = (
        f"[All warning signs, and when to {others}](#{ANCHOR})."
        if others
        else f"[All warning signs](#{ANCHOR})."
    )
    return f'!!! danger "{HEADING}"\n\n    {shared.short} {listed}. {more}\n'


def cited_sources(docs: Path) -> list[Source]:
    """Every source the shared set and every topic set cite, in order of first use (the References page)."""
    found: dict[str, Source] = {}
    shared = _shared(docs)
    sets = [shared, *(_topic(docs, topic) for topic in topics(docs))] if shared else []
    for declaration in sets:
        for tier in TIERS:
            for sign in declaration.signs.get(tier, ()):
                found.update((source.id, source) for source in sign.sources)
    return list(found.values())


# ---------------------------------------------------------------------------------------------------------


def _shared(docs: Path) -> Declaration | None:
    path = docs / SHARED
    return _load(path, shared=True) if path.exists() else None  # a site may have no red flags


def _topic(docs: Path, topic: str) -> Declaration:
    return _load(docs / TOPICS / f"{topic}.yml", shared=False)


def _load(path: Path, shared: bool) -> Declaration:
    return _parse(path.read_text("utf-8"), path.as_posix(), shared)


@cache
def _parse(text: str, where: str, shared: bool) -> Declaration:
    data = yaml.safe_load(text) or {}
    allowed = {"tiers", "signs", "intro"} if shared else {"signs", "intro"}
    if not isinstance(data, dict) or set(data) - allowed:
        raise ValueError(
            f"{where}: expected the keys {sorted(allowed)}, got {sorted(data) if isinstance(data, dict) else data!r}"
        )
    titles, short = {}, ""
    if shared:
        tiers = data.get("tiers") or {}
        if not isinstance(tiers, dict) or set(tiers) != set(TIERS):
            raise ValueError(f"{where}: tiers must declare exactly {', '.join(TIERS)}")
        for tier in TIERS:
            if not isinstance(tiers[tier], dict) or not tiers[tier].get("title"):
                raise ValueError(f"{where}: tier {tier!r} needs a title")
            titles[tier] = str(tiers[tier]["title"])
        short = str(tiers["emergency"].get("short") or "")
        if not short:
            raise ValueError(
                f"{where}: the emergency tier needs its short text (the box at the top of a page)"
            )
    signs = data.get("signs") or {}
    if not isinstance(signs, dict) or set(signs) - set(TIERS):
        raise ValueError(f"{where}: signs are listed by tier ({', '.join(TIERS)}), got {sorted(signs)}")
    return Declaration(
        path=where,
        titles=titles,
        short=short,
        intro=str(data.get("intro") or ""),
        signs={tier: tuple(_sign(item, tier, where) for item in signs[tier] or []) for tier in signs},
    )


def _sign(item: object, tier: str, where: str) -> Sign:
    if not isinstance(item, dict) or not item.get("sign") or set(item) - SIGN_KEYS:
        raise ValueError(
            f"{where}: each {tier} sign needs `sign` and may have only {sorted(SIGN_KEYS)}: {item!r}"
        )
    if tier == "emergency" and not item.get("short"):
        raise ValueError(f"{where}: the emergency sign {item['sign']!r} needs `short` (the box at the top)")
    ids = item.get("sources") or []
    if not ids or not isinstance(ids, list):
        raise ValueError(f"{where}: the sign {item['sign']!r} names no sources")
    for source_id in ids:
        source = SOURCES.get(source_id)
        if source is None:
            raise ValueError(f"{where}: no such source {source_id!r} (calculators/sources.py)")
        if not source.url:
            raise ValueError(f"{where}: source {source_id!r} has no URL to link the sign to")
        if not source.accessed and not source.url.startswith("https://doi.org/"):
            raise ValueError(f"{where}: web page {source_id!r} needs its access date")
    return Sign(
        text=str(item["sign"]).strip(),
        condition=str(item.get("condition") or ""),
        short=str(item.get("short") or ""),
        sources=tuple(SOURCES[source_id] for source_id in ids),
    )


def _sign_markdown(sign: Sign) -> str:
    condition = f" (possible {sign.condition})" if sign.condition else ""
    links = "; ".join(f"[{_link_text(s.short)}]({s.url})" for s in sign.sources)
    return f"{sign.text.rstrip('.')}{condition}. Source: {links}."


def _link_text(text: str) -> str:
    return text.replace("[", "(").replace("]", ")")


def _references_link(docs: Path, src_uri: str) -> str:
    if not (docs / REFERENCES).exists():
        return ""
    folder = posixpath.dirname(src_uri)
    return posixpath.relpath(REFERENCES, folder or ".") + "#red-flags"
