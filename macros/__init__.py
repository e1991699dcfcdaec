"""mkdocs-macros module: the calculator widgets, their docs tables, and citations by source id.

Thin on purpose: the HTML comes from `render`, the numbers from `calculators` (through `bridge`), the citations
from `calculators.sources`, and the files the browser needs (Pyodide, the calculators wheel, the runtime) from
`assets`. A macro that cannot do its job raises MkDocs' `PluginError` naming the page, so the build stops there.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import NoReturn

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

import calculators
from calculators.sources import SOURCES
from calculators.unit_system import SYSTEMS

from . import articles, assets, bridge, editorial, guideline_notes, red_flags, render

BOOT_SCRIPT = f"{assets.RUNTIME_DIR}/boot.js"  # the runtime's one classic script
PROJECT_DIR = Path(__file__).resolve().parents[1]  # where pyproject.toml, calculators/ and node_modules/ are


class _Page:
    """What the macros remember about the page being rendered: its path, widgets so far, sources cited."""

    src_uri = "?"
    url = ""  # the page's own URL, relative to the site root ("leg-weakness-after-exercise/water-loss/")
    widgets: Counter[str] = Counter()
    cited: dict[str, None] = {}


class _Site:
    """Site-wide settings the macros read from mkdocs.yml's `extra.legwork`."""

    unit_system = "metric"  # the system a first-time reader sees; `extra.legwork.unit_system`
    docs_dir = PROJECT_DIR / "docs"


def define_env(env) -> None:
    """Register the macros (mkdocs-macros calls this once per build) and read the site's settings."""
    settings = (env.conf.get("extra") or {}).get("legwork") or {}
    system = settings.get("unit_system", "metric")
    if system not in SYSTEMS:
        raise PluginError(f"mkdocs.yml: extra.legwork.unit_system must be one of {SYSTEMS}, not {system!r}.")
    _Site.unit_system = system
    env.macro(calculator)
    env.macro(calculator_table)
    env.macro(calculator_sources)
    env.macro(cite)
    env.macro(source_list)
    env.macro(red_flag_sources)
    env.macro(guideline_note_sources)
    env.macro(article_list)
    env.macro(calculator_list)
    _Site.docs_dir = Path(env.conf["docs_dir"])


def on_pre_page_macros(env) -> None:
    """Each page numbers its widgets from 1 (stable ids and URL parameters) and collects its own citations; it
    gets its article's editorial header and key points (`editorial.with_editorial`; a print page also gets its
    article's pages) and its red-flag set (`articles.with_article_boxes`)."""
    page = getattr(env, "page", None)
    _Page.src_uri = page.file.src_uri if page else "?"
    _Page.url = page.url if page else ""
    _Page.widgets = Counter()
    _Page.cited = {}
    if page is not None:
        try:
            env.markdown = editorial.with_editorial(
                env.markdown, page, _Site.docs_dir, env.conf["plugins"], each_page=_own_notes
            )
            env.markdown = _own_notes(env.markdown, _Page.src_uri)
            env.markdown = articles.with_article_boxes(env.markdown, page.meta, _Page.src_uri, _Site.docs_dir)
        except ValueError as error:
            _fail(str(error))


def _own_notes(markdown: str, src_uri: str) -> str:
    """What a page gets on its own before its article's boxes; a print page applies it to each page it holds."""
    return guideline_notes.with_notes(markdown, src_uri, _Site.docs_dir)


def on_post_page_macros(env) -> None:
    """Append a footnote for every source the page cited with `cite()`, written from the registry."""
    if _Page.cited:
        notes = "\n".join(
            f"[^{source_id}]: {render.citation_markdown(SOURCES[source_id].to_dict())}"
            for source_id in _Page.cited
        )
        env.markdown = f"{env.markdown.rstrip()}\n\n{notes}\n"


def on_post_build(env) -> None:
    """Copy Pyodide's core files, the freshly built wheel, the trimmed standard library and the runtime (with the
    lock data inline in shipped.mjs) into the site."""
    assets.install(PROJECT_DIR, Path(env.conf["site_dir"]))


def calculator(name: str) -> str:
    """The widget for calculator `name`, with its default answer computed now, natively."""
    schema = _schema(name)
    defaults = {
        field["key"]: field["default"] for field in schema["inputs"] if field.get("default") is not None
    }
    answer = bridge.reply(name, defaults, _Site.unit_system)
    if not answer["ok"]:
        _fail(f"calculator {name!r}: its defaults are not valid input: {answer['errors']}")
    first_on_page = not _Page.widgets
    _Page.widgets[name] += 1
    count = _Page.widgets[name]
    namespace = name if count == 1 else f"{name}-{count}"
    html = render.calculator_html(
        schema, answer, dom_id=f"lw-{namespace}", namespace=namespace, system=_Site.unit_system
    )
    return _boot_script() + html if first_on_page else html


def _boot_script() -> str:
    """The tag that loads `boot.js`, just before a page's first widget rather than in `<head>`: the article above
    it is parsed and can paint without waiting for it (see boot.js)."""
    return f'<script src="{get_relative_url(BOOT_SCRIPT, _Page.url)}"></script>'


def article_list() -> str:
    """`{{ article_list() }}`: every article of the site (title, author, summary, calculators), from docs/."""
    return articles.articles_markdown(_Site.docs_dir)


def calculator_list() -> str:
    """`{{ calculator_list() }}`: every calculator, linked to the pages that embed it."""
    return articles.calculators_markdown(_Site.docs_dir)


def calculator_table(name: str) -> str:
    """The docs table of a calculator's inputs and outputs, from its schema."""
    return render.fields_table_html(_schema(name))


def calculator_sources(name: str) -> str:
    """The calculator's citations as a Markdown list, from the same `Source` objects its results cite."""
    return render.sources_markdown(_schema(name)["sources"])


def cite(*source_ids: str) -> str:
    """`{{ cite("sawka2007") }}`: a footnote reference per source; the footnotes are written at the page's end."""
    for source_id in source_ids:
        if source_id not in SOURCES:
            _fail(f"cite({source_id!r}): no such source. Known sources: {', '.join(sorted(SOURCES))}.")
        _Page.cited[source_id] = None
    return "".join(f"[^{source_id}]" for source_id in source_ids)


def source_list(*source_ids: str) -> str:
    """`{{ source_list("hall2008", "iom2004") }}`: full citations as a Markdown list, from the registry."""
    missing = [source_id for source_id in source_ids if source_id not in SOURCES]
    if missing:
        _fail(f"source_list: no such source {', '.join(map(repr, missing))}.")
    return render.sources_markdown([SOURCES[source_id].to_dict() for source_id in source_ids])


def guideline_note_sources() -> str:
    """`{{ guideline_note_sources() }}`: what the "What current guidelines say" notes of this page's article cite."""
    try:
        source_ids = guideline_notes.article_sources(_Site.docs_dir, _Page.src_uri.partition("/")[0])
    except ValueError as error:
        _fail(str(error))
    return render.sources_markdown([SOURCES[source_id].to_dict() for source_id in source_ids])


def red_flag_sources() -> str:
    """`{{ red_flag_sources() }}`: every source the warning signs cite (shared and topic sets), as a list."""
    try:
        sources = red_flags.cited_sources(_Site.docs_dir)
    except ValueError as error:
        _fail(str(error))
    return render.sources_markdown([source.to_dict() for source in sources])


# ---------------------------------------------------------------------------------------------------------


def _schema(name: str) -> dict:
    try:
        return calculators.schema(name)
    except calculators.UnknownCalculator as error:
        _fail(str(error))


def _fail(message: str) -> NoReturn:
    raise PluginError(f"{_Page.src_uri}: {message}")
