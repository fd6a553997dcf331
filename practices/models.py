"""Good-practice case pages: how institutions include survivors, step by step."""

from django.apps import apps
from django.db import models
from django.db.models import prefetch_related_objects
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.base_page import BasePage
from core.blocks import BodyBlock
from core.index_page import FilterableIndexPage
from core.listing import (
    ListingFilter,
    build_choice_options,
    build_options,
    children_of,
    filter_values,
)
from core.localization import localized_versions
from core.visibility import visible_to_public
from taxonomy.fields import taxonomy_choices
from taxonomy.filters import tagged_with_any
from taxonomy.models import Country, OhchrProvision
from taxonomy.names import default_items

from .blocks import INITIATIVE_PAGE_TYPE, ExamplesBlock, ResourcesBlock, StepsBlock

# The practitioners' tools live under the good practices (practices/tools/).
from .tools.pages import tools_in, transferability_checklist_for
from .tools.self_assessment import SelfAssessmentPage  # noqa: F401
from .tools.transferability import TransferabilityChecklistPage  # noqa: F401


class PracticeIndexPage(FilterableIndexPage):
    """Every good practice and example case, filterable by track, country and principle."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the list of practices.")
    )

    subpage_types = [
        "practices.PracticePage",
        "practices.SelfAssessmentPage",
        "practices.TransferabilityChecklistPage",
    ]

    class Meta:
        verbose_name = _("good-practice index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tools"] = tools_in(self.locale_id)
        return context

    def practices(self):
        pages = children_of(self, PracticePage)
        visible = visible_to_public(pages)
        # Coded practices (O1.., P1..) first, in code order, then example cases.
        return visible.order_by(models.F("code").asc(nulls_last=True), "title")

    def listing(self, request, query):
        selected = {
            "track": [
                value
                for value in filter_values(request, "track")
                if value in dict(PracticePage.TRACK_CHOICES)
            ],
            "country": filter_values(request, "country"),
            "principle": filter_values(request, "principle"),
        }
        results = filter_practices(self.practices(), selected)
        if query:
            results = results.search(query, order_by_relevance=True)
        return results, practice_filters(selected), any(selected.values())

    def prepare_results(self, pages):
        pages = list(pages)
        prefetch_related_objects(pages, "countries")
        return pages


def filter_practices(queryset, selected):
    if selected["track"]:
        queryset = queryset.filter(track__in=selected["track"])
    if selected["country"]:
        queryset = tagged_with_any(queryset, PracticePage, "countries", "code", selected["country"])
    if selected["principle"]:
        queryset = tagged_with_any(
            queryset, PracticePage, "principles", "slug", selected["principle"]
        )
    return queryset


def practice_filters(selected):
    return [
        ListingFilter(
            "track",
            _("Track"),
            build_choice_options(PracticePage.TRACK_CHOICES, selected["track"]),
        ),
        ListingFilter(
            "country",
            _("Country"),
            build_options(default_items(Country), "code", selected["country"]),
            multiple=True,
        ),
        ListingFilter(
            "principle",
            _("OHCHR principle or guideline"),
            build_options(default_items(OhchrProvision), "slug", selected["principle"]),
        ),
    ]


class PracticePage(BasePage):
    """A good practice (P1-P3, O1-O3) or an example case from the field."""

    POLICY = "policy"
    OPERATIONAL = "operational"
    TRACK_CHOICES = [
        (POLICY, _("Policy development")),
        (OPERATIONAL, _("Operational response")),
    ]

    code = models.CharField(
        _("code"),
        max_length=10,
        blank=True,
        null=True,
        help_text=_("The practice's code in the guidelines, e.g. P2 or O1. Empty for an example."),
    )
    track = models.CharField(
        _("track"),
        max_length=20,
        choices=TRACK_CHOICES,
        help_text=_("Policy development or the operational response."),
    )
    objective = models.TextField(_("objective"), help_text=_("What the practice achieves."))
    stakeholders = models.TextField(
        _("stakeholders involved"),
        blank=True,
        help_text=_("Who takes part: institutions, organisations, survivors."),
    )
    summary = models.TextField(
        _("content summary"),
        max_length=600,
        help_text=_("A short description, shown in the list and in search results."),
    )
    steps = StreamField(
        StepsBlock(),
        blank=True,
        verbose_name=_("steps"),
        help_text=_("Numbered in the order given. Each step may have a checklist."),
    )
    resources = StreamField(
        ResourcesBlock(),
        blank=True,
        verbose_name=_("documents and templates"),
        help_text=_("Templates, documents and links that help put the practice into effect."),
    )
    examples = StreamField(
        ExamplesBlock(),
        blank=True,
        verbose_name=_("examples"),
        help_text=_("Initiatives from the directory, or examples described here."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("more about it"),
        help_text=_("Anything else: background, lessons learned, quotes."),
    )
    countries = taxonomy_choices(
        "taxonomy.Country", _("countries"), _("Where this practice or example comes from.")
    )
    principles = taxonomy_choices(
        "taxonomy.OhchrProvision",
        _("OHCHR principles and guidelines"),
        _("The Recommended Principles and Guidelines it puts into practice."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("code"),
                FieldPanel("track"),
                FieldPanel("countries", widget=CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("summary"),
        FieldPanel("objective"),
        FieldPanel("stakeholders"),
        FieldPanel("steps"),
        FieldPanel("resources"),
        FieldPanel("examples"),
        FieldPanel("body"),
        FieldPanel("principles", widget=CheckboxSelectMultiple),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("code", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("objective"),
        index.SearchField("stakeholders"),
        index.SearchField("steps"),
        index.SearchField("examples"),
        index.FilterField("track"),
        index.FilterField("code"),
        index.RelatedFields("countries", [index.FilterField("code")]),
        index.RelatedFields("principles", [index.FilterField("slug")]),
    ]

    override_translatable_fields = [SynchronizedField("code")]

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("good practice")

    @property
    def is_example(self):
        return not self.code

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["principles"] = list(
            self.principles.filter(kind=OhchrProvision.PRINCIPLE).order_by("number")
        )
        context["guidelines"] = list(
            self.principles.filter(kind=OhchrProvision.GUIDELINE).order_by("number")
        )
        context["examples"] = self.examples_for_display()
        context["index_url"] = self.get_parent().get_url(request)
        context["transferability_url"] = transferability_checklist_for(self)
        return context

    def examples_for_display(self):
        """The examples, with directory pages in the visitor's language."""
        chosen = [
            block.value["initiative"] for block in self.examples if block.block_type == "initiative"
        ]
        versions = localized_versions(chosen, apps.get_model(INITIATIVE_PAGE_TYPE))
        examples = []
        for block in self.examples:
            if block.block_type == "initiative":
                initiative = versions.get(getattr(block.value["initiative"], "pk", None))
                if initiative is not None:
                    examples.append({"initiative": initiative, "note": block.value["note"]})
            else:
                examples.append({"title": block.value["title"], "text": block.value["text"]})
        return examples
