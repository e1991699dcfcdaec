"""Red flags in three tiers (issue 10, item 2; the formula sheet's "Red flags" section): one declaration
(docs/includes/red-flags.yml and the topic files), every sign linked to its cited source, a short box with the
emergency numbers near the top of every article page, the full tiers at the end of every page, and the
References page citing every source with its URL and access date.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
import yaml

from calculators.sources import SOURCES
from macros import red_flags
from macros.articles import articles, with_article_boxes
from tests.paths import REPO_ROOT
from tests.test_site_build import content_pages

DOCS = REPO_ROOT / "docs"
TIER_TITLES = (
    "Call an emergency number now (911 in the US, 999 in the UK, 112 in the EU)",
    "Get urgent care today",
    "See a doctor soon",
)
#: The formula sheet's signs, by tier, as words each tier must carry (shared set plus the leg-weakness topic).
SIGNS = {
    0: (
        "Chest pain",
        "fainting",
        "palpitations",
        "stroke",
        "FAST",
        "hyponatremia",
        "40 °C (104 °F)",
        "heatstroke",
    ),
    1: ("tea- or cola-coloured urine", "rhabdomyolysis", "saddle area", "cauda equina", "Guillain–Barré"),
    2: ("more than a few days", "keeps coming back", "viral illness", "Heat exhaustion", "30 minutes"),
}
#: Each sign's source, as the formula sheet and the issue name them: a phrase of the sign -> source ids.
SIGN_SOURCES = {
    "Chest pain": {"nhs_palpitations", "aha_heart_attack"},
    "Signs of a stroke": {"nhs_stroke"},
    "drank a lot": {"mayo_hyponatremia", "hewbutler2015"},
    "104 °F": {"nhs_heat"},
    "cola-coloured": {"cdc_rhabdo"},
    "saddle area": {"nhs_cauda_equina"},
    "spreads upward": {"nhs_guillain_barre"},
    "30 minutes": {"nhs_heat"},
    "viral illness": {"mayo_muscle_weakness"},
}


@pytest.fixture(scope="module")
def pages(built_site: Path) -> list[Path]:
    return content_pages(sorted(built_site.rglob("*.html")))


def article_html(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_text("utf-8")).xpath("//article")[0]


def section(article: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The elements after the "When to see a doctor" heading, up to the footnotes."""
    (heading,) = article.xpath(f'.//h2[@id="{red_flags.ANCHOR}"]')
    found = []
    for element in heading.itersiblings():
        if element.tag == "h2" or "footnote" in (element.get("class") or ""):
            break
        found.append(element)
    return found


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_every_page_ends_with_the_three_tiers_each_sign_linked_to_its_source(
    built_site: Path, pages: list[Path]
) -> None:
    assert len(pages) >= 9
    for path in pages:
        boxes = [e for e in section(article_html(path)) if "admonition" in (e.get("class") or "")]
        titles = [text(box.xpath('./p[@class="admonition-title"]')[0]) for box in boxes]
        assert titles == list(TIER_TITLES), path
        assert [box.get("class").split()[1] for box in boxes] == ["danger", "warning", "info"]
        for box in boxes:
            for item in box.xpath(".//li"):
                links = [a.get("href") for a in item.xpath(".//a")]
                assert links and all(href.startswith("https://") for href in links), (path, text(item))
        references = [a.get("href") for e in section(article_html(path)) for a in e.xpath(".//a")]
        assert any(href.endswith("#red-flags") for href in references), "Full citations: a link"


def test_the_article_pages_carry_every_sign_of_the_formula_sheet_with_its_source(built_site: Path) -> None:
    path = built_site / "leg-weakness-after-exercise" / "index.html"
    boxes = [e for e in section(article_html(path)) if "admonition" in (e.get("class") or "")]
    for tier, words in SIGNS.items():
        for word in words:
            assert word in text(boxes[tier]), (TIER_TITLES[tier], word)
    urls = {source.url: source.id for source in SOURCES.values() if source.url}
    for box in boxes:
        for item in box.xpath(".//li"):
            cited = {urls[a.get("href")] for a in item.xpath(".//a")}
            expected = [ids for phrase, ids in SIGN_SOURCES.items() if phrase in text(item)]
            assert expected and cited == expected[0], text(item)


def test_no_over_triage_nausea_or_headache_alone_is_never_a_reason(pages: list[Path]) -> None:
    for path in pages:
        for element in section(article_html(path)):
            for item in element.xpath(".//li"):
                words = text(item).lower()
                assert "nausea" not in words, (path, words)
                if "headache" in words:
                    assert "stroke" in words and "sudden severe headache" in words, words


def test_every_article_page_has_the_short_box_near_the_top_with_the_emergency_numbers(
    built_site: Path,
) -> None:
    checked = 0
    for article in articles(DOCS):
        for path in (built_site / article.folder).rglob("index.html"):
            body = article_html(path)
            first = body.xpath('.//div[contains(@class, "admonition")]')[0]
            if "Key points" in text(first):
                first = body.xpath('.//div[contains(@class, "admonition")]')[1]
            assert text(first.xpath('./p[@class="admonition-title"]')[0]) == red_flags.HEADING, path
            words = text(first)
            assert all(number in words for number in ("911", "999", "112")), words
            assert first.xpath(f'.//a[@href="#{red_flags.ANCHOR}"]'), path
            h2s = body.xpath(".//h2")
            assert h2s and first.getparent().index(first) < first.getparent().index(h2s[0]), "near the top"
            checked += 1
    assert checked >= 8


def test_references_cite_every_warning_sign_source_with_url_and_access_date(built_site: Path) -> None:
    body = article_html(built_site / "references" / "index.html")
    (heading,) = body.xpath('.//h2[@id="red-flags"]')
    listed = " ".join(text(e) for e in heading.itersiblings() if e.tag == "ul")
    cited = red_flags.cited_sources(DOCS)
    assert {s.id for s in cited} >= {ids for v in SIGN_SOURCES.values() for ids in v}
    for source in cited:
        assert source.title in listed and source.url in listed, source.id
        assert source.accessed is None or f"Accessed {source.accessed}." in listed, source.id


def test_every_cited_source_has_a_title_a_url_and_web_pages_an_access_date(built_site: Path) -> None:
    raw = (built_site / "references" / "index.html").read_text("utf-8")
    for source in SOURCES.values():
        if source.id == "activity_multipliers":  # a textbook convention: there is no document to link
            continue
        assert source.url, f"{source.id}: every source gives a URL (journal articles their DOI)"
        if not source.url.startswith("https://doi.org/"):
            assert source.accessed, f"{source.id}: a web page gives its access date"
    assert re.search(r"Accessed \d{4}-\d\d-\d\d\.", raw)


def test_each_articles_topic_signs_are_on_its_pages_and_no_other(built_site: Path, pages: list[Path]) -> None:
    for article in articles(DOCS):
        meta = (
            yaml.safe_load((DOCS / article.folder / ".meta.yml").read_text("utf-8"))
            if (DOCS / article.folder / ".meta.yml").exists()
            else {}
        )
        for topic in meta.get("red_flags") or []:
            data = yaml.safe_load((DOCS / "includes" / "red-flags" / f"{topic}.yml").read_text("utf-8"))
            first = " ".join(next(iter(data["signs"].values()))[0]["sign"].split())
            for path in (built_site / article.folder).rglob("index.html"):
                assert first in " ".join(text(e) for e in section(article_html(path))), (topic, path)
            other = [p for p in pages if article.folder not in p.relative_to(built_site).parts]
            assert other and not [p for p in other if first in text(article_html(p))], topic


# --- the declaration ----------------------------------------------------------------------------------------


def test_a_topic_adds_its_signs_to_a_tier_on_its_articles_pages_only(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "includes" / "red-flags").mkdir(parents=True)
    (docs / "includes" / "red-flags.yml").write_text((DOCS / "includes" / "red-flags.yml").read_text("utf-8"))
    (docs / "includes" / "red-flags" / "water.yml").write_text(
        "signs:\n  emergency:\n    - sign: Swelling of hands with vomiting\n      short: swollen hands and vomiting\n"
        "      sources: [hewbutler2015]\n"
    )
    (docs / "second").mkdir()
    (docs / "second" / "index.md").write_text("# Second\n")
    page = with_article_boxes("# Second\n\nText.\n", {"red_flags": ["water"]}, "second/index.md", docs)
    assert "Swelling of hands with vomiting" in page.split("## When to see a doctor")[1]
    assert "swollen hands and vomiting" in page.split("## When to see a doctor")[0], "the short box lists it"
    other = with_article_boxes("# Other\n\nText.\n", {}, "second/index.md", docs)
    assert "Swelling" not in other and "## When to see a doctor" in other


@pytest.mark.parametrize(
    ("declaration", "message"),
    [
        ("signs:\n  later:\n    - sign: x\n      sources: [nhs_heat]\n", "signs are listed by tier"),
        ("signs:\n  urgent:\n    - sign: x\n      sources: [nobody1999]\n", "no such source 'nobody1999'"),
        ("signs:\n  urgent:\n    - sign: x\n      sources: [foster1998]\n      url: y\n", "may have only"),
        ("signs:\n  urgent:\n    - sign: x\n", "names no sources"),
        ("signs:\n  emergency:\n    - sign: x\n      sources: [nhs_heat]\n", "needs `short`"),
        ("signs:\n  urgent:\n    - sign: x\n      sources: [activity_multipliers]\n", "has no URL"),
    ],
)
def test_a_wrong_declaration_fails_naming_its_file(tmp_path: Path, declaration: str, message: str) -> None:
    docs = tmp_path / "docs"
    (docs / "includes" / "red-flags").mkdir(parents=True)
    (docs / "includes" / "red-flags.yml").write_text((DOCS / "includes" / "red-flags.yml").read_text("utf-8"))
    (docs / "includes" / "red-flags" / "bad.yml").write_text(declaration)
    with pytest.raises(ValueError, match=rf"bad\.yml: .*{re.escape(message)}"):
        with_article_boxes("# Page\n", {"red_flags": ["bad"]}, "page.md", docs)


def test_the_short_box_gives_the_numbers_even_without_emergency_signs(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "includes").mkdir(parents=True)
    shared = yaml.safe_load((DOCS / "includes" / "red-flags.yml").read_text("utf-8"))
    shared["signs"].pop("emergency")
    (docs / "includes" / "red-flags.yml").write_text(yaml.safe_dump(shared, allow_unicode=True))
    short = red_flags.short_markdown(docs, [])
    assert "911" in short and "112" in short and f"(#{red_flags.ANCHOR})" in short


def test_an_unknown_topic_fails_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"no topic 'nope' .*known: leg-weakness"):
        with_article_boxes("# Page\n", {"red_flags": ["nope"]}, "page.md", DOCS)


def test_a_site_without_red_flags_adds_nothing(tmp_path: Path) -> None:
    assert with_article_boxes("# Page\n\nText.\n", {}, "page.md", tmp_path) == "# Page\n\nText.\n"


def test_the_declaration_types_no_citation() -> None:
    for path in [DOCS / "includes" / "red-flags.yml", *(DOCS / "includes" / "red-flags").glob("*.yml")]:
        data = yaml.safe_load(path.read_text("utf-8"))
        assert "http" not in path.read_text("utf-8"), path
        for signs in (data.get("signs") or {}).values():
            assert all(set(sign["sources"]) <= set(SOURCES) for sign in signs), path
