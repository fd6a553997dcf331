"""The page cache on a real shared Redis, as the app servers use it: a hit is at
most one cache round trip (none from the process's own tier) and no database
query, and no process serves a stale page."""

import shutil
import socket
import subprocess
import time
from contextlib import contextmanager

import pytest
import redis
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

import portal.tracked_key
from core.page_cache import GENERATION_KEY, invalidate_all, local_tier, page_cache
from initiatives.models import InitiativePage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server not installed"),
]

# Outside the cluster's (6380) and the benchmark cluster's (6390) ports.
REDIS_PORT = 6391


@contextmanager
def running_redis(port, directory, *options):
    """A throwaway redis-server on ``port``, with ``options`` added to its command line."""
    process = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
         "--appendonly", "no", "--dir", str(directory), *options],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("redis-server did not start")
                time.sleep(0.1)
        yield redis.Redis(port=port)
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def page_cache_on(port):
    """The page cache on the Redis at ``port``, as the app servers configure it."""
    caches = {
        "default": {
            "BACKEND": "portal.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }
    local_tier.clear()
    try:
        with override_settings(CACHES=caches, PAGE_CACHE_ENABLED=True):
            yield
    finally:
        local_tier.clear()


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    with running_redis(REDIS_PORT, tmp_path_factory.mktemp("redis")) as server:
        yield server


@pytest.fixture
def shared_cache(redis_server):
    redis_server.flushall()
    with page_cache_on(REDIS_PORT):
        yield redis_server


def commands_during(server, request):
    """How many commands Redis processed while ``request()`` ran."""

    def processed():
        return server.info("stats")["total_commands_processed"]

    # The counting itself (an INFO) is one command: measured, then taken off.
    before = processed()
    idle = processed() - before
    before = processed()
    result = request()
    return processed() - before - idle, result


def test_a_hit_from_the_process_tier_is_no_round_trip_and_no_query(client, shared_cache):
    assert client.get("/en/initiatives/")["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        count, response = commands_during(shared_cache, lambda: client.get("/en/initiatives/"))
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    # Redis has pushed no change to the generation: nothing to ask it.
    assert count == 0
    # The app server sends it whole, not in chunks.
    assert response["Content-Length"] == str(len(response.content))


def test_the_generation_is_asked_again_once_its_trust_runs_out(client, shared_cache, monkeypatch):
    assert client.get("/en/initiatives/")["X-Page-Cache"] == "miss"
    monkeypatch.setattr(portal.tracked_key, "TRUST_SECONDS", 0.0)
    count, response = commands_during(shared_cache, lambda: client.get("/en/initiatives/"))
    assert response["X-Page-Cache"] == "hit"
    assert count == 1


def test_another_process_hits_in_one_round_trip_too(client, shared_cache):
    first = client.get("/en/about/")
    assert first["X-Page-Cache"] == "miss"
    local_tier.clear()  # as an app server that never served the page
    with CaptureQueriesContext(connection) as queries:
        count, response = commands_during(shared_cache, lambda: client.get("/en/about/"))
    assert response["X-Page-Cache"] == "hit"
    assert response.content == first.content
    assert len(queries) == 0
    assert count == 1  # the generation and the page in one MGET


def test_a_change_made_by_another_process_is_seen_at_once(client, shared_cache):
    page = InitiativePage.objects.get(locale__language_code="en", slug="istac")
    assert client.get(page.url)["X-Page-Cache"] == "miss"
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    # Another app server (or the worker) publishes: only the shared generation moves.
    shared_cache.incr(page_cache().make_key(GENERATION_KEY))
    InitiativePage.objects.filter(pk=page.pk).update(summary="Changed elsewhere.")
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Changed elsewhere." in response.content.decode()


def test_a_dropped_connection_to_redis_is_no_stale_page(client, shared_cache):
    page = InitiativePage.objects.get(locale__language_code="en", slug="istac")
    assert client.get(page.url)["X-Page-Cache"] == "miss"
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    # Every app-server connection is cut (Redis restarted, a network fault),
    # and the content changes meanwhile: no word of the change ever arrives.
    shared_cache.client_kill_filter(_type="normal", skipme=True)
    shared_cache.incr(page_cache().make_key(GENERATION_KEY))
    InitiativePage.objects.filter(pk=page.pk).update(summary="Changed while cut off.")
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Changed while cut off." in response.content.decode()


def test_an_invalidation_here_reaches_the_shared_entries(client, shared_cache):
    assert client.get("/en/initiatives/")["X-Page-Cache"] == "miss"
    invalidate_all()
    local_tier.clear()
    assert client.get("/en/initiatives/")["X-Page-Cache"] == "miss"
    assert client.get("/en/initiatives/")["X-Page-Cache"] == "hit"


def test_a_flushed_redis_is_a_miss_not_a_stale_local_page(client, shared_cache):
    page = InitiativePage.objects.get(locale__language_code="en", slug="istac")
    invalidate_all()
    assert client.get(page.url)["X-Page-Cache"] == "miss"
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    # Redis restarted (it keeps nothing) and content changed: the new count
    # must not meet the tag of the copy this process still holds.
    shared_cache.flushall()
    InitiativePage.objects.filter(pk=page.pk).update(summary="After the restart.")
    invalidate_all()
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "After the restart." in response.content.decode()


def test_a_local_copy_lives_no_longer_than_the_shared_entry(client, shared_cache, settings):
    settings.PAGE_CACHE_SECONDS = 1
    assert client.get("/en/initiatives/")["X-Page-Cache"] == "miss"
    assert client.get("/en/initiatives/")["X-Page-Cache"] == "hit"
    time.sleep(1.2)
    # Nothing was published, but the entry's time is up in this process too.
    assert client.get("/en/initiatives/")["X-Page-Cache"] == "miss"


def test_a_redis_that_refuses_tracking_is_read_every_time(tmp_path, client, settings):
    """A managed Redis may forbid CLIENT: pages stay correct, at one round trip a hit."""
    port = REDIS_PORT + 1
    refusing = ("--rename-command", "CLIENT", "")
    with running_redis(port, tmp_path, *refusing) as server, page_cache_on(port):
        assert client.get("/en/initiatives/")["X-Page-Cache"] == "miss"
        count, response = commands_during(server, lambda: client.get("/en/initiatives/"))
        assert response["X-Page-Cache"] == "hit"
        assert count == 1  # the generation, read from Redis
        server.incr(page_cache().make_key(GENERATION_KEY))
        assert client.get("/en/initiatives/")["X-Page-Cache"] == "miss"
