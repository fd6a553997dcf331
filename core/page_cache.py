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

A hit costs one cache round trip at most. Each entry is stored under the
page's key alone, tagged with the generation it was rendered in, so one
``get_many`` fetches the generation and the page together, and a tag older
than the generation is a miss. With a shared cache (Redis) each process also
keeps the pages it served in a small local tier (:class:`LocalTier`), and
Redis pushes word of every change to the generation to every process
(:mod:`portal.tracked_key`): a page found in the local tier is served with no
round trip at all. No process serves a page older than the last change,
whichever process made it.
"""

import hashlib
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
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
    # The shared Redis tells each process when the generation changes, so
    # there it is read from memory (portal/tracked_key.py) without a round trip.
    read = getattr(cache, "get_tracked", cache.get)
    generation = read(GENERATION_KEY)
    if generation is None:
        generation = first_generation(cache)
    return generation


def first_generation(cache):
    """The generation of an empty cache (new, flushed, or a restarted Redis).

    The clock in microseconds, not 1: after a restart of Redis the count must
    not start again below the tags of the copies processes still hold, or an
    old copy could match a new generation. Whichever process adds it first wins.
    """
    start = time.time_ns() // 1000
    if cache.add(GENERATION_KEY, start, None):
        return start
    return cache.get(GENERATION_KEY) or start


class LocalTier:
    """This process's copies of the pages it served, least recently used out first.

    Bounded by the bytes of the pages' bodies. Only ever read together with
    the shared generation: an entry is used only while its tag is current.
    """

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        weight = len(entry[3])
        if weight > self.max_bytes:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old[3])
            self.entries[key] = entry
            self.size += weight
            while self.size > self.max_bytes:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped[3])

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


local_tier = LocalTier(max_bytes=32 * 1024 * 1024)


def uses_local_tier(cache):
    """A local tier only in front of a cache other processes share: a
    local-memory cache is one already, and the dummy cache stores nothing."""
    return settings.PAGE_CACHE_LOCAL_TIER and not isinstance(cache, LocMemCache | DummyCache)


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
        # Nothing to count from: a new start is later than every tag.
        cache.set(GENERATION_KEY, time.time_ns() // 1000, None)


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
        generation, stored = self.lookup(key)
        if stored is not None:
            response = self.rebuild(stored)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.is_cacheable_response(response) and is_canonical(request):
            patch_cache_control(response, public=True, max_age=self.browser_seconds)
            # Tagged with the generation read before rendering: if content
            # changed meanwhile, the entry is already stale, as it should be.
            frozen = self.freeze(generation, response, time.time() + self.timeout)
            page_cache().set(key, frozen, self.timeout)
            if uses_local_tier(page_cache()):
                local_tier.put(key, frozen)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def lookup(key):
        """(current generation, the stored page or None), in one cache round trip
        (two the first time a process meets a page it holds a stale copy of)."""
        cache = page_cache()
        local = uses_local_tier(cache)
        if local:
            entry = local_tier.get(key)
            # A local copy lives no longer than the shared entry would: what a
            # page shows can change with the time (a call's deadline passing).
            if entry is not None and entry[4] > time.time():
                generation = current_generation()
                if entry[0] == generation:
                    return generation, entry
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            return first_generation(cache), None
        entry = found.get(key)
        if entry is None or entry[0] != generation:
            return generation, None
        if local:
            local_tier.put(key, entry)
        return generation, entry

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
        return f"page-cache:page:{digest}"

    @staticmethod
    def freeze(generation, response, expires):
        headers = {name: response[name] for name in STORED_HEADERS if name in response}
        headers["Cache-Control"] = response["Cache-Control"]
        return (generation, response.status_code, headers, response.content, expires)

    @staticmethod
    def rebuild(stored):
        _generation, status, headers, content, _expires = stored
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        # CommonMiddleware, which sets it on a fresh page, is not reached on a
        # hit; without it the app server sends the page in chunks.
        response["Content-Length"] = len(content)
        return response
