"""MkDocs hook: a printable whole-article page for every article, `<article>/print/`, with no file to write.

Each article folder (found as the home page finds them: `macros.articles.articles`) gets a generated page,
`<article>/print.md`, holding only its front matter and title; the macros fill it with the article's pages in
reading order (`macros.editorial`), so its calculators are the pages' own `calculator()` calls. A next article
gets its print page with no edit. mkdocs-print-site-plugin was not used: it prints the whole site as one page
(not one article), and writes an inline <script> and <style> into it, which the strict Content-Security-Policy
blocks.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from macros.articles import articles
from macros.editorial import PRINT_PAGE, print_page_source


def on_files(files, config, **kwargs):
    """Add `<article>/print.md` to the site's files for every article folder of docs/."""
    for article in articles(Path(config["docs_dir"])):
        src_uri = f"{article.folder}/{PRINT_PAGE}"
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(
                f"{src_uri}: this address is taken by the article's whole-article print page (macros/print_view.py); "
                "rename the page"
            )
        files.append(
            File.generated(config, src_uri, content=print_page_source(article.folder, article.title))
        )
    return files
