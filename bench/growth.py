"""How the measured pages' uncached render grows with the directory, in one process.

``make bench`` answers this with servers and wrk; this answers it in a few
minutes, without servers, which is what iterating on a slow query needs. The
site is built as the benchmark builds it (production settings, demo content,
then ``bench.synthetic``), and each page is rendered with Django's test
client, the whole-page cache off and process caches warm, as an uncached
request is served: CPU time of this process per render (SQLite runs inside
it; for PostgreSQL the server's time is not counted, only its wait, so use
``make bench`` for PostgreSQL's full cost) and the number of queries.

    .venv/bin/python -m bench.growth                      # SQLite, 100 then 10,000
    scripts/with-postgres .venv/bin/python -m bench.growth --engine postgres
"""

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from bench import run


def render_cost(client, path, renders):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm process caches
    started = time.process_time()
    for _ in range(renders):
        response = client.get(path)
    cpu_ms = (time.process_time() - started) / renders * 1000
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return cpu_ms, len(queries)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument("--sizes", default="100,10000")
    parser.add_argument("--renders", type=int, default=20)
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="portal-growth-"))
    try:
        os.environ.update(run.production_env(args.engine, workdir))
        os.environ["PAGE_CACHE_ENABLED"] = "false"
        import django

        django.setup()
        from django.test import Client

        run.prepare_site(workdir)
        client = Client(HTTP_HOST="127.0.0.1")
        built, costs = 0, {}
        sizes = [int(size) for size in args.sizes.split(",")]
        for size in sizes:
            run.grow_site(size - built)
            built = size
            for name, path in run.resolve_pages().items():
                costs[name, size] = render_cost(client, path, args.renders)
        print(f"\n{args.engine}: CPU ms per uncached render (queries), {args.renders} renders")
        small, large = sizes[0], sizes[-1]
        for name, _path in run.PAGES:
            (before, q_before), (after, q_after) = costs[name, small], costs[name, large]
            print(
                f"  {name:18} {small}: {before:6.1f} ({q_before})  {large}: {after:6.1f} "
                f"({q_after})  {after / before:.2f}x"
            )
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
