"""Atom feed of initiatives added to or updated in the directory, per language."""

from django.utils.translation import gettext as _

from core.syndication import LanguageFeed
from core.visibility import visible_to_public
from taxonomy.names import localized_name

from .models import InitiativeIndexPage, InitiativePage


class InitiativesFeed(LanguageFeed):
    index_model = InitiativeIndexPage

    def title(self, language):
        return _("New and updated survivor-led initiatives")

    def subtitle(self, language):
        return _("Initiatives added to or updated in the directory, newest first.")

    def items_for(self, language):
        pages = InitiativePage.objects.filter(locale__language_code=language)
        return (
            visible_to_public(pages).prefetch_related("areas").order_by("-last_published_at", "pk")
        )

    def item_categories(self, item):
        return [localized_name(area) for area in item.areas.all()]
