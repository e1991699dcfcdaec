"""What the site says about its articles, read from `docs/` itself: the home page's lists and each article's own
key points and red-flag set.

An article is a folder of `docs/` with an `index.md` (the importer writes one per article). The lists are built
from the pages' front matter and the `calculator("…")` calls in them, so a newly imported article appears on the
home page, with its calculators, without a hand edit. Key points and red-flag topics are chosen per article in
front matter (usually the folder's `.meta.yml`, which Material's meta plugin applies to every page in it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

import calculators

from . import red_flags

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
CALCULATOR_CALL = re.compile(r"""\{\{\s*calculator\(\s*["']([\w-]+)["']\s*\)\s*\}\}""")
NOT_ARTICLES = frozenset(
    {"includes", "assets", "calculators"}
)  # calculators/: pages `calculators new` writes


@dataclass(frozen=True)
class Article:
    folder: str
    title: str
    author: str
    summary: str
    calculators: tuple[str, ...]


def articles(docs: Path) -> list[Article]:
    """Every article folder of `docs`, by title: its overview's front matter and the calculators its pages embed."""
    found = []
    for index in sorted(docs.glob("*/index.md")):
        if index.parent.name in NOT_ARTICLES:
            continue
        meta = front_matter(index)
        found.append(
            Article(
                folder=index.parent.name,
                title=str(meta.get("title") or index.parent.name),
                author=str(meta.get("author") or ""),
                summary=str(meta.get("description") or ""),
                calculators=tuple(dict.fromkeys(n for page in _pages(index.parent) for n in _calls(page))),
            )
        )
    return sorted(found, key=lambda article: article.title.casefold())


def calculator_pages(docs: Path) -> dict[str, list[tuple[str, str]]]:
    """Calculator name -> (page path under docs, page title) of every page that embeds it."""
    pages: dict[str, list[tuple[str, str]]] = {name: [] for name in calculators.names()}
    for page in _pages(docs):
        if page.relative_to(docs).parts[0] in NOT_ARTICLES - {"calculators"}:
            continue
        for name in dict.fromkeys(_calls(page)):
            title = str(front_matter(page).get("title") or page.stem)
            overview = page.parent / "index.md"
            in_article = page.parent != docs and overview.exists()
            article = str(front_matter(overview).get("title") or "") if in_article else ""
            if article and article != title:
                title = f"{title}, in {article}"  # two articles may each have a "Water Loss" page
            pages.setdefault(name, []).append((page.relative_to(docs).as_posix(), title))
    return pages


def articles_markdown(docs: Path) -> str:
    """The home page's list of articles: title (linked), author, summary and the calculators it carries."""
    titles = {name: calculators.schema(name)["title"] for name in calculators.names()}
    lines = ['<div class="grid cards" markdown>', ""]
    for article in articles(docs):
        lines += [f"-   __[{escape_markdown(article.title)}]({article.folder}/index.md)__", "", "    ---", ""]
        if article.author:
            lines += [f"    By {escape_markdown(article.author)}", ""]
        if article.summary:
            lines += [f"    {escape_markdown(article.summary)}", ""]
        if article.calculators:
            named = ", ".join(escape_markdown(titles.get(n, n)) for n in article.calculators)
            lines += [f"    Calculators: {named}", ""]
    return "\n".join([*lines, "</div>", ""])


def calculators_markdown(docs: Path) -> str:
    """The home page's list of every calculator, each linked to the pages that embed it."""
    lines = []
    for name, pages in calculator_pages(docs).items():
        schema = calculators.schema(name)
        links = (
            ", ".join(f"[{escape_markdown(title)}]({path})" for path, title in pages) or "not on a page yet"
        )
        lines.append(
            f"- **{escape_markdown(schema['title'])}**: {escape_markdown(schema['summary'])} ({links})"
        )
    return "\n".join(lines) + "\n"


def with_article_boxes(markdown: str, meta: dict, src_uri: str, docs: Path) -> str:
    """The page with a short "When to see a doctor" box near the top of every article page (its key points are
    `editorial`'s), and the red flags in full at the end: the shared set with each topic set chosen in `red_flags`
    (`red_flags` module). Raises ValueError naming an unknown topic or a bad sign."""
    topics = red_flags.check_topics(meta.get("red_flags"), docs)
    if _in_article(src_uri, docs) and (short := red_flags.short_markdown(docs, topics)):
        markdown = _after_title(markdown, short)
    full = red_flags.full_markdown(docs, topics, src_uri)  # empty when the site declares none
    return markdown.rstrip() + "\n\n" + full if full else markdown


def escape_markdown(text: str) -> str:
    """Front-matter text shown literally in Markdown (no emphasis, links or HTML from a title)."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text).replace("<", "&lt;")


def front_matter(page: Path) -> dict:
    match = FRONT_MATTER.match(page.read_text("utf-8"))
    data = yaml.safe_load(match.group(1)) if match else None
    return data if isinstance(data, dict) else {}


# ---------------------------------------------------------------------------------------------------------


def _in_article(src_uri: str, docs: Path) -> bool:
    """Whether the page is in an article's folder (its overview, sections, references, credits)."""
    parts = src_uri.split("/")
    return len(parts) > 1 and parts[0] not in NOT_ARTICLES and (docs / parts[0] / "index.md").exists()


def _after_title(markdown: str, box: str) -> str:
    """`box` right after the page's H1 (at the top when the title comes from front matter alone)."""
    if re.search(r"^# .+\n", markdown, flags=re.M):
        return re.sub(r"^(# .+\n)", lambda m: f"{m.group(1)}\n{box}\n", markdown, count=1, flags=re.M)
    return f"{box}\n{markdown}"


def _pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.md"))


def _calls(page: Path) -> list[str]:
    return CALCULATOR_CALL.findall(page.read_text("utf-8"))
