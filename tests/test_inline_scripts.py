"""No page holds script the strict Content-Security-Policy would block: no inline <script>, no on* attribute.

`script-src 'self' 'wasm-unsafe-eval'` forbids inline code; JSON data blocks (`type="application/json"`) are not
executed, so they may stay. Material's own inline scripts are replaced by files in `overrides/`.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

DATA_TYPES = {"application/json", "application/ld+json", "importmap"}


class InlineCode(HTMLParser):
    """Collects inline scripts, event-handler attributes and `javascript:` URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        script_type = (values.get("type") or "").lower()
        self._in_script = tag == "script" and "src" not in values and script_type not in DATA_TYPES

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.found.append(f"<script>{data.strip()[:60]}…")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    parser.close()
    return parser.found


def test_no_page_has_inline_script_or_event_handler(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 8
    offenders = {
        str(page.relative_to(built_site)): found
        for page in pages
        if (found := inline_code(page.read_text(encoding="utf-8")))
    }
    assert not offenders


def test_the_scan_catches_what_the_policy_blocks() -> None:
    assert (
        inline_code('<script id="c" type="application/json">{"a": 1}</script><script src="x.js"></script>')
        == []
    )
    assert inline_code("<script>alert(1)</script>") == ["<script>alert(1)…"]
    assert inline_code('<button onclick="go()">x</button>') == ["<button onclick=…>"]
    assert inline_code('<a href="javascript:go()">x</a>') == ["<a href='javascript:go()'>"]
