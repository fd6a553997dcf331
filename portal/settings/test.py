"""Settings for the test suite: fast hashing, mail kept in memory."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-any-real-site"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each test run gets its own empty media folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-static-"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Forms: fixed test keys (never used anywhere else). The second one stands for a
# retired key that can still decrypt.
FORMS_ENCRYPTION_KEYS = [
    "Vq0cJ8tJpJ0P4z5w3bYgq1lq2bqk7i3oT8Yc9m3w1xE=",
    "y2cQe7jDkQ8r2f5hS4Wb5x1Qm0uZ7n2vA9kL3pR6tYc=",
]
FORMS_RATE_LIMIT_POSTS = 1000
