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


def to_cyrillic(latin):
    """The test's own Latin -> Serbian Cyrillic, the other way from the portal's."""
    from languages.transliteration import SERBIAN_CYRILLIC_TO_LATIN

    back = {latin: cyrillic for cyrillic, latin in SERBIAN_CYRILLIC_TO_LATIN.items()}
    out, i = "", 0
    while i < len(latin):
        pair = latin[i : i + 2].lower()
        if pair in back:
            out, i = out + back[pair], i + 2
        else:
            out, i = out + back.get(latin[i].lower(), latin[i]), i + 1
    return out


@pytest.mark.parametrize("language", LATIN_SERBIAN)
def test_the_directory_takes_cyrillic_words_and_shows_them_as_typed(client, language):
    from wagtail.models import Locale

    from initiatives.models import InitiativeIndexPage, InitiativePage

    locale = Locale.objects.get(language_code=language)
    index = InitiativeIndexPage.objects.get(locale=locale)
    titles = InitiativePage.objects.live().filter(locale=locale).values_list("title", flat=True)
    word = next(
        word
        for title in titles
        for word in re.findall(r"[^\W\d_]{5,}", title)
        if not word.isupper() and re.search(r"[čćđšž]", word.lower())
    )
    cyrillic = to_cyrillic(word)
    assert cyrillic != word and not re.search(r"[a-z]", cyrillic)
    latin_html = client.get(index.url, {"q": word}).content.decode()
    cyrillic_html = client.get(index.url, {"q": cyrillic}).content.decode()
    assert latin_html.count('class="card__title"') > 0
    assert cyrillic_html.count('class="card__title"') == latin_html.count('class="card__title"')
    assert f'value="{cyrillic}"' in cyrillic_html
