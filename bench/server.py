"""The project's own static server (`scripts/serve.py`), counting the body bytes it sends per path.

Counting on the server sees every request, including those of the Web Worker and a service worker, as the
encoded bytes that went over the wire (the gzip copy when one was served). The benchmark loads one page at a
time, so a reset before a page and a snapshot after it give that page's transfer.
"""

from __future__ import annotations

import http.server
import importlib.util
import threading
from collections import Counter
from pathlib import Path

from .build import REPO_ROOT


def _load_serve_module():
    """`scripts/` is not a package: load serve.py by path, the same file the offline copy ships."""
    spec = importlib.util.spec_from_file_location("legwork_serve", REPO_ROOT / "scripts" / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


serve = _load_serve_module()


class Tally:
    """Bytes sent per URL path since the last reset; thread-safe (the server is threaded)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._bytes: Counter[str] = Counter()

    def add(self, path: str, count: int) -> None:
        with self._lock:
            self._bytes[path] += count

    def reset(self) -> None:
        with self._lock:
            self._bytes.clear()

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return dict(self._bytes)


def start(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str, Tally]:
    """Serve `directory` on a free 127.0.0.1 port in a daemon thread; returns (server, base_url, tally).

    The folder need not exist yet: files are looked up per request, so the site can be built for the URL.
    """
    tally = Tally()

    class CountingHandler(serve.SiteHandler):
        def copyfile(self, source, outputfile) -> None:
            sent = 0
            while chunk := source.read(256 * 1024):
                outputfile.write(chunk)
                sent += len(chunk)
            tally.add(self.path.split("?", 1)[0], sent)

    server, base_url = serve.serve_in_thread(directory, handler_class=CountingHandler)
    return server, base_url, tally
