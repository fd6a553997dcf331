"""Where a public URL leads, starting from a home page kept in the cache.

Before Wagtail's ``Page.route_for_request`` walks a URL's path it finds the
site (a query), the active locale (a query), the home page's translation in
that language (a query, outside the default language) and the home page's
specific object (a query): on every uncached page, answers that change only
when published content does. Here the site and the visitor-language home
page are kept per host, port and language until content changes
(:func:`core.page_cache.until_content_changes`), and the walk down the path
starts from there. Installed over ``Page.route_for_request`` by
:mod:`core.monkey_patches`, where the upstream code is fingerprinted.
"""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.models import Site

from .page_cache import until_content_changes


def site_and_home(request):
    """(the request's Site, its home page in the active language, specific), or None."""
    # The raw host, as Wagtail's own lookup: ALLOWED_HOSTS is checked elsewhere.
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"route-root:{hostname}:{request.get_port()}:{get_language()}"

    def find():
        site = Site.find_for_request(request)
        if site is None:
            return None
        return site, site.root_page.localized.specific

    return until_content_changes(key, find)


def route_for_request(request, path):
    """``Page.route_for_request``: (page, args, kwargs) or None, kept on the request."""
    if not hasattr(request, "_wagtail_route_for_request"):
        found = site_and_home(request)
        if found is None:
            request._wagtail_route_for_request = None
        else:
            site, home = found
            if not hasattr(request, "_wagtail_site"):
                request._wagtail_site = site
            components = [component for component in path.split("/") if component]
            try:
                request._wagtail_route_for_request = home.route(request, components)
            except Http404:
                request._wagtail_route_for_request = None
    return request._wagtail_route_for_request
