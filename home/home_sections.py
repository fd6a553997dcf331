"""What the home page shows under its introduction, in the visitor's language.

Choosing what to show means sorting a whole section (every initiative by
review date, every funding opportunity by status), which grows with the
directory: about 50 ms for the initiatives at 10,000 entries on PostgreSQL. Only
publishing changes the choice (and, for funding, the date), so which pages
are shown is kept until content changes, and showing them is a query by id.
"""

from django.db.models import F

from core.listing import in_order
from core.localization import localize_pages
from core.page_cache import until_content_changes
from core.visibility import visible_to_public
from funding.models import CLOSED, STATUS_RANK, FundingOpportunityPage, today
from initiatives.models import InitiativePage
from practices.models import PracticePage, tools_in

FEATURED_COUNT = 3


def home_sections(home):
    """Featured initiatives, the coded good practices, open funding and the tools."""
    return {
        "featured_initiatives": featured_initiatives(home),
        "featured_practices": list(
            visible_to_public(PracticePage.objects.all())
            .filter(locale_id=home.locale_id, code__isnull=False)
            .exclude(code="")
            .order_by("code")[:6]
        ),
        "open_funding": open_funding(home.locale_id),
        "tools": tools_in(home.locale_id),
    }


def featured_initiatives(home):
    chosen = [link.initiative for link in home.featured_initiatives.select_related("initiative")]
    if chosen:
        initiatives = localize_pages(chosen, InitiativePage)
    else:
        initiatives = latest_reviewed_initiatives(home.locale_id)
    InitiativePage.prefetch_taxonomies(initiatives)
    if initiatives:
        # The "whole directory" link: the first one's parent, from the cache.
        first = initiatives[0]
        first._cached_parent_obj = until_content_changes(
            f"home:parent-of:{first.path[: -first.steplen]}", first.get_parent
        )
    return initiatives


def latest_reviewed_initiatives(locale_id):
    """The most recently reviewed initiatives: the choice when editors made none."""
    initiatives = visible_to_public(InitiativePage.objects.all())
    ids = until_content_changes(
        f"home:latest-reviewed:{locale_id}",
        lambda: first_ids(
            initiatives.filter(locale_id=locale_id).order_by(
                F("last_reviewed").desc(nulls_last=True), "title"
            )
        ),
    )
    return in_order(initiatives.select_related("initiative_type"), ids)


def open_funding(locale_id):
    """Funding open now, then opening soon; the ones that close first first."""
    day = today()
    opportunities = visible_to_public(FundingOpportunityPage.objects.all()).with_status(day)
    ids = until_content_changes(
        f"home:open-funding:{locale_id}:{day.isoformat()}",
        lambda: first_ids(
            opportunities.filter(locale_id=locale_id)
            .exclude(status_rank=STATUS_RANK[CLOSED])
            .order_by("status_rank", F("closes_on").asc(nulls_last=True))
        ),
    )
    return in_order(opportunities, ids)


def first_ids(queryset):
    return list(queryset.values_list("pk", flat=True)[:FEATURED_COUNT])
