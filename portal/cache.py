"""Django's RedisCache, degraded to "always a miss" while Redis is unreachable.

Redis holds only what can be rebuilt (whole pages, the site chrome, rate-limit
counters), so an outage should cost speed, not pages: reads answer the
default, writes are dropped, and the request goes on to the database. Every
failure is logged (without keys, which may be derived from visitors' data).
"""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

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


class TolerantRedisCache(RedisCache):
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
