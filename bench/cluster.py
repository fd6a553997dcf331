"""``make bench``'s cluster engine: the same pages through the production topology.

``scripts/cluster`` runs nginx in front of two gunicorn app servers, with
PostgreSQL and the shared Redis cache. The benchmark starts a cluster of its
own, in ``var/bench-cluster/`` on ports of its own (a developer's
``var/cluster/`` and its data are never touched), fills it with the same
synthetic content as the other engines (100, then 10,000 initiatives; the
demo content underneath), and measures through the load balancer:

- uncached pages with both app servers restarted with the page cache off;
- cached pages and the static CSS file (nginx -> gunicorn -> whitenoise, the
  path every static file takes in the cluster) in alternating rounds, with
  the app servers restarted with the page cache on.

CPU per request is that of nginx, the app servers and Redis (and PostgreSQL,
found from ``DATABASE_URL`` as for the postgres engine). The folder is
emptied when a run starts (it holds nothing but what the last run made) and
the cluster stopped when it ends.
"""

import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "cluster"
VAR = ROOT / "var" / "bench-cluster"
# Beside the developer's cluster (8080-8082, Redis 6380, PostgreSQL 5440) and the
# single-process engines' servers (8141, 8142).
LB_PORT = 8150
APP_PORTS = (LB_PORT + 1, LB_PORT + 2)
REDIS_PORT = 6390
PG_PORT = 5450


def environment():
    """What every ``scripts/cluster`` call of the benchmark runs with."""
    return {
        **os.environ,
        "CLUSTER_VAR": str(VAR),
        "CLUSTER_PORT": str(LB_PORT),
        "CLUSTER_REDIS_PORT": str(REDIS_PORT),
        "CLUSTER_PG_PORT": str(PG_PORT),
        # 200 submissions come from one address; the limit is tested elsewhere.
        "FORMS_RATE_LIMIT_POSTS": "100000",
        "GUNICORN_ACCESS_LOG": "off",
        # How long an app server may take to answer /healthz on a busy machine.
        "CLUSTER_START_SECONDS": "180",
    }


def cluster(*args, page_cache=True, check=True):
    env = environment()
    env["PAGE_CACHE_ENABLED"] = "true" if page_cache else "false"
    return subprocess.run([str(SCRIPT), *args], cwd=ROOT, env=env, check=check)


def start():
    """A fresh cluster with the demo content; seconds it took."""
    started = time.monotonic()
    cluster("stop", check=False)
    shutil.rmtree(VAR, ignore_errors=True)
    cluster("start")
    return round(time.monotonic() - started, 1)


def stop():
    cluster("stop", check=False)
    shutil.rmtree(VAR, ignore_errors=True)


def phase_command(command):
    """``command`` run with the cluster's environment (database, Redis, secrets)."""
    return [str(SCRIPT), "exec", *command]


def pid(name):
    try:
        return int((VAR / "run" / f"{name}.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def app_servers(page_cache):
    """The load balancer, with both app servers (re)started with the page cache on or off."""
    for port in APP_PORTS:
        cluster("kill", f"app-{port}", page_cache=page_cache, check=False)
        cluster("respawn", f"app-{port}", page_cache=page_cache)
    names = ["nginx", "redis", *(f"app-{port}" for port in APP_PORTS)]
    yield {
        "base": f"http://127.0.0.1:{LB_PORT}",
        "port": LB_PORT,
        "cpu_roots": [found for found in map(pid, names) if found],
    }
