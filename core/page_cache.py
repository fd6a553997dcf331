"""Whole-page cache for anonymous visitors, with zero database queries on a hit.

Why our own ~100 lines rather than a package: Wagtail's frontend_cache only
purges an external CDN, and Django's cache middleware keys on cookies and
``Vary`` headers in ways that either never hit (the session check adds
``Vary: Cookie``) or risk serving one visitor's page to another. This
middleware caches only what is safe to share:

- requests: GET or HEAD of a language-prefixed public URL, from a visitor who
  carries no session cookie (editors and moderators always get a fresh page);
- responses: 200, no ``Set-Cookie`` (so nothing that handed out a CSRF token,
  which is why form pages are never stored), not marked ``private`` or
  ``no-store``.

The key is the host, the path and the query string, so each language and
each filtered listing has its own entry. Only a canonical query string is
stored (see :mod:`core.canonical_query`): junk URLs cannot fill the cache.
Invalidation is by generation: any
change to published content (pages published, unpublished, moved or deleted,
taxonomies, settings, images, documents, redirects, locales) bumps one
number, and every cached page in every language is rebuilt on its next
request. Content changes are rare and rendering is cheap, so this simple,
exact rule beats tracking which page shows which piece of content.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from .canonical_query import is_canonical

GENERATION_KEY = "page-cache:generation"
# Headers worth replaying; security headers are added by the outer middleware.
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link")


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def current_generation():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, None)
    return generation


def until_content_changes(key, compute, timeout=60 * 60):
    """``compute()``, kept in the cache under ``key`` until published content changes.

    For what every visitor shares and only publishing changes (the site
    chrome, a page's translations, the home page's choices): worked out once
    per content generation instead of at every uncached page view.
    """
    key = f"{key}:{current_generation()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def invalidate_all(**_kwargs):
    """Make every cached page stale. Connected to content-changing signals."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def language_prefixes():
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = language_prefixes()

    def __call__(self, request):
        # Settings are read per request so tests and benchmarks can switch the cache off.
        self.timeout = settings.PAGE_CACHE_SECONDS
        self.browser_seconds = settings.PAGE_CACHE_BROWSER_SECONDS
        if not (settings.PAGE_CACHE_ENABLED and self.is_cacheable_request(request)):
            return self.get_response(request)
        key = self.key_for(request)
        stored = page_cache().get(key)
        if stored is not None:
            response = self.rebuild(stored)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.is_cacheable_response(response) and is_canonical(request):
            patch_cache_control(response, public=True, max_age=self.browser_seconds)
            page_cache().set(key, self.freeze(response), self.timeout)
            response["X-Page-Cache"] = "miss"
        return response

    def is_cacheable_request(self, request):
        return (
            request.method == "GET"
            and request.path.startswith(self.prefixes)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def is_cacheable_response(response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "")
        return "private" not in cache_control and "no-store" not in cache_control

    @staticmethod
    def key_for(request):
        raw = f"{request.get_host()}|{request.get_full_path()}"
        digest = hashlib.sha256(raw.encode()).hexdigest()
        return f"page-cache:{current_generation()}:{digest}"

    @staticmethod
    def freeze(response):
        headers = {name: response[name] for name in STORED_HEADERS if name in response}
        headers["Cache-Control"] = response["Cache-Control"]
        return (response.status_code, headers, response.content)

    @staticmethod
    def rebuild(stored):
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        return response
