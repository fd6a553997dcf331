"""Funding opportunities: one real round and two fictional examples.

The examples' dates are set relative to the day the demo is loaded, so a
fresh portal always shows one open and one upcoming opportunity.
"""

import datetime
from decimal import Decimal

from home.demo.pages import ensure_child_page
from initiatives.models import InitiativePage
from taxonomy.models import Country

from .models import FundingIndexPage, FundingOpportunityPage, today

INDEX = {
    "title": "Funding",
    "slug": "funding",
    "introduction": (
        "Grants and other funding open to survivor-led organisations. Open and upcoming "
        "opportunities come first; the status follows the dates."
    ),
}


def opportunities(day):
    return [
        {
            "slug": "survivor-leadership-fund-first-round",
            "title": "Survivor Leadership Fund: first round",
            "funder_name": "The Freedom Fund",
            "funder_slug": "survivor-leadership-fund",
            "summary": (
                "Unrestricted grants of USD 15,000 for survivor-led organisations based in "
                "Ethiopia, Kenya or Uganda. This round closed in October 2021."
            ),
            "amount_min": None,
            "amount_max": Decimal("15000"),
            "currency": "USD",
            "eligibility": (
                "Organisations based in Ethiopia, Kenya or Uganda with at least one person "
                "with lived experience of trafficking, forced labour or forced marriage in a "
                "leadership position: director, deputy director, senior manager or head of "
                "department."
            ),
            "regions": "East Africa",
            "countries": ["ET", "KE", "UG"],
            "opens_on": None,
            "closes_on": datetime.date(2021, 10, 31),
            "is_example": False,
        },
        {
            "slug": "example-western-balkans-small-grants",
            "title": "Example: small grants for survivor-led groups in the Western Balkans",
            "funder_name": "Example Foundation",
            "funder_slug": None,
            "summary": (
                "A fictional call showing how an open opportunity looks: grants for "
                "survivor-led groups to run peer support, training or advocacy."
            ),
            "amount_min": Decimal("5000"),
            "amount_max": Decimal("20000"),
            "currency": "EUR",
            "eligibility": (
                "Groups and organisations in the MARRI participants where people with lived "
                "experience of trafficking take the decisions. Informal groups may apply "
                "with a registered partner."
            ),
            "regions": "Western Balkans",
            "countries": ["AL", "BA", "XK", "ME", "MK", "RS"],
            "opens_on": day - datetime.timedelta(days=30),
            "closes_on": day + datetime.timedelta(days=90),
            "is_example": True,
        },
        {
            "slug": "example-peer-support-innovation-fund",
            "title": "Example: peer-support innovation fund",
            "funder_name": "Example Trust",
            "funder_slug": None,
            "summary": (
                "A fictional upcoming call showing how the portal lists opportunities that "
                "have not opened yet."
            ),
            "amount_min": Decimal("10000"),
            "amount_max": Decimal("50000"),
            "currency": "EUR",
            "eligibility": (
                "Survivor-led organisations anywhere that want to try a new form of peer "
                "support and share what they learn."
            ),
            "regions": "",
            "countries": [],
            "opens_on": day + datetime.timedelta(days=60),
            "closes_on": day + datetime.timedelta(days=150),
            "is_example": True,
        },
    ]


def load(context):
    index, created = ensure_child_page(
        context.home,
        FundingIndexPage,
        INDEX["slug"],
        title=INDEX["title"],
        introduction=INDEX["introduction"],
        show_in_menus=True,
    )
    context.count(index, created)
    for spec in opportunities(today()):
        page, created = ensure_opportunity(index, context.initiative_index, spec)
        context.count(page, created)


def ensure_opportunity(index, initiative_index, spec):
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific, False
    funder_page = None
    if spec["funder_slug"]:
        funder_page = (
            InitiativePage.objects.child_of(initiative_index)
            .filter(slug=spec["funder_slug"])
            .first()
        )
    fields = {
        key: spec[key]
        for key in (
            "title",
            "funder_name",
            "summary",
            "amount_min",
            "amount_max",
            "currency",
            "eligibility",
            "regions",
            "opens_on",
            "closes_on",
            "is_example",
        )
    }
    page = FundingOpportunityPage(
        slug=spec["slug"], locale=index.locale, funder_page=funder_page, **fields
    )
    page.countries = Country.objects.filter(code__in=spec["countries"], locale=index.locale)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page, True
