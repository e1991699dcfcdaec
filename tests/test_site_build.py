"""The built site (one real `mkdocs build --strict`, see conftest): navigation, content, and offline safety.

"Offline" is checked on what a browser would actually fetch: script, stylesheet, image, media, frame, preload and
icon URLs in every HTML page, `url()` and `@import` in every stylesheet. Ordinary links to sources may point
off-site; they load nothing until a reader follows them.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
import yaml

import calculators
from macros.articles import articles, calculator_pages
from tests.articles import imported_articles, lost_sentences, page_url
from tests.paths import REPO_ROOT
from tests.test_importer import SHIPPED_CHROME, plain

DOCS = REPO_ROOT / "docs"
SITE_ORIGINS = {("http", "127.0.0.1:8000"), ("http", "localhost:8000")}
LOADING_LINK_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "icon",
    "apple-touch-icon",
    "manifest",
}
LOADING_LINK_RELS |= {"preconnect", "dns-prefetch", "shortcut"}


class _Page(HTMLParser):
    """Collect what a page would load, its main text, and its block-level texts."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dd", "dt", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []
        self.inline_css: list[str] = []
        self.article: list[str] = []
        self.blocks: list[list[str]] = []
        self._depth = 0  # inside <article>
        self._open_blocks = 0
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "img", "iframe", "embed", "audio", "video", "source", "track", "input"):
            self.loads += [a[k] for k in ("src", "poster") if a.get(k)]
        if a.get("srcset"):
            self.loads += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        if tag == "link" and LOADING_LINK_RELS & set(a.get("rel", "").lower().split()):
            self.loads.append(a.get("href", ""))
        if tag == "object" and a.get("data"):
            self.loads.append(a["data"])
        if tag in ("image", "use") and (a.get("href") or a.get("xlink:href")):
            self.loads.append(a.get("href") or a["xlink:href"])
        if a.get("style"):
            self.inline_css.append(a["style"])
        self._in_style = tag == "style"
        if tag == "article":
            self._depth += 1
        if tag in self.BLOCKS and self._depth:
            self.blocks.append([])
            self._open_blocks += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._depth -= 1
        if tag in self.BLOCKS and self._open_blocks:
            self._open_blocks -= 1
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.inline_css.append(data)
        if self._depth:
            self.article.append(data)
            if self.blocks:
                self.blocks[-1].append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.article).split())

    def block_texts(self) -> list[str]:
        return [" ".join(" ".join(b).split()) for b in self.blocks]


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def page_path(site: Path, name: str) -> Path:
    return site / name / "index.html" if name else site / "index.html"


def off_site(url: str) -> bool:
    url = url.strip()
    if not url or url.startswith(("data:", "blob:", "#")):
        return False
    parts = urlsplit(url)
    if url.startswith("//") or parts.scheme not in ("", "http", "https"):
        return url.startswith("//") or parts.scheme not in ("", "data", "blob")
    return bool(parts.scheme) and (parts.scheme, parts.netloc) not in SITE_ORIGINS


def css_urls(css: str) -> list[str]:
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
    return urls + re.findall(r"@import\s+['\"]([^'\"]+)", css)


@pytest.fixture(scope="module")
def html_pages(built_site: Path) -> list[Path]:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 10
    return pages


def docs_pages() -> list[str]:
    """Every page of docs/ (not the snippets in includes/), as paths relative to docs/."""
    return sorted(
        p.relative_to(DOCS).as_posix()
        for p in DOCS.rglob("*.md")
        if p.relative_to(DOCS).parts[0] != "includes" and not p.name.startswith(".")
    )


def redirects() -> dict[str, str]:
    config = yaml.load((REPO_ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    return config["extra"]["legwork"].get("redirects") or {}


def nav_links(site: Path) -> set[str]:
    """The page URLs (site-relative) the home page's primary navigation links to."""
    raw = (site / "index.html").read_text("utf-8")
    nav = raw[raw.index("md-nav--primary") :]
    return {href.removeprefix("./") for href in re.findall(r'href="([^"#]*)" class="md-nav__link', nav)}


# ---- build and navigation ---------------------------------------------------------------------------------------


def test_strict_build_writes_every_page(built_site: Path) -> None:
    pages = docs_pages()
    assert len(pages) >= 10
    for name in pages:
        assert page_path(built_site, page_url(name).rstrip("/")).is_file(), name
    assert (built_site / "search" / "search_index.json").is_file(), "search uses its local index"


def test_every_page_is_in_the_navigation_derived_from_the_folders(built_site: Path) -> None:
    links = nav_links(built_site) | {""}
    assert not [name for name in docs_pages() if page_url(name) not in links]
    for article in articles(DOCS):
        raw = (built_site / "index.html").read_text("utf-8")
        assert f">{html.escape(article.title, quote=False)}<" in raw or article.title in raw, article.title


def test_old_addresses_redirect_without_a_script(built_site: Path) -> None:
    moved = redirects()
    assert moved, "mkdocs.yml names the pages that moved"
    for old, new in moved.items():
        stub = (built_site / page_url(old) / "index.html").read_text("utf-8")
        target = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', stub)
        assert target and "<script" not in stub, old
        landing = (built_site / page_url(old) / target.group(1) / "index.html").resolve()
        assert landing == (built_site / page_url(new) / "index.html").resolve() and landing.is_file()
        assert f'href="{target.group(1)}"' in stub, (
            "a plain link for readers whose browser ignores the refresh"
        )


# ---- content ----------------------------------------------------------------------------------------------------


def test_home_page_lists_every_article_and_every_calculator(built_site: Path) -> None:
    home = parse(built_site / "index.html").text
    raw = (built_site / "index.html").read_text("utf-8")
    found = articles(DOCS)
    assert found
    for article in found:
        assert article.title in home and article.author in home and article.summary[:60] in home
        assert f'href="{article.folder}/"' in raw
    for name, pages in calculator_pages(DOCS).items():
        title = calculators.schema(name)["title"]
        assert re.sub(r"\s+", "", title) in re.sub(r"\s+", "", home), name  # an <abbr> splits the text
        for path, _ in pages:
            assert f'href="{page_url(path)}"' in raw, (name, path)


def test_nothing_lost_every_sentence_of_every_article_is_on_the_site(built_site: Path) -> None:
    found = imported_articles(DOCS)
    assert found
    for article in found:
        text = " ".join(
            parse(page_path(built_site, page_url(f"{article.slug}/{p}").rstrip("/"))).text
            for p in article.pages
        )
        assert not lost_sentences(article, text), article.slug


def test_no_scraped_chrome_on_any_page(html_pages: list[Path]) -> None:
    # Some chrome words have honest uses elsewhere: an article's credits name "Demand Media" in a sentence and the
    # energy calculator's own form offers "Lose 1 pound per week". As a paragraph or list item of its own, the
    # same text is scraped chrome.
    own_line = {
        "Demand Media",
        "Gain 2 pounds per week",
        "Maintain my current weight",
        "Lose 1.5 pounds per week",
    }
    own_line |= {"Female", "Male", "ft. in.", "• Female"}
    anywhere = [c for c in SHIPPED_CHROME if c not in own_line]
    titles = [article.title for article in articles(DOCS)]
    for path in html_pages:
        page = parse(path)
        text = page.text.lower()
        assert not [c for c in anywhere if c.lower() in text], path
        blocks = page.block_texts()
        assert not own_line & set(blocks), path
        for title in titles:
            assert blocks.count(title) <= 1, f"repeated title on {path}"


def content_pages(html_pages: list[Path]) -> list[Path]:
    """Built pages with an article body (not the 404 page, not a redirect stub)."""
    return [
        p
        for p in html_pages
        if p.name == "index.html" and parse(p).text and 'http-equiv="refresh"' not in p.read_text("utf-8")
    ]


# Red flags (every page, three tiers, topics per article): tests/test_red_flags.py.


def front_matter_of(path: Path) -> dict:
    return (yaml.safe_load(path.read_text("utf-8")) or {}) if path.is_file() else {}


def test_each_page_with_a_calculator_call_carries_its_widget(built_site: Path) -> None:
    checked = 0
    for name, pages in calculator_pages(DOCS).items():
        for path, _ in pages:
            raw = page_path(built_site, page_url(path).rstrip("/")).read_text("utf-8")
            assert re.search(rf'data-calculator="{name}"', raw), path
            assert "calculator(" not in raw, "macro calls are rendered, never printed"
            checked += 1
    assert checked >= len(calculators.names())


def test_boot_script_comes_just_before_each_pages_first_widget(html_pages: list[Path]) -> None:
    """boot.js is loaded where the first widget begins, never in <head> (the article above paints without waiting
    for it), once a page, and its relative URL reaches the runtime's file; a page without widgets has none."""
    with_widgets = 0
    for path in html_pages:
        tree = lxml.html.fromstring(path.read_bytes())
        boots = tree.xpath("//script[contains(@src, 'legwork/boot.js')]")
        widgets = tree.xpath("//*[@data-calculator]")
        if not widgets:
            assert not boots, path
            continue
        with_widgets += 1
        assert len(boots) == 1 and not tree.xpath("//head//script[contains(@src, 'boot.js')]"), path
        assert boots[0].getnext() is widgets[0], path
        assert (path.parent / boots[0].get("src")).resolve().is_file(), path
    assert with_widgets >= len(calculators.names())


def test_each_article_overview_has_author_box_key_points_and_section_cards(built_site: Path) -> None:
    for article in imported_articles(DOCS):
        raw = (built_site / article.slug / "index.html").read_text("utf-8")
        author = front_matter_of_page(article.folder / "index.md")["author"]
        if author:
            assert re.search(
                rf'<div class="lw-author">.*{re.escape(author.split(",")[0])}.*</div>', raw, re.S
            )
        cards = raw[raw.index('class="grid cards"') :]
        for page in article.pages:
            if page != "index.md":
                assert f'href="{page_url(page)}"' in cards, page
        meta = front_matter_of(article.folder / ".meta.yml")
        key_points = (meta.get("key_points_by_page") or {}).get("index.md") or meta.get("key_points") or []
        for point in key_points:
            assert (
                html.escape(point, quote=False) in raw
                or point in parse(built_site / article.slug / "index.html").text
            )


def front_matter_of_page(page: Path) -> dict:
    match = re.match(r"\A---\n(.*?)\n---\n", page.read_text("utf-8"), re.S)
    return yaml.safe_load(match.group(1)) if match else {}


def test_glossary_terms_explain_themselves_on_hover(built_site: Path, html_pages: list[Path]) -> None:
    raw = " ".join(p.read_text("utf-8") for p in content_pages(html_pages))
    assert re.search(r'<abbr title="[^"]*glucose[^"]*">glycogen</abbr>', raw)
    assert re.search(r'<abbr title="[^"]*sodium[^"]*">electrolytes</abbr>', raw)
    glossary = page_path(built_site, "glossary").read_text("utf-8")
    for term in ("ACWR", "Electrolytes", "Glycogen", "RPE"):
        assert "<dt>" in glossary and re.search(rf"<dt>(<abbr[^>]*>)?{term}", glossary), term
    assert "content.tooltips" in (REPO_ROOT / "mkdocs.yml").read_text("utf-8")


def test_references_credit_every_calculators_sources(built_site: Path) -> None:
    references = parse(page_path(built_site, "references")).text
    for name in calculators.names():
        for source in calculators.schema(name)["sources"]:
            assert plain(source["citation"])[:40] in plain(references), (name, source["id"])


def test_tags_index_lists_every_article(built_site: Path) -> None:
    tags = parse(page_path(built_site, "tags")).text
    for article in articles(DOCS):
        assert article.title in tags, article.title


# ---- offline ----------------------------------------------------------------------------------------------------


def test_nothing_is_loaded_from_outside_the_site(built_site: Path, html_pages: list[Path]) -> None:
    checked = 0
    for path in html_pages:
        page = parse(path)
        urls = page.loads + [u for css in page.inline_css for u in css_urls(css)]
        checked += len(urls)
        assert not [u for u in urls if off_site(u)], path
    for css in built_site.rglob("*.css"):
        assert not [u for u in css_urls(css.read_text("utf-8", "replace")) if off_site(u)], css
    assert checked > 20, "the parser found the pages' scripts and stylesheets"
    everything = " ".join(p.read_text("utf-8", "replace") for p in html_pages)
    assert "fonts.googleapis.com" not in everything and "fonts.gstatic.com" not in everything


def test_the_offline_check_would_catch_remote_resources() -> None:
    page = _Page()
    page.feed(
        '<link rel="stylesheet" href="https://cdn.example.com/a.css"><script src="//cdn.example.com/b.js"></script>'
        '<img srcset="https://img.example.com/x.png 2x"><a href="https://doi.org/10.1/x">a source</a>'
        '<div style="background: url(https://example.com/bg.png)"></div>'
        '<link rel="canonical" href="https://example.com/page/">'
    )
    urls = page.loads + [u for css in page.inline_css for u in css_urls(css)]
    assert [u for u in urls if off_site(u)] == [
        "https://cdn.example.com/a.css",
        "//cdn.example.com/b.js",
        "https://img.example.com/x.png",
        "https://example.com/bg.png",
    ]
    assert not off_site("../assets/javascripts/bundle.js") and not off_site("http://127.0.0.1:8000/x/")
    assert html.unescape("&amp;") == "&"
