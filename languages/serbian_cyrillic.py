"""Serbian Cyrillic pages made from the Serbian Latin translations.

Nobody translates Serbian twice. A Cyrillic page's sentences are its Latin
sibling's, transliterated (``core.serbian_cyrillic``); its address stays the
Latin one. Two ways to make them:

- in wagtail-localize's editor of a Serbian (Cyrillic) translation,
  *Translate with transliteration from Serbian (Latin)* fills every sentence
  not translated yet (:class:`TransliterationFromSerbianLatin`, the
  ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR``; it translates into no other
  language and makes no network request);
- ``manage.py transliterate_serbian`` creates or refreshes every Cyrillic
  translation of a Latin one at once (:func:`refresh_cyrillic_translations`).

A sentence an editor wrote in the Cyrillic editor is theirs (a "manual"
translation) and is never overwritten; generated ones are "machine"
translations, refreshed whenever the Latin text changes.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import String, StringTranslation, Translation
from wagtail_localize.strings import StringValue

from core.serbian_cyrillic import GENERATED_LANGUAGES, TOOL_NAME, latin_to_cyrillic


def generated_text(string_translation):
    """The Cyrillic form of a Latin translation; a page address stays as it is."""
    if string_translation.context.path == "slug":
        return string_translation.data
    return latin_to_cyrillic(string_translation.data)


def latin_locale_for(target_locale):
    source_language = GENERATED_LANGUAGES.get(target_locale.language_code)
    if source_language is None:
        return None
    return Locale.objects.filter(language_code=source_language).first()


class TransliterationFromSerbianLatin(BaseMachineTranslator):
    """wagtail-localize's "machine translation", for Serbian Cyrillic only."""

    display_name = _("transliteration from Serbian (Latin)")

    def can_translate(self, source_locale, target_locale):
        return latin_locale_for(target_locale) is not None

    def translate(self, source_locale, target_locale, strings):
        latin = latin_locale_for(target_locale)
        results = {}
        for string in strings:
            stored = String.objects.filter(
                locale=source_locale, data_hash=String._get_data_hash(string.data)
            ).first()
            latin_translation = (
                StringTranslation.objects.filter(translation_of=stored, locale=latin)
                .select_related("context")
                .order_by("-updated_at")
                .first()
                if stored
                else None
            )
            if latin_translation is not None:
                results[string] = StringValue(generated_text(latin_translation))
        return results


def refresh_cyrillic_translations(publish=True, user=None):
    """Make or refresh every Serbian Cyrillic translation from its Latin sibling.

    Returns (translations refreshed, sentences written, editors' sentences kept).
    """
    refreshed = written = kept = 0
    for target_language, source_language in GENERATED_LANGUAGES.items():
        target = Locale.objects.filter(language_code=target_language).first()
        latin = Locale.objects.filter(language_code=source_language).first()
        if target is None or latin is None:
            continue
        latin_translations = Translation.objects.filter(target_locale=latin).select_related(
            "source"
        )
        for latin_translation in latin_translations.order_by("source__id"):
            with transaction.atomic():
                counts = refresh_one(latin_translation, latin, target, publish, user)
            refreshed += 1
            written += counts[0]
            kept += counts[1]
    return refreshed, written, kept


def refresh_one(latin_translation, latin, target, publish, user):
    source = latin_translation.source
    cyrillic_translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=target, defaults={"enabled": True}
    )
    string_ids = source.stringsegment_set.values_list("string_id", flat=True)
    written = kept = 0
    for latin_string in StringTranslation.objects.filter(
        locale=latin, translation_of_id__in=string_ids
    ).select_related("context"):
        text = generated_text(latin_string)
        existing = StringTranslation.objects.filter(
            translation_of_id=latin_string.translation_of_id,
            locale=target,
            context_id=latin_string.context_id,
        ).first()
        if existing is not None and existing.translation_type == "manual":
            kept += 1
            continue
        if existing is not None and existing.data == text:
            continue
        StringTranslation.objects.update_or_create(
            translation_of_id=latin_string.translation_of_id,
            locale=target,
            context_id=latin_string.context_id,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                "tool_name": TOOL_NAME,
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
        written += 1
    try:
        latin_instance = latin_translation.get_target_instance()
    except ObjectDoesNotExist:  # a Latin translation never saved: nothing to follow
        return written, kept
    live = not isinstance(latin_instance, Page) or latin_instance.live
    cyrillic_translation.save_target(user=user, publish=publish and live)
    return written, kept
