"""Editors find each page type under the right parent, with help on every field."""

import pytest
from django.db import models
from wagtail.models import Page

from core.models import PortalSettings
from funding.models import FundingIndexPage, FundingOpportunityPage
from home.models import HomePage, StandardPage
from initiatives.models import InitiativeIndexPage, InitiativePage
from practices.models import (
    PracticeIndexPage,
    PracticePage,
    SelfAssessmentPage,
    TransferabilityChecklistPage,
)
from taxonomy.models import AreaOfWork, Country, InitiativeType, OhchrProvision, WorkingLanguage

PAGE_MODELS = [
    HomePage,
    StandardPage,
    InitiativeIndexPage,
    InitiativePage,
    PracticeIndexPage,
    PracticePage,
    SelfAssessmentPage,
    TransferabilityChecklistPage,
    FundingIndexPage,
    FundingOpportunityPage,
]
SNIPPET_MODELS = [Country, InitiativeType, AreaOfWork, WorkingLanguage, OhchrProvision]
PAGE_BASE_FIELDS = {field.name for field in Page._meta.get_fields()}


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


@pytest.mark.parametrize("model", PAGE_MODELS + SNIPPET_MODELS + [PortalSettings])
def test_every_editable_field_has_help_text(model):
    missing = [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.Field)
        and field.editable
        and not field.auto_created
        and field.name not in PAGE_BASE_FIELDS
        and field.name not in {"locale", "translation_key", "site", "slug", "kind"}
        and not field.help_text
    ]
    assert missing == [], f"{model.__name__} fields without help text: {missing}"


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
        "index": InitiativeIndexPage.objects.get(locale__language_code="en").pk,
        "practices": PracticeIndexPage.objects.get(locale__language_code="en").pk,
        "funding": FundingIndexPage.objects.get(locale__language_code="en").pk,
    }
    response = admin_client.get(path.format(**ids))
    assert response.status_code == 200


@pytest.mark.django_db
def test_editors_can_edit_each_demo_page(admin_client):
    for model in PAGE_MODELS:
        page = model.objects.filter(locale__language_code="en").first()
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, model
