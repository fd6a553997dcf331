import polib
from django.core.management.base import BaseCommand

from demo.catalogues import (
    CATALOGUE_DIR,
    catalogue_path,
    default_home,
    source_objects,
    source_strings,
    translated_languages,
)


class Command(BaseCommand):
    help = (
        "Refresh demo/translations/<language>.po with every translatable string of the "
        "English demo content, keeping translations already made. Run after changing the demo "
        "content (demo/content/*.yaml) and loading it, then translate the empty entries."
    )

    def handle(self, *args, **options):
        occurrences = {}
        for instance in source_objects(default_home()):
            label = f"{instance._meta.label}:{getattr(instance, 'slug', None) or instance.pk}"
            for text, path in source_strings(instance):
                # Block ids change on every load; the field name is what helps.
                occurrences.setdefault(text, []).append((label, path.split(".")[0]))
        CATALOGUE_DIR.mkdir(exist_ok=True)
        for language in translated_languages():
            path = catalogue_path(language)
            old = {}
            if path.exists():
                old = {entry.msgid: entry.msgstr for entry in polib.pofile(str(path))}
            po = polib.POFile(wrapwidth=0)
            po.metadata = {
                "Project-Id-Version": "survivor-portal demo content",
                "Language": language,
                "MIME-Version": "1.0",
                "Content-Type": "text/plain; charset=utf-8",
                "Content-Transfer-Encoding": "8bit",
            }
            for text, places in occurrences.items():
                po.append(
                    polib.POEntry(
                        msgid=text,
                        msgstr=old.get(text, ""),
                        occurrences=[(f"{label}#{where}", "") for label, where in places[:3]],
                    )
                )
            po.save(str(path))
            done = sum(1 for entry in po if entry.msgstr)
            self.stdout.write(f"{path.name}: {len(po)} strings, {done} translated")
