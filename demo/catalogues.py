"""Demo content in every portal language, through wagtail-localize.

The translations live in PO files, ``demo/translations/<language>.po``, keyed
by the English source string: exactly what a translator working offline
would send back. Loading them uses wagtail-localize's own machinery
(translation sources, ``import_po``, ``save_target``), so demo translations
are ordinary synced translations that editors can keep updating in the admin.

``manage.py export_demo_strings`` refreshes the PO files after the English
demo content changes.

Serbian Cyrillic has no file of its own: its catalogue is the Serbian Latin
one, transliterated (``core.serbian_cyrillic``), page addresses excepted, so
nobody translates the demo twice.
"""

from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from core.serbian_cyrillic import GENERATED_LANGUAGES, TOOL_NAME, latin_to_cyrillic

from .loader import translatable_models

CATALOGUE_DIR = Path(__file__).resolve().parent / "translations"


def target_languages():
    return [
        code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE
    ]


def translated_languages():
    """The languages whose demo translations are written by translators."""
    return [language for language in target_languages() if language not in GENERATED_LANGUAGES]


def catalogue_path(language):
    return CATALOGUE_DIR / f"{language}.po"


def default_home():
    return Site.objects.get(is_default_site=True).root_page.specific


def source_objects(home):
    """Everything the demo translates, parents before children, snippets first.

    Snippets: every object of the translatable models the demo content
    defines. Pages: every live page of the home page's tree in its language.
    """
    objects = []
    for model in translatable_models():
        objects.extend(model.objects.filter(locale=home.locale).order_by("pk"))
    pages = home.get_descendants(inclusive=True).live().filter(locale=home.locale).order_by("path")
    objects.extend(page.specific for page in pages)
    return objects


def source_strings(instance):
    """[(source string, context path)] of one object, in order."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    return [(segment.string.data, segment.context.path) for segment in segments]


def load_catalogue(language):
    if language in GENERATED_LANGUAGES:
        return generated_catalogue(GENERATED_LANGUAGES[language])
    path = catalogue_path(language)
    if not path.exists():
        return {}
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.obsolete
    }


def is_slug(entry):
    return entry.occurrences and all(place.endswith("#slug") for place, _ in entry.occurrences)


def generated_catalogue(source_language):
    """The Serbian Latin catalogue in Cyrillic; page addresses stay Latin."""
    path = catalogue_path(source_language)
    if not path.exists():
        return {}
    return {
        entry.msgid: entry.msgstr if is_slug(entry) else latin_to_cyrillic(entry.msgstr)
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.obsolete
    }


def translate_all(home):
    """Translate the demo into every language that has a catalogue.

    Returns (translations made now, translations already there).
    """
    created = existing = 0
    for language in target_languages():
        catalogue = load_catalogue(language)
        if not catalogue:
            continue
        locale = Locale.objects.get(language_code=language)
        for instance in source_objects(home):
            if translate(instance, locale, catalogue):
                created += 1
            else:
                existing += 1
    return created, existing


def translate(instance, locale, catalogue):
    """Translate ``instance`` into ``locale`` once; return whether it was created now."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if not created:
        return False
    po = translation.export_po()
    for entry in po:
        entry.msgstr = catalogue.get(entry.msgid, "")
    if locale.language_code in GENERATED_LANGUAGES:
        # Marked as generated, so `transliterate_serbian` refreshes them.
        translation.import_po(po, translation_type="machine", tool_name=TOOL_NAME)
    else:
        translation.import_po(po)
    translation.save_target(publish=not isinstance(instance, Page) or instance.live)
    return True
