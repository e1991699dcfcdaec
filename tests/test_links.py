"""Every internal link and anchor of the built site resolves: a reader never lands on a 404 or a dead fragment.

Reads the HTML of a real `mkdocs build --strict` (the `built_site` fixture) with the standard library's parser:
every `href`/`src` that stays on the site must name a file that exists, and every `#fragment` an element id
(or `<a name>`) in the page it points to. The sitemap, which Material's instant navigation reads, is checked too.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.articles import calculator_urls
from tests.paths import REPO_ROOT

DOCS = REPO_ROOT / "docs"

LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
}
SITE_URL = urlsplit("http://127.0.0.1:8000/")  # mkdocs.yml's default; the fixture below sets the test build's


@pytest.fixture(autouse=True)
def _site_url_of_the_test_build(site_port: int) -> None:
    """The test build is made for its own port (LEGWORK_SITE_URL), so its absolute links point there."""
    global SITE_URL
    SITE_URL = urlsplit(f"http://127.0.0.1:{site_port}/")


@dataclass
class PageLinks(HTMLParser):
    """The ids a page defines and the links it makes, as (tag, url) pairs."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        url = values.get(LINK_ATTRIBUTES.get(tag, ""))
        if url is not None:
            self.links.append((tag, url))


def parse(path: Path) -> PageLinks:
    parser = PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def page_url(site: Path, path: Path) -> str:
    """The URL a page is served at, on a site rooted at `SITE_URL`."""
    return urljoin(SITE_URL.geturl(), path.relative_to(site).as_posix())


def target_file(site: Path, url: str) -> Path | None:
    """The file an absolute site URL serves, or None for a URL that leaves the site."""
    parts = urlsplit(url)
    if (parts.scheme, parts.netloc) != (SITE_URL.scheme, SITE_URL.netloc):
        return None
    relative = posixpath.relpath(unquote(parts.path), SITE_URL.path or "/")
    if relative.startswith(".."):
        return None
    path = site / relative if relative != "." else site
    return path / "index.html" if parts.path.endswith("/") or path.is_dir() else path


def broken_links(site: Path) -> Iterator[str]:
    pages = {path: parse(path) for path in sorted(site.rglob("*.html"))}
    for path, page in pages.items():
        base = page_url(site, path)
        for tag, raw in page.links:
            if raw.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            url = urljoin(base, raw)
            target = target_file(site, url)
            if target is None:
                continue
            where = f"{path.relative_to(site)}: <{tag}> {raw!r}"
            if not target.is_file():
                yield f"{where} → missing {target.relative_to(site)}"
                continue
            fragment = unquote(urlsplit(url).fragment)
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if fragment not in ids:
                    yield f"{where} → no element #{fragment} in {target.relative_to(site)}"


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken = list(broken_links(built_site))
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_the_check_sees_links_and_anchors(built_site: Path) -> None:
    """Guards the guard: the site has internal links and fragments to check, and a dead one is caught."""
    page = parse(built_site / "index.html")
    internal = [raw for _, raw in page.links if target_file(built_site, urljoin(SITE_URL.geturl(), raw))]
    assert len(internal) > 20
    assert any("#" in raw for _, raw in page.links)
    assert target_file(built_site, "https://example.org/") is None
    some_page = next(iter(calculator_urls(DOCS).values()))
    assert (
        target_file(built_site, urljoin(SITE_URL.geturl(), some_page))
        == built_site / some_page / "index.html"
    )


def test_a_dead_link_and_a_dead_anchor_are_reported(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<h1 id="top">x</h1><a href="a/">a</a><a href="#top">t</a>', encoding="utf-8"
    )
    (site / "a" / "index.html").write_text(
        '<a href="../missing/">m</a><a href="../#nowhere">n</a>', encoding="utf-8"
    )
    assert sorted(broken_links(site)) == [
        "a/index.html: <a> '../#nowhere' → no element #nowhere in index.html",
        "a/index.html: <a> '../missing/' → missing missing/index.html",
    ]


def test_every_sitemap_entry_is_a_page(built_site: Path) -> None:
    """Material's instant navigation only handles the URLs the sitemap lists, so they must all exist."""
    locations = re.findall(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(locations) >= 5
    missing = [
        url for url in locations if not (target := target_file(built_site, url)) or not target.is_file()
    ]
    assert not missing
