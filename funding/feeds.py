"""Atom feed of funding opportunities open for applications now, per language."""

from django.db.models import F
from django.utils.translation import gettext as _

from core.syndication import LanguageFeed
from core.visibility import visible_to_public

from .models import OPEN, STATUS_RANK, FundingIndexPage, FundingOpportunityPage


class OpenFundingFeed(LanguageFeed):
    index_model = FundingIndexPage

    def title(self, language):
        return _("Open funding opportunities")

    def subtitle(self, language):
        return _("Funding survivor-led organisations can apply for now, closing soonest first.")

    def items_for(self, language):
        pages = FundingOpportunityPage.objects.filter(locale__language_code=language)
        return (
            visible_to_public(pages)
            .with_status()
            .filter(status_rank=STATUS_RANK[OPEN])
            .order_by(F("closes_on").asc(nulls_last=True), "title")
        )
