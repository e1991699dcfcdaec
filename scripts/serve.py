"""Serve a built Legwork site on 127.0.0.1 with the MIME types Pyodide needs.

Standard library only, so the same file ships as the launcher of the offline copy (`make dist`).
`.wasm` must be `application/wasm` for streaming compilation and `.mjs` JavaScript for module workers.
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import http.server
import mimetypes
import socket
import sys
import threading
import webbrowser
from pathlib import Path

EXTRA_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".snapshot": "application/octet-stream",
}
# The precompressed copies macros/precompress.py writes, best first: (suffix, Content-Encoding).
PRECOMPRESSED = ((".br", "br"), (".gz", "gzip"))
STRICT_CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:"
)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with correct types, an optional CSP header and precompressed copies."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}
    csp: str | None = None
    quiet = True

    def end_headers(self) -> None:
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):  # type: ignore[override]
        """Serve `file.br` (or else `file.gz`) with Content-Encoding when the client accepts that encoding and
        the copy exists.

        Like the plain branch, it sends Last-Modified and answers If-Modified-Since with 304, so a second visit
        revalidates the large Pyodide files instead of downloading them again.
        """
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        copy = self._precompressed(path)
        if copy is None:
            return super().send_head()
        packed, encoding = copy
        modified = int(packed.stat().st_mtime)
        if self._not_modified_since(modified):
            self.send_response(304)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        body = packed.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(packed.stat().st_size))
        self.send_header("Last-Modified", email.utils.formatdate(modified, usegmt=True))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return body

    def _precompressed(self, path: Path) -> tuple[Path, str] | None:
        """The best copy of `path` the client accepts, brotli before gzip, and its Content-Encoding."""
        if not path.is_file():
            return None
        accepted = {
            token.split(";")[0].strip() for token in self.headers.get("Accept-Encoding", "").split(",")
        }
        for suffix, encoding in PRECOMPRESSED:
            packed = path.with_name(path.name + suffix)
            if encoding in accepted and packed.is_file():
                return packed, encoding
        return None

    def _not_modified_since(self, modified: int) -> bool:
        header = self.headers.get("If-Modified-Since")
        if not header:
            return False
        try:
            since = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError):
            return False
        return since is not None and modified <= since.timestamp()

    def log_message(self, format: str, *args) -> None:
        if not self.quiet:
            super().log_message(format, *args)


def make_server(
    directory: Path,
    port: int = 0,
    csp: str | None = None,
    quiet: bool = True,
    handler_class: type | None = None,
):
    """A threading server bound to 127.0.0.1 (port 0 picks a free one); the caller runs it.

    `handler_class` (a `SiteHandler` subclass) lets the benchmark count bytes with the same server.
    """
    for ext, ctype in EXTRA_TYPES.items():
        mimetypes.add_type(ctype, ext)
    base = handler_class or SiteHandler
    handler = functools.partial(
        type("Handler", (base,), {"csp": csp, "quiet": quiet}), directory=str(directory)
    )
    server_class = type("Server", (http.server.ThreadingHTTPServer,), {"allow_reuse_address": True})
    server = server_class(("127.0.0.1", port), handler)
    server.daemon_threads = True
    return server


def serve_in_thread(
    directory: Path, csp: str | None = None, port: int = 0, handler_class: type | None = None
):
    """Start a server in a daemon thread; returns (server, base_url). Used by tests and the benchmark."""
    server = make_server(directory, port, csp=csp, handler_class=handler_class)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def free_port() -> int:
    """A port nothing listens on right now, for a site built to be served there (its `site_url`)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    """`python3 serve.py` beside a `site/` folder (the offline copy) serves it and opens the browser."""
    here = Path(__file__).resolve().parent
    beside = here / "site"
    parser = argparse.ArgumentParser(description="Serve the Legwork site on 127.0.0.1.")
    parser.add_argument("--dir", type=Path, default=None, help="folder to serve (default: ./site beside me)")
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--csp", action="store_true", help="send the strict Content-Security-Policy header")
    parser.add_argument(
        "--open",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="open the site in the default browser (default: yes for the offline copy's own site/)",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    directory = args.dir or (beside if beside.is_dir() else Path.cwd() / "site")
    if not (directory / "index.html").is_file():
        print(f"error: no built site in {directory} (run `make build`)", file=sys.stderr)
        return 2
    csp = STRICT_CSP if args.csp else None
    try:
        server = make_server(directory, args.port, csp=csp, quiet=not args.verbose)
    except OSError as error:  # the port is taken: any free one will do
        print(f"port {args.port} is busy ({error.strerror}); picking a free one", file=sys.stderr)
        server = make_server(directory, 0, csp=csp, quiet=not args.verbose)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Serving {directory} on {url} (Ctrl+C to stop)", flush=True)
    if args.open if args.open is not None else (args.dir is None and beside.is_dir()):
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
