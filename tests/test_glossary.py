"""Plain words (issue 10, item 6): every term the built pages use without explaining it has a glossary entry.

The candidates are what a reader may not know: abbreviations (words of two or more capitals, "CR-10" included)
and **bold** terms, in the text of every built page (widgets included; code, URLs and the citations written from
the registry left out, as they name sources rather than use terms). A bold list label ("During exercise:") is
not a term, nor is a bold link. What is not in the glossary must be in the short allow-list below: names and
places that are expanded where they stand.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

import calculators
from calculators.sources import SOURCES
from tests.test_site_build import content_pages

#: Not terms: places, the publisher's name and the author's credentials (spelled out in her author box), and the
#: names the article's own About and References pages give in full.
ALLOWED = {
    "US",
    "UK",
    "EU",
    "LIVESTRONG.COM",
    "MS",
    "RD",
    "Kathryn Vera",
    "Kathryn Vera, MS, RD",
    "Demand Media",
    "Rice University",
    "The calorie tracker",  # a list item's label on the About page
}
REQUIRED = [
    "saddle area",
    "strain",
    "AU",
    "overreaching",
    "monotony",
    "ACWR",
    "RPE",
    "hyponatremia",
    "rhabdomyolysis",
    "glycogen",
    "electrolytes",
    "cauda equina syndrome",
    "Guillain–Barré syndrome",
    "BMR",
]
ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?:\.[A-Z]+)*(?:-\d+)?\b")


def glossary_terms(glossary_html: str) -> set[str]:
    root = lxml.html.fromstring(glossary_html)
    return {" ".join(dt.text_content().split()).casefold() for dt in root.xpath("//article//dt")}


BLOCKS = {
    "p",
    "span",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "div",
    "caption",
    "summary",
    "label",
    "legend",
    "output",
    "br",
}


def candidates(page_html: str, names: frozenset[str] = frozenset()) -> set[str]:
    """Abbreviations and bold terms in a page's content, as the reader sees them. `names` (page and calculator
    titles) are names, not terms, when they are set in bold."""
    root = lxml.html.fromstring(page_html)
    found: set[str] = set()
    for article in root.xpath("//article"):
        for bold in article.xpath(
            ".//strong[not(ancestor::a) and not(.//a)]|.//b[not(ancestor::a) and not(.//a)]"
        ):
            term = " ".join(bold.text_content().split())
            if term and not term.endswith((":", ".")) and term not in names:
                found.add(term)
        for unseen in article.xpath(".//code|.//pre|.//script|.//style|.//svg"):
            unseen.drop_tree()
        for link in article.xpath(".//a[starts-with(normalize-space(.), 'http')]"):
            link.drop_tree()
        text = " ".join(reader_text(article).split())
        for source in SOURCES.values():
            text = text.replace(source.citation, " ")
        found |= set(ABBREVIATION.findall(text))
    return found


def reader_text(element: lxml.html.HtmlElement) -> str:
    """The element's text with blocks, cells and spans kept apart and inline markup (`<abbr>`) in its word."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(reader_text(child))
        parts.append(child.tail or "")
    text = "".join(parts)
    return f" {text} " if element.tag in BLOCKS else text


def titles(site: Path) -> frozenset[str]:
    """Every page's title and every calculator's."""
    pages = {
        " ".join(h1.text_content().replace("¶", "").split())
        for path in site.rglob("index.html")
        for h1 in lxml.html.fromstring(path.read_text("utf-8")).xpath("//article//h1")
    }
    return frozenset(pages | {calculators.schema(name)["title"] for name in calculators.names()})


def covered(term: str, glossary: set[str]) -> bool:
    if term in ALLOWED:
        return True
    folded = term.casefold()
    if {folded, folded.removesuffix("s"), f"{folded}s"} & glossary:
        return True
    name_and_abbreviation = re.fullmatch(
        r".+ \(([A-Z][A-Z0-9]+)\)", term
    )  # "American Council on Exercise (ACE)"
    return bool(name_and_abbreviation and covered(name_and_abbreviation.group(1), glossary))


@pytest.fixture(scope="module")
def glossary(built_site: Path) -> set[str]:
    return glossary_terms((built_site / "glossary" / "index.html").read_text("utf-8"))


def test_the_issues_terms_are_in_the_glossary(glossary: set[str]) -> None:
    assert not [term for term in REQUIRED if term.casefold() not in glossary]


def test_every_abbreviation_and_bold_term_of_every_page_has_a_glossary_entry(
    built_site: Path, glossary: set[str]
) -> None:
    pages = content_pages(sorted(built_site.rglob("*.html")))
    assert len(pages) >= 9
    names = titles(built_site)
    missing = {
        term: path.parent.relative_to(built_site).as_posix()
        for path in pages
        for term in candidates(path.read_text("utf-8"), names)
        if not covered(term, glossary)
    }
    assert not missing, f"terms without a glossary entry (term: a page using it): {missing}"


def test_the_check_finds_an_unexplained_abbreviation_and_bold_term() -> None:
    page = (
        "<article><p>Use the <strong>lactate threshold</strong> and the CR-10 scale, see WHO; "
        "<strong>During exercise:</strong> <code>sweat_rate_l_per_h</code> "
        '<a href="https://doi.org/X">https://doi.org/10.1249/MSS.1</a> '
        f"{SOURCES['sawka2007'].citation}</p></article>"
    )
    found = candidates(page, frozenset({"Water Loss"}))
    assert found == {"lactate threshold", "CR-10", "WHO"}
    assert candidates("<article><p><strong>Water Loss</strong> and <b>Water Loss</b></p></article>") == {
        "Water Loss"
    }
    assert [t for t in sorted(found) if not covered(t, {"cr-10"})] == ["WHO", "lactate threshold"]


def test_every_hover_abbreviation_has_its_glossary_entry(glossary: set[str]) -> None:
    abbreviations = Path(__file__).resolve().parents[1] / "docs" / "includes" / "abbreviations.md"
    terms = re.findall(r"^\*\[([^\]]+)\]:", abbreviations.read_text("utf-8"), re.M)
    assert {"saddle area", "hyponatremia", "rhabdomyolysis", "overreaching", "strain"} <= set(terms)
    assert not [t for t in terms if not covered(t, glossary)]
