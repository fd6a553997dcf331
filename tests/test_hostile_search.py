"""Search takes any text: site search and every listing's ``q``, in every language."""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from wagtail.models import Page

from funding.models import FundingIndexPage
from initiatives.models import InitiativeIndexPage
from practices.models import PracticeIndexPage

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    '"',
    '""',
    '"survivor',
    'survivor"',
    "'",
    "(",
    ")",
    "((survivor",
    "survivor)",
    "[survivor]",
    "{survivor}",
    "*",
    "survivor*",
    "*survivor",
    "-",
    "-survivor",
    "survivor -council",
    "NOT",
    "NOT survivor",
    "AND",
    "survivor AND",
    "OR OR",
    "NEAR",
    "NEAR(survivor council)",
    "NEAR(survivor council, 2)",
    "survivor NEAR/2 council",
    "^survivor",
    "title:survivor",
    "{title}: survivor",
    "+survivor",
    "survivor + council",
    ":",
    "\\",
    "\\'",
    "%",
    "_",
    "&",
    "|",
    "!",
    "<->",
    "survivor & council | !",
    "a:* & b",
    "';--",
    '" OR 1=1 --',
    "\u201csurvivor\u201d",
    "survivor\u00a0council",
    '\u0437\u0430\u0448\u0442\u0438\u0442\u0430 "',
]


def listing_paths():
    paths = [f"/{code}/search/" for code, _name in settings.LANGUAGES]
    for model in (InitiativeIndexPage, PracticeIndexPage, FundingIndexPage):
        for page in model.objects.live():
            paths.append(page.url)
    return paths


def test_every_language_has_its_listings():
    paths = listing_paths()
    for code, _name in settings.LANGUAGES:
        assert f"/{code}/search/" in paths
    assert len(paths) > len(settings.LANGUAGES)
    assert Page.objects.live().filter(locale__language_code="en").count() > 3


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_search_text_gives_a_normal_page(client, query):
    for path in listing_paths():
        response = client.get(f"{path}?{urlencode({'q': query})}")
        assert response.status_code == 200, (path, query)


def test_punctuation_around_words_still_finds_them(client):
    html = client.get("/en/search/?" + urlencode({"q": '"ISTAC"'})).content.decode()
    assert "International Survivors of Trafficking Advisory Council" in html
