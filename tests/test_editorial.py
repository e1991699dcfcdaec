"""What a health publisher states on every article page (issue 10, item 4) and the whole-article print page (item 5),
checked on the real strict build (conftest's `built_site`) and on copies of the site built to fail.

Articles, their pages and their editorial settings are discovered from docs/ (macros.articles, the importer's
manifests, each folder's .meta.yml), so a next article is checked the moment it is imported. "Last updated" is
compared with git's own answer for the page's file, so a wrong or stale date fails.
"""

from __future__ import annotations

import datetime
import html
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from babel.dates import format_date

from macros import editorial
from macros.articles import articles, front_matter
from scripts import make_dist
from tests.articles import imported_articles, page_url, sentences, source_lines
from tests.paths import REPO_ROOT
from tests.test_site_build import parse

DOCS = REPO_ROOT / "docs"
# How the dates plugin asks git for a page's last change (its util.get_git_commit_timestamp).
GIT_LOG = ["git", "log", "-n1", "--format=%at", "--diff-filter=r", "--follow", "-w", "--ignore-blank-lines"]
FACT = re.compile(r"<dt>(?P<term>[^<]+)</dt>\s*<dd>(?P<detail>.*?)</dd>", re.S)


def article_meta(folder: str) -> dict:
    path = DOCS / folder / ".meta.yml"
    return (yaml.safe_load(path.read_text("utf-8")) or {}) if path.is_file() else {}


def article_pages() -> list[tuple[str, str]]:
    """(article folder, page file) for every page of every article, its print page included."""
    found = []
    for article in articles(DOCS):
        names = sorted(p.name for p in (DOCS / article.folder).glob("*.md"))
        found += [(article.folder, name) for name in [*names, editorial.PRINT_PAGE]]
    return found


def built(site: Path, folder: str, name: str) -> str:
    return (site / page_url(f"{folder}/{name}") / "index.html").read_text("utf-8")


def article_part(raw: str) -> str:
    return raw[raw.index("<article") : raw.index("</article>")]


def facts(raw: str) -> dict[str, str]:
    header = raw[raw.index('<div class="lw-editorial">') :]
    header = header[: header.index("</dl>")]
    return {m["term"]: m["detail"] for m in FACT.finditer(header)}


def git_updated(paths: list[Path]) -> datetime.date:
    """The latest commit date (UTC) git gives for any of `paths`, asked as the dates plugin asks; today for a file
    with no history."""
    dates = []
    for path in paths:
        out = subprocess.run(
            [*GIT_LOG, "--", str(path)],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        stamp = int(out) if out else int(datetime.datetime.now(datetime.UTC).timestamp())
        dates.append(datetime.datetime.fromtimestamp(stamp, datetime.UTC).date())
    return max(dates)


def long_date(day: datetime.date) -> str:
    return format_date(day, format="long", locale="en")


# ---- the editorial header -----------------------------------------------------------------------------------


def test_every_article_page_opens_with_the_disclaimer_and_its_editorial_facts(built_site: Path) -> None:
    pages = article_pages()
    assert len(pages) >= 9
    for folder, name in pages:
        raw = article_part(built(built_site, folder, name))
        meta, overview = article_meta(folder), front_matter(DOCS / folder / "index.md")
        where = f"{folder}/{name}"
        # Near the top: after the title, before the page's first section and before any calculator.
        disclaimer = raw.index('class="lw-disclaimer"')
        assert raw.index("<h1") < disclaimer < raw.index("<h2"), where
        assert "data-calculator=" not in raw[:disclaimer], where
        assert "not medical advice" in raw[disclaimer : disclaimer + 300] and "health professional" in raw, (
            where
        )
        found = facts(raw)
        original = found["Original article"]
        assert f"<em>{html.escape(overview['title'], quote=False)}</em>" in original, where
        assert f"by {html.escape(overview['author'].split(',')[0], quote=False)}" in original, where
        if meta.get("original_publisher"):
            assert f"first published by {html.escape(meta['original_publisher'])}" in original, where
        if meta.get("original_published"):
            assert f'<time datetime="{meta["original_published"]}">' in original, where
        else:
            assert "publication date not given" in original, where
        reviewed = meta["last_reviewed"]
        assert found["Last reviewed"] == (
            f'<time datetime="{reviewed.isoformat()}">{long_date(reviewed)}</time> by {meta["reviewer"]}'
        ), where
        sources = (
            [DOCS / folder / n for n in editorial.print_order(DOCS / folder)] if name == "print.md" else []
        )
        updated = git_updated(sources or [DOCS / folder / name])
        assert found["Last updated"].startswith(
            f'<time datetime="{updated.isoformat()}">{long_date(updated)}</time>'
        ), (where, found["Last updated"])


def test_every_article_page_links_to_its_print_page(built_site: Path) -> None:
    for folder, name in article_pages():
        if name == editorial.PRINT_PAGE:
            continue
        raw = article_part(built(built_site, folder, name))
        link = re.search(r'<p class="lw-editorial__print"><a href="([^"]+)">Print this article</a>', raw)
        assert link, f"{folder}/{name}"
        target = (built_site / page_url(f"{folder}/{name}") / link[1] / "index.html").resolve()
        assert target == (built_site / folder / "print" / "index.html").resolve() and target.is_file()


def test_every_imported_page_has_its_own_key_points(built_site: Path) -> None:
    for article in imported_articles(DOCS):
        by_page = article_meta(article.slug).get("key_points_by_page") or {}
        assert set(article.pages) <= set(by_page), f"{article.slug}: a page without key points"
        assert len({tuple(points) for points in by_page.values()}) == len(by_page), "each page its own"
        for name, points in by_page.items():
            raw = article_part(built(built_site, article.slug, name))
            box = raw[raw.index('<p class="admonition-title">Key points</p>') :]
            box = box[: box.index("</div>")]
            shown = [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li>(.*?)</li>", box, re.S)]
            assert shown == [html.escape(p, quote=False) for p in points], name
            # Right after the editorial header, before the page's own text.
            assert raw.index('class="lw-editorial"') < raw.index("Key points") < raw.index("<h2")


def test_material_does_not_repeat_the_date_at_the_foot(built_site: Path) -> None:
    for folder, name in article_pages():
        raw = built(built_site, folder, name)
        assert "md-source-file" not in raw and "git-revision-date-localized-plugin" not in raw
    assert not list(built_site.rglob("timeago*")), "no timeago.js: dates are plain text"


@pytest.mark.parametrize("key", sorted(editorial.REQUIRED))
def test_build_stops_naming_the_page_when_the_review_is_missing(tmp_path: Path, key: str) -> None:
    """A copy of the site whose article's .meta.yml lacks `key` fails its strict build with MkDocs' PluginError."""
    root = site_copy(tmp_path)
    folder = articles(DOCS)[0].folder
    meta_file = root / "docs" / folder / ".meta.yml"
    meta = yaml.safe_load(meta_file.read_text("utf-8"))
    del meta[key]
    meta_file.write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True), "utf-8")
    result = build(root)
    assert result.returncode != 0
    assert re.search(
        rf"{re.escape(folder)}/[\w.-]+\.md: an article page needs its editorial review", result.stderr
    )
    assert f"`{key}`" in result.stderr
    # MkDocs' own way out for a PluginError (a BuildError), not a crash with a traceback.
    assert "Aborted with a BuildError" in result.stdout and "Traceback" not in result.stderr


def test_a_key_point_for_a_page_that_does_not_exist_stops_the_build(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    folder = articles(DOCS)[0].folder
    meta_file = root / "docs" / folder / ".meta.yml"
    meta_file.write_text(meta_file.read_text("utf-8") + "\n  no-such-page.md: [Anything]\n", "utf-8")
    result = build(root)
    assert result.returncode != 0 and "key_points_by_page: no page 'no-such-page.md'" in result.stderr


def site_copy(tmp_path: Path) -> Path:
    """docs/ and mkdocs.yml copied, macros/ and overrides/ linked: the real build on content a test may edit."""
    root = tmp_path / "copy"
    shutil.copytree(DOCS, root / "docs")
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for linked in ("macros", "overrides"):
        (root / linked).symlink_to(REPO_ROOT / linked, target_is_directory=True)
    return root


def build(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(root / "site")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


# ---- what changed in the article text -----------------------------------------------------------------------


def test_every_sentence_is_as_scraped_but_for_the_changes_the_about_page_lists(built_site: Path) -> None:
    """No typographic normalising here (unlike the nothing-lost test): a sentence must be on the site exactly as
    scraped, a spaced `--` shown as `—` (the About page's "Dashes"), unless it was dropped as page furniture."""
    about = parse(built_site / "about" / "index.html").text
    assert "What was changed in the article text" in about
    for change in ("Dashes.", "Spaces and line breaks.", "Split into pages.", "Title.", "Byline.", "Photo."):
        assert change in about, change
    for article in imported_articles(DOCS):
        site = " ".join(
            parse(built_site / page_url(f"{article.slug}/{p}") / "index.html").text for p in article.pages
        )
        dropped = " ".join(article.dropped)
        changed = [
            s
            for s in sentences(source_lines(article.source))
            if s not in dropped and s.replace(" -- ", " — ") not in site
        ]
        assert not changed, article.slug


def test_the_photo_and_byline_read_as_the_about_page_says(built_site: Path) -> None:
    from importer.chrome import BYLINE, PHOTO_CREDIT, normalise

    for article in imported_articles(DOCS):
        overview = parse(built_site / article.slug / "index.html").text
        for line in source_lines(article.source):
            if photo := PHOTO_CREDIT.match(line):
                assert f"Photo (not reproduced): {photo['caption']} Credit: {photo['credit']}" in overview
            if byline := BYLINE.match(normalise(line)):
                assert byline["name"] in overview and line not in overview


def test_no_page_claims_word_for_word(built_site: Path) -> None:
    config = yaml.load((REPO_ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert "word for word" not in config["site_description"]
    for page in built_site.rglob("*.html"):
        assert "word for word" not in page.read_text("utf-8"), page


# ---- the whole-article print page ---------------------------------------------------------------------------


def test_print_page_holds_every_page_in_reading_order_with_each_calculator_answered(built_site: Path) -> None:
    for article in articles(DOCS):
        folder = DOCS / article.folder
        raw = article_part(built(built_site, article.folder, editorial.PRINT_PAGE))
        order = editorial.print_order(folder)
        assert order[0] == "index.md" and set(order) == {p.name for p in folder.glob("*.md")}
        assert headings(raw, 1) == [article.title], "the overview's title is the print page's own, once"
        expected = [str(front_matter(folder / name)["title"]) for name in order[1:]]
        titles = headings(raw, 2)
        assert [t for t in titles if t in expected] == expected, "each other page once, in reading order"
        assert titles[: titles.index(expected[0])], "the overview's own sections come first"
        key_points = article_meta(article.folder).get("key_points_by_page") or {}
        untagged = re.sub(r"<[^>]+>", "", raw)  # a glossary <abbr> splits a line
        for name, points in key_points.items():
            assert all(html.escape(p, quote=False) in untagged for p in points), name
        widgets = re.findall(r'data-calculator="([\w-]+)"', raw)
        wanted = [
            n
            for page in order
            for n in re.findall(r"""calculator\(\s*["']([\w-]+)""", (folder / page).read_text("utf-8"))
        ]
        assert widgets == wanted and widgets, article.folder
        for name in widgets:
            own_page = next(p for p in order if f'calculator("{name}")' in (folder / p).read_text("utf-8"))
            assert steps(raw, name) == steps(article_part(built(built_site, article.folder, own_page)), name)
            assert steps(raw, name), name
        assert raw.count('id="when-to-see-a-doctor"') == 1, "the warning signs once, at the end"
        assert 'class="footnote"' in raw, "the citations of every page's notes"


def headings(raw: str, level: int) -> list[str]:
    return [
        " ".join(re.sub(r"<[^>]+>", "", text).split())
        for text in re.findall(rf'<h{level}[^>]*>(.*?)<a class="headerlink"', raw, re.S)
    ]


def steps(raw: str, name: str) -> list[str]:
    """The default answer's steps of the calculator `name` as the page's HTML has them (before any script)."""
    widget = raw[raw.index(f'data-calculator="{name}"') :]
    block = widget[widget.index("data-steps>") : widget.index("</ol>")]
    return re.findall(r"<li>(.*?)</li>", block, re.S)


def test_print_page_is_left_out_of_search(built_site: Path) -> None:
    index = (built_site / "search" / "search_index.json").read_text("utf-8")
    for article in articles(DOCS):
        assert f'"location":"{article.folder}/print/' not in index.replace(" ", "")


def test_offline_zip_carries_the_dates_and_the_print_pages(built_site: Path, tmp_path: Path) -> None:
    archive = make_dist.build_zip(built_site, tmp_path / "legwork-offline.zip")
    with zipfile.ZipFile(archive) as opened:
        names = set(opened.namelist())
        for folder, name in article_pages():
            entry = f"{make_dist.FOLDER}/site/{page_url(f'{folder}/{name}')}index.html"
            assert entry in names, entry
            assert "<dt>Last updated</dt>" in opened.read(entry).decode("utf-8"), entry
