from contextlib import contextmanager
from importlib import import_module

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.planner import refresh_planner_statistics

# Each module gives load(context); the order follows the page tree.
DEMO_LOADERS = [
    "home.demo.site",
    "taxonomy.demo",
    "initiatives.demo",
    "practices.demo",
    "practices.tools.demo",
    "funding.demo",
    "forms.demo",
    "home.demo.menu",
    "home.demo.translations",
]


@contextmanager
def paused_indexing():
    """Neither the search index nor the reference index follows each save."""
    backends = {
        alias: {**params, "AUTO_UPDATE": False}
        for alias, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
        yield


class LoadContext:
    """What loaders share: the home page, and counts for the summary."""

    def __init__(self):
        self.home = None
        self.initiative_index = None
        self.created = 0
        self.existing = 0

    def count(self, _obj, created):
        if created:
            self.created += 1
        else:
            self.existing += 1


class Command(BaseCommand):
    help = (
        "Create the portal's page tree and demo content. Safe to run again: "
        "only what is missing is created."
    )

    def handle(self, *args, **options):
        context = LoadContext()
        # Indexing every page as it is saved, in five languages, is most of the
        # loading time; indexing once at the end gives the same result.
        with paused_indexing(), transaction.atomic():
            for path in DEMO_LOADERS:
                import_module(path).load(context)
        if context.created:
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
            refresh_planner_statistics()
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Demo content: {context.created} created, {context.existing} already there."
            )
