"""From raw samples to the one table: medians, ratios of alternated pairs, targets, pass or fail.

Ratios are the median of per-pair ratios (sample i of A over sample i of B, taken back to back), not a ratio of
medians: a pair shares the machine's load of that moment, so the pair ratio cancels most of the noise.
"""

from __future__ import annotations

import json
import math
import statistics
from collections import Counter
from pathlib import Path

PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STOCK_STDLIB = "python_stdlib.zip"  # shipped as the worker's fallback; unused while the trimmed zip serves
TRIMMED_STDLIB = "python_stdlib_legwork.zip"
SNAPSHOT_SUFFIX = ".snapshot"
BYTE_PARTS = ("pyodide", "python", "wheel", "site")
LANDED_BYTES = 6_883_000  # a first visit before issue 13 (README, commit 14f53dc)
# Issue 13's targets.
COLD_TARGET, WARM_TARGET = 0.5, 0.4
MARK = {True: "✅ pass", False: "❌ fail", None: "info"}


def rows(raw: dict) -> list[dict]:
    """Every row of the table, in the issue's order."""
    calc, bare, lcp = raw["calculator"], raw["bare"], raw["lcp"]
    static = raw["static"]
    out = []

    first = [s["cold"]["firstAnswerAfterDcl"] for s in calc]
    first_ms = _median(first)
    in_html = static["answer_in_html"]
    out.append(
        _row(
            "first_answer_ms",
            "Time to first answer (default result visible)",
            "0 ms after DOMContentLoaded, in the HTML",
            f"{_ms(first_ms)} after DOMContentLoaded; in the server HTML: {'yes' if in_html else 'no'}",
            first_ms,
            in_html and first_ms is not None and max(_numbers(first), default=1) == 0,
        )
    )
    for phase, label, target in (("cold", "Cold ready", COLD_TARGET), ("warm", "Warm ready", WARM_TARGET)):
        visits = [s.get(phase) or {} for s in calc]
        mine = [v.get("ready") for v in visits]
        floor = [b[phase] for b in bare]
        ratio = _median(_pair_ratios(mine, floor))
        # When the page started its worker: ready (from navigation start) minus the runtime's own boot time.
        start = _median([v["ready"] - v["bootMs"] for v in visits if v.get("ready") and v.get("bootMs")])
        boots = ", ".join(
            f"{b} {n}/{len(visits)}"
            for b, n in sorted(Counter(v.get("boot") for v in visits).items(), key=str)
        )
        out.append(
            _row(
                f"{phase}_ready_ratio",
                f"{label}: calculator page ÷ bare Pyodide page",
                f"≤ {target:.2f} ×",
                f"{_ms(_median(mine))} ÷ {_ms(_median(floor))} = {_x(ratio)} (worker started at {_ms(start)}; "
                f"Python started: {boots})",
                ratio,
                ratio is not None and ratio <= target,
            )
        )
    navs = [s.get("navigation") or {} for s in calc]
    nav_ms = _median([n.get("ms") for n in navs])
    swap_ms = _median([n.get("swapMs") for n in navs])
    announced_ms = _median([n.get("documentMs") for n in navs])
    same_doc = bool(navs) and all(n.get("sameDocument") for n in navs)
    workers = {n.get("workersStarted") for n in navs}
    out.append(
        _row(
            "navigation_ready_ms",
            "Ready after instant navigation to a second calculator page",
            "≤ 50 ms, no second boot",
            f"{_ms(nav_ms)} (new page in the DOM at {_ms(swap_ms)}, announced on document$ at "
            f"{_ms(announced_ms)}; same document: {'yes' if same_doc else 'NO'}; "
            "workers started: "
            f"{', '.join(str(w) for w in sorted(workers, key=str))})",
            nav_ms,
            nav_ms is not None and nav_ms <= 50 and same_doc and workers == {1},
        )
    )
    latencies = [x for s in calc for x in (s.get("latency") or {}).get("samples", [])]
    missing = sum(1 for x in latencies if x is None)
    valid = sorted(_numbers(latencies)) + [math.inf] * missing
    lat_median, lat_p95 = _median(valid), _percentile(valid, 95)
    note = f" ({missing} inputs got no update)" if missing else ""
    out.append(
        _row(
            "input_latency_median_ms",
            "Input to updated result, median",
            "≤ 20 ms",
            f"{_ms(lat_median)} over {len(valid)} inputs{note}",
            lat_median,
            lat_median is not None and lat_median <= 20,
        )
    )
    out.append(
        _row(
            "input_latency_p95_ms",
            "Input to updated result, 95th percentile",
            "≤ 50 ms",
            _ms(lat_p95),
            lat_p95,
            lat_p95 is not None and lat_p95 <= 50,
        )
    )
    with_w, without = [p["widgets"] for p in lcp], [p["plain"] for p in lcp]
    lcp_ratio = _median(_pair_ratios(with_w, without))
    out.append(
        _row(
            "lcp_ratio",
            f"Largest Contentful Paint of {raw['meta']['pages']['article']}: with widgets ÷ without",
            "≤ 1.05 ×",
            f"{_ms(_median(with_w))} ÷ {_ms(_median(without))} = {_x(lcp_ratio)}",
            lcp_ratio,
            lcp_ratio is not None and lcp_ratio <= 1.05,
        )
    )
    split = [split_bytes(s["bytes"]) for s in calc]
    parts = {key: _median([s[key] for s in split]) for key in BYTE_PARTS}
    total = sum(v or 0 for v in parts.values())
    out.append(
        _row(
            "cold_bytes",
            "Bytes transferred, cold calculator page (Pyodide / Python: snapshot or standard library / wheel / site)",
            f"≤ {_kb(LANDED_BYTES)} (landed before issue 13)",
            " / ".join(_kb(parts[k]) for k in BYTE_PARTS)
            + f" = {_kb(total)} ({_kb(abs(LANDED_BYTES - total))} {'less' if total <= LANDED_BYTES else 'more'})",
            parts,
            0 < total <= LANDED_BYTES,
        )
    )
    shipped = static["pyodide_files"]
    used = {path.rsplit("/", 1)[-1] for s in calc for path in s["bytes"] if "/pyodide/" in path}
    unused = sorted(set(shipped) - used - fallbacks(shipped))
    out.append(
        _row(
            "pyodide_files",
            "Pyodide files shipped (site/pyodide/) are all used by the page",
            "none unused but the fallbacks (stock stdlib; with a snapshot, the trimmed stdlib and the wheel); "
            "no console.html, .d.ts, .map",
            ", ".join(shipped) + (f"; unused: {', '.join(unused)}" if unused else "; all used"),
            sorted(shipped),
            not unused and not static["unneeded"],
        )
    )
    wheel = {name: size for name, size in shipped.items() if name.endswith(".whl")}
    wheel_size = max(wheel.values(), default=None)
    out.append(
        _row(
            "wheel_bytes",
            "Calculators wheel size (modules as .pyc)",
            "< 150 KB",
            _kb(wheel_size),
            wheel_size,
            wheel_size is not None and wheel_size < 150_000,
        )
    )
    for kind in ("clean", "repeated"):
        seconds = _median(raw["builds"][kind])
        out.append(
            _row(
                f"build_{kind}_s",
                f"Build time, {kind}",
                "—",
                f"{seconds:.2f} s" if seconds else "–",
                seconds,
                None,
            )
        )
    out += mobile_rows(raw.get("mobile") or {})
    escapes = raw["escapes"]
    out.append(
        _row(
            "requests_leaving_site",
            "Requests to anything but 127.0.0.1",
            "0",
            str(len(escapes)) + (f" ({', '.join(sorted(set(escapes))[:3])})" if escapes else ""),
            len(escapes),
            not escapes,
        )
    )
    return out


def mobile_rows(mobile: dict) -> list[dict]:
    """The mobile profile (CPU 4×, Fast 4G): cold and warm ready against the bare page, and bytes."""
    calc, bare = mobile.get("calculator") or [], mobile.get("bare") or []
    if not calc:
        return []
    out = []
    for phase in ("cold", "warm"):
        mine = [(s.get(phase) or {}).get("ready") for s in calc]
        floor = [b.get(phase) for b in bare]
        ratio = _median(_pair_ratios(mine, floor))
        out.append(
            _row(
                f"mobile_{phase}_ready",
                f"Mobile (CPU 4×, Fast 4G), {phase} ready: calculator page ÷ bare Pyodide page",
                "info",
                f"{_ms(_median(mine))} ÷ {_ms(_median(floor))} = {_x(ratio)} ({len(calc)} runs)",
                ratio,
                None,
            )
        )
    mine = _median([sum(s["bytes"].values()) for s in calc])
    floor = _median([sum(b["bytes"].values()) for b in bare])
    out.append(
        _row(
            "mobile_cold_bytes",
            "Mobile, bytes of a first visit: calculator page / bare Pyodide page",
            "info",
            f"{_kb(mine)} / {_kb(floor)}",
            mine,
            None,
        )
    )
    return out


def fallbacks(shipped: dict[str, int]) -> set[str]:
    """Files a page uses only when what it normally uses fails: the stock standard library when a trimmed one is
    shipped, and, when a snapshot of Python is shipped, what a Python started afresh reads instead."""
    found = set()
    if TRIMMED_STDLIB in shipped:
        found.add(STOCK_STDLIB)
    if any(name.endswith(SNAPSHOT_SUFFIX) for name in shipped):
        found |= {TRIMMED_STDLIB, *(name for name in shipped if name.endswith(".whl"))}
    return found


def split_bytes(sent: dict[str, int]) -> dict[str, int]:
    """A page load's bytes by origin: Pyodide's core files, the site's Python (its snapshot, or a standard
    library zip), the calculators wheel, everything else."""
    split = dict.fromkeys(BYTE_PARTS, 0)
    for path, count in sent.items():
        name = path.rsplit("/", 1)[-1]
        if name in PYODIDE_CORE:
            kind = "pyodide"
        elif name.endswith(SNAPSHOT_SUFFIX) or name.startswith("python_stdlib"):
            kind = "python"
        else:
            kind = "wheel" if name.endswith(".whl") else "site"
        split[kind] += count
    return split


def markdown(table: list[dict], meta: dict) -> str:
    lines = [
        f"Measured {meta['date']} on commit {meta['commit']}: {meta['runs']} alternated runs, "
        f"{meta['chromium']}, Pyodide {meta['pyodide']}, {meta['cpus']} CPUs (load {meta['load']}).",
        "",
        "| Measure | Target | Measured (median) | |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| {r['label']} | {r['target']} | {r['measured']} | {MARK[r['pass']]} |" for r in table]
    return "\n".join(lines) + "\n"


def write(out_dir: Path, table: list[dict], raw: dict) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "latest.md").write_text(markdown(table, raw["meta"]), encoding="utf-8")
    payload = {"meta": raw["meta"], "rows": table, "raw": raw}
    (out_dir / "latest.json").write_text(
        json.dumps(payload, indent=1, default=_json_default), encoding="utf-8"
    )


# ---------------------------------------------------------------------------------------------------------


def _row(key, label, target, measured, value, passed) -> dict:
    return {
        "key": key,
        "label": label,
        "target": target,
        "measured": measured,
        "value": value,
        "pass": passed,
    }


def _numbers(values) -> list[float]:
    return [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]


def _median(values) -> float | None:
    found = [v for v in values if v is not None]
    return statistics.median(found) if found else None


def _percentile(values: list[float], percent: float) -> float | None:
    """Nearest rank: the smallest sample with at least `percent` % of the samples at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


def _pair_ratios(a: list, b: list) -> list[float]:
    return [x / y for x, y in zip(a, b, strict=False) if x is not None and y]


def _ms(value) -> str:
    if value is None:
        return "–"
    return "∞" if value == math.inf else f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def _x(value) -> str:
    return "–" if value is None else f"{value:.2f} ×"


def _kb(value) -> str:
    return (
        "–" if value is None else f"{value / 1000:,.0f} KB" if value >= 10_000 else f"{value / 1000:.1f} KB"
    )


def _json_default(value):
    return None if value == math.inf else str(value)
