"""The one base class of every page type of the portal.

What every page shares is applied here once, so a new page type cannot lose
it by forgetting a call:

- **cache headers**: ``private_responses = True`` makes every response of the
  page type (and every preview of any page) uncacheable by browsers and
  shared caches. Page types override :meth:`serve_page`, not ``serve``
  (``core.checks`` says so), so the headers cannot be skipped. Other pages
  are left to the anonymous page cache (:mod:`core.page_cache`), which marks
  them public;
- **SEO fields**: Wagtail's ``seo_title`` and ``search_description`` on the
  Promote tab; :meth:`meta_description` falls back to the page's own summary;
- **the edit handler's tabs**: Content, then each of ``extra_tabs`` (a form
  type's Moderation tab), then Promote and Settings, built by
  :meth:`get_edit_handler` from the class's panels. A page type declares
  panels, never an ``edit_handler`` of its own (``core.checks`` says so).

It adds no database fields, so moving a page type onto it needs no migration.
"""

from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page
from wagtail.utils.decorators import cached_classmethod

# The page's own text a search engine may show when the editor wrote no search description.
SUMMARY_FIELDS = ("introduction", "summary")


class BasePage(Page):
    # Responses carry answers or CSRF tokens: never stored by any cache.
    private_responses = False
    # ``(heading, panels)`` tabs shown between Content and Promote.
    extra_tabs = ()

    class Meta:
        abstract = True

    @cached_classmethod
    def get_edit_handler(cls):
        tabs = [ObjectList(cls.content_panels, heading=_("Content"))]
        tabs += [ObjectList(panels, heading=heading) for heading, panels in cls.extra_tabs]
        if cls.promote_panels:
            tabs.append(ObjectList(cls.promote_panels, heading=_("Promote")))
        if cls.settings_panels:
            tabs.append(ObjectList(cls.settings_panels, heading=_("Settings")))
        edit_handler = TabbedInterface(tabs, base_form_class=cls.base_form_class)
        return edit_handler.bind_to_model(cls)

    def serve(self, request, *args, **kwargs):
        # Page types override serve_page(), so the headers below always apply.
        response = self.serve_page(request, *args, **kwargs)
        if self.private_responses:
            never_cache(response)
        return response

    def serve_page(self, request, *args, **kwargs):
        """The response for a visitor; what :meth:`serve` adds the cache headers to."""
        return super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        # A preview shows a draft: it must never reach a shared cache.
        return never_cache(super().serve_preview(request, mode_name))

    def meta_description(self):
        """The editor's search description, else the page's own summary text."""
        if self.search_description:
            return self.search_description
        for attribute in SUMMARY_FIELDS:
            value = getattr(self, attribute, "")
            if value:
                return value
        return ""


def never_cache(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response
