"""The importer, run as editors run it (`python -m importer ...` in a subprocess), on real and made-up articles.

The made-up articles have shapes the shipped one does not: other headings and chrome in plain text, and an HTML
page with navigation, ads, a related-links box and comments around the article. Every check reads the files the
importer wrote, so each assertion fails if the importer misbehaves.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import jinja2
import markdown
import pytest
import yaml

from importer.render import escape
from importer.structure import heading_shaped, title_case
from tests.conftest import ARTICLE_TXT, REPO_ROOT

SECTION_PAGES = {
    "low-glycogen-stores.md": "fueling",
    "water-loss.md": "hydration",
    "over-training-syndrome.md": "training_load",
    "electrolyte-depletion.md": "electrolytes",
}
SHIPPED_PAGES = {"index.md", "calories.md", *SECTION_PAGES}
# Lines of the shipped article that are page chrome, not article text.
SHIPPED_CHROME = (
    "Gold Member Badge",
    "You're all caught up!",
    "Video of the Day",
    "author image",
    "Demand Media",
    "LiveStrong Calorie Tracker",
    "Change your life with MyPlate",
    "Gain 2 pounds per week",
    "Maintain my current weight",
    "Lose 1.5 pounds per week",
    "ft. in.",
)


def run_importer(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "importer", *map(str, args)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def body_sentences(raw: str) -> list[str]:
    """Sentences of every prose line (8+ words, ending like a sentence) of a raw article, whatever its shape."""
    sentences = []
    for line in raw.splitlines():
        line = " ".join(line.split())
        if len(line.split()) >= 8 and re.search(r"[.!?]['\"”’)]*$", line):
            sentences += re.split(r"(?<=[.!?])\s+(?=[A-Z])", line)
    return sentences


def plain(text: str) -> str:
    """Compare words, not typography: dashes, quotes and whitespace are normalised."""
    text = text.replace("—", "--").replace("–", "--").replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def markdown_text(md: str) -> str:
    """The reader-visible text of generated Markdown: front matter, comments and escapes removed."""
    md = re.sub(r"\A---\n.*?\n---\n", "", md, flags=re.S)
    md = re.sub(r"<!--.*?-->", "", md, flags=re.S)
    md = re.sub(r"\\(.)", r"\1", md)
    return html.unescape(md)


def front_matter(page: Path) -> dict:
    match = re.match(r"\A---\n(.*?)\n---\n", page.read_text("utf-8"), re.S)
    assert match, f"{page.name} has no front matter"
    return yaml.safe_load(match.group(1))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---- the shipped article ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("shipped") / "docs"
    result = run_importer(ARTICLE_TXT, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


def test_shipped_article_gives_overview_sections_and_widget_page(shipped: Path) -> None:
    assert {p.name for p in shipped.glob("*.md")} == SHIPPED_PAGES
    manifest = json.loads((shipped / ".importer.json").read_text("utf-8"))
    assert set(manifest["pages"]) == SHIPPED_PAGES
    for name in SHIPPED_PAGES:
        meta = front_matter(shipped / name)
        assert set(meta) == {"title", "description", "author", "source", "tags"}, name
        assert meta["author"] == "Kathryn Vera"
        assert meta["source"] == ARTICLE_TXT.name
        assert meta["description"] and meta["tags"]
    titles = {name: front_matter(shipped / name)["title"] for name in SECTION_PAGES}
    assert titles == {
        "low-glycogen-stores.md": "Low Glycogen Stores",
        "water-loss.md": "Water Loss",
        "over-training-syndrome.md": "Over-Training Syndrome",
        "electrolyte-depletion.md": "Electrolyte Depletion",
    }


def test_overview_has_title_author_box_lead_photo_credit_and_cards(shipped: Path) -> None:
    index = (shipped / "index.md").read_text("utf-8")
    assert index.count("\n# ") == 1 and "\n# Leg Weakness After Exercise\n" in index
    assert '<div class="lw-author" markdown>' in index
    assert "**Kathryn Vera**" in index and "Registered Dietitian" in index
    assert "Regular physical activity is crucial" in index
    assert re.search(r"A woman is stretching her legs\. Credit: kwanchaichaiudom/iStock/Getty Images", index)
    cards = index[index.index('<div class="grid cards" markdown>') :]
    for name in [*SECTION_PAGES, "calories.md"]:
        assert f"]({name})__" in cards, name
    assert not re.search(r"!\[|<img|https?://", index), "no image or remote resource on the overview"


def test_each_cause_page_ends_with_its_calculator_and_the_widget_has_its_page(shipped: Path) -> None:
    for name, calculator in SECTION_PAGES.items():
        page = (shipped / name).read_text("utf-8")
        call = f'{{{{ calculator("{calculator}") }}}}'
        assert page.count(call) == 1, name
        assert re.search(rf"^{re.escape(call)}$", page, re.M), "the macro call stands alone on its line"
        last_paragraph = max(page.rfind(s) for s in body_sentences(ARTICLE_TXT.read_text("utf-8")))
        assert page.index(call) > last_paragraph, "the calculator comes after the article text"
    calories = (shipped / "calories.md").read_text("utf-8")
    assert '{{ calculator("energy") }}' in calories
    assert "calculator(" not in (shipped / "index.md").read_text("utf-8")


def test_nothing_lost_every_sentence_survives_word_for_word(shipped: Path) -> None:
    text = plain(" ".join(markdown_text(p.read_text("utf-8")) for p in shipped.glob("*.md")))
    sentences = body_sentences(ARTICLE_TXT.read_text("utf-8"))
    assert len(sentences) >= 20  # 2 in the bio, 21 in the body
    missing = [s for s in sentences if plain(s) not in text]
    assert not missing


def test_shipped_chrome_is_gone(shipped: Path) -> None:
    for page in shipped.glob("*.md"):
        text = markdown_text(page.read_text("utf-8"))
        found = [chrome for chrome in SHIPPED_CHROME if chrome.lower() in text.lower()]
        assert not found, f"{page.name}: {found}"
        repeated_title = re.findall(r"^Leg Weakness After Exercise$", text, re.M)
        assert not repeated_title, f"{page.name} repeats the title as a paragraph"


def test_committed_docs_are_the_importers_current_output(shipped: Path) -> None:
    docs = REPO_ROOT / "docs"
    for name, data in snapshot(shipped).items():
        assert (docs / name).read_bytes() == data, (
            f"docs/{name} differs from a fresh import; re-run the importer"
        )


# ---- other article shapes ---------------------------------------------------------------------------------------

OTHER_TEXT = """\
Home > Health > Running
Advertisement

Sign up for our newsletter

Why Your Knees Ache on the Stairs

By Sam Lee, PhD
Share on Facebook

Knee pain on the stairs is one of the most common complaints of new runners. It usually has a simple,
mechanical explanation and improves with a few weeks of sensible training.

The Kneecap Under Load

Climbing stairs presses the kneecap against the thigh bone with several times your body weight. If the
muscles around the hip are weak, the kneecap may track poorly and the joint complains.

## What Helps?

Most people improve when they strengthen the hips and thighs. These habits are worth trying first:

- Add two short strength sessions a week.
- Increase running distance by small steps.

When to Rest

Stop running for a few days if the pain makes you limp. See a professional if it lasts longer than two weeks.

Related Articles
• Ten Best Knee Braces
• How to Buy Running Shoes

Comments (3)

Great article, this helped me so much with my marathon training this spring!

Copyright 2024 Example Health Media
"""

OTHER_HTML = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Why Calves Cramp | RunWell Magazine</title>
<meta name="author" content="Jane Doe">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<script src="https://ads.example.com/ads.js"></script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/training">Training</a></li>
<li><a href="/gear">Gear Reviews</a></li></ul></nav></header>
<div class="ad-slot">Advertisement: Buy the Carbon Racer 3 today and save twenty percent on every pair!</div>
<main><article>
<h1>Why Calves Cramp</h1>
<p>Calf cramps strike many runners late in a long race. Researchers still argue about their cause, but a few
patterns are well described.</p>
<h2>Fatigue of the Muscle</h2>
<p>When a muscle tires, the balance between signals that excite it and signals that calm it shifts. The muscle
may then contract on its own and refuse to relax for several seconds.</p>
<h2>Too Little Salt?</h2>
<p>Some athletes lose a great deal of sodium in sweat. Whether that loss causes cramps is still debated.</p>
<ul><li>Stretch the calf gently until the cramp eases.</li><li>Walk slowly for a minute afterwards.</li></ul>
<form class="calorie-tracker"><label>Goal</label><select>
<option>Gain 1 pound per week</option><option>Maintain my current weight</option>
<option>Lose 1 pound per week</option><option>Lose 2 pounds per week</option></select></form>
</article></main>
<aside><h3>Related Articles</h3><ul><li><a href="/a">Ten best shoes for wide feet</a></li>
<li><a href="/b">Marathon tips from the pros</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><div class="comment"><p>Great post, thanks so much for writing this!
I always cramp at mile twenty and now I know why.</p></div></section>
<footer><p>Copyright 2024 RunWell Media. All rights reserved.</p></footer>
</body></html>
"""


def test_text_article_with_other_headings_and_chrome(tmp_path: Path) -> None:
    source = tmp_path / "knees.txt"
    source.write_text(OTHER_TEXT, "utf-8")
    out = tmp_path / "docs"
    result = run_importer(source, "--out", out)
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.glob("*.md")} == {
        "index.md",
        "the-kneecap-under-load.md",
        "what-helps.md",
        "when-to-rest.md",
    }
    assert front_matter(out / "index.md")["title"] == "Why Your Knees Ache on the Stairs"
    assert front_matter(out / "index.md")["author"] == "Sam Lee, PhD"
    texts = {p.name: markdown_text(p.read_text("utf-8")) for p in out.glob("*.md")}
    everything = plain(" ".join(texts.values()))
    assert not [
        s for s in body_sentences(OTHER_TEXT.split("Related Articles")[0]) if plain(s) not in everything
    ]
    # Hard-wrapped lines are one paragraph again.
    assert "simple, mechanical explanation" in texts["index.md"]
    assert "- Add two short strength sessions a week." in texts["what-helps.md"]
    for chrome in ("Home > Health", "Advertisement", "newsletter", "Share on Facebook", "Related Articles",
                   "Knee Braces", "Comments", "Great article", "Copyright"):  # fmt: skip
        assert chrome not in " ".join(texts.values()), chrome
    # No calculators: its sections are not in widgets.yml and it carries no widget.
    assert "calculator(" not in " ".join(texts.values())


def test_html_page_with_navigation_ads_and_comments(tmp_path: Path) -> None:
    source = tmp_path / "calves.html"
    source.write_text(OTHER_HTML, "utf-8")
    mapping = tmp_path / "widgets.yml"
    widgets = yaml.safe_load((REPO_ROOT / "importer" / "widgets.yml").read_text("utf-8"))
    widgets["sections"] = {"too little salt": {"calculator": "electrolytes"}}
    mapping.write_text(yaml.safe_dump(widgets), "utf-8")
    out = tmp_path / "docs"
    result = run_importer(source, "--out", out, "--widgets", mapping)
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.glob("*.md")} == {
        "index.md",
        "fatigue-of-the-muscle.md",
        "too-little-salt.md",
        "calories.md",
    }
    index_meta = front_matter(out / "index.md")
    assert index_meta["title"] == "Why Calves Cramp" and index_meta["author"] == "Jane Doe"
    texts = {p.name: markdown_text(p.read_text("utf-8")) for p in out.glob("*.md")}
    everything = plain(" ".join(texts.values()))
    article = re.search(r"<article>(.*)</article>", OTHER_HTML, re.S).group(1)
    article_text = re.sub(r"<form.*?</form>", "", article, flags=re.S)
    for sentence in body_sentences(re.sub(r"<[^>]+>", "\n", article_text.replace("\n", " "))):
        assert plain(sentence) in everything, sentence
    for chrome in (
        "Gear Reviews",
        "Carbon Racer",
        "Ten best shoes",
        "Marathon tips",
        "Great post",
        "Copyright",
    ):
        assert chrome not in " ".join(texts.values()), chrome
    assert '{{ calculator("electrolytes") }}' in texts["too-little-salt.md"]
    assert '{{ calculator("energy") }}' in texts["calories.md"]
    assert "Lose 2 pounds per week" not in " ".join(texts.values())
    assert not re.search(r"https?://", " ".join(p.read_text("utf-8") for p in out.glob("*.md")))


# ---- bad input --------------------------------------------------------------------------------------------------

BAD_INPUTS = {
    "empty": ("article.txt", b""),
    "blank": ("article.txt", b"  \n\n\t\n"),
    "binary": ("article.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))),
    "no title": (
        "article.txt",
        b"Drinking water before a run is a habit many coaches recommend for their athletes.\n\n"
        b"Eating a small snack an hour before exercise can also help you feel stronger on the road.\n",
    ),
    "html without article": (
        "page.html",
        b"<!doctype html><html><head><title>Shop</title></head><body><nav><a href='/'>Home</a>"
        b"<a href='/shop'>Shop</a></nav><footer>Copyright</footer></body></html>",
    ),
    "unreadable encoding": (
        "article.txt",
        "Caf\u00e9 Training\n\nThe caf\u00e9 runners met every morning at six and ran along the river.\n".encode(
            "latin-1"
        ),
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_is_one_error_line_exit_2_and_no_output(tmp_path: Path, case: str) -> None:
    name, data = BAD_INPUTS[case]
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "docs"
    result = run_importer(source, "--out", out)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("importer: error: ") and name in lines[0], result.stderr
    assert result.stdout == ""
    assert not out.exists(), "nothing may be written for bad input"


def test_bad_input_leaves_an_existing_output_folder_untouched(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    assert run_importer(ARTICLE_TXT, "--out", out).returncode == 0
    before = snapshot(out)
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    assert run_importer(source, "--out", out).returncode == 2
    assert snapshot(out) == before


def test_missing_source_is_exit_2(tmp_path: Path) -> None:
    result = run_importer(tmp_path / "nope.txt", "--out", tmp_path / "docs")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "docs").exists()


# ---- re-running, editors' changes -------------------------------------------------------------------------------


def test_running_twice_gives_identical_output(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    assert run_importer(ARTICLE_TXT, "--out", out).returncode == 0
    first = snapshot(out)
    again = run_importer(ARTICLE_TXT, "--out", out)
    assert again.returncode == 0 and "0 pages written, 6 unchanged" in again.stdout
    assert snapshot(out) == first
    other = tmp_path / "elsewhere"
    assert run_importer(ARTICLE_TXT, "--out", other).returncode == 0
    assert snapshot(other) == first, "output does not depend on where or when it is written"


def test_an_edited_page_is_never_silently_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    assert run_importer(ARTICLE_TXT, "--out", out).returncode == 0
    pristine = snapshot(out)
    edited = (out / "water-loss.md").read_text("utf-8") + "\nAn editor's note.\n"
    (out / "water-loss.md").write_text(edited, "utf-8")
    refused = run_importer(ARTICLE_TXT, "--out", out)
    assert refused.returncode == 1
    assert len(refused.stderr.strip().splitlines()) == 1 and "water-loss.md" in refused.stderr
    assert "--force" in refused.stderr
    assert (out / "water-loss.md").read_text("utf-8") == edited
    forced = run_importer(ARTICLE_TXT, "--out", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert snapshot(out) == pristine


def test_a_page_the_importer_did_not_write_is_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.md").write_text("# The editors' own home page\n", "utf-8")
    (out / "about.md").write_text("# About\n", "utf-8")
    refused = run_importer(ARTICLE_TXT, "--out", out)
    assert (
        refused.returncode == 1
        and "index.md" in refused.stderr
        and "not written by the importer" in (refused.stderr)
    )
    assert sorted(p.name for p in out.iterdir()) == ["about.md", "index.md"], "nothing else written"
    assert run_importer(ARTICLE_TXT, "--out", out, "--force").returncode == 0
    assert (out / "about.md").read_text("utf-8") == "# About\n", "pages it does not own are never touched"


# ---- the rules on their own -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Use *stars* and _underscores_ and `code` literally.",
        "{{ calculator('energy') }} and {% if x %} and {# note #} are just text here.",
        "<script>alert(1)</script> & &amp; stay visible as typed.",
        "1. This starts like a numbered list but is a sentence.",
        "# Not a heading",
        "!!! note is not an admonition",
        ": not a definition",
        "A :smile: code and [a link](http://example.com) and [^1] stay literal.",
        '=== "Not a tab"',
        "- Not a bullet, and + not either.",
        r"Backslashes \ survive, as do | pipes.",
    ],
)
def test_escaped_article_text_renders_exactly_as_written(text: str) -> None:
    escaped = escape(text)
    assert jinja2.Environment().from_string(escaped).render() == escaped, "no Jinja expression left"
    rendered = markdown.markdown(
        escaped,
        extensions=[
            "abbr",
            "admonition",
            "attr_list",
            "def_list",
            "footnotes",
            "md_in_html",
            "pymdownx.emoji",
        ],
        extension_configs={},
    )
    visible = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert visible == text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Low Glycogen Stores", True),
        ("Too Little Salt?", True),
        ("Dehydration is also associated with leg weakness after exercise.", False),
        ("In fact, muscles are composed of nearly 80 percent water, so it should come as no surprise", False),
        ("a lower-case fragment", False),
    ],
)
def test_heading_shape(line: str, expected: bool) -> None:
    assert heading_shaped(line) is expected


def test_title_case() -> None:
    assert title_case("Over-Training Syndrome") and title_case("Leg Weakness After Exercise")
    assert not title_case("Why your legs feel weak after a long run")
