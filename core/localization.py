"""Show pages chosen in the default language in the visitor's language.

Page choices (related practices, featured initiatives, funders) are
synchronised across translations, so they point at default-language pages.
These helpers swap each for its live translation in the active language, in
one query, and keep the original where no translation is live yet.
"""

from django.db.models import Q
from wagtail.models import Locale, Page

from core.visibility import visible_to_public


def localized_versions(pages, model=Page):
    """{pk of each chosen page: the live, specific page to show in its place, or None}."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    locale = Locale.get_active()
    candidates = (
        visible_to_public(model.objects.all())
        .filter(translation_key__in={page.translation_key for page in pages})
        .filter(Q(locale=locale) | Q(pk__in=[page.pk for page in pages]))
    )
    if model is Page:
        candidates = candidates.specific()
    by_pk = {}
    in_locale = {}
    for candidate in candidates:
        by_pk[candidate.pk] = candidate
        if candidate.locale_id == locale.pk:
            in_locale[candidate.translation_key] = candidate
    return {page.pk: in_locale.get(page.translation_key, by_pk.get(page.pk)) for page in pages}


def localize_pages(pages, model=Page):
    """The chosen pages in the visitor's language, without those not live."""
    pages = [page for page in pages if page is not None]
    versions = localized_versions(pages, model)
    return [versions[page.pk] for page in pages if versions[page.pk] is not None]


def localize_page(page, model=Page):
    localized = localize_pages([page], model)
    return localized[0] if localized else None
