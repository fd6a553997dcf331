"""Editors find each page type under the right parent, with help on every field."""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.contrib.forms.models import FormMixin

from core.checks import (
    fields_without_help_text,
    project_page_models,
    project_setting_models,
    project_snippet_models,
)
from funding.models import FundingIndexPage, FundingOpportunityPage
from home.models import HomePage, StandardPage
from initiatives.models import InitiativeIndexPage, InitiativePage
from practices.models import (
    PracticeIndexPage,
    PracticePage,
    SelfAssessmentPage,
    TransferabilityChecklistPage,
)

# Every page type, snippet and site setting Wagtail knows of: a new one is covered at once.
PAGE_MODELS = project_page_models()
SNIPPET_MODELS = project_snippet_models()
SETTING_MODELS = project_setting_models()


@pytest.mark.parametrize(
    ("child", "parents"),
    [
        (InitiativeIndexPage, {HomePage}),
        (InitiativePage, {InitiativeIndexPage}),
        (PracticeIndexPage, {HomePage}),
        (PracticePage, {PracticeIndexPage}),
        (SelfAssessmentPage, {PracticeIndexPage}),
        (TransferabilityChecklistPage, {PracticeIndexPage}),
        (FundingIndexPage, {HomePage}),
        (FundingOpportunityPage, {FundingIndexPage}),
        (StandardPage, {HomePage, StandardPage}),
    ],
)
def test_page_types_live_only_under_their_parents(child, parents):
    assert set(child.allowed_parent_page_models()) == parents


@pytest.mark.parametrize("model", PAGE_MODELS + SNIPPET_MODELS + SETTING_MODELS)
def test_every_editable_field_has_help_text(model):
    missing = fields_without_help_text(model)
    assert missing == [], f"{model.__name__} fields without help text: {missing}"


def test_the_registries_list_every_kind_of_model():
    """A guard against a parametrised test over an empty list."""
    assert {HomePage, StandardPage, InitiativePage, PracticePage} <= set(PAGE_MODELS)
    assert len(SNIPPET_MODELS) >= 5 and SETTING_MODELS


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/admin/pages/add/initiatives/initiativepage/{index}/",
        "/admin/pages/add/practices/practicepage/{practices}/",
        "/admin/pages/add/practices/selfassessmentpage/{practices}/",
        "/admin/pages/add/practices/transferabilitychecklistpage/{practices}/",
        "/admin/pages/add/funding/fundingopportunitypage/{funding}/",
    ],
)
def test_editors_can_open_the_create_forms(admin_client, path):
    ids = {
        "index": InitiativeIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE).pk,
        "practices": PracticeIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE).pk,
        "funding": FundingIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE).pk,
    }
    response = admin_client.get(path.format(**ids))
    assert response.status_code == 200


@pytest.mark.django_db
def test_editors_can_edit_each_demo_page(admin_client):
    for model in PAGE_MODELS:
        page = model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        assert page is not None, f"the demo has no {model.__name__}"
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, model


@pytest.mark.parametrize(
    "model", [model for model in PAGE_MODELS if issubclass(model, FormMixin)], ids=str
)
def test_every_form_type_has_content_moderation_promote_and_settings_tabs(model):
    # The headings are translated: read them as an English-speaking editor sees them.
    with translation.override("en"):
        tabs = [str(tab.heading) for tab in model.get_edit_handler().children]
    assert tabs == ["Content", "Moderation", "Promote", "Settings"]
