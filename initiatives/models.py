"""The directory of survivor-led initiatives."""

from django.apps import apps
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.base_page import BasePage
from core.blocks import BodyBlock
from core.facets import cached_counts, count_by_field, count_by_relation
from core.index_page import FilterableIndexPage
from core.listing import (
    ListingFilter,
    build_choice_options,
    build_options,
    children_of,
    filter_values,
    in_order,
)
from core.localization import localize_linked
from core.visibility import visible_to_public
from taxonomy.fields import in_default_language, taxonomy_choices
from taxonomy.filters import item_ids, tagged_with_any
from taxonomy.models import AreaOfWork, Country, InitiativeType, WorkingLanguage
from taxonomy.names import default_items, item_by_id

from .country_map import country_map
from .open_data_settings import OpenDataSettings, licence_for  # noqa: F401  (registers the setting)

# Named, not imported: the directory and the good practices import nothing of each other.
PRACTICE_PAGE_TYPE = "practices.PracticePage"


class InitiativeIndexPage(FilterableIndexPage):
    """The directory: every initiative, searchable and filterable."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the list of initiatives.")
    )

    subpage_types = ["initiatives.InitiativePage", "forms.InitiativeListingRequestPage"]

    class Meta:
        verbose_name = _("initiative directory")

    def initiatives(self):
        """The published initiatives, as plain pages in title order.

        Counted, filtered and ordered on the page table alone (the page type
        is its ``content_type`` column): at 10,000 initiatives, joining each
        row to its initiative row to pick twelve doubled the listing's
        database time. The twelve shown become initiatives in
        ``prepare_results``.
        """
        pages = children_of(self, Page).type(InitiativePage)
        return visible_to_public(pages).order_by("title")

    def listing(self, request, query):
        selected = {name: filter_values(request, name) for name in FILTER_PARAMS}
        results = filter_initiatives(self.initiatives(), selected)
        if query:
            results = results.search(query, order_by_relevance=True)
        filters = initiative_filters(selected)
        counts = cached_counts(
            f"initiatives:{self.pk}",
            selected,
            query,
            lambda: initiative_facet_counts(self.initiatives(), selected, query),
        )
        for listing_filter in filters:
            listing_filter.with_counts(counts[listing_filter.param])
        return results, filters, any(selected.values())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["country_map"] = country_map(self, request)
        context["open_data_licence"] = licence_for(request)
        return context

    def prepare_results(self, pages):
        initiatives = in_order(
            InitiativePage.objects.select_related("initiative_type"), [page.pk for page in pages]
        )
        InitiativePage.prefetch_taxonomies(initiatives)
        return initiatives


FILTER_PARAMS = ("country", "type", "scope", "area", "language")
TAGS = {
    "country": ("countries", Country, "code"),
    "area": ("areas", AreaOfWork, "slug"),
    "language": ("languages", WorkingLanguage, "code"),
}


def filter_initiatives(queryset, selected):
    if selected["scope"]:
        in_scope = InitiativePage.objects.filter(scope__in=selected["scope"])
        queryset = queryset.filter(pk__in=in_scope.values("pk"))
    if selected["type"]:
        types = item_ids(InitiativeType, "slug", selected["type"])
        of_type = InitiativePage.objects.filter(initiative_type__in=types)
        queryset = queryset.filter(pk__in=of_type.values("pk"))
    for param, (relation, _model, lookup) in TAGS.items():
        if selected[param]:
            queryset = tagged_with_any(queryset, InitiativePage, relation, lookup, selected[param])
    return queryset


def initiative_facet_counts(initiatives, selected, query):
    """{filter: {option: entries it would give}}, one grouped query per filter."""
    matching = None
    if query:
        matching = [page.pk for page in initiatives.search(query, order_by_relevance=False)]
    counts = {}
    for param in FILTER_PARAMS:
        pages = filter_initiatives(initiatives, {**selected, param: []}).order_by()
        if matching is not None:
            pages = pages.filter(pk__in=matching)
        if param in TAGS:
            relation, model, lookup = TAGS[param]
            items = default_items(model)
            counts[param] = count_by_relation(pages, InitiativePage, relation, items, lookup)
        elif param == "type":
            slugs = {item.pk: item.slug for item in default_items(InitiativeType)}
            counts[param] = count_by_field(pages, InitiativePage, "initiative_type", slugs)
        else:
            counts[param] = count_by_field(pages, InitiativePage, "scope")
    return counts


def initiative_filters(selected):
    return [
        ListingFilter(
            "country",
            _("Country"),
            build_options(default_items(Country), "code", selected["country"]),
            multiple=True,
        ),
        ListingFilter(
            "type",
            _("Type"),
            build_options(default_items(InitiativeType), "slug", selected["type"]),
        ),
        ListingFilter(
            "scope",
            _("Scope"),
            build_choice_options(InitiativePage.SCOPE_CHOICES, selected["scope"]),
        ),
        ListingFilter(
            "area",
            _("Area of work"),
            build_options(default_items(AreaOfWork), "slug", selected["area"]),
        ),
        ListingFilter(
            "language",
            _("Language"),
            build_options(default_items(WorkingLanguage), "code", selected["language"]),
        ),
    ]


class InitiativePage(BasePage):
    """One survivor-led initiative in the directory."""

    SCOPE_CHOICES = [
        ("international", _("International")),
        ("regional", _("Regional")),
        ("national", _("National")),
    ]
    SELF_LISTED = "self_listed"
    VERIFIED = "verified"
    VERIFICATION_CHOICES = [
        (SELF_LISTED, _("Self-listed by the organisation")),
        (VERIFIED, _("Verified by the editors")),
    ]

    acronym = models.CharField(
        _("acronym"), max_length=20, blank=True, help_text=_("For example ISTAC. Optional.")
    )
    summary = models.TextField(
        _("short summary"),
        max_length=300,
        help_text=_("Plain text, at most 300 characters. Shown in the directory and search."),
    )
    initiative_type = models.ForeignKey(
        "taxonomy.InitiativeType",
        verbose_name=_("type"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_language,
        help_text=_("What kind of initiative this is."),
    )
    scope = models.CharField(
        _("scope"),
        max_length=20,
        choices=SCOPE_CHOICES,
        default="national",
        help_text=_("Whether it works across the world, a region, or one country."),
    )
    countries = taxonomy_choices(
        "taxonomy.Country",
        _("countries"),
        _("Where it is based or works. Leave empty for worldwide work."),
    )
    languages = taxonomy_choices(
        "taxonomy.WorkingLanguage",
        _("languages of work"),
        _("Languages people can use to contact it or take part."),
    )
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("Leave empty if not known."),
    )
    leadership_statement = models.TextField(
        _("how survivors lead it"),
        help_text=_("Plain words on how people with lived experience lead or shape it."),
    )
    areas = taxonomy_choices("taxonomy.AreaOfWork", _("areas of work"), _("What it works on."))
    website = models.URLField(_("website"), blank=True, help_text=_("Its own website, if any."))
    contact_email = models.EmailField(
        _("public contact email"),
        blank=True,
        help_text=_("Only an address the organisation has agreed to publish."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square images work best. Give it alt text in the image library."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("History, activities and achievements."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When an editor last checked this entry with the organisation."),
    )
    text_language = models.CharField(
        _("language of the texts"),
        max_length=15,
        blank=True,
        help_text=_(
            "Set when this version still shows the texts of another language (a self-listing "
            "not yet translated). Publishing a translation clears it."
        ),
    )
    verification = models.CharField(
        _("verification"),
        max_length=20,
        choices=VERIFICATION_CHOICES,
        default=SELF_LISTED,
        help_text=_("Whether the editors have checked this entry, shown to visitors."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("acronym"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("initiative_type"),
                FieldPanel("scope"),
                FieldPanel("countries", widget=CheckboxSelectMultiple),
                FieldPanel("languages", widget=CheckboxSelectMultiple),
                FieldPanel("areas", widget=CheckboxSelectMultiple),
                FieldPanel("year_founded"),
            ],
            heading=_("In the directory"),
        ),
        FieldPanel("leadership_statement"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("contact_email"), FieldPanel("logo")],
            heading=_("Contact"),
        ),
        FieldPanel("body"),
        InlinePanel("related_practices", label=_("Related good practices")),
        MultiFieldPanel(
            [FieldPanel("verification"), FieldPanel("last_reviewed")],
            heading=_("Review"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("acronym", boost=3),
        index.AutocompleteField("acronym"),
        index.SearchField("summary", boost=2),
        index.SearchField("leadership_statement"),
        index.SearchField("body"),
        index.FilterField("initiative_type"),
        index.RelatedFields("countries", [index.FilterField("code")]),
        index.RelatedFields("areas", [index.FilterField("slug")]),
        index.RelatedFields("languages", [index.FilterField("code")]),
    ]

    # Taxonomy choices, dates and links follow the source page; texts are translated.
    override_translatable_fields = [
        TranslatableField("acronym"),
        SynchronizedField("initiative_type"),
        SynchronizedField("year_founded"),
        SynchronizedField("website"),
        SynchronizedField("contact_email"),
        SynchronizedField("logo"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("verification"),
        # The source's empty value: publishing a translation marks it as translated.
        SynchronizedField("text_language", overridable=False),
    ]

    parent_page_types = ["initiatives.InitiativeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("initiative")

    @property
    def type_item(self):
        """The initiative's type without a query (taxonomies are cached)."""
        return item_by_id(InitiativeType, self.initiative_type_id)

    @property
    def is_verified(self):
        return self.verification == self.VERIFIED

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.prefetch_taxonomies([self])
        context["structured_data"] = self.structured_data(request)
        context["related_practices"] = localize_linked(
            self.related_practices.all(), "practice", apps.get_model(PRACTICE_PAGE_TYPE)
        )
        return context

    def structured_data(self, request):
        """schema.org Organization, for search engines and link previews."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
        }
        if self.acronym:
            data["alternateName"] = self.acronym
        if self.website:
            data["sameAs"] = [self.website]
        if self.contact_email:
            data["email"] = self.contact_email
        if self.year_founded:
            data["foundingDate"] = str(self.year_founded)
        countries = [country.code for country in self.countries.all()]
        if countries:
            data["areaServed"] = countries
        return data

    @staticmethod
    def prefetch_taxonomies(pages):
        """Fetch the taxonomies of a list of initiatives in a fixed number of queries."""
        prefetch_related_objects(list(pages), "countries", "areas", "languages")


class InitiativeRelatedPractice(Orderable):
    """A good practice an initiative puts into effect or illustrates."""

    initiative = ParentalKey(
        InitiativePage, on_delete=models.CASCADE, related_name="related_practices"
    )
    practice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("good practice"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A good-practice page. Visitors see it in their own language."),
    )

    panels = [PageChooserPanel("practice", page_type=PRACTICE_PAGE_TYPE)]

    class Meta(Orderable.Meta):
        verbose_name = _("related good practice")
