"""Forms refuse what they should, with one accurate message each, in every language."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from forms.formbuilder import PortalFormBuilder
from forms.models import BoardApplicationFormField, FeedbackPage, ModeratedSubmission
from tests.forms_support import FEEDBACK_SLUG, board_answers, board_page, submit

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
EMPTY_FEEDBACK = "Answer at least one question before sending: this form is empty."


def feedback_in(language):
    english = FeedbackPage.objects.get(slug=FEEDBACK_SLUG, locale__language_code="en")
    return FeedbackPage.objects.get(
        translation_key=english.translation_key, locale__language_code=language
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_feedback_form_is_refused_with_a_clear_message(client, language):
    page = feedback_in(language)
    blank = {field.clean_name: "   " for field in page.get_form_fields()}
    response = submit(client, page, blank)
    html = response.content.decode()
    with translation.override(language):
        message = gettext(EMPTY_FEEDBACK)
    assert message in html
    assert 'href="#form-errors"' in html, "the error summary links to it"
    assert not ModeratedSubmission.objects.exists(), "nothing stored, nobody notified"
    one = {page.get_form_fields()[2].clean_name: "I was referred by a social worker."}
    submit(client, page, one)
    assert ModeratedSubmission.objects.count() == 1


def date_field(field_type):
    field = BoardApplicationFormField(
        label="When", clean_name="when", field_type=field_type, required=True
    )
    return PortalFormBuilder([field]).get_form_class()


def errors_for(form_class, value):
    form = form_class({"when": value, "submission_token": "t" * 32})
    form.is_valid()
    return form.errors.get("when", [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_todays_date_accepts_only_today_allowing_for_time_zones(client, language):
    today = timezone.localdate()
    with translation.override(language):
        form_class = date_field("today")
        for day in (today, today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)):
            assert errors_for(form_class, day.isoformat()) == [], day
        expected = gettext("Enter today's date, %(today)s.") % {
            "today": date_format(today, "SHORT_DATE_FORMAT")
        }
        assert errors_for(form_class, "2099-12-31") == [expected]
        assert errors_for(form_class, (today - datetime.timedelta(days=3)).isoformat()) == [
            expected
        ]


def test_the_board_call_refuses_a_date_in_2099(client):
    page = board_page()
    html = submit(client, page, board_answers(date="2099-12-31")).content.decode()
    assert "Enter today&#x27;s date" in html or "Enter today's date" in html
    assert not ModeratedSubmission.objects.exists()
    submit(client, page, board_answers())
    assert ModeratedSubmission.objects.count() == 1
    today_field = [f for f in page.get_form_fields() if f.clean_name == "date"][0]
    assert today_field.field_type == "today"
    form_html = client.get(page.url).content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in form_html, "filled in already"


@pytest.mark.parametrize("language", LANGUAGES)
def test_year_1800_gets_an_accurate_message_once(language):
    with translation.override(language):
        expected = gettext("Enter a date between the years %(earliest)s and %(latest)s.") % {
            "earliest": 1900,
            "latest": 2100,
        }
        assert errors_for(date_field("date"), "1800-03-27") == [expected]
        birth = errors_for(date_field("date_of_birth"), "1800-03-27")
        assert birth == [
            gettext("Check the year of birth: it is more than %(age)s years ago.") % {"age": 120}
        ], "one message, not two"
        assert errors_for(date_field("date_of_birth"), "2200-01-01") == [
            gettext("A date of birth must be in the past.")
        ]
