"""The "Fields, units and ranges" tables (issue 10, item 6): inputs and results by their labels, with the code key
only in a last column marked for the command line (`python -m calculators`)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

import calculators
import macros


@pytest.mark.parametrize("name", calculators.names())
def test_the_tables_show_labels_and_keep_keys_in_a_marked_cli_column(name: str) -> None:
    schema = calculators.schema(name)
    inputs, results = lxml.html.fromstring(f"<div>{macros.calculator_table(name)}</div>").xpath("//table")
    assert f"{name}," in inputs.xpath("./caption")[0].text_content(), "the name to type after the command"
    for table, items in ((inputs, schema["inputs"]), (results, schema["outputs"])):
        caption = table.xpath("./caption")[0]
        assert "CLI key" in caption.text_content() and "command line" in caption.text_content()
        assert {"python -m calculators", "--json"} & {code.text for code in caption.xpath("./code")}
        headers = [" ".join(th.text_content().split()) for th in table.xpath("./thead//th")]
        assert headers[-1] == "CLI key"
        rows = table.xpath("./tbody/tr")
        assert [" ".join(r.xpath("./th")[0].text_content().split()) for r in rows] == [
            i["label"] for i in items
        ]
        for row, item in zip(rows, items, strict=True):
            cells = row.xpath("./th|./td")
            assert cells[-1].xpath("./code")[0].text == item["key"], "the key, as code, in the last column"
            assert not [c for c in cells[:-1] if item["key"] in c.text_content()], "and nowhere else"


def test_result_units_are_symbols_not_unit_codes() -> None:
    (_, results) = lxml.html.fromstring(f"<div>{macros.calculator_table('energy')}</div>").xpath("//table")
    units = [row.xpath("./td")[0].text_content() for row in results.xpath("./tbody/tr")]
    assert "kcal/day" in units and "kcal_per_day" not in units


def test_no_abbreviation_is_marked_up_inside_code(built_site: Path) -> None:
    """Markdown's hover abbreviations must not reach into keys and commands (`monotony` is also a key)."""
    for path in built_site.rglob("index.html"):
        assert not lxml.html.fromstring(path.read_text("utf-8")).xpath("//code//abbr"), path
