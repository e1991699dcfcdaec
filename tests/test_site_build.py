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

import pytest
from mkdocs.config import load_config

from tests.conftest import ARTICLE_TXT, REPO_ROOT
from tests.test_importer import SHIPPED_CHROME, body_sentences, plain

SITE_ORIGINS = {("http", "127.0.0.1:8000"), ("http", "localhost:8000")}
ARTICLE_PAGES = ("", "low-glycogen-stores", "water-loss", "over-training-syndrome", "electrolyte-depletion")
CAUSE_CALCULATORS = {
    "low-glycogen-stores": "fueling",
    "water-loss": "hydration",
    "over-training-syndrome": "training_load",
    "electrolyte-depletion": "electrolytes",
    "calories": "energy",
}
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


def nav_files() -> list[str]:
    config = load_config(str(REPO_ROOT / "mkdocs.yml"))

    def walk(items) -> list[str]:
        out = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            out += walk(value) if isinstance(value, list) else [value]
        return out

    return walk(config["nav"])


# ---- build and navigation ---------------------------------------------------------------------------------------


def test_strict_build_writes_every_page(built_site: Path) -> None:
    for name in nav_files():
        target = "" if name == "index.md" else name.removesuffix(".md")
        assert page_path(built_site, target).is_file(), name
    assert (built_site / "search" / "search_index.json").is_file(), "search uses its local index"


def test_every_page_is_in_the_navigation(built_site: Path) -> None:
    docs = REPO_ROOT / "docs"
    pages = {
        str(p.relative_to(docs))
        for p in docs.rglob("*.md")
        if p.relative_to(docs).parts[0] != "includes" and not p.name.startswith(".")
    }
    assert pages == set(nav_files())
    home = parse(built_site / "index.html")
    raw = (built_site / "index.html").read_text("utf-8")
    for name in nav_files():
        if name != "index.md":
            assert f'href="{name.removesuffix(".md")}/"' in raw, f"{name} missing from the built navigation"
    assert home.text


# ---- content ----------------------------------------------------------------------------------------------------


def test_nothing_lost_every_sentence_of_the_article_is_on_the_site(built_site: Path) -> None:
    site_text = plain(" ".join(parse(page_path(built_site, name)).text for name in ARTICLE_PAGES))
    sentences = body_sentences(ARTICLE_TXT.read_text("utf-8"))
    assert len(sentences) >= 20
    assert not [s for s in sentences if plain(s) not in site_text]


def test_no_scraped_chrome_on_any_page(html_pages: list[Path]) -> None:
    # Some chrome words have honest uses elsewhere: the about page credits "Demand Media" in a sentence and the
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
    for path in html_pages:
        page = parse(path)
        text = page.text.lower()
        assert not [c for c in anywhere if c.lower() in text], path
        blocks = page.block_texts()
        assert not own_line & set(blocks), path
        assert blocks.count("Leg Weakness After Exercise") <= 1, f"repeated title on {path}"


def test_every_page_warns_when_to_see_a_doctor(html_pages: list[Path]) -> None:
    content_pages = [p for p in html_pages if p.name == "index.html" and parse(p).text]
    assert len(content_pages) >= 9
    for path in content_pages:
        raw = path.read_text("utf-8")
        assert re.search(
            r'class="admonition danger"[^>]*>\s*<p class="admonition-title">When to see a doctor', raw
        ), path
        assert "Rhabdomyolysis" in raw and "CDC/NIOSH" in raw and "Mayo Clinic" in raw and "NHS" in raw


def test_each_cause_and_the_widget_page_carry_their_calculator(built_site: Path) -> None:
    for name, calculator in CAUSE_CALCULATORS.items():
        raw = page_path(built_site, name).read_text("utf-8")
        assert re.search(rf'data-calculator="{calculator}"', raw), name
        assert "calculator(" not in raw, "macro calls are rendered, never printed"


def test_overview_has_author_box_and_section_cards(built_site: Path) -> None:
    raw = (built_site / "index.html").read_text("utf-8")
    assert re.search(r'<div class="lw-author">.*Kathryn Vera.*Registered Dietitian.*</div>', raw, re.S)
    cards = raw[raw.index('class="grid cards"') :]
    for name in CAUSE_CALCULATORS:
        assert f'href="{name}/"' in cards, name
    assert "kwanchaichaiudom/iStock/Getty Images" in raw


def test_glossary_terms_explain_themselves_on_hover(built_site: Path) -> None:
    glycogen = page_path(built_site, "low-glycogen-stores").read_text("utf-8")
    assert re.search(r'<abbr title="[^"]*glucose[^"]*">glycogen</abbr>', glycogen)
    electrolytes = page_path(built_site, "electrolyte-depletion").read_text("utf-8")
    assert re.search(r'<abbr title="[^"]*sodium[^"]*">electrolytes</abbr>', electrolytes)
    glossary = page_path(built_site, "glossary").read_text("utf-8")
    for term in ("ACWR", "Electrolytes", "Glycogen", "RPE"):
        assert "<dt>" in glossary and re.search(rf"<dt>(<abbr[^>]*>)?{term}", glossary), term
    assert "content.tooltips" in (REPO_ROOT / "mkdocs.yml").read_text("utf-8")


def test_references_and_about_pages_credit_sources_and_author(built_site: Path) -> None:
    references = parse(page_path(built_site, "references")).text
    for source in ("American College of Sports Medicine", "American Council on Exercise", "Rice University",
                   "Mifflin", "Sawka", "Thomas DT", "Lara B", "Foster C", "Gabbett", "Meeusen", "Jensen"):  # fmt: skip
        assert source in references, source
    about = parse(page_path(built_site, "about")).text
    assert "Kathryn Vera, MS, RD" in about and "LIVESTRONG.COM" in about and "Demand Media" in about


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
