"""Atom feed of consultation calls open for answers now, per language.

Entries carry what the call's page shows every visitor (title, introduction,
link, dates); nothing from the form's settings, moderators or answers.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.syndication import LanguageFeed
from core.visibility import visible_to_public

from .models import ConsultationCallPage, GetInvolvedIndexPage


def open_calls(language, now=None):
    now = now or timezone.now()
    pages = ConsultationCallPage.objects.filter(locale__language_code=language)
    return (
        visible_to_public(pages)
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
    )


class OpenCallsFeed(LanguageFeed):
    index_model = GetInvolvedIndexPage

    def title(self, language):
        return _("Open consultation calls")

    def subtitle(self, language):
        return _("Calls for the views of survivors and survivor-led organisations, open now.")

    def items_for(self, language):
        return open_calls(language).order_by("closes_at", "title")
