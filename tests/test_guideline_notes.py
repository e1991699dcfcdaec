"""The article beside the guideline at the paragraph (issue 10, item 3): a "What current guidelines say" note
right after each paragraph whose advice differs from a current guideline, citing it from the registry and
linking to the calculator on the page that shows both; declared in the article's .guideline-notes.yml, inserted at
build time, and a phrase matching no paragraph or several stops the build naming the page.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
import yaml

from calculators import electrolytes, fueling, hydration
from calculators.units import UNITS
from macros import guideline_notes
from tests.paths import REPO_ROOT

DOCS = REPO_ROOT / "docs"
ARTICLE = "leg-weakness-after-exercise"
#: The notes the issue asks for at least: page, a phrase of the paragraph, the sources the note must cite.
REQUIRED = [
    ("water-loss", "replace each pound of weight lost during activity with another 8 ounces", {"thomas2016"}),
    ("water-loss", "half of your body weight in fluid ounces", {"iom2004", "valtin2002"}),
    ("water-loss", "cramps", {"schwellnus2009"}),
    ("over-training-syndrome", "a few days or several weeks", {"meeusen2013"}),
    ("low-glycogen-stores", "a small snack", {"thomas2016"}),
]
CALCULATOR_OF = {
    "water-loss": "hydration",
    "over-training-syndrome": "training_load",
    "low-glycogen-stores": "fueling",
    "electrolyte-depletion": "electrolytes",
}


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def notes_after(
    built_site: Path, page: str, phrase: str
) -> tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]:
    """The article paragraph holding `phrase` and the guideline note right after it."""
    root = lxml.html.fromstring((built_site / ARTICLE / page / "index.html").read_text("utf-8"))
    outside_boxes = [
        p for p in root.xpath("//article//p") if not p.xpath('ancestor::div[contains(@class, "admonition")]')
    ]
    paragraph = next(p for p in outside_boxes if phrase in text(p))  # the article text comes first
    note = paragraph.getnext()
    assert note is not None and note.tag == "div" and "guideline" in note.get("class").split(), (page, phrase)
    return root, note


@pytest.mark.parametrize(("page", "phrase", "sources"), REQUIRED)
def test_a_marked_note_follows_the_paragraph_cites_its_guideline_and_links_the_calculator(
    built_site: Path, page: str, phrase: str, sources: set[str]
) -> None:
    root, note = notes_after(built_site, page, phrase)
    assert text(note.xpath('./p[@class="admonition-title"]')[0]) == guideline_notes.TITLE
    claim = [p for p in note.xpath("./p") if phrase in text(p)]
    assert claim, "the note quotes the claim it answers"
    cited = {a.get("href").removeprefix("#fn:") for a in claim[0].xpath('.//a[starts-with(@href, "#fn:")]')}
    assert sources <= cited, (page, cited)
    for source_id in cited:
        assert root.xpath(f'//*[@id="fn:{source_id}"]'), "its footnote is written from the registry"
    if phrase != "cramps":  # no calculator on that page compares cramps
        widget = f"lw-{CALCULATOR_OF[page]}"
        assert note.xpath(f'.//a[@href="#{widget}"]'), "links to the calculator that shows both"
        assert root.xpath(f'//*[@id="{widget}"]/@data-calculator') == [CALCULATOR_OF[page]]


def test_each_page_gets_each_note_once(built_site: Path) -> None:
    declared = yaml.safe_load((DOCS / ARTICLE / guideline_notes.NOTES_FILE).read_text("utf-8"))
    for page, notes in declared.items():
        root = lxml.html.fromstring(
            (built_site / ARTICLE / page.removesuffix(".md") / "index.html").read_text()
        )
        claims = root.xpath(
            '//div[contains(@class, "guideline")]/p[starts-with(normalize-space(.), "The article:")]'
        )
        assert len(claims) == len(notes), page


def test_the_notes_numbers_follow_the_calculators_constants_and_units(built_site: Path) -> None:
    _, replace = notes_after(built_site, "water-loss", "with another 8 ounces")
    words = text(replace)
    ml_per_fl_oz = UNITS["fl_oz"].factor  # mL, the volume's base unit
    ml_per_lb = UNITS["lb"].factor * hydration.L_PER_KG_SWEAT * UNITS["l"].factor  # a kg of sweat is a litre
    low, high = (l_per_kg * ml_per_lb / ml_per_fl_oz for l_per_kg in hydration.THOMAS_2016_REPLACE_L_PER_KG)
    assert f"about {round(low)}–{round(high)} fl oz per pound" in words  # 19–23, the formula sheet's
    share = hydration.ARTICLE_REPLACE_FL_OZ_PER_LB * ml_per_fl_oz / ml_per_lb
    assert f"about {round(100 * share)} % of it" in words  # 52 %
    assert f"about {round(ml_per_lb / ml_per_fl_oz)} fl oz of sweat" in words
    percent = "–".join(str(round(100 * v)) for v in hydration.THOMAS_2016_REPLACE_L_PER_KG)
    assert f"({percent} % of the loss)" in words
    _, daily = notes_after(built_site, "water-loss", "half of your body weight")
    for sex in ("male", "female"):
        assert f"{hydration.IOM_2004_TOTAL_WATER_L[sex]:g} L" in text(daily)
    _, snack = notes_after(built_site, "low-glycogen-stores", "a small snack")
    grams = "–".join(f"{70 * g:g}" for g in fueling.PRE_EXERCISE_G_PER_KG)
    assert f"70 kg (154 lb) adult that is {grams} g" in text(snack)
    _, drinks = notes_after(built_site, "electrolyte-depletion", "electrolyte replacement drinks")
    assert "{:g}–{:g} mmol/L".format(*electrolytes.ACSM_DRINK_SODIUM_MMOL_PER_L) in text(drinks)


def test_placeholders_are_filled_from_the_constants() -> None:
    assert (
        guideline_notes.fill_numbers("{hydration.THOMAS_2016_REPLACE_L_PER_KG} L/kg", "x") == "1.25–1.5 L/kg"
    )
    assert guideline_notes.fill_numbers("{hydration.IOM_2004_TOTAL_WATER_L[female]}", "x") == "2.7"
    assert guideline_notes.fill_numbers("{fueling.DURING_BANDS[2][2]}", "x") == "30–60"
    with pytest.raises(ValueError, match=r"notes: no number \{hydration.NOPE\}"):
        guideline_notes.fill_numbers("{hydration.NOPE}", "notes")


# --- a declaration that does not fit the page stops the build ---------------------------------------------


def article(tmp_path: Path, declaration: str) -> Path:
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "a" / "page.md").write_text(
        "# Page\n\nDrink 8 ounces per pound.\n\nRest for a few days.\n\nThen drink 8 ounces again.\n\n"
        '{{ calculator("hydration") }}\n'
    )
    (docs / "a" / guideline_notes.NOTES_FILE).write_text(declaration)
    return docs


def render(docs: Path) -> str:
    return guideline_notes.with_notes((docs / "a" / "page.md").read_text(), "a/page.md", docs)


def test_the_note_goes_right_after_its_paragraph(tmp_path: Path) -> None:
    docs = article(
        tmp_path,
        "page.md:\n  - after: a few days\n    says: Weeks to months.\n    cite: [meeusen2013]\n"
        "    calculator: hydration\n",
    )
    blocks = render(docs).split("\n\n")
    at = blocks.index("Rest for a few days.")
    assert blocks[at + 1].startswith('!!! guideline "What current guidelines say"')
    assert "{{ cite('meeusen2013') }}" in blocks[at + 2] and "(#lw-hydration)" in blocks[at + 3]


@pytest.mark.parametrize(
    ("declaration", "message"),
    [
        (
            "page.md:\n  - after: ten pints\n    says: x\n    cite: [sawka2007]\n",
            "matches no paragraph of page.md",
        ),
        (
            "page.md:\n  - after: 8 ounces\n    says: x\n    cite: [sawka2007]\n",
            "matches 2 paragraphs of page.md",
        ),
        (
            "page.md:\n  - after: a few days\n    says: x\n    cite: [nobody1999]\n",
            "no such source 'nobody1999'",
        ),
        ("page.md:\n  - after: a few days\n    says: x\n", "cites no guideline"),
        ("other.md:\n  - after: a few days\n    says: x\n    cite: [sawka2007]\n", "no page 'other.md'"),
        (
            "page.md:\n  - after: a few days\n    says: x\n    cite: [sawka2007]\n    calculator: fueling\n",
            "page.md has no 'fueling' calculator",
        ),
    ],
)
def test_a_declaration_that_does_not_fit_fails_naming_the_page(
    tmp_path: Path, declaration: str, message: str
) -> None:
    with pytest.raises(ValueError, match=rf"a/\.guideline-notes\.yml: .*{message}"):
        render(article(tmp_path, declaration))


def test_the_article_pages_themselves_are_left_as_the_importer_wrote_them() -> None:
    for page in (DOCS / ARTICLE).glob("*.md"):
        assert "!!! guideline" not in page.read_text("utf-8"), page
