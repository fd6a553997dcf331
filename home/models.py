"""The home page and standard pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.base_page import BasePage
from core.blocks import BodyBlock

from .home_sections import home_sections


class HomePage(BasePage):
    """The root of each language's site: what the portal is for."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences under the title saying what the portal is for."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Sections shown under the introduction."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        InlinePanel(
            "featured_initiatives",
            label=_("Featured initiatives"),
            help_text=_("Up to three. When empty, the most recently reviewed are shown."),
            max_num=3,
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self))
        return context


class HomeFeaturedInitiative(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_initiatives")
    initiative = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("An initiative from the directory. Visitors see it in their language."),
    )

    panels = [PageChooserPanel("initiative", page_type="initiatives.InitiativePage")]


class StandardPage(BasePage):
    """A page of prose: about, privacy notice, accessibility, safety advice."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("A short summary shown under the title and in search results."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Headings, paragraphs, images, quotes and calls to action."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
