"""Which pages a visitor may see, without an extra query per listing.

Wagtail's ``PageQuerySet.public()`` loads every view restriction, one query
each time it is called. Here the restricted sections' paths are kept in the
cache until content changes (the page-cache generation, which view
restrictions, page moves and deletions bump), so a listing costs no query
for them. Usually there are none, and the listing's SQL has no condition for
them at all: a correlated subquery per row, the earlier way, made SQLite's
planner scan the page tree once per listed page at 10,000 pages.
"""

from wagtail.models import PageViewRestriction

from .page_cache import until_content_changes


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (with their subtrees)."""
    return until_content_changes(
        "visibility:restricted-paths",
        lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def visible_to_public(queryset):
    """Live pages that are not inside a section with a view restriction.

    Uses only plain field filters (``live``, ``path``), which Wagtail's
    search backends accept too, so searched querysets use it as well.
    """
    queryset = queryset.live()
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset
