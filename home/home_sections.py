"""What the home page shows under its introduction, in the visitor's language."""

from django.db.models import F

from funding.models import CLOSED, STATUS_RANK, FundingOpportunityPage
from home.visibility import visible_to_public
from initiatives.models import InitiativePage
from practices.models import PracticePage

from .localization import localize_pages

FEATURED_COUNT = 3


def home_sections(home):
    """Featured initiatives, the coded good practices and open funding."""
    return {
        "featured_initiatives": featured_initiatives(home),
        "featured_practices": list(
            visible_to_public(PracticePage.objects.all())
            .filter(locale_id=home.locale_id, code__isnull=False)
            .exclude(code="")
            .order_by("code")[:6]
        ),
        "open_funding": list(
            visible_to_public(FundingOpportunityPage.objects.all())
            .filter(locale_id=home.locale_id)
            .with_status()
            .exclude(status_rank=STATUS_RANK[CLOSED])
            .order_by("status_rank", F("closes_on").asc(nulls_last=True))[:FEATURED_COUNT]
        ),
    }


def featured_initiatives(home):
    chosen = [link.initiative for link in home.featured_initiatives.select_related("initiative")]
    if chosen:
        initiatives = localize_pages(chosen, InitiativePage)
    else:
        initiatives = list(
            visible_to_public(InitiativePage.objects.all())
            .filter(locale_id=home.locale_id)
            .select_related("initiative_type")
            .order_by(F("last_reviewed").desc(nulls_last=True), "title")[:FEATURED_COUNT]
        )
    InitiativePage.prefetch_taxonomies(initiatives)
    return initiatives
