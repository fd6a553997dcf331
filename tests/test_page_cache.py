"""Whole-page cache: fast for visitors, never stale, never shared wrongly."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from initiatives.models import InitiativeIndexPage, InitiativePage
from taxonomy.models import Country

# demo_content: these tests find pages of the demo by slug or title (see README, Tests).
pytestmark = [pytest.mark.django_db, pytest.mark.demo_content]

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def english(model, **lookup):
    return model.objects.get(locale__language_code="en", **lookup)


def in_language(page, language):
    return page.get_translation(Locale.objects.get(language_code=language))


def test_a_repeat_visit_is_served_from_the_cache_without_queries(client):
    first = client.get("/en/initiatives/")
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/en/initiatives/")
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=60" in second["Cache-Control"]
    assert "Content-Security-Policy" in second


def test_each_language_and_each_filter_has_its_own_entry(client):
    assert client.get("/en/initiatives/")["X-Page-Cache"] == "miss"
    assert client.get("/en/initiatives/?country=AL")["X-Page-Cache"] == "miss"
    albanian = in_language(english(InitiativeIndexPage), "sq").url
    assert client.get(albanian)["X-Page-Cache"] == "miss"
    html = client.get("/en/initiatives/?country=AL").content.decode()
    assert 'value="AL" checked' in html


def test_signed_in_editors_always_get_a_fresh_page(admin_client):
    from django.test import Client

    visitor = Client()
    visitor.get("/en/about/")
    response = admin_client.get("/en/about/")
    assert "X-Page-Cache" not in response
    assert "wagtail-userbar" in response.content.decode()
    # ...and what they saw is not served to visitors.
    assert "wagtail-userbar" not in visitor.get("/en/about/").content.decode()


def test_form_pages_are_never_cached_and_keep_their_csrf_cookie(client):
    form_page = Page.objects.get(slug="example-survivor-advisory-board", locale__language_code="en")
    for _ in range(2):
        response = client.get(form_page.url)
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_publishing_an_edit_shows_at_once(client):
    page = english(InitiativePage, slug="istac")
    assert client.get(page.url)["X-Page-Cache"] == "miss"
    assert client.get("/en/initiatives/")["X-Page-Cache"] == "miss"
    page.summary = "A freshly edited summary."
    page.save_revision().publish()
    assert "A freshly edited summary." in client.get(page.url).content.decode()
    assert "A freshly edited summary." in client.get("/en/initiatives/").content.decode()


def test_a_taxonomy_edit_shows_in_every_language(client):
    index = english(InitiativeIndexPage)
    urls = [in_language(index, language).url + "?country=AL" for language in LANGUAGES]
    for url in urls:
        client.get(url)
    for country in Country.objects.filter(code="AL"):
        country.name = f"Edited {country.locale.language_code}"
        country.save()
    for url, language in zip(urls, LANGUAGES, strict=True):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert f"Edited {language}" in response.content.decode(), language


def test_unpublishing_moving_and_deleting_take_effect_at_once(client):
    page = english(InitiativePage, slug="apramp")
    client.get(page.url)
    page.unpublish()
    assert client.get(page.url).status_code == 404

    other = english(InitiativePage, slug="istac")
    old_url = other.url
    assert client.get(old_url).status_code == 200
    about = Page.objects.get(slug="about", locale__language_code="en")
    other.move(about, pos="last-child")
    other.refresh_from_db()
    # Wagtail leaves a redirect behind when a page moves.
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == other.url
    assert client.get(other.url).status_code == 200

    listed = client.get("/en/initiatives/").content.decode()
    assert "Survivor Leadership Fund" in listed
    english(InitiativePage, slug="survivor-leadership-fund").delete()
    assert "Survivor Leadership Fund" not in client.get("/en/initiatives/").content.decode()


def test_errors_and_redirects_are_not_cached(client):
    assert "X-Page-Cache" not in client.get("/en/no-such-page/")
    assert "X-Page-Cache" not in client.get("/")


def test_the_home_pages_choices_follow_publishing_when_pages_are_rendered(client, settings):
    """With no editor's choice, the home page shows the latest reviewed
    initiatives, worked out once per content generation; a newly published
    review shows at once, in the whole-page cache's absence too."""
    settings.PAGE_CACHE_ENABLED = False
    home = client.get("/en/").content.decode()
    shown = [
        p for p in InitiativePage.objects.filter(locale__language_code="en") if p.title in home
    ]
    assert len(shown) == 3
    newcomer = (
        InitiativePage.objects.filter(locale__language_code="en")
        .exclude(pk__in=[p.pk for p in shown])
        .order_by("-title")
        .first()
    )
    assert newcomer.title not in client.get("/en/").content.decode()
    newcomer.last_reviewed = datetime.date(2026, 11, 20)
    newcomer.save_revision().publish()
    assert newcomer.title in client.get("/en/").content.decode()


def stored_pages():
    from django.core.cache import cache

    # LocMemCache: the keys it holds (page-cache entries start with this prefix).
    return [key for key in cache._cache if ":page-cache:" in key and "generation" not in key]


@pytest.mark.parametrize(
    "junk",
    [
        "utm_source={n}",
        "country=AL&x={n}",
        "country=NOPE{n}",
        "page={n}abc",
        "country=AL&country=AL&n={n}",
        "q=junk{n}",
    ],
)
def test_junk_query_strings_make_no_cache_entries(client, junk):
    for n in range(20):
        response = client.get(f"/en/initiatives/?{junk.format(n=n)}")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    assert stored_pages() == []


def test_only_the_canonical_query_string_is_stored(client):
    assert client.get("/en/initiatives/?country=AL&country=MK")["X-Page-Cache"] == "miss"
    # The same filters in another order: served fresh, not a second entry.
    assert "X-Page-Cache" not in client.get("/en/initiatives/?country=MK&country=AL")
    assert client.get("/en/initiatives/?country=AL&country=MK")["X-Page-Cache"] == "hit"
    assert len(stored_pages()) == 1
