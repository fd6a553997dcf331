"""Listings and search keep their result lists until content changes
(core/result_ids.py), and never show a stale one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatives.models import InitiativePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def render_every_time(settings):
    settings.PAGE_CACHE_ENABLED = False


def english(slug):
    return InitiativePage.objects.get(locale__language_code="en", slug=slug)


def test_a_filtered_listing_follows_unpublishing_at_once(client):
    page = (
        InitiativePage.objects.live()
        .filter(locale__language_code="en", countries__isnull=False)
        .first()
    )
    code = page.countries.first().code
    path = f"/en/initiatives/?country={code}"
    before = client.get(path)
    assert page.title in before.content.decode()
    assert client.get(path).context["result_count"] == before.context["result_count"]
    page.unpublish()
    after = client.get(path)
    assert page.title not in after.content.decode()
    assert after.context["result_count"] == before.context["result_count"] - 1


def test_search_follows_publishing_at_once(client):
    page = english("istac")
    path = "/en/search/?q=zanzibarwordx"
    assert client.get(path).context["result_count"] == 0
    page.summary = "Known for zanzibarwordx."
    page.save_revision().publish()
    response = client.get(path)
    assert response.context["result_count"] == 1
    assert page.title in response.content.decode()


def test_a_repeated_listing_reads_only_the_entries_it_shows(client):
    path = "/en/initiatives/?type=advisory-body"
    first = client.get(path)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(path)
    assert again.content == first.content
    # No COUNT(*) and no query that filters: the ids come from the cache.
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "COUNT(" not in sql.upper()
    assert 'initiative_type_id" IN' not in sql


def test_unknown_filter_values_are_not_mistaken_for_no_filter(client):
    everything = client.get("/en/initiatives/").context["result_count"]
    assert everything > 0
    assert client.get("/en/initiatives/?country=NOPE").context["result_count"] == 0
    assert client.get("/en/initiatives/").context["result_count"] == everything
