"""Readers of Serbian and Bosnian find pages whichever script they type in."""

import re

import pytest
from django.conf import settings

from languages.transliteration import LATIN_SERBIAN_SCRIPT_LANGUAGES

pytestmark = pytest.mark.django_db

LATIN_SERBIAN = [
    code for code, _name in settings.LANGUAGES if code in LATIN_SERBIAN_SCRIPT_LANGUAGES
]


def result_links(html):
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.findall(r'<a href="(/[^"]+)"', main)


@pytest.mark.parametrize("language", LATIN_SERBIAN)
@pytest.mark.parametrize(("latin", "cyrillic"), [("žrtve", "жртве"), ("podrška", "подршка")])
def test_a_cyrillic_query_finds_what_the_latin_one_finds(client, language, latin, cyrillic):
    found = result_links(client.get(f"/{language}/search/", {"q": latin}).content.decode())
    assert any(f"/{language}/" in link for link in found)
    same = result_links(client.get(f"/{language}/search/", {"q": cyrillic}).content.decode())
    assert same == found


@pytest.mark.parametrize("language", LATIN_SERBIAN)
def test_the_directory_takes_cyrillic_words_and_shows_them_as_typed(client, language):
    from wagtail.models import Locale

    from initiatives.models import InitiativeIndexPage

    index = InitiativeIndexPage.objects.get(locale=Locale.objects.get(language_code=language))
    latin = client.get(index.url, {"q": "podrška"}).content.decode()
    cyrillic = client.get(index.url, {"q": "подршка"}).content.decode()
    assert latin.count('class="card__title"') > 0
    assert cyrillic.count('class="card__title"') == latin.count('class="card__title"')
    assert 'value="подршка"' in cyrillic
