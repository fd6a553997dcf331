"""An initiative's related good practices, as a visitor in another language sees them."""

import re

import pytest
from wagtail.models import Locale

from initiatives.models import InitiativePage
from practices.models import PracticePage

pytestmark = [pytest.mark.django_db, pytest.mark.demo_content]


@pytest.fixture(autouse=True)
def render_every_time(settings):
    settings.PAGE_CACHE_ENABLED = False


def related_links(client, page):
    html = client.get(page.url).content.decode()
    section = re.search(r'<section aria-labelledby="practices-heading">(.*?)</section>', html, re.S)
    assert section, "no related practices on the page"
    return re.findall(r'<a href="([^"]+)"', section[1])


def test_links_go_to_the_translations_in_the_editors_order_or_to_the_chosen_page(client):
    initiative = next(
        page
        for page in InitiativePage.objects.live().filter(locale__language_code="en")
        if page.related_practices.count() >= 2
    )
    chosen = [link.practice for link in initiative.related_practices.order_by("sort_order")]
    albanian = initiative.get_translation(Locale.objects.get(language_code="sq"))
    in_albanian = [practice.get_translation(albanian.locale) for practice in chosen]

    assert related_links(client, albanian) == [practice.url for practice in in_albanian]

    # A translation taken offline: its place in the list links to the chosen page.
    in_albanian[-1].unpublish()
    assert related_links(client, albanian) == [
        *(practice.url for practice in in_albanian[:-1]),
        PracticePage.objects.get(pk=chosen[-1].pk).url,
    ]
