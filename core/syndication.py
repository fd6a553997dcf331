"""What the portal's Atom feeds share: one feed per language, from public pages only.

Each app says what its feed lists (``items_for``); this base gives it a
language from the URL (``/feeds/<language>/...``), interface strings in
that language, Atom, and the page links, dates and summaries every entry
carries. Feeds are wrapped by :func:`core.open_data_http.open_data_view`
for their cache and CORS headers.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed

from .visibility import visible_to_public

FEED_LENGTH = 50


def site_language(language):
    if language not in dict(settings.LANGUAGES):
        raise Http404("No such language")
    return language


class LanguageFeed(Feed):
    feed_type = Atom1Feed
    index_model = None  # the index page the feed's alternate link points at

    def __call__(self, request, *args, **kwargs):
        self.request = request
        with translation.override(site_language(kwargs["language"])):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, language):
        return language

    def items(self, language):
        return list(self.items_for(language)[:FEED_LENGTH])

    def items_for(self, language):
        raise NotImplementedError

    def link(self, language):
        if self.index_model is not None:
            index = (
                visible_to_public(self.index_model.objects.filter(locale__language_code=language))
                .order_by("path")
                .first()
            )
            if index is not None:
                return index.get_url(self.request)
        return f"/{language}/"

    def feed_url(self, language):
        return self.request.path

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "summary", "") or getattr(item, "introduction", "")

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_guid(self, item):
        return self.item_link(item)
