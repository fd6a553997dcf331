"""Shared helpers for the form-page tests: the demo pages, valid answers, people."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from forms.models import BoardApplicationPage, ConsultationCallPage, FeedbackPage

BOARD_SLUG = "example-survivor-advisory-board"
WRITTEN_INPUT_SLUG = "comments-on-the-draft-shelter-standards"
WORKING_MEETING_SLUG = "working-meeting-on-referral-procedures"
QUESTIONNAIRE_SLUG = "prevention-campaign-questionnaire"
FEEDBACK_SLUG = "tell-us-about-the-support-you-received"

MODERATOR_GROUP = "Form moderators"  # the demo forms' moderators (demo/content/forms.yaml)

TOKEN_RE = re.compile(r'name="submission_token" value="([^"]+)"')


def board_page():
    return BoardApplicationPage.objects.get(slug=BOARD_SLUG, locale__language_code="en")


def consultation_page(slug=WRITTEN_INPUT_SLUG):
    return ConsultationCallPage.objects.get(slug=slug, locale__language_code="en")


def feedback_page():
    return FeedbackPage.objects.get(slug=FEEDBACK_SLUG, locale__language_code="en")


def token_from(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return TOKEN_RE.search(response.content.decode()).group(1)


def board_answers(marker="", **overrides):
    answers = {
        "first_name": "Ana",
        "surname": "Marku",
        "age": "I am 18 or older",
        "nationality": "",
        "email": "ana@example.org",
        "phone": "",
        "gender_0": "",
        "gender_1": "woman",
        "country_you_live_in_0": "Albania",
        "country_you_live_in_1": "",
        "your_areas_of_expertise": ["Advocacy", "Health"],
        "your_work_in_anti_trafficking_or_a_related_field": f"Peer support {marker}".strip(),
        "why_are_you_suited_to_serve_as_a_member_of_the_board": "I listen well.",
        "how_does_your_personal_history_shape_your_motivation": "It keeps me going.",
        "anything_else_you_would_like_us_to_know": "",
        "i_understand_that_the_board_offers_no_support_services": "on",
        "i_agree_that_my_answers_are_processed_to_select_the_boards_members": "on",
        "full_name_typed_in_place_of_a_signature": "Ana Marku",
        "date": timezone.localdate().isoformat(),
        "company_website": "",
        "send_me_a_confirmation": "on",
    }
    answers.update(overrides)
    return {key: value for key, value in answers.items() if value is not None}


def submit(client, page, answers, token=None, **extra):
    data = {**answers, "submission_token": token or token_from(client, page)}
    return client.post(page.url, data, **extra)


def moderator_group():
    return Group.objects.get(name=MODERATOR_GROUP)


def make_user(username, *, groups=(), superuser=False, email=None, permissions=()):
    User = get_user_model()
    user = User.objects.create_user(
        username, email or f"{username}@example.org", "a-long-test-password"
    )
    user.is_superuser = superuser
    user.save()
    for group in groups:
        user.groups.add(group)
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    user.user_permissions.add(access, *permissions)
    return user


def make_moderator(username="moderator-mira"):
    return make_user(username, groups=[moderator_group()])


def make_editor(username="editor-eddie"):
    """An editor who may edit every page but moderates nothing."""
    editors = Group.objects.get(name="Editors")
    return make_user(username, groups=[editors])
