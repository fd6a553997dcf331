"""What a reader of each language meets beyond our own strings: Django's form
errors, and which language a neighbouring language's browser lands on."""

import pytest
from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale, Page

from forms.models.base import ModeratedFormPage
from tests.forms_support import board_page, token_from

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TRANSLATED = [code for code in LANGUAGES if code != settings.LANGUAGE_CODE]

# Accept-Language of a reader of a neighbouring language -> where "/" sends them.
NEIGHBOURS = {
    "hr": "bs",
    "hr-HR,hr;q=0.9,en;q=0.8": "bs",
    "hr-HR,en-US;q=0.7": "bs",
    "sh": "sr-latn",
    "sr": "sr-latn",
    "sr-ME,en;q=0.5": "cnr",
    "sr-Latn-ME,en;q=0.5": "cnr",
    "cnr": "cnr",
    "cnr-ME,cnr;q=0.9,en;q=0.5": "cnr",
    "sr-Cyrl": "sr-cyrl",
    "sr-Cyrl-RS,en;q=0.5": "sr-cyrl",
    # The script first: a Cyrillic reader in Montenegro gets Serbian in Cyrillic.
    "sr-Cyrl-ME,en;q=0.5": "sr-cyrl",
}


@pytest.mark.parametrize("accept_language", NEIGHBOURS)
def test_neighbouring_languages_land_on_the_closest_served_language(client, accept_language):
    expected = NEIGHBOURS[accept_language]
    if expected not in LANGUAGES:
        pytest.fail(f"{expected} is no longer served: update NEIGHBOURS and languages/regional.py")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == f"/{expected}/"
    assert not response.cookies


def test_a_reader_of_an_unrelated_language_still_gets_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ja,de;q=0.5")
    assert response["Location"] == f"/{settings.LANGUAGE_CODE}/"


def bad_answers(form):
    """A wrong answer to every question a wrong answer exists for."""
    answers = {}
    for name, field in form.fields.items():
        if name in ("submission_token", "company_website"):
            continue
        if isinstance(field, forms.EmailField):
            answers[name] = "not-an-email"
        elif isinstance(field, forms.URLField):
            answers[name] = "not a web address"
        elif isinstance(field, forms.DateField | forms.DateTimeField):
            answers[name] = "the day after tomorrow"
        elif isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
            answers[name] = "many"
        elif isinstance(field, forms.MultipleChoiceField):
            answers[name] = ["no-such-choice"]
        elif isinstance(field, forms.ChoiceField):
            answers[name] = "no-such-choice"
        elif isinstance(field, forms.CharField) and field.max_length:
            answers[name] = "x" * (field.max_length + 1)
    return answers


def error_messages(page, language, make_answers):
    with translation.override(language):
        form = page.get_form(page=page, user=AnonymousUser())
        bound = page.get_form(make_answers(form), page=page, user=AnonymousUser())
        return {
            name: {str(message) for message in messages} for name, messages in bound.errors.items()
        }


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_forms_errors_are_in_the_visitors_language(language):
    english_pages = list(
        Page.objects.live().type(ModeratedFormPage).filter(locale__language_code="en").specific()
    )
    assert english_pages
    checked = 0
    for english in english_pages:
        page = english.get_translation(Locale.objects.get_for_language(language))
        for make_answers in (bad_answers, lambda form: {}):
            source = error_messages(english, settings.LANGUAGE_CODE, make_answers)
            translated = error_messages(page, language, make_answers)
            assert translated.keys() == source.keys()
            english_texts = set().union(*source.values())
            for name, messages in translated.items():
                assert not messages & english_texts, (page.url, name, messages)
                checked += len(messages)
    # Required, e-mail, length, date and choice errors were all among them.
    assert checked > 4 * len(english_pages)


def test_a_bosnian_applicant_reads_the_email_error_in_bosnian(client):
    page = board_page().get_translation(Locale.objects.get_for_language("bs"))
    token = token_from(client, page)
    response = client.post(page.url, {"submission_token": token, "email": "ana@"})
    html = response.content.decode()
    assert "Unesite ispravnu adresu e-pošte." in html
    assert "Ovo polje je obavezno." in html
    assert "Enter a valid email address." not in html
    assert "This field is required." not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_form_sent_without_the_sites_cookie_is_explained_in_the_visitors_language(language):
    """Django's own CSRF page is English ("Forbidden") in Bosnian and loses the answers."""
    from django.test import Client
    from django.utils.translation import gettext

    page = board_page().get_translation(Locale.objects.get_for_language(language))
    response = Client(enforce_csrf_checks=True).post(page.url, {"first_name": "Ana"})
    assert response.status_code == 403
    html = response.content.decode()
    # An open form is shown again with what was typed (portal.error_views).
    english = (
        "Your answers were not sent: the page had expired, or your browser blocked "
        "this site's cookie. Check that cookies are allowed for this site, then send "
        "the form again. Your answers are still here."
    )
    with translation.override(language):
        message = gettext(english)
    assert escape(message) in html
    assert 'value="Ana"' in html
    assert f'lang="{language}"' in html
    assert "Forbidden" not in html
    assert 'id="quick-exit"' in html
    if language != settings.LANGUAGE_CODE:
        assert message != english
