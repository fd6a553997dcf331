"""The form pages as visitors and editors meet them."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forms.models import BoardApplicationPage, GetInvolvedIndexPage, ModeratedSubmission
from home.models import HomePage
from tests.forms_support import (
    board_answers,
    board_page,
    consultation_page,
    feedback_page,
    submit,
)

pytestmark = pytest.mark.django_db

FORM_PAGES = [board_page, consultation_page, feedback_page]


def all_form_pages():
    return [
        board_page(),
        consultation_page("working-meeting-on-referral-procedures"),
        consultation_page("comments-on-the-draft-shelter-standards"),
        consultation_page("prevention-campaign-questionnaire"),
        feedback_page(),
    ]


def test_get_involved_lists_every_open_call_and_sets_no_cookie(client):
    index = GetInvolvedIndexPage.objects.get(locale__language_code="en")
    assert index.url == "/en/get-involved/"
    assert index.show_in_menus
    response = client.get(index.url)
    html = response.content.decode()
    assert not response.cookies, "an ordinary page sets no cookie"
    for page in all_form_pages():
        assert f'href="{page.url}"' in html
    assert "Example" in html
    nav = [page.slug for page in index.get_parent().get_children().in_menu()]
    assert nav.index("get-involved") < nav.index("about")


@pytest.mark.parametrize("index", range(5))
def test_form_pages_are_accessible_and_never_cached(client, index):
    page = all_form_pages()[index]
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert set(response.cookies) <= {"csrftoken"}, "only the CSRF cookie"
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    for forbidden in ("<script>", "style=", "<style"):
        assert forbidden not in html.split("<main")[1], forbidden
    inputs = re.findall(r'<(?:input|textarea|select)\b[^>]*\bid="([^"]+)"', html)
    labelled = set(re.findall(r'<label[^>]*\bfor="([^"]+)"', html))
    unlabelled = [i for i in inputs if i not in labelled and i != "id_submission_token"]
    assert not unlabelled, unlabelled
    for hint_id in re.findall(r'class="field__hint" id="([^"]+)"', html):
        assert f'aria-describedby="{hint_id}' in html, hint_id
    assert "(required)" in html or page.specific_class.__name__ == "FeedbackPage"


def test_the_board_call_shows_its_terms_criteria_deadline_and_footnote(client):
    html = client.get(board_page().url).content.decode()
    assert "Terms of reference" in html
    assert "Selection criteria" in html
    assert "Deadline" in html
    assert "This is an example." in html
    assert 'id="kosovo-footnote"' in html, "Kosovo* is named, so the footnote is shown"


def test_a_call_after_its_deadline_says_it_is_closed_and_shows_no_form(client):
    page = board_page()
    page.closes_at = timezone.now() - timedelta(hours=1)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "This call is closed" in html
    assert "<form" not in html.split("<main")[1]


def test_answers_sent_after_the_deadline_are_refused_and_kept(client):
    page = board_page()
    token = re.search(
        r'name="submission_token" value="([^"]+)"', client.get(page.url).content.decode()
    ).group(1)
    page.closes_at = timezone.now() - timedelta(minutes=1)
    page.save_revision().publish()
    response = submit(client, page, board_answers(first_name="Kept Name"), token=token)
    html = response.content.decode()
    assert ModeratedSubmission.objects.count() == 0
    assert "This call is closed. Your answers were not sent." in html
    assert 'value="Kept Name"' in html
    assert 'type="submit"' not in html


def test_a_call_before_it_opens_says_so(client):
    page = consultation_page()
    page.opens_at = timezone.now() + timedelta(days=3)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "This call is not open yet" in html


def test_form_pages_make_a_bounded_number_of_queries(client):
    page = board_page()
    client.get(page.url)
    with CaptureQueriesContext(connection) as context:
        client.get(page.url)
    assert len(context) <= 25, [q["sql"] for q in context.captured_queries]


def test_form_pages_live_only_under_get_involved():
    assert BoardApplicationPage.can_create_at(GetInvolvedIndexPage.objects.first())
    assert not BoardApplicationPage.can_create_at(HomePage.objects.first())
    assert GetInvolvedIndexPage.allowed_parent_page_models() == [HomePage]


def test_a_new_board_call_starts_with_the_preset_questions(admin_client):
    index = GetInvolvedIndexPage.objects.get(locale__language_code="en")
    url = f"/admin/pages/add/forms/boardapplicationpage/{index.pk}/"
    html = admin_client.get(url).content.decode()
    for label in ("First name", "Surname", "Age", "Gender", "Full name, typed"):
        assert label in html
    assert "Date of birth" not in re.sub(r"<option[^>]*>Date of birth</option>", "", html)


def test_translatable_form_fields_keep_their_names_in_sync():
    from wagtail_localize.fields import get_translatable_fields

    from forms.models import BoardApplicationFormField

    fields = {f.field_name: f for f in get_translatable_fields(BoardApplicationFormField)}
    for synchronised in ("clean_name", "field_type", "required", "balance_dimension"):
        assert fields[synchronised].is_synchronized(BoardApplicationFormField())
    for translated in ("label", "help_text", "choices", "default_value"):
        assert fields[translated].is_translated(BoardApplicationFormField())
    page_fields = {f.field_name: f for f in get_translatable_fields(BoardApplicationPage)}
    for synchronised in ("closes_at", "retention_months", "moderator_group"):
        assert not page_fields[synchronised].is_translated(BoardApplicationPage())
    assert page_fields["form_fields"].is_translated(BoardApplicationPage())
