"""A Redis key's value kept in this process's memory until Redis says it changed.

This is Redis's own client-side caching (``CLIENT TRACKING ... BCAST``): a
connection of its own, speaking RESP3, asks Redis to push a message whenever
the key is written, deleted, expired, evicted or flushed, by anybody. Reading
the value is then one poll of that socket: no message means the copy held
here is still Redis's value, and the round trip is saved. The page cache
reads its generation this way on every request, so a cached page served from
a process's own tier costs no cache round trip at all, while a change made by
any app server or the task worker is still seen by every process at once.

Whatever goes wrong (the connection drops, Redis restarts or is flushed, a
message arrives that is not understood) only sends the next read to Redis
again; a Redis that refuses tracking (older than 6, or a managed one that
forbids it) is simply read every time. A copy is trusted for
:data:`TRUST_SECONDS` at most, so a connection that died without a word (a
half-open socket) cannot keep an old value alive.
"""

import contextlib
import os
import threading
import time

from redis.exceptions import RedisError, ResponseError

TRUST_SECONDS = 5.0


class TrackedKey:
    """The value of ``redis_key`` as ``read()`` returns it, re-read only when it changed.

    ``pool`` is the cache's connection pool: the tracking connection is made
    with its settings (address, password, timeouts), speaking RESP3.
    """

    def __init__(self, pool, redis_key, read):
        self.pool = pool
        self.redis_key = redis_key
        self.read = read
        self.lock = threading.Lock()
        self.connection = None
        self.pid = None
        self.value = None
        self.read_at = None
        self.refused = False

    def get(self):
        with self.lock:
            if self.refused:
                return self.read()
            try:
                current = self._still_current()
            except (RedisError, OSError):
                self._disconnect()
                return self.read()
            if not current:
                self.value = self.read()
                # A missing key is not kept: whoever creates it next must be read.
                self.read_at = time.monotonic() if self.value is not None else None
            return self.value

    def _still_current(self):
        if self.connection is None or self.pid != os.getpid():
            self._connect()
            return False
        changed = False
        while self.connection.can_read(timeout=0):
            # Any push (an invalidation, a flush) or the end of the connection.
            self.connection.read_response(push_request=True)
            changed = True
        return (
            not changed
            and self.read_at is not None
            and time.monotonic() - self.read_at < TRUST_SECONDS
        )

    def _connect(self):
        # A connection inherited from the parent process is the parent's: dropped, not closed.
        self.connection = None
        self.read_at = None
        connection = self.pool.connection_class(**{**self.pool.connection_kwargs, "protocol": 3})
        connection.connect()
        # Tracking starts before the value is read, so no change can fall between.
        connection.send_command("CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", self.redis_key)
        try:
            connection.read_response()
        except ResponseError:
            self.refused = True
            connection.disconnect()
            raise
        self.connection = connection
        self.pid = os.getpid()

    def _disconnect(self):
        if self.connection is not None and self.pid == os.getpid():
            with contextlib.suppress(RedisError, OSError):
                self.connection.disconnect()
        self.connection = None
        self.read_at = None
