"""The directory as visitors use it: facets, scope, "last reviewed", self-listings in every
language, and the Kosovo footnote in site search."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation

from funding.models import FundingIndexPage
from initiatives.models import InitiativeIndexPage, InitiativePage
from taxonomy.models import KOSOVO_CODE, Country
from taxonomy.names import localized_name
from tests.test_forms_listing import send_request

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def directory(language="en"):
    return InitiativeIndexPage.objects.get(locale__language_code=language)


def option_counts(html, param):
    """{value: count} of a filter's checkboxes or select options."""
    counts = {}
    for value, count in re.findall(
        rf'name="{param}" value="([^"]+)"[^>]*>\s*<label[^>]*>[^<]*'
        r'<span class="facet-count">\((\d+)\)</span>',
        html,
    ):
        counts[value] = int(count)
    select = re.search(rf'<select id="filter-{param}" name="{param}">(.*?)</select>', html, re.S)
    if select:
        for value, count in re.findall(r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)<', select[1]):
            counts[value] = int(count)
    return counts


def english_initiatives():
    return list(InitiativePage.objects.live().filter(locale__language_code="en"))


# Facets ------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_filter_option_says_how_many_entries_it_gives(client, language):
    html = client.get(directory(language).url).content.decode()
    initiatives = english_initiatives()
    countries = option_counts(html, "country")
    assert countries["XK"] == 1 and countries["US"] == 2, countries
    for code, count in countries.items():
        shown = client.get(f"{directory(language).url}?country={code}").content.decode()
        assert shown.count('class="card"') == count, code
    scopes = option_counts(html, "scope")
    assert scopes == {
        scope: sum(i.scope == scope for i in initiatives)
        for scope in ("international", "regional", "national")
    }
    assert scopes["regional"] >= 1
    assert sum(option_counts(html, "type").values()) == len(initiatives)


def test_counts_follow_the_other_filters_and_the_search_words(client):
    url = directory().url
    html = client.get(f"{url}?scope=national").content.decode()
    national = [i for i in english_initiatives() if i.scope == "national"]
    countries = option_counts(html, "country")
    assert countries["US"] == sum("US" in [c.code for c in i.countries.all()] for i in national)
    assert countries["ET"] == 0, "the regional fund is not national"
    # An option's own filter does not narrow its count: the others stay choosable.
    assert option_counts(html, "scope")["international"] >= 1
    html = client.get(f"{url}?q=PVPT").content.decode()
    assert option_counts(html, "country")["XK"] == 1
    assert option_counts(html, "country")["US"] == 0


def test_the_directory_filters_by_scope(client):
    html = client.get(f"{directory().url}?scope=regional").content.decode()
    assert "Survivor Leadership Fund" in html
    assert "National Survivor Network" not in html
    assert 'id="filter-scope"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_cards_show_when_the_entry_was_last_reviewed(client, language):
    html = client.get(directory(language).url).content.decode()
    with translation.override(language):
        label = gettext("Last reviewed %(date)s").split("%")[0].strip()
    assert html.count('class="card__reviewed"') == html.count('class="card"') > 0
    assert label in html


def test_funding_filters_by_country_and_region_with_counts(client):
    url = FundingIndexPage.objects.get(locale__language_code="en").url
    html = client.get(url).content.decode()
    regions = option_counts(html, "region")
    # The upcoming example is open to applicants anywhere, so it counts everywhere.
    assert regions == {"western-balkans": 2, "europe": 2, "east-africa": 2, "americas": 1}
    countries = option_counts(html, "country")
    assert countries["KE"] == 2 and countries["AL"] == 2 and countries["US"] == 1
    kenya = client.get(f"{url}?country=KE").content.decode()
    assert "Survivor Leadership Fund: first round" in kenya
    assert "Western Balkans" not in kenya.split('class="cards"')[1]
    balkans = client.get(f"{url}?region=western-balkans").content.decode()
    assert "Survivor Leadership Fund: first round" not in balkans
    assert option_counts(balkans, "status")


# Self-listings in every language --------------------------------------------------


@pytest.mark.parametrize("language", ["mk", "en"])
def test_an_approved_self_listing_appears_in_every_languages_directory(
    client, django_capture_on_commit_callbacks, language
):
    submission = send_request(client, django_capture_on_commit_callbacks, language=language)
    initiative = InitiativePage.objects.get(pk=submission.listing_request.initiative_id)
    with django_capture_on_commit_callbacks(execute=True):
        initiative.get_latest_revision().publish()
    for other in LANGUAGES:
        html = client.get(directory(other).url).content.decode()
        assert "Voices Together" in html, other
        if other == language:
            assert f'lang="{language}">Voices Together' not in html
        else:
            assert f'lang="{language}">Voices Together' in html, other
            page = InitiativePage.objects.get(
                translation_key=initiative.translation_key, locale__language_code=other
            )
            detail = client.get(page.url).content.decode()
            assert f'<h1 lang="{language}">Voices Together' in detail
    waiting = Translation.objects.filter(source__object_id=initiative.translation_key)
    assert sorted(t.target_locale.language_code for t in waiting) == sorted(
        set(LANGUAGES) - {language}
    )
    for item in waiting:
        total, translated = item.get_progress()
        assert total > translated, "the translation report lists it as waiting"
    # A translator publishes the translation: the page is no longer marked.
    item = waiting.exclude(target_locale__language_code="en").first() or waiting.first()
    with django_capture_on_commit_callbacks(execute=True):
        item.save_target()
    page = InitiativePage.objects.get(
        translation_key=initiative.translation_key, locale=item.target_locale
    )
    assert page.text_language == ""


def test_an_unpublished_request_stays_out_of_every_directory(
    client, django_capture_on_commit_callbacks
):
    send_request(client, django_capture_on_commit_callbacks, language="sq")
    for language in LANGUAGES:
        assert "Voices Together" not in client.get(directory(language).url).content.decode()
    assert not WorkflowState.objects.filter(status="approved").exists()
    assert mail.outbox


# Search ------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_that_name_kosovo_carry_the_footnote(client, language):
    kosovo = Country.objects.get(code=KOSOVO_CODE, locale__language_code="en")
    name = localized_name(kosovo, language)
    html = client.get(f"/{language}/search/", {"q": name}).content.decode()
    results = html.split('class="search-results"')[1].split("</ol>")[0]
    assert re.search(r"Kosov|Косов", results), "a demo page names Kosovo"
    assert not re.search(r"(Kosov|Косов)\w*(?!\w|\*)", results), "every mention is marked"
    assert 'id="kosovo-footnote"' in html
    other = client.get(f"/{language}/search/", {"q": "APRAMP"}).content.decode()
    assert 'id="kosovo-footnote"' not in other
