"""Helpers the demo loaders share to create pages only when they are missing."""

from django.utils.text import slugify
from wagtail.models import Locale, Page


def default_locale():
    return Locale.get_default()


def child_by_slug(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def ensure_child_page(parent, page_class, slug, **fields):
    """Return the child of ``parent`` with ``slug``, creating and publishing it if missing.

    An existing page is returned untouched: editors may have changed it, and
    running the loader again must change nothing.
    """
    existing = child_by_slug(parent, slug)
    if existing is not None:
        return existing, False
    page = page_class(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def slug_for(title):
    return slugify(title)[:80]


def root_page():
    return Page.get_first_root_node()
