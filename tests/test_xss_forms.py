"""Script payloads typed into every field of every form never run or reflect.

The visitor sees their answers again when a form has an error, moderators see
them in the queue and on the submission's page, and editors see a listing
request as a draft directory entry: each of those views must show the text,
never markup.
"""

import re

import pytest
from django.test import Client

from forms.models import ModeratedSubmission
from tests.forms_support import (
    board_answers,
    board_page,
    consultation_page,
    feedback_page,
    submit,
)
from tests.test_forms_listing import listing_page, request_answers
from tests.xss import ATTRIBUTE, SCRIPT, assert_not_reflected

pytestmark = pytest.mark.django_db

PAYLOAD = f"{SCRIPT} {ATTRIBUTE}"


def with_payloads(answers, skip=()):
    """Every free-text answer given replaced by the payloads."""
    return {
        name: PAYLOAD
        if isinstance(value, str) and value and value != "on" and name not in skip
        else value
        for name, value in answers.items()
    }


def text_fields(page):
    return {
        field.clean_name: "x"
        for field in page.get_form_fields()
        if field.field_type in ("singleline", "multiline")
    }


FORMS = {
    "board": (
        board_page,
        lambda: with_payloads(
            board_answers(),
            skip={"age", "email", "date", "country_you_live_in_0", "company_website"},
        ),
    ),
    "consultation": (consultation_page, lambda: with_payloads(text_fields(consultation_page()))),
    "feedback": (feedback_page, lambda: with_payloads(text_fields(feedback_page()))),
    "listing": (
        listing_page,
        lambda: with_payloads(
            request_answers(), skip={"website", "requester_email", "year_founded", "acronym"}
        ),
    ),
}


@pytest.mark.parametrize("name", FORMS)
def test_payloads_in_every_field_are_shown_as_text(
    name, client, admin_client, django_capture_on_commit_callbacks
):
    get_page, answers = FORMS[name]
    page = get_page()
    visitor = Client()

    # The error state shows what was typed: escaped.
    broken = {**answers(), "email": PAYLOAD, "requester_email": PAYLOAD}
    error_state = submit(visitor, page, broken)
    assert error_state.status_code == 200
    assert_not_reflected(error_state.content.decode())

    # A valid submission: its confirmation, the queue, the submission's page.
    with django_capture_on_commit_callbacks(execute=True):
        confirmation = submit(visitor, page, answers())
    html = confirmation.content.decode()
    assert "confirmation-heading" in html, re.findall(r"error-summary__list.*?</ul>", html, re.S)
    assert_not_reflected(html)
    submission = ModeratedSubmission.objects.filter(page=page).latest("submit_time")
    for path in (
        "/admin/submissions/",
        f"/admin/submissions/form/{page.translation_key}/",
        f"/admin/submissions/{submission.pk}/",
    ):
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert_not_reflected(response.content.decode())
    assert (
        "&lt;script&gt;"
        in admin_client.get(f"/admin/submissions/{submission.pk}/").content.decode()
    )
