"""Wait for the machine to go quiet before a measured visit.

A closed browser context keeps working for a moment (its renderer tearing down a 30 MB WebAssembly heap, the
last writes of its caches), and on two cores whatever page is measured next pays for it: the first visit after a
calculator session was 1.5–2× slower than the same visit a second later, whichever page it was. Every measured
visit, on either side of a ratio, starts once the CPUs have been mostly idle for a moment (Linux's /proc/stat),
or after `LIMIT_S` whatever the load.
"""

from __future__ import annotations

import time
from pathlib import Path

STAT = Path("/proc/stat")
WINDOW_S = 0.2
IDLE_SHARE = 0.8  # of all CPU time in a window
LIMIT_S = 5.0


def _idle_and_total() -> tuple[int, int] | None:
    try:
        fields = [int(v) for v in STAT.read_text(encoding="ascii").split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    return fields[3] + fields[4], sum(fields[:8])  # idle + iowait; user … steal


def wait_quiet() -> float:
    """Block until one `WINDOW_S` window was at least `IDLE_SHARE` idle; returns the seconds waited."""
    started = time.monotonic()
    before = _idle_and_total()
    while before is not None and time.monotonic() - started < LIMIT_S:
        time.sleep(WINDOW_S)
        after = _idle_and_total()
        idle, total = after[0] - before[0], after[1] - before[1]
        if total > 0 and idle / total >= IDLE_SHARE:
            break
        before = after
    return time.monotonic() - started
