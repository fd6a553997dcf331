"""What the three public indexes (initiatives, practices, funding) share."""

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.base_page import BasePage
from core.canonical_query import canonical_query, declare
from core.listing import active_filter_count, paginate, query_string_without, search_query


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
        page_of_results = paginate(request, results, self.per_page)
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
