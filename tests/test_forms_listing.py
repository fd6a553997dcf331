"""Self-listing: a request becomes a draft directory entry under review."""

from contextlib import nullcontext

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import WorkflowState

from forms.models import InitiativeListingRequestPage, ListingRequest, ModeratedSubmission
from initiatives.models import InitiativePage
from taxonomy.models import Country, InitiativeType
from tests.forms_support import submit

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def listing_page(language="en"):
    return InitiativeListingRequestPage.objects.get(locale__language_code=language)


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


def send_request(client, capture, language="en", **kwargs):
    with capture(execute=True):
        response = submit(client, listing_page(language), request_answers(**kwargs))
    assert response.status_code == 200, response.content.decode()[:2000]
    return ModeratedSubmission.objects.get(page=listing_page(language))


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


def review_task_state(initiative):
    state = WorkflowState.objects.get(object_id=str(initiative.pk))
    return state.current_task_state.specific


def test_the_reviewer_can_approve_request_changes_or_decline(client, admin_user):
    submission = send_request(client, lambda **kwargs: nullcontext())
    task_state = review_task_state(submission.listing_request.initiative)
    actions = task_state.task.specific.get_actions(task_state.revision.content_object, admin_user)
    assert [(name, str(label)) for name, label, _comment in actions][:3] == [
        ("reject", "Request changes"),
        ("decline", "Decline the listing"),
        ("approve", "Approve"),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_requester_is_told_when_the_request_is_declined(
    client, admin_user, django_capture_on_commit_callbacks, language
):
    submission = send_request(client, django_capture_on_commit_callbacks, language=language)
    initiative = InitiativePage.objects.get(pk=submission.listing_request.initiative_id)
    task_state = review_task_state(initiative)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(
            task_state, admin_user, "decline", comment="Not survivor-led."
        )
    outcome = [m for m in mail.outbox if m.to == ["founder@example.org"]]
    assert len(outcome) == 1
    with translation.override(language):
        declined = gettext(
            "The editors have decided not to list “%(organisation)s” in the directory for now. "
            "You are welcome to write to us or send a new request."
        ) % {"organisation": "Voices Together"}
    assert declined in outcome[0].body
    assert "Not survivor-led." not in outcome[0].body, "a decline does not quote internal notes"
    submission.refresh_from_db()
    assert submission.listing_request.outcome == "declined"
    assert submission.status == "declined"
    assert WorkflowState.objects.get(object_id=str(initiative.pk)).status == "cancelled"


@pytest.mark.parametrize("language", LANGUAGES)
def test_request_changes_sends_the_editors_comment_not_a_decline(
    client, admin_user, django_capture_on_commit_callbacks, language
):
    submission = send_request(client, django_capture_on_commit_callbacks, language=language)
    initiative = InitiativePage.objects.get(pk=submission.listing_request.initiative_id)
    task_state = review_task_state(initiative)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(
            task_state, admin_user, "reject", comment="Please add your website."
        )
    outcome = [m for m in mail.outbox if m.to == ["founder@example.org"]]
    assert len(outcome) == 1
    body = outcome[0].body
    assert "Please add your website." in body
    assert submission.reference in body
    with translation.override(language):
        assert gettext("Your directory listing request needs a change") == outcome[0].subject
        assert "not to list" not in body
        decided = gettext(
            "The editors have decided not to list “%(organisation)s” in the directory for now. "
            "You are welcome to write to us or send a new request."
        )
    assert decided.split("“")[0] not in body
    listing = ListingRequest.objects.get(submission=submission)
    assert listing.outcome == "", "the request stays open"
    # Changed and published later: the requester hears it is published.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        initiative.get_latest_revision().publish()
    assert ListingRequest.objects.get(submission=submission).outcome == "published"
    assert len([m for m in mail.outbox if m.to == ["founder@example.org"]]) == 1


def test_a_reviewer_declines_from_the_admin_with_the_decline_action(
    client, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model

    submission = send_request(client, django_capture_on_commit_callbacks)
    initiative = InitiativePage.objects.get(pk=submission.listing_request.initiative_id)
    task_state = review_task_state(initiative)
    reviewer = get_user_model().objects.create_superuser(
        "reviewer-rea", "rea@example.org", "a-long-test-password"
    )
    client.force_login(reviewer)
    edit = client.get(f"/admin/pages/{initiative.pk}/edit/").content.decode()
    assert "Decline the listing" in edit and "Request changes" in edit
    mail.outbox.clear()
    url = f"/admin/pages/workflow/action/{initiative.pk}/decline/{task_state.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"comment": "Not survivor-led."})
    assert response.status_code == 302
    assert ListingRequest.objects.get(submission=submission).outcome == "declined"
    outcome = [m for m in mail.outbox if m.to == ["founder@example.org"]]
    assert len(outcome) == 1 and "decided not to list" in outcome[0].body
