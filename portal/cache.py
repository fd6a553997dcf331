"""Django's RedisCache, with one Redis client per process, degraded to
"always a miss" while Redis is unreachable.

Redis holds only what can be rebuilt (whole pages, the site chrome, rate-limit
counters), so an outage should cost speed, not pages: reads answer the
default, writes are dropped, and the request goes on to the database. Every
failure is logged (without keys, which may be derived from visitors' data).

Django's client makes a new ``redis.Redis`` for every command, and redis-py's
constructor fills a table of response callbacks each time: that cost more CPU
than the rest of a cached page's request together. The client here is made
once per connection pool and kept (it is thread-safe, and the pool reconnects
after a fork).
"""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .tracked_key import TrackedKey

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


def _tolerant(method_name, fallback):
    method = getattr(RedisCache, method_name)

    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE as error:
            logger.warning("Cache unreachable (%s): %s", type(error).__name__, method_name)
            return fallback(*args, **kwargs)

    call.__name__ = method_name
    return call


class ReusedRedisCacheClient(RedisCacheClient):
    """Django's Redis cache client, keeping the ``redis.Redis`` of each pool."""

    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedRedisCacheClient
        self._tracked = {}

    def get_tracked(self, key, version=None):
        """``get(key)``, answered from this process's memory for as long as Redis
        reports no change to the key (see :mod:`portal.tracked_key`)."""
        tracked = self._tracked.get((key, version))
        if tracked is None:
            redis_key = self.make_and_validate_key(key, version=version)
            pool = self._cache.get_client(redis_key, write=True).connection_pool
            tracked = TrackedKey(pool, redis_key, lambda: self.get(key, version=version))
            self._tracked[(key, version)] = tracked
        return tracked.get()

    # Reads miss; writes report "not stored". add() says "stored" so that a
    # rate limit counts from one rather than refusing everybody (fail open).
    get = _tolerant("get", lambda key, default=None, version=None: default)
    get_many = _tolerant("get_many", lambda keys, version=None: {})
    has_key = _tolerant("has_key", lambda key, version=None: False)
    set = _tolerant("set", lambda *args, **kwargs: None)
    set_many = _tolerant("set_many", lambda data, *args, **kwargs: list(data))
    add = _tolerant("add", lambda *args, **kwargs: True)
    touch = _tolerant("touch", lambda *args, **kwargs: False)
    delete = _tolerant("delete", lambda *args, **kwargs: False)
    delete_many = _tolerant("delete_many", lambda *args, **kwargs: None)
    incr = _tolerant("incr", lambda key, delta=1, version=None: delta)
    decr = _tolerant("decr", lambda key, delta=1, version=None: -delta)
    clear = _tolerant("clear", lambda: False)
