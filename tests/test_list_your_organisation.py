"""Organisations find the self-listing form from the directory, the home page and "Get involved"."""

import re

import pytest
from django.conf import settings

from forms.models import GetInvolvedIndexPage, InitiativeListingRequestPage
from home.models import HomePage
from initiatives.models import InitiativeIndexPage

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def page_in(model, language):
    return model.objects.get(locale__language_code=language)


def links_to(html, url):
    return re.findall(rf'<a href="{re.escape(url)}"[^>]*>([^<]+)</a>', html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_links_its_listing_form_from_directory_home_and_get_involved(
    client, language
):
    form = page_in(InitiativeListingRequestPage, language)
    directory = client.get(page_in(InitiativeIndexPage, language).url).content.decode()
    links = links_to(directory, form.url)
    assert links == [form.title, form.title], "above and below the results"
    results = directory.index('class="result-count"')
    first, last = (m.start() for m in re.finditer(re.escape(f'href="{form.url}"'), directory))
    assert first > results and last > directory.index("</ul>", results)
    for model in (HomePage, GetInvolvedIndexPage):
        html = client.get(page_in(model, language).url).content.decode()
        assert links_to(html, form.url) == [form.title], model.__name__


def test_the_link_finds_the_form_by_type_and_follows_a_changed_slug(client):
    form = page_in(InitiativeListingRequestPage, "sq")
    form.slug = "regjistrohu"
    form.save_revision().publish()
    html = client.get(page_in(HomePage, "sq").url).content.decode()
    assert links_to(html, "/sq/nismat/regjistrohu/") or links_to(html, form.specific.url)
    assert "/regjistrohu/" in html


def test_an_untranslated_form_is_linked_in_english_marked_as_english(client):
    page_in(InitiativeListingRequestPage, "mk").unpublish()
    html = client.get(page_in(InitiativeIndexPage, "mk").url).content.decode()
    english = page_in(InitiativeListingRequestPage, "en")
    assert f'<a href="{english.url}" lang="en" hreflang="en">{english.title}</a>' in html
