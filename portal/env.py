"""Read the portal's configuration from environment variables.

Every setting that differs between a laptop and a server comes from the
environment; these helpers give each variable one parser and one place where
its default lives.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import dj_database_url

TRUE_VALUES = {"1", "true", "yes", "on"}
# Django's database cache table (``CACHE_URL=db://``), made by ``createcachetable``.
DATABASE_CACHE_TABLE = "portal_cache"


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in TRUE_VALUES


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name, default=()):
    """A comma-separated variable as a list, without empty items."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url):
    """A Django DATABASES entry for ``url``.

    SQLite gets WAL mode, a busy timeout and immediate transactions so that
    concurrent form submissions wait for the write lock instead of failing
    with "database is locked".
    """
    config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Opens the file read-write but never creates it, except under
        # ``migrate`` (portal/sqlite/base.py): a missing file is an error.
        config["ENGINE"] = "portal.sqlite"
        config["OPTIONS"] = {
            # A larger page cache and memory-mapped reads: at 10,000 initiatives
            # (a 400 MB file) a listing's queries cost a third less CPU (make bench).
            "init_command": (
                # secure_delete: deleted rows are overwritten with zeros, not
                # left readable in free pages (erasure leaves no copy).
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON; "
                "PRAGMA cache_size=-32768; PRAGMA mmap_size=268435456;"
            ),
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
        }
    elif config["ENGINE"] == "django.db.backends.postgresql":
        config["CONN_HEALTH_CHECKS"] = True
    return config


def cache_from_url(url):
    """A Django CACHES entry for ``url``.

    ``locmem://`` (the default on a laptop; private to each process),
    ``dummy://``, ``db://TABLE`` (Django's database cache, shared by every
    process; ``manage.py createcachetable`` makes the table) and
    ``redis://``/``rediss://`` (shared; needs the ``redis`` extra).
    """
    parts = urlsplit(url)
    scheme = parts.scheme
    if scheme == "db":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": parts.netloc or DATABASE_CACHE_TABLE,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    if scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": parts.netloc or "portal",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if scheme in {"redis", "rediss"}:
        options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        return {
            # Django's RedisCache, answering "miss" while Redis is unreachable.
            "BACKEND": "portal.cache.TolerantRedisCache",
            "LOCATION": url.split("?", 1)[0],
            "KEY_PREFIX": options.pop("key_prefix", "portal"),
            # A Redis that does not answer costs a request at most this long.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    raise ValueError(f"CACHE_URL scheme {scheme!r} is not supported (locmem, dummy, db, redis)")


def local_secret_key(path: Path):
    """A secret key kept in a git-ignored file, created on first use.

    Only development and test settings call this; production insists on
    SECRET_KEY from the environment.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def local_fernet_key(path: Path):
    """A Fernet key kept in a git-ignored file, created on first use.

    Development only: it encrypts form answers on a laptop. Production insists on
    FORMS_ENCRYPTION_KEYS from the environment.
    """
    from cryptography.fernet import Fernet

    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(Fernet.generate_key())
        path.chmod(0o600)
    return path.read_text().strip()
