"""The licence the directory's open data is published under, set by editors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from core.page_cache import until_content_changes

DEFAULT_LICENCE_TITLE = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
DEFAULT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


@register_setting(icon="download")
class OpenDataSettings(BaseSiteSetting):
    """Shown beside the directory's download link and written into ``datapackage.json``."""

    licence_title = models.CharField(
        _("licence"),
        max_length=200,
        default=DEFAULT_LICENCE_TITLE,
        help_text=_("The licence the directory's data is published under, by its full name."),
    )
    licence_url = models.URLField(
        _("licence address"),
        default=DEFAULT_LICENCE_URL,
        help_text=_("Where the licence text is published."),
    )
    attribution = models.CharField(
        _("how to credit"),
        max_length=300,
        blank=True,
        help_text=_("Optional: how re-users should credit the portal, in one sentence."),
    )

    panels = [FieldPanel("licence_title"), FieldPanel("licence_url"), FieldPanel("attribution")]

    class Meta:
        verbose_name = _("open data licence")


def licence_for(request):
    """The site's licence settings, or the defaults: reading never writes a row.

    Kept until content changes (saving the setting is a content change), so
    the directory page pays no query for it.
    """
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    site_id = site.pk if site else None

    def load():
        return OpenDataSettings.objects.filter(site_id=site_id).first() or OpenDataSettings(
            site_id=site_id
        )

    return until_content_changes(f"open-data-licence:{site_id}", load)
