from django.core.management.base import BaseCommand

from languages.serbian_cyrillic import refresh_cyrillic_translations


class Command(BaseCommand):
    help = (
        "Create or refresh every Serbian (Cyrillic) translation from its Serbian (Latin) one by "
        "transliteration. Sentences an editor wrote in the Cyrillic translation are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-publish",
            action="store_true",
            help="Save the Cyrillic pages as drafts instead of publishing the live ones.",
        )

    def handle(self, *args, **options):
        refreshed, written, kept = refresh_cyrillic_translations(publish=not options["no_publish"])
        self.stdout.write(
            f"Serbian (Cyrillic): {refreshed} translation(s) refreshed, {written} sentence(s) "
            f"written, {kept} written by editors kept."
        )
