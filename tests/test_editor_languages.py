"""Editors can use the admin in the portal's languages, as far as the catalogues go."""

import json

import pytest
from django.conf import settings
from django.utils import translation
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
