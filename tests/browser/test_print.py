"""Printing (issue 10, item 5), as Chromium lays a page out for paper: the whole-article page and any other page
print without navigation, search or controls, each calculator with its entries, its answer and its steps, and an
article page with its editorial header (not its "Print this article" line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.articles import articles
from tests.browser.test_widgets import site_pages
from tests.browser.visits import Visit
from tests.paths import REPO_ROOT

pytestmark = pytest.mark.browser
OFF_PAPER = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar",
    ".md-search",
    ".md-footer",
    ".md-top",
    ".lw-toolbar",
    ".lw-unit-toggle",
    ".lw-editorial__print",
]


def printed_pages(site: Path) -> list[str]:
    """Every article's print page, one page of each article with a calculator, and the home page."""
    pages = site_pages(site)
    chosen = [""]
    for article in articles(REPO_ROOT / "docs"):
        chosen.append(f"{article.folder}/print/")
        chosen.append(next(p for p, names in pages.items() if names and p.startswith(f"{article.folder}/")))
    return chosen


def test_pages_print_without_navigation_and_with_every_calculators_answer_and_steps(
    visit: Visit, built_site: Path
) -> None:
    for path in printed_pages(built_site):
        page = visit.open(path)
        visit.wait_ready()
        page.emulate_media(media="print")
        for selector in OFF_PAPER:
            shown = page.locator(selector).evaluate_all(
                "(els) => els.filter((el) => el.getClientRects().length > 0).length"
            )
            assert shown == 0, (path, selector)
        assert page.locator("h1").first.is_visible(), path
        if path:  # an article's page
            assert page.locator(".lw-disclaimer").is_visible(), path
            assert page.locator(".lw-editorial__facts").is_visible(), path
        widgets = page.locator("[data-calculator]")
        for index in range(widgets.count()):
            widget = widgets.nth(index)
            name = widget.get_attribute("data-calculator")
            assert widget.is_visible(), (path, name)
            fields = widget.locator(".lw-inputs input:not([type=radio]), .lw-inputs select")
            assert any(fields.nth(i).is_visible() for i in range(fields.count())), (path, name, "entries")
            outputs = widget.locator("output[data-output]")
            assert any(outputs.nth(i).is_visible() for i in range(outputs.count())), (path, name, "answer")
            steps = widget.locator(".lw-steps li")
            assert steps.count() and all(steps.nth(i).is_visible() for i in range(steps.count())), (
                path,
                name,
            )
        page.emulate_media(media="screen")
        assert page.locator(".md-header").is_visible(), "the screen is as it was"
