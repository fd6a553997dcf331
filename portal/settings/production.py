"""Settings for servers. Everything comes from the environment.

Importing this module fails unless SECRET_KEY is set and DEBUG is off, so a
misconfigured container stops at start rather than serving insecurely.
"""

from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_int, env_list, env_str

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

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

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
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

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
