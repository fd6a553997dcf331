"""Readers find pages by any word form, in either script, with or without diacritics.

Searches go through the real site search and directory pages, on the real
search backend of the database the tests run on (SQLite by default;
``scripts/with-postgres .venv/bin/pytest tests/test_search_languages.py``
for PostgreSQL and its own stemmers).
"""

import html
import re

import pytest
from django.conf import settings

from core.search_languages import SEARCH_LANGUAGES, search_language

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SERBIAN_RULES = [code for code in LANGUAGES if search_language(code).pg_config == "serbian"]

TITLE = re.compile(r'<h2 class="search-results__title"><a href="[^"]+">(.*?)</a></h2>', re.S)


def titles_on(page_html):
    return [
        html.unescape(re.sub(r"<[^>]+>", "", title)).strip() for title in TITLE.findall(page_html)
    ]


def found_titles(client, language, words):
    """Every result title of a site search, through all its pages, as a visitor reads them."""
    titles = []
    for page in range(1, 20):
        response = client.get(f"/{language}/search/", {"q": words, "page": page})
        assert response.status_code == 200
        new = [title for title in titles_on(response.content.decode()) if title not in titles]
        if not new:
            return titles
        titles += new
    return titles


# (language, what a reader types, a title that must be among the results)
EXPECTED = [
    # Albanian: word forms (light stemmer), and ë/ç typed as e/c.
    ("sq", "viktima", "Bordi Këshillimor për Viktimat dhe Viktimat e Mundshme të Trafikimit"),
    ("sq", "viktimave", "Shqipëria: Bordi Këshillimor për Viktimat e Trafikimit"),
    ("sq", "keshillimor", "Bordi Këshillimor për Viktimat dhe Viktimat e Mundshme të Trafikimit"),
    ("sq", "mbijetuar", "Të mbijetuarit në krye të luftës kundër trafikimit"),
    # Serbian: either script, no diacritics, any case ending.
    ("sr-latn", "žrtva", "Savetodavni odbor za žrtve i potencijalne žrtve trgovine ljudima"),
    ("sr-latn", "zrtvama", "Savetodavni odbor za žrtve i potencijalne žrtve trgovine ljudima"),
    ("sr-latn", "жртава", "Savetodavni odbor za žrtve i potencijalne žrtve trgovine ljudima"),
    (
        "sr-latn",
        "преживелих организација",
        "Mehanizam konsultacija sa organizacijama koje vode preživele osobe"
        " i sa preživelim osobama",
    ),
    # Bosnian (ijekavian pages): Cyrillic, and an ekavian query.
    ("bs", "ЖРТВЕ", "Savjetodavni odbor za žrtve i potencijalne žrtve trgovine ljudima"),
    (
        "bs",
        "savetodavni odbor",
        "Savjetodavni odbor za žrtve i potencijalne žrtve trgovine ljudima",
    ),
    # Macedonian typed in Latin (bare, or the romanisation's zh/sh), and other forms.
    ("mk", "zrtva", "Советодавен одбор за жртви и потенцијални жртви на трговија со луѓе"),
    (
        "mk",
        "prezhiveanite",
        "Признавање на преживеаните како засегнати страни во борбата против трговијата со луѓе",
    ),
    ("mk", "жртвите", "Албанија: Советодавниот одбор за жртви на трговија со луѓе"),
    # English: singular finds plural.
    ("en", "survivor stakeholder", "Establish survivors as anti-trafficking stakeholders"),
    ("en", "victim", "Advisory Board for Victims and Potential Victims of Trafficking"),
]


@pytest.mark.parametrize(("language", "words", "title"), EXPECTED)
def test_a_reader_finds_the_page_whatever_form_or_script_they_type(client, language, words, title):
    if language not in LANGUAGES:
        pytest.skip(f"{language} is not served")
    assert title in found_titles(client, language, words)


@pytest.mark.parametrize("language", SERBIAN_RULES)
def test_every_form_and_script_of_a_word_finds_the_same_pages(client, language):
    """žrtva, žrtve, žrtava, zrtve, жртве, ЖРТВАМА: one word, one set of pages.

    Some pages use only one of the forms ("žrtava").
    """
    forms = ["žrtva", "žrtve", "žrtava", "zrtve", "жртве", "ЖРТВАМА"]
    found = {form: set(found_titles(client, language, form)) for form in forms}
    assert found["žrtva"], "nothing found"
    for form in forms:
        assert found[form] == found["žrtva"], form
    # Among them, titles that use the word (in the site's script).
    assert any(
        search_language(language).fold(word).startswith("zrtv")
        for title in found["žrtva"]
        for word in re.findall(r"\w+", title)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_nonsense_finds_nothing(client, language):
    response = client.get(f"/{language}/search/", {"q": "qzxwvq"})
    assert response.status_code == 200
    assert titles_on(response.content.decode()) == []


def test_the_directory_search_reads_word_forms(client):
    """Albanian "viktima" in the directory finds the board whose name says "Viktimat"."""
    from wagtail.models import Locale

    from initiatives.models import InitiativeIndexPage

    index = InitiativeIndexPage.objects.get(locale=Locale.objects.get(language_code="sq"))
    page = client.get(index.url, {"q": "viktima"}).content.decode()
    assert "Bordi Këshillimor për Viktimat dhe Viktimat e Mundshme të Trafikimit" in page


def test_a_search_in_another_script_stays_within_twelve_queries(
    client, django_assert_max_num_queries
):
    client.get("/sr-latn/search/", {"q": "жртве"})  # the site's chrome, cached
    with django_assert_max_num_queries(12):
        response = client.get("/sr-latn/search/", {"q": "жртава трговине", "page": 1})
    assert titles_on(response.content.decode())


# The table itself: what each language's reader can type.


@pytest.mark.parametrize(
    ("language", "typed", "written"),
    [
        ("sr-latn", "жртве", "žrtve"),
        ("sr-latn", "Djordjevic", "Đorđević"),
        ("sr-cyrl", "zrtve", "жртве"),
        ("cnr", "жртве", "zrtve"),
        ("bs", "ZRTVE", "žrtve"),
        ("mk", "zhrtvi", "жртви"),
        ("mk", "žrtvi", "жртви"),
        ("sq", "keshill", "këshill"),
        ("sq", "pergjigje", "përgjigje"),
    ],
)
def test_scripts_and_diacritics_fold_to_one_form(language, typed, written):
    rules = SEARCH_LANGUAGES[language]
    assert rules.fold(typed) == rules.fold(written)


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("sq", ["viktima", "viktimat", "viktimave", "viktimë", "viktimën"]),
        ("sq", ["organizata", "organizatat", "organizatave", "organizatës", "organizatë"]),
        ("mk", ["жртва", "жртви", "жртвите", "жртвата"]),
        ("mk", ["организација", "организации", "организациите", "организацијата"]),
        ("sr-latn", ["žrtva", "žrtve", "žrtvama", "žrtvi"]),
        ("bs", ["preživjelih", "preživjeli", "preživelih"]),
        ("en", ["survivor", "survivors"]),
        ("en", ["community", "communities"]),
    ],
)
def test_the_light_stemmers_join_the_forms_of_a_word(language, forms):
    rules = SEARCH_LANGUAGES[language]
    assert len({rules.stemmer(rules.fold(form)) for form in forms}) == 1


def test_the_fleeting_a_of_serbian_genitive_plurals_is_looked_up_both_ways():
    rules = SEARCH_LANGUAGES["sr-latn"]
    assert "zrtav" in rules.query_forms("žrtva", "sqlite")
    assert "zrtv" in rules.query_forms("žrtava", "sqlite")


def test_every_language_of_the_region_has_rules():
    assert {"en", "sq", "sr-latn", "sr-cyrl", "bs", "cnr", "mk"} <= set(SEARCH_LANGUAGES)
    assert set(LANGUAGES) <= set(SEARCH_LANGUAGES)
