"""What ``/healthz`` checks: the database, the shared cache and media storage.

Load balancers, the Docker HEALTHCHECK and ``make cluster-test`` poll it. It
answers 503 when the database or media storage fails (this server cannot
serve pages or store uploads), and 200 with ``"status": "degraded"`` when
only the cache fails: pages then render as cache misses, and taking every
server out of rotation because Redis is down would turn a slower site into
no site. The JSON names each part and nothing else.
"""

import os
import secrets

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection

OK, DOWN = "ok", "down"


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return DOWN
    return OK


def cache_status():
    token = secrets.token_hex(8)
    try:
        cache.set("healthz:probe", token, 30)
        return OK if cache.get("healthz:probe") == token else DOWN
    except Exception:
        return DOWN


def media_status():
    storage = storages["default"]
    try:
        if isinstance(storage, FileSystemStorage):
            # A missing or read-only volume: uploads and renditions would fail.
            root = storage.location
            return OK if os.path.isdir(root) and os.access(root, os.W_OK) else DOWN
        storage.exists("healthz-probe")  # one round trip to remote storage
    except Exception:
        return DOWN
    return OK


def health():
    """(HTTP status, JSON body)."""
    parts = {"database": database_status(), "cache": cache_status(), "media": media_status()}
    if parts["database"] == DOWN or parts["media"] == DOWN:
        return 503, {"status": "unavailable", **parts}
    if parts["cache"] == DOWN:
        return 200, {"status": "degraded", **parts}
    return 200, {"status": "ok", **parts}
