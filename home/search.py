"""Site search over every public page in the visitor's language."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.listing import paginate, query_string_without, search_query
from core.localization import active_locale
from core.result_ids import ResultsByIds, result_ids
from core.visibility import visible_to_public

RESULTS_PER_PAGE = 10


def search(request):
    query = search_query(request)
    results = None
    if query:
        locale = active_locale()
        pages = visible_to_public(Page.objects.all()).filter(locale=locale, depth__gt=1)
        # Ranked once per content change (core/result_ids.py), not at every request.
        ids = result_ids("search", [locale.pk, query], pages.search(query))
        results = paginate(request, ResultsByIds(ids, Page.objects.all()), RESULTS_PER_PAGE)
        results.object_list = specific_pages(results.object_list)
    return TemplateResponse(
        request,
        "search/search_results.html",
        {
            "query": query,
            "results": results,
            "result_count": results.paginator.count if results else 0,
            "page_query": query_string_without(request, "page"),
            "page_title": _("Search"),
        },
    )


def specific_pages(pages):
    """The given pages as their specific types, in order, one query per type."""
    pages = list(pages)
    specific = {
        page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()
    }
    return [specific[page.pk] for page in pages if page.pk in specific]
