"""Wagtail's API v2 at /api/v2/: pages, images and documents, read-only and public only.

What it shows is a whitelist, not Wagtail's defaults:

- pages: only live pages outside restricted sections (for every caller: the
  answers are cached and shared, so a signed-in editor's access must not
  leak into them), and only the content page types in ``PUBLIC_FIELDS``.
  Form pages (calls, applications, feedback) are left out entirely, so
  their moderators, retention and questions can never be asked for;
- page fields: the ones ``PUBLIC_FIELDS`` names, which visitors already
  read on the page;
- images and documents: only those in collections without a view
  restriction.

``?locale=sq`` (Wagtail's locale filter) lists one language's pages.
"""

from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction, Page
from wagtail.utils.urlpatterns import decorate_urlpatterns

from core.open_data_http import open_data_view
from core.visibility import visible_to_public
from funding.models import FundingIndexPage, FundingOpportunityPage
from home.models import HomePage, StandardPage
from initiatives.models import InitiativeIndexPage, InitiativePage
from practices.models import PracticeIndexPage, PracticePage

PUBLIC_FIELDS = {
    HomePage: ["introduction", "body"],
    StandardPage: ["introduction", "body"],
    InitiativeIndexPage: ["introduction"],
    InitiativePage: [
        "acronym",
        "summary",
        "scope",
        "year_founded",
        "leadership_statement",
        "website",
        "contact_email",
        "body",
        "verification",
        "last_reviewed",
    ],
    PracticeIndexPage: ["introduction"],
    PracticePage: ["code", "track", "objective", "stakeholders", "summary", "steps", "body"],
    FundingIndexPage: ["introduction"],
    FundingOpportunityPage: [
        "funder_name",
        "summary",
        "amount_min",
        "amount_max",
        "currency",
        "eligibility",
        "regions",
        "opens_on",
        "closes_on",
        "apply_url",
        "is_example",
        "body",
    ],
}


class PublicPagesAPIViewSet(PagesAPIViewSet):
    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + PUBLIC_FIELDS.get(model, []))

    def get_base_queryset(self):
        pages = visible_to_public(Page.objects.type(*PUBLIC_FIELDS))
        site = self.request.GET.get("site")
        if site:
            # Wagtail's own check of ?site= (an unknown site is a 400).
            return super().get_base_queryset().filter(pk__in=pages.values("pk"))
        return pages


def unrestricted(queryset):
    restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    for collection_path in restricted:
        queryset = queryset.exclude(collection__path__startswith=collection_path)
    return queryset


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    def get_queryset(self):
        return unrestricted(super().get_queryset())


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        return unrestricted(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)


def urlpatterns():
    patterns = decorate_urlpatterns(api_router.get_urlpatterns(), api_router.wrap_view)
    return [
        path(
            "",
            include(
                (decorate_urlpatterns(patterns, open_data_view), "wagtailapi"),
                namespace="wagtailapi",
            ),
        )
    ]
