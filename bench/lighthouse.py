"""``make lighthouse``: Lighthouse scores of the demo site, mobile preset, offline.

Builds the demo site (not the synthetic one) in a throwaway SQLite database
with production settings, serves it with gunicorn on 127.0.0.1, and runs
Lighthouse (npm, ``node_modules/.bin/lighthouse``) with Debian's Chromium,
headless, on the home page, the initiatives index and an initiative page.
Fails unless performance is at least 95 and accessibility, best practices
and SEO are 100 on every page. Reports go to ``bench/results/lighthouse/``.

``--base-url http://127.0.0.1:8000`` checks a server that is already running
instead (any settings; production's are what counts).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.run import ROOT, log, prepare_site, production_env, start_server, stop_server

PORT = 8143
PATHS = ["/en/", "/en/initiatives/", "/en/initiatives/istac/"]
MINIMUM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = " ".join(
    [
        "--headless=new",
        "--no-sandbox",  # Chromium refuses to run as root otherwise (containers, CI)
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-sync",
        "--disable-extensions",
    ]
)
OUTPUT = ROOT / "bench" / "results" / "lighthouse"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", help="check this running server instead of building one")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    args = parser.parse_args(argv)
    lighthouse = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        print("Lighthouse is not installed: run `make install` (npm ci).", file=sys.stderr)
        return 2
    if not Path(args.chrome).exists():
        print(f"No Chromium at {args.chrome}: apt-get install chromium", file=sys.stderr)
        return 2
    OUTPUT.mkdir(parents=True, exist_ok=True)
    if args.base_url:
        return audit(lighthouse, args.chrome, args.base_url.rstrip("/"))
    workdir = Path(tempfile.mkdtemp(prefix="portal-lighthouse-"))
    env = production_env("sqlite", workdir)
    env["WAGTAILADMIN_BASE_URL"] = f"http://127.0.0.1:{PORT}"
    os.environ.update(env)
    import django

    django.setup()
    server = None
    try:
        prepare_site(workdir)
        server = start_server(env, PORT, workdir, page_cache=True, workers=2)
        return audit(lighthouse, args.chrome, f"http://127.0.0.1:{PORT}")
    finally:
        if server:
            stop_server(server)
        shutil.rmtree(workdir, ignore_errors=True)


def audit(lighthouse, chrome, base_url):
    rows, failures = [], []
    for path in PATHS:
        name = path.strip("/").replace("/", "-") or "home"
        report = OUTPUT / f"{name}.json"
        log(f"lighthouse {base_url}{path}")
        result = subprocess.run(
            [
                str(lighthouse),
                f"{base_url}{path}",
                "--quiet",
                "--output=json",
                "--output=html",
                f"--output-path={OUTPUT / name}",
                f"--chrome-flags={CHROME_FLAGS}",
                "--only-categories=performance,accessibility,best-practices,seo",
            ],  # fmt: skip
            env={**os.environ, "CHROME_PATH": chrome},
            capture_output=True,
            text=True,
            timeout=300,
        )
        json_report = OUTPUT / f"{name}.report.json"
        if result.returncode != 0 or not json_report.exists():
            print(result.stdout[-2000:], result.stderr[-4000:], file=sys.stderr)
            failures.append(f"{path}: Lighthouse failed (exit {result.returncode})")
            continue
        json_report.replace(report)
        data = json.loads(report.read_text())
        scores = {
            key: round(category["score"] * 100) if category["score"] is not None else 0
            for key, category in data["categories"].items()
        }
        rows.append((path, scores))
        for key, minimum in MINIMUM.items():
            if scores.get(key, 0) < minimum:
                failures.append(f"{path}: {key} {scores.get(key)} < {minimum}")
                failures += [f"    {line}" for line in failing_audits(data, key)]
    text = table(rows, failures)
    print(text)
    (OUTPUT.parent / "lighthouse.md").write_text(text)
    return 1 if failures else 0


def failing_audits(data, category):
    """Titles of the audits that cost points in ``category``."""
    audits = data["audits"]
    lines = []
    for ref in data["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            lines.append(f"{audit['id']}: {audit['title']} ({audit.get('displayValue', '')})")
    return lines


def table(rows, failures):
    lines = [
        "| Page | Performance | Accessibility | Best practices | SEO |",
        "|---|---:|---:|---:|---:|",
    ]
    for path, scores in rows:
        lines.append(
            f"| {path} | {scores.get('performance')} | {scores.get('accessibility')} "
            f"| {scores.get('best-practices')} | {scores.get('seo')} |"
        )
    lines.append("")
    lines.append("Mobile preset (Lighthouse's default: emulated phone, simulated slow 4G).")
    if failures:
        lines.append("Missed:")
        lines += [f"- {failure}" for failure in failures]
    else:
        lines.append("All pages meet performance >= 95, accessibility, best practices and SEO 100.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
