"""Every error page carries the quick exit in the visitor's language; a CSRF
failure on a form shows the form again with what was typed."""

import re

import pytest
from django.test import Client

from forms.models import ModeratedSubmission
from tests.forms_support import board_answers, board_page
from tests.test_error_pages import assert_safe_error_page

pytestmark = pytest.mark.django_db


@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize("language", ["en", "sq", "mk"])
@pytest.mark.parametrize(("path", "status"), [("forbidden/", 403), ("bad-request/", 400)])
def test_400_and_403_are_in_the_visitors_language_with_the_quick_exit(
    client, language, path, status
):
    response = client.get(f"/{language}/{path}")
    assert response.status_code == status
    assert_safe_error_page(response.content.decode(), language)


@pytest.mark.parametrize("language", ["en", "sr-latn"])
def test_a_csrf_failure_outside_a_form_is_the_portals_403(language):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{language}/search/", {"q": "x"})
    assert response.status_code == 403
    assert_safe_error_page(response.content.decode(), language)


def test_a_csrf_failure_on_a_form_shows_it_again_with_the_answers_and_a_fresh_token():
    client = Client(enforce_csrf_checks=True)
    page = board_page()
    html = client.get(page.url).content.decode()
    token = re.search(r'name="submission_token" value="([^"]+)"', html).group(1)
    client.cookies.clear()  # the browser blocked the cookie
    answers = {**board_answers(first_name="Vesna"), "submission_token": token}
    refused = client.post(page.url, answers)
    html = refused.content.decode()
    assert refused.status_code == 403
    assert 'id="quick-exit"' in html
    assert 'value="Vesna"' in html, "what was typed is still there"
    assert "Your answers were not sent" in html
    assert "no-store" in refused["Cache-Control"]
    assert ModeratedSubmission.objects.count() == 0
    fresh = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert "csrftoken" in refused.cookies, "a fresh token comes with the page"
    sent = client.post(page.url, {**answers, "csrfmiddlewaretoken": fresh})
    assert sent.status_code == 200
    assert ModeratedSubmission.objects.count() == 1


def test_the_413_and_429_pages_carry_the_quick_exit(client, settings):
    settings.SECURITY_PASSWORD_RESET_LIMIT = 0
    response = client.post("/admin/password_reset/", {"email": "x@example.org"})
    assert response.status_code == 429
    assert 'id="quick-exit"' in response.content.decode()
