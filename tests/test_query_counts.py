"""Listing and detail pages cost the same number of queries at any size.

The bound, 12 queries for a page rendered without the whole-page cache, is
documented in the README ("Performance"). The site chrome (core/chrome.py)
and the site with its home page in each language (core/routing.py) come from
the cache, so what is counted is the walk down the path, view restrictions,
the page's own content and its translations.

The items come from bench/synthetic.py (bulk inserts, searchable): each
listing is counted with 10 and with 10,000 items of its collection, in
English; detail pages before and after 300 items in every language.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import synthetic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def render_every_time(settings):
    """These tests measure rendering, so the whole-page cache stays out of the way."""
    settings.PAGE_CACHE_ENABLED = False


QUERY_BOUND = 12


def count_queries(client, path):
    client.get(path)  # warm per-process caches such as taxonomy names
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


def grow(collection, count):
    """Add ``count`` searchable synthetic items to ``collection``, in English."""
    sizes = {"initiatives": 0, "practices": 0, "funding": 0, collection: count}
    synthetic.build(
        sizes["initiatives"], sizes["practices"], sizes["funding"], languages=["en"]
    )  # fmt: skip


LISTINGS = {
    "initiatives": [
        "/en/initiatives/",
        "/en/initiatives/?country=AL&type=advisory-body&area=policy-development",
        "/en/initiatives/?q=council&country=AL",
        "/en/initiatives/?page=2",
        "/en/initiatives/?page=last",
        "/en/search/?q=council",
    ],
    "practices": [
        "/en/practices/",
        "/en/practices/?track=policy&q=survivors",
        "/en/practices/?country=AL&page=2",
    ],
    "funding": ["/en/funding/", "/en/funding/?status=open", "/en/funding/?status=closed&page=2"],
}

LARGE = 10_000


@pytest.mark.parametrize("collection", LISTINGS)
def test_listing_queries_do_not_grow_from_10_to_10_000_items(client, collection):
    paths = LISTINGS[collection]
    grow(collection, 10)
    with_ten = {path: count_queries(client, path) for path in paths}
    grow(collection, LARGE - 10)
    synthetic.check_tree()
    with_ten_thousand = {path: count_queries(client, path) for path in paths}
    # Site search fetches each result page type with one query, so its count
    # follows the mix of types on the first page of results (with 10 items,
    # demo pages of other types rank among them), never the number of items.
    for path in paths:
        if path.startswith("/en/search/"):
            assert with_ten_thousand[path] <= with_ten[path], path
        else:
            assert with_ten_thousand[path] == with_ten[path], path
    assert max(with_ten.values()) <= QUERY_BOUND, with_ten
    assert max(with_ten_thousand.values()) <= QUERY_BOUND, with_ten_thousand


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/en/about/",
        "/en/initiatives/albania-advisory-board-for-victims/",
        "/en/practices/p2-set-up-a-survivor-advisory-body/",
        "/en/funding/survivor-leadership-fund-first-round/",
        "/en/practices/kosovo-peer-support/",
        "/en/get-involved/",
        "/en/get-involved/example-survivor-advisory-board/",
        "/en/get-involved/working-meeting-on-referral-procedures/",
        "/en/get-involved/tell-us-about-the-support-you-received/",
        "/en/initiatives/list-your-organisation/",
        "/en/practices/self-assessment/",
        "/en/practices/transferability-checklist/",
        "/sq/",
        "/sr-cyrl/",
        "/cnr/",
        "/mk/search/?q=PVPT",
    ],
)
def test_detail_pages_stay_within_the_bound(client, path):
    with_demo = count_queries(client, path)
    synthetic.build(200, practices=50, funding=50)  # in every language
    if "/search/" in path:
        # One query per page type among the results (see above): fewer types, fewer queries.
        assert count_queries(client, path) <= with_demo
    else:
        assert count_queries(client, path) == with_demo
    assert with_demo <= QUERY_BOUND
