"""``make bench``: the portal's performance on one machine, in one run, against budgets.

For each database (SQLite always; PostgreSQL when its server binaries are
installed, through ``scripts/with-postgres``) a *phase* runs in its own
process with production settings and a database of its own:

1. migrate, load the demo content, collect static files (hashed, gzip and
   Brotli), compile the interface translations;
2. for each size (100, then 10,000 initiatives, plus a tenth as many good
   practices and funding opportunities, in all five languages) grow the site
   with :mod:`bench.synthetic`, check the page tree, count the SQL queries of
   each measured page (Django's test client with the page cache off), start
   two gunicorn servers on 127.0.0.1 (page cache on; page cache off), and load
   every URL with wrk for a bounded time;
3. at the largest size, 200 board applications are sent at once (plus 20 of
   them twice, as double clicks do) and the database must then hold exactly
   200 new submissions.

The *cluster* engine (:mod:`bench.cluster`, when PostgreSQL, Redis and nginx
are installed) measures the same pages through the production topology:
nginx in front of two gunicorn app servers with the shared Redis cache.

The orchestrator then prints one table, the ratios and the budgets, writes
``bench/results/latest.md`` and exits 1 if a budget is missed. See
``bench/README.md`` for how to read it.
"""

import argparse
import json
import os
import platform
import re
import resource
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from contextlib import contextmanager
from datetime import UTC, datetime
from http.client import HTTPConnection
from pathlib import Path

from bench import cluster, forms_load, wire

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable

# Budgets (bench/README.md explains each).
CACHED_VS_STATIC_MIN = 0.9
# Flat at any size: every page's uncached CPU per request, largest size / smallest.
GROWTH_MAX = 1.3
# Queries of every measured page rendered without the page cache.
QUERIES_MAX = 12
SEARCH_P50_MAX_MS = 150
FORM_SUBMISSIONS = 200
FORM_DOUBLE_POSTS = 20
# A cached page and the static file are measured in alternating rounds
# (file, page, file, page, ...); the budget holds the median of the ratios of
# each pair. Above this much CPU used by other programs (median over a page's
# rounds, as % of all cores) a ratio is not judged: the 0.9 budget leaves a
# 10 % margin, and load that large can take more from one half of a pair than
# the other by as much as the whole margin.
OTHER_LOAD_MAX_PCT = 10.0
# First visit (bench/wire.py): pages checked at the largest size.
WIRE_PAGES = ["home", "initiatives index", "initiative page", "form"]
FORM_PATH = "/en/get-involved/example-survivor-advisory-board/"
# BENCH_QUICK=1: a smoke run of the harness, minutes not twenty, numbers meaningless.
QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0", "false")

# gunicorn: 3 sync workers on 2 cores. Rendering is CPU-bound Python, so more
# workers than cores only queue for the CPU; one more than the cores keeps both
# busy while a worker waits on the database or the socket. wrk shares the
# cores. (The Dockerfile's default is the same 3.)
WORKERS = 3
PORT_CACHED = 8141
PORT_UNCACHED = 8142

PAGES = [
    ("home", "/en/"),
    ("initiatives index", "/en/initiatives/"),
    # Two filters, one with two values: a full page of twelve at 100 items as at
    # 10,000, so that the two sizes render the same work (the three filters
    # measured before matched one initiative at 100 items and twelve at 10,000).
    ("filtered index", "/en/initiatives/?country=AL&country=MK&area=policy-development"),
    ("initiative page", None),  # a synthetic initiative, chosen when the site is built
    ("search", "/en/search/?q=advisory+council"),
]

# Never stored by the page cache (core/canonical_query.py: search words are
# served fresh), so measured uncached only.
NOT_CACHED = {"search"}

WRK_LUA = r"""
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + (t:get("bad") or 0) end
  local e = summary.errors
  io.write(string.format("WRKRESULT %d %.3f %.3f %.3f %.3f %d %d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.mean / 1000,
    n, e.connect + e.read + e.write + e.timeout))
end
"""


# Orchestrator ------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description="Benchmark the portal against its budgets.")
    sub = parser.add_subparsers(dest="command")
    parser.add_argument(
        "--engines", default="sqlite,cluster" if QUICK else "sqlite,postgres,cluster"
    )
    parser.add_argument("--sizes", default="10,20" if QUICK else "100,10000")
    parser.add_argument(
        "--duration",
        type=int,
        default=3 if QUICK else 16,
        help="seconds of load per uncached URL, over its rounds",
    )
    parser.add_argument(
        "--warmup", type=int, default=1 if QUICK else 2, help="seconds of warm-up per URL"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3 if QUICK else 30,
        help="alternating rounds of static file and cached page, per page",
    )
    parser.add_argument(
        "--round-seconds",
        type=int,
        default=1,
        help="seconds of load per round of the static file or a cached page",
    )
    parser.add_argument(
        "--uncached-rounds",
        type=int,
        default=2 if QUICK else 8,
        help="rounds of an uncached page, each after a round of the static file",
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--output", default=str(RESULTS / "latest.md"))
    phase = sub.add_parser("phase", help="one database (run by the orchestrator)")
    phase.add_argument("--engine", required=True)
    phase.add_argument("--sizes", required=True)
    phase.add_argument("--duration", type=int, required=True)
    phase.add_argument("--warmup", type=int, required=True)
    phase.add_argument("--connections", type=int, required=True)
    phase.add_argument("--rounds", type=int, required=True)
    phase.add_argument("--round-seconds", type=int, required=True)
    phase.add_argument("--uncached-rounds", type=int, required=True)
    phase.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    if args.command == "phase":
        return run_phase(args)
    return orchestrate(args)


def orchestrate(args):
    if not shutil.which("wrk"):
        print("wrk not found: apt-get install wrk", file=sys.stderr)
        return 2
    started = time.monotonic()
    engines = [engine.strip() for engine in args.engines.split(",") if engine.strip()]
    results, skipped = [], []
    for engine in engines:
        if engine in ("postgres", "cluster") and not postgres_available():
            skipped.append(f"{engine}: PostgreSQL 15 server binaries not found")
            continue
        if engine == "cluster" and not (shutil.which("nginx") and shutil.which("redis-server")):
            skipped.append("cluster: nginx or redis-server not installed (scripts/cluster start)")
            continue
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
            out = handle.name
        command = [
            PYTHON, "-m", "bench.run", "phase", "--engine", engine, "--sizes", args.sizes,
            "--duration", str(args.duration), "--warmup", str(args.warmup),
            "--connections", str(args.connections), "--rounds", str(args.rounds),
            "--round-seconds", str(args.round_seconds),
            "--uncached-rounds", str(args.uncached_rounds), "--out", out,
        ]  # fmt: skip
        if engine == "postgres":
            command = [str(ROOT / "scripts" / "with-postgres"), *command]
        log(f"== {engine}: sizes {args.sizes}")
        if engine == "cluster":
            log(f"scripts/cluster start in {cluster.VAR}, port {cluster.LB_PORT}")
            try:
                setup = cluster.start()
                status = subprocess.run(
                    cluster.phase_command(command), cwd=ROOT, env=cluster.environment()
                ).returncode
            finally:
                cluster.stop()
        else:
            status = subprocess.run(command, cwd=ROOT).returncode
        if status != 0:
            print(f"The {engine} phase failed (exit {status}).", file=sys.stderr)
            return 1
        results.append(json.loads(Path(out).read_text()))
        if engine == "cluster":
            results[-1]["seconds"]["setup"] = setup
        os.unlink(out)
    if not results:
        print("Nothing was measured.", file=sys.stderr)
        return 1
    report = Report(results, skipped, args, time.monotonic() - started)
    text = report.markdown()
    print()
    print(text)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text)
    print(f"Written to {output}")
    if not report.passed:
        return 1
    return 3 if report.unjudged else 0


def postgres_available():
    pg_bin = os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin")
    return Path(pg_bin, "initdb").exists() or shutil.which("initdb") is not None


def log(message):
    # UTC: the phases load Django settings, which switch the process's time zone.
    stamp = datetime.now(UTC).strftime("%H:%M:%S")
    print(f"[bench {stamp}] {message}", file=sys.stderr, flush=True)


# One database ------------------------------------------------------------------


def run_phase(args):
    engine = args.engine
    sizes = [int(size) for size in args.sizes.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix=f"portal-bench-{engine}-"))
    # The cluster's environment comes from scripts/cluster, which started it.
    env = {} if engine == "cluster" else production_env(engine, workdir)
    os.environ.update(env)
    import django

    django.setup()
    result = {
        "engine": engine,
        "sizes": {},
        "machine": machine(),
        "settings": {"workers": WORKERS, "connections": args.connections},
    }
    try:
        with timed(result, "setup"):
            if engine != "cluster":
                prepare_site(workdir)
        built = 0
        for size in sizes:
            size_result = result["sizes"][str(size)] = {}
            with timed(size_result, "build"):
                size_result["synthetic"] = grow_site(size - built)
            built = size
            if engine == "cluster":
                wait_for_worker()
            pages = resolve_pages()
            size_result["queries"] = count_queries(pages)
            if engine == "cluster":
                measure_cluster(pages, size_result, args, largest=size == sizes[-1])
                continue
            form_path = resolve_form()
            with servers(env, workdir) as (cached, uncached):
                size_result["load"] = measure(
                    cached, uncached, pages, size_result, args, largest=size == sizes[-1]
                )
                if size == sizes[-1]:
                    size_result["wire"] = first_visits(cached, {**pages, "form": form_path})
                    submissions = FORM_SUBMISSIONS // 10 if QUICK else FORM_SUBMISSIONS
                    doubles = FORM_DOUBLE_POSTS // 10 if QUICK else FORM_DOUBLE_POSTS
                    size_result["forms"] = forms_load.run(cached, submissions, doubles)
                    size_result["forms"].update(
                        forms_load.verify(submissions, size_result["forms"]["last_pk_before"])
                    )
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(workdir, ignore_errors=True)
    Path(args.out).write_text(json.dumps(result, indent=1, default=str))
    return 0


def wait_for_worker(seconds=600):
    """Until the cluster's task worker has no task left to run.

    The demo content queues search index updates for the worker, and each one
    it finishes makes every cached page, facet count and result list stale:
    measured meanwhile, every request would be a cold one.
    """
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + seconds
    pending = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
    while pending.exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the cluster's worker still has tasks after {seconds} s")
        time.sleep(1)


def measure_cluster(pages, size_result, args, largest):
    """The pages through the cluster's load balancer: uncached with both app servers
    running without the page cache, then cached beside the static file."""
    from core.page_cache import invalidate_all

    # The synthetic pages are bulk-inserted, without the signals that publishing sends.
    invalidate_all()
    with cluster.app_servers(page_cache=False) as uncached:
        rows = measure(None, uncached, pages, size_result, args, largest=False)
        if largest:
            single = wrk(uncached, pages["search"], args, connections=1, threads=1)
            rows["search"]["single"] = single
    with cluster.app_servers(page_cache=True) as cached:
        if largest:
            cached_rows = measure(cached, None, pages, size_result, args, largest=True)
            for name, row in cached_rows.items():
                rows.setdefault(name, {}).update(row)
            size_result["wire"] = first_visits(cached, {**pages, "form": resolve_form()})
    size_result["load"] = rows


def production_env(engine, workdir):
    from cryptography.fernet import Fernet

    # /healthz (which the bench waits for) checks that media storage is writable.
    (workdir / "media").mkdir(exist_ok=True)
    if engine == "sqlite":
        database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    else:
        database_url = os.environ["DATABASE_URL"]  # set by scripts/with-postgres
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "FORMS_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "DATABASE_URL": database_url,
        "PORTAL_VAR_DIR": str(workdir),
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        # Plain http on loopback: no redirect to https, no HSTS.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{PORT_CACHED}",
        # 200 submissions come from one address; the limit is tested elsewhere.
        "FORMS_RATE_LIMIT_POSTS": "100000",
        # Production queues mail in the database for `manage.py db_worker`; none runs here.
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
        # Each gunicorn worker keeps its own cache, as the figures so far were
        # measured; the cluster (scripts/cluster) runs the shared Redis cache.
        "CACHE_URL": "locmem://bench",
        "ALLOW_PRIVATE_CACHE": "true",
        "PAGE_CACHE_ENABLED": "true",
    }


@contextmanager
def timed(result, name):
    started = time.monotonic()
    yield
    result.setdefault("seconds", {})[name] = round(time.monotonic() - started, 1)


def prepare_site(workdir):
    from django.core.management import call_command

    from portal.sqlite.base import allow_creation

    log("migrate")
    allow_creation()  # a new SQLite file: only migrate may create one
    call_command("migrate", interactive=False, verbosity=0)
    log("load_demo_content")
    call_command("load_demo_content", verbosity=0)
    log("collectstatic, compile_translations")
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("compile_translations", verbosity=0)


def grow_site(count):
    from django.db import connections

    from bench import synthetic

    log(f"synthetic content: +{count} initiatives")
    summary = synthetic.build(count, workers=2)
    started = time.monotonic()
    synthetic.check_tree()
    summary.seconds["tree check"] = time.monotonic() - started
    log(f"  {summary}")
    connections.close_all()
    return {"pages": summary.pages, "seconds": {k: round(v, 1) for k, v in summary.seconds.items()}}


def resolve_pages():
    """The measured URLs, with a synthetic initiative from the middle of the directory."""
    from bench.synthetic import SYNTHETIC_MARK
    from initiatives.models import InitiativePage

    initiatives = InitiativePage.objects.live().filter(
        locale__language_code="en", slug__contains=f"-{SYNTHETIC_MARK}0"
    )
    middle = initiatives.order_by("pk")[initiatives.count() // 2]
    pages = dict(PAGES)
    pages["initiative page"] = middle.get_url()
    return pages


def resolve_form():
    """The advisory-board call: the form page whose first visit is weighed."""
    from forms.models.board import BoardApplicationPage

    page = BoardApplicationPage.objects.live().filter(locale__language_code="en").first()
    return page.get_url() if page else FORM_PATH


def count_queries(pages):
    """SQL queries of each page rendered without the page cache (warm process caches)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    with override_settings(PAGE_CACHE_ENABLED=False):
        for name, path in pages.items():
            client.get(path)
            with CaptureQueriesContext(connection) as context:
                response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
            counts[name] = len(context.captured_queries)
    connection.close()
    return counts


@contextmanager
def servers(env, workdir):
    cached = start_server(env, PORT_CACHED, workdir, page_cache=True)
    uncached = start_server(env, PORT_UNCACHED, workdir, page_cache=False)
    try:
        yield cached, uncached
    finally:
        for server in (cached, uncached):
            stop_server(server)


def start_server(env, port, workdir, page_cache, workers=WORKERS):
    server_env = {**os.environ, **env, "PAGE_CACHE_ENABLED": "true" if page_cache else "false"}
    log_file = open(workdir / f"gunicorn-{port}.log", "w")  # noqa: SIM115 (closed in stop_server)
    # gunicorn.conf.py, as the Dockerfile and scripts/cluster use it.
    server_env.update(
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS=str(workers),
        GUNICORN_TIMEOUT="60",
        GUNICORN_LOG_LEVEL="warning",
        GUNICORN_ACCESS_LOG="off",
    )
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "portal.wsgi:application"],
        cwd=ROOT,
        env=server_env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = {"process": process, "port": port, "log": log_file, "base": f"http://127.0.0.1:{port}"}
    # Production settings load in seconds; a machine busy with other work can take minutes.
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn on {port} exited; see {log_file.name}")
        try:
            status, _headers, _body = http_get(port, "/healthz")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    stop_server(server)
    raise RuntimeError(f"gunicorn on {port} did not answer /healthz within 180 s")


def stop_server(server):
    process = server["process"]
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    server["log"].close()


def http_get(port, path, headers=None):
    connection = HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def static_url(cached):
    """The stylesheet's hashed address, as the home page links it."""
    _status, _headers, body = http_get(cached["port"], "/en/")
    match = re.search(rb'<link rel="stylesheet" href="([^"]+)"', body)
    if not match:
        raise RuntimeError("No stylesheet link on /en/")
    return match[1].decode()


def measure(cached, uncached, pages, size_result, args, largest):
    """wrk on every URL: each page uncached; at the largest size also each page
    from the cache side by side with the static file, and search for a single
    visitor.

    Cached pages and the static file cost the same at any size (a cache lookup,
    a file), so they are measured once, where it matters, to keep the whole
    run shorter.
    """
    rows = {name: {} for name in pages}
    if "static" not in size_result:
        size_result["static"] = static_url(cached or uncached)
    reference_rounds = []
    for name, path in pages.items() if uncached else ():
        check_cache_header(uncached, path, None)
        rows[name]["uncached"] = beside_the_file(uncached, size_result["static"], path, args)
        reference_rounds += rows[name]["uncached"].pop("static rounds")
    if reference_rounds:
        rows["static file"] = {"uncached": combine(reference_rounds)}
    if largest and cached:
        static_rounds = []
        for name, path in pages.items():
            if name in NOT_CACHED:
                check_cache_header(cached, path, None)
                continue
            pair = side_by_side(cached, size_result["static"], path, args)
            static_rounds += pair.pop("static rounds")
            rows[name]["cached"] = pair
            if "error" not in pair:
                # After the warm-up and the load, every worker has the page in its cache.
                check_cache_header(cached, path, "hit")
        rows.setdefault("static file", {})["cached"] = combine(static_rounds)
        if uncached:
            # One visitor's wait for search, without queueing behind others (the budget).
            single = wrk(uncached, pages["search"], args, connections=1, threads=1)
            rows["search"]["single"] = single
    return rows


def side_by_side(server, static_path, path, args):
    """The static file and a cached page in alternating rounds (A B A B ...).

    Measured minutes apart, a change in the machine's other load shows up as
    a change in the ratio; in rounds of a few seconds each, both halves of a
    pair see nearly the same machine. Returns the page's combined result with
    the ratio of each pair (page req/s / file req/s).
    """
    statics, pages = alternate(server, static_path, path, args, args.rounds, args.round_seconds)
    result = combine(pages)
    result["pair_ratios"] = [
        round(page["rps"] / static["rps"], 3)
        for static, page in zip(statics, pages, strict=True)
        if usable(static, page) and static["rps"]
    ]
    result["pair_other_cpu_pct"] = [
        max(static["foreign_cpu_pct"], page["foreign_cpu_pct"])
        for static, page in zip(statics, pages, strict=True)
    ]
    result["static rounds"] = statics
    return result


def beside_the_file(server, static_path, path, args):
    """An uncached page in rounds, each after a round of the static file, with
    its CPU per request in units of the file's.

    Growth compares a page's cost at two sizes measured minutes apart, and a
    shared machine does not keep one speed for minutes: on an idle machine
    the static file's own CPU per request moved by a third between two such
    measurements. The file does the same work at every size, so the ratio of
    the page's CPU to the file's in each pair cancels the machine's speed;
    ``relative_cpu`` is the median of those ratios.
    """
    page_seconds = max(1, args.duration // args.uncached_rounds)
    statics, pages = alternate(
        server, static_path, path, args, args.uncached_rounds, args.round_seconds, page_seconds
    )
    result = combine(pages)
    cpu = "server_cpu_ms_per_request"
    result["pair_relative_cpu"] = [
        round(page[cpu] / static[cpu], 2)
        for static, page in zip(statics, pages, strict=True)
        if usable(static, page) and static[cpu]
    ]
    if result["pair_relative_cpu"]:
        result["relative_cpu"] = statistics.median(result["pair_relative_cpu"])
    result["static rounds"] = statics
    return result


def alternate(server, static_path, path, args, rounds, static_seconds, page_seconds=None):
    """wrk on the static file and the page in alternating rounds, after a warm-up
    of each: (the file's rounds, the page's rounds)."""
    for warm in (static_path, path):
        wrk(server, warm, args, duration=args.warmup, warmup=False)
    statics, pages = [], []
    for _round in range(rounds):
        settle(server)
        statics.append(wrk(server, static_path, args, duration=static_seconds, warmup=False))
        pages.append(wrk(server, path, args, duration=page_seconds or static_seconds, warmup=False))
    return statics, pages


def settle(server, seconds=3.0):
    """Until the server has finished the requests the last round left in flight
    (queued behind its workers when wrk stopped), so that their CPU is not
    counted in the next round."""
    roots = cpu_roots(server)
    deadline = time.monotonic() + seconds
    last = process_tree_cpu(roots)
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = process_tree_cpu(roots)
        if now - last <= 1:
            return
        last = now


def combine(results):
    """One row from several rounds of the same URL: medians, summed requests, first error."""
    median = statistics.median
    timed = [result for result in results if result["requests"]]
    combined = {
        "path": results[0]["path"],
        "rounds": len(results),
        "requests": sum(result["requests"] for result in results),
        "connections": results[0]["connections"],
        "rps": round(median(result["rps"] for result in results), 1),
    }
    for key in ("p50_ms", "p99_ms", "mean_ms"):
        combined[key] = round(median(result[key] for result in timed), 2) if timed else None
    for key in ("server_cpu_ms_per_request", "wrk_cpu_pct", "foreign_cpu_pct"):
        combined[key] = round(median(result[key] for result in results), 2)
    combined["foreign_cpu_pct_max"] = max(result["foreign_cpu_pct"] for result in results)
    errors = [result["error"] for result in results if "error" in result]
    if errors:
        combined["error"] = errors[0]
    return combined


def first_visits(server, paths):
    """Compressed HTML + render-blocking CSS of each page's first visit, as served.

    The stylesheets come from whitenoise, compressed ahead of time (the bytes
    on the wire, from Content-Length). gunicorn does not compress HTML; the
    proxy in front of it does, so the HTML is compressed here as the proxy
    would (bench/wire.py) unless the server already sent it compressed.
    """
    found = {}
    for name in WIRE_PAGES:
        path = paths[name]
        row = {"path": path}
        for encoding in wire.encodings():
            status, headers, body = http_get(
                server["port"], path, headers={"Accept-Encoding": encoding}
            )
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
            sent = headers.get("Content-Encoding", "")
            html = body
            weight = len(body) if sent == encoding else len(wire.compress(body, encoding))
            if sent == encoding:
                html = wire.decompress(body, encoding)
            for href in wire.blocking_stylesheets(html):
                status, headers, css = http_get(
                    server["port"], href, headers={"Accept-Encoding": encoding}
                )
                if status != 200:
                    raise RuntimeError(f"{href} answered {status}")
                if headers.get("Content-Encoding", "") == encoding:
                    weight += len(css)
                else:
                    weight += len(wire.compress(css, encoding))
            row[encoding] = weight
        found[name] = row
    return found


def check_cache_header(server, path, expected):
    """The cached server must answer from its cache, the other must render every time."""
    status, headers, _body = http_get(server["port"], path)
    if status != 200:
        raise RuntimeError(f"{path} answered {status} on port {server['port']}")
    found = headers.get("X-Page-Cache")
    if found != expected:
        raise RuntimeError(f"{path} on port {server['port']}: X-Page-Cache {found}, not {expected}")


def wrk(server, path, args, connections=None, threads=2, duration=None, warmup=True):
    connections = connections or args.connections
    duration = duration or args.duration
    url = server["base"] + path
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_LUA)
    try:
        if warmup and args.warmup:
            subprocess.run(
                ["wrk", f"-t{threads}", f"-c{connections}", f"-d{args.warmup}s", url],
                capture_output=True,
                timeout=args.warmup + 30,
            )
        cpu_before = cpu_times(server)
        output = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{duration}s",
                "--timeout",
                "10s",
                "-s",
                script.name,
                url,
            ],  # fmt: skip
            capture_output=True,
            text=True,
            timeout=duration + 60,
        ).stdout
        cpu_after = cpu_times(server)
    finally:
        os.unlink(script.name)
    line = next((line for line in output.splitlines() if line.startswith("WRKRESULT")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result for {url}:\n{output}")
    requests, seconds, p50, p99, mean, bad, errors = line.split()[1:]
    requests = int(requests)
    result = {
        "path": path,
        "requests": requests,
        "rps": round(requests / float(seconds), 1),
        "p50_ms": round(float(p50), 2) if requests else None,
        "p99_ms": round(float(p99), 2) if requests else None,
        "mean_ms": round(float(mean), 2) if requests else None,
        "connections": connections,
    }
    # Recorded, not raised: a page too slow to answer is a finding, shown in the table.
    if not requests:
        result["error"] = f"no answer within {min(duration, 10)} s"
    elif int(bad) or int(errors):
        result["error"] = f"{bad} non-2xx, {errors} socket errors or timeouts"
    result.update(cpu_share(cpu_before, cpu_after, requests))
    log(
        f"  {path[:60]:60} {result['rps']:>8} req/s  p50 {result['p50_ms']!s:>7} ms  "
        f"p99 {result['p99_ms']!s:>7} ms  other load {result['foreign_cpu_pct']}%"
        + (f"  ERROR: {result['error']}" if "error" in result else "")
    )
    return result


def cpu_times(server):
    """(machine busy s, server CPU s, wall clock, wrk CPU s) for CPU accounting."""
    with open("/proc/stat") as stat:
        values = [int(value) for value in stat.readline().split()[1:]]
    tick = os.sysconf("SC_CLK_TCK")
    busy = (sum(values[:8]) - values[3] - values[4]) / tick
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk, once it has been waited for
    return (
        busy,
        process_tree_cpu(cpu_roots(server)) / tick,
        time.monotonic(),
        children.ru_utime + children.ru_stime,
    )


def cpu_roots(server):
    """The processes whose CPU (with their descendants') is the server's cost.

    A server started here is its gunicorn master; a server started elsewhere
    (such as the nginx + gunicorn + Redis cluster of another engine) names
    its own in ``server["cpu_roots"]``.
    """
    return server.get("cpu_roots") or [server["process"].pid]


def database_server_pid():
    """The PostgreSQL postmaster that scripts/with-postgres started for this phase, if any."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return None
    # Not .hostname, which lowercases: the cluster's folder name is mixed case.
    host = urllib.parse.urlsplit(url).netloc.rsplit("@", 1)[-1]
    # scripts/cluster names its port (the socket is .s.PGSQL.<port> in the folder).
    folder, colon, port = host.rpartition(":")
    if colon and port.isdigit():
        host = folder
    socket_dir = urllib.parse.unquote(host)
    try:
        with open(Path(socket_dir) / "data" / "postmaster.pid") as pid_file:
            return int(pid_file.readline())
    except (OSError, ValueError):
        return None


def process_tree_cpu(roots):
    """CPU ticks of ``roots`` and their descendants, plus this phase's PostgreSQL server.

    The database's work for a request is part of its cost: SQLite runs inside
    the gunicorn workers, PostgreSQL in its own processes (the postmaster that
    scripts/with-postgres started, and its children).
    """
    children, ticks, waited = {}, {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
            ticks[int(entry)] = int(fields[11]) + int(fields[12])
            # Children that have exited and been waited for (PostgreSQL's
            # backends, one per connection) leave their time to the parent.
            waited[int(entry)] = int(fields[13]) + int(fields[14])
    database = database_server_pid()
    total, todo, seen = 0, [*roots] + ([database] if database else []), set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += ticks.get(pid, 0) + (waited.get(pid, 0) if pid == database else 0)
        todo.extend(children.get(pid, []))
    return total


def cpu_share(before, after, requests):
    busy = after[0] - before[0]
    server = after[1] - before[1]
    wall = after[2] - before[2]
    load_generator = after[3] - before[3]
    cores = os.cpu_count() or 1
    return {
        "server_cpu_ms_per_request": round(server * 1000 / max(requests, 1), 2),
        "wrk_cpu_pct": round(load_generator / (wall * cores) * 100, 1),
        # Busy time of everything but the server and wrk, as % of all cores: other
        # programs competing for the CPU. Above a few % the run is disturbed.
        "foreign_cpu_pct": round(max(0.0, busy - server - load_generator) / wall / cores * 100, 1),
    }


def machine():
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


# Report ------------------------------------------------------------------------


def cells(result):
    """req/s, p50 and p99 of one wrk result for the table, with its error if any."""
    if result is None:
        return ["", "", ""]
    rps = f"{result['rps']:.0f}"
    if "error" in result:
        rps = f"{rps} ({result['error']})"
    p50 = "" if result["p50_ms"] is None else f"{result['p50_ms']:.1f}"
    p99 = "" if result["p99_ms"] is None else f"{result['p99_ms']:.1f}"
    return [rps, p50, p99]


def usable(*results):
    return all(result and "error" not in result and result["requests"] for result in results)


class Report:
    def __init__(self, results, skipped, args, seconds):
        self.results = results
        self.skipped = skipped
        self.args = args
        self.seconds = seconds
        self.budgets = []
        self.passed = True
        self.unjudged = False
        self.evaluate()

    @staticmethod
    def sizes(result):
        return sorted(result["sizes"], key=int)

    def evaluate(self):
        for result in self.results:
            engine = result["engine"]
            sizes = self.sizes(result)
            for size in sizes[-1:]:
                load = result["sizes"][size]["load"]
                static = load["static file"]["cached"]
                for name, _path in PAGES:
                    if name in NOT_CACHED:
                        continue
                    cached = load[name]["cached"]
                    label = (
                        f"{engine}, {size} items: cached {name} >= {CACHED_VS_STATIC_MIN}x "
                        "static file req/s (median of alternating pairs)"
                    )
                    spread = pair_spread(cached)
                    if not usable(cached, static) or spread is None:
                        self.budget(label, "not measured (errors)", False)
                        continue
                    median, low, high, other = spread
                    value = f"{median:.2f}x ({low:.2f}-{high:.2f}; other load {other:.0f}%)"
                    if other > OTHER_LOAD_MAX_PCT:
                        self.budget(label, value, None)
                    else:
                        self.budget(label, value, median >= CACHED_VS_STATIC_MIN)
                for name, weights in result["sizes"][size].get("wire", {}).items():
                    for encoding in wire.encodings():
                        weight = weights.get(encoding)
                        if weight is None:
                            continue
                        self.budget(
                            f"{engine}: first visit to {name} ({weights['path']}), {encoding}: "
                            f"HTML + render-blocking CSS <= {wire.FIRST_VISIT_BUDGET} bytes",
                            f"{weight} bytes",
                            weight <= wire.FIRST_VISIT_BUDGET,
                        )
            for size in sizes:
                queries = result["sizes"][size]["queries"]
                most = max(queries, key=queries.get)
                self.budget(
                    f"{engine}, {size} items: queries of every page (uncached) <= {QUERIES_MAX}",
                    f"{queries[most]} ({most})",
                    queries[most] <= QUERIES_MAX,
                )
            if len(sizes) > 1:
                small, large = sizes[0], sizes[-1]
                for name, _path in PAGES:
                    self.growth_budget(result, name, small, large)
            largest = result["sizes"][sizes[-1]]
            if engine == "postgres":
                single = largest["load"]["search"]["single"]
                label = (
                    f"postgres, {sizes[-1]} items: search p50 (uncached, one visitor) "
                    f"< {SEARCH_P50_MAX_MS} ms"
                )
                if usable(single):
                    p50 = single["p50_ms"]
                    self.budget(label, f"{p50:.1f} ms", p50 < SEARCH_P50_MAX_MS)
                else:
                    self.budget(label, single.get("error", "not measured"), False)
            forms = largest.get("forms")
            if forms:
                ok = (
                    forms["stored"] == forms["submissions"]
                    and forms["distinct_tokens"] == forms["submissions"]
                    and forms["failed"] == 0
                )
                self.budget(
                    f"{engine}: {forms['submissions']} concurrent submissions "
                    f"(+{forms['double_posts']} double posts) all stored once",
                    f"{forms['stored']} stored, {forms['distinct_tokens']} distinct, "
                    f"{forms['failed']} failed",
                    ok,
                )

    def growth_budget(self, result, name, small, large):
        """Flat at any size: uncached CPU per request (server, cache and database)."""
        before = result["sizes"][small]["load"][name]["uncached"]
        after = result["sizes"][large]["load"][name]["uncached"]
        label = (
            f"{result['engine']}: uncached {name}, CPU per request at {large} <= "
            f"{GROWTH_MAX}x at {small}"
        )
        if not usable(before, after):
            self.budget(label, "not measured (errors)", False)
            return
        cpu = "server_cpu_ms_per_request"
        growth, raw = growth_of(before, after)
        value = (
            f"{growth:.2f}x in static-file units ({before.get('relative_cpu')} -> "
            f"{after.get('relative_cpu')}); as measured {raw:.2f}x ({before[cpu]:.1f} -> "
            f"{after[cpu]:.1f} ms); p50 {after['p50_ms'] / before['p50_ms']:.2f}x"
        )
        other = max(before["foreign_cpu_pct"], after["foreign_cpu_pct"])
        if other > OTHER_LOAD_MAX_PCT:
            self.budget(label, f"{value}; other load {other:.0f}%", None)
        else:
            self.budget(label, value, growth <= GROWTH_MAX)

    def budget(self, name, value, ok):
        """ok None: measured while other programs used too much CPU to judge."""
        self.budgets.append((name, value, ok))
        if ok is None:
            self.unjudged = True
        else:
            self.passed = self.passed and ok

    def markdown(self):
        lines = ["# Benchmark results", ""]
        first = self.results[0]["machine"]
        lines.append(
            f"{first['date']}, {first['cpus']} CPUs, Python {first['python']}, "
            f"{first['platform']}. gunicorn {WORKERS} sync workers, production settings; "
            f"wrk {self.args.connections} connections, {self.args.warmup} s warm-up per URL; "
            f"cached pages and the static file in {self.args.rounds} alternating rounds of "
            f"{self.args.round_seconds} s; uncached pages {self.args.duration} s each, in "
            f"{self.args.uncached_rounds} rounds, each after {self.args.round_seconds} s of "
            "the static file. "
            f"Whole run: {self.seconds / 60:.1f} min."
            + (" BENCH_QUICK: a smoke run, the figures mean nothing." if QUICK else "")
        )
        lines.append("")
        for result in self.results:
            lines += self.engine_table(result)
        lines += ["## Ratios", ""]
        lines += self.ratios()
        lines += self.first_visits()
        lines += ["## Budgets", ""]
        lines.append("| Budget | Measured | |")
        lines.append("|---|---|---|")
        for name, value, ok in self.budgets:
            verdict = "TOO BUSY TO JUDGE" if ok is None else "ok" if ok else "MISSED"
            lines.append(f"| {name} | {value} | {verdict} |")
        lines.append("")
        for note in self.skipped:
            lines.append(f"Skipped: {note}")
        if not self.passed:
            verdict = "BUDGET MISSED"
        elif self.unjudged:
            verdict = (
                f"NOT JUDGED: other programs used more than {OTHER_LOAD_MAX_PCT:.0f}% of the "
                "CPU; run again on an idle machine"
            )
        else:
            verdict = "all budgets met"
        lines.append(f"Result: {verdict}")
        lines.append("")
        return "\n".join(lines)

    def engine_table(self, result):
        lines = [f"## {result['engine']}", ""]
        setup = result.get("seconds", {}).get("setup")
        builds = []
        for size in self.sizes(result):
            synthetic = result["sizes"][size]["synthetic"]
            timings = ", ".join(f"{k} {v} s" for k, v in synthetic["seconds"].items())
            builds.append(f"to {size} items: +{synthetic['pages']} pages ({timings})")
        lines.append(f"Setup (migrate, demo, static) {setup} s; built {'; '.join(builds)}.")
        lines.append("")
        lines.append(
            "| Items | URL | Queries | Cached req/s | p50 ms | p99 ms | Cached CPU ms/req "
            "| Uncached req/s | p50 ms | p99 ms | Uncached CPU ms/req | Other CPU % |"
        )
        lines.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for size in self.sizes(result):
            data = result["sizes"][size]
            load = data["load"]
            static = load.get("static file", {})
            if static:
                # Both columns: the file beside cached pages, and as the uncached pages' reference.
                cached, reference = static.get("cached"), static.get("uncached")
                other = max(result_["foreign_cpu_pct"] for result_ in static.values())
                lines.append(
                    f"| {size} | static CSS | 0 | {' | '.join(cells(cached))} "
                    f"| {cached['server_cpu_ms_per_request'] if cached else ''} "
                    f"| {' | '.join(cells(reference))} "
                    f"| {reference['server_cpu_ms_per_request'] if reference else ''} | {other} |"
                )
            for name, _path in PAGES:
                cached, uncached = load[name].get("cached"), load[name]["uncached"]
                other = max(result_["foreign_cpu_pct"] for result_ in (cached, uncached) if result_)
                cached_cpu = cached["server_cpu_ms_per_request"] if cached else ""
                lines.append(
                    f"| {size} | {name} | {data['queries'][name]} | {' | '.join(cells(cached))} "
                    f"| {cached_cpu} | {' | '.join(cells(uncached))} "
                    f"| {uncached['server_cpu_ms_per_request']} | {other} |"
                )
            single = load["search"].get("single")
            if single:
                lines.append(
                    f"| {size} | search, one visitor | | | | | | {' | '.join(cells(single))} "
                    f"| {single['server_cpu_ms_per_request']} | {single['foreign_cpu_pct']} |"
                )
            forms = data.get("forms")
            if forms:
                lines.append(
                    f"| {size} | form POST ({forms['submissions']} at once + "
                    f"{forms['double_posts']} doubles) | | | | | | {forms['rps']:.0f} "
                    f"| {forms['p50_ms']:.1f} | {forms['p99_ms']:.1f} | | |"
                )
        lines.append("")
        return lines

    def ratios(self):
        lines = [
            "| Engine | Items | Page | Cached / static req/s | Uncached / cached time "
            "| Uncached CPU/req large / small | Uncached p50 large / small "
            "| Queries large / small |",
            "|---|---:|---|---:|---:|---:|---:|---:|",
        ]
        for result in self.results:
            sizes = self.sizes(result)
            small = sizes[0]
            for size in sizes:
                load = result["sizes"][size]["load"]
                queries = result["sizes"][size]["queries"]
                static = load.get("static file", {}).get("cached")
                for name, _path in PAGES:
                    cached, uncached = load[name].get("cached"), load[name]["uncached"]
                    row = [result["engine"], size, name, "", "", "", "", ""]
                    spread = pair_spread(cached) if usable(cached, static) else None
                    if spread:
                        median, low, high, other = spread
                        row[3] = f"{median:.2f} ({low:.2f}-{high:.2f})"
                        if other > OTHER_LOAD_MAX_PCT:
                            row[3] += f" busy: {other:.0f}% other load"
                    if usable(cached, uncached):
                        row[4] = f"{cached['rps'] / uncached['rps']:.1f}x"
                    if size != small:
                        before = result["sizes"][small]["load"][name]["uncached"]
                        if usable(before, uncached):
                            growth, raw = growth_of(before, uncached)
                            row[5] = f"{growth:.2f}x (as measured {raw:.2f}x)"
                            row[6] = f"{uncached['p50_ms'] / before['p50_ms']:.2f}x"
                        row[7] = f"{queries[name]} / {result['sizes'][small]['queries'][name]}"
                    lines.append("| " + " | ".join(str(cell) for cell in row) + " |")
        lines.append("")
        lines.append(
            "Cached / static: median of the per-pair ratios (min-max), each pair one round "
            "of the file and one of the page; *busy*: other programs used more than "
            f"{OTHER_LOAD_MAX_PCT:.0f}% of the CPU (median of the pairs), too much to judge. "
            "Uncached CPU/req large / small: in units of the static file's CPU per request "
            "measured in the same rounds (the machine's speed cancelled; the budget), and "
            "as measured."
        )
        lines.append("")
        return lines

    def first_visits(self):
        header = "| Engine | Page | URL | " + " | ".join(
            f"{encoding} bytes" for encoding in wire.encodings()
        )
        lines = [
            "## First visit (compressed HTML + render-blocking CSS)",
            "",
            header + " | Budget |",
            "|---|---|---|" + "---:|" * len(wire.encodings()) + "---:|",
        ]
        for result in self.results:
            largest = result["sizes"][self.sizes(result)[-1]]
            for name, weights in largest.get("wire", {}).items():
                values = " | ".join(str(weights.get(e, "")) for e in wire.encodings())
                lines.append(
                    f"| {result['engine']} | {name} | {weights['path']} | {values} "
                    f"| {wire.FIRST_VISIT_BUDGET} |"
                )
        lines.append("")
        return lines


def growth_of(before, after):
    """(growth in units of the static file's CPU per request, growth as measured).

    Results without a reference (measured alone) have only the second.
    """
    cpu = "server_cpu_ms_per_request"
    raw = after[cpu] / before[cpu]
    if before.get("relative_cpu") and after.get("relative_cpu"):
        return after["relative_cpu"] / before["relative_cpu"], raw
    return raw, raw


def pair_spread(cached):
    """(median, min, max) of a cached page's per-pair ratios to the static file,
    and the median other load of its pairs; None when no pair was usable."""
    ratios = (cached or {}).get("pair_ratios")
    if not ratios:
        return None
    other = statistics.median(cached["pair_other_cpu_pct"])
    return statistics.median(ratios), min(ratios), max(ratios), other


if __name__ == "__main__":
    sys.exit(main())
