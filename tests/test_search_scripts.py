"""Readers of Serbian and Bosnian find pages whichever script they type in."""

import re

import pytest
from django.conf import settings

from core.search_languages import search_language
from core.transliteration import SERBIAN_CYRILLIC_TO_LATIN

pytestmark = pytest.mark.django_db

# Sites written in Latin whose readers may type in Serbian Cyrillic.
LATIN_SERBIAN = [
    code
    for code, _name in settings.LANGUAGES
    if search_language(code).cyrillic is SERBIAN_CYRILLIC_TO_LATIN and code != "sr-cyrl"
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


def found_urls(client, language, words):
    """Every result of a site search, through all its pages (word forms widen a search)."""
    urls = []
    for page in range(1, 30):
        html = client.get(f"/{language}/search/", {"q": words, "page": page}).content.decode()
        urls += result_links(html)
        if 'rel="next"' not in html:
            return urls
    return urls


def own_words(text):
    return {word.lower() for word in re.findall(r"[^\W\d_]{6,}", str(text))}


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_form_questions_and_index_introductions_are_searchable(client, language):
    """A word found only in a page's questions (or its introduction) finds that page."""
    from wagtail.models import Page

    from core.index_page import FilterableIndexPage
    from forms.models.base import ModeratedFormPage

    pages = Page.objects.live().filter(locale__language_code=language).specific()
    checked = {"questions": 0, "introduction": 0}
    for page in pages:
        elsewhere = own_words(page.title)
        if isinstance(page, ModeratedFormPage):
            elsewhere |= own_words(page.introduction) | own_words(getattr(page, "body", ""))
            candidates = set().union(*[own_words(field.label) for field in page.get_form_fields()])
            kind = "questions"
        elif isinstance(page, FilterableIndexPage):
            candidates = own_words(page.introduction)
            kind = "introduction"
        else:
            continue
        # The longest words are the rarest.
        words = sorted(candidates - elsewhere, key=len, reverse=True)[:3]
        if not words:
            continue
        for word in words:
            if page.url in found_urls(client, language, word):
                checked[kind] += 1
                break
        else:
            pytest.fail(f"{page.url}: none of {words} finds it")
    assert checked["questions"] >= 3 and checked["introduction"] >= 3, checked
