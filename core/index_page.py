"""What the three public indexes (initiatives, practices, funding) share."""

from django.apps import apps
from django.db.models.sql.where import WhereNode
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.base_page import BasePage
from core.canonical_query import canonical_query, declare
from core.listing import (
    active_filter_count,
    children_of,
    filter_values,
    paginate,
    query_string_without,
    search_query,
)
from core.result_ids import ResultsByIds, result_ids


class FilterableIndexPage(BasePage):
    """An index that visitors search, filter and page through with GET parameters.

    Subclasses declare an ``introduction`` field (its help text names what they
    list) and say what they list for a request (``listing``); the search
    words, paging, result count and the "filtered" state behave the same on
    every index, and so does the template (``listing_page.html``).
    """

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    per_page = 12

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """A listed entry (the first of ``subpage_types``) in one query.

        Wagtail's own route takes two, the page and then its specific type;
        other children, and slugs that match no entry, go the usual way.
        """
        if path_components:
            model = apps.get_model(self.subpage_types[0])
            entry = children_of(self, model).filter(slug=path_components[0]).first()
            if entry is not None:
                entry._cached_parent_obj = self  # as Wagtail's route does
                return entry.route(request, path_components[1:])
        return super().route(request, path_components)

    def listing(self, request, query):
        """``(results, filters, is_filtered)`` for this request's filters and search words."""
        raise NotImplementedError

    def prepare_results(self, pages):
        """The results to show for one page of the listing, with what their cards show.

        Fetched at once, never a query per card.
        """
        return pages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = search_query(request)
        results, filters, is_filtered = self.listing(request, query)
        # Everything the results depend on besides content (see core/result_ids.py).
        state = [query, {f.param: filter_values(request, f.param) for f in filters}]
        ids = result_ids(f"index:{self.pk}", state, results)
        page_of_results = paginate(request, ResultsByIds(ids, rows_of(results)), self.per_page)
        page_of_results.object_list = self.prepare_results(page_of_results.object_list)
        # Search words are free text: such pages are never cached.
        declare(request, None if query else canonical_query(filters, page_of_results))
        context.update(
            query=query,
            filters=filters,
            results=page_of_results,
            result_count=page_of_results.paginator.count,
            is_filtered=bool(query) or is_filtered,
            active_filter_count=active_filter_count(filters),
            page_query=query_string_without(request, "page"),
        )
        return context


def rows_of(results):
    """What a listing's results are fetched from by id: the listing's queryset
    (under a search, the queryset searched) with its annotations and related
    fields, without its filters. The ids already passed them; kept, they make
    the database check all the matches again to pick the twelve shown."""
    queryset = results if hasattr(results, "in_bulk") else results.query_compiler.queryset
    rows = queryset.all()
    rows.query.where = WhereNode()
    return rows
