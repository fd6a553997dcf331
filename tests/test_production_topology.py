"""What several app servers, a worker and a scheduler need from the settings and the code."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page

from operations.scheduler import JOBS, LeaderLock, Scheduler
from portal.cache import TolerantRedisCache
from portal.env import cache_from_url
from tests.test_operations import PRODUCTION_FORMS_KEY, run_python

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x" * 50,
    "FORMS_ENCRYPTION_KEYS": PRODUCTION_FORMS_KEY,
}
# A loopback port nothing listens on (the cluster's range is 8080-8089).
UNUSED_PORT = 8089


def production(code, **env):
    unset = [name for name in ("DEBUG", "CACHE_URL") if name not in env]
    return run_python(code, {**PRODUCTION, **env}, unset=unset)


# On PostgreSQL the leader lock is a session advisory lock: reentrant within the
# one connection a test has, and possibly held by a scheduler process another test
# started. The cluster test (tests_cluster/test_3_scheduler.py) covers PostgreSQL
# with real processes; these run on SQLite's file lock.
sqlite_lock_only = pytest.mark.skipif(
    "postgresql" in django_settings.DATABASES["default"]["ENGINE"],
    reason="needs two database sessions; covered by make cluster-test on PostgreSQL",
)


@pytest.mark.parametrize("url", ["locmem://portal", "dummy://"])
def test_production_refuses_a_cache_private_to_each_process(url):
    result = production("import portal.settings.production", CACHE_URL=url)
    assert result.returncode != 0
    assert "is not shared between processes" in result.stderr


def test_production_shares_the_database_cache_when_no_cache_url_is_given():
    result = production(
        "import portal.settings.production as s; print(s.CACHES['default']['BACKEND'])"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.cache.backends.db.DatabaseCache"


def test_production_refuses_insecure_cookies_on_a_public_host():
    result = production(
        "import portal.settings.production",
        SESSION_COOKIE_SECURE="false",
        ALLOWED_HOSTS="portal.example.org",
    )
    assert result.returncode != 0
    assert "loopback" in result.stderr


def test_an_unreachable_redis_is_a_cache_miss_not_an_error():
    config = cache_from_url(f"redis://127.0.0.1:{UNUSED_PORT}/0")
    cache = TolerantRedisCache(config["LOCATION"], {"OPTIONS": config["OPTIONS"]})
    cache.set("key", "value")
    assert cache.get("key") is None
    assert cache.get("key", "fallback") == "fallback"
    assert cache.add("counter", 1) is True
    assert cache.incr("counter") == 1


@pytest.mark.django_db
def test_healthz_names_the_cache_when_it_fails(client):
    config = cache_from_url(f"redis://127.0.0.1:{UNUSED_PORT}/0")
    with override_settings(CACHES={"default": config}):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "cache": "down",
        "media": "ok",
    }


@pytest.mark.django_db
def test_healthz_is_503_when_the_media_volume_is_missing(client, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "not-mounted"):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["media"] == "down"


HEALTHZ = """
import django, json
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


def test_a_missing_sqlite_file_is_503_and_is_not_created(tmp_path):
    database = tmp_path / "db.sqlite3"  # the folder exists, the file does not
    result = run_python(
        HEALTHZ,
        {"DJANGO_SETTINGS_MODULE": "portal.settings.test", "DATABASE_URL": f"sqlite:///{database}"},
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503 and outcome["body"]["database"] == "down"
    assert not database.exists()


def test_only_migrate_creates_the_sqlite_file(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    shell = run_python(
        "import sys; sys.argv = ['manage.py', 'check', '--database', 'default'];"
        "from django.core.management import execute_from_command_line;"
        "execute_from_command_line(sys.argv)",
        env,
    )
    assert shell.returncode != 0 and not database.exists()
    migrate = run_python(
        "import sys; sys.argv = ['manage.py', 'migrate', 'contenttypes', '-v', '0'];"
        "from django.core.management import execute_from_command_line;"
        "execute_from_command_line(sys.argv)",
        env,
    )
    assert migrate.returncode == 0, migrate.stderr
    assert database.exists()


class PurgeRecorder(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.received.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    PurgeRecorder.received = []
    server = HTTPServer(("127.0.0.1", UNUSED_PORT), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_frontend_cache_backends_come_from_the_environment():
    result = run_python(
        "from portal.frontend_cache import frontend_cache_from_env as f; import json;"
        "print(json.dumps(f()))",
        {"FRONTEND_CACHE_PURGE_URL": "http://varnish-a, http://varnish-b"},
    )
    backends = json.loads(result.stdout)
    assert [b["LOCATION"] for b in backends.values()] == ["http://varnish-a", "http://varnish-b"]


@pytest.mark.django_db
def test_unpublishing_purges_the_page_from_a_cache_in_front(purge_server, home_page):
    from home.models import StandardPage

    page = StandardPage(title="Purged", slug="purged")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    purge_server.clear()
    backends = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{UNUSED_PORT}",
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=backends):
        page.unpublish()
    assert any(path.endswith("/purged/") for path in purge_server), purge_server


@pytest.mark.django_db
@sqlite_lock_only
def test_the_scheduler_publishes_a_page_whose_go_live_time_has_come(home_page):
    from home.models import StandardPage

    page = StandardPage(title="Scheduled", slug="scheduled", live=False)
    home_page.add_child(instance=page)
    page.go_live_at = timezone.now() + timezone.timedelta(seconds=1)
    page.save_revision().publish()
    assert not Page.objects.get(pk=page.pk).live
    time.sleep(1.5)  # the go-live time passes
    ran = Scheduler().run_once()
    assert {job.name for job in JOBS if job.interval == 60} <= set(ran)
    assert Page.objects.get(pk=page.pk).live


@pytest.mark.django_db
@sqlite_lock_only
def test_a_second_scheduler_stands_by_while_the_first_runs(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    first, second = LeaderLock(), LeaderLock()
    assert first.acquire()
    assert not second.acquire()
    stand_by = Scheduler()
    stand_by.lock = second
    assert stand_by.run_once() == []


postgresql_only = pytest.mark.skipif(
    "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
    reason="the advisory lock of PostgreSQL (make test-postgres)",
)


@pytest.mark.django_db
@postgresql_only
def test_a_scheduler_stands_by_while_another_database_session_leads():
    from django.db import connection, connections

    from operations.scheduler import ADVISORY_LOCK_KEY

    # Another scheduler process: a database session of its own holding the leader lock.
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
            assert cursor.fetchone()[0]
        stand_by = LeaderLock()
        assert not stand_by.acquire()
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])
        assert stand_by.acquire(), "the lock is taken over once the leader lets go"
        assert stand_by.acquire(), "and kept on the next tick"
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
            assert not cursor.fetchone()[0], "the other session now stands by"
    finally:
        other.close()
        # The test's own session lets go too, for the schedulers of later tests.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock_all()")


def test_the_scheduler_runs_each_job_at_its_interval():
    scheduler = Scheduler()
    scheduler.last_run = {job.name: 0 for job in JOBS}
    due = {job.name for job in scheduler.due(now=60)}
    assert due == {"publish_scheduled", "requeue_form_notifications"}
    daily = {job.name for job in scheduler.due(now=24 * 60 * 60)}
    # Task results are pruned only where they are kept (not with the tests' immediate backend).
    assert daily == {job.name for job in JOBS} - {"prune_db_task_results"}


@pytest.mark.django_db
def test_update_index_makes_cached_search_pages_stale():
    from core.page_cache import current_generation

    before = current_generation()
    call_command("update_index", verbosity=0)
    assert current_generation() > before
