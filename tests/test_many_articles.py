"""Many articles, one site (issue 12): import two more articles next to the shipped one in a copy of the site, then
build strictly with no hand edit. The navigation, the home page, the red-flag boxes and the nothing-lost check all
follow the content; nothing of the first article changes.

The copy holds docs/ and mkdocs.yml; macros/ and overrides/ are linked, so the build is the real one.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.articles import articles, calculator_pages, front_matter
from tests.articles import imported_articles, lost_sentences, page_url
from tests.paths import REPO_ROOT
from tests.test_importer import CLINIC as CLINIC_TXT
from tests.test_importer import HTML_PAGE, run_importer, snapshot
from tests.test_site_build import parse

# What an editor adds to a newly imported article before it is published; without it the build stops.
REVIEW = "last_reviewed: 2026-12-01\nreviewer: Legwork editorial team\n"


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the site with two fixture articles imported the way an editor does; returns (root, site)."""
    root = tmp_path_factory.mktemp("grown")
    shutil.copytree(REPO_ROOT / "docs", root / "docs")
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for linked in ("macros", "overrides"):
        (root / linked).symlink_to(REPO_ROOT / linked, target_is_directory=True)
    before = snapshot(root / "docs")
    for source in (CLINIC_TXT, HTML_PAGE):
        result = run_importer(source, cwd=root)
        assert result.returncode == 0, result.stderr
        assert " 0 removed" in result.stdout.splitlines()[0]
    after = snapshot(root / "docs")
    assert {k: v for k, v in after.items() if k in before} == before, (
        "the import changed nothing that was there"
    )
    for article in imported_articles(
        root / "docs"
    ):  # an editor reviews each new article (macros/editorial.py)
        if not (article.folder / ".meta.yml").exists():
            (article.folder / ".meta.yml").write_text(REVIEW, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "NO_MKDOCS_2_WARNING": "1"}
    env["LEGWORK_SITE_URL"] = "http://127.0.0.1:8000/"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(root / "site")],
        cwd=root,
        check=True,
        env=env,
        timeout=600,
    )
    return root, root / "site"


def test_three_articles_each_in_its_own_folder(grown: tuple[Path, Path]) -> None:
    root, _ = grown
    found = imported_articles(root / "docs")
    assert len(found) == 3 and len({a.slug for a in found}) == 3


def test_home_page_and_navigation_list_every_article_with_no_hand_edit(grown: tuple[Path, Path]) -> None:
    root, site = grown
    raw = (site / "index.html").read_text("utf-8")
    home = parse(site / "index.html").text
    for article in articles(root / "docs"):
        assert article.title in home and f'href="{article.folder}/"' in raw, article.title
        for page in (root / "docs" / article.folder).glob("*.md"):
            url = page_url(f"{article.folder}/{page.name}")
            assert f'href="{url}"' in raw, f"{url} is in the navigation"
    hydration = [path for path, _ in calculator_pages(root / "docs")["hydration"]]
    assert len(hydration) == 2, "the HTML article's 'Water Loss' section got the hydration calculator too"
    for path in hydration:
        assert f'href="{page_url(path)}"' in raw


def test_nothing_lost_in_any_article_of_the_grown_site(grown: tuple[Path, Path]) -> None:
    root, site = grown
    for article in imported_articles(root / "docs"):
        text = " ".join(
            parse(site / page_url(f"{article.slug}/{p}") / "index.html").text for p in article.pages
        )
        assert not lost_sentences(article, text), article.slug


def test_new_articles_get_the_shared_warning_signs_and_not_another_articles_topics(
    grown: tuple[Path, Path],
) -> None:
    root, site = grown
    topic = yaml.safe_load(
        (REPO_ROOT / "docs" / "includes" / "red-flags" / "leg-weakness.yml").read_text("utf-8")
    )
    topic_sign = " ".join(topic["signs"]["urgent"][0]["sign"].split())
    new = [
        a for a in imported_articles(root / "docs") if (a.folder / ".meta.yml").read_text("utf-8") == REVIEW
    ]
    assert len(new) == 2
    for article in new:
        for page in (site / article.slug).rglob("index.html"):
            raw = page.read_text("utf-8")
            assert 'id="when-to-see-a-doctor"' in raw and "Get urgent care today" in raw, page
            assert topic_sign not in " ".join(parse(page).text.split()), page


def test_new_articles_get_their_review_the_build_date_and_a_print_page(grown: tuple[Path, Path]) -> None:
    """The copy is outside git: "last updated" falls back to the build date (no warning, the build is strict)."""
    root, site = grown
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    new = [
        a for a in imported_articles(root / "docs") if (a.folder / ".meta.yml").read_text("utf-8") == REVIEW
    ]
    assert len(new) == 2
    for article in new:
        for page in article.pages:
            raw = (site / page_url(f"{article.slug}/{page}") / "index.html").read_text("utf-8")
            assert '<time datetime="2026-12-01">December 1, 2026</time> by Legwork editorial team' in raw, (
                page
            )
            assert f'<dt>Last updated</dt>\n<dd><time datetime="{today}">' in raw, page
        printed = parse(site / article.slug / "print" / "index.html").text
        for page in article.pages:
            title = front_matter(article.folder / page)["title"]
            assert title in printed, (article.slug, page)
