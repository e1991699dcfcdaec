"""`python -m bench` (`make bench`): build, serve, measure in Chromium, print and save the table.

Order of work: timed builds (the last one is the site served), the benchmark's own pages added to that private
copy, then `--runs` rounds. Each round measures the calculator page and the bare Pyodide page, in A-B order on
even rounds and B-A on odd ones, and the article with and without widgets in `--lcp-pairs` pairs, half in each
order, so that drift in the machine's load falls on both sides equally. Every measured visit starts on a quiet machine
(`quiet.py`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from . import browser as chromium
from . import build, levers, measure, mobile, pages, readme, report, server

RESULTS_DIR = build.REPO_ROOT / "bench-results"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="legwork-bench-"))
    site = work / "site"
    started = time.perf_counter()
    httpd, base, tally = server.start(site)
    try:
        say(f"timing {args.builds} clean and {args.builds} repeated builds …")
        builds = build.timed_builds(work / "timed", args.builds)
        say(f"building the site for {base} …")
        build.build_for(site, base)
        if args.no_precompressed:
            for copy in site.rglob("*.gz"):
                copy.unlink()
        if args.lever_off:
            levers.turn_off(site, args.lever_off)
        found = pages.calculator_pages(site)
        chosen = choose_pages(args, found)
        pages.add_bench_pages(site, chosen["article"])
        urls = measure.Urls(
            calculator=base + chosen["calculator"],
            second=base + chosen["second"],
            article=base + chosen["article"] + pages.WITH_WIDGETS,
            article_plain=base + chosen["article"] + pages.NO_WIDGETS,
            bare=base + pages.BARE_PAGE,
        )
        shipped = pages.shipped_pyodide(site)
        raw = {
            "meta": meta(args, chosen),
            "builds": builds,
            "static": {
                "answer_in_html": pages.answer_in_html(site, chosen["calculator"]),
                "pyodide_files": shipped,
                "unneeded": pages.unneeded(list(shipped)),
            },
        }
        raw.update(run_rounds(args, urls, tally, raw["meta"]))
    finally:
        httpd.shutdown()
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    raw["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    raw["meta"]["load"] += f" → {os.getloadavg()[0]:.1f}"
    table = report.rows(raw)
    report.write(args.out, table, raw)
    print(report.markdown(table, raw["meta"]))
    say(f"wrote {args.out / 'latest.md'} and latest.json in {raw['meta']['seconds']} s")
    if args.update_readme:
        readme.update(build.REPO_ROOT / "README.md", (args.out / "latest.md").read_text(encoding="utf-8"))
        say("README.md's speed table now shows this run")
    return 0


def run_rounds(args, urls: measure.Urls, tally: server.Tally, meta_out: dict) -> dict:
    setup = chromium.Setup(service_workers=not args.block_service_workers)
    calc, bare, lcp = [], [], []
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        meta_out["chromium"] = f"Chromium {browser.version}"
        try:
            for round_no in range(args.runs):
                flip = round_no % 2 == 1
                say(f"round {round_no + 1}/{args.runs} …")
                steps = [
                    lambda: calc.append(measure.calculator_session(browser, urls, tally, setup, args.inputs)),
                    lambda: bare.append(measure.bare_visits(browser, urls.bare, setup)),
                ]
                for step in reversed(steps) if flip else steps:
                    step()
                # LCP pairs in both orders by turns (A B, then B A), so neither side is more often first.
                order = [("plain", urls.article_plain, False), ("widgets", urls.article, True)]
                for index in range(args.lcp_pairs):
                    sequence = order if (index + flip) % 2 else order[::-1]
                    pair = {
                        key: measure.lcp_visit(browser, url, setup, widgets) for key, url, widgets in sequence
                    }
                    lcp.append(pair)
                say("  " + progress(calc[-1], bare[-1], pair))
            phone = {"calculator": [], "bare": []}
            for round_no in range(args.mobile_runs):
                say(f"mobile round {round_no + 1}/{args.mobile_runs} (CPU 4×, Fast 4G) …")
                steps = [
                    lambda: phone["calculator"].append(mobile.calculator_visits(browser, urls, tally, setup)),
                    lambda: phone["bare"].append(mobile.bare_visits(browser, urls.bare, tally, setup)),
                ]
                for step in reversed(steps) if round_no % 2 else steps:
                    step()
                c, b = phone["calculator"][-1], phone["bare"][-1]
                say(
                    f"  cold {fmt(c['cold'].get('ready'))} vs bare {fmt(b['cold'])}; "
                    f"warm {fmt(c['warm'].get('ready'))} vs {fmt(b['warm'])}"
                )
        finally:
            browser.close()
    return {"calculator": calc, "bare": bare, "lcp": lcp, "mobile": phone, "escapes": setup.escapes.urls}


def progress(calc: dict, bare: dict, lcp: dict) -> str:
    """One line per round, so a long run shows it is alive and a broken one shows where."""
    cold, warm = calc["cold"], calc.get("warm") or {}
    nav = (calc.get("navigation") or {}).get("ms")
    return (
        f"cold {fmt(cold.get('ready'))} vs bare {fmt(bare['cold'])}; warm {fmt(warm.get('ready'))} vs "
        f"{fmt(bare['warm'])}; nav {fmt(nav)}; LCP {fmt(lcp['widgets'])} vs {fmt(lcp['plain'])}"
        + (f"; ERROR {cold['error']}" if cold.get("error") else "")
    )


def choose_pages(args, found: list[str]) -> dict[str, str]:
    """The calculator page, a second one for instant navigation, and the article for LCP."""
    if len(found) < 2:
        raise SystemExit(f"need two pages with calculators, found {found}")

    def pick(wanted: str | None, avoid: str = "", default: int = 0) -> str:
        """The page named (its folder, or its last folder: "calories/"); unnamed, or not found, a discovered
        one (the first other than `avoid`, or the one at `default`)."""
        named = [page for page in found if wanted and (page == wanted or page.endswith("/" + wanted))]
        others = [page for page in found if page != avoid]
        return next((page for page in named if page != avoid), others[default] if avoid == "" else others[0])

    calculator = pick(args.calculator_page)
    return {
        "calculator": calculator,
        "second": pick(args.second_page, avoid=calculator),
        "article": pick(args.article_page, default=-1),
    }


def meta(args, chosen: dict) -> dict:
    package = json.loads((build.REPO_ROOT / "node_modules/pyodide/package.json").read_text(encoding="utf-8"))
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "runs": args.runs,
        "inputs_per_run": args.inputs,
        "precompressed": not args.no_precompressed,
        "service_workers": not args.block_service_workers,
        "levers_off": args.lever_off,
        "mobile_runs": args.mobile_runs,
        "pyodide": package["version"],
        "cpus": os.cpu_count(),
        "load": f"{os.getloadavg()[0]:.1f}",
        "pages": chosen,
        "chromium": "Chromium",
    }


def git_commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=build.REPO_ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "calculators", "macros", "mkdocs.yml", "docs"],
            cwd=build.REPO_ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        return head + (" (+ uncommitted changes)" if dirty else "")
    except OSError:
        return "unknown"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="alternated rounds; the table shows medians")
    parser.add_argument("--inputs", type=int, default=20, help="inputs timed per round (latency rows)")
    parser.add_argument(
        "--lcp-pairs",
        type=int,
        default=10,
        help="LCP pairs per round, half in each order (one visit is noisy)",
    )
    parser.add_argument("--builds", type=int, help="clean + repeated builds to time (default: --runs)")
    parser.add_argument(
        "--quick", action="store_true", help="a fast check: 1 round, 1 build, 10 inputs, 2 LCP pairs"
    )
    parser.add_argument("--no-precompressed", action="store_true", help="delete the .gz copies (lever A/B)")
    parser.add_argument(
        "--block-service-workers", action="store_true", help="no service worker (its cost, as an A/B)"
    )
    parser.add_argument(
        "--lever-off",
        action="append",
        default=[],
        choices=levers.LEVERS,
        help="undo one lever (A/B; repeatable)",
    )
    parser.add_argument("--mobile-runs", type=int, default=3, help="rounds of the mobile profile (0: none)")
    parser.add_argument(
        "--update-readme", action="store_true", help="put the table into README.md's Speed section"
    )
    parser.add_argument("--calculator-page", help="page measured cold and warm (default: the first found)")
    parser.add_argument("--second-page", help="reached by instant navigation (default: the next one found)")
    parser.add_argument("--article-page", help="article for the LCP ratio (default: the last one found)")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="where latest.md and latest.json go")
    parser.add_argument("--keep", action="store_true", help="keep the temporary site for inspection")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.inputs, args.builds, args.mobile_runs = 1, 10, 1, min(args.mobile_runs, 1)
        args.lcp_pairs = min(args.lcp_pairs, 2)
    args.builds = args.builds or args.runs
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def fmt(value) -> str:
    return "–" if value is None else f"{value:.0f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
