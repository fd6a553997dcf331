from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from core.serbian_cyrillic import cyrillic_catalogue

# Catalogues made from another one rather than translated: Serbian Cyrillic is
# the Serbian Latin catalogue, transliterated (core/serbian_cyrillic.py).
GENERATED = {"sr_Cyrl": ("sr_Latn", cyrillic_catalogue)}


def generated_catalogue(locale_path, folder):
    """(path, text) of a generated catalogue as it should be now, or None."""
    source_folder, make = GENERATED[folder]
    source = Path(locale_path) / source_folder / "LC_MESSAGES" / "django.po"
    if not source.exists():
        return None
    target = Path(locale_path) / folder / "LC_MESSAGES" / "django.po"
    return target, str(make(polib.pofile(str(source))))


class Command(BaseCommand):
    help = (
        "Generate the Serbian Cyrillic catalogue from the Serbian Latin one, then compile "
        "every .po catalogue under LOCALE_PATHS to .mo. Unlike compilemessages it needs no "
        "GNU gettext, so a fresh machine can run the portal."
    )

    def handle(self, *args, **options):
        generated = compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for folder in GENERATED:
                made = generated_catalogue(locale_path, folder)
                if made is None:
                    continue
                target, text = made
                if not target.exists() or target.read_text(encoding="utf-8") != text:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text, encoding="utf-8")
                    generated += 1
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Translations: {generated} catalogue(s) generated, {compiled} compiled.")
