"""Sentences of a translation that are still in the source language.

wagtail-localize publishes a translation with its untranslated sentences in
English (its "fallback"): after the English page changes and the
translations are synced, a page can go live half in English while the
report says "Waiting for translations". The portal refuses that publication
instead (languages/wagtail_hooks.py). The page's address (its slug) is not
a sentence a reader meets, so it may stay as it is.
"""

from wagtail_localize.models import StringSegment, Translation

NOT_READ_AS_TEXT = ["slug"]


def translation_of(page):
    """The synced translation whose target is ``page``, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def untranslated_strings(translation):
    """The source sentences a reader would meet in the source language."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .exclude(context__path__in=NOT_READ_AS_TEXT)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .select_related("string")
        .order_by("order")
    )
    return [segment.string.data for segment in segments]
