"""Listing and search results that cost the same at 100 entries as at 10,000.

Counting a filtered listing's matches, ordering them and ranking search
matches read every matching row: at 10,000 initiatives a filtered directory
took 2-3 times the CPU it took at 100. What visitors see of a listing changes
only when published content changes (or, for dated entries, the day), so the
ids of the results, in their order, are worked out once per content
generation and kept in the cache (``until_content_changes``, as the facet
counts are). A request then costs one cache read and one query for the
entries on its page, however many match.
"""

import hashlib
import json

from django.utils import timezone

from .page_cache import until_content_changes


def result_ids(name, state, results):
    """The ids of ``results`` (a queryset or search results), in order, kept until
    content changes; ``state`` is everything the results depend on besides content."""
    key = json.dumps([state, timezone.localdate().isoformat()], sort_keys=True)
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return until_content_changes(f"results:{name}:{digest}", lambda: ids_of(results))


def ids_of(results):
    if hasattr(results, "values_list"):
        return list(results.values_list("pk", flat=True))
    return [item.pk for item in results]


class ResultsByIds:
    """A sequence for Django's Paginator: its length is the number of ids, and a
    slice is the objects of those ids, fetched by primary key, in order."""

    def __init__(self, ids, queryset):
        self.ids = ids
        self.queryset = queryset

    def __len__(self):
        return len(self.ids)

    def count(self):
        return len(self.ids)

    def __getitem__(self, index):
        wanted = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        found = self.queryset.in_bulk(wanted) if wanted else {}
        objects = [found[pk] for pk in wanted if pk in found]
        return objects if isinstance(index, slice) else objects[0]
