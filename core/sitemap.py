"""One sitemap for every language, each page listing its translations."""

from collections import defaultdict
from functools import cached_property

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .visibility import visible_to_public


class MultilingualSitemap(Sitemap):
    """Every public page in every language, with ``hreflang`` alternates.

    Wagtail's own sitemap lists the default language's tree only; search
    engines also need each translation and the links between them.
    """

    def items(self):
        return self.pages

    @cached_property
    def pages(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return list(
            visible_to_public(Page.objects.filter(in_any_tree))
            .select_related("locale")
            .order_by("path")
        )

    @cached_property
    def translations(self):
        groups = defaultdict(list)
        for page in self.pages:
            groups[page.translation_key].append(page)
        return groups

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            alternates = [
                {
                    "lang_code": other.locale.language_code,
                    "location": other.get_full_url(self.request),
                }
                for other in self.translations[item.translation_key]
            ]
            default = next(
                (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None
            )
            if default is not None:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            urls.append(
                {
                    "item": item,
                    "location": item.get_full_url(self.request),
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates,
                }
            )
        return urls
