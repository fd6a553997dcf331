"""Translating a whole section keeps the page tree intact."""

import pytest
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.operations import translate_object, translate_page_subtree

from initiatives.models import InitiativeIndexPage

pytestmark = pytest.mark.django_db(transaction=True)


def test_translating_a_section_with_its_subtree_keeps_its_children_reachable(client):
    # Demo content is loaded per test here (transactional tests start empty).
    from django.core.management import call_command

    call_command("load_demo_content", verbosity=0)
    german_like = Locale.objects.get(language_code="bs")
    english_index = InitiativeIndexPage.objects.get(locale__language_code="en")
    Page.objects.filter(locale=german_like).delete()

    # What an editor does in the admin: translate the home page, then the
    # directory with its subtree, each in one transaction.
    with transaction.atomic():
        translate_object(english_index.get_parent().specific, [german_like])
    with transaction.atomic():
        translate_object(english_index, [german_like])
        translate_page_subtree(english_index.pk, [german_like], None, None)

    assert Page.find_problems() == ([], [], [], [], [])
    translated_index = english_index.get_translation(german_like)
    assert translated_index.get_children().count() == english_index.get_children().count()
    assert client.get("/bs/initiatives/istac/").status_code == 200
