"""The answer as a reader sees it on the page: HTML for results, steps and sources (and SVG charts), drawn from
`calculators`' schema and result. The same code runs at build time (CPython) and in the browser's worker
(Pyodide), so the page reads the same before and after JavaScript runs. Standard library and `calculators` only.
"""

from __future__ import annotations

from .answer_html import charts_html, details_html, results_html, warnings_html

__all__ = ["charts_html", "details_html", "results_html", "warnings_html"]
