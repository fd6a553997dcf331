"""Dates, times and amounts as each language writes them, on the served pages too."""

import re
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Locale, Page

from forms.models.base import ModeratedFormPage
from initiatives.models import InitiativePage

SAMPLE = Template(
    '{{ day|date:"DATE_FORMAT" }} | {{ moment|date:"DATETIME_FORMAT" }} | '
    '{{ amount|floatformat:"0g" }} | {{ share|floatformat:"2g" }}'
)
DAY = date(2027, 1, 28)
MOMENT = datetime(2027, 11, 29, 14, 5, tzinfo=ZoneInfo("Europe/Belgrade"))
NBSP = "\xa0"

# Month names in lower case where the language writes them so; the genitive
# in Serbian and Bosnian dates; a 24-hour clock; grouping of thousands.
EXPECTED = {
    "en": "28 January 2027 | 29 November 2027, 14:05 | 10,000 | 1,234.50",
    "sq": f"28 janar 2027 | 29 nëntor 2027, 14:05 | 10{NBSP}000 | 1{NBSP}234,50",
    "sr-latn": "28. januara 2027. | 29. novembra 2027. 14:05 | 10.000 | 1.234,50",
    "bs": "28. januara 2027. | 29. novembra 2027. 14:05 | 10.000 | 1.234,50",
    "mk": "28 јануари 2027 | 29 ноември 2027, 14:05 | 10.000 | 1.234,50",
    "cnr": "28. januara 2027. | 29. novembra 2027. 14:05 | 10.000 | 1.234,50",
    "sr-cyrl": "28. јануара 2027. | 29. новембра 2027. 14:05 | 10.000 | 1.234,50",
}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_every_served_language_has_expected_formats():
    assert set(EXPECTED) == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_date_a_time_and_an_amount_in_each_language(language):
    context = Context(
        {"day": DAY, "moment": MOMENT, "amount": Decimal(10000), "share": Decimal("1234.5")}
    )
    with translation.override(language):
        assert SAMPLE.render(context) == EXPECTED[language]


def translations_of(pages, language):
    """The live translations of these English pages in one language."""
    return Page.objects.live().filter(
        locale__language_code=language, translation_key__in=[page.translation_key for page in pages]
    )


ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December)\b"
)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_double_full_stops_and_no_english_months_on_served_pages(client, language):
    """What readers met: "2026..", "Jan..", "p.m..", "Nën. 29", "10000 deri në 50000"."""
    english = Page.objects.filter(locale__language_code="en")
    reviewed = InitiativePage.objects.filter(
        locale__language_code="en", last_reviewed__isnull=False
    )
    pages = [
        *reviewed[:3],
        *english.filter(
            slug__in=["funding", "get-involved", "survivor-leadership-fund-first-round"]
        ),
        *english.type(ModeratedFormPage),
    ]
    urls = [page.url for page in translations_of(pages, language)]
    assert len(urls) == len(pages) >= 8
    for url in urls:
        text = re.sub(r"<[^>]+>", " ", client.get(url).content.decode())
        assert not re.search(r"[^.]\.\.(?!\.)", text), (url, re.findall(r".{30}\.\.", text))
        assert not re.search(r"\b[ap]\.m\.", text), url
        if language != "en":
            assert not ENGLISH_MONTHS.search(text), (url, ENGLISH_MONTHS.findall(text))
            assert not re.search(r"\b\d{5,}\b", text), (url, re.findall(r"\b\d{5,}\b", text))


@pytest.mark.django_db
def test_a_funding_page_reads_naturally_in_each_language(client):
    page = Page.objects.get(slug="survivor-leadership-fund-first-round", locale__language_code="en")
    expected = {
        "en": ["15,000 USD", "31 October 2021"],
        "sq": [f"15{NBSP}000 USD", "31 tetor 2021"],
        "sr-latn": ["15.000 USD", "31. oktobra 2021."],
        "bs": ["15.000 USD", "31. oktobra 2021."],
        "mk": ["15.000 USD", "31 октомври 2021"],
        "cnr": ["15.000 USD", "31. oktobra 2021."],
        "sr-cyrl": ["15.000 USD", "31. октобра 2021."],
    }
    assert set(expected) == set(LANGUAGES)
    for language, strings in expected.items():
        html = client.get(page.get_translation(Locale.objects.get(language_code=language)).url)
        for string in strings:
            assert string in html.content.decode(), (language, string)
