"""Where organisations ask to be listed: linked from the directory, home and "Get involved"."""

from django import template
from django.conf import settings
from django.utils import translation

from core.page_cache import until_content_changes
from core.visibility import visible_to_public
from forms.models import InitiativeListingRequestPage

register = template.Library()


def find_listing_request_page(language):
    """{url, title, lang} of the live listing-request page in ``language``, else in English.

    Found by its page type, not its slug, which editors translate. ``lang``
    is set when the page is not (yet) translated into ``language``.
    """
    pages = {
        page.locale.language_code: page
        for page in visible_to_public(InitiativeListingRequestPage.objects.all())
        .select_related("locale")
        .order_by("path")
    }
    page = pages.get(language) or pages.get(settings.LANGUAGE_CODE)
    if page is None:
        return None
    code = page.locale.language_code
    return {"url": page.get_url(), "title": page.title, "lang": "" if code == language else code}


def listing_request_page():
    language = translation.get_language()
    return until_content_changes(
        f"listing-request-page:{language}", lambda: find_listing_request_page(language) or {}
    )


@register.inclusion_tag("forms/includes/list_your_organisation.html")
def list_your_organisation(placement="directory"):
    """A "List your organisation" invitation; nothing if the page does not exist."""
    return {"listing_page": listing_request_page(), "placement": placement}
