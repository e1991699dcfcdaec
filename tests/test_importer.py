"""The importer, run as editors run it (`python -m importer ...` in a subprocess), on the shipped article and on
three articles of other shapes (tests/fixtures/articles/: a clinic page with question headings and bullet lists, a
Demand-Media-style page with "Fact Checked" badges, "Related Articles" and a disclaimer, and an HTML page).

Every check reads the files the importer wrote or the lines it printed, so each assertion fails if the importer
misbehaves. Nothing here names a page of the shipped article: expected pages come from the settings and the
article's own headings.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jinja2
import markdown
import pytest
import yaml

from importer.config import DEFAULT_PATH, load_config
from importer.errors import SourceError
from importer.render import escape, slugify
from importer.structure import heading_shaped, title_case
from tests.articles import imported_articles, lost_sentences, plain, sentences, source_lines
from tests.paths import ARTICLE_TXT, REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "articles"
CLINIC = FIXTURES / "water-how-much-to-drink.txt"
DEMAND = FIXTURES / "muscle-cramps-after-running.txt"
HTML_PAGE = FIXTURES / "knee-pain-stairs.html"
SETTINGS = yaml.safe_load(DEFAULT_PATH.read_text("utf-8"))
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


def run_importer(*args: str | Path, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "importer", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def body_sentences(raw: str) -> list[str]:
    """Sentences of every prose line (8+ words, ending like a sentence) of a raw article, whatever its shape."""
    found = []
    for line in raw.splitlines():
        line = " ".join(line.split())
        if len(line.split()) >= 8 and re.search(r"[.!?]['\"”’)]*$", line):
            found += re.split(r"(?<=[.!?])\s+(?=[A-Z])", line)
    return found


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


def pages_text(folder: Path) -> str:
    return " ".join(markdown_text(p.read_text("utf-8")) for p in sorted(folder.glob("*.md")))


def source_headings(path: Path) -> list[str]:
    """The lines of a raw text article that stand alone as a paragraph before text: its candidate headings."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", path.read_text("utf-8")) if b.strip()]
    return [b for b in blocks if "\n" not in b]


# ---- the shipped article ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("shipped") / "article"
    result = run_importer(ARTICLE_TXT, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


def shipped_sections() -> dict[str, str]:
    """Section page -> calculator, for the settings' sections that head a paragraph of the shipped article."""
    alone = set(source_headings(ARTICLE_TXT))
    return {
        f"{slugify(title)}.md": entry["calculator"]
        for title, entry in SETTINGS["sections"].items()
        if title in alone
    }


def test_shipped_article_gives_overview_sections_and_widget_page(shipped: Path) -> None:
    sections = shipped_sections()
    widget_pages = {w["page"] for w in SETTINGS["widgets"].values()}
    assert len(sections) >= 2 and widget_pages
    expected = {"index.md", *sections, *widget_pages}
    assert {p.name for p in shipped.glob("*.md")} == expected
    manifest = json.loads((shipped / ".importer.json").read_text("utf-8"))
    assert set(manifest["pages"]) == expected | {".nav.yml", ".importer-source.txt"}
    assert (shipped / ".importer-source.txt").read_text("utf-8") == ARTICLE_TXT.read_text("utf-8")
    nav = yaml.safe_load((shipped / ".nav.yml").read_text("utf-8"))
    assert nav["nav"][0] == "index.md" and set(nav["nav"]) == expected and nav["append_unmatched"] is True
    for name in expected:
        meta = front_matter(shipped / name)
        assert set(meta) == {"title", "description", "author", "source", "tags"}, name
        assert meta["author"] == "Kathryn Vera"
        assert meta["source"] == ARTICLE_TXT.name
        assert meta["description"] and meta["tags"]
    assert nav["title"] == front_matter(shipped / "index.md")["title"] == "Leg Weakness After Exercise"


def test_overview_has_title_author_box_lead_photo_credit_and_cards(shipped: Path) -> None:
    index = (shipped / "index.md").read_text("utf-8")
    assert index.count("\n# ") == 1 and "\n# Leg Weakness After Exercise\n" in index
    assert '<div class="lw-author" markdown>' in index
    assert "**Kathryn Vera**" in index and "Registered Dietitian" in index
    assert "Regular physical activity is crucial" in index
    assert re.search(r"A woman is stretching her legs\. Credit: kwanchaichaiudom/iStock/Getty Images", index)
    cards = index[index.index('<div class="grid cards" markdown>') :]
    for name in [p.name for p in shipped.glob("*.md") if p.name != "index.md"]:
        assert f"]({name})__" in cards, name
    assert not re.search(r"!\[|<img|https?://", index), "no image or remote resource on the overview"


def test_each_section_page_ends_with_its_calculator_and_the_widget_has_its_page(shipped: Path) -> None:
    for name, calculator in shipped_sections().items():
        page = (shipped / name).read_text("utf-8")
        call = f'{{{{ calculator("{calculator}") }}}}'
        assert page.count(call) == 1, name
        assert re.search(rf"^{re.escape(call)}$", page, re.M), "the macro call stands alone on its line"
        last_paragraph = max(page.rfind(s) for s in body_sentences(ARTICLE_TXT.read_text("utf-8")))
        assert page.index(call) > last_paragraph, "the calculator comes after the article text"
    for widget in SETTINGS["widgets"].values():
        assert f'{{{{ calculator("{widget["calculator"]}") }}}}' in (shipped / widget["page"]).read_text(
            "utf-8"
        )
    assert "calculator(" not in (shipped / "index.md").read_text("utf-8")


def test_nothing_lost_every_sentence_survives_word_for_word(shipped: Path) -> None:
    text = plain(pages_text(shipped))
    found = body_sentences(ARTICLE_TXT.read_text("utf-8"))
    assert len(found) >= 20  # 2 in the bio, 21 in the body
    assert not [s for s in found if plain(s) not in text]


def test_shipped_chrome_is_gone(shipped: Path) -> None:
    for page in shipped.glob("*.md"):
        text = markdown_text(page.read_text("utf-8"))
        found = [chrome for chrome in SHIPPED_CHROME if chrome.lower() in text.lower()]
        assert not found, f"{page.name}: {found}"
        repeated_title = re.findall(r"^Leg Weakness After Exercise$", text, re.M)
        assert not repeated_title, f"{page.name} repeats the title as a paragraph"


def test_committed_articles_are_the_importers_current_output(tmp_path: Path) -> None:
    """Every article folder in docs/ is exactly what importing its own source copy writes today."""
    articles = imported_articles(REPO_ROOT / "docs")
    assert articles, "docs/ holds at least one imported article"
    for article in articles:
        manifest = json.loads((article.folder / ".importer.json").read_text("utf-8"))
        source = tmp_path / manifest["source"]
        source.write_bytes(article.source.read_bytes())
        out = tmp_path / article.slug
        result = run_importer(source, "--out", out)
        assert result.returncode == 0, result.stderr
        committed = {
            k: v
            for k, v in snapshot(article.folder).items()
            if k in manifest["pages"] or k == ".importer.json"
        }
        assert snapshot(out) == committed, (
            f"{article.folder} differs from a fresh import; re-run the importer"
        )


# ---- other article shapes ---------------------------------------------------------------------------------------


def imported(tmp_path: Path, source: Path, *args: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path / "docs" / source.stem
    result = run_importer(source, "--out", out, *args)
    assert result.returncode == 0, result.stderr
    return out, result


def test_clinic_article_keeps_question_headings_and_bullet_lists(tmp_path: Path) -> None:
    out, result = imported(tmp_path, CLINIC)
    questions = [h for h in source_headings(CLINIC) if h.endswith("?") and h != source_headings(CLINIC)[3]]
    titles = {front_matter(p)["title"] for p in out.glob("*.md")}
    assert "What are the health benefits of water?" in titles  # sentence case, seven words: a real heading
    assert {q for q in questions if q in titles} >= {
        "How much water do you need?",
        "Is water the only option for staying hydrated?",
    }
    assert "Factors that influence water needs" in titles
    assert front_matter(out / "index.md")["title"] == "Water: How much should you drink every day?"
    assert front_matter(out / "index.md")["author"] == "Clinic Editorial Staff"
    benefits = (out / "what-are-the-health-benefits-of-water.md").read_text("utf-8")
    assert "- Keeps your temperature normal\n- Lubricates and cushions joints" in benefits
    text = pages_text(out)
    for chrome in (
        "Skip to content",
        "Home > Healthy",
        "Advertisement",
        "does not endorse",
        "Copyright",
        "Print\n",
    ):
        assert chrome not in text, chrome
    for line in ("'Advertisement': page chrome (settings.yml line", "does not endorse companies or products"):
        assert line in result.stdout, line
    assert "calculator(" not in text, "no section of it is mapped to a calculator"


def test_demand_media_article_drops_badges_related_links_and_disclaimer_and_lists_them(
    tmp_path: Path,
) -> None:
    out, result = imported(tmp_path, DEMAND)
    titles = sorted(front_matter(p)["title"] for p in out.glob("*.md"))
    assert titles == sorted(
        [
            "Why Do My Calves Cramp After Running?",
            "Muscle Fatigue",
            "Fluid and Salt Losses",
            "How to Stop a Cramp",
        ]
    ), "'Fact Checked' and 'What does fact checked mean?' are not pages"
    index = front_matter(out / "index.md")
    assert index["author"] == "Marco Ruiz", "the reviewer is not taken for the author"
    overview = (out / "index.md").read_text("utf-8")
    assert "Reviewed by Dana Brooks, RD" in overview and "certified strength and conditioning" in overview
    text = pages_text(out)
    for chrome in ("Fact Checked", "fact checked mean", "second editor", "Related Articles", "Recovery Drinks",
                   "Disclaimer", "educational purposes", "Comments", "mile eighteen", "Gold Member"):  # fmt: skip
        assert chrome.lower() not in text.lower(), chrome
    dropped = result.stdout[result.stdout.index("dropped (") :]
    for line, reason in [
        ("'What does fact checked mean?'", "block (settings.yml line"),
        ("'The Best Recovery Drinks for Runners'", "in the 'Related Articles' block"),
        ("'Disclaimer: The material on this site", "takes block"),
        ("'I always cramp at mile eighteen", "readers' comments"),
        ("'Fact Checked'", "page chrome (settings.yml line"),
    ]:
        assert re.search(re.escape(line) + r"[^\n]*" + re.escape(reason), dropped), (line, reason)
    assert '{{ calculator("' not in text


def test_html_page_reads_meta_author_and_title_and_maps_sections(tmp_path: Path) -> None:
    out, result = imported(tmp_path, HTML_PAGE)
    meta = front_matter(out / "index.md")
    assert meta["title"] == "Why Do Knees Hurt on the Stairs?"
    assert meta["author"] == "Priya Natarajan, PT", "<meta name='author'> with its credentials"
    assert meta["source"] == HTML_PAGE.name
    pages = {p.name for p in out.glob("*.md")}
    assert pages == {"index.md", "the-kneecap-under-load.md", "what-helps-the-most.md", "water-loss.md"}
    water = (out / "water-loss.md").read_text("utf-8")
    assert '{{ calculator("hydration") }}' in water, "a section named in settings.yml gets its calculator"
    text = pages_text(out)
    for chrome in ("Gear Reviews", "Carbon Racer", "Ten best shoes", "Great post", "Copyright", "Disclaimer",
                   "Fact Checked"):  # fmt: skip
        assert chrome not in text, chrome
    assert "'Disclaimer: This article is for informational" in result.stdout
    assert not re.search(r"https?://", " ".join(p.read_text("utf-8") for p in out.glob("*.md")))


def test_title_from_the_title_element_without_the_site_name(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_text(
        "<html><head><title>Sore Shins After Running - ShinCare Weekly</title>"
        '<meta name="author" content="Lee Park"></head><body><main><article>'
        "<p>Shin pain is common in the first months of running and usually settles with rest and patience.</p>"
        "<h2>Too Much Too Soon</h2><p>Adding distance faster than the bones adapt is the usual cause of it.</p>"
        "</article></main></body></html>",
        "utf-8",
    )
    out, _ = imported(tmp_path, source)
    assert front_matter(out / "index.md")["title"] == "Sore Shins After Running"
    assert front_matter(out / "index.md")["author"] == "Lee Park"


@pytest.mark.parametrize("source", [CLINIC, DEMAND, HTML_PAGE, ARTICLE_TXT], ids=lambda p: p.name)
def test_nothing_lost_in_any_shape(tmp_path: Path, source: Path) -> None:
    """Every sentence and list item of the raw article is on a page, or was reported as dropped chrome."""
    out, _ = imported(tmp_path, source)
    (article,) = imported_articles(out.parent)
    assert len(sentences(source_lines(article.source))) >= 8
    assert not lost_sentences(article, pages_text(out))


def test_the_nothing_lost_check_would_catch_a_lost_sentence(tmp_path: Path) -> None:
    out, _ = imported(tmp_path, CLINIC)
    (article,) = imported_articles(out.parent)
    text = pages_text(out).replace(
        "Even mild dehydration can drain your energy", "Mild dehydration drains energy"
    )
    assert lost_sentences(article, text) == [
        "Even mild dehydration can drain your energy and make you tired."
    ]


# ---- many articles, one site: the article's own folder ------------------------------------------------------------


def test_default_folder_is_docs_slug_and_a_second_article_removes_nothing(tmp_path: Path) -> None:
    first = run_importer(ARTICLE_TXT, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    folder = tmp_path / "docs" / "leg-weakness-after-exercise"
    assert (folder / "index.md").is_file() and "docs/leg-weakness-after-exercise/" in first.stdout
    (tmp_path / "docs" / "index.md").write_text("# The editors' home page\n", "utf-8")
    before = snapshot(tmp_path / "docs")
    second = run_importer(CLINIC, cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "0 removed" in second.stdout
    after = snapshot(tmp_path / "docs")
    assert {k: v for k, v in after.items() if k in before} == before, "nothing of the first article changed"
    new = sorted(set(after) - set(before))
    assert new and all(k.startswith("water-how-much-should-you-drink-every-day/") for k in new)


def test_dry_run_prints_the_plan_and_writes_nothing(tmp_path: Path) -> None:
    result = run_importer(DEMAND, "--dry-run", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not any(tmp_path.iterdir()), "a dry run writes nothing"
    out = result.stdout
    assert "dry run: nothing written" in out
    assert "docs/why-do-my-calves-cramp-after-running/muscle-fatigue.md: section 'Muscle Fatigue'" in out
    assert "docs/why-do-my-calves-cramp-after-running/index.md: overview" in out
    assert re.search(r"- 'Related Articles': in the 'Related Articles' block \(settings\.yml line \d+", out)
    assert "would write: .importer-source.txt, .nav.yml" in out


def test_pages_the_last_import_wrote_are_deleted_only_when_named_and_forced(tmp_path: Path) -> None:
    out = tmp_path / "docs" / "article"
    assert run_importer(ARTICLE_TXT, "--out", out).returncode == 0
    before = snapshot(out)
    refused = run_importer(CLINIC, "--out", out)
    assert refused.returncode == 1 and refused.stdout == ""
    line = refused.stderr.strip()
    assert len(line.splitlines()) == 1 and "--force" in line
    for page in [
        p for p in json.loads(before[".importer.json"])["pages"] if p.endswith(".md") and p != "index.md"
    ]:
        assert f"delete {page}" in line or f", {page} (written by the last import" in line, page
    assert snapshot(out) == before
    forced = run_importer(CLINIC, "--out", out, "--force")
    assert forced.returncode == 0, forced.stderr
    stale = set(json.loads(before[".importer.json"])["pages"]) - set(
        json.loads((out / ".importer.json").read_text("utf-8"))["pages"]
    )
    assert stale
    for page in stale:
        assert (
            f"removed {out / page} (written by the last import" in forced.stdout and not (out / page).exists()
        )


# ---- settings -------------------------------------------------------------------------------------------------------


def write_settings(tmp_path: Path, edit) -> Path:
    text = edit(DEFAULT_PATH.read_text("utf-8"))
    path = tmp_path / "settings.yml"
    path.write_text(text, "utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("edit", "needle", "message"),
    [
        (lambda t: t.replace("'video of the day'", "'video (of the day'"), "'video (of", r"chrome\.lines\[2\]: bad pattern 'video \(of the day': missing \), unterminated subpattern"),
        (lambda t: t.replace("takes: next", "takes: everything"), "takes: everything", r"chrome\.blocks\[2\]\.takes: must be one of block, next, links"),
        (lambda t: t.replace("  questions: true", "  questions: maybe"), "questions: maybe", r"headings\.questions: must be true or false"),
        (lambda t: t.replace("  max_words: 12", "  max_wrods: 12"), "max_wrods", r"headings: unknown key 'max_wrods'"),
        (lambda t: t.replace("    calculator: hydration\n", ""), "    notes: includes/notes/hydration.md", r"sections\.Water Loss: missing key 'calculator'"),
        (lambda t: t.replace("page: calories.md", "page: ../calories.md"), "page: ../", r"widgets\.calorie-tracker\.page: must be a file name"),
    ],
    ids=["bad regex", "bad takes", "bad boolean", "unknown key", "missing calculator", "page outside"],
)  # fmt: skip
def test_bad_settings_name_their_line(tmp_path: Path, edit, needle: str, message: str) -> None:
    path = write_settings(tmp_path, edit)
    with pytest.raises(
        SourceError, match=rf"^settings\.yml line {line_of(path.read_text('utf-8'), needle)}: {message}"
    ):
        load_config(path)
    result = run_importer(ARTICLE_TXT, "--settings", path, "--out", tmp_path / "out")
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "settings.yml line" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_editor_teaches_the_importer_new_chrome_and_headings(tmp_path: Path) -> None:
    """A new chrome line and stricter headings, in settings only: the importer follows them and says so."""
    settings = write_settings(
        tmp_path,
        lambda t: (
            t.replace(
                "    - 'video of the day'\n",
                "    - 'video of the day'\n    - 'keeps your temperature normal'\n",
            )
            .replace("  sentence_case: true", "  sentence_case: false")
            .replace("  short_words: 6", "  short_words: 4")
        ),
    )
    out, result = imported(tmp_path, CLINIC, "--settings", str(settings))
    assert "Keeps your temperature normal" not in pages_text(out)
    assert re.search(r"'Keeps your temperature normal': page chrome \(settings\.yml line \d+", result.stdout)
    titles = {front_matter(p)["title"] for p in out.glob("*.md")}
    assert "What are the health benefits of water?" in titles, "questions are still headings"
    assert "Factors that influence water needs" not in titles
    assert "'Factors that influence water needs': sentence-case line before text" in result.stdout


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
    assert again.returncode == 0 and "0 files written," in again.stdout and "0 removed" in again.stdout
    assert snapshot(out) == first
    other = tmp_path / "elsewhere"
    assert run_importer(ARTICLE_TXT, "--out", other).returncode == 0
    assert snapshot(other) == first, "output does not depend on where or when it is written"


def test_an_edited_page_is_never_silently_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    assert run_importer(ARTICLE_TXT, "--out", out).returncode == 0
    pristine = snapshot(out)
    page = next(p for p in sorted(out.glob("*.md")) if p.name != "index.md")
    edited = page.read_text("utf-8") + "\nAn editor's note.\n"
    page.write_text(edited, "utf-8")
    refused = run_importer(ARTICLE_TXT, "--out", out)
    assert refused.returncode == 1
    assert len(refused.stderr.strip().splitlines()) == 1 and f"{page.name} (edited since" in refused.stderr
    assert "--force" in refused.stderr
    assert page.read_text("utf-8") == edited
    forced = run_importer(ARTICLE_TXT, "--out", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert snapshot(out) == pristine


def test_a_page_the_importer_did_not_write_is_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.md").write_text("# The editors' own home page\n", "utf-8")
    (out / "about.md").write_text("# About\n", "utf-8")
    refused = run_importer(ARTICLE_TXT, "--out", out)
    assert refused.returncode == 1
    assert "index.md (not written by the importer)" in refused.stderr
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
