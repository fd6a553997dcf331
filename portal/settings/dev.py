"""Settings for a developer's laptop: ``make run``."""

from portal.env import env_bool, env_list, env_str, local_fernet_key, local_secret_key

from .base import *  # noqa: F403
from .base import VAR_DIR

# `make run` shows the site as visitors see it: its own 404 and 500 pages, with
# the quick exit. `make run DEBUG=1` gives Django's debug pages instead.
DEBUG = env_bool("DEBUG", False)
# Uploaded images and documents are served by runserver, with or without DEBUG.
SERVE_MEDIA_LOCALLY = True
SECRET_KEY = env_str("SECRET_KEY") or local_secret_key(VAR_DIR / "secret_key")
# Mail goes to the terminal that runs the server, so moderators' notifications
# can be read there.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Serve static files straight from the source folders while developing.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Forms: a local encryption key in var/, unless one is given.
FORMS_ENCRYPTION_KEYS = env_list("FORMS_ENCRYPTION_KEYS") or [  # noqa: F405
    local_fernet_key(VAR_DIR / "forms_encryption_key")
]
