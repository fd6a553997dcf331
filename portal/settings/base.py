"""Settings shared by every environment.

Environment-specific modules (``dev``, ``test``, ``production``) import this
one and change only what differs. Everything that varies between machines is
read from environment variables through :mod:`portal.env`.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from portal.env import cache_from_url, database_from_url, env_bool, env_int, env_list, env_str
from portal.frontend_cache import frontend_cache_from_env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Local state (SQLite database, media, generated secrets) lives here, git-ignored.
VAR_DIR = Path(env_str("PORTAL_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
# Earlier keys, still accepted for signatures while SECRET_KEY is rotated.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Operations: health check and the scheduler; imports no other app.
    "operations",
    # The ground floor every app may import; it imports none of them.
    "core",
    "languages",  # formats, catalogue completions, Accept-Language fallback
    "home",
    "taxonomy",
    "security",  # Security: headers, admin hardening, rich-text sanitising
    "initiatives",
    "practices",
    "funding",
    "forms",
    "demo",  # on top of the others: the demo content and its commands
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Security: login lockout and optional TOTP two-factor authentication.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Security: CSP, Permissions-Policy, CORP/COEP; before WhiteNoise so static files get them.
    "security.headers.SecurityHeadersMiddleware",
    # Security: oversized bodies (multipart and file parts too) get 413 before anything reads them.
    "security.body_limit.RequestBodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole pages for anonymous visitors; before sessions so a hit touches nothing.
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Security: 2FA state on request.user, and no unverified 2FA session in the admin.
    "django_otp.middleware.OTPMiddleware",
    "security.middleware.RequireVerifiedAdminMiddleware",
    "security.password_reset_throttle.PasswordResetThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    # Security: answers 429 to a locked-out sign-in (django-axes); keep it last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database ---------------------------------------------------------------

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"))
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Never ATOMIC_REQUESTS: a failing notification must not roll back the
# submission that caused it.
ATOMIC_REQUESTS = False

# Cache ------------------------------------------------------------------

CACHES = {"default": cache_from_url(env_str("CACHE_URL", "locmem://portal"))}

# Passwords and sessions -------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
# Security: only editors have sessions; on a shared device they end with the browser.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# A refused form post shows the form again, answers kept, with a fresh token.
CSRF_FAILURE_VIEW = "portal.error_views.csrf_failure"

# Internationalisation ---------------------------------------------------
# The portal's languages. Adding one is a change here plus its translations
# (see the README's section for translators).

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("sq", _("Albanian")),
    ("sr-latn", _("Serbian (Latin)")),
    ("bs", _("Bosnian")),
    ("mk", _("Macedonian")),
    ("cnr", _("Montenegrin")),
    # Generated from Serbian (Latin) by transliteration: interface catalogue at
    # build time (compile_translations), pages by the demo loader and by
    # "Translate from Serbian (Latin)" in the editor (languages/serbian_cyrillic.py).
    ("sr-cyrl", _("Serbian (Cyrillic)")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Editors choose the admin's language among the portal's (Account -> Preferences).
# Wagtail 8 has no Albanian, Serbian, Bosnian or Macedonian catalogue: its own
# screens stay in English there, while the portal's and Django's strings are
# translated (see the README).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# A new translation starts as a draft, so no page goes live in English under
# another language's address; it is published once translated
# (languages/wagtail_hooks.py refuses to publish one with English left).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# No machine translation: the only "machine translator" transliterates a page's
# Serbian (Latin) translation into Serbian (Cyrillic), locally, and offers
# nothing for any other language.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "languages.serbian_cyrillic.TransliterationFromSerbianLatin"
}
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates, times and numbers per language (languages/formats/).
FORMAT_MODULE_PATH = ["languages.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Belgrade")

# Static files and media -------------------------------------------------

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads are capped so an oversized POST is refused before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# Security: the whole body, file parts included (security/body_limit.py). The
# admin takes larger uploads (images, documents) from signed-in editors.
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_BYTES", DATA_UPLOAD_MAX_MEMORY_SIZE)
ADMIN_REQUEST_BODY_MAX_BYTES = env_int("ADMIN_REQUEST_BODY_MAX_BYTES", 20 * 1024 * 1024)
# No upload is held in memory past what the public cap allows.
FILE_UPLOAD_MAX_MEMORY_SIZE = REQUEST_BODY_MAX_BYTES

# Mail -------------------------------------------------------------------

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
# For EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend (scripts/cluster).
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Survivor Voices Portal <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Mail to people who sent a form (only if they ticked "Email me a confirmation"):
# a sender and subject that say nothing about the portal, as a lock screen shows them.
# Empty subject: a neutral default, translated into the person's language.
FORMS_APPLICANT_FROM_EMAIL = env_str(
    "FORMS_APPLICANT_FROM_EMAIL", "Notifications <noreply@localhost>"
)
FORMS_APPLICANT_SUBJECT = env_str("FORMS_APPLICANT_SUBJECT")

# Background tasks (mail) ------------------------------------------------
# Production runs ``manage.py db_worker``; development and tests run tasks
# immediately in the request.

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# Security ---------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Security: Content-Security-Policy (security/headers.py). Public pages load
# nothing from another host and run no inline script or style.
SECURITY_ADMIN_PATH = "admin/"
SECURITY_CSP_PUBLIC = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "manifest-src": ["'self'"],
    "frame-src": ["'none'"],
    "worker-src": ["'none'"],
    "object-src": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
}
# Added to the public policy only for signed-in editors, who see Wagtail's
# userbar on public pages (see the README).
SECURITY_CSP_EDITOR_ON_PUBLIC = {}
# Wagtail's admin: its own policy, found by loading the admin in Chromium and
# recording every violation (tests/browser/test_admin_csp.py keeps it true).
SECURITY_CSP_ADMIN = {
    "default-src": ["'self'"],
    # No 'unsafe-inline': security/templates/ replaces Wagtail's few inline
    # initialisers with data that security/static/security/admin-csp.js runs.
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    # Draftail (the rich-text editor) adds <style> elements for its placeholder
    # and nested-list numbering. Style attributes stay blocked, and img-src and
    # font-src keep injected CSS from sending anything to another host.
    "style-src-elem": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", "blob:"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "form-action": ["'self'"],
    # The admin shows page previews of itself in an iframe.
    "frame-ancestors": ["'self'"],
    "base-uri": ["'none'"],
}
# Static files are for this site's pages only (CORP same-origin as well).
WHITENOISE_ALLOW_ALL_ORIGINS = False
# Security: admin sign-in. django-axes pauses sign-in for 15 minutes after five
# failures from one address, and after five failures on one username from one
# address, so a stranger cannot lock a moderator out from elsewhere. The
# address is kept only as a keyed hash (security/client_address.py). It keeps
# failed attempts in the database, never a log of successful ones.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "security.client_address.axes_client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "security/locked_out.html"
# TOTP (django-otp), asked for on Wagtail's sign-in form: required of superusers and
# form moderators (sent to set it up at sign-in), optional for other editors.
SECURITY_TWO_FACTOR_REQUIRED_FOR = [
    "security.two_factor_policy.is_superuser",
    "forms.moderation.moderates_any_form",
]
# Password-reset requests per hour, per (hashed) address and per email address.
SECURITY_PASSWORD_RESET_LIMIT = env_int("SECURITY_PASSWORD_RESET_LIMIT", 5)
WAGTAILADMIN_USER_LOGIN_FORM = "security.forms.LoginForm"
OTP_TOTP_ISSUER = "Survivor Voices Portal"

# Powerful browser features nobody here needs, switched off for every page.
SECURITY_PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}

# Logging ----------------------------------------------------------------
# Console only. Request logs carry method, path and status, never bodies;
# form answers must never reach a log line.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "[%(asctime)s] %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.security": {"level": "WARNING"},
        # One line per background task is noise; failures still show.
        "django_tasks": {"level": "WARNING"},
        # Security: lockouts are warnings; axes' start-up banner is noise.
        "axes": {"level": "WARNING"},
        "wagtail": {"level": env_str("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

# Wagtail ----------------------------------------------------------------

WAGTAIL_SITE_NAME = "Survivor Voices Portal"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend; on SQLite with relevance ranking that scales (see the module).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_FINDERS = []  # no embeds from third-party hosts

# Forms -------------------------------------------------------------------
# Form answers are encrypted at rest. FORMS_ENCRYPTION_KEYS is a comma-separated
# list of Fernet keys: the first encrypts, all of them decrypt (rotation; see
# the README's data-protection section). dev generates one into var/,
# production refuses to start without it.
FORMS_ENCRYPTION_KEYS = env_list("FORMS_ENCRYPTION_KEYS")
# Accepted submissions per form and per client address: past FORMS_RATE_LIMIT_POSTS
# in FORMS_RATE_LIMIT_WINDOW seconds the form asks a simple question (forms/human_check.py).
# The address is kept only as a salted hash in the shared cache.
FORMS_RATE_LIMIT_POSTS = env_int("FORMS_RATE_LIMIT_POSTS", 20)
FORMS_RATE_LIMIT_WINDOW = env_int("FORMS_RATE_LIMIT_WINDOW", 600)
# The request header that holds the client's address when a proxy sits in front
# (for example HTTP_X_FORWARDED_FOR; the last address in it is used). Empty: REMOTE_ADDR.
FORMS_CLIENT_IP_HEADER = env_str("FORMS_CLIENT_IP_HEADER")
# Notifications not sent after this many seconds are queued again by
# ``manage.py requeue_form_notifications``.
FORMS_NOTIFICATION_RETRY_AFTER = env_int("FORMS_NOTIFICATION_RETRY_AFTER", 300)
# Error reports (500 emails, debug pages) never show what a form page received.
DEFAULT_EXCEPTION_REPORTER_FILTER = "forms.reporting.AnswerSafeExceptionReporterFilter"
# Security: no avatars from gravatar.com; the admin loads nothing from other hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# A cache in front (nginx, Varnish, a CDN) is told when a page is published or
# unpublished (wagtail.contrib.frontend_cache); configured from the environment
# (portal/frontend_cache.py). Nothing configured: nothing to purge.
WAGTAILFRONTENDCACHE = frontend_cache_from_env()

# Page cache -------------------------------------------------------------
# Anonymous visitors get whole pages from the cache (see core/page_cache.py);
# any content change makes every cached page stale at once.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# In front of a shared cache (Redis), each process keeps the pages it served and
# serves them after reading the shared generation only (one small round trip).
PAGE_CACHE_LOCAL_TIER = env_bool("PAGE_CACHE_LOCAL_TIER", True)
# How long browsers and CDNs may keep a public page without asking again.
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 60)
# How long browsers, proxies and harvesters may keep the open data (API, feeds, calendar).
OPEN_DATA_CACHE_SECONDS = env_int("OPEN_DATA_CACHE_SECONDS", 300)
# Wagtail's API v2: up to this many items per request (?limit=).
WAGTAILAPI_LIMIT_MAX = 100
# Wagtail's API v2 is read-only and answers everyone alike (portal/api.py).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
}
