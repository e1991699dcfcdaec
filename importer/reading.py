"""Bytes on disk -> text plus its kind ("text" or "html"), or a `SourceError` that says what is wrong.

We refuse rather than guess: text that is not UTF-8 (or UTF-16/32 with a byte-order mark, or HTML declaring its
charset) is an error, because a wrong guess would silently corrupt every accented word in the article.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from importer.errors import SourceError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# File signatures of formats people might feed in by mistake (PDF, ZIP/DOCX, PNG, JPEG, GIF, gzip).
_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_source(path: Path) -> tuple[str, str]:
    """Return (text, kind) for the file at `path`; kind is "html" or "text"."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not data.strip():
        raise SourceError(f"{path} is empty")
    text = _decode(path, data)
    if len(_CONTROL.findall(text)) > max(2, len(text) // 1000):
        raise SourceError(f"{path} looks like a binary file, not an article (control characters in the text)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(f"{path} is empty")
    is_html = path.suffix.lower() in {".html", ".htm", ".xhtml"} or bool(_HTML_START.match(text))
    return text, "html" if is_html else "text"


def _decode(path: Path, data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise SourceError(
                    f"{path} starts with a {encoding} byte-order mark but is not {encoding}"
                ) from None
    if data.startswith(_MAGIC) or b"\x00" in data:
        raise SourceError(f"{path} looks like a binary file, not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            return _decode_declared(path, data, declared.group(1).decode("ascii"))
        raise SourceError(
            f"{path} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save it as UTF-8 or, for HTML, declare its charset"
        ) from None


def _decode_declared(path: Path, data: bytes, charset: str) -> str:
    try:
        return data.decode(charset)
    except LookupError:
        raise SourceError(f"{path} declares an unknown charset {charset!r}") from None
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{path} is not valid {charset} as it declares (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
