"""The site-wide settings editors control."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# A neutral, everyday destination; editors can change it in the settings.
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.com/weather"


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
        # Made by the home app before the settings moved here; the data stays put.
        db_table = "home_portalsettings"
