"""Many articles, one site (issue 12): import two more articles next to the shipped one in a copy of the site, then
build strictly with no hand edit. The navigation, the home page, the red-flag boxes and the nothing-lost check all
follow the content; nothing of the first article changes.

The copy holds docs/ and mkdocs.yml; macros/ and overrides/ are linked, so the build is the real one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.articles import articles, calculator_pages
from tests.articles import imported_articles, lost_sentences, page_url
from tests.paths import REPO_ROOT
from tests.test_importer import CLINIC as CLINIC_TXT
from tests.test_importer import HTML_PAGE, run_importer, snapshot
from tests.test_site_build import parse


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
    new = [a for a in imported_articles(root / "docs") if not (a.folder / ".meta.yml").exists()]
    assert len(new) == 2
    for article in new:
        for page in (site / article.slug).rglob("index.html"):
            raw = page.read_text("utf-8")
            assert 'id="when-to-see-a-doctor"' in raw and "Get urgent care today" in raw, page
            assert topic_sign not in " ".join(parse(page).text.split()), page
