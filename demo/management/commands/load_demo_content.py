from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.planner import refresh_planner_statistics
from demo.catalogues import default_home, translate_all
from demo.loader import Loader


@contextmanager
def paused_indexing():
    """Neither the search index nor the reference index follows each save."""
    backends = {
        alias: {**params, "AUTO_UPDATE": False}
        for alias, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
        yield


class Command(BaseCommand):
    help = (
        "Create the portal's page tree and demo content from demo/content/*.yaml, and its "
        "translations from demo/translations/*.po. Safe to run again: only what is missing "
        "is created."
    )

    def handle(self, *args, **options):
        loader = Loader()
        # Indexing every page as it is saved, in five languages, is most of the
        # loading time; indexing once at the end gives the same result.
        with paused_indexing(), transaction.atomic():
            loader.load()
            translated, already_translated = translate_all(default_home())
        created = loader.created + translated
        if created:
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
            refresh_planner_statistics()
        if options["verbosity"] > 0:
            existing = loader.existing + already_translated
            self.stdout.write(f"Demo content: {created} created, {existing} already there.")
