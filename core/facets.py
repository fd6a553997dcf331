"""Facet counts: how many entries each filter option would give.

Counted the way good directories count ("disjunctive" facets): an option's
count applies every *other* chosen filter and the search words, plus that
option, so a visitor sees what ticking it would show. Each taxonomy is one
grouped query; the counts for one combination of filters are kept until
published content changes (``until_content_changes``), so a listing page
costs the same number of queries at 10 entries as at 10,000.
"""

import hashlib
import json

from django.db.models import Count

from core.page_cache import until_content_changes


def cached_counts(name, selected, query, compute):
    """``compute()`` kept per listing, chosen filters and search words until content changes."""
    state = json.dumps([sorted((k, sorted(v)) for k, v in selected.items()), query])
    digest = hashlib.sha256(state.encode()).hexdigest()[:32]
    return until_content_changes(f"facets:{name}:{digest}", compute)


def count_by_relation(pages, model, relation, items, lookup):
    """{item's ``lookup`` value: number of ``pages`` tagged with it} through ``relation``."""
    field = model._meta.get_field(relation)
    page_column = f"{field.m2m_field_name()}_id"
    item_column = f"{field.m2m_reverse_field_name()}_id"
    rows = (
        field.remote_field.through.objects.filter(**{f"{page_column}__in": pages.values("pk")})
        .values(item_column)
        .annotate(count=Count(page_column, distinct=True))
        .order_by()
    )
    value_of = {item.pk: getattr(item, lookup) for item in items}
    return {
        value_of[row[item_column]]: row["count"] for row in rows if row[item_column] in value_of
    }


def count_by_field(pages, model, field_name, value_of=None):
    """{value of ``field_name`` (mapped through ``value_of``): number of ``pages``}."""
    rows = (
        model.objects.filter(pk__in=pages.values("pk"))
        .values(field_name)
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {}
    for row in rows:
        value = row[field_name] if value_of is None else value_of.get(row[field_name])
        if value is not None:
            counts[value] = counts.get(value, 0) + row["count"]
    return counts
