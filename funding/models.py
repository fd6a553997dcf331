"""Funding opportunities open to survivor-led organisations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.base_page import BasePage
from core.blocks import BodyBlock
from core.facets import cached_counts
from core.index_page import FilterableIndexPage
from core.listing import (
    ListingFilter,
    build_choice_options,
    build_options,
    children_of,
    filter_values,
)
from core.localization import localize_page
from core.visibility import visible_to_public
from initiatives.models import InitiativePage
from taxonomy.fields import taxonomy_choices
from taxonomy.models import Country
from taxonomy.names import default_items

from .regions import REGION_CHOICES, REGION_CODES

UPCOMING = "upcoming"
OPEN = "open"
CLOSED = "closed"
STATUS_CHOICES = [(OPEN, _("Open")), (UPCOMING, _("Upcoming")), (CLOSED, _("Closed"))]
STATUS_RANK = {OPEN: 0, UPCOMING: 1, CLOSED: 2}

CURRENCY_CHOICES = [
    ("EUR", "EUR"),
    ("USD", "USD"),
    ("GBP", "GBP"),
    ("CHF", "CHF"),
    ("ALL", "ALL"),
    ("BAM", "BAM"),
    ("MKD", "MKD"),
    ("RSD", "RSD"),
]


def today():
    """The current date where the portal is. Tests fix the clock around this."""
    return timezone.localdate()


def status_on(day, opens_on, closes_on):
    """upcoming, open or closed on ``day``, from the opening and closing dates alone."""
    if opens_on and day < opens_on:
        return UPCOMING
    if closes_on and day > closes_on:
        return CLOSED
    return OPEN


class FundingIndexPage(FilterableIndexPage):
    """Funding opportunities, open and upcoming first."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the list of opportunities.")
    )

    subpage_types = ["funding.FundingOpportunityPage"]

    class Meta:
        verbose_name = _("funding index")

    def opportunities(self, day=None):
        return visible_to_public(children_of(self, FundingOpportunityPage)).with_status(day)

    def listing(self, request, query):
        selected = {
            "status": [v for v in filter_values(request, "status") if v in dict(STATUS_CHOICES)],
            "country": filter_values(request, "country"),
            "region": [v for v in filter_values(request, "region") if v in REGION_CODES],
        }
        matching = None
        if query:
            # Search decides which opportunities match; the status order stays.
            matching = [
                page.pk
                for page in visible_to_public(children_of(self, FundingOpportunityPage)).search(
                    query, order_by_relevance=False
                )
            ]
        results = filter_opportunities(self.opportunities(), selected, matching).order_by(
            "status_rank", models.F("closes_on").asc(nulls_last=True), "title"
        )
        filters = [
            ListingFilter(
                "status", _("Status"), build_choice_options(STATUS_CHOICES, selected["status"])
            ),
            ListingFilter(
                "region", _("Region"), build_choice_options(REGION_CHOICES, selected["region"])
            ),
            ListingFilter(
                "country",
                _("Country"),
                build_options(default_items(Country), "code", selected["country"]),
                multiple=True,
            ),
        ]
        counts = cached_counts(
            f"funding:{self.pk}",
            selected,
            query,
            lambda: funding_facet_counts(self.opportunities(), selected, matching),
        )
        for listing_filter in filters:
            listing_filter.with_counts(counts[listing_filter.param])
        return results, filters, any(selected.values())


def open_to(opportunities, codes):
    """Opportunities open to applicants based in any of ``codes`` (or anywhere)."""
    ids = [item.pk for item in default_items(Country) if item.code in codes]
    through = FundingOpportunityPage.countries.through
    restricted = through.objects.values("fundingopportunitypage_id")
    in_countries = through.objects.filter(country_id__in=ids).values("fundingopportunitypage_id")
    return opportunities.filter(Q(pk__in=in_countries) | ~Q(pk__in=restricted))


def filter_opportunities(opportunities, selected, matching=None):
    if selected["status"]:
        ranks = [STATUS_RANK[value] for value in selected["status"]]
        opportunities = opportunities.filter(status_rank__in=ranks)
    if selected["country"]:
        opportunities = open_to(opportunities, set(selected["country"]))
    if selected["region"]:
        codes = set().union(*(REGION_CODES[value] for value in selected["region"]))
        opportunities = open_to(opportunities, codes)
    if matching is not None:
        opportunities = opportunities.filter(pk__in=matching)
    return opportunities


def funding_facet_counts(opportunities, selected, matching):
    """{filter: {option: opportunities it would give}}: one or two grouped queries per filter.

    An opportunity that names no country is open everywhere, so it counts
    for every country and region.
    """
    through = FundingOpportunityPage.countries.through
    counts = {}
    pages = filter_opportunities(opportunities, {**selected, "status": []}, matching)
    rows = pages.order_by().values("status_rank").annotate(count=Count("pk"))
    rank_to_status = {rank: status for status, rank in STATUS_RANK.items()}
    counts["status"] = {rank_to_status[row["status_rank"]]: row["count"] for row in rows}
    code_of = {item.pk: item.code for item in default_items(Country)}
    for param in ("country", "region"):
        pages = filter_opportunities(opportunities, {**selected, param: []}, matching).order_by()
        tagged = through.objects.filter(fundingopportunitypage_id__in=pages.values("pk"))
        anywhere = pages.exclude(pk__in=through.objects.values("fundingopportunitypage_id"))
        if param == "country":
            rows = tagged.values("country_id").annotate(count=Count("fundingopportunitypage_id"))
            by_value = {code_of.get(row["country_id"]): row["count"] for row in rows}
            values = code_of.values()
        else:
            by_value = tagged.aggregate(
                **{
                    value.replace("-", "_"): Count(
                        "fundingopportunitypage_id",
                        filter=Q(country_id__in=[pk for pk, c in code_of.items() if c in codes]),
                        distinct=True,
                    )
                    for value, codes in REGION_CODES.items()
                }
            )
            by_value = {value: by_value[value.replace("-", "_")] for value in REGION_CODES}
            values = REGION_CODES
        everywhere = anywhere.count()
        counts[param] = {value: by_value.get(value, 0) + everywhere for value in values}
    return counts


class FundingOpportunityQuerySet(PageQuerySet):
    def with_status(self, day=None):
        """Annotate ``status_rank`` (0 open, 1 upcoming, 2 closed) for ``day`` (default today)."""
        day = day or today()
        return self.annotate(
            status_rank=Case(
                When(opens_on__gt=day, then=Value(STATUS_RANK[UPCOMING])),
                When(closes_on__lt=day, then=Value(STATUS_RANK[CLOSED])),
                default=Value(STATUS_RANK[OPEN]),
                output_field=IntegerField(),
            )
        )


class FundingOpportunityPage(BasePage):
    """One funding opportunity. Its status is computed from its dates, never typed."""

    funder_name = models.CharField(
        _("funder"), max_length=200, help_text=_("Who gives the money, e.g. The Freedom Fund.")
    )
    funder_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("funder's page in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Link the funder's initiative page, when there is one."),
    )
    summary = models.TextField(
        _("short summary"),
        max_length=300,
        help_text=_("Plain text, at most 300 characters. Shown in the list and search."),
    )
    amount_min = models.DecimalField(
        _("smallest grant"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        help_text=_("Leave empty when only a maximum or a single amount is known."),
    )
    amount_max = models.DecimalField(
        _("largest grant"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        help_text=_("For a single fixed amount, give it here and leave the smallest empty."),
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        choices=CURRENCY_CHOICES,
        default="EUR",
        help_text=_("ISO 4217 currency code."),
    )
    eligibility = models.TextField(
        _("who can apply"), help_text=_("Plain words on which organisations are eligible.")
    )
    regions = models.CharField(
        _("regions"),
        max_length=200,
        blank=True,
        help_text=_("Where applicants must be based, in words, e.g. East Africa."),
    )
    countries = taxonomy_choices(
        "taxonomy.Country",
        _("countries"),
        _("Countries where applicants must be based. Empty means anywhere."),
    )
    opens_on = models.DateField(
        _("opens on"), null=True, blank=True, help_text=_("Empty if already open.")
    )
    closes_on = models.DateField(
        _("closes on"), null=True, blank=True, help_text=_("Empty for rolling applications.")
    )
    apply_url = models.URLField(
        _("how to apply"), blank=True, help_text=_("The funder's page with the application.")
    )
    is_example = models.BooleanField(
        _("fictional example"),
        default=False,
        help_text=_("Tick for demonstration content; visitors see it marked as an example."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"), help_text=_("More detail."))

    objects = PageManager.from_queryset(FundingOpportunityQuerySet)()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("funder_name"),
                PageChooserPanel("funder_page", "initiatives.InitiativePage"),
            ],
            heading=_("Funder"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("amount_min"), FieldPanel("amount_max")]),
                FieldPanel("currency"),
            ],
            heading=_("Amount"),
        ),
        FieldPanel("eligibility"),
        MultiFieldPanel(
            [FieldPanel("regions"), FieldPanel("countries", widget=CheckboxSelectMultiple)],
            heading=_("Where"),
        ),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Dates")),
        FieldPanel("apply_url"),
        FieldPanel("body"),
        FieldPanel("is_example"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("funder_name", boost=2),
        index.SearchField("summary", boost=2),
        index.SearchField("eligibility"),
        index.SearchField("regions"),
        index.SearchField("body"),
    ]

    override_translatable_fields = [
        TranslatableField("regions"),
        SynchronizedField("funder_name"),
        SynchronizedField("funder_page"),
        SynchronizedField("amount_min"),
        SynchronizedField("amount_max"),
        SynchronizedField("opens_on"),
        SynchronizedField("closes_on"),
        SynchronizedField("apply_url"),
        SynchronizedField("is_example"),
    ]

    parent_page_types = ["funding.FundingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("funding opportunity")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The closing date is before the opening date.")})
        if self.amount_min and self.amount_max and self.amount_min > self.amount_max:
            raise ValidationError({"amount_max": _("The largest grant is below the smallest.")})

    def status_on(self, day):
        return status_on(day, self.opens_on, self.closes_on)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["funder_page"] = localize_page(self.funder_page, InitiativePage)
        context["countries"] = list(self.countries.all())
        return context

    @property
    def status(self):
        return self.status_on(today())

    def get_status_display(self):
        return dict(STATUS_CHOICES)[self.status]
