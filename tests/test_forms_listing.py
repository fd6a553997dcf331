"""Self-listing: a request becomes a draft directory entry under review."""

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from forms.models import InitiativeListingRequestPage, ListingRequest, ModeratedSubmission
from initiatives.models import InitiativePage
from taxonomy.models import Country, InitiativeType
from tests.forms_support import submit

pytestmark = pytest.mark.django_db


def listing_page():
    return InitiativeListingRequestPage.objects.get(locale__language_code="en")


def request_answers(name="Voices Together", email="founder@example.org"):
    return {
        "organisation_name": name,
        "acronym": "VT",
        "summary": "A peer network of women who survived trafficking.",
        "initiative_type": InitiativeType.objects.filter(locale__language_code="en").first().pk,
        "countries": [Country.objects.filter(locale__language_code="en").first().pk],
        "year_founded": "2019",
        "leadership_statement": "Our board is made up of survivors.",
        "website": "https://voices.example.org",
        "requester_email": email,
        "consent": "on",
        "send_me_a_confirmation": "on",
    }


def send_request(client, capture, **kwargs):
    with capture(execute=True):
        response = submit(client, listing_page(), request_answers(**kwargs))
    assert response.status_code == 200, response.content.decode()[:2000]
    return ModeratedSubmission.objects.get(page=listing_page())


def test_the_listing_form_lives_in_the_directory(client):
    page = listing_page()
    assert page.url == "/en/initiatives/list-your-organisation/"
    html = client.get(page.url).content.decode()
    assert "Your email address" in html
    assert "Not published." in html


def test_a_request_becomes_a_draft_entry_in_the_review_workflow(
    client, django_capture_on_commit_callbacks
):
    submission = send_request(client, django_capture_on_commit_callbacks)
    listing = ListingRequest.objects.get(submission=submission)
    initiative = InitiativePage.objects.get(pk=listing.initiative_id)
    assert initiative.title == "Voices Together"
    assert not initiative.live, "nothing is public before an editor approves"
    assert initiative.get_parent().specific_class.__name__ == "InitiativeIndexPage"
    state = WorkflowState.objects.get(object_id=str(initiative.pk))
    assert state.workflow.name == "Directory review"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Voices Together" not in client.get("/en/initiatives/").content.decode()
    assert client.get(initiative.url or "/en/initiatives/voices-together/").status_code == 404
    received = [m for m in mail.outbox if m.to == ["founder@example.org"]]
    assert len(received) == 1 and submission.reference in received[0].body


def test_the_requester_is_told_when_the_entry_is_published(
    client, django_capture_on_commit_callbacks
):
    submission = send_request(client, django_capture_on_commit_callbacks)
    initiative = InitiativePage.objects.get(pk=submission.listing_request.initiative_id)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        initiative.get_latest_revision().publish()
    outcome = [m for m in mail.outbox if m.to == ["founder@example.org"]]
    assert len(outcome) == 1
    assert "published" in outcome[0].subject
    assert "Voices Together" in client.get("/en/initiatives/").content.decode()


def test_the_requester_is_told_when_the_request_is_declined(
    client, admin_user, django_capture_on_commit_callbacks
):
    submission = send_request(client, django_capture_on_commit_callbacks)
    initiative = InitiativePage.objects.get(pk=submission.listing_request.initiative_id)
    state = WorkflowState.objects.get(object_id=str(initiative.pk))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.reject(user=admin_user)
    outcome = [m for m in mail.outbox if m.to == ["founder@example.org"]]
    assert len(outcome) == 1
    assert "decided not to list" in outcome[0].body
    assert ListingRequest.objects.get(submission=submission).outcome == "declined"
