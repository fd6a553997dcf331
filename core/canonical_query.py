"""The one query string under which a listing page may be cached.

Every distinct query string used to make a new page-cache entry, so a few
hundred junk URLs filled the cache. Now a page is stored only when its query
string is the canonical one the page itself worked out: known parameters,
values that name real options, in a fixed order (filters as the page lists
them, then ``page``). Anything else (unknown parameters, values that match
nothing, another order, search words) is served fresh and never stored.
"""

from urllib.parse import urlencode

ATTRIBUTE = "page_cache_query"


def canonical_query(filters, page_of_results):
    """The canonical query string for these filters and this page of results."""
    pairs = [
        (listing_filter.param, option.value)
        for listing_filter in filters
        for option in listing_filter.options
        if option.selected
    ]
    if page_of_results.number > 1:
        pairs.append(("page", str(page_of_results.number)))
    return urlencode(pairs)


def declare(request, query_string):
    """Say which query string this page may be cached under (None: under none)."""
    setattr(request, ATTRIBUTE, query_string)


def is_canonical(request):
    """Whether the request's query string is the one its page may be cached under."""
    return request.META.get("QUERY_STRING", "") == getattr(request, ATTRIBUTE, "")
