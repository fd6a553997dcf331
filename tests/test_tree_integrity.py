"""Translating a whole section keeps the page tree intact."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.operations import translate_object, translate_page_subtree

from initiatives.models import InitiativeIndexPage

# demo_content: these tests find pages of the demo by slug or title (see README, Tests).
pytestmark = [pytest.mark.django_db, pytest.mark.demo_content]


def test_translating_a_section_with_its_subtree_keeps_its_children_reachable(
    client, django_capture_on_commit_callbacks
):
    bosnian = Locale.objects.get(language_code="bs")
    english_index = InitiativeIndexPage.objects.get(locale__language_code="en")
    english_index.get_translation(bosnian).delete()

    # What an editor does in the admin: translate the directory with its
    # subtree in one transaction; wagtail-localize publishes on commit.
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(english_index, [bosnian])
        translate_page_subtree(english_index.pk, [bosnian], None, None)

    assert Page.find_problems() == ([], [], [], [], [])
    translated_index = english_index.get_translation(bosnian)
    assert translated_index.get_children().count() == english_index.get_children().count()
    # New translations wait as drafts until translated (no English under /bs/).
    istac = translated_index.get_children().get(slug="istac")
    assert not translated_index.live and not istac.live
    translated_index.save_revision().publish()
    istac.specific.save_revision().publish()
    assert client.get(istac.url).status_code == 200
