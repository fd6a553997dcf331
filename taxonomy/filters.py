"""Filtering listed pages by the taxonomy items they are tagged with.

Used by the directory and the good practices, with the filter
controls of :mod:`core.listing`.
"""

from .names import default_items


def tagged_with_any(queryset, model, relation, lookup, values):
    """Pages whose many-to-many ``relation`` (of ``model``) holds any of ``values``.

    ``lookup`` is the field of the related taxonomy item the values are
    matched on. Pages choose taxonomy items in the default language, so the
    values become those items' ids from the cached taxonomy (no query, and
    a value that names nothing matches nothing).

    A subquery on the relation's own table, by the index on the item's id,
    keeps one row per page however many values match, reads neither the
    pages nor the taxonomy, and is a plain ``pk__in`` filter, which Wagtail's
    search backends accept.
    """
    field = model._meta.get_field(relation)
    ids = item_ids(field.remote_field.model, lookup, values)
    tagged = field.remote_field.through.objects.filter(
        **{f"{field.m2m_reverse_field_name()}__in": ids}
    )
    return queryset.filter(pk__in=tagged.values(f"{field.m2m_field_name()}_id"))


def item_ids(taxonomy, lookup, values):
    """Ids of the default-language ``taxonomy`` items whose ``lookup`` field is in ``values``."""
    return [item.pk for item in default_items(taxonomy) if getattr(item, lookup) in values]
