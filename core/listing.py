"""Helpers for the public listings: reading GET filters safely, and paging.

Every filter comes from the query string, so filtered listings are plain
links that can be shared and bookmarked. Bad values never raise: an unknown
code matches nothing, ``page=abc`` is the first page and ``page=99999`` the
last. Filtering by taxonomy items is :mod:`taxonomy.filters`.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import QueryDict

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FILTER = 20
MAX_VALUE_LENGTH = 40


def printable(text):
    """``text`` without control characters, which no search or filter needs."""
    return "".join(character for character in text if character.isprintable())


def search_query(request):
    """The visitor's search words, trimmed to a sensible length."""
    return " ".join(printable(request.GET.get("q", "")).split())[:MAX_QUERY_LENGTH]


def filter_values(request, name):
    """The distinct, non-empty values of a (possibly repeated) GET parameter."""
    values = []
    for value in request.GET.getlist(name)[:MAX_VALUES_PER_FILTER]:
        value = printable(value).strip()[:MAX_VALUE_LENGTH]
        if value and value not in values:
            values.append(value)
    return values


def paginate(request, items, per_page):
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def in_order(queryset, ids):
    """The objects of ``queryset`` with these ids, in their order; missing ones left out."""
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def query_string_without(request, *names):
    """The current query string without the given parameters, ending in ``&`` if not empty."""
    params = QueryDict(mutable=True)
    for key in request.GET:
        if key not in names:
            params.setlist(key, request.GET.getlist(key))
    encoded = params.urlencode()
    return f"{encoded}&" if encoded else ""


@dataclass
class FilterOption:
    """An option of a filter: a taxonomy item (named in the visitor's language
    by the template) or a fixed choice with its own label."""

    value: str
    selected: bool
    item: object = None
    label: str = ""
    # How many entries choosing this option would give (None: not counted).
    count: int | None = None


@dataclass
class ListingFilter:
    """One filter control: its GET parameter, label and options."""

    param: str
    label: str
    options: list
    multiple: bool = False

    @property
    def active(self):
        return any(option.selected for option in self.options)

    @property
    def active_count(self):
        return sum(option.selected for option in self.options)

    def with_counts(self, counts):
        """This filter with each option's count from ``{value: count}`` (missing: 0)."""
        for option in self.options:
            option.count = counts.get(option.value, 0)
        return self


def active_filter_count(filters):
    """How many filter values are chosen, for the folded filter panel's summary."""
    return sum(listing_filter.active_count for listing_filter in filters)


def build_choice_options(choices, selected_values):
    return [
        FilterOption(value=value, label=label, selected=value in selected_values)
        for value, label in choices
    ]


def build_options(items, value_attr, selected_values):
    return [
        FilterOption(
            value=getattr(item, value_attr),
            item=item,
            selected=getattr(item, value_attr) in selected_values,
        )
        for item in items
    ]


def children_of(parent, model):
    """The ``model`` pages directly under ``parent``, found through the index on ``path``.

    Wagtail's ``child_of()`` filters with ``path LIKE 'prefix%'``, which neither
    SQLite (its LIKE ignores case) nor PostgreSQL (outside the C collation)
    answers from the index on ``path``: every listing read the whole page
    table, in every language. The same children as a range of paths use the
    index (measured with ``make bench``: see bench/README.md).
    """
    step, alphabet = parent.steplen, parent.alphabet
    return model.objects.filter(
        path__gte=parent.path + alphabet[0] * step,
        path__lte=parent.path + alphabet[-1] * step,
        depth=parent.depth + 1,
    )
