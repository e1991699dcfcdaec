"""What a widget's answer looks like in the page, predicted natively from `macros.bridge.reply()`'s HTML, in the
same shape the browser tests read from the DOM: each `<output>`'s `data-output` (the output keys it shows, space
separated) mapped to its raw `data-value` (single-output rows only) and to its text."""

from __future__ import annotations

from lxml import html as lxml_html

# Tests that type metric entries start each browser context with the reader's stored choice set to metric; the
# site itself opens in its configured default (imperial), which tests/browser/test_widgets.py checks on its own.
METRIC_READER = "try { localStorage.setItem('legwork.unitSystem', 'metric'); } catch (e) {}"

# The same shape read from a widget in the page (the argument is the widget's root selector).
SHOWN_JS = """(root) => {
  const outputs = [...document.querySelectorAll(`${root} [data-results] output[data-output]`)];
  return {
    data: Object.fromEntries(outputs.filter((o) => o.hasAttribute("data-value"))
      .map((o) => [o.dataset.output, o.dataset.value])),
    display: Object.fromEntries(outputs.map((o) => [o.dataset.output, o.textContent])),
  };
}"""


def shown(reply: dict) -> dict:
    """`{"data": {keys: raw value}, "display": {keys: text}}` of a successful reply's results HTML."""
    root = lxml_html.fragment_fromstring(reply["html"]["results"], create_parent="div")
    outputs = root.xpath(".//output[@data-output]")
    return {
        "data": {
            o.get("data-output"): o.get("data-value") for o in outputs if o.get("data-value") is not None
        },
        "display": {o.get("data-output"): o.text_content() for o in outputs},
    }
