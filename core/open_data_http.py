"""How every open-data endpoint answers: read-only, shareable, cached until content changes.

The HSDS API, the data package, Wagtail's API, the Atom feeds and the
deadline calendar hold only what visitors can already see, so:

- only GET, HEAD and the CORS preflight (OPTIONS) are accepted;
- any site may read them (``Access-Control-Allow-Origin: *``, and
  ``Cross-Origin-Resource-Policy: cross-origin`` where pages say same-origin);
  no credentials are involved, so none are allowed;
- browsers and proxies may keep them for ``OPEN_DATA_CACHE_SECONDS``;
- the server keeps each answer until published content changes (the page
  cache's generation, bumped on publish, unpublish, move, delete and on
  taxonomy and settings changes), keyed by host, path and query string.
"""

import functools
import hashlib

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils.cache import patch_cache_control

from .page_cache import current_generation, page_cache

SAFE_METHODS = ("GET", "HEAD")
# No language-prefixed patterns here: see ``open_data_view``.
urlpatterns = []
STORED_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "Link")


def cache_seconds():
    return getattr(settings, "OPEN_DATA_CACHE_SECONDS", 300)


def add_open_headers(response):
    """Headers that let any site read this response and caches keep it for minutes."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    patch_cache_control(response, public=True, max_age=cache_seconds())
    return response


def preflight():
    response = HttpResponse(status=204)
    add_open_headers(response)
    response["Access-Control-Max-Age"] = "86400"
    return response


def _key(request):
    raw = f"{request.get_host()}|{request.get_full_path()}"
    return f"open-data:{current_generation()}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _freeze(response):
    headers = {name: response[name] for name in STORED_HEADERS if name in response}
    return (response.status_code, headers, response.content)


def _rebuild(stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers.items():
        response[name] = value
    return response


def open_data_view(view):
    """Wrap a view that renders public data (see the module docstring)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        # A 404 here is final. Without this, LocaleMiddleware would redirect it
        # to /en/<path> (which Wagtail's catch-all pattern seems to serve), and
        # a harvester asking for a deleted record would get a redirect to an
        # HTML page. It only redirects when the request's URLconf has language
        # prefixes; this module's has none. URLs are already resolved.
        request.urlconf = __name__
        if request.method == "OPTIONS":
            return preflight()
        if request.method not in SAFE_METHODS:
            return add_open_headers(HttpResponseNotAllowed([*SAFE_METHODS, "OPTIONS"]))
        enabled = settings.PAGE_CACHE_ENABLED
        key = _key(request) if enabled else None
        stored = page_cache().get(key) if enabled else None
        if stored is not None:
            response = _rebuild(stored)
            response["X-Open-Data-Cache"] = "hit"
            return add_open_headers(response)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if enabled and response.status_code == 200 and not response.streaming:
            page_cache().set(key, _freeze(response), settings.PAGE_CACHE_SECONDS)
            response["X-Open-Data-Cache"] = "miss"
        return add_open_headers(response)

    wrapper.csrf_exempt = True
    return wrapper
