"""Wagtail's ``update_index``, followed by a page-cache invalidation.

Search result pages are cached like every public page; an index rebuilt by
this command (by an operator, the worker or a deployment step) must not
leave a results page cached from the old index, on any app server.
"""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from core.page_cache import invalidate_all


class Command(WagtailUpdateIndex):
    def handle(self, **options):
        super().handle(**options)
        invalidate_all()
