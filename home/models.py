"""The home page, standard pages and the site-wide settings editors control."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BodyBlock

# A neutral, everyday destination; editors can change it in the settings.
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.com/weather"


class HomePage(Page):
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
        from .home_sections import home_sections

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


class StandardPage(Page):
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


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    """Safety and footer settings editors can change without a developer."""

    quick_exit_url = models.URLField(
        _("quick exit destination"),
        default=DEFAULT_QUICK_EXIT_URL,
        help_text=_(
            "Where the quick-exit control sends visitors. Choose a neutral, "
            "everyday site such as a weather forecast."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page."),
    )
    safety_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("safety advice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer and next to the quick-exit control."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("quick_exit_url")], heading=_("Quick exit")),
        MultiFieldPanel(
            [
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("safety_page"),
            ],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("portal settings")
