"""Editors can use the admin in the portal's languages, as far as the catalogues go."""

import json

import pytest
from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_the_admin_offers_every_portal_language(admin_client):
    html = admin_client.get("/admin/account/").content.decode()
    for code in LANGUAGES:
        assert f'<option value="{code}"' in html, code


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_the_portals_own_admin_strings_follow_the_editors_language(
    admin_client, admin_user, language
):
    with translation.override(language):
        taxonomies = gettext("Taxonomies")
    assert taxonomies != "Taxonomies"
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    html = admin_client.get("/admin/").content.decode()
    assert f'lang="{language}"' in html
    assert taxonomies in html or json.dumps(taxonomies)[1:-1] in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_moderator_reads_when_a_submission_was_sent_with_one_full_stop(client, language):
    """Issue: the submission page read "sent Nov. 29, 2026, 3 p.m.." in English."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from forms.models import ModeratedSubmission
    from tests.forms_support import board_page, make_moderator

    moderator = make_moderator()
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = language
    profile.save()
    client.force_login(moderator)
    submission = ModeratedSubmission.objects.create(
        page=board_page(),
        form_data={"first_name": "Ana"},
        submission_token="token-sent-at-three-in-the-afternoon",
    )
    sent = datetime(2026, 11, 29, 15, 0, tzinfo=ZoneInfo(settings.TIME_ZONE))
    ModeratedSubmission.objects.filter(pk=submission.pk).update(submit_time=sent)
    html = client.get(f"/admin/submissions/{submission.pk}/").content.decode()
    with translation.override(language):
        expected = formats.date_format(
            sent.astimezone(ZoneInfo(settings.TIME_ZONE)), "DATETIME_FORMAT"
        )
    assert "15:00" in expected
    assert f"{expected}." in html
    assert f"{expected}.." not in html
    assert "p.m." not in html
