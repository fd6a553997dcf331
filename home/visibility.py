"""Which pages a visitor may see, without an extra query per listing.

Wagtail's ``PageQuerySet.public()`` first loads every view restriction, one
query each time it is called. ``visible_to_public`` expresses the same rule
("not inside a restricted section") as a correlated subquery instead.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def visible_to_public(queryset):
    """Live pages that are not inside a section with a view restriction.

    Search backends only understand plain field filters, so a queryset that
    will be searched uses ``searchable_by_public`` instead.
    """
    restricted_ancestor = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.live().exclude(Exists(restricted_ancestor))


def searchable_by_public(queryset):
    """The same rule as ``visible_to_public`` in a form search backends accept."""
    return queryset.live().public()
