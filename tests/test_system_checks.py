"""The editorial rules in core.checks pass on the portal and catch each kind of violation.

Each violation is a throwaway model built in an isolated app registry, so it
never reaches the database or the other tests.
"""

import pytest
from django.core import checks
from django.db import models
from django.test.utils import isolate_apps
from wagtail.contrib.forms.models import AbstractForm
from wagtail.models import PAGE_MODEL_CLASSES, Page

from core import checks as rules
from core.base_page import BasePage
from forms.models import BoardApplicationPage
from taxonomy.models import Country


@pytest.fixture
def throwaway_models():
    """Forget the throwaway page types Wagtail's metaclass registered."""
    before = list(PAGE_MODEL_CLASSES)
    with isolate_apps("core"):
        yield
    PAGE_MODEL_CLASSES[:] = before


def ids(errors):
    return [error.id for error in errors]


def test_the_portal_passes_every_rule_and_the_rules_see_its_models():
    assert len(rules.project_page_models()) >= 10
    assert Country in rules.project_snippet_models()
    assert rules.project_setting_models()
    assert rules.editorial_rules() == []


def test_a_field_without_help_text_is_reported(throwaway_models):
    class Leaflet(models.Model):  # noqa: DJ008
        title = models.CharField(max_length=10, help_text="The leaflet's title.")
        body = models.TextField()

        class Meta:
            app_label = "core"

    errors = rules.check_help_text([Leaflet])
    assert ids(errors) == ["core.E001"]
    assert "Leaflet.body" in errors[0].msg


def test_a_page_type_without_template_is_reported(throwaway_models):
    class UntemplatedPage(BasePage):
        template = "nowhere/untemplated_page.html"

        class Meta:
            app_label = "core"

    assert ids(rules.check_templates([UntemplatedPage])) == ["core.E002"]
    assert rules.check_templates([BoardApplicationPage]) == []


def test_a_page_type_that_bypasses_the_base_page_is_reported(throwaway_models):
    class PlainPage(Page):
        class Meta:
            app_label = "core"

    class OwnServePage(BasePage):
        def serve(self, request, *args, **kwargs):
            return super().serve(request, *args, **kwargs)

        class Meta:
            app_label = "core"

    class OwnTabsPage(BasePage):
        edit_handler = None

        class Meta:
            app_label = "core"

    errors = rules.check_base_page([PlainPage, OwnServePage, OwnTabsPage])
    assert ids(errors) == ["core.E003"] * 3
    assert rules.check_base_page([BoardApplicationPage]) == []


def test_a_form_type_without_moderation_is_reported(throwaway_models):
    class UnmoderatedFormPage(BasePage, AbstractForm):
        class Meta:
            app_label = "core"

    errors = rules.check_forms_moderated([UnmoderatedFormPage])
    assert ids(errors) == ["core.E004"]
    assert "moderator_group" in errors[0].msg
    assert rules.check_forms_moderated([BoardApplicationPage]) == []


def test_a_snippet_that_cannot_be_translated_is_reported(throwaway_models):
    class Glossary(models.Model):  # noqa: DJ008
        class Meta:
            app_label = "core"

    assert ids(rules.check_snippets_translatable([Glossary])) == ["core.E005"]
    assert rules.check_snippets_translatable([Country]) == []


def test_manage_py_check_reports_a_new_page_type_that_breaks_the_rules(throwaway_models):
    """Registered with Django's check framework: a new page type is judged without a list."""

    class CarelessPage(Page):
        notes = models.TextField()

        class Meta:
            app_label = "core"

    found = [error for error in checks.run_checks(tags=["models"]) if error.obj is CarelessPage]
    assert {error.id for error in found} == {"core.E001", "core.E002", "core.E003"}
