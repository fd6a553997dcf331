"""Show pages chosen in the default language in the visitor's language.

Page choices (related practices, featured initiatives, funders) are
synchronised across translations, so they point at default-language pages.
These helpers swap each for its live translation in the active language, in
one query, and keep the original where no translation is live yet.
"""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from core.page_cache import until_content_changes
from core.visibility import visible_to_public


def active_locale():
    """``Locale.get_active()`` without a query: locales change only with content."""
    language = get_language()
    return until_content_changes(f"locale:{language}", Locale.get_active)


def localized_versions(pages, model=Page):
    """{pk of each chosen page: the live, specific page to show in its place, or None}."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    locale = active_locale()
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


def localize_linked(links, field, model):
    """``localize_pages`` of the pages that ``links`` (an Orderable's queryset) point
    to through ``field``, in the links' order, in one query instead of two."""
    locale = active_locale()
    same_page = {f"{field}__translation_key": OuterRef("translation_key")}
    candidates = (
        visible_to_public(model.objects.all())
        # Every candidate shares a chosen page's translation key, the chosen
        # pages included: filtering on the key first lets the database use its
        # index; with the OR alone it read the whole page table.
        .filter(translation_key__in=links.values(f"{field}__translation_key"))
        .filter(Q(locale=locale) | Q(pk__in=links.values(f"{field}_id")))
        .annotate(
            link_order=Subquery(
                links.filter(**same_page).order_by("sort_order").values("sort_order")[:1]
            ),
            chosen=Exists(links.filter(**{f"{field}_id": OuterRef("pk")})),
        )
    )
    best = {}
    for candidate in candidates:
        key = candidate.translation_key
        if candidate.locale_id == locale.pk or (candidate.chosen and key not in best):
            best[key] = candidate
    return sorted(best.values(), key=lambda page: page.link_order)
