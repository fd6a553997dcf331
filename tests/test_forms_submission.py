"""Sending a form: what a respondent sees, what is stored, what is emailed."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings

from forms.formbuilder import MULTI_LINE_MAX_LENGTH
from forms.models import ModeratedSubmission
from tests.forms_support import (
    QUESTIONNAIRE_SLUG,
    board_answers,
    board_page,
    consultation_page,
    feedback_page,
    submit,
    token_from,
)

pytestmark = pytest.mark.django_db


def section(html, start, end):
    """The HTML from the element holding ``start`` to the next ``end``."""
    begin = html.rindex("<", 0, html.index(start))
    return html[begin : html.index(end, begin)]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_a_valid_application_is_stored_and_confirmed(client, django_capture_on_commit_callbacks):
    page = board_page()
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, page, board_answers())
    assert response.status_code == 200
    html = response.content.decode()
    submission = ModeratedSubmission.objects.get(page=page)
    assert '<h1 id="confirmation-heading" tabindex="-1" autofocus>' in html
    assert submission.reference in html
    assert "Ana" not in html, "the confirmation repeats no answer"
    assert submission.form_data["first_name"] == "Ana"
    assert submission.status == "new"
    assert "no-store" in response["Cache-Control"]


def test_moderators_get_a_link_never_the_answers(client, django_capture_on_commit_callbacks):
    page = board_page()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page, board_answers(marker="SECRET-ANSWER-7731"))
    submission = ModeratedSubmission.objects.get(page=page)
    to_moderators = [m for m in mail.outbox if m.to == ["moderator@example.org"]]
    assert len(to_moderators) == 1
    message = to_moderators[0]
    assert page.title in message.subject + message.body
    assert submission.reference in message.body
    assert f"/admin/submissions/{submission.pk}/" in message.body
    for answer in ("SECRET-ANSWER-7731", "Ana", "ana@example.org", "Albania"):
        assert answer not in message.subject + message.body
    submission.refresh_from_db()
    assert submission.moderators_notified_at is not None


def test_the_applicant_gets_a_confirmation_with_no_personal_data(
    client, django_capture_on_commit_callbacks
):
    page = board_page()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page, board_answers())
    submission = ModeratedSubmission.objects.get(page=page)
    confirmations = [m for m in mail.outbox if m.to == ["ana@example.org"]]
    assert len(confirmations) == 1
    message = confirmations[0]
    assert page.title not in message.subject, "a neutral subject, safe on a lock screen"
    assert submission.reference in message.body
    for telling in ("Ana", "Marku", "Albania", "Peer support", "woman", page.title):
        assert telling not in message.body
    for telling in ("Survivor", "survivor", "traffick", "Traffick", "board", "Portal"):
        assert telling not in message.subject + message.body + message.from_email, telling
    submission.refresh_from_db()
    assert submission.confirmation_sent_at is not None


def test_no_mail_to_the_applicant_unless_they_ask_for_it(
    client, django_capture_on_commit_callbacks
):
    page = board_page()
    html = client.get(page.url).content.decode()
    box = re.search(r'<input[^>]*name="send_me_a_confirmation"[^>]*>', html).group(0)
    assert 'type="checkbox"' in box and "checked" not in box, "not ticked for them"
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, page, board_answers(send_me_a_confirmation=None))
    assert "confirmation-heading" in response.content.decode(), "the on-screen confirmation stays"
    assert [m.to for m in mail.outbox] == [["moderator@example.org"]]
    assert not ModeratedSubmission.objects.get(page=page).confirmation_wanted


def test_the_board_form_takes_an_application_without_an_email_address(client):
    page = board_page()
    response = submit(client, page, board_answers(email=""))
    assert "confirmation-heading" in response.content.decode()
    assert ModeratedSubmission.objects.filter(page=page).count() == 1


@override_settings(
    FORMS_APPLICANT_FROM_EMAIL="Weekly Recipes <hello@example.net>",
    FORMS_APPLICANT_SUBJECT="Your order number",
)
def test_the_applicants_sender_and_subject_are_configurable(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, board_page(), board_answers())
    (message,) = [m for m in mail.outbox if m.to == ["ana@example.org"]]
    assert message.from_email == "Weekly Recipes <hello@example.net>"
    assert message.subject == "Your order number"


def test_the_submission_is_committed_before_any_email_is_queued(
    client, django_capture_on_commit_callbacks
):
    page = board_page()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(client, page, board_answers())
        # The answers are stored; nothing has been sent or queued yet.
        assert ModeratedSubmission.objects.filter(page=page).count() == 1
        assert mail.outbox == []
    assert len(callbacks) == 1, "notifications wait for the commit"
    callbacks[0]()
    assert len(mail.outbox) == 2


def test_missing_answers_are_explained_next_to_each_field_and_in_a_summary(client):
    page = board_page()
    answers = board_answers(first_name="", age=None, surname="Kept Surname")
    del answers["i_agree_that_my_answers_are_processed_to_select_the_boards_members"]
    response = submit(client, page, answers)
    assert response.status_code == 200
    html = response.content.decode()
    assert ModeratedSubmission.objects.count() == 0
    assert "<title>Error:" in html
    summary = section(html, 'class="error-summary"', "</ul>")
    assert 'tabindex="-1" autofocus' in summary, "the summary takes focus without JavaScript"
    assert 'href="#id_first_name"' in summary
    assert 'href="#id_age_0"' in summary, "a radio group's link goes to its first radio"
    consent = "id_i_agree_that_my_answers_are_processed_to_select_the_boards_members"
    assert f'href="#{consent}"' in summary
    assert 'id="id_first_name_error"' in html
    invalid_input = r'<input[^>]*aria-invalid="true"[^>]*aria-describedby="id_first_name_error"'
    assert re.search(invalid_input, html)
    assert 'value="Kept Surname"' in html, "what the person typed is kept"


def test_an_invalid_email_address_is_refused_with_a_clear_message(client):
    page = board_page()
    response = submit(client, page, board_answers(email="ana-at-example"))
    html = response.content.decode()
    assert ModeratedSubmission.objects.count() == 0
    assert "Enter a valid email address." in html
    assert 'value="ana-at-example"' in html


def test_answers_over_the_length_limit_are_refused_and_kept(client):
    page = board_page()
    long_answer = "x" * (MULTI_LINE_MAX_LENGTH + 1)
    response = submit(
        client,
        page,
        board_answers(why_are_you_suited_to_serve_as_a_member_of_the_board=long_answer),
    )
    html = response.content.decode()
    assert ModeratedSubmission.objects.count() == 0
    assert "at most 4000 characters" in html
    assert long_answer in html
    assert "maxlength" not in html.split('id="id_why_are_you_suited')[0][-400:], (
        "no maxlength attribute that would cut a pasted answer silently"
    )


def test_a_second_post_of_the_same_form_creates_no_second_submission(client):
    page = board_page()
    token = token_from(client, page)
    first = submit(client, page, board_answers(), token=token)
    second = submit(client, page, board_answers(), token=token)
    assert ModeratedSubmission.objects.filter(page=page).count() == 1
    reference = ModeratedSubmission.objects.get(page=page).reference
    assert reference in first.content.decode()
    assert reference in second.content.decode(), "the same confirmation, not an error"


def test_a_form_without_a_valid_token_asks_to_send_again_and_keeps_the_answers(client):
    page = board_page()
    response = client.post(page.url, {**board_answers(), "submission_token": "bad"})
    html = response.content.decode()
    assert ModeratedSubmission.objects.count() == 0
    assert "This form had expired" in html
    assert 'value="Ana"' in html
    new_token = re.search(r'name="submission_token" value="([^"]+)"', html).group(1)
    assert new_token != "bad"
    assert submit(client, page, board_answers(), token=new_token).status_code == 200
    assert ModeratedSubmission.objects.count() == 1


def test_bots_filling_the_honeypot_are_answered_but_nothing_is_stored(client):
    page = board_page()
    response = submit(client, page, board_answers(company_website="http://spam.example"))
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert ModeratedSubmission.objects.count() == 0
    assert mail.outbox == []


def test_the_honeypot_is_labelled_and_hidden_from_people(client):
    html = client.get(board_page().url).content.decode()
    trap = section(html, 'class="form-trap"', "</div>")
    assert 'aria-hidden="true"' in trap
    assert '<label for="id_company_website">' in trap
    assert 'tabindex="-1"' in trap


SHELTER = {"REMOTE_ADDR": "203.0.113.9"}
SUM_RE = re.compile(r"what is (\d+) plus (\d+)\?")
CHECK_TOKEN_RE = re.compile(r'name="human_check_token" value="([^"]+)"')


@override_settings(FORMS_RATE_LIMIT_POSTS=2)
def test_two_people_behind_one_address_both_submit(client):
    """A shelter's Wi-Fi: failed attempts count for nothing, and the limit asks, not refuses."""
    page = board_page()
    # The first person gets many answers wrong before getting them right.
    for _ in range(5):
        response = submit(client, page, board_answers(first_name=""), **SHELTER)
        assert response.status_code == 200
        assert 'href="#id_first_name"' in response.content.decode(), "the error is shown"
    assert submit(client, page, board_answers(), **SHELTER).status_code == 200
    # The second person on the same connection sends theirs at once.
    second = submit(client, page, board_answers(first_name="Besa"), **SHELTER)
    assert "confirmation-heading" in second.content.decode()
    assert ModeratedSubmission.objects.count() == 2
    cache_keys = " ".join(str(key) for key in cache._cache)
    assert "203.0.113.9" not in cache_keys, "only a hash of the address is kept"
    assert "forms:rate:" in cache_keys


@override_settings(FORMS_RATE_LIMIT_POSTS=2)
def test_past_the_limit_a_simple_question_keeps_the_answers(client):
    page = board_page()
    for _ in range(2):
        submit(client, page, board_answers(), **SHELTER)
    token = token_from(client, page)
    asked = submit(client, page, board_answers(first_name="Drita"), token=token, **SHELTER)
    html = asked.content.decode()
    assert asked.status_code == 200
    assert "Many forms were sent from your connection" in html
    assert 'value="Drita"' in html, "the answers are kept"
    assert ModeratedSubmission.objects.count() == 2
    first, second = map(int, SUM_RE.search(html).groups())
    check = {"human_check_token": CHECK_TOKEN_RE.search(html).group(1)}
    wrong = submit(
        client,
        page,
        board_answers(first_name="Drita", human_check_answer="99", **check),
        token=token,
        **SHELTER,
    )
    assert "That answer was not right" in wrong.content.decode()
    assert ModeratedSubmission.objects.count() == 2
    html = wrong.content.decode()
    first, second = map(int, SUM_RE.search(html).groups())
    check = {"human_check_token": CHECK_TOKEN_RE.search(html).group(1)}
    right = submit(
        client,
        page,
        board_answers(first_name="Drita", human_check_answer=str(first + second), **check),
        token=token,
        **SHELTER,
    )
    assert "confirmation-heading" in right.content.decode()
    assert ModeratedSubmission.objects.count() == 3
    # The same signed question cannot be answered twice (a bot replaying it).
    replay = submit(
        client,
        page,
        board_answers(human_check_answer=str(first + second), **check),
        **SHELTER,
    )
    assert "That answer was not right" in replay.content.decode()
    assert ModeratedSubmission.objects.count() == 3


def test_anonymous_answers_drop_what_identifies_the_respondent(
    client, django_capture_on_commit_callbacks
):
    page = consultation_page()
    answers = {
        "answer_anonymously": "on",
        "your_name": "Should Not Be Stored",
        "email": "nobody@example.org",
        "your_comments": "The interview rooms need doors that close.",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, page, answers)
    assert response.status_code == 200
    submission = ModeratedSubmission.objects.get(page=page)
    assert "your_name" not in submission.form_data
    assert "email" not in submission.form_data
    assert submission.email_digest == ""
    assert not [m for m in mail.outbox if m.to == ["nobody@example.org"]]


def test_without_choosing_anonymity_the_name_is_required(client):
    page = consultation_page()
    html = client.get(page.url).content.decode()
    assert "(required unless you answer anonymously)" in html
    response = submit(client, page, {"your_comments": "Comment"})
    assert "Answer this question, or choose to answer anonymously." in response.content.decode()
    assert ModeratedSubmission.objects.count() == 0


def test_a_call_without_anonymous_answers_offers_no_such_choice(client):
    page = consultation_page("working-meeting-on-referral-procedures")
    html = client.get(page.url).content.decode()
    assert "answer_anonymously" not in html
    assert "Not possible for this call." in html


def test_a_questionnaire_can_be_answered(client):
    page = consultation_page(QUESTIONNAIRE_SLUG)
    answers = {
        "who_should_the_campaign_reach_first": "Parents",
        "what_message_would_have_helped_you_or_someone_you_know": "Real job offers have contracts.",
    }
    assert submit(client, page, answers).status_code == 200
    answers = ModeratedSubmission.objects.get(page=page).form_data
    assert answers["who_should_the_campaign_reach_first"] == "Parents"


def test_feedback_stores_no_name_email_or_address_and_says_so(client):
    page = feedback_page()
    html = client.get(page.url).content.decode()
    assert "We do not store your name, your email address or your IP address." in html
    assert 'type="email"' not in html
    answers = {"immediate_needs": "The first night was the hardest."}
    response = submit(client, page, answers, REMOTE_ADDR="192.0.2.77")
    assert response.status_code == 200
    submission = ModeratedSubmission.objects.get(page=page)
    stored = str(submission.form_data) + submission.email_digest
    assert "192.0.2.77" not in stored
    assert submission.email_digest == ""
    assert not submission.confirmation_wanted
    assert set(submission.form_data) <= {field.clean_name for field in page.get_form_fields()}


def test_every_feedback_topic_may_be_skipped(client):
    page = feedback_page()
    assert all(not field.required for field in page.get_form_fields())
    assert submit(client, page, {"referral": "Through a friend."}).status_code == 200
    assert ModeratedSubmission.objects.filter(page=page).count() == 1


def test_a_self_described_answer_is_one_value(client):
    page = board_page()
    both = board_answers(country_you_live_in_0="Albania", country_you_live_in_1="Elsewhere")
    response = submit(client, page, both)
    assert "not both" in response.content.decode()
    submit(client, page, board_answers(gender_1="", gender_0="prefer_not_to_say"))
    submission = ModeratedSubmission.objects.get(page=page)
    assert submission.form_data["gender"] == "prefer_not_to_say"
    assert submission.form_data["country_you_live_in"] == "Albania"


def test_answers_never_travel_in_a_url(client):
    page = board_page()
    html = client.get(page.url).content.decode()
    assert re.search(r'<form class="form" method="post"', html)
    response = submit(client, page, board_answers(marker="URL-MARKER-55"))
    assert "Location" not in response
