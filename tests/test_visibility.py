"""Pages behind a view restriction never reach visitors through listings or search."""

import re

import pytest
from wagtail.models import PageViewRestriction

from initiatives.models import InitiativePage

# demo_content: these tests find pages of the demo by slug or title (see README, Tests).
pytestmark = [pytest.mark.django_db, pytest.mark.demo_content]

ISTAC = "International Survivors of Trafficking Advisory Council (ISTAC)"
ISTAC_NAME = "International Survivors of Trafficking Advisory Council"


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def search_titles(response):
    return re.findall(r"<h2[^>]*><a [^>]*>([^<]+)</a>", response.content.decode())


def istac_found_by_search(client):
    found = search_titles(client.get("/en/search/?q=ISTAC"))
    return any(ISTAC_NAME in title for title in found)


@pytest.fixture
def istac():
    return InitiativePage.objects.get(slug="istac", locale__language_code="en")


def test_a_password_protected_initiative_leaves_the_directory_and_search(client, istac):
    assert ISTAC in titles(client.get("/en/initiatives/"))
    assert istac_found_by_search(client)
    restriction = PageViewRestriction.objects.create(
        page=istac, restriction_type=PageViewRestriction.PASSWORD, password="advisory-only"
    )
    assert ISTAC not in titles(client.get("/en/initiatives/"))
    assert ISTAC not in titles(client.get("/en/initiatives/?q=ISTAC"))
    assert not istac_found_by_search(client)

    restriction.delete()
    assert ISTAC in titles(client.get("/en/initiatives/")), "lifting the restriction shows it again"
    assert ISTAC in titles(client.get("/en/initiatives/?q=ISTAC"))


def test_a_restricted_section_hides_everything_under_it(client, istac):
    index = istac.get_parent()
    assert istac_found_by_search(client)
    PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.PASSWORD, password="closed-for-now"
    )
    assert not istac_found_by_search(client)
