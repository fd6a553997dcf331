"""Every place the portal changes or leans on the internals of Wagtail or a package.

One list, so an upgrade has one place to read. Each entry says what it
changes, why, and which upstream issue would make it unnecessary, and holds a
fingerprint (SHA-256, first 16 hex digits) of the upstream code it depends on:
a function's source or a template file. At start-up (``CoreConfig.ready``)
and in ``manage.py check`` (``core.W001``, which ``make test`` treats as a
failure) a changed fingerprint is reported: read the new upstream code, adapt
the patch or drop it, then update the fingerprint (``python -m
core.monkey_patches`` prints the current ones).

A new patch goes here, never elsewhere: a subclass of a private class, a
signal receiver for every sender, an admin template that overrides one of
Wagtail's, a function replaced at start-up.
"""

import hashlib
import importlib
import importlib.resources
import inspect
import logging
from dataclasses import dataclass

from django.core import checks

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Patch:
    name: str
    changes: str
    why: str
    upstream_issue: str
    # "module:qualified.name" of a function, or "package:path/to/template.html".
    watched: str
    fingerprint: str
    # Where the portal's side of the patch lives.
    ours: str

    def current_fingerprint(self):
        """The fingerprint of the watched code as installed, or None where it cannot load.

        The SQLite search classes import only on SQLite, so elsewhere they are not in use.
        """
        module_name, _, target = self.watched.partition(":")
        if target.endswith(".html"):
            data = (importlib.resources.files(module_name) / target).read_bytes()
        else:
            try:
                obj = importlib.import_module(module_name)
            except Exception:  # noqa: BLE001 - any import failure means "not in use here"
                return None
            for part in target.split("."):
                obj = getattr(obj, part)
            data = inspect.getsource(obj).encode()
        return hashlib.sha256(data).hexdigest()[:16]


SECURITY_TEMPLATES = "security/templates/"
CSP_WHY = (
    "Wagtail's version has an inline <script>; the admin's Content-Security-Policy "
    "forbids 'unsafe-inline', so the script becomes data a static script reads."
)
CSP_ISSUE = "none linked: Wagtail's admin still has inline scripts (CSP compatibility)"

PATCHES = [
    Patch(
        name="SQLite search ranking",
        changes=(
            "Subclasses modelsearch's SQLite query compiler and results (private classes): "
            "matches and their BM25 scores are read once each and ranked in Python."
        ),
        why=(
            "The SQLite backend orders by a correlated subquery that repeats the full-text "
            "match for every matching page: seconds per search on a large directory."
        ),
        upstream_issue="none filed yet (django-modelsearch, SQLite ranking performance)",
        watched=("modelsearch.backends.database.sqlite.sqlite:SQLiteSearchQueryCompiler.search"),
        fingerprint="4b214294f3627b59",
        ours="core/search_backend_sqlite.py",
    ),
    Patch(
        name="SQLite search result count",
        changes="Overrides SQLiteSearchResults._do_count (private) to count the ranked matches.",
        why="The count and the page of results then read one ranking.",
        upstream_issue="none filed yet (as above)",
        watched="modelsearch.backends.database.sqlite.sqlite:SQLiteSearchResults._do_count",
        fingerprint="eb8594999a1bdcd8",
        ours="core/search_backend_sqlite.py",
    ),
    Patch(
        name="Page numchild kept from the database",
        changes=(
            "A pre_save receiver for every sender: a Page's numchild is re-read from the "
            "database before any save."
        ),
        why=(
            "wagtail-localize publishes a translation's revision on commit; the revision's "
            "numchild is stale by then and the page's children vanish from routing."
        ),
        upstream_issue="wagtail/wagtail-localize#773",
        watched="wagtail.models.pages:Page.with_content_json",
        fingerprint="dbd407eb32b136d6",
        ours="core/tree_integrity.py",
    ),
    Patch(
        name="Page routing from a cached home page",
        changes=(
            "Replaces Page.route_for_request: the site and the home page in the visitor's "
            "language come from the cache, then Wagtail's own Page.route walks the path."
        ),
        why=(
            "Wagtail looks up the site, the locale, the home page's translation and its "
            "specific object on every request: up to four queries of the twelve a page may make."
        ),
        upstream_issue="none filed yet (Wagtail: cache the localized root page per site)",
        watched="wagtail.models.pages:AbstractPage.route_for_request",
        fingerprint="5530d229b2de42ba",
        ours="core/routing.py",
    ),
    Patch(
        name="One Redis client per connection pool",
        changes=(
            "Subclasses Django's RedisCacheClient (undocumented) and overrides get_client, "
            "calling its private _get_connection_pool, to keep each pool's redis.Redis."
        ),
        why=(
            "Django makes a new redis.Redis for every cache command; redis-py's constructor "
            "cost more CPU than the rest of a cached page's request."
        ),
        upstream_issue="none filed yet (Django: reuse the Redis client in RedisCacheClient)",
        watched="django.core.cache.backends.redis:RedisCacheClient.get_client",
        fingerprint="ba56fb39ace75b84",
        ours="portal/cache.py",
    ),
    Patch(
        name="Admin sign-in form",
        changes="Adds the authentication code field and removes 'Remember me'.",
        why="Two-factor sign-in; admin sessions end when the browser closes.",
        upstream_issue="none: a product decision (two-factor sign-in)",
        watched="wagtail.admin:templates/wagtailadmin/login.html",
        fingerprint="d563c5a4e7f2c289",
        ours=SECURITY_TEMPLATES + "wagtailadmin/login.html",
    ),
    Patch(
        name="Rich text rendering",
        changes="Rich text is sanitised (nh3) on output.",
        why="Defence in depth against script in rich text stored by an editor's account.",
        upstream_issue="none: a product decision",
        watched="wagtail:templates/wagtailcore/shared/richtext.html",
        fingerprint="3a0a86fc8991ea36",
        ours=SECURITY_TEMPLATES + "wagtailcore/shared/richtext.html",
    ),
    *(
        Patch(
            name=f"Admin CSP: {template}",
            changes="The inline <script> becomes data attributes read by security/admin-csp.js.",
            why=CSP_WHY,
            upstream_issue=CSP_ISSUE,
            watched=f"wagtail.admin:templates/wagtailadmin/{template}",
            fingerprint=fingerprint,
            ours=f"{SECURITY_TEMPLATES}wagtailadmin/{template}",
        )
        for template, fingerprint in (
            ("panels/inline_panel.html", "195bb0b199edb062"),
            ("panels/multiple_chooser_panel.html", "673bc9b26ca95c03"),
            ("widgets/date_input.html", "2557f7a4fd543d7c"),
            ("widgets/datetime_input.html", "479d8ddeaa73d2fd"),
            ("widgets/time_input.html", "536917c544a13563"),
        )
    ),
    Patch(
        name="Admin CSP: wagtail-localize's translation editor",
        changes="Its inline <script> setting window.chooserUrls becomes an external script.",
        why=CSP_WHY,
        upstream_issue="none linked (wagtail-localize: inline script in edit_translation.html)",
        watched="wagtail_localize:templates/wagtail_localize/admin/edit_translation.html",
        fingerprint="52b849c00b09876c",
        ours=SECURITY_TEMPLATES + "wagtail_localize/admin/edit_translation.html",
    ),
]


def changed_patches():
    """(patch, current fingerprint) for every patch whose upstream code changed."""
    changed = []
    for patch in PATCHES:
        current = patch.current_fingerprint()
        if current is not None and current != patch.fingerprint:
            changed.append((patch, current))
    return changed


def apply():
    """Install the runtime patches and warn about any whose upstream code changed."""
    from django.db.models.signals import pre_save

    # Imports Wagtail's models, so only once the apps are loaded (apply() runs in ready()).
    from wagtail.models import Page

    from .routing import route_for_request
    from .tree_integrity import keep_numchild_from_database

    pre_save.connect(keep_numchild_from_database, dispatch_uid="keep-numchild-from-database")
    Page.route_for_request = staticmethod(route_for_request)
    for patch, current in changed_patches():
        logger.warning(
            "Patch %r: upstream %s changed (fingerprint %s, expected %s); review %s.",
            patch.name,
            patch.watched,
            current,
            patch.fingerprint,
            patch.ours,
        )


@checks.register()
def upstream_code_unchanged(app_configs=None, **kwargs):
    return [
        checks.Warning(
            f"Patch {patch.name!r}: the upstream code it depends on changed "
            f"({patch.watched}: {current}, expected {patch.fingerprint}).",
            hint=f"Review {patch.ours} against the new code, then update core/monkey_patches.py.",
            id="core.W001",
        )
        for patch, current in changed_patches()
    ]


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    import django

    django.setup()
    for patch in PATCHES:
        print(f"{patch.current_fingerprint()}  {patch.watched}")  # noqa: T201
