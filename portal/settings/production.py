"""Settings for servers. Everything comes from the environment.

Importing this module fails unless SECRET_KEY is set and DEBUG is off, so a
misconfigured container stops at start rather than serving insecurely.
"""

from django.core.exceptions import ImproperlyConfigured

from portal.env import cache_from_url, env_bool, env_int, env_list, env_str

from .base import *  # noqa: F403

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.")

DEBUG = env_bool("DEBUG", False)
if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")

# A gunicorn worker keeps its database connection between requests instead
# of opening one per request (on PostgreSQL, a new server process each time);
# CONN_HEALTH_CHECKS replaces a connection that has gone away.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405

# One cache shared by every process on every app server: the page cache, the
# site chrome, restricted paths, generation counters and rate-limit counters
# live there, and a private cache per process would serve a page another
# server has unpublished, and count rate limits per process. Redis
# (CACHE_URL=redis://...) or, by default, Django's database cache (its table is
# made by `manage.py createcachetable`, which the migrate step runs).
CACHE_URL = env_str("CACHE_URL", "db://")
# ALLOW_PRIVATE_CACHE=true is for a one-server benchmark (make bench) only.
if CACHE_URL.split(":", 1)[0] in {"locmem", "dummy"} and not env_bool("ALLOW_PRIVATE_CACHE"):
    raise ImproperlyConfigured(
        f"CACHE_URL={CACHE_URL} is not shared between processes: each gunicorn worker would "
        "keep its own pages and rate-limit counters (a page unpublished on one server stays "
        "served by the others). Use redis://HOST:6379/0, or leave CACHE_URL unset for the "
        "database cache."
    )
CACHES = {"default": cache_from_url(CACHE_URL)}

# Media (uploaded images, renditions, documents) on storage every app server
# and the worker share: a volume at MEDIA_ROOT that the proxy serves under
# MEDIA_URL, or S3-compatible storage when AWS_STORAGE_BUCKET_NAME is set
# (the `s3` extra: django-storages and boto3).
S3_BUCKET = env_str("AWS_STORAGE_BUCKET_NAME")
if S3_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "file_overwrite": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Documents always go through Wagtail's view, which checks collection
# privacy; the proxy refuses /media/documents/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# HTTPS. A proxy in front terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]"}
if not (SESSION_COOKIE_SECURE and CSRF_COOKIE_SECURE) and set(ALLOWED_HOSTS) - LOOPBACK_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "SESSION_COOKIE_SECURE and CSRF_COOKIE_SECURE may be off only when every ALLOWED_HOSTS "
        "entry is a loopback address (scripts/cluster serves plain HTTP on 127.0.0.1)."
    )

# Forms: answers are encrypted with these keys; refuse to start without them.
FORMS_ENCRYPTION_KEYS = env_list("FORMS_ENCRYPTION_KEYS")
if not FORMS_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "FORMS_ENCRYPTION_KEYS must be set in production (comma-separated Fernet keys)."
    )
try:
    from cryptography.fernet import Fernet

    for _key in FORMS_ENCRYPTION_KEYS:
        Fernet(_key)
except ValueError as error:
    raise ImproperlyConfigured(
        "FORMS_ENCRYPTION_KEYS holds a key that is not a Fernet key."
    ) from error
